/* staff_touch.c: the fingers on the staff screens (see staff_touch.h). */
#include <stdio.h>
#include <string.h>

#include "app/staff_touch.h"

void staff_touch_reset(struct staff_touch *t)
{
    t->count = 0;
    t->pressing = false;
    t->pressed[0] = '\0';
}

static int finger_index(const struct staff_touch *t, int64_t id)
{
    for (size_t i = 0; i < t->count; i++)
        if (t->finger[i].id == id)
            return (int)i;
    return -1;
}

static void down(struct staff_touch *t, const struct ui_staff_screen *screen,
                 const struct input_pointer_event *ev, int f, bool *changed)
{
    if (f < 0 && t->count < UI_STAFF_MAX_TOUCHES) {
        f = (int)t->count++;
        t->finger[f].id = ev->id;
        t->finger[f].at = (struct ui_staff_touch){ev->x, ev->y, ev->x,
                                                  ev->y};
    }
    if (t->pressing)
        return;
    const char *id = ui_staff_screen_hit(screen, (int)ev->x, (int)ev->y);
    t->pressing = true;
    t->press_pointer = ev->id;
    snprintf(t->pressed, sizeof t->pressed, "%s", id ? id : "");
    *changed = id != NULL;
}

static void move(struct staff_touch *t, const struct ui_staff_screen *screen,
                 const struct input_pointer_event *ev, int f, bool *changed)
{
    if (f >= 0) {
        t->finger[f].at.x = ev->x;
        t->finger[f].at.y = ev->y;
    }
    if (!t->pressing || ev->id != t->press_pointer || !t->pressed[0])
        return;
    const char *id = ui_staff_screen_hit(screen, (int)ev->x, (int)ev->y);
    if (!id || strcmp(id, t->pressed) != 0) { /* slid off */
        t->pressed[0] = '\0';
        *changed = true;
    }
}

/* Up or cancelled; true if it tapped the pressed button. */
static bool lift(struct staff_touch *t, const struct ui_staff_screen *screen,
                 const struct input_pointer_event *ev, int f, bool *changed,
                 char tapped[STAFF_TOUCH_ID_SIZE])
{
    if (f >= 0)
        t->finger[f] = t->finger[--t->count];
    if (!t->pressing || ev->id != t->press_pointer)
        return false;
    t->pressing = false;
    snprintf(tapped, STAFF_TOUCH_ID_SIZE, "%s", t->pressed);
    t->pressed[0] = '\0';
    *changed = true;
    const char *now_on = ui_staff_screen_hit(screen, (int)ev->x, (int)ev->y);
    return ev->kind == INPUT_POINTER_UP && tapped[0] && now_on &&
           strcmp(now_on, tapped) == 0;
}

bool staff_touch_feed(struct staff_touch *t,
                      const struct ui_staff_screen *screen,
                      const struct input_pointer_event *ev, bool *changed,
                      char tapped[STAFF_TOUCH_ID_SIZE])
{
    int f = finger_index(t, ev->id);
    switch (ev->kind) {
    case INPUT_POINTER_DOWN:
        down(t, screen, ev, f, changed);
        break;
    case INPUT_POINTER_MOVE:
        move(t, screen, ev, f, changed);
        break;
    case INPUT_POINTER_UP:
    case INPUT_POINTER_CANCEL:
        return lift(t, screen, ev, f, changed, tapped);
    }
    return false;
}

size_t staff_touch_points(const struct staff_touch *t,
                          struct ui_staff_touch out[UI_STAFF_MAX_TOUCHES])
{
    for (size_t i = 0; i < t->count; i++)
        out[i] = t->finger[i].at;
    return t->count;
}
