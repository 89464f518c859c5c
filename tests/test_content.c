/* test_content.c: the content loader and checker.
 *
 * Each broken case copies the small valid exhibit in tests/content/minimal,
 * breaks one thing in one file, and asserts the exact diagnostic: file,
 * line, column, severity and the words of the message.  Then the shipped
 * exhibit must load with no error and no warning, its English must match
 * the archive's text, and hostile folders must be refused quickly. */
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "content/exhibit.h"
#include "core/diag.h"
#include "proc.h"
#include "text/font.h"

static struct text_fonts *fonts;
static char tmp_root[256];

static void sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void sh(const char *fmt, ...)
{
    char cmd[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    if (system(cmd) != 0)
        fprintf(stderr, "command failed: %s\n", cmd);
}

/* A fresh copy of the minimal exhibit; returns its path. */
static const char *fresh(void)
{
    static char dir[512];
    static int n;
    snprintf(dir, sizeof dir, "%s/case%d", tmp_root, ++n);
    sh("cp -r %s/content/minimal '%s'", check_test_dir(), dir);
    return dir;
}

static char *slurp(const char *path, size_t *len)
{
    return check_read_file(path, len);
}

static void spit(const char *path, const char *text, size_t len)
{
    FILE *f = fopen(path, "wb");
    fwrite(text, 1, len, f);
    fclose(f);
}

/* Replaces the first `find` in dir/file by `repl` (find NULL: append). */
static void edit(const char *dir, const char *file, const char *find,
                 const char *repl)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    size_t len;
    char *s = slurp(path, &len);
    if (!s) {
        CHECK(false, "cannot read %s", path);
        return;
    }
    size_t rl = strlen(repl);
    char *out = malloc(len + rl + 1);
    size_t o = 0;
    char *at = find ? strstr(s, find) : NULL;
    if (find && !at) {
        CHECK(false, "'%s' not found in %s", find, path);
        free(s);
        free(out);
        return;
    }
    size_t pre = at ? (size_t)(at - s) : len;
    memcpy(out, s, pre);
    o = pre;
    memcpy(out + o, repl, rl);
    o += rl;
    if (at) {
        size_t fl = strlen(find);
        memcpy(out + o, at + fl, len - pre - fl);
        o += len - pre - fl;
    }
    spit(path, out, o);
    free(s);
    free(out);
}

struct expect {
    const char *file; /* path suffix */
    unsigned line, column;
    enum diag_severity severity;
    const char *words;
};

/* Loads dir and checks that a diagnostic matching e exists. */
static bool expect_diag(const char *what, const char *dir, struct expect e,
                        bool valid)
{
    struct diag_list d;
    diag_list_init(&d);
    struct exhibit *ex = content_load(dir, fonts, &d);
    bool found = false;
    for (size_t i = 0; i < d.count && !found; i++) {
        const struct diag *g = &d.items[i];
        size_t pl = strlen(g->path), fl = strlen(e.file);
        found = pl >= fl && strcmp(g->path + pl - fl, e.file) == 0 &&
                g->line == e.line && g->column == e.column &&
                g->severity == e.severity && strstr(g->message, e.words);
    }
    bool ok = CHECK(found, "%s: expected %s:%u:%u %s '%s'", what, e.file,
                    e.line, e.column,
                    e.severity == DIAG_ERROR ? "error" : "warning", e.words);
    ok &= CHECK((ex != NULL) == valid, "%s: content %s", what,
                valid ? "stays valid" : "is refused");
    if (!ok)
        diag_list_print(&d, stderr);
    content_destroy(ex);
    diag_list_fini(&d);
    return ok;
}

#define E DIAG_ERROR
#define W DIAG_WARNING

struct edit_case {
    const char *name, *file, *find, *repl;
    struct expect e;
    bool valid;
};

