/* map_page.h: the map screen's drawing -- northern Xinjiang with the four
 * regions, the 1962 Sino-Soviet border, the towns and their labels in the
 * current language, a scale bar and the attribution; the selected place
 * highlighted with a short animation.
 *
 * Everything is prepared in ui_map_page_set (projection, the still image
 * uploaded once as a texture, label layouts and placement), so a frame
 * only copies the image and draws a few laid-out labels.  The map itself
 * is never mirrored, whatever the language.  Owner: the caller; the page
 * borrows the fonts and the exhibit (call ui_map_page_set again, or
 * destroy the page, before the exhibit goes). */
#ifndef UI_MAP_PAGE_H
#define UI_MAP_PAGE_H

#include <stdbool.h>
#include <stdint.h>

#include <SDL.h>

#include "content/exhibit.h"
#include "map/paint.h"
#include "map/scene.h"
#include "render/atlas.h"
#include "text/font.h"
#include "ui/theme.h"

struct ui_map_page;

struct ui_map_page *ui_map_page_create(const struct text_fonts *fonts);
void ui_map_page_destroy(struct ui_map_page *page);

/* Prepares the map of `ex` in `lang` for the screen area `area`.  The
 * touch slop is `slop_px`.  False (logged) if it cannot. */
bool ui_map_page_set(struct ui_map_page *page, SDL_Renderer *renderer,
                     const struct exhibit *ex, enum text_lang lang,
                     SDL_Rect area, float slop_px);

/* The map screen's split of `area`: with a card open, the card takes the
 * far side (the left when the interface is mirrored -- the chrome mirrors,
 * never the map), 36 % of the width, or on a portrait screen the bottom
 * 45 %;
 * without one the map takes it all (*card zero).  The kiosk and
 * `kiosk render --page map` both split by this. */
void ui_map_page_split(const struct ui_metrics *m, SDL_Rect area,
                       bool card_open, SDL_Rect *map, SDL_Rect *card);

/* The feature a touch at (x, y) selects, or -1. */
int ui_map_page_hit(const struct ui_map_page *page, float x, float y);

/* Selects a feature (-1: none) at time now_ms; its highlight fades in. */
void ui_map_page_select(struct ui_map_page *page, SDL_Renderer *renderer,
                        int feature, uint32_t now_ms);
int ui_map_page_selected(const struct ui_map_page *page);

/* Draws the map at time now_ms; returns true while an animation needs
 * more frames. */
bool ui_map_page_draw(struct ui_map_page *page, SDL_Renderer *renderer,
                      struct atlas *atlas, uint32_t now_ms);

/* The scene (for tappable targets); NULL before a successful set. */
const struct map_scene *ui_map_page_scene(const struct ui_map_page *page);

/* Placed labels, for tests: their count and screen boxes. */
size_t ui_map_page_labels(const struct ui_map_page *page, SDL_Rect *out,
                          size_t max);

/* The map's colours and line widths (static): the previews on Attract
 * and Home paint with them, so every picture of the map is the same. */
const struct map_style *ui_map_page_style(void);

#endif
