/* test_cli.c: the command line as a user meets it -- exit codes, messages,
 * and `kiosk layout` output for a wrapped Uyghur paragraph. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <unistd.h>

#include <jansson.h>

#include "check.h"
#include "core/utf8.h"
#include "proc.h"

static const char *kiosk(void)
{
    const char *k = getenv("KIOSK_BIN");
    return k ? k : "build/test/kiosk";
}

/* Runs `kiosk ARGS`, capturing stdout and stderr together. */
static int run(const char *args, char **out)
{
    return proc_sh_out(out, "%s %s", kiosk(), args);
}

static void expect(const char *args, int code, const char *needle)
{
    char *out;
    int rc = run(args, &out);
    CHECK(rc == code && strstr(out, needle),
          "kiosk %s: exit %d (want %d), output has '%s':\n%s", args, rc,
          code, needle, out);
    free(out);
}

/* Writes `text` to build/test/NAME. */
static void write_conf(const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "build/test/%s", name);
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
    CHECK(f != NULL, "write %s", path);
}

/* Opening hours in kiosk.conf: several closed/hours lines are taken, each
 * problem is reported at its own line and column (a continued value
 * too), and a key that may not repeat still may not. */
static void test_config_hours(void)
{
    write_conf("hours.conf", "content: tests/content/minimal\n"
               "opening-hours: mon-fri 09:00-17:00, sat-sun 10:00-16:00\n"
               "closed: 2026-12-25\nclosed: 2026-12-26, 2027-01-01\n"
               "hours: 2026-12-31 09:00-22:00\n"
               "hours: 2027-05-18 09:00-12:00, 13:00-21:00\n"
               "wake-on-touch: 10\nstatus-file: /run/kiosk/status.json\n"
               "prometheus-textfile: /var/lib/node/kiosk.prom\n");
    expect("--config build/test/hours.conf check", 0,
           "tests/content/minimal: valid");
    write_conf("hours.conf", "content: tests/content/minimal\n"
               "wake-on-touch: off\n");
    expect("--config build/test/hours.conf check", 0,
           "tests/content/minimal: valid");
    static const struct {
        const char *text, *want;
    } bad[] = {
        {"opening-hours: mon-fri 9:00-17:00\n",
         "hours.conf:1:24: error: opening-hours: "},
        {"closed: 2026-12-25\nclosed: 2026-02-30\n",
         "hours.conf:2:9: error: closed: "},
        {"hours: 2026-12-31 09:00-22:00\nhours: 2026-12-31\n",
         "hours.conf:2:18: error: hours: "},
        /* a value continued on the next line: the caret on that line */
        {"closed: 2026-12-25,\n  2026-13-01\n",
         "hours.conf:2:3: error: closed: "},
        {"wake-on-touch: 5m\n",
         "hours.conf:1:16: error: wake-on-touch '5m' must be the minutes"},
        {"wake-on-touch: 241\n", "hours.conf:1:16: error: wake-on-touch"},
        {"wake-on-touch: 5\nwake-on-touch: 6\n",
         "hours.conf:2:1: error: 'wake-on-touch' is given twice"},
        {"status-file:\n", "error: status-file is empty"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        write_conf("hours.conf", bad[i].text);
        expect("--config build/test/hours.conf check", 1, bad[i].want);
    }
}

/* kiosk.conf takes nothing in part: numbers that are not plain digits in
 * range ("nan", "inf", hex, exponents, signs, units, overflow), paths
 * longer than their buffer, an empty path, a link or a folder as the
 * file -- each an error with the file, line and column. */
static void test_config_values(void)
{
    static const char *const bad[] = {
        "screen-diagonal-inch: nan", "screen-diagonal-inch: NaN",
        "screen-diagonal-inch: inf", "screen-diagonal-inch: -inf",
        "screen-diagonal-inch: 0x15", "screen-diagonal-inch: 2.15e1",
        "screen-diagonal-inch: 21.5in", "screen-diagonal-inch: 21.",
        "screen-diagonal-inch: 1" "00000000000000000000000000000000000000",
        "screen-size-mm: nanx268", "screen-size-mm: 476xnan",
        "screen-size-mm: 476xinf", "screen-size-mm: 476x268x1",
        "screen-size-mm: 0x1DCx268", "screen-size-mm: x268",
        "rotation: nan", "rotation: +90", "rotation: 90.0",
        "rotation: 18446744073709551706", "idle-timeout: NaN",
        "idle-timeout: 30s", "idle-timeout: 1e2", "idle-timeout: -30",
        "idle-timeout: 99999999999999999999",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char text[200], want[300];
        snprintf(text, sizeof text, "%s\n", bad[i]);
        write_conf("num.conf", text);
        const char *colon = strchr(bad[i], ':');
        snprintf(want, sizeof want, "build/test/num.conf:1:%zu: error: "
                 "%.*s '%s' must", (size_t)(colon - bad[i]) + 3,
                 (int)(colon - bad[i]), bad[i], colon + 2);
        expect("--config build/test/num.conf check", 1, want);
    }
    write_conf("num.conf", "content: tests/content/minimal\n"
                           "screen-size-mm: 476.5x268\nidle-timeout: 0090\n");
    expect("--config build/test/num.conf check", 0,
           "tests/content/minimal: valid");
    write_conf("num.conf", "content: tests/content/minimal\n"
                           "screen-diagonal-inch: 7\nrotation: 180\n");
    expect("--config build/test/num.conf check", 0,
           "tests/content/minimal: valid");

    /* Paths: 1,023 bytes fit; 1,024 are an error where the cut would be
     * (column 10 + 1,023), in bytes and code points alike. */
    static const struct {
        const char *key, *unit;
        size_t units, column; /* 0: fits */
    } paths[] = {
        {"content", "a", 1023, 0},
        {"content", "a", 1024, 1033},
        {"state-dir", "a", 5000, 1035},
        {"fonts", "a", 1024, 1031},
        {"content", "\xE5\xB7\xA5", 341, 0},  /* 1,023 bytes */
        {"content", "\xE5\xB7\xA5", 342, 351}, /* 1,026: 341 fit */
    };
    for (size_t i = 0; i < sizeof paths / sizeof *paths; i++) {
        size_t ul = strlen(paths[i].unit);
        char *text = malloc(64 + paths[i].units * ul);
        size_t o = (size_t)sprintf(text, "%s: /", paths[i].key);
        for (size_t k = 1; k < paths[i].units; k++, o += ul)
            memcpy(text + o, paths[i].unit, ul);
        /* the '/' and units - 1 more: units * ul - ul + 1 bytes, so pad */
        for (size_t k = 1; k < ul; k++)
            text[o++] = 'b';
        memcpy(text + o, "\n", 2);
        write_conf("path.conf", text);
        free(text);
        char want[300], *out;
        int rc = run("--config build/test/path.conf check", &out);
        if (paths[i].column) {
            snprintf(want, sizeof want, "build/test/path.conf:1:%zu: "
                     "error: %s is %zu bytes long; a path here may be at "
                     "most 1023 bytes", paths[i].column, paths[i].key,
                     paths[i].units * ul);
            CHECK(rc == 1 && strstr(out, want), "a %zu-byte %s: '%s' in:\n"
                  "%.400s", paths[i].units * ul, paths[i].key, want, out);
        } else {
            CHECK(rc == 1 && !strstr(out, "path.conf:") &&
                      strstr(out, "there is no content folder here"),
                  "a %zu-byte %s is taken whole:\n%.400s",
                  paths[i].units * ul, paths[i].key, out);
        }
        free(out);
    }
    write_conf("path.conf", "content:\n");
    expect("--config build/test/path.conf check", 1,
           "build/test/path.conf:1:1: error: content is empty");

    /* The file itself: a link (the message names the settings file and
     * says what to do), a folder. */
    if (proc_sh("rm -rf build/test/link.conf build/test/dir.conf && "
                "ln -s cli.conf build/test/link.conf && "
                "mkdir build/test/dir.conf") != 0)
        CHECK(false, "make the link and the folder");
    expect("--config build/test/link.conf check", 1,
           "build/test/link.conf: error: the settings file is a link (to "
           "'cli.conf'); kiosk.conf must be the file itself");
    expect("--config build/test/link.conf check", 1,
           "sudo cp --remove-destination");
    expect("--config build/test/dir.conf check", 1,
           "build/test/dir.conf: error: the settings file is not a plain "
           "file");
}

/* `check --format json` on folders with names and text that are not
 * UTF-8 or hold controls: valid JSON, well-formed UTF-8, every problem
 * there, bad bytes as U+FFFD -- the names, then a message markup.c cut
 * in the middle of a character. */
static void test_check_json_names(void)
{
    static const struct {
        const char *setup, *words[3];
    } cases[] = {
        {"touch \"$d/$(printf 'bad\\377\\376.txt')\" "
         "\"$d/$(printf 'x\\342\\200\\256txt.exe')\" "
         "\"$d/$(printf 'esc\\033[31m')\"",
         {"'bad\\xFF\\xFE.txt' contains bytes that are not UTF-8 (\\xFF)",
          "'x\\u202Etxt.exe' contains a bidirectional control (U+202E)",
          "'esc\\x1B[31m' contains a control character (U+001B)"}},
        {"sed -i \"s/{Yili|yili}\\./{Yili|$(printf '\\345\\267\\245%.0s' "
         "$(seq 20))}./\" $d/report/en.txt",
         {"\xE5\xB7\xA5\xE5\xB7\xA5\xEF\xBF\xBD' is not a place id", NULL,
          NULL}},
    };
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        char *out;
        int rc = proc_sh_out(&out, "d=build/test/json-names && rm -rf $d && "
                             "cp -r tests/content/minimal $d && %s && "
                             "%s check --format json $d 2>/dev/null",
                             cases[c].setup, kiosk());
        size_t len = strlen(out);
        CHECK(rc == 1 && utf8_valid(out, len), "case %zu: the JSON is "
              "well-formed UTF-8 (exit %d)", c, rc);
        json_error_t err;
        json_t *root = json_loads(out, 0, &err);
        json_t *list = json_object_get(root, "diagnostics");
        CHECK(root && json_is_array(list), "case %zu: the JSON loads: %s\n"
              "%s", c, root ? "ok" : err.text, out);
        for (size_t w = 0; w < 3 && cases[c].words[w]; w++) {
            bool found = false;
            for (size_t i = 0; i < json_array_size(list) && !found; i++) {
                const char *m = json_string_value(
                    json_object_get(json_array_get(list, i), "message"));
                found = m && strstr(m, cases[c].words[w]);
            }
            CHECK(found, "case %zu: the JSON has '%s':\n%s", c,
                  cases[c].words[w], out);
        }
        json_decref(root);
        free(out);
    }
}

