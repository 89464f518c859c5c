/* watch_linux.c: folder watching with inotify and one thread.
 *
 * The thread blocks in poll() on the inotify descriptor and on a pipe that
 * platform_watch_destroy writes to, so stopping never waits for a timeout.
 * Editors save in bursts (write a temporary file, rename it over the old
 * one), so after the first event the thread keeps reading until the folder
 * has been quiet for settle_ms, then calls back once.  New subfolders are
 * not followed: the content folder's layout is fixed. */
#include <dirent.h>
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "core/log.h"
#include "core/xalloc.h"
#include "platform/platform.h"

#define WATCH_MASK (IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | \
                    IN_CREATE | IN_DELETE | IN_ATTRIB | IN_DELETE_SELF)

struct platform_watch {
    int fd;
    int stop[2]; /* pipe: write end closes the thread */
    pthread_t thread;
    int settle_ms;
    platform_watch_fn *fn;
    void *ctx;
};

static bool drain(int fd)
{
    char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
    bool any = false;
    for (;;) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n <= 0)
            return any;
        any = true;
    }
}

static void *run(void *arg)
{
    struct platform_watch *w = arg;
    struct pollfd p[2] = {{w->fd, POLLIN, 0}, {w->stop[0], POLLIN, 0}};
    for (;;) {
        if (poll(p, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        if (p[1].revents)
            break;
        if (!drain(w->fd))
            continue;
        /* Wait for the burst to end. */
        for (;;) {
            int r = poll(p, 2, w->settle_ms);
            if (r < 0 && errno == EINTR)
                continue;
            if (r <= 0 || p[1].revents)
                break;
            drain(w->fd);
        }
        if (p[1].revents)
            break;
        w->fn(w->ctx);
    }
    return NULL;
}

static void add(struct platform_watch *w, const char *path)
{
    if (inotify_add_watch(w->fd, path, WATCH_MASK) < 0)
        log_warn("platform", "cannot watch %s: %s", path, strerror(errno));
}

struct platform_watch *platform_watch_create(const char *dir, int settle_ms,
                                             platform_watch_fn *fn,
                                             void *ctx)
{
    struct platform_watch *w = xcalloc(1, sizeof *w);
    w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (w->fd < 0 || pipe(w->stop) != 0) {
        log_error("platform", "inotify unavailable: %s", strerror(errno));
        if (w->fd >= 0)
            close(w->fd);
        free(w);
        return NULL;
    }
    w->settle_ms = settle_ms;
    w->fn = fn;
    w->ctx = ctx;
    add(w, dir);
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d))) {
        if (e->d_name[0] == '.' || e->d_type != DT_DIR)
            continue;
        char sub[4096];
        snprintf(sub, sizeof sub, "%s/%s", dir, e->d_name);
        add(w, sub);
    }
    if (d)
        closedir(d);
    if (pthread_create(&w->thread, NULL, run, w) != 0) {
        log_error("platform", "cannot start the folder watcher");
        close(w->fd);
        close(w->stop[0]);
        close(w->stop[1]);
        free(w);
        return NULL;
    }
    return w;
}

void platform_watch_destroy(struct platform_watch *w)
{
    if (!w)
        return;
    if (write(w->stop[1], "x", 1) < 0)
        log_warn("platform", "cannot stop the watcher: %s", strerror(errno));
    pthread_join(w->thread, NULL);
    close(w->fd);
    close(w->stop[0]);
    close(w->stop[1]);
    free(w);
}
