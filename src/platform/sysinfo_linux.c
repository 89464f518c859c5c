/* sysinfo_linux.c: the system's health for the status file, and whether
 * the wall clock can be trusted (see platform.h).  Every path is read
 * under `root` ("" on a kiosk), so the tests build a fake /sys and /run.
 *
 * The Raspberry Pi's throttling flags are the firmware's get_throttled
 * word; Raspberry Pi OS kernels publish it, readable by anyone, as
 * /sys/devices/platform/soc/soc:firmware/get_throttled (a hex number),
 * which needs no mailbox ioctl on /dev/vcio (root or the video group) and
 * no vcgencmd process. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statvfs.h>
#include <sys/timex.h>
#include <time.h>
#include <unistd.h>

#include "platform/platform.h"

/* The first line of ROOT/path into buf; false if it cannot be read. */
static bool read_line(const char *root, const char *path, char *buf,
                      size_t size)
{
    char full[512];
    snprintf(full, sizeof full, "%s%s", root, path);
    FILE *f = fopen(full, "r");
    if (!f)
        return false;
    bool ok = fgets(buf, (int)size, f) != NULL;
    fclose(f);
    if (ok)
        buf[strcspn(buf, "\n")] = '\0';
    return ok;
}

bool platform_cpu_temp_mdeg(const char *root, long *mdeg)
{
    /* Zone 0 is the SoC's on a Pi (cpu-thermal) and the package's on
     * most PCs; the first zone that reads is taken. */
    for (int z = 0; z < 8; z++) {
        char path[96], buf[64];
        snprintf(path, sizeof path, "/sys/class/thermal/thermal_zone%d/temp",
                 z);
        if (!read_line(root, path, buf, sizeof buf))
            continue;
        char *end;
        long v = strtol(buf, &end, 10);
        if (end != buf && *end == '\0' && v > -100000 && v < 200000) {
            *mdeg = v;
            return true;
        }
    }
    return false;
}

bool platform_throttled(const char *root, unsigned *flags)
{
    char buf[64];
    if (!read_line(root, "/sys/devices/platform/soc/soc:firmware/"
                         "get_throttled", buf, sizeof buf))
        return false;
    char *end;
    unsigned long v = strtoul(buf, &end, 16);
    if (end == buf || *end != '\0')
        return false;
    *flags = (unsigned)v;
    return true;
}

bool platform_fs_space(const char *path, unsigned long long *free_b,
                       unsigned long long *total_b)
{
    struct statvfs st;
    if (statvfs(path, &st) != 0)
        return false;
    *free_b = (unsigned long long)st.f_bavail * st.f_frsize;
    *total_b = (unsigned long long)st.f_blocks * st.f_frsize;
    return true;
}

bool platform_uptime_s(double *s)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_BOOTTIME, &ts) != 0)
        return false;
    *s = (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
    return true;
}

bool platform_clock_trusted(const char *root, char *why, size_t size)
{
    char path[512];
    snprintf(path, sizeof path, "%s/run/systemd/timesync/synchronized",
             root);
    if (access(path, F_OK) == 0) {
        snprintf(why, size, "synchronised by NTP since boot "
                 "(systemd-timesyncd)");
        return true;
    }
    /* The kernel's own NTP state (chrony, ntpd, timesyncd all keep it):
     * asked only of the real system, never of a test's folder. */
    if (!root[0]) {
        struct timex tx = {.modes = 0};
        int state = adjtimex(&tx);
        if (state != TIME_ERROR && !(tx.status & STA_UNSYNC)) {
            snprintf(why, size, "synchronised by NTP (the kernel's clock "
                     "is in sync, estimated error %ld us)", tx.esterror);
            return true;
        }
    }
    char buf[16];
    if (read_line(root, "/sys/class/rtc/rtc0/hctosys", buf, sizeof buf) &&
        strcmp(buf, "1") == 0) {
        snprintf(why, size, "set at boot from the real-time clock (rtc0), "
                 "not yet synchronised by NTP");
        return true;
    }
    snprintf(why, size, "not synchronised since boot (no NTP answer yet) "
             "and no real-time clock set the time at boot: the opening "
             "hours are not trusted, the display stays on");
    return false;
}
