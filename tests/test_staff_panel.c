/* test_staff_panel.c: the staff panel, played by `kiosk render --script`
 * with a kiosk.conf, asserting the state dumps.
 *
 * The hidden gesture and what does not count as it; the PIN (right,
 * wrong, three wrong and the minute's lock-out, none configured); that
 * the exhibit behind is untouched; the pages (diagnostics from the state
 * folder, the 14-day chart from real statistics files, the touch test);
 * the actions (a rollback that switches `current`, restart and console
 * asked of the main loop, each only on a second tap within 5 s); closing
 * by itself when nobody touches it.  Then the pieces: the chart's scale
 * and geometry, every staff text drawable in its language, the
 * staff-pin-hash key of kiosk.conf and the command that makes it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <SDL_image.h>
#include <jansson.h>

#include "app/config.h"
#include "ops/status.h"
#include "state/staff_pin.h"
#include "state/stats.h"
#include "check.h"
#include "play.h"
#include "proc.h"
#include "shipped.h"
#include "ui/bar_chart.h"
#include "ui/staff_text.h"

#define PIN "2468"

static char dir[] = "/tmp/kiosk-test-staff-XXXXXX";
static char conf[600], conf_nopin[600], state_dir[600];

/* Writes a kiosk.conf at path: the state folder, and the PIN's hash line
 * from `kiosk staff-pin-hash` unless pin is NULL. */
static void write_conf(const char *path, const char *pin)
{
    proc_sh("printf 'state-dir: %s\\n' > '%s'", state_dir, path);
    if (pin) {
        CHECK(proc_sh("echo %s | build/test/kiosk staff-pin-hash >> '%s'",
                      pin, path) == 0,
              "kiosk staff-pin-hash writes the line");
    }
}

/* Plays `script` with config `cf` at 1920x1080. */
static bool play(const char *name, const char *cf, const char *script)
{
    char args[700];
    snprintf(args, sizeof args, "--config '%s'", cf);
    return play_script(dir, name, args, "1920x1080", script);
}

static json_t *state(const char *name)
{
    return play_state(dir, name);
}

static json_t *staff(json_t *j)
{
    json_t *s = json_object_get(j, "staff");
    return s ? s : json_object();
}

static bool is_open(json_t *j)
{
    return json_is_true(json_object_get(staff(j), "open"));
}

/* Targets that are not the staff's while the staff screens are open. */
static size_t foreign_targets(json_t *j)
{
    json_t *t = json_object_get(j, "targets"), *v;
    size_t i, n = 0;
    json_array_foreach(t, i, v) {
        n += strncmp(json_string_value(json_object_get(v, "id")), "staff:",
                     6) != 0;
    }
    return n;
}

/* The gesture: two fingers in the top corners held 5.1 s. */
#define HOLD "down 1 30 30\ndown 2 1890 30\nwait 5100\nup 1\nup 2\n"
#define ENTER_PIN                                                           \
    "tap-id staff:key:2\ntap-id staff:key:4\ntap-id staff:key:6\n"          \
    "tap-id staff:key:8\ntap-id staff:pin:ok\n"
#define WRONG_PIN "tap-id staff:key:1\ntap-id staff:key:3\ntap-id staff:pin:ok\n"

