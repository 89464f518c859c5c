/* exhibit_app.c: the map and reader screens and the taps between them
 * (see exhibit_app.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/exhibit_app.h"
#include "core/diag.h"
#include "core/xalloc.h"
#include "map/hittest.h"
#include "map/scene.h"
#include "ui/map_page.h"
#include "ui/place_card.h"
#include "ui/reader.h"
#include "ui/theme.h"

#define MAX_TARGETS 256

struct exhibit_app {
    const struct text_fonts *fonts;
    const struct exhibit *ex;
    enum text_lang lang;
    int w, h;
    enum app_screen screen;
    struct ui_map_page *map;
    struct ui_place_card *card;
    SDL_Rect map_area, card_area;
    int place; /* selected place index, or -1 */
    struct ui_reader *reader;
    SDL_Renderer *renderer;
};

struct exhibit_app *exhibit_app_create(const struct text_fonts *fonts)
{
    struct exhibit_app *a = xcalloc(1, sizeof *a);
    a->fonts = fonts;
    a->place = -1;
    a->map = ui_map_page_create(fonts);
    a->card = ui_place_card_create(fonts);
    a->reader = ui_reader_create(fonts);
    return a;
}

void exhibit_app_destroy(struct exhibit_app *a)
{
    if (!a)
        return;
    ui_map_page_destroy(a->map);
    ui_place_card_destroy(a->card);
    ui_reader_destroy(a->reader);
    free(a);
}

/* With a place selected its card takes a side -- the left in Uyghur,
 * which mirrors the chrome, never the map -- or the bottom in portrait. */
static void split(struct exhibit_app *a)
{
    int w = a->w, h = a->h;
    a->map_area = (SDL_Rect){0, 0, w, h};
    a->card_area = (SDL_Rect){0, 0, 0, 0};
    if (a->place < 0)
        return;
    if (w >= h) {
        int cw = w * 36 / 100;
        bool left = a->lang == TEXT_LANG_UG;
        a->card_area = (SDL_Rect){left ? 0 : w - cw, 0, cw, h};
        a->map_area = (SDL_Rect){left ? cw : 0, 0, w - cw, h};
    } else {
        int ch = h * 42 / 100;
        a->card_area = (SDL_Rect){0, h - ch, w, ch};
        a->map_area = (SDL_Rect){0, 0, w, h - ch};
    }
}

static void layout_map(struct exhibit_app *a)
{
    split(a);
    float slop = map_slop_px(MAP_SLOP_MM_DEFAULT,
                             MAP_SCREEN_DIAG_INCH_DEFAULT, a->w, a->h);
    ui_map_page_set(a->map, a->renderer, a->ex, a->lang, a->map_area, slop);
    if (a->place >= 0) {
        ui_map_page_select(a->map, a->renderer,
                           a->ex->places[a->place].feature, 0);
        ui_place_card_set(a->card, a->ex, (uint32_t)a->place, a->lang,
                          a->card_area);
    }
}

static SDL_Rect reader_area(const struct exhibit_app *a)
{
    int m = (a->w < a->h ? a->w : a->h) * 64 / 1080;
    return (SDL_Rect){m, m / 2, a->w - 2 * m, a->h - m};
}

void exhibit_app_layout(struct exhibit_app *a, SDL_Renderer *renderer,
                        const struct exhibit *ex, enum text_lang lang, int w,
                        int h)
{
    bool same = a->ex == ex;
    a->renderer = renderer;
    a->ex = ex;
    a->lang = lang;
    a->w = w;
    a->h = h;
    if (!same || !ex || a->place >= (int)ex->place_count)
        a->place = -1;
    if (!ex)
        return;
    layout_map(a);
    float offset = ui_reader_offset(a->reader);
    ui_reader_set(a->reader, ex, lang, reader_area(a), false, 100);
    ui_reader_set_offset(a->reader, same ? offset : 0);
}