static const struct edit_case cases[] = {
    /* block file syntax */
    {"## without id", "places.txt", NULL, "\n##\n",
     {"places.txt", 18, 1, E, "'##' needs an id"}, false},
    {"id with capitals", "places.txt", "## yining", "## Yining",
     {"places.txt", 10, 4, E, "may only use lower-case letters"}, false},
    {"duplicate block", "places.txt", NULL, "\n## yili\nzh: x\n",
     {"places.txt", 18, 4, E, "'## yili' appears twice in this file "
                              "(first on line 1)"}, false},
    {"three hashes", "places.txt", "## yining", "### yining",
     {"places.txt", 10, 1, E, "exactly two '#'"}, false},
    {"unknown key", "places.txt", "note.en: A region.", "nots.en: A region.",
     {"places.txt", 6, 1, E, "unknown key 'nots.en' — did you mean "
                             "'note.en'?"}, false},
    {"missing language", "places.txt", "ug: ئىلى\n", "",
     {"places.txt", 1, 1, E, "block 'yili' has no 'ug:' line"}, false},
    {"empty value", "places.txt", "zh: 伊宁", "zh:",
     {"places.txt", 11, 4, E, "'zh' is empty"}, false},
    {"key twice", "places.txt", "en: Yining", "en: Yining\nen: Gulja",
     {"places.txt", 13, 1, E, "'en' is given twice here (first on line "
                              "12)"}, false},
    {"not a field", "places.txt", "source: test", "just some words",
     {"places.txt", 8, 1, E, "expected 'key: value' in block 'yili'"},
     false},
    {"field outside block", "about.txt", NULL, "",
     {"", 0, 0, E, ""}, true}, /* placeholder, replaced below */
    /* settings */
    {"bad language", "exhibit.txt", "default-language: en",
     "default-language: fr",
     {"exhibit.txt", 5, 19, E, "default-language 'fr' must be zh, en or ug"},
     false},
    {"bad idle time", "exhibit.txt", "idle-timeout: 90", "idle-timeout: 5",
     {"exhibit.txt", 6, 15, E, "idle-timeout '5' must be a number of "
                               "seconds from 15 to 3600"}, false},
    {"typo in setting", "exhibit.txt", "idle-timeout", "idle-timout",
     {"exhibit.txt", 6, 1, E, "did you mean 'idle-timeout'?"}, false},
    {"block in settings", "exhibit.txt", NULL, "## extra\n",
     {"exhibit.txt", 7, 1, E, "settings only, no '##' blocks"}, false},
    {"missing title", "exhibit.txt", "title.ug: سىناق كۆرگەزمە\n", "",
     {"exhibit.txt", 1, 1, E, "exhibit.txt has no 'title.ug:' line"},
     false},
    /* the report */
    {"passage missing in zh", "report/zh.txt",
     "\n## arrival\n工作组于5月21日抵达{伊宁|yining}，随后前往{伊犁|yili}。",
     "", {"report/zh.txt", 2, 0, E, "passage 'arrival' (report/en.txt "
                                     "line 4) is missing; add '## arrival' "
                                     "with its text after passage 'title', "
                                     "which ends here"}, false},
    /* A missing passage is reported where it belongs: before the one
     * that follows it in English order, not at the end of the file. */
    {"passage missing before another", "report/zh.txt",
     "## title\n关于{伊犁|yili}的报告\n\n", "",
     {"report/zh.txt", 1, 0, E, "passage 'title' (report/en.txt line 1) is "
                                "missing; add '## title' with its text "
                                "before this passage ('arrival')"}, false},
    {"passage only in ug", "report/ug.txt", NULL, "\n## extra\nمەتىن\n",
     {"report/ug.txt", 7, 4, E, "passage 'extra' is not in report/en.txt"},
     false},
    {"empty passage", "report/zh.txt", "关于{伊犁|yili}的报告", "",
     {"report/zh.txt", 1, 1, E, "passage 'title' has no text"}, false},
    {"text before passages", "report/en.txt", "## title", "Hello\n## title",
     {"report/en.txt", 1, 1, E, "text before the first passage"}, false},
    /* mentions */
    {"unclosed mention", "report/en.txt", "{Yili|yili}\n", "{Yili|yili\n",
     {"report/en.txt", 2, 13, E, "this '{' is not closed"}, false},
    {"stray brace", "report/en.txt", "on 21 May.", "on 21} May.",
     {"report/en.txt", 5, 50, E, "'}' without a '{'"}, false},
    {"mention without id", "report/en.txt", "{Yining [Gulja]|yining}",
     "{Yining [Gulja]}", {"report/en.txt", 5, 21, E,
                          "this mention has no place id"}, false},
    {"mention of unknown place", "report/en.txt", "{Yili|yili}.",
     "{Yili|yilli}.", {"report/en.txt", 6, 21, E,
                       "no place 'yilli' in places.txt — did you mean "
                       "'yili'?"}, false},
    {"mention id with capitals", "report/zh.txt", "{伊犁|yili}的",
     "{伊犁|Yili}的", {"report/zh.txt", 2, 7, E,
                      "'Yili' is not a place id"}, false},
    /* interface strings */
    {"missing string", "strings.txt", "## home.map", "## home.mapp",
     {"strings.txt", 0, 0, E, ""}, false}, /* checked separately below */
    {"placeholder mismatch", "strings.txt", "en: {km} km", "en: {kms} km",
     {"strings.txt", 0, 0, E, ""}, false}, /* checked separately below */
    /* map and cards */
    {"card without shape", "places.txt", NULL,
     "\n## tekes\nzh: 特克斯\nen: Tekes\nug: تېكەس\nnote.zh: 县。\n"
     "note.en: A county.\nnote.ug: ناھىيە.\n",
     {"places.txt", 18, 4, E, "place 'tekes' has no shape on the map"},
     false},
    {"shape without card", "map/regions.geojson",
     "\"id\": \"rest\", \"context\": true", "\"id\": \"rest\"",
     {"map/regions.geojson", 4, 0, E, "map feature 'rest' has no card"},
     false},
    {"json syntax", "map/towns.geojson", "[81.3, 43.9]", "[81.3 43.9]",
     {"map/towns.geojson", 3, 56, E, "not valid JSON: ']' expected near "
                                    "'43.9'"}, false},
    {"not a collection", "map/borders.geojson", "FeatureCollection",
     "Feature", {"map/borders.geojson", 1, 1, E,
                 "must be a GeoJSON FeatureCollection"}, false},
    {"unknown geometry", "map/towns.geojson", "\"Point\"", "\"Circle\"",
     {"map/towns.geojson", 2, 1, E, "geometry type \"Circle\" is not "
                                    "supported; this file takes Point"},
     false},
    {"wrong geometry for file", "map/borders.geojson", "LineString",
     "Point", {"map/borders.geojson", 2, 1, E, "does not belong in this "
                                              "file"}, false},
    {"coordinates out of range", "map/towns.geojson", "[81.3, 43.9]",
     "[43.9, 181.3]", {"map/towns.geojson", 2, 1, E,
                       "outside longitude -180..180"}, false},
    {"unclosed ring", "map/regions.geojson", "[80, 44], [80, 43]]]",
     "[80, 44], [80, 43.5]]]", {"map/regions.geojson", 2, 1, E,
                                "the ring is not closed"}, false},
    {"short ring", "map/regions.geojson",
     "[[80, 43], [82, 43], [82, 44], [80, 44], [80, 43]]",
     "[[80, 43], [82, 43], [80, 43]]",
     {"map/regions.geojson", 2, 1, E, "needs at least 4 positions"}, false},
    {"empty geometry", "map/regions.geojson",
     "\"type\": \"Polygon\", \"coordinates\": [[[80, 43], [82, 43], "
     "[82, 44], [80, 44], [80, 43]]]",
     "\"type\": \"MultiPolygon\", \"coordinates\": []",
     {"map/regions.geojson", 2, 1, E, "empty geometry"}, false},
    {"null geometry", "map/towns.geojson",
     "{\"type\": \"Point\", \"coordinates\": [81.3, 43.9]}", "null",
     {"map/towns.geojson", 2, 1, E, "\"geometry\" is missing or null"},
     false},
    {"self-intersecting ring", "map/regions.geojson",
     "[[80, 43], [82, 43], [82, 44], [80, 44], [80, 43]]",
     "[[80, 43], [82, 44], [82, 43], [80, 44], [80, 43]]",
     {"map/regions.geojson", 2, 1, E, "a ring crosses or touches itself "
                                      "near [80, 43]"}, false},
    {"ring touching itself", "map/regions.geojson",
     "[[80, 43], [82, 43], [82, 44], [80, 44], [80, 43]]",
     "[[80, 43], [82, 43], [81, 43.5], [82, 44], [80, 44], [81, 43.5], "
     "[80, 43]]",
     {"map/regions.geojson", 2, 1, E, "crosses or touches itself"}, false},
    {"feature without id", "map/towns.geojson", "\"id\": \"yining\"",
     "\"name\": \"yining\"", {"map/towns.geojson", 2, 1, E,
                              "has no \"id\""}, false},
    {"duplicate map id", "map/towns.geojson", "\"id\": \"yining\"",
     "\"id\": \"yili\"", {"map/towns.geojson", 2, 1, E,
                          "id \"yili\" is used twice on the map"}, false},
    {"indented block", "places.txt", "## yining", "  ## yining",
     {"places.txt", 10, 3, E, "'##' must start the line"}, false},
    {"mention without text", "report/en.txt", "{Yili|yili}.", "{|yili}.",
     {"report/en.txt", 6, 15, E, "this mention shows no text"}, false},
    {"position not a pair", "map/towns.geojson", "[81.3, 43.9]", "[81.3]",
     {"map/towns.geojson", 2, 1, E, "a position must be [longitude, "
                                    "latitude]"}, false},
    {"no features", "map/borders.geojson",
     "{\"type\": \"Feature\", \"properties\": {\"id\": \"china-kazakhstan\", "
     "\"soviet_border_1962\": true},\n \"geometry\": {\"type\": "
     "\"LineString\", \"coordinates\": [[80, 43], [80, 44]]}}", "",
     {"map/borders.geojson", 1, 1, E, "this map file has no features"},
     false},
    {"not a feature", "map/towns.geojson", "\"type\": \"Feature\"",
     "\"type\": \"Thing\"", {"map/towns.geojson", 2, 1, E,
                             "must be an object with \"type\": "
                             "\"Feature\""}, false},
    /* characters no font can draw */
    {"tofu", "report/en.txt", "on 21 May", "on 21 \xE0\xBD\x80 May",
     {"report/en.txt", 5, 51, E, "no font of the exhibit can draw U+0F40"},
     false},
    /* characters typed in place of the format's own */
    {"full-width colon", "places.txt", "zh: 伊宁", "zh：伊宁",
     {"places.txt", 11, 3, E, "'zh' is followed by a full-width colon '：' "
                              "(U+FF1A) — type ':'"}, false},
    {"full-width space indent", "places.txt", "note.en: A town.",
     "note.en: A town.\n\xE3\x80\x80It grew.",
     {"places.txt", 16, 1, E, "a full-width space '\xE3\x80\x80' (U+3000) "
                              "— type an ordinary space starts this line; a "
                              "line that continues the one above starts "
                              "with two ordinary spaces"}, false},
    {"full-width hash", "report/en.txt", "## arrival", "＃＃ arrival",
     {"report/en.txt", 4, 1, E, "a full-width number sign '＃' (U+FF03) — "
                                "type '#'"}, false},
    {"id with a full-width space", "places.txt", "## yining",
     "## yining\xE3\x80\x80",
     {"places.txt", 10, 10, E, "found 'yining\xE3\x80\x80', with a "
                               "full-width space"}, false},
    /* text of a language with none of its script: a file saved as ANSI,
     * one error for the file (the rest in run_script_cases) */
    {"zh field of '?'", "places.txt", "zh: 伊宁", "zh: ??",
     {"places.txt", 11, 5, E, "this zh text has no Chinese characters, "
                              "only '?' where they were; the file was "
                              "probably saved as ANSI"}, false},
    {"'?' inside a Uyghur word", "report/ug.txt", "ھەققىدە", "ھەق?ىدە",
     {"report/ug.txt", 2, 16, E, "a '?' inside a Uyghur word (1 in this "
                                 "file"}, false},
    /* letters Uyghur writes differently, presentation forms */
    {"Arabic heh in Uyghur", "places.txt", "ug: غۇلجا", "ug: غۇلجه",
     {"places.txt", 13, 9, E, "an Arabic heh 'ه' (U+0647), which Uyghur "
                              "does not use — type ە (U+06D5) for the vowel "
                              "e"}, false},
    {"Persian kaf in Uyghur", "report/ug.txt", "دوكلات", "دوکلات",
     {"report/ug.txt", 2, 23, E, "a Persian kaf (keheh) 'ک' (U+06A9), which "
                                 "Uyghur does not use — type ك (U+0643)"},
     false},
    {"Persian yeh in Uyghur", "places.txt", "ug: ئىلى", "ug: ئىلی",
     {"places.txt", 4, 8, E, "a Persian yeh 'ی' (U+06CC), which Uyghur does "
                             "not use — type ى (U+0649) for the vowel i"},
     false},
    {"Arabic-Indic digit in Uyghur", "report/ug.txt", "21-ماي",
     "\xD9\xA2\xD9\xA1-ماي",
     {"report/ug.txt", 5, 9, W, "an Arabic-Indic digit '\xD9\xA2' "
                                 "(U+0662); Uyghur text writes the digits "
                                 "0-9 — type '2'"}, true},
    {"presentation forms in Uyghur", "report/ug.txt", "دوكلات",
     "ﺩﻭﻛﻼﺕ",
     {"report/ug.txt", 2, 21, E, "an Arabic presentation form 'ﺩ' (U+FEA9), "
                                 "the drawn shape of 'د' rather than the "
                                 "letter (5 such characters in this file"},
     false},
    /* place marks where none is allowed */
    {"mark in a card note", "places.txt", "note.en: A region.",
     "note.en: {Yili|yili} is a region.",
     {"places.txt", 6, 10, E, "a place mark '{Yili|yili}' — marks work only "
                              "in the report files; here it would show as "
                              "typed, braces and all: write the plain text "
                              "'Yili'"}, false},
    {"mark in About", "about.txt", "text.en: Test.",
     "text.en: Test.\n  See {Yining|yining}.",
     {"about.txt", 7, 7, E, "a place mark '{Yining|yining}'"}, false},
    /* an unknown file is a warning with a suggestion */
    {"unknown file", "places.txt", NULL, "", {"", 0, 0, W, ""}, true},
};

