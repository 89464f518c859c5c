/* fuzz_script.c: libFuzzer target for the render script parser.
 *
 * Any bytes go in.  A script that parses must hold only commands with
 * every field in range, unused fields zero, names that cannot leave the
 * output folder and lines in order; a refused one holds no commands and
 * at least one error.  Every diagnostic points inside the input.  An
 * accepted script, written back out as text, must parse to the same
 * commands.  Inputs are capped at 64 KiB. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "input/script.h"

#define FUZZ_MAX_INPUT (64 * 1024)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool in(int v, int max)
{
    return v >= 0 && v <= max;
}

static void check_word(const struct script_cmd *c)
{
    size_t n = strnlen(c->name, sizeof c->name);
    if (n == sizeof c->name || n == 0)
        abort();
    for (size_t i = 0; i < n; i++) {
        char ch = c->name[i];
        bool lower = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
                     ch == '.' || ch == '_' || ch == '-';
        bool upper = ch >= 'A' && ch <= 'Z';
        if (c->op == SCRIPT_TAP_ID ? !(lower || ch == ':')
                                   : !(lower || upper))
            abort();
    }
    if (c->op == SCRIPT_TAP_ID ? n > SCRIPT_MAX_ID
                               : n > SCRIPT_MAX_NAME || c->name[0] == '.')
        abort();
}

static void check_cmd(const struct script_cmd *c)
{
    bool numbers_zero = !c->a && !c->b && !c->c && !c->d && !c->ms;
    if (c->op != SCRIPT_DOWN && c->op != SCRIPT_MOVE && c->op != SCRIPT_UP &&
        c->finger)
        abort();
    switch (c->op) {
    case SCRIPT_DOWN:
    case SCRIPT_MOVE:
        if (c->finger < 1 || c->finger > SCRIPT_MAX_FINGER ||
            !in(c->a, SCRIPT_MAX_COORD) || !in(c->b, SCRIPT_MAX_COORD) ||
            c->c || c->d || c->ms || c->name[0])
            abort();
        break;
    case SCRIPT_UP:
        if (c->finger < 1 || c->finger > SCRIPT_MAX_FINGER || c->a ||
            c->b || c->c || c->d || c->ms || c->name[0])
            abort();
        break;
    case SCRIPT_TAP:
        if (!in(c->a, SCRIPT_MAX_COORD) || !in(c->b, SCRIPT_MAX_COORD) ||
            c->c || c->d || c->ms || c->name[0])
            abort();
        break;
    case SCRIPT_DRAG:
        if (!in(c->a, SCRIPT_MAX_COORD) || !in(c->b, SCRIPT_MAX_COORD) ||
            !in(c->c, SCRIPT_MAX_COORD) || !in(c->d, SCRIPT_MAX_COORD) ||
            !in(c->ms, SCRIPT_MAX_MS) || c->name[0])
            abort();
        break;
    case SCRIPT_WAIT:
        if (c->a || c->b || c->c || c->d || !in(c->ms, SCRIPT_MAX_MS) ||
            c->name[0])
            abort();
        break;
    case SCRIPT_TAP_ID:
    case SCRIPT_SHOT:
    case SCRIPT_STATE:
        if (!numbers_zero)
            abort();
        check_word(c);
        break;
    default:
        abort();
    }
}

/* Writes the commands back as a script (LF, one space between words). */
static char *format(const struct script *s, size_t *len)
{
    size_t cap = s->count * 160 + 1, n = 0;
    char *out = xmalloc(cap);
    for (size_t i = 0; i < s->count; i++) {
        const struct script_cmd *c = &s->cmds[i];
        const char *op = script_op_name(c->op);
        int w;
        switch (c->op) {
        case SCRIPT_TAP:
            w = snprintf(out + n, cap - n, "%s %d %d\n", op, c->a, c->b);
            break;
        case SCRIPT_DRAG:
            w = snprintf(out + n, cap - n, "%s %d %d %d %d %d\n", op, c->a,
                         c->b, c->c, c->d, c->ms);
            break;
        case SCRIPT_WAIT:
            w = snprintf(out + n, cap - n, "%s %d\n", op, c->ms);
            break;
        case SCRIPT_DOWN:
        case SCRIPT_MOVE:
            w = snprintf(out + n, cap - n, "%s %d %d %d\n", op, c->finger,
                         c->a, c->b);
            break;
        case SCRIPT_UP:
            w = snprintf(out + n, cap - n, "%s %d\n", op, c->finger);
            break;
        default:
            w = snprintf(out + n, cap - n, "%s %s\n", op, c->name);
            break;
        }
        if (w < 0 || (size_t)w >= cap - n)
            abort();
        n += (size_t)w;
    }
    *len = n;
    return out;
}

static void check_diags(const struct diag_list *d, unsigned lines)
{
    for (size_t i = 0; i < d->count; i++) {
        const struct diag *g = &d->items[i];
        if (!g->message[0] || strcmp(g->path, "fuzz") != 0 ||
            g->line > lines)
            abort();
        if (g->line == 0)
            continue; /* the whole file: only the size limit */
        if (!g->source || g->column == 0)
            abort();
        size_t n = strlen(g->source), cps = 0, i2 = 0, used;
        if (!utf8_valid(g->source, n))
            abort();
        while (i2 < n) {
            utf8_decode(g->source + i2, n - i2, &used);
            i2 += used;
            cps++;
        }
        if (g->column > cps + 1)
            abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > FUZZ_MAX_INPUT)
        return 0;
    const char *text = (const char *)data;
    unsigned lines = 1;
    for (size_t i = 0; i < size; i++)
        lines += data[i] == '\n' || data[i] == '\r';

    struct diag_list d;
    diag_list_init(&d);
    struct script s;
    bool ok = script_parse("fuzz", text, size, &s, &d);
    if (ok != (d.errors == 0))
        abort();
    if (!ok && (s.count || s.cmds))
        abort();
    if (s.count > SCRIPT_MAX_COMMANDS)
        abort();
    check_diags(&d, lines);
    unsigned last = 0;
    for (size_t i = 0; i < s.count; i++) {
        check_cmd(&s.cmds[i]);
        if (s.cmds[i].line <= last || s.cmds[i].line > lines)
            abort();
        last = s.cmds[i].line;
    }

    if (ok) {
        size_t len;
        char *again = format(&s, &len);
        struct diag_list d2;
        diag_list_init(&d2);
        struct script s2;
        if (!script_parse("fuzz", again, len, &s2, &d2) ||
            s2.count != s.count)
            abort();
        for (size_t i = 0; i < s.count; i++) {
            const struct script_cmd *a = &s.cmds[i], *b = &s2.cmds[i];
            if (a->op != b->op || a->a != b->a || a->b != b->b ||
                a->c != b->c || a->d != b->d || a->ms != b->ms ||
                a->finger != b->finger ||
                strcmp(a->name, b->name) != 0 || b->line != i + 1)
                abort();
        }
        script_fini(&s2);
        diag_list_fini(&d2);
        free(again);
    }
    script_fini(&s);
    diag_list_fini(&d);
    return 0;
}
