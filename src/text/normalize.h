/* normalize.h: any bytes in, well-formed NFC UTF-8 out (step 1 of the
 * pipeline, also used by the content loader). */
#ifndef TEXT_NORMALIZE_H
#define TEXT_NORMALIZE_H

#include <stddef.h>
#include <stdint.h>

/* Ill-formed UTF-8 and NUL become U+FFFD, tabs and carriage returns become
 * spaces, other controls but the newline U+FFFD; the result is NFC.  Input
 * longer than TEXT_MAX_BYTES is cut at a character boundary.  Returns a new
 * NUL-terminated string the caller frees. */
char *text_normalize(const char *utf8, size_t len, uint32_t *out_len);

/* The same without the length cut, for whole files (the content loader
 * bounds their size itself). */
char *text_normalize_file(const char *utf8, size_t len, size_t *out_len);

#endif
