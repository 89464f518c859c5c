/* test_unicode.c: the text engine against Unicode's own conformance tests
 * from Debian's unicode-data package -- BidiCharacterTest.txt (UAX #9)
 * through the whole layout (direction, itemising, shaping, line reordering)
 * and LineBreakTest.txt (UAX #14) through the line-break step.
 *
 * Every case is run.  A case the engine gets wrong passes only if ICU, run
 * directly on the same text, gets it wrong the same way: the failure is
 * then the library's (Debian 12's ICU 72), and the test says how many
 * there are.  The file is Unicode 15.0's; where 15.1 changed the rules
 * (the engine applies them on top of ICU), a difference must be one of
 * those changes, and cases of their own check the 15.1 answers.  A failure of the engine's own fails the test, and so does a
 * missing file (a check that could not be made). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubidi.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>

#include "check.h"
#include "shipped.h"
#include "core/diag.h"
#include "core/utf8.h"
#include "text/font.h"
#include "text/layout.h"
#include "text/para.h"

#define MAX_CP 256

static struct text_fonts *fonts;

static const char *unicode_dir(void)
{
    const char *d = getenv("KIOSK_UNICODE_DIR");
    return d && *d ? d : "/usr/share/unicode";
}

static FILE *open_data(const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", unicode_dir(), name);
    FILE *f = fopen(path, "r");
    CHECK(f != NULL, "%s can be read (apt-get install unicode-data)", path);
    return f;
}

static size_t to_utf8(const uint32_t *cp, size_t n, char *out,
                      uint32_t *byte_of)
{
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        byte_of[i] = (uint32_t)len;
        len += utf8_encode(cp[i], out + len);
    }
    byte_of[n] = (uint32_t)len;
    return len;
}

/* ---- UAX #9 ------------------------------------------------------------ */

struct bidi_case {
    uint32_t cp[MAX_CP];
    size_t n;
    int dir;          /* 0 LTR, 1 RTL, 2 auto */
    int para_level;
    bool removed[MAX_CP]; /* level x */
    int order[MAX_CP];    /* expected visual order, removed ones left out */
    size_t order_n;
};

static bool parse_bidi(char *line, struct bidi_case *c)
{
    char *f[5];
    for (int k = 0; k < 5; k++) {
        f[k] = strsep(&line, ";");
        if (!f[k])
            return false;
    }
    c->n = 0;
    for (char *t = strtok(f[0], " "); t && c->n < MAX_CP; t = strtok(NULL, " "))
        c->cp[c->n++] = (uint32_t)strtoul(t, NULL, 16);
    c->dir = atoi(f[1]);
    c->para_level = atoi(f[2]);
    size_t k = 0;
    for (char *t = strtok(f[3], " "); t && k < c->n; t = strtok(NULL, " "))
        c->removed[k++] = t[0] == 'x';
    c->order_n = 0;
    for (char *t = strtok(f[4], " \r\n"); t && c->order_n < MAX_CP;
         t = strtok(NULL, " \r\n"))
        c->order[c->order_n++] = atoi(t);
    return c->n > 0 && k == c->n;
}

/* Whether `got` (visual order of the code points kept) equals the expected
 * order restricted to the code points `kept`. */
static bool same_order(const struct bidi_case *c, const int *got, size_t n,
                       const bool *kept)
{
    size_t k = 0;
    for (size_t i = 0; i < c->order_n; i++) {
        if (!kept[c->order[i]])
            continue;
        if (k >= n || got[k] != c->order[i])
            return false;
        k++;
    }
    return k == n;
}

/* The engine: one line, wide enough; the code points in its runs, in the
 * order they are drawn. */
