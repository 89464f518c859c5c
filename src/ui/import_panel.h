/* import_panel.h: the curator overlay of a USB import -- the phase with a
 * progress bar while it runs (copying, checking, installing), then its
 * result ("Updated to release 4: ..." or "Not installed: 3 errors — see
 * KIOSK-REPORT.txt on the stick") for ten seconds.  In English: it speaks
 * to the curator, like `kiosk check`.  Laid out in ui_import_panel_set,
 * never while drawing.  Owner: the caller; borrows the fonts. */
#ifndef UI_IMPORT_PANEL_H
#define UI_IMPORT_PANEL_H

#include <stdbool.h>

#include <SDL.h>

#include "render/atlas.h"
#include "text/font.h"

#define UI_IMPORT_RESULT_MS 10000

struct ui_import_panel;

struct ui_import_panel *ui_import_panel_create(const struct text_fonts *f);
void ui_import_panel_destroy(struct ui_import_panel *panel);

/* Shows a status line as the import writes it ("copying 0 ", "done 100
 * Updated to release 4: ...") on a w x h screen. */
void ui_import_panel_set(struct ui_import_panel *panel, const char *status,
                         int w, int h);
void ui_import_panel_hide(struct ui_import_panel *panel);
bool ui_import_panel_visible(const struct ui_import_panel *panel);
/* True once the import has ended (the result is showing). */
bool ui_import_panel_finished(const struct ui_import_panel *panel);
void ui_import_panel_draw(const struct ui_import_panel *panel,
                          SDL_Renderer *renderer, struct atlas *atlas);

#endif
