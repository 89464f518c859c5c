/* exhibit_app.h: the visitor's screens and how a tap moves between them.
 *
 * Attract (any touch) -> Home (read, map, about) -> Reader / Map / About,
 * with the bar on top (back, language switch, larger text).  On the map a
 * tap on a region or town selects it and opens its card; a tap on a
 * passage in the card opens the reader scrolled to that passage with its
 * mentions highlighted; a tap on a mention in the reader opens the map
 * with that place selected.  After the exhibit's idle time without input
 * a "Still there?" prompt counts down 20 s; any touch dismisses it; at
 * zero everything returns to Attract in the default language.
 *
 * Everything is laid out when the exhibit, the language or the size
 * changes (exhibit_app_layout), never while drawing.  Owner: the caller;
 * the app borrows the fonts and the exhibit. */
#ifndef APP_EXHIBIT_APP_H
#define APP_EXHIBIT_APP_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>
#include <stdio.h>

#include <SDL.h>

#include "content/exhibit.h"
#include "input/gesture.h"
#include "render/atlas.h"
#include "text/font.h"

enum app_screen {
    APP_SCREEN_ATTRACT,
    APP_SCREEN_HOME,
    APP_SCREEN_READER,
    APP_SCREEN_MAP,
    APP_SCREEN_ABOUT,
};


struct exhibit_app;

struct exhibit_app *exhibit_app_create(const struct text_fonts *fonts);
void exhibit_app_destroy(struct exhibit_app *app);

/* Shows `ex` (NULL: nothing) in `lang` on a w x h screen; keeps the screen
 * and, where they still exist, the selection and highlights. */
void exhibit_app_layout(struct exhibit_app *app, SDL_Renderer *renderer,
                        const struct exhibit *ex, enum text_lang lang, int w,
                        int h);

/* A mouse or touch event: the gesture recognizer turns it into presses
 * (drawn pressed at once), taps, drags and flings (the reader and the
 * about page scroll kinetically; a drag never taps).  True if anything
 * changed. */
bool exhibit_app_pointer(struct exhibit_app *app, SDL_Renderer *renderer,
                         const struct input_pointer_event *ev);

/* A tap at (x, y) at time now_ms; true if anything changed. */
bool exhibit_app_tap(struct exhibit_app *app, SDL_Renderer *renderer,
                     int x, int y, uint32_t now_ms);
/* Scrolls the reader or the about page by dy px (positive: further in).
 * Counts as input for the idle timer. */
void exhibit_app_scroll(struct exhibit_app *app, float dy, uint32_t now_ms);

/* Advances time: the idle prompt and its countdown, and the reset.  True
 * if the screen changed and needs drawing. */
bool exhibit_app_tick(struct exhibit_app *app, uint32_t now_ms);

/* How long the main loop may sleep before exhibit_app_tick has something
 * to do (the idle prompt, the next second of its countdown), or -1 for
 * as long as it likes. */
int exhibit_app_wait_ms(const struct exhibit_app *app, uint32_t now_ms);

/* Records anonymous usage statistics (state/stats.h) under state_dir: one
 * session from the first touch after Attract to the idle reset.  NULL
 * (the default) records nothing. */
void exhibit_app_set_stats_dir(struct exhibit_app *app, const char *dir);

/* The staff panel (app/staff.h) over the screens: its PIN hash, state
 * folder and what its diagnostics show.  Without it the panel can never
 * be opened. */
struct staff_setup;
void exhibit_app_set_staff(struct exhibit_app *app,
                           const struct staff_setup *setup);
/* True while the staff keypad or panel is on screen. */
bool exhibit_app_staff_open(const struct exhibit_app *app);
/* Opens the staff keypad as the hidden gesture does. */
void exhibit_app_open_staff(struct exhibit_app *app, uint32_t now_ms);
/* The content problem for the staff panel (staff_set_content_problem). */
void exhibit_app_set_content_problem(struct exhibit_app *app,
                                     const char *problem);
/* What the staff panel asked of the main loop (enum staff_action), once. */
int exhibit_app_take_action(struct exhibit_app *app);