static void run_edit_cases(void)
{
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const struct edit_case *c = &cases[i];
        if (!c->e.file[0] || !c->e.line)
            continue; /* cases with their own checks below */
        const char *dir = fresh();
        edit(dir, c->file, c->find, c->repl);
        expect_diag(c->name, dir, c->e, c->valid);
    }
}

/* Diagnostics that carry no fixed line (end of file, whole file). */
static void run_other_cases(void)
{
    const char *dir = fresh();
    edit(dir, "strings.txt", "## home.map", "## home.mapp");
    size_t len;
    char path[1024];
    snprintf(path, sizeof path, "%s/strings.txt", dir);
    char *s = slurp(path, &len);
    unsigned lines = 0, map_line = 0, last = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\n')
            lines++;
        else if (s[i] != ' ')
            last = lines + 1; /* the last line with something on it */
        if (!map_line && strncmp(s + i, "## home.mapp", 12) == 0)
            map_line = lines + 1;
    }
    free(s);
    expect_diag("unused string id", dir,
                (struct expect){"strings.txt", map_line, 4, W,
                                "never shows 'home.mapp' — did you mean "
                                "'home.map'?"}, false);
    expect_diag("missing string id", dir,
                (struct expect){"strings.txt", last, 0, E,
                                "interface string 'home.map' is missing"},
                false);

    dir = fresh();
    edit(dir, "strings.txt", "en: {km} km", "en: {kms} km");
    snprintf(path, sizeof path, "%s/strings.txt", dir);
    s = slurp(path, &len);
    unsigned line = 1;
    for (char *p = s; p < strstr(s, "en: {kms} km"); p++)
        line += *p == '\n';
    free(s);
    expect_diag("placeholder mismatch", dir,
                (struct expect){"strings.txt", line + 1, 5, E,
                                "placeholders '{km}' but the English has "
                                "'{kms}'"}, false);

    dir = fresh();
    edit(dir, "about.txt", "## citation", "title.en: About\n## citation");
    expect_diag("field outside block", dir,
                (struct expect){"about.txt", 1, 1, E,
                                "'title.en:' outside a block"}, false);

    dir = fresh();
    sh("touch '%s/plcaes.txt'", dir);
    expect_diag("unknown file", dir,
                (struct expect){"plcaes.txt", 0, 0, W,
                                "unknown file, ignored — did you mean "
                                "'places.txt'?"}, true);

    dir = fresh();
    sh("rm '%s/about.txt'", dir);
    expect_diag("missing file", dir,
                (struct expect){"about.txt", 0, 0, E, "this file is missing"},
                false);

    /* Invalid UTF-8 in each kind of file, at a known line and column. */
    FILE *f;
    static const char *const kinds[] = {"exhibit.txt", "places.txt",
                                        "report/ug.txt",
                                        "map/towns.geojson"};
    for (size_t k = 0; k < 4; k++) {
        dir = fresh();
        snprintf(path, sizeof path, "%s/%s", dir, kinds[k]);
        f = fopen(path, "ab");
        fputs("ab\xC3\x28z\n", f);
        fclose(f);
        s = slurp(path, &len);
        unsigned l = 0;
        for (size_t i = 0; i < len; i++)
            l += s[i] == '\n';
        free(s);
        char what[64];
        snprintf(what, sizeof what, "invalid UTF-8 in %s", kinds[k]);
        expect_diag(what, dir,
                    (struct expect){kinds[k], l, 3, E,
                                    "byte 0xC3 is not UTF-8"}, false);
    }

    /* NUL bytes (a UTF-16 file from a Windows editor). */
    dir = fresh();
    snprintf(path, sizeof path, "%s/places.txt", dir);
    spit(path, "\xFF\xFE#\0 \0", 6);
    expect_diag("UTF-16 file", dir,
                (struct expect){"places.txt", 0, 0, E,
                                "saved as UTF-16; save it as UTF-8"},
                false);

    /* A NUL byte inside a text file, at its position. */
    dir = fresh();
    snprintf(path, sizeof path, "%s/about.txt", dir);
    f = fopen(path, "ab");
    fwrite("text.xx: a\0b\n", 1, 14, f);
    fclose(f);
    expect_diag("NUL byte", dir,
                (struct expect){"about.txt", 8, 11, E,
                                "contains NUL bytes; is it a text file?"},
                false);

    /* Passages in another order than English: a warning, still valid. */
    dir = fresh();
    edit(dir, "report/ug.txt", "## title\n{ئىلى|yili} ھەققىدە دوكلات.\n\n",
         "");
    edit(dir, "report/ug.txt", NULL,
         "\n## title\n{ئىلى|yili} ھەققىدە دوكلات.\n");
    expect_diag("passage order", dir,
                (struct expect){"report/ug.txt", 4, 1, W,
                                "different order than in report/en.txt"},
                true);
}

