/* atlas.c: the glyph cache of atlas.h -- hash table, shelf packing, LRU.
 *
 * Entries live in one array; a free list threads the unused ones.  Each
 * live entry is in exactly one hash chain (by key) and, if it has a bitmap,
 * in exactly one page list (the glyphs of that page), so evicting a page
 * walks its list and unlinks every entry from its chain: the table never
 * holds an entry whose rectangle belongs to a newer glyph.  A glyph's cell
 * is its bitmap plus ATLAS_PADDING columns on the right and rows below, and
 * the whole cell is uploaded, so padding is transparent even where an
 * evicted glyph used to be. */
#include <stdlib.h>
#include <string.h>

#include <SDL.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include "core/log.h"
#include "core/xalloc.h"
#include "render/atlas.h"
#include "text/layout.h"

#define NONE UINT32_MAX
#define MIN_BUCKETS 256u
#define CLEAR_ROWS 64 /* rows per upload when clearing a new page */

struct entry {
    uint32_t glyph_id;
    uint32_t rgb; /* baked-in colour, ATLAS_WHITE when not tinting */
    uint16_t face;
    uint16_t size_px;
    bool live;
    uint32_t hash_next; /* chain in the bucket, or free list */
    uint32_t page_next; /* next glyph on the same page */
    struct atlas_glyph glyph;
};

struct shelf {
    int y, height; /* rows [y, y + height) */
    int x;         /* first free column */
};

struct page {
    SDL_Texture *texture;
    struct shelf *shelves;
    size_t shelf_count, shelf_cap;
    int next_y; /* where the next shelf starts */
    uint64_t stamp;
    uint32_t first_entry;
};

struct atlas {
    SDL_Renderer *renderer;
    const struct text_fonts *fonts;
    int page_w, page_h, max_pages;

    struct entry *entries;
    size_t entry_count, entry_cap; /* used slots (live or free) */
    uint32_t free_list;
    uint32_t *buckets;
    size_t bucket_count; /* a power of two */

    struct page *pages;
    int page_count;
    uint64_t clock;

    uint32_t *scratch; /* one cell of ARGB pixels */
    size_t scratch_cap;
    bool warned_oversize, warned_load;
    bool tint;
    struct render_text_log *log; /* borrowed; NULL: none */

    struct atlas_stats stats;
};

static uint32_t hash_key(uint16_t face, uint32_t glyph_id, int size_px,
                         uint32_t rgb)
{
    uint64_t k = ((uint64_t)glyph_id << 32) | ((uint64_t)face << 16) |
                 (uint64_t)size_px;
    k ^= (uint64_t)rgb * 0x9e3779b97f4a7c15ull;
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdull;
    k ^= k >> 33;
    k *= 0xc4ceb9fe1a85ec53ull;
    k ^= k >> 33;
    return (uint32_t)k;
}

static size_t bucket_of(const struct atlas *a, const struct entry *e)
{
    return hash_key(e->face, e->glyph_id, e->size_px, e->rgb) &
           (a->bucket_count - 1);
}

static void rehash(struct atlas *a, size_t count)
{
    free(a->buckets);
    a->bucket_count = count;
    a->buckets = xmalloc(count * sizeof *a->buckets);
    for (size_t i = 0; i < count; i++)
        a->buckets[i] = NONE;
    for (size_t i = 0; i < a->entry_count; i++) {
        struct entry *e = &a->entries[i];
        if (!e->live)
            continue;
        size_t b = bucket_of(a, e);
        e->hash_next = a->buckets[b];
        a->buckets[b] = (uint32_t)i;
    }
}

struct atlas *atlas_create(SDL_Renderer *renderer,
                           const struct text_fonts *fonts,
                           const struct atlas_config *cfg)
{
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(renderer, &info) != 0) {
        log_error("atlas", "cannot query the renderer: %s", SDL_GetError());
        return NULL;
    }
    struct atlas *a = xcalloc(1, sizeof *a);
    a->renderer = renderer;
    a->fonts = fonts;
    a->page_w = cfg && cfg->page_width > 0 ? cfg->page_width
                                           : ATLAS_DEFAULT_PAGE_SIZE;
    a->page_h = cfg && cfg->page_height > 0 ? cfg->page_height
                                            : ATLAS_DEFAULT_PAGE_SIZE;
    a->max_pages = cfg && cfg->max_pages > 0 ? cfg->max_pages
                                             : ATLAS_DEFAULT_MAX_PAGES;
    if (info.max_texture_width > 0 && a->page_w > info.max_texture_width)
        a->page_w = info.max_texture_width;
    if (info.max_texture_height > 0 && a->page_h > info.max_texture_height)
        a->page_h = info.max_texture_height;
    enum atlas_tint tint = cfg ? cfg->tint : ATLAS_TINT_AUTO;
    a->tint = tint == ATLAS_TINT_ON ||
              (tint == ATLAS_TINT_AUTO && (info.flags & SDL_RENDERER_SOFTWARE));
    a->pages = xcalloc((size_t)a->max_pages, sizeof *a->pages);
    a->free_list = NONE;
    rehash(a, MIN_BUCKETS);
    return a;
}

