/* staff_drive.c: driving the staff controller in tests (staff_drive.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "staff_drive.h"

double staff_drive_now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

bool staff_drive_start(struct staff_drive *d, const struct text_fonts *fonts,
                       const struct staff_setup *setup, const char *pin_line,
                       enum text_lang lang, int w, int h)
{
    memset(d, 0, sizeof *d);
    char err[160] = "";
    if (!CHECK(staff_pin_hash_parse(pin_line, &d->hash, err, sizeof err),
               "the PIN line parses: %s", err))
        return false;
    struct staff_setup own = *setup;
    own.pin = &d->hash;
    d->t = 1000;
    d->s = staff_create(fonts, d->t);
    staff_configure(d->s, &own);
    staff_layout(d->s, lang, w, h);
    staff_open(d->s, d->t);
    return true;
}

void staff_drive_end(struct staff_drive *d)
{
    staff_destroy(d->s);
    d->s = NULL;
}

json_t *staff_drive_state(struct staff_drive *d)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    staff_write_state(d->s, f);
    fclose(f);
    json_error_t e;
    json_t *j = json_loads(buf, 0, &e);
    /* Called as often as a poll runs: only a failure is recorded, so the
     * count of checks does not depend on how fast the machine is. */
    if (!j)
        CHECK(false, "the staff state is JSON: %s", e.text);
    free(buf);
    return j ? j : json_object();
}

static const struct ui_button *find(struct staff_drive *d, const char *id)
{
    const struct ui_button *b[64];
    size_t n = staff_buttons(d->s, b, 64);
    for (size_t i = 0; i < n; i++)
        if (strcmp(b[i]->id, id) == 0)
            return b[i];
    return NULL;
}

bool staff_drive_has(struct staff_drive *d, const char *id)
{
    return find(d, id) != NULL;
}

double staff_drive_tap(struct staff_drive *d, const char *id)
{
    const struct ui_button *b = find(d, id);
    if (!b)
        return -1;
    float x = (float)b->rect.x + (float)b->rect.w / 2;
    float y = (float)b->rect.y + (float)b->rect.h / 2;
    bool changed;
    struct input_pointer_event ev = {INPUT_POINTER_DOWN, 1, x, y, d->t};
    staff_pointer(d->s, &ev, &changed);
    d->t += 80;
    ev.kind = INPUT_POINTER_UP;
    ev.time_ms = d->t;
    double t0 = staff_drive_now_ms();
    staff_pointer(d->s, &ev, &changed);
    return staff_drive_now_ms() - t0;
}

bool staff_drive_until(struct staff_drive *d,
                       bool (*done)(struct staff_drive *d), double ms)
{
    for (double t0 = staff_drive_now_ms(); staff_drive_now_ms() - t0 < ms;) {
        int wait = staff_wait_ms(d->s, d->t);
        long step = wait < 0 || wait > 20 ? 20 : wait < 1 ? 1 : wait;
        nanosleep(&(struct timespec){0, step * 1000000}, NULL);
        d->t += (uint32_t)step;
        staff_tick(d->s, d->t);
        if (done(d))
            return true;
    }
    return false;
}
