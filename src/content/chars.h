/* chars.h: characters a curator types by mistake, named so a diagnostic
 * can say what was typed and what to type instead.
 *
 * Three tables, each small and pure: lookalikes of the format's own
 * characters (a full-width colon for ':', a full-width space for an
 * indent), letters of Arabic, Persian or Urdu that modern Uyghur writes
 * differently (Arabic heh for ە or ھ, Persian kaf for ك ...), and the
 * Arabic presentation forms (shapes, not letters).  Private to content/. */
#ifndef CONTENT_CHARS_H
#define CONTENT_CHARS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A character typed in place of one of the format's: its description
 * ("a full-width colon") and what to type ("':'"). */
struct content_lookalike {
    uint32_t cp;
    const char *what;
    const char *type;
};

/* The lookalike `cp`, or NULL: the full-width forms U+FF01-FF5E of
 * ASCII, the full-width (ideographic) and no-break spaces, and the other
 * colons (U+FE55, U+2236, U+A789).  For a full-width form not in the named
 * table, `what` and `type` point into static storage of the call. */
const struct content_lookalike *content_lookalike(uint32_t cp);

/* Writes "a full-width colon '：' (U+FF1A) — type ':'" for a lookalike,
 * else "'x' (U+0078)", into out (size n); returns out. */
const char *content_char_describe(uint32_t cp, char *out, size_t n);

/* The first lookalike in s[0..len) or NULL; *at gets its byte offset. */
const struct content_lookalike *content_find_lookalike(const char *s,
                                                       size_t len,
                                                       size_t *at);

/* A letter or mark that Uyghur in its Arabic script (Uyghur Ereb Yéziqi,
 * as standardised in 1983) does not use, with the Uyghur letter to type
 * instead.  `final` says whether the character ends a word (an Arabic heh
 * at the end of a word is most likely the vowel ە, inside one the
 * consonant ھ).  Writes the advice ("an Arabic heh 'ه' (U+0647) — Uyghur
 * writes ... ; type ...") to out and returns true, or false for a
 * character Uyghur uses or one that is no letter at all.  *warning_only
 * is set for what is odd rather than wrong (Arabic-Indic digits). */
bool content_uyghur_foreign(uint32_t cp, bool final, char *out, size_t n,
                            bool *warning_only);

/* True for the Arabic presentation forms, U+FB50-FDFF and U+FE70-FEFC
 * (U+FEFF, the byte order mark, is not one). */
bool content_is_presentation_form(uint32_t cp);
/* The letters a presentation form stands for (its compatibility
 * decomposition: U+FED9 -> U+0643), UTF-8 in out (size n); "" if none. */
const char *content_presentation_letters(uint32_t cp, char *out, size_t n);

/* True for a character of the Arabic script's letters (U+0620-064A,
 * U+066E-06D5, U+06FA-06FF, U+0750-077F, U+08A0-08FF), marks excluded. */
bool content_is_arabic_letter(uint32_t cp);

/* True for a Han ideograph (and 〇, the ideographic zero). */
bool content_is_han(uint32_t cp);

#endif
