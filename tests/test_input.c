/* test_input.c: gestures and kinetic scrolling, on a scripted clock.
 *
 * Gestures: a table of scripts (pointer events and ticks) with the event
 * kinds each must produce, every output also checked against the grammar
 * PRESS (TAP | LONG_PRESS | CANCEL | DRAG_BEGIN DRAG+ (DRAG_END | CANCEL));
 * then positions, deltas, cancel reasons, deadlines, a full queue and the
 * release velocity.  Scrolling: flings, bounces, resistance and
 * determinism, stepped with fixed or scripted dt sequences. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "input/gesture.h"
#include "input/scroll.h"

/* ---- gesture helpers --------------------------------------------------- */

#define MAX_EVENTS 512

struct log {
    struct input_gesture_event ev[MAX_EVENTS];
    int n;
};

static void drain(struct input_gesture *g, struct log *log)
{
    struct input_gesture_event e;
    while (input_gesture_poll(g, &e))
        if (log->n < MAX_EVENTS)
            log->ev[log->n++] = e;
}

static void feed(struct input_gesture *g, struct log *log,
                 enum input_pointer_kind kind, int64_t id, float x, float y,
                 uint32_t t)
{
    struct input_pointer_event ev = {kind, id, x, y, t};
    input_gesture_feed(g, &ev);
    drain(g, log);
}

static void kinds(const struct log *log, char *buf, size_t size)
{
    size_t len = 0;
    buf[0] = '\0';
    for (int i = 0; i < log->n && len < size; i++)
        len += (size_t)snprintf(buf + len, size - len, "%s%s",
                                i ? " " : "",
                                input_gesture_kind_name(log->ev[i].kind));
}

/* Whether the events follow the grammar in gesture.h; a script may stop
 * in the middle of a touch. */
static bool grammar_ok(const struct log *log)
{
    enum { IDLE, PRESSED, BEGUN, DRAGGING } st = IDLE;
    for (int i = 0; i < log->n; i++) {
        enum input_gesture_kind k = log->ev[i].kind;
        switch (st) {
        case IDLE:
            if (k != INPUT_GESTURE_PRESS)
                return false;
            st = PRESSED;
            break;
        case PRESSED:
            if (k == INPUT_GESTURE_DRAG_BEGIN)
                st = BEGUN;
            else if (k == INPUT_GESTURE_TAP ||
                     k == INPUT_GESTURE_LONG_PRESS ||
                     k == INPUT_GESTURE_CANCEL)
                st = IDLE;
            else
                return false;
            break;
        case BEGUN:
            if (k != INPUT_GESTURE_DRAG)
                return false;
            st = DRAGGING;
            break;
        case DRAGGING:
            if (k == INPUT_GESTURE_DRAG_END || k == INPUT_GESTURE_CANCEL)
                st = IDLE;
            else if (k != INPUT_GESTURE_DRAG)
                return false;
            break;
        }
    }
    return true;
}

/* ---- gesture scripts --------------------------------------------------- */

/* 'd' down, 'm' move, 'u' up, 'c' pointer cancel, 't' tick, 'r' reset. */
struct step {
    char op;
    int64_t id;
    float x, y;
    uint32_t t;
};

#define M INPUT_POINTER_MOUSE
#define WRAP 4294967040u /* 256 ms before the uint32 tick count wraps */

