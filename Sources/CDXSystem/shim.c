#define _GNU_SOURCE
#include "CDXSystem.h"
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <errno.h>
#include <linux/filter.h>
#include <sys/resource.h>
#include <sched.h>
#include <pthread.h>
#include <unistd.h>
#include <malloc.h>
#include <sys/syscall.h>

const int DX_EPOLL_CTL_ADD = EPOLL_CTL_ADD;
const int DX_EPOLL_CTL_MOD = EPOLL_CTL_MOD;
const int DX_EPOLL_CTL_DEL = EPOLL_CTL_DEL;
const uint32_t DX_EPOLLIN = EPOLLIN;
const uint32_t DX_EPOLLOUT = EPOLLOUT;
const uint32_t DX_EPOLLERR = EPOLLERR;
const uint32_t DX_EPOLLHUP = EPOLLHUP;
const uint32_t DX_EPOLLRDHUP = EPOLLRDHUP;
const uint32_t DX_EPOLLET = EPOLLET;
const uint32_t DX_EPOLLEXCLUSIVE = EPOLLEXCLUSIVE;

int dx_epoll_create(void) { return epoll_create1(EPOLL_CLOEXEC); }

int dx_epoll_ctl(int epfd, int op, int fd, uint32_t events, uint64_t data) {
    struct epoll_event ev;
    ev.events = events;
    ev.data.u64 = data;
    return epoll_ctl(epfd, op, fd, &ev);
}

int dx_epoll_wait(int epfd, uint64_t *datas, uint32_t *events, int max, int timeout_ms) {
    struct epoll_event evs[256];
    if (max > 256) max = 256;
    // Through syscall(2), like dx_read: glibc's epoll_wait is a cancellation point too.
    int n = (int)syscall(SYS_epoll_wait, epfd, evs, max, timeout_ms);
    for (int i = 0; i < n; i++) {
        datas[i] = evs[i].data.u64;
        events[i] = evs[i].events;
    }
    return n;
}

int dx_eventfd(void) { return eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC); }

int dx_accept4(int fd, struct sockaddr *addr, socklen_t *len) {
    return accept4(fd, addr, len, SOCK_NONBLOCK | SOCK_CLOEXEC);
}

int dx_eventfd_drain(int fd) {
    eventfd_t value;
    return eventfd_read(fd, &value);
}

int dx_eventfd_signal(int fd) {
    return eventfd_write(fd, 1);
}

int dx_drop_new_handshakes(int fd) {
    // Classic BPF run by the listening socket on each segment, at the TCP header: a pure SYN
    // (SYN without ACK) is dropped, everything else (the ACK completing a handshake already
    // under way) kept whole.
    struct sock_filter code[] = {
        BPF_STMT(BPF_LD | BPF_B | BPF_ABS, 13),
        BPF_STMT(BPF_ALU | BPF_AND | BPF_K, 0x12),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0x02, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, 0),
        BPF_STMT(BPF_RET | BPF_K, 0xFFFFFFFF),
    };
    struct sock_fprog program = { .len = sizeof code / sizeof code[0], .filter = code };
    return setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, &program, sizeof program);
}

int dx_raise_nofile_limit(uint64_t *soft, uint64_t *hard) {
    struct rlimit limit;
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return -1;
    if (limit.rlim_cur != limit.rlim_max) {
        struct rlimit raised = { .rlim_cur = limit.rlim_max, .rlim_max = limit.rlim_max };
        if (setrlimit(RLIMIT_NOFILE, &raised) != 0) return -1;
        limit = raised;
    }
    *soft = limit.rlim_cur == RLIM_INFINITY ? UINT64_MAX : (uint64_t)limit.rlim_cur;
    *hard = limit.rlim_max == RLIM_INFINITY ? UINT64_MAX : (uint64_t)limit.rlim_max;
    return 0;
}

int dx_available_cpus(void) {
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof(set), &set) != 0) {
        long online = sysconf(_SC_NPROCESSORS_ONLN);
        return online > 0 ? (int)online : 1;
    }
    int count = CPU_COUNT(&set);
    return count > 0 ? count : 1;
}

int dx_set_thread_name(const char *name) {
    return pthread_setname_np(pthread_self(), name);
}

int dx_release_free_memory(void) {
    return malloc_trim(0);
}

ssize_t dx_read(int fd, void *buffer, size_t count) { return syscall(SYS_read, fd, buffer, count); }

// send(2) is sendto(2) without an address, as glibc issues it.
ssize_t dx_send(int fd, const void *buffer, size_t count, int flags) {
    return syscall(SYS_sendto, fd, buffer, count, flags, NULL, 0);
}

ssize_t dx_sendmsg(int fd, const struct msghdr *message, int flags) {
    return syscall(SYS_sendmsg, fd, message, flags);
}
