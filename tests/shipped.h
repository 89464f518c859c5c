/* shipped.h: the fonts and content shipped in the repository, loaded the
 * way the exhibit loads them, for tests and benchmarks. */
#ifndef TESTS_SHIPPED_H
#define TESTS_SHIPPED_H

#include <stdbool.h>

#include "content/exhibit.h"
#include "text/font.h"

/* Loads fonts/manifest.txt and content/; problems are printed.  False
 * (and nothing to free) unless both loaded. */
bool shipped_load(struct text_fonts **fonts, struct exhibit **ex);

/* Loads fonts/manifest.txt alone; problems are printed.  NULL if it did
 * not load. */
struct text_fonts *shipped_fonts(void);

#endif
