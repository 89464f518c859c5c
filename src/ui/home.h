/* home.h: the Home screen -- the exhibit's title and subtitle at the
 * reading edge, then three large buttons: read, map, about.  Owner: the
 * caller; owns its layouts. */
#ifndef UI_HOME_H
#define UI_HOME_H

#include "content/exhibit.h"
#include "ui/button.h"
#include "ui/column.h"
#include "ui/theme.h"

#define UI_HOME_BUTTONS 3

struct ui_home {
    struct ui_column column;
    struct ui_button button[UI_HOME_BUTTONS]; /* nav:read, nav:map, nav:about */
};

/* Lays Home out inside `content` (the area below the bar). */
void ui_home_set(struct ui_home *s, const struct text_fonts *fonts,
                 const struct exhibit *ex, const struct ui_metrics *m,
                 SDL_Rect content);
void ui_home_fini(struct ui_home *s);
/* The button under (x, y), or NULL. */
const struct ui_button *ui_home_hit(const struct ui_home *s, int x, int y);
void ui_home_draw(const struct ui_home *s, SDL_Renderer *renderer,
                  struct atlas *atlas, const char *pressed_id);

#endif
