/* scroll.c: drag resistance, exponential fling, critically damped bounce.
 *
 * (offset, velocity) is the whole state of both motions, and both are
 * time-invariant, so each step restarts the exact solution from the
 * current state: no history is kept and a long step is as exact as many
 * short ones.  A step that crosses a change of phase (a fling reaching a
 * bound or slowing to the stop velocity, a bounce crossing back into the
 * content) is split at the moment of the change.  Outside DRAGGING,
 * FLING and BOUNCE the velocity is 0. */
#include <math.h>

#include "input/scroll.h"

#define TAU (INPUT_SCROLL_TAU_MS / 1000.0)
#define OMEGA INPUT_SCROLL_SPRING_OMEGA
#define STOP INPUT_SCROLL_STOP_VELOCITY
/* A critically damped spring leaving its rest point at speed v goes at
 * most v / (OMEGA e) from it: the speed that goes BOUNCE_MAX_PX. */
#define BOUNCE_MAX_VELOCITY (INPUT_SCROLL_BOUNCE_MAX_PX * OMEGA * M_E)

static double clamp(double v, double lo, double hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

void input_scroll_init(struct input_scroll *s, double min, double max)
{
    *s = (struct input_scroll){.phase = INPUT_SCROLL_IDLE};
    input_scroll_set_bounds(s, min, max);
    s->offset = s->min;
}

void input_scroll_set_bounds(struct input_scroll *s, double min, double max)
{
    if (!isfinite(min) || !isfinite(max))
        return;
    s->min = min;
    s->max = max < min ? min : max;
    if (s->phase == INPUT_SCROLL_IDLE)
        s->offset = clamp(s->offset, s->min, s->max);
}

void input_scroll_jump_to(struct input_scroll *s, double offset)
{
    if (!isfinite(offset))
        return;
    s->offset = clamp(offset, s->min, s->max);
    s->velocity = 0.0;
    s->phase = INPUT_SCROLL_IDLE;
}

bool input_scroll_animating(const struct input_scroll *s)
{
    return s->phase == INPUT_SCROLL_FLING || s->phase == INPUT_SCROLL_BOUNCE;
}

bool input_scroll_grab(struct input_scroll *s)
{
    bool moving = input_scroll_animating(s);
    s->phase = INPUT_SCROLL_DRAGGING;
    s->velocity = 0.0;
    return moving;
}

/* Where the finger would have put the content without resistance, and
 * back: the two are inverse, so a drag out and back returns exactly. */
static double to_finger(const struct input_scroll *s, double offset)
{
    if (offset > s->max)
        return s->max + (offset - s->max) / INPUT_SCROLL_RESISTANCE;
    if (offset < s->min)
        return s->min - (s->min - offset) / INPUT_SCROLL_RESISTANCE;
    return offset;
}

static double from_finger(const struct input_scroll *s, double finger)
{
    if (finger > s->max)
        return s->max + (finger - s->max) * INPUT_SCROLL_RESISTANCE;
    if (finger < s->min)
        return s->min - (s->min - finger) * INPUT_SCROLL_RESISTANCE;
    return finger;
}

void input_scroll_drag(struct input_scroll *s, double delta)
{
    if (s->phase != INPUT_SCROLL_DRAGGING)
        input_scroll_grab(s);
    if (isfinite(delta))
        s->offset = from_finger(s, to_finger(s, s->offset) + delta);
}

/* The bound a bounce pulls towards: +1 for max, -1 for min, 0 for none.
 * At a bound and moving past it counts as past it. */
static int past_bound(const struct input_scroll *s)
{
    if (s->offset > s->max || (s->offset == s->max && s->velocity > 0.0))
        return 1;
    if (s->offset < s->min || (s->offset == s->min && s->velocity < 0.0))
        return -1;
    return 0;
}

/* Enters BOUNCE, with the outward speed capped so a fling that reaches a
 * bound goes at most BOUNCE_MAX_PX past it. */
static void start_bounce(struct input_scroll *s, int side)
{
    s->phase = INPUT_SCROLL_BOUNCE;
    if (side * s->velocity > BOUNCE_MAX_VELOCITY)
        s->velocity = side * BOUNCE_MAX_VELOCITY;
}

/* FLING if fast enough, else at rest. */
static void coast(struct input_scroll *s)
{
    if (fabs(s->velocity) >= STOP) {
        s->phase = INPUT_SCROLL_FLING;
    } else {
        s->phase = INPUT_SCROLL_IDLE;
        s->velocity = 0.0;
    }
}

void input_scroll_release(struct input_scroll *s, double velocity)
{
    if (!isfinite(velocity))
        velocity = 0.0;
    s->velocity = clamp(velocity, -INPUT_SCROLL_MAX_VELOCITY,
                        INPUT_SCROLL_MAX_VELOCITY);
    int side = s->offset > s->max ? 1 : s->offset < s->min ? -1 : 0;
    if (side != 0)
        start_bounce(s, side);
    else
        coast(s);
}

/* Steps a fling by up to dt seconds; returns the time used. */
static double fling(struct input_scroll *s, double dt)
{
    int side = past_bound(s);
    if (side != 0) {
        start_bounce(s, side);
        return 0.0;
    }
    double v = s->velocity;
    if (fabs(v) < STOP) {
        coast(s);
        return 0.0;
    }
    double t_stop = TAU * log(fabs(v) / STOP);
    double t = fmin(dt, t_stop);
    double travel = -v * TAU * expm1(-t / TAU);
    double bound = v > 0.0 ? s->max : s->min;
    double room = bound - s->offset; /* the sign of v, or 0 */
    if (fabs(travel) >= fabs(room)) {
        /* offset + v TAU (1 - exp(-tc / TAU)) = bound */
        double tc = fmin(-TAU * log1p(-room / (v * TAU)), t);
        s->offset = bound;
        s->velocity = v * exp(-tc / TAU);
        start_bounce(s, v > 0.0 ? 1 : -1);
        return tc;
    }
    s->offset += travel;
    if (t >= t_stop) {
        s->velocity = 0.0;
        s->phase = INPUT_SCROLL_IDLE;
    } else {
        s->velocity = v * exp(-t / TAU);
    }
    return t;
}

/* Steps a bounce by up to dt seconds; returns the time used.  With x the
 * distance past the bound, x(t) = (x0 + c t) exp(-OMEGA t), c = v0 +
 * OMEGA x0: it crosses the bound at most once, at t = -x0 / c. */
static double bounce(struct input_scroll *s, double dt)
{
    int side = past_bound(s);
    if (side == 0) {
        coast(s);
        return 0.0;
    }
    double bound = side > 0 ? s->max : s->min;
    double x0 = s->offset - bound, v0 = s->velocity;
    double c = v0 + OMEGA * x0;
    if (x0 * c < 0.0 && -x0 / c <= dt) {
        double tc = -x0 / c;
        s->offset = bound;
        s->velocity = c * exp(-OMEGA * tc);
        coast(s);
        return tc;
    }
    double e = exp(-OMEGA * dt);
    double x = (x0 + c * dt) * e;
    s->velocity = (c - OMEGA * (x0 + c * dt)) * e;
    s->offset = bound + x;
    if (fabs(x) < INPUT_SCROLL_SETTLE_PX && fabs(s->velocity) < STOP) {
        s->offset = bound;
        s->velocity = 0.0;
        s->phase = INPUT_SCROLL_IDLE;
    }
    return dt;
}

void input_scroll_step(struct input_scroll *s, double dt_ms)
{
    if (!(dt_ms > 0.0) || !isfinite(dt_ms))
        return;
    double dt = dt_ms / 1000.0;
    /* A step changes phase a few times at most (fling, bounce, fling
     * inside, bounce at the other bound of an empty range); the bound on
     * the loop only guards against rounding. */
    for (int i = 0; i < 8 && dt > 0.0 && input_scroll_animating(s); i++)
        dt -= s->phase == INPUT_SCROLL_FLING ? fling(s, dt) : bounce(s, dt);
}
