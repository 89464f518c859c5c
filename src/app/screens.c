/* screens.c: the table of the visitor's screens (see screens.h) -- each
 * row connects a screen's ui/ part to the controller. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/screens.h"
#include "render/text_log.h"
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
    return (float)(MAP_SLOP_MM_DEFAULT * a->m.px_per_mm);
}

/* The card over the map's far side; the map itself does not move. */
void app_screens_layout_card(struct exhibit_app *a)
{
    a->card_area = a->place >= 0 ? ui_map_page_panel(a->map)
                                 : (SDL_Rect){0, 0, 0, 0};
    if (a->place >= 0)
        ui_place_card_set(a->card, a->ex, (uint32_t)a->place, &a->m,
                          a->card_area);
}

void app_screens_layout_map(struct exhibit_app *a)
{
    a->map_area = (SDL_Rect){0, a->content.y, a->m.w,
                             a->m.h - a->content.y};
    ui_map_page_set(a->map, a->renderer, &a->m, a->ex, a->map_area,
                    slop(a));
    if (a->place >= 0) /* already open: no slide */
        ui_map_page_select(a->map, a->renderer,
                           a->ex->places[a->place].feature, 0);
    app_screens_layout_card(a);
}

/* The reader: the summary toggle at the reading edge (a whole target
 * tall, its label at the interface's label size), the report below.  Where
 * the screen is too short to keep the toggle above the report and still
 * show a few lines of it (a small panel with larger text), the toggle sits
 * at the report's top and scrolls with it.  The reader keeps the
 * visitor's passage across the new layout itself. */
static void layout_reader(struct exhibit_app *a)
{
    const struct ui_metrics *m = &a->m;
    SDL_Rect c = a->content;
    const char *sum = content_string(a->ex, a->summary
                                                ? "reader.summary-hide"
                                                : "reader.summary-show",
                                     m->lang);
    int h = m->toggle_h > m->target ? m->toggle_h : m->target;
    enum ui_button_style style =
        a->summary ? UI_BUTTON_SELECTED : UI_BUTTON_PLAIN;
    int label = ui_text_px(m, m->type.label);
    ui_button_place(&a->summary_button, a->fonts,
                    ui_action_id(UI_ACTION_SUMMARY), sum, m->lang, label,
                    (SDL_Rect){0, c.y, 0, h}, style);
    if (a->summary_button.rect.w > c.w) /* a narrow panel: two lines */
        ui_button_place(&a->summary_button, a->fonts,
                        ui_action_id(UI_ACTION_SUMMARY), sum, m->lang, label,
                        (SDL_Rect){0, c.y, c.w, h}, style);
    /* the box holds its label's lines, never cuts them */
    int th = text_layout_height_px(a->summary_button.label) + m->gap_s;
    if (th > h)
        a->summary_button.rect.h = h = th;
    a->summary_button.rect.x = ui_start_x(m, c, a->summary_button.rect.w);
    /* three lines of body text under the toggle, or it scrolls */
    int lines = ui_text_px(m, m->type.lead) * 3 * 3 / 2;
    bool scrolls = c.h - (h + m->gap_s) < lines;
    int top = scrolls ? c.y : c.y + h + m->gap_s;
    ui_reader_set_lead(a->reader, scrolls ? h + m->gap_s : 0);
    ui_reader_set(a->reader, a->ex, m, (SDL_Rect){c.x, top, c.w,
                                                  c.y + c.h - top},
                  a->summary);
}

/* The toggle where it is now: above the report, or at its top, scrolled
 * with it (the reader keeps room for it: ui_reader_set_lead). */
static bool toggle_scrolls(const struct exhibit_app *a)
{
    return ui_reader_lead(a->reader) > 0;
}

static struct ui_button toggle_now(const struct exhibit_app *a)
{
    struct ui_button b = a->summary_button; /* borrows the label */
    if (toggle_scrolls(a))
        b.rect.y = ui_reader_lead_y(a->reader);
    return b;
}

/* Whether a point is on the toggle (inside the report's view when it
 * scrolls with the report). */
