/* mode_layout.c: `kiosk layout` -- one paragraph's layout as JSON. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/cli.h"
#include "app/fonts.h"
#include "app/settings.h"
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
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        if (strcmp(s, names[i]) == 0) {
            *out = (enum text_align)i;
            return true;
        }
    }
    return false;
}

/* --dir: the paragraph's direction apart from its language. */
static bool parse_dir(const char *s, enum text_dir *out)
{
    static const struct {
        const char *name;
        enum text_dir dir;
    } names[] = {{"lang", TEXT_DIR_LANG},
                 {"auto", TEXT_DIR_AUTO},
                 {"ltr", TEXT_DIR_LTR},
                 {"rtl", TEXT_DIR_RTL}};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        if (strcmp(s, names[i].name) == 0) {
            *out = names[i].dir;
            return true;
        }
    }
    return false;
}

/* What the command line asks for. */
struct layout_args {
    long width, size; /* -1: not given */
    enum text_lang lang;
    enum text_dir dir;
    const char *role, *file;
    enum text_align align;
    bool glyphs;
};

/* --width PX or --size PX at argv[*i], in range. */
static int pixels(int argc, char **argv, int *i, struct layout_args *o)
{
    const char *a = argv[*i], *v = cli_value(MODE, argc, argv, i);
    if (!v)
        return CLI_USAGE;
    bool wide = a[2] == 'w';
    long min = wide ? 1 : TEXT_MIN_SIZE_PX;
    long max = wide ? TEXT_MAX_WIDTH_PX : TEXT_MAX_SIZE_PX;
    if (!cli_parse_int(v, min, max, wide ? &o->width : &o->size))
        return cli_usage_error(MODE, "%s '%s' must be a whole number of "
                               "pixels from %ld to %ld", a, v, min, max);
    return CLI_OK;
}

/* What must be given, once every option is read; the language. */
static int required(struct layout_args *o, const char *lang)
{
    if (o->width < 0)
        return cli_usage_error(MODE, "--width PX is required");
    if (o->size < 0)
        return cli_usage_error(MODE, "--size PX is required");
    if (!lang)
        return cli_usage_error(MODE, "--lang zh|en|ug is required");
    if (!text_lang_parse(lang, &o->lang))
        return cli_usage_error(MODE, "--lang '%s' must be zh, en or ug",
                               lang);
    if (!o->file)
        return cli_usage_error(MODE, "a FILE holding one paragraph is "
                               "required ('-' reads standard input)");
    return CLI_OK;
}

static int options(int argc, char **argv, struct layout_args *o)
{
    const char *lang = NULL, *v;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        int rc;
        if (strcmp(a, "--width") == 0 || strcmp(a, "--size") == 0) {
            if ((rc = pixels(argc, argv, &i, o)) != CLI_OK)
                return rc;
        } else if (strcmp(a, "--lang") == 0) {
            if (!(lang = cli_value(MODE, argc, argv, &i)))
                return CLI_USAGE;
        } else if (strcmp(a, "--role") == 0) {
            if (!(o->role = cli_value(MODE, argc, argv, &i)))
                return CLI_USAGE;
        } else if (strcmp(a, "--align") == 0) {
            if (!(v = cli_value(MODE, argc, argv, &i)))
                return CLI_USAGE;
            if (!parse_align(v, &o->align))
                return cli_usage_error(MODE, "--align '%s' must be start, "
                                       "center, end or justify", v);
        } else if (strcmp(a, "--dir") == 0) {
            if (!(v = cli_value(MODE, argc, argv, &i)))
                return CLI_USAGE;
            if (!parse_dir(v, &o->dir))
                return cli_usage_error(MODE, "--dir '%s' must be lang (from "
                                       "--lang), auto (the first strong "
                                       "character), ltr or rtl", v);
        } else if (strcmp(a, "--glyphs") == 0) {
            o->glyphs = true;
        } else if (a[0] == '-' && a[1] == '-') {
            return cli_usage_error(MODE, "unknown option '%s'", a);
        } else if (o->file) {
            return cli_usage_error(MODE, "only one FILE may be given");
        } else {
            o->file = a;
        }
    }
    return required(o, lang);
}

/* The paragraph in o->file laid out and written as JSON. */
static int layout(const struct text_fonts *fonts,
                  const struct text_role *role, const struct layout_args *o)
{
    int err = 0;
    size_t len = 0;
    char *text = read_all(o->file, TEXT_MAX_BYTES, &len, &err);
    if (!text) {
        fprintf(stderr, "kiosk: layout: %s: %s\n", o->file,
                err == EFBIG ? "larger than one paragraph may be (1 MiB)"
                             : strerror(err));
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
        .lang = o->lang,
        .dir = o->dir,
        .size_px = (int)o->size,
        .width_px = (int)o->width,
        .align = o->align,
    };
    struct text_layout *l = text_layout_create(fonts, &params, text, len);
    int rc = CLI_FAIL;
    if (l) {
        text_layout_write_json(l, stdout, o->glyphs);
        rc = fflush(stdout) == 0 ? CLI_OK : CLI_FAIL;
    }
    text_layout_destroy(l);
    free(text);
    return rc;
}

int mode_layout(int argc, char **argv, const struct app_settings *settings)
{
    struct layout_args o = {.width = -1, .size = -1, .role = "body",
                            .dir = TEXT_DIR_LANG, .align = TEXT_ALIGN_START};
    int rc = options(argc, argv, &o);
    if (rc != CLI_OK)
        return rc;
    struct text_fonts *fonts = app_fonts_load(settings);
    if (!fonts)
        return CLI_FAIL;
    const struct text_role *role = text_fonts_role(fonts, o.role);
    if (role)
        rc = layout(fonts, role, &o);
    else
        rc = cli_usage_error(MODE, "--role '%s' is not in %s", o.role,
                             settings->fonts_manifest);
    text_fonts_destroy(fonts);
    return rc;
}
