/* layout.c: steps 6 to 8 -- fit lines, reorder each line, align -- and the
 * public entry point that runs the whole pipeline.
 *
 * Lines are fitted greedily with the advances measured by shaping (step 4),
 * breaking only where UAX #14 allows, inside a word only when the word alone
 * is wider than the line (then at a shaping-cluster boundary).  Trailing
 * spaces hang.  Each line is then reordered with ubidi_setLine: its visual
 * runs are taken in order and the items inside each in logical order (left
 * to right) or reversed (right to left).  An item cut by a line edge is
 * shaped again with the line as context, so glyphs never join across a
 * line break. */
#include <stdlib.h>
#include <string.h>

#include <unicode/ubidi.h>
#include <unicode/uchar.h>

#include "core/log.h"
#include "core/xalloc.h"
#include "text/layout.h"
#include "text/para.h"

struct out {
    struct text_line *lines;
    size_t line_cap;
    struct text_run *runs;
    size_t run_cap;
    struct text_glyph *glyphs;
    size_t glyph_cap;
    uint32_t line_count, run_count, glyph_count;
    struct para_glyph *tmp; /* reshaping scratch */
    size_t tmp_cap;
    UBiDi *line_bidi;
};

const char *text_script_name(hb_script_t script, char buf[5])
{
    hb_tag_t tag = hb_script_to_iso15924_tag(script);
    hb_tag_to_string(tag, buf);
    buf[4] = '\0';
    return buf;
}

bool text_params_check(const struct text_params *p, char *err, size_t n)
{
    if (!p->role) {
        snprintf(err, n, "no font role given");
        return false;
    }
    if (p->size_px < TEXT_MIN_SIZE_PX || p->size_px > TEXT_MAX_SIZE_PX) {
        snprintf(err, n, "text size %d px is outside %d..%d px", p->size_px,
                 TEXT_MIN_SIZE_PX, TEXT_MAX_SIZE_PX);
        return false;
    }
    if (p->width_px < 1 || p->width_px > TEXT_MAX_WIDTH_PX) {
        snprintf(err, n, "width %d px is outside 1..%d px", p->width_px,
                 TEXT_MAX_WIDTH_PX);
        return false;
    }
    if (p->line_height_pct < 0 || p->line_height_pct > 1000) {
        snprintf(err, n, "line height %d%% is outside 0..1000%%",
                 p->line_height_pct);
        return false;
    }
    if ((unsigned)p->lang >= TEXT_LANG_COUNT || (unsigned)p->dir > TEXT_DIR_RTL ||
        (unsigned)p->align > TEXT_ALIGN_JUSTIFY) {
        snprintf(err, n, "unknown language, direction or alignment");
        return false;
    }
    return true;
}

static uint32_t item_at(const struct para *p, uint32_t c);

/* The width of [s, e) as it is drawn: items wholly inside with their
 * advances from shaping, a cut one shaped again with [s, e) as its
 * context (Arabic letters take other forms at a cut). */
static int64_t drawn_width(struct para *p, uint32_t s, uint32_t e,
                           struct para_glyph **tmp, size_t *cap)
{
    int64_t w = 0;
    for (uint32_t k = item_at(p, s); k < p->item_count; k++) {
        const struct para_item *it = &p->items[k];
        if (it->start >= e)
            break;
        uint32_t fa = s > it->start ? s : it->start;
        uint32_t fb = e < it->end ? e : it->end;
        if (fa >= fb)
            continue;
        if (fa == it->start && fb == it->end) {
            for (uint32_t c = fa; c < fb; c++)
                w += p->adv[c];
            continue;
        }
        uint32_t n = para_shape_range(p, it, p->byte_of[fa], p->byte_of[fb],
                                      p->byte_of[s], p->byte_of[e], tmp, cap,
                                      0);
        for (uint32_t g = 0; g < n; g++)
            w += para_scale(p, it->face, (*tmp)[g].x_advance);
    }
    return w;
}

/* The cluster before e (at least s's first). */
static uint32_t cluster_before(const struct para *p, uint32_t s, uint32_t e)
{
    uint32_t b = e - 1;
    while (b > s && !p->cluster_start[b])
        b--;
    return b;
}