/* dir/file as Notepad's ANSI on a Western Windows leaves it: every
 * character outside ASCII a '?'. */
static void save_as_ansi(const char *dir, const char *file)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    size_t len, o = 0;
    char *s = slurp(path, &len);
    for (size_t i = 0; s && i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80)
            s[o++] = (char)c;
        else if ((c & 0xC0) != 0x80)
            s[o++] = '?';
    }
    if (s)
        spit(path, s, o);
    free(s);
}

/* The diagnostics of loading dir whose message has `words`. */
static size_t count_diags(const char *dir, const char *words, size_t *all)
{
    struct diag_list d;
    diag_list_init(&d);
    struct exhibit *ex = content_load(dir, fonts, &d);
    size_t n = 0;
    for (size_t i = 0; i < d.count; i++)
        n += strstr(d.items[i].message, words) != NULL;
    *all = d.errors + d.warnings;
    content_destroy(ex);
    diag_list_fini(&d);
    return n;
}

/* Files saved as ANSI, empty files, a long note, a long line quoted. */
static void run_script_cases(void)
{
    const char *dir = fresh();
    save_as_ansi(dir, "report/zh.txt");
    expect_diag("report/zh.txt saved as ANSI", dir,
                (struct expect){"report/zh.txt", 2, 1, E,
                                "the zh text in report/zh.txt has no "
                                "Chinese characters — 2 passages have only "
                                "'?' where they were (this is the first); "
                                "the file was probably saved as ANSI"},
                false);
    size_t all;
    CHECK(count_diags(dir, "no Chinese characters", &all) == 1 && all == 1,
          "a zh report saved as ANSI is one error (%zu in all)", all);

    dir = fresh();
    save_as_ansi(dir, "exhibit.txt");
    expect_diag("exhibit.txt saved as ANSI (zh)", dir,
                (struct expect){"exhibit.txt", 2, 11, E,
                                "the zh text in exhibit.txt has no Chinese "
                                "characters — 1 field has only '?'"}, false);
    expect_diag("exhibit.txt saved as ANSI (ug)", dir,
                (struct expect){"exhibit.txt", 4, 11, E,
                                "the ug text in exhibit.txt has no Uyghur "
                                "letters — 1 field has only '?'"}, false);

    dir = fresh();
    save_as_ansi(dir, "places.txt");
    expect_diag("places.txt saved as ANSI", dir,
                (struct expect){"places.txt", 2, 5, E,
                                "the zh text in places.txt has no Chinese "
                                "characters — 4 fields have only '?'"},
                false);

    /* An empty file is one error, whatever the others expect of it. */
    static const char *const empties[] = {"places.txt", "strings.txt",
                                          "report/en.txt", "about.txt"};
    for (size_t i = 0; i < 4; i++) {
        dir = fresh();
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, empties[i]);
        spit(path, i == 1 ? "# only a comment\n\n" : "", i == 1 ? 18 : 0);
        char what[64];
        snprintf(what, sizeof what, "empty %s", empties[i]);
        expect_diag(what, dir, (struct expect){empties[i], 0, 0, E,
                                               "this file is empty"}, false);
        count_diags(dir, "", &all);
        CHECK(all == 1, "an empty %s is one error, not %zu", empties[i],
              all);
    }

    /* A 1,990-character note: a warning with its measure; still valid. */
    dir = fresh();
    char note[2100];
    size_t n = 0;
    while (n + 10 < 2000)
        n += (size_t)snprintf(note + n, sizeof note - n, "Word word. ");
    char repl[2200];
    snprintf(repl, sizeof repl, "note.en: %s", note);
    edit(dir, "places.txt", "note.en: A town.", repl);
    expect_diag("a note too long for the card", dir,
                (struct expect){"places.txt", 15, 10, W,
                                "this note (yining note.en, 1990 characters) "
                                "takes"}, true);
    expect_diag("a note too long for the card: its measure", dir,
                (struct expect){"places.txt", 15, 10, W,
                                "lines on the place card of the 7-inch "
                                "panel"}, true);

    /* A 1,200-character line is quoted as 60 characters around the
     * column, the caret under the offending character. */
    dir = fresh();
    snprintf(repl, sizeof repl, "note.en: %.1140s{Yili|yili} the end.",
             note);
    edit(dir, "places.txt", "note.en: A town.", repl);
    struct diag_list d;
    diag_list_init(&d);
    content_destroy(content_load(dir, fonts, &d));
    char *out = NULL;
    size_t out_len = 0;
    FILE *f = open_memstream(&out, &out_len);
    diag_list_print(&d, f);
    fclose(f);
    const char *at = strstr(out, ":15:1150: error: a place mark");
    const char *quote = at ? strchr(at, '\n') + 1 : NULL;
    const char *caret = quote ? strchr(quote, '\n') + 1 : NULL;
    const char *end = caret ? strchr(caret, '\n') : NULL;
    bool ok = end != NULL;
    size_t quote_chars = 0, caret_col = 0, brace_col = 0;
    for (const char *p = quote; ok && p < caret - 1; p++) {
        if (((unsigned char)*p & 0xC0) != 0x80)
            quote_chars++;
        if (*p == '{')
            brace_col = quote_chars;
    }
    for (const char *p = caret; ok && p < end && *p == ' '; p++)
        caret_col++;
    CHECK(ok && strncmp(quote, "    \xE2\x80\xA6", 7) == 0 &&
              quote_chars <= 4 + 62 && brace_col == caret_col + 1 &&
              caret[caret_col] == '^',
          "a long line is quoted short (%zu characters), the caret under "
          "the '{' (column %zu of the quote, caret at %zu)", quote_chars,
          brace_col, caret_col + 1);
    if (!ok)
        fputs(out ? out : "", stderr);
    free(out);
    diag_list_fini(&d);
}

