/* map_page.c: the map screen's drawing (see map_page.h).
 *
 * ui_map_page_set does all the work, in this order: the parts of the area
 * (the panel at the far side, the view beside it, the reserved strip at
 * the view's foot, sized by the credit it holds), the scene fitted into
 * the view less the strip (map/scene.c), one text layout per label
 * measured and placed by map/labels.c on spots from map/label_spots.c,
 * the towns whose labels found no room hidden, then the still image
 * (map/paint.c) uploaded as one static texture.  Drawing copies the
 * texture, blends the selection's mask, draws leader lines, labels and
 * the strip's halos, and the panel's instruction (the bar shows the
 * screen's title).
 *
 * Invariant: nothing tappable and no label of it lies under the panel,
 * so a card sliding over the panel never hides what was tapped. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "core/xalloc.h"
#include "map/hittest.h"
#include "map/label_spots.h"
#include "map/labels.h"
#include "map/paint.h"
#include "render/draw_text.h"
#include "text/layout.h"
#include "ui/format.h"
#include "ui/map_page.h"
#include "ui/scroll_hint.h"
#include "ui/textlist.h"
#include "ui/theme.h"

#define HIGHLIGHT_MS 250
/* The least side of the regions' land when their names are banded round
 * it; smaller, they keep the normal size on the map instead. */
#define UI_MAP_LEAST_LAND_MM 25.0
#define MAX_LABELS 64
#define MAX_SPOTS 160

struct label {
    struct text_layout *layout;
    SDL_Rect box; /* with its halo */
    int tx, ty;   /* where the layout's ink starts */
    bool halo;
    bool muted;   /* a neighbouring country's name */
    bool leader;
    float lx0, ly0, lx1, ly1;
    int feature;
    int pos;
    bool short_form;
    int size_px;
};

struct ui_map_page {
    const struct text_fonts *fonts;
    const struct exhibit *ex;
    struct ui_metrics m;
    SDL_Rect area, panel, view, strip;
    float slop;
    struct map_scene *scene;
    struct map_style style;
    SDL_Renderer *renderer; /* the one the textures belong to */
    SDL_Texture *still;
    SDL_Texture *highlight;
    SDL_Rect hl_box;          /* where the highlight texture goes */
    struct map_raster *raster; /* scratch, kept while the size stays */
    uint32_t *img;             /* raster-sized pixels */
    uint8_t *mask;
    int selected;
    uint32_t selected_at;
    uint32_t opened_at; /* when the selection last went from none */
    struct label labels[MAX_LABELS];
    size_t label_count;
    int halo_pad;
    SDL_Rect scale_bar, scale_box, credit_box;
    struct text_layout *scale_text, *credit;
    int scale_tx, scale_ty, credit_tx, credit_ty;
    bool scale_in_panel; /* the credit needs the strip's whole width */
    struct text_layout *instruction;
    int instr_x, instr_y;
    struct map_side_room room; /* what the regions' names need beside
                                  the map, in columns or rows */
    /* A panel too small for a card's measure: the card is a sheet over
     * the whole area and the instruction a band at the map's top. */
    bool sheet;
    SDL_Rect band;
    /* A panel too small to hold it all (ui_map_page_set): the page is
     * laid out taller than the area -- the map as large as the area, the
     * instruction and the strip under it -- and scrolls (page.h > area.h;
     * offset px down it).  Everything above but the panel is in the
     * page's coordinates, which are the screen's when the offset is 0. */
    SDL_Rect page;
    float offset;
    bool scrolls;
    /* what the layout gave up, for the choice of a scrolling page */
    bool labels_normal; /* the names fell back to the normal size */
    bool instr_normal;  /* the instruction fell back to the normal size */
    bool compact;       /* the regions' names at the text floor */
    int panel_pct;      /* a landscape side panel's share of the width */
    int scale_h;        /* the scale's box, text and bar */
    bool no_scale;      /* its room given to the instruction */
};

static const struct map_style base_style = {
    .paper = 0xF6F0E4,
    .xinjiang = 0xE6DDC9,
    .context = 0xE6DDC9,
    .neighbour = 0xDCE0DC,
    .region = {0xC9D3B0, 0xE2C694, 0xB7C9D3, 0xD9BCB0},
    .region_edge = 0x7E6F5E,
    .soviet_border = 0x7A2E1F,
    .other_border = 0x8A7D6E,
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
    text_layout_destroy(p->instruction);
    p->scale_text = p->credit = p->instruction = NULL;
    if (p->highlight)
        SDL_DestroyTexture(p->highlight);
    p->highlight = NULL;
    map_scene_destroy(p->scene);
    p->scene = NULL;
    p->selected = -1;
    p->labels_normal = p->instr_normal = p->compact = false;
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
                               int size, const char *text, int width,
                               enum text_align align)
{
    return ui_text_lay(p->fonts,
                       (struct ui_text_style){role, UI_LINE_PCT_MAP,
                                              TEXT_DIR_LANG},
                       p->m.lang, size, width, align, text, strlen(text));
}

/* The drawn extent of a layout's widest line, from its box's left. */
static int ink_left(const struct text_layout *l)
{
    int x = INT32_MAX;
    for (uint32_t i = 0; i < l->line_count; i++)
        x = l->lines[i].x / TEXT_ONE < x ? l->lines[i].x / TEXT_ONE : x;
    return l->line_count ? x : 0;
}

/* ---- the parts of the area ---------------------------------------------- */

/* This page's metrics at the normal text size: what larger text falls
 * back to where it would not fit (labels, instruction, credit). */
static void normal_metrics(const struct ui_metrics *m, struct ui_metrics *out)
{
    ui_metrics_init_view(out, m->w, m->h, m->diagonal_in, m->view_mm, m->lang,
                         false);
}

/* The card's side panel: 36 % of a landscape area's width (`wide_pct`:
 * more where larger text needs it), 45 % of a
 * portrait one's height -- or, where that is narrower than a card's
 * measure (UI_MAP_SHEET_MM: about 20 characters of 4.8 mm capitals with
 * the card's margins) or too short for its header and a row, the whole
 * area, over which the card comes as a sheet (*sheet). */
#define UI_MAP_SHEET_W_MM 75.0
#define UI_MAP_SHEET_H_MM 65.0
static SDL_Rect panel_of(const struct ui_metrics *m, SDL_Rect area,
                         int wide_pct, bool *sheet)
{
    *sheet = false;
    if (m->w >= m->h) { /* a landscape screen */
        int cw = area.w * wide_pct / 100;
        if (cw >= ui_mm(m, UI_MAP_SHEET_W_MM) &&
            area.h >= ui_mm(m, UI_MAP_SHEET_H_MM))
            return (SDL_Rect){ui_end_x(m, area, cw), area.y, cw, area.h};
    } else {
        int ch = area.h * 45 / 100;
        if (ch >= ui_mm(m, UI_MAP_SHEET_H_MM))
            return (SDL_Rect){area.x, area.y + area.h - ch, area.w, ch};
    }
    *sheet = true;
    return area;
}

