/* gesture.c: one touch's state machine, pinch and palm rejection, velocity.
 *
 * `down` holds every finger that is down and known; `state` is PENDING,
 * LONG_PRESSED or DRAGGING only while exactly one finger is down (the
 * primary), IGNORING while two or more are, or after a cancel until all are
 * up, and IDLE when none is.  Every PRESS queued is answered by exactly one
 * of TAP, LONG_PRESS, DRAG_BEGIN or CANCEL, and every DRAG_BEGIN by one
 * DRAG_END or CANCEL: the only ways out of PENDING and DRAGGING queue them.
 * The sample ring holds the primary's positions since it went down (the
 * newest INPUT_GESTURE_SAMPLES), for the release velocity. */
#include <math.h>

#include "input/gesture.h"

/* a - b for two tick counts, correct across the uint32 wrap. */
static int32_t ticks_diff(uint32_t a, uint32_t b)
{
    return (int32_t)(a - b);
}

void input_gesture_init(struct input_gesture *g,
                        const struct input_gesture_config *config)
{
    *g = (struct input_gesture){0};
    g->config = config ? *config : INPUT_GESTURE_CONFIG_DEFAULT;
    if (!(g->config.tap_slop_px >= 0.0f)) /* also NaN */
        g->config.tap_slop_px = 0.0f;
    if (g->config.max_touches < 1)
        g->config.max_touches = 1;
    if (g->config.max_touches > INPUT_GESTURE_MAX_POINTERS - 1)
        g->config.max_touches = INPUT_GESTURE_MAX_POINTERS - 1;
    g->state = INPUT_GESTURE_IDLE;
}

/* ---- the queue --------------------------------------------------------- */

/* Queues e.  Once the queue is nearly full a DRAG is merged into a DRAG
 * at its tail, which keeps the room the ends of touches need. */
static void push(struct input_gesture *g, const struct input_gesture_event *e)
{
    if (g->queue_count >= INPUT_GESTURE_QUEUE - 8 &&
        e->kind == INPUT_GESTURE_DRAG) {
        struct input_gesture_event *tail =
            &g->queue[(g->queue_head + g->queue_count - 1) %
                      INPUT_GESTURE_QUEUE];
        if (tail->kind == INPUT_GESTURE_DRAG) {
            float dx = tail->dx + e->dx, dy = tail->dy + e->dy;
            *tail = *e;
            tail->dx = dx;
            tail->dy = dy;
            return;
        }
    }
    if (g->queue_count == INPUT_GESTURE_QUEUE) {
        g->dropped++;
        return;
    }
    g->queue[(g->queue_head + g->queue_count) % INPUT_GESTURE_QUEUE] = *e;
    g->queue_count++;
}

bool input_gesture_poll(struct input_gesture *g,
                        struct input_gesture_event *out)
{
    if (g->queue_count == 0)
        return false;
    *out = g->queue[g->queue_head];
    g->queue_head = (g->queue_head + 1) % INPUT_GESTURE_QUEUE;
    g->queue_count--;
    return true;
}

/* An event of the primary touch, at (x, y) and time t. */
static struct input_gesture_event event(const struct input_gesture *g,
                                        enum input_gesture_kind kind, float x,
                                        float y, uint32_t t)
{
    return (struct input_gesture_event){
        .kind = kind,
        .time_ms = t,
        .x = x,
        .y = y,
        .start_x = g->start_x,
        .start_y = g->start_y,
        .total_x = x - g->start_x,
        .total_y = y - g->start_y,
    };
}

static void emit(struct input_gesture *g, enum input_gesture_kind kind,
                 float x, float y, uint32_t t)
{
    struct input_gesture_event e = event(g, kind, x, y, t);
    push(g, &e);
}

static const struct input_gesture_sample *sample_at(
    const struct input_gesture *g, int k)
{
    return &g->samples[(g->sample_head + k) % INPUT_GESTURE_SAMPLES];
}

/* CANCEL, where the primary finger was last seen. */
static void emit_cancel(struct input_gesture *g,
                        enum input_cancel_reason reason, uint32_t t)
{
    const struct input_gesture_sample *now = sample_at(g, g->sample_count - 1);
    struct input_gesture_event e =
        event(g, INPUT_GESTURE_CANCEL, now->x, now->y, t);
    e.reason = reason;
    push(g, &e);
}

/* ---- fingers ----------------------------------------------------------- */

static int find_down(const struct input_gesture *g, int64_t id)
{
    for (int i = 0; i < g->down_count; i++)
        if (g->down[i] == id)
            return i;
    return -1;
}

static void remove_down(struct input_gesture *g, int i)
{
    g->down[i] = g->down[--g->down_count];
}

static bool touch_active(const struct input_gesture *g)
{
    return g->state == INPUT_GESTURE_PENDING ||
           g->state == INPUT_GESTURE_DRAGGING;
}