static void test_gesture(void)
{
    if (!play("gesture", conf,
              "state attract\n"
              HOLD "state opened\n"
              "tap-id staff:pin:cancel\nstate cancelled\n"
              /* not the gesture: */
              "down 1 30 30\nwait 6000\nup 1\nstate one\n"
              "down 1 30 30\ndown 2 1890 30\nwait 4800\nup 1\nup 2\n"
              "wait 500\nstate short\n"
              "down 1 30 30\ndown 2 90 90\nwait 6000\nup 1\nup 2\n"
              "state same-corner\n"
              "down 1 30 30\ndown 2 1890 30\nwait 1000\nmove 2 1800 200\n"
              "wait 5000\nup 1\nup 2\nstate moved\n"
              "down 1 30 30\ndown 2 1890 30\ndown 3 960 540\nwait 6000\n"
              "up 1\nup 2\nup 3\nstate three\n"
              "down 1 30 1050\ndown 2 1890 1050\nwait 6000\nup 1\nup 2\n"
              "state bottom\n"))
        return;
    json_t *a = state("attract"), *o = state("opened"),
           *c = state("cancelled");
    CHECK(!is_open(a) && strcmp(play_str(a, "screen"), "attract") == 0,
          "closed on Attract to begin with");
    CHECK(is_open(o) && strcmp(play_str(staff(o), "view"), "pin") == 0,
          "two fingers held 5 s in the top corners open the keypad");
    CHECK(strcmp(play_str(o, "screen"), "attract") == 0,
          "the gesture's touches did nothing to the exhibit (still "
          "Attract: %s)", play_str(o, "screen"));
    CHECK(play_has_target(o, "staff:key:0") && play_has_target(o, "staff:key:9") &&
              play_has_target(o, "staff:pin:ok") &&
              play_has_target(o, "staff:pin:cancel") && foreign_targets(o) == 0,
          "the keypad's keys, OK and Cancel are the only targets");
    CHECK(!is_open(c), "Cancel closes the keypad");
    static const char *const not_it[] = {"one", "short", "same-corner",
                                         "moved", "three", "bottom"};
    for (size_t i = 0; i < 6; i++) {
        json_t *j = state(not_it[i]);
        CHECK(!is_open(j), "not the gesture: %s", not_it[i]);
        json_decref(j);
    }
    json_decref(a);
    json_decref(o);
    json_decref(c);
}

static void test_pin(void)
{
    if (!play("pin", conf,
              "tap 960 540\n" HOLD
              "tap-id staff:key:2\ntap-id staff:key:4\nstate two\n"
              "tap-id staff:key:back\nstate one\n"
              "tap-id staff:key:clear\ntap-id staff:pin:ok\nstate empty\n"
              WRONG_PIN "state wrong1\n"
              ENTER_PIN "state panel\n"
              "tap 960 540\ntap 100 1000\nstate panel-taps\n"
              "tap-id staff:close\nstate closed\n"))
        return;
    json_t *two = state("two"), *one = state("one"), *e = state("empty"),
           *w1 = state("wrong1"), *p = state("panel"),
           *pt = state("panel-taps"), *cl = state("closed");
    CHECK(play_int(staff(two), "digits") == 2 && play_int(staff(one), "digits") == 1,
          "keys type digits, Delete erases one (%ld, %ld)",
          play_int(staff(two), "digits"), play_int(staff(one), "digits"));
    CHECK(play_int(staff(e), "digits") == 0 &&
              strcmp(play_str(staff(e), "view"), "pin") == 0 &&
              strcmp(play_str(staff(e), "message"), "") == 0,
          "Clear erases all; OK with nothing typed does nothing");
    CHECK(strcmp(play_str(staff(w1), "view"), "pin") == 0 &&
              strstr(play_str(staff(w1), "message"), "2 tries left") &&
              play_int(staff(w1), "digits") == 0,
          "a wrong PIN is refused, says 2 tries left, and is wiped (%s)",
          play_str(staff(w1), "message"));
    CHECK(strcmp(play_str(staff(p), "view"), "panel") == 0 &&
              strcmp(play_str(staff(p), "page"), "diag") == 0,
          "the right PIN opens the panel on diagnostics");
    CHECK(play_has_target(p, "staff:tab:stats") && play_has_target(p, "staff:close") &&
              foreign_targets(p) == 0,
          "the panel's tabs and Close; none of the exhibit's targets");
    CHECK(strcmp(play_str(pt, "screen"), "home") == 0 && is_open(pt),
          "taps on the panel never reach the exhibit behind it (%s)",
          play_str(pt, "screen"));
    CHECK(!is_open(cl) && strcmp(play_str(cl, "screen"), "home") == 0,
          "Close returns to the exhibit where it was");
    json_decref(two);
    json_decref(one);
    json_decref(e);
    json_decref(w1);
    json_decref(p);
    json_decref(pt);
    json_decref(cl);
}