static const struct script {
    const char *name;
    struct step steps[24];
    const char *expect;
} scripts[] = {
    {"tap", {{'d', 1, 100, 100, 0}, {'u', 1, 100, 100, 80}}, "PRESS TAP"},
    {"mouse click",
     {{'m', M, 90, 90, 0}, {'d', M, 100, 100, 5}, {'u', M, 101, 100, 90},
      {'m', M, 300, 300, 120}},
     "PRESS TAP"},
    {"tap wobbling within the slop",
     {{'d', 1, 100, 100, 0},
      {'m', 1, 110, 105, 30},
      {'m', 1, 103, 98, 60},
      {'u', 1, 104, 99, 90}},
     "PRESS TAP"},
    {"just inside the slop",
     {{'d', 1, 100, 100, 0}, {'m', 1, 115.9f, 100, 20},
      {'u', 1, 115.9f, 100, 40}},
     "PRESS TAP"},
    {"at the slop",
     {{'d', 1, 100, 100, 0}, {'m', 1, 116, 100, 20}, {'u', 1, 116, 100, 40}},
     "PRESS DRAG_BEGIN DRAG DRAG_END"},
    {"drag",
     {{'d', 1, 100, 100, 0},
      {'m', 1, 100, 110, 16},
      {'m', 1, 100, 130, 32},
      {'m', 1, 100, 160, 48},
      {'u', 1, 100, 160, 56}},
     "PRESS DRAG_BEGIN DRAG DRAG DRAG_END"},
    {"out and back is still a drag",
     {{'d', 1, 100, 100, 0},
      {'m', 1, 140, 100, 50},
      {'m', 1, 100, 100, 100},
      {'u', 1, 100, 100, 150}},
     "PRESS DRAG_BEGIN DRAG DRAG DRAG_END"},
    {"a drag made by the UP alone",
     {{'d', 1, 100, 100, 0}, {'u', 1, 150, 100, 50}},
     "PRESS DRAG_BEGIN DRAG DRAG_END"},
    {"long press by tick",
     {{'d', 1, 100, 100, 0},
      {'t', 0, 0, 0, 300},
      {'t', 0, 0, 0, 599},
      {'t', 0, 0, 0, 600},
      {'t', 0, 0, 0, 700},
      {'t', 0, 0, 0, 2000},
      {'u', 1, 100, 100, 2100}},
     "PRESS LONG_PRESS"},
    {"long press noticed at the UP",
     {{'d', 1, 100, 100, 0}, {'u', 1, 100, 100, 650}},
     "PRESS LONG_PRESS"},
    {"long press wobbling, then moving",
     {{'d', 1, 100, 100, 0},
      {'m', 1, 105, 100, 300},
      {'m', 1, 108, 104, 550},
      {'t', 0, 0, 0, 600},
      {'m', 1, 140, 100, 700},
      {'u', 1, 140, 100, 800}},
     "PRESS LONG_PRESS"},
    {"tap just before the long press",
     {{'d', 1, 100, 100, 0}, {'t', 0, 0, 0, 599}, {'u', 1, 100, 100, 599}},
     "PRESS TAP"},
    {"a drag is never a long press",
     {{'d', 1, 100, 100, 0},
      {'m', 1, 100, 130, 100},
      {'t', 0, 0, 0, 700},
      {'u', 1, 100, 130, 800}},
     "PRESS DRAG_BEGIN DRAG DRAG_END"},
    {"long press across the tick wrap",
     {{'d', 1, 100, 100, WRAP},
      {'t', 0, 0, 0, WRAP + 599u},
      {'t', 0, 0, 0, WRAP + 600u},
      {'u', 1, 100, 100, WRAP + 700u}},
     "PRESS LONG_PRESS"},
    {"pinch",
     {{'d', 1, 100, 100, 0},
      {'d', 2, 300, 100, 20},
      {'m', 1, 50, 100, 100},
      {'m', 2, 400, 100, 100},
      {'u', 1, 50, 100, 200},
      {'m', 2, 600, 100, 250},
      {'u', 2, 600, 100, 260},
      {'t', 0, 0, 0, 1000},
      {'d', 3, 500, 500, 1100},
      {'u', 3, 500, 500, 1150}},
     "PRESS CANCEL PRESS TAP"},
    {"pinch with still fingers: no tap, no long press",
     {{'d', 1, 100, 100, 0},
      {'d', 2, 300, 100, 10},
      {'t', 0, 0, 0, 900},
      {'u', 2, 300, 100, 950},
      {'t', 0, 0, 0, 1900},
      {'u', 1, 100, 100, 2000}},
     "PRESS CANCEL"},
    {"second finger during a drag",
     {{'d', 1, 100, 100, 0},
      {'m', 1, 100, 140, 50},
      {'d', 2, 300, 100, 60},
      {'m', 1, 100, 180, 70},
      {'u', 1, 100, 180, 80},
      {'u', 2, 300, 100, 90}},
     "PRESS DRAG_BEGIN DRAG CANCEL"},
    {"second finger after a long press",
     {{'d', 1, 100, 100, 0},
      {'t', 0, 0, 0, 600},
      {'d', 2, 300, 100, 700},
      {'u', 2, 300, 100, 750},
      {'u', 1, 100, 100, 800}},
     "PRESS LONG_PRESS"},
    {"palm: four fingers, nothing until all are up",
     {{'d', 1, 100, 100, 0},
      {'d', 2, 200, 110, 0},
      {'d', 3, 300, 120, 0},
      {'d', 4, 400, 130, 0},
      {'m', 1, 100, 200, 30},
      {'m', 4, 400, 230, 30},
      {'u', 1, 100, 200, 100},
      {'u', 2, 200, 110, 100},
      {'u', 3, 300, 120, 100},
      {'d', 5, 700, 700, 120},
      {'u', 5, 700, 700, 150},
      {'d', 6, 700, 700, 200},
      {'m', 6, 700, 800, 220},
      {'u', 6, 700, 800, 240},
      {'t', 0, 0, 0, 1500},
      {'u', 4, 400, 230, 1600},
      {'d', 7, 500, 500, 1700},
      {'u', 7, 500, 500, 1750}},
     "PRESS CANCEL PRESS TAP"},
    {"palm during a drag",
     {{'d', 1, 100, 100, 0},
      {'m', 1, 100, 200, 50},
      {'d', 2, 300, 100, 60},
      {'d', 3, 350, 100, 60},
      {'d', 4, 400, 100, 60},
      {'d', 5, 450, 100, 60},
      {'u', 1, 100, 200, 100},
      {'u', 2, 0, 0, 100},
      {'u', 3, 0, 0, 100},
      {'u', 4, 0, 0, 100},
      {'u', 5, 0, 0, 100}},
     "PRESS DRAG_BEGIN DRAG CANCEL"},
    {"pointer cancel",
     {{'d', 1, 100, 100, 0},
      {'m', 1, 100, 140, 50},
      {'c', 1, 100, 140, 60},
      {'m', 1, 100, 200, 70},
      {'u', 1, 100, 200, 80}},
     "PRESS DRAG_BEGIN DRAG CANCEL"},
    {"a lost UP",
     {{'d', 1, 100, 100, 0},
      {'d', 1, 500, 500, 900},
      {'u', 1, 500, 500, 950}},
     "PRESS CANCEL PRESS TAP"},
    {"an UP with no position still lifts the finger",
     {{'d', 1, 100, 100, 0},
      {'m', 1, NAN, 100, 20},
      {'u', 1, NAN, NAN, 50},
      {'d', 2, 100, 100, 100},
      {'u', 2, 100, 100, 150}},
     "PRESS CANCEL PRESS TAP"},
    {"unknown pointers are ignored",
     {{'m', 9, 100, 100, 0},
      {'u', 9, 100, 100, 10},
      {'c', 8, 100, 100, 20},
      {'d', 1, 100, 100, 30},
      {'u', 1, 100, 100, 60}},
     "PRESS TAP"},
    {"reset",
     {{'d', 1, 100, 100, 0},
      {'r', 0, 0, 0, 100},
      {'m', 1, 100, 200, 110},
      {'u', 1, 100, 200, 120},
      {'t', 0, 0, 0, 1000},
      {'d', 2, 100, 100, 1100},
      {'u', 2, 100, 100, 1150}},
     "PRESS CANCEL PRESS TAP"},
};

