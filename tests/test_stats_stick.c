/* test_stats_stick.c: which sticks `kiosk import` gives the usage
 * statistics, and what it says about damaged days.
 *
 * The CSV goes only to a stick that asks for it: one with a kiosk-content
 * folder (at the root or one level down, valid or not) or a KIOSK-STATS
 * file or folder (or KIOSK-STATS.txt) at its root -- never one with
 * neither, nor one whose KIOSK-STATS is a link; that stick's report and
 * the info log say why.  A damaged day file (a folder, a FIFO) is named
 * in the report, and the CSV holds the other days.  The import runs as
 * the real program (build/test/kiosk) on temporary folders. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "state/stats.h"
#include "check.h"
#include "core/log.h"

/* 2024-05-30T10:20:00Z */
#define T0 INT64_C(1717064400)
#define DAY INT64_C(86400)

static char root[] = "/tmp/test_stats_stick.XXXXXX";
static char *import_log; /* what the last import printed */

static char *read_at(const char *stick, const char *name)
{
    char path[512];
    size_t len;
    snprintf(path, sizeof path, "%s/%s/%s", root, stick, name);
    return check_read_file(path, &len);
}

/* A state folder with two visits on 2024-05-30 and one on the 31st. */
static void make_state(const char *name)
{
    char state[256], err[256];
    snprintf(state, sizeof state, "%s/%s", root, name);
    mkdir(state, 0755);
    static const int64_t at[] = {T0, T0 + 600, T0 + DAY};
    for (size_t i = 0; i < 3; i++) {
        struct stats_session s;
        stats_session_begin(&s, at[i]);
        stats_session_lang(&s, "ug");
        stats_session_screen(&s, "map");
        stats_session_end(&s, at[i] + 30);
        CHECK(stats_append(state, &s, err, sizeof err), "visit written: %s",
              err);
    }
}

/* Imports the stick `name` (made by `setup`, a shell command run in it)
 * into `state`, at the info log level. */
static void import(const char *name, const char *setup, const char *state)
{
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "mkdir -p %s/%s && cd %s/%s && %s && cd - && "
             "build/test/kiosk import %s/%s --state-dir %s/%s --log info",
             root, name, root, name, setup, root, name, root, state);
    free(import_log);
    check_run(cmd, &import_log);
}

static bool log_has(const char *text)
{
    return import_log && strstr(import_log, text);
}

/* The CSV of make_state's three visits. */
static bool csv_has_visits(const char *stick)
{
    char *csv = read_at(stick, "KIOSK-STATS.csv");
    bool ok = csv &&
              strncmp(csv, "date,start,duration_s,", 22) == 0 &&
              strstr(csv, "2024-05-30,2024-05-30T10:20:00Z,30,ug,0,map:1") &&
              strstr(csv, "2024-05-30,2024-05-30T10:30:00Z,30,ug,0,map:1") &&
              strstr(csv, "2024-05-31,2024-05-31T10:20:00Z,30,ug,0,map:1");
    free(csv);
    return ok;
}

static void test_who_asks(void)
{
    make_state("st");
    static const struct {
        const char *stick, *setup;
        bool asks;
    } cases[] = {
        {"none", "echo holiday > photo.jpg && mkdir music", false},
        {"empty", "true", false},
        {"marker", ": > KIOSK-STATS", true},
        {"marker-txt", "echo please > KIOSK-STATS.txt", true},
        {"marker-folder", "mkdir KIOSK-STATS", true},
        {"marker-link", "echo x > /tmp/test_stats_stick_target && "
                        "ln -s /tmp/test_stats_stick_target KIOSK-STATS",
         false},
        {"content-bad", "mkdir kiosk-content", true},
        {"content-deep", "mkdir -p exhibit/kiosk-content", true},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        import(cases[i].stick, cases[i].setup, "st");
        char *csv = read_at(cases[i].stick, "KIOSK-STATS.csv");
        char *report = read_at(cases[i].stick, "KIOSK-REPORT.txt");
        if (cases[i].asks) {
            CHECK(csv_has_visits(cases[i].stick),
                  "stick '%s' asks: it gets the CSV:\n%s", cases[i].stick,
                  csv ? csv : "(none)");
            CHECK(report && strstr(report, "Usage statistics: 3 visits "
                                           "from 2 days in KIOSK-STATS.csv"),
                  "stick '%s': the report counts them:\n%s",
                  cases[i].stick, report ? report : "(none)");
        } else {
            CHECK(!csv, "stick '%s' does not ask: no CSV", cases[i].stick);
            CHECK(report && strstr(report, "Usage statistics: not written "
                                           "(not asked for"),
                  "stick '%s': the report says why:\n%s", cases[i].stick,
                  report ? report : "(none)");
            CHECK(log_has("info: import") &&
                      log_has("no usage statistics for"),
                  "stick '%s': the log says so at info level",
                  cases[i].stick);
        }
        free(csv);
        free(report);
    }
    unlink("/tmp/test_stats_stick_target");
}

/* A valid stick with the shipped content installs and gets the CSV. */
static void test_content_stick(void)
{
    make_state("st2");
    char cwd[1024], setup[1200];
    if (!getcwd(cwd, sizeof cwd))
        return;
    snprintf(setup, sizeof setup, "cp -r '%s/content' kiosk-content", cwd);
    import("valid", setup, "st2");
    char *report = read_at("valid", "KIOSK-REPORT.txt");
    CHECK(report && strstr(report, "Updated to release 1") &&
              csv_has_visits("valid"),
          "a content stick installs and gets the CSV:\n%s",
          report ? report : "(none)");
    free(report);
}

/* Damaged days are skipped, named in the report; the rest exported. */
static void test_damaged(void)
{
    make_state("st3");
    char day[300];
    snprintf(day, sizeof day, "%s/st3/stats/2024-05-28.log", root);
    CHECK(mkdir(day, 0755) == 0, "a folder as a day");
    snprintf(day, sizeof day, "%s/st3/stats/2024-05-29.log", root);
    CHECK(mkfifo(day, 0644) == 0, "a FIFO as a day");
    import("damaged", ": > KIOSK-STATS", "st3");
    char *report = read_at("damaged", "KIOSK-REPORT.txt");
    CHECK(csv_has_visits("damaged") && report &&
              strstr(report, "Usage statistics: 3 visits from 2 days in "
                             "KIOSK-STATS.csv; 2 damaged day files skipped: "
                             "2024-05-28.log 2024-05-29.log\n"),
          "a folder and a FIFO among the days: the CSV has the others, the "
          "report names them:\n%s", report ? report : "(none)");
    CHECK(log_has("2024-05-28.log is not a regular file (a folder)") &&
              log_has("2024-05-29.log is not a regular file (a FIFO)"),
          "the log says what each damaged day is");
    free(report);
}

int main(void)
{
    alarm(300); /* a FIFO that hangs the import fails the test */
    log_set_level(LOG_LEVEL_ERROR);
    if (!mkdtemp(root)) {
        perror("mkdtemp");
        return 1;
    }
    test_who_asks();
    test_content_stick();
    test_damaged();
    char cmd[300], *out;
    snprintf(cmd, sizeof cmd, "rm -rf %s", root);
    check_run(cmd, &out);
    free(out);
    free(import_log);
    return check_finish("test_stats_stick");
}