/* A BOM, CRLF line ends and decomposed text are all accepted. */
static void test_forgiving(void)
{
    const char *dir = fresh();
    char path[1024];
    snprintf(path, sizeof path, "%s/report/en.txt", dir);
    size_t len;
    char *s = slurp(path, &len);
    char *out = malloc(len * 2 + 8);
    size_t o = 0;
    memcpy(out, "\xEF\xBB\xBF", 3);
    o = 3;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\n')
            out[o++] = '\r';
        out[o++] = s[i];
    }
    spit(path, out, o);
    free(s);
    free(out);
    edit(dir, "report/en.txt", "A report", "A re\xCC\x81port"); /* e + ́ */
    struct diag_list d;
    diag_list_init(&d);
    struct exhibit *ex = content_load(dir, fonts, &d);
    CHECK(ex && d.count == 0, "BOM + CRLF + decomposed text load cleanly");
    if (!ex) {
        diag_list_print(&d, stderr);
    } else {
        const struct content_text *t = &ex->passages[0].text[TEXT_LANG_EN];
        CHECK(strncmp(t->text, "A r\xC3\xA9port on Yili", 18) == 0,
              "text is NFC and markup-free: '%s'", t->text);
        CHECK(t->mention_count == 1 &&
                  strncmp(t->text + t->mentions[0].start, "Yili", 4) == 0 &&
                  t->mentions[0].end - t->mentions[0].start == 4 &&
                  strcmp(ex->places[t->mentions[0].place].id, "yili") == 0,
              "the mention covers 'Yili' and links to the place yili");
        const struct content_text *a = &ex->passages[1].text[TEXT_LANG_EN];
        CHECK(strstr(a->text, "21 May. It went") != NULL,
              "lines of a passage are joined with one space: %s", a->text);
        CHECK(ex->settings.idle_timeout_s == 90 &&
                  ex->settings.default_lang == TEXT_LANG_EN,
              "settings read");
        CHECK(strcmp(content_string(ex, "home.map", TEXT_LANG_EN),
                     "Explore the map") == 0 ||
                  strlen(content_string(ex, "home.map", TEXT_LANG_EN)) > 0,
              "strings read");
        const struct content_place *y = content_place(ex, "yining");
        CHECK(y && y->feature >= 0 &&
                  ex->map.features[y->feature].kind == CONTENT_TOWN,
              "place yining is linked to its town on the map");
    }
    content_destroy(ex);
    diag_list_fini(&d);
}

