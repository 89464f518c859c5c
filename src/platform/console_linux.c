/* console_linux.c: the exhibit's hold on its virtual console (see
 * platform.h).
 *
 * Under kiosk.service the controlling terminal is tty1 (TTYPath=).  On a
 * Linux virtual console the kernel reads the keyboard itself: Alt+Fn and
 * Ctrl+Alt+Fn switch consoles, Ctrl+Alt+Del goes to the service manager,
 * keystrokes are typed into whatever reads the console.  Keyboard mode
 * K_OFF turns all of that off for this console (the exhibit still reads
 * the keyboard through evdev, as SDL does); graphics mode KD_GRAPHICS
 * keeps the kernel's text (cursor, messages) off the screen.  Both need
 * only that the console be the process's controlling terminal.  The magic
 * SysRq keys are not the console's: the package's sysctl turns them off.
 *
 * A process killed without the chance to release leaves the console so;
 * the next start (TTYReset=) and a getty reset it. */
#include <errno.h>
#include <fcntl.h>
#include <linux/kd.h>
#include <linux/vt.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "platform/platform.h"

static int console_fd = -1;
static int old_kbd_mode = -1;

bool platform_console_claim(char *desc, size_t size)
{
    if (console_fd >= 0) {
        snprintf(desc, size, "the console is already claimed");
        return true;
    }
    int fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(desc, size, "no controlling terminal (%s): the keyboard "
                 "is not taken from a console", strerror(errno));
        return false;
    }
    int mode;
    struct vt_stat vt;
    if (ioctl(fd, KDGKBMODE, &mode) != 0 ||
        ioctl(fd, VT_GETSTATE, &vt) != 0) {
        snprintf(desc, size, "the controlling terminal is not a virtual "
                 "console: the keyboard is not taken from one");
        close(fd);
        return false;
    }
    /* /dev/tty names no console: the device behind it does (tty1 is 4:1). */
    char name[64] = "a virtual console";
    unsigned int dev;
    if (ioctl(fd, TIOCGDEV, &dev) == 0)
        snprintf(name, sizeof name, "/dev/tty%u", minor(dev));
    if (ioctl(fd, KDSKBMODE, K_OFF) != 0) {
        snprintf(desc, size, "%s: the keyboard could not be turned off "
                 "(%s): console switching and Ctrl+Alt+Del reach the "
                 "system", name, strerror(errno));
        close(fd);
        return false;
    }
    bool graphics = ioctl(fd, KDSETMODE, KD_GRAPHICS) == 0;
    console_fd = fd;
    old_kbd_mode = mode;
    snprintf(desc, size, "%s: the keyboard is the exhibit's only (no "
             "console switching, no Ctrl+Alt+Del)%s", name,
             graphics ? "; graphics mode" : "; text mode kept (no "
                                             "graphics mode)");
    return true;
}

void platform_console_release(void)
{
    if (console_fd < 0)
        return;
    (void)ioctl(console_fd, KDSETMODE, KD_TEXT);
    /* K_OFF saved means someone before us had it off: give it back on. */
    int mode = old_kbd_mode == K_OFF ? K_UNICODE : old_kbd_mode;
    (void)ioctl(console_fd, KDSKBMODE, mode);
    close(console_fd);
    console_fd = -1;
}