static void test_lockout(void)
{
    if (!play("lock", conf,
              HOLD WRONG_PIN WRONG_PIN "state two-wrong\n"
              WRONG_PIN "state locked\n"
              "tap-id staff:pin:cancel\n" HOLD "state reopened\n"
              "wait 20000\nstate half\n"
              "tap-id staff:pin:cancel\nwait 35000\n" HOLD "state later\n"
              ENTER_PIN "state opened\n"))
        return;
    json_t *t = state("two-wrong"), *l = state("locked"),
           *r = state("reopened"), *h = state("half"), *later = state("later"),
           *o = state("opened");
    CHECK(strstr(play_str(staff(t), "message"), "1 tries left") != NULL,
          "after two wrong PINs, one try is left (%s)",
          play_str(staff(t), "message"));
    long ms = play_int(staff(l), "locked_ms");
    CHECK(ms > 59000 && ms <= 60000 &&
              strstr(play_str(staff(l), "message"), "Try again in 60 s"),
          "the third wrong PIN locks the keypad for a minute (%ld ms, %s)",
          ms, play_str(staff(l), "message"));
    CHECK(!play_has_target(l, "staff:key:5") && !play_has_target(l, "staff:pin:ok") &&
              play_has_target(l, "staff:pin:cancel"),
          "locked: the keys and OK do nothing, Cancel still works");
    CHECK(is_open(r) && play_int(staff(r), "locked_ms") > 50000 &&
              !play_has_target(r, "staff:key:1"),
          "closing and opening again does not lift the lock (%ld ms)",
          play_int(staff(r), "locked_ms"));
    CHECK(strstr(play_str(staff(h), "message"), "Try again in 3") != NULL,
          "the countdown follows the time (%s)", play_str(staff(h), "message"));
    CHECK(play_int(staff(later), "locked_ms") == 0 &&
              play_has_target(later, "staff:key:1") &&
              strcmp(play_str(staff(later), "message"), "") == 0,
          "after the minute the keys come back");
    CHECK(strcmp(play_str(staff(o), "view"), "panel") == 0,
          "and the right PIN opens the panel");
    json_decref(t);
    json_decref(l);
    json_decref(r);
    json_decref(h);
    json_decref(later);
    json_decref(o);
}

static void test_no_pin(void)
{
    if (!play("nopin", conf_nopin, HOLD "state open\n"))
        return;
    json_t *j = state("open");
    CHECK(is_open(j) && strstr(play_str(staff(j), "message"), "staff-pin-hash") &&
              !play_has_target(j, "staff:key:1") && !play_has_target(j, "staff:pin:ok") &&
              play_has_target(j, "staff:pin:cancel"),
          "without a PIN hash the keypad says how to set one and cannot "
          "open (%s)", play_str(staff(j), "message"));
    json_decref(j);
}

static void test_idle(void)
{
    if (!play("idle", conf,
              "tap 960 540\n" HOLD "wait 29000\nstate pin-29\n"
              "wait 1500\nstate pin-31\n"
              HOLD ENTER_PIN "wait 119000\nstate panel-119\n"
              "wait 1500\nstate panel-121\n"))
        return;
    json_t *a = state("pin-29"), *b = state("pin-31"),
           *c = state("panel-119"), *d = state("panel-121");
    CHECK(is_open(a) && !is_open(b),
          "the keypad closes after 30 s without a touch");
    CHECK(is_open(c) && !is_open(d),
          "the panel closes after 2 min without a touch");
    CHECK(strcmp(play_str(d, "screen"), "home") == 0 &&
              !json_is_true(json_object_get(json_object_get(d, "idle"),
                                            "prompt")),
          "the exhibit waited behind it: Home, no idle prompt yet (%s)",
          play_str(d, "screen"));
    json_decref(a);
    json_decref(b);
    json_decref(c);
    json_decref(d);
}

static void test_actions(void)
{
    if (!play("actions", conf,
              HOLD ENTER_PIN "tap-id staff:tab:actions\nstate page\n"
              "tap-id staff:action:restart\nstate armed\n"
              "wait 5200\nstate expired\n"
              "tap-id staff:action:restart\ntap-id staff:action:restart\n"
              "state restart\n"))
        return;
    json_t *p = state("page"), *a = state("armed"), *e = state("expired"),
           *r = state("restart");
    CHECK(play_has_target(p, "staff:action:restart") &&
              play_has_target(p, "staff:action:console") &&
              !play_has_target(p, "staff:action:rollback") &&
              play_int(staff(p), "rollback_to") == 0,
          "the actions page: restart, console; no rollback without an "
          "earlier release");
    CHECK(strcmp(play_str(staff(a), "armed"), "staff:action:restart") == 0 &&
              strcmp(play_str(staff(a), "action"), "none") == 0,
          "one tap only asks for a second");
    CHECK(strcmp(play_str(staff(e), "armed"), "") == 0 &&
              strcmp(play_str(staff(e), "action"), "none") == 0,
          "the question goes away after 5 s");
    CHECK(strcmp(play_str(staff(r), "action"), "restart") == 0,
          "two taps ask the main loop to restart (%s)",
          play_str(staff(r), "action"));
    json_decref(p);
    json_decref(a);
    json_decref(e);
    json_decref(r);
    if (!play("console", conf,
              HOLD ENTER_PIN "tap-id staff:tab:actions\n"
              "tap-id staff:action:console\ntap-id staff:action:console\n"
              "state console\n"))
        return;
    json_t *c = state("console");
    CHECK(strcmp(play_str(staff(c), "action"), "console") == 0,
          "two taps on the console ask to leave for it");
    json_decref(c);
}

