/* bar_chart.h: a stacked bar chart with a label under each bar and its
 * total above it -- the staff panel's visits per day.
 *
 * Everything is laid out in ui_bar_chart_set, never while drawing.  The
 * value axis runs from 0 to a round number (1, 2 or 5 times a power of
 * ten) at or above the largest total, so equal values are equal heights
 * and a bar's height is proportional to its total.  Time runs in reading
 * order: left to right, or right to left when the interface's language
 * reads so (text_lang_rtl) -- one of the two decisions about direction
 * that are the content's own, not the placement helpers' (ui/theme.h).
 * Owner: the caller's storage; the chart owns its label layouts
 * (ui_bar_chart_fini) and borrows the fonts. */
#ifndef UI_BAR_CHART_H
#define UI_BAR_CHART_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <SDL.h>

#include "render/atlas.h"
#include "text/font.h"
#include "text/layout.h"

#define UI_CHART_MAX_BARS 31
#define UI_CHART_STACKS 3

struct ui_bar_chart {
    SDL_Rect area; /* everything, labels included */
    SDL_Rect plot; /* where bars stand; the baseline is its bottom */
    size_t bars;
    bool rtl;      /* time runs right to left */
    uint32_t value[UI_CHART_MAX_BARS][UI_CHART_STACKS];
    uint32_t axis_max; /* the value at the plot's top */
    SDL_Color color[UI_CHART_STACKS];
    struct text_layout *label[UI_CHART_MAX_BARS]; /* under each bar */
    struct text_layout *total[UI_CHART_MAX_BARS]; /* above, if > 0 */
    struct text_layout *axis_label; /* axis_max, at the top line's start */
};

/* The round axis top for a largest total of `max` (at least 1). */
uint32_t ui_bar_chart_axis_max(uint32_t max);

/* Lays out `bars` bars (at most UI_CHART_MAX_BARS) of UI_CHART_STACKS
 * segments each, bottom segment first, in `area`, for an interface in
 * `lang`; labels[i] goes under bar i (oldest first) at `label_px`. */
void ui_bar_chart_set(struct ui_bar_chart *c, const struct text_fonts *fonts,
                      enum text_lang lang, SDL_Rect area, size_t bars,
                      const uint32_t (*value)[UI_CHART_STACKS],
                      const SDL_Color color[UI_CHART_STACKS],
                      const char *const *labels, int label_px);
void ui_bar_chart_fini(struct ui_bar_chart *c);

/* Where segment `stack` of bar `bar` is drawn; w or h 0 if it is empty. */
SDL_Rect ui_bar_chart_segment(const struct ui_bar_chart *c, size_t bar,
                              size_t stack);

void ui_bar_chart_draw(const struct ui_bar_chart *c, SDL_Renderer *renderer,
                       struct atlas *atlas);

#endif
