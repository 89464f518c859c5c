/* test_stats.c: usage statistics: recording, the line format, day files,
 * corruption, bounds, rotation, export and summary, failures. */
#define _XOPEN_SOURCE 700
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <inttypes.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "state/stats.h"
#include "state/stats_reader.h"
#include "check.h"
#include "core/log.h"

/* 2024-05-30T10:20:00Z */
#define T0 INT64_C(1717064400)
#define DAY INT64_C(86400)

/* ---- helpers ----------------------------------------------------------- */

static int rm_entry(const char *path, const struct stat *st, int flag,
                    struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    chmod(path, 0700);
    return remove(path);
}

static void rm_tree(const char *dir)
{
    nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static char *make_state(void)
{
    static char dir[64];
    snprintf(dir, sizeof dir, "/tmp/test_stats.XXXXXX");
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        exit(1);
    }
    return dir;
}

static void day_path(char *out, size_t size, const char *state,
                     const char *date)
{
    snprintf(out, size, "%s/stats/%s.log", state, date);
}

static long file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

static void write_file(const char *path, const char *data, size_t len,
                       const char *mode)
{
    FILE *f = fopen(path, mode);
    if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
        perror(path);
        exit(1);
    }
}

static size_t count_day_files(const char *state)
{
    char dir[128];
    snprintf(dir, sizeof dir, "%s/stats", state);
    DIR *d = opendir(dir);
    size_t n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)))
        n += strlen(e->d_name) == 14 && strstr(e->d_name, ".log");
    if (d)
        closedir(d);
    return n;
}

static bool ids_equal(const struct stats_ids *a, const struct stats_ids *b)
{
    if (a->count != b->count)
        return false;
    for (uint32_t i = 0; i < a->count; i++)
        if (strcmp(a->id[i], b->id[i]) != 0)
            return false;
    return true;
}

static bool screens_equal(const struct stats_screens *a,
                          const struct stats_screens *b)
{
    if (a->count != b->count)
        return false;
    for (uint32_t i = 0; i < a->count; i++)
        if (strcmp(a->screen[i].name, b->screen[i].name) != 0 ||
            a->screen[i].shown != b->screen[i].shown)
            return false;
    return true;
}

static bool session_equal(const struct stats_session *a,
                          const struct stats_session *b)
{
    return a->start == b->start && a->duration_s == b->duration_s &&
           a->ended == b->ended && a->has_lang == b->has_lang &&
           (!a->has_lang || a->lang == b->lang) &&
           a->lang_changed == b->lang_changed &&
           screens_equal(&a->screens, &b->screens) &&
           ids_equal(&a->places, &b->places) &&
           ids_equal(&a->passages, &b->passages);
}

/* Sessions collected by stats_read_day. */
struct got {
    struct stats_session s[64];
    size_t n;
};

static void collect(const struct stats_session *s, void *ctx)
{
    struct got *g = ctx;
    if (g->n < 64)
        g->s[g->n] = *s;
    g->n++;
}

/* The example session of the header: en, then zh; home, reader twice;
 * two places (one tapped twice) and a passage; 95 s. */
static void session_a(struct stats_session *s, int64_t start)
{
    stats_session_begin(s, start);
    stats_session_lang(s, "en");
    stats_session_screen(s, "home");
    stats_session_screen(s, "reader");
    stats_session_screen(s, "reader");
    stats_session_lang(s, "zh");
    stats_session_place(s, "yili");
    stats_session_place(s, "urumqi");
    stats_session_place(s, "yili");
    stats_session_passage(s, "arrival");
    stats_session_end(s, start + 95);
}

/* A short one: Uyghur throughout, the map, nothing tapped. */
static void session_b(struct stats_session *s, int64_t start)
{
    stats_session_begin(s, start);
    stats_session_lang(s, "ug");
    stats_session_lang(s, "ug");
    stats_session_screen(s, "map");
    stats_session_end(s, start + 12);
}

/* The screens the S1 format was made with, in its order. */
static const char *const s1_screens[] = {"attract", "home", "reader", "map",
                                         "about"};

/* The longest line there is: as many screens as are kept, the longest
 * names, each shown more often than counted; every list full of 63-byte
 * ids. */
static void session_big(struct stats_session *s, int64_t start)
{
    stats_session_begin(s, start);
    stats_session_lang(s, "en");
    for (int i = 0; i < STATS_MAX_SCREENS; i++) {
        char name[STATS_SCREEN_NAME_SIZE] =
            "00-screen-with-a-long-name.abcd";
        name[0] = (char)('0' + i / 10);
        name[1] = (char)('0' + i % 10);
        const char *n = i < 5 ? s1_screens[i] : name;
        for (int k = 0; k < 70000; k++)
            stats_session_screen(s, n);
    }
    for (unsigned i = 0; i < STATS_MAX_IDS; i++) {
        char id[STATS_ID_SIZE] =
            "00-place-with-a-very-long-id.abcdefghijklmnopqrstuvwxyz01234567";
        id[0] = (char)('0' + i / 10);
        id[1] = (char)('0' + i % 10);
        stats_session_place(s, id);
        id[2] = 'p';
        stats_session_passage(s, id);
    }
    stats_session_end(s, start + INT64_C(5000000000)); /* clamped */
}

/* ---- recording --------------------------------------------------------- */

