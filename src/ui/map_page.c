/* map_page.c: the map screen's drawing (see map_page.h).
 *
 * ui_map_page_set does all the work: the scene (map/scene.c), the still
 * image (map/paint.c) uploaded as one static texture, one text layout per
 * label measured and placed by map/labels.c, the Soviet side's name, the
 * scale bar and the attribution.  Drawing copies the texture, blends the
 * selection's mask and draws the placed layouts. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "core/xalloc.h"
#include "map/hittest.h"
#include "map/labels.h"
#include "map/paint.h"
#include "render/draw_text.h"
#include "text/layout.h"
#include "ui/format.h"
#include "ui/map_page.h"
#include "ui/textlist.h"
#include "ui/theme.h"

#define HIGHLIGHT_MS 250
#define MAX_LABELS 64

/* Where the Soviet side's name may go, in order (lon, lat): inside today's
 * Kazakhstan, then Russia, whichever is on screen first. */
static const double soviet_anchor[][2] = {
    {79.2, 46.4}, {80.6, 47.6}, {83.5, 49.8}, {86.5, 50.2},
};

struct label {
    struct text_layout *layout;
    SDL_Rect box; /* with its halo */
    int tx, ty;   /* where the layout's box goes */
    bool halo;
};

struct ui_map_page {
    const struct text_fonts *fonts;
    const struct exhibit *ex;
    enum text_lang lang;
    SDL_Rect area;
    float slop;
    struct map_scene *scene;
    SDL_Renderer *renderer; /* the one the textures belong to */
    SDL_Texture *still;
    SDL_Texture *highlight;
    SDL_Rect hl_box;          /* where the highlight texture goes */
    struct map_raster *raster; /* scratch, kept while the size stays */
    uint32_t *img;             /* raster-sized pixels */
    uint8_t *mask;
    int selected;
    uint32_t selected_at;
    struct label labels[MAX_LABELS];
    size_t label_count;
    SDL_Rect scale_bar;
    struct text_layout *scale_text, *credit;
    int scale_tx, scale_ty, credit_tx, credit_ty;
};

static const struct map_style style = {
    .paper = 0xF6F0E4,
    .xinjiang = 0xE6DDC9,
    .context = 0xE6DDC9,
    .region = {0xC9D3B0, 0xE2C694, 0xB7C9D3, 0xD9BCB0},
    .region_edge = 0x7E6F5E,
    .soviet_border = 0x7A2E1F,
    .other_border = 0x9A8D7E,
    .town = 0x2A2420,
    .town_edge = 0xF6F0E4,
    .region_edge_px = 1.2f,
    .soviet_px = 4.0f,
    .other_px = 2.0f,
    .town_radius_px = 6.0f,
};

struct ui_map_page *ui_map_page_create(const struct text_fonts *fonts)
{
    struct ui_map_page *p = xcalloc(1, sizeof *p);
    p->fonts = fonts;
    p->selected = -1;
    return p;
}

static void clear(struct ui_map_page *p)
{
    for (size_t i = 0; i < p->label_count; i++)
        text_layout_destroy(p->labels[i].layout);
    p->label_count = 0;
    text_layout_destroy(p->scale_text);
    text_layout_destroy(p->credit);
    p->scale_text = p->credit = NULL;
    if (p->highlight)
        SDL_DestroyTexture(p->highlight);
    p->highlight = NULL;
    map_scene_destroy(p->scene);
    p->scene = NULL;
    p->selected = -1;
}

static void drop_buffers(struct ui_map_page *p)
{
    if (p->still)
        SDL_DestroyTexture(p->still);
    p->still = NULL;
    map_raster_destroy(p->raster);
    p->raster = NULL;
    free(p->img);
    free(p->mask);
    p->img = NULL;
    p->mask = NULL;
}

void ui_map_page_destroy(struct ui_map_page *p)
{
    if (!p)
        return;
    clear(p);
    drop_buffers(p);
    free(p);
}