static void run_script(const struct script *sc, struct log *log)
{
    static const enum input_pointer_kind kind[] = {
        ['d'] = INPUT_POINTER_DOWN,
        ['m'] = INPUT_POINTER_MOVE,
        ['u'] = INPUT_POINTER_UP,
        ['c'] = INPUT_POINTER_CANCEL,
    };
    struct input_gesture g;
    input_gesture_init(&g, NULL);
    log->n = 0;
    for (size_t i = 0; i < sizeof sc->steps / sizeof *sc->steps; i++) {
        const struct step *s = &sc->steps[i];
        if (s->op == 't')
            input_gesture_tick(&g, s->t);
        else if (s->op == 'r')
            input_gesture_reset(&g, s->t);
        else if (s->op != '\0')
            feed(&g, log, kind[(unsigned char)s->op], s->id, s->x, s->y,
                 s->t);
        drain(&g, log);
    }
}

static void test_scripts(void)
{
    static struct log log;
    char got[512];
    for (size_t i = 0; i < sizeof scripts / sizeof *scripts; i++) {
        run_script(&scripts[i], &log);
        kinds(&log, got, sizeof got);
        CHECK(strcmp(got, scripts[i].expect) == 0,
              "script '%s': got \"%s\", want \"%s\"", scripts[i].name, got,
              scripts[i].expect);
        CHECK(grammar_ok(&log), "script '%s': grammar broken: %s",
              scripts[i].name, got);
    }
}

static const struct script *script_named(const char *name)
{
    for (size_t i = 0; i < sizeof scripts / sizeof *scripts; i++)
        if (strcmp(scripts[i].name, name) == 0)
            return &scripts[i];
    return NULL;
}

/* Positions and deltas the scripts above produce. */
static void test_event_fields(void)
{
    static struct log log;
    run_script(script_named("tap wobbling within the slop"), &log);
    CHECK(log.n == 2 && log.ev[1].x == 100 && log.ev[1].y == 100 &&
              log.ev[1].time_ms == 90,
          "a tap reports the down point and the UP's time");

    run_script(script_named("drag"), &log);
    float sum = 0;
    for (int i = 0; i < log.n; i++)
        if (log.ev[i].kind == INPUT_GESTURE_DRAG)
            sum += log.ev[i].dy;
    const struct input_gesture_event *end = &log.ev[log.n - 1];
    CHECK(log.ev[1].x == 100 && log.ev[1].y == 130 &&
              log.ev[1].start_y == 100,
          "DRAG_BEGIN at the finger (%g, %g), from (%g, %g)", log.ev[1].x,
          log.ev[1].y, log.ev[1].start_x, log.ev[1].start_y);
    CHECK(log.ev[2].dy == 30 && log.ev[3].dy == 30,
          "the content follows the finger from the down point: dy %g, %g",
          log.ev[2].dy, log.ev[3].dy);
    CHECK(sum == 60 && end->total_y == 60 && end->total_x == 0 &&
              end->y == 160,
          "deltas add up to the total: %g, total %g", sum, end->total_y);

    run_script(script_named("long press by tick"), &log);
    CHECK(log.n == 2 && log.ev[1].time_ms == 600 && log.ev[1].x == 100,
          "long press at 600 ms where the finger went down (%u ms)",
          log.n == 2 ? log.ev[1].time_ms : 0);

    run_script(script_named("pinch"), &log);
    CHECK(log.ev[1].reason == INPUT_CANCEL_PINCH, "pinch reason %d",
          log.ev[1].reason);
    run_script(script_named("palm: four fingers, nothing until all are up"),
               &log);
    CHECK(log.ev[1].reason == INPUT_CANCEL_PINCH, "palm: the second finger "
                                                  "already cancels (%d)",
          log.ev[1].reason);
    run_script(script_named("pointer cancel"), &log);
    CHECK(log.ev[3].reason == INPUT_CANCEL_POINTER && log.ev[3].y == 140,
          "pointer cancel: reason %d at y %g", log.ev[3].reason,
          log.ev[3].y);
    run_script(script_named("reset"), &log);
    CHECK(log.ev[1].reason == INPUT_CANCEL_RESET, "reset reason %d",
          log.ev[1].reason);
}

