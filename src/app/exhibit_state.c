/* exhibit_state.c: what the visitor's screens show, as data -- every
 * tappable target with its stable id (for scripted taps) and the state
 * dump (see exhibit_app.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/screens.h"
#include "render/text_log.h"
#include "app/staff.h"
#include "core/diag.h"
#include "core/xalloc.h"

/* Every tappable thing on the current screen, with a stable id. */
static size_t targets(const struct exhibit_app *a, struct app_target *out,
                      size_t max)
{
    size_t n = 0;
    if (staff_is_open(a->staff)) {
        const struct ui_button *b[64];
        size_t k = staff_buttons(a->staff, b, 64);
        for (size_t i = 0; i < k; i++)
            app_add_button(b[i], out, &n, max);
        return n;
    }
    if (!a->ex)
        return 0;
    if (a->prompt) {
        app_add_button(&a->idle.button, out, &n, max);
        return n;
    }
    const struct app_screen_ops *ops = app_screen(a->screen);
    if (ops->chrome) {
        /* The bar's touch areas: what a finger hits. */
        const char *ids[UI_CHROME_TARGETS];
        SDL_Rect rects[UI_CHROME_TARGETS];
        size_t k = ui_chrome_targets(&a->chrome, ids, rects,
                                     UI_CHROME_TARGETS);
        for (size_t i = 0; i < k && n < max; i++, n++) {
            snprintf(out[n].id, sizeof out[n].id, "%s", ids[i]);
            out[n].rect = rects[i];
        }
        if (a->chrome.menu_open)
            return n; /* the chooser covers the screen */
    }
    if (ops->targets)
        ops->targets(a, out, &n, max);
    return n;
}

bool exhibit_app_target(const struct exhibit_app *a, const char *id, int *x,
                        int *y)
{
    struct app_target *t = xmalloc(APP_MAX_TARGETS * sizeof *t);
    size_t n = targets(a, t, APP_MAX_TARGETS);
    bool found = false;
    for (size_t i = 0; i < n && i < APP_MAX_TARGETS && !found; i++) {
        if (strcmp(t[i].id, id) == 0) {
            *x = t[i].rect.x + t[i].rect.w / 2;
            *y = t[i].rect.y + t[i].rect.h / 2;
            found = true;
        }
    }
    free(t);
    return found;
}

void exhibit_app_write_state(const struct exhibit_app *a, FILE *out)
{
    fprintf(out, "{\"screen\":\"%s\",\"lang\":\"%s\",\"mirrored\":%s,"
                 "\"large_text\":%s,\"summary\":%s,\"selected_place\":",
            app_screen(a->screen)->name, text_lang_code(a->m.lang),
            ui_metrics_mirrored(&a->m) ? "true" : "false",
            a->large_text ? "true" : "false", a->summary ? "true" : "false");
    const char *sel = exhibit_app_selected_place(a);
    if (sel)
        diag_json_string(sel, out);
    else
        fputs("null", out);
    int top = ui_reader_top_passage(a->reader);
    fputs(",\"reader\":{\"top_passage\":", out);
    if (a->ex && top >= 0)
        diag_json_string(a->ex->passages[top].id, out);
    else
        fputs("null", out);
    fprintf(out, ",\"offset\":%.1f,\"max_offset\":%.1f},"
                 "\"highlighted\":[",
            (double)ui_reader_offset(a->reader),
            (double)ui_reader_max_offset(a->reader));
    int k = 0;
    for (uint32_t i = 0; a->ex && i < a->ex->passage_count; i++) {
        if (!ui_reader_highlighted(a->reader, i))
            continue;
        fputs(k++ ? "," : "", out);
        diag_json_string(a->ex->passages[i].id, out);
    }
    /* What the bar shows: the title's text, its arrangement, and the
     * screens Back returns to (the nearest last). */
    const char *title = app_screen(a->screen)->title;
    fputs("],\"title\":", out);
    if (a->ex && title && ui_chrome_title(&a->chrome))
        diag_json_string(content_string(a->ex, title, a->m.lang), out);
    else
        fputs("null", out);
    fputs(",\"bar\":{\"fit\":", out);
    diag_json_string(ui_chrome_fit_name(&a->chrome), out);
    fprintf(out, ",\"rows\":%d,\"bottom\":%d,\"menu_open\":%s},"
                 "\"history\":[",
            a->chrome.rows, a->chrome.nav ? a->chrome.bottom
                                          : a->chrome.home_bottom,
            a->chrome.menu_open ? "true" : "false");
    for (size_t i = 0; i < a->history_n; i++)
        fprintf(out, "%s\"%s\"", i ? "," : "",
                app_screen(a->history[i].screen)->name);
    fprintf(out, "],\"idle\":{\"prompt\":%s,\"seconds_left\":%d},"
                 "\"physical\":{\"diagonal_in\":%.1f,\"known\":%s,"
                 "\"px_per_mm\":%.3f,\"viewing_distance_mm\":%.0f,"
                 "\"bezel\":%d,\"target\":%d,\"text_floor\":%d},"
                 "\"frames_drawn\":%lu,",
            a->prompt ? "true" : "false", a->prompt ? a->seconds_left : 0,
            a->m.diagonal_in, a->m.size_known ? "true" : "false",
            a->m.px_per_mm, a->m.view_mm, a->m.bezel, a->m.target,
            a->m.text_floor, a->frames);
    app_hours_write_state(&a->hours, out);
    fputs(",\"staff\":", out);
    staff_write_state(a->staff, out);
    fputs(",\"targets\":[", out);
    struct app_target *t = xmalloc(APP_MAX_TARGETS * sizeof *t);
    size_t n = targets(a, t, APP_MAX_TARGETS);
    for (size_t i = 0; i < n && i < APP_MAX_TARGETS; i++) {
        fprintf(out, "%s\n {\"id\":", i ? "," : "");
        diag_json_string(t[i].id, out);
        fprintf(out, ",\"x\":%d,\"y\":%d,\"w\":%d,\"h\":%d}", t[i].rect.x,
                t[i].rect.y, t[i].rect.w, t[i].rect.h);
    }
    free(t);
    fputs("]", out);
    if (a->text_log) {
        fputs(",\"texts\":", out);
        render_text_log_write_json(a->text_log, out);
    }
    fputs("}\n", out);
}

const char *exhibit_app_screen_name(const struct exhibit_app *a)
{
    return app_screen(a->screen)->name;
}

void exhibit_app_showing(const struct exhibit_app *a, char *out,
                         size_t size)
{
    const char *name = app_screen(a->screen)->name;
    int top = ui_reader_top_passage(a->reader);
    const char *place = exhibit_app_selected_place(a);
    if (app_hours_dark(&a->hours))
        snprintf(out, size, "dark (outside the opening hours)");
    else if (a->screen == APP_SCREEN_READER && a->ex && top >= 0)
        snprintf(out, size, "%s passage %s", name, a->ex->passages[top].id);
    else if (a->screen == APP_SCREEN_MAP && place)
        snprintf(out, size, "%s place %s", name, place);
    else
        snprintf(out, size, "%s", name);
}

unsigned exhibit_app_state_errors(const struct exhibit_app *a)
{
    return a->state_errors;
}

const struct app_hours *exhibit_app_hours(const struct exhibit_app *a)
{
    return &a->hours;
}
