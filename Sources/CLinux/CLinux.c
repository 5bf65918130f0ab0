// accept4, SCHED_IDLE and prctl's names are declared only under _GNU_SOURCE, which must precede
// every include.
#define _GNU_SOURCE
#include <sched.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <sys/socket.h>
#include "CLinux.h"

int clinux_accept4(int sockfd, struct sockaddr *addr, socklen_t *addrlen, int flags) {
    return accept4(sockfd, addr, addrlen, flags);
}

int clinux_set_thread_name(const char *name) {
    return prctl(PR_SET_NAME, name, 0, 0, 0);
}

int clinux_set_thread_idle_policy(void) {
    struct sched_param parameters = { .sched_priority = 0 };
    return sched_setscheduler(0, SCHED_IDLE, &parameters);
}

int clinux_set_thread_io_idle(void) {
    // IOPRIO_WHO_PROCESS with id 0 is the calling thread; class 3 (IOPRIO_CLASS_IDLE) sits in the
    // top bits above IOPRIO_CLASS_SHIFT (13). linux/ioprio.h is not in every libc's headers.
    return (int)syscall(SYS_ioprio_set, 1, 0, 3 << 13);
}

int clinux_thread_io_class(int tid) {
    long value = syscall(SYS_ioprio_get, 1, tid);
    return value < 0 ? -1 : (int)(value >> 13);
}
