/* test_layout.c: the text pipeline -- golden layout dumps plus properties
 * that must hold whatever the fonts: line starts, bidi order, mirroring,
 * hit-testing, limits. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "shipped.h"
#include "core/diag.h"
#include "core/utf8.h"
#include "text/dump.h"
#include "text/font.h"
#include FT_OUTLINE_H
#include "text/layout.h"

static struct text_fonts *fonts;

static struct text_layout *lay(const char *text, size_t len,
                               enum text_lang lang, const char *role,
                               int size, int width, enum text_align align)
{
    struct text_params p = {
        .role = text_fonts_role(fonts, role),
        .lang = lang,
        .size_px = size,
        .width_px = width,
        .align = align,
    };
    return text_layout_create(fonts, &p, text, len);
}

static char *load(const char *name, size_t *len)
{
    char path[256];
    snprintf(path, sizeof path, "%s/layout/%s", check_test_dir(), name);
    char *s = check_read_file(path, len);
    if (!s) {
        CHECK(false, "cannot read %s", path);
        exit(1);
    }
    if (*len && s[*len - 1] == '\n')
        s[--*len] = '\0';
    return s;
}

/* Structural invariants every layout must keep. */
static void check_invariants(const struct text_layout *l, const char *what)
{
    uint32_t expect = 0;
    bool tiles = true, ordered = true, inside = true, glyphs_in = true;
    for (uint32_t i = 0; i < l->line_count; i++) {
        const struct text_line *ln = &l->lines[i];
        tiles &= ln->start == expect && ln->end >= ln->start;
        expect = ln->end;
        int32_t x = ln->x;
        for (uint32_t r = ln->first_run; r < ln->first_run + ln->run_count;
             r++) {
            const struct text_run *run = &l->runs[r];
            ordered &= run->x == x; /* runs abut left to right */
            x += run->width;
            inside &= run->start >= ln->start && run->end <= ln->end;
            for (uint32_t g = 0; g < run->glyph_count; g++) {
                uint32_t c = l->glyphs[run->first_glyph + g].cluster;
                glyphs_in &= c >= run->start && c < run->end;
            }
        }
        ordered &= x == ln->x + ln->width;
    }
    CHECK(tiles && expect == l->len, "%s: lines tile the text", what);
    CHECK(ordered, "%s: runs abut left to right within each line", what);
    CHECK(inside, "%s: runs lie inside their lines", what);
    CHECK(glyphs_in, "%s: glyph clusters lie inside their runs", what);
}

static int max_line_width(const struct text_layout *l)
{
    int32_t m = 0;
    for (uint32_t i = 0; i < l->line_count; i++)
        if (l->lines[i].width > m)
            m = l->lines[i].width;
    return m;
}

static void check_golden(const char *name, enum text_lang lang, int width,
                         enum text_align align)
{
    char file[64], path[256];
    snprintf(file, sizeof file, "%s.txt", name);
    size_t len;
    char *text = load(file, &len);
    struct text_layout *l = lay(text, len, lang, "body", 28, width, align);
    check_invariants(l, name);
    char *buf = NULL;
    size_t blen = 0;
    FILE *mem = open_memstream(&buf, &blen);
    text_layout_write_json(l, mem, true);
    fclose(mem);
    snprintf(path, sizeof path, "%s/layout/%s-%d%s.json", check_test_dir(),
             name, width, align == TEXT_ALIGN_JUSTIFY ? "-justify" : "");
    check_golden_text(path, buf, blen);
    free(buf);
    text_layout_destroy(l);
    free(text);
}

static uint32_t decode_at(const struct text_layout *l, uint32_t off)
{
    size_t used;
    return utf8_decode(l->text + off, l->len - off, &used);
}

/* Visible last code point of a line (its trailing spaces hang). */
static uint32_t last_visible(const struct text_layout *l,
                             const struct text_line *ln)
{
    uint32_t best = 0, i = ln->start;
    while (i < ln->end) {
        size_t used;
        uint32_t c = utf8_decode(l->text + i, ln->end - i, &used);
        if (c != ' ')
            best = c;
        i += (uint32_t)used;
    }
    return best;
}

