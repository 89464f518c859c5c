/* font.c: reads fonts/manifest.txt and opens the faces it names.
 *
 * Each font file is mapped once by HarfBuzz (hb_blob_create_from_file_or_fail)
 * and FreeType opens the same bytes with FT_New_Memory_Face, so a .ttc of
 * 25 MB costs one mapping however many roles use it. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hyphen.h>
#include <unicode/uchar.h>

#include "core/utf8.h"
#include "core/xalloc.h"

#include "text/font.h"

#define MANIFEST_MAX_BYTES (64u * 1024)

static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return xstrdup(".");
    return xstrndup(path, (size_t)(slash - path));
}

/* Whether the face's `halt` feature (half-width alternates) halves a
 * full-width ideographic full stop: the test CJK punctuation compression
 * needs before it asks for the feature. */
static bool has_halt(const struct text_face *face)
{
    hb_feature_t halt = {HB_TAG('h', 'a', 'l', 't'), 1, 0, (unsigned)-1};
    hb_position_t adv[2] = {0, 0};
    hb_buffer_t *buf = hb_buffer_create();
    for (int k = 0; k < 2; k++) {
        hb_buffer_clear_contents(buf);
        hb_buffer_add_utf8(buf, "\xe3\x80\x82", 3, 0, 3); /* U+3002 */
        hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
        hb_buffer_set_script(buf, HB_SCRIPT_HAN);
        hb_buffer_set_language(buf, hb_language_from_string("zh-Hans", -1));
        hb_shape(face->hb_font, buf, k ? &halt : NULL, k ? 1 : 0);
        unsigned n;
        const hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(buf,
                                                                      &n);
        adv[k] = n == 1 ? pos[0].x_advance : 0;
    }
    hb_buffer_destroy(buf);
    return adv[0] > 0 && adv[1] > 0 && adv[1] < adv[0];
}

static bool open_face(struct text_fonts *fonts, struct text_face *face,
                      struct diag_list *diags, const char *manifest,
                      unsigned line, unsigned col, const char *src)
{
    hb_blob_t *blob = hb_blob_create_from_file_or_fail(face->path);
    if (!blob) {
        diag_add(diags, DIAG_ERROR, manifest, line, col, src,
                 "cannot read font file '%s' (%s); run 'make fonts' or "
                 "install Debian's fonts-noto-cjk and fonts-noto-core",
                 face->path, errno ? strerror(errno) : "missing or empty");
        return false;
    }
    unsigned faces = hb_face_count(blob);
    if (face->index >= faces) {
        diag_add(diags, DIAG_ERROR, manifest, line, col, src,
                 "font file '%s' has %u face(s); face index %u does not "
                 "exist (use 0..%u)", face->path, faces, face->index,
                 faces ? faces - 1 : 0);
        hb_blob_destroy(blob);
        return false;
    }
    unsigned int blen;
    const char *bytes = hb_blob_get_data(blob, &blen);
    FT_Face ft;
    if (FT_New_Memory_Face(fonts->ft, (const FT_Byte *)bytes, (FT_Long)blen,
                           (FT_Long)face->index, &ft) != 0) {
        diag_add(diags, DIAG_ERROR, manifest, line, col, src,
                 "FreeType cannot open face %u of '%s'; is it a font file?",
                 face->index, face->path);
        hb_blob_destroy(blob);
        return false;
    }
    face->blob = blob;
    face->ft_face = ft;
    face->hb_face = hb_face_create(blob, face->index);
    face->hb_font = hb_font_create(face->hb_face);
    face->upem = hb_face_get_upem(face->hb_face);
    hb_font_set_scale(face->hb_font, (int)face->upem, (int)face->upem);
    hb_font_extents_t ext;
    hb_font_get_h_extents(face->hb_font, &ext);
    face->ascender = ext.ascender;
    face->descender = ext.descender;
    face->halt = has_halt(face);
    return true;
}