static bool engine_bidi(const struct bidi_case *c, bool *kept, int *level)
{
    char text[MAX_CP * 4 + 1];
    uint32_t byte_of[MAX_CP + 1];
    size_t len = to_utf8(c->cp, c->n, text, byte_of);
    struct text_params p = {
        .role = text_fonts_role(fonts, "body"),
        .lang = TEXT_LANG_EN,
        .dir = c->dir == 0 ? TEXT_DIR_LTR
               : c->dir == 1 ? TEXT_DIR_RTL
                             : TEXT_DIR_AUTO,
        .size_px = TEXT_MIN_SIZE_PX,
        .width_px = TEXT_MAX_WIDTH_PX,
        .align = TEXT_ALIGN_START,
    };
    struct text_layout *l = text_layout_create(fonts, &p, text, len);
    if (!l || l->len != len) { /* normalisation changed the text */
        text_layout_destroy(l);
        return false;
    }
    *level = l->rtl ? 1 : 0;
    int got[MAX_CP];
    size_t n = 0;
    memset(kept, 0, c->n * sizeof *kept);
    for (uint32_t r = 0; r < l->run_count; r++) {
        const struct text_run *run = &l->runs[r];
        size_t a = 0, b = 0;
        while (a < c->n && byte_of[a] < run->start)
            a++;
        b = a;
        while (b < c->n && byte_of[b] < run->end)
            b++;
        for (size_t k = 0; k < b - a; k++) {
            size_t i = (run->level & 1) ? b - 1 - k : a + k;
            if (!c->removed[i]) {
                got[n++] = (int)i;
                kept[i] = true;
            }
        }
    }
    text_layout_destroy(l);
    return same_order(c, got, n, kept);
}

/* ICU alone, on the same code points. */
static bool icu_bidi(const struct bidi_case *c, const bool *kept)
{
    UChar u[MAX_CP * 2];
    int cp_of[MAX_CP * 2];
    int32_t n16 = 0;
    for (size_t i = 0; i < c->n; i++) {
        if (c->cp[i] >= 0x10000) {
            u[n16] = (UChar)(0xD800 + ((c->cp[i] - 0x10000) >> 10));
            cp_of[n16++] = (int)i;
            u[n16] = (UChar)(0xDC00 + ((c->cp[i] - 0x10000) & 0x3FF));
        } else {
            u[n16] = (UChar)c->cp[i];
        }
        cp_of[n16++] = (int)i;
    }
    UErrorCode err = U_ZERO_ERROR;
    UBiDi *b = ubidi_openSized(n16, 0, &err);
    ubidi_setPara(b, u, n16,
                  c->dir == 0 ? 0 : c->dir == 1 ? 1 : UBIDI_DEFAULT_LTR, NULL,
                  &err);
    int32_t map[MAX_CP * 2];
    ubidi_getVisualMap(b, map, &err);
    ubidi_close(b);
    if (U_FAILURE(err))
        return false;
    int got[MAX_CP];
    size_t n = 0;
    for (int32_t v = 0; v < n16; v++) {
        int i = cp_of[map[v]];
        if (kept[i] && (n == 0 || got[n - 1] != i))
            got[n++] = i;
    }
    return same_order(c, got, n, kept);
}

static void test_bidi(void)
{
    FILE *f = open_data("BidiCharacterTest.txt");
    if (!f)
        return;
    char line[8192];
    unsigned cases = 0, passed = 0, icu = 0, ours = 0, level_wrong = 0;
    char first[160] = "";
    static struct bidi_case c;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n' || !parse_bidi(line, &c))
            continue;
        cases++;
        bool kept[MAX_CP];
        int level = -1;
        bool ok = engine_bidi(&c, kept, &level);
        level_wrong += level != c.para_level;
        if (ok && level == c.para_level) {
            passed++;
        } else if (!icu_bidi(&c, kept)) {
            icu++;
        } else {
            if (!ours++)
                snprintf(first, sizeof first, "first: %zu code points from "
                         "U+%04X, direction %d", c.n, c.cp[0], c.dir);
            ours += 0;
        }
    }
    fclose(f);
    printf("BidiCharacterTest: %u of %u cases pass; %u fail in ICU as well; "
           "%u paragraph levels wrong\n", passed, cases, icu, level_wrong);
    CHECK(cases > 90000, "BidiCharacterTest: %u cases read", cases);
    CHECK(ours == 0, "BidiCharacterTest: every case the layout gets wrong, "
                     "ICU alone gets wrong too (%u are the engine's own; "
                     "%s)", ours, first);
    CHECK(passed >= cases - cases / 500,
          "BidiCharacterTest: at least 99.8 %% pass (%u of %u)", passed,
          cases);
}

/* ---- UAX #14 ----------------------------------------------------------- */

/* "× 0023 ÷ 0020 ×": code points and where a break is allowed before each
 * (the first and the end left out). */