static void test_english(void)
{
    size_t len;
    char *text = load("en.txt", &len);
    /* From the width of the longest word, "recommendations", up. */
    struct text_layout *word = lay("recommendations", 15, TEXT_LANG_EN,
                                   "body", 28, 4000, TEXT_ALIGN_START);
    int from = word->lines[0].width / TEXT_ONE + 1;
    text_layout_destroy(word);
    for (int w = from; w <= 900; w += 13) {
        struct text_layout *l =
            lay(text, len, TEXT_LANG_EN, "body", 28, w, TEXT_ALIGN_START);
        bool at_spaces = true;
        for (uint32_t i = 1; i < l->line_count; i++)
            at_spaces &= l->text[l->lines[i].start - 1] == ' ' &&
                         l->text[l->lines[i].start] != ' ';
        CHECK(at_spaces, "en width %d: every line starts after a space", w);
        CHECK(max_line_width(l) <= w * TEXT_ONE,
              "en width %d: no line is wider than the box", w);
        CHECK(!l->rtl && l->lines[0].x == 0, "en: left aligned, LTR");
        text_layout_destroy(l);
    }
    /* Justified: every line but the last fills the width exactly. */
    struct text_layout *j =
        lay(text, len, TEXT_LANG_EN, "body", 28, 500, TEXT_ALIGN_JUSTIFY);
    check_invariants(j, "en justified");
    bool full = j->line_count > 2;
    for (uint32_t i = 0; i + 1 < j->line_count; i++)
        full &= j->lines[i].x == 0 && j->lines[i].width == 500 * TEXT_ONE;
    CHECK(full, "en justified: full lines span exactly 500 px");
    CHECK(j->lines[j->line_count - 1].width < 500 * TEXT_ONE,
          "en justified: the last line is not stretched");
    text_layout_destroy(j);
    free(text);
}

static void test_chinese(void)
{
    static const uint32_t no_start[] = {0xFF0C, 0x3002, 0x3001, 0x201D,
                                        0xFF1A, 0xFF1B, 0xFF09};
    size_t len;
    char *text = load("zh.txt", &len);
    int layouts = 0, bad_start = 0, bad_end = 0, wide = 0;
    for (int w = 90; w <= 900; w += 7) {
        struct text_layout *l =
            lay(text, len, TEXT_LANG_ZH, "body", 28, w, TEXT_ALIGN_START);
        layouts++;
        for (uint32_t i = 0; i < l->line_count; i++) {
            uint32_t first = decode_at(l, l->lines[i].start);
            for (size_t k = 0; k < sizeof no_start / sizeof *no_start; k++)
                if (first == no_start[k]) {
                    bad_start++;
                    fprintf(stderr, "zh width %d line %u starts with U+%04X\n",
                            w, i, first);
                }
            if (last_visible(l, &l->lines[i]) == 0x201C)
                bad_end++;
        }
        wide += max_line_width(l) > w * TEXT_ONE;
        text_layout_destroy(l);
    }
    CHECK(layouts > 100 && bad_start == 0,
          "zh: no line starts with ，。、” at any of %d widths", layouts);
    CHECK(bad_end == 0, "zh: no line ends with “");
    CHECK(wide == 0, "zh: no line is wider than its box");

    /* Numbers stay whole: "21" is never split across lines. */
    struct text_layout *l =
        lay(text, len, TEXT_LANG_ZH, "body", 28, 160, TEXT_ALIGN_START);
    const char *num = strstr(l->text, "21");
    uint32_t off = (uint32_t)(num - l->text);
    bool split = false;
    for (uint32_t i = 0; i < l->line_count; i++)
        split |= l->lines[i].start == off + 1;
    CHECK(!split, "zh: the number 21 is not split");
    text_layout_destroy(l);

    /* Justified Chinese (no spaces): stretched between characters. */
    l = lay(text, len, TEXT_LANG_ZH, "body", 28, 410, TEXT_ALIGN_JUSTIFY);
    bool full = true;
    for (uint32_t i = 0; i + 1 < l->line_count; i++)
        full &= l->lines[i].width == 410 * TEXT_ONE;
    CHECK(full && l->line_count > 3,
          "zh justified: full lines span exactly 410 px");
    check_invariants(l, "zh justified");
    text_layout_destroy(l);
    free(text);
}

static const struct text_run *run_at(const struct text_layout *l,
                                     uint32_t off, uint32_t *line)
{
    for (uint32_t i = 0; i < l->line_count; i++)
        for (uint32_t r = l->lines[i].first_run;
             r < l->lines[i].first_run + l->lines[i].run_count; r++)
            if (l->runs[r].start <= off && off < l->runs[r].end) {
                if (line)
                    *line = i;
                return &l->runs[r];
            }
    return NULL;
}

