/* test_sysinfo.c: the machine's health and the clock's trust as the
 * platform layer reads them (platform/sysinfo_linux.c), from a fake root
 * folder that stands for /sys and /run: a Pi's thermal zone and firmware
 * flags, a PC without them, a zone that does not read, the three ways the
 * clock is trusted and the one where it is not. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "platform/platform.h"

static char root[256];

static void put(const char *path, const char *text)
{
    char full[600], cmd[800];
    snprintf(full, sizeof full, "%s%s", root, path);
    snprintf(cmd, sizeof cmd, "mkdir -p \"$(dirname '%s')\"", full);
    if (system(cmd) != 0)
        return;
    FILE *f = fopen(full, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static void clear(void)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s' && mkdir -p '%s'", root, root);
    if (system(cmd) != 0)
        fprintf(stderr, "cannot reset %s\n", root);
}

static void test_temperature(void)
{
    long mdeg = -1;
    clear();
    CHECK(!platform_cpu_temp_mdeg(root, &mdeg),
          "no thermal zone: the temperature is unknown");
    put("/sys/class/thermal/thermal_zone0/temp", "48312\n");
    CHECK(platform_cpu_temp_mdeg(root, &mdeg) && mdeg == 48312,
          "a Pi's cpu-thermal zone: %ld", mdeg);
    clear();
    put("/sys/class/thermal/thermal_zone0/temp", "garbage\n");
    put("/sys/class/thermal/thermal_zone2/temp", "61000\n");
    CHECK(platform_cpu_temp_mdeg(root, &mdeg) && mdeg == 61000,
          "a zone that does not read is skipped for the next: %ld", mdeg);
    clear();
    put("/sys/class/thermal/thermal_zone0/temp", "-273000\n");
    CHECK(!platform_cpu_temp_mdeg(root, &mdeg),
          "an impossible reading is not taken");
}

static void test_throttled(void)
{
    unsigned flags = 7;
    clear();
    CHECK(!platform_throttled(root, &flags),
          "not a Pi: the throttling flags are unknown");
    put("/sys/devices/platform/soc/soc:firmware/get_throttled", "50005\n");
    CHECK(platform_throttled(root, &flags) && flags == 0x50005,
          "the firmware's word is hex: 0x%x", flags);
    put("/sys/devices/platform/soc/soc:firmware/get_throttled", "0\n");
    CHECK(platform_throttled(root, &flags) && flags == 0,
          "all good reads 0");
    put("/sys/devices/platform/soc/soc:firmware/get_throttled", "zz\n");
    CHECK(!platform_throttled(root, &flags),
          "a word that is not hex is not taken");
}

static void test_space(void)
{
    unsigned long long free_b = 0, total_b = 0;
    CHECK(platform_fs_space(root, &free_b, &total_b) && total_b > 0 &&
              free_b <= total_b,
          "the folder's file system has a size (%llu of %llu free)", free_b,
          total_b);
    CHECK(!platform_fs_space("/nonexistent/kiosk", &free_b, &total_b),
          "a folder that is not there has no space");
    double up = 0;
    CHECK(platform_uptime_s(&up) && up > 0, "the system's uptime (%.0f s)",
          up);
}

static void test_clock(void)
{
    char why[200];
    clear();
    CHECK(!platform_clock_trusted(root, why, sizeof why),
          "no NTP and no RTC: not trusted");
    CHECK(strstr(why, "not synchronised") && strstr(why, "stays on"),
          "and it says why and what follows: %s", why);
    put("/sys/class/rtc/rtc0/hctosys", "0\n");
    CHECK(!platform_clock_trusted(root, why, sizeof why),
          "an RTC that did not set the time at boot is not trusted");
    put("/sys/class/rtc/rtc0/hctosys", "1\n");
    CHECK(platform_clock_trusted(root, why, sizeof why) &&
              strstr(why, "real-time clock"),
          "an RTC that set the time at boot: trusted (%s)", why);
    clear();
    put("/run/systemd/timesync/synchronized", "");
    CHECK(platform_clock_trusted(root, why, sizeof why) &&
              strstr(why, "NTP"),
          "systemd-timesyncd synchronised: trusted (%s)", why);
}

int main(void)
{
    snprintf(root, sizeof root, "%s/kiosk-sysinfo-%d",
             getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", (int)getpid());
    test_temperature();
    test_throttled();
    test_space();
    test_clock();
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    if (system(cmd) != 0)
        fprintf(stderr, "cannot remove %s\n", root);
    return check_finish("test_sysinfo");
}
