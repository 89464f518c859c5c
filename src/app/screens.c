/* screens.c: the table of the visitor's screens (see screens.h) -- each
 * row connects a screen's ui/ part to the controller. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/screens.h"
#include "core/xalloc.h"
#include "map/hittest.h"
#include "map/scene.h"
#include "ui/action.h"

/* ---- layout ------------------------------------------------------------- */

void app_screens_free(struct exhibit_app *a)
{
    ui_chrome_fini(&a->chrome);
    ui_attract_fini(&a->attract);
    ui_home_fini(&a->home);
    ui_about_fini(&a->about);
    ui_button_fini(&a->summary_button);
    ui_idle_prompt_fini(&a->idle);
}

static float slop(const struct exhibit_app *a)
{
    return map_slop_px(MAP_SLOP_MM_DEFAULT, a->m.diagonal_in, a->m.w, a->m.h);
}

void app_screens_layout_map(struct exhibit_app *a)
{
    SDL_Rect below = {0, a->content.y, a->m.w, a->m.h - a->content.y};
    ui_map_page_split(&a->m, below, a->place >= 0, &a->map_area,
                      &a->card_area);
    ui_map_page_set(a->map, a->renderer, a->ex, a->m.lang, a->map_area,
                    slop(a));
    if (a->place >= 0) {
        ui_map_page_select(a->map, a->renderer,
                           a->ex->places[a->place].feature, 0);
        ui_place_card_set(a->card, a->ex, (uint32_t)a->place, &a->m,
                          a->card_area);
    }
}

/* The reader: the summary toggle at the reading edge, the report below. */
static void layout_reader(struct exhibit_app *a)
{
    const struct ui_metrics *m = &a->m;
    SDL_Rect c = a->content;
    const char *sum = content_string(a->ex, a->summary
                                                ? "reader.summary-hide"
                                                : "reader.summary-show",
                                     m->lang);
    ui_button_place(&a->summary_button, a->fonts,
                    ui_action_id(UI_ACTION_SUMMARY), sum, m->lang,
                    ui_px(m, m->type.label), (SDL_Rect){0, c.y, 0, m->toggle_h},
                    a->summary ? UI_BUTTON_SELECTED : UI_BUTTON_PLAIN);
    a->summary_button.rect.x = ui_start_x(m, c, a->summary_button.rect.w);
    int top = c.y + m->toggle_h + m->gap_s;
    float offset = ui_reader_offset(a->reader);
    ui_reader_set(a->reader, a->ex, m, (SDL_Rect){c.x, top, c.w,
                                                  c.y + c.h - top},
                  a->summary);
    ui_reader_set_offset(a->reader, offset);
}

/* The bar, fitted to every screen's title, showing the current one's. */
static void layout_chrome(struct exhibit_app *a)
{
    const struct ui_metrics *m = &a->m;
    const char *titles[UI_CHROME_TITLES];
    size_t n = 0;
    for (int s = 0; s <= APP_SCREEN_ABOUT && n < UI_CHROME_TITLES; s++)
        if (app_screen((enum app_screen)s)->title)
            titles[n++] = app_screen((enum app_screen)s)->title;
    ui_chrome_set(&a->chrome, a->fonts, a->ex, m, titles, n);
    ui_chrome_show(&a->chrome, app_screen(a->screen)->title);
    int top = a->chrome.bottom + m->gap_xs;
    a->content = (SDL_Rect){m->bezel, top, m->w - 2 * m->bezel,
                            m->h - top - m->bezel};
    top = a->chrome.home_bottom + m->gap_xs;
    a->home_content = (SDL_Rect){m->bezel, top, m->w - 2 * m->bezel,
                                 m->h - top - m->bezel};
}

void app_screens_layout(struct exhibit_app *a)
{
    const struct ui_metrics *m = &a->m;
    layout_chrome(a);
    ui_attract_set(&a->attract, a->renderer, a->fonts, a->ex, m);
    ui_home_set(&a->home, a->renderer, a->fonts, a->ex, m, a->home_content);
    ui_about_set(&a->about, a->fonts, a->ex, m, a->content);
    ui_idle_prompt_set(&a->idle, a->fonts, a->ex, m);
    layout_reader(a);
    app_screens_layout_map(a);
}

/* ---- attract -------------------------------------------------------------- */

static bool attract_tap(struct exhibit_app *a, int x, int y, uint32_t now)
{
    (void)x, (void)y, (void)now;
    app_go(a, APP_SCREEN_HOME);
    return true;
}

static bool attract_draw(struct exhibit_app *a, SDL_Renderer *r,
                         struct atlas *atlas, uint32_t now)
{
    ui_attract_draw(&a->attract, r, atlas, now);
    return true; /* it breathes */
}