static void select_place(struct exhibit_app *a, int place, uint32_t now)
{
    int before = a->place;
    a->place = place;
    if ((before < 0) != (place < 0)) {
        layout_map(a); /* the card appears or goes: the map moves */
    } else if (place >= 0) {
        ui_place_card_set(a->card, a->ex, (uint32_t)place, a->lang,
                          a->card_area);
    }
    ui_map_page_select(a->map, a->renderer,
                       place >= 0 ? a->ex->places[place].feature : -1, now);
}

static void open_reader(struct exhibit_app *a, uint32_t passage)
{
    ui_reader_highlight(a->reader, -1, false);
    ui_reader_highlight(a->reader, (int)passage, true);
    ui_reader_set_offset(a->reader,
                         ui_reader_passage_offset(a->reader, passage));
    a->screen = APP_SCREEN_READER;
}

bool exhibit_app_tap(struct exhibit_app *a, SDL_Renderer *renderer, int x,
                     int y, uint32_t now)
{
    a->renderer = renderer;
    if (!a->ex)
        return false;
    if (a->screen == APP_SCREEN_READER) {
        struct ui_reader_hit h = ui_reader_hit(a->reader, x, y);
        if (h.place < 0)
            return false;
        a->screen = APP_SCREEN_MAP;
        select_place(a, h.place, now);
        return true;
    }
    SDL_Point pt = {x, y};
    if (a->place >= 0 && SDL_PointInRect(&pt, &a->card_area)) {
        int passage = ui_place_card_hit(a->card, x, y);
        if (passage < 0)
            return false;
        open_reader(a, (uint32_t)passage);
        return true;
    }
    int f = ui_map_page_hit(a->map, (float)x, (float)y);
    int place = f >= 0 ? a->ex->map.features[f].place : -1;
    if (place == a->place)
        return false;
    select_place(a, place, now);
    return true;
}

void exhibit_app_scroll(struct exhibit_app *a, float dy)
{
    if (a->screen != APP_SCREEN_READER)
        return;
    float o = ui_reader_offset(a->reader) + dy, max = ui_reader_max_offset(
                                                      a->reader);
    ui_reader_set_offset(a->reader, o < 0 ? 0 : o > max ? max : o);
}

bool exhibit_app_draw(struct exhibit_app *a, SDL_Renderer *r,
                      struct atlas *atlas, uint32_t now)
{
    const struct ui_palette *pal = ui_theme_palette();
    SDL_SetRenderDrawColor(r, pal->paper.r, pal->paper.g, pal->paper.b, 255);
    SDL_RenderClear(r);
    if (!a->ex)
        return false;
    if (a->screen == APP_SCREEN_READER) {
        ui_reader_draw(a->reader, r, atlas);
        return false;
    }
    bool anim = ui_map_page_draw(a->map, r, atlas, now);
    if (a->place >= 0)
        ui_place_card_draw(a->card, r, atlas);
    return anim;
}

enum app_screen exhibit_app_screen(const struct exhibit_app *a)
{
    return a->screen;
}

const char *exhibit_app_selected_place(const struct exhibit_app *a)
{
    return a->place >= 0 ? a->ex->places[a->place].id : NULL;
}

struct target {
    char id[160];
    SDL_Rect rect;
};

/* Every tappable thing on the current screen, with a stable id.  Reader
 * mentions are numbered per passage in the order their columns are laid
 * out (Chinese, then English; or the summary). */