static void test_record(void)
{
    struct stats_session s;
    stats_session_begin(&s, T0);
    CHECK(s.start == T0 && !s.ended && !s.has_lang,
          "begin: start %lld", (long long)s.start);
    CHECK(stats_session_lang(&s, "en") && s.has_lang &&
          s.lang == TEXT_LANG_EN && !s.lang_changed,
          "first language is no change");
    CHECK(stats_session_lang(&s, "en") && !s.lang_changed,
          "same language again is no change");
    CHECK(!stats_session_lang(&s, "fr") && !stats_session_lang(&s, "EN") &&
          !stats_session_lang(&s, "") && s.lang == TEXT_LANG_EN,
          "unknown codes refused, nothing recorded");
    CHECK(stats_session_lang(&s, "ug") && s.lang == TEXT_LANG_UG &&
          s.lang_changed, "a different language is a change");

    CHECK(stats_session_screen(&s, "map") && stats_session_screen(&s, "map") &&
          stats_session_shown(&s, "map") == 2 &&
          stats_session_shown(&s, "home") == 0, "screens counted");
    static const char *const bad_screen[] = {
        "", "Map", "a b", "a\tb", "a:b", "a;b", "a,b", "a/b", "\xe4\xbc\x8a",
        "01234567890123456789012345678901", /* 32 bytes */
    };
    for (size_t i = 0; i < sizeof bad_screen / sizeof *bad_screen; i++)
        CHECK(!stats_session_screen(&s, bad_screen[i]) &&
                  stats_session_shown(&s, bad_screen[i]) == 0,
              "screen name %zu refused", i);
    CHECK(stats_session_screen(&s, "settings") &&
              stats_session_screen(&s, "0123456789012345678901234567890") &&
              stats_session_shown(&s, "settings") == 1,
          "any valid name is a screen, up to 31 bytes");
    CHECK(s.screens.count == 3 &&
              strcmp(s.screens.screen[0].name, "map") == 0 &&
              strcmp(s.screens.screen[1].name,
                     "0123456789012345678901234567890") == 0 &&
              strcmp(s.screens.screen[2].name, "settings") == 0,
          "kept in the line's order: S1's screens, then by name");
    for (unsigned i = 0; i < 20; i++) {
        char name[16];
        snprintf(name, sizeof name, "s%u", i);
        stats_session_screen(&s, name);
    }
    CHECK(s.screens.count == STATS_MAX_SCREENS &&
              !stats_session_screen(&s, "one-more") &&
              stats_session_screen(&s, "map") &&
              stats_session_shown(&s, "map") == 3,
          "at most %d screens; a known one still counted", STATS_MAX_SCREENS);

    static const char *const bad[] = {
        "", "Yili", "a b", "a\tb", "a\nb", "a;b", "a,b", "a:b", "a/b",
        "\xe4\xbc\x8a", "a\"b", "a\\b",
        "0123456789012345678901234567890123456789012345678901234567890123",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        CHECK(!stats_session_place(&s, bad[i]) &&
              !stats_session_passage(&s, bad[i]),
              "id %zu refused", i);
    }
    CHECK(s.places.count == 0 && s.passages.count == 0, "nothing recorded");
    CHECK(stats_session_place(&s,
          "012345678901234567890123456789012345678901234567890123456789012"),
          "63-byte id accepted");
    CHECK(stats_session_place(&s, "altay-city") &&
          stats_session_place(&s, "v1.2") &&
          stats_session_place(&s, "altay-city") && s.places.count == 3 &&
          strcmp(s.places.id[1], "altay-city") == 0,
          "ids kept once, in first-tap order");
    for (unsigned i = 0; i < 40; i++) {
        char id[16];
        snprintf(id, sizeof id, "p%u", i % 100);
        stats_session_passage(&s, id);
    }
    CHECK(s.passages.count == STATS_MAX_IDS &&
          !stats_session_passage(&s, "one-more") &&
          stats_session_passage(&s, "p0"),
          "at most %d ids; a known one still fine", STATS_MAX_IDS);

    stats_session_end(&s, T0 + 61);
    CHECK(s.ended && s.duration_s == 61, "duration %u", s.duration_s);
    stats_session_end(&s, T0 - 3600);
    CHECK(s.duration_s == 0, "clock set back: duration 0, not negative");
    stats_session_begin(&s, -5);
    CHECK(s.start == 0, "start before 1970 clamped");
}

static void test_dates(void)
{
    static const struct {
        int64_t t;
        const char *date;
    } cases[] = {
        {0, "1970-01-01"},
        {86399, "1970-01-01"},
        {86400, "1970-01-02"},
        {951825600, "2000-02-29"},
        {1717113599, "2024-05-30"},
        {1717113600, "2024-05-31"},
        {4107542400, "2100-03-01"},
        {STATS_TIME_MAX, "9999-12-31"},
    };
    /* The kiosk's time zone must not matter. */
    setenv("TZ", "UTC-8", 1);
    tzset();
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char d[11];
        stats_utc_date(cases[i].t, d);
        CHECK(strcmp(d, cases[i].date) == 0, "date of %lld: %s, want %s",
              (long long)cases[i].t, d, cases[i].date);
    }
}

/* ---- the line ---------------------------------------------------------- */

static const char golden_a[] =
    "S1\t1717064400\t95\tzh\t1\thome:1;reader:2\tyili;urumqi\tarrival\t"
    "a4676dc3\n";

static void test_line(void)
{
    struct stats_session a, b, big, p;
    char buf[STATS_LINE_MAX];
    session_a(&a, T0);
    size_t n = stats_format_line(&a, buf, sizeof buf);
    CHECK(n == strlen(golden_a) && memcmp(buf, golden_a, n) == 0,
          "session A line: %.*s", (int)n, buf);
    CHECK(stats_parse_line(buf, n - 1, &p) && session_equal(&a, &p),
          "session A parsed back");

    session_b(&b, T0 + 600);
    n = stats_format_line(&b, buf, sizeof buf);
    CHECK(n && strncmp(buf, "S1\t1717065000\t12\tug\t0\tmap:1\t\t\t", 30) == 0,
          "session B line: %.*s", (int)n, buf);
    CHECK(stats_parse_line(buf, n - 1, &p) && session_equal(&b, &p),
          "session B parsed back");

    struct stats_session none;
    stats_session_begin(&none, 0);
    stats_session_end(&none, 0);
    n = stats_format_line(&none, buf, sizeof buf);
    CHECK(n && strncmp(buf, "S1\t0\t0\t\t0\t\t\t\t", 13) == 0 &&
          stats_parse_line(buf, n - 1, &p) && session_equal(&none, &p),
          "empty session round trip: %.*s", (int)n, buf);

    session_big(&big, STATS_TIME_MAX);
    n = stats_format_line(&big, buf, sizeof buf);
    CHECK(n > 4000 && n < STATS_LINE_MAX, "biggest line %zu bytes", n);
    CHECK(stats_parse_line(buf, n - 1, &p) && session_equal(&big, &p) &&
          p.duration_s == STATS_SESSION_MAX_S &&
          stats_session_shown(&p, "about") == UINT16_MAX &&
          p.screens.count == STATS_MAX_SCREENS,
          "biggest session parsed back");
    CHECK(stats_format_line(&big, buf, 100) == 0, "too small a buffer: 0");

    struct stats_session open;
    stats_session_begin(&open, T0);
    CHECK(stats_format_line(&open, buf, sizeof buf) == 0,
          "a session not ended is not formatted");
    struct stats_session poked = a;
    strcpy(poked.places.id[0], "Bad Id");
    CHECK(stats_format_line(&poked, buf, sizeof buf) == 0,
          "an invalid id poked into the struct is not formatted");
}

/* Screens by name: the S1 format's five keep their order (so a line is
 * what it always was), any other name follows them by name, in the line
 * and in the CSV's screens column alike. */
static void test_screen_names(void)
{
    struct stats_session s, p;
    char buf[STATS_LINE_MAX];
    stats_session_begin(&s, T0);
    for (int i = 4; i >= 0; i--) /* recorded backwards */
        stats_session_screen(&s, s1_screens[i]);
    stats_session_end(&s, T0 + 5);
    size_t n = stats_format_line(&s, buf, sizeof buf);
    CHECK(n && strstr(buf, "\tattract:1;home:1;reader:1;map:1;about:1\t"),
          "S1's screens in S1's order: %.*s", (int)n, buf);

    stats_session_begin(&s, T0);
    stats_session_lang(&s, "en");
    static const char *const shown[] = {"home", "timeline", "about",
                                        "attract", "archive", "home"};
    for (size_t i = 0; i < sizeof shown / sizeof *shown; i++)
        stats_session_screen(&s, shown[i]);
    stats_session_end(&s, T0 + 30);
    n = stats_format_line(&s, buf, sizeof buf);
    static const char want[] = "\tattract:1;home:2;about:1;archive:1;"
                               "timeline:1\t";
    CHECK(n && strstr(buf, want), "new names after them, by name: %.*s",
          (int)n, buf);
    CHECK(stats_parse_line(buf, n - 1, &p) && session_equal(&s, &p),
          "a line with new names parsed back");

    char *state = make_state(), err[512];
    CHECK(stats_append(state, &s, err, sizeof err), "append: %s", err);
    char *out = NULL;
    size_t out_len = 0;
    FILE *f = open_memstream(&out, &out_len);
    CHECK(stats_export_csv(state, f, NULL, err, sizeof err), "export: %s",
          err);
    fclose(f);
    CHECK(out && strstr(out, "\n2024-05-30,2024-05-30T10:20:00Z,30,en,0,"
                             "attract:1;home:2;about:1;archive:1;"
                             "timeline:1,,\n"),
          "the CSV's screens column holds them the same way:\n%s",
          out ? out : "(null)");
    free(out);
    rm_tree(state);
}

