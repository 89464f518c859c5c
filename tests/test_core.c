/* test_core.c: UTF-8 decoding and repair, cutting, names and escapes;
 * the diagnostics printer, its cut and its JSON. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "check.h"
#include "core/diag.h"
#include "core/utf8.h"

static void test_decode(void)
{
    static const struct {
        const char *in;
        size_t len;
        uint32_t cp;
        size_t used;
    } cases[] = {
        {"A", 1, 'A', 1},
        {"\xC3\xA9", 2, 0xE9, 2},
        {"\xE5\xB7\xA5", 3, 0x5DE5, 3},              /* 工 */
        {"\xF0\x9F\x98\x80", 4, 0x1F600, 4},
        {"\xC0\xAF", 2, UTF8_REPLACEMENT, 1},        /* overlong */
        {"\xE0\x80\xAF", 3, UTF8_REPLACEMENT, 1},    /* overlong */
        {"\xED\xA0\x80", 3, UTF8_REPLACEMENT, 1},    /* surrogate */
        {"\xF4\x90\x80\x80", 4, UTF8_REPLACEMENT, 1}, /* > U+10FFFF */
        {"\xE5\xB7", 2, UTF8_REPLACEMENT, 2},        /* truncated */
        {"\xE5\xB7" "A", 3, UTF8_REPLACEMENT, 2},    /* cut short */
        {"\x80", 1, UTF8_REPLACEMENT, 1},            /* stray */
        {"\xFF", 1, UTF8_REPLACEMENT, 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t used;
        uint32_t cp = utf8_decode(cases[i].in, cases[i].len, &used);
        CHECK(cp == cases[i].cp && used == cases[i].used,
              "decode case %zu: U+%04X used %zu", i, cp, used);
    }
    char buf[4];
    for (uint32_t cp = 1; cp < 0x110000; cp += 97) {
        if (cp >= 0xD800 && cp < 0xE000)
            continue;
        size_t n = utf8_encode(cp, buf), used;
        if (utf8_decode(buf, n, &used) != cp || used != n) {
            CHECK(false, "round trip U+%04X", cp);
            return;
        }
    }
    CHECK(true, "encode/decode round trip");
    CHECK(utf8_valid("工作 ئىلى", strlen("工作 ئىلى")), "valid UTF-8");
    CHECK(!utf8_valid("a\xC3", 2), "truncated UTF-8 is not valid");
    size_t n;
    char *s = utf8_sanitize("a\xC3\x28\x00z", 5, &n);
    CHECK(n == 9 && memcmp(s, "a\xEF\xBF\xBD(\xEF\xBF\xBDz", 9) == 0,
          "sanitize replaces bad bytes and NUL");
    free(s);
}

static void test_diag(void)
{
    struct diag_list d;
    diag_list_init(&d);
    diag_add(&d, DIAG_ERROR, "content/places.txt", 3, 5, "ug: ئىلى كىتاپ",
             "unknown key '%s' — did you mean '%s'?", "titel", "title");
    diag_add(&d, DIAG_WARNING, "content/x.txt", 0, 0, NULL, "empty file");
    CHECK(d.errors == 1 && d.warnings == 1 && d.count == 2, "counts");
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    diag_list_print(&d, f);
    fclose(f);
    const char *want =
        "content/places.txt:3:5: error: unknown key 'titel' — did you mean "
        "'title'?\n"
        "    ug: ئىلى كىتاپ\n"
        "        ^\n"
        "content/x.txt: warning: empty file\n";
    CHECK(strcmp(out, want) == 0, "GCC-style output with a caret under the "
                                  "5th code point:\n%s", out);
    free(out);
    diag_list_fini(&d);
}

/* Cutting at character boundaries, and what a cut left. */
static void test_cut(void)
{
    static const struct {
        const char *s;
        size_t max, prefix, trimmed;
    } cases[] = {
        {"ab", 5, 2, 2},
        {"a\xE5\xB7\xA5" "b", 3, 1, 5},     /* 工 does not fit in 3 */
        {"a\xE5\xB7\xA5" "b", 4, 4, 5},
        {"a\xE5\xB7", 2, 1, 1},           /* cut short: dropped */
        {"a\xE5", 9, 2, 1},
        {"a\xF0\x9F\x98", 9, 4, 1},
        {"a\xC3", 1, 1, 1},
        {"a\xFF\xFF", 2, 2, 3},           /* bad bytes: one each */
        {"a\xE0\x80", 9, 3, 3},           /* ill-formed, not cut short */
        {"a\x80\x80\x80\x80", 9, 5, 5}, /* stray continuations */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t len = strlen(cases[i].s);
        size_t p = utf8_prefix_len(cases[i].s, len, cases[i].max);
        size_t t = utf8_trim_partial(cases[i].s, len);
        CHECK(p == cases[i].prefix && t == cases[i].trimmed,
              "cut case %zu: prefix %zu (want %zu), trimmed %zu (want %zu)",
              i, p, cases[i].prefix, t, cases[i].trimmed);
    }
}

