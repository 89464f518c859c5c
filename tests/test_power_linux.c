/* test_power_linux.c: the display's real power ways (platform/
 * power_linux.c) against a fake root folder standing for /dev and /sys:
 * the backlight written and read back on every panel, one that cannot be
 * written named with the udev rule that fixes it, none at all; a /dev/cec0
 * that is not an adapter or cannot be opened; DPMS without a DRM device
 * of the kiosk's own and with one that does not answer.  A real CEC
 * adapter and a real DRM connector are exercised in the VM
 * (tests/system). */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "ops/display_power.h"
#include "platform/platform.h"

static char root[256];

/* A shell command with the fake root as $R. */
static void sh(const char *cmd)
{
    if (system(cmd) != 0)
        fprintf(stderr, "failed: %s\n", cmd);
}

static char *read_in(const char *path)
{
    char full[512];
    snprintf(full, sizeof full, "%s%s", root, path);
    char *t = check_read_file(full, NULL);
    if (t)
        t[strcspn(t, "\n")] = '\0';
    return t;
}

static void test_backlight(void)
{
    char why[600];
    sh("rm -rf \"${R:?}\" && mkdir -p \"${R:?}\"");
    struct platform_power *p = platform_power_create(root, -1);
    enum power_result r =
        platform_power_set(p, POWER_BACKLIGHT, false, why, sizeof why);
    CHECK(r == POWER_ABSENT && strstr(why, "no /sys/class/backlight"),
          "no backlight folder: absent (%s)", why);
    sh("mkdir -p \"${R:?}\"'/sys/class/backlight'");
    r = platform_power_set(p, POWER_BACKLIGHT, false, why, sizeof why);
    CHECK(r == POWER_ABSENT, "an empty backlight folder: absent (%s)", why);

    /* The 7" panel's and a second one: both switched, each read back. */
    sh("mkdir -p \"${R:?}\"'/sys/class/backlight/10-0045' "
       "\"${R:?}\"'/sys/class/backlight/rpi_backlight'");
    sh("echo 0 > \"${R:?}\"'/sys/class/backlight/10-0045/bl_power'");
    sh("echo 0 > \"${R:?}\"'/sys/class/backlight/rpi_backlight/bl_power'");
    r = platform_power_set(p, POWER_BACKLIGHT, false, why, sizeof why);
    char *a = read_in("/sys/class/backlight/10-0045/bl_power");
    char *b = read_in("/sys/class/backlight/rpi_backlight/bl_power");
    CHECK(r == POWER_DONE && a && b && !strcmp(a, "4") && !strcmp(b, "4"),
          "off: bl_power 4 (powerdown) on every panel (%s)", why);
    CHECK(strstr(why, "10-0045") && strstr(why, "rpi_backlight"),
          "the log names each panel: %s", why);
    free(a);
    free(b);
    r = platform_power_set(p, POWER_BACKLIGHT, true, why, sizeof why);
    a = read_in("/sys/class/backlight/10-0045/bl_power");
    CHECK(r == POWER_DONE && a && !strcmp(a, "0"),
          "on: bl_power 0 (%s)", why);
    free(a);

    /* One that cannot be written (here a folder where the file would be,
     * which even root cannot write): the other still works, the log
     * names the file and the udev rule. */
    sh("rm -f \"${R:?}\"'/sys/class/backlight/rpi_backlight/bl_power'");
    sh("mkdir \"${R:?}\"'/sys/class/backlight/rpi_backlight/bl_power'");
    r = platform_power_set(p, POWER_BACKLIGHT, false, why, sizeof why);
    CHECK(r == POWER_DONE, "one of two panels that works is enough (%s)",
          why);
    CHECK(strstr(why, "rpi_backlight/bl_power cannot be written") &&
              strstr(why, "99-kiosk-display.rules") &&
              strstr(why, "'video' group"),
          "the one that does not names the fix: %s", why);
    sh("rm -rf \"${R:?}\"'/sys/class/backlight/10-0045'");
    r = platform_power_set(p, POWER_BACKLIGHT, false, why, sizeof why);
    CHECK(r == POWER_FAILED, "no panel that works: failed, so the chain "
          "goes on to black (%s)", why);
    platform_power_destroy(p);
}