static void attract_targets(const struct exhibit_app *a,
                            struct app_target *out, size_t *n, size_t max)
{
    if (*n >= max)
        return;
    snprintf(out[*n].id, sizeof out[*n].id, "attract:touch");
    out[*n].rect = (SDL_Rect){0, 0, a->m.w, a->m.h};
    (*n)++;
}

/* ---- home --------------------------------------------------------------- */

static bool home_tap(struct exhibit_app *a, int x, int y, uint32_t now)
{
    (void)now;
    switch (ui_action_of(ui_home_hit(&a->home, x, y))) {
    case UI_ACTION_READ:
        app_go(a, APP_SCREEN_READER);
        return true;
    case UI_ACTION_MAP:
        app_go(a, APP_SCREEN_MAP);
        return true;
    case UI_ACTION_ABOUT:
        app_go(a, APP_SCREEN_ABOUT);
        return true;
    default:
        return false;
    }
}

static const char *home_button_at(const struct exhibit_app *a, int x, int y)
{
    return ui_home_hit(&a->home, x, y);
}

static bool home_draw(struct exhibit_app *a, SDL_Renderer *r,
                      struct atlas *atlas, uint32_t now)
{
    (void)now;
    ui_home_draw(&a->home, r, atlas, a->pressed);
    return false;
}

static void home_targets(const struct exhibit_app *a, struct app_target *out,
                         size_t *n, size_t max)
{
    for (int i = 0; i < UI_HOME_BUTTONS; i++)
        app_add_button(&a->home.button[i], out, n, max);
    if (a->home.caption.label && *n < max) { /* the map's whole picture */
        snprintf(out[*n].id, sizeof out[*n].id, "%s", a->home.caption.id);
        out[*n].rect = a->home.preview;
        (*n)++;
    }
}

static float home_offset(const struct exhibit_app *a)
{
    return a->home.card.offset;
}

static void home_set_offset(struct exhibit_app *a, float offset)
{
    a->home.card.offset = offset;
}

static float home_max_offset(const struct exhibit_app *a)
{
    return ui_home_max_offset(&a->home);
}

/* ---- reader ------------------------------------------------------------- */

static float reader_offset(const struct exhibit_app *a)
{
    return ui_reader_offset(a->reader);
}

static void reader_set_offset(struct exhibit_app *a, float offset)
{
    ui_reader_set_offset(a->reader, offset);
}

static float reader_max_offset(const struct exhibit_app *a)
{
    return ui_reader_max_offset(a->reader);
}

static bool reader_tap(struct exhibit_app *a, int x, int y, uint32_t now)
{
    if (ui_button_hit(&a->summary_button, x, y)) {
        a->summary = !a->summary;
        app_relayout(a);
        return true;
    }
    struct ui_reader_hit h = ui_reader_hit(a->reader, x, y);
    if (h.place < 0)
        return false;
    app_go(a, APP_SCREEN_MAP);
    app_select_place(a, h.place, now);
    return true;
}

static const char *reader_button_at(const struct exhibit_app *a, int x,
                                    int y)
{
    return ui_button_hit(&a->summary_button, x, y) ? a->summary_button.id
                                                    : NULL;
}

static bool reader_draw(struct exhibit_app *a, SDL_Renderer *r,
                        struct atlas *atlas, uint32_t now)
{
    (void)now;
    ui_button_draw(&a->summary_button, r, atlas,
                   strcmp(a->pressed, a->summary_button.id) == 0);
    ui_reader_draw(a->reader, r, atlas);
    return false;
}

/* Mentions are numbered per passage in the order their columns are laid
 * out (Chinese, then English; or the summary). */
static void reader_targets(const struct exhibit_app *a,
                           struct app_target *out, size_t *n, size_t max)
{
    app_add_button(&a->summary_button, out, n, max);
    struct ui_reader_target *rt = xmalloc(APP_MAX_TARGETS * sizeof *rt);
    size_t k = ui_reader_targets(a->reader, rt, APP_MAX_TARGETS);
    for (size_t i = 0; i < k && i < APP_MAX_TARGETS && *n < max; i++) {
        const struct content_passage *p = &a->ex->passages[rt[i].passage];
        uint32_t seq = rt[i].mention;
        if (rt[i].lang == TEXT_LANG_EN)
            seq += p->text[TEXT_LANG_ZH].mention_count;
        snprintf(out[*n].id, sizeof out[*n].id, "mention:%s:%u", p->id, seq);
        out[*n].rect = rt[i].rect;
        (*n)++;
    }
    free(rt);
}

