/* mode_import.c: `kiosk import`, `kiosk rollback`, `kiosk releases` --
 * the curator's USB update and the technician's view of releases. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "app/cli.h"
#include "app/fonts.h"
#include "app/stats.h"
#include "content/import.h"
#include "content/release.h"
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
    char tmp[4200], path[4200], err[256] = "";
    snprintf(tmp, sizeof tmp, "%s/.%s.new", stick, STATS_CSV_NAME);
    snprintf(path, sizeof path, "%s/%s", stick, STATS_CSV_NAME);
    FILE *f = fopen(tmp, "w");
    if (!f) {
        snprintf(line, line_size, "\nUsage statistics: not written -- cannot "
                 "create %s on the stick: %s\n", STATS_CSV_NAME,
                 strerror(errno));
        return;
    }
    struct stats_counts counts = {0};
    bool ok = stats_export_csv(state, f, &counts, err, sizeof err);
    bool written = fflush(f) == 0 && fsync(fileno(f)) == 0;
    written = fclose(f) == 0 && written && ok && rename(tmp, path) == 0;
    if (!written) {
        unlink(tmp);
        snprintf(line, line_size, "\nUsage statistics: not written -- %s\n",
                 err[0] ? err : "the stick could not be written; is it "
                                "full or read-only?");
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

/* Adds `line` to the stick's report, written by import_run. */
static void report_append(const char *stick, const char *line)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/%s", stick, IMPORT_REPORT);
    int fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC);
    if (fd < 0)
        return;
    size_t len = strlen(line);
    if (write(fd, line, len) != (ssize_t)len || fsync(fd) != 0)
        log_warn("import", "cannot add the statistics line to %s", path);
    close(fd);
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
    char line[512];
    export_stats(stick, state, line, sizeof line);
    report_append(stick, line);
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
