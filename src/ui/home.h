/* home.h: the Home screen -- the document's card (its title, date and
 * archive, a one-line summary: settings title/subtitle, string
 * home.summary), the buttons to read the report and to learn about the
 * document, and a picture of the map that opens the map (nav:map, with
 * the caption home.map).
 *
 * A landscape screen has two columns: the card with the buttons below it
 * at the reading side, the map at the far side.  A portrait one stacks
 * them: the card, the buttons, the map.  The buttons and the map always
 * show whole; when the card does not fit the room left (a small panel,
 * larger text) it scrolls, with the shared position hint.  Owner: the
 * caller's storage, zeroed before the first set; owns its layouts and
 * the map's texture. */
#ifndef UI_HOME_H
#define UI_HOME_H

#include <stdbool.h>

#include "content/exhibit.h"
#include "ui/button.h"
#include "ui/column.h"
#include "ui/map_preview.h"
#include "ui/theme.h"

#define UI_HOME_BUTTONS 2 /* nav:read, nav:about */

struct ui_home {
    struct ui_metrics m;
    struct ui_column card;    /* scrolled by card.offset */
    SDL_Rect rule;            /* the accent rule at its reading edge */
    struct ui_button button[UI_HOME_BUTTONS];
    SDL_Rect preview;         /* the map's target: picture and caption */
    struct ui_map_preview map;
    struct ui_button caption; /* nav:map, along the picture's foot */
};

/* Lays Home out inside `content` (the area below the bar). */
void ui_home_set(struct ui_home *s, SDL_Renderer *renderer,
                 const struct text_fonts *fonts, const struct exhibit *ex,
                 const struct ui_metrics *m, SDL_Rect content);
void ui_home_fini(struct ui_home *s);
/* The id of the target under (x, y) (a button's, or nav:map anywhere on
 * the map's picture), or NULL. */
const char *ui_home_hit(const struct ui_home *s, int x, int y);
/* How far the card scrolls (0 when it fits). */
float ui_home_max_offset(const struct ui_home *s);
void ui_home_draw(const struct ui_home *s, SDL_Renderer *renderer,
                  struct atlas *atlas, const char *pressed_id);

#endif
