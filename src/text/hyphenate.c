/* hyphenate.c: step 5b -- where a word may be hyphenated, and the hyphen
 * drawn there.
 *
 * Only justified paragraphs of a language with patterns in the manifest
 * (English: Debian's hyph_en_US.dic through libhyphen) are hyphenated, and
 * layout.c uses a point only where breaking at the word's start would
 * leave the line's word gaps wider than PARA_HYPHEN_GAP_PCT of a space.
 * The rules are a typographer's (Bringhurst 2.4.8, Chicago 7.36):
 *   - words of at least PARA_HYPHEN_MIN_WORD letters (six: "report",
 *     not "team"), lower-case ASCII
 *     letters only: no proper names or transliterations (Tacheng, Yili,
 *     they start with a capital), nothing with digits, nothing already
 *     hyphenated -- a word with a hyphen breaks after it anyway;
 *   - at least two letters before the hyphen and three after (the
 *     patterns' own LEFTHYPHENMIN/RIGHTHYPHENMIN, never less);
 *   - never more than two hyphenated lines in a row (layout.c). */
#include <stdlib.h>
#include <string.h>

#include <hyphen.h>
#include <unicode/uchar.h>

#include "core/xalloc.h"
#include "text/para.h"

static bool lower_ascii(uint32_t c)
{
    return c >= 'a' && c <= 'z';
}

static bool letter_ascii(uint32_t c)
{
    return lower_ascii(c) || (c >= 'A' && c <= 'Z');
}

/* Letters [a, b) hyphenated by the dictionary into p->hyph. */
static void word_points(struct para *p, HyphenDict *dict, uint32_t a,
                        uint32_t b, char *word, char *marks)
{
    int len = (int)(b - a);
    for (int k = 0; k < len; k++)
        word[k] = (char)p->cp[a + (uint32_t)k];
    word[len] = '\0';
    char **rep = NULL;
    int *pos = NULL, *cut = NULL;
    int lmin = dict->lhmin > PARA_HYPHEN_MIN_LEFT ? dict->lhmin
                                                  : PARA_HYPHEN_MIN_LEFT;
    int rmin = dict->rhmin > PARA_HYPHEN_MIN_RIGHT ? dict->rhmin
                                                   : PARA_HYPHEN_MIN_RIGHT;
    if (hnj_hyphen_hyphenate3(dict, word, len, marks, NULL, &rep, &pos, &cut,
                              lmin, rmin, lmin, rmin) == 0) {
        /* marks[k] odd: a hyphen may follow letter k.  A non-standard
         * hyphenation (rep) changes letters; English has none, and one
         * would be skipped. */
        for (int k = lmin - 1; k < len - rmin; k++)
            if ((marks[k] & 1) && !(rep && rep[k]))
                p->hyph[a + (uint32_t)k + 1] = true;
    }
    if (rep) {
        for (int k = 0; k < len; k++)
            free(rep[k]);
        free(rep);
    }
    free(pos);
    free(cut);
}

void para_hyphens(struct para *p)
{
    p->hyph = xcalloc((size_t)p->n + 1, sizeof *p->hyph);
    HyphenDict *dict = p->fonts->hyph[p->params->lang];
    if (!dict || p->params->align != TEXT_ALIGN_JUSTIFY)
        return;
    char word[PARA_HYPHEN_MAX_WORD + 1], marks[PARA_HYPHEN_MAX_WORD + 5];
    for (uint32_t i = 0; i < p->n;) {
        if (!letter_ascii(p->cp[i])) {
            i++;
            continue;
        }
        uint32_t j = i;
        bool plain = lower_ascii(p->cp[i]);
        while (j < p->n && letter_ascii(p->cp[j])) {
            plain &= lower_ascii(p->cp[j]);
            j++;
        }
        /* A word is letters between non-letters that are not part of it:
         * "1962-year", "re-read", "x2" are left alone. */
        bool joined = (i > 0 && (p->cp[i - 1] == '-' || p->cp[i - 1] == 0xAD ||
                                 p->cp[i - 1] == '\'' ||
                                 (p->cp[i - 1] >= '0' && p->cp[i - 1] <= '9'))) ||
                      (j < p->n && (p->cp[j] == '-' || p->cp[j] == 0xAD ||
                                    (p->cp[j] >= '0' && p->cp[j] <= '9') ||
                                    u_isalpha((UChar32)p->cp[j])));
        if (plain && !joined && j - i >= PARA_HYPHEN_MIN_WORD &&
            j - i <= PARA_HYPHEN_MAX_WORD)
            word_points(p, dict, i, j, word, marks);
        i = j;
    }
}

int32_t para_hyphen_glyph(const struct para *p, uint16_t face, uint32_t *id)
{
    hb_font_t *font = p->fonts->faces[face].hb_font;
    hb_codepoint_t g;
    if (!hb_font_get_nominal_glyph(font, 0x2010, &g) &&
        !hb_font_get_nominal_glyph(font, '-', &g))
        return -1;
    *id = g;
    return para_scale(p, face, hb_font_get_glyph_h_advance(font, g));
}
