/* utf8.c: UTF-8 decoding with U+FFFD replacement of ill-formed subparts,
 * cutting at character boundaries, and the escaping of names that must
 * not reach a file, a terminal or a screen as they are. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
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

bool utf8_decoded_bad(const char *s, uint32_t cp, size_t used)
{
    return cp == UTF8_REPLACEMENT &&
           !(used == 3 && memcmp(s, "\xEF\xBF\xBD", 3) == 0);
}

bool utf8_valid(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        size_t used;
        uint32_t cp = utf8_decode(s + i, len - i, &used);
        if (utf8_decoded_bad(s + i, cp, used))
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

size_t utf8_prefix_len(const char *s, size_t len, size_t max)
{
    if (len <= max)
        return len;
    size_t i = 0;
    while (i < len) {
        size_t used;
        utf8_decode(s + i, len - i, &used);
        if (i + used > max)
            break;
        i += used;
    }
    return i;
}

size_t utf8_trim_partial(const char *s, size_t len)
{
    /* The last lead byte, at most three bytes back. */
    size_t lead = len;
    for (size_t k = 1; k <= 3 && k <= len; k++)
        if (((unsigned char)s[len - k] & 0xC0) != 0x80) {
            lead = len - k;
            break;
        }
    if (lead == len)
        return len;
    unsigned char c = (unsigned char)s[lead];
    size_t want = c >= 0xC2 && c <= 0xDF   ? 2
                  : c >= 0xE0 && c <= 0xEF ? 3
                  : c >= 0xF0 && c <= 0xF4 ? 4
                                           : 1; /* not a lead byte */
    size_t used;
    uint32_t cp = utf8_decode(s + lead, len - lead, &used);
    /* A sequence that was well formed as far as it goes, and ran out. */
    if (cp == UTF8_REPLACEMENT && used == len - lead && used < want)
        return lead;
    return len;
}

bool utf8_is_unsafe(uint32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x061C ||
           cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 || cp == 0x2029;
}

const char *utf8_name_problem(const char *s, size_t len, char *buf, size_t n)
{
    size_t i = 0;
    while (i < len) {
        size_t used;
        uint32_t cp = utf8_decode(s + i, len - i, &used);
        if (utf8_decoded_bad(s + i, cp, used)) {
            snprintf(buf, n, "bytes that are not UTF-8 (\\x%02X)",
                     (unsigned char)s[i]);
            return buf;
        }
        if (cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029)
            snprintf(buf, n, "a line break (U+%04X)", cp);
        else if (cp < 0xA0 && utf8_is_unsafe(cp))
            snprintf(buf, n, "a control character (U+%04X)", cp);
        else if (utf8_is_unsafe(cp))
            snprintf(buf, n, "a bidirectional control (U+%04X), which makes "
                     "text show in another order than it is stored", cp);
        else {
            i += used;
            continue;
        }
        return buf;
    }
    return NULL;
}

char *utf8_escape(const char *s, size_t len)
{
    /* The worst case is a lone bad byte or a C0 control: 1 -> 4. */
    char *out = xmalloc(len * 4 + 1);
    size_t o = 0, i = 0;
    while (i < len) {
        size_t used;
        uint32_t cp = utf8_decode(s + i, len - i, &used);
        if (utf8_decoded_bad(s + i, cp, used)) {
            for (size_t k = 0; k < used; k++)
                o += (size_t)sprintf(out + o, "\\x%02X",
                                     (unsigned char)s[i + k]);
        } else if (cp == '\\' || cp == '"') {
            out[o++] = '\\';
            out[o++] = (char)cp;
        } else if (cp < 0x20 || cp == 0x7F) {
            o += (size_t)sprintf(out + o, "\\x%02X", (unsigned)cp);
        } else if (utf8_is_unsafe(cp)) {
            o += (size_t)sprintf(out + o, "\\u%04X", (unsigned)cp);
        } else {
            memcpy(out + o, s + i, used);
            o += used;
        }
        i += used;
    }
    out[o] = '\0';
    return out;
}

/* The value of the `n` (2 or 4) hex digits at s, or -1. */
static long hex_value(const char *s, size_t n)
{
    char digits[5];
    for (size_t k = 0; k < n; k++) {
        if (!isxdigit((unsigned char)s[k]))
            return -1;
        digits[k] = s[k];
    }
    digits[n] = '\0';
    return strtol(digits, NULL, 16);
}

char *utf8_unescape(const char *s, size_t len, size_t *out_len)
{
    /* Every escape is longer than what it stands for. */
    char *out = xmalloc(len + 1);
    size_t o = 0, i = 0;
    while (i < len) {
        if (s[i] != '\\') {
            out[o++] = s[i++];
            continue;
        }
        char kind = i + 1 < len ? s[i + 1] : '\0';
        long v;
        if (kind == '\\' || kind == '"') {
            out[o++] = kind;
            i += 2;
        } else if (kind == 'x' && i + 4 <= len &&
                   (v = hex_value(s + i + 2, 2)) > 0) {
            out[o++] = (char)v;
            i += 4;
        } else if (kind == 'u' && i + 6 <= len &&
                   (v = hex_value(s + i + 2, 4)) > 0 &&
                   (v < 0xD800 || v > 0xDFFF)) {
            o += utf8_encode((uint32_t)v, out + o);
            i += 6;
        } else {
            free(out); /* not something utf8_escape writes */
            return NULL;
        }
    }
    out[o] = '\0';
    *out_len = o;
    return out;
}