/* An opening mark halved after another mark is set full width again when
 * it starts a line (cjk_punct.c). */
static bool unhalved_at(const struct para *p, uint32_t s)
{
    return s < p->n && p->halt[s] && p->punct[s] == PARA_PUNCT_OPEN;
}

/* A full-width closing mark ending a line may give up its blank to fit. */
static bool trims_at_end(const struct para *p, uint32_t i)
{
    return p->punct[i] == PARA_PUNCT_CLOSE && !p->halt[i] && p->gain[i] > 0 &&
           !(p->level[i] & 1) &&
           (i + 1 == p->n || p->brk[i + 1] != PARA_BREAK_NONE);
}

enum line_hyphen {
    LINE_HYPHEN_NONE,
    LINE_HYPHEN_WORD,  /* at a hyphenation point of the patterns */
    LINE_HYPHEN_OTHER, /* after a soft hyphen, or inside a word too wide */
};

/* The width of the hyphen drawn after code point c at a line's end (in
 * left-to-right text only), 0 if none can be. */
static int32_t hyphen_width(const struct para *p, uint32_t c)
{
    uint32_t id;
    int32_t w = (p->level[c] & 1) ? -1 : para_hyphen_glyph(p, p->face[c], &id);
    return w > 0 ? w : 0;
}

/* A break inside a Latin word (an emergency break): drawn with a hyphen. */
static bool latin_cut(const struct para *p, uint32_t e)
{
    return e > 0 && e < p->n && p->script[e - 1] == HB_SCRIPT_LATIN &&
           p->script[e] == HB_SCRIPT_LATIN && u_isalpha((UChar32)p->cp[e - 1]) &&
           u_isalpha((UChar32)p->cp[e]);
}

/* The advances of [s, e) without its trailing spaces. */
static int64_t natural_width(const struct para *p, uint32_t s, uint32_t e)
{
    while (e > s && para_is_space(p->cp[e - 1]))
        e--;
    int64_t w = 0;
    for (uint32_t i = s; i < e; i++)
        w += p->adv[i];
    return w;
}

/* Whether justifying line [s, e) would open word gaps wider than
 * PARA_HYPHEN_GAP_PCT of a space (or cannot, having no space at all). */
static bool gaps_too_wide(const struct para *p, uint32_t s, uint32_t e,
                          int32_t avail)
{
    while (e > s && para_is_space(p->cp[e - 1]))
        e--;
    int64_t w = 0, space = 0;
    uint32_t spaces = 0;
    for (uint32_t i = s; i < e; i++) {
        w += p->adv[i];
        if (p->cp[i] == ' ') {
            spaces++;
            space = space ? space : p->adv[i];
        }
    }
    if (spaces == 0 || space <= 0)
        return true;
    int64_t gap = space + (avail - w) / spaces;
    return gap * 100 > space * PARA_HYPHEN_GAP_PCT;
}

/* Step 6: the end (code point index) of the line starting at s; *trim_end
 * when its last mark is set half-width to fit, *hyphen when a hyphen is
 * drawn at its end (the line is fitted with it).  A hyphenation point is
 * used (when `hyphenate`) only where breaking before the word would leave
 * the justified line's gaps too wide. */
