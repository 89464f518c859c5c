/* script_run.c: render scripts on a simulated clock (see script_run.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/script_run.h"

#define STEP_MS 16

struct run {
    struct exhibit_app *app;
    struct render_target *t;
    struct atlas *atlas;
    uint32_t now;
    bool dirty;
};

/* One turn of the loop: timers, then a frame if anything changed. */
static void turn(struct run *r)
{
    r->dirty |= exhibit_app_tick(r->app, r->now);
    if (r->dirty)
        r->dirty = exhibit_app_draw(r->app, r->t->renderer, r->atlas,
                                    r->now);
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

static bool write_state(struct run *r, const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return false;
    exhibit_app_write_state(r->app, f);
    return fclose(f) == 0;
}

bool script_run(const struct script *s, const char *script_path,
                struct exhibit_app *app, struct render_target *t,
                struct atlas *atlas, const char *out_dir,
                const char *final_state)
{
    struct run r = {app, t, atlas, 0, true};
    bool ok = true;
    turn(&r); /* the first frame */
    for (size_t i = 0; i < s->count; i++) {
        const struct script_cmd *c = &s->cmds[i];
        char path[4096];
        switch (c->op) {
        case SCRIPT_TAP:
            r.dirty |= exhibit_app_tap(app, t->renderer, c->a, c->b, r.now);
            advance(&r, STEP_MS);
            break;
        case SCRIPT_TAP_ID: {
            int x, y;
            if (!exhibit_app_target(app, c->name, &x, &y)) {
                fprintf(stderr, "%s:%u: error: no target '%s' on this "
                        "screen (see the targets in a state dump)\n",
                        script_path, c->line, c->name);
                ok = false;
                break;
            }
            r.dirty |= exhibit_app_tap(app, t->renderer, x, y, r.now);
            advance(&r, STEP_MS);
            break;
        }
        case SCRIPT_DRAG: {
            /* A drag scrolls what is under it and never taps. */
            uint32_t steps = c->ms / STEP_MS > 0 ? c->ms / STEP_MS : 1;
            float py = (float)c->b;
            for (uint32_t k = 1; k <= steps; k++) {
                float y = c->b + (float)(c->d - c->b) * (float)k /
                                     (float)steps;
                exhibit_app_scroll(app, py - y, r.now);
                py = y;
                r.dirty = true;
                advance(&r, STEP_MS);
            }
            break;
        }
        case SCRIPT_WAIT:
            advance(&r, (uint32_t)c->ms);
            break;
        case SCRIPT_SHOT:
            snprintf(path, sizeof path, "%s/%s.png", out_dir, c->name);
            exhibit_app_draw_shot(app, t->renderer, atlas, r.now);
            if (!render_target_save_png(t, path)) {
                fprintf(stderr, "%s:%u: error: cannot write %s\n",
                        script_path, c->line, path);
                ok = false;
            }
            break;
        case SCRIPT_STATE:
            snprintf(path, sizeof path, "%s/%s.json", out_dir, c->name);
            if (!write_state(&r, path)) {
                fprintf(stderr, "%s:%u: error: cannot write %s\n",
                        script_path, c->line, path);
                ok = false;
            }
            break;
        }
    }
    if (final_state && !write_state(&r, final_state)) {
        fprintf(stderr, "kiosk: render: cannot write %s\n", final_state);
        ok = false;
    }
    return ok;
}
