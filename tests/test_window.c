/* test_window.c: the real windowed program, end to end through X11.
 *
 * Starts a virtual X server (Xvfb), runs `kiosk --windowed` in it, and
 * clicks with xdotool: Attract -> Home -> the map -> a tap near Yining's
 * dot.  The program's info log says what each click did, which proves the
 * whole event path: X11 -> SDL -> pointer events -> gestures -> screens.
 * Then the same with the display turned 90 degrees (clicks turned back),
 * and kiosk mode's ignored keys. */
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static bool log_has(const char *log, const char *needle, double seconds)
{
    double end = now() + seconds;
    while (now() < end) {
        size_t len;
        char *s = check_read_file(log, &len);
        bool found = s && strstr(s, needle);
        free(s);
        if (found)
            return true;
        usleep(50000);
    }
    return false;
}

static pid_t spawn(const char *cmd)
{
    pid_t pid = fork();
    if (pid == 0) {
        execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
        _exit(127);
    }
    return pid;
}

static int sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int sh(const char *fmt, ...)
{
    char cmd[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    return system(cmd);
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
    sh("mkdir -p build/test/window && printf 'tap %d %d\\nstate home\\n' "
       "> build/test/window/s && build/test/kiosk render --size %dx%d "
       "--script build/test/window/s --out build/test/window 2>/dev/null",
       w / 2, h / 2, w, h);
    target_in("home", "nav:map", mx, my);
    remove("build/test/window/home.json");
}

static void click(int x, int y)
{
    sh("xdotool search --onlyvisible --name 'Work Team' "
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
    sh("mkdir -p build/test/window && printf 'staff-pin-hash: ' > "
       "build/test/window/kiosk.conf && echo 2468 | build/test/kiosk "
       "staff-pin-hash | sed 's/^staff-pin-hash: //' >> "
       "build/test/window/kiosk.conf");
    sh("printf 'down 1 20 20\\ndown 2 1260 20\\nwait 5100\\nup 1\\n"
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
    char cmd[1024];
    FILE *lf = fopen(log, "w");
    if (lf)
        fclose(lf);
    snprintf(cmd, sizeof cmd, "ASAN_OPTIONS=detect_leaks=0 exec "
             "build/test/kiosk --windowed --size 1280x800 --config "
             "build/test/window/kiosk.conf --log trace 2>'%s'", log);
    pid_t kiosk = spawn(cmd);
    CHECK(log_has(log, "frame 1 at", 20), "the window opens");
    usleep(300000);
    sh("xdotool search --onlyvisible --name 'Work Team' windowfocus --sync "
       "%%1 key F2");
    CHECK(log_has(log, "staff keypad opened", 5), "F2 opens the keypad in "
                                                  "a window");
    for (int i = 0; i < 5; i++)
        click(kx[i], ky[i]);
    CHECK(log_has(log, "staff PIN accepted", 5),
          "the PIN clicked on the keypad opens the panel");
    click(ax, ay);
    click(cx, cy);
    usleep(300000);
    int status = 0;
    CHECK(waitpid(kiosk, &status, WNOHANG) == 0,
          "one click on 'exit to the console' does not exit");
    click(cx, cy);
    double end = now() + 10;
    pid_t done = 0;
    while (now() < end && (done = waitpid(kiosk, &status, WNOHANG)) == 0)
        usleep(50000);
    CHECK(done == kiosk && WIFEXITED(status) && WEXITSTATUS(status) == 3,
          "the second click ends the exhibit with status 3 (%d)",
          WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    if (done != kiosk) {
        kill(kiosk, SIGTERM);
        waitpid(kiosk, NULL, 0);
    }
}

int main(void)
{
    char log[] = "/tmp/kiosk-test-window-XXXXXX";
    int fd = mkstemp(log);
    if (fd < 0)
        return 1;
    close(fd);
    /* Xvfb picks a free display itself and writes its number. */
    char dispfile[600], cmd[1024], display[32] = "";
    snprintf(dispfile, sizeof dispfile, "%s.display", log);
    snprintf(cmd, sizeof cmd, "exec Xvfb -displayfd 1 -screen 0 1400x900x24 "
             "-nolisten tcp >'%s' 2>/dev/null", dispfile);
    pid_t xvfb = spawn(cmd);
    for (int i = 0; i < 100 && !display[0]; i++) {
        size_t n;
        char *num = check_read_file(dispfile, &n);
        if (num && n > 0 && num[n - 1] == '\n') {
            num[n - 1] = '\0';
            snprintf(display, sizeof display, ":%s", num);
        }
        free(num);
        if (!display[0])
            usleep(100000);
    }
    CHECK(display[0] != '\0', "Xvfb chose a display");
    setenv("DISPLAY", display, 1);
    bool x_ok = false;
    for (int i = 0; i < 100 && !x_ok; i++) {
        x_ok = sh("xdotool getdisplaygeometry >/dev/null 2>&1") == 0;
        if (!x_ok)
            usleep(100000);
    }
    CHECK(x_ok, "Xvfb runs on %s", display);
    /* The X11 and D-Bus client libraries keep allocations until exit,
     * which LeakSanitizer would report as the program's; leaks in the
     * exhibit's own code are checked by every other test, which runs the
     * same code with SDL's dummy driver. */
    snprintf(cmd, sizeof cmd, "ASAN_OPTIONS=detect_leaks=0 exec "
             "build/test/kiosk --windowed --size 1280x800 --log trace "
             "2>'%s'", log);
    pid_t kiosk = spawn(cmd);
    bool up = x_ok && log_has(log, "content loaded", 20);
    CHECK(up, "the window opens with the exhibit");
    /* The window: wait until it is mapped, then click inside it. */
    bool mapped = false;
    for (int i = 0; i < 100 && up && !mapped; i++) {
        mapped = sh("xdotool search --sync --onlyvisible --name "
                    "'Work Team' >/dev/null 2>&1") == 0;
        if (!mapped)
            usleep(100000);
    }
    CHECK(mapped, "the window is on the X screen");
    /* The first frame is on screen: the loop now waits for input. */
    CHECK(log_has(log, "frame 1 at", 10), "the first frame is drawn");
    /* The start line names the video driver, renderer and mode, and the
     * first frame was read back from the X window and found right. */
    CHECK(log_has(log, "video x11, renderer ", 5) &&
              log_has(log, "1280x800@", 1) &&
              log_has(log, "rotation 0, fonts fonts; first frame verified",
                      1),
          "the start line names driver, renderer and mode, and the first "
          "frame is verified");
    usleep(300000);
    /* No window manager runs, so no windowactivate: the pointer moves
     * into the window and clicks. */
    sh("xdotool search --onlyvisible --name 'Work Team' "
       "mousemove --window %%1 640 400 click 1");
    CHECK(log_has(log, "screen home", 5), "a click on Attract opens Home");
    /* Where Home's map button is at this size: from the state dump of the
     * same screen rendered headless. */
    int mx = -1, my = -1;
    map_button(1280, 800, &mx, &my);
    CHECK(mx >= 0, "the state dump gives the map button's place");
    sh("xdotool search --onlyvisible --name 'Work Team' "
       "mousemove --window %%1 %d %d click 1", mx, my);
    CHECK(log_has(log, "screen map", 5), "a click on the map button opens "
                                         "the map");
    kill(kiosk, SIGTERM);
    int status = 0;
    waitpid(kiosk, &status, 0);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
          "the window closes cleanly (status %d)", status);

    /* A screen mounted on its side (--rotate 90, as `rotation: 90` in
     * kiosk.conf): the 1280x800 window shows an 800x1280 exhibit turned
     * clockwise, and a click where the map button appears -- the button's
     * logical (x, y) is at window (1280 - y, x) -- opens the map. */
    FILE *rf = fopen(log, "w");
    if (rf)
        fclose(rf);
    snprintf(cmd, sizeof cmd, "ASAN_OPTIONS=detect_leaks=0 exec "
             "build/test/kiosk --windowed --size 1280x800 --rotate 90 "
             "--log trace 2>'%s'", log);
    kiosk = spawn(cmd);
    CHECK(log_has(log, "rotation 90, fonts fonts; first frame verified", 20),
          "turned: the first frame, read back turned, is verified");
    CHECK(log_has(log, "frame 1 at 800x1280", 20),
          "turned 90 degrees, the exhibit is drawn 800x1280");
    usleep(300000);
    sh("xdotool search --onlyvisible --name 'Work Team' "
       "mousemove --window %%1 640 400 click 1");
    CHECK(log_has(log, "screen home", 5), "turned: a click opens Home");
    map_button(800, 1280, &mx, &my);
    CHECK(mx >= 0, "the state dump gives the portrait map button's place");
    sh("xdotool search --onlyvisible --name 'Work Team' "
       "mousemove --window %%1 %d %d click 1", 1280 - my, mx);
    CHECK(log_has(log, "screen map", 5),
          "turned: a click where the map button shows opens the map");
    kill(kiosk, SIGTERM);
    waitpid(kiosk, &status, 0);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
          "the turned window closes cleanly (status %d)", status);

    /* Kiosk mode (fullscreen): keys that would leave the exhibit do
     * nothing; only SIGTERM (the service manager) ends it. */
    FILE *lf = fopen(log, "w");
    if (lf)
        fclose(lf);
    snprintf(cmd, sizeof cmd, "ASAN_OPTIONS=detect_leaks=0 exec "
             "build/test/kiosk --log trace 2>'%s'", log);
    kiosk = spawn(cmd);
    CHECK(log_has(log, "frame 1 at", 20), "kiosk mode starts fullscreen");
    usleep(300000);
    sh("xdotool search --onlyvisible --name 'Work Team' windowfocus --sync "
       "%%1 key Escape ctrl+q ctrl+w alt+F4 ctrl+alt+BackSpace F2");
    CHECK(log_has(log, "key ignored (kiosk mode)", 5),
          "the keys reached the exhibit and were ignored");
    usleep(500000);
    CHECK(waitpid(kiosk, &status, WNOHANG) == 0,
          "Escape, Ctrl+Q, Ctrl+W, Alt+F4 and Ctrl+Alt+Backspace leave the "
          "kiosk running");
    CHECK(!log_has(log, "staff keypad opened", 0.5),
          "F2 does not open the staff keypad in kiosk mode");
    kill(kiosk, SIGTERM);
    waitpid(kiosk, &status, 0);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
          "SIGTERM ends the kiosk cleanly (status %d)", status);
    staff_journey(log);
    kill(xvfb, SIGTERM);
    waitpid(xvfb, NULL, 0);
    size_t len;
    char *s = check_read_file(log, &len);
    if (check_failed && s)
        fprintf(stderr, "--- kiosk log ---\n%s\n", s);
    free(s);
    remove(log);
    remove(dispfile);
    return check_finish("test_window");
}