/* Finds or opens the face for (path, index); returns its index or -1. */
static long find_or_open(struct text_fonts *fonts, size_t *cap,
                         const char *dir, const char *file, unsigned index,
                         struct diag_list *diags, const char *manifest,
                         unsigned line, unsigned col, const char *src)
{
    char name[512];
    snprintf(name, sizeof name, "%s#%u", file, index);
    for (size_t i = 0; i < fonts->face_count; i++)
        if (strcmp(fonts->faces[i].name, name) == 0)
            return (long)i;

    size_t plen = strlen(dir) + strlen(file) + 2;
    char *path = xmalloc(plen);
    snprintf(path, plen, "%s/%s", dir, file);
    struct text_face face = {
        .name = xstrdup(name), .path = path, .index = index,
    };
    if (!open_face(fonts, &face, diags, manifest, line, col, src)) {
        free(face.name);
        free(face.path);
        return -1;
    }
    fonts->faces = xgrow(fonts->faces, cap, fonts->face_count + 1,
                         sizeof *fonts->faces);
    fonts->faces[fonts->face_count] = face;
    return (long)fonts->face_count++;
}

static bool valid_name(const char *s)
{
    if (!*s || strlen(s) >= sizeof ((struct text_role *)0)->name)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
              *s == '-' || *s == '_'))
            return false;
    return true;
}

static bool valid_file(const char *s)
{
    /* A plain file name inside fonts/: no directories, nothing hidden. */
    if (!*s || *s == '.')
        return false;
    for (; *s; s++)
        if (*s == '/' || *s == '\\' || *s == '"' || (unsigned char)*s < 0x20)
            return false;
    return true;
}

static struct text_role *role_get(struct text_fonts *fonts, size_t *cap,
                                  const char *name)
{
    for (size_t i = 0; i < fonts->role_count; i++)
        if (strcmp(fonts->roles[i].name, name) == 0)
            return &fonts->roles[i];
    fonts->roles = xgrow(fonts->roles, cap, fonts->role_count + 1,
                         sizeof *fonts->roles);
    struct text_role *r = &fonts->roles[fonts->role_count++];
    memset(r, 0, sizeof *r);
    snprintf(r->name, sizeof r->name, "%s", name);
    return r;
}

/* Splits a line into up to 6 whitespace-separated fields, recording each
 * field's 1-based column. */
static int split(char *line, char *field[6], unsigned col[6])
{
    int n = 0;
    char *p = line;
    while (*p && n < 6) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p || *p == '#')
            break;
        field[n] = p;
        col[n] = (unsigned)(p - line) + 1;
        n++;
        while (*p && *p != ' ' && *p != '\t')
            p++;
        if (*p)
            *p++ = '\0';
    }
    return n;
}

/* `hyphen LANG FILE`: the patterns LANG's words are hyphenated with. */
static void load_hyphen(struct text_fonts *fonts, const char *dir,
                        char *field[6], const unsigned col[6],
                        struct diag_list *diags, const char *manifest,
                        unsigned lineno, const char *src)
{
    enum text_lang lang;
    if (!text_lang_parse(field[1], &lang)) {
        diag_add(diags, DIAG_ERROR, manifest, lineno, col[1], src,
                 "'%s' is not a language of the exhibit; use zh, en or ug",
                 field[1]);
        return;
    }
    if (!valid_file(field[2])) {
        diag_add(diags, DIAG_ERROR, manifest, lineno, col[2], src,
                 "hyphenation file '%s' must be a plain file name in the "
                 "manifest's folder", field[2]);
        return;
    }
    if (fonts->hyph[lang]) {
        diag_add(diags, DIAG_ERROR, manifest, lineno, col[1], src,
                 "language '%s' already has hyphenation patterns", field[1]);
        return;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, field[2]);
    /* libhyphen opens anything; check it is a readable file first so the
     * error can say why. */
    FILE *f = fopen(path, "rb");
    char head[16] = "";
    bool utf8 = f && fgets(head, sizeof head, f) &&
                strncmp(head, "UTF-8", 5) == 0;
    if (f)
        fclose(f);
    HyphenDict *d = utf8 ? hnj_hyphen_load(path) : NULL;
    if (!d) {
        diag_add(diags, DIAG_ERROR, manifest, lineno, col[2], src,
                 "cannot read hyphenation patterns '%s' (%s); \"make "
                 "fonts\" copies them from Debian's hyphen-en-us package",
                 path, !f ? strerror(errno) : "not a UTF-8 libhyphen file");
        return;
    }
    fonts->hyph[lang] = d;
}

