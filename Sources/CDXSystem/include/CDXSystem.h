#ifndef DX_SYSTEM_H
#define DX_SYSTEM_H
#include <stdint.h>
#include <sys/types.h>
#include <sys/socket.h>

// struct epoll_event is packed on x86_64, which Swift imports awkwardly; these wrappers take
// and return plain fields instead.
int dx_epoll_create(void);
int dx_epoll_ctl(int epfd, int op, int fd, uint32_t events, uint64_t data);
// Fills parallel arrays; returns the count, 0 on timeout, -1 with errno on error.
int dx_epoll_wait(int epfd, uint64_t *datas, uint32_t *events, int max, int timeout_ms);

int dx_eventfd(void);
int dx_accept4(int fd, struct sockaddr *addr, socklen_t *len);

extern const int DX_EPOLL_CTL_ADD;
extern const int DX_EPOLL_CTL_MOD;
extern const int DX_EPOLL_CTL_DEL;
extern const uint32_t DX_EPOLLIN;
extern const uint32_t DX_EPOLLOUT;
extern const uint32_t DX_EPOLLERR;
extern const uint32_t DX_EPOLLHUP;
extern const uint32_t DX_EPOLLRDHUP;
extern const uint32_t DX_EPOLLET;
extern const uint32_t DX_EPOLLEXCLUSIVE;

// Reads the eventfd counter back to zero; adds 1 to it. 0, or -1 with errno (EAGAIN: nothing
// to read, or the counter is saturated, which still wakes the loop).
int dx_eventfd_drain(int fd);
int dx_eventfd_signal(int fd);

// Attaches a socket filter to a listening TCP socket that drops new SYNs, so no new handshake
// starts while those already under way complete and can be accepted. 0, or -1 with errno.
int dx_drop_new_handshakes(int fd);

// Raises the soft RLIMIT_NOFILE to the hard limit; reports both (UINT64_MAX: unlimited).
// 0, or -1 with errno.
int dx_raise_nofile_limit(uint64_t *soft, uint64_t *hard);

// Names the calling thread in the kernel (15 bytes at most), as `top -H` and /proc show it.
int dx_set_thread_name(const char *name);

// How many CPUs this process may run on (sched_getaffinity), at least 1.
int dx_available_cpus(void);

// Returns the free pages of every malloc arena to the system (glibc malloc_trim(0)); 1 when
// some memory was released.
int dx_release_free_memory(void);

// read(2), send(2) and sendmsg(2) issued through syscall(2): glibc 2.36 makes its own wrappers
// cancellation points, each call paying __pthread_enable/disable_asynccancel, and the engine
// never cancels a thread. Same results: the count, or -1 with errno (EINTR, EAGAIN, …).
ssize_t dx_read(int fd, void *buffer, size_t count);
ssize_t dx_send(int fd, const void *buffer, size_t count, int flags);
ssize_t dx_sendmsg(int fd, const struct msghdr *message, int flags);
#endif
