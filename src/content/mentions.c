/* mentions.c: which passages mention a place, and snippets around them. */
#include <string.h>

#include "content/mentions.h"

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
