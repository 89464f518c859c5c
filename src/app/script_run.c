/* script_run.c: render scripts on a simulated clock (see script_run.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/script_run.h"
#include "render/text_log.h"

#define STEP_MS 16

struct run {
    struct exhibit_app *app;
    struct render_target *t;
    struct atlas *atlas;
    struct render_text_log texts; /* the last frame's */
    uint32_t now;
    bool dirty;
    /* the wall clock: the real one until a `clock` command sets it */
    bool wall_set, trusted;
    time_t wall_base;
    uint32_t wall_ms; /* r->now when it was set */
    struct {
        bool down;
        float x, y;
    } finger[SCRIPT_MAX_FINGER + 1]; /* by the script's finger number */
};

/* One turn of the loop: timers, then a frame if anything changed. */
static void turn(struct run *r)
{
    if (r->wall_set)
        exhibit_app_set_wall(r->app,
                             r->wall_base +
                                 (time_t)((r->now - r->wall_ms) / 1000),
                             r->trusted,
                             r->trusted ? "the render script's clock"
                                        : "the render script's clock is "
                                          "untrusted (clock-untrusted)");
    else
        exhibit_app_set_wall(r->app, time(NULL), true, "the system clock");
    r->dirty |= exhibit_app_tick(r->app, r->now);
    if (r->dirty) {
        render_text_log_clear(&r->texts);
        r->dirty = exhibit_app_draw(r->app, r->t->renderer, r->atlas,
                                    r->now);
    }
}

static void advance(struct run *r, uint32_t ms)
{
    uint32_t end = r->now + ms;
    while (r->now < end) {
        uint32_t step = end - r->now < STEP_MS ? end - r->now : STEP_MS;
        r->now += step;
        turn(r);
    }
}

static void pointer_id(struct run *r, enum input_pointer_kind kind,
                       int64_t id, float x, float y)
{
    struct input_pointer_event ev = {kind, id, x, y, r->now};
    r->dirty |= exhibit_app_pointer(r->app, r->t->renderer, &ev);
}

static void pointer(struct run *r, enum input_pointer_kind kind, float x,
                    float y)
{
    pointer_id(r, kind, INPUT_POINTER_MOUSE, x, y);
}

/* down, move, up: one finger of several; a frame follows each, as on the
 * screen, and time does not pass. */
static void finger(struct run *r, const struct script_cmd *c)
{
    int f = c->finger;
    if (c->op != SCRIPT_UP) {
        r->finger[f].x = (float)c->a;
        r->finger[f].y = (float)c->b;
    }
    enum input_pointer_kind kind = c->op == SCRIPT_DOWN ? INPUT_POINTER_DOWN
                                 : c->op == SCRIPT_MOVE ? INPUT_POINTER_MOVE
                                                        : INPUT_POINTER_UP;
    r->finger[f].down = c->op != SCRIPT_UP;
    pointer_id(r, kind, f, r->finger[f].x, r->finger[f].y);
    turn(r);
}

/* A finger down and up 60 ms later, frames drawn between. */
static void tap(struct run *r, float x, float y)
{
    pointer(r, INPUT_POINTER_DOWN, x, y);
    advance(r, 60);
    pointer(r, INPUT_POINTER_UP, x, y);
    advance(r, STEP_MS);
}

static bool write_state(struct run *r, const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return false;
    exhibit_app_write_state(r->app, f);
    return fclose(f) == 0;
}

/* The finger moves evenly every 16 ms and lifts at the end: the gesture
 * recognizer makes of it a drag (never a tap) and, if it was fast, a
 * fling that goes on during later waits. */
static void drag(struct run *r, const struct script_cmd *c)
{
    uint32_t steps = c->ms / STEP_MS > 0 ? c->ms / STEP_MS : 1;
    pointer(r, INPUT_POINTER_DOWN, (float)c->a, (float)c->b);
    for (uint32_t k = 1; k <= steps; k++) {
        float f = (float)k / (float)steps;
        advance(r, c->ms / steps > 0 ? c->ms / steps : 1);
        pointer(r, INPUT_POINTER_MOVE, (float)c->a + (float)(c->c - c->a) * f,
                (float)c->b + (float)(c->d - c->b) * f);
    }
    pointer(r, INPUT_POINTER_UP, (float)c->c, (float)c->d);
    advance(r, STEP_MS);
}

