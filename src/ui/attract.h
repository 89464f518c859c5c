/* attract.h: the attract screen -- the title in three scripts and "touch
 * to begin" in three languages, centred; the invitation breathes (a slow
 * pulse of its opacity).  Owner: the caller; owns its layouts. */
#ifndef UI_ATTRACT_H
#define UI_ATTRACT_H

#include <stdint.h>

#include "content/exhibit.h"
#include "ui/column.h"
#include "ui/theme.h"

#define UI_ATTRACT_PERIOD_MS 2400 /* one breath of "touch to begin" */

struct ui_attract {
    struct ui_column column; /* titles [0, 3), invitations [3, 6) */
};

void ui_attract_set(struct ui_attract *s, const struct text_fonts *fonts,
                    const struct exhibit *ex, const struct ui_metrics *m);
void ui_attract_fini(struct ui_attract *s);
/* Draws the breath's frame at now_ms. */
void ui_attract_draw(const struct ui_attract *s, SDL_Renderer *renderer,
                     struct atlas *atlas, uint32_t now_ms);

#endif
