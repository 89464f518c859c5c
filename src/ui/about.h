/* about.h: the About page -- every section's title and text in the
 * interface's language, at a readable measure (at most 34 em) on the
 * reading side, scrolled by an offset.  Owner: the caller; owns its
 * layouts. */
#ifndef UI_ABOUT_H
#define UI_ABOUT_H

#include "content/exhibit.h"
#include "ui/column.h"
#include "ui/theme.h"

struct ui_about {
    struct ui_column column;
};

/* Lays the page out inside `content`; the scroll offset starts at 0. */
void ui_about_set(struct ui_about *s, const struct text_fonts *fonts,
                  const struct exhibit *ex, const struct ui_metrics *m,
                  SDL_Rect content);
void ui_about_fini(struct ui_about *s);
/* The largest scroll offset (0 when it all fits). */
float ui_about_max_offset(const struct ui_about *s);
void ui_about_draw(const struct ui_about *s, SDL_Renderer *renderer,
                   struct atlas *atlas);

#endif