SDL_Rect ui_map_page_panel(const struct ui_map_page *p)
{
    return p->panel;
}

static SDL_Rect view_of(const struct ui_metrics *m, SDL_Rect area,
                        SDL_Rect panel, bool sheet)
{
    if (sheet)
        return area;
    if (m->w >= m->h)
        return (SDL_Rect){ui_start_x(m, area, area.w - panel.w), area.y,
                          area.w - panel.w, area.h};
    return (SDL_Rect){area.x, area.y, area.w, area.h - panel.h};
}

/* ---- labels ------------------------------------------------------------- */

/* "Yili (Ili)" -> "Yili": the name without its bracketed part. */
static bool strip_brackets(const char *name, char *out, size_t n)
{
    const char *paren = strstr(name, " (");
    if (!paren)
        paren = strstr(name, "\xEF\xBC\x88"); /* a full-width bracket */
    if (!paren || paren == name || (size_t)(paren - name) >= n)
        return false;
    memcpy(out, name, (size_t)(paren - name));
    out[paren - name] = '\0';
    return true;
}

/* A label's short form: the card's name without its bracketed part, else
 * (names beside the map, where room is scarcest) without its unit, else
 * the map feature's own (curator-given, in the GeoJSON) name when it is
 * shorter and part of the card's name ("Tacheng" of "Tacheng
 * Prefecture"), so the short form never says something the card does
 * not.  False if there is none. */
static bool short_name(const char *name, const char *feature_name,
                       bool drop_unit, char *out, size_t n)
{
    if (strip_brackets(name, out, n))
        return true;
    /* With `drop_unit`, a Chinese place name as it is said without its
     * unit: 塔城地区 is 塔城, 伊犁州 伊犁 (two characters or more left). */
    static const char *const unit[] = {"自治州", "地区", "州"};
    size_t len = strlen(name);
    for (size_t i = 0; drop_unit && i < sizeof unit / sizeof *unit; i++) {
        size_t u = strlen(unit[i]);
        if (len >= u + 6 && len - u < n &&
            strcmp(name + len - u, unit[i]) == 0) {
            snprintf(out, n, "%.*s", (int)(len - u), name);
            return true;
        }
    }
    if (!feature_name || strlen(feature_name) >= strlen(name) ||
        strlen(feature_name) >= n || !*feature_name ||
        !strstr(name, feature_name))
        return false;
    snprintf(out, n, "%s", feature_name);
    return true;
}

struct pending {
    struct text_layout *full, *brief;
    bool halo, muted;
    int feature, size_px;
};


struct inside_ctx {
    const struct map_scene *scene;
    float step;
};

static bool on_own_fill(const void *ctx, int32_t feature,
                        const struct map_rect *r)
{
    const struct inside_ctx *c = ctx;
    return feature >= 0 &&
           map_rect_inside_feature(c->scene, (uint32_t)feature, r, c->step);
}

/* The label's text in this language: a neighbouring country's from the
 * interface string "map.<id>" (checked like every string), a place's
 * from its card. */
static const char *label_text(const struct ui_map_page *p, uint32_t f)
{
    const struct content_feature *ft = &p->scene->map->features[f];
    if (p->scene->features[f].neighbour) {
        char id[128];
        snprintf(id, sizeof id, "map.%s", ft->id);
        const char *s = content_string(p->ex, id, p->m.lang);
        return strcmp(s, id) != 0 ? s : NULL;
    }
    if (!p->scene->features[f].tappable || ft->place < 0)
        return NULL;
    return p->ex->places[ft->place].name[p->m.lang];
}

static bool m_is_town(const struct ui_map_page *p, int f)
{
    return p->scene->map->features[f].kind == CONTENT_TOWN;
}

/* How many passages mention a place (in any language's text). */
static int mentions(const struct exhibit *ex, int32_t place)
{
    int n = 0;
    for (uint32_t i = 0; place >= 0 && i < ex->passage_count; i++) {
        bool found = false;
        for (int l = 0; l < CONTENT_LANGS && !found; l++) {
            const struct content_text *t = &ex->passages[i].text[l];
            for (uint32_t k = 0; k < t->mention_count && !found; k++)
                found = t->mentions[k].place == (uint32_t)place;
        }
        n += found;
    }
    return n;
}

/* Keeps the placed labels (the form chosen), frees the rest; a town with
 * no label is hidden. */
static void keep_labels(struct ui_map_page *p, const struct pending *pend,
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
            if (m_is_town(p, pend[i].feature))
                p->scene->features[pend[i].feature].hidden = true;
            continue;
        }
        const struct map_rect *r = &res[i].rect;
        struct label *lb = &p->labels[p->label_count++];
        int pad = pend[i].halo ? p->halo_pad : 0;
        *lb = (struct label){
            .layout = use,
            .box = {(int)lroundf(r->x), (int)lroundf(r->y),
                    (int)lroundf(r->w), (int)lroundf(r->h)},
            .halo = pend[i].halo,
            .muted = pend[i].muted,
            .leader = res[i].pos == MAP_LABEL_LEADER,
            .lx0 = res[i].lx0, .ly0 = res[i].ly0,
            .lx1 = res[i].lx1, .ly1 = res[i].ly1,
            .feature = pend[i].feature,
            .pos = (int)res[i].pos,
            .short_form = res[i].short_form,
            .size_px = pend[i].size_px,
        };
        lb->tx = lb->box.x + pad;
        lb->ty = lb->box.y + pad;
    }
}

/* No labels, every town's dot shown again (for another placement). */
static void drop_labels(struct ui_map_page *p)
{
    for (size_t i = 0; i < p->label_count; i++)
        text_layout_destroy(p->labels[i].layout);
    p->label_count = 0;
    for (uint32_t i = 0; i < p->scene->town_count; i++)
        p->scene->features[p->scene->towns[i]].hidden = false;
}

/* The box of the regions' land on screen. */
static struct map_rect land_of(const struct map_scene *s)
{
    struct map_box b = {INFINITY, INFINITY, -INFINITY, -INFINITY};
    for (uint32_t i = 0; i < s->region_count; i++) {
        const struct map_box *r = &s->features[s->regions[i]].box;
        b = (struct map_box){fminf(b.x0, r->x0), fminf(b.y0, r->y0),
                             fmaxf(b.x1, r->x1), fmaxf(b.y1, r->y1)};
    }
    if (b.x0 > b.x1)
        return (struct map_rect){0, 0, 0, 0};
    return (struct map_rect){b.x0, b.y0, b.x1 - b.x0, b.y1 - b.y0};
}

