/* staff.h: the staff panel -- the hidden way in, the PIN, and what the
 * panel shows and does.
 *
 * Closed, it only watches for the hidden gesture (input/corner_hold.h: two
 * fingers held 5 s in the top corners), fed every pointer event the
 * exhibit gets.  The gesture opens the keypad (ui/staff_screen.h); the PIN
 * (state/staff_pin.h, checked against kiosk.conf's staff-pin-hash; three
 * wrong ones lock entry for a minute) opens the panel:
 *
 *   diagnostics  version, content release, content folder, uptime, frame
 *                drawing times (median, 95th percentile, worst of the
 *                last 120),
 *                memory now and at peak, screen, the last import's report
 *   statistics   visits per day for the last 14 days by language, with
 *                the total and the average visit; read on a worker
 *                thread (state/stats_reader.h) so that a slow disk or a
 *                large day file never holds up the main loop: the page
 *                says "reading" until staff_tick takes the summary (it
 *                asks for a tick every 20 ms meanwhile); leaving the page
 *                or closing the panel stops and joins the thread
 *   touch test   every finger drawn with a crosshair where it is now
 *   actions      roll back to the release before (the exhibit follows the
 *                `current` switch by itself), restart the exhibit, exit to
 *                the console -- each asks for a second tap within 5 s
 *
 * The PIN is checked on a worker thread (core/worker.h; Argon2id takes
 * 0.2-0.8 s): the keypad says "checking" with its keys off, and staff_tick
 * takes the outcome (it asks for a tick every 16 ms meanwhile).  The
 * lock-out is kept in the state folder (state/staff_lockout.h), so a restart
 * does not lift it; an old sha256 PIN line opens the panel with a notice
 * to set the PIN again.
 *
 * Nobody is left logged in: the keypad closes after 30 s without a touch,
 * the panel after 2 min, and the typed digits are wiped on every close.
 * While it is open the panel takes every pointer event; the exhibit behind
 * it is frozen (its idle timer does not run).  Staff events are logged
 * (never the PIN).  Restart and exit are asked of the caller
 * (staff_take_action): the main loop ends, and the service manager
 * restarts the exhibit or, for the console, leaves it stopped.
 *
 * Owner: the caller; borrows the fonts and the strings in staff_setup. */
#ifndef APP_STAFF_H
#define APP_STAFF_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <SDL.h>

#include "input/gesture.h"
#include "render/atlas.h"
#include "state/staff_pin.h"
#include "text/font.h"
#include "ui/button.h"

#define STAFF_PIN_IDLE_MS 30000u
#define STAFF_PANEL_IDLE_MS 120000u
#define STAFF_CONFIRM_MS 5000u
#define STAFF_FRAME_HISTORY 120

struct staff_setup {
    const struct staff_pin_hash *pin; /* NULL: the panel never opens */
    const char *state_dir;   /* releases and statistics; NULL: none */
    const char *content_dir; /* the folder shown, for diagnostics */
    int rotation;            /* degrees, for diagnostics */
    double diagonal_inch;    /* 0: not configured */
    const char *status_file; /* the status file (run_ops writes it), read
                                for the display, hours and machine rows;
                                NULL: none */
    /* Render scripts: staff_tick waits for a read or a PIN check in the
     * background, so the same script gives the same pictures however fast
     * the disk or the processor. */
    bool simulated_clock;
};

enum staff_action {
    STAFF_ACTION_NONE,
    STAFF_ACTION_RESTART, /* end the exhibit; the service restarts it */
    STAFF_ACTION_CONSOLE, /* end it and stay stopped */
};

struct staff;

struct staff *staff_create(const struct text_fonts *fonts, uint32_t now_ms);
void staff_destroy(struct staff *s);

/* The settings; copies the hash, borrows the strings. */
void staff_configure(struct staff *s, const struct staff_setup *setup);

/* The language and the (logical) screen size. */
void staff_layout(struct staff *s, enum text_lang lang, int w, int h);

/* One pointer event, in the same pixels as the layout.  Closed: watches
 * for the gesture and returns false (the exhibit gets the event too).
 * Open: handles it and returns true (the exhibit must not see it);
 * *changed says whether to draw. */
bool staff_pointer(struct staff *s, const struct input_pointer_event *ev,
                   bool *changed);

/* Lets time pass: the gesture completing (the keypad opens), the lock-out
 * countdown, a confirmation running out, closing when idle.  True if the
 * screen changed. */
bool staff_tick(struct staff *s, uint32_t now_ms);

/* When staff_tick next has work: ms from now, or -1 for none. */
int staff_wait_ms(const struct staff *s, uint32_t now_ms);

bool staff_is_open(const struct staff *s);

/* Opens the keypad as the gesture would (the --windowed shortcut). */
void staff_open(struct staff *s, uint32_t now_ms);

/* The content that did not load (exhibit_view_problem's line), shown
 * among the diagnostics; "" or NULL when the last load succeeded. */
void staff_set_content_problem(struct staff *s, const char *problem);

/* A frame took `ms` to draw (for the diagnostics). */
void staff_note_frame(struct staff *s, double ms);

/* Draws the open keypad or panel over the whole screen. */
void staff_draw(const struct staff *s, SDL_Renderer *renderer,
                struct atlas *atlas);

/* What the panel asked of the main loop, once; then NONE again. */
enum staff_action staff_take_action(struct staff *s);

/* The buttons on screen while open (else 0), for scripts and state. */
size_t staff_buttons(const struct staff *s, const struct ui_button **out,
                     size_t max);

/* The staff state as a JSON object: open, view, page, digits, locked_ms,
 * message, armed, the chart's totals (and whether it is still being
 * read, and how many damaged day files its summary skipped). */
void staff_write_state(const struct staff *s, FILE *out);

#endif
