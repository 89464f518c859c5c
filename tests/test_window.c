/* test_window.c: the real windowed program, end to end through X11.
 *
 * Starts a virtual X server (Xvfb), runs `kiosk --windowed` in it, and
 * clicks with xdotool: Attract -> Home -> the map -> a tap near Yining's
 * dot.  The program's info log says what each click did, which proves the
 * whole event path: X11 -> SDL -> pointer events -> gestures -> screens.
 * Then the same with the display turned 90 degrees (clicks turned back),
 * and kiosk mode's ignored keys. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "proc.h"

/* Starts build/test/kiosk with ARGV's arguments, its log in `log`.  The
 * X11 and D-Bus client libraries keep allocations until exit, which
 * LeakSanitizer would report as the program's; leaks in the exhibit's
 * own code are checked by every other test, which runs the same code
 * with SDL's dummy driver. */
static void start_kiosk(struct proc *k, const char *log,
                        const char *const argv[])
{
    static const char *const env[] = {"ASAN_OPTIONS=detect_leaks=0", NULL};
    proc_start(k, argv, &(struct proc_io){.env = env, .err = log});
}

/* Runs `cmd` every 0.1 s until it succeeds, up to 100 times. */
static bool sh_until_ok(const char *cmd)
{
    for (int i = 0; i < 100; i++) {
        if (proc_sh("%s", cmd) == 0)
            return true;
        usleep(100000);
    }
    return false;
}

/* The centre of target `id` in state dump build/test/window/NAME.json;
 * -1 if not found. */
static void target_in(const char *name, const char *id, int *x, int *y)
{
    char path[256], key[128];
    *x = *y = -1;
    snprintf(path, sizeof path, "build/test/window/%s.json", name);
    size_t slen;
    char *st = check_read_file(path, &slen);
    snprintf(key, sizeof key, "\"id\":\"%s\"", id);
    const char *b = st ? strstr(st, key) : NULL;
    int bx, by, bw, bh;
    if (b && sscanf(b + strlen(key), ",\"x\":%d,\"y\":%d,\"w\":%d,\"h\":%d",
                    &bx, &by, &bw, &bh) == 4) {
        *x = bx + bw / 2;
        *y = by + bh / 2;
    }
    free(st);
}

/* Where Home's map button is on a w x h exhibit: from the state dump of
 * the same screen rendered headless; -1 if not found. */
static void map_button(int w, int h, int *mx, int *my)
{
    proc_sh("mkdir -p build/test/window && printf 'tap %d %d\\nstate home\\n' "
            "> build/test/window/s && build/test/kiosk render --size %dx%d "
            "--script build/test/window/s --out build/test/window 2>/dev/null",
            w / 2, h / 2, w, h);
    target_in("home", "nav:map", mx, my);
    remove("build/test/window/home.json");
}

static void click(int x, int y)
{
    proc_sh("xdotool search --onlyvisible --name 'Work Team' "
            "mousemove --window %%1 %d %d click 1", x, y);
    usleep(150000);
}

/* The staff panel in a window: F2 stands in for the two-finger gesture;
 * the PIN typed on the keypad with clicks, then Actions, then "exit to
 * the console" twice: the program ends with status 3, which the service
 * unit does not restart.  Button places come from the same screens
 * rendered headless with the same kiosk.conf. */