static void page_fini(struct page *p)
{
    if (p->texture)
        SDL_DestroyTexture(p->texture);
    free(p->shelves);
    memset(p, 0, sizeof *p);
}

void atlas_clear(struct atlas *a)
{
    for (int i = 0; i < a->page_count; i++)
        page_fini(&a->pages[i]);
    a->page_count = 0;
    a->entry_count = 0;
    a->free_list = NONE;
    rehash(a, MIN_BUCKETS);
    a->stats.glyphs = 0;
    a->stats.pages = 0;
    a->stats.texture_bytes = 0;
}

void atlas_destroy(struct atlas *a)
{
    if (!a)
        return;
    for (int i = 0; i < a->page_count; i++)
        page_fini(&a->pages[i]);
    free(a->pages);
    free(a->entries);
    free(a->buckets);
    free(a->scratch);
    free(a);
}

const struct atlas_stats *atlas_stats(const struct atlas *a)
{
    return &a->stats;
}

bool atlas_tinted(const struct atlas *a)
{
    return a->tint;
}

static struct entry *find(struct atlas *a, uint16_t face, uint32_t glyph_id,
                          int size_px, uint32_t rgb)
{
    size_t b = hash_key(face, glyph_id, size_px, rgb) & (a->bucket_count - 1);
    for (uint32_t i = a->buckets[b]; i != NONE; i = a->entries[i].hash_next) {
        struct entry *e = &a->entries[i];
        if (e->glyph_id == glyph_id && e->face == face &&
            e->size_px == size_px && e->rgb == rgb)
            return e;
    }
    return NULL;
}

static uint32_t entry_new(struct atlas *a, uint16_t face, uint32_t glyph_id,
                          int size_px, uint32_t rgb)
{
    uint32_t i;
    if (a->free_list != NONE) {
        i = a->free_list;
        a->free_list = a->entries[i].hash_next;
    } else {
        a->entries = xgrow(a->entries, &a->entry_cap, a->entry_count + 1,
                           sizeof *a->entries);
        i = (uint32_t)a->entry_count++;
    }
    struct entry *e = &a->entries[i];
    memset(e, 0, sizeof *e);
    e->glyph_id = glyph_id;
    e->face = face;
    e->size_px = (uint16_t)size_px;
    e->rgb = rgb;
    e->live = true;
    e->page_next = NONE;
    e->glyph.page = -1;
    a->stats.glyphs++;
    if (a->stats.glyphs > a->bucket_count / 4 * 3)
        rehash(a, a->bucket_count * 2);
    else {
        size_t b = bucket_of(a, e);
        e->hash_next = a->buckets[b];
        a->buckets[b] = i;
    }
    return i;
}

static void entry_unlink(struct atlas *a, uint32_t i)
{
    struct entry *e = &a->entries[i];
    uint32_t *link = &a->buckets[bucket_of(a, e)];
    while (*link != i)
        link = &a->entries[*link].hash_next;
    *link = e->hash_next;
    e->live = false;
    e->hash_next = a->free_list;
    a->free_list = i;
    a->stats.glyphs--;
}

/* Finds room for a w x h cell on page p: the shelf that fits it with the
 * least height to spare, unless that wastes more than half the cell's
 * height and a new shelf can still be opened. */
static bool page_place(struct atlas *a, struct page *p, int w, int h,
                       int *x, int *y)
{
    struct shelf *best = NULL;
    for (size_t i = 0; i < p->shelf_count; i++) {
        struct shelf *s = &p->shelves[i];
        if (s->height >= h && a->page_w - s->x >= w &&
            (!best || s->height < best->height))
            best = s;
    }
    bool room_below = a->page_h - p->next_y >= h;
    if (best && (best->height - h <= h / 2 || !room_below)) {
        *x = best->x;
        *y = best->y;
        best->x += w;
        return true;
    }
    if (!room_below)
        return false;
    p->shelves = xgrow(p->shelves, &p->shelf_cap, p->shelf_count + 1,
                       sizeof *p->shelves);
    p->shelves[p->shelf_count++] = (struct shelf){p->next_y, h, w};
    *x = 0;
    *y = p->next_y;
    p->next_y += h;
    return true;
}