static void test_uyghur(void)
{
    size_t len;
    char *text = load("ug.txt", &len);
    const struct text_role *body = text_fonts_role(fonts, "body");
    for (int w = 260; w <= 700; w += 110) {
        struct text_layout *l =
            lay(text, len, TEXT_LANG_UG, "body", 28, w, TEXT_ALIGN_START);
        check_invariants(l, "ug");
        CHECK(l->rtl && l->line_count >= 3, "ug width %d: RTL, %u lines", w,
              l->line_count);
        /* Right aligned: every line ends at the right edge. */
        bool right = true;
        for (uint32_t i = 0; i < l->line_count; i++)
            right &= l->lines[i].x + l->lines[i].width == w * TEXT_ONE;
        CHECK(right, "ug width %d: lines are right aligned", w);

        /* The year is a left-to-right run inside a right-to-left line, to
         * the left of the Arabic that precedes it logically. */
        uint32_t year = (uint32_t)(strstr(l->text, "1962") - l->text);
        uint32_t line_y;
        const struct text_run *ry = run_at(l, year, &line_y);
        const struct text_run *before = run_at(l, 0, NULL);
        CHECK(ry && ry->level == 2 && ry->end - ry->start >= 4,
              "ug: 1962 is one LTR run (level 2)");
        CHECK(ry && l->glyphs[ry->first_glyph].cluster == year,
              "ug: 1962 is drawn left to right (first glyph is '1')");
        uint32_t line0;
        run_at(l, 0, &line0);
        if (line0 == line_y)
            CHECK(ry->x < before->x, "ug: the year sits left of the "
                                     "paragraph's first word");

        /* Parentheses are mirrored in the RTL line: the glyph drawn for
         * '(' is the font's ')' glyph. */
        uint32_t open = (uint32_t)(strchr(l->text, '(') - l->text);
        const struct text_run *rp = run_at(l, open, NULL);
        hb_codepoint_t close_gid = 0;
        hb_font_get_nominal_glyph(l->fonts->faces[rp->face].hb_font, ')',
                                  &close_gid);
        uint32_t gid = 0;
        for (uint32_t g = 0; g < rp->glyph_count; g++)
            if (l->glyphs[rp->first_glyph + g].cluster == open)
                gid = l->glyphs[rp->first_glyph + g].id;
        CHECK(rp->level == 1 && gid == close_gid && gid != 0,
              "ug: '(' in RTL text is drawn mirrored");
        /* "Wilson Center" reads left to right. */
        uint32_t wil = (uint32_t)(strstr(l->text, "Wilson") - l->text);
        const struct text_run *rw = run_at(l, wil, NULL);
        CHECK(rw && rw->level == 2 &&
                  l->glyphs[rw->first_glyph].cluster == wil,
              "ug: the Latin words are an LTR run starting with 'W'");
        text_layout_destroy(l);
    }
    /* Arabic letters are shaped into joined forms: the glyphs differ from
     * the isolated (nominal) glyphs of the same letters. */
    struct text_layout *l =
        lay(text, len, TEXT_LANG_UG, "body", 28, 600, TEXT_ALIGN_START);
    const struct text_run *r0 = run_at(l, 0, NULL);
    hb_font_t *hf = l->fonts->faces[r0->face].hb_font;
    int joined = 0, letters = 0;
    for (uint32_t g = 0; g < r0->glyph_count; g++) {
        const struct text_glyph *gl = &l->glyphs[r0->first_glyph + g];
        size_t used;
        uint32_t c = utf8_decode(l->text + gl->cluster, l->len - gl->cluster,
                                 &used);
        hb_codepoint_t nominal;
        if (c >= 0x0620 && c <= 0x06FF &&
            hb_font_get_nominal_glyph(hf, c, &nominal)) {
            letters++;
            joined += nominal != gl->id;
        }
    }
    CHECK(letters > 10 && joined > letters / 2,
          "ug: most letters take joined forms (%d of %d)", joined, letters);
    (void)body;
    text_layout_destroy(l);
    free(text);
}