/* The labels at the screen's size (or the normal one), placed on the map
 * -- or, with `sides`, the regions' in columns beside it
 * (map_labels_place_sides); false, and no labels, if that does not fit. */
static bool place_labels(struct ui_map_page *p, SDL_Rect bounds_r,
                         bool normal_size, bool sides)
{
    const struct map_scene *s = p->scene;
    const struct content_map *m = s->map;
    const struct ui_metrics *mt = &p->m;
    struct ui_metrics normal;
    if (normal_size) {
        normal_metrics(mt, &normal);
        mt = &normal;
    }
    struct map_label_request req[MAX_LABELS];
    struct pending pend[MAX_LABELS];
    static float spots[MAX_LABELS][2 * MAX_SPOTS];
    int town_px = ui_text_px(mt, 22);
    /* a region's name a step above the text -- or, where the map is
     * crowded with larger text, at the text's own size */
    int region_px = ui_text_px(mt, p->compact ? 18 : 26);
    int wide = mt->w; /* labels are one line: no wrapping */
    struct map_rect bounds = {(float)bounds_r.x, (float)bounds_r.y,
                              (float)bounds_r.w, (float)bounds_r.h};
    size_t n = 0;
    for (uint32_t f = 0; f < m->feature_count && n < MAX_LABELS; f++) {
        const struct map_scene_feature *sf = &s->features[f];
        const char *name = label_text(p, f);
        if (!name)
            continue;
        bool town = m->features[f].kind == CONTENT_TOWN;
        bool neighbour = sf->neighbour;
        const char *role = town || neighbour ? "ui" : "title";
        int size = town ? town_px : region_px;
        struct text_layout *full = lay(p, role, size, name, wide,
                                       TEXT_ALIGN_START);
        if (!full)
            continue;
        char brief_s[256];
        struct text_layout *brief =
            short_name(name, neighbour ? NULL : m->features[f].name[mt->lang],
                       sides, brief_s, sizeof brief_s)
                ? lay(p, role, size, brief_s, wide, TEXT_ALIGN_START)
                : NULL;
        bool halo = town || neighbour;
        int pad = halo ? p->halo_pad : 0;
        size_t nspots = 0;
        if (!town)
            nspots = map_label_spots(s, f, &bounds, sf->anchor_x,
                                     sf->anchor_y,
                                     (float)text_layout_height_px(full) / 2,
                                     spots[n], MAX_SPOTS);
        req[n] = (struct map_label_request){
            .feature = (int32_t)f,
            .ax = sf->anchor_x,
            .ay = sf->anchor_y,
            .w = (float)(text_layout_width_px(full) + 2 * pad),
            .h = (float)(text_layout_height_px(full) + 2 * pad),
            .w2 = brief ? (float)(text_layout_width_px(brief) + 2 * pad) : 0,
            .h2 = brief ? (float)(text_layout_height_px(brief) + 2 * pad)
                        : 0,
            /* The regions first, then the towns the report names most,
             * the countries last: they have room to spare. */
            .priority = town ? 50 + mentions(p->ex, m->features[f].place)
                        : neighbour ? 20 : 100,
            .is_town = town,
            .dot_r = p->style.town_radius_px + 1.5f,
            .spots = spots[n],
            .spot_count = nspots,
            .inside = !town,
            .leader = !neighbour,
            .must = !town && !neighbour,
        };
        pend[n++] = (struct pending){full, brief, halo, neighbour, (int)f,
                                     size};
    }
    /* beside the map a name may take its short form */
    map_labels_side_room(req, n, sides, &p->room);
    struct map_label_result res[MAX_LABELS];
    struct inside_ctx ictx = {s, 4.0f}; /* as fine as a test samples */
    struct map_label_params params = {
        .gap = (float)ui_mm(mt, 1.0),
        /* with larger text two big names side by side would read as one */
        .pad = (float)ui_mm(mt, mt->large_text ? 2.0 : 0.7),
        /* labels are targets: none in the bezel */
        .edge_margin = (float)(mt->bezel > mt->gap_s ? mt->bezel : mt->gap_s),
        .inside = on_own_fill,
        .ctx = &ictx,
    };
    if (sides) {
        params.clear = land_of(s);
        params.row_sep = (float)ui_mm(mt, 3.0);
        bool beside = map_labels_place_sides(req, n, &bounds, &params, res);
        if (beside)
            keep_labels(p, pend, res, n);
        else
            for (size_t i = 0; i < n; i++) {
                text_layout_destroy(pend[i].full);
                text_layout_destroy(pend[i].brief);
            }
        return beside;
    }
    map_labels_place(req, n, &bounds, &params, res);
    /* A town whose label found no room will not be drawn: its dot is no
     * obstacle, so place again without it. */
    bool again = false;
    for (size_t i = 0; i < n; i++)
        if (req[i].is_town && !res[i].placed) {
            req[i].is_town = false;
            req[i].w = req[i].h = req[i].w2 = req[i].h2 = 0;
            again = true;
        }
    if (again)
        map_labels_place(req, n, &bounds, &params, res);
    keep_labels(p, pend, res, n);
    return true;
}

/* ---- the strip: scale bar and credit ------------------------------------ */

/* The scale's and the credit's type: the smallest the metrics allow (the
 * text floor: 4.8 mm capitals, larger with larger text) -- fine print by
 * place and colour, not by size; the credit wraps in its strip.  On a
 * panel under UI_MAP_CREDIT_SMALL_MM a side (the 7" panel, Touch Display
 * 2) with larger text it keeps the normal floor, or it leaves no room for
 * a map. */
#define UI_MAP_CREDIT_SMALL_MM 100.0
static int caption_px(const struct ui_map_page *p)
{
    const struct ui_metrics *m = &p->m;
    int side = m->w < m->h ? m->w : m->h;
    if (!p->sheet || !m->large_text || p->scrolls ||
        side >= ui_mm(m, UI_MAP_CREDIT_SMALL_MM))
        return ui_text_px(m, 18);
    struct ui_metrics normal;
    normal_metrics(&p->m, &normal);
    return ui_text_px(&normal, 18);
}

/* The strip runs along the foot of the whole area, under the map and the
 * panel (a card stops above it, so the credit is never covered): the
 * scale bar at the reading edge, the credit at the far one, wrapped to
 * what the bar leaves.  Its height is returned. */
