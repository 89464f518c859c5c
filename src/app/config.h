/* config.h: the technician's settings file (/etc/kiosk/kiosk.conf), in the
 * content files' "key: value" format.  Its keys are one table in config.c
 * -- each key's name, how its value is read, where it goes and what a
 * refused value must be -- which `kiosk --help` lists too.
 * Problems are diagnostics with file, line and column, like the content's:
 * a number that is not plain digits within its range (so never "nan" or
 * "inf"), a path longer than its buffer (never cut), an empty path; the
 * file itself must be a plain file, not a link. */
#ifndef APP_CONFIG_H
#define APP_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "core/diag.h"
#include "ops/schedule.h"
#include "state/staff_pin.h"

#define APP_CONFIG_MAX_BYTES (64 * 1024) /* a larger file is refused */

struct app_config {
    char content[1024];
    char state_dir[1024];
    char fonts[1024];
    double screen_diagonal_inch; /* 0: not given; from screen-size-mm too */
    double viewing_distance_mm;  /* 0: not given (600 mm) */
    unsigned idle_timeout_s; /* 0: the content's own */
    int rotation; /* degrees the picture is turned clockwise; 0: upright */
    bool has_staff_pin; /* staff-pin-hash given and well formed */
    struct staff_pin_hash staff_pin;
    /* opening-hours, closed, hours (each may be given on several lines) */
    bool has_schedule;
    struct schedule schedule;
    bool has_wake;
    unsigned wake_s; /* wake-on-touch, in seconds; 0: a touch does not */
    char status_file[1024];          /* "": the default */
    char prometheus_textfile[1024];  /* "": none */
};

/* Reads `path` into *cfg, whose fields keep their values for keys the
 * file does not set.  False if any error was reported. */
bool app_config_read(const char *path, struct app_config *cfg,
                     struct diag_list *diags);

/* The keys for people, in the table's order: "content, state-dir, ...,
 * screen-diagonal-inch or screen-size-mm, ..." (a key that stands in for
 * the one before it is joined to it by "or").  Cut to fit `size`. */
void app_config_key_list(char *buf, size_t size);

#endif