static void test_mixed(void)
{
    size_t len;
    char *text = load("mixed.txt", &len);
    struct text_layout *l =
        lay(text, len, TEXT_LANG_ZH, "body", 28, 2000, TEXT_ALIGN_START);
    check_invariants(l, "mixed");
    CHECK(l->line_count == 1 && !l->rtl, "mixed: one LTR line");
    char sc[5];
    bool han = false, arab = false, latn = false, levels = true;
    for (uint32_t r = 0; r < l->run_count; r++) {
        const char *s = text_script_name(l->runs[r].script, sc);
        bool is_arab = strcmp(s, "Arab") == 0 &&
                       strstr(l->fonts->faces[l->runs[r].face].name, "Naskh");
        han |= strcmp(s, "Hani") == 0;
        arab |= is_arab;
        latn |= strcmp(s, "Latn") == 0;
        if (is_arab)
            levels &= l->runs[r].level == 1;
    }
    CHECK(han && arab && latn, "mixed: Han, Arabic and Latin runs");
    CHECK(levels, "mixed: Uyghur runs are RTL (level 1) in an LTR line");
    uint32_t ili = (uint32_t)(strstr(l->text, "ئىلى") - l->text);
    const struct text_run *r = run_at(l, ili, NULL);
    CHECK(r && r->glyph_count > 0 &&
              l->glyphs[r->first_glyph + r->glyph_count - 1].cluster == ili,
          "mixed: ئىلى is drawn right to left (its first letter rightmost)");
    text_layout_destroy(l);
    free(text);
}

static void test_long_word(void)
{
    size_t len;
    char *text = load("longword.txt", &len);
    struct text_layout *l =
        lay(text, len, TEXT_LANG_EN, "body", 28, 200, TEXT_ALIGN_START);
    check_invariants(l, "long word");
    CHECK(l->line_count >= 4, "long word: broken over %u lines",
          l->line_count);
    CHECK(max_line_width(l) <= 200 * TEXT_ONE,
          "long word: no line overflows the box");
    /* The long word is broken inside; the short word after it is not. */
    uint32_t word = (uint32_t)(strstr(l->text, "word") - l->text);
    bool inside_long = false, split_short = false;
    for (uint32_t i = 1; i < l->line_count; i++) {
        inside_long |= l->lines[i].start < word &&
                       l->text[l->lines[i].start - 1] != ' ';
        split_short |= l->lines[i].start > word &&
                       l->lines[i].start < word + 4;
    }
    CHECK(inside_long, "long word: broken inside the word");
    CHECK(!split_short, "long word: the short word after it stays whole");
    text_layout_destroy(l);
    /* A box narrower than one letter still makes progress, one cluster a
     * line. */
    l = lay("abc", 3, TEXT_LANG_EN, "body", 28, 1, TEXT_ALIGN_START);
    CHECK(l->line_count == 3, "1 px box: one letter a line (%u)",
          l->line_count);
    text_layout_destroy(l);
    free(text);
}

/* Emergency breaks (a word wider than the box) are fitted with the
 * advances the cut pieces are drawn with: a long Uyghur word, whose letters
 * take other forms at a cut, never draws wider than the box; a break is
 * never put before a space, so no line is only a space. */