/* Ends the touch in progress, if any, and ignores the rest until all up. */
static void cancel_touch(struct input_gesture *g,
                         enum input_cancel_reason reason, uint32_t t)
{
    if (touch_active(g))
        emit_cancel(g, reason, t);
    g->state = g->down_count > 0 ? INPUT_GESTURE_IGNORING : INPUT_GESTURE_IDLE;
}

/* ---- velocity ---------------------------------------------------------- */

static void add_sample(struct input_gesture *g, float x, float y, uint32_t t)
{
    int i = (g->sample_head + g->sample_count) % INPUT_GESTURE_SAMPLES;
    if (g->sample_count == INPUT_GESTURE_SAMPLES)
        g->sample_head = (g->sample_head + 1) % INPUT_GESTURE_SAMPLES;
    else
        g->sample_count++;
    g->samples[i] = (struct input_gesture_sample){t, x, y};
}

/* The release velocity from the sample ring, whose last sample is the UP.
 * The trailing samples within STILL px of the last one are the finger at
 * rest; it came to rest at the first of them.  Resting STOP ms or more
 * means a deliberate stop: 0.  Otherwise the rest is a final stationary
 * sample or two (an UP reported where the last MOVE was) that says nothing
 * about the speed, and the fit ends where the rest began. */
static void release_velocity(const struct input_gesture *g, float *vx,
                             float *vy)
{
    *vx = *vy = 0.0f;
    int n = g->sample_count;
    if (n < 2)
        return;
    const struct input_gesture_sample *last = sample_at(g, n - 1);
    float still2 = INPUT_GESTURE_VELOCITY_STILL_PX *
                   INPUT_GESTURE_VELOCITY_STILL_PX;
    int rest = n - 1;
    while (rest > 0) {
        const struct input_gesture_sample *s = sample_at(g, rest - 1);
        float ex = s->x - last->x, ey = s->y - last->y;
        if (ex * ex + ey * ey > still2)
            break;
        rest--;
    }
    const struct input_gesture_sample *end = sample_at(g, rest);
    if (ticks_diff(last->time_ms, end->time_ms) >=
        INPUT_GESTURE_VELOCITY_STOP_MS)
        return;

    /* Least squares over [end - WINDOW, end], times relative to end. */
    double st = 0, sx = 0, sy = 0, stt = 0, stx = 0, sty = 0;
    int m = 0;
    for (int k = rest; k >= 0; k--) {
        const struct input_gesture_sample *s = sample_at(g, k);
        int32_t dt = ticks_diff(s->time_ms, end->time_ms);
        if (dt < -INPUT_GESTURE_VELOCITY_WINDOW_MS)
            break;
        double t = dt / 1000.0;
        st += t;
        sx += s->x;
        sy += s->y;
        stt += t * t;
        stx += t * s->x;
        sty += t * s->y;
        m++;
    }
    double den = m * stt - st * st;
    if (m < 2 || den <= 1e-12)
        return;
    *vx = (float)((m * stx - st * sx) / den);
    *vy = (float)((m * sty - st * sy) / den);
}

/* ---- the single-touch state machine ----------------------------------- */

static bool long_press_due(const struct input_gesture *g, uint32_t now)
{
    return g->state == INPUT_GESTURE_PENDING && g->config.long_press_ms > 0 &&
           ticks_diff(now, g->start_ms) >= (int64_t)g->config.long_press_ms;
}

static void fire_long_press_if_due(struct input_gesture *g, uint32_t now)
{
    if (long_press_due(g, now)) {
        emit(g, INPUT_GESTURE_LONG_PRESS, g->start_x, g->start_y, now);
        g->state = INPUT_GESTURE_LONG_PRESSED;
    }
}

/* The primary finger is at (x, y) at time t. */
static void primary_moved(struct input_gesture *g, float x, float y,
                          uint32_t t)
{
    fire_long_press_if_due(g, t);
    add_sample(g, x, y, t);
    if (g->state == INPUT_GESTURE_PENDING) {
        float ex = x - g->start_x, ey = y - g->start_y;
        float d = sqrtf(ex * ex + ey * ey);
        if (d < g->config.tap_slop_px || d == 0.0f)
            return;
        emit(g, INPUT_GESTURE_DRAG_BEGIN, x, y, t);
        g->state = INPUT_GESTURE_DRAGGING;
    }
    if (g->state == INPUT_GESTURE_DRAGGING &&
        (x != g->last_x || y != g->last_y)) {
        struct input_gesture_event e =
            event(g, INPUT_GESTURE_DRAG, x, y, t);
        e.dx = x - g->last_x;
        e.dy = y - g->last_y;
        push(g, &e);
        g->last_x = x;
        g->last_y = y;
    }
}

