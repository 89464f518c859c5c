/* staff_text.h: the staff panel's own words, in the three languages.
 *
 * They are built into the program, not taken from the content folder:
 * the panel must work whatever a curator put on a stick -- it is how a
 * technician rolls bad content back.  Placeholders are filled with
 * ui_fill (ui/format.h); values (numbers, dates, paths) are ASCII. */
#ifndef UI_STAFF_TEXT_H
#define UI_STAFF_TEXT_H

#include "text/layout.h"

enum ui_staff_text {
    UI_ST_TITLE,
    UI_ST_ENTER_PIN,
    UI_ST_WRONG,     /* {n}: tries left */
    UI_ST_LOCKED,    /* {seconds} */
    UI_ST_NO_PIN,
    UI_ST_PIN_CHECKING,
    UI_ST_PIN_FAILED,
    UI_ST_PIN_OLD_HASH, /* after an old sha256 line opened the panel */
    UI_ST_CANCEL,
    UI_ST_OK,
    UI_ST_CLEAR,
    UI_ST_BACKSPACE,
    UI_ST_TAB_DIAG,
    UI_ST_TAB_STATS,
    UI_ST_TAB_TOUCH,
    UI_ST_TAB_ACTIONS,
    UI_ST_CLOSE,
    UI_ST_VERSION,
    UI_ST_RELEASE,
    UI_ST_CONTENT,
    UI_ST_UPTIME,
    UI_ST_FRAMES,
    UI_ST_MEMORY,
    UI_ST_SCREEN,
    UI_ST_PROBLEM,   /* the content that did not load */
    UI_ST_DISPLAY,   /* on or off, and why (the status file) */
    UI_ST_HOURS,     /* the opening hours now, the clock's trust */
    UI_ST_MACHINE,   /* temperature, throttling, free space */
    UI_ST_LAST_IMPORT,
    UI_ST_NONE,
    UI_ST_ROLLBACK,  /* {n}: the release to go back to */
    UI_ST_NO_ROLLBACK,
    UI_ST_ROLLED_BACK, /* {n} */
    UI_ST_ROLLBACK_FAILED,
    UI_ST_RESTART,
    UI_ST_CONSOLE,
    UI_ST_CONFIRM,
    UI_ST_CHART_TITLE,
    UI_ST_VISITS,     /* {n} */
    UI_ST_AVG_VISIT,  /* {seconds} */
    UI_ST_NO_STATS,
    UI_ST_STATS_READING,
    UI_ST_TOUCH_HINT,
    UI_ST_TOUCHES,    /* {n} */
    UI_ST_COUNT,
};

/* The text of `id` in `lang`; never NULL. */
const char *ui_staff_text(enum ui_staff_text id, enum text_lang lang);

#endif