static void test_config(void)
{
    static struct log log;
    struct input_gesture g;

    /* One finger allowed: the second is a palm. */
    struct input_gesture_config c = INPUT_GESTURE_CONFIG_DEFAULT;
    c.max_touches = 1;
    input_gesture_init(&g, &c);
    log.n = 0;
    feed(&g, &log, INPUT_POINTER_DOWN, 1, 10, 10, 0);
    feed(&g, &log, INPUT_POINTER_DOWN, 2, 50, 10, 5);
    CHECK(log.n == 2 && log.ev[1].kind == INPUT_GESTURE_CANCEL &&
              log.ev[1].reason == INPUT_CANCEL_PALM,
          "max_touches 1: the second finger is a palm");

    /* No long presses: a long rest is still a tap. */
    c = INPUT_GESTURE_CONFIG_DEFAULT;
    c.long_press_ms = 0;
    input_gesture_init(&g, &c);
    log.n = 0;
    uint32_t at;
    feed(&g, &log, INPUT_POINTER_DOWN, 1, 10, 10, 0);
    CHECK(!input_gesture_deadline(&g, &at), "no deadline without long press");
    input_gesture_tick(&g, 5000);
    feed(&g, &log, INPUT_POINTER_UP, 1, 10, 10, 6000);
    CHECK(log.n == 2 && log.ev[1].kind == INPUT_GESTURE_TAP,
          "long_press_ms 0: a 6 s touch taps");

    /* Slop 0: any movement drags; none taps. */
    c = INPUT_GESTURE_CONFIG_DEFAULT;
    c.tap_slop_px = 0;
    input_gesture_init(&g, &c);
    log.n = 0;
    feed(&g, &log, INPUT_POINTER_DOWN, 1, 10, 10, 0);
    feed(&g, &log, INPUT_POINTER_MOVE, 1, 10, 10, 5);
    feed(&g, &log, INPUT_POINTER_UP, 1, 10, 10, 10);
    feed(&g, &log, INPUT_POINTER_DOWN, 1, 10, 10, 20);
    feed(&g, &log, INPUT_POINTER_MOVE, 1, 10.5f, 10, 25);
    feed(&g, &log, INPUT_POINTER_UP, 1, 10.5f, 10, 30);
    char got[256];
    kinds(&log, got, sizeof got);
    CHECK(strcmp(got, "PRESS TAP PRESS DRAG_BEGIN DRAG DRAG_END") == 0 &&
              grammar_ok(&log),
          "slop 0: %s", got);
}

static void test_deadline(void)
{
    static struct log log;
    struct input_gesture g;
    uint32_t at = 0;
    input_gesture_init(&g, NULL);
    log.n = 0;
    CHECK(!input_gesture_deadline(&g, &at), "no deadline when idle");
    feed(&g, &log, INPUT_POINTER_DOWN, 1, 10, 10, 1000);
    CHECK(input_gesture_deadline(&g, &at) && at == 1600,
          "deadline at the long press: %u", at);
    input_gesture_tick(&g, at);
    CHECK(!input_gesture_deadline(&g, &at), "no deadline after it fired");
    feed(&g, &log, INPUT_POINTER_UP, 1, 10, 10, 1700);
    feed(&g, &log, INPUT_POINTER_DOWN, 1, 10, 10, 2000);
    feed(&g, &log, INPUT_POINTER_MOVE, 1, 10, 60, 2050);
    CHECK(!input_gesture_deadline(&g, &at), "no deadline while dragging");
}

/* Idle: no finger down and nothing in progress -- the only moment new
 * content may be swapped in. */
