/* mentions.c: which passages mention a place, and snippets around them. */
#include <string.h>

#include <unicode/uchar.h>

#include "content/mentions.h"
#include "core/utf8.h"

size_t content_mentions_of(const struct exhibit *ex, uint32_t place,
                           enum text_lang lang,
                           struct content_mention_ref *out, size_t max)
{
    size_t n = 0;
    for (uint32_t p = 0; p < ex->passage_count; p++) {
        const struct content_text *t = &ex->passages[p].text[lang];
        uint32_t count = 0, first = 0;
        for (uint32_t m = 0; m < t->mention_count; m++) {
            if (t->mentions[m].place != place)
                continue;
            if (count++ == 0)
                first = m;
        }
        if (!count)
            continue;
        if (n < max)
            out[n] = (struct content_mention_ref){p, first, count};
        n++;
    }
    return n;
}

static bool cont(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

/* Moves back from `at` over up to `chars` code points, not before 0. */
static size_t back(const char *s, size_t at, size_t chars)
{
    while (at > 0 && chars > 0) {
        at--;
        while (at > 0 && cont((unsigned char)s[at]))
            at--;
        chars--;
    }
    return at;
}

static size_t forward(const char *s, size_t len, size_t at, size_t chars)
{
    while (at < len && chars > 0) {
        at++;
        while (at < len && cont((unsigned char)s[at]))
            at++;
        chars--;
    }
    return at;
}

static size_t count_chars(const char *s, size_t a, size_t b)
{
    size_t n = 0;
    for (size_t i = a; i < b; i++)
        n += !cont((unsigned char)s[i]);
    return n;
}

static size_t utf8_len_at(const char *s, size_t len, size_t at)
{
    size_t k = at + 1;
    while (k < len && cont((unsigned char)s[k]))
        k++;
    return k - at;
}

static size_t utf8_back(const char *s, size_t at)
{
    size_t k = at - 1;
    while (k > 0 && cont((unsigned char)s[k]))
        k--;
    return k;
}

static uint32_t cp_at(const char *s, size_t len, size_t at)
{
    size_t used;
    return utf8_decode(s + at, len - at, &used);
}

/* Closing marks, sentence and clause ends, spaces: no way to begin. */
static bool stray_at_start(const char *s, size_t len, size_t at)
{
    uint32_t c = cp_at(s, len, at);
    int8_t t = u_charType((UChar32)c);
    return c == ' ' || t == U_END_PUNCTUATION || t == U_FINAL_PUNCTUATION ||
           (t == U_OTHER_PUNCTUATION && c != 0x2026 && c != '"' &&
            c != '\'' && c != 0xFF02);
}

/* Opening brackets and quotes, spaces: no way to end. */
static bool stray_at_end(const char *s, size_t end)
{
    size_t at = utf8_back(s, end);
    uint32_t c = cp_at(s, end, at);
    int8_t t = u_charType((UChar32)c);
    return c == ' ' || t == U_START_PUNCTUATION || t == U_INITIAL_PUNCTUATION;
}

size_t content_snippet(const struct content_text *t,
                       const struct content_mention *m, size_t max_chars,
                       char *out, size_t n, size_t *start, size_t *end)
{
    const char *s = t->text;
    size_t len = t->len;
    size_t name = count_chars(s, m->start, m->end);
    size_t room = max_chars > name ? max_chars - name : 0;
    /* A third of the room before the name, the rest after it. */
    size_t a = back(s, m->start, room / 3);
    size_t b = forward(s, len, m->end, room - count_chars(s, a, m->start));
    /* Cut at spaces when the text has them near the ends. */
    if (a > 0) {
        size_t k = a;
        while (k < m->start && s[k] != ' ')
            k++;
        if (k < m->start && k - a < 24)
            a = k + 1;
    }
    if (b < len) {
        size_t k = b;
        while (k > m->end && s[k - 1] != ' ')
            k--;
        if (k > m->end && b - k < 24)
            b = k - 1;
    }
    /* Not from the middle of a mark: a snippet of unspaced (Chinese) text
     * neither starts with the end of the sentence before (…。看来) nor
     * ends with an opening bracket or quote. */
    while (a < m->start && stray_at_start(s, len, a))
        a += utf8_len_at(s, len, a);
    while (b > m->end && stray_at_end(s, b))
        b = utf8_back(s, b);
    size_t o = 0;
    bool pre = a > 0, post = b < len;
    if (pre && o + 3 < n) {
        memcpy(out, "\xE2\x80\xA6", 3); /* … */
        o = 3;
    }
    size_t body = b - a;
    if (o + body + 4 > n)
        body = n > o + 4 ? n - o - 4 : 0;
    memcpy(out + o, s + a, body);
    *start = o + (m->start - a);
    *end = o + (m->end - a);
    o += body;
    if (post && o + 3 < n) {
        memcpy(out + o, "\xE2\x80\xA6", 3);
        o += 3;
    }
    out[o] = '\0';
    if (*end > o - (post ? 3 : 0))
        *end = o - (post ? 3 : 0);
    if (*start > *end)
        *start = *end;
    return o;
}
