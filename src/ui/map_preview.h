/* map_preview.h: a picture of the exhibit's map in a box -- the same
 * projection, layers and colours as the map screen (map/scene.c,
 * map/paint.c, ui_map_page_style), without labels or interaction, for
 * Attract and Home.
 *
 * ui_map_preview_set builds the scene for the box, paints it once and
 * uploads it as one static texture; the painting buffers are freed at
 * once, so a preview costs its texture and its scene.  Setting the same
 * exhibit at the same size again keeps the picture (the map has no words:
 * a change of language does not repaint it); a new exhibit, even one that
 * landed where the old one was, is told apart by a hash of its map.  A frame is one texture copy.
 * Owner: the caller's storage, zeroed before the first set; the preview
 * owns its texture and scene and borrows the exhibit (set again, or fini,
 * before the exhibit goes). */
#ifndef UI_MAP_PREVIEW_H
#define UI_MAP_PREVIEW_H

#include <stdbool.h>
#include <stdint.h>

#include <SDL.h>

#include "content/exhibit.h"
#include "map/scene.h"

struct ui_map_preview {
    SDL_Rect box;              /* on screen */
    const struct exhibit *ex;  /* the picture's */
    uint64_t key;              /* and its map's contents, hashed */
    SDL_Renderer *renderer;    /* the texture's */
    SDL_Texture *texture;      /* box-sized */
    struct map_scene *scene;   /* in the box's own coordinates */
};

/* Pictures the map of `ex` in `box`, fitted with `margin_px` round the
 * tappable regions.  False (logged) if it cannot; nothing is drawn then. */
bool ui_map_preview_set(struct ui_map_preview *p, SDL_Renderer *renderer,
                        const struct exhibit *ex, SDL_Rect box,
                        float margin_px);
void ui_map_preview_fini(struct ui_map_preview *p);

/* The width over the height of the tappable regions as the map shows
 * them (1 if there are none): a box of this shape is filled by them.
 * Projects the map once; call it at layout time, not per frame. */
double ui_map_preview_aspect(const struct exhibit *ex);

void ui_map_preview_draw(const struct ui_map_preview *p, SDL_Renderer *r);

/* Where feature `feature` (an index into ex->map.features) is on screen:
 * a town's dot or a region's label point.  False if it has no place in
 * the picture. */
bool ui_map_preview_anchor(const struct ui_map_preview *p, uint32_t feature,
                           SDL_Point *at);

#endif
