/* import.h: a curator's USB stick into a new content release.
 *
 * The stick holds a folder named `kiosk-content` (at its root or one level
 * down).  The import copies it into STATE/staging -- regular files and
 * folders only, within size and count limits, nothing that links or names
 * its way out -- checks it exactly as `kiosk check` does, and only if it
 * is valid installs it as a new release and switches `current` (see
 * release.h).  Whatever happens, it makes the report for KIOSK-REPORT.txt:
 * every diagnostic, the release, what changed (the caller writes it to
 * the stick with stick_write, state/stick_write.h: the import itself
 * writes nothing there).  Progress goes to
 * STATE/import-status for the running exhibit's curator overlay.  Pure
 * file system code, no SDL. */
#ifndef STATE_IMPORT_H
#define STATE_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "text/font.h"

#define IMPORT_FOLDER "kiosk-content"
#define IMPORT_REPORT "KIOSK-REPORT.txt"
/* the exhibit's status, beside the report (app/run_ops.h) */
#define IMPORT_STATUS_NAME "KIOSK-STATUS.txt"
/* The last report, also kept in the state folder for the staff panel. */
#define IMPORT_LAST_REPORT "last-import.txt"
#define IMPORT_MAX_BYTES (64u << 20) /* the whole folder */
#define IMPORT_MAX_FILES 256

struct import_result {
    bool installed;
    int folders;               /* kiosk-content folders found */
    unsigned release;          /* the new release, if installed */
    size_t errors, warnings;
    unsigned added, changed, removed;       /* passages */
    unsigned places_added, places_removed;
    unsigned other;            /* changes that are not passages */
    unsigned shown;            /* the release the kiosk shows now (0: none) */
    char message[512];         /* one line for the screen, in English */
    char *report;              /* the whole report; import_result_fini */
    size_t report_len;
};

/* Imports from the stick mounted at `stick` into `state_dir`.  Returns
 * true if a new release was installed. */
bool import_run(const char *stick, const char *state_dir,
                const struct text_fonts *fonts, struct import_result *out);
/* Writes STATE/import-status, the line the running exhibit shows:
 * "PHASE PERCENT MESSAGE" (copying 0, checking 40, installing 70, done or
 * failed 100 with the result).  The caller uses it to add what happened
 * after the import (the report could not be written on the stick).  A
 * result's MESSAGE is English (for staff and logs) followed by a tab and
 * the facts, "key=value" separated by spaces (import_status_facts), from
 * which the screen words the result in the visitor's language:
 * release (installed, 0 if not), shown, changed, added, removed, other,
 * errors; mode_import adds unwritten (files the stick did not take) and
 * stats-only=1. */
void import_status(const char *state, const char *phase, int percent,
                   const char *msg);
/* The facts of a result for the status line: "\trelease=4 shown=4
 * changed=1 ..." (with the leading tab). */
void import_status_facts(const struct import_result *r, char *out,
                         size_t n);
/* Replaces STATE/IMPORT_LAST_REPORT (the staff panel's "last import")
 * with `text`. */
void import_keep_report(const char *state, const char *text, size_t len);

/* Frees the report. */
void import_result_fini(struct import_result *r);

#endif