static void test_emergency(void)
{
    /* 55 letters of Uyghur without a space */
    const char *word = "\xd8\xaa\xd8\xa7\xd8\xb1\xd8\xa8\xd8\xa7\xd8\xba"
                       "\xd8\xa7\xd8\xaa\xd8\xa7\xd9\x8a\xd8\xa6\xdb\x90"
                       "\xd9\x84\xdb\x90\xd8\xa8\xdb\x86\xd8\xb1\xd8\xaa"
                       "\xd8\xa7\xd9\x84\xd8\xa7\xd8\xa6\xd8\xa7\xd9\x84"
                       "\xd8\xaa\xd8\xa7\xd9\x8a\xd8\xb4\xdb\x90\xd9\x86"
                       "\xd8\xac\xd8\xa7\xda\xad\xd8\xa6\xdb\x87\xd9\x8a"
                       "\xd8\xba\xdb\x87\xd8\xb1\xda\x86\xdb\x95\xd9\x82"
                       "\xd9\x89\xd8\xb2\xd9\x84\xd9\x89\xd9\x82\xd9\x84"
                       "\xd8\xa7\xd8\xb1\xd8\xaa\xd9\x89\xd9\x86\xd9\x89"
                       "\xda\xad\xd9\x83\xdb\x88\xd8\xb1\xdb\x88";
    int wider = 0, lines = 0, worst = 0;
    for (int w = 60; w <= 396; w += 3) {
        struct text_layout *l = lay(word, strlen(word), TEXT_LANG_UG, "body",
                                    28, w, TEXT_ALIGN_START);
        for (uint32_t i = 0; l && i < l->line_count; i++) {
            int over = (int)((l->lines[i].width - w * TEXT_ONE) / TEXT_ONE);
            lines++;
            if (l->lines[i].width > w * TEXT_ONE) {
                wider++;
                worst = over > worst ? over : worst;
            }
        }
        text_layout_destroy(l);
    }
    CHECK(lines > 100 && wider == 0,
          "a 55-letter Uyghur word at 60..396 px: %d of %d lines wider than "
          "the box (by up to %d px)", wider, lines, worst);
    /* "ab " in a box narrower than "ab": two lines, the space hanging on
     * the second, none of them only a space */
    for (int w = 8; w <= 24; w += 4) {
        struct text_layout *l = lay("ab ", 3, TEXT_LANG_EN, "body", 28, w,
                                    TEXT_ALIGN_START);
        bool blank = false;
        for (uint32_t i = 0; l && i < l->line_count; i++)
            blank |= l->text[l->lines[i].start] == ' ';
        CHECK(l && l->line_count == 2 && !blank,
              "'ab ' at %d px: %u lines, %s", w, l ? l->line_count : 0,
              blank ? "one of them only a space" : "none only a space");
        text_layout_destroy(l);
    }
}

/* A tab keeps its bidi class, a segment separator (UAX #9 L1: back to
 * the paragraph's level), and is drawn a space wide: Arabic-Indic one,
 * TAB, "(", Arabic-Indic two, ")" in a left-to-right paragraph is, left
 * to right, 0 1 4 3 2 (BidiCharacterTest), not 4 3 2 1 0 as it was with
 * the tab made a space before bidi. */
static void test_tab(void)
{
    const char *t = "\xd9\xa1\t(\xd9\xa2)";
    struct text_layout *l = lay(t, strlen(t), TEXT_LANG_EN, "body", 28, 600,
                                TEXT_ALIGN_START);
    char order[32] = "";
    int32_t tab_adv = -1;
    for (uint32_t g = 0; l && g < l->glyph_count; g++) {
        uint32_t b = l->glyphs[g].cluster, cp = 0;
        for (uint32_t k = 0; k < b; k++)
            cp += ((unsigned char)l->text[k] & 0xC0) != 0x80;
        size_t at = strlen(order);
        snprintf(order + at, sizeof order - at, "%s%u", at ? " " : "", cp);
        if (l->text[b] == '\t')
            tab_adv = l->glyphs[g].advance;
    }
    /* the same with a space: its advance, in the same face */
    const char *st = "\xd9\xa1 (\xd9\xa2)";
    struct text_layout *sp = lay(st, strlen(st), TEXT_LANG_EN, "body", 28,
                                 600, TEXT_ALIGN_START);
    int32_t space_adv = -2;
    for (uint32_t g = 0; sp && g < sp->glyph_count; g++)
        if (sp->text[sp->glyphs[g].cluster] == ' ')
            space_adv = sp->glyphs[g].advance;
    CHECK(l && strcmp(order, "0 1 4 3 2") == 0,
          "a tab is a segment separator: visual order '%s' (want 0 1 4 3 2)",
          order);
    CHECK(l && l->missing_count == 0 && tab_adv == space_adv,
          "a tab is drawn a space wide (%d vs %d), not missing (%u)",
          (int)tab_adv, (int)space_adv, l ? l->missing_count : 0);
    text_layout_destroy(sp);
    text_layout_destroy(l);
}

static void test_empty(void)
{
    const char *cases[] = {"", "   ", " \t \n ", "\n"};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        struct text_layout *l = lay(cases[i], strlen(cases[i]), TEXT_LANG_EN,
                                    "body", 28, 300, TEXT_ALIGN_START);
        check_invariants(l, "blank");
        CHECK(l->line_count >= 1 && l->glyph_count == 0,
              "blank paragraph %zu: lines without glyphs", i);
        CHECK(l->height > 0, "blank paragraph %zu keeps a line height", i);
        text_layout_destroy(l);
    }
    struct text_layout *l =
        lay(NULL, 0, TEXT_LANG_UG, "ui", 20, 100, TEXT_ALIGN_CENTER);
    CHECK(l && l->line_count == 1 && l->rtl, "NULL text: one empty line");
    CHECK(text_layout_hit(l, 0, 0) == 0, "hit in an empty layout");
    text_layout_destroy(l);
}

