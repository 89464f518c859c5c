/* bidi.c: step 2 -- resolve bidi embedding levels with ICU's ubidi.
 *
 * The paragraph level comes from text_params.dir: the language (Uyghur is
 * right-to-left), the first strong character, or forced.  The UBiDi object
 * is kept for ubidi_setLine, which the layout calls per line after breaking
 * (step 7), never before. */
#include <unicode/ubidi.h>

#include "core/log.h"
#include "core/xalloc.h"
#include "text/para.h"

bool para_bidi(struct para *p)
{
    UBiDiLevel para_level;
    bool lang_rtl = text_lang_rtl(p->params->lang);
    switch (p->params->dir) {
    case TEXT_DIR_AUTO:
        para_level = lang_rtl ? UBIDI_DEFAULT_RTL : UBIDI_DEFAULT_LTR;
        break;
    case TEXT_DIR_LTR:
        para_level = 0;
        break;
    case TEXT_DIR_RTL:
        para_level = 1;
        break;
    case TEXT_DIR_LANG:
    default:
        para_level = lang_rtl ? 1 : 0;
        break;
    }
    p->level = xcalloc(p->n ? p->n : 1, 1);
    UErrorCode err = U_ZERO_ERROR;
    p->bidi = ubidi_openSized(p->n16, 0, &err);
    if (U_SUCCESS(err))
        ubidi_setPara(p->bidi, p->u16, p->n16, para_level, NULL, &err);
    if (U_FAILURE(err)) {
        log_error("text", "ubidi failed: %s", u_errorName(err));
        p->base_level = para_level & 1;
        for (uint32_t i = 0; i < p->n; i++)
            p->level[i] = p->base_level;
        if (p->bidi)
            ubidi_close(p->bidi);
        p->bidi = NULL;
        return false;
    }
    p->base_level = ubidi_getParaLevel(p->bidi);
    if (p->n16 == 0)
        return true;
    const UBiDiLevel *levels = ubidi_getLevels(p->bidi, &err);
    if (U_FAILURE(err)) {
        log_error("text", "ubidi_getLevels failed: %s", u_errorName(err));
        return false;
    }
    for (uint32_t i = 0; i < p->n; i++)
        p->level[i] = levels[p->u16_of[i]];
    return true;
}
