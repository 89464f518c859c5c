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
#include "state/release.h"
#include "ui/import_panel.h"
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

/* The report lists every changed field, language by language, in every
 * file, and says which release the kiosk shows; the status line carries
 * the facts the screen words in the visitor's language. */
static void test_report_changes(void)
{
    make_stick("s6");
    CHECK(import("s6", "ch", NULL) == 0, "a first release to compare with");
    const char *c = "kiosk-content";
    sh("cd %s/s6/%s && "
       "sed -i 's/^en: Yili (Ili)$/en: Ili (Yili)/' places.txt && "
       "sed -i '0,/^note.ug: /s//note.ug: ئىلى. /' places.txt && "
       "sed -i 's/^en: Back$/en: Go back/' strings.txt && "
       "sed -i '0,/^title.en: /s//title.en: The /' about.txt && "
       "sed -i 's/^idle-timeout: .*/idle-timeout: 120/' exhibit.txt && "
       "sed -i 's/\\[81.2777,/[81.3,/' map/towns.geojson && "
       "sed -i '0,/^The work team of the Ministries/s//THE work team of "
       "the Ministries/' report/en.txt", root, c);
    CHECK(import("s6", "ch", NULL) == 0, "the changed stick installs");
    char *r = report("s6");
    static const char *const want[] = {
        "Updated to release 2: 1 passage changed, 0 added, 0 removed; "
        "other changes listed in the report",
        "The kiosk now shows release 2 (",
        "Changes from release 1, the one before",
        "  passage changed: arrival — en\n",
        "  place changed: tacheng-prefecture — note.ug\n",
        "  place changed: yili — name.en\n",
        "  interface string changed: nav.back — en\n",
        "  About section changed: citation — title.en\n",
        "  settings changed: exhibit.txt — idle-timeout\n",
        "  map feature changed: yining — shape (map/towns.geojson)\n",
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        CHECK(r && strstr(r, want[i]), "the report has '%s':\n%s", want[i],
              r ? r : "");
    free(r);
    char p[4200];
    size_t len;
    snprintf(p, sizeof p, "%s/ch/import-status", root);
    char *st = check_read_file(p, &len);
    CHECK(st && strstr(st, "done 100 Updated to release 2") &&
              strstr(st, "\trelease=2 shown=2 changed=1 added=0 removed=0 "
                         "other=6 errors=0"),
          "the status line carries the facts: %s", st ? st : "");
    free(st);

    /* Refused: the report says the kiosk still shows release 2. */
    sh("sed -i '0,/^note.en:/s//nots.en:/' %s/s6/%s/places.txt", root, c);
    CHECK(import("s6", "ch", NULL) == 1, "an invalid stick is refused");
    r = report("s6");
    CHECK(r && strstr(r, "The kiosk still shows release 2; nothing on it "
                         "changed."),
          "the refused import says which release is shown:\n%s",
          r ? r : "");
    free(r);
    st = check_read_file(p, &len);
    CHECK(st && strstr(st, "failed 100 Not installed: 2 errors") &&
              strstr(st, "\trelease=0 shown=2 "),
          "the failed status line carries the facts: %s", st ? st : "");
    free(st);
}

/* The on-screen result in the visitor's language: the exhibit's import.*
 * strings filled with the status line's facts; the status's English when
 * there are no facts or no strings. */
static void test_panel_words(void)
{
    struct diag_list d;
    diag_list_init(&d);
    struct exhibit *ex = content_load("content", fonts, &d);
    diag_list_fini(&d);
    CHECK(ex != NULL, "the shipped content loads");
    if (!ex)
        return;
    static const struct {
        const char *status;
        enum text_lang lang;
        bool finished, failed;
        const char *want;
    } cases[] = {
        {"done 100 Updated to release 4: 1 passage changed, 2 added, 0 "
         "removed\trelease=4 shown=4 changed=1 added=2 removed=0 other=0 "
         "errors=0", TEXT_LANG_ZH, true, false,
         "展览已更新到第 4 版。段落：修改 1，新增 2，删除 0。"},
        {"done 100 Updated to release 4: 1 passage changed, 2 added, 0 "
         "removed\trelease=4 shown=4 changed=1 added=2 removed=0 other=3 "
         "errors=0", TEXT_LANG_EN, true, false,
         "The exhibit is updated to release 4. Passages changed: 1, added: "
         "2, removed: 0. Other changes: 3 (listed in KIOSK-REPORT.txt on "
         "the stick)."},
        {"done 100 Updated to release 4: 1 passage changed, 2 added, 0 "
         "removed\trelease=4 shown=4 changed=1 added=2 removed=0 other=0 "
         "errors=0", TEXT_LANG_UG, true, false,
         "كۆرگەزمە 4-نەشرىگە يېڭىلاندى. بۆلەكلەر: ئۆزگەرتىلگىنى 1، "
         "قوشۇلغىنى 2، ئۆچۈرۈلگىنى 0."},
        {"failed 100 Not installed: 3 errors — see KIOSK-REPORT.txt on the "
         "stick\trelease=0 shown=2 changed=0 added=0 removed=0 other=0 "
         "errors=3 unwritten=1 stats-only=0", TEXT_LANG_ZH, true, true,
         "未安装：发现 3 个问题。展览保持不变；详见U盘上的 KIOSK-REPORT.txt。"
         " 有 1 个文件无法写入U盘（U盘已满或只读？）。"},
        {"done 100 Nothing to install; usage statistics written to "
         "KIOSK-STATS.csv\trelease=0 shown=2 changed=0 added=0 removed=0 "
         "other=0 errors=0 unwritten=0 stats-only=1", TEXT_LANG_UG, true,
         false, "ئورنىتىدىغان مەزمۇن يوق؛ ئىشلىتىش ستاتىستىكىسى USB "
                "دىسكىغا يېزىلدى."},
        {"checking 40 ", TEXT_LANG_ZH, false, false,
         "正在从U盘更新展览：检查中…"},
        /* An older status without facts: its own English line. */
        {"done 100 Updated to release 4: 1 passage changed", TEXT_LANG_ZH,
         true, false, "Updated to release 4: 1 passage changed"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char out[1200];
        bool failed;
        enum text_lang in;
        bool finished = ui_import_panel_words(cases[i].status, ex,
                                              cases[i].lang, out, sizeof out,
                                              &failed, &in);
        bool english = i + 1 == sizeof cases / sizeof *cases;
        CHECK(finished == cases[i].finished && failed == cases[i].failed &&
                  strcmp(out, cases[i].want) == 0 &&
                  in == (english ? TEXT_LANG_EN : cases[i].lang),
              "panel words %zu in %s: '%s' (want '%s')", i,
              text_lang_code(cases[i].lang), out, cases[i].want);
    }
    /* No exhibit (nothing shown yet): the English line. */
    char out[600];
    bool failed;
    enum text_lang in;
    ui_import_panel_words(cases[0].status, NULL, TEXT_LANG_UG, out,
                          sizeof out, &failed, &in);
    CHECK(strcmp(out, "Updated to release 4: 1 passage changed, 2 added, 0 "
                      "removed") == 0 && in == TEXT_LANG_EN,
          "without an exhibit the panel shows the English line: '%s'", out);
    /* The real status line of an import, worded in Chinese. */
    char p[4200];
    size_t len;
    snprintf(p, sizeof p, "%s/ch/import-status", root);
    char *st = check_read_file(p, &len);
    if (st)
        ui_import_panel_words(st, ex, TEXT_LANG_ZH, out, sizeof out, &failed,
                              &in);
    CHECK(st && failed && strstr(out, "未安装：发现 2 个问题"),
          "the refused import's status, in Chinese: '%s'", st ? out : "");
    free(st);
    content_destroy(ex);
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

/* Hostile sticks, one row each: how it is made -- a shell command run in
 * a fresh stick holding the shipped content --, the words the stick's
 * report must have, and who imports it (a command put before the import;
 * NULL: this user).  Each must be refused with that report, within 5 s,
 * and release 1 stay current. */
struct hostile_stick {
    const char *name, *make, *words, *as;
};

static const struct hostile_stick hostile_sticks[] = {
    {"a link to /etc",
     "ln -s /etc/passwd kiosk-content/about.txt.link && rm "
     "kiosk-content/about.txt && mv kiosk-content/about.txt.link "
     "kiosk-content/about.txt",
     "links are never followed", NULL},
    {"the content folder is a link out of the stick",
     "rm -rf kiosk-content && ln -s ../../../etc kiosk-content",
     "no folder named 'kiosk-content'", NULL},
    {"a 2 GB sparse file", "truncate -s 2G kiosk-content/map/huge.geojson",
     "GiB; content files are a few MiB at most", NULL},
    {"100,000 tiny files",
     "mkdir kiosk-content/many && cd kiosk-content/many && "
     "seq 1 100000 | xargs touch",
     "more than 256 files", NULL},
    {"a name with a newline", "touch \"kiosk-content/bad$(printf '\\nname')\"",
     "contains a line break", NULL},
    {"an empty stick", "rm -rf kiosk-content",
     "no folder named 'kiosk-content'", NULL},
    {"two content folders",
     "mkdir -p other && cp -r kiosk-content other/kiosk-content",
     "a second 'kiosk-content' folder", NULL},
    {"a pipe", "mkfifo kiosk-content/pipe.txt", "not a regular file", NULL},
    /* Unreadable: as root every file is readable, so the import runs as
     * the unprivileged user nobody, like the kiosk's import service (the
     * test's folders, `..`, opened to it). */
    {"an unreadable file",
     "chmod -R a+rwX .. && chmod 000 kiosk-content/about.txt",
     "about.txt: error: cannot read this file",
     "setpriv --reuid=65534 --regid=65534 --clear-groups"},
};

/* Makes stick "h", imports it into "ho"; three checks. */
static void hostile(const struct hostile_stick *c)
{
    make_stick("h");
    sh("cd %s/h && %s", root, c->make);
    time_t w0 = time(NULL);
    int rc = import("h", "ho", c->as);
    char *r = report("h");
    CHECK(rc == 1 && r && strstr(r, c->words), "%s: refused with '%s'%s%s",
          c->name, c->words, r ? ":\n" : "", r ? r : "");
    CHECK(time(NULL) - w0 <= 5, "%s: refused quickly", c->name);
    free(r);
    unsigned cur;
    CHECK(consistent("ho", &cur) && cur == 1, "%s: release 1 stays",
          c->name);
}

static void test_hostile(void)
{
    make_stick("h");
    import("h", "ho", NULL);
    for (size_t i = 0; i < sizeof hostile_sticks / sizeof *hostile_sticks;
         i++)
        hostile(&hostile_sticks[i]);
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

/* Release ids past 9999: the folder names the printer makes are the ones
 * the parser takes, and 9998, 9999, 10000, 10001 install, switch, list,
 * roll back and prune in numeric order through the real import. */
static void test_release_ids(void)
{
    static const struct {
        const char *name;
        unsigned id; /* 0: not a release */
    } names[] = {
        {"0001", 1}, {"0042", 42}, {"9999", 9999}, {"10000", 10000},
        {"123456789", 123456789}, {"999999999", RELEASE_ID_MAX},
        {"0000", 0}, {"001", 0}, {"1", 0}, {"00010", 0}, {"010000", 0},
        {"1234567890", 0}, {"99999999999999999999", 0}, {"12a4", 0},
        {"+123", 0}, {" 123", 0}, {"-001", 0}, {"0x10", 0}, {"", 0},
    };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        unsigned id = 0;
        bool ok = release_id_parse(names[i].name, &id);
        CHECK(names[i].id ? ok && id == names[i].id : !ok,
              "release id '%s': %s %u", names[i].name, ok ? "yes" : "no",
              id);
        char path[64];
        if (ok) { /* and the printer prints it back */
            release_path("", id, path, sizeof path);
            CHECK(strcmp(path + strlen("/releases/"), names[i].name) == 0,
                  "release_path(%u) is %s", id, path);
        }
    }

    char state[4200];
    snprintf(state, sizeof state, "%s/ids", root);
    make_stick("i1");
    CHECK(import("i1", "ids", NULL) == 0, "a first release");
    sh("mv %s/releases/0001 %s/releases/9997", state, state);
    CHECK(release_switch(state, 9997) && release_current(state) == 9997,
          "release 9997 is current");
    for (unsigned want = 9998; want <= 10001; want++) {
        int rc = import("i1", "ids", NULL);
        unsigned cur = 0;
        char *r = report("i1");
        char says[64];
        snprintf(says, sizeof says, "Updated to release %u:", want);
        CHECK(rc == 0 && consistent("ids", &cur) && cur == want && r &&
                  strstr(r, says),
              "the import after %u installs %u (rc %d, current %u)",
              want - 1, want, rc, cur);
        free(r);
    }
    struct release_info list[8];
    size_t n = release_list(state, list, 8);
    CHECK(n == 5 && list[0].id == 9997 && list[1].id == 9998 &&
              list[2].id == 9999 && list[3].id == 10000 &&
              list[4].id == 10001,
          "five releases, in numeric order: %zu (%u %u %u %u %u)", n,
          list[0].id, list[1].id, list[2].id, list[3].id, list[4].id);
    CHECK(release_newest(state) == 10001 && release_previous(state) == 10000,
          "newest 10001, previous 10000");
    char cmd[4400];
    snprintf(cmd, sizeof cmd, "build/test/kiosk releases --state-dir %s | "
             "sed -E 's/^(.) +([0-9]+) .*/\\1\\2/' | tr '\\n' ,", state);
    char *out = NULL;
    check_run(cmd, &out);
    CHECK(out && strcmp(out, " 9997, 9998, 9999, 10000,*10001,") == 0,
          "kiosk releases lists them in order, 10001 current: '%s'",
          out ? out : "");
    free(out);
    /* Rollback goes to the release before the current, by number. */
    for (unsigned want = 10000; want >= 9999; want--) {
        CHECK(sh("build/test/kiosk rollback --state-dir %s >%s/out.txt",
                 state, root) == 0 && release_current(state) == want,
              "rollback to %u (current %u)", want, release_current(state));
    }
    /* The next import is newest + 1; pruning drops the oldest, 9997. */
    unsigned cur = 0;
    CHECK(import("i1", "ids", NULL) == 0 && consistent("ids", &cur) &&
              cur == 10002,
          "after rolling back, the next import is 10002 (%u)", cur);
    n = release_list(state, list, 8);
    CHECK(n == 5 && list[0].id == 9998 && list[4].id == 10002 &&
              sh("test -z \"$(ls -A %s/trash)\"", state) == 0,
          "9997 pruned, the trash emptied: %zu from %u to %u", n,
          list[0].id, list[n ? n - 1 : 0].id);
    /* The last id: refused, not wrapped round to 0. */
    sh("mkdir -p %s/releases/999999999", state);
    CHECK(import("i1", "ids", NULL) == 1 && release_current(state) == 10002,
          "with release 999999999 there, the import refuses");
    char *r = report("i1");
    CHECK(r && strstr(r, "the release numbers are used up (release "
                         "999999999 is there)"),
          "and says why:\n%s", r ? r : "");
    free(r);
}

/* .release keeps the source escaped, so no path can forge the lines
 * after it; the reader gives back the path as it was. */
static void test_release_source(void)
{
    static const char *const sources[] = {
        "/media/usb/kiosk-content",
        "/m/a\ndate: 1999-01-01T00:00:00Z\npassages: 999\nplaces: 999",
        "/m/\r\x1B[2J\x7F\xC2\x85\xE2\x80\xAEtxt.exe\xE2\x81\xA6",
        "/m/back\\slash \"quoted\" \\x41 \\u202E \xFF\xFE \xE5\xB7\xA5",
    };
    char dir[4200];
    snprintf(dir, sizeof dir, "%s/rs/releases/0001", root);
    sh("mkdir -p %s", dir);
    for (size_t i = 0; i < sizeof sources / sizeof *sources; i++) {
        struct release_info w = {.id = 1, .passages = 14, .places = 11};
        snprintf(w.date, sizeof w.date, "2026-05-29T10:00:00Z");
        snprintf(w.source, sizeof w.source, "%s", sources[i]);
        CHECK(release_write_info(dir, &w), "write .release %zu", i);
        char state[4200];
        snprintf(state, sizeof state, "%s/rs", root);
        struct release_info r[2];
        size_t n = release_list(state, r, 2);
        CHECK(n == 1 && strcmp(r[0].source, sources[i]) == 0 &&
                  strcmp(r[0].date, w.date) == 0 && r[0].passages == 14 &&
                  r[0].places == 11,
              "source %zu comes back as it was, date and counts unforged "
              "('%s', %s, %u, %u)", i, r[0].source, r[0].date,
              r[0].passages, r[0].places);
        CHECK(sh("test $(wc -l < %s/.release) -eq 5", dir) == 0,
              "source %zu: .release has its five lines", i);
    }
    /* A .release from before the escaping: the source bare, the first of
     * each key counts. */
    sh("printf 'id: 1\\ndate: 2026-01-02T03:04:05Z\\nsource: /media/old\\n"
       "date: 1999-01-01T00:00:00Z\\npassages: 7\\nplaces: x\\n' > "
       "%s/.release", dir);
    char state[4200];
    snprintf(state, sizeof state, "%s/rs", root);
    struct release_info r[1];
    release_list(state, r, 1);
    CHECK(strcmp(r[0].source, "/media/old") == 0 &&
              strcmp(r[0].date, "2026-01-02T03:04:05Z") == 0 &&
              r[0].passages == 7 && r[0].places == 0,
          "an old .release reads: '%s' %s %u %u", r[0].source, r[0].date,
          r[0].passages, r[0].places);

    /* End to end: the stick mounted at a path with line breaks. */
    int rc = sh("s=\"%s/$(printf 'st\\nsource: forged\\ndate: "
                "1999-01-01T00:00:00Z\\npassages: 999')\" && mkdir -p \"$s\" "
                "&& cp -r content \"$s/kiosk-content\" && build/test/kiosk "
                "import \"$s\" --state-dir %s/fs >%s/out.txt 2>&1", root, root,
                root);
    char cmd[4400], *out = NULL;
    snprintf(cmd, sizeof cmd, "build/test/kiosk releases --state-dir %s/fs",
             root);
    check_run(cmd, &out);
    size_t lines = 0;
    for (const char *p = out; p && *p; p++)
        lines += *p == '\n';
    CHECK(rc == 0 && out && lines == 1 && strncmp(out, "*    1  20", 10) == 0 &&
              strstr(out, " 14 passages") &&
              strstr(out, "/st\\x0Asource: forged\\x0Adate: 1999"),
          "kiosk releases shows one line, the real date and counts, the "
          "path escaped (rc %d):\n%s", rc, out ? out : "");
    free(out);
}

/* Names on the stick that could show as something they are not -- line
 * breaks, controls, bidi overrides, bytes that are not UTF-8 -- in the
 * folder around kiosk-content or inside it: refused, named, escaped; two
 * hostile sticks a name. */
static void test_hostile_names(void)
{
    char ho[4200];
    snprintf(ho, sizeof ho, "%s/ho", root);
    if (!release_current(ho)) {
        make_stick("h");
        import("h", "ho", NULL);
    }
    static const struct {
        const char *printf_name, *shown, *why;
    } names[] = {
        {"a\\nb", "a\\x0Ab", "a line break (U+000A)"},
        {"a\\rb", "a\\x0Db", "a line break (U+000D)"},
        {"\\033[31mred", "\\x1B[31mred", "a control character (U+001B)"},
        {"x\\342\\200\\256txt.exe", "x\\u202Etxt.exe",
         "a bidirectional control (U+202E)"},
        {"\\342\\201\\246i", "\\u2066i", "a bidirectional control (U+2066)"},
        {"bad\\377name", "bad\\xFFname", "bytes that are not UTF-8 (\\xFF)"},
        {"c1\\302\\205", "c1\\u0085", "a control character (U+0085)"},
    };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        char make[600], words[400];
        snprintf(make, sizeof make, "n=\"$(printf '%s')\" && mkdir \"$n\" "
                 "&& mv kiosk-content \"$n/\"", names[i].printf_name);
        snprintf(words, sizeof words, "the name of the folder holding "
                 "kiosk-content '%s' contains %s", names[i].shown,
                 names[i].why);
        hostile(&(struct hostile_stick){"the folder around kiosk-content",
                                        make, words, NULL});
        snprintf(make, sizeof make, "touch \"kiosk-content/report/$(printf "
                 "'%s')\"", names[i].printf_name);
        snprintf(words, sizeof words, "kiosk-content/report: error: the "
                 "file name '%s' contains %s", names[i].shown, names[i].why);
        hostile(&(struct hostile_stick){"a file in kiosk-content", make,
                                        words, NULL});
    }
    CHECK(sh("grep -rl \"$(printf '\\342\\200\\256')\" %s/releases", ho) != 0,
          "no release holds a name with U+202E");
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
    test_report_changes();
    test_panel_words();
    test_power_cuts();
    test_full_disk();
    test_hostile();
    test_fallback();
    test_needs_fonts();
    test_first_boot();
    test_planted();
    test_swap_race();
    test_release_ids();
    test_release_source();
    test_hostile_names();
    sh("rm -rf %s", root);
    text_fonts_destroy(fonts);
    return check_finish("test_import");
}