static void test_huge(void)
{
    /* 100,000 characters mixing the three scripts. */
    const char *unit[] = {"The work team arrived. ", "工作组抵达。",
                          "گۇرۇپپا كەلدى 1962. "};
    size_t cap = 400000, n = 0, chars = 0;
    char *text = malloc(cap);
    for (int k = 0; chars < 100000; k++) {
        const char *u = unit[k % 3];
        size_t ul = strlen(u);
        memcpy(text + n, u, ul);
        n += ul;
        for (size_t i = 0; i < ul; i++)
            chars += ((unsigned char)u[i] & 0xC0) != 0x80;
    }
    struct text_layout *l =
        lay(text, n, TEXT_LANG_EN, "body", 28, 900, TEXT_ALIGN_JUSTIFY);
    check_invariants(l, "100k");
    CHECK(l->line_count > 1000 && l->missing_count == 0,
          "100k characters: %u lines, nothing missing", l->line_count);
    CHECK(max_line_width(l) <= 900 * TEXT_ONE, "100k: no line overflows");
    text_layout_destroy(l);
    free(text);
}

static void test_normalize(void)
{
    /* ي + combining hamza above (U+064A U+0654) is NFC ئ (U+0626). */
    const char *decomposed = "\xD9\x8A\xD9\x94";
    struct text_layout *l =
        lay(decomposed, 4, TEXT_LANG_UG, "body", 28, 300, TEXT_ALIGN_START);
    CHECK(l->len == 2 && memcmp(l->text, "\xD8\xA6", 2) == 0,
          "NFC: ي + hamza becomes ئ");
    text_layout_destroy(l);
    /* Invalid UTF-8 becomes U+FFFD, one per maximal subpart. */
    const char bad[] = "a\xC3\x28\xE2\x82\xFF\xF0\x9F\x98z\x00y";
    l = lay(bad, sizeof bad - 1, TEXT_LANG_EN, "body", 28, 300,
            TEXT_ALIGN_START);
    const char want[] = "a\xEF\xBF\xBD(\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDz"
                        "\xEF\xBF\xBDy";
    CHECK(l->len == sizeof want - 1 && memcmp(l->text, want, l->len) == 0,
          "invalid UTF-8 and NUL are repaired with U+FFFD");
    check_invariants(l, "invalid");
    text_layout_destroy(l);
}

static void test_missing(void)
{
    /* Tibetan and an emoji: no manifest font covers them. */
    const char *s = "A \xE0\xBD\x80 \xF0\x9F\x98\x80 B";
    const struct text_role *body = text_fonts_role(fonts, "body");
    uint32_t offs[4];
    size_t n = text_fonts_uncovered(fonts, body, s, strlen(s), offs, 4);
    CHECK(n == 2 && offs[0] == 2 && offs[1] == 6,
          "uncovered: the Tibetan letter and the emoji, at bytes 2 and 6");
    const char *ok = "工作 ئىلى Yili\xE2\x80\x8D";
    n = text_fonts_uncovered(fonts, body, ok, strlen(ok), offs, 4);
    CHECK(n == 0, "uncovered: nothing missing in the three scripts + ZWJ");
    n = text_fonts_uncovered(fonts, body, "a\xFF", 2, offs, 4);
    CHECK(n == 1 && offs[0] == 1, "uncovered: invalid UTF-8 is reported");
    struct text_layout *l =
        lay(s, strlen(s), TEXT_LANG_EN, "body", 28, 300, TEXT_ALIGN_START);
    CHECK(l->missing_count == 2, "layout counts 2 missing characters");
    int boxes = 0;
    for (uint32_t r = 0; r < l->run_count; r++)
        if (l->runs[r].missing)
            for (uint32_t g = 0; g < l->runs[r].glyph_count; g++)
                boxes += l->glyphs[l->runs[r].first_glyph + g].id == 0 &&
                         l->glyphs[l->runs[r].first_glyph + g].advance > 0;
    CHECK(boxes == 2, "missing characters are drawn as visible .notdef "
                      "boxes with an advance");
    text_layout_destroy(l);
}