static void test_parse_rejects(void)
{
    /* Each is session A's line with one thing wrong (no newline). */
    static const char *const bad[] = {
        "",
        "S1",
        "S2\t1717064400\t95\tzh\t1\thome:1;reader:2\tyili;urumqi\tarrival\t"
        "a4676dc3",
        "S1\t1717064400\t95\tzh\t1\thome:1;reader:2\tyili;urumqi\tarrival\t"
        "a4676dc4",
        "S1\t1717064400\t95\tzh\t1\thome:1;reader:2\tyili;urumqi\tarrival\t"
        "A4676DC3",
        "S1\t1717064400\t95\tzh\t1\thome:1;reader:2\tyili;urumqi\tarrival\t"
        "a4676dc",
        "S1\t1717064400\t95\tzh\t1\thome:1;reader:2\tyili;urumqi\tarrival\t"
        "a4676dc3\r",
        "S1\t1717064400\t95\tzh\t1\thome:1;reader:2\tyili;urumqi\tarrival\t"
        "a4676dc3\t",
        "S1\t1717064400\t95\tzh\t1\thome:1;reader:2\tyili;urumqi\tarrival",
        "S1\t1717064401\t95\tzh\t1\thome:1;reader:2\tyili;urumqi\tarrival\t"
        "a4676dc3",
        "S1\t01717064400\t95\tzh\t1\thome:1;reader:2\tyili;urumqi\tarrival\t"
        "a4676dc3",
        "S1\t-1\t95\tzh\t1\thome:1;reader:2\tyili;urumqi\tarrival\ta4676dc3",
        "S1\t99999999999999999999999\t95\tzh\t1\t\t\t\ta4676dc3",
        "S1\t1717064400\t95\tfr\t1\thome:1;reader:2\tyili;urumqi\tarrival\t"
        "a4676dc3",
        "S1\t1717064400\t95\tzh\t2\thome:1;reader:2\tyili;urumqi\tarrival\t"
        "a4676dc3",
        "S1\t1717064400\t95\tzh\t1\treader:2;home:1\tyili;urumqi\tarrival\t"
        "a4676dc3",
        "S1\t1717064400\t95\tzh\t1\thome:1;home:2\tyili;urumqi\tarrival\t"
        "a4676dc3",
        "S1\t1717064400\t95\tzh\t1\thome:0\tyili;urumqi\tarrival\ta4676dc3",
        "S1\t1717064400\t95\tzh\t1\thome:1;\tyili;urumqi\tarrival\ta4676dc3",
        "S1\t1717064400\t95\tzh\t1\tKitchen:1\tyili;urumqi\tarrival\ta4676dc3",
        "S1\t1717064400\t95\tzh\t1\thome:1;:2\tyili;urumqi\tarrival\ta4676dc3",
        "S1\t1717064400\t95\tzh\t1\thome:1;reader:2\tyili;;urumqi\tarrival\t"
        "a4676dc3",
        "S1\t1717064400\t95\tzh\t1\thome:1;reader:2\tyili;yili\tarrival\t"
        "a4676dc3",
        "S1\t1717064400\t95\tzh\t1\thome:1;reader:2\tYili;urumqi\tarrival\t"
        "a4676dc3",
        "S1\t1717064400\t95\tzh\t1\thome:1;reader:2\tyili;urumqi;\tarrival\t"
        "a4676dc3",
    };
    struct stats_session s;
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        CHECK(!stats_parse_line(bad[i], strlen(bad[i]), &s),
              "bad line %zu refused: %s", i, bad[i]);
    const char nul[] = "S1\t1717064400\t95\tzh\t1\thome:1;reader:2\tyili;"
                       "uru\0qi\tarrival\ta4676dc3";
    CHECK(!stats_parse_line(nul, sizeof nul - 1, &s), "NUL inside refused");
    CHECK(stats_parse_line(golden_a, strlen(golden_a) - 1, &s),
          "the good line itself is accepted");
}

/* ---- day files --------------------------------------------------------- */

static void test_append_read(void)
{
    char *state = make_state();
    char err[512], path[256], buf[STATS_LINE_MAX];
    struct stats_session in[5];
    session_a(&in[0], T0);
    session_b(&in[1], T0 + 300);
    session_a(&in[2], T0 + 900);
    stats_session_place(&in[2], "tekes");
    for (int i = 0; i < 3; i++)
        CHECK(stats_append(state, &in[i], err, sizeof err),
              "append %d: %s", i, err);

    day_path(path, sizeof path, state, "2024-05-30");
    struct got g = {0};
    struct stats_counts c;
    CHECK(stats_read_day(path, collect, &g, &c, err, sizeof err),
          "read: %s", err);
    CHECK(c.files == 1 && c.sessions == 3 && c.bad == 0 && g.n == 3,
          "3 sessions, none bad (%zu, %zu)", c.sessions, c.bad);
    for (size_t i = 0; i < 3 && i < g.n; i++)
        CHECK(session_equal(&in[i], &g.s[i]), "session %zu read back", i);

    size_t len = 0;
    char *text = check_read_file(path, &len);
    size_t a = stats_format_line(&in[0], buf, sizeof buf);
    CHECK(text && len > a && memcmp(text, golden_a, a) == 0,
          "the file starts with the golden line");
    free(text);

    /* A restart: nothing held in memory; later sessions go after. */
    session_b(&in[3], T0 + 2000);
    session_a(&in[4], T0 + 3000);
    for (int i = 3; i < 5; i++)
        CHECK(stats_append(state, &in[i], err, sizeof err),
              "append after restart %d: %s", i, err);
    g.n = 0;
    CHECK(stats_read_day(path, collect, &g, &c, err, sizeof err) &&
          c.sessions == 5 && c.bad == 0 && g.n == 5,
          "5 sessions after restart");
    for (size_t i = 0; i < 5 && i < g.n; i++)
        CHECK(session_equal(&in[i], &g.s[i]), "session %zu after restart",
              i);

    struct stats_session open;
    stats_session_begin(&open, T0);
    err[0] = '\0';
    CHECK(!stats_append(state, &open, err, sizeof err) &&
          strstr(err, "not ended"), "a session not ended: %s", err);
    rm_tree(state);
}

