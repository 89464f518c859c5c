/* mode_import.c: `kiosk import`, `kiosk rollback`, `kiosk releases` --
 * the curator's USB update and the technician's view of releases. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/cli.h"
#include "app/fonts.h"
#include "app/stats.h"
#include "content/import.h"
#include "content/release.h"
#include "content/stick_write.h"
#include "core/log.h"

#define DEFAULT_STATE_DIR "/var/lib/kiosk"
#define STATS_CSV_NAME "KIOSK-STATS.csv"

/* Parses [--state-dir DIR] and up to one operand. */
static int options(const char *mode, const struct cli_common *common,
                   int argc, char **argv, const char **state,
                   const char **operand)
{
    /* kiosk.conf's state-dir (--config), else the installed one. */
    *state = common->state_dir ? common->state_dir : DEFAULT_STATE_DIR;
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

/* The usage statistics as CSV on the stick, on every import; what came of
 * it is added to the stick's report (a line in `line`). */
static void export_stats(const char *stick, const char *state, char *line,
                         size_t line_size)
{
    char err[256] = "", werr[512] = "";
    char *csv = NULL;
    size_t csv_len = 0;
    FILE *f = open_memstream(&csv, &csv_len);
    struct stats_counts counts = {0};
    bool ok = f && stats_export_csv(state, f, &counts, err, sizeof err);
    if (f)
        fclose(f);
    ok = ok && stick_write(stick, STATS_CSV_NAME, csv, csv_len, werr,
                           sizeof werr);
    free(csv);
    if (!ok) {
        if (werr[0])
            log_warn("import", "%s", werr);
        snprintf(line, line_size, "\nUsage statistics: not written -- %s\n",
                 err[0] ? err : werr);
        return;
    }
    snprintf(line, line_size, "\nUsage statistics: %zu visit%s from %zu "
             "day%s in %s", counts.sessions, counts.sessions == 1 ? "" : "s",
             counts.files, counts.files == 1 ? "" : "s", STATS_CSV_NAME);
    size_t n = strlen(line);
    if (counts.bad)
        snprintf(line + n, line_size - n, "; %zu damaged line%s skipped",
                 counts.bad, counts.bad == 1 ? "" : "s");
    n = strlen(line);
    snprintf(line + n, line_size - n, "\n");
}

/* The report, with the statistics line, onto the stick -- or, if it
 * cannot be written, no old report left there looking current. */
static void write_report(const char *stick, const struct import_result *r,
                         const char *line)
{
    size_t ll = strlen(line), n = r->report_len + ll;
    char *text = malloc(n + 1);
    char err[512];
    if (!text)
        return;
    memcpy(text, r->report ? r->report : "", r->report_len);
    memcpy(text + r->report_len, line, ll);
    if (!stick_write(stick, IMPORT_REPORT, text, n, err, sizeof err)) {
        log_warn("import", "the report was not written: %s", err);
        stick_remove_stale(stick, IMPORT_REPORT);
    }
    free(text);
}

int mode_import(int argc, char **argv, const struct cli_common *common)
{
    const char *state, *stick = NULL;
    int rc = options("import", common, argc, argv, &state, &stick);
    if (rc != CLI_OK)
        return rc;
    if (!stick)
        return cli_usage_error("import", "the stick's folder (SRC) is "
                               "required, e.g. kiosk import /media/usb");
    struct text_fonts *fonts = app_fonts_load(common);
    struct import_result r;
    bool ok = import_run(stick, state, fonts, &r);
    printf("%s\n", r.message);
    text_fonts_destroy(fonts);
    char line[800];
    export_stats(stick, state, line, sizeof line);
    write_report(stick, &r, line);
    import_result_fini(&r);
    return ok ? CLI_OK : CLI_FAIL;
}

int mode_rollback(int argc, char **argv, const struct cli_common *common)
{
    const char *state;
    int rc = options("rollback", common, argc, argv, &state, NULL);
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

int mode_releases(int argc, char **argv, const struct cli_common *common)
{
    const char *state;
    int rc = options("releases", common, argc, argv, &state, NULL);
    if (rc != CLI_OK)
        return rc;
    unsigned cur = release_current(state);
    struct release_info list[256];
    size_t n = release_list(state, list, 256);
    if (n == 0)
        printf("no releases in %s\n", state);
    for (size_t i = 0; i < n && i < 256; i++)
        printf("%c %4u  %-20s  %3u passages  %3u places  from %s\n",
               list[i].id == cur ? '*' : ' ', list[i].id, list[i].date,
               list[i].passages, list[i].places, list[i].source);
    return CLI_OK;
}