static uint32_t fit_line(struct para *p, uint32_t s, int32_t avail,
                         bool hyphenate, bool *forced, bool *trim_end,
                         enum line_hyphen *hyphen)
{
    int64_t w = unhalved_at(p, s) ? p->gain[s] : 0;
    /* A justified line may close its word spaces up to PARA_SPACE_SHRINK_PCT
     * to take one more word; a line that is not justified (the last) must
     * fit as it is. */
    bool justified = p->params->align == TEXT_ALIGN_JUSTIFY;
    int64_t shrink = 0;
    uint32_t last_brk = s, last_hyph = s;
    *forced = false;
    *trim_end = false;
    *hyphen = LINE_HYPHEN_NONE;
    for (uint32_t i = s; i < p->n; i++) {
        if (i > s) {
            if (p->brk[i] == PARA_BREAK_MANDATORY) {
                if (shrink && last_brk > s &&
                    natural_width(p, s, i) > avail)
                    return last_brk;
                *forced = true;
                return i;
            }
            /* after a soft hyphen the line must have room for its hyphen */
            if (p->brk[i] == PARA_BREAK_ALLOWED &&
                (p->cp[i - 1] != 0xAD || w + hyphen_width(p, i - 1) <= avail))
                last_brk = i;
            if (hyphenate && p->hyph[i] &&
                w + hyphen_width(p, i - 1) <= avail)
                last_hyph = i;
        }
        w += p->adv[i];
        if (w - shrink <= avail || para_is_space(p->cp[i])) {
            if (justified && p->cp[i] == ' ')
                shrink += (int64_t)p->adv[i] * PARA_SPACE_SHRINK_PCT / 100;
            continue;
        }
        if (trims_at_end(p, i) && w - p->gain[i] <= avail) {
            *trim_end = true;
            *forced = i + 1 == p->n ||
                      p->brk[i + 1] == PARA_BREAK_MANDATORY;
            return i + 1;
        }
        if (last_hyph > last_brk &&
            (last_brk == s || gaps_too_wide(p, s, last_brk, avail))) {
            *hyphen = LINE_HYPHEN_WORD;
            return last_hyph;
        }
        if (last_brk > s) {
            if (p->cp[last_brk - 1] == 0xAD)
                *hyphen = LINE_HYPHEN_OTHER;
            return last_brk;
        }
        /* A word wider than the line: break inside it, before the
         * overflowing cluster, keeping at least one cluster -- measured
         * as the piece is drawn (with its hyphen in a Latin word), so it
         * never overflows the box. */
        uint32_t e = i;
        while (e > s && !p->cluster_start[e])
            e--;
        if (e == s) {
            e = s + 1;
            while (e < p->n && !p->cluster_start[e])
                e++;
        }
        struct para_glyph *tmp = NULL;
        size_t cap = 0;
        while (e > s && drawn_width(p, s, e, &tmp, &cap) +
                                (latin_cut(p, e) ? hyphen_width(p, e - 1)
                                                 : 0) >
                            avail) {
            uint32_t b = cluster_before(p, s, e);
            if (b <= s)
                break;
            e = b;
        }
        free(tmp);
        /* Inside a compound written as one word ("OpenStreetMap"), cut
         * where its parts meet, a small letter then a capital, rather
         * than wherever the line ends ("OpenStreet-" not "OpenStreetMa-"),
         * keeping two letters before it. */
        if (latin_cut(p, e))
            for (uint32_t c = e; c >= s + 2; c--) {
                if (!latin_cut(p, c) || !p->cluster_start[c])
                    continue;
                if (u_islower((UChar32)p->cp[c - 1]) &&
                    u_isupper((UChar32)p->cp[c])) {
                    e = c;
                    break;
                }
                if (!u_isalpha((UChar32)p->cp[c - 1]))
                    break; /* the word's start */
            }
        /* Never a break before a space: it hangs at this line's end
         * rather than make a line of its own. */
        while (e < p->n && para_is_space(p->cp[e]) &&
               p->brk[e] != PARA_BREAK_MANDATORY)
            e++;
        if (latin_cut(p, e))
            *hyphen = LINE_HYPHEN_OTHER;
        return e;
    }
    if (shrink && last_brk > s && natural_width(p, s, p->n) > avail)
        return last_brk;
    *forced = true;
    return p->n;
}

/* The hyphen after code point c, the last of line ln: a glyph of c's face
 * appended to the run drawing c, what is drawn after it moved right. */
