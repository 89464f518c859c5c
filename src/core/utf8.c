/* utf8.c: UTF-8 decoding with U+FFFD replacement of ill-formed subparts. */
#include <string.h>

#include "core/utf8.h"
#include "core/xalloc.h"

uint32_t utf8_decode(const char *str, size_t len, size_t *used)
{
    const unsigned char *s = (const unsigned char *)str;
    unsigned char c = s[0];
    *used = 1;
    if (c < 0x80)
        return c;

    uint32_t cp;
    size_t need;
    unsigned char lo = 0x80, hi = 0xBF; /* bounds for the second byte */
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        cp = c & 0x0F;
        if (c == 0xE0)
            lo = 0xA0; /* no overlongs */
        else if (c == 0xED)
            hi = 0x9F; /* no surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        cp = c & 0x07;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F; /* <= U+10FFFF */
    } else {
        return UTF8_REPLACEMENT;
    }
    for (size_t i = 1; i <= need; i++) {
        if (i >= len)
            return UTF8_REPLACEMENT;
        unsigned char b = s[i];
        unsigned char blo = i == 1 ? lo : 0x80, bhi = i == 1 ? hi : 0xBF;
        if (b < blo || b > bhi)
            return UTF8_REPLACEMENT; /* maximal subpart ends before b */
        cp = (cp << 6) | (b & 0x3F);
        *used = i + 1;
    }
    return cp;
}

size_t utf8_encode(uint32_t cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

bool utf8_valid(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        size_t used;
        uint32_t cp = utf8_decode(s + i, len - i, &used);
        if (cp == UTF8_REPLACEMENT &&
            !(used == 3 && memcmp(s + i, "\xEF\xBF\xBD", 3) == 0))
            return false;
        i += used;
    }
    return true;
}

char *utf8_sanitize(const char *s, size_t len, size_t *out_len)
{
    /* Each input byte becomes at most 3 output bytes (a lone bad byte ->
     * U+FFFD), so 3 * len + 1 always suffices. */
    char *out = xmalloc(len * 3 + 1);
    size_t o = 0, i = 0;
    while (i < len) {
        size_t used;
        uint32_t cp = utf8_decode(s + i, len - i, &used);
        if (cp == 0)
            cp = UTF8_REPLACEMENT;
        o += utf8_encode(cp, out + o);
        i += used;
    }
    out[o] = '\0';
    *out_len = o;
    return out;
}