static void test_export(void)
{
    char *state = make_state();
    char err[512];
    struct stats_session s;
    session_a(&s, T0 + DAY); /* 2024-05-31, appended first */
    CHECK(stats_append(state, &s, err, sizeof err), "append: %s", err);
    session_a(&s, T0);
    CHECK(stats_append(state, &s, err, sizeof err), "append: %s", err);
    session_b(&s, T0 + 3661);
    CHECK(stats_append(state, &s, err, sizeof err), "append: %s", err);
    stats_session_begin(&s, 1717113599); /* last second of the 30th */
    stats_session_end(&s, 1717113599 + 40);
    CHECK(stats_append(state, &s, err, sizeof err), "append: %s", err);

    char *out = NULL;
    size_t out_len = 0;
    FILE *f = open_memstream(&out, &out_len);
    struct stats_counts c;
    CHECK(stats_export_csv(state, f, &c, err, sizeof err), "export: %s",
          err);
    fclose(f);
    static const char want[] =
        "date,start,duration_s,lang,lang_changed,screens,places,passages\n"
        "2024-05-30,2024-05-30T10:20:00Z,95,zh,1,home:1;reader:2,"
        "yili;urumqi,arrival\n"
        "2024-05-30,2024-05-30T11:21:01Z,12,ug,0,map:1,,\n"
        "2024-05-30,2024-05-30T23:59:59Z,40,,0,,,\n"
        "2024-05-31,2024-05-31T10:20:00Z,95,zh,1,home:1;reader:2,"
        "yili;urumqi,arrival\n";
    CHECK(out && strcmp(out, want) == 0, "CSV:\n%s", out ? out : "(null)");
    CHECK(c.files == 2 && c.sessions == 4 && c.bad == 0,
          "export counts %zu files, %zu sessions, %zu bad", c.files,
          c.sessions, c.bad);
    free(out);

    /* A disk that is full when the CSV goes to the stick. */
    FILE *full = fopen("/dev/full", "w");
    if (full) {
        err[0] = '\0';
        CHECK(!stats_export_csv(state, full, NULL, err, sizeof err) &&
              strstr(err, "cannot write"), "export to a full disk: %s", err);
        fclose(full);
    }
    rm_tree(state);

    /* No statistics yet: the header alone. */
    state = make_state();
    out = NULL;
    f = open_memstream(&out, &out_len);
    CHECK(stats_export_csv(state, f, &c, err, sizeof err) && c.files == 0,
          "export of nothing: %s", err);
    fclose(f);
    CHECK(out && strcmp(out, "date,start,duration_s,lang,lang_changed,"
                        "screens,places,passages\n") == 0,
          "header only: %s", out);
    free(out);
    rm_tree(state);
}

static void test_corrupt(void)
{
    char *state = make_state();
    char err[512], path[256], l1[STATS_LINE_MAX], l2[STATS_LINE_MAX];
    struct stats_session s1, s2, s3, s4;
    session_a(&s1, T0);
    session_b(&s2, T0 + 100);
    session_a(&s3, T0 + 200);
    size_t n1 = stats_format_line(&s1, l1, sizeof l1);
    size_t n2 = stats_format_line(&s2, l2, sizeof l2);
    CHECK(stats_append(state, &s1, err, sizeof err), "append: %s", err);
    day_path(path, sizeof path, state, "2024-05-30");

    /* garbage bytes, one line of 100 KB, a good line, a line with a
     * changed digit, an empty line, then a torn last line. */
    static const char garbage[] = "\x00\xff\xfe garbage\t\t\r\x01S1\t\x80";
    write_file(path, garbage, sizeof garbage - 1, "ab");
    write_file(path, "\n", 1, "ab");
    char *huge = malloc(100 * 1024);
    memset(huge, 'x', 100 * 1024);
    memcpy(huge, l1, n1 - 1); /* a good line with 100 KB after it */
    huge[100 * 1024 - 1] = '\n';
    write_file(path, huge, 100 * 1024, "ab");
    free(huge);
    write_file(path, l2, n2, "ab");
    char flipped[STATS_LINE_MAX];
    memcpy(flipped, l1, n1);
    flipped[3] = flipped[3] == '1' ? '2' : '1'; /* a digit of the start */
    write_file(path, flipped, n1, "ab");
    write_file(path, "\n", 1, "ab");
    char torn[STATS_LINE_MAX];
    size_t n3 = stats_format_line(&s3, torn, sizeof torn);
    write_file(path, torn, n3 / 2, "ab");

    struct got g = {0};
    struct stats_counts c;
    CHECK(stats_read_day(path, collect, &g, &c, err, sizeof err),
          "corrupt file read: %s", err);
    CHECK(c.sessions == 2 && c.bad == 5 && g.n == 2,
          "2 good lines kept, 5 bad counted (%zu good, %zu bad)",
          c.sessions, c.bad);
    CHECK(g.n == 2 && session_equal(&g.s[0], &s1) &&
          session_equal(&g.s[1], &s2), "the good lines exactly");

    /* The next append closes the torn line first. */
    session_b(&s4, T0 + 300);
    CHECK(stats_append(state, &s4, err, sizeof err), "append after torn: %s",
          err);
    g.n = 0;
    CHECK(stats_read_day(path, collect, &g, &c, err, sizeof err) &&
          c.sessions == 3 && c.bad == 5 && g.n == 3 &&
          session_equal(&g.s[2], &s4),
          "after the torn line, a new good line (%zu good, %zu bad)",
          c.sessions, c.bad);

    /* A complete last line that only lacks its newline is still good. */
    char path2[256];
    day_path(path2, sizeof path2, state, "2024-01-01");
    write_file(path2, l1, n1 - 1, "w");
    g.n = 0;
    CHECK(stats_read_day(path2, collect, &g, &c, err, sizeof err) &&
          c.sessions == 1 && c.bad == 0, "whole line without newline good");

    /* Pure noise: nothing good, nothing fatal. */
    char noise[200000];
    unsigned x = 12345;
    for (size_t i = 0; i < sizeof noise; i++) {
        x = x * 1103515245u + 12345u;
        noise[i] = (char)(x >> 16);
    }
    write_file(path2, noise, sizeof noise, "w");
    CHECK(stats_read_day(path2, collect, &g, &c, err, sizeof err) &&
          c.sessions == 0 && c.bad > 0, "noise: %zu bad lines", c.bad);

    /* Summary and export skip the bad lines and count them. */
    struct stats_day day;
    CHECK(stats_summary(state, T0, 1, &day, NULL, NULL, err, sizeof err) &&
          day.sessions == 3 && day.bad == 5, "summary of the corrupt day");
    rm_tree(state);
}

