/* script.c: the parser of render scripts (language in script.h).
 *
 * One pass over the lines; each line is split into words (positions only,
 * nothing copied until a command is accepted), the first word chooses the
 * command from `commands` -- its word, its arguments and their ranges, its
 * usage -- and the rest are checked against it.  Commands go into the
 * output as they are accepted; if any error was found the output is emptied
 * at the end, so a caller never sees half a script.  Columns are counted
 * the way the diagnostics printer draws the line: one per code point, one
 * per ill-formed subpart. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/suggest.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "input/script.h"

#define MAX_WORDS 8 /* kept per line; more are only counted */
#define SHOW_MAX 40 /* code points of a word quoted in a message */

struct word {
    size_t off, len; /* in the line */
};

struct parser {
    const char *path;
    struct diag_list *d;
    struct script *out;
    const char *line; /* the current line, without its line end */
    size_t line_len;
    unsigned line_no;
    size_t errors;
    size_t commands; /* command lines seen, valid or not */
    struct script_cmd pending; /* the command being read */
};

/* A number a command takes: where it goes in struct script_cmd, its
 * range and what a message calls it ("'x' is not a time (0 to 600000
 * milliseconds; 2 s is 2000)"). */
struct number {
    size_t at;
    int min, max;
    const char *what, *unit;
};

#define AT(field) offsetof(struct script_cmd, field)
static const struct number
    X = {AT(a), 0, SCRIPT_MAX_COORD, "a coordinate", ""},
    Y = {AT(b), 0, SCRIPT_MAX_COORD, "a coordinate", ""},
    X2 = {AT(c), 0, SCRIPT_MAX_COORD, "a coordinate", ""},
    Y2 = {AT(d), 0, SCRIPT_MAX_COORD, "a coordinate", ""},
    MS = {AT(ms), 0, SCRIPT_MAX_MS, "a time", " milliseconds; 2 s is 2000"},
    FINGER = {AT(finger), 1, SCRIPT_MAX_FINGER, "a finger", ""};

/* A command's arguments: `numbers` of them, or else one word (an ID or a
 * NAME, into `name`) that `check` accepts or reports. */
struct command {
    const char *word;
    enum script_op op;
    const char *usage;
    unsigned numbers;
    const struct number *number[5];
    bool (*check)(struct parser *p, const struct command *c, struct word w);
    const char *ext; /* a NAME's file: NAME + ext */
};

static bool check_id(struct parser *p, const struct command *cmd,
                     struct word w);
static bool check_name(struct parser *p, const struct command *c,
                       struct word w);
static bool check_time(struct parser *p, const struct command *c,
                       struct word w);

static const struct command commands[] = {
    {"tap", SCRIPT_TAP, "tap needs 2 numbers: X Y", 2, {&X, &Y}, NULL, NULL},
    {"tap-id", SCRIPT_TAP_ID, "tap-id needs one ID, like 'region:yili'", 0,
     {NULL}, check_id, NULL},
    {"drag", SCRIPT_DRAG, "drag needs 5 numbers: X1 Y1 X2 Y2 MS", 5,
     {&X, &Y, &X2, &Y2, &MS}, NULL, NULL},
    {"wait", SCRIPT_WAIT, "wait needs 1 number: MS (milliseconds)", 1, {&MS},
     NULL, NULL},
    {"down", SCRIPT_DOWN, "down needs 3 numbers: FINGER X Y", 3,
     {&FINGER, &X, &Y}, NULL, NULL},
    {"move", SCRIPT_MOVE, "move needs 3 numbers: FINGER X Y", 3,
     {&FINGER, &X, &Y}, NULL, NULL},
    {"up", SCRIPT_UP, "up needs 1 number: FINGER", 1, {&FINGER}, NULL, NULL},
    {"shot", SCRIPT_SHOT, "shot needs one NAME, like 'home' (it writes "
     "DIR/home.png)", 0, {NULL}, check_name, ".png"},
    {"state", SCRIPT_STATE, "state needs one NAME, like 'home' (it writes "
     "DIR/home.json)", 0, {NULL}, check_name, ".json"},
    {"clock", SCRIPT_CLOCK, "clock needs one local time, like "
     "'2026-12-24T16:59' or '2026-12-24T16:59:30'", 0, {NULL}, check_time,
     NULL},
    {"clock-untrusted", SCRIPT_CLOCK, "clock-untrusted needs one local "
     "time, like '2026-12-24T16:59'", 0, {NULL}, check_time, NULL},
};

