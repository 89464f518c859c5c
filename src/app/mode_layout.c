/* mode_layout.c: `kiosk layout` -- one paragraph's layout as JSON. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/cli.h"
#include "app/fonts.h"
#include "core/xalloc.h"
#include "text/dump.h"
#include "text/font.h"
#include "text/layout.h"

#define MODE "layout"

static char *read_all(const char *path, size_t max, size_t *len, int *err)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        *err = errno;
        return NULL;
    }
    size_t cap = 4096, n = 0;
    char *buf = xmalloc(cap);
    size_t r;
    while ((r = fread(buf + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n > max)
            break;
        if (n == cap)
            buf = xrealloc(buf, cap *= 2);
    }
    if (f != stdin)
        fclose(f);
    if (n > max) {
        free(buf);
        *err = EFBIG;
        return NULL;
    }
    *len = n;
    return buf;
}

static bool parse_align(const char *s, enum text_align *out)
{
    static const char *const names[] = {"start", "center", "end", "justify"};
    for (int i = 0; i < 4; i++) {
        if (strcmp(s, names[i]) == 0) {
            *out = (enum text_align)i;
            return true;
        }
    }
    return false;
}

int mode_layout(int argc, char **argv, const struct cli_common *common)
{
    long width = -1, size = -1;
    const char *lang_s = NULL, *role_s = "body", *file = NULL;
    enum text_align align = TEXT_ALIGN_START;
    bool glyphs = false;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i], *v;
        if (strcmp(a, "--width") == 0 || strcmp(a, "--size") == 0) {
            if (!(v = cli_value(MODE, argc, argv, &i)))
                return CLI_USAGE;
            long *slot = a[2] == 'w' ? &width : &size;
            long max = a[2] == 'w' ? TEXT_MAX_WIDTH_PX : TEXT_MAX_SIZE_PX;
            long min = a[2] == 'w' ? 1 : TEXT_MIN_SIZE_PX;
            if (!cli_parse_int(v, min, max, slot))
                return cli_usage_error(MODE, "%s '%s' must be a whole number "
                                       "of pixels from %ld to %ld", a, v,
                                       min, max);
        } else if (strcmp(a, "--lang") == 0) {
            if (!(lang_s = cli_value(MODE, argc, argv, &i)))
                return CLI_USAGE;
        } else if (strcmp(a, "--role") == 0) {
            if (!(role_s = cli_value(MODE, argc, argv, &i)))
                return CLI_USAGE;
        } else if (strcmp(a, "--align") == 0) {
            if (!(v = cli_value(MODE, argc, argv, &i)))
                return CLI_USAGE;
            if (!parse_align(v, &align))
                return cli_usage_error(MODE, "--align '%s' must be start, "
                                       "center, end or justify", v);
        } else if (strcmp(a, "--glyphs") == 0) {
            glyphs = true;
        } else if (a[0] == '-' && a[1] == '-') {
            return cli_usage_error(MODE, "unknown option '%s'", a);
        } else if (file) {
            return cli_usage_error(MODE, "only one FILE may be given");
        } else {
            file = a;
        }
    }
    if (width < 0)
        return cli_usage_error(MODE, "--width PX is required");
    if (size < 0)
        return cli_usage_error(MODE, "--size PX is required");
    if (!lang_s)
        return cli_usage_error(MODE, "--lang zh|en|ug is required");
    enum text_lang lang;
    if (!text_lang_parse(lang_s, &lang))
        return cli_usage_error(MODE, "--lang '%s' must be zh, en or ug",
                               lang_s);
    if (!file)
        return cli_usage_error(MODE, "a FILE holding one paragraph is "
                               "required ('-' reads standard input)");

    struct text_fonts *fonts = app_fonts_load(common);
    if (!fonts)
        return CLI_FAIL;
    const struct text_role *role = text_fonts_role(fonts, role_s);
    if (!role) {
        text_fonts_destroy(fonts);
        return cli_usage_error(MODE, "--role '%s' is not in %s", role_s,
                               common->fonts_manifest);
    }

    int err = 0;
    size_t len = 0;
    char *text = read_all(file, TEXT_MAX_BYTES, &len, &err);
    if (!text) {
        fprintf(stderr, "kiosk: layout: %s: %s\n", file,
                err == EFBIG ? "larger than one paragraph may be (1 MiB)"
                             : strerror(err));
        text_fonts_destroy(fonts);
        return CLI_FAIL;
    }
    /* One trailing newline (LF or CRLF) ends the file, not the paragraph. */
    if (len && text[len - 1] == '\n') {
        len--;
        if (len && text[len - 1] == '\r')
            len--;
    }
    struct text_params params = {
        .role = role,
        .lang = lang,
        .size_px = (int)size,
        .width_px = (int)width,
        .align = align,
    };
    struct text_layout *l = text_layout_create(fonts, &params, text, len);
    int rc = CLI_FAIL;
    if (l) {
        text_layout_write_json(l, stdout, glyphs);
        rc = fflush(stdout) == 0 ? CLI_OK : CLI_FAIL;
    }
    text_layout_destroy(l);
    free(text);
    text_fonts_destroy(fonts);
    return rc;
}
