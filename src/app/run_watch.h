/* run_watch.h: the content followed while the exhibit runs.
 *
 * With a state folder, its `current` link and the import's status file:
 * a switch of `current` (an import, a rollback) loads the release, and a
 * new status line is news for the curator overlay.  Without one, in a
 * window, the content folder itself (the curator preview): a burst of
 * writes settles, then the folder is loaded.  The load happens on the
 * watcher's thread (platform/platform.h), off the main loop; its result
 * and each status line are posted as SDL events for the main loop to take
 * at a quiet moment.
 *
 * Owner: the caller; the watch borrows the view, which must outlive it. */
#ifndef APP_RUN_WATCH_H
#define APP_RUN_WATCH_H

#include <stdbool.h>

#include <SDL.h>

#include "app/exhibit_view.h"

struct run_watch;

/* The events posted: `load`'s data1 is a struct exhibit_load on the heap
 * (the taker frees it, exhibit_load_free), `status`'s a line of text
 * (free). */
struct run_watch_events {
    Uint32 load, status;
};

/* Starts following the state folder `state_dir`, or if NULL and
 * `windowed`, the view's folder `dir`; NULL if nothing is followed (or the
 * platform cannot watch). */
struct run_watch *run_watch_start(struct exhibit_view *view,
                                  const char *state_dir, const char *dir,
                                  bool windowed,
                                  struct run_watch_events events);
/* Stops the watcher's thread and frees the watch; NULL is a no-op. */
void run_watch_stop(struct run_watch *watch);

#endif
