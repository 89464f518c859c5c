/* para.c: the index maps between bytes, UTF-16 units and code points. */
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>

#include "core/utf8.h"
#include "core/xalloc.h"
#include "text/para.h"

void para_init(struct para *p, const struct text_fonts *fonts,
               const struct text_params *params, const char *text,
               uint32_t len)
{
    memset(p, 0, sizeof *p);
    p->fonts = fonts;
    p->params = params;
    p->text = text;
    p->len = len;

    /* Upper bounds: one code point per byte, two UTF-16 units per cp. */
    p->cp = xmalloc(((size_t)len + 1) * sizeof *p->cp);
    p->byte_of = xmalloc(((size_t)len + 1) * sizeof *p->byte_of);
    p->u16_of = xmalloc(((size_t)len + 1) * sizeof *p->u16_of);
    p->cp_of_byte = xmalloc(((size_t)len + 1) * sizeof *p->cp_of_byte);
    p->u16 = xmalloc(((size_t)len + 1) * sizeof *p->u16);
    p->cp_of_u16 = xmalloc(((size_t)len + 1) * sizeof *p->cp_of_u16);

    uint32_t n = 0, i = 0;
    int32_t n16 = 0;
    while (i < len) {
        size_t used;
        uint32_t c = utf8_decode(text + i, len - i, &used);
        p->cp[n] = c;
        p->byte_of[n] = i;
        p->u16_of[n] = (uint32_t)n16;
        for (size_t k = 0; k < used; k++)
            p->cp_of_byte[i + k] = n;
        if (c >= 0x10000) {
            p->u16[n16] = (UChar)(0xD800 + ((c - 0x10000) >> 10));
            p->cp_of_u16[n16++] = n;
            p->u16[n16] = (UChar)(0xDC00 + ((c - 0x10000) & 0x3FF));
            p->cp_of_u16[n16++] = n;
        } else {
            p->u16[n16] = (UChar)c;
            p->cp_of_u16[n16++] = n;
        }
        i += (uint32_t)used;
        n++;
    }
    p->n = n;
    p->n16 = n16;
    p->byte_of[n] = len;
    p->u16_of[n] = (uint32_t)n16;
    p->cp_of_byte[len] = n;
    p->cp_of_u16[n16] = n;
    p->u16[n16] = 0;
    p->buf = hb_buffer_create();
}

void para_fini(struct para *p)
{
    if (p->bidi)
        ubidi_close(p->bidi);
    hb_buffer_destroy(p->buf);
    free(p->cp);
    free(p->byte_of);
    free(p->u16_of);
    free(p->cp_of_byte);
    free(p->u16);
    free(p->cp_of_u16);
    free(p->level);
    free(p->script);
    free(p->face);
    free(p->missing);
    free(p->items);
    free(p->glyphs);
    free(p->punct);
    free(p->halt);
    free(p->gain);
    free(p->feat);
    free(p->adv);
    free(p->cluster_start);
    free(p->brk);
    free(p->hyph);
    memset(p, 0, sizeof *p);
}

bool para_is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\n' || cp == 0x3000 || cp == 0x2028 ||
           cp == 0x2029 || (cp != 0xA0 && cp != 0x202F && cp != 0x2007 &&
                            u_isUWhiteSpace((UChar32)cp));
}
