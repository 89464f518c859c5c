/* test_script.c: the render script parser -- valid scripts field by field,
 * one broken line per diagnostic (line, column, words), and the limits.
 *
 * Every broken case must make the whole script invalid and leave no
 * commands behind; every diagnostic points at the offending word. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "core/diag.h"
#include "input/script.h"

struct want {
    enum script_op op;
    int a, b, c, d, ms;
    const char *name;
    unsigned line;
};

static bool same(const struct script_cmd *got, const struct want *w)
{
    return got->op == w->op && got->a == w->a && got->b == w->b &&
           got->c == w->c && got->d == w->d && got->ms == w->ms &&
           strcmp(got->name, w->name ? w->name : "") == 0 &&
           got->line == w->line;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void test_valid(void)
{
    static const struct {
        const char *what, *text;
        size_t count;
        struct want cmds[8];
    } cases[] = {
        {"tap", "tap 10 20\n", 1, {{SCRIPT_TAP, 10, 20, 0, 0, 0, 0, 1}}},
        {"tap-id, no final newline", "tap-id region:yili", 1,
         {{SCRIPT_TAP_ID, 0, 0, 0, 0, 0, "region:yili", 1}}},
        {"drag at the limits", "drag 0 1 100000 99999 600000\n", 1,
         {{SCRIPT_DRAG, 0, 1, 100000, 99999, 600000, 0, 1}}},
        {"wait 0", "wait 0\n", 1, {{SCRIPT_WAIT, 0, 0, 0, 0, 0, 0, 1}}},
        {"shot and state", "shot home\nstate after-tap_1.v2\n", 2,
         {{SCRIPT_SHOT, 0, 0, 0, 0, 0, "home", 1},
          {SCRIPT_STATE, 0, 0, 0, 0, 0, "after-tap_1.v2", 2}}},
        {"ids", "tap-id lang:ug\ntap-id town:yining\n"
         "tap-id passage:arrival\ntap-id mention:arrival:2\n"
         "tap-id nav:map\ntap-id a.b_c-9\n", 6,
         {{SCRIPT_TAP_ID, 0, 0, 0, 0, 0, "lang:ug", 1},
          {SCRIPT_TAP_ID, 0, 0, 0, 0, 0, "town:yining", 2},
          {SCRIPT_TAP_ID, 0, 0, 0, 0, 0, "passage:arrival", 3},
          {SCRIPT_TAP_ID, 0, 0, 0, 0, 0, "mention:arrival:2", 4},
          {SCRIPT_TAP_ID, 0, 0, 0, 0, 0, "nav:map", 5},
          {SCRIPT_TAP_ID, 0, 0, 0, 0, 0, "a.b_c-9", 6}}},
        {"comments, blank lines, trailing comment",
         "# a journey\n\n   tap 1 2   # home\n\t\n  # indented\nwait 250\n",
         2,
         {{SCRIPT_TAP, 1, 2, 0, 0, 0, 0, 3},
          {SCRIPT_WAIT, 0, 0, 0, 0, 250, 0, 6}}},
        {"CRLF", "tap 1 2\r\nwait 5\r\n\r\nshot a\r\n", 3,
         {{SCRIPT_TAP, 1, 2, 0, 0, 0, 0, 1},
          {SCRIPT_WAIT, 0, 0, 0, 0, 5, 0, 2},
          {SCRIPT_SHOT, 0, 0, 0, 0, 0, "a", 4}}},
        {"CR alone", "wait 1\rwait 2\r", 2,
         {{SCRIPT_WAIT, 0, 0, 0, 0, 1, 0, 1},
          {SCRIPT_WAIT, 0, 0, 0, 0, 2, 0, 2}}},
        {"BOM", "\xEF\xBB\xBFtap 3 4\nshot x", 2,
         {{SCRIPT_TAP, 3, 4, 0, 0, 0, 0, 1},
          {SCRIPT_SHOT, 0, 0, 0, 0, 0, "x", 2}}},
        {"BOM and CRLF", "\xEF\xBB\xBF# c\r\nstate s\r\n", 1,
         {{SCRIPT_STATE, 0, 0, 0, 0, 0, "s", 2}}},
        {"tabs and runs of spaces", "drag\t1  2\t 3 4\t\t5  \n", 1,
         {{SCRIPT_DRAG, 1, 2, 3, 4, 5, 0, 1}}},
        {"leading zeros", "tap 007 0000\n", 1,
         {{SCRIPT_TAP, 7, 0, 0, 0, 0, 0, 1}}},
        {"a name may hold dots", "shot home.v2\nshot -x\nshot A_Z\n", 3,
         {{SCRIPT_SHOT, 0, 0, 0, 0, 0, "home.v2", 1},
          {SCRIPT_SHOT, 0, 0, 0, 0, 0, "-x", 2},
          {SCRIPT_SHOT, 0, 0, 0, 0, 0, "A_Z", 3}}},
        {"empty", "", 0, {{0}}},
        {"only comments", "# nothing\n\n#\n", 0, {{0}}},
        {"a journey",
         "# attract -> home -> map -> Yili -> a passage\n"
         "shot attract\n"
         "tap 960 540\n"
         "wait 300\n"
         "tap-id nav:map\n"
         "wait 300\n"
         "tap-id region:yili\n"
         "tap-id passage:arrival\n"
         "drag 900 800 900 200 250\n"
         "state reader\n", 9,
         {{SCRIPT_SHOT, 0, 0, 0, 0, 0, "attract", 2},
          {SCRIPT_TAP, 960, 540, 0, 0, 0, 0, 3},
          {SCRIPT_WAIT, 0, 0, 0, 0, 300, 0, 4},
          {SCRIPT_TAP_ID, 0, 0, 0, 0, 0, "nav:map", 5},
          {SCRIPT_WAIT, 0, 0, 0, 0, 300, 0, 6},
          {SCRIPT_TAP_ID, 0, 0, 0, 0, 0, "region:yili", 7},
          {SCRIPT_TAP_ID, 0, 0, 0, 0, 0, "passage:arrival", 8},
          {SCRIPT_DRAG, 900, 800, 900, 200, 250, 0, 9}}},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *text = cases[i].text;
        struct diag_list d;
        diag_list_init(&d);
        struct script s;
        bool ok = script_parse("t.script", text, strlen(text), &s, &d);
        CHECK(ok && d.count == 0, "%s: parses without diagnostics",
              cases[i].what);
        if (!ok)
            diag_list_print(&d, stderr);
        /* The journey's last command (state) is checked on its own. */
        size_t n = cases[i].count < 8 ? cases[i].count : 8;
        CHECK(s.count == cases[i].count, "%s: %zu commands, want %zu",
              cases[i].what, s.count, cases[i].count);
        for (size_t k = 0; k < n && k < s.count; k++) {
            const struct script_cmd *c = &s.cmds[k];
            CHECK(same(c, &cases[i].cmds[k]),
                  "%s: command %zu is %s %d %d %d %d %d '%s' line %u",
                  cases[i].what, k, script_op_name(c->op), c->a, c->b, c->c,
                  c->d, c->ms, c->name, c->line);
        }
        if (strcmp(cases[i].what, "a journey") == 0 && s.count == 9) {
            const struct want last = {SCRIPT_STATE, 0, 0, 0, 0, 0, "reader",
                                      10};
            CHECK(same(&s.cmds[8], &last), "a journey: ends in state");
        }
        script_fini(&s);
        CHECK(s.cmds == NULL && s.count == 0, "%s: fini empties",
              cases[i].what);
        diag_list_fini(&d);
    }
}

