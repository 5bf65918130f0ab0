// accept4, SCHED_IDLE and prctl's names are declared only under _GNU_SOURCE, which must precede
// every include.
#define _GNU_SOURCE
#include <sched.h>
#include <sys/prctl.h>
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
