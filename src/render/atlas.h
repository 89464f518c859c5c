/* atlas.h: a cache of rasterised glyphs in SDL textures, keyed by
 * (face, glyph id, pixel size).
 *
 * A glyph is rasterised by FreeType once, the first time it is looked up,
 * and copied into a page: an ARGB8888 texture holding white pixels whose
 * alpha is the glyph's coverage, drawn with SDL_BLENDMODE_BLEND so that
 * SDL_SetTextureColorMod/AlphaMod give it any colour.  Pages are filled by
 * shelf packing with ATLAS_PADDING transparent pixels between glyphs.  When
 * every page is full the atlas adds one, up to `max_pages`; beyond that it
 * evicts the least recently used page whole (each lookup stamps the page of
 * the glyph it returns) and forgets its glyphs, which are rasterised again
 * if they are ever looked up again.  A glyph that draws nothing (a space) is
 * cached too, as an entry without a texture, and so is a glyph FreeType
 * cannot load or one too big for a page, so that none is tried twice.
 *
 * Evicting in the middle of a frame is safe: SDL_UpdateTexture first
 * flushes queued draws that use the texture.  A frame that needs more
 * glyphs than max_pages hold still draws correctly, re-rasterising as it
 * goes; atlas_stats shows it (evictions climbing every frame).
 *
 * Tinting: SDL's software renderer blends a colour-modulated texture with
 * a slow generic blitter, but has a fast path for plain alpha blending.  So
 * with a software renderer (ATLAS_TINT_AUTO) the atlas bakes the colour a
 * glyph is drawn in into its pixels instead -- the colour becomes part of
 * the key, and a glyph drawn in two colours is cached twice.  GPU renderers
 * keep one white copy and modulate, which costs them nothing.
 *
 * Rasterising uses light hinting (vertical snapping only), which leaves the
 * horizontal advances HarfBuzz laid the text out with unchanged.  The atlas
 * sets the pixel size of the shared FT_Face; nothing else may rely on it.
 *
 * Owner: atlas_create returns an atlas the caller owns.  It borrows the
 * renderer and the fonts, which must outlive it.  Not thread-safe. */
#ifndef RENDER_ATLAS_H
#define RENDER_ATLAS_H

#include <stdbool.h>
#include <stdint.h>

#include <SDL.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include "text/font.h"

#define ATLAS_DEFAULT_PAGE_SIZE 1024
#define ATLAS_DEFAULT_MAX_PAGES 4 /* 4 MiB of texture each */
#define ATLAS_PADDING 1

/* How glyphs are loaded and rendered; tests use the same flags to compare
 * an atlas glyph with a fresh FreeType rendering. */
#define ATLAS_FT_LOAD_FLAGS (FT_LOAD_DEFAULT | FT_LOAD_TARGET_LIGHT)
#define ATLAS_FT_RENDER_MODE FT_RENDER_MODE_LIGHT

#define ATLAS_WHITE 0xffffffu

enum atlas_tint {
    ATLAS_TINT_AUTO, /* tint with a software renderer, modulate otherwise */
    ATLAS_TINT_ON,
    ATLAS_TINT_OFF,
};

struct atlas_config {
    int page_width, page_height; /* px; 0 = ATLAS_DEFAULT_PAGE_SIZE */
    int max_pages;               /* 0 = ATLAS_DEFAULT_MAX_PAGES */
    enum atlas_tint tint;
};

struct atlas_glyph {
    SDL_Texture *texture; /* NULL when there is nothing to draw */
    SDL_Rect rect;        /* the bitmap inside texture; w = h = 0 if empty */
    int left, top;        /* FreeType bitmap_left/bitmap_top: the bitmap's
                             top-left corner is at pen x + left and at
                             baseline - top (y grows downwards) */
    int page;             /* index of the page holding it, -1 if empty */
};

struct atlas_stats {
    uint64_t lookups;        /* atlas_lookup calls that returned a glyph */
    uint64_t hits;           /* ... of which were already cached */
    uint64_t rasterised;     /* glyphs loaded and rendered by FreeType */
    uint64_t evictions;      /* pages emptied to make room */
    uint64_t evicted_glyphs; /* glyphs forgotten by those evictions */
    uint64_t failures;       /* glyphs FreeType could not load or that do
                                not fit a page; cached as empty */
    uint32_t glyphs;         /* entries cached now, empty ones included */
    uint32_t pages;          /* pages (textures) allocated now */
    uint64_t texture_bytes;  /* memory of those textures */
};

/* Creates an empty atlas; no texture is made before the first glyph.
 * `cfg` may be NULL for the defaults.  Pages larger than the renderer's
 * texture limit are shrunk to it.  Returns NULL (and logs) if the renderer
 * cannot be queried. */
struct atlas *atlas_create(SDL_Renderer *renderer,
                           const struct text_fonts *fonts,
                           const struct atlas_config *cfg);
void atlas_destroy(struct atlas *atlas);

/* The glyph `glyph_id` of fonts->faces[face] at `size_px` (the em size, as
 * in text_params.size_px) to be drawn in colour `rgb` (0xRRGGBB),
 * rasterised and uploaded on first use.  If atlas_tinted(), its pixels
 * already have that colour (draw it unmodulated); otherwise they are white
 * and `rgb` is ignored.  Returns
 * NULL for a face index or size out of range, or if a texture cannot be
 * created (logged).  Borrowed: valid until the next atlas_lookup (which
 * may evict the page holding it or move the cache), atlas_clear or
 * atlas_destroy.  The texture itself lives until atlas_clear or
 * atlas_destroy, but its pixels may be reused by a later lookup. */
const struct atlas_glyph *atlas_lookup(struct atlas *atlas, uint16_t face,
                                       uint32_t glyph_id, int size_px,
                                       uint32_t rgb);

/* True if glyphs carry their colour (see "Tinting" above). */
bool atlas_tinted(const struct atlas *atlas);

/* Forgets every glyph and destroys every page (after
 * SDL_RENDER_DEVICE_RESET, or when the renderer is about to go).  The
 * counters are kept. */
void atlas_clear(struct atlas *atlas);

/* Attaches a log that every text drawn with this atlas is recorded in
 * (render/text_log.h), or detaches it (NULL).  Borrowed: it must outlive
 * the attachment. */
struct render_text_log;
void atlas_set_text_log(struct atlas *atlas, struct render_text_log *log);
/* The attached log, or NULL. */
struct render_text_log *atlas_text_log(const struct atlas *atlas);

/* Borrowed; valid until atlas_destroy, updated by every lookup. */
const struct atlas_stats *atlas_stats(const struct atlas *atlas);

#endif
