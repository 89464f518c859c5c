/* test_typeset.c: typography above line breaking -- CJK punctuation
 * compression and justification (CLREQ §3.1.6, §3.5; CSS
 * text-spacing-trim: normal), paired punctuation from one font (UAX #24),
 * English hyphenation (libhyphen, hyph_en_US.dic) and visible hyphens,
 * line pitch from the fonts a paragraph uses,
 * each rule as a case that fails if it comes back broken. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "shipped.h"
#include "core/diag.h"
#include "core/utf8.h"
#include "text/font.h"
#include "text/font.h"
#include "text/layout.h"

static struct text_fonts *fonts;

#define PX 28 /* the em, so a full-width mark is 28 px, a halved one 14 */

static struct text_layout *lay(const char *text, enum text_lang lang,
                               int width, enum text_align align)
{
    struct text_params p = {
        .role = text_fonts_role(fonts, "body"),
        .lang = lang,
        .size_px = PX,
        .width_px = width,
        .align = align,
    };
    return text_layout_create(fonts, &p, text, strlen(text));
}

/* The glyph drawing the character at byte `off` (the first if several). */
static const struct text_glyph *glyph_at(const struct text_layout *l,
                                         uint32_t off)
{
    for (uint32_t g = 0; g < l->glyph_count; g++)
        if (l->glyphs[g].cluster == off)
            return &l->glyphs[g];
    return NULL;
}

/* Advance in whole pixels of the glyph for the n-th code point. */
static double adv_px(const struct text_layout *l, size_t n)
{
    uint32_t off = 0;
    for (size_t k = 0; k < n; k++) {
        size_t used;
        utf8_decode(l->text + off, l->len - off, &used);
        off += (uint32_t)used;
    }
    const struct text_glyph *g = glyph_at(l, off);
    return g ? g->advance / (double)TEXT_ONE : -1;
}

struct pair_case {
    const char *text;
    double adv[4]; /* per code point, px */
    const char *why;
};

