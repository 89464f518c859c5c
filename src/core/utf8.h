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

/* True if utf8_decode's result at s (cp, `used` bytes) stands for an
 * ill-formed subpart, not for a U+FFFD written in s. */
bool utf8_decoded_bad(const char *s, uint32_t cp, size_t used);

/* True if s[0..len) is well-formed UTF-8. */
bool utf8_valid(const char *s, size_t len);

/* Returns a newly allocated, NUL-terminated copy of s[0..len) in which every
 * ill-formed subpart is replaced by U+FFFD and NUL bytes by U+FFFD.  The new
 * length is stored in *out_len.  Caller frees. */
char *utf8_sanitize(const char *s, size_t len, size_t *out_len);

/* The length of the longest prefix of s[0..len) that is at most `max`
 * bytes and ends between two characters, never inside a well-formed
 * sequence (an ill-formed byte counts as a character of its own): where
 * to cut a text to a byte limit. */
size_t utf8_prefix_len(const char *s, size_t len, size_t max);

/* len without the sequence at the very end that was cut short (a lead
 * byte and fewer continuation bytes than it needs, as a cut at a fixed
 * byte count leaves); len if the text ends whole. */
size_t utf8_trim_partial(const char *s, size_t len);

/* True for a code point no name from outside may hold and no output
 * shows as it is: C0 controls, DEL, C1 controls, the bidirectional
 * controls (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069) and
 * the line and paragraph separators U+2028 and U+2029. */
bool utf8_is_unsafe(uint32_t cp);

/* NULL if s[0..len) is well-formed UTF-8 without an unsafe code point;
 * else why not, written to buf (n bytes) and returned, e.g. "a line break
 * (U+000A)", "a control character (U+001B)", "a bidirectional control
 * (U+202E), ...", "bytes that are not UTF-8 (\xFF)". */
const char *utf8_name_problem(const char *s, size_t len, char *buf,
                              size_t n);

/* A newly allocated, printable copy of s[0..len) that shows what it is:
 * a backslash and a double quote become \\ and \", C0 controls, DEL
 * and each byte of an ill-formed sequence \xHH, the other unsafe code
 * points \uHHHH (hex upper case); everything else is copied.  The result
 * holds no unsafe code point and is well-formed UTF-8.  Caller frees. */
char *utf8_escape(const char *s, size_t len);

/* The inverse of utf8_escape: a newly allocated copy of s[0..len) with
 * the escapes replaced by what they stand for (its length in *out_len),
 * or NULL if s holds a backslash utf8_escape would not have written
 * (\x00 and \u0000 included, since names hold no NUL).  Caller frees. */
char *utf8_unescape(const char *s, size_t len, size_t *out_len);

#endif