static void pointer_down(struct input_gesture *g,
                         const struct input_pointer_event *ev)
{
    if (g->down_count == INPUT_GESTURE_MAX_POINTERS)
        return; /* already a palm; this finger stays unknown */
    g->down[g->down_count++] = ev->id;
    if (g->down_count == 1) {
        g->state = INPUT_GESTURE_PENDING;
        g->primary = ev->id;
        g->start_ms = ev->time_ms;
        g->start_x = g->last_x = ev->x;
        g->start_y = g->last_y = ev->y;
        g->sample_head = g->sample_count = 0;
        add_sample(g, ev->x, ev->y, ev->time_ms);
        emit(g, INPUT_GESTURE_PRESS, ev->x, ev->y, ev->time_ms);
        return;
    }
    cancel_touch(g,
                 g->down_count > g->config.max_touches ? INPUT_CANCEL_PALM
                                                       : INPUT_CANCEL_PINCH,
                 ev->time_ms);
}

static void pointer_up(struct input_gesture *g, int i,
                       const struct input_pointer_event *ev)
{
    bool primary = g->down_count == 1 && ev->id == g->primary;
    remove_down(g, i);
    if (!primary || !(touch_active(g) ||
                      g->state == INPUT_GESTURE_LONG_PRESSED)) {
        if (g->down_count == 0)
            g->state = INPUT_GESTURE_IDLE;
        return;
    }
    if (ev->kind == INPUT_POINTER_CANCEL) {
        cancel_touch(g, INPUT_CANCEL_POINTER, ev->time_ms);
        return;
    }
    /* The UP's position is the last sample; it may still start a drag. */
    primary_moved(g, ev->x, ev->y, ev->time_ms);
    if (g->state == INPUT_GESTURE_PENDING) {
        emit(g, INPUT_GESTURE_TAP, g->start_x, g->start_y, ev->time_ms);
    } else if (g->state == INPUT_GESTURE_DRAGGING) {
        struct input_gesture_event e = event(g, INPUT_GESTURE_DRAG_END,
                                             g->last_x, g->last_y,
                                             ev->time_ms);
        release_velocity(g, &e.vx, &e.vy);
        push(g, &e);
    }
    g->state = INPUT_GESTURE_IDLE;
}

void input_gesture_feed(struct input_gesture *g,
                        const struct input_pointer_event *ev)
{
    int i = find_down(g, ev->id);
    enum input_pointer_kind kind = ev->kind;
    if (!isfinite(ev->x) || !isfinite(ev->y)) {
        if (kind != INPUT_POINTER_UP && kind != INPUT_POINTER_CANCEL)
            return;
        kind = INPUT_POINTER_CANCEL; /* a lift we cannot place */
    }
    switch (kind) {
    case INPUT_POINTER_DOWN:
        if (i >= 0) { /* its UP was lost: end it, then start again */
            struct input_pointer_event lost = *ev;
            lost.kind = INPUT_POINTER_CANCEL;
            pointer_up(g, i, &lost);
        }
        pointer_down(g, ev);
        break;
    case INPUT_POINTER_MOVE:
        if (i >= 0 && g->down_count == 1 && ev->id == g->primary &&
            g->state != INPUT_GESTURE_IGNORING)
            primary_moved(g, ev->x, ev->y, ev->time_ms);
        break;
    case INPUT_POINTER_UP:
    case INPUT_POINTER_CANCEL:
        if (i >= 0) {
            struct input_pointer_event up = *ev;
            up.kind = kind;
            pointer_up(g, i, &up);
        }
        break;
    }
}

void input_gesture_tick(struct input_gesture *g, uint32_t now_ms)
{
    fire_long_press_if_due(g, now_ms);
}

bool input_gesture_deadline(const struct input_gesture *g, uint32_t *at_ms)
{
    if (g->state != INPUT_GESTURE_PENDING || g->config.long_press_ms == 0)
        return false;
    *at_ms = g->start_ms + g->config.long_press_ms;
    return true;
}

void input_gesture_reset(struct input_gesture *g, uint32_t now_ms)
{
    g->down_count = 0;
    cancel_touch(g, INPUT_CANCEL_RESET, now_ms);
}

const char *input_gesture_kind_name(enum input_gesture_kind kind)
{
    switch (kind) {
    case INPUT_GESTURE_PRESS: return "PRESS";
    case INPUT_GESTURE_TAP: return "TAP";
    case INPUT_GESTURE_LONG_PRESS: return "LONG_PRESS";
    case INPUT_GESTURE_DRAG_BEGIN: return "DRAG_BEGIN";
    case INPUT_GESTURE_DRAG: return "DRAG";
    case INPUT_GESTURE_DRAG_END: return "DRAG_END";
    case INPUT_GESTURE_CANCEL: return "CANCEL";
    }
    return "?";
}

bool input_gesture_idle(const struct input_gesture *g)
{
    return g->state == INPUT_GESTURE_IDLE;
}
