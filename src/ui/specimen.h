/* specimen.h: a type specimen page -- the title in three scripts and body
 * text in English, Chinese and Uyghur -- for checking the text pipeline by
 * eye and by screenshot test.
 *
 * The page is drawn in the exhibit's museum palette (dark ink on warm
 * paper, every text colour at least 7:1 against the paper).  Sizes scale
 * with the shorter side of the page (body text 28 px at 1080); a landscape
 * page has two columns (English | Chinese and Uyghur), a portrait page one.
 *
 * Borrowed: renderer, atlas and fonts for the duration of a call.  The
 * page is laid out on every call (it is a test page), but glyphs come from
 * the atlas, so a second call rasterises nothing new. */
#ifndef UI_SPECIMEN_H
#define UI_SPECIMEN_H

#include <stdbool.h>

#include <SDL.h>

#include "render/atlas.h"
#include "text/font.h"

/* Clears [0, w) x [0, h) to the paper colour and draws the page.  False
 * (logged) if a font role is missing or some text could not be drawn. */
bool ui_specimen_draw(SDL_Renderer *renderer, struct atlas *atlas,
                      const struct text_fonts *fonts, int w, int h);

#endif