/* Two releases, `current` at the second: the panel rolls back to the
 * first and says so; the diagnostics name the current release. */
static void test_rollback(void)
{
    if (!CHECK(proc_sh("mkdir -p '%s/stick' && cp -r content "
                       "'%s/stick/kiosk-content' && build/test/kiosk import "
                       "'%s/stick' --state-dir '%s' >/dev/null && "
                       "build/test/kiosk import '%s/stick' --state-dir '%s' "
                       ">/dev/null", dir, dir, dir, state_dir, dir,
                       state_dir) == 0,
               "two releases installed"))
        return;
    if (!play("rollback", conf,
              HOLD ENTER_PIN "state diag\n"
              "tap-id staff:tab:actions\nstate page\n"
              "tap-id staff:action:rollback\nstate armed\n"
              "tap-id staff:action:rollback\nstate done\n"
              "tap-id staff:tab:diag\nstate diag-after\n"))
        return;
    json_t *d = state("diag"), *p = state("page"), *a = state("armed"),
           *done = state("done");
    json_t *diag = json_object_get(staff(d), "diagnostics");
    CHECK(strncmp(play_str(diag, "Release"), "2 ", 2) == 0,
          "diagnostics: release 2 is current (%s)", play_str(diag, "Release"));
    const char *folder = play_str(diag, "Content");
    CHECK(strlen(folder) > 13 &&
              strcmp(folder + strlen(folder) - 13, "releases/0002") == 0,
          "diagnostics: its folder (%s)", folder);
    CHECK(strstr(play_str(diag, "Version"), "(") != NULL &&
              strstr(play_str(diag, "Memory"), "MB") != NULL &&
              strstr(play_str(diag, "Screen"), "1920x1080") != NULL &&
              strstr(play_str(diag, "Uptime"), "0:00:") != NULL,
          "diagnostics: version, memory, screen, uptime");
    char path[700];
    snprintf(path, sizeof path, "%s/last-import.txt", state_dir);
    size_t len;
    char *report = check_read_file(path, &len);
    CHECK(report && strstr(report, "Updated to release 2"),
          "the import kept its report in the state folder");
    free(report);
    CHECK(play_int(staff(p), "rollback_to") == 1, "rollback offers release 1");
    snprintf(path, sizeof path, "%s/current", state_dir);
    char target[256] = "";
    ssize_t n = readlink(path, target, sizeof target - 1);
    target[n > 0 ? n : 0] = '\0';
    CHECK(strcmp(target, "releases/0001") == 0 &&
              strstr(play_str(staff(done), "action_message"),
                     "Rolled back to release 1"),
          "two taps switch `current` to release 1 (%s) and say so (%s)",
          target, play_str(staff(done), "action_message"));
    CHECK(strcmp(play_str(staff(a), "action_message"), "") == 0,
          "one tap did not roll back");
    CHECK(play_int(staff(done), "rollback_to") == 0,
          "release 1 has nothing before it");
    json_t *after = state("diag-after");
    json_t *diag2 = json_object_get(staff(after), "diagnostics");
    const char *folder2 = play_str(diag2, "Content");
    CHECK(strncmp(play_str(diag2, "Release"), "1 ", 2) == 0 &&
              strlen(folder2) > 13 &&
              strcmp(folder2 + strlen(folder2) - 13, "releases/0001") == 0,
          "after the rollback the diagnostics name release 1 (%s, %s)",
          play_str(diag2, "Release"), folder2);
    json_decref(after);
    json_decref(d);
    json_decref(p);
    json_decref(a);
    json_decref(done);
}

