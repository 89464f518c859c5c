/* about.h: the About page -- every section's title and text in the
 * interface's language, at a readable measure (at most 34 em) on the
 * reading side, scrolled by an offset, with the position bar and edge
 * fades of every scrolling view.  The visitor's place (a section and the
 * share of it above the top) survives a new layout: another language or
 * text size opens on the same section.  Owner: the caller; owns its
 * layouts. */
#ifndef UI_ABOUT_H
#define UI_ABOUT_H

#include "content/exhibit.h"
#include "ui/column.h"
#include "ui/theme.h"

struct ui_about {
    struct ui_column column;
    struct ui_metrics m;
    SDL_Rect view;  /* the page's whole box (the hint at its far edge) */
    int *section_y; /* each section's top in the column, owned */
    uint32_t sections;
    /* the visitor's place, kept across ui_about_fini */
    uint32_t anchor;
    double anchor_share;
};

/* Lays the page out inside `content`, at the section the visitor was in
 * (the top the first time: zero-initialise the struct). */
void ui_about_set(struct ui_about *s, const struct text_fonts *fonts,
                  const struct exhibit *ex, const struct ui_metrics *m,
                  SDL_Rect content);
/* Frees the layouts; keeps the visitor's place. */
void ui_about_fini(struct ui_about *s);
/* Back to the top (a new visit). */
void ui_about_reset(struct ui_about *s);
/* The largest scroll offset (0 when it all fits). */
float ui_about_max_offset(const struct ui_about *s);
float ui_about_offset(const struct ui_about *s);
/* Sets the offset (the scroller's), and the visitor's place with it. */
void ui_about_set_offset(struct ui_about *s, float offset);
void ui_about_draw(const struct ui_about *s, SDL_Renderer *renderer,
                   struct atlas *atlas);

#endif
