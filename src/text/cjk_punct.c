/* cjk_punct.c: step 4b -- CJK punctuation compression (CLREQ §3.1.6 and
 * §3.5; CSS Text 4 `text-spacing-trim: normal`, Chromium's default).
 *
 * A full-width mark is a glyph one em wide with its ink on one side: an
 * opening bracket's blank is on its left, a closing mark's (）」，。) on its
 * right.  Two side by side show a double gap, so one is set half-width with
 * the face's `halt` feature (Noto CJK has it, not `chws`, so the choice is
 * made here):
 *   - an opening mark right after an opening, closing or middle mark or an
 *     ideographic space is halved (its blank on the left goes);
 *   - a closing mark right before a closing or middle mark or an
 *     ideographic space is halved (its blank on the right goes).
 * At a line's edges (layout.c): an opening mark that starts a line keeps its
 * full width, and a closing mark that ends one is halved only when the line
 * would not fit otherwise.  Full width is measured, not assumed: a mark set
 * in a proportional face (Latin quotes) is never touched, nor one in a face
 * without a working `halt`.  This runs after shaping (the widths come from
 * it) and shapes the paragraph again only when some mark is halved, so line
 * fitting sees the compressed advances. */
#include <stdlib.h>

#include <unicode/uchar.h>

#include "core/xalloc.h"
#include "text/para.h"

static enum para_punct punct_class(uint32_t cp)
{
    switch (cp) {
    case 0x3000:
        return PARA_PUNCT_SPACE;
    case 0x00B7: case 0x2027: case 0x30FB: case 0xFF65:
        return PARA_PUNCT_MIDDLE;
    case 0x3001: case 0x3002: case 0xFF0C: case 0xFF0E: case 0xFF1A:
    case 0xFF1B:
        return PARA_PUNCT_CLOSE;
    default:
        break;
    }
    switch (u_charType((UChar32)cp)) {
    case U_START_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
        return PARA_PUNCT_OPEN;
    case U_END_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
        return PARA_PUNCT_CLOSE;
    default:
        return PARA_PUNCT_NONE;
    }
}

/* Set in a face with `halt` at one em (within 2 %): a full-width mark. */
static bool full_width(const struct para *p, uint32_t i)
{
    const struct text_face *f = &p->fonts->faces[p->face[i]];
    if (!f->halt || p->missing[i] || !p->cluster_start[i] ||
        (i + 1 < p->n && !p->cluster_start[i + 1]))
        return false;
    int64_t em = (int64_t)p->params->size_px * TEXT_ONE * f->size_pct / 100;
    int64_t d = (int64_t)p->adv[i] - em;
    return em > 0 && (d < 0 ? -d : d) * 50 <= em;
}

void para_cjk_punct(struct para *p)
{
    size_t n = p->n ? p->n : 1;
    p->punct = xcalloc(n, sizeof *p->punct);
    p->halt = xcalloc(n, sizeof *p->halt);
    p->gain = xcalloc(n, sizeof *p->gain);
    bool any = false;
    for (uint32_t i = 0; i < p->n; i++) {
        enum para_punct c = punct_class(p->cp[i]);
        if (c != PARA_PUNCT_NONE && full_width(p, i)) {
            p->punct[i] = (uint8_t)c;
            any = true;
        }
    }
    if (!any)
        return;
    bool halved = false;
    for (uint32_t i = 0; i < p->n; i++) {
        enum para_punct c = p->punct[i];
        if (c == PARA_PUNCT_OPEN || c == PARA_PUNCT_CLOSE)
            p->gain[i] = p->adv[i] - p->adv[i] / 2;
        enum para_punct before = i > 0 ? p->punct[i - 1] : PARA_PUNCT_NONE;
        enum para_punct after =
            i + 1 < p->n ? p->punct[i + 1] : PARA_PUNCT_NONE;
        if (c == PARA_PUNCT_OPEN)
            p->halt[i] = before != PARA_PUNCT_NONE;
        else if (c == PARA_PUNCT_CLOSE)
            p->halt[i] = after == PARA_PUNCT_CLOSE ||
                         after == PARA_PUNCT_MIDDLE ||
                         after == PARA_PUNCT_SPACE;
        halved |= p->halt[i];
    }
    if (halved)
        para_shape(p);
}
