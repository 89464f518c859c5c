/* dump.h: a laid-out paragraph as JSON, for `kiosk layout` and golden tests.
 *
 * The format (documented in README):
 *   {"dir":"ltr"|"rtl","width":W,"height":H,"missing":N,
 *    "lines":[{"start":B,"end":B,"x":X,"y":Y,"width":W,"baseline":Y,
 *              "runs":[{"start":B,"end":B,"level":L,"script":"Arab",
 *                       "font":"NotoNaskhArabic-Regular.ttf#0","x":X,
 *                       "width":W[,"glyphs":[[id,cluster,x,y,advance],...]]}]}]}
 * Coordinates are pixels (26.6 values printed with at most two decimals);
 * runs are listed left to right as drawn. */
#ifndef TEXT_DUMP_H
#define TEXT_DUMP_H

#include <stdbool.h>
#include <stdio.h>

#include "text/layout.h"

void text_layout_write_json(const struct text_layout *layout, FILE *out,
                            bool glyphs);

#endif
