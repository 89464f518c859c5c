/* preview.h: the content preview page -- the exhibit's titles and its
 * passages in English and Chinese side by side, each with its Uyghur
 * summary, place mentions highlighted.
 *
 * It is what `kiosk --windowed` shows while the visitor screens are being
 * built, so curators see their edits appear.  Layouts are made in
 * ui_preview_set (when the exhibit or the window size changes), never while
 * drawing.  Owner: the caller; the preview borrows the fonts and the
 * exhibit, which must outlive it or be replaced through ui_preview_set. */
#ifndef UI_PREVIEW_H
#define UI_PREVIEW_H

#include <SDL.h>

#include "content/exhibit.h"
#include "render/atlas.h"
#include "text/font.h"

struct ui_preview;

struct ui_preview *ui_preview_create(const struct text_fonts *fonts);
void ui_preview_destroy(struct ui_preview *preview);

/* Lays the page out for `exhibit` (may be NULL: an empty page) at w x h. */
void ui_preview_set(struct ui_preview *preview, const struct exhibit *ex,
                    int w, int h);

/* Clears to the paper colour and draws the page; false if a glyph could
 * not be drawn. */
bool ui_preview_draw(struct ui_preview *preview, SDL_Renderer *renderer,
                     struct atlas *atlas);

#endif