static bool page_open(struct atlas *a, struct page *p)
{
    p->texture = SDL_CreateTexture(a->renderer, SDL_PIXELFORMAT_ARGB8888,
                                   SDL_TEXTUREACCESS_STATIC, a->page_w,
                                   a->page_h);
    if (!p->texture) {
        log_error("atlas", "cannot create a %dx%d glyph page: %s", a->page_w,
                  a->page_h, SDL_GetError());
        return false;
    }
    SDL_SetTextureBlendMode(p->texture, SDL_BLENDMODE_BLEND);
    /* A new texture's pixels are undefined on GPU renderers. */
    size_t strip = (size_t)a->page_w * CLEAR_ROWS;
    uint32_t *zero = xmalloc(strip * sizeof *zero);
    for (size_t i = 0; i < strip; i++)
        zero[i] = 0x00ffffffu;
    for (int y = 0; y < a->page_h; y += CLEAR_ROWS) {
        int rows = a->page_h - y < CLEAR_ROWS ? a->page_h - y : CLEAR_ROWS;
        SDL_Rect r = {0, y, a->page_w, rows};
        SDL_UpdateTexture(p->texture, &r, zero, a->page_w * 4);
    }
    free(zero);
    p->first_entry = NONE;
    p->next_y = 0;
    p->shelf_count = 0;
    a->stats.pages++;
    a->stats.texture_bytes += (uint64_t)a->page_w * (uint64_t)a->page_h * 4;
    return true;
}

static void page_evict(struct atlas *a, struct page *p)
{
    uint32_t i = p->first_entry;
    while (i != NONE) {
        uint32_t next = a->entries[i].page_next;
        entry_unlink(a, i);
        a->stats.evicted_glyphs++;
        i = next;
    }
    p->first_entry = NONE;
    p->shelf_count = 0;
    p->next_y = 0;
    a->stats.evictions++;
}

/* Finds a cell for w x h: in any page, else in a new page, else in the
 * least recently used page once emptied.  Returns the page index or -1. */
static int place(struct atlas *a, int w, int h, int *x, int *y)
{
    for (int i = 0; i < a->page_count; i++)
        if (page_place(a, &a->pages[i], w, h, x, y))
            return i;
    if (a->page_count < a->max_pages) {
        struct page *p = &a->pages[a->page_count];
        if (!page_open(a, p))
            return -1;
        a->page_count++;
        return page_place(a, p, w, h, x, y) ? a->page_count - 1 : -1;
    }
    int lru = 0;
    for (int i = 1; i < a->page_count; i++)
        if (a->pages[i].stamp < a->pages[lru].stamp)
            lru = i;
    page_evict(a, &a->pages[lru]);
    return page_place(a, &a->pages[lru], w, h, x, y) ? lru : -1;
}

/* Copies a FreeType bitmap into the scratch cell as colour rgb (white
 * unless tinting) + coverage. */
static void fill_cell(struct atlas *a, const FT_Bitmap *bm, int cw, int ch,
                      uint32_t rgb)
{
    size_t n = (size_t)cw * (size_t)ch;
    if (n > a->scratch_cap) {
        free(a->scratch);
        a->scratch = xmalloc(n * sizeof *a->scratch);
        a->scratch_cap = n;
    }
    for (size_t i = 0; i < n; i++)
        a->scratch[i] = rgb;
    for (unsigned y = 0; y < bm->rows; y++) {
        /* A negative pitch means the rows are stored bottom-up. */
        long pitch = bm->pitch < 0 ? -(long)bm->pitch : bm->pitch;
        unsigned src = bm->pitch < 0 ? bm->rows - 1 - y : y;
        const unsigned char *row = bm->buffer + (long)src * pitch;
        uint32_t *out = a->scratch + (size_t)y * (size_t)cw;
        for (unsigned x = 0; x < bm->width; x++) {
            unsigned cov;
            switch (bm->pixel_mode) {
            case FT_PIXEL_MODE_MONO:
                cov = (row[x >> 3] & (0x80 >> (x & 7))) ? 255 : 0;
                break;
            case FT_PIXEL_MODE_BGRA:
                cov = row[x * 4 + 3];
                break;
            default: /* FT_PIXEL_MODE_GRAY, 256 levels */
                cov = row[x];
                break;
            }
            out[x] = (uint32_t)cov << 24 | rgb;
        }
    }
}