static void test_size_bound(void)
{
    char *state = make_state();
    char err[512], path[256], buf[STATS_LINE_MAX];
    struct stats_session s;
    session_big(&s, T0);
    size_t line = stats_format_line(&s, buf, sizeof buf);
    day_path(path, sizeof path, state, "2024-05-30");
    size_t ok = 0, refused = 0;
    for (int i = 0; i < 400; i++) {
        s.start = T0 + i;
        if (stats_append(state, &s, err, sizeof err))
            ok++;
        else
            refused++;
    }
    long size = file_size(path);
    CHECK(size > 0 && size <= STATS_MAX_DAY_BYTES &&
          size > STATS_MAX_DAY_BYTES - (long)line,
          "day file %ld bytes, bound %d, line %zu", size,
          STATS_MAX_DAY_BYTES, line);
    CHECK(refused > 0 && strstr(err, "full"), "over the bound: %s", err);
    CHECK((long)(ok * line) == size, "%zu sessions kept", ok);

    struct stats_counts c;
    CHECK(stats_read_day(path, NULL, NULL, &c, err, sizeof err) &&
          c.sessions == ok && c.bad == 0, "every kept session is good");

    /* Small sessions still fit in the last bytes; the next day is free. */
    session_b(&s, T0 + 500);
    bool small = stats_append(state, &s, err, sizeof err);
    CHECK(file_size(path) <= STATS_MAX_DAY_BYTES, "still within bound "
          "(small session %s)", small ? "kept" : "dropped");
    session_b(&s, T0 + DAY);
    CHECK(stats_append(state, &s, err, sizeof err), "the next day: %s", err);
    rm_tree(state);
}

static void test_rotation(void)
{
    char *state = make_state();
    char err[512], path[256];
    struct stats_session s;
    stats_session_begin(&s, 1717113599);   /* 2024-05-30T23:59:59Z */
    stats_session_end(&s, 1717113599 + 600); /* ends on the 31st */
    CHECK(stats_append(state, &s, err, sizeof err), "append: %s", err);
    stats_session_begin(&s, 1717113600);   /* 2024-05-31T00:00:00Z */
    stats_session_end(&s, 1717113600 + 5);
    CHECK(stats_append(state, &s, err, sizeof err), "append: %s", err);

    struct got g = {0};
    struct stats_counts c;
    day_path(path, sizeof path, state, "2024-05-30");
    CHECK(stats_read_day(path, collect, &g, &c, err, sizeof err) &&
          g.n == 1 && g.s[0].start == 1717113599 && g.s[0].duration_s == 600,
          "a session belongs to the UTC day it started");
    g.n = 0;
    day_path(path, sizeof path, state, "2024-05-31");
    CHECK(stats_read_day(path, collect, &g, &c, err, sizeof err) &&
          g.n == 1 && g.s[0].start == 1717113600, "midnight is the next day");
    rm_tree(state);
}

static void test_retention(void)
{
    char *state = make_state();
    char err[512], path[256];
    const int64_t first = INT64_C(1672531200) + 3600; /* 2023-01-01 */
    struct stats_session s;
    for (int i = 0; i < STATS_MAX_DAYS; i++) {
        session_b(&s, first + i * DAY);
        if (!stats_append(state, &s, err, sizeof err)) {
            CHECK(false, "append day %d: %s", i, err);
            break;
        }
    }
    snprintf(path, sizeof path, "%s/stats/notes.txt", state);
    write_file(path, "x", 1, "w");
    snprintf(path, sizeof path, "%s/stats/2000-01-01.log.bak", state);
    write_file(path, "x", 1, "w");
    CHECK(count_day_files(state) == STATS_MAX_DAYS, "%d day files",
          STATS_MAX_DAYS);

    session_b(&s, first + STATS_MAX_DAYS * DAY); /* day 401 */
    CHECK(stats_append(state, &s, err, sizeof err), "append: %s", err);
    CHECK(count_day_files(state) == STATS_MAX_DAYS, "still %d day files",
          STATS_MAX_DAYS);
    day_path(path, sizeof path, state, "2023-01-01");
    CHECK(file_size(path) < 0, "the oldest day removed");
    day_path(path, sizeof path, state, "2023-01-02");
    CHECK(file_size(path) > 0, "the next oldest kept");
    snprintf(path, sizeof path, "%s/stats/notes.txt", state);
    CHECK(file_size(path) == 1, "other files left alone");
    snprintf(path, sizeof path, "%s/stats/2000-01-01.log.bak", state);
    CHECK(file_size(path) == 1, "other files left alone (.bak)");

    /* Another session on an existing day removes nothing. */
    session_a(&s, first + 300 * DAY);
    CHECK(stats_append(state, &s, err, sizeof err) &&
          count_day_files(state) == STATS_MAX_DAYS, "existing day: no prune");

    /* A clock set far back: its file is kept, the oldest other goes. */
    session_b(&s, 946684800); /* 2000-01-01 */
    CHECK(stats_append(state, &s, err, sizeof err), "append: %s", err);
    day_path(path, sizeof path, state, "2000-01-01");
    CHECK(file_size(path) > 0 && count_day_files(state) == STATS_MAX_DAYS,
          "the new day's file is never the one removed");
    day_path(path, sizeof path, state, "2023-01-02");
    CHECK(file_size(path) < 0, "the oldest other day removed instead");
    rm_tree(state);
}

static void test_summary(void)
{
    char *state = make_state();
    char err[512];
    struct stats_session s;
    /* 2024-05-30: A (zh, 95 s), B (ug, 12 s); 2024-05-28: B; 2024-05-16:
     * outside a 14-day window ending on the 30th. */
    session_a(&s, T0);
    stats_append(state, &s, err, sizeof err);
    session_b(&s, T0 + 50);
    stats_append(state, &s, err, sizeof err);
    session_b(&s, T0 - 2 * DAY);
    stats_append(state, &s, err, sizeof err);
    session_b(&s, T0 - 14 * DAY);
    stats_append(state, &s, err, sizeof err);
    stats_session_begin(&s, T0 + 60);
    stats_session_lang(&s, "en");
    stats_session_end(&s, T0 + 100);
    stats_append(state, &s, err, sizeof err);

    struct stats_day days[14];
    memset(days, 0xAB, sizeof days);
    CHECK(stats_summary(state, T0 + 7 * 3600, 14, days, NULL, NULL, err,
                        sizeof err),
          "summary: %s", err);
    CHECK(strcmp(days[0].date, "2024-05-17") == 0 &&
          strcmp(days[13].date, "2024-05-30") == 0,
          "window %s .. %s", days[0].date, days[13].date);
    const struct stats_day *d = &days[13];
    CHECK(d->sessions == 3 && d->duration_s == 95 + 12 + 40 &&
          d->lang[TEXT_LANG_ZH] == 1 && d->lang[TEXT_LANG_UG] == 1 &&
          d->lang[TEXT_LANG_EN] == 1 && d->no_lang == 0 &&
          d->bad == 0, "today: %u sessions, %llu s", d->sessions,
          (unsigned long long)d->duration_s);
    d = &days[11];
    CHECK(strcmp(d->date, "2024-05-28") == 0 && d->sessions == 1 &&
          d->duration_s == 12 && d->lang[TEXT_LANG_UG] == 1,
          "two days ago: %u", d->sessions);
    unsigned zero = 0;
    for (int i = 0; i < 14; i++)
        zero += i != 11 && i != 13 && days[i].sessions == 0 &&
                days[i].duration_s == 0 && days[i].lang[TEXT_LANG_UG] == 0;
    CHECK(zero == 12, "the other 12 days empty (%u)", zero);

    struct stats_day early[3];
    CHECK(stats_summary(state, 3600, 3, early, NULL, NULL, err, sizeof err) &&
          strcmp(early[2].date, "1970-01-01") == 0 && early[0].sessions == 0,
          "a window before 1970 is empty: %s", early[0].date);
    rm_tree(state);
}