/* Adjacent marks: the blank between them goes, from the side CSS says. */
static void test_adjacent(void)
{
    static const struct pair_case cases[] = {
        {"国。」国", {28, 14, 28, 28}, "closing before closing: 。 halved"},
        {"国），国", {28, 14, 28, 28}, "closing before closing: ） halved"},
        {"国）（国", {28, 28, 14, 28}, "opening after closing: （ halved"},
        {"国》《国", {28, 28, 14, 28}, "opening after closing: 《 halved"},
        {"国（（国", {28, 28, 14, 28}, "opening after opening"},
        {"国，“国", {28, 28, 14, 28}, "an opening quote after a comma"},
        {"国。　国", {28, 14, 28, 28}, "closing before an ideographic space"},
        {"国，国。", {28, 28, 28, 28}, "single marks keep their full width"},
        {"国（国）", {28, 28, 28, 28}, "a bracket pair around a character"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const struct pair_case *c = &cases[i];
        struct text_layout *l = lay(c->text, TEXT_LANG_ZH, 1000,
                                    TEXT_ALIGN_START);
        bool ok = l->line_count == 1;
        char got[64] = "";
        for (size_t k = 0; k < 4; k++) {
            double a = adv_px(l, k);
            ok &= a > c->adv[k] - 0.05 && a < c->adv[k] + 0.05;
            snprintf(got + strlen(got), sizeof got - strlen(got), "%s%.1f",
                     k ? " " : "", a);
        }
        CHECK(ok, "%s: %s (advances %s)", c->text, c->why, got);
        text_layout_destroy(l);
    }
    /* Ink stays where it was: a halved opening mark moves left by the
     * blank it gave up, so it sits against what follows it. */
    struct text_layout *l = lay("国）（国", TEXT_LANG_ZH, 1000,
                                TEXT_ALIGN_START);
    const struct text_glyph *open = glyph_at(l, 6), *next = glyph_at(l, 9);
    CHECK(open && next && open->x == 42 * TEXT_ONE &&
              next->x == 70 * TEXT_ONE,
          "a halved （ is drawn with its em box shifted left over its "
          "blank, so its ink touches the next character (x %.1f, next "
          "%.1f px)", open ? open->x / 64.0 : -1, next ? next->x / 64.0 : -1);
    CHECK(l->lines[0].width == (28 * 3 + 14) * TEXT_ONE,
          "国）（国 is 3.5 em wide, not 4 (%d)", l->lines[0].width / TEXT_ONE);
    text_layout_destroy(l);
    /* Latin quotes are proportional: nothing to compress. */
    l = lay("He said \"Yili\", then left.", TEXT_LANG_EN, 1000,
            TEXT_ALIGN_START);
    struct text_layout *l2 = lay("He said \"Yili\" , then left.",
                                 TEXT_LANG_EN, 1000, TEXT_ALIGN_START);
    const struct text_glyph *q = glyph_at(l, 13), *q2 = glyph_at(l2, 13);
    CHECK(q && q2 && q->advance == q2->advance,
          "a Latin closing quote before a comma keeps its width");
    text_layout_destroy(l);
    text_layout_destroy(l2);
}

/* The marks at a line's edges. */
static void test_line_edges(void)
{
    /* 国国」「国 in 3.6 em: 」「 would be 1.5 em together, so the line
     * breaks between them; 「 then starts the second line at full width. */
    struct text_layout *l = lay("国国」「国国", TEXT_LANG_ZH, 100,
                                TEXT_ALIGN_START);
    const struct text_glyph *open = glyph_at(l, 9);
    CHECK(l->line_count == 2 && l->lines[1].start == 9 && open &&
              open->advance == 28 * TEXT_ONE && open->x == 0,
          "an opening mark halved after 」 is set full width again at a "
          "line start (%u lines, second from byte %u, advance %d)",
          l->line_count, l->line_count > 1 ? l->lines[1].start : 0,
          open ? open->advance / TEXT_ONE : -1);
    CHECK(l->lines[1].width == 28 * 3 * TEXT_ONE,
          "and its line is measured with the full width (%d px)",
          l->lines[1].width / TEXT_ONE);
    text_layout_destroy(l);

    /* 国国国。国 in 3.5 em: 。 cannot start a line, so without trimming
     * the line would break before the third 国; halved it fits. */
    l = lay("国国国。国", TEXT_LANG_ZH, 98, TEXT_ALIGN_START);
    CHECK(l->line_count == 2 && l->lines[0].end == 12 &&
              l->lines[0].width == 98 * TEXT_ONE,
          "a closing mark at a line end is halved when the line would not "
          "fit otherwise (first line to byte %u, %d px)", l->lines[0].end,
          l->lines[0].width / TEXT_ONE);
    text_layout_destroy(l);
    l = lay("国国国。国", TEXT_LANG_ZH, 112, TEXT_ALIGN_START);
    const struct text_glyph *stop = glyph_at(l, 9);
    CHECK(l->lines[0].end == 12 && stop && stop->advance == 28 * TEXT_ONE,
          "and keeps its full width when the line fits anyway");
    text_layout_destroy(l);
    /* Centred, the halved mark's blank is not counted. */
    l = lay("国国国。国", TEXT_LANG_ZH, 98, TEXT_ALIGN_CENTER);
    CHECK(l->lines[0].x == 0, "a trimmed line centres on its ink (x %d)",
          l->lines[0].x);
    text_layout_destroy(l);
}

/* Justification: between ideographs, never inside Latin or Arabic words. */
static void test_justify(void)
{
    const char *text = "报告提到伊犁 ئىلى 和塔城 Tacheng 两地的情况，"
                       "英文译本写作 Yili 和 Tacheng。以下是全文。";
    int width = 400;
    struct text_layout *j = lay(text, TEXT_LANG_ZH, width,
                                TEXT_ALIGN_JUSTIFY);
    struct text_layout *s = lay(text, TEXT_LANG_ZH, width, TEXT_ALIGN_START);
    bool same_lines = j->line_count == s->line_count && j->line_count > 1;
    bool words_kept = true, full = true;
    int32_t max_space = 0, max_han = 0;
    for (uint32_t i = 0; same_lines && i < j->line_count; i++) {
        const struct text_line *lj = &j->lines[i], *ls = &s->lines[i];
        if (i + 1 < j->line_count)
            full &= lj->width >= width * TEXT_ONE - TEXT_ONE;
        for (uint32_t r = 0; r < lj->run_count; r++) {
            const struct text_run *rj = &j->runs[lj->first_run + r];
            const struct text_run *rs = &s->runs[ls->first_run + r];
            for (uint32_t g = 0; g < rj->glyph_count; g++) {
                const struct text_glyph *gj = &j->glyphs[rj->first_glyph + g];
                const struct text_glyph *gs = &s->glyphs[rs->first_glyph + g];
                int32_t grow = gj->advance - gs->advance;
                bool space = j->text[gj->cluster] == ' ';
                if (space && grow > max_space)
                    max_space = grow;
                if (rj->script == HB_SCRIPT_HAN && !space && grow > max_han)
                    max_han = grow;
                /* inside a word: a glyph followed by another of its run */
                if (rj->script != HB_SCRIPT_HAN && !space &&
                    g + 1 < rj->glyph_count &&
                    j->text[j->glyphs[rj->first_glyph + g + 1].cluster] !=
                        ' ')
                    words_kept &= grow == 0;
            }
        }
    }
    CHECK(same_lines && full, "a justified Chinese paragraph fills its "
                              "lines (%u lines)", j->line_count);
    CHECK(words_kept, "no letter of an Arabic or Latin word inside Chinese "
                      "lines gains width (the joins hold)");
    CHECK(max_han > 0 && max_space <= max_han + TEXT_ONE,
          "the slack is spread over ideograph gaps, a space taking no more "
          "than a gap (space +%.2f px, ideograph +%.2f px)",
          max_space / (double)TEXT_ONE, max_han / (double)TEXT_ONE);
    text_layout_destroy(j);
    text_layout_destroy(s);

    /* English keeps justifying at its spaces alone. */
    j = lay("The work team reported on the events in Yili and Tacheng in "
            "May 1962, in some detail.", TEXT_LANG_EN, 300,
            TEXT_ALIGN_JUSTIFY);
    s = lay("The work team reported on the events in Yili and Tacheng in "
            "May 1962, in some detail.", TEXT_LANG_EN, 300,
            TEXT_ALIGN_START);
    /* The letters' advances against the text set on one line (a
     * hyphen is appended after its letter, so the first glyph of each
     * cluster is the letter). */
    struct text_layout *one = lay("The work team reported on the events in "
                                  "Yili and Tacheng in May 1962, in some "
                                  "detail.", TEXT_LANG_EN, 4000,
                                  TEXT_ALIGN_START);
    bool only_spaces = j->line_count > 2;
    for (uint32_t g = 0; g < j->glyph_count; g++) {
        uint32_t c = j->glyphs[g].cluster;
        if (j->text[c] == ' ' || (g > 0 && j->glyphs[g - 1].cluster == c))
            continue;
        const struct text_glyph *n = glyph_at(one, c);
        only_spaces &= n && n->advance == j->glyphs[g].advance;
    }
    CHECK(only_spaces, "English lines stretch at their spaces only");
    text_layout_destroy(one);
    text_layout_destroy(j);
    text_layout_destroy(s);
}

/* The run (and so the face) drawing byte `off`. */
static const struct text_run *run_at(const struct text_layout *l,
                                     uint32_t off)
{
    for (uint32_t r = 0; r < l->run_count; r++)
        if (off >= l->runs[r].start && off < l->runs[r].end)
            return &l->runs[r];
    return NULL;
}

struct pair_font_case {
    const char *text;
    enum text_lang lang;
    const char *open, *close; /* the two marks, as UTF-8 */
    hb_script_t script;
};

/* Both marks of a pair from one font: the closing one takes its opening
 * one's script (UAX #24 paired punctuation). */
static void test_pairs(void)
{
    static const struct pair_font_case cases[] = {
        {"他说“Hello”。", TEXT_LANG_ZH, "“", "”", HB_SCRIPT_HAN},
        {"The word “伊犁” means Yili.", TEXT_LANG_EN, "“", "”",
         HB_SCRIPT_LATIN},
        {"报告提到伊犁（ئىلى）和塔城。", TEXT_LANG_ZH, "（", "）",
         HB_SCRIPT_HAN},
        {"英文 (Ili [Yili] 伊犁) 写作", TEXT_LANG_ZH, "(", ")",
         HB_SCRIPT_HAN},
        {"سۆز «Yili» دېگەن", TEXT_LANG_UG, "«", "»", HB_SCRIPT_ARABIC},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const struct pair_font_case *c = &cases[i];
        struct text_layout *l = lay(c->text, c->lang, 2000, TEXT_ALIGN_START);
        const char *o = strstr(c->text, c->open);
        const char *e = o ? strstr(o + strlen(c->open), c->close) : NULL;
        const struct text_run *ro = o ? run_at(l, (uint32_t)(o - c->text))
                                      : NULL;
        const struct text_run *re = e ? run_at(l, (uint32_t)(e - c->text))
                                      : NULL;
        char a[5] = "?", b[5] = "?";
        if (ro)
            text_script_name(ro->script, a);
        if (re)
            text_script_name(re->script, b);
        CHECK(ro && re && ro->face == re->face && ro->script == c->script &&
                  re->script == c->script,
              "%s: %s and %s from one font (%s, %s)", c->text, c->open,
              c->close, a, b);
        text_layout_destroy(l);
    }
    /* Unpaired or crossed marks fall back to the script before them. */
    struct text_layout *l = lay("伊犁) Yili", TEXT_LANG_ZH, 2000,
                                TEXT_ALIGN_START);
    const struct text_run *r = run_at(l, 6);
    CHECK(r && r->script == HB_SCRIPT_HAN,
          "a closing mark with no opening one takes the script before it");
    text_layout_destroy(l);
}

/* The widest word gap of a justified layout's full lines, in spaces. */
static double widest_gap(const struct text_layout *l, double space)
{
    double worst = 0;
    for (uint32_t i = 0; i + 1 < l->line_count; i++) {
        const struct text_line *ln = &l->lines[i];
        for (uint32_t r = ln->first_run; r < ln->first_run + ln->run_count;
             r++)
            for (uint32_t g = l->runs[r].first_glyph;
                 g < l->runs[r].first_glyph + l->runs[r].glyph_count; g++)
                if (l->text[l->glyphs[g].cluster] == ' ' &&
                    l->glyphs[g].cluster + 1 < ln->end &&
                    l->glyphs[g].advance / space > worst)
                    worst = l->glyphs[g].advance / space;
    }
    return worst;
}

static bool ends_with_hyphen(const struct text_layout *l,
                             const struct text_line *ln, uint32_t hyphen_id)
{
    if (ln->run_count == 0)
        return false;
    const struct text_run *r = &l->runs[ln->first_run + ln->run_count - 1];
    return r->glyph_count > 0 &&
           l->glyphs[r->first_glyph + r->glyph_count - 1].id == hyphen_id;
}

/* The letters of a line's last word piece, before the hyphen. */
static size_t tail_letters(const struct text_layout *l,
                           const struct text_line *ln)
{
    size_t k = 0;
    for (uint32_t b = ln->end; b > ln->start && l->text[b - 1] != ' '; b--)
        k++;
    return k;
}

static size_t head_letters(const struct text_layout *l,
                           const struct text_line *ln)
{
    size_t k = 0;
    for (uint32_t b = ln->start; b < ln->end && l->text[b] >= 'a' &&
                                 l->text[b] <= 'z';
         b++)
        k++;
    return k;
}

static const char *report_en =
    "On the morning of 23 May, the work team briefed the regional Party "
    "Committee on its task of collecting evidence and material and put "
    "forward specific recommendations on how this task could be fulfilled. "
    "The regional Party Committee attached great importance to the work, "
    "and the comrades responsible for the border regions of Tacheng, Yili, "
    "Bortala and Altay described the circumstances of the departures and "
    "the measures taken to stabilise production and the population.";

/* Hyphenation with libhyphen and Debian's hyph_en_US.dic. */
static void test_hyphenation(void)
{
    CHECK(fonts->hyph[TEXT_LANG_EN] != NULL,
          "the manifest gives English its hyphenation patterns");
    uint32_t hid = 0;
    {
        const struct text_role *body = text_fonts_role(fonts, "body");
        hb_codepoint_t g;
        if (hb_font_get_nominal_glyph(fonts->faces[body->face[0]].hb_font,
                                      0x2010, &g) ||
            hb_font_get_nominal_glyph(fonts->faces[body->face[0]].hb_font,
                                      '-', &g))
            hid = g;
    }
    struct text_layout *one = lay(" ", TEXT_LANG_EN, 100, TEXT_ALIGN_START);
    double space = one->glyph_count ? one->glyphs[0].advance : 7 * 64;
    text_layout_destroy(one);

    /* Word gaps with and without, over the measures the reader justifies
     * English at (45 characters and more: 600 px and up at 28 px). */
    double worst_with = 0, worst_without = 0;
    unsigned hyphenated = 0, too_short = 0, names = 0, fragments = 0,
             overflow = 0, runs_over = 0, wide_with = 0, wide_without = 0;
    for (int width = 600; width <= 960; width += 10) {
        struct text_layout *h = lay(report_en, TEXT_LANG_EN, width,
                                    TEXT_ALIGN_JUSTIFY);
        struct _HyphenDict *dict = fonts->hyph[TEXT_LANG_EN];
        fonts->hyph[TEXT_LANG_EN] = NULL;
        struct text_layout *n = lay(report_en, TEXT_LANG_EN, width,
                                    TEXT_ALIGN_JUSTIFY);
        fonts->hyph[TEXT_LANG_EN] = dict;
        double gw = widest_gap(h, space), gn = widest_gap(n, space);
        wide_with += gw > 2.0;
        wide_without += gn > 2.0;
        worst_with = gw > worst_with ? gw : worst_with;
        worst_without = gn > worst_without ? gn : worst_without;
        unsigned run = 0;
        for (uint32_t i = 0; i < h->line_count; i++) {
            const struct text_line *ln = &h->lines[i];
            overflow += ln->width > width * TEXT_ONE;
            if (!ends_with_hyphen(h, ln, hid)) {
                run = 0;
                continue;
            }
            hyphenated++;
            runs_over += ++run > 2;
            size_t a = tail_letters(h, ln);
            size_t b = i + 1 < h->line_count
                           ? head_letters(h, &h->lines[i + 1]) : 0;
            too_short += a + b < 6;
            fragments += a < 2 || b < 3;
            names += h->text[ln->end - a] >= 'A' && h->text[ln->end - a] <= 'Z';
        }
        text_layout_destroy(h);
        text_layout_destroy(n);
    }
    CHECK(hyphenated > 0 && worst_with * 2 <= worst_without &&
              wide_with < wide_without,
          "justified English at 600..960 px: the widest word gap is %.2f "
          "spaces hyphenated, %.2f without; %u of 37 widths have a gap over "
          "2 spaces hyphenated, %u without (%u hyphens)", worst_with,
          worst_without, wide_with, wide_without, hyphenated);
    CHECK(overflow == 0, "no hyphenated line is wider than its box (%u)",
          overflow);
    CHECK(too_short == 0 && fragments == 0,
          "only words of 6 letters or more, 2 before the hyphen and 3 after "
          "(%u short words, %u short pieces)", too_short, fragments);
    CHECK(names == 0, "no name is hyphenated (%u)", names);
    CHECK(runs_over == 0, "never more than two hyphenated lines in a row "
                          "(%u)", runs_over);

    /* Ragged text is not hyphenated (its lines may be short). */
    struct text_layout *r = lay(report_en, TEXT_LANG_EN, 300,
                                TEXT_ALIGN_START);
    unsigned ragged = 0;
    for (uint32_t i = 0; i < r->line_count; i++)
        ragged += ends_with_hyphen(r, &r->lines[i], hid);
    CHECK(ragged == 0, "ragged-right English is not hyphenated (%u)", ragged);
    text_layout_destroy(r);

    /* A soft hyphen breaks with a visible hyphen. */
    r = lay("the inter\xc2\xad" "national commission", TEXT_LANG_EN, 150,
            TEXT_ALIGN_START);
    CHECK(r->line_count >= 2 && ends_with_hyphen(r, &r->lines[0], hid) &&
              r->lines[0].width <= 150 * TEXT_ONE,
          "a break at a soft hyphen draws a hyphen, inside the box (%u "
          "lines, first %.1f px)", r->line_count,
          r->lines[0].width / (double)TEXT_ONE);
    bool shy_hidden = true;
    text_layout_destroy(r);
    r = lay("the inter\xc2\xad" "national commission", TEXT_LANG_EN, 1000,
            TEXT_ALIGN_START);
    shy_hidden = r->line_count == 1 && !ends_with_hyphen(r, &r->lines[0], hid);
    for (uint32_t g = 0; g < r->glyph_count; g++)
        shy_hidden &= r->glyphs[g].id != hid;
    CHECK(shy_hidden, "a soft hyphen inside a line stays invisible");
    text_layout_destroy(r);

    /* An emergency break inside a Latin word draws a hyphen too. */
    r = lay("Supercalifragilisticexpialidocious", TEXT_LANG_EN, 120,
            TEXT_ALIGN_START);
    bool all = r->line_count >= 3, inside = true;
    for (uint32_t i = 0; i < r->line_count; i++) {
        inside &= r->lines[i].width <= 120 * TEXT_ONE;
        if (i + 1 < r->line_count)
            all &= ends_with_hyphen(r, &r->lines[i], hid);
    }
    CHECK(all && inside && !ends_with_hyphen(r, &r->lines[r->line_count - 1],
                                             hid),
          "a word wider than the box is cut with a hyphen on every piece "
          "but the last, each inside the box (%u lines)", r->line_count);
    text_layout_destroy(r);

    /* A compound written as one word is cut where its parts meet: in a
     * box one pixel narrower than "OpenStreetMap", "OpenStreet-" then
     * "Map" (not "OpenStreetMa-" then "p"). */
    r = lay("OpenStreetMap", TEXT_LANG_EN, 10000, TEXT_ALIGN_START);
    int whole = r->lines[0].width / TEXT_ONE;
    text_layout_destroy(r);
    r = lay("OpenStreetMap", TEXT_LANG_EN, whole - 1, TEXT_ALIGN_START);
    CHECK(r->line_count == 2 && r->lines[0].end == 10 &&
              ends_with_hyphen(r, &r->lines[0], hid),
          "a compound is cut between its parts: 'OpenStreet-' 'Map' (%u "
          "lines, the first ends at byte %u)", r->line_count,
          r->lines[0].end);
    text_layout_destroy(r);
    /* with no part that fits, wherever the box ends, as before */
    r = lay("Openstreetmap", TEXT_LANG_EN, 10000, TEXT_ALIGN_START);
    whole = r->lines[0].width / TEXT_ONE;
    text_layout_destroy(r);
    r = lay("Openstreetmap", TEXT_LANG_EN, whole - 1, TEXT_ALIGN_START);
    CHECK(r->line_count == 2 && r->lines[0].end > 10,
          "a word without parts is cut where the box ends (byte %u)",
          r->lines[0].end);
    text_layout_destroy(r);
}

/* Line pitch from the faces a paragraph uses, one pitch a paragraph. */
static void test_pitch(void)
{
    static const struct {
        const char *text;
        enum text_lang lang;
        double em_min, em_max;
        const char *what;
    } cases[] = {
        {"The work team arrived in Urumqi on 21 May.", TEXT_LANG_EN, 1.35,
         1.38, "English (Noto Serif)"},
        {"工作组于5月21日抵达乌鲁木齐。", TEXT_LANG_ZH, 1.43, 1.46,
         "Chinese (Noto Serif CJK)"},
        {"خىزمەت گۇرۇپپىسى ئۈرۈمچىگە يېتىپ كەلدى.", TEXT_LANG_UG, 1.69,
         1.72, "Uyghur (Noto Naskh)"},
        {"伊犁 ئىلى Yili", TEXT_LANG_ZH, 1.77, 1.80,
         "all three: the tallest ascent and deepest descent"},
        {"", TEXT_LANG_EN, 1.35, 1.38, "an empty English paragraph"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        struct text_layout *l = lay(cases[i].text, cases[i].lang, 2000,
                                    TEXT_ALIGN_START);
        double em = l->lines[0].height / (double)(PX * TEXT_ONE);
        CHECK(em >= cases[i].em_min && em <= cases[i].em_max,
              "line pitch of %s: %.3f em", cases[i].what, em);
        text_layout_destroy(l);
    }
    /* A paragraph mixing English lines and one Uyghur word: every line
     * has the same pitch. */
    struct text_layout *l = lay("The region called Yili (ئىلى in Uyghur) "
                                "lies on the border, and the work team "
                                "visited it in the last week of May.",
                                TEXT_LANG_EN, 300, TEXT_ALIGN_START);
    bool even = l->line_count >= 3;
    for (uint32_t i = 1; i < l->line_count; i++)
        even &= l->lines[i].height == l->lines[0].height &&
                l->lines[i].top == l->lines[i - 1].top + l->lines[0].height;
    CHECK(even, "a mixed paragraph's lines are evenly spaced (%u lines)",
          l->line_count);
    text_layout_destroy(l);
    /* A given pitch is kept; the baseline centres the faces used. */
    struct text_params p = {.role = text_fonts_role(fonts, "body"),
                            .lang = TEXT_LANG_EN, .size_px = PX,
                            .width_px = 2000, .align = TEXT_ALIGN_START,
                            .line_height_pct = 150};
    l = text_layout_create(fonts, &p, "Yili", 4);
    int32_t h = l->lines[0].height, b = l->lines[0].baseline;
    double want = (1.069 + (1.5 - 1.069 - 0.293) / 2) * PX * TEXT_ONE;
    CHECK(h == PX * TEXT_ONE * 3 / 2 && b > want - TEXT_ONE &&
              b < want + TEXT_ONE,
          "150 %% English: the line is 1.5 em and its baseline %.2f px down "
          "(Noto Serif's extents centred: %.2f)", b / 64.0, want / 64.0);
    text_layout_destroy(l);
}

int main(void)
{
    fonts = shipped_fonts();
    if (!fonts)
        return 1;
    const struct text_role *body = text_fonts_role(fonts, "body");
    bool halt = false;
    for (size_t i = 0; i < body->count; i++)
        halt |= body->script[i] == HB_SCRIPT_HAN &&
                fonts->faces[body->face[i]].halt;
    CHECK(halt, "the body role's Chinese face has a working `halt`");

    test_adjacent();
    test_line_edges();
    test_justify();
    test_pairs();
    test_hyphenation();
    test_pitch();

    text_fonts_destroy(fonts);
    return check_finish("test_typeset");
}