#define COMMAND_COUNT (sizeof commands / sizeof *commands)

/* Words from other tools that mean one of ours. */
static const struct {
    const char *word, *means;
} synonyms[] = {
    {"click", "tap"},      {"touch", "tap"},       {"press", "tap"},
    {"swipe", "drag"},     {"fling", "drag"},      {"scroll", "drag"},
    {"sleep", "wait"},     {"pause", "wait"},      {"delay", "wait"},
    {"screenshot", "shot"}, {"snap", "shot"},      {"png", "shot"},
    {"dump", "state"},     {"json", "state"},
};

const char *script_op_name(enum script_op op)
{
    for (size_t i = 0; i < COMMAND_COUNT; i++) {
        if (commands[i].op == op)
            return commands[i].word;
    }
    return "?";
}

void script_fini(struct script *s)
{
    free(s->cmds);
    memset(s, 0, sizeof *s);
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t';
}

/* The 1-based code point column of byte `off` of the current line. */
static unsigned column(const struct parser *p, size_t off)
{
    unsigned col = 1;
    size_t i = 0, used;
    while (i < off) {
        utf8_decode(p->line + i, p->line_len - i, &used);
        i += used;
        col++;
    }
    return col;
}

static void report(struct parser *p, enum diag_severity sev, size_t off,
                   const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void report(struct parser *p, enum diag_severity sev, size_t off,
                   const char *fmt, ...)
{
    if (sev == DIAG_ERROR)
        p->errors++;
    if (diag_list_full(p->d)) {
        diag_count(p->d, sev); /* skip locating it */
        return;
    }
    /* The quoted line: NUL bytes and bad UTF-8 become U+FFFD, one per
     * code point counted by column(). */
    size_t n;
    char *src = utf8_sanitize(p->line, p->line_len, &n);
    va_list ap;
    va_start(ap, fmt);
    diag_addv(p->d, sev, p->path, p->line_no, column(p, off), src, fmt, ap);
    va_end(ap);
    free(src);
}

/* A word as quoted in a message: at most SHOW_MAX code points, control
 * characters and bad UTF-8 as U+FFFD, "..." if cut. */
static const char *show(const struct parser *p, struct word w,
                        char buf[SHOW_MAX * 4 + 4])
{
    const char *s = p->line + w.off;
    size_t i = 0, n = 0, used;
    unsigned shown = 0;
    while (i < w.len) {
        if (shown == SHOW_MAX) {
            memcpy(buf + n, "...", 3);
            n += 3;
            break;
        }
        uint32_t cp = utf8_decode(s + i, w.len - i, &used);
        if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
            cp = UTF8_REPLACEMENT;
        n += utf8_encode(cp, buf + n);
        i += used;
        shown++;
    }
    buf[n] = '\0';
    return buf;
}

static bool word_is(const struct parser *p, struct word w, const char *s)
{
    return w.len == strlen(s) && memcmp(p->line + w.off, s, w.len) == 0;
}

/* A whole number in 0..max; false for anything else.  Words are never
 * empty. */
static bool number(const struct parser *p, struct word w, int max, int *out)
{
    const char *s = p->line + w.off;
    long v = 0;
    for (size_t i = 0; i < w.len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
        if (v > max)
            return false;
    }
    *out = (int)v;
    return true;
}

/* s with A-Z made a-z, into out (as large), NUL and all. */
static void ascii_lower(const char *s, char *out)
{
    do
        *out++ = *s >= 'A' && *s <= 'Z' ? (char)(*s - 'A' + 'a') : *s;
    while (*s++);
}

static void unknown_command(struct parser *p, struct word w)
{
    char shown[SHOW_MAX * 4 + 4];
    show(p, w, shown);
    const char *cands[COMMAND_COUNT];
    for (size_t i = 0; i < COMMAND_COUNT; i++)
        cands[i] = commands[i].word;
    char word[SCRIPT_MAX_NAME + 1], lower[SCRIPT_MAX_NAME + 1];
    if (w.len <= SCRIPT_MAX_NAME) {
        memcpy(word, p->line + w.off, w.len);
        word[w.len] = '\0';
        ascii_lower(word, lower);
        for (size_t i = 0; i < COMMAND_COUNT; i++) {
            if (strcmp(lower, cands[i]) == 0) {
                report(p, DIAG_ERROR, w.off, "unknown command '%s' — "
                       "commands are lower case: '%s'", shown, cands[i]);
                return;
            }
        }
        for (size_t i = 0; i < sizeof synonyms / sizeof *synonyms; i++) {
            if (strcmp(lower, synonyms[i].word) == 0) {
                report(p, DIAG_ERROR, w.off, "unknown command '%s' — did "
                       "you mean '%s'?", shown, synonyms[i].means);
                return;
            }
        }
        const char *s = suggest_closest(lower, cands, COMMAND_COUNT);
        if (s) {
            report(p, DIAG_ERROR, w.off, "unknown command '%s' — did you "
                   "mean '%s'?", shown, s);
            return;
        }
    }
    char list[COMMAND_COUNT * 16] = "";
    for (size_t i = 0, n = 0; i < COMMAND_COUNT && n < sizeof list; i++)
        n += (size_t)snprintf(list + n, sizeof list - n, "%s, ",
                              commands[i].word);
    report(p, DIAG_ERROR, w.off, "unknown command '%s' — a line is one of "
           "%sor a '#' comment", shown, list);
}

static bool id_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ':' ||
           c == '.' || c == '_' || c == '-';
}