static struct text_layout *lay(const struct ui_map_page *p, const char *role,
                               int size, const char *text, int width)
{
    return ui_text_lay(p->fonts,
                       (struct ui_text_style){role, UI_LINE_PCT_MAP,
                                              TEXT_DIR_LANG},
                       p->lang, size, width, TEXT_ALIGN_START, text,
                       strlen(text));
}

/* "Yining (Gulja)" -> "Yining": the short form of a label, or NULL. */
static bool short_name(const char *name, char *out, size_t n)
{
    const char *paren = strstr(name, " (");
    if (!paren || (size_t)(paren - name) >= n)
        return false;
    memcpy(out, name, (size_t)(paren - name));
    out[paren - name] = '\0';
    return true;
}

struct pending {
    struct text_layout *full, *brief;
    bool halo;
};

/* The Soviet side's name, at the first of its anchors well inside the
 * area; true if it was requested. */
static bool soviet_label(struct ui_map_page *p, int unit, int size,
                         struct map_label_request *req,
                         struct pending *pend)
{
    const struct map_scene *s = p->scene;
    const char *soviet = content_string(p->ex, "map.soviet-union", p->lang);
    for (size_t k = 0; k < sizeof soviet_anchor / sizeof *soviet_anchor;
         k++) {
        double x, y;
        map_project(&s->proj, soviet_anchor[k][0], soviet_anchor[k][1], &x,
                    &y);
        if (x < p->area.x + unit * 0.15 || x > p->area.x + p->area.w -
                                                   unit * 0.15 ||
            y < p->area.y + unit * 0.08 || y > p->area.y + p->area.h)
            continue;
        struct text_layout *l = lay(p, "title", size, soviet, p->area.w);
        if (!l)
            return false;
        *req = (struct map_label_request){
            -1, (float)x, (float)y, (float)text_layout_width_px(l),
            (float)text_layout_height_px(l), 0, 0, 100, false, 0};
        *pend = (struct pending){l, NULL, false};
        return true;
    }
    return false;
}

/* Keeps the placed labels (the form chosen), frees the rest. */
static void keep_labels(struct ui_map_page *p, int unit,
                        const struct pending *pend,
                        const struct map_label_result *res, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        struct text_layout *use = res[i].short_form ? pend[i].brief
                                                    : pend[i].full;
        struct text_layout *other = res[i].short_form ? pend[i].full
                                                      : pend[i].brief;
        text_layout_destroy(other);
        if (!res[i].placed) {
            text_layout_destroy(use);
            continue;
        }
        const struct map_rect *r = &res[i].rect;
        struct label *lb = &p->labels[p->label_count++];
        int pad = pend[i].halo ? unit * 4 / 1000 : 0;
        lb->layout = use;
        lb->box = (SDL_Rect){(int)lroundf(r->x), (int)lroundf(r->y),
                             (int)lroundf(r->w), (int)lroundf(r->h)};
        lb->tx = lb->box.x + pad;
        lb->ty = lb->box.y + pad;
        lb->halo = pend[i].halo;
    }
}