static void test_cec(void)
{
    char why[600];
    sh("rm -rf \"${R:?}\" && mkdir -p \"${R:?}\"'/dev'");
    struct platform_power *p = platform_power_create(root, -1);
    enum power_result r =
        platform_power_set(p, POWER_CEC, false, why, sizeof why);
    CHECK(r == POWER_ABSENT && strstr(why, "no /dev/cec"),
          "no adapter: absent (%s)", why);
    platform_power_destroy(p);

    /* A file that is not an adapter. */
    sh("touch \"${R:?}\"'/dev/cec0'");
    p = platform_power_create(root, -1);
    r = platform_power_set(p, POWER_CEC, false, why, sizeof why);
    CHECK(r == POWER_FAILED && strstr(why, "/dev/cec0 is not a CEC adapter"),
          "a /dev/cec0 that is no adapter: failed, named (%s)", why);
    platform_power_destroy(p);

    /* One that cannot be opened: the group is named. */
    sh("rm -f \"${R:?}\"'/dev/cec0' && mkdir \"${R:?}\"'/dev/cec0'");
    p = platform_power_create(root, -1);
    r = platform_power_set(p, POWER_CEC, true, why, sizeof why);
    CHECK(r == POWER_FAILED && strstr(why, "cannot be opened") &&
              strstr(why, "'video' group"),
          "a /dev/cec0 that cannot be opened: failed, says what to do (%s)",
          why);
    platform_power_destroy(p);

    /* A later number is found when the first is missing. */
    sh("rm -rf \"${R:?}\"'/dev/cec0' && touch \"${R:?}\"'/dev/cec3'");
    p = platform_power_create(root, -1);
    r = platform_power_set(p, POWER_CEC, false, why, sizeof why);
    CHECK(r == POWER_FAILED && strstr(why, "/dev/cec3"),
          "the adapters are looked for past cec0 (%s)", why);
    platform_power_destroy(p);
}

static void test_dpms(void)
{
    char why[600];
    struct platform_power *p = platform_power_create(root, -1);
    enum power_result r =
        platform_power_set(p, POWER_DPMS, false, why, sizeof why);
    CHECK(r == POWER_ABSENT && strstr(why, "desktop window"),
          "no DRM device of the kiosk's own: absent (%s)", why);
    platform_power_destroy(p);
    char path[400];
    snprintf(path, sizeof path, "%s/notdrm", root);
    sh("touch \"${R:?}\"'/notdrm'");
    int fd = open(path, O_RDWR);
    p = platform_power_create(root, fd);
    r = platform_power_set(p, POWER_DPMS, false, why, sizeof why);
    CHECK(r == POWER_FAILED && strstr(why, "does not answer"),
          "a descriptor that is not DRM: failed (%s)", why);
    platform_power_destroy(p);
    if (fd >= 0)
        close(fd);
}

/* The chain of ops/display_power over the real backend: on the 7"
 * panel (a /dev/cec0 that is no adapter, no DRM descriptor, a backlight)
 * off is by the backlight after CEC and DPMS were tried, and on again by
 * the backlight and CEC; with no backlight either, black. */
static void test_chain(void)
{
    sh("rm -rf \"${R:?}\" && mkdir -p \"${R:?}\"'/dev'");
    sh("touch \"${R:?}\"'/dev/cec0' && "
       "mkdir -p \"${R:?}\"'/sys/class/backlight/10-0045'");
    sh("echo 0 > \"${R:?}\"'/sys/class/backlight/10-0045/bl_power'");
    struct platform_power *p = platform_power_create(root, -1);
    struct power_ways w = {platform_power_set, p};
    struct display_power dp;
    display_power_init(&dp);
    bool ok = display_power_off(&dp, &w);
    CHECK(ok && strcmp(display_power_by(&dp), "backlight") == 0,
          "the 7\" panel goes off by its backlight (by %s)",
          display_power_by(&dp));
    CHECK(dp.attempt_count == 3 && dp.attempts[0].way == POWER_CEC &&
              dp.attempts[0].result == POWER_FAILED &&
              dp.attempts[1].way == POWER_DPMS &&
              dp.attempts[1].result == POWER_ABSENT &&
              dp.attempts[2].result == POWER_DONE,
          "after CEC (failed) and DPMS (absent), each attempt kept (%zu)",
          dp.attempt_count);
    char *v = read_in("/sys/class/backlight/10-0045/bl_power");
    CHECK(v && !strcmp(v, "4"), "the backlight is really off");
    free(v);
    ok = display_power_on(&dp, &w);
    v = read_in("/sys/class/backlight/10-0045/bl_power");
    CHECK(ok && v && !strcmp(v, "0"), "and on again");
    free(v);
    platform_power_destroy(p);

    sh("rm -rf \"${R:?}\"'/sys'");
    p = platform_power_create(root, -1);
    w.ctx = p;
    display_power_init(&dp);
    ok = display_power_off(&dp, &w);
    CHECK(!ok && strcmp(display_power_by(&dp), "black") == 0,
          "nothing works: a black frame (by %s)", display_power_by(&dp));
    platform_power_destroy(p);
}

int main(void)
{
    snprintf(root, sizeof root, "%s/kiosk-power-%d",
             getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", (int)getpid());
    setenv("R", root, 1);
    test_backlight();
    test_cec();
    test_dpms();
    test_chain();
    sh("rm -rf \"${R:?}\"");
    return check_finish("test_power_linux");
}
