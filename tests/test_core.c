/* test_core.c: UTF-8 decoding and repair, the diagnostics printer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

int main(void)
{
    test_decode();
    test_diag();
    return check_finish("test_core");
}