/* ---- failures ---------------------------------------------------------- */

static void test_failures(void)
{
    char *state = make_state();
    char err[512], path[512];
    struct stats_session s;
    session_a(&s, T0);

    /* The state directory is missing, or a file. */
    snprintf(path, sizeof path, "%s/missing", state);
    err[0] = '\0';
    CHECK(!stats_append(path, &s, err, sizeof err) &&
          strstr(err, "cannot create"), "missing state dir: %s", err);
    snprintf(path, sizeof path, "%s/file", state);
    write_file(path, "x", 1, "w");
    err[0] = '\0';
    CHECK(!stats_append(path, &s, err, sizeof err) &&
          strstr(err, "cannot create"), "state dir is a file: %s", err);

    /* stats/ is a file. */
    char sub[128];
    snprintf(sub, sizeof sub, "%s/s1", state);
    mkdir(sub, 0755);
    snprintf(path, sizeof path, "%s/stats", sub);
    write_file(path, "x", 1, "w");
    err[0] = '\0';
    CHECK(!stats_append(sub, &s, err, sizeof err) && err[0],
          "stats is a file: %s", err);

    /* The day file is a directory, a symlink, a FIFO. */
    snprintf(sub, sizeof sub, "%s/s2", state);
    mkdir(sub, 0755);
    snprintf(path, sizeof path, "%s/stats", sub);
    mkdir(path, 0755);
    day_path(path, sizeof path, sub, "2024-05-30");
    mkdir(path, 0755);
    err[0] = '\0';
    CHECK(!stats_append(sub, &s, err, sizeof err) && err[0],
          "day file is a directory: %s", err);
    struct stats_counts c;
    err[0] = '\0';
    CHECK(!stats_read_day(path, NULL, NULL, &c, err, sizeof err) && err[0],
          "reading a directory: %s", err);
    rmdir(path);
    char target[256];
    snprintf(target, sizeof target, "%s/elsewhere", state);
    write_file(target, "", 0, "w");
    CHECK(symlink(target, path) == 0, "symlink made");
    err[0] = '\0';
    CHECK(!stats_append(sub, &s, err, sizeof err) && err[0] &&
          file_size(target) == 0, "day file is a symlink: not followed: %s",
          err);
    unlink(path);
    CHECK(mkfifo(path, 0644) == 0, "fifo made");
    err[0] = '\0';
    CHECK(!stats_read_day(path, NULL, NULL, &c, err, sizeof err) && err[0],
          "reading a FIFO does not hang: %s", err);
    unlink(path);

    /* The export goes on past a day it cannot read, and succeeds. */
    CHECK(mkfifo(path, 0644) == 0, "fifo made");
    session_a(&s, T0 + DAY);
    CHECK(stats_append(sub, &s, err, sizeof err), "append: %s", err);
    char *out = NULL;
    size_t out_len;
    FILE *f = open_memstream(&out, &out_len);
    err[0] = '\0';
    CHECK(stats_export_csv(sub, f, &c, err, sizeof err) && err[0] &&
          c.sessions == 1 && c.skipped == 1,
          "export past an unreadable day: %s", err);
    fclose(f);
    CHECK(out && strstr(out, "2024-05-31,"), "the readable day exported");
    free(out);
    unlink(path);

    err[0] = '\0';
    CHECK(!stats_read_day("/nonexistent/x.log", NULL, NULL, &c, err,
                          sizeof err) && strstr(err, "cannot open"),
          "reading a missing file: %s", err);

    /* Directories the kiosk user may not write.  As root (permissions do
     * not apply), the case runs in a child that drops to nobody. */
    snprintf(sub, sizeof sub, "%s/ro", state);
    mkdir(sub, 0555);
    snprintf(path, sizeof path, "%s/ro2", state);
    mkdir(path, 0755);
    char ro_stats[160];
    snprintf(ro_stats, sizeof ro_stats, "%s/ro2/stats", state);
    mkdir(ro_stats, 0555);
    chmod(state, 0755);
    bool as_nobody = geteuid() == 0;
    pid_t pid = as_nobody ? fork() : 0;
    if (pid == 0) {
        if (as_nobody && (setgid(65534) != 0 || setuid(65534) != 0))
            _exit(3);
        char e1[512] = "", e2[512] = "";
        bool ok1 = !stats_append(sub, &s, e1, sizeof e1) &&
                   strstr(e1, "cannot create");
        bool ok2 = !stats_append(path, &s, e2, sizeof e2) &&
                   strstr(e2, "cannot open");
        if (as_nobody) {
            if (!ok1 || !ok2)
                printf("test_stats: as nobody: \"%s\", \"%s\"\n", e1, e2);
            fflush(stdout);
            _exit(ok1 && ok2 ? 0 : 1);
        }
        CHECK(ok1, "read-only state dir: %s", e1);
        CHECK(ok2, "read-only stats dir: %s", e2);
    } else {
        int status = -1;
        waitpid(pid, &status, 0);
        CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
              "read-only directories (as nobody): status %d", status);
    }
    rm_tree(state);
}

/* ---- bounds on reading ----------------------------------------------- */

/* CRC-32 (IEEE 802.3, reflected), written again here so that a forged
 * line carries a correct checksum: only the duration's bound refuses it. */
static uint32_t test_crc32(const char *p, size_t n)
{
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++) {
        c ^= (unsigned char)p[i];
        for (int k = 0; k < 8; k++)
            c = c & 1u ? (c >> 1) ^ 0xEDB88320u : c >> 1;
    }
    return ~c;
}

/* A line spelled as the writer spells it, with any duration; no newline. */
static size_t forge_line(char *buf, size_t size, int64_t start,
                         uint64_t duration)
{
    int n = snprintf(buf, size, "S1\t%" PRId64 "\t%" PRIu64 "\ten\t0\t"
                     "home:1\t\t\t", start, duration);
    n += snprintf(buf + n, size - (size_t)n, "%08" PRIx32,
                  test_crc32(buf, (size_t)n));
    return (size_t)n;
}