/* Names from outside: what is refused, and why. */
static void test_names(void)
{
    static const struct {
        const char *name, *why; /* why NULL: a good name */
    } cases[] = {
        {"report.txt", NULL},
        {"\xE5\xB7\xA5\xE4\xBD\x9C \xD8\xA6\xD9\x89", NULL}, /* 工作 ئى */
        {"\xEF\xBF\xBD", NULL},                      /* U+FFFD itself */
        {"a\nb", "a line break (U+000A)"},
        {"a\rb", "a line break (U+000D)"},
        {"\x1B[31m", "a control character (U+001B)"},
        {"a\tb", "a control character (U+0009)"},
        {"a\x7F", "a control character (U+007F)"},
        {"a\xC2\x85", "a control character (U+0085)"}, /* C1 NEL */
        {"a\xE2\x80\xA8", "a line break (U+2028)"},
        {"txt.\xE2\x80\xAE" "exe", "a bidirectional control (U+202E)"},
        {"\xE2\x80\xAA", "a bidirectional control (U+202A)"},
        {"\xE2\x81\xA6", "a bidirectional control (U+2066)"},
        {"\xE2\x81\xA9", "a bidirectional control (U+2069)"},
        {"\xE2\x80\x8E", "a bidirectional control (U+200E)"},
        {"\xE2\x80\x8F", "a bidirectional control (U+200F)"},
        {"\xD8\x9C", "a bidirectional control (U+061C)"},
        {"a\xFF", "bytes that are not UTF-8 (\\xFF)"},
        {"a\xE5\xB7", "bytes that are not UTF-8 (\\xE5)"},
        {"\xC0\xAF", "bytes that are not UTF-8 (\\xC0)"}, /* overlong / */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char buf[160];
        const char *why = utf8_name_problem(cases[i].name,
                                            strlen(cases[i].name), buf,
                                            sizeof buf);
        CHECK(cases[i].why ? why && strncmp(why, cases[i].why,
                                            strlen(cases[i].why)) == 0
                           : why == NULL,
              "name case %zu: '%s' (want '%s')", i, why ? why : "(good)",
              cases[i].why ? cases[i].why : "(good)");
    }
}

/* Escapes: the result is printable, and unescaping gives back every
 * byte -- for every 1- and 2-byte string and random longer ones. */
static bool escape_round_trip(const char *s, size_t len)
{
    char *e = utf8_escape(s, len);
    size_t el = strlen(e), ul = 0;
    char why[160];
    char *u = utf8_unescape(e, el, &ul);
    bool ok = !utf8_name_problem(e, el, why, sizeof why) && u && ul == len &&
              memcmp(u, s, len) == 0;
    free(e);
    free(u);
    return ok;
}

static void test_escape(void)
{
    char *e = utf8_escape("a\nb\\c\"d\xFF\xE2\x80\xAE\xC2\x85\xE5\xB7\xA5",
                          strlen("a\nb\\c\"d\xFF\xE2\x80\xAE\xC2\x85"
                                 "\xE5\xB7\xA5"));
    CHECK(strcmp(e, "a\\x0Ab\\\\c\\\"d\\xFF\\u202E\\u0085\xE5\xB7\xA5") == 0,
          "escape: %s", e);
    free(e);
    size_t fails = 0, tried = 0;
    char s[8];
    for (int a = 1; a < 256; a++) {
        s[0] = (char)a;
        fails += !escape_round_trip(s, 1);
        for (int b = 1; b < 256; b++) {
            s[1] = (char)b;
            fails += !escape_round_trip(s, 2);
            tried++;
        }
    }
    srand(12);
    for (int i = 0; i < 20000; i++, tried++) {
        size_t n = 1 + (size_t)rand() % sizeof s;
        for (size_t k = 0; k < n; k++) /* biased to UTF-8 leads, '\\' */
            s[k] = (char)(rand() % 4 == 0 ? "\\\xE2\x80\xAE\xF0"[rand() % 5]
                                          : 1 + rand() % 255);
        fails += !escape_round_trip(s, n);
    }
    CHECK(fails == 0, "escape and unescape round trip: %zu of %zu failed",
          fails, tried);
    static const char *const bad[] = {"\\q", "a\\", "\\x0", "\\x00",
                                      "\\xZZ", "\\u0000", "\\uD800",
                                      "\\u12"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        size_t n;
        char *u = utf8_unescape(bad[i], strlen(bad[i]), &n);
        CHECK(u == NULL, "unescape refuses '%s'", bad[i]);
        free(u);
    }
}

/* Messages of 1,000 to 1,030 bytes of 2-, 3- and 4-byte characters (an
 * ASCII pad moves the characters across every offset of the cut): each
 * kept whole or cut between two characters, and the JSON of the list
 * valid UTF-8 that jansson reads back to the same messages. */
