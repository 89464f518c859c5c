/* staff_drive.h: the staff controller (app/staff.c) driven in a test the
 * way the main loop drives it: taps on its buttons by id, ticks after the
 * waits it asks for (slept in real time, so its worker threads really
 * run), and its state dump read back as JSON. */
#ifndef TESTS_STAFF_DRIVE_H
#define TESTS_STAFF_DRIVE_H

#include <stdbool.h>
#include <stdint.h>

#include <jansson.h>

#include "app/staff.h"

struct staff_drive {
    struct staff *s;
    struct staff_pin_hash hash;
    uint32_t t; /* the controller's ms clock */
};

/* A controller with `setup` (copied; its pin replaced by the hash line
 * `pin_line`, which must parse -- a check records it), laid out in `lang`
 * at w x h, its keypad open.  False (nothing to end) if the line does not
 * parse. */
bool staff_drive_start(struct staff_drive *d, const struct text_fonts *fonts,
                       const struct staff_setup *setup, const char *pin_line,
                       enum text_lang lang, int w, int h);
void staff_drive_end(struct staff_drive *d);

/* The state dump (staff_write_state) parsed; never NULL (an empty object
 * if it is not JSON, which a check records).  The caller decrefs it. */
json_t *staff_drive_state(struct staff_drive *d);

/* True if the button `id` is on the screen and enabled. */
bool staff_drive_has(struct staff_drive *d, const char *id);

/* A finger down on the button `id` and up 80 ms later; the real ms the
 * up took (what the tap costs the main loop), or -1 if the button is not
 * there. */
double staff_drive_tap(struct staff_drive *d, const char *id);

/* Ticks as the main loop would, sleeping what staff_wait_ms asks for (at
 * most 20 ms at a time), until done(d) or `ms` real ms have passed; true
 * if done. */
bool staff_drive_until(struct staff_drive *d,
                       bool (*done)(struct staff_drive *d), double ms);

/* A monotonic clock in ms. */
double staff_drive_now_ms(void);

#endif