/* The status file at path, as the exhibit writes it. */
static void write_status(const char *path, const struct kiosk_status *st)
{
    char *json = status_json(st);
    FILE *f = fopen(path, "w");
    CHECK(f && fputs(json, f) >= 0 && fclose(f) == 0, "%s written", path);
    free(json);
}

/* The display, opening hours and machine rows read the status file the
 * exhibit writes (written here by the same code); a render script reads
 * one only where its kiosk.conf names it. */
static void test_status_rows(void)
{
    char path[700], cf[700];
    snprintf(path, sizeof path, "%s/status.json", dir);
    snprintf(cf, sizeof cf, "%s/status.conf", dir);
    write_conf(cf, PIN);
    proc_sh("printf 'status-file: %s\\n' >> '%s'", path, cf);
    struct kiosk_status st;
    memset(&st, 0, sizeof st);
    st.now = time(NULL);
    st.uptime_s = -1;
    snprintf(st.display_reason, sizeof st.display_reason, "closed");
    snprintf(st.display_by, sizeof st.display_by, "dpms");
    st.schedule_given = true;
    st.change_known = true;
    st.next_change = st.now + 3600;
    st.clock_trusted = true;
    st.has_temp = true;
    st.cpu_mdeg = 51200;
    st.has_throttled = true;
    st.throttled = 0x50000; /* under-voltage and throttling since boot */
    st.has_space = true;
    st.state_free_b = 2500000000ULL;
    st.state_total_b = 8000000000ULL;
    write_status(path, &st);
    if (!play("status-rows", cf, HOLD ENTER_PIN "state diag\n"))
        return;
    json_t *d = state("diag");
    json_t *diag = json_object_get(staff(d), "diagnostics");
    CHECK(strcmp(play_str(diag, "Display"), "off (closed), by dpms") == 0,
          "diagnostics: the display off, why and how (%s)",
          play_str(diag, "Display"));
    CHECK(strncmp(play_str(diag, "Opening hours"), "closed now, changes ",
                  20) == 0,
          "diagnostics: the opening hours now and their next change (%s)",
          play_str(diag, "Opening hours"));
    CHECK(strstr(play_str(diag, "Machine"), "51.2 °C") &&
              strstr(play_str(diag, "Machine"),
                     "throttled since boot (0x50000)") &&
              strstr(play_str(diag, "Machine"), "2.5 GB free, 0 write "
                                                "errors"),
          "diagnostics: temperature, throttling and free space (%s)",
          play_str(diag, "Machine"));
    json_decref(d);

    /* An old status (the exhibit stopped writing it), an untrusted
     * clock: both said. */
    st.now = time(NULL) - 600;
    st.clock_trusted = false;
    write_status(path, &st);
    if (play("status-old", cf, HOLD ENTER_PIN "state diag\n")) {
        d = state("diag");
        diag = json_object_get(staff(d), "diagnostics");
        CHECK(strstr(play_str(diag, "Display"), "s old)") &&
                  strstr(play_str(diag, "Opening hours"),
                         "clock NOT trusted"),
              "diagnostics: a stale status and an untrusted clock (%s; %s)",
              play_str(diag, "Display"), play_str(diag, "Opening hours"));
        json_decref(d);
    }
    unlink(path);
    if (play("status-none", cf, HOLD ENTER_PIN "state diag\n")) {
        d = state("diag");
        diag = json_object_get(staff(d), "diagnostics");
        CHECK(strstr(play_str(diag, "Display"), "no status file") &&
                  strstr(play_str(diag, "Display"), "status.json"),
              "diagnostics: a status file that is not there is named (%s)",
              play_str(diag, "Display"));
        json_decref(d);
    }
    if (play("status-default", conf, HOLD ENTER_PIN "state diag\n")) {
        d = state("diag");
        diag = json_object_get(staff(d), "diagnostics");
        CHECK(json_object_get(diag, "Display") == NULL,
              "a render script without status-file reads no /run/kiosk");
        json_decref(d);
    }
}

/* Sessions on chosen days, written the way the exhibit writes them. */
static void session(int64_t start, const char *lang, uint32_t seconds)
{
    struct stats_session s;
    stats_session_begin(&s, start);
    stats_session_lang(&s, lang);
    stats_session_end(&s, start + seconds);
    char err[256];
    CHECK(stats_append(state_dir, &s, err, sizeof err), "session written");
}

