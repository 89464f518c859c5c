/* mode_import.c: `kiosk import`, `kiosk rollback`, `kiosk releases` --
 * the curator's USB update and the technician's view of releases. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/cli.h"
#include "app/fonts.h"
#include "app/settings.h"
#include "core/log.h"
#include "core/utf8.h"
#include "state/import.h"
#include "state/release.h"
#include "state/stats.h"
#include "state/stick_write.h"

#define DEFAULT_STATE_DIR "/var/lib/kiosk"
#define STATS_CSV_NAME "KIOSK-STATS.csv"
#define STATS_MARKER "KIOSK-STATS"

/* Parses [--state-dir DIR] and up to one operand. */
static int options(const char *mode, const struct app_settings *settings,
                   int argc, char **argv, const char **state,
                   const char **operand)
{
    /* kiosk.conf's state-dir (--config), else the installed one. */
    *state = settings->state_dir ? settings->state_dir
                                 : DEFAULT_STATE_DIR;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--state-dir") == 0) {
            if (!(*state = cli_value(mode, argc, argv, &i)))
                return CLI_USAGE;
        } else if (argv[i][0] == '-' && argv[i][1] == '-') {
            return cli_usage_error(mode, "unknown option '%s'", argv[i]);
        } else if (operand && !*operand) {
            *operand = argv[i];
        } else {
            return cli_usage_error(mode, "unexpected '%s'", argv[i]);
        }
    }
    return CLI_OK;
}

/* Whether the stick asks for the usage statistics: it holds a
 * kiosk-content folder (the import looked for one) or, at its root, a
 * file or folder named KIOSK-STATS -- or KIOSK-STATS.txt, the name
 * Windows gives a new text document -- not a link.  Any other stick (a
 * visitor's, one plugged in by mistake) is given none. */
