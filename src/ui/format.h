/* format.h: filling the {placeholders} of interface strings. */
#ifndef UI_FORMAT_H
#define UI_FORMAT_H

#include <stddef.h>

/* Copies tmpl into out (size n, always NUL-terminated) with every
 * "{key}" replaced by value.  Returns the length written. */
size_t ui_fill(char *out, size_t n, const char *tmpl, const char *key,
               const char *value);

#endif