static void test_idle(void)
{
    static struct log log;
    struct input_gesture g;
    input_gesture_init(&g, NULL);
    log.n = 0;
    CHECK(input_gesture_idle(&g), "idle after init");
    feed(&g, &log, INPUT_POINTER_DOWN, 1, 10, 10, 1000);
    CHECK(!input_gesture_idle(&g), "not idle with a finger down");
    feed(&g, &log, INPUT_POINTER_MOVE, 1, 10, 80, 1050);
    CHECK(!input_gesture_idle(&g), "not idle while dragging");
    feed(&g, &log, INPUT_POINTER_UP, 1, 10, 80, 1100);
    CHECK(input_gesture_idle(&g), "idle once the finger lifts");
    /* A reset forgets the fingers (gesture.h): idle at once, and the
     * forgotten finger's lift changes nothing. */
    feed(&g, &log, INPUT_POINTER_DOWN, 1, 10, 10, 2000);
    input_gesture_reset(&g, 2010);
    CHECK(input_gesture_idle(&g), "idle after a reset");
    feed(&g, &log, INPUT_POINTER_UP, 1, 10, 10, 2100);
    CHECK(input_gesture_idle(&g), "still idle when the forgotten finger "
                                  "lifts");
}

/* A caller that drains only at the end of a long drag. */
static void test_full_queue(void)
{
    static struct log log;
    struct input_gesture g;
    input_gesture_init(&g, NULL);
    log.n = 0;
    struct input_pointer_event ev = {INPUT_POINTER_DOWN, 1, 0, 0, 0};
    input_gesture_feed(&g, &ev);
    ev.kind = INPUT_POINTER_MOVE;
    for (int i = 1; i <= 500; i++) {
        ev.x = (float)i;
        ev.time_ms = (uint32_t)i;
        input_gesture_feed(&g, &ev);
    }
    ev.kind = INPUT_POINTER_UP;
    input_gesture_feed(&g, &ev);
    ev.kind = INPUT_POINTER_DOWN;
    ev.id = 2;
    input_gesture_feed(&g, &ev);
    ev.kind = INPUT_POINTER_UP;
    input_gesture_feed(&g, &ev);
    drain(&g, &log);
    float sum = 0;
    int drags = 0;
    for (int i = 0; i < log.n; i++)
        if (log.ev[i].kind == INPUT_GESTURE_DRAG) {
            sum += log.ev[i].dx;
            drags++;
        }
    char got[64];
    kinds(&log, got, sizeof got);
    CHECK(grammar_ok(&log) && g.dropped == 0 && log.n <= INPUT_GESTURE_QUEUE,
          "full queue keeps the grammar (%d events, %u dropped): %s...",
          log.n, g.dropped, got);
    CHECK(sum == 500 && log.n >= 4 &&
              log.ev[log.n - 3].kind == INPUT_GESTURE_DRAG_END &&
              log.ev[log.n - 3].total_x == 500 &&
              log.ev[log.n - 1].kind == INPUT_GESTURE_TAP,
          "merged drags sum to %g in %d DRAGs; the end and the next tap "
          "fit", sum, drags);
}

/* ---- release velocity -------------------------------------------------- */

/* Drags at (vx, vy) px/s from t = 0 with samples every `period` ms (the
 * reported time rounded down, the position exact), then rests `rest_ms`
 * (no events, or stationary MOVEs jittering by 0.3 px if `jitter`) and
 * lifts, the UP `up_after` ms after the last sample.  Returns DRAG_END. */
static struct input_gesture_event release(double vx, double vy,
                                          double period, double drag_ms,
                                          uint32_t rest_ms, bool jitter,
                                          uint32_t up_after)
{
    static struct log log;
    struct input_gesture g;
    input_gesture_init(&g, NULL);
    log.n = 0;
    float x = 500, y = 500;
    uint32_t t = 0;
    feed(&g, &log, INPUT_POINTER_DOWN, 7, x, y, 0);
    for (int i = 1; i * period <= drag_ms; i++) {
        double tt = i * period;
        t = (uint32_t)tt;
        x = (float)(500 + vx * tt / 1000);
        y = (float)(500 + vy * tt / 1000);
        feed(&g, &log, INPUT_POINTER_MOVE, 7, x, y, t);
    }
    uint32_t rest_end = t + rest_ms;
    for (int k = 1; jitter && t + 8 < rest_end; k++) {
        t += 8;
        feed(&g, &log, INPUT_POINTER_MOVE, 7, x + (k % 2 ? 0.3f : -0.3f), y,
             t);
    }
    feed(&g, &log, INPUT_POINTER_UP, 7, x, y, rest_end + up_after);
    struct input_gesture_event none = {.kind = INPUT_GESTURE_CANCEL};
    return log.n > 0 && log.ev[log.n - 1].kind == INPUT_GESTURE_DRAG_END
               ? log.ev[log.n - 1]
               : none;
}

static bool within(double got, double want, double rel)
{
    return fabs(got - want) <= rel * fabs(want);
}