/* shot, state: DIR/NAME.png or DIR/NAME.json. */
static bool write_file(struct run *r, const struct script_cmd *c,
                       const char *script_path, const char *out_dir)
{
    char path[4096];
    bool ok;
    if (c->op == SCRIPT_SHOT) {
        snprintf(path, sizeof path, "%s/%s.png", out_dir, c->name);
        render_text_log_clear(&r->texts);
        exhibit_app_draw_shot(r->app, r->t->renderer, r->atlas, r->now);
        ok = render_target_save_png(r->t, path);
    } else {
        snprintf(path, sizeof path, "%s/%s.json", out_dir, c->name);
        ok = write_state(r, path);
    }
    if (!ok)
        fprintf(stderr, "%s:%u: error: cannot write %s\n", script_path,
                c->line, path);
    return ok;
}

/* clock, clock-untrusted: the wall clock from now on (local time), and
 * a turn of the loop at once, as a real clock's jump would get. */
static void set_clock(struct run *r, const struct script_cmd *c)
{
    struct tm tm = {.tm_year = c->clock[0] - 1900, .tm_mon = c->clock[1] - 1,
                    .tm_mday = c->clock[2], .tm_hour = c->clock[3],
                    .tm_min = c->clock[4], .tm_sec = c->clock[5],
                    .tm_isdst = -1};
    r->wall_base = mktime(&tm);
    r->wall_ms = r->now;
    r->wall_set = true;
    r->trusted = !c->untrusted;
    turn(r);
}

/* One command; false after a message if it could not be done. */
static bool play(struct run *r, const struct script_cmd *c,
                 const char *script_path, const char *out_dir)
{
    int x, y;
    switch (c->op) {
    case SCRIPT_TAP:
        tap(r, (float)c->a, (float)c->b);
        break;
    case SCRIPT_TAP_ID:
        if (!exhibit_app_target(r->app, c->name, &x, &y)) {
            fprintf(stderr, "%s:%u: error: no target '%s' on this screen "
                    "(see the targets in a state dump)\n", script_path,
                    c->line, c->name);
            return false;
        }
        tap(r, (float)x, (float)y);
        break;
    case SCRIPT_DRAG:
        drag(r, c);
        break;
    case SCRIPT_WAIT:
        advance(r, (uint32_t)c->ms);
        break;
    case SCRIPT_DOWN:
    case SCRIPT_MOVE:
    case SCRIPT_UP:
        finger(r, c);
        break;
    case SCRIPT_SHOT:
    case SCRIPT_STATE:
        return write_file(r, c, script_path, out_dir);
    case SCRIPT_CLOCK:
        set_clock(r, c);
        break;
    }
    return true;
}

bool script_run(const struct script *s, const char *script_path,
                struct exhibit_app *app, struct render_target *t,
                struct atlas *atlas, const char *out_dir,
                const char *final_state)
{
    struct run r = {.app = app, .t = t, .atlas = atlas, .dirty = true};
    render_text_log_init(&r.texts);
    atlas_set_text_log(atlas, &r.texts);
    exhibit_app_set_text_log(app, &r.texts);
    bool ok = true;
    turn(&r); /* the first frame */
    for (size_t i = 0; i < s->count; i++)
        ok &= play(&r, &s->cmds[i], script_path, out_dir);
    if (final_state && !write_state(&r, final_state)) {
        fprintf(stderr, "kiosk: render: cannot write %s\n", final_state);
        ok = false;
    }
    exhibit_app_set_text_log(app, NULL);
    atlas_set_text_log(atlas, NULL);
    render_text_log_fini(&r.texts);
    return ok;
}
