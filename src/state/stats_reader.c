/* stats_reader.c: stats_summary on a worker thread (see stats_reader.h).
 *
 * The thread, its start, poll and join are core/worker.h's; this file adds
 * the job (the summary's arguments and result, which the worker alone
 * touches while it runs) and the way to stop it early. */
#include <limits.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/worker.h"
#include "core/xalloc.h"
#include "state/stats_reader.h"

struct stats_reader {
    struct worker worker;
    atomic_bool stop; /* set by the owner, read by stats_summary */
    /* the job, fixed before the thread starts */
    char state_dir[PATH_MAX];
    int64_t now;
    unsigned days;
    struct stats_reader_result result;
};

struct stats_reader *stats_reader_create(void)
{
    struct stats_reader *r = xcalloc(1, sizeof *r);
    worker_init(&r->worker);
    atomic_init(&r->stop, false);
    return r;
}

void stats_reader_destroy(struct stats_reader *r)
{
    if (!r)
        return;
    stats_reader_stop(r);
    free(r);
}

static void read_summary(void *arg)
{
    struct stats_reader *r = arg;
    struct stats_reader_result *res = &r->result;
    res->days = r->days;
    res->ok = stats_summary(r->state_dir, r->now, r->days, res->day,
                            &res->counts, &r->stop, res->err,
                            sizeof res->err);
}

void stats_reader_stop(struct stats_reader *r)
{
    atomic_store(&r->stop, true);
    worker_wait(&r->worker);
    worker_poll(&r->worker); /* idle again; the result is dropped */
}

void stats_reader_start(struct stats_reader *r, const char *state_dir,
                        int64_t now, unsigned days)
{
    stats_reader_stop(r);
    memset(&r->result, 0, sizeof r->result);
    snprintf(r->state_dir, sizeof r->state_dir, "%s", state_dir);
    r->now = now;
    r->days = days < STATS_READER_MAX_DAYS ? days : STATS_READER_MAX_DAYS;
    atomic_store(&r->stop, false);
    worker_start(&r->worker, read_summary, r, "reading the statistics");
}

bool stats_reader_busy(const struct stats_reader *r)
{
    return worker_busy(&r->worker);
}

bool stats_reader_take(struct stats_reader *r,
                       struct stats_reader_result *out)
{
    if (!worker_poll(&r->worker))
        return false;
    *out = r->result;
    return true;
}

void stats_reader_wait(struct stats_reader *r)
{
    worker_wait(&r->worker);
}