/* Runs the kiosk (ARGS after it) with SDL_VIDEODRIVER=`drivers` (NULL:
 * unset) and no desktop session; its exit code after up to 10 s
 * (PROC_RUNNING if it still runs: then it is killed), its output in
 * build/test/nodisplay.log, and how long it ran in *secs. */
static int run_no_display(const char *drivers, bool windowed, double *secs)
{
    unsetenv("DISPLAY");
    unsetenv("WAYLAND_DISPLAY");
    char drv[128];
    snprintf(drv, sizeof drv, "SDL_VIDEODRIVER=%s", drivers ? drivers : "");
    unsetenv("SDL_VIDEODRIVER");
    const char *const env[] = {drivers ? drv : NULL, NULL};
    struct proc k;
    double t0 = proc_now();
    proc_start(&k, (const char *const[]){kiosk(), "--content",
                                         "tests/content/minimal",
                                         windowed ? "--windowed" : "--size",
                                         windowed ? NULL : "800x480", NULL},
               &(struct proc_io){.env = env, .out = "build/test/nodisplay.log",
                                 .err = "build/test/nodisplay.log"});
    int code = proc_wait(&k, 10);
    *secs = proc_now() - t0;
    if (code == PROC_RUNNING)
        proc_stop(&k, SIGKILL);
    return code;
}

