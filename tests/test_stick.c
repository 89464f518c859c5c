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
#include "proc.h"

static char root[] = "/tmp/kiosk-test-stick-XXXXXX";

/* Runs `kiosk import` on a tmpfs stick in its own mount namespace.
 * `setup` runs in the mounted stick's folder once the content is copied
 * there, then `fill` (filling it, or remounting it read-only).
 * The stick's files are copied to ROOT/NAME.out/ before the namespace
 * ends.  Run from the source tree (build/test/kiosk).  Returns the
 * import's exit status. */
static int import_on(const char *name, const char *setup, const char *fill)
{
    char here[1024];
    if (!getcwd(here, sizeof here))
        return -1;
    return proc_sh("unshare -rm sh -ec '"
                   "s=%s/%s; mkdir -p $s $s.out; "
                   "mount -t tmpfs -o size=4m tmpfs $s; "
                   "cp -r %s/content/minimal $s/kiosk-content; "
                   "cd $s; %s; "
                   "%s; "
                   "rc=0; %s/build/test/kiosk --fonts %s/fonts/manifest.txt "
                   "import $s --state-dir %s/%s.state "
                   ">%s/%s.out.txt 2>%s/%s.err.txt || rc=$?; "
                   "cp -r $s/. $s.out/ 2>/dev/null || true; exit $rc'",
                   root, name, check_test_dir(), setup, fill, here, here,
                   root, name, root, name, root, name);
}

/* Fills the stick to its last byte. */
#define FILL "dd if=/dev/zero of=filler bs=4096 2>/dev/null || true"
#define OLD_REPORT "echo \"Updated to release 7 (an old report)\" > " \
                   "KIOSK-REPORT.txt; touch KIOSK-STATS"

/* What the import leaves, under ROOT/NAME: on the stick, in the state
 * folder, in its log. */
#define REPORT ".out/KIOSK-REPORT.txt"
#define CSV ".out/KIOSK-STATS.csv"
#define STATUS ".state/import-status" /* what the screen says */
#define LAST ".state/last-import.txt" /* the staff panel's last report */
#define LOG ".err.txt"

/* One thing a file must show: that it HAS words, LACKS them (and is
 * there), is THERE, or is NOT_THERE. */
struct want {
    enum { HAS, LACKS, THERE, NOT_THERE } what;
    const char *file, *words;
};

/* The sticks, one row each: the stick's folder name, what it is, how it is
 * made (`setup` then `fill`, see import_on), the import's exit status and
 * what its files must show. */
static const struct stick_case {
    const char *name, *what, *setup, *fill;
    int rc;
    struct want wants[8];
} sticks[] = {
    /* The old report goes, the new one is written in its room; the CSV
     * does not fit, and the report says so rather than pointing at a file
     * that is not there. */
    {"full-old", "a full stick with an old report", OLD_REPORT, FILL, 0,
     {{HAS, STATUS, "done 100 Updated to release 1"},
      {LACKS, REPORT, "release 7"},
      {HAS, REPORT, "Updated to release 1"},
      {HAS, REPORT, "Usage statistics: not written"},
      {HAS, STATUS, "1 file could not be written on the stick"},
      {HAS, LAST, "Not written on the stick: KIOSK-STATS.csv"},
      {HAS, LOG, "the usage statistics were not written"}}},
    /* No old report: nothing can be written; the screen and the log say
     * so. */
    {"full", "a stick full to the last byte", "touch KIOSK-STATS", FILL, 0,
     {{NOT_THERE, REPORT, NULL},
      {HAS, STATUS, "Updated to release 1"},
      {HAS, STATUS, "2 files could not be written on the stick"},
      {HAS, LOG, "the report was not written"},
      {HAS, LOG, "full"}}},
    /* Its old report cannot be removed, so the screen must say this
     * import's report is not on it. */
    {"ro", "a read-only stick", OLD_REPORT, "mount -o remount,ro $s", 0,
     {{HAS, STATUS, "Updated to release 1"},
      {HAS, STATUS, "could not be written on the stick (is it full or "
                    "read-only?)"},
      {HAS, LOG, "the report was not written"},
      {HAS, LOG, "Read-only"}}},
    /* Only the marker: nothing to install, the statistics written, the
     * report says just that. */
    {"marker", "a statistics-only stick",
     "rm -r kiosk-content; touch KIOSK-STATS", "true", 0,
     {{THERE, CSV, NULL},
      {HAS, REPORT, "Nothing to install"},
      {LACKS, REPORT, "Not installed"},
      {HAS, STATUS, "done 100 Nothing to install; usage statistics written "
                    "to KIOSK-STATS.csv"}}},
    /* kiosk-content inside a folder of a refused name, with the marker:
     * the refusal stays in the report (it is not "nothing to install"),
     * and the statistics go out, as the stick brought content. */
    {"refused", "a refused folder name",
     "d=$(printf \"bad\\033name\"); mkdir \"$d\"; mv kiosk-content \"$d\"/; "
     "touch KIOSK-STATS", "true", 1,
     {{HAS, REPORT, "Not installed"},
      {HAS, REPORT, "bad\\x1Bname"},
      {LACKS, REPORT, "Nothing to install"},
      {THERE, CSV, NULL}}},
};

static void check_want(const struct stick_case *c, const struct want *w)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s%s", root, c->name, w->file);
    char *text = check_read_file(path, NULL);
    static const char *const says[] = {"has", "lacks", "is there",
                                       "is not there"};
    bool ok = w->what == NOT_THERE ? !text
              : w->what == THERE   ? text != NULL
              : w->what == HAS     ? text && strstr(text, w->words)
                                   : text && !strstr(text, w->words);
    CHECK(ok, "%s: %s %s%s%s%s:\n%s", c->what, w->file, says[w->what],
          w->words ? " '" : "", w->words ? w->words : "",
          w->words ? "'" : "", text ? text : "(no file)");
    free(text);
}

int main(void)
{
    if (!mkdtemp(root))
        return 1;
    int probe = proc_sh("unshare -rm sh -c 'mount -t tmpfs tmpfs /mnt' "
                        ">/dev/null 2>&1");
    if (!CHECK(probe == 0, "a tmpfs can be mounted in a mount namespace "
                           "(unshare -rm); the tests need it"))
        return check_finish("test_stick");
    for (size_t i = 0; i < sizeof sticks / sizeof *sticks; i++) {
        const struct stick_case *c = &sticks[i];
        int rc = import_on(c->name, c->setup, c->fill);
        CHECK(rc == c->rc, "%s: the import exits %d (want %d)", c->what, rc,
              c->rc);
        for (const struct want *w = c->wants; w->file; w++)
            check_want(c, w);
    }
    CHECK(proc_sh("rm -rf '%s'", root) == 0, "cleanup");
    return check_finish("test_stick");
}
