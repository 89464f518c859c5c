/* corner_hold.c: the two-finger corner hold's state machine.
 *
 * `down` holds every pointer that is down and known, whether or not it is
 * part of the attempt.  The attempt's fingers are the first two that went
 * down while none was; `armed` is true only while exactly those two are
 * down, each in its own top corner and within the slop, and `spoiled`
 * blocks every new attempt until `down` is empty again.  `completed` is
 * set once, when the time reaches start_ms + hold_ms, and cleared by the
 * tick that reports it; the attempt is spoiled at the same moment, so a
 * hold is reported at most once. */
#include <math.h>

#include "input/corner_hold.h"

/* a - b for two tick counts, correct across the uint32 wrap. */
static int32_t ticks_diff(uint32_t a, uint32_t b)
{
    return (int32_t)(a - b);
}

void input_corner_hold_init(struct corner_hold *h,
                      const struct input_corner_hold_config *config)
{
    *h = (struct corner_hold){
        .config = config ? *config : INPUT_CORNER_HOLD_CONFIG_DEFAULT};
    if (!(h->config.corner_px > 0))
        h->config.corner_px = 0;
    if (!(h->config.slop_px > 0))
        h->config.slop_px = 0;
    if (h->config.hold_ms == 0)
        h->config.hold_ms = 1;
    if (h->config.hold_ms > INT32_MAX)
        h->config.hold_ms = INT32_MAX;
}

static int find_down(const struct corner_hold *h, int64_t id)
{
    for (int i = 0; i < h->down_count; i++)
        if (h->down[i] == id)
            return i;
    return -1;
}

static int find_finger(const struct corner_hold *h, int64_t id)
{
    for (int i = 0; i < h->finger_count; i++)
        if (h->finger[i].id == id)
            return i;
    return -1;
}

static void spoil(struct corner_hold *h)
{
    h->spoiled = true;
    h->armed = false;
}

static bool in_left(const struct corner_hold *h, float x, float y)
{
    return x >= 0 && x < h->config.corner_px && y >= 0 &&
           y < h->config.corner_px;
}

static bool in_right(const struct corner_hold *h, float x, float y,
                     float window_w)
{
    return x >= window_w - h->config.corner_px && x < window_w && y >= 0 &&
           y < h->config.corner_px;
}

/* Whether the two fingers are one in each top corner. */
static bool in_corners(const struct corner_hold *h, float window_w)
{
    const struct input_corner_hold_finger *a = &h->finger[0], *b = &h->finger[1];
    return (in_left(h, a->x, a->y) && in_right(h, b->x, b->y, window_w)) ||
           (in_right(h, a->x, a->y, window_w) && in_left(h, b->x, b->y));
}

/* Completes a running hold whose deadline `now_ms` has reached. */
static void check_due(struct corner_hold *h, uint32_t now_ms)
{
    if (h->armed && ticks_diff(now_ms, h->start_ms) >=
                        (int32_t)h->config.hold_ms) {
        h->completed = true;
        spoil(h);
    }
}

static void pointer_down(struct corner_hold *h,
                         const struct input_pointer_event *ev,
                         float window_w)
{
    if (find_down(h, ev->id) >= 0) { /* its UP was lost */
        spoil(h);
        return;
    }
    if (h->down_count == INPUT_CORNER_HOLD_MAX_POINTERS) {
        spoil(h);
        return;
    }
    h->down[h->down_count++] = ev->id;
    if (h->spoiled)
        return;
    if (h->down_count > 2 || !isfinite(ev->x) || !isfinite(ev->y) ||
        !isfinite(window_w)) {
        spoil(h);
        return;
    }
    struct input_corner_hold_finger *f = &h->finger[h->finger_count++];
    *f = (struct input_corner_hold_finger){ev->id, ev->x, ev->y};
    if (!in_left(h, f->x, f->y) && !in_right(h, f->x, f->y, window_w)) {
        spoil(h);
        return;
    }
    if (h->finger_count == 2) {
        if (!in_corners(h, window_w)) {
            spoil(h);
            return;
        }
        h->armed = true;
        h->start_ms = ev->time_ms;
    }
}

static void pointer_move(struct corner_hold *h,
                         const struct input_pointer_event *ev)
{
    if (h->spoiled)
        return;
    int i = find_finger(h, ev->id);
    if (i < 0)
        return;
    float dx = ev->x - h->finger[i].x, dy = ev->y - h->finger[i].y;
    float d = sqrtf(dx * dx + dy * dy);
    if (!isfinite(d) || d >= h->config.slop_px)
        spoil(h);
}

static void pointer_up(struct corner_hold *h, int64_t id)
{
    int i = find_down(h, id);
    h->down[i] = h->down[--h->down_count];
    if (find_finger(h, id) >= 0)
        spoil(h);
    if (h->down_count == 0) { /* a clean slate for the next attempt */
        h->finger_count = 0;
        h->spoiled = false;
        h->armed = false;
    }
}

void input_corner_hold_feed(struct corner_hold *h,
                      const struct input_pointer_event *ev, float window_w)
{
    check_due(h, ev->time_ms);
    switch (ev->kind) {
    case INPUT_POINTER_DOWN:
        pointer_down(h, ev, window_w);
        break;
    case INPUT_POINTER_MOVE:
        if (find_down(h, ev->id) >= 0)
            pointer_move(h, ev);
        break;
    case INPUT_POINTER_UP:
    case INPUT_POINTER_CANCEL:
        if (find_down(h, ev->id) >= 0)
            pointer_up(h, ev->id);
        break;
    }
}

bool input_corner_hold_deadline(const struct corner_hold *h, uint32_t *at_ms)
{
    if (h->completed) {
        *at_ms = h->start_ms + h->config.hold_ms;
        return true;
    }
    if (!h->armed)
        return false;
    *at_ms = h->start_ms + h->config.hold_ms;
    return true;
}

bool input_corner_hold_tick(struct corner_hold *h, uint32_t now_ms)
{
    check_due(h, now_ms);
    if (!h->completed)
        return false;
    h->completed = false;
    return true;
}

void input_corner_hold_reset(struct corner_hold *h)
{
    struct input_corner_hold_config config = h->config;
    *h = (struct corner_hold){.config = config};
}
