/* hotplug_linux.c: the display's comings and goings -- DRM hotplug
 * uevents through libudev, and which connectors are connected now.
 *
 * A thread blocks in poll() on the udev monitor and on a pipe that
 * platform_hotplug_destroy writes to (stopping never waits for a
 * timeout), and calls back once per "change" event of a DRM card: with
 * HOTPLUG=1 it is what the kernel sends when a cable is pulled or
 * plugged or a display is switched off or on (it drops its hot-plug
 * detect line); without, a change asked for by hand (udevadm trigger
 * after forcing a connector in debugfs, where the kernel itself sends
 * nothing).  The callback only looks at the connectors again, and acts
 * only when they differ, so an event too many costs nothing. */
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libudev.h>
#include <xf86drm.h>
#include <xf86drmMode.h>

#include "core/log.h"
#include "core/xalloc.h"
#include "platform/platform.h"

struct platform_hotplug {
    struct udev *udev;
    struct udev_monitor *mon;
    int stop[2];
    pthread_t thread;
    platform_hotplug_fn *fn;
    void *ctx;
};

static void *run(void *arg)
{
    struct platform_hotplug *h = arg;
    struct pollfd fds[2] = {
        {udev_monitor_get_fd(h->mon), POLLIN, 0},
        {h->stop[0], POLLIN, 0},
    };
    for (;;) {
        if (poll(fds, 2, -1) < 0)
            continue;
        if (fds[1].revents)
            return NULL;
        struct udev_device *dev = udev_monitor_receive_device(h->mon);
        if (!dev)
            continue;
        const char *action = udev_device_get_action(dev);
        const char *hp = udev_device_get_property_value(dev, "HOTPLUG");
        if (action && strcmp(action, "change") == 0) {
            log_debug("platform", "DRM %s event from %s",
                      hp && strcmp(hp, "1") == 0 ? "hotplug" : "change",
                      udev_device_get_sysname(dev));
            h->fn(h->ctx);
        }
        udev_device_unref(dev);
    }
}

struct platform_hotplug *platform_hotplug_create(platform_hotplug_fn *fn,
                                                 void *ctx)
{
    struct platform_hotplug *h = xcalloc(1, sizeof *h);
    h->fn = fn;
    h->ctx = ctx;
    h->stop[0] = h->stop[1] = -1;
    h->udev = udev_new();
    h->mon = h->udev ? udev_monitor_new_from_netlink(h->udev, "udev")
                     : NULL;
    if (!h->mon ||
        udev_monitor_filter_add_match_subsystem_devtype(h->mon, "drm",
                                                        "drm_minor") < 0 ||
        udev_monitor_enable_receiving(h->mon) < 0 || pipe(h->stop) != 0 ||
        pthread_create(&h->thread, NULL, run, h) != 0) {
        log_warn("platform", "cannot listen for display hotplug events "
                 "(udev): a display that goes away and comes back needs "
                 "the exhibit restarted");
        if (h->stop[0] >= 0) {
            close(h->stop[0]);
            close(h->stop[1]);
        }
        udev_monitor_unref(h->mon);
        udev_unref(h->udev);
        free(h);
        return NULL;
    }
    return h;
}

void platform_hotplug_destroy(struct platform_hotplug *h)
{
    if (!h)
        return;
    if (write(h->stop[1], "x", 1) != 1)
        log_warn("platform", "cannot stop the hotplug thread cleanly");
    pthread_join(h->thread, NULL);
    close(h->stop[0]);
    close(h->stop[1]);
    udev_monitor_unref(h->mon);
    udev_unref(h->udev);
    free(h);
}

int platform_drm_connected(int drm_fd, char *names, size_t size)
{
    if (size)
        names[0] = '\0';
    drmModeRes *res = drm_fd >= 0 ? drmModeGetResources(drm_fd) : NULL;
    if (!res)
        return -1;
    int n = 0;
    size_t used = 0;
    for (int i = 0; i < res->count_connectors; i++) {
        drmModeConnector *c = drmModeGetConnector(drm_fd,
                                                  res->connectors[i]);
        if (!c)
            continue;
        if (c->connection == DRM_MODE_CONNECTED) {
            const char *type = drmModeGetConnectorTypeName(c->connector_type);
            int w = snprintf(names + used, size > used ? size - used : 0,
                             "%s%s-%u", n ? ", " : "", type ? type : "?",
                             c->connector_type_id);
            used += w > 0 ? (size_t)w : 0;
            n++;
        }
        drmModeFreeConnector(c);
    }
    drmModeFreeResources(res);
    return n;
}
