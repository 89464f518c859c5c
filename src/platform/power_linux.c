/* power_linux.c: the display's real power ways (see platform.h and
 * ops/display_power.h).
 *
 * HDMI-CEC goes through the kernel's CEC framework directly (linux/cec.h
 * ioctls on /dev/cecN): the Pi's vc4 HDMI driver has a CEC adapter, and
 * the kernel API needs no library -- libcec is a large C++ stack built
 * around Pulse-Eight USB adapters, and v4l-utils' cec-ctl would be a
 * process per command whose output must be parsed.  The adapter gets a
 * Playback logical address if it has none (the DRM driver sets the
 * physical address from the display's EDID); <Standby> to the TV counts
 * only when the TV acknowledges it.  A transmit blocks until the
 * adapter's answer: the kernel bounds it (a few retries of a 2.4 ms
 * frame, at most about a second without an acknowledgement).
 *
 * DPMS is the connector's legacy "DPMS" property through libdrm on SDL's
 * own descriptor, which holds DRM master (SDL2's KMSDRM in bookworm uses
 * legacy mode setting, so the property applies).  The backlight is
 * /sys/class/backlight/<any>/bl_power: 4 (powerdown) off, 0 on. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <linux/cec-funcs.h>
#include <linux/cec.h>
#include <xf86drm.h>
#include <xf86drmMode.h>

#include "core/xalloc.h"
#include "platform/platform.h"

struct platform_power {
    char root[256];
    int drm_fd;
    int cec_fd;
    int cec_la; /* the logical address the kiosk speaks from */
    char cec_path[300];
};

struct platform_power *platform_power_create(const char *root, int drm_fd)
{
    struct platform_power *p = xcalloc(1, sizeof *p);
    snprintf(p->root, sizeof p->root, "%s", root ? root : "");
    p->drm_fd = drm_fd;
    p->cec_fd = -1;
    return p;
}

void platform_power_destroy(struct platform_power *p)
{
    if (!p)
        return;
    if (p->cec_fd >= 0)
        close(p->cec_fd);
    free(p);
}

/* ---- HDMI-CEC ------------------------------------------------------- */

/* The adapter whose physical address is set and is not 0.0.0.0: a Pi 4
 * has one adapter per HDMI port and only the connected one has an
 * address, and 0.0.0.0 is the TV's own (a CEC-capable HDMI input such as
 * a capture card).  Without such an adapter, the first that exists, so
 * that cec_ready says what is wrong with it.  False (ABSENT) if there is
 * no ROOT/dev/cecN at all. */
static bool cec_open(struct platform_power *p)
{
    if (p->cec_fd >= 0)
        return true;
    bool any = false;
    char first[sizeof p->cec_path] = "";
    int first_fd = -1, first_errno = 0;
    for (int i = 0; i < 8; i++) {
        char path[sizeof p->cec_path];
        snprintf(path, sizeof path, "%s/dev/cec%d", p->root, i);
        int fd = open(path, O_RDWR | O_CLOEXEC);
        if (fd < 0 && errno == ENOENT)
            continue;
        bool is_first = !any;
        if (is_first) {
            any = true;
            snprintf(first, sizeof first, "%s", path);
            first_errno = fd < 0 ? errno : 0;
        }
        if (fd < 0)
            continue;
        __u16 phys = CEC_PHYS_ADDR_INVALID;
        if (ioctl(fd, CEC_ADAP_G_PHYS_ADDR, &phys) == 0 &&
            phys != CEC_PHYS_ADDR_INVALID && phys != 0) {
            if (first_fd >= 0)
                close(first_fd);
            snprintf(p->cec_path, sizeof p->cec_path, "%s", path);
            p->cec_fd = fd;
            return true;
        }
        if (is_first)
            first_fd = fd;
        else
            close(fd);
    }
    if (!any)
        return false;
    snprintf(p->cec_path, sizeof p->cec_path, "%s", first);
    p->cec_fd = first_fd;
    errno = first_errno; /* cec_set names why it could not be opened */
    return true;
}

static void cec_drop(struct platform_power *p)
{
    if (p->cec_fd >= 0)
        close(p->cec_fd);
    p->cec_fd = -1;
}

/* A logical address to speak from: the adapter's, or a Playback one
 * claimed now. */