static void test_statistics(void)
{
    int64_t now = (int64_t)time(NULL);
    int64_t today = now - now % 86400;
    /* today: 2 en + 1 ug; 3 days ago: 4 zh, 2 en; 13 days ago: 1 ug;
     * 14 days ago (out of the chart): 5 en. */
    session(today + 60, "en", 100);
    session(today + 120, "en", 200);
    session(today + 180, "ug", 300);
    for (int i = 0; i < 4; i++)
        session(today - 3 * 86400 + 3600 + i, "zh", 60);
    for (int i = 0; i < 2; i++)
        session(today - 3 * 86400 + 7200 + i, "en", 60);
    session(today - 13 * 86400 + 10, "ug", 40);
    for (int i = 0; i < 5; i++)
        session(today - 14 * 86400 + 10 + i, "en", 40);
    if (!play("stats", conf, HOLD ENTER_PIN "tap-id staff:tab:stats\n"
                                          "state chart\nshot chart\n"))
        return;
    json_t *j = state("chart");
    json_t *chart = json_object_get(staff(j), "chart");
    json_t *bars = json_object_get(chart, "bars");
    CHECK(json_array_size(bars) == 14, "14 days (%zu)",
          json_array_size(bars));
    json_t *last = json_array_get(bars, 13), *d3 = json_array_get(bars, 10),
           *d13 = json_array_get(bars, 0);
    CHECK(play_int(last, "en") == 2 && play_int(last, "ug") == 1 &&
              play_int(last, "zh") == 0,
          "today: 2 in English, 1 in Uyghur");
    CHECK(play_int(d3, "zh") == 4 && play_int(d3, "en") == 2,
          "three days ago: 4 in Chinese, 2 in English");
    CHECK(play_int(d13, "ug") == 1, "the oldest day shown: 1 in Uyghur");
    CHECK(play_int(chart, "total") == 10,
          "the total counts the 14 days only (%ld)", play_int(chart, "total"));
    CHECK(play_int(chart, "average_s") == (100 + 200 + 300 + 6 * 60 + 40) / 10,
          "the average visit (%ld s)", play_int(chart, "average_s"));
    CHECK(play_int(chart, "axis_max") == 10, "the scale tops at 10 (%ld)",
          play_int(chart, "axis_max"));
    long h6 = play_int(d3, "height"), h3 = play_int(last, "height"),
         h1 = play_int(d13, "height");
    CHECK(h6 > 0 && labs(h6 - 2 * h3) <= 1 && labs(h3 - 3 * h1) <= 1,
          "bar heights are proportional to visits (%ld, %ld, %ld)", h6, h3,
          h1);
    json_decref(j);
}

static void test_touch_test(void)
{
    if (!play("touch", conf,
              HOLD ENTER_PIN "tap-id staff:tab:touch\n"
              "down 1 400 500\ndown 2 900 600\ndown 3 1500 700\n"
              "state three\nshot touch\nup 2\nstate two\nup 1\nup 3\n"
              "state none\n"))
        return;
    json_t *a = state("three"), *b = state("two"), *c = state("none");
    CHECK(play_int(staff(a), "touches") == 3 && play_int(staff(b), "touches") == 2 &&
              play_int(staff(c), "touches") == 0,
          "the touch test counts the fingers down (3, 2, 0)");
    json_decref(a);
    json_decref(b);
    json_decref(c);
    /* Each finger is drawn where it is: a disc of its colour under it,
     * and the page's paper away from the fingers and their crosshairs. */
    char path[700];
    snprintf(path, sizeof path, "%s/touch.png", dir);
    SDL_Surface *png = IMG_Load(path);
    SDL_Surface *img = png ? SDL_ConvertSurfaceFormat(png,
                                                      SDL_PIXELFORMAT_RGBA32,
                                                      0)
                           : NULL;
    if (!CHECK(img != NULL, "the touch test's screenshot loads"))
        return;
    static const struct {
        int x, y;
        Uint8 r, g, b;
    } at[] = {{400, 500, 168, 52, 36}, {900, 600, 44, 98, 150},
              {1500, 700, 196, 136, 40}, {1200, 400, 246, 240, 228}};
    for (size_t i = 0; i < 4; i++) {
        const Uint8 *px = (const Uint8 *)img->pixels + at[i].y * img->pitch +
                          at[i].x * 4;
        CHECK(px[0] == at[i].r && px[1] == at[i].g && px[2] == at[i].b,
              "touch test pixel at %d,%d is %u,%u,%u (got %u,%u,%u)",
              at[i].x, at[i].y, at[i].r, at[i].g, at[i].b, px[0], px[1],
              px[2]);
    }
    SDL_FreeSurface(img);
    SDL_FreeSurface(png);
}