struct text_fonts *text_fonts_load(const char *manifest_path,
                                   struct diag_list *diags)
{
    size_t errors_before = diags->errors;
    FILE *f = fopen(manifest_path, "rb");
    if (!f) {
        diag_add(diags, DIAG_ERROR, manifest_path, 0, 0, NULL,
                 "cannot open the font manifest (%s)", strerror(errno));
        return NULL;
    }
    char *buf = xmalloc(MANIFEST_MAX_BYTES + 1);
    size_t len = fread(buf, 1, MANIFEST_MAX_BYTES + 1, f);
    fclose(f);
    if (len > MANIFEST_MAX_BYTES) {
        diag_add(diags, DIAG_ERROR, manifest_path, 0, 0, NULL,
                 "the font manifest is larger than %u bytes",
                 MANIFEST_MAX_BYTES);
        free(buf);
        return NULL;
    }
    buf[len] = '\0';

    struct text_fonts *fonts = xcalloc(1, sizeof *fonts);
    if (FT_Init_FreeType(&fonts->ft) != 0) {
        diag_add(diags, DIAG_ERROR, manifest_path, 0, 0, NULL,
                 "FreeType failed to initialise");
        free(fonts);
        free(buf);
        return NULL;
    }
    char *dir = dir_of(manifest_path);
    size_t face_cap = 0, role_cap = 0;
    unsigned lineno = 0;
    char *save = buf;
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
        save += 3;
    while (save && *save) {
        char *line = save;
        char *nl = strchr(line, '\n');
        save = nl ? nl + 1 : NULL;
        if (nl)
            *nl = '\0';
        size_t ll = strlen(line);
        if (ll && line[ll - 1] == '\r')
            line[ll - 1] = '\0';
        lineno++;
        char *src = xstrdup(line);
        char *field[6];
        unsigned col[6];
        int n = split(line, field, col);
        if (n == 0) {
            free(src);
            continue;
        }
        if (n == 3 && strcmp(field[0], "hyphen") == 0) {
            load_hyphen(fonts, dir, field, col, diags, manifest_path,
                        lineno, src);
            free(src);
            continue;
        }
        if (n != 4 && n != 5) {
            diag_add(diags, DIAG_ERROR, manifest_path, lineno,
                     n > 5 ? col[5] : col[n - 1], src,
                     "expected 'role script file face-index [size%%]' (4 "
                     "or 5 fields), found %d", n);
            free(src);
            continue;
        }
        char *end, *pct_end = NULL;
        long index = strtol(field[3], &end, 10);
        long pct = n == 5 ? strtol(field[4], &pct_end, 10) : 100;
        hb_script_t script = hb_script_from_string(field[1], -1);
        if (!valid_name(field[0])) {
            diag_add(diags, DIAG_ERROR, manifest_path, lineno, col[0], src,
                     "role '%s' must be a short lower-case name like "
                     "'body' or 'ui'", field[0]);
        } else if (strlen(field[1]) != 4 || script == HB_SCRIPT_INVALID ||
                   script == HB_SCRIPT_UNKNOWN ||
                   u_getPropertyValueEnum(UCHAR_SCRIPT, field[1]) ==
                       UCHAR_INVALID_CODE) {
            diag_add(diags, DIAG_ERROR, manifest_path, lineno, col[1], src,
                     "'%s' is not an ISO 15924 script code; use Hani, Latn "
                     "or Arab", field[1]);
        } else if (!valid_file(field[2])) {
            diag_add(diags, DIAG_ERROR, manifest_path, lineno, col[2], src,
                     "font file '%s' must be a plain file name in the "
                     "manifest's folder", field[2]);
        } else if (*end || index < 0 || index > 255) {
            diag_add(diags, DIAG_ERROR, manifest_path, lineno, col[3], src,
                     "face index '%s' must be a number from 0 to 255",
                     field[3]);
        } else if (n == 5 && (field[4][0] < '0' || field[4][0] > '9' ||
                              strcmp(pct_end, "%") != 0 || pct < 50 ||
                              pct > 200)) {
            diag_add(diags, DIAG_ERROR, manifest_path, lineno, col[4], src,
                     "size '%s' must be a percentage from 50%% to 200%%, "
                     "like 125%%", field[4]);
        } else {
            struct text_role *r = role_get(fonts, &role_cap, field[0]);
            bool dup = false;
            for (size_t i = 0; i < r->count; i++)
                dup |= r->script[i] == script;
            if (dup) {
                diag_add(diags, DIAG_ERROR, manifest_path, lineno, col[1],
                         src, "role '%s' already has a font for script %s",
                         field[0], field[1]);
            } else if (r->count == TEXT_MAX_CHAIN) {
                diag_add(diags, DIAG_ERROR, manifest_path, lineno, col[0],
                         src, "role '%s' has more than %d fonts", field[0],
                         TEXT_MAX_CHAIN);
            } else {
                long fi = find_or_open(fonts, &face_cap, dir, field[2],
                                       (unsigned)index, diags,
                                       manifest_path, lineno, col[2], src);
                struct text_face *face = fi >= 0 ? &fonts->faces[fi] : NULL;
                if (face && face->size_pct && face->size_pct != pct) {
                    diag_add(diags, DIAG_ERROR, manifest_path, lineno,
                             n == 5 ? col[4] : col[3], src,
                             "'%s' is listed at %u%% before; give one size "
                             "for a face in every role", field[2],
                             face->size_pct);
                    fi = -1;
                } else if (face) {
                    face->size_pct = (unsigned)pct;
                }
                if (fi >= 0) {
                    r->face[r->count] = (size_t)fi;
                    r->script[r->count] = script;
                    r->count++;
                }
            }
        }
        free(src);
    }
    free(dir);
    free(buf);
    if (fonts->role_count == 0 && diags->errors == errors_before)
        diag_add(diags, DIAG_ERROR, manifest_path, 0, 0, NULL,
                 "the font manifest names no fonts");
    if (diags->errors != errors_before) {
        text_fonts_destroy(fonts);
        return NULL;
    }
    return fonts;
}

