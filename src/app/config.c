/* config.c: reading kiosk.conf with the content files' parser.
 *
 * Nothing is taken in part: a number is plain decimal digits within its
 * range (never "nan", "inf", hex, an exponent, a sign or a space), a path
 * fits its buffer whole (one cut short would name another folder), and
 * every other value is an error at its file, line and column. */
#include <errno.h>
#include <math.h>
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

/* A path setting into out[size]: whole, or an error where it would be
 * cut. */
static void path_setting(const struct content_source *src,
                         const struct bf_field *f, char *out, size_t size,
                         struct diag_list *d)
{
    size_t n = strlen(f->value);
    if (n == 0) {
        content_diag_at(d, DIAG_ERROR, src, f->key_off, "%s is empty: give "
                        "a path, or remove the line for the default",
                        f->key);
        return;
    }
    if (n < size) {
        memcpy(out, f->value, n + 1);
        return;
    }
    /* The caret goes where the cut would be, when the value is one line
     * as written (a continued value is shown at its start). */
    size_t keep = utf8_prefix_len(f->value, n, size - 1);
    bool one_line = f->value_off + n <= src->len &&
                    memcmp(src->text + f->value_off, f->value, n) == 0;
    content_diag_at(d, DIAG_ERROR, src, f->value_off + (one_line ? keep : 0),
                    "%s is %zu bytes long; a path here may be at most %zu "
                    "bytes (the rest, from here on, would be cut off and "
                    "another folder used)", f->key, n, size - 1);
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

bool app_config_read(const char *path, struct app_config *cfg,
                     struct diag_list *d)
{
    size_t before = d->errors;
    if (!plain_file(path, d))
        return false;
    const char *slash = strrchr(path, '/');
    char *dir = slash ? xstrndup(path, (size_t)(slash - path)) : xstrdup(".");
    const char *name = slash ? slash + 1 : path;
    struct content_source src;
    bool ok = content_source_read(*dir ? dir : "/", name, 64 * 1024, &src, d);
    free(dir);
    if (!ok)
        return false;
    struct blockfile bf;
    blockfile_parse(&src, BLOCKFILE_FIELDS, &bf, d);
    static const char *const known[] = {"content", "state-dir", "fonts",
                                        "screen-diagonal-inch", "rotation",
                                        "staff-pin-hash", "screen-size-mm",
                                        "idle-timeout"};
    bf_check_keys(&bf, bf.fields, bf.field_count, known, 8, NULL, 0, 0,
                  "kiosk.conf", d);
    for (size_t k = 0; k < bf.block_count; k++)
        content_diag_at(d, DIAG_ERROR, &src, bf.blocks[k].off,
                        "kiosk.conf has settings only, no '##' blocks");
    for (size_t i = 0; i < bf.field_count; i++) {
        const struct bf_field *f = &bf.fields[i];
        if (strcmp(f->key, "content") == 0)
            path_setting(&src, f, cfg->content, sizeof cfg->content, d);
        else if (strcmp(f->key, "state-dir") == 0)
            path_setting(&src, f, cfg->state_dir, sizeof cfg->state_dir, d);
        else if (strcmp(f->key, "fonts") == 0)
            path_setting(&src, f, cfg->fonts, sizeof cfg->fonts, d);
        else if (strcmp(f->key, "screen-diagonal-inch") == 0) {
            double v;
            if (!parse_decimal(f->value, strlen(f->value), 3, 200, &v))
                content_diag_at(d, DIAG_ERROR, &src, f->value_off,
                                "screen-diagonal-inch '%s' must be the "
                                "screen's diagonal in inches, like 21.5 "
                                "(digits, from 3 to 200)",
                                f->value);
            else
                cfg->screen_diagonal_inch = v;
        } else if (strcmp(f->key, "rotation") == 0) {
            long v;
            if (!cli_parse_int(f->value, 0, 270, &v) ||
                !render_rotation_valid((int)v))
                content_diag_at(d, DIAG_ERROR, &src, f->value_off,
                                "rotation '%s' must be 0, 90, 180 or 270: "
                                "the degrees the picture is turned "
                                "clockwise to stand upright on the "
                                "mounted screen",
                                f->value);
            else
                cfg->rotation = (int)v;
        } else if (strcmp(f->key, "screen-size-mm") == 0) {
            /* The visible area, e.g. 476x268 for a 21.5" 16:9 panel: the
             * touch slop needs only its diagonal. */
            const char *x = strchr(f->value, 'x');
            double mw, mh;
            if (!x ||
                !parse_decimal(f->value, (size_t)(x - f->value), 30, 5000,
                               &mw) ||
                !parse_decimal(x + 1, strlen(x + 1), 30, 5000, &mh))
                content_diag_at(d, DIAG_ERROR, &src, f->value_off,
                                "screen-size-mm '%s' must be the visible "
                                "area's width and height in millimetres, "
                                "like 476x268 (digits, each from 30 to "
                                "5000)",
                                f->value);
            else if (bf_find(bf.fields, bf.field_count,
                             "screen-diagonal-inch"))
                content_diag_at(d, DIAG_ERROR, &src, f->key_off,
                                "give screen-size-mm or "
                                "screen-diagonal-inch, not both");
            else
                cfg->screen_diagonal_inch = sqrt(mw * mw + mh * mh) / 25.4;
        } else if (strcmp(f->key, "idle-timeout") == 0) {
            long v;
            if (!cli_parse_int(f->value, 15, 3600, &v))
                content_diag_at(d, DIAG_ERROR, &src, f->value_off,
                                "idle-timeout '%s' must be a number of "
                                "seconds from 15 to 3600, like "
                                "'idle-timeout: 90' (without it the "
                                "content's own applies)",
                                f->value);
            else
                cfg->idle_timeout_s = (unsigned)v;
        } else if (strcmp(f->key, "staff-pin-hash") == 0) {
            char why[160];
            if (staff_pin_hash_parse(f->value, &cfg->staff_pin, why,
                                     sizeof why))
                cfg->has_staff_pin = true;
            else
                content_diag_at(d, DIAG_ERROR, &src, f->value_off,
                                "staff-pin-hash is not usable: %s; make "
                                "the line with 'kiosk staff-pin-hash' and "
                                "paste it whole",
                                why);
        }
    }
    blockfile_fini(&bf);
    content_source_fini(&src);
    return d->errors == before;
}
