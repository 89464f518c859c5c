/* script.h: the render script language -- parsing only: no SDL, no app
 * (app/script_run.h plays a parsed script on the exhibit).
 *
 * `kiosk render --script FILE` replays one command a line on a simulated
 * clock (issue 5, section 6):
 *
 *     tap X Y                   touch and release at (X, Y)
 *     tap-id ID                 tap the middle of the target named ID
 *     drag X1 Y1 X2 Y2 MS       press at (X1, Y1), move to (X2, Y2) in MS
 *     wait MS                   let MS milliseconds of simulated time pass
 *     down FINGER X Y           finger FINGER (1..SCRIPT_MAX_FINGER) touches
 *     move FINGER X Y           ... moves there
 *     up FINGER                 ... lifts where it is (several fingers
 *                               at once: the staff gesture, pinches)
 *     shot NAME                 write DIR/NAME.png
 *     state NAME                write DIR/NAME.json
 *     clock YYYY-MM-DDTHH:MM[:SS]   set the simulated wall clock (local
 *                               time; `wait` advances it), trusted
 *     clock-untrusted TIME      ... as a Pi's clock before NTP answers
 *
 * Words are separated by spaces or tabs.  Blank lines are ignored, and so
 * is everything from a word that starts with '#' to the end of the line.
 * Numbers are whole decimal numbers: coordinates 0..SCRIPT_MAX_COORD, times
 * 0..SCRIPT_MAX_MS.  An ID uses [a-z0-9:._-] (`region:yili`,
 * `mention:arrival:2`).  A NAME uses [A-Za-z0-9._-] and does not start with
 * '.', so a script can never write outside DIR nor a hidden file.  A UTF-8
 * BOM and CRLF (or CR) line ends are accepted.
 *
 * Invariant: a script that parses holds only commands whose every field is
 * in range and whose names are safe; a script with any error yields no
 * commands at all.  Every error is a diagnostic with the line, the code
 * point column of the offending word, the line quoted and a fix. */
#ifndef INPUT_SCRIPT_H
#define INPUT_SCRIPT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/diag.h"

#define SCRIPT_MAX_BYTES (1024 * 1024)
#define SCRIPT_MAX_COMMANDS 100000
#define SCRIPT_MAX_COORD 100000
#define SCRIPT_MAX_MS 600000
#define SCRIPT_MAX_ID 127    /* characters of a tap-id ID */
#define SCRIPT_MAX_NAME 64   /* characters of a shot / state NAME */
#define SCRIPT_MAX_FINGER 10 /* fingers down at once, numbered from 1 */

enum script_op {
    SCRIPT_TAP,    /* a, b = X, Y */
    SCRIPT_TAP_ID, /* name = ID */
    SCRIPT_DRAG,   /* a, b = X1, Y1; c, d = X2, Y2; ms */
    SCRIPT_WAIT,   /* ms */
    SCRIPT_DOWN,   /* finger; a, b = X, Y */
    SCRIPT_MOVE,   /* finger; a, b = X, Y */
    SCRIPT_UP,     /* finger */
    SCRIPT_SHOT,   /* name = NAME, written as DIR/NAME.png */
    SCRIPT_STATE,  /* name = NAME, written as DIR/NAME.json */
    SCRIPT_CLOCK,  /* clock[] = the wall clock; untrusted */
};

/* One command; fields an op does not use are 0 / "". */
struct script_cmd {
    enum script_op op;
    int a, b, c, d, ms;
    int finger;     /* down, move, up: 1..SCRIPT_MAX_FINGER */
    char name[128]; /* NUL-terminated ID or NAME (clock: its text) */
    int clock[6];   /* clock: year, month, day, hour, minute, second */
    bool untrusted; /* clock-untrusted */
    unsigned line;  /* 1-based line in the script */
};

struct script {
    struct script_cmd *cmds; /* owned; `count` of them */
    size_t count, cap;
};

/* Parses text[0..len) (need not be NUL-terminated; `path` is only named in
 * diagnostics).  Initialises *out.  True if the script has no error; then
 * *out holds its commands.  Otherwise false, *out is empty and `diags` says
 * why -- every error found, not just the first.  Warnings (a NAME that
 * already ends in ".png", say) do not make a script invalid.  A script over
 * SCRIPT_MAX_BYTES is refused unread; parsing stops at the command past
 * SCRIPT_MAX_COMMANDS. */
bool script_parse(const char *path, const char *text, size_t len,
                  struct script *out, struct diag_list *diags);

/* Frees the commands; *s is left empty.  Safe on an empty script. */
void script_fini(struct script *s);

/* The command word of `op` ("tap-id"); "?" for an unknown op. */
const char *script_op_name(enum script_op op);

#endif
