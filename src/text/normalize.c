/* normalize.c: step 1 -- any bytes in, well-formed NFC UTF-8 out.
 *
 * Ill-formed UTF-8 becomes U+FFFD (core/utf8.c); carriage returns -- and
 * in a file, tabs -- become spaces so byte offsets are kept (a paragraph
 * keeps its tabs: a segment separator to bidi, drawn a space wide by
 * shaping); other C0/C1 controls but the newline become U+FFFD so nothing
 * invisible hides in a text.  Text already
 * in NFC (the common case) is returned unchanged, so offsets into it are
 * offsets into the caller's text. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "core/log.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "text/layout.h"
#include "text/normalize.h"

static char *repair(const char *s, size_t len, bool keep_tabs,
                    size_t *out_len)
{
    size_t n;
    char *clean = utf8_sanitize(s, len, &n);
    /* Controls: count the 1-byte ones that grow to 3 bytes. */
    size_t grow = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)clean[i];
        if (c < 0x20 && c != '\n' && c != '\t' && c != '\r')
            grow += 2;
        else if (c == 0x7F)
            grow += 2;
        else if (c == 0xC2 && i + 1 < n &&
                 (unsigned char)clean[i + 1] >= 0x80 &&
                 (unsigned char)clean[i + 1] <= 0x9F)
            grow += 1;
    }
    char *out = grow ? xmalloc(n + grow + 1) : clean;
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)clean[i];
        if (c == '\t' && keep_tabs) {
            out[o++] = '\t';
        } else if (c == '\t' || c == '\r') {
            out[o++] = ' ';
        } else if ((c < 0x20 && c != '\n') || c == 0x7F) {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
        } else if (c == 0xC2 && i + 1 < n &&
                   (unsigned char)clean[i + 1] >= 0x80 &&
                   (unsigned char)clean[i + 1] <= 0x9F) {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
        } else {
            out[o++] = (char)c;
        }
    }
    out[o] = '\0';
    if (out != clean)
        free(clean);
    *out_len = o;
    return out;
}

static char *normalize(const char *utf8, size_t len, bool keep_tabs,
                       size_t *out_len);

char *text_normalize(const char *utf8, size_t len, uint32_t *out_len)
{
    if (len > TEXT_MAX_BYTES) {
        /* Cut at a character boundary. */
        len = TEXT_MAX_BYTES;
        while (len > 0 && ((unsigned char)utf8[len] & 0xC0) == 0x80)
            len--;
    }
    size_t n;
    char *s = normalize(utf8, len, true, &n);
    *out_len = (uint32_t)n;
    return s;
}

char *text_normalize_file(const char *utf8, size_t len, size_t *out_len)
{
    return normalize(utf8, len, false, out_len);
}

static char *normalize(const char *utf8, size_t len, bool keep_tabs,
                       size_t *out_len)
{
    size_t n;
    char *s = repair(utf8, len, keep_tabs, &n);

    bool ascii = true;
    for (size_t i = 0; i < n && ascii; i++)
        ascii = (unsigned char)s[i] < 0x80;
    if (ascii) {
        *out_len = n;
        return s;
    }

    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&err);
    int32_t n16 = 0;
    u_strFromUTF8(NULL, 0, &n16, s, (int32_t)n, &err);
    err = U_ZERO_ERROR;
    UChar *u = xmalloc(((size_t)n16 + 1) * sizeof *u);
    u_strFromUTF8(u, n16 + 1, NULL, s, (int32_t)n, &err);
    if (U_FAILURE(err) || !nfc) {
        log_error("text", "UTF-16 conversion failed: %s", u_errorName(err));
        free(u);
        *out_len = n;
        return s;
    }
    if (unorm2_isNormalized(nfc, u, n16, &err) && U_SUCCESS(err)) {
        free(u);
        *out_len = n;
        return s;
    }
    /* NFC never grows text by more than 3x in UTF-16 units. */
    int32_t cap = n16 * 3 + 16;
    UChar *norm = xmalloc((size_t)cap * sizeof *norm);
    err = U_ZERO_ERROR;
    int32_t nn = unorm2_normalize(nfc, u, n16, norm, cap, &err);
    free(u);
    if (U_FAILURE(err)) {
        log_error("text", "NFC normalisation failed: %s", u_errorName(err));
        free(norm);
        *out_len = n;
        return s;
    }
    int32_t n8 = 0;
    err = U_ZERO_ERROR;
    u_strToUTF8(NULL, 0, &n8, norm, nn, &err);
    char *out = xmalloc((size_t)n8 + 1);
    err = U_ZERO_ERROR;
    u_strToUTF8(out, n8 + 1, NULL, norm, nn, &err);
    free(norm);
    free(s);
    out[n8] = '\0';
    *out_len = (size_t)n8;
    return out;
}
