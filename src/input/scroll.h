/* scroll.h: kinetic scrolling along one axis, with an overscroll bounce.
 *
 * Pure and deterministic: the state changes only through these calls, and
 * each motion is stepped by its closed-form solution, so the same calls
 * with the same dt sequence give bit-identical offsets, and the place a
 * fling comes to rest does not depend on the frame rate.
 *
 * Everything is in the units of the offset: px, with `offset` 0 at the top
 * of the content and `max` = content - viewport at the bottom.  The content
 * follows the finger, so a caller scrolling vertically passes -dy to
 * input_scroll_drag and -vy to input_scroll_release.
 *
 * The phases: IDLE (at rest, min <= offset <= max once bounds and offset
 * are set); DRAGGING (between grab or drag and release; beyond a bound the
 * content moves at INPUT_SCROLL_RESISTANCE of the finger's speed, both
 * ways, so bringing the finger back brings the content back); FLING
 * (v(t) = v0 exp(-t / TAU) until |v| = STOP_VELOCITY: it travels
 * (|v0| - STOP_VELOCITY) * TAU); BOUNCE (past a bound: a critically
 * damped spring to the bound -- a fling that reaches a bound goes at most
 * BOUNCE_MAX_PX past it, comes back within 400 ms and never swings back
 * into the content; a finger released past a bound is pulled back the
 * same way, or, released with enough speed towards the content, carries
 * on as a fling inside).
 *
 * Caller's storage; it owns nothing, so there is no _fini. */
#ifndef INPUT_SCROLL_H
#define INPUT_SCROLL_H

#include <stdbool.h>

#define INPUT_SCROLL_TAU_MS 325.0          /* fling time constant */
#define INPUT_SCROLL_STOP_VELOCITY 20.0    /* px/s: a fling stops below it */
#define INPUT_SCROLL_MAX_VELOCITY 8000.0   /* px/s: releases are capped */
#define INPUT_SCROLL_RESISTANCE 0.5        /* content/finger past a bound */
#define INPUT_SCROLL_SPRING_OMEGA 22.0     /* 1/s, the bounce's stiffness */
#define INPUT_SCROLL_BOUNCE_MAX_PX 40.0    /* a fling's furthest overshoot */
#define INPUT_SCROLL_SETTLE_PX 0.5         /* a bounce this close is done */

enum input_scroll_phase {
    INPUT_SCROLL_IDLE,
    INPUT_SCROLL_DRAGGING,
    INPUT_SCROLL_FLING,
    INPUT_SCROLL_BOUNCE,
};

/* Read freely; change only through the functions. */
struct input_scroll {
    double offset;   /* px */
    double velocity; /* px/s of offset; 0 unless FLING or BOUNCE */
    double min, max; /* content bounds, min <= max */
    enum input_scroll_phase phase;
};

/* IDLE at offset min.  max < min (content shorter than the viewport)
 * counts as max = min. */
void input_scroll_init(struct input_scroll *s, double min, double max);

/* New bounds (a new layout).  At rest the offset is clamped into them at
 * once; a drag keeps its offset until release, and a fling or bounce in
 * progress continues towards the new bounds. */
void input_scroll_set_bounds(struct input_scroll *s, double min, double max);

/* Stops any motion and puts the offset at `offset`, clamped (e.g. to open
 * the reader at a passage).  IDLE afterwards. */
void input_scroll_jump_to(struct input_scroll *s, double offset);

/* A finger went down: stops a fling or bounce where it is and starts
 * DRAGGING.  True if the content was moving, so the caller can keep the
 * touch that caught it from also tapping what is under it. */
bool input_scroll_grab(struct input_scroll *s);

/* The finger moved the content by `delta` (in offset units); grabs first
 * if not DRAGGING. */
void input_scroll_drag(struct input_scroll *s, double delta);

/* The finger lifted with `velocity` (px/s of offset; 0 for a tap or a
 * cancel): FLING, BOUNCE if past a bound, or IDLE if too slow. */
void input_scroll_release(struct input_scroll *s, double velocity);

/* Advances a fling or bounce by dt_ms. */
void input_scroll_step(struct input_scroll *s, double dt_ms);

/* True while FLING or BOUNCE: the caller must keep drawing frames. */
bool input_scroll_animating(const struct input_scroll *s);

#endif
