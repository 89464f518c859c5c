/* diag.c: the diagnostics list and its GCC-style and JSON printers.
 *
 * Every message kept is well-formed UTF-8 and at most DIAG_MESSAGE_MAX
 * bytes, so whatever a caller formats (file names and lines from a
 * stick included) prints as text and JSON a reader can trust. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/utf8.h"
#include "core/xalloc.h"

void diag_list_init(struct diag_list *list)
{
    memset(list, 0, sizeof *list);
}

void diag_list_fini(struct diag_list *list)
{
    for (size_t i = 0; i < list->count; i++) {
        free(list->items[i].path);
        free(list->items[i].message);
        free(list->items[i].source);
    }
    free(list->items);
    memset(list, 0, sizeof *list);
}

bool diag_list_full(const struct diag_list *list)
{
    return list->count >= DIAG_MAX_KEPT;
}

void diag_count(struct diag_list *list, enum diag_severity severity)
{
    list->dropped++;
    if (severity == DIAG_ERROR)
        list->errors++;
    else if (severity == DIAG_WARNING)
        list->warnings++;
}

/* The message as kept: well-formed UTF-8 (a character a caller's own
 * fixed-size buffer cut short is dropped, any other ill-formed byte
 * becomes U+FFFD), at most DIAG_MESSAGE_MAX bytes, cut between two
 * characters and ended with an ellipsis when longer. */
static char *message_text(const char *raw, size_t len)
{
    size_t n;
    char *s = utf8_sanitize(raw, utf8_trim_partial(raw, len), &n);
    static const char ellipsis[] = "\xE2\x80\xA6"; /* U+2026 */
    if (n > DIAG_MESSAGE_MAX) {
        size_t cut = utf8_prefix_len(s, n, DIAG_MESSAGE_MAX -
                                               (sizeof ellipsis - 1));
        memcpy(s + cut, ellipsis, sizeof ellipsis);
    }
    return s;
}

void diag_add(struct diag_list *list, enum diag_severity severity,
              const char *path, unsigned line, unsigned column,
              const char *source, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_addv(list, severity, path, line, column, source, fmt, ap);
    va_end(ap);
}

void diag_addv(struct diag_list *list, enum diag_severity severity,
               const char *path, unsigned line, unsigned column,
               const char *source, const char *fmt, va_list ap)
{
    if (diag_list_full(list)) {
        diag_count(list, severity);
        return;
    }
    va_list aq;
    va_copy(aq, ap);
    int len = vsnprintf(NULL, 0, fmt, aq);
    va_end(aq);
    if (len < 0)
        len = 0; /* an encoding error: an empty message */
    char *raw = xmalloc((size_t)len + 1);
    raw[0] = '\0';
    if (len > 0)
        vsnprintf(raw, (size_t)len + 1, fmt, ap);

    list->items = xgrow(list->items, &list->cap, list->count + 1,
                        sizeof *list->items);
    struct diag *d = &list->items[list->count++];
    d->severity = severity;
    d->path = xstrdup(path ? path : "");
    d->line = line;
    d->column = column;
    d->message = message_text(raw, (size_t)len);
    free(raw);
    d->source = NULL;
    if (source) {
        size_t n = strcspn(source, "\r\n");
        d->source = utf8_sanitize(source, n, &n);
    }
    if (severity == DIAG_ERROR)
        list->errors++;
    else if (severity == DIAG_WARNING)
        list->warnings++;
}

static const char *severity_name(enum diag_severity s)
{
    switch (s) {
    case DIAG_ERROR:
        return "error";
    case DIAG_WARNING:
        return "warning";
    case DIAG_NOTE:
        return "note";
    }
    return "error";
}

/* The byte offset of code point `col` (1-based) of s, or its length. */
static size_t col_offset(const char *s, size_t len, unsigned col)
{
    size_t i = 0;
    for (unsigned c = 1; c < col && i < len; c++) {
        size_t used;
        utf8_decode(s + i, len - i, &used);
        i += used ? used : 1;
    }
    return i;
}