static void place_labels(struct ui_map_page *p, int unit)
{
    const struct map_scene *s = p->scene;
    const struct content_map *m = s->map;
    struct map_label_request req[MAX_LABELS];
    struct pending pend[MAX_LABELS];
    /* Never smaller than a small panel can show legibly. */
    int town_px = unit * 22 / 1000 > 15 ? unit * 22 / 1000 : 15;
    int region_px = unit * 26 / 1000 > 17 ? unit * 26 / 1000 : 17;
    int wide = p->area.w; /* labels are one line: no wrapping */

    /* The Soviet side's name first: it explains the emphasised border. */
    size_t n = soviet_label(p, unit, region_px, &req[0], &pend[0]) ? 1 : 0;
    for (uint32_t f = 0; f < m->feature_count && n < MAX_LABELS; f++) {
        const struct content_feature *ft = &m->features[f];
        const struct map_scene_feature *sf = &s->features[f];
        if (!sf->tappable || ft->place < 0)
            continue;
        bool town = ft->kind == CONTENT_TOWN;
        const char *name = p->ex->places[ft->place].name[p->lang];
        struct text_layout *full = lay(p, town ? "ui" : "title",
                                       town ? town_px : region_px, name,
                                       wide);
        if (!full)
            continue;
        char brief_s[256];
        struct text_layout *brief =
            short_name(name, brief_s, sizeof brief_s)
                ? lay(p, town ? "ui" : "title", town ? town_px : region_px,
                      brief_s, wide)
                : NULL;
        int pad = town ? unit * 4 / 1000 : 0;
        req[n] = (struct map_label_request){
            (int32_t)f, sf->anchor_x, sf->anchor_y,
            (float)(text_layout_width_px(full) + 2 * pad),
            (float)(text_layout_height_px(full) + 2 * pad),
            brief ? (float)(text_layout_width_px(brief) + 2 * pad) : 0,
            brief ? (float)(text_layout_height_px(brief) + 2 * pad) : 0,
            town ? 50 : 80, town, style.town_radius_px + 1.5f};
        pend[n++] = (struct pending){full, brief, town};
    }
    struct map_label_result res[MAX_LABELS];
    struct map_rect bounds = {(float)p->area.x, (float)p->area.y,
                              (float)p->area.w, (float)p->area.h};
    struct map_label_params params = {unit * 6.0f / 1000, unit * 4.0f / 1000,
                                      unit * 24.0f / 1000};
    map_labels_place(req, n, &bounds, &params, res);
    keep_labels(p, unit, pend, res, n);
}

static void scale_and_credit(struct ui_map_page *p, int unit)
{
    static const int nice_km[] = {10, 20, 25, 50, 100, 200, 250, 500, 1000};
    double km_px = map_km_per_px(&p->scene->proj, 45.0);
    double max_px = p->area.w * 0.18;
    int km = nice_km[0];
    for (size_t i = 0; i < sizeof nice_km / sizeof *nice_km; i++)
        if (nice_km[i] / km_px <= max_px)
            km = nice_km[i];
    int len = (int)lround(km / km_px);
    int margin = unit * 40 / 1000;
    int bar_h = unit * 5 / 1000 > 2 ? unit * 5 / 1000 : 2;
    char value[16], text[128];
    snprintf(value, sizeof value, "%d", km);
    ui_fill(text, sizeof text, content_string(p->ex, "map.scale", p->lang),
            "km", value);
    p->scale_text = lay(p, "ui", unit * 20 / 1000 > 14 ? unit * 20 / 1000
                                                        : 14,
                        text, p->area.w);
    int th = p->scale_text ? text_layout_height_px(p->scale_text) : 0;
    p->scale_bar = (SDL_Rect){p->area.x + margin,
                              p->area.y + p->area.h - margin - bar_h, len,
                              bar_h};
    p->scale_tx = p->scale_bar.x;
    p->scale_ty = p->scale_bar.y - th - unit * 4 / 1000;
    p->credit = lay(p, "ui", unit * 16 / 1000 > 13 ? unit * 16 / 1000 : 13,
                    content_string(p->ex, "map.attribution", p->lang),
                    p->area.w);
    if (p->credit) {
        /* The drawn line ends `margin` from the right, whatever the
         * direction put it inside its box. */
        const struct text_line *ln = &p->credit->lines[0];
        p->credit_tx = p->area.x + p->area.w - margin -
                       (ln->x + ln->width + TEXT_ONE - 1) / TEXT_ONE;
        p->credit_ty = p->area.y + p->area.h - margin / 2 -
                       text_layout_height_px(p->credit);
    }
}