/* ---- map ---------------------------------------------------------------- */

static bool map_tap(struct exhibit_app *a, int x, int y, uint32_t now)
{
    SDL_Point pt = {x, y};
    if (a->place >= 0 && SDL_PointInRect(&pt, &a->card_area)) {
        int passage = ui_place_card_hit(a->card, x, y);
        if (passage < 0)
            return false;
        app_open_reader(a, (uint32_t)passage);
        return true;
    }
    int f = ui_map_page_hit(a->map, (float)x, (float)y);
    int place = f >= 0 ? a->ex->map.features[f].place : -1;
    if (place == a->place)
        return false;
    app_select_place(a, place, now);
    return true;
}

static bool map_draw(struct exhibit_app *a, SDL_Renderer *r,
                     struct atlas *atlas, uint32_t now)
{
    bool anim = ui_map_page_draw(a->map, r, atlas, now);
    if (a->place >= 0)
        ui_place_card_draw(a->card, r, atlas);
    return anim;
}

static void map_targets(const struct exhibit_app *a, struct app_target *out,
                        size_t *n, size_t max)
{
    const struct map_scene *s = ui_map_page_scene(a->map);
    struct map_target mt[64];
    float sl = slop(a);
    size_t k = s ? map_scene_targets(s, sl, mt, 64) : 0;
    int r = (int)sl;
    for (size_t i = 0; i < k && i < 64 && *n < max; i++) {
        const struct content_feature *f = &a->ex->map.features[mt[i].feature];
        snprintf(out[*n].id, sizeof out[*n].id, "%s:%s",
                 f->kind == CONTENT_TOWN ? "town" : "region", f->id);
        out[*n].rect = (SDL_Rect){(int)mt[i].x - r / 2, (int)mt[i].y - r / 2,
                                  r, r};
        (*n)++;
    }
    const struct ui_card_item *items;
    size_t ni = a->place >= 0 ? ui_place_card_items(a->card, &items) : 0;
    for (size_t i = 0; i < ni && *n < max; i++) {
        snprintf(out[*n].id, sizeof out[*n].id, "passage:%s",
                 a->ex->passages[items[i].passage].id);
        out[*n].rect = items[i].rect;
        (*n)++;
    }
}

/* ---- about -------------------------------------------------------------- */

static float about_offset(const struct exhibit_app *a)
{
    return a->about.column.offset;
}

static void about_set_offset(struct exhibit_app *a, float offset)
{
    a->about.column.offset = offset;
}

static float about_max_offset(const struct exhibit_app *a)
{
    return ui_about_max_offset(&a->about);
}

static bool about_draw(struct exhibit_app *a, SDL_Renderer *r,
                       struct atlas *atlas, uint32_t now)
{
    (void)now;
    ui_about_draw(&a->about, r, atlas);
    return false;
}

/* ---- the table ---------------------------------------------------------- */

static const struct app_screen_ops screens[] = {
    [APP_SCREEN_ATTRACT] = {.name = "attract",
                            .tap = attract_tap, .draw = attract_draw,
                            .targets = attract_targets},
    [APP_SCREEN_HOME] = {.name = "home", .chrome = true,
                         .offset = home_offset,
                         .set_offset = home_set_offset,
                         .max_offset = home_max_offset, .tap = home_tap,
                         .button_at = home_button_at, .draw = home_draw,
                         .targets = home_targets},
    [APP_SCREEN_READER] = {.name = "reader", .title = "reader.title",
                           .chrome = true,
                           .offset = reader_offset,
                           .set_offset = reader_set_offset,
                           .max_offset = reader_max_offset,
                           .tap = reader_tap, .button_at = reader_button_at,
                           .draw = reader_draw, .targets = reader_targets},
    [APP_SCREEN_MAP] = {.name = "map", .title = "map.title", .chrome = true,
                        .tap = map_tap, .draw = map_draw,
                        .targets = map_targets},
    [APP_SCREEN_ABOUT] = {.name = "about", .title = "about.title",
                          .chrome = true,
                          .offset = about_offset,
                          .set_offset = about_set_offset,
                          .max_offset = about_max_offset,
                          .draw = about_draw},
};

const struct app_screen_ops *app_screen(enum app_screen screen)
{
    return &screens[(unsigned)screen < sizeof screens / sizeof *screens
                        ? screen
                        : APP_SCREEN_ATTRACT];
}

void app_add_button(const struct ui_button *b, struct app_target *out,
                    size_t *n, size_t max)
{
    if (!b->label || *n >= max)
        return;
    snprintf(out[*n].id, sizeof out[*n].id, "%s", b->id);
    out[*n].rect = b->rect;
    (*n)++;
}