int text_face_size_px(const struct text_fonts *fonts, size_t face,
                      int size_px)
{
    unsigned pct = fonts->faces[face].size_pct;
    int px = (int)(((long)size_px * pct + 50) / 100);
    return px > 1 ? px : 1;
}

void text_fonts_destroy(struct text_fonts *fonts)
{
    if (!fonts)
        return;
    for (size_t i = 0; i < TEXT_LANG_COUNT; i++)
        if (fonts->hyph[i])
            hnj_hyphen_free(fonts->hyph[i]);
    for (size_t i = 0; i < fonts->face_count; i++) {
        struct text_face *f = &fonts->faces[i];
        hb_font_destroy(f->hb_font);
        hb_face_destroy(f->hb_face);
        FT_Done_Face(f->ft_face);
        hb_blob_destroy(f->blob);
        free(f->name);
        free(f->path);
    }
    FT_Done_FreeType(fonts->ft);
    free(fonts->faces);
    free(fonts->roles);
    free(fonts);
}

const struct text_role *text_fonts_role(const struct text_fonts *fonts,
                                        const char *name)
{
    for (size_t i = 0; i < fonts->role_count; i++)
        if (strcmp(fonts->roles[i].name, name) == 0)
            return &fonts->roles[i];
    return NULL;
}

bool text_cp_invisible(uint32_t cp)
{
    return u_charType((UChar32)cp) == U_CONTROL_CHAR ||
           u_hasBinaryProperty((UChar32)cp,
                               UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

static bool face_has(const struct text_face *f, uint32_t cp)
{
    hb_codepoint_t g;
    return hb_font_get_nominal_glyph(f->hb_font, cp, &g);
}

bool text_fonts_pick(const struct text_fonts *fonts,
                     const struct text_role *role, hb_script_t script,
                     uint32_t cp, size_t *face_out)
{
    size_t first = 0;
    for (size_t i = 0; i < role->count; i++) {
        if (role->script[i] == script) {
            first = i;
            break;
        }
    }
    *face_out = role->face[first];
    if (text_cp_invisible(cp) || face_has(&fonts->faces[role->face[first]], cp))
        return true;
    for (size_t i = 0; i < role->count; i++) {
        if (i != first && face_has(&fonts->faces[role->face[i]], cp)) {
            *face_out = role->face[i];
            return true;
        }
    }
    return false;
}

size_t text_fonts_uncovered(const struct text_fonts *fonts,
                            const struct text_role *role, const char *utf8,
                            size_t len, uint32_t *offsets, size_t max)
{
    size_t n = 0, i = 0;
    while (i < len) {
        size_t used;
        uint32_t cp = utf8_decode(utf8 + i, len - i, &used);
        bool bad = utf8_decoded_bad(utf8 + i, cp, used);
        bool covered = false;
        if (!bad) {
            if (text_cp_invisible(cp)) {
                covered = true;
            } else {
                for (size_t k = 0; k < role->count && !covered; k++)
                    covered = face_has(&fonts->faces[role->face[k]], cp);
            }
        }
        if (!covered) {
            if (n < max)
                offsets[n] = (uint32_t)i;
            n++;
        }
        i += used;
    }
    return n;
}