static bool name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

/* Checks a tap-id ID; true if it is good. */
static bool check_id(struct parser *p, const struct command *cmd,
                     struct word w)
{
    (void)cmd;
    const char *s = p->line + w.off;
    char shown[SHOW_MAX * 4 + 4];
    bool upper_only = true; /* every bad character is an upper-case letter */
    bool bad = false;
    for (size_t i = 0; i < w.len; i++) {
        if (!id_char(s[i])) {
            bad = true;
            upper_only &= s[i] >= 'A' && s[i] <= 'Z';
        }
    }
    if (bad) {
        show(p, w, shown);
        if (upper_only) {
            char lower[sizeof shown];
            ascii_lower(shown, lower);
            report(p, DIAG_ERROR, w.off, "tap-id '%s' may only use "
                   "lower-case letters a-z, digits, ':', '.', '_' and '-' — "
                   "did you mean '%s'?", shown, lower);
        } else {
            report(p, DIAG_ERROR, w.off, "tap-id '%s' may only use "
                   "lower-case letters a-z, digits, ':', '.', '_' and '-'",
                   shown);
        }
        return false;
    }
    if (w.len > SCRIPT_MAX_ID) {
        report(p, DIAG_ERROR, w.off, "tap-id '%s' is %zu characters long; "
               "the limit is %d", show(p, w, shown), w.len, SCRIPT_MAX_ID);
        return false;
    }
    return true;
}