/* The opening hours (ops/schedule; kept, not copied; NULL: always open),
 * how long a touch wakes a closed exhibit (0: it does not) and the ways
 * to turn the display off (copied; NULL: the black frame only).  Outside
 * the hours the exhibit resets to Attract, draws one black frame, turns
 * the display off and draws nothing more until it opens or is woken. */
struct app_hours;
struct power_ways;
struct schedule;
void exhibit_app_set_hours(struct exhibit_app *app, const struct schedule *s,
                           unsigned wake_s, const struct power_ways *ways);
/* The wall clock, before each exhibit_app_tick: its time, whether it is
 * trusted and why (platform_clock_trusted; a render script's own). */
void exhibit_app_set_wall(struct exhibit_app *app, time_t now, bool trusted,
                          const char *why);
/* For the status file: the screen's name, what it shows ("reader passage
 * p07", "map place yili", "attract"; "dark" outside the hours), the
 * statistics writes that failed, and the display's state as the state
 * dump's "display" has it. */
const char *exhibit_app_screen_name(const struct exhibit_app *app);
void exhibit_app_showing(const struct exhibit_app *app, char *out,
                         size_t size);
unsigned exhibit_app_state_errors(const struct exhibit_app *app);
const struct app_hours *exhibit_app_hours(const struct exhibit_app *app);

/* True while the exhibit is dark outside its hours. */
bool exhibit_app_dark(const struct exhibit_app *app);

/* The idle time before the "Still there?" prompt, overriding the
 * content's (kiosk.conf idle-timeout); 0: the content's own. */
void exhibit_app_set_idle_timeout(struct exhibit_app *app, unsigned seconds);

/* The screen's diagonal in inches, for the map's 8 mm touch slop (0: the
 * default 21.5"). */
void exhibit_app_set_screen(struct exhibit_app *app, double diagonal_inch);

/* The display's own diagonal as the video driver reports it (0: unknown):
 * the screen's physical size in its metrics (type, targets, touch slop)
 * when kiosk.conf gives none. */
void exhibit_app_set_display_size(struct exhibit_app *app,
                                  double diagonal_inch);
/* The text the last frame drew (render/text_log.h), listed in the state
 * dump as "texts" (NULL: not listed).  Borrowed. */
struct render_text_log;
void exhibit_app_set_text_log(struct exhibit_app *app,
                              const struct render_text_log *log);

/* The visitor's distance from the screen in mm (0: UI_VIEW_MM_DEFAULT):
 * the type grows with it. */
void exhibit_app_set_viewing_distance(struct exhibit_app *app,
                                      double view_mm);

/* True when no finger is down and nothing moves: new content may be
 * swapped in without pulling anything from under a visitor's finger. */
bool exhibit_app_quiet(const struct exhibit_app *app);

/* Frames drawn since creation (a static screen must not add any). */
unsigned long exhibit_app_frames(const struct exhibit_app *app);

/* Draws the current screen; true while an animation needs more frames.
 * Counts a frame and notes its drawing time (the staff diagnostics). */
bool exhibit_app_draw(struct exhibit_app *app, SDL_Renderer *renderer,
                      struct atlas *atlas, uint32_t now_ms);
/* The same for a screenshot: not counted as a frame. */
void exhibit_app_draw_shot(struct exhibit_app *app, SDL_Renderer *renderer,
                           struct atlas *atlas, uint32_t now_ms);

enum app_screen exhibit_app_screen(const struct exhibit_app *app);
/* The interface's current language (the visitor's choice). */
enum text_lang exhibit_app_lang(const struct exhibit_app *app);
/* The selected place's id, or NULL. */
const char *exhibit_app_selected_place(const struct exhibit_app *app);

/* Finds the on-screen target with a stable id ("region:yili",
 * "town:yining", "passage:arrival", "mention:arrival:2") and its centre. */
bool exhibit_app_target(const struct exhibit_app *app, const char *id,
                        int *x, int *y);

/* Writes the state as JSON: screen, lang, selected_place, the reader's
 * top passage and offset, highlighted passages, and every target. */
void exhibit_app_write_state(const struct exhibit_app *app, FILE *out);

#endif