static void test_velocity(void)
{
    static const struct {
        const char *name;
        double vx, vy, period;
        uint32_t up_after;
    } steady[] = {
        {"120 Hz, UP with the last move", 1000, 0, 8, 0},
        {"120 Hz, final stationary UP 6 ms later", 1000, 0, 8, 6},
        {"60 Hz, rounded times, stationary UP", 1000, 0, 1000.0 / 60, 16},
        {"250 Hz", -1000, 0, 4, 0},
        {"diagonal 60 Hz", 600, -800, 1000.0 / 60, 10},
        {"vertical 90 Hz, UP 30 ms later", 0, 1000, 1000.0 / 90, 30},
    };
    for (size_t i = 0; i < sizeof steady / sizeof *steady; i++) {
        struct input_gesture_event e = release(
            steady[i].vx, steady[i].vy, steady[i].period, 300, 0, false,
            steady[i].up_after);
        double speed = hypot(steady[i].vx, steady[i].vy);
        CHECK(e.kind == INPUT_GESTURE_DRAG_END &&
                  fabs(e.vx - steady[i].vx) <= 0.05 * speed &&
                  fabs(e.vy - steady[i].vy) <= 0.05 * speed,
              "velocity %s: (%.1f, %.1f), want (%g, %g) within 5%%",
              steady[i].name, e.vx, e.vy, steady[i].vx, steady[i].vy);
    }

    struct input_gesture_event e = release(1000, 0, 8, 300, 100, false, 0);
    CHECK(e.kind == INPUT_GESTURE_DRAG_END && fabs(e.vx) < 1 &&
              fabs(e.vy) < 1,
          "rested 100 ms (no events) then lifted: (%.2f, %.2f)", e.vx, e.vy);
    e = release(1000, 0, 8, 300, 100, true, 0);
    CHECK(e.kind == INPUT_GESTURE_DRAG_END && fabs(e.vx) < 1,
          "rested 100 ms (jittering MOVEs) then lifted: %.2f", e.vx);
    e = release(2000, 0, 16, 48, 0, false, 0);
    CHECK(e.kind == INPUT_GESTURE_DRAG_END && within(e.vx, 2000, 0.05),
          "a short flick (3 moves): %.1f", e.vx);
}

/* ---- scrolling --------------------------------------------------------- */

#define FRAME (1000.0 / 60)

static void test_fling(void)
{
    struct input_scroll s;
    input_scroll_init(&s, 0, 100000);
    input_scroll_jump_to(&s, 10000);
    input_scroll_release(&s, 2000);
    CHECK(s.phase == INPUT_SCROLL_FLING && input_scroll_animating(&s),
          "a 2000 px/s release flings");
    double prev_step = INFINITY, prev_v = s.velocity, t = 0;
    bool monotonic = true;
    while (input_scroll_animating(&s) && t < 5000) {
        double before = s.offset;
        input_scroll_step(&s, FRAME);
        t += FRAME;
        double moved = s.offset - before;
        if (moved < 0 || moved > prev_step || s.velocity > prev_v)
            monotonic = false;
        prev_step = moved;
        prev_v = s.velocity;
    }
    double dist = s.offset - 10000, vt = 2000 * INPUT_SCROLL_TAU_MS / 1000;
    CHECK(monotonic, "a fling decelerates monotonically");
    CHECK(s.phase == INPUT_SCROLL_IDLE && s.velocity == 0 && t > 1400 &&
              t < 1550,
          "it stops once slower than 20 px/s (after %.0f ms; "
          "tau ln(100) = 1497)", t);
    CHECK(within(dist, vt, 0.10) &&
              fabs(dist - (2000 - INPUT_SCROLL_STOP_VELOCITY) *
                              INPUT_SCROLL_TAU_MS / 1000) < 1e-6,
          "it travels %.3f px: v tau = %.0f", dist, vt);

    /* The same fling at other frame rates rests at the same place. */
    static const double dts[] = {1000.0 / 120, 1000.0 / 30, 5000, 7.3};
    for (size_t i = 0; i < sizeof dts / sizeof *dts; i++) {
        input_scroll_jump_to(&s, 10000);
        input_scroll_release(&s, 2000);
        for (int k = 0; k < 2000 && input_scroll_animating(&s); k++)
            input_scroll_step(&s, dts[i]);
        CHECK(fabs(s.offset - 10000 - dist) < 1e-6,
              "rest at dt %.2f ms: %.6f vs %.6f", dts[i], s.offset - 10000,
              dist);
    }

    /* Slow releases do not move. */
    input_scroll_jump_to(&s, 500);
    input_scroll_release(&s, 19);
    CHECK(!input_scroll_animating(&s) && s.offset == 500,
          "a 19 px/s release does not fling");

    /* A finger on a moving list stops it. */
    input_scroll_release(&s, 2000);
    input_scroll_step(&s, 100);
    double caught = s.offset;
    CHECK(input_scroll_grab(&s) && s.phase == INPUT_SCROLL_DRAGGING &&
              s.velocity == 0,
          "grab reports a caught fling");
    input_scroll_step(&s, 100);
    CHECK(s.offset == caught && !input_scroll_grab(&s),
          "a grabbed list stays put; grabbing it again catches nothing");
}

/* Steps a bounce-bound scroll until it rests; records the furthest point
 * past `bound` (sign +1 for max, -1 for min), how long it was past it and
 * whether it went back into the content by more than `slack` after. */
struct bounce_run {
    double peak;     /* px past the bound */
    double out_ms;   /* from first past to rest */
    double total_ms; /* to rest */
    bool swung_back; /* went inside after having been past */
    bool entered;    /* went past at all */
};