static size_t targets(const struct exhibit_app *a, struct target *out,
                      size_t max)
{
    size_t n = 0;
    if (!a->ex)
        return 0;
    if (a->screen == APP_SCREEN_MAP) {
        const struct map_scene *s = ui_map_page_scene(a->map);
        struct map_target mt[64];
        float slop = map_slop_px(MAP_SLOP_MM_DEFAULT,
                                 MAP_SCREEN_DIAG_INCH_DEFAULT, a->w, a->h);
        size_t k = s ? map_scene_targets(s, slop, mt, 64) : 0;
        int r = (int)slop;
        for (size_t i = 0; i < k && i < 64 && n < max; i++) {
            const struct content_feature *f =
                &a->ex->map.features[mt[i].feature];
            snprintf(out[n].id, sizeof out[n].id, "%s:%s",
                     f->kind == CONTENT_TOWN ? "town" : "region", f->id);
            out[n].rect = (SDL_Rect){(int)mt[i].x - r / 2,
                                     (int)mt[i].y - r / 2, r, r};
            n++;
        }
        const struct ui_card_item *items;
        size_t ni = a->place >= 0 ? ui_place_card_items(a->card, &items) : 0;
        for (size_t i = 0; i < ni && n < max; i++) {
            snprintf(out[n].id, sizeof out[n].id, "passage:%s",
                     a->ex->passages[items[i].passage].id);
            out[n].rect = items[i].rect;
            n++;
        }
        return n;
    }
    struct ui_reader_target rt[MAX_TARGETS];
    size_t k = ui_reader_targets(a->reader, rt, MAX_TARGETS);
    for (size_t i = 0; i < k && i < MAX_TARGETS && n < max; i++) {
        const struct content_passage *p = &a->ex->passages[rt[i].passage];
        /* Sequence number within the passage's row. */
        uint32_t seq = rt[i].mention;
        if (rt[i].lang == TEXT_LANG_EN)
            seq += p->text[TEXT_LANG_ZH].mention_count;
        snprintf(out[n].id, sizeof out[n].id, "mention:%s:%u", p->id, seq);
        out[n].rect = rt[i].rect;
        n++;
    }
    return n;
}

bool exhibit_app_target(const struct exhibit_app *a, const char *id, int *x,
                        int *y)
{
    struct target *t = xmalloc(MAX_TARGETS * sizeof *t);
    size_t n = targets(a, t, MAX_TARGETS);
    bool found = false;
    for (size_t i = 0; i < n && i < MAX_TARGETS && !found; i++) {
        if (strcmp(t[i].id, id) == 0) {
            *x = t[i].rect.x + t[i].rect.w / 2;
            *y = t[i].rect.y + t[i].rect.h / 2;
            found = true;
        }
    }
    free(t);
    return found;
}

void exhibit_app_write_state(const struct exhibit_app *a, FILE *out)
{
    static const char *const lang[] = {"zh", "en", "ug"};
    fprintf(out, "{\"screen\":\"%s\",\"lang\":\"%s\",\"selected_place\":",
            a->screen == APP_SCREEN_MAP ? "map" : "reader", lang[a->lang]);
    const char *sel = exhibit_app_selected_place(a);
    if (sel)
        diag_json_string(sel, out);
    else
        fputs("null", out);
    int top = ui_reader_top_passage(a->reader);
    fputs(",\"reader\":{\"top_passage\":", out);
    if (a->ex && top >= 0)
        diag_json_string(a->ex->passages[top].id, out);
    else
        fputs("null", out);
    fprintf(out, ",\"offset\":%.1f},\"highlighted\":[",
            (double)ui_reader_offset(a->reader));
    int k = 0;
    for (uint32_t i = 0; a->ex && i < a->ex->passage_count; i++) {
        if (!ui_reader_highlighted(a->reader, i))
            continue;
        fputs(k++ ? "," : "", out);
        diag_json_string(a->ex->passages[i].id, out);
    }
    fputs("],\"targets\":[", out);
    struct target *t = xmalloc(MAX_TARGETS * sizeof *t);
    size_t n = targets(a, t, MAX_TARGETS);
    for (size_t i = 0; i < n && i < MAX_TARGETS; i++) {
        fprintf(out, "%s\n {\"id\":", i ? "," : "");
        diag_json_string(t[i].id, out);
        fprintf(out, ",\"x\":%d,\"y\":%d,\"w\":%d,\"h\":%d}", t[i].rect.x,
                t[i].rect.y, t[i].rect.w, t[i].rect.h);
    }
    free(t);
    fputs("]}\n", out);
}