static void test_duration_bound(void)
{
    struct stats_session s, p;
    char line[256], buf[STATS_LINE_MAX];
    stats_session_begin(&s, T0);
    stats_session_end(&s, T0 + STATS_SESSION_MAX_S);
    CHECK(s.duration_s == STATS_SESSION_MAX_S, "a day's session: %u s",
          s.duration_s);
    stats_session_end(&s, T0 + STATS_SESSION_MAX_S + 1);
    CHECK(s.duration_s == STATS_SESSION_MAX_S, "longer is clamped: %u s",
          s.duration_s);
    stats_session_end(&s, T0 + INT64_C(4294967295));
    CHECK(s.duration_s == STATS_SESSION_MAX_S, "a clock jump is clamped: "
          "%u s", s.duration_s);

    size_t n = forge_line(line, sizeof line, T0, 95);
    CHECK(stats_parse_line(line, n, &p) && p.duration_s == 95,
          "the forger's spelling is right: %s", line);
    n = forge_line(line, sizeof line, T0, STATS_SESSION_MAX_S);
    CHECK(stats_parse_line(line, n, &p) &&
          p.duration_s == STATS_SESSION_MAX_S, "at the bound: accepted");
    n = forge_line(line, sizeof line, T0, STATS_SESSION_MAX_S + 1);
    CHECK(!stats_parse_line(line, n, &p), "one second over: refused");
    n = forge_line(line, sizeof line, T0, UINT32_MAX);
    CHECK(!stats_parse_line(line, n, &p), "4294967295 s with a good CRC: "
          "refused: %s", line);
    s.duration_s = STATS_SESSION_MAX_S + 1; /* poked into the struct */
    CHECK(stats_format_line(&s, buf, sizeof buf) == 0,
          "nor does the writer write what the reader refuses");

    /* Among good sessions: refused, counted, the average unaffected. */
    char *state = make_state();
    char err[512], path[256];
    session_a(&s, T0);
    CHECK(stats_append(state, &s, err, sizeof err), "append: %s", err);
    session_b(&s, T0 + 300);
    CHECK(stats_append(state, &s, err, sizeof err), "append: %s", err);
    day_path(path, sizeof path, state, "2024-05-30");
    n = forge_line(line, sizeof line, T0 + 600, UINT32_MAX);
    line[n++] = '\n';
    write_file(path, line, n, "ab");
    struct stats_day day;
    struct stats_counts c;
    CHECK(stats_summary(state, T0, 1, &day, &c, NULL, err, sizeof err) &&
          day.sessions == 2 && day.duration_s == 95 + 12 && day.bad == 1 &&
          c.bad == 1, "summary: %u sessions, %llu s, %u bad", day.sessions,
          (unsigned long long)day.duration_s, day.bad);
    CHECK(day.sessions && day.duration_s / day.sessions == 53,
          "the average visit stays 53 s");
    char *out = NULL;
    size_t out_len = 0;
    FILE *f = open_memstream(&out, &out_len);
    CHECK(stats_export_csv(state, f, &c, err, sizeof err) &&
          c.sessions == 2 && c.bad == 1, "export: %zu rows, %zu bad",
          c.sessions, c.bad);
    fclose(f);
    CHECK(out && !strstr(out, "4294967295"), "the forged row is not "
          "exported");
    free(out);
    rm_tree(state);
}

/* ---- damaged days ------------------------------------------------------ */

/* Runs fn where file permissions apply: as root (chmod 000 does not stop
 * root reading) in a child that drops to nobody, else in place.  True if
 * every CHECK in it passed. */
static bool as_unprivileged(void (*fn)(void *), void *ctx)
{
    int before = check_failed;
    if (geteuid() != 0) {
        fn(ctx);
        return check_failed == before;
    }
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid == 0) {
        if (setgid(65534) != 0 || setuid(65534) != 0)
            _exit(3);
        fn(ctx);
        fflush(stdout);
        fflush(stderr);
        _exit(check_failed == before ? 0 : 1);
    }
    int status = -1;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static char *export_to_string(const char *state, struct stats_counts *c,
                              bool *ok)
{
    char *out = NULL, err[512] = "";
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    *ok = stats_export_csv(state, f, c, err, sizeof err);
    fclose(f);
    return out;
}

struct damaged {
    const char *state, *good_only, *unreadable;
};

static const char *const damaged_names[] = {
    "2024-05-24.log", /* unreadable */
    "2024-05-25.log", /* a folder */
    "2024-05-26.log", /* a FIFO */
    "2024-05-28.log", /* a link to a good day file elsewhere */
    "2024-05-29.log", /* larger than a day file can get */
};

static void check_damaged(void *ctx)
{
    const struct damaged *d = ctx;
    int fd = open(d->unreadable, O_RDONLY);
    CHECK(fd < 0 && errno == EACCES, "the chmod 000 day is unreadable for "
          "uid %d", (int)geteuid());
    if (fd >= 0)
        close(fd);

    struct stats_counts c, want_c;
    bool ok, want_ok;
    char *got = export_to_string(d->state, &c, &ok);
    char *want = export_to_string(d->good_only, &want_c, &want_ok);
    CHECK(ok && want_ok && got && want && strcmp(got, want) == 0,
          "the CSV holds the good days' rows exactly:\n%s\nwant:\n%s",
          got ? got : "", want ? want : "");
    CHECK(c.files == 3 && c.sessions == 4 && c.skipped == 5,
          "export: %zu days read, %zu sessions, %zu days skipped", c.files,
          c.sessions, c.skipped);
    for (size_t i = 0; i < 5; i++)
        CHECK(strcmp(c.skipped_name[i], damaged_names[i]) == 0,
              "skipped day %zu named: %s", i, c.skipped_name[i]);
    free(got);
    free(want);

    struct stats_day days[8];
    char err[512] = "";
    CHECK(stats_summary(d->state, T0 + DAY, 8, days, &c, NULL, err,
                        sizeof err) && c.skipped == 5 && c.sessions == 4,
          "summary: %zu skipped, %zu sessions (%s)", c.skipped, c.sessions,
          err);
    static const bool skipped[8] = {true, true, true, false,
                                    true, true, false, false};
    static const unsigned sessions[8] = {0, 0, 0, 1, 0, 0, 2, 1};
    for (int i = 0; i < 8; i++)
        CHECK(days[i].skipped == skipped[i] &&
              days[i].sessions == sessions[i],
              "summary of %s: skipped %d, %u sessions", days[i].date,
              days[i].skipped, days[i].sessions);
}

/* Damaged day files among good ones: each is skipped whole, counted and
 * named; the others are exported and summed as if it were not there. */
