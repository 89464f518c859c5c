/* font.h: the font manifest, loaded faces and per-role fallback chains.
 *
 * Fonts are named, never discovered: `fonts/manifest.txt` lists for every
 * role (body, ui, title) and script (ISO 15924: Hani, Latn, Arab) the file
 * and face index, and for a language the hyphenation patterns it is set
 * with (`hyphen en hyph_en_US.dic`, libhyphen's format).  A file that is missing or unreadable is an error naming
 * it; there is no fallback to whatever the system has.  Each file is read
 * once (mmapped through hb_blob) and shared by HarfBuzz and FreeType.
 *
 * Owner: the caller of text_fonts_load owns the returned set and everything
 * in it; faces and roles are valid until text_fonts_destroy. */
#ifndef TEXT_FONT_H
#define TEXT_FONT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb.h>

#include "core/diag.h"
#include "text/lang.h"

#define TEXT_MAX_CHAIN 8

struct text_face {
    char *name;        /* "NotoSerif-Regular.ttf#0", as in the layout JSON */
    char *path;        /* resolved file path */
    unsigned index;    /* face index inside a .ttc */
    hb_blob_t *blob;
    hb_face_t *hb_face;
    hb_font_t *hb_font; /* scale = upem: shaping is size independent */
    FT_Face ft_face;    /* borrows the blob's bytes */
    unsigned upem;
    int ascender, descender; /* font units, descender negative */
    bool halt;         /* has working `halt` (half-width punctuation) */
    unsigned size_pct; /* set at this percent of the text size: an optical
                          size that matches the other scripts (100) */
};

struct text_role {
    char name[16];
    size_t count;
    size_t face[TEXT_MAX_CHAIN];       /* indices into text_fonts.faces */
    hb_script_t script[TEXT_MAX_CHAIN]; /* the script each entry is for */
};

struct _HyphenDict; /* libhyphen's */

struct text_fonts {
    FT_Library ft;
    /* Hyphenation patterns per language (manifest: `hyphen en FILE`), or
     * NULL: that language is not hyphenated. */
    struct _HyphenDict *hyph[TEXT_LANG_COUNT];
    struct text_face *faces;
    size_t face_count;
    struct text_role *roles;
    size_t role_count;
};

/* Reads the manifest and opens every face it names.  Problems go to `diags`
 * with the manifest's line and column.  Returns NULL if any error was
 * reported. */
struct text_fonts *text_fonts_load(const char *manifest_path,
                                   struct diag_list *diags);
void text_fonts_destroy(struct text_fonts *fonts);

/* The pixel size glyphs of `face` are drawn at in text of size_px. */
int text_face_size_px(const struct text_fonts *fonts, size_t face,
                      int size_px);

/* Borrowed; NULL if the manifest has no such role. */
const struct text_role *text_fonts_role(const struct text_fonts *fonts,
                                        const char *name);

/* The face of `role` to use for code point `cp` written in `script`: the
 * role's face for that script if it has the glyph, else the first face of
 * the chain that has it.  Returns false (and the script's face, whose
 * .notdef box will be drawn) when no face covers cp. */
bool text_fonts_pick(const struct text_fonts *fonts,
                     const struct text_role *role, hb_script_t script,
                     uint32_t cp, size_t *face_out);

/* True for code points that are never drawn (controls, default ignorables
 * such as ZWJ or bidi marks) and so can never be missing. */
bool text_cp_invisible(uint32_t cp);

/* Finds the code points of utf8[0..len) that no face of `role` can draw.
 * Stores up to `max` of their byte offsets in `offsets` and returns how many
 * there are in all.  Invalid UTF-8 counts as uncovered.  This is the check
 * the content checker reuses for "tofu". */
size_t text_fonts_uncovered(const struct text_fonts *fonts,
                            const struct text_role *role, const char *utf8,
                            size_t len, uint32_t *offsets, size_t max);

#endif