static bool parse_lb(char *line, uint32_t *cp, size_t *n, bool *brk)
{
    char *hash = strchr(line, '#');
    if (hash)
        *hash = '\0';
    *n = 0;
    bool before = false;
    for (char *t = strtok(line, " \t\r\n"); t; t = strtok(NULL, " \t\r\n")) {
        if (strcmp(t, "\xc3\xb7") == 0) { /* ÷ */
            before = true;
        } else if (strcmp(t, "\xc3\x97") == 0) { /* × */
            before = false;
        } else {
            if (*n >= MAX_CP)
                return false;
            brk[*n] = before;
            cp[(*n)++] = (uint32_t)strtoul(t, NULL, 16);
        }
    }
    return *n > 0;
}

static int lbc(uint32_t c)
{
    return u_getIntPropertyValue((UChar32)c, UCHAR_LINE_BREAK);
}

/* The code point before index i, combining marks skipped (LB9), or -1. */
static long back(const uint32_t *cp, size_t i)
{
    while (i > 0 && (lbc(cp[i - 1]) == U_LB_COMBINING_MARK ||
                     lbc(cp[i - 1]) == U_LB_ZWJ))
        i--;
    return (long)i - 1;
}

/* Whether Unicode 15.1 answers `allowed` at i where 15.0 did not: LB15's
 * "QU SP* x OP" removed (a break allowed), LB15a "[Pi&QU] SP* x" after
 * sot/BK/CR/LF/NL/OP/QU/GL/SP/ZW (none), LB15c "SP / IS NU" (allowed). */
static bool changed_in_15_1(const uint32_t *cp, size_t n, size_t i,
                            bool allowed)
{
    long k = (long)i - 1;
    if (k < 0 || lbc(cp[k]) != U_LB_SPACE)
        return false;
    while (k > 0 && lbc(cp[k - 1]) == U_LB_SPACE)
        k--;
    long q = back(cp, (size_t)k);
    bool quote = q >= 0 && lbc(cp[q]) == U_LB_QUOTATION;
    if (allowed && quote && lbc(cp[i]) == U_LB_OPEN_PUNCTUATION)
        return true;
    if (allowed && lbc(cp[i]) == U_LB_INFIX_NUMERIC && i + 1 < n &&
        lbc(cp[i + 1]) == U_LB_NUMERIC)
        return true;
    if (!allowed && quote &&
        u_charType((UChar32)cp[q]) == U_INITIAL_PUNCTUATION) {
        long b = back(cp, (size_t)q);
        int c = b >= 0 ? lbc(cp[b]) : -1;
        return c == -1 || c == U_LB_MANDATORY_BREAK ||
               c == U_LB_CARRIAGE_RETURN || c == U_LB_LINE_FEED ||
               c == U_LB_NEXT_LINE || c == U_LB_OPEN_PUNCTUATION ||
               c == U_LB_QUOTATION || c == U_LB_GLUE || c == U_LB_SPACE ||
               c == U_LB_ZWSPACE;
    }
    return false;
}

/* The 15.1 rules on cases of their own, in the exhibit's languages. */
static void test_linebreak_15_1(void)
{
    static const struct {
        const char *text, *at; /* the break before `at` */
        enum text_lang lang;
        bool allowed;
        const char *rule;
    } cases[] = {
        {"\xc2\xab\xd8\xa6\xd9\x89-\xd8\xaa\xd8\xa7\xc2\xbb (Yi-Ta",
         "(", TEXT_LANG_UG, true, "LB15 gone: after » and a space, before ("},
        {"said \"no\" (twice)", "(", TEXT_LANG_EN, true,
         "LB15 gone: after \" and a space, before ("},
        {"word \xe2\x80\x9d (note)", "(", TEXT_LANG_EN, true,
         "LB15 gone: after \xe2\x80\x9d and a space, before ("},
        {"\xc2\xab Yili", "Yili", TEXT_LANG_EN, false,
         "LB15a: nothing after an opening « and its space at a start"},
        {"(\xe2\x80\x9c text", "text", TEXT_LANG_EN, false,
         "LB15a: nothing after ( and an opening quote and a space"},
        {"a\xe2\x80\x9c text", "text", TEXT_LANG_EN, true,
         "LB15a does not hold after a letter"},
        {"x .5 km", ".5", TEXT_LANG_EN, true, "LB15c: a space, then .5"},
        {"x .a km", ".a", TEXT_LANG_EN, false, "LB15d: x IS otherwise"},
    };
    const struct text_role *role = text_fonts_role(fonts, "body");
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        struct text_params params = {.role = role, .lang = cases[c].lang,
                                     .size_px = 20, .width_px = 1000};
        const char *t = cases[c].text;
        struct para p;
        para_init(&p, fonts, &params, t, (uint32_t)strlen(t));
        para_breaks(&p);
        const char *at = strstr(t, cases[c].at);
        uint32_t i = at ? p.cp_of_byte[at - t] : 0;
        bool got = i > 0 && p.brk[i] != PARA_BREAK_NONE;
        CHECK(at && got == cases[c].allowed, "Unicode 15.1 %s (%s)",
              cases[c].rule, got ? "a break" : "no break");
        para_fini(&p);
    }
}

