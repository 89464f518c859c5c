/* layout.h: paragraph layout -- text in, positioned glyphs out.
 *
 * The pipeline of DESIGN.md in order: repair UTF-8 and NFC-normalise, bidi
 * levels, itemise (level, script, font), shape with HarfBuzz, line-break
 * opportunities (UAX #14), fit lines, reorder each line visually, align.
 *
 * The result is plain data.  Every coordinate is in 26.6 fixed point pixels
 * (TEXT_ONE = one pixel) relative to the top-left corner of the paragraph
 * box; y grows downwards.  Byte offsets refer to `layout->text`, which is the
 * input after repair and NFC (identical to the input when that was valid NFC
 * UTF-8).  Lines tile the text; runs cover only what is drawn (a line's
 * trailing spaces hang outside it).  Within a line, runs are in visual order
 * left to right, and within a run glyphs are too.
 *
 * Owner: text_layout_create returns a layout the caller owns; it borrows the
 * fonts, which must outlive it. */
#ifndef TEXT_LAYOUT_H
#define TEXT_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "text/font.h"
#include "text/lang.h"

#define TEXT_ONE 64
#define TEXT_MIN_SIZE_PX 4
#define TEXT_MAX_SIZE_PX 1024
#define TEXT_MAX_WIDTH_PX 65536
#define TEXT_MAX_BYTES (1u << 20) /* one paragraph, after repair */

enum text_align {
    TEXT_ALIGN_START,   /* left in LTR paragraphs, right in RTL ones */
    TEXT_ALIGN_CENTER,
    TEXT_ALIGN_END,
    TEXT_ALIGN_JUSTIFY, /* start-aligned; full lines stretched to the width */
};

enum text_dir {
    TEXT_DIR_LANG, /* from the language: Uyghur right-to-left, else LTR */
    TEXT_DIR_AUTO, /* the first strong character; the language if none */
    TEXT_DIR_LTR,
    TEXT_DIR_RTL,
};

struct text_params {
    const struct text_role *role;
    enum text_lang lang;
    enum text_dir dir;
    int size_px;          /* em size */
    int width_px;         /* box width */
    enum text_align align;
    int line_height_pct;  /* line pitch in % of size; 0 = the role's own */
};

struct text_glyph {
    uint32_t id;      /* glyph index in the run's face */
    uint32_t cluster; /* byte offset of the first character it draws */
    int32_t x, y;     /* pen position: x from box left, y = baseline */
    int32_t advance;
};

struct text_run {
    uint32_t start, end; /* logical byte range */
    uint8_t level;       /* bidi embedding level: odd = right-to-left */
    hb_script_t script;
    uint16_t face;       /* index into fonts->faces */
    bool missing;        /* drawn as .notdef boxes: no face covers it */
    int32_t x, width;
    uint32_t first_glyph, glyph_count;
};

struct text_line {
    uint32_t start, end; /* byte range, trailing spaces included */
    int32_t x, width;    /* the drawn extent */
    int32_t top, height; /* line box */
    int32_t baseline;
    uint32_t first_run, run_count;
};

struct text_layout {
    char *text; /* owned, repaired and normalised */
    uint32_t len;
    const struct text_fonts *fonts;
    struct text_params params;
    bool rtl;                /* paragraph direction */
    int32_t width, height;   /* box width; height of all lines */
    struct text_line *lines;
    uint32_t line_count;
    struct text_run *runs;
    uint32_t run_count;
    struct text_glyph *glyphs;
    uint32_t glyph_count;
    uint32_t missing_count;  /* code points drawn as boxes */
};

/* Checks sizes and widths; on failure writes a message to err. */
bool text_params_check(const struct text_params *p, char *err, size_t n);

/* Lays out one paragraph.  Any bytes are accepted (invalid UTF-8 becomes
 * U+FFFD, input beyond TEXT_MAX_BYTES is cut at a character boundary).
 * Returns NULL only if text_params_check fails. */
struct text_layout *text_layout_create(const struct text_fonts *fonts,
                                       const struct text_params *p,
                                       const char *utf8, size_t len);
void text_layout_destroy(struct text_layout *layout);

/* The layout's height in whole pixels (rounded up); 0 for NULL. */
int text_layout_height_px(const struct text_layout *layout);
/* The widest line's drawn width in whole pixels, rounded up (trailing
 * spaces are not drawn); 0 for NULL. */
int text_layout_width_px(const struct text_layout *layout);

/* The byte offset of the character at or nearest to (x, y), 26.6 box
 * coordinates.  `len` for an empty layout. */
uint32_t text_layout_hit(const struct text_layout *layout, int32_t x,
                         int32_t y);

struct text_rect {
    int32_t x, y, w, h;
};

/* The boxes covering bytes [start, end): one per visual stretch, so a range
 * that crosses a line break or a direction change gives several.  Writes up
 * to `max` and returns how many there are in all. */
size_t text_layout_range_rects(const struct text_layout *layout,
                               uint32_t start, uint32_t end,
                               struct text_rect *out, size_t max);

/* ISO 15924 tag of a script as text ("Arab"); buf needs 5 bytes. */
const char *text_script_name(hb_script_t script, char buf[5]);


#endif