static void test_diag_cut(void)
{
    static const char *const chars[] = {"\xC3\xA9", "\xE5\xB7\xA5",
                                        "\xF0\x9F\x98\x80"};
    struct diag_list d;
    diag_list_init(&d);
    char msg[1100];
    size_t bad = 0, tried = 0;
    for (size_t c = 0; c < 3; c++) {
        size_t w = c + 2;
        for (size_t len = 1000; len <= 1030; len++, tried++) {
            size_t pad = len % w, o = 0;
            memset(msg, 'a', pad);
            for (o = pad; o < len; o += w)
                memcpy(msg + o, chars[c], w);
            msg[len] = '\0';
            diag_add(&d, DIAG_ERROR, "p.txt", 1, 1, NULL, "%s", msg);
            const char *m = d.items[d.count - 1].message;
            size_t ml = strlen(m);
            bool ok = utf8_valid(m, ml) && ml <= DIAG_MESSAGE_MAX;
            if (len <= DIAG_MESSAGE_MAX) {
                ok = ok && strcmp(m, msg) == 0;
            } else {
                size_t kept = ml - 3; /* before the ellipsis */
                ok = ok && strcmp(m + kept, "\xE2\x80\xA6") == 0 &&
                     memcmp(m, msg, kept) == 0 &&
                     kept + 3 + w > DIAG_MESSAGE_MAX && (kept - pad) % w == 0;
            }
            if (!ok && bad++ == 0)
                CHECK(false, "%zu-byte characters, %zu bytes: kept %zu",
                      w, len, ml);
        }
    }
    /* A caller's own buffer cut a character short: the rest is dropped. */
    for (size_t n = 500; n < 520; n++, tried++) {
        char buf[520];
        memset(msg, 0, sizeof msg);
        for (size_t o = 0; o + 3 < sizeof msg; o += 3)
            memcpy(msg + o, chars[1], 3);
        memcpy(buf, msg, n - 1); /* what snprintf(buf, n, ...) keeps */
        buf[n - 1] = '\0';
        diag_add(&d, DIAG_WARNING, "p.txt", 2, 1, NULL, "%s", buf);
        const char *m = d.items[d.count - 1].message;
        if (strlen(m) != (n - 1) / 3 * 3 || memcmp(m, msg, strlen(m)) != 0)
            bad++;
    }
    CHECK(bad == 0, "%zu of %zu messages cut between characters", tried - bad,
          tried);
    /* Ill-formed bytes and controls in a path, a line and a message. */
    diag_add(&d, DIAG_ERROR, "bad\xFF\xFEname\x1B.txt", 3, 2,
             "line \xC3 \xE2\x80\xAEtext\x7F", "in '%s'", "x\xF0\x9F");
    char *out = NULL;
    size_t olen = 0;
    FILE *f = open_memstream(&out, &olen);
    diag_list_print_json(&d, f);
    fclose(f);
    CHECK(utf8_valid(out, olen), "the JSON is well-formed UTF-8");
    json_error_t err;
    json_t *root = json_loadb(out, olen, 0, &err);
    CHECK(root && json_is_array(root) && json_array_size(root) == d.count,
          "the JSON loads (%s at %d:%d)", root ? "ok" : err.text, err.line,
          err.column);
    size_t same = 0;
    for (size_t i = 0; root && i < d.count; i++) {
        json_t *o = json_array_get(root, i);
        const char *m = json_string_value(json_object_get(o, "message"));
        same += m && strcmp(m, d.items[i].message) == 0;
    }
    CHECK(same == d.count, "%zu of %zu messages read back the same", same,
          d.count);
    json_t *last = root ? json_array_get(root, d.count - 1) : NULL;
    const char *path = json_string_value(json_object_get(last, "path"));
    const char *src = json_string_value(json_object_get(last, "source"));
    const char *m = json_string_value(json_object_get(last, "message"));
    CHECK(path && strcmp(path, "bad\xEF\xBF\xBD\xEF\xBF\xBDname\x1B.txt") == 0,
          "bad bytes in a path become U+FFFD, controls escaped: %s",
          path ? path : "(none)");
    CHECK(src && strcmp(src, "line \xEF\xBF\xBD \xE2\x80\xAEtext\x7F") == 0,
          "the line too: %s", src ? src : "(none)");
    CHECK(m && strcmp(m, "in 'x\xEF\xBF\xBD'") == 0, "and the message: %s",
          m ? m : "(none)");
    CHECK(strstr(out, "\\u202e") && strstr(out, "\\u001b") &&
              strstr(out, "\\ufffd") && !strstr(out, "\xE2\x80\xAE"),
          "the raw JSON holds no bidi control, only escapes");
    json_decref(root);
    free(out);
    diag_list_fini(&d);
}

int main(void)
{
    test_decode();
    test_diag();
    test_cut();
    test_names();
    test_escape();
    test_diag_cut();
    return check_finish("test_core");
}