bool ui_map_page_set(struct ui_map_page *p, SDL_Renderer *renderer,
                     const struct exhibit *ex, enum text_lang lang,
                     SDL_Rect area, float slop_px)
{
    clear(p);
    p->ex = ex;
    p->lang = lang;
    p->area = area;
    p->slop = slop_px;
    if (!ex || area.w < 16 || area.h < 16)
        return false;
    /* Sizes are thousandths of the area's side at the 1080 px reference. */
    int unit = ui_scale_thousandths(ui_scale_of(area.w, area.h)).unit;
    struct map_rect rect = {(float)area.x, (float)area.y, (float)area.w,
                            (float)area.h};
    p->scene = map_scene_build(&ex->map, &rect, unit * 48.0f / 1000);
    if (!p->scene) {
        log_error("ui", "the map cannot be fitted into %dx%d", area.w,
                  area.h);
        return false;
    }
    /* The still image covers the area; the scene is in screen px.  The
     * scratch buffers and the texture are kept while the size stays. */
    int fw = area.x + area.w, fh = area.y + area.h;
    int tw = 0, th = 0;
    if (p->still)
        SDL_QueryTexture(p->still, NULL, NULL, &tw, &th);
    if (!p->raster || p->raster->w != fw || p->raster->h != fh ||
        p->renderer != renderer || tw != area.w || th != area.h) {
        drop_buffers(p);
        p->raster = map_raster_create(fw, fh);
        p->img = xmalloc((size_t)fw * (size_t)fh * sizeof *p->img);
        p->mask = xmalloc((size_t)fw * (size_t)fh);
        p->still = SDL_CreateTexture(renderer, SDL_PIXELFORMAT_ARGB8888,
                                     SDL_TEXTUREACCESS_STATIC, area.w,
                                     area.h);
        p->renderer = renderer;
    }
    map_paint(p->scene, &style, p->raster, p->img, fw);
    if (p->still)
        SDL_UpdateTexture(p->still, NULL,
                          p->img + (size_t)area.y * (size_t)fw +
                              (size_t)area.x,
                          fw * 4);
    if (!p->still) {
        log_error("ui", "cannot make the map texture: %s", SDL_GetError());
        return false;
    }
    place_labels(p, unit);
    scale_and_credit(p, unit);
    return true;
}

int ui_map_page_hit(const struct ui_map_page *p, float x, float y)
{
    return p->scene ? map_hit(p->scene, x, y, p->slop) : -1;
}

void ui_map_page_select(struct ui_map_page *p, SDL_Renderer *renderer,
                        int feature, uint32_t now_ms)
{
    if (p->highlight)
        SDL_DestroyTexture(p->highlight);
    p->highlight = NULL;
    p->selected = -1;
    if (!p->scene || feature < 0 ||
        (uint32_t)feature >= p->scene->map->feature_count)
        return;
    int w = p->raster->w, h = p->raster->h;
    map_paint_highlight(p->scene, (uint32_t)feature,
                        style.town_radius_px * 2.5f, p->raster, p->img,
                        p->mask);
    /* Only the feature's box (clipped to the area) becomes a texture, in
     * the highlight colour: drawing it is a plain alpha blend. */
    const struct map_box *b = &p->scene->features[feature].box;
    float grow = style.town_radius_px * 2.5f + 2;
    int x0 = (int)floorf(b->x0 - grow), y0 = (int)floorf(b->y0 - grow);
    int x1 = (int)ceilf(b->x1 + grow), y1 = (int)ceilf(b->y1 + grow);
    x0 = x0 < p->area.x ? p->area.x : x0;
    y0 = y0 < p->area.y ? p->area.y : y0;
    x1 = x1 > w ? w : x1;
    y1 = y1 > h ? h : y1;
    if (x1 <= x0 || y1 <= y0)
        return;
    const struct ui_palette *pal = ui_theme_palette();
    uint32_t rgb = (uint32_t)pal->accent.r << 16 |
                   (uint32_t)pal->accent.g << 8 | pal->accent.b;
    int bw = x1 - x0, bh = y1 - y0;
    for (int y = 0; y < bh; y++)
        for (int x = 0; x < bw; x++)
            p->img[(size_t)y * (size_t)bw + (size_t)x] =
                (uint32_t)p->mask[(size_t)(y + y0) * (size_t)w +
                                  (size_t)(x + x0)]
                    << 24 |
                rgb;
    p->highlight = SDL_CreateTexture(renderer, SDL_PIXELFORMAT_ARGB8888,
                                     SDL_TEXTUREACCESS_STATIC, bw, bh);
    if (p->highlight) {
        SDL_UpdateTexture(p->highlight, NULL, p->img, bw * 4);
        SDL_SetTextureBlendMode(p->highlight, SDL_BLENDMODE_BLEND);
    }
    p->hl_box = (SDL_Rect){x0, y0, bw, bh};
    p->selected = feature;
    p->selected_at = now_ms;
}

