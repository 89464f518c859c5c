/* linebreak.c: step 5 -- line-break opportunities with ICU's ubrk (UAX #14).
 *
 * The break iterator's locale comes from the paragraph language, so Chinese
 * text never starts a line with ，。、」 or ends one with “.  A newline
 * inside a paragraph is a mandatory break. */
#include <unicode/ubrk.h>

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
    return true;
}