static void staff_journey(const char *log)
{
    proc_sh("mkdir -p build/test/window && printf 'staff-pin-hash: ' > "
            "build/test/window/kiosk.conf && echo 2468 | build/test/kiosk "
            "staff-pin-hash | sed 's/^staff-pin-hash: //' >> "
            "build/test/window/kiosk.conf");
    proc_sh("printf 'down 1 20 20\\ndown 2 1260 20\\nwait 5100\\nup 1\\n"
            "up 2\\nstate pin\\ntap-id staff:key:2\\ntap-id staff:key:4\\n"
            "tap-id staff:key:6\\ntap-id staff:key:8\\ntap-id staff:pin:ok\\n"
            "state panel\\ntap-id staff:tab:actions\\nstate actions\\n' > "
            "build/test/window/staff.s && build/test/kiosk --config "
            "build/test/window/kiosk.conf render --size 1280x800 --script "
            "build/test/window/staff.s --out build/test/window 2>/dev/null");
    static const char *const keys[] = {"staff:key:2", "staff:key:4",
                                       "staff:key:6", "staff:key:8",
                                       "staff:pin:ok"};
    int kx[5], ky[5], ax, ay, cx, cy;
    for (int i = 0; i < 5; i++)
        target_in("pin", keys[i], &kx[i], &ky[i]);
    target_in("panel", "staff:tab:actions", &ax, &ay);
    target_in("actions", "staff:action:console", &cx, &cy);
    CHECK(kx[0] >= 0 && kx[4] >= 0 && ax >= 0 && cx >= 0,
          "the state dumps give the keypad's and panel's buttons");
    struct proc kiosk;
    start_kiosk(&kiosk, log,
                (const char *const[]){"build/test/kiosk", "--windowed",
                                      "--size", "1280x800", "--config",
                                      "build/test/window/kiosk.conf",
                                      "--log", "trace", NULL});
    CHECK(proc_log_wait(log, "frame 1 at", 0, 20, NULL), "the window opens");
    usleep(300000);
    proc_sh("xdotool search --onlyvisible --name 'Work Team' windowfocus "
            "--sync %%1 key F2");
    CHECK(proc_log_wait(log, "staff keypad opened", 0, 5, NULL),
          "F2 opens the keypad in a window");
    for (int i = 0; i < 5; i++)
        click(kx[i], ky[i]);
    CHECK(proc_log_wait(log, "staff PIN accepted", 0, 5, NULL),
          "the PIN clicked on the keypad opens the panel");
    click(ax, ay);
    click(cx, cy);
    usleep(300000);
    CHECK(proc_wait(&kiosk, 0) == PROC_RUNNING,
          "one click on 'exit to the console' does not exit");
    click(cx, cy);
    int code = proc_wait(&kiosk, 10);
    CHECK(code == 3, "the second click ends the exhibit with status 3 (%d)",
          code);
    proc_stop(&kiosk, SIGTERM);
}

