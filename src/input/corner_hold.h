/* corner_hold.h: the hidden staff gesture, two fingers held in the top
 * corners.
 *
 * Pure: no SDL.  The app feeds it the same `struct input_pointer_event`s
 * it gives the gesture recogniser (gesture.h), with the window's width at
 * the time, and calls `input_corner_hold_tick` whenever `input_corner_hold_deadline`
 * says so, since a finger resting still sends no events.  The hold
 * completes when two pointers went down, one in the top-left and one in
 * the top-right square of `corner_px` by `corner_px` window pixels, and
 * both stayed less than `slop_px` from where they went down for `hold_ms`
 * counted from the second finger's DOWN.  `input_corner_hold_tick` returns true
 * exactly once for that hold; the fingers are spent and nothing more
 * happens until every pointer is up.
 *
 * The mouse is one more pointer id, so the mouse alone can never do it (it
 * has one button position), only the mouse and a finger together.  Any of
 * these spoils the attempt, which then waits until every pointer is up
 * before a new one can start: a first or second finger going down outside
 * the corners (or both in the same corner), a third pointer, one of the
 * two lifting or cancelled before the hold completed, one moving `slop_px`
 * or more from its down point, a non-finite position, a DOWN for a pointer
 * already down.  MOVE and UP for pointers not down are ignored.  An event
 * whose time is at or past the deadline first completes the hold (the
 * fingers were held long enough; the caller was late to tick), so the next
 * tick reports it even if that event lifts a finger.
 *
 * Times are SDL's millisecond ticks compared as signed differences, so the
 * 49.7-day wrap of a uint32 is harmless.  Caller's storage; it owns
 * nothing, so there is no _fini.  Not thread-safe: one per event loop. */
#ifndef INPUT_CORNER_HOLD_H
#define INPUT_CORNER_HOLD_H

#include <stdbool.h>
#include <stdint.h>

#include "input/gesture.h"

struct input_corner_hold_config {
    float corner_px;  /* side of each corner square */
    float slop_px;    /* moving this far from the down point spoils it */
    uint32_t hold_ms; /* 0 counts as 1; at most INT32_MAX */
};

#define INPUT_CORNER_HOLD_CONFIG_DEFAULT                                            \
    ((struct input_corner_hold_config){                                             \
        .corner_px = 120.0f, .slop_px = 24.0f, .hold_ms = 5000})

/* Pointers tracked at once; more than this are ignored (and spoil it). */
#define INPUT_CORNER_HOLD_MAX_POINTERS 10

/* The fields are private; read them only through the functions. */
struct corner_hold {
    struct input_corner_hold_config config;
    int64_t down[INPUT_CORNER_HOLD_MAX_POINTERS]; /* pointers down, any order */
    int down_count;
    struct input_corner_hold_finger {
        int64_t id;
        float x, y; /* where it went down */
    } finger[2];    /* the attempt's fingers, in the order they went down */
    int finger_count;
    bool spoiled;   /* wait for all up; also after the hold completed */
    bool armed;     /* two fingers in the corners since start_ms */
    bool completed; /* held long enough, not yet reported by tick */
    uint32_t start_ms;
};

/* Sets up `h` with `config`, or the defaults if NULL.  Negative sizes
 * count as 0 (a corner of 0 px can never be hit). */
void input_corner_hold_init(struct corner_hold *h,
                      const struct input_corner_hold_config *config);

/* Feeds one pointer event; `window_w` is the window's width in the same
 * pixels as the event's x (the top-right square is window_w - corner_px
 * <= x < window_w). */
void input_corner_hold_feed(struct corner_hold *h,
                      const struct input_pointer_event *ev, float window_w);

/* When the caller must call input_corner_hold_tick even without events: true
 * and *at_ms while a hold is running (or completed and not yet reported),
 * false otherwise. */
bool input_corner_hold_deadline(const struct corner_hold *h, uint32_t *at_ms);

/* Lets time pass: true exactly once when the hold has completed. */
bool input_corner_hold_tick(struct corner_hold *h, uint32_t now_ms);

/* Forgets every pointer and any attempt, e.g. when the screen changes.
 * Pointers still down are then unknown; their MOVE and UP are ignored. */
void input_corner_hold_reset(struct corner_hold *h);

#endif