static int lay_strip(struct ui_map_page *p, SDL_Rect area)
{
    const struct ui_metrics *m = &p->m;
    int size = caption_px(p);
    int hp = p->halo_pad;
    char text[128];
    ui_fill(text, sizeof text, content_string(p->ex, "map.scale", m->lang),
            "km", "1000");
    p->scale_text = lay(p, "ui", size, text, area.w, TEXT_ALIGN_START);
    /* The bar is at most this wide (place_strip picks a round length). */
    int scale_w = text_layout_width_px(p->scale_text) + 2 * hp;
    scale_w = scale_w > area.w / 5 ? scale_w : area.w / 5;
    int inner = area.w - 2 * m->bezel;
    int room = inner - scale_w - m->gap_m - 2 * hp;
    const char *credit = content_string(p->ex, "map.attribution", m->lang);
    /* A credit that would wrap beside the bar takes the strip's whole
     * width, and the bar goes to the foot of the panel instead (under a
     * card when one is open: the credit must always show, the bar need
     * not). */
    struct text_layout *one = lay(p, "ui", size, credit, 4 * area.w,
                                  TEXT_ALIGN_START);
    struct text_layout *beside = lay(p, "ui", size, credit, room,
                                     TEXT_ALIGN_START);
    int one_w = text_layout_width_px(one) + 2 * hp;
    /* Beside the bar it would wrap: at the panel's foot the bar leaves
     * the credit the whole width, which it takes if it then fits one
     * line, or if beside the bar it would need more than two. */
    p->scale_in_panel = !p->sheet && !p->no_scale &&
        one_w > room && (one_w <= inner ||
                         (beside && beside->line_count > 2));
    text_layout_destroy(one);
    text_layout_destroy(beside);
    /* Under a card's sheet (a small panel) the map is too small for a
     * scale worth reading: the credit alone, the strip's whole width. */
    if (p->scale_in_panel || p->sheet || p->no_scale)
        room = inner - 2 * hp;
    p->credit = lay(p, "ui", size, credit, room,
                    ui_metrics_mirrored(m) ? TEXT_ALIGN_START
                                           : TEXT_ALIGN_END);
    /* Where it still wraps, the licence's own short form: from the '©' to
     * the bracket, "© OpenStreetMap contributors" (its name and licence
     * are in About). */
    const char *c0 = strstr(credit, "\xC2\xA9");
    if (p->credit && p->credit->line_count > 1 && c0) {
        char brief[128];
        size_t n = strcspn(c0, "(\xEF"); /* '(' or a full-width '（' */
        while (n > 0 && c0[n - 1] == ' ')
            n--;
        snprintf(brief, sizeof brief, "%.*s", (int)n, c0);
        text_layout_destroy(p->credit);
        p->credit = lay(p, "ui", size, brief, room,
                        ui_metrics_mirrored(m) ? TEXT_ALIGN_START
                                               : TEXT_ALIGN_END);
    }
    int bar_h = ui_mm(m, 0.8);
    int scale_h = text_layout_height_px(p->scale_text) + ui_mm(m, 0.6) +
                  bar_h + 2 * hp;
    int credit_h = text_layout_height_px(p->credit) + 2 * hp;
    p->scale_h = scale_h;
    if (p->scale_in_panel || p->sheet || p->no_scale)
        scale_h = 0;
    return (scale_h > credit_h ? scale_h : credit_h) + m->gap_xs +
           m->bezel / 2;
}

static void place_strip(struct ui_map_page *p)
{
    static const int nice_km[] = {10, 20, 25, 50, 100, 200, 250, 500, 1000};
    const struct ui_metrics *m = &p->m;
    SDL_Rect st = p->strip;
    int hp = p->halo_pad;
    double km_px = map_km_per_px(&p->scene->proj, 45.0);
    double max_px = st.w / 5.0;
    int km = nice_km[0];
    for (size_t i = 0; i < sizeof nice_km / sizeof *nice_km; i++)
        if (nice_km[i] / km_px <= max_px)
            km = nice_km[i];
    int len = (int)lround(km / km_px);
    char value[16], text[128];
    snprintf(value, sizeof value, "%d", km);
    ui_fill(text, sizeof text, content_string(p->ex, "map.scale", m->lang),
            "km", value);
    text_layout_destroy(p->scale_text);
    p->scale_text = lay(p, "ui", caption_px(p), text, st.w,
                        TEXT_ALIGN_START);
    int th = text_layout_height_px(p->scale_text);
    int tw = text_layout_width_px(p->scale_text);
    int bar_h = ui_mm(m, 0.8);
    int box_w = (len > tw ? len : tw) + 2 * hp;
    int box_h = th + ui_mm(m, 0.6) + bar_h + 2 * hp;
    int bottom = st.y + st.h - m->bezel / 2;
    int credit_h = text_layout_height_px(p->credit) + 2 * hp;
    int credit_w = text_layout_width_px(p->credit) + 2 * hp;
    SDL_Rect inner = {st.x + m->bezel, st.y, st.w - 2 * m->bezel, st.h};
    p->scale_box = (SDL_Rect){ui_start_x(m, inner, box_w), bottom - box_h,
                              box_w, box_h};
    if (p->scale_in_panel) {
        SDL_Rect pin = {p->panel.x + m->margin, p->panel.y,
                        p->panel.w - 2 * m->margin, p->panel.h};
        p->scale_box = (SDL_Rect){ui_start_x(m, pin, box_w),
                                  p->panel.y + p->panel.h - m->gap_m - box_h,
                                  box_w, box_h};
    }
    bool mirrored = ui_metrics_mirrored(m);
    p->scale_tx = mirrored ? p->scale_box.x + p->scale_box.w - hp - tw
                           : p->scale_box.x + hp;
    p->scale_ty = p->scale_box.y + hp;
    int bar_x = mirrored ? p->scale_box.x + p->scale_box.w - hp - len
                         : p->scale_box.x + hp;
    p->scale_bar = (SDL_Rect){bar_x, p->scale_ty + th + ui_mm(m, 0.6), len,
                              bar_h};
    p->credit_box = (SDL_Rect){ui_end_x(m, inner, credit_w),
                               bottom - credit_h, credit_w, credit_h};
    /* The layout's box is `room` wide, its lines aligned to the far
     * edge: put the box so its ink fills the credit's box. */
    p->credit_tx = p->credit_box.x + hp - ink_left(p->credit);
    p->credit_ty = p->credit_box.y + hp;
    if (p->sheet || p->no_scale) { /* no scale (see lay_strip) */
        text_layout_destroy(p->scale_text);
        p->scale_text = NULL;
        p->scale_box = p->scale_bar = (SDL_Rect){0, 0, 0, 0};
    }
}

/* ---- the panel: title and instruction ----------------------------------- */