/* Hostile folders, one row each: how it is made -- a shell command run in
 * a fresh copy of the minimal exhibit (NULL: no copy) --, what is loaded
 * (NULL: the copy; a path in it; an absolute path), the file the
 * diagnostic names (NULL: what is loaded) and the words it must have.
 * Each must be refused with that message, within a second, without the
 * peak memory growing by 64 MiB. */
struct hostile_case {
    const char *name, *make, *load, *file, *words;
};

static const struct hostile_case hostile_cases[] = {
    {"a 50 MB file", "truncate -s 50M report/en.txt", NULL, "report/en.txt",
     "the limit is 1.0 MiB"},
    {"a file of NUL bytes", "head -c 4096 /dev/zero > strings.txt", NULL,
     "strings.txt", "NUL bytes"},
    {"JSON nested 100,000 deep",
     "{ head -c 100000 /dev/zero | tr '\\0' '['; "
     "head -c 100000 /dev/zero | tr '\\0' ']'; } > map/regions.geojson",
     NULL, "map/regions.geojson", "not valid JSON"},
    {"GeoJSON with 1,000,000 points",
     "{ printf '%s' '{\"type\":\"FeatureCollection\",\"features\":"
     "[{\"type\":\"Feature\",\"properties\":{\"id\":\"yining\"},"
     "\"geometry\":{\"type\":\"MultiPoint\",\"coordinates\":[[1,2]'; "
     "yes ',[1,2]' | head -n 999999 | tr -d '\\n'; printf ']}}]}'; } "
     "> map/towns.geojson",
     NULL, "map/towns.geojson", "the limit is 500000 points"},
    {"a link leaving the folder",
     "rm places.txt && ln -s /etc/passwd places.txt", NULL, "places.txt",
     "this file is a link (to '/etc/passwd')"},
    /* A link anywhere in a content path is refused, inside the folder
     * too: the folder must be what it seems, not a view of another. */
    {"a link to a file inside the folder",
     "mv places.txt places.real && ln -s places.real places.txt", NULL,
     "places.txt", "this file is a link (to 'places.real')"},
    {"map/ a link to a folder outside",
     "mkdir -p \"$PWD.outside\" && cp -R map/. \"$PWD.outside/\" && "
     "rm -r map && ln -s \"$PWD.outside\" map",
     NULL, "map/regions.geojson", "the folder 'map' is a link"},
    {"report/ a link to a folder inside",
     "mv report report.real && ln -s report.real report", NULL,
     "report/en.txt", "the folder 'report' is a link (to 'report.real')"},
    {"a file name with a newline", "touch \"$(printf 'bad\\nname.txt')\"",
     NULL, NULL, "'bad\\x0Aname.txt' contains a line break"},
    {"an empty folder", "rm -r ./* ./.[!.]* 2>/dev/null; true", NULL, NULL,
     "the content folder is empty"},
    {"too many files",
     "for i in $(seq 0 69); do touch \"$(printf 'extra%02d.txt' $i)\"; "
     "done",
     NULL, NULL, "more than 64 entries"},
    /* 100,000 broken lines, then 100,000 blocks: checked in bounded time,
     * the first problems kept, the rest counted. */
    {"100,000 broken lines", "yes bad | head -n 100000 >> places.txt", NULL,
     "places.txt", "expected 'key: value'"},
    {"100,000 passages", "seq 0 99999 | sed 's/^/## p/' >> report/en.txt",
     NULL, "report/en.txt", "more than 2000 blocks in one file"},
    {"a passage of 20,001 characters",
     "{ printf '\\n## long\\n'; yes '\xE5\xB7\xA5' | head -n 20001 | "
     "tr -d '\\n'; } >> report/en.txt", /* 工 */
     NULL, "report/en.txt", "is 20001 characters long; the limit is 20000"},
    {"501 passages",
     "for i in $(seq 0 500); do printf '\\n## extra-%d\\nText.\\n' $i; "
     "done >> report/en.txt",
     NULL, "report/en.txt", "more than 500 passages"},
    {"a file given as the folder", "true", "places.txt", "places.txt",
     "this is a file, not a content folder"},
    {"no such folder", NULL, "/nonexistent/content", "/nonexistent",
     "there is no content folder here"},
    {"a folder in place of a file", "rm about.txt && mkdir about.txt", NULL,
     "about.txt", "not a regular file"},
    {"a pipe in place of a file", "rm about.txt && mkfifo about.txt", NULL,
     "about.txt", "not a regular file"},
};

