/* staff_stats.c: the Statistics page's model (see staff_stats.h).  The
 * chart's stacks are the languages in enum text_lang's order (asserted in
 * ui/staff_screen.h), so a day's sessions by language go into its bar as
 * they are. */
#include <string.h>

#include "app/staff_stats.h"

void staff_stats_init(struct staff_stats *st)
{
    st->reader = stats_reader_create();
    st->skipped = 0;
}

void staff_stats_fini(struct staff_stats *st)
{
    stats_reader_destroy(st->reader);
    st->reader = NULL;
}

void staff_stats_start(struct staff_stats *st, struct ui_staff_model *m,
                       const char *state_dir, int64_t now)
{
    memset(m->day_sessions, 0, sizeof m->day_sessions);
    memset(m->day_label, 0, sizeof m->day_label);
    m->total_sessions = m->average_s = 0;
    st->skipped = 0;
    m->stats_available = state_dir != NULL;
    m->stats_reading = m->stats_available;
    if (m->stats_available)
        stats_reader_start(st->reader, state_dir, now, UI_STAFF_DAYS);
}

void staff_stats_stop(struct staff_stats *st, struct ui_staff_model *m)
{
    stats_reader_stop(st->reader);
    m->stats_reading = false;
}

/* The summary into the model.  A failed read leaves the chart empty; why
 * it failed (and every damaged day) the summary has logged already. */
static void put(struct staff_stats *st, struct ui_staff_model *m,
                const struct stats_reader_result *r)
{
    m->stats_reading = false;
    st->skipped = r->counts.skipped;
    uint64_t seconds = 0;
    for (unsigned d = 0; d < UI_STAFF_DAYS && d < r->days; d++) {
        const struct stats_day *day = &r->day[d];
        for (int l = 0; l < TEXT_LANG_COUNT; l++)
            m->day_sessions[d][l] = day->lang[l];
        snprintf(m->day_label[d], sizeof m->day_label[d], "%s",
                 day->date + 5); /* "MM-DD" */
        m->total_sessions += day->sessions;
        seconds += day->duration_s;
    }
    if (m->total_sessions)
        m->average_s = (uint32_t)(seconds / m->total_sessions);
}

bool staff_stats_take(struct staff_stats *st, struct ui_staff_model *m,
                      bool wait)
{
    if (!m->stats_reading)
        return false;
    if (wait)
        stats_reader_wait(st->reader);
    struct stats_reader_result r;
    if (!stats_reader_take(st->reader, &r))
        return false;
    put(st, m, &r);
    return true;
}

void staff_stats_write_state(const struct staff_stats *st,
                             const struct ui_staff_model *m,
                             const struct ui_bar_chart *c, FILE *out)
{
    fprintf(out, "{\"reading\":%s,\"skipped_days\":%zu,\"total\":%u,"
                 "\"average_s\":%u,\"axis_max\":%u,\"bars\":[",
            m->stats_reading ? "true" : "false", st->skipped,
            m->total_sessions, m->average_s, c->bars ? c->axis_max : 0);
    for (size_t i = 0; i < c->bars; i++) {
        SDL_Rect top = ui_bar_chart_segment(c, i, UI_CHART_STACKS - 1);
        SDL_Rect bottom = ui_bar_chart_segment(c, i, 0);
        fprintf(out, "%s{\"date\":\"%s\"", i ? "," : "", m->day_label[i]);
        for (int l = 0; l < TEXT_LANG_COUNT; l++)
            fprintf(out, ",\"%s\":%u", text_lang_code((enum text_lang)l),
                    c->value[i][l]);
        fprintf(out, ",\"height\":%d}", bottom.y + bottom.h - top.y);
    }
    fputs("]}", out);
}