static void lay_panel(struct ui_map_page *p)
{
    const struct ui_metrics *m = &p->m;
    SDL_Rect pn = p->sheet ? p->view : p->panel;
    int w = pn.w - 2 * m->margin;
    enum text_align al = ui_align_start(m, m->lang);
    /* The bar says where the visitor is (map.title); the panel what to
     * do -- or, on a small panel, a band across the map's top. */
    text_layout_destroy(p->instruction);
    p->instruction = lay(p, "ui", ui_text_px(m, m->type.lead),
                         content_string(p->ex, "map.instruction", m->lang),
                         w, al);
    /* larger text that would overrun the panel (the scale may stand at
     * its foot: lay_strip) keeps the normal size */
    int room = pn.h - 2 * m->margin -
               (p->scale_in_panel ? p->scale_h + m->gap_m + m->gap_s : 0);
    if (p->instruction && m->large_text && !p->sheet &&
        text_layout_height_px(p->instruction) > room) {
        struct ui_metrics normal;
        normal_metrics(m, &normal);
        p->instr_normal = true;
        text_layout_destroy(p->instruction);
        p->instruction =
            lay(p, "ui", ui_text_px(&normal, normal.type.lead),
                content_string(p->ex, "map.instruction", m->lang), w, al);
    }
    p->instr_x = pn.x + m->margin;
    p->instr_y = pn.y + (p->sheet ? m->gap_s : m->margin);
    p->band = (SDL_Rect){0, 0, 0, 0};
    if (p->sheet)
        p->band = (SDL_Rect){pn.x, pn.y, pn.w,
                             text_layout_height_px(p->instruction) +
                                 2 * m->gap_s};
}

/* ---- set ---------------------------------------------------------------- */

static void scale_style(struct ui_map_page *p)
{
    const struct ui_metrics *m = &p->m;
    double k = ui_scale_factor(m->scale);
    p->style = base_style;
    p->style.town_radius_px = (float)fmax(6.0 * k, m->px_per_mm * 1.3);
    p->style.soviet_px = (float)fmax(4.0 * k, m->px_per_mm * 0.8);
    p->style.other_px = (float)fmax(2.0 * k, m->px_per_mm * 0.45);
    p->style.region_edge_px = (float)fmax(1.2 * k, m->px_per_mm * 0.25);
    p->halo_pad = ui_mm(m, 0.6) > 2 ? ui_mm(m, 0.6) : 2;
}

