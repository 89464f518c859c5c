/* button.h: a touch button -- a laid-out label on a square-cornered plate
 * (filled, or outlined in the plain style), with a stable id for scripts
 * and the state dump.
 *
 * The label is laid out when the button is placed (ui_button_place), never
 * while drawing.  Owner: the button owns its label layout
 * (ui_button_fini). */
#ifndef UI_BUTTON_H
#define UI_BUTTON_H

#include <stdbool.h>

#include <SDL.h>

#include "render/atlas.h"
#include "text/font.h"
#include "text/layout.h"

enum ui_button_style {
    UI_BUTTON_PLAIN,    /* outlined */
    UI_BUTTON_PRIMARY,  /* filled: the main actions on Home */
    UI_BUTTON_SELECTED, /* the current language, an active toggle */
};

struct ui_button {
    char id[48];
    SDL_Rect rect;
    struct text_layout *label;
    enum ui_button_style style;
};

/* Lays out `text` in `lang` at `size` px (role "ui") and places the
 * button at rect; if rect.w is 0 the width fits the label plus padding. */
void ui_button_place(struct ui_button *b, const struct text_fonts *fonts,
                     const char *id, const char *text, enum text_lang lang,
                     int size, SDL_Rect rect, enum ui_button_style style);
void ui_button_fini(struct ui_button *b);

bool ui_button_hit(const struct ui_button *b, int x, int y);
void ui_button_draw(const struct ui_button *b, SDL_Renderer *renderer,
                    struct atlas *atlas, bool pressed);

#endif
