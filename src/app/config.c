/* config.c: reading kiosk.conf with the content files' parser.
 *
 * Every key is one row of `keys`: its name, the reader of its value, where
 * the value goes in struct app_config and what a refused value must be.
 * Nothing is taken in part: a number is plain decimal digits within its
 * range (never "nan", "inf", hex, an exponent, a sign or a space; whole
 * numbers by cli_parse_int, the command line's own grammar), a path fits
 * its buffer whole (one cut short would name another folder), and every
 * other value is an error at its file, line and column. */
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/cli.h"
#include "app/config.h"
#include "content/blockfile.h"
#include "content/source.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "render/rotate.h"

/* s[0..n): digits, a '.' and more digits allowed, as a number from min
 * to max (whole numbers: cli_parse_int). */
static bool parse_decimal(const char *s, size_t n, double min, double max,
                          double *out)
{
    char buf[32];
    size_t i = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    bool digits = i > 0;
    if (digits && i < n && s[i] == '.') {
        size_t first = ++i;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
        digits = i > first;
    }
    if (!digits || i != n || n >= sizeof buf)
        return false;
    memcpy(buf, s, n);
    buf[n] = '\0';
    errno = 0;
    char *end;
    double v = strtod(buf, &end);
    if (errno || *end || !isfinite(v) || v < min || v > max)
        return false;
    *out = v;
    return true;
}

/* The settings file itself, before it is read: a plain file, not a link
 * (its owner and mode, 0640 root:kiosk, keep the staff PIN's hash from
 * other users; a link's target has its own). */
static bool plain_file(const char *path, struct diag_list *d)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return true; /* content_source_read says why it cannot be read */
    if (S_ISLNK(st.st_mode)) {
        char target[4096];
        ssize_t n = readlink(path, target, sizeof target - 1);
        char *shown = utf8_escape(target, n > 0 ? (size_t)n : 0);
        diag_add(d, DIAG_ERROR, path, 0, 0, NULL, "the settings file is a "
                 "link (to '%s'); kiosk.conf must be the file itself, so "
                 "that its owner and mode protect the staff PIN: replace "
                 "the link with a copy of the file it points to (sudo cp "
                 "--remove-destination \"$(readlink -f %s)\" %s)", shown,
                 path, path);
        free(shown);
        return false;
    }
    if (!S_ISREG(st.st_mode)) {
        diag_add(d, DIAG_ERROR, path, 0, 0, NULL, "the settings file is "
                 "not a plain file (a folder, device or pipe); kiosk.conf "
                 "must be a text file of 'key: value' lines");
        return false;
    }
    return true;
}

/* One field of the file being read, and the row of `keys` it matched. */
struct field {
    const struct key *key;
    const struct bf_field *f;
    const struct blockfile *bf; /* every field, for a key given two ways */
    const struct content_source *src;
    struct app_config *cfg;
    struct diag_list *d;
};

struct key {
    const char *name;
    void (*read)(const struct field *fd); /* the value into cfg, or an error */
    size_t at;        /* where it goes: offsetof(struct app_config, ...) */
    size_t size;      /* a path's buffer */
    double min, max;  /* a number's range */
    const char *must; /* the error "KEY 'VALUE' must ...", for a number */
    bool or_before;   /* stands in for the key before it: give one */
};

static void *slot(const struct field *fd)
{
    return (char *)fd->cfg + fd->key->at;
}

/* The value is refused: "KEY 'VALUE' must <what it must be>". */
static void refuse(const struct field *fd)
{
    content_diag_at(fd->d, DIAG_ERROR, fd->src, fd->f->value_off,
                    "%s '%s' must %s", fd->key->name, fd->f->value,
                    fd->key->must);
}

/* True (after an error) if the key this one stands in for is given too. */
static bool given_both(const struct field *fd)
{
    const struct key *other = fd->key - 1;
    if (!fd->key->or_before ||
        !bf_find(fd->bf->fields, fd->bf->field_count, other->name))
        return false;
    content_diag_at(fd->d, DIAG_ERROR, fd->src, fd->f->key_off,
                    "give %s or %s, not both", fd->key->name, other->name);
    return true;
}