/* Loads and renders the glyph of e into the FreeType slot.  False if it
 * cannot be loaded (the entry stays empty). */
static bool rasterise(struct atlas *a, const struct entry *e, FT_Face ft)
{
    a->stats.rasterised++;
    if (ft->size->metrics.x_ppem != e->size_px ||
        ft->size->metrics.y_ppem != e->size_px) {
        if (FT_Set_Pixel_Sizes(ft, 0, e->size_px) != 0)
            return false;
    }
    if (FT_Load_Glyph(ft, e->glyph_id, ATLAS_FT_LOAD_FLAGS) != 0)
        return false;
    if (ft->glyph->format != FT_GLYPH_FORMAT_BITMAP &&
        FT_Render_Glyph(ft->glyph, ATLAS_FT_RENDER_MODE) != 0)
        return false;
    return true;
}

static struct entry *insert(struct atlas *a, uint16_t face,
                            uint32_t glyph_id, int size_px, uint32_t rgb)
{
    FT_Face ft = a->fonts->faces[face].ft_face;
    /* Rasterise first, then make room (which may evict), then take the
     * entry (which may move the array): the FreeType slot is untouched by
     * both. */
    struct entry probe = {.glyph_id = glyph_id, .face = face,
                          .size_px = (uint16_t)size_px};
    bool ok = rasterise(a, &probe, ft);
    const FT_Bitmap *bm = ok ? &ft->glyph->bitmap : NULL;
    int w = bm ? (int)bm->width : 0, h = bm ? (int)bm->rows : 0;
    int cw = w + ATLAS_PADDING, ch = h + ATLAS_PADDING;
    if (!ok) {
        a->stats.failures++;
        if (!a->warned_load)
            log_warn("atlas", "FreeType cannot load glyph %u of %s at %d px;"
                     " drawn as nothing (reported once)", glyph_id,
                     a->fonts->faces[face].name, size_px);
        a->warned_load = true;
        w = h = 0;
    } else if (w > 0 && h > 0 && (cw > a->page_w || ch > a->page_h)) {
        a->stats.failures++;
        if (!a->warned_oversize)
            log_warn("atlas", "glyph %u of %s at %d px (%dx%d) is larger "
                     "than a %dx%d page; drawn as nothing (reported once)",
                     glyph_id, a->fonts->faces[face].name, size_px, w, h,
                     a->page_w, a->page_h);
        a->warned_oversize = true;
        w = h = 0;
    }
    int x = 0, y = 0, page = -1;
    if (w > 0 && h > 0) {
        page = place(a, cw, ch, &x, &y);
        if (page < 0)
            return NULL;
        fill_cell(a, bm, cw, ch, rgb);
        SDL_Rect cell = {x, y, cw, ch};
        SDL_UpdateTexture(a->pages[page].texture, &cell, a->scratch,
                          cw * 4);
    }
    uint32_t index = entry_new(a, face, glyph_id, size_px, rgb);
    struct entry *e = &a->entries[index];
    if (ok) {
        e->glyph.left = ft->glyph->bitmap_left;
        e->glyph.top = ft->glyph->bitmap_top;
    }
    if (page >= 0) {
        struct page *p = &a->pages[page];
        e->glyph.texture = p->texture;
        e->glyph.rect = (SDL_Rect){x, y, w, h};
        e->glyph.page = page;
        e->page_next = p->first_entry;
        p->first_entry = index;
    }
    return e;
}

const struct atlas_glyph *atlas_lookup(struct atlas *a, uint16_t face,
                                       uint32_t glyph_id, int size_px,
                                       uint32_t rgb)
{
    rgb = a->tint ? rgb & ATLAS_WHITE : ATLAS_WHITE;
    if (face >= a->fonts->face_count || size_px < TEXT_MIN_SIZE_PX ||
        size_px > TEXT_MAX_SIZE_PX)
        return NULL;
    struct entry *e = find(a, face, glyph_id, size_px, rgb);
    if (e) {
        a->stats.hits++;
    } else {
        e = insert(a, face, glyph_id, size_px, rgb);
        if (!e)
            return NULL;
    }
    a->stats.lookups++;
    if (e->glyph.page >= 0)
        a->pages[e->glyph.page].stamp = ++a->clock;
    return &e->glyph;
}

void atlas_set_text_log(struct atlas *atlas, struct render_text_log *log)
{
    atlas->log = log;
}

struct render_text_log *atlas_text_log(const struct atlas *atlas)
{
    return atlas->log;
}
