/* run_watch.c: the content followed while the exhibit runs (run_watch.h).
 *
 * Everything here but run_watch_start and run_watch_stop runs on the
 * watcher's thread; it reads only its own struct and, to load, the view's
 * fonts and folder (exhibit_view_load). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/run_watch.h"
#include "core/log.h"
#include "core/xalloc.h"
#include "platform/platform.h"

struct run_watch {
    struct exhibit_view *view;
    struct run_watch_events events;
    bool releases;         /* a state folder's; else a plain folder */
    char current[4200];    /* releases: the `current` link */
    char seen[256];        /* where it pointed when last loaded */
    char status[4200];     /* releases: the import's status file */
    char status_seen[600]; /* its last line posted */
    struct platform_watch *watch;
};

/* The import's progress, for the curator overlay. */
static void status_changed(struct run_watch *w)
{
    char line[600] = "";
    FILE *f = w->releases ? fopen(w->status, "r") : NULL;
    if (!f)
        return;
    if (!fgets(line, sizeof line, f))
        line[0] = '\0';
    fclose(f);
    if (!line[0] || strcmp(line, w->status_seen) == 0)
        return;
    snprintf(w->status_seen, sizeof w->status_seen, "%s", line);
    char *copy = strdup(line);
    SDL_Event ev = {.type = w->events.status};
    ev.user.data1 = copy;
    if (!copy || SDL_PushEvent(&ev) <= 0)
        free(copy);
}

static void content_changed(void *arg)
{
    struct run_watch *w = arg;
    status_changed(w);
    if (w->releases) {
        /* The state directory changes for many reasons (import progress,
         * staging); only a switch of `current` means new content. */
        char target[256];
        ssize_t n = readlink(w->current, target, sizeof target - 1);
        target[n > 0 ? n : 0] = '\0';
        if (strcmp(target, w->seen) == 0)
            return;
        snprintf(w->seen, sizeof w->seen, "%s", target);
        log_info("app", "current release is now %s", target);
    }
    struct exhibit_load *load = malloc(sizeof *load);
    if (!load)
        return;
    /* `current`, if releases; else the view's own folder */
    exhibit_view_load(w->view, w->releases ? w->current : NULL, load);
    SDL_Event ev = {.type = w->events.load};
    ev.user.data1 = load;
    if (SDL_PushEvent(&ev) <= 0)
        exhibit_load_free(load);
}

struct run_watch *run_watch_start(struct exhibit_view *view,
                                  const char *state_dir, const char *dir,
                                  bool windowed,
                                  struct run_watch_events events)
{
    if (!state_dir && !windowed)
        return NULL;
    struct run_watch *w = xcalloc(1, sizeof *w);
    w->view = view;
    w->events = events;
    w->releases = state_dir != NULL;
    if (w->releases) {
        snprintf(w->current, sizeof w->current, "%s/current", state_dir);
        snprintf(w->status, sizeof w->status, "%s/import-status",
                 state_dir);
        FILE *sf = fopen(w->status, "r"); /* an old status is not news */
        if (sf && !fgets(w->status_seen, sizeof w->status_seen, sf))
            w->status_seen[0] = '\0';
        if (sf)
            fclose(sf);
        ssize_t n = readlink(w->current, w->seen, sizeof w->seen - 1);
        w->seen[n > 0 ? n : 0] = '\0';
        w->watch = platform_watch_create(state_dir, 50, content_changed, w);
    } else {
        w->watch = platform_watch_create(dir, 200, content_changed, w);
    }
    if (!w->watch) {
        free(w);
        return NULL;
    }
    return w;
}

void run_watch_stop(struct run_watch *w)
{
    if (!w)
        return;
    platform_watch_destroy(w->watch);
    free(w);
}