static struct bounce_run run_bounce(struct input_scroll *s, double bound,
                                    int side, double slack)
{
    struct bounce_run r = {0};
    double t = 0, first_out = -1;
    while (input_scroll_animating(s) && t < 5000) {
        input_scroll_step(s, FRAME);
        t += FRAME;
        double past = side * (s->offset - bound);
        if (past > 0 && first_out < 0)
            first_out = t - FRAME;
        if (past > r.peak)
            r.peak = past;
        if (first_out >= 0 && past < -slack)
            r.swung_back = true;
    }
    r.entered = first_out >= 0;
    r.total_ms = t;
    r.out_ms = first_out >= 0 ? t - first_out : 0;
    return r;
}

static void test_bounce(void)
{
    struct input_scroll s;
    static const struct {
        double from, velocity;
    } flings[] = {
        {0, 2000}, {250, 1000}, {0, 8000}, {299, 30}, {0, 100000},
    };
    for (size_t i = 0; i < sizeof flings / sizeof *flings; i++) {
        input_scroll_init(&s, 0, 300);
        input_scroll_jump_to(&s, flings[i].from);
        input_scroll_release(&s, flings[i].velocity);
        struct bounce_run r = run_bounce(&s, 300, 1, 0);
        CHECK(s.phase == INPUT_SCROLL_IDLE && s.offset == 300,
              "fling %g px/s from %g: rests at max (%.3f)",
              flings[i].velocity, flings[i].from, s.offset);
        CHECK(r.peak <= INPUT_SCROLL_BOUNCE_MAX_PX + 1e-9 &&
                  r.out_ms <= 400 && !r.swung_back,
              "fling %g px/s from %g: %.1f px past max, back in %.0f ms, "
              "no swing back into the content", flings[i].velocity,
              flings[i].from, r.peak, r.out_ms);
    }
    input_scroll_init(&s, 0, 300);
    input_scroll_release(&s, 2000);
    struct bounce_run r = run_bounce(&s, 300, 1, 0);
    CHECK(r.peak > 5, "a 2000 px/s fling into max bounces visibly (%.1f px)",
          r.peak);

    /* Upwards, past the top. */
    input_scroll_init(&s, 0, 5000);
    input_scroll_jump_to(&s, 200);
    input_scroll_release(&s, -3000);
    r = run_bounce(&s, 0, -1, 0);
    CHECK(s.offset == 0 && s.phase == INPUT_SCROLL_IDLE && r.entered &&
              r.peak <= INPUT_SCROLL_BOUNCE_MAX_PX + 1e-9 && r.out_ms <= 400,
          "fling past the top: %.1f px, back in %.0f ms", r.peak, r.out_ms);

    /* Content shorter than the viewport: one resting place. */
    input_scroll_init(&s, 0, -200);
    CHECK(s.max == 0, "max < min counts as max = min");
    input_scroll_release(&s, 3000);
    run_bounce(&s, 0, 1, 0);
    CHECK(s.offset == 0 && s.phase == INPUT_SCROLL_IDLE,
          "short content flings back to 0 (%.3f)", s.offset);
}

static void test_drag(void)
{
    struct input_scroll s;
    input_scroll_init(&s, 0, 1000);
    input_scroll_drag(&s, 40);
    CHECK(s.offset == 40 && s.phase == INPUT_SCROLL_DRAGGING,
          "inside, the content follows the finger");
    input_scroll_drag(&s, -140);
    CHECK(s.offset == -50, "past the top at half speed: %g", s.offset);
    input_scroll_drag(&s, 100);
    CHECK(s.offset == 0, "back at the same rate: %g", s.offset);
    input_scroll_drag(&s, 20);
    input_scroll_drag(&s, -60);
    CHECK(s.offset == -20, "a delta across the bound: %g", s.offset);
    input_scroll_jump_to(&s, 1000);
    input_scroll_drag(&s, 30);
    CHECK(s.offset == 1015, "past the bottom at half speed: %g", s.offset);

    /* Released past a bound: a spring pulls it back, without swinging
     * into the content. */
    static const double over[] = {50, 150};
    for (size_t i = 0; i < sizeof over / sizeof *over; i++) {
        input_scroll_jump_to(&s, 0);
        input_scroll_drag(&s, -2 * over[i]);
        input_scroll_release(&s, 0);
        CHECK(s.phase == INPUT_SCROLL_BOUNCE, "released past the top bounces");
        struct bounce_run r = run_bounce(&s, 0, -1, 0);
        CHECK(s.offset == 0 && s.phase == INPUT_SCROLL_IDLE &&
                  r.total_ms <= 400 && !r.swung_back,
              "%g px past the top: back in %.0f ms", over[i], r.total_ms);
    }

    /* Released past the top, thrown down into the content: it carries
     * on as a fling and comes to rest inside. */
    input_scroll_jump_to(&s, 0);
    input_scroll_drag(&s, -100);
    input_scroll_release(&s, 3000);
    bool flung = false;
    for (int k = 0; k < 300 && input_scroll_animating(&s); k++) {
        input_scroll_step(&s, FRAME);
        flung |= s.phase == INPUT_SCROLL_FLING;
    }
    CHECK(flung && s.phase == INPUT_SCROLL_IDLE && s.offset > 100 &&
              s.offset < 1000,
          "thrown back in from the top: rests at %.1f", s.offset);
}

