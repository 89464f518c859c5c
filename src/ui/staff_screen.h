/* staff_screen.h: what the staff see -- the PIN keypad and the panel's
 * pages (diagnostics, statistics, touch test, actions).
 *
 * The screen shows a model the controller (app/staff.c) fills in: this
 * file knows layout and drawing, not PINs, files or releases.  Everything
 * is laid out in ui_staff_screen_set, when the model, the language or the
 * size changes, never while drawing; the touch test's points are the only
 * thing passed at draw time.  The keypad keeps the telephone order in
 * every language; the panel's bar, rows and chart are mirrored when the
 * interface reads right to left (Uyghur).
 *
 * Button ids (for taps, scripts and the state dump):
 *   staff:key:0 .. staff:key:9, staff:key:back, staff:key:clear,
 *   staff:pin:ok, staff:pin:cancel,
 *   staff:tab:diag, staff:tab:stats, staff:tab:touch, staff:tab:actions,
 *   staff:close, staff:action:rollback, staff:action:restart,
 *   staff:action:console
 *
 * Owner: the caller; the screen owns its layouts and borrows the fonts. */
#ifndef UI_STAFF_SCREEN_H
#define UI_STAFF_SCREEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <SDL.h>

#include "render/atlas.h"
#include "text/font.h"
#include "ui/bar_chart.h"
#include "ui/button.h"
#include "ui/staff_text.h"

#define UI_STAFF_DIAG_ROWS 12
#define UI_STAFF_DAYS 14
#define UI_STAFF_MAX_TOUCHES 10

_Static_assert(UI_CHART_STACKS == TEXT_LANG_COUNT,
               "the statistics chart stacks one segment per language");

enum ui_staff_view {
    UI_STAFF_VIEW_PIN,
    UI_STAFF_VIEW_PANEL,
};

enum ui_staff_page {
    UI_STAFF_PAGE_DIAG,
    UI_STAFF_PAGE_STATS,
    UI_STAFF_PAGE_TOUCH,
    UI_STAFF_PAGE_ACTIONS,
    UI_STAFF_PAGE_COUNT,
};

/* The page's tab id ("staff:tab:diag"), or NULL. */
const char *ui_staff_page_id(enum ui_staff_page page);

struct ui_staff_model {
    enum ui_staff_view view;
    enum ui_staff_page page;
    /* the keypad */
    int digits;        /* typed so far: drawn as dots */
    char message[256]; /* under the dots (diagnostics: a notice), or "" */
    bool alert;        /* the message is a refusal */
    bool keys_enabled; /* false while locked out or without a PIN */
    /* diagnostics: a label and its value per row, then the last import */
    int diag_count;
    struct {
        enum ui_staff_text label;
        char value[256];
    } diag[UI_STAFF_DIAG_ROWS];
    char import_report[2048];
    /* statistics: sessions per day by last language, one stack of the
     * chart each, in enum text_lang's order */
    bool stats_available;
    bool stats_reading; /* the summary is still being read */
    uint32_t day_sessions[UI_STAFF_DAYS][UI_CHART_STACKS];
    char day_label[UI_STAFF_DAYS][8]; /* "05-30" */
    uint32_t total_sessions;
    uint32_t average_s;
    /* the touch test */
    int touches; /* pointers down now */
    /* actions */
    unsigned rollback_to; /* 0: there is no earlier release */
    char armed[48];       /* the action waiting for its second tap */
    char action_message[256];
};

/* A finger on the touch test: where it is and where it went down. */
struct ui_staff_touch {
    float x, y, x0, y0;
};

struct ui_staff_screen;

struct ui_staff_screen *ui_staff_screen_create(const struct text_fonts *f);
void ui_staff_screen_destroy(struct ui_staff_screen *s);

void ui_staff_screen_set(struct ui_staff_screen *s,
                         const struct ui_staff_model *m, enum text_lang lang,
                         int w, int h);

/* The id of the (enabled) button at (x, y), or NULL. */
const char *ui_staff_screen_hit(const struct ui_staff_screen *s, int x,
                                int y);

/* Every enabled button now on screen, for scripts and the state dump. */
size_t ui_staff_screen_buttons(const struct ui_staff_screen *s,
                               const struct ui_button **out, size_t max);

/* The chart of the statistics page (empty unless it is shown). */
const struct ui_bar_chart *ui_staff_screen_chart(
    const struct ui_staff_screen *s);

/* Draws the whole screen (it is opaque); `pressed` is the id drawn
 * pressed, or NULL. */
void ui_staff_screen_draw(const struct ui_staff_screen *s, SDL_Renderer *r,
                          struct atlas *atlas, const char *pressed,
                          const struct ui_staff_touch *touches,
                          size_t touch_count);

#endif
