/* staff_diag.h: the staff panel's Diagnostics page, gathered.
 *
 * The page's rows -- version, the current release and where it came
 * from, the content folder, uptime, the content that did not load, frame
 * drawing times, memory, the screen -- and the last import's report
 * (STATE/last-import.txt), read from the state folder and the process.
 * The controller (app/staff.c) gathers them when the page opens and once
 * a second while it is shown, never while drawing.  A release's source is
 * a path off a stick: it is escaped, so a control character in it cannot
 * change what staff read.  Plain data in the caller's storage. */
#ifndef APP_STAFF_DIAG_H
#define APP_STAFF_DIAG_H

#include <stddef.h>
#include <stdint.h>

#include "app/staff.h"
#include "ui/staff_screen.h"

/* Frame drawing times: the last STAFF_FRAME_HISTORY of them, a ring. */
struct staff_frames {
    double ms[STAFF_FRAME_HISTORY];
    size_t count; /* ever noted */
};

void staff_frames_note(struct staff_frames *f, double ms);

/* What the rows are made of (all borrowed for the call). */
struct staff_diag_input {
    const struct staff_setup *setup; /* folders, rotation, diagonal */
    uint32_t uptime_s;
    const char *problem;             /* the content that did not load, "" */
    const struct staff_frames *frames;
    int w, h;                        /* the screen, px */
};

/* Sets m->diag, m->diag_count and m->import_report; nothing else. */
void staff_diag_gather(struct ui_staff_model *m,
                       const struct staff_diag_input *in);

#endif