static void append_hyphen(struct para *p, struct out *o, struct text_line *ln,
                          uint32_t c)
{
    uint32_t id;
    int32_t hw = para_hyphen_glyph(p, p->face[c], &id);
    uint32_t at = UINT32_MAX, run_i = 0;
    for (uint32_t r = ln->first_run; r < ln->first_run + ln->run_count; r++) {
        const struct text_run *run = &o->runs[r];
        if (!(run->level & 1) && p->byte_of[c] >= run->start &&
            p->byte_of[c] < run->end && run->end == p->byte_of[c + 1]) {
            at = run->first_glyph + run->glyph_count;
            run_i = r;
        }
    }
    if (hw <= 0 || at == UINT32_MAX)
        return;
    o->glyphs = xgrow(o->glyphs, &o->glyph_cap, (size_t)o->glyph_count + 1,
                      sizeof *o->glyphs);
    memmove(&o->glyphs[at + 1], &o->glyphs[at],
            (o->glyph_count - at) * sizeof *o->glyphs);
    o->glyph_count++;
    struct text_run *run = &o->runs[run_i];
    int32_t x = run->x + run->width;
    o->glyphs[at] = (struct text_glyph){
        .id = id, .cluster = p->byte_of[c], .x = x, .y = 0, .advance = hw};
    run->glyph_count++;
    run->width += hw;
    for (uint32_t r = run_i + 1; r < ln->first_run + ln->run_count; r++) {
        struct text_run *later = &o->runs[r];
        later->first_glyph++;
        later->x += hw;
        for (uint32_t g = later->first_glyph;
             g < later->first_glyph + later->glyph_count; g++)
            o->glyphs[g].x += hw;
    }
    ln->width += hw;
}

static void emit_glyphs(struct para *p, struct out *o, const struct para_item *it,
                        const struct para_glyph *g, uint32_t count,
                        int32_t *pen)
{
    o->glyphs = xgrow(o->glyphs, &o->glyph_cap, (size_t)o->glyph_count + count,
                      sizeof *o->glyphs);
    for (uint32_t k = 0; k < count; k++) {
        int32_t adv = para_scale(p, it->face, g[k].x_advance);
        o->glyphs[o->glyph_count++] = (struct text_glyph){
            .id = g[k].id,
            .cluster = g[k].cluster,
            .x = *pen + para_scale(p, it->face, g[k].x_offset),
            .y = -para_scale(p, it->face, g[k].y_offset),
            .advance = adv,
        };
        *pen += adv;
    }
}

