/* staff_stats.h: the staff panel's Statistics page, its model.
 *
 * Visits per day for the last UI_STAFF_DAYS days by language, the total
 * and the average visit, from the usage statistics' summary.  Up to 14
 * day files of up to 1 MiB are too slow for the main loop, so the summary
 * is read by a state/stats_reader.h worker: opening the page starts it and
 * the model says "reading" (stats_reading) until staff_stats_take puts the
 * result in; leaving the page or closing the panel stops and joins it.
 * Damaged day files are skipped by the summary, which logs each one; this
 * page only counts them (for the state dump) and logs nothing itself.
 * Owner: the caller's storage, staff_stats_init / staff_stats_fini. */
#ifndef APP_STAFF_STATS_H
#define APP_STAFF_STATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "state/stats_reader.h"
#include "ui/staff_screen.h"

struct staff_stats {
    struct stats_reader *reader;
    size_t skipped; /* damaged day files in the last summary */
};

void staff_stats_init(struct staff_stats *st);
/* Stops and joins a read still running. */
void staff_stats_fini(struct staff_stats *st);

/* The page opens at `now` (unix seconds): the model's chart is emptied
 * and, with a state folder (else "no statistics"), the read starts. */
void staff_stats_start(struct staff_stats *st, struct ui_staff_model *m,
                       const char *state_dir, int64_t now);
/* The page leaves or the panel closes: nobody waits for the summary. */
void staff_stats_stop(struct staff_stats *st, struct ui_staff_model *m);
/* While the model is reading: true once the summary has come (waited for
 * first if `wait`: a simulated clock), with it put in the model. */
bool staff_stats_take(struct staff_stats *st, struct ui_staff_model *m,
                      bool wait);

/* The state dump's "chart" object: reading, skipped_days, total,
 * average_s, axis_max and per bar its date, sessions by language code and
 * its height in px on `chart`. */
void staff_stats_write_state(const struct staff_stats *st,
                             const struct ui_staff_model *m,
                             const struct ui_bar_chart *chart, FILE *out);

#endif