static bool cec_ready(struct platform_power *p, char *why, size_t size)
{
    struct cec_caps caps;
    if (ioctl(p->cec_fd, CEC_ADAP_G_CAPS, &caps) != 0) {
        snprintf(why, size, "HDMI-CEC: %s is not a CEC adapter (%s)",
                 p->cec_path, strerror(errno));
        return false;
    }
    __u32 mode = CEC_MODE_INITIATOR;
    if (ioctl(p->cec_fd, CEC_S_MODE, &mode) != 0) {
        snprintf(why, size, "HDMI-CEC: %s will not let the kiosk send (%s)",
                 p->cec_path, strerror(errno));
        return false;
    }
    __u16 phys = CEC_PHYS_ADDR_INVALID;
    if (ioctl(p->cec_fd, CEC_ADAP_G_PHYS_ADDR, &phys) != 0 ||
        phys == CEC_PHYS_ADDR_INVALID) {
        snprintf(why, size, "HDMI-CEC: %s has no physical address (f.f.f.f): "
                 "no display is connected to it, or it gave no EDID",
                 p->cec_path);
        return false;
    }
    struct cec_log_addrs la;
    memset(&la, 0, sizeof la);
    if (ioctl(p->cec_fd, CEC_ADAP_G_LOG_ADDRS, &la) == 0 && la.log_addr_mask &&
        la.num_log_addrs > 0 && la.log_addr[0] != CEC_LOG_ADDR_INVALID) {
        p->cec_la = la.log_addr[0];
        return true;
    }
    if (!(caps.capabilities & CEC_CAP_LOG_ADDRS)) {
        snprintf(why, size, "HDMI-CEC: %s has no logical address and does "
                 "not let the kiosk claim one", p->cec_path);
        return false;
    }
    memset(&la, 0, sizeof la);
    la.cec_version = CEC_OP_CEC_VERSION_1_4;
    la.vendor_id = CEC_VENDOR_ID_NONE;
    la.num_log_addrs = 1;
    la.log_addr_type[0] = CEC_LOG_ADDR_TYPE_PLAYBACK;
    la.primary_device_type[0] = CEC_OP_PRIM_DEVTYPE_PLAYBACK;
    la.all_device_types[0] = CEC_OP_ALL_DEVTYPE_PLAYBACK;
    snprintf(la.osd_name, sizeof la.osd_name, "Kiosk");
    if (ioctl(p->cec_fd, CEC_ADAP_S_LOG_ADDRS, &la) != 0) {
        snprintf(why, size, "HDMI-CEC: %s: cannot claim a logical address "
                 "(%s)", p->cec_path, strerror(errno));
        return false;
    }
    if (la.log_addr[0] == CEC_LOG_ADDR_INVALID) {
        snprintf(why, size, "HDMI-CEC: %s: no Playback logical address is "
                 "free on the bus", p->cec_path);
        return false;
    }
    p->cec_la = la.log_addr[0];
    return true;
}

static bool cec_send(struct platform_power *p, struct cec_msg *m,
                     const char *what, char *why, size_t size)
{
    m->timeout = 1000;
    if (ioctl(p->cec_fd, CEC_TRANSMIT, m) != 0) {
        snprintf(why, size, "HDMI-CEC: %s could not send %s (%s)",
                 p->cec_path, what, strerror(errno));
        cec_drop(p); /* gone, or reconfigured: opened afresh next time */
        return false;
    }
    if (!(m->tx_status & CEC_TX_STATUS_OK)) {
        snprintf(why, size, "HDMI-CEC: %s sent %s to the TV, no "
                 "acknowledgement (the display does not answer CEC, or CEC "
                 "is off in its menu)", p->cec_path, what);
        return false;
    }
    snprintf(why, size, "HDMI-CEC: %s sent %s, acknowledged", p->cec_path,
             what);
    return true;
}

static enum power_result cec_set(struct platform_power *p, bool on,
                                 char *why, size_t size)
{
    if (!cec_open(p)) {
        snprintf(why, size, "HDMI-CEC: no /dev/cec* adapter");
        return POWER_ABSENT;
    }
    if (p->cec_fd < 0) {
        snprintf(why, size, "HDMI-CEC: %s cannot be opened (%s): the kiosk "
                 "needs the 'video' group", p->cec_path, strerror(errno));
        return POWER_FAILED;
    }
    if (!cec_ready(p, why, size)) {
        cec_drop(p); /* opened afresh next time */
        return POWER_FAILED;
    }
    struct cec_msg m;
    /* The kernel wants the initiator to be one of the adapter's own
     * logical addresses (EINVAL otherwise). */
    cec_msg_init(&m, (__u8)p->cec_la, CEC_LOG_ADDR_TV);
    if (!on) {
        cec_msg_standby(&m);
        return cec_send(p, &m, "Standby", why, size) ? POWER_DONE
                                                      : POWER_FAILED;
    }
    cec_msg_image_view_on(&m);
    if (!cec_send(p, &m, "Image View On", why, size))
        return POWER_FAILED;
    __u16 phys = CEC_PHYS_ADDR_INVALID;
    ioctl(p->cec_fd, CEC_ADAP_G_PHYS_ADDR, &phys);
    struct cec_msg a;
    cec_msg_init(&a, (__u8)p->cec_la, CEC_LOG_ADDR_BROADCAST);
    cec_msg_active_source(&a, phys);
    a.timeout = 0; /* a broadcast is not acknowledged */
    if (ioctl(p->cec_fd, CEC_TRANSMIT, &a) != 0)
        snprintf(why + strlen(why), size - strlen(why),
                 "; Active Source not sent (%s)", strerror(errno));
    return POWER_DONE;
}