static void test_params(void)
{
    const struct text_role *body = text_fonts_role(fonts, "body");
    struct text_params bad[] = {
        {.role = body, .size_px = 28, .width_px = 0},
        {.role = body, .size_px = 28, .width_px = -5},
        {.role = body, .size_px = 0, .width_px = 100},
        {.role = body, .size_px = 100000, .width_px = 100},
        {.role = body, .size_px = 28, .width_px = 10000000},
        {.role = NULL, .size_px = 28, .width_px = 100},
        {.role = body, .size_px = 28, .width_px = 100, .line_height_pct = -1},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char err[160] = "";
        CHECK(!text_params_check(&bad[i], err, sizeof err) && err[0],
              "absurd params %zu refused with a message", i);
        CHECK(text_layout_create(fonts, &bad[i], "x", 1) == NULL,
              "absurd params %zu: no layout", i);
    }
}

static void test_hit(void)
{
    size_t len;
    char *text = load("ug.txt", &len);
    struct text_layout *l =
        lay(text, len, TEXT_LANG_UG, "body", 28, 360, TEXT_ALIGN_START);
    /* Every glyph's centre hits its own cluster. */
    int ok = 0, total = 0;
    for (uint32_t i = 0; i < l->line_count; i++) {
        const struct text_line *ln = &l->lines[i];
        for (uint32_t r = ln->first_run; r < ln->first_run + ln->run_count;
             r++) {
            int32_t pen = l->runs[r].x;
            for (uint32_t g = 0; g < l->runs[r].glyph_count; g++) {
                const struct text_glyph *gl =
                    &l->glyphs[l->runs[r].first_glyph + g];
                if (gl->advance > 0) {
                    total++;
                    ok += text_layout_hit(l, pen + gl->advance / 2,
                                          ln->top + ln->height / 2) ==
                          gl->cluster;
                }
                pen += gl->advance;
            }
        }
    }
    CHECK(total > 50 && ok == total, "hit: %d of %d glyph centres", ok,
          total);
    /* A name that crosses a line break gives one box per line. */
    const char *name = "ئۈرۈمچىگە يېتىپ";
    uint32_t s = (uint32_t)(strstr(l->text, name) - l->text);
    uint32_t e = s + (uint32_t)strlen(name);
    struct text_rect rects[8];
    size_t n = text_layout_range_rects(l, s, e, rects, 8);
    uint32_t ls, le;
    run_at(l, s, &ls);
    run_at(l, e - 1, &le);
    CHECK(n == le - ls + 1, "range: %zu boxes for %u line(s)", n,
          le - ls + 1);
    /* Inside RTL text the box sits where the word is drawn: hitting its
     * middle returns a character of the word. */
    bool inside = n > 0;
    for (size_t k = 0; k < n && k < 8; k++) {
        uint32_t h = text_layout_hit(l, rects[k].x + rects[k].w / 2,
                                     rects[k].y + rects[k].h / 2);
        inside &= h >= s && h < e;
    }
    CHECK(inside, "range: each box's centre hits the name itself");
    text_layout_destroy(l);

    /* In the mixed paragraph a Latin word inside RTL text. */
    l = lay(text, len, TEXT_LANG_UG, "body", 28, 2000, TEXT_ALIGN_START);
    uint32_t w = (uint32_t)(strstr(l->text, "Wilson Center") - l->text);
    n = text_layout_range_rects(l, w, w + 13, rects, 8);
    const struct text_run *rw = run_at(l, w, NULL);
    CHECK(n == 1 && rects[0].x == rw->x,
          "range: 'Wilson Center' is one box at its LTR run");
    text_layout_destroy(l);
    free(text);
}

static void test_manifest_errors(void)
{
    struct diag_list d;
    diag_list_init(&d);
    char path[256];
    snprintf(path, sizeof path, "%s/fonts/bad-manifest.txt",
             check_test_dir());
    struct text_fonts *f = text_fonts_load(path, &d);
    CHECK(!f, "a bad manifest is refused");
    struct {
        unsigned line, col;
        const char *needle;
    } want[] = {
        {3, 43, "expected 'role script file face-index [size%]'"},
        {4, 6, "'Xxxx' is not an ISO 15924 script code"},
        {5, 11, "cannot read font file"},
        {6, 35, "face index '-1'"},
        {7, 11, "must be a plain file name"},
        {8, 34, "size '125' must be a percentage"},
        {9, 8, "'xx' is not a language of the exhibit"},
        {10, 11, "cannot read hyphenation patterns"},
        {11, 11, "not a UTF-8 libhyphen file"},
    };
    CHECK(d.count == sizeof want / sizeof *want, "%zu diagnostics", d.count);
    for (size_t i = 0; i < d.count && i < sizeof want / sizeof *want; i++) {
        CHECK(d.items[i].line == want[i].line &&
                  d.items[i].column == want[i].col &&
                  strstr(d.items[i].message, want[i].needle),
              "manifest diagnostic %zu: %u:%u %s", i, d.items[i].line,
              d.items[i].column, d.items[i].message);
    }
    text_fonts_destroy(f);
    diag_list_fini(&d);
}

