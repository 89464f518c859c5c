/* para.h: the pipeline's working state for one paragraph (private to text/).
 *
 * Indices come in three kinds and are never mixed up: byte offsets into the
 * normalised UTF-8 text (what the outside world sees), UTF-16 offsets (what
 * ICU sees) and code point indices (what the pipeline iterates).  The maps
 * between them are built once by para_init.  Each step of DESIGN.md's
 * pipeline is a function over this struct in its own file. */
#ifndef TEXT_PARA_H
#define TEXT_PARA_H

#include <stdbool.h>
#include <stdint.h>

#include <hb.h>
#include <unicode/ubidi.h>
#include <unicode/utypes.h>

#include "text/font.h"
#include "text/layout.h"
#include "text/normalize.h"

enum para_break {
    PARA_BREAK_NONE,
    PARA_BREAK_ALLOWED,   /* a line may start at this code point */
    PARA_BREAK_MANDATORY, /* a line must start here (after a newline) */
};

/* A run of code points with one bidi level, one script and one face. */
struct para_item {
    uint32_t start, end;          /* code point indices */
    uint8_t level;
    bool missing;
    hb_script_t script;
    uint16_t face;
    uint32_t first_glyph, glyph_count; /* into para.glyphs, visual order */
};

/* One shaped glyph in font units, as HarfBuzz returned it. */
struct para_glyph {
    uint32_t id, cluster; /* cluster: byte offset */
    int32_t x_advance, x_offset, y_offset;
};

struct para {
    const struct text_fonts *fonts;
    const struct text_params *params;
    const char *text; /* normalised UTF-8 */
    uint32_t len;

    uint32_t n;          /* code points */
    uint32_t *cp;        /* [n] the code points */
    uint32_t *byte_of;   /* [n + 1] byte offset of each code point */
    uint32_t *u16_of;    /* [n + 1] UTF-16 offset of each code point */
    uint32_t *cp_of_u16; /* [n16 + 1] code point at a UTF-16 offset */
    uint32_t *cp_of_byte;/* [len + 1] code point at a byte offset */
    UChar *u16;
    int32_t n16;

    uint8_t *level;      /* [n] bidi embedding level */
    uint8_t base_level;
    UBiDi *bidi;         /* the paragraph, for ubidi_setLine */

    hb_script_t *script; /* [n] resolved script */
    uint16_t *face;      /* [n] face that draws it */
    bool *missing;       /* [n] no face covers it */

    struct para_item *items;
    uint32_t item_count;
    size_t item_cap;

    struct para_glyph *glyphs;
    uint32_t glyph_count;
    size_t glyph_cap;

    uint8_t *punct;      /* [n] enum para_punct: CJK punctuation class */
    bool *halt;          /* [n] set half-width (the face's `halt`) */
    int32_t *gain;       /* [n] 26.6 px a full-width mark gives up halved */
    hb_feature_t *feat;  /* shaping scratch: one `halt` range per mark */
    size_t feat_cap;

    int32_t *adv;        /* [n] advance in 26.6 px, on a cluster's first cp */
    bool *cluster_start; /* [n] a shaping cluster starts at this cp */
    uint8_t *brk;        /* [n + 1] enum para_break, before each cp */
    bool *hyph;          /* [n + 1] a word may be hyphenated before this cp */

    hb_buffer_t *buf;    /* reused for every shaping call */
};

/* Builds the index maps for `text` (normalised, valid UTF-8). */
void para_init(struct para *p, const struct text_fonts *fonts,
               const struct text_params *params, const char *text,
               uint32_t len);
void para_fini(struct para *p);

/* Step 2: bidi levels (ubidi) into p->level and p->bidi. */
bool para_bidi(struct para *p);

/* Step 3: script and face per code point, then items. */
void para_itemize(struct para *p);

/* Step 4: shape every item with whole-paragraph context; fills p->glyphs,
 * p->adv and p->cluster_start (again, from scratch, when called twice).
 * Marks with p->halt set are shaped with `halt`, except an opening mark at
 * the context's start (a line's first character keeps its full width). */
void para_shape(struct para *p);

/* Shapes bytes [start, end) of the item `it` with context limited to bytes
 * [ctx_start, ctx_end), appending to *out (capacity *cap).  Returns the
 * number of glyphs appended, in visual order. */
uint32_t para_shape_range(struct para *p, const struct para_item *it,
                          uint32_t start, uint32_t end, uint32_t ctx_start,
                          uint32_t ctx_end, struct para_glyph **out,
                          size_t *cap, uint32_t at);

/* CJK punctuation classes (CSS Text 4, text-spacing-trim). */
enum para_punct {
    PARA_PUNCT_NONE,
    PARA_PUNCT_OPEN,   /* （「《“: blank on the left */
    PARA_PUNCT_CLOSE,  /* ）」》”，。、：；: blank on the right */
    PARA_PUNCT_MIDDLE, /* ・: blank on both sides */
    PARA_PUNCT_SPACE,  /* U+3000 */
};

/* Step 4b: CJK punctuation compression -- which full-width marks are set
 * half-width, and the items shaped again with them (cjk_punct.c). */
void para_cjk_punct(struct para *p);

/* Step 5: line-break opportunities (ubrk, UAX #14) into p->brk. */
bool para_breaks(struct para *p);

/* Hyphenation (hyphenate.c): the word gap, in % of a space, above which a
 * justified line is hyphenated; a word's minimum letters, and before and
 * after the hyphen. */
#define PARA_HYPHEN_GAP_PCT 150
#define PARA_HYPHEN_MIN_WORD 6
#define PARA_HYPHEN_MAX_WORD 60
#define PARA_HYPHEN_MIN_LEFT 2
#define PARA_HYPHEN_MIN_RIGHT 3
#define PARA_HYPHEN_MAX_RUN 2 /* hyphenated lines in a row */
/* How far a justified line may close its word spaces (in % of each) to
 * take one more word, as typesetting programs do (minimum word space 80 %
 * of the font's). */
#define PARA_SPACE_SHRINK_PCT 20

/* Step 5b: hyphenation points into p->hyph (all false unless the paragraph
 * is justified and its language has patterns). */
void para_hyphens(struct para *p);

/* The glyph a hyphen is drawn with in `face` (U+2010, else '-') and its
 * advance in 26.6 px; -1 if the face has neither. */
int32_t para_hyphen_glyph(const struct para *p, uint16_t face, uint32_t *id);

/* Font units to 26.6 pixels at the paragraph's size. */
int32_t para_scale(const struct para *p, uint16_t face, int32_t units);

/* Whitespace that hangs at the end of a line. */
bool para_is_space(uint32_t cp);

#endif