static bool log_has(const char *text, const char *needle)
{
    return text && strstr(text, needle);
}

/* Without a display the kiosk says what it tried, why each failed and
 * what to do, and ends at once with status 1 -- in a window (`make run`)
 * and in kiosk mode started by hand.  Under a service manager kiosk mode
 * waits for the display instead (the DRM device can come late), and says
 * why in its status. */
static void test_no_display(void)
{
    unsetenv("NOTIFY_SOCKET");
    double secs;
    size_t len;
    /* Drivers that cannot open: X11 without DISPLAY, Wayland without
     * its socket, a name SDL does not have. */
    int code = run_no_display("x11,wayland,nonesuch", true, &secs);
    char *log = check_read_file("build/test/nodisplay.log", &len);
    CHECK(code == 1 && secs < 5, "kiosk --windowed without a display "
          "exits 1 at once (exit %d after %.1f s)", code, secs);
    CHECK(log_has(log, "no display to draw on. Tried "
                       "(SDL_VIDEODRIVER=x11,wayland,nonesuch):") &&
              log_has(log, "\n  x11: x11 not available (DISPLAY is not "
                           "set)\n") &&
              log_has(log, "\n  wayland: ") &&
              log_has(log, "\n  nonesuch: SDL has no such driver (it has: "),
          "the message names each driver and why it failed:\n%s", log);
    CHECK(log_has(log, "What to do: run it in a desktop session") &&
              log_has(log, "SDL_VIDEODRIVER") &&
              log_has(log, "/dev/dri/card0 exists") &&
              log_has(log, "seat"),
          "the message says what to do:\n%s", log);
    CHECK(!log_has(log, "content loaded"), "nothing runs unseen");
    free(log);

    /* Kiosk mode started by hand (no service manager): the same. */
    code = run_no_display("x11,kmsdrm", false, &secs);
    log = check_read_file("build/test/nodisplay.log", &len);
    CHECK(code == 1 && secs < 5 && log_has(log, "cannot start: no display") &&
              log_has(log, "\n  kmsdrm: "),
          "kiosk mode by hand without a display exits 1 at once (exit %d "
          "after %.1f s):\n%s", code, secs, log);
    free(log);

    /* SDL's own choice never falls back to its offscreen driver: with no
     * desktop session the desktop drivers are not tried, and without a
     * DRM device KMSDRM says which is missing. */
    code = run_no_display(NULL, true, &secs);
    log = check_read_file("build/test/nodisplay.log", &len);
    CHECK(!log_has(log, "video offscreen") && !log_has(log, "video dummy"),
          "no invisible window on SDL's offscreen driver:\n%s", log);
    if (access("/dev/dri", F_OK) != 0)
        CHECK(code == 1 && secs < 5 &&
                  log_has(log, "x11: not tried: DISPLAY is not set") &&
                  log_has(log, "there is no /dev/dri") &&
                  log_has(log, "no display to draw on. Tried:\n"),
              "SDL's choice without a display: exit %d after %.1f s:\n%s",
              code, secs, log);
    free(log);

    /* Under a service manager: it waits, and its status says why. */
    const char *sock = "build/test/nodisplay.sock";
    unlink(sock);
    int fd = socket(AF_UNIX, SOCK_DGRAM, 0);
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    snprintf(addr.sun_path, sizeof addr.sun_path, "%s", sock);
    bool bound = fd >= 0 &&
                 bind(fd, (struct sockaddr *)&addr, sizeof addr) == 0;
    CHECK(bound, "a notify socket for the kiosk");
    struct timeval tv = {.tv_sec = 5};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setenv("NOTIFY_SOCKET", sock, 1);
    const char *const env[] = {"SDL_VIDEODRIVER=x11", NULL};
    struct proc k;
    proc_start(&k, (const char *const[]){kiosk(), "--content",
                                         "tests/content/minimal", NULL},
               &(struct proc_io){.env = env, .out = "build/test/nodisplay.log",
                                 .err = "build/test/nodisplay.log"});
    char msg[512] = "";
    ssize_t n = bound ? recv(fd, msg, sizeof msg - 1, 0) : -1;
    msg[n > 0 ? n : 0] = '\0';
    usleep(1500 * 1000);
    CHECK(proc_wait(&k, 0) == PROC_RUNNING,
          "under a service manager kiosk mode waits for a display");
    CHECK(strcmp(msg, "STATUS=waiting for a display (x11: x11 not available "
                      "(DISPLAY is not set))") == 0,
          "the service's status says why: '%s'", msg);
    proc_stop(&k, SIGTERM);
    log = check_read_file("build/test/nodisplay.log", &len);
    CHECK(log_has(log, "warn: app (display.c:") &&
              log_has(log, "waiting for a display: no display to draw on"),
          "the wait is logged once as a warning with the reasons:\n%s", log);
    free(log);
    unsetenv("NOTIFY_SOCKET");
    if (fd >= 0)
        close(fd);
    unlink(sock);
}

