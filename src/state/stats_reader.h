/* stats_reader.h: the staff panel's usage statistics, read off the main
 * loop.
 *
 * stats_summary reads up to a day file per day shown (each at most
 * STATS_DAY_READ_MAX): hundreds of milliseconds on a Pi, too long for the
 * main loop.  A reader runs it on one worker thread at a time; the main
 * loop starts it, goes on drawing ("reading..."), and polls
 * stats_reader_take until the result is there.
 *
 * The thread is an core/worker.h worker: the job is written before the
 * thread starts and the result read only after it is joined, so neither
 * needs a lock.  The one word shared while it runs, besides the worker's
 * own, is the atomic `stop`, set by the owner and looked at by
 * stats_summary before every 64 KiB it reads: stopping waits for one
 * chunk at most, and a reader is never left running -- stats_reader_stop,
 * a new start and stats_reader_destroy all join the thread.
 *
 * Owner: the caller (the staff panel's statistics page); one thread uses
 * a reader. */
#ifndef STATE_STATS_READER_H
#define STATE_STATS_READER_H

#include <stdbool.h>
#include <stdint.h>

#include "state/stats.h"

#define STATS_READER_MAX_DAYS 31

struct stats_reader_result {
    bool ok;       /* false: nothing was read, `err` says why */
    char err[256]; /* or, when ok, why the last skipped day was skipped */
    unsigned days;
    struct stats_day day[STATS_READER_MAX_DAYS]; /* oldest first */
    struct stats_counts counts;
};

struct stats_reader;

struct stats_reader *stats_reader_create(void);
/* Stops and joins a running read; NULL is a no-op. */
void stats_reader_destroy(struct stats_reader *r);

/* Starts reading the summary of the `days` (at most STATS_READER_MAX_DAYS)
 * UTC days ending with `now` from `state_dir` (copied), after stopping
 * any read still running.  If no thread can be made the read is done at
 * once, on the caller's thread (logged). */
void stats_reader_start(struct stats_reader *r, const char *state_dir,
                        int64_t now, unsigned days);

/* True while a started read has not been taken. */
bool stats_reader_busy(const struct stats_reader *r);

/* Never waits: true once the started read has finished, with its result
 * in *out; then the reader is idle again. */
bool stats_reader_take(struct stats_reader *r,
                       struct stats_reader_result *out);

/* Waits for the started read to finish (a simulated clock, where the
 * result must not depend on how fast the disk is); stats_reader_take
 * then returns it. */
void stats_reader_wait(struct stats_reader *r);

/* Stops the started read and joins its thread; its result is dropped. */
void stats_reader_stop(struct stats_reader *r);

#endif