int ui_map_page_selected(const struct ui_map_page *p)
{
    return p->selected;
}

bool ui_map_page_draw(struct ui_map_page *p, SDL_Renderer *r,
                      struct atlas *atlas, uint32_t now_ms)
{
    if (!p->still)
        return false;
    const struct ui_palette *pal = ui_theme_palette();
    SDL_RenderCopy(r, p->still, NULL, &p->area);
    bool animating = false;
    if (p->highlight) {
        uint32_t t = now_ms - p->selected_at;
        animating = t < HIGHLIGHT_MS;
        /* Ease out from a bright flash to a steady tint. */
        double k = animating ? (double)t / HIGHLIGHT_MS : 1.0;
        double a = 90 + 110 * (1 - k) * (1 - k);
        SDL_SetTextureAlphaMod(p->highlight, (Uint8)a);
        SDL_RenderCopy(r, p->highlight, NULL, &p->hl_box);
    }
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    for (size_t i = 0; i < p->label_count; i++) {
        const struct label *lb = &p->labels[i];
        if (lb->halo) {
            SDL_SetRenderDrawColor(r, pal->paper.r, pal->paper.g,
                                   pal->paper.b, 215);
            SDL_RenderFillRect(r, &lb->box);
        }
        int x = lb->tx - lb->layout->lines[0].x / TEXT_ONE;
        render_text_layout(r, atlas, lb->layout, x, lb->ty, pal->ink);
    }
    SDL_SetRenderDrawColor(r, pal->ink.r, pal->ink.g, pal->ink.b, 255);
    SDL_RenderFillRect(r, &p->scale_bar);
    if (p->scale_text)
        render_text_layout(r, atlas, p->scale_text,
                           p->scale_tx - p->scale_text->lines[0].x /
                                             TEXT_ONE,
                           p->scale_ty, pal->ink);
    if (p->credit)
        render_text_layout(r, atlas, p->credit, p->credit_tx, p->credit_ty,
                           pal->muted);
    return animating;
}

const struct map_scene *ui_map_page_scene(const struct ui_map_page *p)
{
    return p->scene;
}

size_t ui_map_page_labels(const struct ui_map_page *p, SDL_Rect *out,
                          size_t max)
{
    for (size_t i = 0; i < p->label_count && i < max; i++)
        out[i] = p->labels[i].box;
    return p->label_count;
}

void ui_map_page_split(const struct ui_metrics *m, SDL_Rect area,
                       bool card_open, SDL_Rect *map, SDL_Rect *card)
{
    *map = area;
    *card = (SDL_Rect){0, 0, 0, 0};
    if (!card_open)
        return;
    if (m->w >= m->h) { /* a landscape screen */
        int cw = area.w * 36 / 100;
        *card = (SDL_Rect){ui_end_x(m, area, cw), area.y, cw, area.h};
        *map = (SDL_Rect){ui_start_x(m, area, area.w - cw), area.y,
                          area.w - cw, area.h};
    } else {
        int ch = area.h * 45 / 100;
        *card = (SDL_Rect){area.x, area.y + area.h - ch, area.w, ch};
        map->h = area.h - ch;
    }
}

const struct map_style *ui_map_page_style(void)
{
    return &style;
}