/* A path into its buffer: whole, or an error where it would be cut. */
static void read_path(const struct field *fd)
{
    const struct bf_field *f = fd->f;
    size_t n = strlen(f->value), size = fd->key->size;
    if (n == 0) {
        content_diag_at(fd->d, DIAG_ERROR, fd->src, f->key_off, "%s is "
                        "empty: give a path, or remove the line for the "
                        "default", f->key);
        return;
    }
    if (n < size) {
        memcpy(slot(fd), f->value, n + 1);
        return;
    }
    /* The caret goes where the cut would be, when the value is one line
     * as written (a continued value is shown at its start). */
    const struct content_source *src = fd->src;
    size_t keep = utf8_prefix_len(f->value, n, size - 1);
    bool one_line = f->value_off + n <= src->len &&
                    memcmp(src->text + f->value_off, f->value, n) == 0;
    content_diag_at(fd->d, DIAG_ERROR, src,
                    f->value_off + (one_line ? keep : 0),
                    "%s is %zu bytes long; a path here may be at most %zu "
                    "bytes (the rest, from here on, would be cut off and "
                    "another folder used)", f->key, n, size - 1);
}

static void read_decimal(const struct field *fd)
{
    double v;
    if (!parse_decimal(fd->f->value, strlen(fd->f->value), fd->key->min,
                       fd->key->max, &v))
        refuse(fd);
    else if (!given_both(fd))
        *(double *)slot(fd) = v;
}

/* The visible area, e.g. 476x268 for a 21.5" 16:9 panel, as its diagonal
 * in inches: the touch slop needs only that. */
static void read_size_mm(const struct field *fd)
{
    const char *v = fd->f->value, *x = strchr(v, 'x');
    double w, h, min = fd->key->min, max = fd->key->max;
    if (!x || !parse_decimal(v, (size_t)(x - v), min, max, &w) ||
        !parse_decimal(x + 1, strlen(x + 1), min, max, &h))
        refuse(fd);
    else if (!given_both(fd))
        *(double *)slot(fd) = sqrt(w * w + h * h) / 25.4;
}

/* A whole number in the key's range, in the command line's grammar. */
static bool whole(const struct field *fd, long *v)
{
    return cli_parse_int(fd->f->value, (long)fd->key->min,
                         (long)fd->key->max, v);
}

static void read_seconds(const struct field *fd)
{
    long v;
    if (!whole(fd, &v))
        refuse(fd);
    else
        *(unsigned *)slot(fd) = (unsigned)v;
}

static void read_rotation(const struct field *fd)
{
    long v;
    if (!whole(fd, &v) || !render_rotation_valid((int)v))
        refuse(fd);
    else
        *(int *)slot(fd) = (int)v;
}

static void read_pin(const struct field *fd)
{
    char why[160];
    if (staff_pin_hash_parse(fd->f->value, slot(fd), why, sizeof why))
        fd->cfg->has_staff_pin = true;
    else
        content_diag_at(fd->d, DIAG_ERROR, fd->src, fd->f->value_off,
                        "%s is not usable: %s; make the line with 'kiosk "
                        "staff-pin-hash' and paste it whole",
                        fd->key->name, why);
}

/* opening-hours, closed, hours: added to the schedule; a problem at its
 * own column. */
static void read_schedule(const struct field *fd)
{
    struct schedule *s = &fd->cfg->schedule;
    struct schedule_error e = {0, ""};
    bool ok;
    if (strcmp(fd->key->name, "opening-hours") == 0)
        ok = schedule_add_weekly(s, fd->f->value, &e);
    else if (strcmp(fd->key->name, "closed") == 0)
        ok = schedule_add_closed(s, fd->f->value, &e);
    else
        ok = schedule_add_hours(s, fd->f->value, &e);
    if (ok) {
        fd->cfg->has_schedule = true;
        return;
    }
    content_diag_at(fd->d, DIAG_ERROR, fd->src,
                    bf_field_source_offset(fd->bf, fd->f, e.offset), "%s: %s",
                    fd->key->name, e.why);
}

/* Minutes a touch wakes a closed exhibit for, or "off". */
static void read_wake(const struct field *fd)
{
    long v;
    if (strcmp(fd->f->value, "off") == 0)
        v = 0;
    else if (!whole(fd, &v)) {
        refuse(fd);
        return;
    }
    fd->cfg->wake_s = (unsigned)v * 60;
    fd->cfg->has_wake = true;
}

#define AT(member) offsetof(struct app_config, member)
#define PATH(name, member)                                                  \
    {name, read_path, AT(member), sizeof ((struct app_config *)0)->member,  \
     0, 0, NULL, false}