/* ---- DPMS ----------------------------------------------------------- */

static enum power_result dpms_set(struct platform_power *p, bool on,
                                  char *why, size_t size)
{
    if (p->drm_fd < 0) {
        snprintf(why, size, "DPMS: no DRM device of the kiosk's own (a "
                 "desktop window)");
        return POWER_ABSENT;
    }
    drmModeRes *res = drmModeGetResources(p->drm_fd);
    if (!res) {
        snprintf(why, size, "DPMS: the DRM device does not answer (%s)",
                 strerror(errno));
        return POWER_FAILED;
    }
    int done = 0, tried = 0;
    char names[128] = "";
    for (int i = 0; i < res->count_connectors; i++) {
        drmModeConnector *c = drmModeGetConnector(p->drm_fd,
                                                  res->connectors[i]);
        if (!c)
            continue;
        if (c->connection != DRM_MODE_CONNECTED) {
            drmModeFreeConnector(c);
            continue;
        }
        for (int k = 0; k < c->count_props; k++) {
            drmModePropertyRes *prop = drmModeGetProperty(p->drm_fd,
                                                          c->props[k]);
            if (!prop)
                continue;
            if (strcmp(prop->name, "DPMS") == 0) {
                tried++;
                if (drmModeConnectorSetProperty(
                        p->drm_fd, c->connector_id, prop->prop_id,
                        on ? DRM_MODE_DPMS_ON : DRM_MODE_DPMS_OFF) == 0) {
                    done++;
                    const char *t =
                        drmModeGetConnectorTypeName(c->connector_type);
                    size_t n = strlen(names);
                    snprintf(names + n, sizeof names - n, "%s%s-%u",
                             n ? ", " : "", t ? t : "?",
                             c->connector_type_id);
                }
            }
            drmModeFreeProperty(prop);
        }
        drmModeFreeConnector(c);
    }
    drmModeFreeResources(res);
    if (done) {
        snprintf(why, size, "DPMS %s on %s", on ? "on" : "off", names);
        return POWER_DONE;
    }
    snprintf(why, size, tried ? "DPMS: the connector refused (%s)"
                              : "DPMS: no connected connector has a DPMS "
                                "property%s",
             tried ? strerror(errno) : "");
    return POWER_FAILED;
}

/* ---- the backlight -------------------------------------------------- */

static enum power_result backlight_set(struct platform_power *p, bool on,
                                       char *why, size_t size)
{
    char dir[400];
    snprintf(dir, sizeof dir, "%s/sys/class/backlight", p->root);
    DIR *d = opendir(dir);
    if (!d) {
        snprintf(why, size, "backlight: none (no /sys/class/backlight)");
        return POWER_ABSENT;
    }
    int found = 0, done = 0;
    why[0] = '\0';
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        found++;
        char path[700];
        snprintf(path, sizeof path, "%s/%s/bl_power", dir, e->d_name);
        const char *value = on ? "0" : "4";
        FILE *f = fopen(path, "w");
        bool ok = f && fputs(value, f) >= 0;
        ok = f ? fclose(f) == 0 && ok : false;
        char back[8] = "";
        FILE *r = ok ? fopen(path, "r") : NULL;
        if (r) {
            if (!fgets(back, sizeof back, r))
                back[0] = '\0';
            fclose(r);
        }
        size_t n = strlen(why);
        if (ok && back[0] == value[0]) {
            done++;
            snprintf(why + n, size - n, "%sbacklight %s: bl_power %s",
                     n ? "; " : "", e->d_name, value);
        } else {
            snprintf(why + n, size - n, "%sbacklight: %s cannot be written "
                     "(%s; the kiosk needs the 'video' group and the udev "
                     "rule 99-kiosk-display.rules)", n ? "; " : "", path,
                     ok ? "it reads back otherwise" : strerror(errno));
        }
    }
    closedir(d);
    if (!found) {
        snprintf(why, size, "backlight: none in /sys/class/backlight");
        return POWER_ABSENT;
    }
    return done ? POWER_DONE : POWER_FAILED;
}

enum power_result platform_power_set(void *ctx, enum power_way way, bool on,
                                     char *why, size_t size)
{
    struct platform_power *p = ctx;
    switch (way) {
    case POWER_CEC:
        return cec_set(p, on, why, size);
    case POWER_DPMS:
        return dpms_set(p, on, why, size);
    case POWER_BACKLIGHT:
        return backlight_set(p, on, why, size);
    case POWER_WAY_COUNT:
        break;
    }
    snprintf(why, size, "no such way");
    return POWER_FAILED;
}
