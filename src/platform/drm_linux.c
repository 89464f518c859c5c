/* drm_linux.c: whether the kernel offers a display device the kiosk may
 * open (see platform.h): /dev/dri and its card nodes.  Read only; it
 * opens a card for a moment to learn whether it may, and closes it. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "platform/platform.h"

#define DRI "/dev/dri"

bool platform_display_device(char *why, size_t size)
{
    DIR *d = opendir(DRI);
    if (!d) {
        snprintf(why, size, "there is no %s (%s): no graphics driver "
                 "(DRM) is loaded", DRI, strerror(errno));
        return false;
    }
    char denied[600] = "";
    bool card = false, usable = false;
    struct dirent *e;
    while (!usable && (e = readdir(d))) {
        if (strncmp(e->d_name, "card", 4) != 0)
            continue;
        card = true;
        char path[280];
        snprintf(path, sizeof path, DRI "/%s", e->d_name);
        int fd = open(path, O_RDWR | O_CLOEXEC | O_NOCTTY);
        if (fd >= 0) {
            close(fd);
            snprintf(why, size, "%s opens", path);
            usable = true;
        } else if (!denied[0]) {
            snprintf(denied, sizeof denied, "%s cannot be opened (%s)",
                     path, strerror(errno));
        }
    }
    closedir(d);
    if (usable)
        return true;
    if (card)
        snprintf(why, size, "%s: the user needs the 'video' group or a "
                 "seat (logind)", denied);
    else
        snprintf(why, size, "%s has no card: no graphics driver (DRM) "
                 "has found a display adapter", DRI);
    return false;
}