static bool asks_for_stats(const char *stick, const struct import_result *r)
{
    if (r->folders > 0)
        return true;
    int fd = open(stick, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return false;
    static const char *const names[] = {STATS_MARKER, STATS_MARKER ".txt"};
    bool asks = false;
    for (size_t i = 0; i < sizeof names / sizeof *names && !asks; i++) {
        struct stat st;
        asks = fstatat(fd, names[i], &st, AT_SYMLINK_NOFOLLOW) == 0 &&
               (S_ISREG(st.st_mode) || S_ISDIR(st.st_mode));
    }
    close(fd);
    return asks;
}

/* Appends to the string in `line`, cutting what does not fit. */
static void add(char *line, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void add(char *line, size_t size, const char *fmt, ...)
{
    size_t n = strlen(line);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line + n, size - n, fmt, ap);
    va_end(ap);
}

/* What goes onto the stick after an import: the report, the statistics
 * CSV (only where asked for) and the report's line about it. */
struct stick_out {
    bool asked;      /* the stick asks for the statistics */
    char *csv;       /* the CSV, or NULL if it could not be made */
    size_t csv_len;
    char line[800];  /* the report's statistics line */
};

/* The usage statistics as CSV, in memory, for a stick that asks for them,
 * and the report's line about them.  Damaged day files are skipped,
 * counted and named; the other days are exported. */
static void make_stats(const char *stick, const char *state,
                       const struct import_result *r, struct stick_out *o)
{
    char *line = o->line;
    size_t line_size = sizeof o->line;
    o->asked = asks_for_stats(stick, r);
    if (!o->asked) {
        log_info("import", "no usage statistics for %s: it has no %s "
                 "folder and no %s file", stick, IMPORT_FOLDER,
                 STATS_MARKER);
        snprintf(line, line_size, "\nUsage statistics: not written (not "
                 "asked for: no %s folder or %s file on this stick)\n",
                 IMPORT_FOLDER, STATS_MARKER);
        return;
    }
    char err[256] = "";
    FILE *f = open_memstream(&o->csv, &o->csv_len);
    struct stats_counts counts = {0};
    bool ok = f && stats_export_csv(state, f, &counts, err, sizeof err);
    if (f)
        fclose(f);
    if (!ok) {
        free(o->csv);
        o->csv = NULL;
        snprintf(line, line_size, "\nUsage statistics: not written -- %s\n",
                 err[0] ? err : "they could not be read");
        return;
    }
    snprintf(line, line_size, "\nUsage statistics: %zu visit%s from %zu "
             "day%s in %s", counts.sessions, counts.sessions == 1 ? "" : "s",
             counts.files, counts.files == 1 ? "" : "s", STATS_CSV_NAME);
    if (counts.bad)
        add(line, line_size, "; %zu damaged line%s skipped", counts.bad,
            counts.bad == 1 ? "" : "s");
    if (counts.skipped)
        add(line, line_size, "; %zu damaged day file%s skipped:",
            counts.skipped, counts.skipped == 1 ? "" : "s");
    for (size_t i = 0; i < counts.skipped && i < STATS_SKIPPED_NAMES; i++)
        add(line, line_size, " %s", counts.skipped_name[i]);
    if (counts.skipped > STATS_SKIPPED_NAMES)
        add(line, line_size, " and %zu more",
            counts.skipped - STATS_SKIPPED_NAMES);
    add(line, line_size, "\n");
    if (counts.skipped)
        log_warn("import", "usage statistics exported without %zu damaged "
                 "day file%s (see the log above)", counts.skipped,
                 counts.skipped == 1 ? "" : "s");
}

/* The report's text: the import's report (or, on a stick that only asks
 * for the statistics, a line saying there was nothing to install), the
 * statistics line and, if not NULL, `note` (for the staff panel's copy:
 * what the stick did not get). */
static char *report_text(const struct import_result *r,
                         const struct stick_out *o, bool stats_only,
                         const char *note, size_t *len)
{
    char *text = NULL;
    FILE *f = open_memstream(&text, len);
    if (!f)
        return NULL;
    if (stats_only)
        fprintf(f, "Nothing to install: this stick has no %s folder, only "
                "the %s marker.\n", IMPORT_FOLDER, STATS_MARKER);
    else
        fwrite(r->report ? r->report : "", 1, r->report_len, f);
    fputs(o->line, f);
    if (note)
        fprintf(f, "\nNot written on the stick: %s\n", note);
    fclose(f);
    return text;
}

/* Writes the report, then the CSV, onto the stick -- the report first,
 * since on a nearly full stick it matters more.  A file that cannot be
 * written is logged, counted in the return value, and leaves no old file
 * of its name that would look current. */
/* The exhibit's status as it last wrote it (its plain-text twin of the
 * status file), for the technician who reads the stick: the file, or a
 * sentence saying why there is none. */
static char *status_text_of(const char *path, size_t *len)
{
    char *text = NULL;
    FILE *out = open_memstream(&text, len);
    if (!out)
        return NULL;
    FILE *in = fopen(path, "r");
    if (in) {
        char buf[4096];
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, in)) > 0)
            fwrite(buf, 1, n, out);
        fclose(in);
    } else {
        fprintf(out, "The exhibit's status could not be read from %s (%s): "
                "the exhibit is not running, or has not written it yet.\n",
                path, strerror(errno));
    }
    fclose(out);
    return text;
}

static int write_stick(const char *stick, const struct import_result *r,
                       struct stick_out *o, bool stats_only,
                       const char *status_path, char *why, size_t why_size)
{
    int failed = 0;
    char err[512];
    size_t len;
    char *text = report_text(r, o, stats_only, NULL, &len);
    bool report_ok = text && stick_write(stick, IMPORT_REPORT, text, len,
                                         err, sizeof err);
    if (!report_ok) {
        failed++;
        log_warn("import", "the report was not written: %s",
                 text ? err : "out of memory");
        snprintf(why, why_size, "%s", text ? err : "out of memory");
        stick_remove_stale(stick, IMPORT_REPORT);
    }
    if (o->csv && !stick_write(stick, STATS_CSV_NAME, o->csv, o->csv_len,
                               err, sizeof err)) {
        failed++;
        log_warn("import", "the usage statistics were not written: %s",
                 err);
        if (!why[0])
            snprintf(why, why_size, "%s", err);
        stick_remove_stale(stick, STATS_CSV_NAME);
        /* The report must not say the CSV is there. */
        snprintf(o->line, sizeof o->line, "\nUsage statistics: not "
                 "written -- %s\n", err);
        free(text);
        text = report_text(r, o, stats_only, NULL, &len);
        if (report_ok && (!text || !stick_write(stick, IMPORT_REPORT, text,
                                                len, err, sizeof err))) {
            failed++;
            log_warn("import", "the report was not written: %s", err);
            stick_remove_stale(stick, IMPORT_REPORT);
        }
    }
    free(text);
    text = status_text_of(status_path, &len);
    /* Last and least: on a stick too full for it only the log says so
     * (the report and the statistics are what the curator came for). */
    if (!text || !stick_write(stick, IMPORT_STATUS_NAME, text, len, err,
                              sizeof err)) {
        log_warn("import", "the exhibit's status was not written: %s",
                 text ? err : "out of memory");
        stick_remove_stale(stick, IMPORT_STATUS_NAME);
    }
    free(text);
    return failed;
}

