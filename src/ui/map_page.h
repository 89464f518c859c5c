/* map_page.h: the map screen's drawing -- northern Xinjiang with the four
 * regions, the 1962 Sino-Soviet border, the neighbouring countries tinted
 * and named, the towns and their labels in the current language, a scale
 * bar and the attribution in a reserved strip, and the panel at the far
 * side that says what to do (an instruction) until a place card slides
 * over it.
 *
 * The map never moves: it is fitted to the area less the card's panel, so
 * opening a card covers only the panel, never a region, a town or a label
 * of one.  Every tappable region keeps its label at every size and
 * language (moved within the region, shortened, led out with a line, or as
 * a last resort forced); a town whose label cannot fit is not drawn at
 * all, so no dot is ever unlabelled.  Sizes come from the screen's
 * ui_metrics (type through ui_text_px, so labels grow with "Larger text"
 * and the panel's millimetres).
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

/* How long a card takes to slide in. */
#define UI_MAP_CARD_SLIDE_MS 220

struct ui_map_page;

struct ui_map_page *ui_map_page_create(const struct text_fonts *fonts);
void ui_map_page_destroy(struct ui_map_page *page);

/* Prepares the map of `ex` for the screen area `area` with the screen's
 * metrics `m` (its language, sizes and direction).  The touch slop is
 * `slop_px`.  False (logged) if it cannot. */
bool ui_map_page_set(struct ui_map_page *page, SDL_Renderer *renderer,
                     const struct ui_metrics *m, const struct exhibit *ex,
                     SDL_Rect area, float slop_px);

/* The panel at the far side of the area last set (the left when the
 * interface is mirrored -- the chrome mirrors, never the map): 36 % of
 * the width, or on a portrait screen the bottom 45 %, above the strip
 * with the scale bar and the credit.  A card goes exactly there, over the
 * map, which leaves it free.  The kiosk and `kiosk render --page map`
 * both put the card by this. */
SDL_Rect ui_map_page_panel(const struct ui_map_page *page);

/* True when the card comes as a sheet over the whole map (a panel too
 * small for it at the side): while it is open the map has no targets. */
bool ui_map_page_sheet(const struct ui_map_page *page);

/* The touch area of `feature`'s label on screen (its box grown to a
 * target each way); false if it has none or it names a neighbouring
 * country. */
bool ui_map_page_label_target(const struct ui_map_page *page, int feature,
                              SDL_Rect *out);

/* A small panel (the 7" panel; Touch Display 2 with larger text): where
 * the map, every region's name, the instruction and the credit do not fit
 * the area at the screen's text size, the map keeps the area and the
 * page is laid out taller and scrolls in the area, with the position bar
 * and fades of every scrolling view (the card, a sheet, still covers the
 * area on screen).  The offset is how far down the page the area shows
 * (0 .. max; max 0 when the page fits); set clamps it.  The scene, the
 * labels' info and the parts are in the page's coordinates: on screen
 * they are `offset` px higher. */
float ui_map_page_offset(const struct ui_map_page *page);
float ui_map_page_max_offset(const struct ui_map_page *page);
void ui_map_page_set_offset(struct ui_map_page *page, float offset);

/* Whether a rect on screen (a target's touch area) lies wholly in the
 * area a scrolling page shows; always true for a page that does not
 * scroll. */
bool ui_map_page_shows(const struct ui_map_page *page, SDL_Rect r);

/* The feature a touch at (x, y) on screen selects, or -1 (nothing under the
 * panel: the card or the instruction is there).  A place's label selects
 * its place. */
int ui_map_page_hit(const struct ui_map_page *page, float x, float y);

/* Selects a feature (-1: none) at time now_ms; its highlight fades in,
 * and if nothing was selected before, the card's slide starts. */
void ui_map_page_select(struct ui_map_page *page, SDL_Renderer *renderer,
                        int feature, uint32_t now_ms);
int ui_map_page_selected(const struct ui_map_page *page);

/* Where the card is at now_ms while it slides in: the offset to draw it
 * at (0, 0 once it is in place); true while it still moves. */
bool ui_map_page_card_shift(const struct ui_map_page *page, uint32_t now_ms,
                            int *dx, int *dy);

/* Draws the map at time now_ms; returns true while an animation needs
 * more frames. */
bool ui_map_page_draw(struct ui_map_page *page, SDL_Renderer *renderer,
                      struct atlas *atlas, uint32_t now_ms);

/* The scene (for tappable targets); NULL before a successful set. */
const struct map_scene *ui_map_page_scene(const struct ui_map_page *page);

/* Placed labels, for tests: their count and screen boxes. */
size_t ui_map_page_labels(const struct ui_map_page *page, SDL_Rect *out,
                          size_t max);

/* The map's colours and its line widths at the reference size (static;
 * the map screen scales the widths to its panel): the previews on Attract
 * and Home paint with them, so every picture of the map is the same. */
const struct map_style *ui_map_page_style(void);

/* A placed label, for tests: the feature it names, its box (with its
 * halo), how it was placed (enum map_label_pos), and its type size. */
struct ui_map_label_info {
    int feature;
    SDL_Rect box;
    int pos;
    bool short_form;
    int size_px;
};
size_t ui_map_page_label_info(const struct ui_map_page *page,
                              struct ui_map_label_info *out, size_t max);

/* The page's parts, for tests: the panel at the far side, the view the
 * map is fitted into, the reserved strip under it, and the drawn boxes
 * (halo included) of the scale bar with its text and of the credit. */
struct ui_map_page_parts {
    SDL_Rect panel, view, strip, scale, credit, instruction;
    bool sheet;    /* the card comes as a sheet over the whole view */
    SDL_Rect band; /* then the instruction's band at its top (0 x 0 when
                      the map would keep less than 60 % of the view: the
                      instruction gives way to the map) */
};
void ui_map_page_parts(const struct ui_map_page *page,
                       struct ui_map_page_parts *out);

#endif