static bool paint(struct ui_map_page *p, SDL_Renderer *renderer)
{
    SDL_Rect area = p->page;
    /* The still image covers the page; the scene is in page px.  The
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
    map_paint(p->scene, &p->style, p->raster, p->img, fw);
    if (!p->still) {
        log_error("ui", "cannot make the map texture: %s", SDL_GetError());
        return false;
    }
    SDL_UpdateTexture(p->still, NULL,
                      p->img + (size_t)area.y * (size_t)fw + (size_t)area.x,
                      fw * 4);
    return true;
}

/* Whether a label had to be forced over another. */
static bool forced(const struct ui_map_page *p)
{
    for (size_t i = 0; i < p->label_count; i++)
        if (p->labels[i].pos == MAP_LABEL_FORCED)
            return true;
    return false;
}

/* The regions' names beside the land did not fit: the map fitted smaller,
 * leaving a band for a row of names above it and one below, or a column
 * each side -- whichever leaves the larger map -- and the names placed
 * there.  False, with the map as it was, if neither fits. */
static bool place_banded(struct ui_map_page *p, SDL_Rect fit_r)
{
    const struct ui_metrics *m = &p->m;
    /* place_labels' leader room and margin */
    int gap = 2 * ui_mm(m, 1.0) + 2 * ui_mm(m, m->large_text ? 2.0 : 0.7) + 1;
    const struct map_side_room *r = &p->room;
    struct map_rect rect = {(float)p->page.x, (float)p->page.y,
                            (float)p->page.w, (float)p->page.h};
    struct map_scene *was = p->scene, *best = NULL;
    float best_area = 0;
    bool best_rows = false;
    for (int rows = 0; rows < 2; rows++) {
        SDL_Rect in = fit_r;
        if (rows) {
            int above = (int)ceilf(r->above) + gap;
            in.y += above;
            in.h -= above + (int)ceilf(r->below) + gap;
        } else { /* columns keep the bezel at the screen's sides */
            int edge = m->bezel > m->gap_s ? m->bezel : m->gap_s;
            int left = (int)ceilf(r->left) + gap + edge;
            in.x += left;
            in.w -= left + (int)ceilf(r->right) + gap + edge;
        }
        /* smaller than this it is no longer a map to point at */
        int least = ui_mm(m, UI_MAP_LEAST_LAND_MM);
        if (in.w < least || in.h < least)
            continue;
        struct map_rect fit = {(float)in.x, (float)in.y, (float)in.w,
                               (float)in.h};
        p->scene = map_scene_build_view(&p->ex->map, &rect, &fit,
                                        (float)m->gap_s);
        struct map_rect land = p->scene ? land_of(p->scene)
                                        : (struct map_rect){0, 0, 0, 0};
        bool ok = p->scene && place_labels(p, fit_r, false, true);
        drop_labels(p);
        if (ok && land.w >= (float)least && land.h >= (float)least &&
            land.w * land.h > best_area) {
            map_scene_destroy(best);
            best = p->scene;
            best_area = land.w * land.h;
            best_rows = rows;
        } else {
            map_scene_destroy(p->scene);
        }
    }
    p->scene = best ? best : was;
    if (!best)
        return false;
    map_scene_destroy(was);
    if (!place_labels(p, fit_r, false, true))
        return false; /* cannot happen: it was placed above */
    log_debug("ui", "map: the regions' names in %s beside the land",
              best_rows ? "rows" : "columns");
    return true;
}

/* Lays the page out on p->page (the area, or a taller page that scrolls
 * in it): strip, panel, view, instruction, scene, labels.  False (logged)
 * if the map cannot be fitted. */
static bool lay_page(struct ui_map_page *p)
{
    const struct ui_metrics *m = &p->m;
    scale_style(p);
    /* the strip's arrangement needs it; a scrolling page's card is a sheet
     * over the area on screen */
    panel_of(m, p->area, p->panel_pct, &p->sheet);
    p->sheet |= p->scrolls;
    SDL_Rect fit_r;
    if (p->scrolls) {
        /* A page that scrolls opens on the map, as large as the area;
         * under it the instruction's band, then the strip.  The page is
         * as tall as that. */
        SDL_Rect a = p->area;
        int strip_h = lay_strip(p, a);
        p->panel = a;
        p->view = a;
        lay_panel(p); /* the band at the view's top, moved under it */
        p->band.y += a.h;
        p->instr_y += a.h;
        p->page = (SDL_Rect){a.x, a.y, a.w, a.h + p->band.h + strip_h};
        p->strip = (SDL_Rect){a.x, p->band.y + p->band.h, a.w, strip_h};
        /* The area ends at the screen's edge, where the names and their
         * touch areas (a target tall, taller than a name) must stay clear
         * of the bezel.  Names beside the map keep only their spacing
         * from the area's edge (map_labels_place_sides), which elsewhere
         * is the strip's: the map leaves the bezel free at its foot (less
         * that spacing where the names go in rows, on a portrait
         * screen). */
        fit_r = a;
        int line = ui_text_px(m, 18) * 13 / 10;
        int pad = ui_mm(m, 2.0); /* place_labels' with larger text */
        fit_r.h -= m->target > line ? (m->target - line) / 2 + 1 : 0;
        fit_r.h -= m->w < m->h && m->bezel > pad ? m->bezel - pad : m->bezel;
    } else {
        SDL_Rect area = p->page;
        int strip_h = lay_strip(p, area);
        p->strip = (SDL_Rect){area.x, area.y + area.h - strip_h, area.w,
                              strip_h};
        SDL_Rect above = {area.x, area.y, area.w, area.h - strip_h};
        bool sheet;
        p->panel = panel_of(m, above, p->panel_pct, &sheet);
        if (sheet && !p->sheet) {
            /* The strip (larger text: the credit wraps) took the room a
             * side panel needed: the card comes as a sheet, over the
             * sheet's own strip (the credit alone), or the map would get
             * no room. */
            p->sheet = true;
            text_layout_destroy(p->scale_text);
            text_layout_destroy(p->credit);
            p->scale_text = p->credit = NULL;
            strip_h = lay_strip(p, area);
            p->strip = (SDL_Rect){area.x, area.y + area.h - strip_h, area.w,
                                  strip_h};
            above.h = area.h - strip_h;
        }
        /* A sheet covers the whole map, its strip too: nothing of the map
         * (nor its credit or scale) is seen while a card is open, and on a
         * small panel the card needs every row. */
        if (p->sheet)
            p->panel = area;
        p->view = view_of(m, above, p->panel, p->sheet);
        lay_panel(p);
        fit_r = p->view;
        if (p->sheet && p->band.h > p->view.h * 2 / 5) {
            text_layout_destroy(p->instruction); /* the map needs the room */
            p->instruction = NULL;
            p->band = (SDL_Rect){0, 0, 0, 0};
        }
        if (p->sheet) { /* the map below the instruction's band */
            fit_r.y += p->band.h;
            fit_r.h -= p->band.h;
        }
    }
    SDL_Rect area = p->page;
    struct map_rect rect = {(float)area.x, (float)area.y, (float)area.w,
                            (float)area.h};
    struct map_rect fit = {(float)fit_r.x, (float)fit_r.y, (float)fit_r.w,
                           (float)fit_r.h};
    /* Room round the regions for the labels led out of them. */
    float margin = (float)(m->gap_l > ui_mm(m, 4) ? m->gap_l : ui_mm(m, 4));
    p->scene = map_scene_build_view(&p->ex->map, &rect, &fit, margin);
    if (!p->scene) {
        log_error("ui", "the map cannot be fitted into %dx%d", fit_r.w,
                  fit_r.h);
        return false;
    }
    /* On a page that scrolls with larger text, names beside the map read
     * better than large names led into it from afar. */
    bool beside = false;
    for (int compact = 0; p->scrolls && m->large_text && compact < 2 &&
                          !beside;
         compact++) {
        p->compact = compact; /* a step above the text, or at its size */
        beside = place_labels(p, fit_r, false, true) ||
                 place_banded(p, fit_r);
    }
    p->compact = beside && p->compact;
    if (!beside)
        place_labels(p, fit_r, false, false);
    /* With larger text a small map may hold its regions' names only by
     * forcing one over another: then they go at the text's own size in
     * columns beside it (a wide, short map: the 7" panel) or in rows
     * above and below it, else on it at that size, or else at the normal
     * size (still 4.8 mm capitals) rather than cover each other -- which
     * makes a small panel's page scroll instead (ui_map_page_set). */
    if (forced(p) && m->large_text) {
        drop_labels(p);
        p->compact = true;
        if (!place_labels(p, fit_r, false, true) &&
            !place_banded(p, fit_r)) {
            place_labels(p, fit_r, false, false);
            if (forced(p)) {
                drop_labels(p);
                place_labels(p, fit_r, true, false);
                p->labels_normal = true;
            }
        }
    }
    place_strip(p);
    return true;
}

/* Whether the layout kept the page's must-haves at the screen's text
 * size: the regions' names placed without forcing, the instruction shown,
 * the credit at the text's size. */
static bool lay_kept(const struct ui_map_page *p)
{
    return !forced(p) && !p->labels_normal && !p->instr_normal &&
           p->instruction && caption_px(p) == ui_text_px(&p->m, 18);
}

bool ui_map_page_set(struct ui_map_page *p, SDL_Renderer *renderer,
                     const struct ui_metrics *m, const struct exhibit *ex,
                     SDL_Rect area, float slop_px)
{
    clear(p);
    p->ex = ex;
    p->m = *m;
    p->area = p->page = area;
    p->offset = 0;
    p->scrolls = false;
    p->panel_pct = 36;
    p->no_scale = false;
    p->slop = slop_px;
    if (!ex || area.w < 16 || area.h < 16)
        return false;
    if (!lay_page(p))
        return false;
    /* Larger text whose instruction overruns a landscape side panel: the
     * scale gives it the panel's foot (the instruction says what to do,
     * the scale is the map's furniture), then the panel widens (the card
     * takes the same), up to half the width. */
    while (m->large_text && !p->sheet && p->instr_normal &&
           (!p->no_scale || p->panel_pct < 48)) {
        int pct = p->no_scale ? p->panel_pct + 6 : p->panel_pct;
        clear(p);
        p->no_scale = true;
        p->panel_pct = pct;
        if (!lay_page(p))
            return false;
    }
    /* A panel too small to hold it all (the card comes as a sheet: the 7"
     * panel, and Touch Display 2 with larger text): rather than give the
     * instruction up, or the credit's or the names' size, the map keeps
     * the area and the rest comes under it, on a page that scrolls. */
    if (p->sheet && !lay_kept(p)) {
        clear(p);
        p->scrolls = true;
        if (!lay_page(p))
            return false;
        log_debug("ui", "map: a %d px page that scrolls in %d px%s",
                  p->page.h, area.h,
                  lay_kept(p) ? "" : "; names at the normal size");
    }
    return paint(p, renderer);
}

bool ui_map_page_sheet(const struct ui_map_page *p)
{
    return p->sheet;
}

/* A label's touch area on the page. */
static SDL_Rect label_touch(const struct ui_map_page *p,
                            const struct label *lb)
{
    return ui_touch_rect(&p->m, lb->box);
}

static const struct label *region_label(const struct ui_map_page *p,
                                        int feature)
{
    for (size_t i = 0; i < p->label_count; i++)
        if (p->labels[i].feature == feature && !p->labels[i].muted)
            return &p->labels[i];
    return NULL;
}

/* A page rect on screen at the page's offset. */
static SDL_Rect on_screen(const struct ui_map_page *p, SDL_Rect r)
{
    r.y -= (int)lroundf(p->offset);
    return r;
}

bool ui_map_page_shows(const struct ui_map_page *p, SDL_Rect r)
{
    return !p->scrolls ||
           (r.y >= p->area.y && r.y + r.h <= p->area.y + p->area.h);
}

bool ui_map_page_label_target(const struct ui_map_page *p, int feature,
                               SDL_Rect *out)
{
    const struct label *lb = region_label(p, feature);
    if (!lb)
        return false;
    *out = on_screen(p, label_touch(p, lb));
    return true;
}

float ui_map_page_offset(const struct ui_map_page *p)
{
    return p->offset;
}

float ui_map_page_max_offset(const struct ui_map_page *p)
{
    return (float)(p->page.h - p->area.h);
}

void ui_map_page_set_offset(struct ui_map_page *p, float offset)
{
    float max = ui_map_page_max_offset(p);
    p->offset = offset < 0 ? 0 : offset > max ? max : offset;
}

int ui_map_page_hit(const struct ui_map_page *p, float x, float y)
{
    SDL_Point at = {(int)floorf(x), (int)floorf(y)};
    /* the panel (a sheet only while a card is open) is on screen; the
     * band, which is not the map's, on the page */
    bool card = !p->sheet || p->selected >= 0;
    if (!p->scene || (card && SDL_PointInRect(&at, &p->panel)) ||
        (p->scrolls && !SDL_PointInRect(&at, &p->area)))
        return -1;
    y += p->offset;
    SDL_Point pt = {(int)floorf(x), (int)floorf(y)};
    if (SDL_PointInRect(&pt, &p->band))
        return -1;
    /* a place's label is a target of its own, as large as a finger: a
     * small region or a label led out of it is found by its name -- the
     * label under the finger, else the nearest whose touch area it is in */
    int best = -1;
    long best_d = 0;
    for (size_t i = 0; p->scene && i < p->label_count; i++) {
        const struct label *lb = &p->labels[i];
        SDL_Rect t = label_touch(p, lb);
        if (lb->muted || !SDL_PointInRect(&pt, &t))
            continue;
        if (SDL_PointInRect(&pt, &lb->box))
            return lb->feature;
        long dx = pt.x - (lb->box.x + lb->box.w / 2);
        long dy = pt.y - (lb->box.y + lb->box.h / 2);
        if (best < 0 || dx * dx + dy * dy < best_d) {
            best = lb->feature;
            best_d = dx * dx + dy * dy;
        }
    }
    if (best >= 0)
        return best;
    return map_hit(p->scene, x, y, p->slop);
}

void ui_map_page_select(struct ui_map_page *p, SDL_Renderer *renderer,
                        int feature, uint32_t now_ms)
{
    bool was = p->selected >= 0;
    if (p->highlight)
        SDL_DestroyTexture(p->highlight);
    p->highlight = NULL;
    p->selected = -1;
    if (!p->scene || feature < 0 ||
        (uint32_t)feature >= p->scene->map->feature_count)
        return;
    if (!was)
        p->opened_at = now_ms;
    int w = p->raster->w, h = p->raster->h;
    float grow = p->style.town_radius_px * 2.5f;
    map_paint_highlight(p->scene, (uint32_t)feature, grow, p->raster,
                        p->img, p->mask);
    /* Only the feature's box (clipped to the view) becomes a texture, in
     * the highlight colour: drawing it is a plain alpha blend. */
    const struct map_box *b = &p->scene->features[feature].box;
    int x0 = (int)floorf(b->x0 - grow - 2), y0 = (int)floorf(b->y0 - grow - 2);
    int x1 = (int)ceilf(b->x1 + grow + 2), y1 = (int)ceilf(b->y1 + grow + 2);
    x0 = x0 < p->area.x ? p->area.x : x0;
    y0 = y0 < p->area.y ? p->area.y : y0;
    x1 = x1 > w ? w : x1;
    y1 = y1 > h ? h : y1;
    p->selected = feature;
    p->selected_at = now_ms;
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
}

int ui_map_page_selected(const struct ui_map_page *p)
{
    return p->selected;
}

bool ui_map_page_card_shift(const struct ui_map_page *p, uint32_t now_ms,
                            int *dx, int *dy)
{
    *dx = *dy = 0;
    uint32_t t = now_ms - p->opened_at;
    if (p->selected < 0 || t >= UI_MAP_CARD_SLIDE_MS)
        return false;
    /* Ease out (cubic): quick to start, settling gently. */
    double k = 1.0 - (double)t / UI_MAP_CARD_SLIDE_MS;
    double left = k * k * k;
    if (p->m.w >= p->m.h) {
        int dir = ui_metrics_mirrored(&p->m) ? -1 : 1; /* to the far side */
        *dx = dir * (int)lround(left * p->panel.w);
    } else {
        *dy = (int)lround(left * p->panel.h);
    }
    return true;
}

static void fill(SDL_Renderer *r, SDL_Color c, Uint8 a, const SDL_Rect *box)
{
    SDL_SetRenderDrawColor(r, c.r, c.g, c.b, a);
    SDL_RenderFillRect(r, box);
}

/* A leader line: a paper halo under an ink line, a dot at the place. */
static void draw_leader(SDL_Renderer *r, const struct ui_map_page *p,
                        const struct label *lb)
{
    const struct ui_palette *pal = ui_theme_palette();
    int w = ui_mm(&p->m, 0.35) > 1 ? ui_mm(&p->m, 0.35) : 1;
    for (int pass = 0; pass < 2; pass++) {
        int half = pass ? w / 2 + 0 : w / 2 + 1;
        SDL_Color c = pass ? pal->ink : pal->paper;
        SDL_SetRenderDrawColor(r, c.r, c.g, c.b, 255);
        for (int o = -half; o <= half; o++) {
            bool steep = fabsf(lb->ly1 - lb->ly0) > fabsf(lb->lx1 - lb->lx0);
            SDL_RenderDrawLineF(r, lb->lx0 + (steep ? (float)o : 0),
                                lb->ly0 + (steep ? 0 : (float)o),
                                lb->lx1 + (steep ? (float)o : 0),
                                lb->ly1 + (steep ? 0 : (float)o));
        }
        int d = pass ? w + 2 : w + 4;
        SDL_Rect dot = {(int)lroundf(lb->lx0) - d / 2,
                        (int)lroundf(lb->ly0) - d / 2, d, d};
        SDL_RenderFillRect(r, &dot);
    }
}

/* The strip: a reserved margin of paper, a halo under the scale and the
 * credit all the same. */
static void draw_strip(SDL_Renderer *r, const struct ui_map_page *p,
                       struct atlas *atlas)
{
    const struct ui_palette *pal = ui_theme_palette();
    fill(r, pal->paper, 255, &p->strip);
    SDL_Rect hair = {p->view.x, p->strip.y, p->view.w, 1};
    fill(r, pal->rule, 255, &hair);
    fill(r, pal->paper, 225, &p->scale_box);
    fill(r, pal->paper, 225, &p->credit_box);
    fill(r, pal->ink, 255, &p->scale_bar);
    if (p->scale_text)
        render_text_layout(r, atlas, p->scale_text,
                           p->scale_tx - ink_left(p->scale_text),
                           p->scale_ty, pal->ink);
    if (p->credit)
        render_text_layout(r, atlas, p->credit, p->credit_tx, p->credit_ty,
                           pal->muted);
}

/* The page's own drawing, in its coordinates: the image, the selection,
 * leaders and labels, and on a sheet layout the strip and the band. */
static void draw_page(struct ui_map_page *p, SDL_Renderer *r,
                      struct atlas *atlas, bool covered, double hl_alpha)
{
    const struct ui_palette *pal = ui_theme_palette();
    SDL_RenderCopy(r, p->still, NULL, &p->page);
    if (p->highlight) {
        SDL_SetTextureAlphaMod(p->highlight, (Uint8)hl_alpha);
        SDL_RenderCopy(r, p->highlight, NULL, &p->hl_box);
    }
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    for (size_t i = 0; i < p->label_count; i++)
        if (p->labels[i].leader)
            draw_leader(r, p, &p->labels[i]);
    for (size_t i = 0; i < p->label_count; i++) {
        const struct label *lb = &p->labels[i];
        if (lb->halo || lb->leader)
            fill(r, pal->paper, 215, &lb->box);
        int x = lb->tx - ink_left(lb->layout);
        render_text_layout(r, atlas, lb->layout, x, lb->ty,
                           lb->muted ? pal->muted : pal->ink);
    }
    if (!p->sheet)
        return;
    /* the instruction's band; the card brings its own sheet, over the
     * strip too once it is in */
    if (!covered)
        draw_strip(r, p, atlas);
    if (p->selected < 0 && p->band.h > 0) {
        fill(r, pal->paper, 235, &p->band);
        /* the hair between the band and the map */
        SDL_Rect hair = {p->band.x,
                         p->scrolls ? p->band.y : p->band.y + p->band.h - 1,
                         p->band.w, 1};
        fill(r, pal->rule, 255, &hair);
        if (p->instruction)
            render_text_layout(r, atlas, p->instruction, p->instr_x,
                               p->instr_y, pal->ink);
    }
}

bool ui_map_page_draw(struct ui_map_page *p, SDL_Renderer *r,
                      struct atlas *atlas, uint32_t now_ms)
{
    if (!p->still)
        return false;
    const struct ui_palette *pal = ui_theme_palette();
    bool animating = false;
    double hl_alpha = 0;
    if (p->highlight) {
        uint32_t t = now_ms - p->selected_at;
        animating = t < HIGHLIGHT_MS;
        /* Ease out from a bright flash to a steady tint. */
        double k = animating ? (double)t / HIGHLIGHT_MS : 1.0;
        hl_alpha = 90 + 110 * (1 - k) * (1 - k);
    }
    int cdx, cdy; /* under a card that has slid in, nothing to draw */
    bool sliding = ui_map_page_card_shift(p, now_ms, &cdx, &cdy);
    bool covered = p->selected >= 0 && !sliding;
    if (p->scrolls) {
        /* The page drawn through a viewport moved up by the offset, held
         * to the area: the text log sees where it really lands. */
        SDL_Rect vp;
        SDL_RenderGetViewport(r, &vp);
        int off = (int)lroundf(p->offset);
        SDL_Rect moved = {vp.x, vp.y - off, vp.w, vp.h + off};
        SDL_Rect clip = {p->area.x, p->area.y + off, p->area.w, p->area.h};
        SDL_RenderSetViewport(r, &moved);
        SDL_RenderSetClipRect(r, &clip);
        draw_page(p, r, atlas, covered, hl_alpha);
        SDL_RenderSetClipRect(r, NULL);
        SDL_RenderSetViewport(r, &vp);
        if (!covered)
            ui_scroll_hint_draw(r, &p->m, p->area, off,
                                (int)ui_map_page_max_offset(p));
    } else {
        draw_page(p, r, atlas, covered, hl_alpha);
    }
    if (p->sheet) {
        if (p->selected >= 0) {
            SDL_Rect under = {p->panel.x + cdx, p->panel.y + cdy,
                              p->panel.w, p->panel.h};
            fill(r, pal->paper, 255, &under);
        }
        return animating || sliding;
    }
    /* The panel the card will slide over. */
    fill(r, pal->paper, 255, &p->panel);
    SDL_Rect edge = p->m.w >= p->m.h
                        ? (SDL_Rect){ui_metrics_mirrored(&p->m)
                                         ? p->panel.x + p->panel.w - 2
                                         : p->panel.x,
                                     p->panel.y, 2, p->panel.h}
                        : (SDL_Rect){p->panel.x, p->panel.y, p->panel.w, 2};
    fill(r, pal->rule, 255, &edge);
    SDL_Rect text_clip = p->panel;
    if (p->scale_in_panel)
        text_clip.h = p->scale_box.y - p->m.gap_s - p->panel.y;
    SDL_RenderSetClipRect(r, &text_clip);
    if (p->instruction && !covered)
        render_text_layout(r, atlas, p->instruction, p->instr_x, p->instr_y,
                           pal->ink);
    SDL_RenderSetClipRect(r, NULL);
    draw_strip(r, p, atlas);
    return animating || sliding;
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

size_t ui_map_page_label_info(const struct ui_map_page *p,
                              struct ui_map_label_info *out, size_t max)
{
    for (size_t i = 0; i < p->label_count && i < max; i++) {
        const struct label *lb = &p->labels[i];
        out[i] = (struct ui_map_label_info){lb->feature, lb->box, lb->pos,
                                            lb->short_form, lb->size_px};
    }
    return p->label_count;
}

void ui_map_page_parts(const struct ui_map_page *p,
                       struct ui_map_page_parts *out)
{
    SDL_Rect instr = {p->instr_x, p->instr_y,
                      text_layout_width_px(p->instruction),
                      text_layout_height_px(p->instruction)};
    *out = (struct ui_map_page_parts){p->panel,      p->view,
                                      p->strip,      p->scale_box,
                                      p->credit_box, instr,
                                      p->sheet,      p->band};
}

const struct map_style *ui_map_page_style(void)
{
    return &base_style;
}