int mode_import(int argc, char **argv,
                const struct app_settings *settings)
{
    const char *state, *stick = NULL;
    int rc = options("import", settings, argc, argv, &state, &stick);
    if (rc != CLI_OK)
        return rc;
    if (!stick)
        return cli_usage_error("import", "the stick's folder (SRC) is "
                               "required, e.g. kiosk import /media/usb");
    struct text_fonts *fonts = app_fonts_load(settings);
    struct import_result r;
    bool ok = import_run(stick, state, fonts, &r);
    text_fonts_destroy(fonts);
    struct stick_out o = {0};
    make_stats(stick, state, &r, &o);
    /* A stick with only the marker asked for the statistics alone. */
    bool stats_only = r.folders == 0 && o.asked;
    char why[512] = "";
    char status_path[1100];
    app_status_text_path(settings, status_path, sizeof status_path);
    int failed = write_stick(stick, &r, &o, stats_only, status_path, why,
                             sizeof why);
    char message[900];
    snprintf(message, sizeof message, "%s", stats_only
             ? "Nothing to install; usage statistics " : r.message);
    if (stats_only)
        add(message, sizeof message, "%s", o.csv && !failed
            ? "written to " STATS_CSV_NAME : "not written");
    if (failed)
        add(message, sizeof message, " — but %d file%s could not be "
            "written on the stick (is it full or read-only?)", failed,
            failed == 1 ? "" : "s");
    printf("%s\n", message);
    /* The screen and the staff panel get the whole story. */
    if (failed || stats_only) {
        size_t len;
        char *kept = report_text(&r, &o, stats_only, failed ? why : NULL,
                                 &len);
        if (kept)
            import_keep_report(state, kept, len);
        free(kept);
        /* The facts after a tab, for the screen's own words. */
        char facts[200];
        import_status_facts(&r, facts, sizeof facts);
        add(message, sizeof message, "%s unwritten=%d stats-only=%d", facts,
            failed, stats_only ? 1 : 0);
        import_status(state, ok || stats_only ? "done" : "failed", 100,
                      message);
    }
    free(o.csv);
    import_result_fini(&r);
    return ok || (stats_only && o.csv && !failed) ? CLI_OK : CLI_FAIL;
}

int mode_rollback(int argc, char **argv,
                  const struct app_settings *settings)
{
    const char *state;
    int rc = options("rollback", settings, argc, argv, &state, NULL);
    if (rc != CLI_OK)
        return rc;
    unsigned cur = release_current(state), prev = release_previous(state);
    if (!prev) {
        fprintf(stderr, "kiosk: rollback: there is no release before %u in "
                "%s\n", cur, state);
        return CLI_FAIL;
    }
    if (!release_switch(state, prev)) {
        perror("kiosk: rollback");
        return CLI_FAIL;
    }
    printf("Rolled back from release %u to release %u\n", cur, prev);
    return CLI_OK;
}

int mode_releases(int argc, char **argv,
                  const struct app_settings *settings)
{
    const char *state;
    int rc = options("releases", settings, argc, argv, &state, NULL);
    if (rc != CLI_OK)
        return rc;
    unsigned cur = release_current(state);
    struct release_info list[256];
    size_t max = sizeof list / sizeof *list;
    size_t n = release_list(state, list, max);
    if (n == 0)
        printf("no releases in %s\n", state);
    int width = 4; /* the ids' column: wider past 9999, still aligned */
    for (size_t i = 0; i < n && i < max; i++) {
        int digits = snprintf(NULL, 0, "%u", list[i].id);
        if (digits > width)
            width = digits;
    }
    for (size_t i = 0; i < n && i < max; i++) {
        /* One line a release, whatever its .release holds. */
        char *date = utf8_escape(list[i].date, strlen(list[i].date));
        char *source = utf8_escape(list[i].source, strlen(list[i].source));
        printf("%c %*u  %-20s  %3u passages  %3u places  from %s\n",
               list[i].id == cur ? '*' : ' ', width, list[i].id, date,
               list[i].passages, list[i].places, source);
        free(date);
        free(source);
    }
    return CLI_OK;
}
