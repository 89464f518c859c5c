/* platform.h: what the exhibit needs from the operating system, behind one
 * header.  One .c file per platform implements it (watch_linux.c: inotify);
 * the Makefile picks the files of PLATFORM.  Nothing else in the program
 * includes OS-specific headers for these services. */
#ifndef PLATFORM_PLATFORM_H
#define PLATFORM_PLATFORM_H

#include <stdbool.h>
#include <stddef.h>

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

#endif