/* The longest ID and NAME are accepted, one more character is not. */
static void test_lengths(void)
{
    char text[512], id[SCRIPT_MAX_ID + 2], name[SCRIPT_MAX_NAME + 2];
    memset(id, 'a', sizeof id);
    memset(name, 'N', sizeof name);
    id[SCRIPT_MAX_ID] = name[SCRIPT_MAX_NAME] = '\0';
    snprintf(text, sizeof text, "tap-id %s\nshot %s\n", id, name);
    struct diag_list d;
    diag_list_init(&d);
    struct script s;
    bool ok = script_parse("t", text, strlen(text), &s, &d);
    CHECK(ok && s.count == 2 && strcmp(s.cmds[0].name, id) == 0 &&
          strcmp(s.cmds[1].name, name) == 0, "longest ID and NAME accepted");
    script_fini(&s);
    id[SCRIPT_MAX_ID] = 'a';
    id[SCRIPT_MAX_ID + 1] = '\0';
    name[SCRIPT_MAX_NAME] = 'N';
    name[SCRIPT_MAX_NAME + 1] = '\0';
    snprintf(text, sizeof text, "tap-id %s\nstate %s\n", id, name);
    ok = script_parse("t", text, strlen(text), &s, &d);
    CHECK(!ok && s.count == 0 && d.count == 2, "one character more refused");
    if (d.count == 2) {
        CHECK(d.items[0].line == 1 && d.items[0].column == 8 &&
              strstr(d.items[0].message, "is 128 characters long; the "
                     "limit is 127"), "long ID: %u:%u %s", d.items[0].line,
              d.items[0].column, d.items[0].message);
        CHECK(d.items[1].line == 2 && d.items[1].column == 7 &&
              strstr(d.items[1].message, "state name") &&
              strstr(d.items[1].message, "is 65 characters long; the "
                     "limit is 64"), "long NAME: %u:%u %s", d.items[1].line,
              d.items[1].column, d.items[1].message);
        CHECK(strstr(d.items[0].message, "...") != NULL,
              "a long word is cut when quoted: %s", d.items[0].message);
    }
    script_fini(&s);
    diag_list_fini(&d);
}