static bool toggle_hit(const struct exhibit_app *a, int x, int y)
{
    struct ui_button b = toggle_now(a);
    SDL_Point p = {x, y};
    SDL_Rect v = ui_reader_view(a->reader);
    if (toggle_scrolls(a) && !SDL_PointInRect(&p, &v))
        return false;
    return ui_button_hit(&b, x, y);
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
    if (toggle_hit(a, x, y)) {
        /* Only the reader changes: lay it out again (it keeps the
         * visitor's passage) and let app_go give the scroller its new
         * bounds and offset. */
        a->summary = !a->summary;
        layout_reader(a);
        /* A toggle that scrolls with the report (a short screen with
         * larger text) goes up out of the view once tapped, so the text
         * asked for is what shows; a little scroll back brings it. */
        int lead = ui_reader_lead(a->reader);
        if (lead > 0 && ui_reader_offset(a->reader) < (float)lead)
            ui_reader_set_offset(a->reader, (float)lead);
        app_go(a, APP_SCREEN_READER);
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
    return toggle_hit(a, x, y) ? a->summary_button.id : NULL;
}

static bool reader_draw(struct exhibit_app *a, SDL_Renderer *r,
                        struct atlas *atlas, uint32_t now)
{
    (void)now;
    struct ui_button b = toggle_now(a);
    bool pressed = strcmp(a->pressed, b.id) == 0;
    SDL_Rect v = ui_reader_view(a->reader), old;
    SDL_bool had = SDL_RenderIsClipEnabled(r);
    SDL_RenderGetClipRect(r, &old);
    if (toggle_scrolls(a)) /* in the report: clipped to its view */
        SDL_RenderSetClipRect(r, &v);
    ui_button_draw(&b, r, atlas, pressed);
    SDL_RenderSetClipRect(r, had ? &old : NULL);
    ui_reader_draw(a->reader, r, atlas);
    return false;
}

/* Mentions are numbered per passage: Chinese, then English, then the
 * summary's; each target is the mention's touch area. */
static void reader_targets(const struct exhibit_app *a,
                           struct app_target *out, size_t *n, size_t max)
{
    struct ui_button b = toggle_now(a);
    SDL_Rect v = ui_reader_view(a->reader), in;
    if (!toggle_scrolls(a)) {
        app_add_button(&b, out, n, max);
    } else if (SDL_IntersectRect(&b.rect, &v, &in) &&
               in.h >= a->m.target && in.w >= a->m.target) {
        b.rect = in; /* the part in sight, when a whole target */
        app_add_button(&b, out, n, max);
    }
    struct ui_reader_target *rt = xmalloc(APP_MAX_TARGETS * sizeof *rt);
    size_t k = ui_reader_targets(a->reader, rt, APP_MAX_TARGETS);
    for (size_t i = 0; i < k && i < APP_MAX_TARGETS && *n < max; i++) {
        const struct content_passage *p = &a->ex->passages[rt[i].passage];
        uint32_t seq = rt[i].mention;
        if (rt[i].lang != TEXT_LANG_ZH)
            seq += p->text[TEXT_LANG_ZH].mention_count;
        if (rt[i].lang == TEXT_LANG_UG)
            seq += p->text[TEXT_LANG_EN].mention_count;
        snprintf(out[*n].id, sizeof out[*n].id, "mention:%s:%u", p->id, seq);
        out[*n].rect = rt[i].rect;
        (*n)++;
    }
    free(rt);
}

/* ---- map ---------------------------------------------------------------- */

static bool map_tap(struct exhibit_app *a, int x, int y, uint32_t now)
{
    struct ui_card_hit h = a->place >= 0
                               ? ui_place_card_hit(a->card, x, y)
                               : (struct ui_card_hit){UI_CARD_OUTSIDE, -1,
                                                      NULL};
    switch (h.part) {
    case UI_CARD_CLOSE:
        app_select_place(a, -1, now); /* the map stays */
        return true;
    case UI_CARD_PASSAGE:
        app_open_reader(a, (uint32_t)h.passage);
        return true;
    case UI_CARD_NOTHING:
        return false;
    case UI_CARD_OUTSIDE:
        break;
    }
    int f = ui_map_page_hit(a->map, (float)x, (float)y);
    int place = f >= 0 ? a->ex->map.features[f].place : -1;
    if (place == a->place)
        return false;
    app_select_place(a, place, now);
    return true;
}

static const char *map_button_at(const struct exhibit_app *a, int x, int y)
{
    return a->place >= 0 ? ui_place_card_hit(a->card, x, y).id : NULL;
}

/* The card scrolls, and only a drag that starts on it; with no card, the
 * page itself where it is taller than the area (larger text on a small
 * panel). */
static float map_offset(const struct exhibit_app *a)
{
    return a->place >= 0 ? ui_place_card_offset(a->card)
                         : ui_map_page_offset(a->map);
}

static void map_set_offset(struct exhibit_app *a, float offset)
{
    if (a->place >= 0)
        ui_place_card_set_offset(a->card, offset);
    else
        ui_map_page_set_offset(a->map, offset);
}

static float map_max_offset(const struct exhibit_app *a)
{
    return a->place >= 0 ? ui_place_card_max_offset(a->card)
                         : ui_map_page_max_offset(a->map);
}

static bool map_scrolls_at(const struct exhibit_app *a, int x, int y)
{
    SDL_Point pt = {x, y};
    if (a->place >= 0)
        return SDL_PointInRect(&pt, &a->card_area);
    return ui_map_page_max_offset(a->map) > 0 &&
           SDL_PointInRect(&pt, &a->map_area);
}

static bool map_draw(struct exhibit_app *a, SDL_Renderer *r,
                     struct atlas *atlas, uint32_t now)
{
    bool anim = ui_map_page_draw(a->map, r, atlas, now);
    if (a->place < 0)
        return anim;
    ui_place_card_press(a->card, a->pressed);
    /* what the card comes over is not for reading */
    render_text_log_cover(atlas_text_log(atlas), &a->card_area);
    int dx, dy; /* the card slides in over the still map */
    if (ui_map_page_card_shift(a->map, now, &dx, &dy)) {
        SDL_Rect shifted = {dx, dy, a->m.w, a->m.h};
        SDL_RenderSetViewport(r, &shifted);
        ui_place_card_draw(a->card, r, atlas);
        SDL_RenderSetViewport(r, NULL);
        return true;
    }
    ui_place_card_draw(a->card, r, atlas);
    return anim;
}

static void map_targets(const struct exhibit_app *a, struct app_target *out,
                        size_t *n, size_t max)
{
    const struct map_scene *s = ui_map_page_scene(a->map);
    struct map_target mt[64];
    float sl = slop(a);
    /* under a card's sheet the map has none */
    bool covered = a->place >= 0 && ui_map_page_sheet(a->map);
    size_t k = s && !covered ? map_scene_targets(s, sl, mt, 64) : 0;
    /* A place's touch area: its label's, or the square inside the slop
     * disc round the point that hit-tests back to it. */
    int r = (int)(sl * 1.41f);
    /* on a page that scrolls, those wholly on screen */
    int off = (int)lroundf(ui_map_page_offset(a->map));
    for (size_t i = 0; i < k && i < 64 && *n < max; i++) {
        const struct content_feature *f = &a->ex->map.features[mt[i].feature];
        snprintf(out[*n].id, sizeof out[*n].id, "%s:%s",
                 f->kind == CONTENT_TOWN ? "town" : "region", f->id);
        SDL_Rect t;
        if (!ui_map_page_label_target(a->map, (int)mt[i].feature, &t))
            t = (SDL_Rect){(int)mt[i].x - r / 2, (int)mt[i].y - off - r / 2,
                           r, r};
        if (!ui_map_page_shows(a->map, t))
            continue;
        out[*n].rect = t;
        (*n)++;
    }
    /* The card's close control and the rows wholly in its view. */
    struct ui_card_target ct[APP_MAX_TARGETS];
    size_t nc = a->place >= 0 ? ui_place_card_targets(a->card, ct,
                                                      APP_MAX_TARGETS)
                              : 0;
    for (size_t i = 0; i < nc && i < APP_MAX_TARGETS && *n < max; i++) {
        snprintf(out[*n].id, sizeof out[*n].id, "%s", ct[i].id);
        out[*n].rect = ct[i].rect;
        (*n)++;
    }
}

/* ---- about -------------------------------------------------------------- */

static float about_offset(const struct exhibit_app *a)
{
    return ui_about_offset(&a->about);
}

static void about_set_offset(struct exhibit_app *a, float offset)
{
    ui_about_set_offset(&a->about, offset);
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
                        .offset = map_offset, .set_offset = map_set_offset,
                        .max_offset = map_max_offset,
                        .scrolls_at = map_scrolls_at, .tap = map_tap,
                        .button_at = map_button_at, .draw = map_draw,
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