static void test_linebreak(void)
{
    FILE *f = open_data("auxiliary/LineBreakTest.txt");
    if (!f)
        return;
    const struct text_role *role = text_fonts_role(fonts, "body");
    struct text_params params = {.role = role, .lang = TEXT_LANG_EN,
                                 .size_px = 20, .width_px = 1000};
    char line[8192], text[MAX_CP * 4 + 1];
    uint32_t cp[MAX_CP], byte_of[MAX_CP + 1];
    bool want[MAX_CP];
    unsigned cases = 0, passed = 0, icu = 0, ours = 0, v151 = 0;
    while (fgets(line, sizeof line, f)) {
        size_t n;
        if (line[0] == '#' || !parse_lb(line, cp, &n, want))
            continue;
        cases++;
        size_t len = to_utf8(cp, n, text, byte_of);
        struct para p;
        para_init(&p, fonts, &params, text, (uint32_t)len);
        para_breaks(&p);
        bool ok = p.n == n;
        for (size_t i = 1; ok && i < n; i++)
            ok &= (p.brk[i] != PARA_BREAK_NONE) == want[i];
        /* ICU's own iterator on the same text */
        bool icu_ok = true;
        UErrorCode err = U_ZERO_ERROR;
        UBreakIterator *bi = ubrk_open(UBRK_LINE, "en", p.u16, p.n16, &err);
        bool at[MAX_CP + 1] = {false};
        for (int32_t b = U_SUCCESS(err) ? ubrk_first(bi) : UBRK_DONE;
             b != UBRK_DONE; b = ubrk_next(bi))
            if (b > 0 && b < p.n16)
                at[p.cp_of_u16[b]] = true;
        if (U_SUCCESS(err))
            ubrk_close(bi);
        for (size_t i = 1; i < n; i++)
            icu_ok &= at[i] == want[i];
        /* Where the engine and the 15.0 answer differ, ICU alone agreeing
         * with 15.0, the difference must be one 15.1 made. */
        bool newer = !ok && icu_ok;
        for (size_t i = 1; newer && i < n; i++)
            if ((p.brk[i] != PARA_BREAK_NONE) != want[i])
                newer &= changed_in_15_1(cp, n, i, p.brk[i] != PARA_BREAK_NONE);
        para_fini(&p);
        if (ok)
            passed++;
        else if (newer)
            v151++;
        else if (!icu_ok)
            icu++;
        else
            ours++;
    }
    fclose(f);
    printf("LineBreakTest (15.0): %u of %u cases pass; %u fail in ICU as "
           "well; %u differ where Unicode 15.1 changed the rules\n", passed,
           cases, icu, v151);
    CHECK(cases > 7000, "LineBreakTest: %u cases read", cases);
    CHECK(ours == 0, "LineBreakTest: every case the engine gets wrong, ICU "
                     "alone gets wrong too or Unicode 15.1 answers "
                     "otherwise (%u are the engine's own)", ours);
    CHECK(passed >= cases - cases / 50,
          "LineBreakTest: at least 98 %% pass (%u of %u)", passed, cases);
}

int main(void)
{
    fonts = shipped_fonts();
    if (!fonts)
        return 1;
    test_bidi();
    test_linebreak();
    test_linebreak_15_1();
    text_fonts_destroy(fonts);
    return check_finish("test_unicode");
}