int main(void)
{
    expect("--help", 0, "kiosk layout --width PX");
    expect("--version", 0, "kiosk ");
    expect("frobnicate", 2, "unknown mode 'frobnicate'");
    expect("layout --size 28 --lang en tests/layout/en.txt", 2,
           "--width PX is required");
    expect("layout --width 0 --size 28 --lang en tests/layout/en.txt", 2,
           "--width '0' must be a whole number of pixels from 1");
    expect("layout --width 300 --size 99999 --lang en tests/layout/en.txt", 2,
           "--size '99999'");
    expect("layout --width 300 --size 28 --lang fr tests/layout/en.txt", 2,
           "--lang 'fr' must be zh, en or ug");
    expect("layout --width 300 --size 28 --lang en --role loud x", 2,
           "--role 'loud' is not in");
    expect("layout --width 300 --size 28 --lang en --bogus x", 2,
           "unknown option '--bogus'");
    expect("layout --width 300 --size 28 --lang en --width", 2,
           "option '--width' needs a value");
    /* --dir: the direction apart from the language */
    expect("layout --width 300 --size 28 --lang en tests/layout/en.txt", 0,
           "\"dir\":\"ltr\"");
    expect("layout --width 300 --size 28 --lang en --dir rtl "
           "tests/layout/en.txt", 0, "\"dir\":\"rtl\"");
    expect("layout --width 300 --size 28 --lang ug --dir ltr "
           "tests/layout/ug.txt", 0, "\"dir\":\"ltr\"");
    expect("layout --width 300 --size 28 --lang en --dir auto "
           "tests/layout/ug.txt", 0, "\"dir\":\"rtl\"");
    expect("layout --width 300 --size 28 --lang ug --dir auto "
           "tests/layout/en.txt", 0, "\"dir\":\"ltr\"");
    expect("layout --width 300 --size 28 --lang en --dir sideways "
           "tests/layout/en.txt", 2,
           "--dir 'sideways' must be lang (from --lang), auto");
    expect("layout --width 300 --size 28 --lang en /nonexistent/p.txt", 1,
           "/nonexistent/p.txt: No such file or directory");
    expect("--fonts /nonexistent/manifest.txt layout --width 300 --size 28 "
           "--lang en tests/layout/en.txt", 1,
           "/nonexistent/manifest.txt: error: cannot open the font manifest");

    expect("render --out /tmp/x.png", 2, "--size WxH is required");
    expect("render --size 0x10 --out /tmp/x.png", 2, "--size '0x10' must be");
    expect("render --size 64x64 --out /nonexistent/dir/x.png", 1,
           "could not draw or write /nonexistent/dir/x.png");
    expect("--windowed --size big", 2, "--size 'big' must be WxH");

    /* check: exit 0 valid, 1 invalid, 2 usage; GCC-style and JSON. */
    expect("check content", 0, "content: valid — 14 passages");
    expect("check --format json content", 0,
           "{\"path\":\"content\",\"valid\":true,\"errors\":0,"
           "\"warnings\":0,\"diagnostics\":[]}");
    expect("check --format yaml content", 2, "--format 'yaml' must be text "
                                             "or json");
    expect("check content tests/content/minimal", 2,
           "only one content folder");
    expect("check /nonexistent/dir", 1,
           "/nonexistent/dir: error: there is no content folder here");
    {
        char *cout;
        int crc = proc_sh_out(&cout, "d=$(mktemp -d) && cp -r "
                              "tests/content/minimal/. $d && "
                              "sed -i '0,/^note.en:/s//nots.en:/' "
                              "$d/places.txt && build/test/kiosk check $d; "
                              "r=$?; build/test/kiosk check --format json $d "
                              "| grep -c '\"line\":6,\"column\":1'; "
                              "rm -rf $d; exit $r");
        CHECK(crc == 1 && strstr(cout, "/places.txt:6:1: error: unknown key "
                                       "'nots.en' — did you mean 'note.en'?")
                  && strstr(cout, "    nots.en: A region.\n    ^\n") &&
                  strstr(cout, "NOT valid — 2 errors"),
              "check of a broken copy: exit %d\n%s", crc, cout);
        free(cout);
    }

    /* The import CLI's usage errors, and the deploy script's syntax. */
    expect("import", 2, "the stick's folder (SRC) is required");
    expect("import /tmp --bogus", 2, "unknown option '--bogus'");
    expect("releases --state-dir /nonexistent/state", 0, "no releases in");
    expect("rollback --state-dir /nonexistent/state", 1,
           "there is no release before");
    {
        char *o;
        int src = proc_sh_out(&o, "sh -n deploy/kiosk-usb-import && "
                              "sh -n deploy/install-deps.sh && "
                              "echo syntax-ok");
        CHECK(src == 0 && strstr(o, "syntax-ok"), "deploy scripts parse");
        free(o);
    }

    /* --config: the technician's settings, with diagnostics. */
    {
        FILE *f = fopen("build/test/cli.conf", "w");
        fputs("# test\ncontent: tests/content/minimal\n"
              "screen-diagonal-inch: 10.1\nrotation: 270\n", f);
        fclose(f);
        f = fopen("build/test/bad.conf", "w");
        fputs("contnet: x\nscreen-diagonal-inch: huge\nrotation: 45\n", f);
        fclose(f);
        f = fopen("build/test/bad2.conf", "w");
        fputs("screen-size-mm: 476x\nidle-timeout: 5\n"
              "staff-pin-hash: sha256:zz:00\n", f);
        fclose(f);
        f = fopen("build/test/bad3.conf", "w");
        fputs("screen-diagonal-inch: 21.5\nscreen-size-mm: 476x268\n", f);
        fclose(f);
        f = fopen("build/test/good2.conf", "w");
        fputs("content: tests/content/minimal\nscreen-size-mm: 476x268\n"
              "idle-timeout: 30\n", f);
        fclose(f);
    }
    expect("--config build/test/good2.conf check", 0,
           "tests/content/minimal: valid");
    expect("--config build/test/bad2.conf check", 1,
           "bad2.conf:1:17: error: screen-size-mm '476x' must be the "
           "visible area's width and height in millimetres, like 476x268");
    expect("--config build/test/bad2.conf check", 1,
           "bad2.conf:2:15: error: idle-timeout '5' must be a number of "
           "seconds from 15 to 3600");
    expect("--config build/test/bad2.conf check", 1,
           "bad2.conf:3:17: error: staff-pin-hash is not usable");
    expect("--config build/test/bad3.conf check", 1,
           "bad3.conf:2:1: error: give screen-size-mm or "
           "screen-diagonal-inch, not both");
    expect("--config build/test/cli.conf check", 0,
           "tests/content/minimal: valid");
    expect("--config build/test/bad.conf check", 1,
           "build/test/bad.conf:1:1: error: unknown key 'contnet' — did you "
           "mean 'content'?");
    expect("--config build/test/bad.conf check", 1,
           "bad.conf:2:23: error: screen-diagonal-inch 'huge'");
    expect("--config build/test/bad.conf check", 1,
           "bad.conf:3:11: error: rotation '45' must be 0, 90, 180 or 270");
    expect("--rotate 45", 2, "--rotate '45' must be 0, 90, 180 or 270");
    expect("--rotate +90", 2, "--rotate '+90' must be 0, 90, 180 or 270");
    expect("--config /nonexistent/kiosk.conf check", 1,
           "/nonexistent/kiosk.conf: error: cannot read this file");

    /* A check that cannot be made fails: from another folder the source
     * tree's relative font manifest is not there. */
    {
        char *o;
        char cwd[4096];
        CHECK(getcwd(cwd, sizeof cwd) != NULL, "getcwd");
        int crc = proc_sh_out(&o, "cd /tmp && %s/build/test/kiosk check "
                              "%s/content", cwd, cwd);
        CHECK(crc == 1 && strstr(o, "not checked: the fonts could not be "
                                    "loaded") &&
                  strstr(o, "NOT valid") && !strstr(o, ": valid"),
              "check without fonts fails, never 'valid': exit %d\n%s", crc,
              o);
        free(o);
        /* make install builds and copies; it installs no packages (a
         * kiosk gets no compiler through it). */
        crc = proc_sh_out(&o, "make -n install PREFIX=/usr "
                          "DESTDIR=build/test/root");
        CHECK(crc == 0 && strstr(o, "install -D -m 0755") &&
                  !strstr(o, "install-deps") && !strstr(o, "apt-get -") &&
                  !strstr(o, "apt-get update"),
              "make install installs no packages:\n%s", o);
        free(o);
    }

    /* make install DESTDIR= produces the documented tree. */
    {
        char *o;
        int irc = proc_sh_out(&o, "rm -rf build/test/root && make -s "
                              "install PREFIX=/usr DESTDIR=build/test/root "
                              ">/dev/null 2>&1 && cd build/test/root && "
                              "find . \\( -type f -o -type l \\) | sort");
        static const char *const files[] = {
            "./usr/bin/kiosk", "./etc/kiosk/kiosk.conf",
            "./usr/share/kiosk/fonts/manifest.txt",
            "./usr/share/kiosk/fonts/NotoSerifCJK-Regular.ttc",
            "./usr/share/kiosk/content/exhibit.txt",
            "./usr/share/kiosk/content/map/regions.geojson",
            "./usr/lib/kiosk/kiosk-usb-import",
            "./usr/lib/systemd/system/kiosk.service",
            "./usr/lib/systemd/system/kiosk-import@.service",
            "./usr/lib/udev/rules.d/99-kiosk-usb.rules",
        };
        bool all = irc == 0;
        for (size_t k = 0; k < sizeof files / sizeof *files; k++)
            if (!strstr(o, files[k])) {
                all = false;
                fprintf(stderr, "make install: %s missing\n", files[k]);
            }
        CHECK(all, "make install PREFIX=/usr DESTDIR= installs the "
                   "documented files");
        free(o);
        char *o2;
        int crc = proc_sh_out(&o2, "build/test/root/usr/bin/kiosk "
                              "--config build/test/root/etc/kiosk/kiosk.conf "
                              "--content build/test/root/usr/share/kiosk/"
                              "content --fonts build/test/root/usr/share/"
                              "kiosk/fonts/manifest.txt check");
        CHECK(crc == 0 && strstr(o2, "valid"),
              "the installed program checks the installed content: %s", o2);
        free(o2);
        /* An upgrade keeps the technician's settings. */
        char *o3;
        int urc = proc_sh_out(&o3, "echo 'idle-timeout: 45' >> "
                              "build/test/root/etc/kiosk/kiosk.conf && make "
                              "-s install PREFIX=/usr DESTDIR=build/test/root "
                              ">/dev/null 2>&1 && tail -n 1 "
                              "build/test/root/etc/kiosk/kiosk.conf");
        CHECK(urc == 0 && strstr(o3, "idle-timeout: 45"),
              "make install again keeps /etc/kiosk/kiosk.conf: %s", o3);
        free(o3);
        if (proc_sh("rm -rf build/test/root") != 0)
            CHECK(false, "cleanup");
    }

    /* render writes a PNG of the requested size. */
    char *png_out;
    const char *png = "build/test/cli-render.png";
    remove(png);
    int prc = run("render --size 320x200 --out build/test/cli-render.png",
                  &png_out);
    size_t plen = 0;
    char *bytes = check_read_file(png, &plen);
    CHECK(prc == 0 && bytes && plen > 1000 &&
              memcmp(bytes, "\x89PNG", 4) == 0,
          "render writes a PNG (%zu bytes): %s", plen, png_out);
    /* IHDR width and height, big-endian at bytes 16 and 20. */
    if (bytes && plen > 24) {
        const unsigned char *u = (const unsigned char *)bytes;
        unsigned pw = (unsigned)u[16] << 24 | u[17] << 16 | u[18] << 8 | u[19];
        unsigned ph = (unsigned)u[20] << 24 | u[21] << 16 | u[22] << 8 | u[23];
        CHECK(pw == 320 && ph == 200, "PNG is 320x200 (%ux%u)", pw, ph);
    }
    free(bytes);
    free(png_out);

    /* A wrapped Uyghur paragraph: the year is an LTR run (even level)
     * inside RTL lines, and the paragraph is right to left. */
    char *out;
    int rc = run("layout --width 300 --size 28 --lang ug tests/layout/ug.txt",
                 &out);
    CHECK(rc == 0, "layout ug exits 0");
    CHECK(strstr(out, "\"dir\":\"rtl\"") != NULL, "ug paragraph is rtl");
    int lines = 0;
    for (const char *p = out; (p = strstr(p, "\"baseline\"")); p++)
        lines++;
    CHECK(lines >= 4, "ug wraps over %d lines", lines);
    /* Byte range of "1962" in the file: find its run. */
    size_t len;
    char *text = check_read_file("tests/layout/ug.txt", &len);
    unsigned year = (unsigned)(strstr(text, "1962") - text);
    char needle[64];
    snprintf(needle, sizeof needle, "{\"start\":%u,\"end\":%u,\"level\":2,",
             year, year + 4);
    CHECK(strstr(out, needle) != NULL, "the year is a level-2 run: %s",
          needle);
    free(text);
    free(out);
    test_config_values();
    test_config_hours();
    test_check_json_names();
    test_no_display();
    return check_finish("test_cli");
}
