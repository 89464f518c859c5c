/* fault.c: fault injection (see fault.h). */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "state/fault.h"

static long kill_at = -1, enospc_at = -1, points, writes;
static int ready;

static void report(void)
{
    fprintf(stderr, "fault points: %ld\n", points);
}

static void setup(void)
{
    if (ready)
        return;
    ready = 1;
    const char *k = getenv("KIOSK_FAULT_KILL_AT");
    const char *e = getenv("KIOSK_FAULT_ENOSPC_AT");
    const char *c = getenv("KIOSK_FAULT_COUNT");
    kill_at = k ? atol(k) : -1;
    enospc_at = e ? atol(e) : -1;
    if (c)
        atexit(report);
}

void fault_point(void)
{
    setup();
    if (++points == kill_at)
        raise(SIGKILL);
}

ssize_t fault_write(int fd, const void *buf, size_t n)
{
    setup();
    fault_point();
    if (++writes == enospc_at) {
        errno = ENOSPC;
        return -1;
    }
    return write(fd, buf, n);
}