/* The top of glyph `cp` of `face` in em at its optical size. */
static double top_em(size_t face, uint32_t cp)
{
    const struct text_face *f = &fonts->faces[face];
    FT_Load_Glyph(f->ft_face, FT_Get_Char_Index(f->ft_face, cp),
                  FT_LOAD_NO_SCALE);
    FT_BBox b;
    FT_Outline_Get_CBox(&f->ft_face->glyph->outline, &b);
    return (double)b.yMax / f->upem * f->size_pct / 100;
}

/* Arabic set at an optical size that matches Latin: in every role the
 * Arabic face's core height (the tops of seen, noon, beh, heh and waw)
 * is 80-100 % of the Latin x-height, and its alef no more than 115 % of
 * the Latin ascender ("l"), and the drawn size follows the face's size. */
static void test_optical_size(void)
{
    static const char *roles[] = {"body", "ui", "title"};
    static const uint32_t core[] = {0x0633, 0x0646, 0x0628, 0x0647, 0x0648};
    for (size_t i = 0; i < 3; i++) {
        const struct text_role *r = text_fonts_role(fonts, roles[i]);
        size_t latn = 0, arab = 0;
        for (size_t k = 0; k < r->count; k++) {
            if (r->script[k] == HB_SCRIPT_LATIN)
                latn = r->face[k];
            if (r->script[k] == HB_SCRIPT_ARABIC)
                arab = r->face[k];
        }
        double sum = 0;
        for (size_t k = 0; k < 5; k++)
            sum += top_em(arab, core[k]);
        double ratio = sum / 5 / top_em(latn, 'x');
        double alef = top_em(arab, 0x0627) / top_em(latn, 'l');
        CHECK(ratio >= 0.80 && ratio <= 1.0 && alef <= 1.15,
              "%s: Arabic core height %.2f of the x-height, alef %.2f of "
              "the ascender", roles[i], ratio, alef);
        int px = text_face_size_px(fonts, arab, 40);
        CHECK(px == 40 * (int)fonts->faces[arab].size_pct / 100 && px > 40,
              "%s: Arabic drawn at %d px in 40 px text", roles[i], px);
    }
}

int main(void)
{
    fonts = shipped_fonts();
    if (!fonts)
        return 1;

    check_golden("en", TEXT_LANG_EN, 420, TEXT_ALIGN_START);
    check_golden("en", TEXT_LANG_EN, 420, TEXT_ALIGN_JUSTIFY);
    check_golden("zh", TEXT_LANG_ZH, 420, TEXT_ALIGN_START);
    check_golden("ug", TEXT_LANG_UG, 420, TEXT_ALIGN_START);
    check_golden("mixed", TEXT_LANG_ZH, 420, TEXT_ALIGN_START);
    check_golden("longword", TEXT_LANG_EN, 200, TEXT_ALIGN_START);
    /* issue 15's items, one dump each: punctuation compressed at pairs and
     * line edges, quotes from one font; hyphenation and closed-up spaces;
     * a Uyghur line breaking after "» " as Unicode 15.1 allows */
    check_golden("punct", TEXT_LANG_ZH, 300, TEXT_ALIGN_JUSTIFY);
    check_golden("hyphen", TEXT_LANG_EN, 360, TEXT_ALIGN_JUSTIFY);
    check_golden("ug15", TEXT_LANG_UG, 260, TEXT_ALIGN_START);
    test_english();
    test_chinese();
    test_uyghur();
    test_mixed();
    test_long_word();
    test_emergency();
    test_tab();
    test_empty();
    test_huge();
    test_normalize();
    test_missing();
    test_params();
    test_hit();
    test_manifest_errors();
    test_optical_size();

    text_fonts_destroy(fonts);
    return check_finish("test_layout");
}
