/* linebreak.c: step 5 -- line-break opportunities with ICU's ubrk (UAX #14).
 *
 * The break iterator's locale comes from the paragraph language, so Chinese
 * text never starts a line with ，。、」 or ends one with “.  A newline
 * inside a paragraph is a mandatory break.  ICU 72 implements Unicode
 * 15.0's rules; the few that changed in 15.1 are applied on top
 * (tailor_15_1). */
#include <unicode/ubrk.h>
#include <unicode/uchar.h>

#include "core/log.h"
#include "core/xalloc.h"
#include "text/para.h"

static const char *break_locale(enum text_lang lang)
{
    switch (lang) {
    case TEXT_LANG_ZH:
        return "zh";
    case TEXT_LANG_UG:
        return "ug";
    case TEXT_LANG_EN:
    default:
        return "en";
    }
}

static int lb(uint32_t cp)
{
    return u_getIntPropertyValue((UChar32)cp, UCHAR_LINE_BREAK);
}

static bool lb_cm(int c)
{
    return c == U_LB_COMBINING_MARK || c == U_LB_ZWJ;
}

/* LB9/LB10: the class that code points [0, i) end with, its combining
 * marks taken into their base (a mark after a space or break is AL); *at
 * is where that base is. */
static int class_before(const struct para *p, uint32_t i, uint32_t *at)
{
    uint32_t k = i;
    while (k > 0 && lb_cm(lb(p->cp[k - 1])))
        k--;
    if (k == 0 || k < i) {
        int base = k > 0 ? lb(p->cp[k - 1]) : -1;
        if (k < i && (k == 0 || base == U_LB_SPACE ||
                      base == U_LB_MANDATORY_BREAK ||
                      base == U_LB_CARRIAGE_RETURN ||
                      base == U_LB_LINE_FEED || base == U_LB_NEXT_LINE ||
                      base == U_LB_ZWSPACE)) {
            *at = i - 1;
            return U_LB_ALPHABETIC;
        }
        if (k == 0) {
            *at = 0;
            return -1; /* sot */
        }
    }
    *at = k - 1;
    return lb(p->cp[k - 1]);
}

/* LB15a's context: before an initial quotation mark. */
static bool lb15a_before(int c)
{
    return c == -1 || c == U_LB_MANDATORY_BREAK || c == U_LB_CARRIAGE_RETURN ||
           c == U_LB_LINE_FEED || c == U_LB_NEXT_LINE ||
           c == U_LB_OPEN_PUNCTUATION || c == U_LB_QUOTATION ||
           c == U_LB_GLUE || c == U_LB_SPACE || c == U_LB_ZWSPACE;
}

/* Unicode 15.1's line-breaking rules where they differ from 15.0, which
 * Debian 12's ICU 72 implements (UAX #14 revision 51), applied to ICU's
 * opportunities:
 *   - LB15 "QU SP* x OP" is gone: after a quotation mark and spaces a line
 *     may break before an opening bracket -- ...» (Yi-Ta breaks after the
 *     space -- unless LB15a holds;
 *   - LB15a: (sot|BK|CR|LF|NL|OP|QU|GL|SP|ZW) [Pi&QU] SP* x -- nothing
 *     breaks after an initial quotation mark and its spaces there;
 *   - LB15c "SP / IS NU": a break before ".5" after a space (LB13's "x IS"
 *     becomes LB15d, after it).
 * LB15b (x [Pf&QU] ...) forbids nothing LB19 (x QU) does not, and LB28a is
 * for Brahmic scripts the exhibit does not set. */
static void tailor_15_1(struct para *p)
{
    for (uint32_t i = 1; i < p->n; i++) {
        if (p->brk[i] == PARA_BREAK_MANDATORY)
            continue;
        int here = lb(p->cp[i]);
        uint32_t at;
        int before = class_before(p, i, &at);
        if (before != U_LB_SPACE)
            continue;
        /* the spaces before i, and what comes before them */
        uint32_t k = at;
        while (k > 0 && lb(p->cp[k - 1]) == U_LB_SPACE)
            k--;
        uint32_t qat;
        int q = k > 0 ? class_before(p, k, &qat) : -1;
        bool initial = q == U_LB_QUOTATION &&
                       u_charType((UChar32)p->cp[qat]) ==
                           U_INITIAL_PUNCTUATION;
        uint32_t bat;
        bool lb15a = initial &&
                     lb15a_before(qat > 0 ? class_before(p, qat, &bat) : -1);
        if (lb15a) {
            p->brk[i] = PARA_BREAK_NONE;
        } else if (here == U_LB_OPEN_PUNCTUATION && q == U_LB_QUOTATION) {
            p->brk[i] = PARA_BREAK_ALLOWED;
        } else if (here == U_LB_INFIX_NUMERIC) {
            uint32_t n = i + 1;
            while (n < p->n && lb_cm(lb(p->cp[n])))
                n++;
            if (n < p->n && lb(p->cp[n]) == U_LB_NUMERIC)
                p->brk[i] = PARA_BREAK_ALLOWED;
        }
    }
}

bool para_breaks(struct para *p)
{
    p->brk = xcalloc((size_t)p->n + 1, 1);
    if (p->n == 0)
        return true;
    UErrorCode err = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open(UBRK_LINE, break_locale(p->params->lang),
                                   p->u16, p->n16, &err);
    if (U_FAILURE(err)) {
        log_error("text", "ubrk_open failed: %s", u_errorName(err));
        return false;
    }
    for (int32_t b = ubrk_first(bi); b != UBRK_DONE; b = ubrk_next(bi)) {
        if (b <= 0 || b >= p->n16)
            continue;
        int32_t status = ubrk_getRuleStatus(bi);
        p->brk[p->cp_of_u16[b]] = status >= UBRK_LINE_HARD &&
                                          status < UBRK_LINE_HARD_LIMIT
                                      ? PARA_BREAK_MANDATORY
                                      : PARA_BREAK_ALLOWED;
    }
    ubrk_close(bi);
    tailor_15_1(p);
    return true;
}
