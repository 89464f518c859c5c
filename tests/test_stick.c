/* test_stick.c: the import's writes on sticks that cannot take them.
 *
 * Each stick is a small tmpfs mounted in a mount namespace of its own
 * (`unshare`, as root or in a user namespace), filled to the last byte or
 * remounted read-only, and imported with the real `kiosk import`.  What
 * must hold: the report is written first (it matters most); an old
 * KIOSK-REPORT.txt never survives looking like this import's answer
 * where it can be removed; whatever could not be written is logged, said
 * on screen (STATE/import-status) and in the staff panel's last report;
 * the release is installed all the same. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"

static char root[] = "/tmp/kiosk-test-stick-XXXXXX";

/* Runs `kiosk import` on a tmpfs stick in its own mount namespace.
 * `setup` runs in the mounted stick's folder once the content is copied
 * there, then `fill` (filling it, or remounting it read-only).
 * The stick's files are copied to ROOT/NAME.out/ before the namespace
 * ends.  Run from the source tree (build/test/kiosk).  Returns the
 * import's exit status, or -1. */
static int import_on(const char *name, const char *setup, const char *fill)
{
    char cmd[4096], here[1024];
    if (!getcwd(here, sizeof here))
        return -1;
    snprintf(cmd, sizeof cmd,
             "unshare -rm sh -ec '"
             "s=%s/%s; mkdir -p $s $s.out; "
             "mount -t tmpfs -o size=4m tmpfs $s; "
             "cp -r %s/content/minimal $s/kiosk-content; "
             "cd $s; %s; "
             "%s; "
             "rc=0; %s/build/test/kiosk --fonts %s/fonts/manifest.txt "
             "import $s --state-dir %s/%s.state "
             ">%s/%s.out.txt 2>%s/%s.err.txt || rc=$?; "
             "cp -r $s/. $s.out/ 2>/dev/null || true; exit $rc'",
             root, name, check_test_dir(), setup, fill, here, here, root,
             name, root, name, root, name);
    int rc = system(cmd);
    return rc == -1 ? -1 : (rc >> 8) & 0xFF;
}

static char *slurp(const char *name, const char *what)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s%s", root, name, what);
    return check_read_file(path, NULL);
}

/* Fills the stick to its last byte. */
#define FILL "dd if=/dev/zero of=filler bs=4096 2>/dev/null || true"
#define OLD_REPORT "echo \"Updated to release 7 (an old report)\" > " \
                   "KIOSK-REPORT.txt; touch KIOSK-STATS"

