/* source.h: reading one content file safely into normalised text.
 *
 * A content file may come from a curator's USB stick, so reading it trusts
 * nothing: a link anywhere in its path below the content folder (the file,
 * or a folder such as report/ or map/), anything but a regular
 * file, a file over its size limit, NUL bytes or invalid UTF-8 are each a
 * diagnostic naming the file (and line and column where there is one).  A
 * file that reads gets its BOM removed, CRLF and CR turned into LF, and its
 * text NFC-normalised, so every later position refers to that text. */
#ifndef CONTENT_SOURCE_H
#define CONTENT_SOURCE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/diag.h"

struct content_source {
    char *path; /* as shown in diagnostics: DIR/NAME; owned */
    char *text; /* normalised, NUL-terminated; owned */
    size_t len;
};

/* Reads dir/name, at most `max_bytes` bytes.  False (with diagnostics) if
 * the file cannot be used; *out is then empty. */
bool content_source_read(const char *dir, const char *name, size_t max_bytes,
                         struct content_source *out, struct diag_list *diags);
void content_source_fini(struct content_source *src);

/* The 1-based line and code point column of byte `off` in text. */
void content_position(const char *text, size_t off, unsigned *line,
                      unsigned *column);
/* The start of the line holding byte `off`. */
const char *content_line_start(const char *text, size_t off);

/* Appends a diagnostic at byte `off` of src, quoting its line. */
void content_diag_at(struct diag_list *diags, enum diag_severity severity,
                     const struct content_source *src, size_t off,
                     const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Appends a diagnostic at the end of src (its last non-blank line, whole
 * line): for what is missing from a file. */
void content_diag_eof(struct diag_list *diags, enum diag_severity severity,
                      const struct content_source *src, const char *fmt,
                      ...) __attribute__((format(printf, 4, 5)));

#endif
