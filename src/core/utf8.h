/* utf8.h: strict UTF-8 decoding and encoding.
 *
 * Decoding follows the Unicode "maximal subpart" practice: every ill-formed
 * sequence (overlong, surrogate, > U+10FFFF, truncated, stray continuation)
 * becomes one U+FFFD per maximal subpart, so invalid input always yields a
 * defined, well-formed result. */
#ifndef CORE_UTF8_H
#define CORE_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UTF8_REPLACEMENT 0xFFFDu

/* Decodes one code point from s[0..len).  len must be > 0.  Stores the
 * number of bytes consumed (>= 1) in *used.  Returns the code point or
 * UTF8_REPLACEMENT for an ill-formed subpart. */
uint32_t utf8_decode(const char *s, size_t len, size_t *used);

/* Encodes cp (must be <= 0x10FFFF and not a surrogate) into out[0..4).
 * Returns the number of bytes written. */
size_t utf8_encode(uint32_t cp, char out[4]);

/* True if s[0..len) is well-formed UTF-8. */
bool utf8_valid(const char *s, size_t len);

/* Returns a newly allocated, NUL-terminated copy of s[0..len) in which every
 * ill-formed subpart is replaced by U+FFFD and NUL bytes by U+FFFD.  The new
 * length is stored in *out_len.  Caller frees. */
char *utf8_sanitize(const char *s, size_t len, size_t *out_len);

#endif
