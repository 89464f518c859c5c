/* screens.h: the visitor's screens as a table, and the controller state
 * they share -- private to app/exhibit_app.c and app/screens.c.
 *
 * Each screen is one row of ops: its name (the only copy of it: logs,
 * statistics and the state dump use it), whether it scrolls and shows
 * back, how it lays out, takes a tap, reports the button under a finger,
 * draws and lists its targets.  The drawing and layout of a screen live in
 * ui/ (attract.c, home.c, reader.c, map_page.c + place_card.c, about.c);
 * a row only connects them to the controller.  A new screen is one ui/
 * file and one row. */
#ifndef APP_SCREENS_H
#define APP_SCREENS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "app/exhibit_app.h"
#include "app/hours.h"
#include "input/gesture.h"
#include "input/scroll.h"
#include "state/stats.h"
#include "ui/about.h"
#include "ui/attract.h"
#include "ui/button.h"
#include "ui/chrome.h"
#include "ui/home.h"
#include "ui/idle_prompt.h"
#include "ui/map_page.h"
#include "ui/place_card.h"
#include "ui/reader.h"
#include "ui/theme.h"

#define APP_MAX_TARGETS 256

/* A tappable thing on screen with its stable id. */
struct app_target {
    char id[160];
    SDL_Rect rect;
};

/* Where the visitor was: a screen and what it showed, restored by Back. */
struct app_visit {
    enum app_screen screen;
    float offset;      /* its scroll offset, px (reader, about) */
    int top_passage;   /* the reader's first passage on screen, or -1 */
    int highlight;     /* the reader's highlighted passage, or -1 */
    bool summary;      /* the reader's summary toggle */
    int place;         /* the map's selected place (its card), or -1 */
    unsigned layout;   /* a->layouts when it was left: offsets still hold */
};

#define APP_HISTORY_MAX 16

struct exhibit_app {
    const struct text_fonts *fonts;
    const struct exhibit *ex;
    SDL_Renderer *renderer;
    struct ui_metrics m; /* the screen, its language and text size */
    enum app_screen screen;
    bool large_text, summary;
    struct ui_chrome chrome;
    SDL_Rect content; /* below the bar, inside the bezel */
    SDL_Rect home_content; /* the same on Home (no title, no Back) */
    /* navigation: the screens before this one, the oldest first */
    struct app_visit history[APP_HISTORY_MAX];
    size_t history_n;
    unsigned layouts; /* app_relayout calls: pixel offsets change */
    /* the screens' parts */
    struct ui_attract attract;
    struct ui_home home;
    struct ui_about about;
    struct ui_reader *reader;
    struct ui_button summary_button;
    struct ui_map_page *map;
    struct ui_place_card *card;
    SDL_Rect map_area, card_area;
    int place; /* selected place index, or -1 */
    /* idle */
    uint32_t last_input;
    bool prompt;
    int seconds_left;
    struct ui_idle_prompt idle;
    unsigned long frames;
    /* input */
    struct input_gesture gesture;
    struct input_scroll scroll; /* the current screen's, if it scrolls */
    uint32_t scroll_at;         /* when the scroll was last stepped */
    bool drag_scrolls;          /* this drag moves the scroller */
    char pressed[160];          /* the button drawn pressed, or "" */
    bool swallow;               /* this touch dismissed the prompt */
    uint32_t attract_at;        /* the last breath frame */
    double diag_inch;           /* kiosk.conf's or the default: touch slop */
    bool diag_given;            /* kiosk.conf gave the size */
    double display_inch;        /* the video driver's (0: unknown) */
    double view_mm;             /* kiosk.conf's viewing distance (0: the
                                   default) */
    const struct render_text_log *text_log; /* the last frame's text, for
                                               the state dump; borrowed */
    unsigned idle_override_s;   /* kiosk.conf's idle time; 0: content's */
    struct staff *staff;        /* the hidden staff panel, over everything */
    /* opening hours: the wall clock as the caller last gave it */
    struct app_hours hours;
    time_t wall;
    bool wall_trusted;
    char wall_why[200];
    unsigned long black_at; /* frames when the black frame was asked */
    /* usage statistics */
    const char *stats_dir;
    unsigned state_errors; /* statistics not written */
    struct stats_session session;
    bool in_session;
};

struct app_screen_ops {
    const char *name;
    const char *title; /* its title's string id; NULL: no title, no Back
                          or Home in the bar (Home, Attract) */
    bool chrome;  /* the bar is drawn at all */
    /* The scroll offset and its largest value; NULL: it does not scroll. */
    float (*offset)(const struct exhibit_app *a);
    void (*set_offset)(struct exhibit_app *a, float offset);
    float (*max_offset)(const struct exhibit_app *a);
    /* Whether a drag starting at (x, y) scrolls; NULL: anywhere does. */
    bool (*scrolls_at)(const struct exhibit_app *a, int x, int y);
    /* A tap at (x, y) off the bar; true if anything changed.  NULL: none. */
    bool (*tap)(struct exhibit_app *a, int x, int y, uint32_t now);
    /* The id of the button under (x, y), for the pressed look, or NULL. */
    const char *(*button_at)(const struct exhibit_app *a, int x, int y);
    /* Draws; true while an animation needs frames. */
    bool (*draw)(struct exhibit_app *a, SDL_Renderer *r, struct atlas *atlas,
                 uint32_t now);
    /* Appends the screen's own targets (after the bar's). */
    void (*targets)(const struct exhibit_app *a, struct app_target *out,
                    size_t *n, size_t max);
};

/* The row of a screen. */
const struct app_screen_ops *app_screen(enum app_screen screen);

/* Lays out every screen's parts for the current exhibit, language, size
 * and text size (the map and its card included). */
void app_screens_layout(struct exhibit_app *a);
void app_screens_free(struct exhibit_app *a);
/* The map and its card, again (the card appears, goes or changes). */
void app_screens_layout_map(struct exhibit_app *a);
/* Only the card's box and content (a card opened or closed). */
void app_screens_layout_card(struct exhibit_app *a);

/* The controller's navigation, for the rows (exhibit_app.c).  app_go
 * moves forward: the screen left (and what it showed) goes on the
 * history, which Back (app_back) returns to; Home (app_home) and the idle
 * reset clear it. */
void app_go(struct exhibit_app *a, enum app_screen s);
void app_back(struct exhibit_app *a, uint32_t now);
void app_home(struct exhibit_app *a);
void app_select_place(struct exhibit_app *a, int place, uint32_t now);
void app_open_reader(struct exhibit_app *a, uint32_t passage);
void app_relayout(struct exhibit_app *a);

/* Appends a button's target. */
void app_add_button(const struct ui_button *b, struct app_target *out,
                    size_t *n, size_t max);

#endif
