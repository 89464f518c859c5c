/* diag.h: a list of curator-facing diagnostics (path, line, column, message).
 *
 * Parsers append to a list instead of logging; the list is printed
 * GCC-style (`path:line:column: error: message`, then the offending line and
 * a caret) or shown on screen.  Line and column are 1-based; column counts
 * code points, so a caret under Chinese or Uyghur text points at the right
 * character.  A column of 0 means "the whole line", a line of 0 "the whole
 * file". */
#ifndef CORE_DIAG_H
#define CORE_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum diag_severity {
    DIAG_ERROR,
    DIAG_WARNING,
    DIAG_NOTE,
};

struct diag {
    enum diag_severity severity;
    char *path;       /* owned */
    unsigned line;    /* 1-based, 0 = whole file */
    unsigned column;  /* 1-based code point column, 0 = whole line */
    char *message;    /* owned */
    char *source;     /* owned copy of the offending line, or NULL */
};

/* A list keeps the first DIAG_MAX_KEPT diagnostics; later ones are only
 * counted (a hostile file cannot make the checker slow or its output
 * endless), and the printer says how many were left out. */
#define DIAG_MAX_KEPT 200
/* The longest message kept, in bytes: a longer one is cut between two
 * characters and ended with an ellipsis (U+2026, counted in). */
#define DIAG_MESSAGE_MAX 1023

/* The most characters of an offending line the printer quotes: a longer
 * line is cut around the column, with "…" (diag_list_print). */
#define DIAG_QUOTE_CHARS 60

struct diag_list {
    struct diag *items;
    size_t count, cap;
    size_t errors, warnings; /* all of them, kept or not */
    size_t dropped;
};

void diag_list_init(struct diag_list *list);
void diag_list_fini(struct diag_list *list);

/* Appends a diagnostic.  `source` (may be NULL) is the offending line; it is
 * copied up to its first newline.  The message and the line are kept as
 * well-formed UTF-8: an ill-formed byte becomes U+FFFD, and a character
 * cut short at the end of the message (a caller's own fixed-size buffer)
 * is dropped; a message over DIAG_MESSAGE_MAX bytes is cut there. */
void diag_add(struct diag_list *list, enum diag_severity severity,
              const char *path, unsigned line, unsigned column,
              const char *source, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));
/* The same with the message's arguments in a va_list. */
void diag_addv(struct diag_list *list, enum diag_severity severity,
               const char *path, unsigned line, unsigned column,
               const char *source, const char *fmt, va_list ap)
    __attribute__((format(printf, 7, 0)));

/* True once the list keeps no more diagnostics: callers may skip the work
 * of locating a problem, and count it with diag_count instead. */
bool diag_list_full(const struct diag_list *list);
void diag_count(struct diag_list *list, enum diag_severity severity);

/* Prints every diagnostic GCC-style to `out`: the message, the
 * offending line (at most DIAG_QUOTE_CHARS characters of it, around the
 * column) and a caret under the column. */
void diag_list_print(const struct diag_list *list, FILE *out);

/* Prints the list as a JSON array of objects {"path", "line", "column",
 * "severity", "message", "source"} for machines; always well-formed UTF-8
 * (see diag_json_string). */
void diag_list_print_json(const struct diag_list *list, FILE *out);

/* Writes s as a JSON string literal (quotes included) in well-formed
 * UTF-8 whatever s holds: each ill-formed subpart of s (a file name's
 * bad bytes) is written as the escape \ufffd, U+FFFD; controls, the
 * bidirectional controls and U+2028/U+2029 as \uXXXX escapes (\n, \t,
 * \" and \\ short), so the raw output shows nothing out of order. */
void diag_json_string(const char *s, FILE *out);

#endif