/* The chart's pieces, without a screen. */
static void test_chart(void)
{
    static const uint32_t in[] = {0, 1, 2, 3, 7, 10, 11, 49, 50, 51, 999};
    static const uint32_t want[] = {1, 1, 2, 5, 10, 10, 20, 50, 50, 100,
                                    1000};
    for (size_t i = 0; i < sizeof in / sizeof *in; i++)
        CHECK(ui_bar_chart_axis_max(in[i]) == want[i],
              "the axis over %u tops at %u (got %u)", in[i], want[i],
              ui_bar_chart_axis_max(in[i]));
    struct text_fonts *fonts = NULL;
    struct exhibit *ex = NULL;
    if (!shipped_load(&fonts, &ex))
        return;
    struct ui_bar_chart c = {0};
    uint32_t v[3][UI_CHART_STACKS] = {{1, 2, 3}, {0, 0, 0}, {4, 0, 1}};
    SDL_Color col[3] = {{255, 0, 0, 255}, {0, 255, 0, 255},
                        {0, 0, 255, 255}};
    const char *labels[3] = {"a", "b", "c"};
    for (int rtl = 0; rtl < 2; rtl++) {
        ui_bar_chart_set(&c, fonts, rtl ? TEXT_LANG_UG : TEXT_LANG_EN,
                         (SDL_Rect){100, 50, 600, 400}, 3, v, col, labels,
                         20);
        SDL_Rect s0 = ui_bar_chart_segment(&c, 0, 0),
                 s1 = ui_bar_chart_segment(&c, 0, 1),
                 s2 = ui_bar_chart_segment(&c, 0, 2),
                 e = ui_bar_chart_segment(&c, 1, 0),
                 t0 = ui_bar_chart_segment(&c, 2, 0);
        int base = c.plot.y + c.plot.h;
        CHECK(s0.y + s0.h == base && s1.y + s1.h == s0.y &&
                  s2.y + s2.h == s1.y,
              "segments stack from the baseline without gaps (rtl %d)",
              rtl);
        CHECK(s2.y == c.plot.y + c.plot.h * 4 / 10,
              "a total of 6 on a scale of 10 is 60%% high (rtl %d)", rtl);
        CHECK(e.h == 0, "an empty day has no bar");
        CHECK(rtl ? s0.x > t0.x : s0.x < t0.x,
              "time runs in reading order (rtl %d)", rtl);
        CHECK(c.label[0] && c.total[0] && !c.total[1] && c.axis_label,
              "labels under bars, totals above non-empty ones, the scale");
    }
    ui_bar_chart_fini(&c);
    content_destroy(ex);
    text_fonts_destroy(fonts);
}

/* Every staff text has a glyph for each character in its language. */
static void test_texts(void)
{
    struct text_fonts *fonts = NULL;
    struct exhibit *ex = NULL;
    if (!shipped_load(&fonts, &ex))
        return;
    const struct text_role *ui = text_fonts_role(fonts, "ui");
    size_t bad = 0, empty = 0;
    for (int id = 0; id < UI_ST_COUNT; id++) {
        for (int l = 0; l < TEXT_LANG_COUNT; l++) {
            const char *s = ui_staff_text(id, l);
            empty += s[0] == '\0';
            uint32_t off[4];
            size_t n = text_fonts_uncovered(fonts, ui, s, strlen(s), off, 4);
            if (n)
                fprintf(stderr, "uncovered in %d/%d: %s\n", id, l, s);
            bad += n;
        }
    }
    CHECK(bad == 0 && empty == 0, "all %d staff texts in 3 languages are "
          "drawable (%zu uncovered, %zu empty)", UI_ST_COUNT, bad, empty);
    CHECK(strcmp(ui_staff_text(UI_ST_TITLE, TEXT_LANG_UG),
                 ui_staff_text(UI_ST_TITLE, TEXT_LANG_EN)) != 0 &&
              strcmp(ui_staff_text(UI_ST_TITLE, TEXT_LANG_ZH),
                     ui_staff_text(UI_ST_TITLE, TEXT_LANG_EN)) != 0,
          "the texts are translated, not English in every language");
    content_destroy(ex);
    text_fonts_destroy(fonts);
}