/* Makes and loads one hostile folder; three checks. */
static void hostile(const struct hostile_case *c)
{
    char load[1024];
    const char *dir = c->make ? fresh() : "";
    if (c->make && proc_sh("cd '%s' && %s", dir, c->make) != 0)
        fprintf(stderr, "%s: not made: %s\n", c->name, c->make);
    if (!c->load)
        snprintf(load, sizeof load, "%s", dir);
    else if (c->load[0] == '/')
        snprintf(load, sizeof load, "%s", c->load);
    else
        snprintf(load, sizeof load, "%s/%s", dir, c->load);
    const char *file = c->file ? c->file : load;

    struct diag_list d;
    diag_list_init(&d);
    struct rusage before, after;
    getrusage(RUSAGE_SELF, &before);
    double t0 = proc_now();
    struct exhibit *ex = content_load(load, fonts, &d);
    double t = proc_now() - t0;
    getrusage(RUSAGE_SELF, &after);
    long grew_kb = after.ru_maxrss - before.ru_maxrss;
    CHECK(grew_kb < 64 * 1024, "%s: peak memory grew by %ld KiB", c->name,
          grew_kb);
    bool found = false;
    for (size_t i = 0; i < d.count && !found; i++)
        found = strstr(d.items[i].path, file) &&
                strstr(d.items[i].message, c->words);
    CHECK(!ex && found, "%s: refused with '%s' on %s", c->name, c->words,
          file);
    CHECK(t < 1.0, "%s: refused in %.3f s", c->name, t);
    if (!found)
        diag_list_print(&d, stderr);
    content_destroy(ex);
    diag_list_fini(&d);
}

static void test_hostile(void)
{
    for (size_t i = 0; i < sizeof hostile_cases / sizeof *hostile_cases; i++)
        hostile(&hostile_cases[i]);
}

/* Names that could show as something they are not, in the folder or in
 * report/: each refused, named escaped, with the reason -- two hostile
 * folders a name. */
