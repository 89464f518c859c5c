/* notify_linux.c: systemd notifications over $NOTIFY_SOCKET (see
 * platform.h).  One datagram per message; an abstract socket name starts
 * with '@'.  Failures are logged once and otherwise ignored: the exhibit
 * must not stop because its supervisor went away. */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "core/log.h"
#include "platform/platform.h"

bool platform_notify(const char *message)
{
    const char *path = getenv("NOTIFY_SOCKET");
    if (!path || !*path)
        return false;
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    size_t len = strlen(path);
    if (len >= sizeof addr.sun_path)
        return false;
    memcpy(addr.sun_path, path, len);
    if (addr.sun_path[0] == '@')
        addr.sun_path[0] = '\0';
    int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    ssize_t n = sendto(fd, message, strlen(message), MSG_NOSIGNAL,
                       (struct sockaddr *)&addr,
                       (socklen_t)(offsetof(struct sockaddr_un, sun_path) +
                                   len));
    static bool warned;
    if (n < 0 && !warned) {
        log_warn("platform", "cannot notify the service manager: %s",
                 strerror(errno));
        warned = true;
    }
    close(fd);
    return n >= 0;
}

unsigned platform_watchdog_ms(void)
{
    const char *usec = getenv("WATCHDOG_USEC");
    if (!usec)
        return 0;
    /* For this process only (WATCHDOG_PID), as sd_watchdog_enabled. */
    const char *pid = getenv("WATCHDOG_PID");
    if (pid && atol(pid) != (long)getpid())
        return 0;
    long long v = atoll(usec);
    return v > 0 ? (unsigned)(v / 1000) : 0;
}

bool platform_watchdog_allow(unsigned ms)
{
    unsigned own = platform_watchdog_ms();
    if (!own)
        return false;
    char msg[64];
    snprintf(msg, sizeof msg, "WATCHDOG_USEC=%llu\nWATCHDOG=1",
             (unsigned long long)(ms ? ms : own) * 1000ull);
    return platform_notify(msg);
}
