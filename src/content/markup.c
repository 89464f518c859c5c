/* markup.c: the `{shown|id}` mention parser (see markup.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/markup.h"
#include "core/xalloc.h"

struct out {
    struct markup_result *r;
    size_t cap, mcap;
};

static void put(struct out *o, const char *s, size_t n)
{
    struct markup_result *r = o->r;
    r->plain = xgrow(r->plain, &o->cap, r->plain_len + n + 1, 1);
    memcpy(r->plain + r->plain_len, s, n);
    r->plain_len += n;
    r->plain[r->plain_len] = '\0';
}

static bool id_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

bool markup_parse(const char *text, size_t len, struct markup_result *r,
                  markup_error_fn *error, void *ctx)
{
    memset(r, 0, sizeof *r);
    struct out o = {.r = r};
    bool ok = true;
    put(&o, "", 0);
    size_t i = 0;
    while (i < len) {
        char c = text[i];
        if ((c == '{' || c == '}') && i + 1 < len && text[i + 1] == c) {
            put(&o, &c, 1); /* {{ or }} */
            i += 2;
            continue;
        }
        if (c == '}') {
            error(ctx, i, "'}' without a '{' before it; to show a brace "
                  "write '}}'");
            ok = false;
            put(&o, &c, 1);
            i++;
            continue;
        }
        if (c != '{') {
            size_t j = i;
            while (j < len && text[j] != '{' && text[j] != '}')
                j++;
            put(&o, text + i, j - i);
            i = j;
            continue;
        }
        /* A mark: find '|' and '}' with no '{' between. */
        size_t bar = 0, close = 0;
        for (size_t j = i + 1; j < len; j++) {
            if (text[j] == '{' || text[j] == '\n')
                break;
            if (text[j] == '|' && !bar)
                bar = j;
            if (text[j] == '}') {
                close = j;
                break;
            }
        }
        if (!close) {
            error(ctx, i, "this '{' is not closed; a place mention looks "
                  "like {Yili|yili} (to show a brace write '{{')");
            ok = false;
            put(&o, "{", 1);
            i++;
            continue;
        }
        if (!bar) {
            error(ctx, i, "this mention has no place id; write it as "
                  "{shown text|place-id}, like {Yili|yili}");
            ok = false;
            put(&o, text + i + 1, close - i - 1);
            i = close + 1;
            continue;
        }
        size_t id_len = close - bar - 1;
        bool id_ok = id_len > 0 && id_len < MARKUP_MAX_ID;
        for (size_t j = bar + 1; j < close && id_ok; j++)
            id_ok = id_char(text[j]);
        if (bar == i + 1) {
            error(ctx, i, "this mention shows no text; write it as "
                  "{shown text|place-id}");
            ok = false;
        } else if (!id_ok) {
            char msg[160];
            snprintf(msg, sizeof msg, "'%.*s' is not a place id; ids use "
                     "lower-case letters, digits and '-'",
                     (int)(id_len < 40 ? id_len : 40), text + bar + 1);
            error(ctx, bar + 1, msg);
            ok = false;
        } else {
            r->mentions = xgrow(r->mentions, &o.mcap, r->count + 1,
                                sizeof *r->mentions);
            struct markup_mention *m = &r->mentions[r->count++];
            memset(m, 0, sizeof *m);
            m->start = r->plain_len;
            m->end = r->plain_len + (bar - i - 1);
            m->mark_off = i;
            m->id_off = bar + 1;
            memcpy(m->id, text + bar + 1, id_len);
        }
        put(&o, text + i + 1, bar - i - 1);
        i = close + 1;
    }
    return ok;
}

void markup_result_fini(struct markup_result *r)
{
    free(r->plain);
    free(r->mentions);
    memset(r, 0, sizeof *r);
}