/* Index of the item containing code point c (items tile the paragraph). */
static uint32_t item_at(const struct para *p, uint32_t c)
{
    uint32_t lo = 0, hi = p->item_count;
    while (hi - lo > 1) {
        uint32_t mid = (lo + hi) / 2;
        if (p->items[mid].start <= c)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

static void emit_fragment(struct para *p, struct out *o, uint32_t k,
                          uint32_t a, uint32_t b, uint32_t s, uint32_t ve,
                          int32_t *pen)
{
    const struct para_item *it = &p->items[k];
    uint32_t fa = a > it->start ? a : it->start;
    uint32_t fb = b < it->end ? b : it->end;
    if (fa >= fb)
        return;
    o->runs = xgrow(o->runs, &o->run_cap, (size_t)o->run_count + 1,
                    sizeof *o->runs);
    struct text_run *run = &o->runs[o->run_count++];
    *run = (struct text_run){
        .start = p->byte_of[fa],
        .end = p->byte_of[fb],
        .level = it->level,
        .script = it->script,
        .face = it->face,
        .missing = it->missing,
        .x = *pen,
        .first_glyph = o->glyph_count,
    };
    if (fa == it->start && fb == it->end && !(fa == s && unhalved_at(p, s))) {
        emit_glyphs(p, o, it, p->glyphs + it->first_glyph, it->glyph_count,
                    pen);
    } else {
        uint32_t count = para_shape_range(
            p, it, p->byte_of[fa], p->byte_of[fb], p->byte_of[s],
            p->byte_of[ve], &o->tmp, &o->tmp_cap, 0);
        emit_glyphs(p, o, it, o->tmp, count, pen);
    }
    run->glyph_count = o->glyph_count - run->first_glyph;
    run->width = *pen - run->x;
}

/* Emits the items overlapping [a, b) in visual order for direction rtl. */
static void emit_visual_run(struct para *p, struct out *o, uint32_t a,
                            uint32_t b, bool rtl, uint32_t s, uint32_t ve,
                            int32_t *pen)
{
    uint32_t first = item_at(p, a), last = item_at(p, b - 1);
    if (!rtl) {
        for (uint32_t k = first; k <= last; k++)
            emit_fragment(p, o, k, a, b, s, ve, pen);
    } else {
        for (uint32_t k = last + 1; k-- > first;)
            emit_fragment(p, o, k, a, b, s, ve, pen);
    }
}

/* Step 7: runs of line [s, ve) in visual order; returns the line width. */
static int32_t reorder_line(struct para *p, struct out *o, uint32_t s,
                            uint32_t ve)
{
    int32_t pen = 0;
    UErrorCode err = U_ZERO_ERROR;
    int32_t base16 = (int32_t)p->u16_of[s];
    if (p->bidi)
        ubidi_setLine(p->bidi, base16, (int32_t)p->u16_of[ve], o->line_bidi,
                      &err);
    int32_t nruns = p->bidi && U_SUCCESS(err)
                        ? ubidi_countRuns(o->line_bidi, &err)
                        : -1;
    if (!p->bidi || U_FAILURE(err) || nruns < 0) {
        emit_visual_run(p, o, s, ve, p->base_level & 1, s, ve, &pen);
        return pen;
    }
    for (int32_t r = 0; r < nruns; r++) {
        int32_t ls, ll;
        UBiDiDirection dir = ubidi_getVisualRun(o->line_bidi, r, &ls, &ll);
        uint32_t a = p->cp_of_u16[base16 + ls];
        uint32_t b = p->cp_of_u16[base16 + ls + ll];
        if (a < b)
            emit_visual_run(p, o, a, b, dir == UBIDI_RTL, s, ve, &pen);
    }
    return pen;
}

/* The closing mark at code point c, last on line ln, set half-width: its
 * blank (on its right) goes, and whatever is drawn after it moves left. */
static void trim_glyph(struct para *p, struct out *o, struct text_line *ln,
                       uint32_t c)
{
    int32_t gain = p->gain[c], shift = 0;
    for (uint32_t r = ln->first_run; r < ln->first_run + ln->run_count; r++) {
        struct text_run *run = &o->runs[r];
        run->x -= shift;
        for (uint32_t g = run->first_glyph;
             g < run->first_glyph + run->glyph_count; g++) {
            struct text_glyph *gl = &o->glyphs[g];
            gl->x -= shift;
            if (!shift && gl->cluster == p->byte_of[c] &&
                !(run->level & 1)) {
                gl->advance -= gain;
                run->width -= gain;
                shift = gain;
            }
        }
    }
    ln->width -= shift;
}

/* A justification opportunity after glyph g (visual order, line glyphs
 * [g0, g1)): at a space; in a line with Chinese in it, also between two
 * characters when either is Chinese (ideograph or CJK mark) -- never inside
 * a Latin or Arabic word, whose letters keep their spacing and joins. */
static bool justify_slot(const struct para *p, const struct out *o,
                         const hb_script_t *script_of, uint32_t g0, uint32_t g,
                         uint32_t g1, bool han)
{
    uint32_t c = p->cp[p->cp_of_byte[o->glyphs[g].cluster]];
    if (c == ' ' || c == 0x3000)
        return true;
    if (!han || g + 1 >= g1 || o->glyphs[g + 1].cluster == o->glyphs[g].cluster)
        return false;
    uint32_t n = p->cp[p->cp_of_byte[o->glyphs[g + 1].cluster]];
    if (n == ' ' || n == 0x3000)
        return false; /* the space itself stretches */
    return script_of[g - g0] == HB_SCRIPT_HAN ||
           script_of[g + 1 - g0] == HB_SCRIPT_HAN;
}

/* Stretches a line to `avail` at its justification opportunities, each
 * taking an equal share, so a Chinese line with one space spreads its slack
 * over its ideograph gaps rather than into that space; a line fitted with
 * its spaces closed up (fit_line) is narrowed at its spaces alone.  Leaves
 * the line alone if that would open gaps wider than two ems. */
static void justify_line(struct para *p, struct out *o, struct text_line *ln,
                         int32_t avail)
{
    int32_t extra = avail - ln->width;
    if (extra == 0 || ln->run_count == 0)
        return;
    uint32_t g0 = o->runs[ln->first_run].first_glyph, g1 = o->glyph_count;
    hb_script_t *script_of = xmalloc(((size_t)(g1 - g0) + 1) *
                                     sizeof *script_of);
    bool han = false;
    for (uint32_t r = ln->first_run; r < ln->first_run + ln->run_count; r++) {
        const struct text_run *run = &o->runs[r];
        han |= run->script == HB_SCRIPT_HAN;
        for (uint32_t g = run->first_glyph;
             g < run->first_glyph + run->glyph_count; g++)
            script_of[g - g0] = run->script;
    }
    han &= extra > 0; /* a line set tight closes its spaces only */
    uint32_t slots = 0;
    for (uint32_t g = g0; g < g1; g++)
        slots += justify_slot(p, o, script_of, g0, g, g1, han);
    if (slots == 0 ||
        extra / (int32_t)slots > 2 * p->params->size_px * TEXT_ONE) {
        free(script_of);
        return;
    }
    int64_t shift = 0;
    uint32_t used = 0;
    for (uint32_t r = ln->first_run; r < ln->first_run + ln->run_count; r++) {
        struct text_run *run = &o->runs[r];
        int64_t before = shift;
        run->x += (int32_t)shift;
        for (uint32_t g = run->first_glyph;
             g < run->first_glyph + run->glyph_count; g++) {
            struct text_glyph *gl = &o->glyphs[g];
            gl->x += (int32_t)shift;
            if (justify_slot(p, o, script_of, g0, g, g1, han)) {
                int32_t e = (int32_t)((int64_t)extra * (used + 1) / slots -
                                      (int64_t)extra * used / slots);
                used++;
                gl->advance += e;
                shift += e;
            }
        }
        run->width += (int32_t)(shift - before);
    }
    ln->width += (int32_t)shift;
    free(script_of);
}

static void place_line(struct para *p, struct out *o, struct text_line *ln,
                       int32_t avail, bool last)
{
    enum text_align align = p->params->align;
    bool rtl = p->base_level & 1;
    if (align == TEXT_ALIGN_JUSTIFY && !last)
        justify_line(p, o, ln, avail);
    int32_t dx = 0;
    int32_t room = avail - ln->width;
    switch (align) {
    case TEXT_ALIGN_CENTER:
        dx = room / 2;
        break;
    case TEXT_ALIGN_END:
        dx = rtl ? 0 : room;
        break;
    case TEXT_ALIGN_START:
    case TEXT_ALIGN_JUSTIFY:
    default:
        dx = rtl ? room : 0;
        break;
    }
    ln->x = dx;
    for (uint32_t r = ln->first_run; r < ln->first_run + ln->run_count; r++) {
        struct text_run *run = &o->runs[r];
        run->x += dx;
        for (uint32_t g = run->first_glyph;
             g < run->first_glyph + run->glyph_count; g++) {
            o->glyphs[g].x += dx;
            o->glyphs[g].y += ln->baseline;
        }
    }
}

/* A face's ascent and descent in em/1000, at its own size. */
static void face_extents(const struct text_face *f, int64_t *asc,
                         int64_t *desc)
{
    int64_t a = (int64_t)f->ascender * 1000 / (int64_t)f->upem;
    int64_t d = -(int64_t)f->descender * 1000 / (int64_t)f->upem;
    *asc = a > *asc ? a : *asc;
    *desc = d > *desc ? d : *desc;
}

/* The paragraph's line pitch and baseline from the faces it uses (the
 * highest ascent and deepest descent among them, each face at its own
 * size: Naskh's extents already leave room for its stacked marks), one
 * pitch for every line of the paragraph so mixed lines stay even.  An
 * English paragraph is 1.36 em, a Chinese one 1.44, one with Uyghur in it
 * 1.70; an empty one takes its language's face. */
static void line_metrics(const struct para *p, int32_t *height,
                         int32_t *ascent)
{
    int64_t am = 0, dm = 0;
    for (uint32_t k = 0; k < p->item_count; k++)
        face_extents(&p->fonts->faces[p->items[k].face], &am, &dm);
    if (p->item_count == 0) {
        hb_script_t script = p->params->lang == TEXT_LANG_ZH ? HB_SCRIPT_HAN
                             : p->params->lang == TEXT_LANG_UG
                                 ? HB_SCRIPT_ARABIC
                                 : HB_SCRIPT_LATIN;
        size_t f;
        text_fonts_pick(p->fonts, p->params->role, script, ' ', &f);
        face_extents(&p->fonts->faces[f], &am, &dm);
    }
    int64_t size64 = (int64_t)p->params->size_px * TEXT_ONE;
    int64_t asc = size64 * am / 1000;
    int64_t desc = size64 * dm / 1000;
    int64_t h = p->params->line_height_pct
                    ? size64 * p->params->line_height_pct / 100
                    : asc + desc;
    /* Half-leading above and below, as CSS does. */
    *height = (int32_t)h;
    *ascent = (int32_t)(asc + (h - asc - desc) / 2);
}

struct text_layout *text_layout_create(const struct text_fonts *fonts,
                                       const struct text_params *params,
                                       const char *utf8, size_t len)
{
    char err[160];
    if (!text_params_check(params, err, sizeof err)) {
        log_error("text", "layout refused: %s", err);
        return NULL;
    }
    struct text_layout *l = xcalloc(1, sizeof *l);
    l->text = text_normalize(utf8 ? utf8 : "", utf8 ? len : 0, &l->len);
    l->fonts = fonts;
    l->params = *params;
    l->width = params->width_px * TEXT_ONE;

    struct para p;
    para_init(&p, fonts, &l->params, l->text, l->len);
    para_bidi(&p);
    para_itemize(&p);
    para_shape(&p);
    para_cjk_punct(&p);
    para_breaks(&p);
    para_hyphens(&p);
    l->rtl = p.base_level & 1;
    for (uint32_t i = 0; i < p.n; i++)
        l->missing_count += p.missing[i] && !para_is_space(p.cp[i]);

    struct out o = {0};
    UErrorCode uerr = U_ZERO_ERROR;
    o.line_bidi = ubidi_openSized(p.n16, 0, &uerr);
    int32_t line_h, ascent;
    line_metrics(&p, &line_h, &ascent);

    uint32_t s = 0;
    unsigned hyphen_run = 0;
    do {
        bool forced = true, trim_end = false;
        enum line_hyphen hyphen = LINE_HYPHEN_NONE;
        uint32_t e = p.n ? fit_line(&p, s, l->width,
                                    hyphen_run < PARA_HYPHEN_MAX_RUN, &forced,
                                    &trim_end, &hyphen)
                         : 0;
        hyphen_run = hyphen == LINE_HYPHEN_WORD ? hyphen_run + 1 : 0;
        uint32_t ve = e;
        while (ve > s && para_is_space(p.cp[ve - 1]))
            ve--;
        o.lines = xgrow(o.lines, &o.line_cap, (size_t)o.line_count + 1,
                        sizeof *o.lines);
        struct text_line *ln = &o.lines[o.line_count++];
        *ln = (struct text_line){
            .start = p.byte_of[s],
            .end = p.byte_of[e],
            .top = (int32_t)(o.line_count - 1) * line_h,
            .height = line_h,
            .first_run = o.run_count,
        };
        ln->baseline = ln->top + ascent;
        if (ve > s)
            ln->width = reorder_line(&p, &o, s, ve);
        ln->run_count = o.run_count - ln->first_run;
        if (trim_end && ve > s)
            trim_glyph(&p, &o, ln, ve - 1);
        if (hyphen != LINE_HYPHEN_NONE && ve > s)
            append_hyphen(&p, &o, ln, ve - 1);
        place_line(&p, &o, ln, l->width, forced);
        s = e;
    } while (s < p.n);

    l->lines = o.lines;
    l->line_count = o.line_count;
    l->runs = o.runs;
    l->run_count = o.run_count;
    l->glyphs = o.glyphs;
    l->glyph_count = o.glyph_count;
    l->height = (int32_t)o.line_count * line_h;
    if (o.line_bidi)
        ubidi_close(o.line_bidi);
    free(o.tmp);
    para_fini(&p);
    return l;
}

void text_layout_destroy(struct text_layout *l)
{
    if (!l)
        return;
    free(l->text);
    free(l->lines);
    free(l->runs);
    free(l->glyphs);
    free(l);
}

int text_layout_height_px(const struct text_layout *l)
{
    return l ? (l->height + TEXT_ONE - 1) / TEXT_ONE : 0;
}

int text_layout_width_px(const struct text_layout *l)
{
    int32_t w = 0;
    for (uint32_t i = 0; l && i < l->line_count; i++)
        if (l->lines[i].width > w)
            w = l->lines[i].width;
    return (w + TEXT_ONE - 1) / TEXT_ONE;
}