static void test_bounds(void)
{
    struct input_scroll s;
    input_scroll_init(&s, 0, 2000);
    input_scroll_jump_to(&s, 1800);
    input_scroll_set_bounds(&s, 0, 300);
    CHECK(s.offset == 300, "new bounds clamp at rest: %g", s.offset);
    input_scroll_jump_to(&s, -50);
    CHECK(s.offset == 0 && s.phase == INPUT_SCROLL_IDLE, "jump_to clamps");

    /* Bounds shrinking under a fling: it bounces to the new max. */
    input_scroll_set_bounds(&s, 0, 5000);
    input_scroll_jump_to(&s, 1000);
    input_scroll_release(&s, 3000);
    input_scroll_step(&s, 100);
    input_scroll_set_bounds(&s, 0, 1200);
    for (int k = 0; k < 300 && input_scroll_animating(&s); k++)
        input_scroll_step(&s, FRAME);
    CHECK(s.offset == 1200 && s.phase == INPUT_SCROLL_IDLE,
          "a fling continues into shrunk bounds and rests at %.1f",
          s.offset);

    /* jump_to stops a fling. */
    input_scroll_release(&s, -3000);
    input_scroll_step(&s, 50);
    input_scroll_jump_to(&s, 600);
    input_scroll_step(&s, 50);
    CHECK(s.offset == 600 && !input_scroll_animating(&s),
          "jump_to stops a fling");
}

/* A simulated session: drags and releases with irregular frame times. */
static void scripted_session(double *out, int n)
{
    struct input_scroll s;
    input_scroll_init(&s, 0, 4000);
    uint32_t seed = 12345;
    int k = 0;
    for (int pass = 0; pass < 6 && k < n; pass++) {
        for (int i = 0; i < 10; i++)
            input_scroll_drag(&s, pass % 2 ? 37.5 : -61.25);
        input_scroll_release(&s, pass % 2 ? 2500.0 * pass : -4000);
        for (int f = 0; f < 80 && k < n; f++) {
            seed = seed * 1664525u + 1013904223u;
            input_scroll_step(&s, 4 + (seed >> 24) % 30 + 0.25);
            out[k++] = s.offset;
        }
    }
    while (k < n)
        out[k++] = s.offset;
}

static void test_determinism(void)
{
    static double a[480], b[480];
    scripted_session(a, 480);
    scripted_session(b, 480);
    CHECK(memcmp(a, b, sizeof a) == 0,
          "the same steps give identical offsets");
    bool moved = false, in_bounds = true;
    for (int i = 1; i < 480; i++)
        moved |= a[i] != a[0];
    in_bounds = a[479] >= 0 && a[479] <= 4000;
    CHECK(moved && in_bounds, "the session moved and ended in bounds (%g)",
          a[479]);
}

/* The app's wiring: a finger thrown upwards scrolls the content down. */
static void test_wiring(void)
{
    struct input_gesture g;
    struct input_scroll s;
    input_gesture_init(&g, NULL);
    input_scroll_init(&s, 0, 10000);
    struct input_pointer_event ev = {INPUT_POINTER_DOWN, 1, 500, 900, 0};
    struct input_gesture_event e;
    bool tapped = false;
    for (int i = 0; i <= 20; i++) {
        if (i > 0) {
            ev.kind = i < 20 ? INPUT_POINTER_MOVE : INPUT_POINTER_UP;
            ev.y = 900 - 20.0f * (float)(i < 20 ? i : 19);
            ev.time_ms = (uint32_t)(i * 10);
        }
        input_gesture_feed(&g, &ev);
        while (input_gesture_poll(&g, &e)) {
            if (e.kind == INPUT_GESTURE_PRESS)
                input_scroll_grab(&s);
            else if (e.kind == INPUT_GESTURE_DRAG)
                input_scroll_drag(&s, -e.dy);
            else if (e.kind == INPUT_GESTURE_DRAG_END)
                input_scroll_release(&s, -e.vy);
            else if (e.kind == INPUT_GESTURE_TAP)
                tapped = true;
        }
    }
    CHECK(!tapped && s.offset == 380 && s.phase == INPUT_SCROLL_FLING &&
              within(s.velocity, 2000, 0.05),
          "a flick up: offset %g, fling at %.0f px/s", s.offset,
          s.velocity);
}

int main(void)
{
    test_scripts();
    test_event_fields();
    test_config();
    test_deadline();
    test_idle();
    test_full_queue();
    test_velocity();
    test_fling();
    test_bounce();
    test_drag();
    test_bounds();
    test_determinism();
    test_wiring();
    return check_finish("test_input");
}
