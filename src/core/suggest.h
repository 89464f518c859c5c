/* suggest.h: "did you mean" -- the closest of a list of known words. */
#ifndef CORE_SUGGEST_H
#define CORE_SUGGEST_H

#include <stddef.h>

/* The candidate closest to `word` by edit distance (insertions, deletions,
 * substitutions and swaps of neighbours), if it is close enough to be a
 * likely typo (at most 1 edit for short words, 2 for 5+ letters, 3 for
 * 9+); NULL otherwise.  Borrowed from `candidates`. */
const char *suggest_closest(const char *word, const char *const *candidates,
                            size_t count);

/* The edit distance itself, capped at 99 (longer words are not compared). */
unsigned suggest_distance(const char *a, const char *b);

#endif
