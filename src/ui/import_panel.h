/* import_panel.h: the curator overlay of a USB import -- the phase with a
 * progress bar while it runs (copying, checking, installing), then its
 * result ("Updated to release 4. Passages changed: 1 ..." or "Not
 * installed. Problems found: 3 ...") for ten seconds.  In the interface's
 * current language: the words are the exhibit's strings (import.*), the
 * numbers the facts the status line carries after a tab (state/import.h);
 * a status without facts, or an exhibit without the strings (an older
 * release), shows the status's own English line.  Laid out in
 * ui_import_panel_set, never while drawing.  Owner: the caller; borrows
 * the fonts. */
#ifndef UI_IMPORT_PANEL_H
#define UI_IMPORT_PANEL_H

#include <stdbool.h>

#include <SDL.h>

#include "content/exhibit.h"
#include "render/atlas.h"
#include "text/font.h"

#define UI_IMPORT_RESULT_MS 10000

struct ui_import_panel;

struct ui_import_panel *ui_import_panel_create(const struct text_fonts *f);
void ui_import_panel_destroy(struct ui_import_panel *panel);

/* Shows a status line as the import writes it ("copying 0 ", "done 100
 * Updated to release 4: ...\trelease=4 ...") on a w x h screen, worded
 * from `ex`'s strings (NULL: the status's English) in `lang`. */
void ui_import_panel_set(struct ui_import_panel *panel, const char *status,
                         const struct exhibit *ex, enum text_lang lang,
                         int w, int h);

/* The words the panel shows for `status`: written to out (size n), in
 * the language *in (lang, or English when they are the status's own);
 * true once the import has ended (*failed set if it was refused).  Pure,
 * for tests. */
bool ui_import_panel_words(const char *status, const struct exhibit *ex,
                           enum text_lang lang, char *out, size_t n,
                           bool *failed, enum text_lang *in);
void ui_import_panel_hide(struct ui_import_panel *panel);
bool ui_import_panel_visible(const struct ui_import_panel *panel);
/* True once the import has ended (the result is showing). */
bool ui_import_panel_finished(const struct ui_import_panel *panel);
void ui_import_panel_draw(const struct ui_import_panel *panel,
                          SDL_Renderer *renderer, struct atlas *atlas);

#endif
