/* test_watchdog.c: the service manager's watchdog, with a fake notify
 * socket standing in for systemd.  The real program (SDL's dummy driver)
 * must say READY=1 once its first frame is up and then ping WATCHDOG=1 at
 * half the interval it is given -- even on a still screen, where it draws
 * nothing -- and a main loop that stops (SIGSTOP here) must fall silent,
 * which is how systemd's WatchdogSec detects a hang. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <unistd.h>

#include "check.h"
#include "proc.h"

/* Every datagram received, in order, each followed by '|'. */
static char seen[8192];

/* Counts datagrams containing `what` during `seconds`. */
static int count(int fd, const char *what, double seconds)
{
    int n = 0;
    double end = proc_now() + seconds;
    while (proc_now() < end) {
        char buf[256];
        ssize_t r = recv(fd, buf, sizeof buf - 1, 0);
        if (r <= 0)
            continue; /* the receive timeout */
        buf[r] = '\0';
        n += strstr(buf, what) != NULL;
        size_t at = strlen(seen);
        snprintf(seen + at, sizeof seen - at, "%s|", buf);
    }
    return n;
}

int main(void)
{
    char path[] = "/tmp/kiosk-test-notify-XXXXXX";
    int tmp = mkstemp(path);
    if (tmp < 0)
        return 1;
    close(tmp);
    unlink(path);
    int fd = socket(AF_UNIX, SOCK_DGRAM, 0);
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    snprintf(addr.sun_path, sizeof addr.sun_path, "%s", path);
    if (fd < 0 || bind(fd, (struct sockaddr *)&addr, sizeof addr) != 0)
        return 1;
    struct timeval tv = {0, 50000};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);

    /* The service manager's environment: where to say READY=1 and how
     * often to ping. */
    char notify[sizeof path + 16];
    snprintf(notify, sizeof notify, "NOTIFY_SOCKET=%s", path);
    const char *const env[] = {notify, "WATCHDOG_USEC=400000",
                               "SDL_VIDEODRIVER=dummy", NULL};
    struct proc kiosk;
    proc_start(&kiosk,
               (const char *const[]){"build/test/kiosk", "--windowed",
                                     "--size", "640x480", NULL},
               &(struct proc_io){.env = env});
    CHECK(count(fd, "READY=1", 10.0) == 1, "READY=1 after the first frame");
    /* Up to the first frame the watchdog allows the start's 90 s (a GPU
     * emulated in software, every glyph new); then its own interval. */
    count(fd, "", 0.3);
    const char *ready = strstr(seen, "READY=1");
    const char *allow = strstr(seen, "WATCHDOG_USEC=90000000");
    const char *own = ready ? strstr(ready, "WATCHDOG_USEC=400000\n")
                            : NULL;
    CHECK(allow && ready && allow < ready,
          "before the first frame the watchdog is given 90 s (%.120s)", seen);
    CHECK(own != NULL, "after READY=1 it gets its own 400 ms back (%.120s)",
          ready ? ready : seen);
    int pings = count(fd, "WATCHDOG=1", 2.0);
    CHECK(pings >= 7 && pings <= 12, "about one ping per 200 ms on a still "
                                     "screen (%d in 2 s)", pings);
    kill(kiosk.pid, SIGSTOP);
    count(fd, "WATCHDOG=1", 0.3); /* drain what was already sent */
    int silent = count(fd, "WATCHDOG=1", 1.0);
    CHECK(silent == 0, "a stopped main loop stops pinging (%d pings in 1 s, "
                       "more than twice the 400 ms watchdog)", silent);
    kill(kiosk.pid, SIGCONT);
    CHECK(count(fd, "WATCHDOG=1", 1.0) >= 3, "pings resume when it runs");
    CHECK(proc_stop(&kiosk, SIGTERM) == 0, "it closes cleanly");

    /* No fonts: not a black screen but the error screen, alive and fed to
     * the watchdog until the service manager stops it. */
    proc_start(&kiosk,
               (const char *const[]){"build/test/kiosk", "--windowed",
                                     "--fonts", "/nonexistent/manifest.txt",
                                     NULL},
               &(struct proc_io){.env = env, .err = "/dev/null"});
    seen[0] = '\0';
    CHECK(count(fd, "READY=1", 10.0) == 1, "no fonts: the error screen is up");
    count(fd, "", 0.3);
    ready = strstr(seen, "READY=1");
    CHECK(ready && strstr(ready, "WATCHDOG_USEC=400000\n"),
          "the error screen gives the watchdog its own interval back (%.120s)",
          seen);
    CHECK(count(fd, "WATCHDOG=1", 1.0) >= 3, "and it feeds the watchdog");
    int code = proc_stop(&kiosk, SIGTERM);
    CHECK(code == 1, "SIGTERM ends it with status 1 (%d)", code);
    close(fd);
    unlink(path);
    return check_finish("test_watchdog");
}