/* kiosk.conf's staff-pin-hash and the command that makes it. */
static void test_config(void)
{
    char path[700];
    struct diag_list d;
    struct app_config cfg;

    memset(&cfg, 0, sizeof cfg);
    diag_list_init(&d);
    CHECK(app_config_read(conf, &cfg, &d) && cfg.has_staff_pin,
          "the generated line is read back");
    struct staff_pin pin;
    staff_pin_init(&pin, &cfg.staff_pin);
    for (const char *c = PIN; *c; c++)
        staff_pin_type(&pin, *c, 0);
    CHECK(staff_pin_submit(&pin, 0).result == STAFF_PIN_CORRECT,
          "and it opens with the PIN it was made from");
    diag_list_fini(&d);

    snprintf(path, sizeof path, "%s/bad.conf", dir);
    FILE *f = fopen(path, "w");
    fputs("rotation: 0\nstaff-pin-hash: sha256:00:1234\n", f);
    fclose(f);
    memset(&cfg, 0, sizeof cfg);
    diag_list_init(&d);
    bool ok = app_config_read(path, &cfg, &d);
    CHECK(!ok && !cfg.has_staff_pin && d.count == 1 &&
              d.items[0].line == 2 && d.items[0].column == 17 &&
              strstr(d.items[0].message, "staff-pin-hash") &&
              strstr(d.items[0].message, "kiosk staff-pin-hash"),
          "a malformed hash is an error at line 2, column 17 that says "
          "how to make one (%zu: %u:%u %s)", d.count,
          d.count ? d.items[0].line : 0, d.count ? d.items[0].column : 0,
          d.count ? d.items[0].message : "");
    diag_list_fini(&d);

    int rc = proc_sh("echo 12 | build/test/kiosk staff-pin-hash "
                     ">/dev/null 2>'%s/short.err'", dir);
    snprintf(path, sizeof path, "%s/short.err", dir);
    size_t len;
    char *err = check_read_file(path, &len);
    CHECK(rc == 1 && err && strstr(err, "4 to 8 digits"),
          "a 2-digit PIN is refused with the rule");
    free(err);
    CHECK(proc_sh("build/test/kiosk staff-pin-hash 1234 >/dev/null 2>&1") ==
              2,
          "a PIN on the command line is a usage error");
    /* idle-timeout overrides the content's 90 s. */
    snprintf(path, sizeof path, "%s/idle.conf", dir);
    f = fopen(path, "w");
    fputs("idle-timeout: 20\n", f);
    fclose(f);
    if (play("idle-conf", path, "tap 960 540\nwait 19000\nstate before\n"
                                "wait 2000\nstate after\n")) {
        json_t *b = state("before"), *a = state("after");
        CHECK(!json_is_true(json_object_get(json_object_get(b, "idle"),
                                            "prompt")) &&
                  json_is_true(json_object_get(json_object_get(a, "idle"),
                                               "prompt")),
              "kiosk.conf's idle-timeout: 20 brings the prompt at 20 s");
        json_decref(a);
        json_decref(b);
    }
    /* Two hashes of one PIN differ: the salt is fresh each time. */
    CHECK(proc_sh("test \"$(echo 1234 | build/test/kiosk staff-pin-hash)\" "
                  "!= \"$(echo 1234 | build/test/kiosk staff-pin-hash)\"") ==
              0,
          "every hash gets its own salt");
}

int main(void)
{
    if (!mkdtemp(dir))
        return 1;
    snprintf(state_dir, sizeof state_dir, "%s/state", dir);
    mkdir(state_dir, 0755);
    snprintf(conf, sizeof conf, "%s/kiosk.conf", dir);
    snprintf(conf_nopin, sizeof conf_nopin, "%s/nopin.conf", dir);
    write_conf(conf, PIN);
    write_conf(conf_nopin, NULL);
    test_gesture();
    test_pin();
    test_lockout();
    test_no_pin();
    test_idle();
    test_actions();
    test_rollback();
    test_status_rows();
    test_statistics();
    test_touch_test();
    test_chart();
    test_texts();
    test_config();
    if (!check_failed)
        proc_sh("rm -rf '%s'", dir);
    else
        fprintf(stderr, "files kept in %s\n", dir);
    return check_finish("test_staff_panel");
}