/* Checks a shot or state NAME; true if it is good. */
static bool check_name(struct parser *p, const struct command *c,
                       struct word w)
{
    const char *s = p->line + w.off;
    char shown[SHOW_MAX * 4 + 4];
    show(p, w, shown);
    for (size_t i = 0; i < w.len; i++) {
        if (!name_char(s[i])) {
            report(p, DIAG_ERROR, w.off, "%s name '%s' may only use "
                   "letters, digits, '.', '_' and '-'", c->word, shown);
            return false;
        }
    }
    if (w.len > SCRIPT_MAX_NAME) {
        report(p, DIAG_ERROR, w.off, "%s name '%s' is %zu characters long; "
               "the limit is %d", c->word, shown, w.len, SCRIPT_MAX_NAME);
        return false;
    }
    if (s[0] == '.') {
        report(p, DIAG_ERROR, w.off, "%s name '%s' may not start with '.'",
               c->word, shown);
        return false;
    }
    const char *ext = c->ext;
    size_t el = strlen(ext);
    if (w.len > el && strncasecmp(s + w.len - el, ext, el) == 0)
        report(p, DIAG_WARNING, w.off, "%s name '%s' is written as "
               "'%s%s'; '%s' is added for you, so leave it out",
               c->word, shown, shown, ext, ext);
    return true;
}

/* Checks a clock's YYYY-MM-DDTHH:MM[:SS] (a real calendar day, a time of
 * day); true if it is good. */
static bool check_time(struct parser *p, const struct command *c,
                       struct word w)
{
    (void)c;
    const char *s = p->line + w.off;
    static const char shape[] = "dddd-dd-ddTdd:dd:dd";
    bool ok = w.len == 16 || w.len == 19;
    for (size_t i = 0; ok && i < w.len; i++)
        ok = shape[i] == 'd' ? s[i] >= '0' && s[i] <= '9' : s[i] == shape[i];
    int v[6] = {0};
    if (ok) {
        static const int at[6] = {0, 5, 8, 11, 14, 17}, len[6] = {4, 2, 2, 2,
                                                                  2, 2};
        for (int k = 0; k < 6 && at[k] < (int)w.len; k++)
            for (int j = 0; j < len[k]; j++)
                v[k] = v[k] * 10 + (s[at[k] + j] - '0');
        static const int mdays[12] = {31, 29, 31, 30, 31, 30,
                                      31, 31, 30, 31, 30, 31};
        bool leap = (v[0] % 4 == 0 && v[0] % 100 != 0) || v[0] % 400 == 0;
        ok = v[0] >= 1970 && v[0] <= 2200 && v[1] >= 1 && v[1] <= 12 &&
             v[2] >= 1 && v[2] <= mdays[v[1] - 1] &&
             !(v[1] == 2 && v[2] == 29 && !leap) && v[3] <= 23 &&
             v[4] <= 59 && v[5] <= 59;
    }
    if (!ok) {
        char shown[SHOW_MAX * 4 + 4];
        report(p, DIAG_ERROR, w.off, "'%s' is not a local time written "
               "YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS, like "
               "2026-12-24T16:59 (years 1970 to 2200)", show(p, w, shown));
        return false;
    }
    memcpy(p->pending.clock, v, sizeof v);
    return true;
}

/* The command words[0] names, or NULL after an error. */
static const struct command *find_command(struct parser *p, struct word w)
{
    for (size_t i = 0; i < COMMAND_COUNT; i++) {
        if (word_is(p, w, commands[i].word))
            return &commands[i];
    }
    unknown_command(p, w);
    return NULL;
}

/* Whether the command has as many arguments as it takes (words[0] is the
 * command, `nwords` words were counted); false after an error. */
static bool count_args(struct parser *p, const struct command *c,
                       const struct word *words, size_t nwords)
{
    size_t want = c->numbers ? c->numbers : 1;
    size_t have = nwords - 1;
    if (have < want)
        report(p, DIAG_ERROR, words[0].off, "%s, found %zu", c->usage, have);
    else if (have > want && c->numbers)
        report(p, DIAG_ERROR, words[want + 1].off, "%s, found %zu",
               c->usage, have);
    else if (have > want)
        report(p, DIAG_ERROR, words[want + 1].off, "%s; it cannot contain "
               "spaces", c->usage);
    return have == want;
}

