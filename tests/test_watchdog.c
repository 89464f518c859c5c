/* test_watchdog.c: the service manager's watchdog, with a fake notify
 * socket standing in for systemd.  The real program (SDL's dummy driver)
 * must say READY=1 once its first frame is up and then ping WATCHDOG=1 at
 * half the interval it is given -- even on a still screen, where it draws
 * nothing -- and a main loop that stops (SIGSTOP here) must fall silent,
 * which is how systemd's WatchdogSec detects a hang. */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Counts datagrams containing `what` during `seconds`. */
static int count(int fd, const char *what, double seconds)
{
    int n = 0;
    double end = now() + seconds;
    while (now() < end) {
        char buf[256];
        ssize_t r = recv(fd, buf, sizeof buf - 1, 0);
        if (r <= 0)
            continue; /* the receive timeout */
        buf[r] = '\0';
        n += strstr(buf, what) != NULL;
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

    pid_t pid = fork();
    if (pid == 0) {
        setenv("NOTIFY_SOCKET", path, 1);
        setenv("WATCHDOG_USEC", "400000", 1);
        setenv("SDL_VIDEODRIVER", "dummy", 1);
        execl("build/test/kiosk", "kiosk", "--windowed", "--size", "640x480",
              (char *)NULL);
        _exit(127);
    }
    CHECK(count(fd, "READY=1", 10.0) == 1, "READY=1 after the first frame");
    int pings = count(fd, "WATCHDOG=1", 2.0);
    CHECK(pings >= 7 && pings <= 12, "about one ping per 200 ms on a still "
                                     "screen (%d in 2 s)", pings);
    kill(pid, SIGSTOP);
    count(fd, "WATCHDOG=1", 0.3); /* drain what was already sent */
    int silent = count(fd, "WATCHDOG=1", 1.0);
    CHECK(silent == 0, "a stopped main loop stops pinging (%d pings in 1 s, "
                       "more than twice the 400 ms watchdog)", silent);
    kill(pid, SIGCONT);
    CHECK(count(fd, "WATCHDOG=1", 1.0) >= 3, "pings resume when it runs");
    kill(pid, SIGTERM);
    int status = 0;
    waitpid(pid, &status, 0);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
          "it closes cleanly");

    /* No fonts: not a black screen but the error screen, alive and fed to
     * the watchdog until the service manager stops it. */
    pid = fork();
    if (pid == 0) {
        setenv("NOTIFY_SOCKET", path, 1);
        setenv("WATCHDOG_USEC", "400000", 1);
        setenv("SDL_VIDEODRIVER", "dummy", 1);
        int devnull = open("/dev/null", O_WRONLY);
        dup2(devnull, 2);
        execl("build/test/kiosk", "kiosk", "--windowed", "--fonts",
              "/nonexistent/manifest.txt", (char *)NULL);
        _exit(127);
    }
    CHECK(count(fd, "READY=1", 10.0) == 1, "no fonts: the error screen is up");
    CHECK(count(fd, "WATCHDOG=1", 1.0) >= 3, "and it feeds the watchdog");
    kill(pid, SIGTERM);
    waitpid(pid, &status, 0);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 1,
          "SIGTERM ends it with status 1 (%d)", status);
    close(fd);
    unlink(path);
    return check_finish("test_watchdog");
}