static const struct key keys[] = {
    PATH("content", content),
    PATH("state-dir", state_dir),
    PATH("fonts", fonts),
    {"screen-diagonal-inch", read_decimal, AT(screen_diagonal_inch), 0, 3,
     200, "be the screen's diagonal in inches, like 21.5 (digits, from 3 "
     "to 200)", false},
    {"screen-size-mm", read_size_mm, AT(screen_diagonal_inch), 0, 30, 5000,
     "be the visible area's width and height in millimetres, like 476x268 "
     "(digits, each from 30 to 5000)", true},
    {"viewing-distance-mm", read_decimal, AT(viewing_distance_mm), 0, 250,
     5000, "be the visitor's usual distance from the screen in millimetres, "
     "like 600 (digits, from 250 to 5000); the type grows with it", false},
    {"rotation", read_rotation, AT(rotation), 0, 0, 270, "be 0, 90, 180 or "
     "270: the degrees the picture is turned clockwise to stand upright on "
     "the mounted screen", false},
    {"idle-timeout", read_seconds, AT(idle_timeout_s), 0, 15, 3600, "be a "
     "number of seconds from 15 to 3600, like 'idle-timeout: 90' (without "
     "it the content's own applies)", false},
    {"staff-pin-hash", read_pin, AT(staff_pin), 0, 0, 0, NULL, false},
    {"opening-hours", read_schedule, 0, 0, 0, 0, NULL, false},
    {"closed", read_schedule, 0, 0, 0, 0, NULL, false},
    {"hours", read_schedule, 0, 0, 0, 0, NULL, false},
    {"wake-on-touch", read_wake, 0, 0, 0, 240, "be the minutes a touch "
     "wakes the exhibit for outside opening hours, from 0 to 240, like "
     "'wake-on-touch: 10', or 'off'", false},
    PATH("status-file", status_file),
    PATH("prometheus-textfile", prometheus_textfile),
};

/* Keys that may be given on several lines (a closure a line). */
static const char *const repeatable[] = {"opening-hours", "closed", "hours",
                                         NULL};

#define KEY_COUNT (sizeof keys / sizeof *keys)

void app_config_key_list(char *buf, size_t size)
{
    size_t n = 0;
    if (size)
        buf[0] = '\0';
    for (size_t i = 0; i < KEY_COUNT && n < size; i++) {
        int w = snprintf(buf + n, size - n, "%s%s",
                         i == 0 ? "" : keys[i].or_before ? " or " : ", ",
                         keys[i].name);
        n += w > 0 ? (size_t)w : 0;
    }
}

/* The file's text, if it is a plain file that can be read whole. */
static bool read_source(const char *path, struct content_source *src,
                        struct diag_list *d)
{
    if (!plain_file(path, d))
        return false;
    const char *slash = strrchr(path, '/');
    char *dir = slash ? xstrndup(path, (size_t)(slash - path)) : xstrdup(".");
    const char *name = slash ? slash + 1 : path;
    bool ok = content_source_read(*dir ? dir : "/", name,
                                  APP_CONFIG_MAX_BYTES, src, d);
    free(dir);
    return ok;
}

bool app_config_read(const char *path, struct app_config *cfg,
                     struct diag_list *d)
{
    size_t before = d->errors;
    struct content_source src;
    if (!read_source(path, &src, d))
        return false;
    struct blockfile bf;
    blockfile_parse_settings(&src, repeatable, &bf, d);
    const char *known[KEY_COUNT];
    for (size_t k = 0; k < KEY_COUNT; k++)
        known[k] = keys[k].name;
    bf_check_keys(&bf, bf.fields, bf.field_count, known, KEY_COUNT, NULL, 0,
                  0, "kiosk.conf", d);
    for (size_t k = 0; k < bf.block_count; k++)
        content_diag_at(d, DIAG_ERROR, &src, bf.blocks[k].off,
                        "kiosk.conf has settings only, no '##' blocks");
    for (size_t i = 0; i < bf.field_count; i++) {
        for (size_t k = 0; k < KEY_COUNT; k++) {
            if (strcmp(bf.fields[i].key, keys[k].name) == 0) {
                struct field fd = {&keys[k], &bf.fields[i], &bf, &src, cfg,
                                   d};
                keys[k].read(&fd);
                break;
            }
        }
    }
    blockfile_fini(&bf);
    content_source_fini(&src);
    return d->errors == before;
}