static void test_broken(void)
{
    static const struct {
        const char *text;
        size_t len; /* 0: strlen */
        unsigned line, column;
        const char *words, *more; /* substrings of the message */
        const char *source;       /* the quoted line, or NULL to skip */
    } cases[] = {
        {"tpa 1 2", 0, 1, 1,
         "unknown command 'tpa' — did you mean 'tap'?", NULL, "tpa 1 2"},
        {"wait 100\ntap 5\n", 0, 2, 1,
         "tap needs 2 numbers: X Y, found 1", NULL, "tap 5"},
        {"tap -5 10", 0, 1, 5,
         "'-5' is not a coordinate (0 to 100000)", NULL, NULL},
        {"shot a/b", 0, 1, 6,
         "shot name 'a/b' may only use letters, digits, '.', '_' and '-'",
         NULL, NULL},
        {"shot ..", 0, 1, 6, "shot name '..' may not start with '.'", NULL,
         NULL},
        {"state .hidden", 0, 1, 7, "may not start with '.'", "state name",
         NULL},
        {"shot ../../etc/passwd", 0, 1, 6, "may only use letters", NULL,
         NULL},
        {"shot .x.", 0, 1, 6, "may not start with '.'", NULL, NULL},
        {"shot C:\\x", 0, 1, 6, "may only use letters", NULL, NULL},
        {"tap 1 2 3", 0, 1, 9, "tap needs 2 numbers: X Y, found 3", NULL,
         NULL},
        {"tap 1 2 3 4 5 6 7 8 9 10", 0, 1, 9, "found 10", NULL, NULL},
        {"tap", 0, 1, 1, "found 0", NULL, NULL},
        {"drag 1 2 3 4", 0, 1, 1,
         "drag needs 5 numbers: X1 Y1 X2 Y2 MS, found 4", NULL, NULL},
        {"drag 1 2 3 4 600001", 0, 1, 14,
         "'600001' is not a time (0 to 600000 milliseconds; 2 s is 2000)",
         NULL, NULL},
        {"drag 1 2 100001 4 5", 0, 1, 10, "'100001' is not a coordinate",
         NULL, NULL},
        {"wait", 0, 1, 1, "wait needs 1 number: MS (milliseconds), found 0",
         NULL, NULL},
        {"wait 1.5", 0, 1, 6, "'1.5' is not a time", NULL, NULL},
        {"wait 2s", 0, 1, 6, "'2s' is not a time", "2 s is 2000", NULL},
        {"wait 250#x", 0, 1, 6, "'250#x' is not a time", NULL, NULL},
        {"wait +5", 0, 1, 6, "'+5' is not a time", NULL, NULL},
        {"tap 100001 0", 0, 1, 5, "'100001' is not a coordinate", NULL,
         NULL},
        {"tap 99999999999999999999999 0", 0, 1, 5,
         "'99999999999999999999999' is not a coordinate", NULL, NULL},
        {"tap 0x10 0", 0, 1, 5, "'0x10' is not a coordinate", NULL, NULL},
        {"tap-id Region:Yili", 0, 1, 8,
         "tap-id 'Region:Yili' may only use lower-case letters a-z, digits, "
         "':', '.', '_' and '-' — did you mean 'region:yili'?", NULL, NULL},
        {"tap-id region/yili", 0, 1, 8,
         "tap-id 'region/yili' may only use lower-case letters", NULL, NULL},
        {"tap-id", 0, 1, 1, "tap-id needs one ID, like 'region:yili', found 0",
         NULL, NULL},
        {"tap-id a b", 0, 1, 10, "tap-id needs one ID", "cannot contain "
         "spaces", NULL},
        {"shot my home", 0, 1, 9, "shot needs one NAME", "cannot contain "
         "spaces", NULL},
        {"state", 0, 1, 1, "state needs one NAME", "DIR/home.json", NULL},
        {"TAP 1 2", 0, 1, 1,
         "unknown command 'TAP' — commands are lower case: 'tap'", NULL,
         NULL},
        {"click 1 2", 0, 1, 1, "unknown command 'click' — did you mean "
         "'tap'?", NULL, NULL},
        {"sleep 100", 0, 1, 1, "did you mean 'wait'?", NULL, NULL},
        {"tapid x", 0, 1, 1, "did you mean 'tap-id'?", NULL, NULL},
        {"stat x", 0, 1, 1, "did you mean 'state'?", NULL, NULL},
        {"frobnicate", 0, 1, 1, "unknown command 'frobnicate' — a line is "
         "one of tap, tap-id, drag, wait, down, move, up, shot, state, clock, clock-untrusted, or "
         "a '#' comment", NULL, NULL},
        {"down 0 1 1", 0, 1, 6, "'0' is not a finger (1 to 10)", NULL, NULL},
        {"down 11 1 1", 0, 1, 6, "'11' is not a finger", NULL, NULL},
        {"move 1 x 1", 0, 1, 8, "'x' is not a coordinate", NULL, NULL},
        {"up", 0, 1, 1, "up needs 1 number: FINGER, found 0", NULL, NULL},
        {"up 1 2", 0, 1, 6, "up needs 1 number: FINGER, found 2", NULL,
         NULL},
        {"down 1 2", 0, 1, 1, "down needs 3 numbers: FINGER X Y", NULL,
         NULL},
        {"  \t tap x 1", 0, 1, 9, "'x' is not a coordinate", NULL,
         "  \t tap x 1"},
        /* Columns count code points: 工 is 3 bytes, 1 column. */
        {"shot 工 x", 0, 1, 8, "cannot contain spaces", NULL, "shot 工 x"},
        {"shot 工作", 0, 1, 6, "shot name '工作' may only use", NULL, NULL},
        {"ئىلى 1 2", 0, 1, 1, "unknown command 'ئىلى'", "a line is one of",
         NULL},
        {"tap 1 ئ", 0, 1, 7, "'ئ' is not a coordinate", NULL, NULL},
        {"\xEF\xBB\xBFtpa 1 2", 0, 1, 1, "did you mean 'tap'?", NULL,
         "tpa 1 2"},
        {"wait 1\r\nwait 2\r\ntap x 1\r\n", 0, 3, 5,
         "'x' is not a coordinate", NULL, "tap x 1"},
        {"wait 1\rtap 1\r", 0, 2, 1, "found 1", NULL, "tap 1"},
        /* NUL bytes, control characters and bad UTF-8 are quoted as
         * U+FFFD and counted as one column each. */
        {"tap 1 \0", 7, 1, 7, "'\xEF\xBF\xBD' is not a coordinate", NULL,
         "tap 1 \xEF\xBF\xBD"},
        {"shot a\x01" "b", 0, 1, 6, "'a\xEF\xBF\xBD" "b' may only use",
         NULL, NULL},
        {"\xC3\xC3 1", 0, 1, 1, "unknown command '\xEF\xBF\xBD\xEF\xBF\xBD'",
         NULL, "\xEF\xBF\xBD\xEF\xBF\xBD 1"},
        {"shot \xFF x", 0, 1, 8, "cannot contain spaces", NULL, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t len = cases[i].len ? cases[i].len : strlen(cases[i].text);
        struct diag_list d;
        diag_list_init(&d);
        struct script s;
        bool ok = script_parse("j.script", cases[i].text, len, &s, &d);
        CHECK(!ok && s.count == 0 && s.cmds == NULL,
              "case %zu refused with no commands", i);
        CHECK(d.count == 1 && d.errors == 1, "case %zu: one error (%zu)", i,
              d.count);
        if (d.count >= 1) {
            const struct diag *g = &d.items[0];
            CHECK(g->severity == DIAG_ERROR &&
                  strcmp(g->path, "j.script") == 0 &&
                  g->line == cases[i].line && g->column == cases[i].column,
                  "case %zu: at %u:%u, want %u:%u (%s)", i, g->line,
                  g->column, cases[i].line, cases[i].column, g->message);
            CHECK(strstr(g->message, cases[i].words) != NULL,
                  "case %zu: message '%s' lacks '%s'", i, g->message,
                  cases[i].words);
            CHECK(!cases[i].more || strstr(g->message, cases[i].more),
                  "case %zu: message '%s' lacks '%s'", i, g->message,
                  cases[i].more);
            CHECK(!cases[i].source ||
                  (g->source && strcmp(g->source, cases[i].source) == 0),
                  "case %zu: quoted line '%s'", i,
                  g->source ? g->source : "(none)");
        }
        script_fini(&s);
        diag_list_fini(&d);
    }
}

/* One bad script reports every error, in order, and the good lines
 * between them do not survive. */
static void test_all_errors(void)
{
    const char *text = "tpa 1 2\n"
                       "tap 1 2\n"
                       "tap -1 -2\n"
                       "# fine\n"
                       "shot a/b\n"
                       "shot home.png\n";
    struct diag_list d;
    diag_list_init(&d);
    struct script s;
    bool ok = script_parse("all", text, strlen(text), &s, &d);
    CHECK(!ok && s.count == 0, "errors make the whole script invalid");
    static const struct {
        enum diag_severity sev;
        unsigned line, column;
    } want[] = {
        {DIAG_ERROR, 1, 1},   {DIAG_ERROR, 3, 5},  {DIAG_ERROR, 3, 8},
        {DIAG_ERROR, 5, 6},   {DIAG_WARNING, 6, 6},
    };
    CHECK(d.count == 5 && d.errors == 4 && d.warnings == 1,
          "every problem reported: %zu (%zu errors)", d.count, d.errors);
    for (size_t i = 0; i < 5 && i < d.count; i++)
        CHECK(d.items[i].severity == want[i].sev &&
              d.items[i].line == want[i].line &&
              d.items[i].column == want[i].column,
              "problem %zu at %u:%u: %s", i, d.items[i].line,
              d.items[i].column, d.items[i].message);
    script_fini(&s);
    diag_list_fini(&d);

    /* A warning alone leaves the script valid. */
    diag_list_init(&d);
    text = "shot home.PNG\nstate end.json\nshot a.json\n";
    ok = script_parse("w", text, strlen(text), &s, &d);
    CHECK(ok && s.count == 3 && d.errors == 0 && d.warnings == 2,
          "'.png' / '.json' warned, still valid");
    if (d.count == 2) {
        CHECK(strstr(d.items[0].message, "shot name 'home.PNG' is written "
                     "as 'home.PNG.png'") != NULL, "%s", d.items[0].message);
        CHECK(d.items[1].line == 2 && d.items[1].column == 7,
              "state warning at %u:%u", d.items[1].line, d.items[1].column);
    }
    script_fini(&s);
    diag_list_fini(&d);

    /* Thousands of errors: 200 kept, the rest counted. */
    size_t n = 5000, len = 0;
    char *big = malloc(n * 8);
    for (size_t i = 0; i < n; i++) {
        memcpy(big + len, "tap 1\n", 6);
        len += 6;
    }
    diag_list_init(&d);
    ok = script_parse("many", big, len, &s, &d);
    CHECK(!ok && d.count == DIAG_MAX_KEPT && d.errors == n &&
          d.dropped == n - DIAG_MAX_KEPT, "5000 errors: %zu kept, %zu "
          "counted", d.count, d.errors);
    CHECK(d.count && d.items[DIAG_MAX_KEPT - 1].line == DIAG_MAX_KEPT,
          "the first 200 are kept");
    script_fini(&s);
    diag_list_fini(&d);
    free(big);
}

static void test_limits(void)
{
    struct diag_list d;
    struct script s;

    /* Exactly 1 MiB: accepted (one command, the rest a comment). */
    size_t len = SCRIPT_MAX_BYTES;
    char *text = malloc(len + 1);
    memset(text, 'x', len + 1);
    memcpy(text, "wait 1\n#", 8);
    diag_list_init(&d);
    bool ok = script_parse("big", text, len, &s, &d);
    CHECK(ok && s.count == 1, "a 1 MiB script is accepted");
    script_fini(&s);
    diag_list_fini(&d);

    /* 1 MiB + 1: refused unread. */
    diag_list_init(&d);
    double t = now();
    ok = script_parse("big", text, len + 1, &s, &d);
    t = now() - t;
    CHECK(!ok && s.count == 0 && d.count == 1 && d.items[0].line == 0,
          "a 1 MiB + 1 script is refused");
    CHECK(d.count && strstr(d.items[0].message, "1048577 bytes; the limit "
                            "is 1048576 (1 MiB)"), "size message: %s",
          d.count ? d.items[0].message : "");
    CHECK(t < 0.1, "refused in %.3f s", t);
    diag_list_fini(&d);
    free(text);

    /* 100,000 commands: accepted; 100,001: refused at the extra one. */
    text = malloc((SCRIPT_MAX_COMMANDS + 2) * 8);
    len = 0;
    for (size_t i = 0; i < SCRIPT_MAX_COMMANDS; i++) {
        memcpy(text + len, i % 2 ? "wait 1\n" : "tap 1 2\n", i % 2 ? 7 : 8);
        len += i % 2 ? 7 : 8;
    }
    size_t len_max = len;
    memcpy(text + len, "tap 1 2\n", 8);
    len += 8;
    diag_list_init(&d);
    t = now();
    ok = script_parse("many", text, len_max, &s, &d);
    t = now() - t;
    CHECK(ok && s.count == SCRIPT_MAX_COMMANDS &&
          s.cmds[s.count - 1].line == SCRIPT_MAX_COMMANDS &&
          s.cmds[s.count - 1].op == SCRIPT_WAIT,
          "100,000 commands are accepted (%zu)", s.count);
    CHECK(t < 2.0, "100,000 commands parsed in %.3f s", t);
    script_fini(&s);
    diag_list_fini(&d);

    diag_list_init(&d);
    t = now();
    ok = script_parse("many", text, len, &s, &d);
    t = now() - t;
    CHECK(!ok && s.count == 0 && d.count == 1 &&
          d.items[0].line == SCRIPT_MAX_COMMANDS + 1 &&
          d.items[0].column == 1 &&
          strstr(d.items[0].message, "more than 100000 commands"),
          "100,001 commands are refused at the extra one");
    CHECK(t < 2.0, "refused in %.3f s", t);
    script_fini(&s);
    diag_list_fini(&d);

    /* Parsing stops at the limit: errors after it are not reported. */
    memcpy(text + len, "tpa 1\n", 6);
    diag_list_init(&d);
    ok = script_parse("many", text, len + 6, &s, &d);
    CHECK(!ok && d.count == 1, "nothing read past the limit");
    diag_list_fini(&d);
    free(text);
}

/* clock and clock-untrusted: the time's fields, the trust, and a time
 * that is not one (the month, the day of a month, the shape), at its
 * column. */
static void test_clock(void)
{
    struct script sc;
    struct diag_list d;
    diag_list_init(&d);
    const char *text = "clock 2026-12-24T16:59\nclock-untrusted "
                       "2028-02-29T03:04:05\n";
    bool ok = script_parse("c.script", text, strlen(text), &sc, &d);
    static const int want[2][6] = {{2026, 12, 24, 16, 59, 0},
                                   {2028, 2, 29, 3, 4, 5}};
    CHECK(ok && sc.count == 2 && sc.cmds[0].op == SCRIPT_CLOCK &&
              sc.cmds[1].op == SCRIPT_CLOCK &&
              memcmp(sc.cmds[0].clock, want[0], sizeof want[0]) == 0 &&
              memcmp(sc.cmds[1].clock, want[1], sizeof want[1]) == 0 &&
              !sc.cmds[0].untrusted && sc.cmds[1].untrusted,
          "clock and clock-untrusted parse into their fields");
    script_fini(&sc);
    diag_list_fini(&d);
    static const char *const bad[] = {
        "clock 2026-13-01T10:00", "clock 2026-02-29T10:00",
        "clock 2026-04-31T10:00", "clock 2026-12-24T24:00",
        "clock 2026-12-24T10:60", "clock 2026-12-24_10:00",
        "clock 26-12-24T10:00",   "clock 2026-12-24T10:00:61",
        "clock 2026-12-24T1000",  "clock-untrusted 1969-12-31T23:59",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        diag_list_init(&d);
        ok = script_parse("c.script", bad[i], strlen(bad[i]), &sc, &d);
        const char *msg = d.count ? d.items[0].message : "";
        unsigned col = d.count ? d.items[0].column : 0;
        size_t want_col = (size_t)(strchr(bad[i], ' ') - bad[i]) + 2;
        CHECK(!ok && sc.count == 0 && strstr(msg, "is not a local time") &&
                  col == want_col,
              "'%s' is refused at column %zu (got %u: %s)", bad[i],
              want_col, col, msg);
        script_fini(&sc);
        diag_list_fini(&d);
    }
}

static void test_misc(void)
{
    CHECK(strcmp(script_op_name(SCRIPT_TAP_ID), "tap-id") == 0 &&
          strcmp(script_op_name(SCRIPT_STATE), "state") == 0 &&
          strcmp(script_op_name((enum script_op)99), "?") == 0,
          "op names");
    struct script s = {0};
    script_fini(&s);
    CHECK(s.count == 0, "fini on an empty script");

    struct diag_list d;
    diag_list_init(&d);
    bool ok = script_parse(NULL, NULL, 0, &s, &d);
    CHECK(ok && s.count == 0 && d.count == 0, "no text at all is valid");
    const char *t = "tap 1 2";
    ok = script_parse(NULL, t, 3, &s, &d);
    CHECK(!ok && d.count == 1 && strcmp(d.items[0].path, "") == 0,
          "length is honoured; no path is ''");
    diag_list_fini(&d);
}

/* Several fingers: down, move and up carry the finger and its place. */
static void test_fingers(void)
{
    static const char text[] = "down 1 30 30\nmove 10 5 6\nup 3\n";
    struct diag_list d;
    diag_list_init(&d);
    struct script s;
    bool ok = script_parse("t", text, sizeof text - 1, &s, &d);
    CHECK(ok && s.count == 3, "finger commands parse");
    if (ok && s.count == 3) {
        const struct script_cmd *c = s.cmds;
        CHECK(c[0].op == SCRIPT_DOWN && c[0].finger == 1 && c[0].a == 30 &&
                  c[0].b == 30,
              "down 1 30 30");
        CHECK(c[1].op == SCRIPT_MOVE && c[1].finger == 10 && c[1].a == 5 &&
                  c[1].b == 6,
              "move 10 5 6");
        CHECK(c[2].op == SCRIPT_UP && c[2].finger == 3 && c[2].a == 0 &&
                  c[2].b == 0,
              "up 3");
        CHECK(strcmp(script_op_name(SCRIPT_DOWN), "down") == 0 &&
                  strcmp(script_op_name(SCRIPT_UP), "up") == 0,
              "their names");
    }
    script_fini(&s);
    diag_list_fini(&d);
}

int main(void)
{
    test_fingers();
    test_valid();
    test_lengths();
    test_broken();
    test_all_errors();
    test_limits();
    test_misc();
    test_clock();
    return check_finish("test_script");
}
