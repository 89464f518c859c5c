/* chrome.h: the bar on top of every screen but Attract -- back on the
 * reading side's start, the language switch (中文 · English · ئۇيغۇرچە,
 * each in its own script) and the larger-text toggle at the other end.
 * Choosing Uyghur mirrors it: back on the right, the switch on the left.
 * Sizes and the mirroring come from the screen's ui_metrics.
 *
 * Sizes follow the theme's accessibility numbers: buttons at least 48 px
 * high with 8 px or more between them, nothing within 40 px of the bezel.
 * Owner: the caller; the chrome owns its buttons' layouts. */
#ifndef UI_CHROME_H
#define UI_CHROME_H

#include <stdbool.h>
#include <stddef.h>

#include <SDL.h>

#include "content/exhibit.h"
#include "render/atlas.h"
#include "ui/button.h"
#include "ui/theme.h"

#define UI_CHROME_BUTTONS 5

struct ui_chrome {
    struct ui_button button[UI_CHROME_BUTTONS]; /* back, zh, en, ug, text */
    size_t count;
    int bottom; /* where the screen's content may start */
};

/* Places the bar on the screen of `m`.  `back` shows the back button. */
void ui_chrome_set(struct ui_chrome *c, const struct text_fonts *fonts,
                   const struct exhibit *ex, const struct ui_metrics *m,
                   bool back);
void ui_chrome_fini(struct ui_chrome *c);

/* The id of the button under (x, y) ("nav:back", "lang:zh", ...), or
 * NULL. */
const char *ui_chrome_hit(const struct ui_chrome *c, int x, int y);
void ui_chrome_draw(const struct ui_chrome *c, SDL_Renderer *renderer,
                    struct atlas *atlas, const char *pressed_id);

#endif
