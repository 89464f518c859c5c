/* diag_overlay.h: the curator overlay -- why new content was not loaded.
 *
 * When a content edit does not pass the checks, the exhibit keeps showing
 * the last good content and this panel lists the problems GCC-style
 * (file:line:column: message), as many as fit, until they are fixed.
 * Layouts are made in ui_diag_overlay_set, never while drawing.  Owner: the
 * caller; it borrows the fonts. */
#ifndef UI_DIAG_OVERLAY_H
#define UI_DIAG_OVERLAY_H

#include <stdbool.h>

#include <SDL.h>

#include "core/diag.h"
#include "render/atlas.h"
#include "text/font.h"

struct ui_diag_overlay;

struct ui_diag_overlay *ui_diag_overlay_create(const struct text_fonts *f);
void ui_diag_overlay_destroy(struct ui_diag_overlay *overlay);

/* Shows `diags` (copied into layouts; NULL or no errors hides the panel)
 * for a w x h screen.  `have_last_good` says whether an earlier exhibit is
 * still on screen. */
void ui_diag_overlay_set(struct ui_diag_overlay *overlay,
                         const struct diag_list *diags, bool have_last_good,
                         int w, int h);
bool ui_diag_overlay_visible(const struct ui_diag_overlay *overlay);
void ui_diag_overlay_draw(struct ui_diag_overlay *overlay,
                          SDL_Renderer *renderer, struct atlas *atlas);

#endif
