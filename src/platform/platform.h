/* platform.h: what the exhibit needs from the operating system, behind one
 * header.  One .c file per platform implements it (watch_linux.c: inotify);
 * the Makefile picks the files of PLATFORM.  Nothing else in the program
 * includes OS-specific headers for these services. */
#ifndef PLATFORM_PLATFORM_H
#define PLATFORM_PLATFORM_H

#include <stdbool.h>
#include <stddef.h>

#include "ops/display_power.h"

struct platform_watch;

/* Called from the watcher's own thread, once per burst of changes (after
 * the files have been quiet for `settle_ms`): it must only hand the news to
 * the main loop (e.g. SDL_PushEvent, which is thread-safe). */
typedef void platform_watch_fn(void *ctx);

/* Watches the folder `dir` and its immediate subfolders for files written,
 * moved, created or deleted.  NULL (logged) if the platform cannot watch
 * it; the exhibit then simply does not reload by itself. */
struct platform_watch *platform_watch_create(const char *dir, int settle_ms,
                                             platform_watch_fn *fn,
                                             void *ctx);
void platform_watch_destroy(struct platform_watch *watch);

/* The service manager's notifications (systemd's sd_notify protocol,
 * without libsystemd): a datagram to $NOTIFY_SOCKET.  No-ops when the
 * variable is not set (a desktop run). */
bool platform_notify(const char *message);
/* The watchdog interval the service manager asks for ($WATCHDOG_USEC), in
 * ms, or 0 if none: the main loop pings at half of it. */
unsigned platform_watchdog_ms(void);
/* Long, finite work ahead (the first frame: a slow GPU compiles its
 * shaders, every glyph is new; new content laid out): the watchdog is
 * given `ms` instead of its interval from now on (WATCHDOG_USEC=), and
 * pinged.  0 gives it its own interval back.  False if there is no
 * watchdog or the service manager was not told. */
bool platform_watchdog_allow(unsigned ms);

/* This process's memory now and at its peak (resident set, KiB); false if
 * the system does not say. */
bool platform_memory_kib(unsigned long *rss, unsigned long *peak);

/* Tunes the allocator for a program that runs for months: blocks of
 * 256 KiB and more (screen-sized pictures, the map's buffers) always get
 * their own mapping and go back to the system when freed, instead of the
 * C library's default of raising that threshold as they are freed, which
 * lets a freed picture leave a hole in the heap that keeps the memory.
 * Call once at start. */
void platform_memory_tune(void);

/* The exhibit's own virtual console (console_linux.c): when the
 * controlling terminal is one (tty1 under kiosk.service), its keyboard is
 * turned off for the kernel -- no console switching, no Ctrl+Alt+Del, no
 * typing into the console -- and it is put in graphics mode.  The
 * exhibit reads the keyboard through evdev all the same.  Writes a
 * sentence for the log to desc; false when there is no console to claim
 * (a desktop, a test) or it cannot be claimed (the sentence says which).
 * Released (text mode, the keyboard as it was) by
 * platform_console_release, at the end of a run. */
bool platform_console_claim(char *desc, size_t size);
void platform_console_release(void);

/* Whether the kernel offers a display device this process may open (on
 * Linux a /dev/dri/card node, read-write): true, or false with a sentence
 * in `why` saying what is missing ("there is no /dev/dri ...", "...
 * cannot be opened (Permission denied): ...").  For the message of a
 * kiosk that finds no display. */
bool platform_display_device(char *why, size_t size);

/* ---- the display's comings and goings (hotplug_linux.c) ---------------
 * Called from the listener's own thread on every DRM hotplug event (a
 * cable pulled or plugged, a display switched off or on, a connector
 * forced in debugfs): it must only hand the news to the main loop. */
typedef void platform_hotplug_fn(void *ctx);
struct platform_hotplug;
/* NULL (logged) if udev cannot be listened to. */
struct platform_hotplug *platform_hotplug_create(platform_hotplug_fn *fn,
                                                 void *ctx);
void platform_hotplug_destroy(struct platform_hotplug *h);
/* How many connectors of the DRM device `drm_fd` are connected now, their
 * names into `names` ("HDMI-A-1, DSI-1"); -1 if it cannot be asked. */
int platform_drm_connected(int drm_fd, char *names, size_t size);

/* ---- the display's power (power_linux.c) -------------------------------
 * The real ways of ops/display_power.h: HDMI-CEC through the kernel's CEC
 * framework (/dev/cec*: standby to the TV, or Image View On and Active
 * Source), DPMS on the connected connector of the DRM device `drm_fd`
 * (SDL's own descriptor, which holds DRM master; -1 when there is none,
 * e.g. under X11), and the backlight (/sys/class/backlight/<any>/
 * bl_power).  `root` is put before every /dev and /sys path: "" on a
 * kiosk, a test's folder in the tests.  Never NULL. */
struct platform_power;
struct platform_power *platform_power_create(const char *root, int drm_fd);
void platform_power_destroy(struct platform_power *p);
/* The backend's `set` (ctx: a struct platform_power). */
enum power_result platform_power_set(void *ctx, enum power_way way, bool on,
                                     char *why, size_t size);

/* ---- the system's health, for the status file (sysinfo_linux.c) -------
 * `root` as above.  Each false when the system does not say. */
/* The CPU's temperature in thousandths of a degree Celsius. */
bool platform_cpu_temp_mdeg(const char *root, long *mdeg);
/* The Raspberry Pi firmware's throttling flags (bit 0 under-voltage now,
 * 1 ARM frequency capped, 2 throttled, 3 soft temperature limit; bits
 * 16-19 the same "has occurred since boot"). */
bool platform_throttled(const char *root, unsigned *flags);
/* Free and total bytes of the file system holding `path`. */
bool platform_fs_space(const char *path, unsigned long long *free_b,
                       unsigned long long *total_b);
/* Seconds since boot. */
bool platform_uptime_s(double *s);
/* Whether the wall clock can be trusted: synchronised since boot (the
 * kernel's NTP status, as systemd-timesyncd or chrony leave it, or
 * timesyncd's /run/systemd/timesync/synchronized), or set at boot from a
 * real-time clock that kept time (/sys/class/rtc/rtc0/hctosys).  A
 * sentence in why either way ("synchronised by NTP", "not synchronised
 * since boot and no battery clock: ..."). */
bool platform_clock_trusted(const char *root, char *why, size_t size);

#endif
