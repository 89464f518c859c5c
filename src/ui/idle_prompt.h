/* idle_prompt.h: "Still there?" -- a panel over a dimmed screen with its
 * title, the seconds left and a button to go on.  Every second's text is
 * laid out ahead, so the countdown never lays out while drawing.  Owner:
 * the caller; owns its layouts. */
#ifndef UI_IDLE_PROMPT_H
#define UI_IDLE_PROMPT_H

#include "content/exhibit.h"
#include "ui/button.h"
#include "ui/column.h"
#include "ui/theme.h"

#define UI_IDLE_COUNTDOWN_S 20

struct ui_idle_prompt {
    SDL_Rect panel;
    struct ui_column title;
    struct text_layout *countdown[UI_IDLE_COUNTDOWN_S + 1];
    int countdown_y;
    struct ui_button button; /* idle:continue */
};

void ui_idle_prompt_set(struct ui_idle_prompt *s,
                        const struct text_fonts *fonts,
                        const struct exhibit *ex,
                        const struct ui_metrics *m);
void ui_idle_prompt_fini(struct ui_idle_prompt *s);
/* Draws the prompt over the screen with `seconds_left` shown. */
void ui_idle_prompt_draw(const struct ui_idle_prompt *s,
                         SDL_Renderer *renderer, struct atlas *atlas,
                         int seconds_left);

#endif
