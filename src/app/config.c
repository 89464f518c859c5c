/* config.c: reading kiosk.conf with the content files' parser. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/cli.h"
#include "app/config.h"
#include "content/blockfile.h"
#include "content/source.h"
#include "core/xalloc.h"
#include "render/rotate.h"

bool app_config_read(const char *path, struct app_config *cfg,
                     struct diag_list *d)
{
    size_t before = d->errors;
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
            snprintf(cfg->content, sizeof cfg->content, "%s", f->value);
        else if (strcmp(f->key, "state-dir") == 0)
            snprintf(cfg->state_dir, sizeof cfg->state_dir, "%s", f->value);
        else if (strcmp(f->key, "fonts") == 0)
            snprintf(cfg->fonts, sizeof cfg->fonts, "%s", f->value);
        else if (strcmp(f->key, "screen-diagonal-inch") == 0) {
            char *end;
            double v = strtod(f->value, &end);
            if (*end || v < 3 || v > 200)
                content_diag_at(d, DIAG_ERROR, &src, f->value_off,
                                "screen-diagonal-inch '%s' must be the "
                                "screen's diagonal in inches, like 21.5",
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
            double mw, mh;
            int used = 0;
            if (sscanf(f->value, "%lfx%lf%n", &mw, &mh, &used) != 2 ||
                f->value[used] || mw < 30 || mh < 30 || mw > 5000 ||
                mh > 5000)
                content_diag_at(d, DIAG_ERROR, &src, f->value_off,
                                "screen-size-mm '%s' must be the visible "
                                "area's width and height in millimetres, "
                                "like 476x268",
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
