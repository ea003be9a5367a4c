#define _GNU_SOURCE
#include "CDXSystem.h"
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <errno.h>

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
    int n = epoll_wait(epfd, evs, max, timeout_ms);
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

void dx_eventfd_drain(int fd) {
    eventfd_t value;
    (void)eventfd_read(fd, &value);
}

void dx_eventfd_signal(int fd) {
    (void)eventfd_write(fd, 1);
}