static void test_hostile_names(void)
{
    static const struct {
        const char *name, *shown, *why;
    } names[] = {
        {"a\rb.txt", "a\\x0Db.txt", "a line break (U+000D)"},
        {"\x1B[2Jclear", "\\x1B[2Jclear", "a control character (U+001B)"},
        {"c1\xC2\x9B.txt", "c1\\u009B.txt", "a control character (U+009B)"},
        {"txt\xE2\x80\xAE" "exe.md", "txt\\u202Eexe.md",
         "a bidirectional control (U+202E)"},
        {"\xE2\x80\x8F" "rlm", "\\u200Frlm",
         "a bidirectional control (U+200F)"},
        {"\xD8\xA6\xD9\x89\xD8\x9C.txt",
         "\xD8\xA6\xD9\x89\\u061C.txt", "a bidirectional control (U+061C)"},
        {"latin1-\xE9.txt", "latin1-\\xE9.txt",
         "bytes that are not UTF-8 (\\xE9)"},
    };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        for (int in_report = 0; in_report < 2; in_report++) {
            const char *where = in_report ? "report/" : "";
            char make[300], words[300];
            snprintf(make, sizeof make, "touch '%s%s'", where,
                     names[i].name);
            snprintf(words, sizeof words, "the file name '%s%s' contains %s",
                     where, names[i].shown, names[i].why);
            hostile(&(struct hostile_case){names[i].why, make, NULL, NULL,
                                           words});
        }
    }
}

/* The shipped exhibit: no errors, no warnings, and every English passage
 * is the archive's text, word for word. */
static void test_shipped(void)
{
    struct diag_list d;
    diag_list_init(&d);
    struct exhibit *ex = content_load("content", fonts, &d);
    CHECK(ex && d.errors == 0 && d.warnings == 0,
          "content/ loads with %zu errors and %zu warnings", d.errors,
          d.warnings);
    diag_list_print(&d, stderr);
    diag_list_fini(&d);
    if (!ex)
        return;
    CHECK(ex->passage_count >= 14 && ex->place_count >= 11,
          "%u passages, %u places", ex->passage_count, ex->place_count);
    /* Whitespace-normalised English against the seed's body. */
    size_t len;
    /* tests/content/seed-report.txt is the archive's page as received
     * (shared/seed/000_48df7e7166382adb.txt). */
    char path[512];
    snprintf(path, sizeof path, "%s/content/seed-report.txt",
             check_test_dir());
    char *seed = check_read_file(path, &len);
    CHECK(seed != NULL, "the seed text %s is readable", path);
    if (seed) {
        const char *start = strstr(seed, "[...]\n");
        start = start ? strstr(start + 6, "Report on the Operations") : NULL;
        const char *end = start ? strstr(start, "[...]") : NULL;
        char *want = malloc(len + 1), *got = malloc(len * 2 + 1);
        size_t w = 0, g = 0;
        for (const char *p = start; p && p < end; p++) {
            bool space = *p == ' ' || *p == '\n' || *p == '\t';
            if (space) {
                if (w && want[w - 1] != ' ')
                    want[w++] = ' ';
            } else {
                want[w++] = *p;
            }
        }
        while (w && want[w - 1] == ' ')
            w--;
        want[w] = '\0';
        for (uint32_t i = 0; i < ex->passage_count; i++) {
            const char *t = ex->passages[i].text[TEXT_LANG_EN].text;
            for (const char *p = t; *p; p++) {
                bool space = *p == ' ' || *p == '\n';
                if (space) {
                    if (g && got[g - 1] != ' ')
                        got[g++] = ' ';
                } else {
                    got[g++] = *p;
                }
            }
            if (g && got[g - 1] != ' ')
                got[g++] = ' ';
        }
        while (g && got[g - 1] == ' ')
            g--;
        got[g] = '\0';
        size_t k = 0;
        while (k < w && k < g && want[k] == got[k])
            k++;
        CHECK(w > 5000 && strcmp(want, got) == 0,
              "the English passages are the seed text word for word "
              "(first difference at character %zu: '%.40s' vs '%.40s')", k,
              want + k, got + k);
        free(want);
        free(got);
        free(seed);
    }
    /* Every passage has all three texts, and every language marks the
     * same places. */
    bool complete = true, same_places = true;
    for (uint32_t i = 0; i < ex->passage_count; i++) {
        const struct content_passage *p = &ex->passages[i];
        for (int l = 0; l < CONTENT_LANGS; l++)
            complete &= p->text[l].len > 0;
        for (int l = 0; l < CONTENT_LANGS; l++) {
            for (uint32_t m = 0; m < p->text[l].mention_count; m++) {
                bool in_en = false;
                const struct content_text *en = &p->text[TEXT_LANG_EN];
                for (uint32_t k = 0; k < en->mention_count; k++)
                    in_en |= en->mentions[k].place ==
                             p->text[l].mentions[m].place;
                same_places &= in_en || l == TEXT_LANG_UG;
            }
        }
    }
    CHECK(complete, "every passage has zh, en and ug text");
    CHECK(same_places, "zh marks only places the English marks");
    content_destroy(ex);
}

int main(void)
{
    struct diag_list d;
    diag_list_init(&d);
    fonts = text_fonts_load("fonts/manifest.txt", &d);
    diag_list_fini(&d);
    if (!fonts)
        return 1;
    snprintf(tmp_root, sizeof tmp_root, "/tmp/kiosk-test-content-XXXXXX");
    if (!mkdtemp(tmp_root))
        return 1;
    run_edit_cases();
    run_other_cases();
    run_script_cases();
    test_forgiving();
    test_hostile();
    test_hostile_names();
    test_shipped();
    sh("rm -rf '%s'", tmp_root);
    text_fonts_destroy(fonts);
    return check_finish("test_content");
}