/* The offending line, indented, and a caret under the column'th code
 * point (tabs kept, so it lines up in a terminal).  A line longer than
 * DIAG_QUOTE_CHARS is quoted as that many characters around the column
 * (the start, for a whole-line diagnostic), with "…" where it is cut;
 * the caret stays under the right character. */
static void print_quote(const char *s, unsigned column, FILE *out)
{
    size_t len = strlen(s);
    unsigned total = 0;
    for (size_t i = 0; i < len; total++) {
        size_t used;
        utf8_decode(s + i, len - i, &used);
        i += used ? used : 1;
    }
    unsigned first = 1, last = total; /* the code points quoted */
    if (total > DIAG_QUOTE_CHARS) {
        unsigned col = column ? column : 1;
        first = col > DIAG_QUOTE_CHARS / 2 ? col - DIAG_QUOTE_CHARS / 2 : 1;
        last = first + DIAG_QUOTE_CHARS - 1;
        if (last > total) {
            last = total;
            first = total - DIAG_QUOTE_CHARS + 1;
        }
    }
    size_t from = col_offset(s, len, first);
    size_t to = col_offset(s, len, last + 1);
    bool cut_start = first > 1, cut_end = last < total;
    fprintf(out, "    %s%.*s%s\n", cut_start ? "\xE2\x80\xA6" : "",
            (int)(to - from), s + from, cut_end ? "\xE2\x80\xA6" : "");
    if (!column)
        return;
    fputs(cut_start ? "     " : "    ", out);
    size_t i = from;
    for (unsigned col = first; col < column && i < len; col++) {
        size_t used;
        utf8_decode(s + i, len - i, &used);
        fputc(s[i] == '\t' ? '\t' : ' ', out);
        i += used ? used : 1;
    }
    fputs("^\n", out);
}

void diag_list_print(const struct diag_list *list, FILE *out)
{
    for (size_t i = 0; i < list->count; i++) {
        const struct diag *d = &list->items[i];
        fputs(d->path, out);
        if (d->line) {
            fprintf(out, ":%u", d->line);
            if (d->column)
                fprintf(out, ":%u", d->column);
        }
        fprintf(out, ": %s: %s\n", severity_name(d->severity), d->message);
        if (!d->source || !d->line)
            continue;
        print_quote(d->source, d->column, out);
    }
    if (list->dropped)
        fprintf(out, "... and %zu more problem%s not shown; fix these first "
                     "and check again\n", list->dropped,
                list->dropped == 1 ? "" : "s");
}

void diag_json_string(const char *s, FILE *out)
{
    fputc('"', out);
    size_t len = strlen(s), i = 0;
    while (i < len) {
        size_t used;
        uint32_t cp = utf8_decode(s + i, len - i, &used);
        if (cp == '"' || cp == '\\')
            fprintf(out, "\\%c", (char)cp);
        else if (cp == '\n')
            fputs("\\n", out);
        else if (cp == '\t')
            fputs("\\t", out);
        else if (utf8_is_unsafe(cp) || cp == UTF8_REPLACEMENT)
            fprintf(out, "\\u%04x", (unsigned)cp); /* ill-formed: fffd */
        else
            fwrite(s + i, 1, used, out);
        i += used;
    }
    fputc('"', out);
}

void diag_list_print_json(const struct diag_list *list, FILE *out)
{
    fputc('[', out);
    for (size_t i = 0; i < list->count; i++) {
        const struct diag *d = &list->items[i];
        fputs(i ? ",\n {\"path\":" : "\n {\"path\":", out);
        diag_json_string(d->path, out);
        fprintf(out, ",\"line\":%u,\"column\":%u,\"severity\":\"%s\","
                     "\"message\":", d->line, d->column,
                severity_name(d->severity));
        diag_json_string(d->message, out);
        fputs(",\"source\":", out);
        if (d->source)
            diag_json_string(d->source, out);
        else
            fputs("null", out);
        fputc('}', out);
    }
    fputs(list->count ? "\n]" : "]", out);
}