int main(void)
{
    char log[] = "/tmp/kiosk-test-window-XXXXXX";
    int fd = mkstemp(log);
    if (fd < 0)
        return 1;
    close(fd);
    /* Xvfb picks a free display itself and writes its number. */
    char dispfile[600], display[32] = "";
    snprintf(dispfile, sizeof dispfile, "%s.display", log);
    struct proc xvfb;
    proc_start(&xvfb,
               (const char *const[]){"Xvfb", "-displayfd", "1", "-screen",
                                     "0", "1400x900x24", "-nolisten", "tcp",
                                     NULL},
               &(struct proc_io){.out = dispfile, .err = "/dev/null"});
    if (proc_log_wait(dispfile, "\n", 0, 10, NULL)) {
        size_t n;
        char *num = check_read_file(dispfile, &n);
        if (num && n > 0 && num[n - 1] == '\n') {
            num[n - 1] = '\0';
            snprintf(display, sizeof display, ":%s", num);
        }
        free(num);
    }
    CHECK(display[0] != '\0', "Xvfb chose a display");
    setenv("DISPLAY", display, 1);
    bool x_ok = sh_until_ok("xdotool getdisplaygeometry >/dev/null 2>&1");
    CHECK(x_ok, "Xvfb runs on %s", display);
    struct proc kiosk;
    start_kiosk(&kiosk, log,
                (const char *const[]){"build/test/kiosk", "--windowed",
                                      "--size", "1280x800", "--log", "trace",
                                      NULL});
    bool up = x_ok && proc_log_wait(log, "content loaded", 0, 20, NULL);
    CHECK(up, "the window opens with the exhibit");
    /* The window: wait until it is mapped, then click inside it. */
    bool mapped = up && sh_until_ok("xdotool search --sync --onlyvisible "
                                    "--name 'Work Team' >/dev/null 2>&1");
    CHECK(mapped, "the window is on the X screen");
    /* The first frame is on screen: the loop now waits for input. */
    CHECK(proc_log_wait(log, "frame 1 at", 0, 10, NULL),
          "the first frame is drawn");
    /* The start line names the video driver, renderer and mode, and the
     * first frame was read back from the X window and found right. */
    CHECK(proc_log_wait(log, "video x11, renderer ", 0, 5, NULL) &&
              proc_log_wait(log, "1280x800@", 0, 1, NULL) &&
              proc_log_wait(log, "rotation 0, fonts fonts; first frame "
                                 "verified", 0, 1, NULL),
          "the start line names driver, renderer and mode, and the first "
          "frame is verified");
    usleep(300000);
    /* No window manager runs, so no windowactivate: the pointer moves
     * into the window and clicks. */
    click(640, 400);
    CHECK(proc_log_wait(log, "screen home", 0, 5, NULL),
          "a click on Attract opens Home");
    /* Where Home's map button is at this size: from the state dump of the
     * same screen rendered headless. */
    int mx = -1, my = -1;
    map_button(1280, 800, &mx, &my);
    CHECK(mx >= 0, "the state dump gives the map button's place");
    click(mx, my);
    CHECK(proc_log_wait(log, "screen map", 0, 5, NULL),
          "a click on the map button opens the map");
    int code = proc_stop(&kiosk, SIGTERM);
    CHECK(code == 0, "the window closes cleanly (status %d)", code);

    /* A screen mounted on its side (--rotate 90, as `rotation: 90` in
     * kiosk.conf): the 1280x800 window shows an 800x1280 exhibit turned
     * clockwise, and a click where the map button appears -- the button's
     * logical (x, y) is at window (1280 - y, x) -- opens the map. */
    start_kiosk(&kiosk, log,
                (const char *const[]){"build/test/kiosk", "--windowed",
                                      "--size", "1280x800", "--rotate", "90",
                                      "--log", "trace", NULL});
    CHECK(proc_log_wait(log, "rotation 90, fonts fonts; first frame "
                             "verified", 0, 20, NULL),
          "turned: the first frame, read back turned, is verified");
    CHECK(proc_log_wait(log, "frame 1 at 800x1280", 0, 20, NULL),
          "turned 90 degrees, the exhibit is drawn 800x1280");
    usleep(300000);
    click(640, 400);
    CHECK(proc_log_wait(log, "screen home", 0, 5, NULL),
          "turned: a click opens Home");
    map_button(800, 1280, &mx, &my);
    CHECK(mx >= 0, "the state dump gives the portrait map button's place");
    click(1280 - my, mx);
    CHECK(proc_log_wait(log, "screen map", 0, 5, NULL),
          "turned: a click where the map button shows opens the map");
    code = proc_stop(&kiosk, SIGTERM);
    CHECK(code == 0, "the turned window closes cleanly (status %d)", code);

    /* Kiosk mode (fullscreen): keys that would leave the exhibit do
     * nothing; only SIGTERM (the service manager) ends it. */
    start_kiosk(&kiosk, log,
                (const char *const[]){"build/test/kiosk", "--log", "trace",
                                      NULL});
    CHECK(proc_log_wait(log, "frame 1 at", 0, 20, NULL),
          "kiosk mode starts fullscreen");
    usleep(300000);
    proc_sh("xdotool search --onlyvisible --name 'Work Team' windowfocus "
            "--sync %%1 key Escape ctrl+q ctrl+w alt+F4 ctrl+alt+BackSpace "
            "F2");
    CHECK(proc_log_wait(log, "key ignored (kiosk mode)", 0, 5, NULL),
          "the keys reached the exhibit and were ignored");
    usleep(500000);
    CHECK(proc_wait(&kiosk, 0) == PROC_RUNNING,
          "Escape, Ctrl+Q, Ctrl+W, Alt+F4 and Ctrl+Alt+Backspace leave the "
          "kiosk running");
    CHECK(!proc_log_wait(log, "staff keypad opened", 0, 0.5, NULL),
          "F2 does not open the staff keypad in kiosk mode");
    code = proc_stop(&kiosk, SIGTERM);
    CHECK(code == 0, "SIGTERM ends the kiosk cleanly (status %d)", code);
    staff_journey(log);
    proc_stop(&xvfb, SIGTERM);
    size_t len;
    char *s = check_read_file(log, &len);
    if (check_failed && s)
        fprintf(stderr, "--- kiosk log ---\n%s\n", s);
    free(s);
    remove(log);
    remove(dispfile);
    return check_finish("test_window");
}
