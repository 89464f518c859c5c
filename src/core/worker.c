/* worker.c: a job on a thread of its own (see worker.h).
 *
 * States, seen from the owning thread: idle, running (`thread` exists,
 * not joined), finished (over, not yet collected by worker_poll). */
#include <string.h>

#include "core/worker.h"
#include "core/log.h"

void worker_init(struct worker *w)
{
    memset(w, 0, sizeof *w);
    atomic_init(&w->done, false);
}

static void *run(void *arg)
{
    struct worker *w = arg;
    w->job(w->arg);
    atomic_store_explicit(&w->done, true, memory_order_release);
    return NULL;
}

void worker_start(struct worker *w, void (*job)(void *arg), void *arg,
                  const char *what)
{
    w->job = job;
    w->arg = arg;
    w->finished = false;
    atomic_store(&w->done, false);
    int e = pthread_create(&w->thread, NULL, run, w);
    if (e == 0) {
        w->running = true;
        return;
    }
    log_warn("app", "no thread for %s (%s): done on the main loop", what,
             strerror(e));
    job(arg);
    w->finished = true;
}

bool worker_busy(const struct worker *w)
{
    return w->running || w->finished;
}

void worker_wait(struct worker *w)
{
    if (!w->running)
        return;
    pthread_join(w->thread, NULL);
    w->running = false;
    w->finished = true;
}

bool worker_poll(struct worker *w)
{
    if (w->running && atomic_load_explicit(&w->done, memory_order_acquire))
        worker_wait(w); /* past its last write: the join does not wait */
    if (!w->finished)
        return false;
    w->finished = false;
    return true;
}
