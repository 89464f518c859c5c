/* staff_touch.h: the fingers on the open staff screens.
 *
 * Two things are kept from the pointer events: the touch test's points --
 * every pointer down since the panel opened, where it went down and where
 * it is now -- and the pressed button: the first pointer down presses the
 * button under it, which is drawn pressed until the finger slides off or
 * lifts, and is tapped if the finger lifts on it.  Plain data in the
 * caller's storage. */
#ifndef APP_STAFF_TOUCH_H
#define APP_STAFF_TOUCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "input/gesture.h"
#include "ui/staff_screen.h"

#define STAFF_TOUCH_ID_SIZE 48 /* a button's id and its NUL */

struct staff_touch {
    struct {
        int64_t id;
        struct ui_staff_touch at;
    } finger[UI_STAFF_MAX_TOUCHES];
    size_t count; /* pointers down now */
    int64_t press_pointer;
    bool pressing;
    char pressed[STAFF_TOUCH_ID_SIZE]; /* the button drawn pressed, or "" */
};

/* No finger down, nothing pressed. */
void staff_touch_reset(struct staff_touch *t);

/* One pointer event on `screen`.  *changed: whether the pressed button
 * changed.  True, with the button's id in `tapped`, when the pressing
 * finger lifted on the button it went down on. */
bool staff_touch_feed(struct staff_touch *t,
                      const struct ui_staff_screen *screen,
                      const struct input_pointer_event *ev, bool *changed,
                      char tapped[STAFF_TOUCH_ID_SIZE]);

/* The fingers down now, for drawing; returns how many. */
size_t staff_touch_points(const struct staff_touch *t,
                          struct ui_staff_touch out[UI_STAFF_MAX_TOUCHES]);

#endif
