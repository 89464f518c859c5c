/* platform.h: what the exhibit needs from the operating system, behind one
 * header.  One .c file per platform implements it (watch_linux.c: inotify);
 * the Makefile picks the files of PLATFORM.  Nothing else in the program
 * includes OS-specific headers for these services. */
#ifndef PLATFORM_PLATFORM_H
#define PLATFORM_PLATFORM_H

#include <stdbool.h>

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

#endif