int main(void)
{
    if (!mkdtemp(root))
        return 1;
    int probe = system("unshare -rm sh -c 'mount -t tmpfs tmpfs /mnt' "
                       ">/dev/null 2>&1");
    if (!CHECK(probe == 0, "a tmpfs can be mounted in a mount namespace "
                           "(unshare -rm); the tests need it"))
        return check_finish("test_stick");

    /* A full stick with an old report: the old one goes, the new one is
     * written in its room; the CSV does not fit, and the report says so
     * rather than pointing at a file that is not there. */
    int rc = import_on("full-old", OLD_REPORT, FILL);
    char *report = slurp("full-old", ".out/KIOSK-REPORT.txt");
    char *status = slurp("full-old", ".state/import-status");
    char *kept = slurp("full-old", ".state/last-import.txt");
    char *err = slurp("full-old", ".err.txt");
    CHECK(rc == 0 && status && strstr(status, "done 100 Updated to release 1"),
          "a full stick: the release is installed (rc %d, status '%s')", rc,
          status ? status : "(none)");
    CHECK(report && !strstr(report, "release 7") &&
              strstr(report, "Updated to release 1") &&
              strstr(report, "Usage statistics: not written"),
          "a full stick: the old report replaced by the new one, which "
          "says the statistics were not written:\n%s",
          report ? report : "(no report)");
    CHECK(status && strstr(status, "1 file could not be written on the "
                                   "stick"),
          "a full stick: the screen says a file could not be written: '%s'",
          status ? status : "(none)");
    CHECK(kept && strstr(kept, "Not written on the stick: KIOSK-STATS.csv"),
          "a full stick: the staff panel's last report says what is "
          "missing:\n%s", kept ? kept : "(none)");
    CHECK(err && strstr(err, "the usage statistics were not written"),
          "a full stick: the log says so:\n%s", err ? err : "");
    free(report), free(status), free(kept), free(err);

    /* A full stick with no old report: nothing can be written; the screen
     * and the log say so. */
    rc = import_on("full", "touch KIOSK-STATS", FILL);
    report = slurp("full", ".out/KIOSK-REPORT.txt");
    status = slurp("full", ".state/import-status");
    err = slurp("full", ".err.txt");
    CHECK(rc == 0 && !report && status &&
              strstr(status, "Updated to release 1") &&
              strstr(status, "2 files could not be written on the stick"),
          "a stick full to the last byte: installed, no report, the screen "
          "says 2 files could not be written (rc %d, '%s')", rc,
          status ? status : "(none)");
    CHECK(err && strstr(err, "the report was not written") &&
              strstr(err, "full"),
          "a stick full to the last byte: the log says the report was not "
          "written:\n%s", err ? err : "");
    free(report), free(status), free(err);

    /* A read-only stick: its old report cannot be removed, so the screen
     * must say this import's report is not on it. */
    rc = import_on("ro", OLD_REPORT, "mount -o remount,ro $s");
    report = slurp("ro", ".out/KIOSK-REPORT.txt");
    status = slurp("ro", ".state/import-status");
    err = slurp("ro", ".err.txt");
    CHECK(rc == 0 && status && strstr(status, "Updated to release 1") &&
              strstr(status, "could not be written on the stick (is it "
                             "full or read-only?)"),
          "a read-only stick: installed, and the screen says the report is "
          "not on the stick (rc %d, '%s')", rc, status ? status : "(none)");
    CHECK(err && strstr(err, "the report was not written") &&
              strstr(err, "Read-only"),
          "a read-only stick: the log names the reason:\n%s", err ? err : "");
    free(report), free(status), free(err);

    /* A stick with only the marker: nothing to install, the statistics
     * written, the report says just that. */
    rc = import_on("marker", "rm -r kiosk-content; touch KIOSK-STATS",
                   "true");
    report = slurp("marker", ".out/KIOSK-REPORT.txt");
    status = slurp("marker", ".state/import-status");
    char *csv = slurp("marker", ".out/KIOSK-STATS.csv");
    CHECK(rc == 0 && csv && report &&
              strstr(report, "Nothing to install") &&
              !strstr(report, "Not installed") && status &&
              strstr(status, "done 100 Nothing to install; usage statistics "
                             "written to KIOSK-STATS.csv"),
          "a statistics-only stick: the CSV, a report saying there was "
          "nothing to install, 'done' on screen (rc %d):\n%s\n%s", rc,
          report ? report : "(no report)", status ? status : "(none)");
    free(report), free(status), free(csv);

    /* kiosk-content inside a folder of a refused name, with the marker:
     * the refusal stays in the report (it is not "nothing to install"),
     * and the statistics go out, as the stick brought content. */
    rc = import_on("refused", "d=$(printf \"bad\\033name\"); mkdir \"$d\"; "
                   "mv kiosk-content \"$d\"/; touch KIOSK-STATS", "true");
    report = slurp("refused", ".out/KIOSK-REPORT.txt");
    csv = slurp("refused", ".out/KIOSK-STATS.csv");
    CHECK(rc == 1 && report && strstr(report, "Not installed") &&
              strstr(report, "bad\\x1Bname") &&
              !strstr(report, "Nothing to install") && csv,
          "a refused folder name: the report keeps the refusal, the "
          "statistics are written (rc %d):\n%s", rc,
          report ? report : "(no report)");
    free(report), free(csv);

    char cmd[1024];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    CHECK(system(cmd) == 0, "cleanup");
    return check_finish("test_stick");
}