static void test_damaged_days(void)
{
    char state[64], good[64]; /* make_state's buffer is reused */
    snprintf(state, sizeof state, "%s", make_state());
    snprintf(good, sizeof good, "%s", make_state());
    char err[512], path[256], unreadable[256], elsewhere[256];
    struct stats_session s;
    const char *states[] = {state, good};
    for (int k = 0; k < 2; k++) {
        session_a(&s, T0 - 3 * DAY); /* 05-27 */
        CHECK(stats_append(states[k], &s, err, sizeof err), "append: %s",
              err);
        session_a(&s, T0); /* 05-30 */
        CHECK(stats_append(states[k], &s, err, sizeof err), "append: %s",
              err);
        session_b(&s, T0 + 60);
        CHECK(stats_append(states[k], &s, err, sizeof err), "append: %s",
              err);
        session_b(&s, T0 + DAY); /* 05-31 */
        CHECK(stats_append(states[k], &s, err, sizeof err), "append: %s",
              err);
    }
    chmod(state, 0755);
    chmod(good, 0755);
    char line[STATS_LINE_MAX];
    session_a(&s, T0 - 6 * DAY);
    size_t n = stats_format_line(&s, line, sizeof line);
    day_path(unreadable, sizeof unreadable, state, "2024-05-24");
    write_file(unreadable, line, n, "w");
    chmod(unreadable, 0);
    day_path(path, sizeof path, state, "2024-05-25");
    CHECK(mkdir(path, 0755) == 0, "a folder as a day");
    day_path(path, sizeof path, state, "2024-05-26");
    CHECK(mkfifo(path, 0644) == 0, "a FIFO as a day");
    snprintf(elsewhere, sizeof elsewhere, "%s/elsewhere.log", state);
    session_a(&s, T0 - 2 * DAY);
    n = stats_format_line(&s, line, sizeof line);
    write_file(elsewhere, line, n, "w");
    day_path(path, sizeof path, state, "2024-05-28");
    CHECK(symlink(elsewhere, path) == 0, "a link as a day");
    day_path(path, sizeof path, state, "2024-05-29");
    session_a(&s, T0 - DAY);
    n = stats_format_line(&s, line, sizeof line);
    write_file(path, line, n, "w");
    CHECK(truncate(path, STATS_DAY_READ_MAX + 1) == 0, "an oversized day");

    struct damaged d = {state, good, unreadable};
    CHECK(as_unprivileged(check_damaged, &d), "damaged days, read as uid "
          "%d", geteuid() == 0 ? 65534 : (int)geteuid());
    rm_tree(state);
    rm_tree(good);
}

/* ---- the reader thread ------------------------------------------------- */

static double ms_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* `days` day files ending with the one of `last`, each as full as the
 * writer lets one get. */
static size_t fill_days(const char *state, int64_t last, int days)
{
    char *buf = malloc(STATS_MAX_DAY_BYTES);
    size_t lines = 0;
    for (int d = 0; d < days; d++) {
        int64_t day = last - last % DAY - (int64_t)d * DAY;
        size_t len = 0;
        for (int i = 0;; i++) {
            struct stats_session s;
            session_b(&s, day + i % 80000);
            size_t n = stats_format_line(&s, buf + len,
                                         STATS_MAX_DAY_BYTES - len);
            if (!n)
                break;
            len += n;
            lines++;
        }
        char date[11], path[256], dir[128];
        snprintf(dir, sizeof dir, "%s/stats", state);
        mkdir(dir, 0755);
        stats_utc_date(day, date);
        day_path(path, sizeof path, state, date);
        write_file(path, buf, len, "w");
    }
    free(buf);
    return lines;
}

static bool days_equal(const struct stats_day *a, const struct stats_day *b,
                       unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        if (strcmp(a[i].date, b[i].date) != 0 ||
            a[i].sessions != b[i].sessions ||
            a[i].duration_s != b[i].duration_s ||
            memcmp(a[i].lang, b[i].lang, sizeof a[i].lang) != 0 ||
            a[i].no_lang != b[i].no_lang ||
            a[i].bad != b[i].bad || a[i].skipped != b[i].skipped)
            return false;
    return true;
}

static void test_reader(void)
{
    char *state = make_state();
    char err[512];
    size_t lines = fill_days(state, T0, 14);
    struct stats_day want[14];
    struct stats_counts wc;
    double t0 = ms_now();
    CHECK(stats_summary(state, T0, 14, want, &wc, NULL, err, sizeof err) &&
          wc.sessions == lines, "14 full days read in place: %s", err);
    double in_place = ms_now() - t0;
    CHECK(in_place > 20, "%zu sessions take %.0f ms in place: long enough "
          "to tell a worker from the caller", lines, in_place);

    struct stats_reader *r = stats_reader_create();
    struct stats_reader_result res;
    CHECK(!stats_reader_busy(r) && !stats_reader_take(r, &res),
          "a new reader has nothing to take");
    t0 = ms_now();
    stats_reader_start(r, state, T0, 14);
    double start = ms_now() - t0;
    CHECK(stats_reader_busy(r) && start < in_place / 10,
          "start returns in %.2f ms (the read takes %.0f)", start, in_place);
    int polls = 0;
    bool got = false;
    for (t0 = ms_now(); !got && ms_now() - t0 < 60000; polls++) {
        got = stats_reader_take(r, &res);
        if (!got)
            nanosleep(&(struct timespec){0, 2000000}, NULL);
    }
    CHECK(got && res.ok && res.days == 14 && days_equal(res.day, want, 14) &&
          res.counts.sessions == lines && res.counts.skipped == 0,
          "the worker's summary is the one read in place (%d polls)",
          polls);
    CHECK(!stats_reader_busy(r) && !stats_reader_take(r, &res),
          "a result is taken once");

    /* Stopping does not wait for the whole read. */
    stats_reader_start(r, state, T0, 14);
    t0 = ms_now();
    stats_reader_stop(r);
    double stop = ms_now() - t0;
    CHECK(stop < in_place / 4 && !stats_reader_busy(r) &&
          !stats_reader_take(r, &res),
          "stop joins in %.1f ms and drops the result", stop);

    /* Waiting (the simulated clock), a new start over a running one. */
    stats_reader_start(r, state, T0, 14);
    stats_reader_wait(r);
    CHECK(stats_reader_take(r, &res) && days_equal(res.day, want, 14),
          "after wait the result is there");
    stats_reader_start(r, state, T0, 14);
    stats_reader_start(r, state, T0 - DAY, 14);
    stats_reader_wait(r);
    CHECK(stats_reader_take(r, &res) && days_equal(res.day + 1, want, 13) &&
          strcmp(res.day[13].date, "2024-05-29") == 0,
          "a new start replaces the running read (%s)", res.day[13].date);

    /* Destroying a reader that is reading joins it, quickly. */
    stats_reader_start(r, state, T0, 14);
    t0 = ms_now();
    stats_reader_destroy(r);
    double destroy = ms_now() - t0;
    CHECK(destroy < in_place / 4, "destroy while reading: %.1f ms",
          destroy);
    printf("test_stats: 14 full days (%zu sessions): %.0f ms in place; on "
           "the worker: start %.2f ms, stop %.1f ms, destroy %.1f ms\n",
           lines, in_place, start, stop, destroy);
    stats_reader_destroy(NULL);

    atomic_bool stopped;
    atomic_init(&stopped, true);
    struct stats_day day;
    CHECK(!stats_summary(state, T0, 1, &day, NULL, &stopped, err,
                         sizeof err) && strcmp(err, "stopped") == 0,
          "a summary asked to stop: %s", err);
    rm_tree(state);
}

int main(void)
{
    alarm(300); /* a read that hangs (a FIFO waited on) fails the test */
    log_set_level(LOG_LEVEL_ERROR); /* expected failures log warnings */
    test_record();
    test_dates();
    test_line();
    test_screen_names();
    test_parse_rejects();
    test_append_read();
    test_export();
    test_corrupt();
    test_size_bound();
    test_rotation();
    test_retention();
    test_summary();
    test_failures();
    test_duration_bound();
    test_damaged_days();
    test_reader();
    return check_finish("test_stats");
}
