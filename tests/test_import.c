/* test_import.c: USB updates -- validated, atomic, reversible.
 *
 * Temporary folders stand in for the stick and the state directory.  The
 * import runs as a separate `kiosk import` process, so the tests can kill
 * it: with KIOSK_FAULT_KILL_AT it dies by SIGKILL at a chosen fault point
 * (a power cut), with KIOSK_FAULT_ENOSPC_AT a write fails (a full disk).
 * After every cut, `current` must name a complete release that loads, and
 * every listed release must load too. */
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "app/content_pick.h"
#include "check.h"
#include "content/exhibit.h"
#include "content/release.h"
#include "core/diag.h"
#include "core/log.h"

static char root[] = "/tmp/kiosk-test-import-XXXXXX";
static struct text_fonts *fonts;

static int sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int sh(const char *fmt, ...)
{
    char cmd[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    int st = system(cmd);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* A stick with the shipped content, fresh. */
static void make_stick(const char *name)
{
    sh("rm -rf %s/%s && mkdir -p %s/%s && cp -r content %s/%s/kiosk-content",
       root, name, root, name, root, name);
}

static int import(const char *stick, const char *state, const char *env)
{
    return sh("%s build/test/kiosk import %s/%s --state-dir %s/%s "
              ">%s/out.txt 2>%s/err.txt", env ? env : "", root, stick, root,
              state, root, root);
}

static bool loads(const char *dir)
{
    struct diag_list d;
    diag_list_init(&d);
    struct exhibit *ex = content_load(dir, fonts, &d);
    bool ok = ex != NULL;
    content_destroy(ex);
    diag_list_fini(&d);
    return ok;
}

/* current names a complete release that loads, and so does every one. */
static bool consistent(const char *state, unsigned *current)
{
    char path[4096], dir[4200];
    snprintf(dir, sizeof dir, "%s/%s", root, state);
    *current = release_current(dir);
    if (!release_current_path(dir, path, sizeof path) || !loads(path))
        return false;
    struct release_info list[32];
    size_t n = release_list(dir, list, 32);
    for (size_t i = 0; i < n && i < 32; i++) {
        release_path(dir, list[i].id, path, sizeof path);
        if (!loads(path))
            return false;
    }
    return n >= 1;
}

static char *report(const char *stick)
{
    char p[4200];
    snprintf(p, sizeof p, "%s/%s/KIOSK-REPORT.txt", root, stick);
    size_t len;
    return check_read_file(p, &len);
}

static void test_valid_and_invalid(void)
{
    make_stick("s1");
    CHECK(import("s1", "st", NULL) == 0, "a valid stick installs");
    unsigned cur;
    CHECK(consistent("st", &cur) && cur == 1, "release 1 is current");
    char *r = report("s1");
    CHECK(r && strstr(r, "Updated to release 1"), "the report says so");
    CHECK(r && strstr(r, "Usage statistics: 0 visits from 0 days in "
                         "KIOSK-STATS.csv\n"),
          "the report says what the statistics export found:\n%s",
          r ? r : "");
    free(r);
    char csv[4200];
    snprintf(csv, sizeof csv, "%s/s1/KIOSK-STATS.csv", root);
    size_t clen;
    char *c = check_read_file(csv, &clen);
    CHECK(c && strncmp(c, "date,start,duration_s,lang", 26) == 0,
          "the usage statistics are exported to the stick");
    free(c);

    /* A changed passage: release 2, and the report names it.  A damaged
     * statistics day file is counted in the report. */
    sh("sed -i 's/^The work team of the Ministries/THE work team of the "
       "Ministries/' %s/s1/kiosk-content/report/en.txt", root);
    sh("mkdir -p %s/st/stats && printf 'garbage\\nmore garbage\\n' > "
       "%s/st/stats/2026-11-01.log", root, root);
    CHECK(import("s1", "st", NULL) == 0, "a changed stick installs");
    r = report("s1");
    CHECK(r && strstr(r, "Usage statistics: 0 visits from 1 day in "
                         "KIOSK-STATS.csv; 2 damaged lines skipped\n"),
          "damaged statistics lines are counted in the report:\n%s",
          r ? r : "");
    CHECK(consistent("st", &cur) && cur == 2 && r &&
              strstr(r, "passage changed: arrival") &&
              strstr(r, "Updated to release 2: 1 passage changed"),
          "release 2 with 'arrival' changed:\n%s", r ? r : "");
    free(r);

    /* An invalid stick: not installed, current unchanged, the report
     * lists the problem at its place on the stick. */
    sh("sed -i '0,/^note.en:/s//nots.en:/' "
       "%s/s1/kiosk-content/places.txt", root);
    CHECK(import("s1", "st", NULL) == 1, "an invalid stick is refused");
    r = report("s1");
    CHECK(consistent("st", &cur) && cur == 2, "release 2 stays current");
    CHECK(r && strstr(r, "Not installed: 2 errors") &&
              strstr(r, "kiosk-content/places.txt:") &&
              strstr(r, "did you mean 'note.en'?"),
          "the report explains the errors on the stick:\n%s", r ? r : "");
    free(r);

    /* Rollback, and the list. */
    CHECK(sh("build/test/kiosk rollback --state-dir %s/st >/dev/null",
             root) == 0 && consistent("st", &cur) && cur == 1,
          "rollback returns to release 1");
    CHECK(sh("build/test/kiosk releases --state-dir %s/st | grep -q "
             "'^\\*    1'", root) == 0, "releases marks the current one");
}

static void test_power_cuts(void)
{
    make_stick("s2");
    CHECK(import("s2", "pc", NULL) == 0, "a first release");
    /* How many fault points an import passes. */
    import("s2", "pc", "KIOSK_FAULT_COUNT=1");
    size_t len;
    char p[4200];
    snprintf(p, sizeof p, "%s/err.txt", root);
    char *err = check_read_file(p, &len);
    long points = 0;
    const char *at = err ? strstr(err, "fault points: ") : NULL;
    if (at)
        points = atol(at + 14);
    free(err);
    CHECK(points > 20, "an import passes %ld fault points", points);
    if (points <= 0)
        return;
    srand(1962);
    int killed = 0, good = 0;
    for (int i = 0; i < 100; i++) {
        long k = 1 + rand() % points;
        char env[64];
        snprintf(env, sizeof env, "KIOSK_FAULT_KILL_AT=%ld", k);
        int rc = import("s2", "pc", env);
        killed += rc == 128 + SIGKILL;
        unsigned cur;
        good += consistent("pc", &cur);
    }
    CHECK(killed == 100, "all 100 imports were killed (%d)", killed);
    CHECK(good == 100, "after every cut, current and every release load "
                       "(%d of 100)", good);
    unsigned before, after;
    consistent("pc", &before);
    CHECK(import("s2", "pc", NULL) == 0 && consistent("pc", &after) &&
              after > before,
          "the next import after the cuts installs (%u -> %u)", before,
          after);
    struct release_info list[64];
    snprintf(p, sizeof p, "%s/pc", root);
    CHECK(release_list(p, list, 64) <= RELEASE_KEEP,
          "at most %d releases are kept", RELEASE_KEEP);
}

static void test_full_disk(void)
{
    make_stick("s3");
    import("s3", "fd", NULL);
    unsigned before, after;
    consistent("fd", &before);
    for (int n = 1; n <= 13; n += 4) { /* the import writes ~16 times */
        char env[64];
        snprintf(env, sizeof env, "KIOSK_FAULT_ENOSPC_AT=%d", n);
        int rc = import("s3", "fd", env);
        char *r = report("s3");
        CHECK(rc == 1 && r && strstr(r, "disk full"),
              "write %d failing: refused, the report says the disk is full",
              n);
        free(r);
        CHECK(consistent("fd", &after) && after == before,
              "the old release stays current after a full disk");
    }
}

static void hostile(const char *what, const char *setup, const char *words)
{
    make_stick("h");
    sh("cd %s/h && %s", root, setup);
    double t0 = (double)clock() / CLOCKS_PER_SEC;
    time_t w0 = time(NULL);
    int rc = import("h", "ho", NULL);
    char *r = report("h");
    CHECK(rc == 1 && r && strstr(r, words), "%s: refused with '%s'%s%s",
          what, words, r ? ":\n" : "", r ? r : "");
    CHECK(time(NULL) - w0 <= 5, "%s: refused quickly", what);
    (void)t0;
    free(r);
    unsigned cur;
    CHECK(consistent("ho", &cur) && cur == 1, "%s: release 1 stays", what);
}

static void test_hostile(void)
{
    make_stick("h");
    import("h", "ho", NULL);
    hostile("a link to /etc",
            "ln -s /etc/passwd kiosk-content/about.txt.link && rm "
            "kiosk-content/about.txt && mv kiosk-content/about.txt.link "
            "kiosk-content/about.txt",
            "links are never followed");
    hostile("the content folder is a link out of the stick",
            "rm -rf kiosk-content && ln -s ../../../etc kiosk-content",
            "no folder named 'kiosk-content'");
    hostile("a 2 GB sparse file",
            "truncate -s 2G kiosk-content/map/huge.geojson",
            "GiB; content files are a few MiB at most");
    hostile("100,000 tiny files",
            "mkdir kiosk-content/many && cd kiosk-content/many && "
            "seq 1 100000 | xargs touch",
            "more than 256 files");
    hostile("a name with a newline", "touch \"kiosk-content/bad$(printf "
                                     "'\\nname')\"",
            "contains a line break");
    hostile("an empty stick", "rm -rf kiosk-content",
            "no folder named 'kiosk-content'");
    hostile("two content folders",
            "mkdir -p other && cp -r kiosk-content other/kiosk-content",
            "a second 'kiosk-content' folder");
    hostile("a pipe", "mkfifo kiosk-content/pipe.txt",
            "not a regular file");
    /* Unreadable: as root every file is readable, so the import runs as
     * the unprivileged user nobody, like the kiosk's import service. */
    sh("chmod -R a+rwX %s", root);
    make_stick("h");
    sh("chmod -R a+rwX %s/h && chmod 000 %s/h/kiosk-content/about.txt", root,
       root);
    int rc = sh("setpriv --reuid=65534 --regid=65534 --clear-groups "
                "build/test/kiosk import %s/h --state-dir %s/ho "
                ">/dev/null 2>&1", root, root);
    char *r = report("h");
    CHECK(rc == 1 && r && strstr(r, "about.txt: error: cannot read this "
                                    "file"),
          "an unreadable file is refused:\n%s", r ? r : "");
    free(r);
}

/* Self-healing: a broken `current` falls back to the newest release that
 * loads, then to the shipped content. */
static void test_fallback(void)
{
    make_stick("s4");
    CHECK(import("s4", "fb", NULL) == 0, "release 1");
    sh("sed -i 's/A report/The report/' %s/s4/kiosk-content/report/en.txt",
       root);
    sh("sed -i 's/^The work team of the Ministries/THE work team of the "
       "Ministries/' %s/s4/kiosk-content/report/en.txt", root);
    CHECK(import("s4", "fb", NULL) == 0, "release 2");
    char state[4200], buf[4200];
    snprintf(state, sizeof state, "%s/fb", root);
    CHECK(app_pick_content(state, "content", fonts, buf, sizeof buf) ==
              CONTENT_PICK_CURRENT,
          "a good current is shown");
    sh("rm %s/fb/releases/0002/places.txt", root);
    enum content_pick p = app_pick_content(state, "content", fonts, buf,
                                           sizeof buf);
    CHECK(p == CONTENT_PICK_OLDER_RELEASE && strstr(buf, "releases/0001"),
          "a corrupt current falls back to release 1 (%s)", buf);
    sh("rm %s/fb/current", root);
    p = app_pick_content(state, "content", fonts, buf, sizeof buf);
    CHECK(p == CONTENT_PICK_OLDER_RELEASE && strstr(buf, "releases/0001"),
          "a missing current falls back to release 1 (%s)", buf);
    sh("rm %s/fb/releases/0001/strings.txt", root);
    p = app_pick_content(state, "content", fonts, buf, sizeof buf);
    CHECK(p == CONTENT_PICK_SHIPPED && strcmp(buf, "content") == 0,
          "no release loads: the shipped content (%s)", buf);
}

/* A check that cannot be made fails: an import whose fonts cannot be
 * loaded (the manifest's relative default, run from another folder, as
 * the USB service once did) installs nothing -- not even a stick that
 * would pass -- and one with a character no font draws is refused with
 * the fonts.  The kiosk's settings give the import its fonts and state
 * folder. */
static void test_needs_fonts(void)
{
    make_stick("s5");
    sh("sed -i '0,/work team/s//work team \xf0\x9f\x98\x80/' "
       "%s/s5/kiosk-content/report/en.txt", root);
    CHECK(sh("grep -q $(printf '\xf0\x9f\x98\x80') "
             "%s/s5/kiosk-content/report/en.txt", root) == 0,
          "the stick's English text has an emoji");
    char cwd[4096];
    CHECK(getcwd(cwd, sizeof cwd) != NULL, "getcwd");
    /* From another folder, without settings: the default manifest is not
     * there. */
    int rc = sh("cd /tmp && %s/build/test/kiosk import %s/s5 --state-dir "
                "%s/nf >%s/out.txt 2>&1", cwd, root, root, root);
    CHECK(rc == 1 && sh("test ! -e %s/nf/current", root) == 0,
          "without fonts the import fails and installs nothing (%d)", rc);
    CHECK(sh("grep -q 'not checked: the fonts could not be loaded' "
             "%s/s5/KIOSK-REPORT.txt", root) == 0,
          "the stick's report says the check could not be made");
    make_stick("s6");
    rc = sh("cd /tmp && %s/build/test/kiosk import %s/s6 --state-dir "
            "%s/nf >%s/out.txt 2>&1", cwd, root, root, root);
    CHECK(rc == 1 && sh("test ! -e %s/nf/current", root) == 0,
          "without fonts even a good stick is refused (%d)", rc);
    /* With the kiosk's settings (fonts, state-dir), from anywhere. */
    sh("printf 'fonts: %s/fonts/manifest.txt\nstate-dir: %s/cf\n' "
       ">%s/kiosk.conf", cwd, root, root);
    rc = sh("cd /tmp && %s/build/test/kiosk --config %s/kiosk.conf import "
            "%s/s5 >%s/out.txt 2>&1", cwd, root, root, root);
    CHECK(rc == 1 && sh("grep -q 'no font' %s/s5/KIOSK-REPORT.txt", root) ==
                         0 && sh("test ! -e %s/cf/current", root) == 0,
          "with the settings' fonts a stick with an emoji is refused (%d)",
          rc);
    rc = sh("cd /tmp && %s/build/test/kiosk --config %s/kiosk.conf import "
            "%s/s6 >%s/out.txt 2>&1", cwd, root, root, root);
    CHECK(rc == 0 && sh("test -L %s/cf/current", root) == 0,
          "the settings' state-dir gets the good stick's release (%d)", rc);
}

/* Nothing the stick plants at its root makes the import write anywhere
 * but onto the stick: links under the names the kiosk writes (to the
 * live release's files, to a statistics day), FIFOs under them (which
 * once hung the import), a folder as the report. */
static void test_planted(void)
{
    make_stick("p1");
    CHECK(import("p1", "pl", NULL) == 0, "a first release to attack");
    char cur[4200];
    snprintf(cur, sizeof cur, "%s/pl/current", root);
    sh("mkdir -p %s/pl/stats && echo keep > %s/pl/stats/2026-12-01.log", root,
       root);
    struct {
        const char *name, *target;
    } links[] = {
        {".KIOSK-REPORT.txt.new", "strings.txt"},
        {"KIOSK-REPORT.txt", "exhibit.txt"},
        {".KIOSK-STATS.csv.new", "places.txt"},
        {"KIOSK-STATS.csv", "about.txt"},
    };
    for (size_t i = 0; i < sizeof links / sizeof *links; i++) {
        make_stick("p2");
        sh("sed -i 's/A report/The report/' %s/p2/kiosk-content/report/"
           "en.txt", root);
        sh("md5sum %s/%s > %s/before.md5", cur, links[i].target, root);
        sh("ln -s %s/%s %s/p2/%s", cur, links[i].target, root,
           links[i].name);
        int rc = import("p2", "pl", NULL);
        CHECK(rc == 0 && sh("md5sum -c --quiet %s/before.md5", root) == 0 &&
                  sh("build/test/kiosk check %s/pl/current >/dev/null",
                     root) == 0,
              "a link %s -> current/%s on the stick: the import installs, "
              "the target is untouched, current checks (rc %d)",
              links[i].name, links[i].target, rc);
    }
    /* A link over a statistics day file. */
    make_stick("p3");
    sh("ln -s %s/pl/stats/2026-12-01.log %s/p3/KIOSK-STATS.csv", root, root);
    import("p3", "pl", NULL);
    CHECK(sh("grep -qx keep %s/pl/stats/2026-12-01.log", root) == 0,
          "a link to a statistics day: the day's visits are kept");
    /* FIFOs under every name the kiosk writes: the import ends. */
    make_stick("p4");
    sh("cd %s/p4 && mkfifo .KIOSK-REPORT.txt.new KIOSK-REPORT.txt "
       ".KIOSK-STATS.csv.new KIOSK-STATS.csv", root);
    int rc = sh("timeout 60 build/test/kiosk import %s/p4 --state-dir %s/pl "
                ">%s/out.txt 2>%s/err.txt", root, root, root, root);
    CHECK(rc == 0 && sh("grep -q 'not a plain file' %s/err.txt", root) == 0,
          "FIFOs at the stick's root: the import ends (rc %d, not 124) and "
          "says why the report is missing", rc);
    /* The report as a folder: nothing left behind. */
    make_stick("p5");
    sh("mkdir %s/p5/KIOSK-REPORT.txt", root);
    import("p5", "pl", NULL);
    CHECK(sh("ls -A %s/p5 | grep -c '\\.new$' | grep -qx 0", root) == 0,
          "a folder as the report: no temporary file left on the stick");
    /* A stick that cannot take the report keeps no old one that would
     * look current. */
    make_stick("p6");
    sh("echo 'Updated to release 7 (an old report)' > "
       "%s/p6/KIOSK-REPORT.txt && chmod 0555 %s/p6", root, root);
    sh("chown -R nobody %s/p6 %s/pl 2>/dev/null; chmod 0777 %s", root, root,
       root);
    rc = sh("runuser -u nobody -- build/test/kiosk import %s/p6 "
            "--state-dir %s/pl >%s/out.txt 2>%s/err.txt", root, root, root,
            root);
    CHECK(sh("grep -q 'the report was not written' %s/err.txt", root) == 0,
          "a read-only stick: the missing report is logged (rc %d)", rc);
    sh("chmod 0755 %s/p6", root);
}

/* A stick whose content changes under the kiosk (a USB gadget can do
 * that): report/ swapped again and again for a link to a folder outside
 * the stick.  No import may install the outside files. */
static void test_swap_race(void)
{
    make_stick("r1");
    sh("mkdir -p %s/outside && cp content/report/*.txt %s/outside/ && "
       "sed -i 's/A report/OUTSIDE report/' %s/outside/en.txt", root, root,
       root);
    const char *kc = "kiosk-content";
    sh("cd %s/r1/%s && mv report report.dir && ln -s %s/outside report.lnk",
       root, kc, root);
    /* Swap by renames, as fast as the shell goes. */
    sh("cd %s/r1/%s && (while :; do mv -T report.dir report; "
       "mv -T report report.dir; mv -T report.lnk report; "
       "mv -T report report.lnk; done) >/dev/null 2>&1 & echo $! > %s/swap.pid",
       root, kc, root);
    int installed = 0, outside = 0;
    for (int i = 0; i < 100; i++) {
        if (import("r1", "rc", NULL) == 0)
            installed++;
        if (sh("grep -rqs OUTSIDE %s/rc/current/report/", root) == 0)
            outside++;
    }
    sh("kill $(cat %s/swap.pid)", root);
    CHECK(outside == 0, "report/ swapped for a link outside the stick, 100 "
          "imports: %d installed, %d with the outside files", installed,
          outside);
    CHECK(sh("build/test/kiosk check %s/rc/current >/dev/null 2>&1", root) ==
              0 || installed == 0,
          "and current checks");
}

/* A first boot (nothing imported yet) is not a fault: the shipped content
 * at level info, no error. */
static void test_first_boot(void)
{
    char state[4200], buf[4200];
    snprintf(state, sizeof state, "%s/fresh", root);
    sh("mkdir -p %s", state);
    fflush(stderr);
    int saved = dup(2);
    char log[4200];
    snprintf(log, sizeof log, "%s/first-boot.log", root);
    FILE *f = fopen(log, "w");
    dup2(fileno(f), 2);
    enum log_level lv = log_get_level();
    log_set_level(LOG_LEVEL_INFO);
    enum content_pick p = app_pick_content(state, "content", fonts, buf,
                                           sizeof buf);
    log_set_level(lv);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    fclose(f);
    CHECK(p == CONTENT_PICK_SHIPPED, "a first boot shows the shipped "
          "content");
    CHECK(sh("grep -q 'info: app.*no release imported' %s", log) == 0 &&
              sh("grep -q 'error' %s", log) != 0,
          "a first boot logs at info, never error");
}

int main(void)
{
    struct diag_list d;
    diag_list_init(&d);
    fonts = text_fonts_load("fonts/manifest.txt", &d);
    diag_list_fini(&d);
    if (!fonts || !mkdtemp(root))
        return 1;
    test_valid_and_invalid();
    test_power_cuts();
    test_full_disk();
    test_hostile();
    test_fallback();
    test_needs_fonts();
    test_first_boot();
    test_planted();
    test_swap_race();
    sh("rm -rf %s", root);
    text_fonts_destroy(fonts);
    return check_finish("test_import");
}
