/* touch.c: a virtual multitouch screen for the system test, run inside
 * the kiosk's VM.  It creates a touchscreen with uinput -- appearing to
 * udev and SDL exactly as a USB touch panel does (direct, multitouch
 * protocol B, absolute axes the size of the screen) -- and plays the
 * render scripts' finger commands on it:
 *
 *     tap X Y                 drag X1 Y1 X2 Y2 MS
 *     down F X Y              move F X Y            up F
 *     wait MS                 # comment
 *
 * Usage: kiosk-touch WxH [FIFO]
 * Commands come from standard input until it ends, or from FIFO, which is
 * opened again after each writer closes it (the device stays, so SDL sees
 * one panel for the whole test).  "ready" is printed once the device
 * exists and has had a moment to be found. */
#include <errno.h>
#include <fcntl.h>
#include <linux/uinput.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#define FINGERS 10

static int fd = -1, down_count;
static int tracking[FINGERS]; /* 0: up */
static int next_id = 1;

static void sleep_ms(long ms)
{
    struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
    while (nanosleep(&t, &t) != 0 && errno == EINTR)
        ;
}

static void emit(int type, int code, int value)
{
    struct input_event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = (unsigned short)type;
    ev.code = (unsigned short)code;
    ev.value = value;
    if (write(fd, &ev, sizeof ev) != (ssize_t)sizeof ev) {
        perror("kiosk-touch: write");
        exit(1);
    }
}

static void axis(int code, int max)
{
    struct uinput_abs_setup a;
    memset(&a, 0, sizeof a);
    a.code = (unsigned short)code;
    a.absinfo.minimum = 0;
    a.absinfo.maximum = max;
    a.absinfo.resolution = 4; /* units per mm: about a 10" panel */
    if (ioctl(fd, UI_ABS_SETUP, &a) != 0) {
        perror("kiosk-touch: UI_ABS_SETUP");
        exit(1);
    }
}

static void create(int w, int h)
{
    fd = open("/dev/uinput", O_WRONLY | O_NONBLOCK);
    if (fd < 0) {
        perror("kiosk-touch: /dev/uinput (modprobe uinput?)");
        exit(1);
    }
    ioctl(fd, UI_SET_EVBIT, EV_KEY);
    ioctl(fd, UI_SET_KEYBIT, BTN_TOUCH);
    ioctl(fd, UI_SET_EVBIT, EV_ABS);
    int codes[] = {ABS_X, ABS_Y, ABS_MT_SLOT, ABS_MT_TRACKING_ID,
                   ABS_MT_POSITION_X, ABS_MT_POSITION_Y};
    for (size_t i = 0; i < sizeof codes / sizeof *codes; i++)
        ioctl(fd, UI_SET_ABSBIT, codes[i]);
    ioctl(fd, UI_SET_PROPBIT, INPUT_PROP_DIRECT);
    axis(ABS_X, w - 1);
    axis(ABS_Y, h - 1);
    axis(ABS_MT_POSITION_X, w - 1);
    axis(ABS_MT_POSITION_Y, h - 1);
    axis(ABS_MT_SLOT, FINGERS - 1);
    axis(ABS_MT_TRACKING_ID, 65535);
    struct uinput_setup u;
    memset(&u, 0, sizeof u);
    u.id.bustype = BUS_USB;
    u.id.vendor = 0x1d6b; /* "Linux Foundation": a virtual device */
    u.id.product = 0x0104;
    u.id.version = 1;
    snprintf(u.name, sizeof u.name, "Kiosk test touchscreen");
    if (ioctl(fd, UI_DEV_SETUP, &u) != 0 ||
        ioctl(fd, UI_DEV_CREATE) != 0) {
        perror("kiosk-touch: UI_DEV_CREATE");
        exit(1);
    }
    sleep_ms(1500); /* udev tags it, SDL opens it */
}

static void finger(int f, int x, int y, int what) /* 1 down, 0 move, -1 up */
{
    emit(EV_ABS, ABS_MT_SLOT, f);
    if (what > 0) {
        tracking[f] = next_id++;
        emit(EV_ABS, ABS_MT_TRACKING_ID, tracking[f]);
        if (down_count++ == 0)
            emit(EV_KEY, BTN_TOUCH, 1);
    }
    if (what < 0) {
        emit(EV_ABS, ABS_MT_TRACKING_ID, -1);
        tracking[f] = 0;
        if (--down_count == 0)
            emit(EV_KEY, BTN_TOUCH, 0);
    } else {
        emit(EV_ABS, ABS_MT_POSITION_X, x);
        emit(EV_ABS, ABS_MT_POSITION_Y, y);
        emit(EV_ABS, ABS_X, x);
        emit(EV_ABS, ABS_Y, y);
    }
    emit(EV_SYN, SYN_REPORT, 0);
}

/* Plays one command line; false on a line it does not understand. */
static int play(const char *line)
{
    int a, b, c, d, e;
    char word[16];
    if (sscanf(line, " %15s", word) != 1 || word[0] == '#')
        return 1;
    if (strcmp(word, "tap") == 0 && sscanf(line, " tap %d %d", &a, &b) == 2) {
        finger(0, a, b, 1);
        sleep_ms(60);
        finger(0, a, b, -1);
    } else if (strcmp(word, "drag") == 0 &&
               sscanf(line, " drag %d %d %d %d %d", &a, &b, &c, &d, &e) ==
                   5) {
        int steps = e / 16 > 1 ? e / 16 : 1;
        finger(0, a, b, 1);
        for (int i = 1; i <= steps; i++) {
            sleep_ms(e / steps);
            finger(0, a + (c - a) * i / steps, b + (d - b) * i / steps, 0);
        }
        finger(0, c, d, -1);
    } else if (strcmp(word, "down") == 0 &&
               sscanf(line, " down %d %d %d", &a, &b, &c) == 3 && a >= 1 &&
               a <= FINGERS) {
        finger(a - 1, b, c, 1);
    } else if (strcmp(word, "move") == 0 &&
               sscanf(line, " move %d %d %d", &a, &b, &c) == 3 && a >= 1 &&
               a <= FINGERS && tracking[a - 1]) {
        finger(a - 1, b, c, 0);
    } else if (strcmp(word, "up") == 0 && sscanf(line, " up %d", &a) == 1 &&
               a >= 1 && a <= FINGERS && tracking[a - 1]) {
        finger(a - 1, 0, 0, -1);
    } else if (strcmp(word, "wait") == 0 &&
               sscanf(line, " wait %d", &a) == 1 && a >= 0) {
        sleep_ms(a);
    } else {
        fprintf(stderr, "kiosk-touch: cannot play: %s", line);
        return 0;
    }
    return 1;
}

int main(int argc, char **argv)
{
    int w, h;
    if (argc < 2 || argc > 3 || sscanf(argv[1], "%dx%d", &w, &h) != 2 ||
        w < 2 || h < 2) {
        fprintf(stderr, "usage: kiosk-touch WxH [FIFO]\n");
        return 2;
    }
    create(w, h);
    printf("ready\n");
    fflush(stdout);
    char line[256];
    int ok = 1;
    if (argc == 2) {
        while (fgets(line, sizeof line, stdin))
            ok &= play(line);
    } else {
        for (;;) { /* each writer's commands, then wait for the next */
            FILE *f = fopen(argv[2], "r");
            if (!f) {
                perror(argv[2]);
                return 1;
            }
            while (fgets(line, sizeof line, f))
                play(line);
            fclose(f);
        }
    }
    sleep_ms(300);
    ioctl(fd, UI_DEV_DESTROY);
    close(fd);
    return ok ? 0 : 1;
}