/* The command's numbers args[0..c->numbers) into *cmd; false if any is
 * not one (each reported). */
static bool take_numbers(struct parser *p, const struct command *c,
                         const struct word *args, struct script_cmd *cmd)
{
    bool ok = true;
    for (size_t i = 0; i < c->numbers; i++) {
        const struct number *n = c->number[i];
        int v = 0;
        if (number(p, args[i], n->max, &v) && v >= n->min) {
            *(int *)((char *)cmd + n->at) = v;
            continue;
        }
        char shown[SHOW_MAX * 4 + 4];
        report(p, DIAG_ERROR, args[i].off, "'%s' is not %s (%d to %d%s)",
               show(p, args[i], shown), n->what, n->min, n->max, n->unit);
        ok = false;
    }
    return ok;
}

/* words[0..MAX_WORDS) are kept, `nwords` counted. */
static void command(struct parser *p, const struct word *words,
                    size_t nwords)
{
    const struct command *c = find_command(p, words[0]);
    if (!c || !count_args(p, c, words, nwords))
        return;
    /* the command is made in p->pending: a check may fill it too */
    struct script_cmd *cmd = &p->pending;
    *cmd = (struct script_cmd){.op = c->op, .line = p->line_no,
                               .untrusted = strcmp(c->word,
                                                   "clock-untrusted") == 0};
    bool ok;
    if (c->numbers) {
        ok = take_numbers(p, c, words + 1, cmd);
    } else if ((ok = c->check(p, c, words[1]))) {
        memcpy(cmd->name, p->line + words[1].off, words[1].len);
        cmd->name[words[1].len] = '\0';
    }
    if (!ok || p->errors)
        return; /* the output is dropped anyway */
    struct script *s = p->out;
    s->cmds = xgrow(s->cmds, &s->cap, s->count + 1, sizeof *s->cmds);
    s->cmds[s->count++] = *cmd;
}

/* Parses the current line; false once the command limit is passed. */
static bool line(struct parser *p)
{
    struct word words[MAX_WORDS];
    size_t nwords = 0, i = 0;
    const char *s = p->line;
    while (i < p->line_len) {
        while (i < p->line_len && is_space(s[i]))
            i++;
        if (i == p->line_len || s[i] == '#')
            break;
        size_t start = i;
        while (i < p->line_len && !is_space(s[i]))
            i++;
        if (nwords < MAX_WORDS)
            words[nwords] = (struct word){start, i - start};
        nwords++;
    }
    if (nwords == 0)
        return true;
    if (++p->commands > SCRIPT_MAX_COMMANDS) {
        report(p, DIAG_ERROR, words[0].off, "more than %d commands; split "
               "the script into several", SCRIPT_MAX_COMMANDS);
        return false;
    }
    command(p, words, nwords);
    return true;
}

bool script_parse(const char *path, const char *text, size_t len,
                  struct script *out, struct diag_list *diags)
{
    memset(out, 0, sizeof *out);
    struct parser p = {.path = path ? path : "", .d = diags, .out = out};
    if (len > SCRIPT_MAX_BYTES) {
        diag_add(diags, DIAG_ERROR, p.path, 0, 0, NULL, "this script is "
                 "%zu bytes; the limit is %d (1 MiB) — split it into "
                 "several", len, SCRIPT_MAX_BYTES);
        return false;
    }
    size_t i = 0;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < len) {
        size_t end = i;
        while (end < len && text[end] != '\n' && text[end] != '\r')
            end++;
        p.line = text + i;
        p.line_len = end - i;
        p.line_no++;
        if (!line(&p))
            break;
        if (end < len && text[end] == '\r' && end + 1 < len &&
            text[end + 1] == '\n')
            end++;
        i = end + 1;
    }
    if (p.errors) {
        script_fini(out);
        return false;
    }
    return true;
}
