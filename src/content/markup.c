/* markup.c: the `{shown|id}` mention parser (see markup.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/markup.h"
#include "core/xalloc.h"

/* One parse: the marked text read, the plain text and mentions written
 * (r->plain is always NUL-terminated). */
struct parser {
    const char *text;
    size_t len;
    markup_error_fn *error;
    void *ctx;
    bool ok; /* no error reported yet */
    struct markup_result *r;
    size_t cap, mcap;
};

static void put(struct parser *p, const char *s, size_t n)
{
    struct markup_result *r = p->r;
    r->plain = xgrow(r->plain, &p->cap, r->plain_len + n + 1, 1);
    memcpy(r->plain + r->plain_len, s, n);
    r->plain_len += n;
    r->plain[r->plain_len] = '\0';
}

static void fail(struct parser *p, size_t off, const char *message)
{
    p->error(p->ctx, off, message);
    p->ok = false;
}

static bool id_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

/* Text without braces from text[i] (not a brace) on, copied as it is;
 * returns the offset of the next brace or the end. */
static size_t plain_run(struct parser *p, size_t i)
{
    size_t j = i;
    while (j < p->len && p->text[j] != '{' && p->text[j] != '}')
        j++;
    put(p, p->text + i, j - i);
    return j;
}

/* The '}' closing the mark opened at text[i], with no '{' or line end
 * before it, or 0 if there is none; *bar gets the first '|' before it
 * (0 if none: no offset after i is 0). */
static size_t find_close(const struct parser *p, size_t i, size_t *bar)
{
    *bar = 0;
    for (size_t j = i + 1; j < p->len; j++) {
        char c = p->text[j];
        if (c == '{' || c == '\n')
            return 0;
        if (c == '|' && !*bar)
            *bar = j;
        if (c == '}')
            return j;
    }
    return 0;
}

/* The mention {shown|id} at text[i..close], shown text nonempty and id
 * valid: its range in the plain text, which `shown` is copied to next. */
static void add_mention(struct parser *p, size_t i, size_t bar, size_t close)
{
    struct markup_result *r = p->r;
    r->mentions = xgrow(r->mentions, &p->mcap, r->count + 1,
                        sizeof *r->mentions);
    struct markup_mention *m = &r->mentions[r->count++];
    memset(m, 0, sizeof *m);
    m->start = r->plain_len;
    m->end = r->plain_len + (bar - i - 1);
    m->mark_off = i;
    m->id_off = bar + 1;
    memcpy(m->id, p->text + bar + 1, close - bar - 1);
}

/* The mark opened by text[i] == '{' (not "{{").  A broken one is reported
 * and kept as plain text: an unclosed '{' as itself, a mark without '|' as
 * its inside, a bad shown text or id as the shown text.  Returns the
 * offset after what was consumed. */
static size_t mark(struct parser *p, size_t i)
{
    size_t bar, close = find_close(p, i, &bar);
    if (!close) {
        fail(p, i, "this '{' is not closed; a place mention looks like "
             "{Yili|yili} (to show a brace write '{{')");
        put(p, "{", 1);
        return i + 1;
    }
    if (!bar) {
        fail(p, i, "this mention has no place id; write it as "
             "{shown text|place-id}, like {Yili|yili}");
        put(p, p->text + i + 1, close - i - 1);
        return close + 1;
    }
    const char *id = p->text + bar + 1;
    size_t id_len = close - bar - 1;
    bool id_ok = id_len > 0 && id_len < MARKUP_MAX_ID;
    for (size_t j = 0; j < id_len && id_ok; j++)
        id_ok = id_char(id[j]);
    if (bar == i + 1) {
        fail(p, i, "this mention shows no text; write it as "
             "{shown text|place-id}");
    } else if (!id_ok) {
        char msg[160];
        snprintf(msg, sizeof msg, "'%.*s' is not a place id; ids use "
                 "lower-case letters, digits and '-'",
                 (int)(id_len < 40 ? id_len : 40), id);
        fail(p, bar + 1, msg);
    } else {
        add_mention(p, i, bar, close);
    }
    put(p, p->text + i + 1, bar - i - 1);
    return close + 1;
}

bool markup_parse(const char *text, size_t len, struct markup_result *r,
                  markup_error_fn *error, void *ctx)
{
    memset(r, 0, sizeof *r);
    struct parser p = {.text = text, .len = len, .error = error, .ctx = ctx,
                       .ok = true, .r = r};
    put(&p, "", 0);
    size_t i = 0;
    while (i < len) {
        char c = text[i];
        if ((c == '{' || c == '}') && i + 1 < len && text[i + 1] == c) {
            put(&p, &c, 1); /* {{ or }} */
            i += 2;
        } else if (c == '}') {
            fail(&p, i, "'}' without a '{' before it; to show a brace "
                 "write '}}'");
            put(&p, &c, 1);
            i++;
        } else if (c == '{') {
            i = mark(&p, i);
        } else {
            i = plain_run(&p, i);
        }
    }
    return p.ok;
}

void markup_result_fini(struct markup_result *r)
{
    free(r->plain);
    free(r->mentions);
    memset(r, 0, sizeof *r);
}
