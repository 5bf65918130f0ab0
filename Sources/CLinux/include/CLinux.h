// Linux system calls that Swift's Glibc module does not import (epoll, eventfd,
// signalfd, accept4), their constants, and accessors for `struct epoll_event`,
// whose layout is packed on x86-64 and natural elsewhere: Swift never computes
// its offsets, the C compiler does.
#ifndef CLINUX_H
#define CLINUX_H

#include <stdint.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <malloc.h>

// Constants as typed values (the headers define some as enum members and some as
// macros of macros, which Swift imports inconsistently or not at all).
static const uint32_t CLINUX_EPOLLIN = EPOLLIN;
static const uint32_t CLINUX_EPOLLOUT = EPOLLOUT;
static const uint32_t CLINUX_EPOLLERR = EPOLLERR;
static const uint32_t CLINUX_EPOLLHUP = EPOLLHUP;
static const uint32_t CLINUX_EPOLLRDHUP = EPOLLRDHUP;
static const uint32_t CLINUX_EPOLLET = EPOLLET;
static const int CLINUX_EPOLL_CTL_ADD = EPOLL_CTL_ADD;
static const int CLINUX_EPOLL_CTL_MOD = EPOLL_CTL_MOD;
static const int CLINUX_EPOLL_CTL_DEL = EPOLL_CTL_DEL;
static const int CLINUX_EPOLL_CLOEXEC = EPOLL_CLOEXEC;
static const int CLINUX_EFD_CLOEXEC = EFD_CLOEXEC;
static const int CLINUX_EFD_NONBLOCK = EFD_NONBLOCK;
static const int CLINUX_SFD_CLOEXEC = SFD_CLOEXEC;
static const int CLINUX_SFD_NONBLOCK = SFD_NONBLOCK;
static const int CLINUX_SOCK_NONBLOCK = SOCK_NONBLOCK;
static const int CLINUX_SOCK_CLOEXEC = SOCK_CLOEXEC;

static inline int clinux_epoll_create1(int flags) { return epoll_create1(flags); }

/// Returns freed heap memory to the system (glibc keeps it in per-thread arenas otherwise).
static inline int clinux_malloc_trim(size_t pad) { return malloc_trim(pad); }

/// Caps glibc's malloc arenas (one per thread by default, each keeping its freed memory).
static inline int clinux_malloc_arena_max(int count) { return mallopt(M_ARENA_MAX, count); }

static inline int clinux_epoll_wait(int epfd, struct epoll_event *events, int maxevents, int timeout) {
    return epoll_wait(epfd, events, maxevents, timeout);
}

/// Registers (or modifies) `fd` with `data` as the event's user data.
static inline int clinux_epoll_ctl(int epfd, int op, int fd, uint32_t events, uint64_t data) {
    struct epoll_event event;
    event.events = events;
    event.data.u64 = data;
    return epoll_ctl(epfd, op, fd, &event);
}

static inline uint32_t clinux_epoll_event_events(const struct epoll_event *events, int index) {
    return events[index].events;
}

static inline uint64_t clinux_epoll_event_data(const struct epoll_event *events, int index) {
    return events[index].data.u64;
}

static inline void clinux_epoll_event_set(struct epoll_event *events, int index, uint32_t flags, uint64_t data) {
    events[index].events = flags;
    events[index].data.u64 = data;
}

static inline int clinux_eventfd(unsigned int initval, int flags) { return eventfd(initval, flags); }

/// A signalfd for SIGTERM and SIGINT (or any set built with sigaddset).
static inline int clinux_signalfd(int fd, const sigset_t *mask, int flags) { return signalfd(fd, mask, flags); }

static inline uint32_t clinux_signalfd_siginfo_signo(const struct signalfd_siginfo *info) { return info->ssi_signo; }

/// accept4 is a GNU extension; defined in CLinux.c, compiled with _GNU_SOURCE.
int clinux_accept4(int sockfd, struct sockaddr *addr, socklen_t *addrlen, int flags);

/// Names the calling thread in the kernel (top -H, perf, /proc/<pid>/task/<tid>/comm); the kernel
/// keeps the first 15 bytes. Foundation's `Thread.name` does not reach the kernel on Linux.
int clinux_set_thread_name(const char *name);

/// Moves the calling thread to SCHED_IDLE: it runs only when no normal thread wants the core,
/// so its work never delays a request's (defined in CLinux.c, compiled with _GNU_SOURCE).
int clinux_set_thread_idle_policy(void);

/// Puts the calling thread's disk I/O in the idle class (ioprio_set): its reads and writes wait
/// while other threads have I/O queued, where the block scheduler honours classes (mq-deadline,
/// bfq). Returns -1 where it cannot (defined in CLinux.c; glibc has no wrapper).
int clinux_set_thread_io_idle(void);

/// The I/O priority class of thread `tid` (0: the caller): 0 none, 1 realtime, 2 best effort,
/// 3 idle; -1 on error.
int clinux_thread_io_class(int tid);

#endif
