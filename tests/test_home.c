/* test_home.c: Attract and Home on every panel a museum mounts (pixels and
 * millimetres), in the three languages.
 *
 * Attract is drawn headless at phases across the touch ring's breath and
 * the quotations' moves, and the contrast of what is on screen is measured
 * on the picture: the quotation shown (body text, >= 7:1 against the
 * paper behind it), the invitation (>= 7:1), the touch ring (>= 4.5:1);
 * the ring really breathes, every quotation is shown, the map is drawn
 * and the quoted places are ringed.  Home: its targets (the buttons and
 * the map's picture) are on screen inside the bezel, at least 9 mm both
 * ways, 2 mm apart, their labels on one line; the map takes a real share
 * of the screen; the card scrolls exactly to its end; and through the
 * app, the state dump lists the targets and a touch anywhere on the map's
 * picture opens the map. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/exhibit_app.h"
#include "check.h"
#include "render/atlas.h"
#include "render/headless.h"
#include "shipped.h"
#include "ui/attract.h"
#include "ui/home.h"
#include "ui/theme.h"

static struct text_fonts *fonts;
static struct exhibit *ex;

struct panel {
    int w, h;
    double w_mm, h_mm;
};

static const struct panel panels[] = {
    {800, 480, 155, 86},    /* Raspberry Pi 7" */
    {720, 1280, 88, 155},   /* Touch Display 2 */
    {1280, 800, 217, 136},  /* 10.1" */
    {1920, 1080, 476, 268}, /* 21.5" */
    {1080, 1920, 268, 476}, /* 21.5" portrait */
    {3840, 2160, 952, 535}, /* 43" 4K */
};

static double diagonal_in(const struct panel *p)
{
    return sqrt(p->w_mm * p->w_mm + p->h_mm * p->h_mm) / 25.4;
}

/* ---- pixels --------------------------------------------------------------- */

/* sRGB to linear, one table for all pixels. */
static double channel(int v)
{
    static double table[256];
    static bool made;
    if (!made) {
        for (int i = 0; i < 256; i++) {
            double c = i / 255.0;
            table[i] = c <= 0.04045 ? c / 12.92
                                    : pow((c + 0.055) / 1.055, 2.4);
        }
        made = true;
    }
    return table[v & 255];
}

static double luminance(uint32_t argb)
{
    return 0.2126 * channel((argb >> 16) & 255) +
           0.7152 * channel((argb >> 8) & 255) + 0.0722 * channel(argb & 255);
}

static uint32_t pixel(const SDL_Surface *s, int x, int y)
{
    const uint8_t *row = (const uint8_t *)s->pixels + (size_t)y * s->pitch;
    return ((const uint32_t *)row)[x] & 0xffffff;
}

static SDL_Rect clip_to(SDL_Rect r, const SDL_Surface *s)
{
    SDL_Rect all = {0, 0, s->w, s->h}, out;
    if (!SDL_IntersectRect(&r, &all, &out))
        return (SDL_Rect){0, 0, 0, 0};
    return out;
}

/* The box's most frequent colour (what the text or the ring is on). */
static uint32_t background(const SDL_Surface *s, SDL_Rect r)
{
    r = clip_to(r, s);
    uint32_t best = 0;
    size_t best_n = 0;
    /* A few candidates are enough: text and rings cover a minority. */
    uint32_t cand[8];
    size_t cn[8] = {0}, nc = 0;
    for (int y = r.y; y < r.y + r.h; y += 2)
        for (int x = r.x; x < r.x + r.w; x += 2) {
            uint32_t p = pixel(s, x, y);
            size_t k = 0;
            while (k < nc && cand[k] != p)
                k++;
            if (k == nc) {
                if (nc == 8)
                    continue;
                cand[nc++] = p;
            }
            cn[k]++;
        }
    for (size_t k = 0; k < nc; k++)
        if (cn[k] > best_n)
            best_n = cn[k], best = cand[k];
    return best;
}

/* The highest contrast any pixel of the box has against its background:
 * the drawn colour at full coverage (an empty box gives 1). */
static double box_contrast(const SDL_Surface *s, SDL_Rect r)
{
    uint32_t bg = background(s, r);
    r = clip_to(r, s);
    /* The contrast is highest at the luminance furthest from bg's. */
    double lb = luminance(bg), lo = lb, hi = lb;
    for (int y = r.y; y < r.y + r.h; y++)
        for (int x = r.x; x < r.x + r.w; x++) {
            double l = luminance(pixel(s, x, y));
            lo = l < lo ? l : lo;
            hi = l > hi ? l : hi;
        }
    double dark = (lb + 0.05) / (lo + 0.05), light = (hi + 0.05) / (lb + 0.05);
    return dark > light ? dark : light;
}

/* Pixels of the box within a small distance of colour c. */
static size_t count_near(const SDL_Surface *s, SDL_Rect r, SDL_Color c)
{
    r = clip_to(r, s);
    size_t n = 0;
    for (int y = r.y; y < r.y + r.h; y++)
        for (int x = r.x; x < r.x + r.w; x++) {
            uint32_t p = pixel(s, x, y);
            int dr = (int)((p >> 16) & 255) - c.r;
            int dg = (int)((p >> 8) & 255) - c.g;
            int db = (int)(p & 255) - c.b;
            n += dr * dr + dg * dg + db * db < 24 * 24;
        }
    return n;
}

/* The drawn extent of placed text. */
static SDL_Rect text_box(const struct ui_text *t)
{
    int32_t x0 = INT32_MAX, x1 = INT32_MIN;
    for (uint32_t k = 0; k < t->layout->line_count; k++) {
        const struct text_line *ln = &t->layout->lines[k];
        x0 = ln->x < x0 ? ln->x : x0;
        x1 = ln->x + ln->width > x1 ? ln->x + ln->width : x1;
    }
    if (x1 < x0)
        return (SDL_Rect){t->x, t->y, 0, 0};
    return (SDL_Rect){t->x + x0 / TEXT_ONE, t->y,
                      (x1 - x0 + TEXT_ONE - 1) / TEXT_ONE,
                      text_layout_height_px(t->layout)};
}

/* ---- attract -------------------------------------------------------------- */

static void draw_attract(struct render_target *t, struct atlas *atlas,
                         const struct ui_attract *s, uint32_t now)
{
    const struct ui_palette *pal = ui_theme_palette();
    SDL_SetRenderDrawColor(t->renderer, pal->paper.r, pal->paper.g,
                           pal->paper.b, 255);
    SDL_RenderClear(t->renderer);
    ui_attract_draw(s, t->renderer, atlas, now);
    render_target_flush(t);
}

/* Phases of the loop: across one breath of the rings, into and through
 * the moves between quotations, and one moment of every slide. */
static size_t attract_phases(uint32_t *out)
{
    size_t n = 0;
    for (int k = 0; k < 8; k++)
        out[n++] = (uint32_t)k * UI_ATTRACT_PERIOD_MS / 8;
    uint32_t stay = UI_ATTRACT_SLIDE_MS - UI_ATTRACT_MOVE_MS;
    for (int k = 1; k < 6; k++)
        out[n++] = stay + (uint32_t)k * UI_ATTRACT_MOVE_MS / 6;
    for (int i = 0; i < UI_ATTRACT_SLIDES; i++)
        out[n++] = (uint32_t)i * UI_ATTRACT_SLIDE_MS + 2500;
    return n;
}

static void attract_on(const struct panel *p, enum text_lang lang)
{
    char what[64];
    snprintf(what, sizeof what, "attract %dx%d %s", p->w, p->h,
             text_lang_code(lang));
    struct ui_metrics m;
    ui_metrics_init(&m, p->w, p->h, diagonal_in(p), lang, false);
    struct render_target *t = render_target_create(p->w, p->h);
    struct atlas *atlas = atlas_create(t->renderer, fonts, NULL);
    struct ui_attract s = {0};
    ui_attract_set(&s, t->renderer, fonts, ex, &m);
    const struct ui_palette *pal = ui_theme_palette();

    CHECK(s.slide_count == UI_ATTRACT_SLIDES, "%s: %d slides", what,
          s.slide_count);
    CHECK(s.quote_box.h >= ui_text_px(&m, m.type.lead),
          "%s: the quotation box holds a line (%d px)", what,
          s.quote_box.h);
    SDL_Rect bezel = {m.bezel, m.bezel, p->w - 2 * m.bezel,
                      p->h - 2 * m.bezel};
    SDL_Rect inside;
    CHECK(SDL_IntersectRect(&s.quote_box, &bezel, &inside) &&
              SDL_RectEquals(&inside, &s.quote_box) &&
              SDL_IntersectRect(&s.map.box, &bezel, &inside) &&
              SDL_RectEquals(&inside, &s.map.box) &&
              SDL_IntersectRect(&s.invite_box, &bezel, &inside) &&
              SDL_RectEquals(&inside, &s.invite_box),
          "%s: the map, the quotations and the invitation inside the bezel",
          what);
    CHECK(!SDL_HasIntersection(&s.quote_box, &s.map.box) &&
              !SDL_HasIntersection(&s.quote_box, &s.invite_box) &&
              !SDL_HasIntersection(&s.map.box, &s.invite_box),
          "%s: the parts do not overlap", what);
    if (p->w > p->h) /* the map at the reading side, the words beside */
        CHECK(ui_metrics_mirrored(&m) ? s.map.box.x > s.quote_box.x
                                      : s.map.box.x < s.quote_box.x,
              "%s: the map at the reading side", what);
    else
        CHECK(s.map.box.y + s.map.box.h <= s.quote_box.y &&
                  s.quote_box.y + s.quote_box.h <= s.invite_box.y,
              "%s: the map, the quotations, the invitation downwards", what);
    CHECK((double)s.map.box.w * s.map.box.h >= 0.15 * p->w * p->h,
          "%s: the map takes %.0f %% of the screen", what,
          100.0 * s.map.box.w * s.map.box.h / ((double)p->w * p->h));
    /* Quotation 2 names Yili (and 3 too): ringed on the map in every
     * language. */
    for (int l = 0; l < TEXT_LANG_COUNT; l++)
        CHECK(s.slide[1 * TEXT_LANG_COUNT + l].mark_count >= 1,
              "%s: quotation 2 in %s rings a place", what,
              text_lang_code((enum text_lang)l));

    uint32_t phase[40];
    size_t np = attract_phases(phase);
    double worst_quote = 1e9, worst_invite = 1e9, worst_ring = 1e9;
    bool seen[UI_ATTRACT_SLIDES] = {false};
    size_t ring_min = (size_t)-1, ring_max = 0;
    for (size_t k = 0; k < np; k++) {
        draw_attract(t, atlas, &s, phase[k]);
        const SDL_Surface *sf = t->surface;
        for (int i = 0; i < s.slide_count; i++) {
            SDL_Rect b = ui_attract_slide_box(&s, i, phase[k]), v;
            /* A sliver may fall between two lines: two lines' worth. */
            if (b.w == 0 || !SDL_IntersectRect(&b, &s.quote_box, &v) ||
                v.h < 2 * ui_text_px(&m, m.type.lead))
                continue;
            seen[i] = true;
            double c = box_contrast(sf, v);
            if (c < 7)
                printf("%s: slide %d at %u: %.2f in %d,%d %dx%d\n", what,
                       i, phase[k], c, v.x, v.y, v.w, v.h);
            worst_quote = c < worst_quote ? c : worst_quote;
        }
        int shown = ui_attract_slide_at(&s, phase[k]);
        for (int l = 0; l < TEXT_LANG_COUNT; l++) {
            int item = s.invite_item[l];
            if (item < 0 || (s.invite_one && l != (int)s.slide[shown].lang))
                continue;
            double c = box_contrast(sf, text_box(&s.text.items[item]));
            worst_invite = c < worst_invite ? c : worst_invite;
        }
        SDL_Rect rb = ui_touch_ring_box(&s.cue, s.cue_at.x, s.cue_at.y);
        double c = box_contrast(sf, rb);
        worst_ring = c < worst_ring ? c : worst_ring;
        if (k < 8) { /* the breath: the ring's accent pixels */
            size_t n = count_near(sf, rb, pal->accent);
            ring_min = n < ring_min ? n : ring_min;
            ring_max = n > ring_max ? n : ring_max;
        }
        if (k == 0)
            CHECK(count_near(sf, s.map.box, pal->paper) <
                      (size_t)s.map.box.w * s.map.box.h * 6 / 10,
                  "%s: the map is drawn", what);
    }
    CHECK(worst_quote >= 7.0, "%s: the quotation keeps %.2f:1 (>= 7) in "
          "every phase", what, worst_quote);
    CHECK(worst_invite >= 7.0, "%s: the invitation keeps %.2f:1 (>= 7) in "
          "every phase", what, worst_invite);
    CHECK(worst_ring >= 4.5, "%s: the touch ring keeps %.2f:1 (>= 4.5) in "
          "every phase", what, worst_ring);
    CHECK(ring_max > ring_min * 5 / 4, "%s: the ring breathes (%zu..%zu "
          "accent px)", what, ring_min, ring_max);
    int unseen = 0;
    for (int i = 0; i < s.slide_count; i++)
        unseen += !seen[i];
    CHECK(unseen == 0, "%s: every quotation is shown (%d never)", what,
          unseen);

    /* A frame's cost (the loop draws 20 a second). */
    if (p->w == 1920 && lang == TEXT_LANG_EN) {
        struct timespec a, b;
        clock_gettime(CLOCK_MONOTONIC, &a);
        for (int k = 0; k < 40; k++)
            draw_attract(t, atlas, &s, (uint32_t)k * 50);
        clock_gettime(CLOCK_MONOTONIC, &b);
        double ms = ((double)(b.tv_sec - a.tv_sec) * 1e3 +
                     (double)(b.tv_nsec - a.tv_nsec) / 1e6) / 40;
        printf("attract 1920x1080: %.2f ms a frame (software)\n", ms);
    }
    ui_attract_fini(&s);
    atlas_destroy(atlas);
    render_target_destroy(t);
}

/* ---- home ----------------------------------------------------------------- */

/* The gap between two boxes (0 if they touch or overlap). */
static int rect_gap(SDL_Rect a, SDL_Rect b)
{
    int dx = a.x + a.w <= b.x   ? b.x - (a.x + a.w)
             : b.x + b.w <= a.x ? a.x - (b.x + b.w)
                                : 0;
    int dy = a.y + a.h <= b.y   ? b.y - (a.y + a.h)
             : b.y + b.h <= a.y ? a.y - (b.y + b.h)
                                : 0;
    return dx > dy ? dx : dy;
}

static void home_on(const struct panel *p, enum text_lang lang)
{
    char what[64];
    snprintf(what, sizeof what, "home %dx%d %s", p->w, p->h,
             text_lang_code(lang));
    struct ui_metrics m;
    ui_metrics_init(&m, p->w, p->h, diagonal_in(p), lang, false);
    struct render_target *t = render_target_create(p->w, p->h);
    /* The content area as the app gives it: below a bar of bar_h. */
    int top = m.bezel + m.bar_h + m.gap_xs;
    SDL_Rect c = {m.bezel, top, p->w - 2 * m.bezel, p->h - top - m.bezel};
    struct ui_home s = {0};
    /* Laid out first in another language, as after a language switch:
     * the map's picture is kept, not painted again. */
    struct ui_metrics other;
    ui_metrics_init(&other, p->w, p->h, diagonal_in(p),
                    (enum text_lang)((lang + 1) % TEXT_LANG_COUNT), false);
    ui_home_set(&s, t->renderer, fonts, ex, &other, c);
    SDL_Texture *first = s.map.texture;
    SDL_Rect first_box = s.map.box;
    struct timespec ta, tb;
    clock_gettime(CLOCK_MONOTONIC, &ta);
    ui_home_set(&s, t->renderer, fonts, ex, &m, c);
    clock_gettime(CLOCK_MONOTONIC, &tb);
    if (lang == TEXT_LANG_EN)
        printf("%s: laid out again in %.1f ms\n", what,
               (double)(tb.tv_sec - ta.tv_sec) * 1e3 +
                   (double)(tb.tv_nsec - ta.tv_nsec) / 1e6);
    if (first_box.w == s.map.box.w && first_box.h == s.map.box.h)
        CHECK(first && s.map.texture == first,
              "%s: the map's picture kept across a change of language",
              what);
    CHECK(s.map.texture != NULL, "%s: the map's picture is made", what);

    SDL_Rect tr[UI_HOME_BUTTONS + 1];
    const struct ui_button *b[UI_HOME_BUTTONS + 1];
    for (int i = 0; i < UI_HOME_BUTTONS; i++)
        b[i] = &s.button[i], tr[i] = s.button[i].rect;
    b[UI_HOME_BUTTONS] = &s.caption;
    tr[UI_HOME_BUTTONS] = s.preview;
    int n = UI_HOME_BUTTONS + 1;
    for (int i = 0; i < n; i++) {
        SDL_Rect r = tr[i], in;
        CHECK(SDL_IntersectRect(&r, &c, &in) && SDL_RectEquals(&in, &r),
              "%s: %s inside the bezel (%d,%d %dx%d)", what, b[i]->id, r.x,
              r.y, r.w, r.h);
        double hmm = r.h / m.px_per_mm, wmm = r.w / m.px_per_mm;
        CHECK(hmm >= 9.0 && wmm >= 9.0, "%s: %s %.1f x %.1f mm (>= 9)",
              what, b[i]->id, wmm, hmm);
        /* The buttons' labels on one line; the caption's may wrap on the
         * smallest panels, inside its plate. */
        CHECK(b[i]->label && (i == UI_HOME_BUTTONS ||
                              b[i]->label->line_count == 1),
              "%s: %s's label on one line", what, b[i]->id);
        CHECK(b[i]->label &&
                  text_layout_height_px(b[i]->label) <= b[i]->rect.h,
              "%s: %s's label inside its plate", what, b[i]->id);
        for (int j = 0; j < i; j++)
            CHECK(rect_gap(tr[i], tr[j]) / m.px_per_mm >= 2.0,
                  "%s: %s and %s %.1f mm apart (>= 2)", what, b[i]->id,
                  b[j]->id, rect_gap(tr[i], tr[j]) / m.px_per_mm);
    }
    CHECK((double)s.preview.w * s.preview.h >= 0.25 * c.w * c.h,
          "%s: the map's picture takes %.0f %% of the page", what,
          100.0 * s.preview.w * s.preview.h / ((double)c.w * c.h));
    CHECK(s.card.text.count == 3, "%s: the card has title, date and "
          "summary (%zu)", what, s.card.text.count);
    CHECK(s.card.area.h >= ui_text_px(&m, m.type.lead),
          "%s: the card shows at least a line (%d px)", what, s.card.area.h);
    CHECK(!SDL_HasIntersection(&s.card.area, &s.preview) &&
              rect_gap(s.card.area, tr[0]) > 0,
          "%s: the card is clear of the buttons and the map", what);
    float max = ui_home_max_offset(&s);
    CHECK((int)max == (s.card.height > s.card.area.h
                           ? s.card.height - s.card.area.h
                           : 0),
          "%s: the card scrolls to its last line (%.0f px)", what, max);
    /* Two columns on a landscape screen, stacked on a portrait one. */
    bool side = s.preview.y < s.button[0].rect.y + s.button[0].rect.h &&
                s.preview.y + s.preview.h > s.button[0].rect.y;
    CHECK(side == (p->w > p->h), "%s: %s", what,
          p->w > p->h ? "the map beside the buttons" : "the map below");
    if (side) /* the map at the far side */
        CHECK(ui_metrics_mirrored(&m) ? s.preview.x < s.button[0].rect.x
                                      : s.preview.x > s.button[0].rect.x,
              "%s: the map at the far side", what);
    ui_home_fini(&s);
    render_target_destroy(t);
}

/* The target's box from the state dump. */
static bool dump_rect(const char *st, const char *id, SDL_Rect *r)
{
    char needle[96];
    snprintf(needle, sizeof needle, "{\"id\":\"%s\",", id);
    const char *q = strstr(st, needle);
    return q && sscanf(q + strlen(needle), "\"x\":%d,\"y\":%d,\"w\":%d,"
                                           "\"h\":%d",
                       &r->x, &r->y, &r->w, &r->h) == 4;
}

static char *state(const struct exhibit_app *a)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    exhibit_app_write_state(a, f);
    fclose(f);
    return buf;
}

/* Through the app: Home's targets in the dump, and the map's picture
 * opens the map wherever it is touched. */
static void home_app(const struct panel *p, enum text_lang lang)
{
    char what[64];
    snprintf(what, sizeof what, "app %dx%d %s", p->w, p->h,
             text_lang_code(lang));
    struct render_target *t = render_target_create(p->w, p->h);
    struct exhibit_app *a = exhibit_app_create(fonts);
    exhibit_app_set_screen(a, diagonal_in(p));
    exhibit_app_layout(a, t->renderer, ex, lang, p->w, p->h);
    exhibit_app_tap(a, t->renderer, p->w / 2, p->h / 2, 100);
    CHECK(exhibit_app_screen(a) == APP_SCREEN_HOME, "%s: Home", what);
    char *st = state(a);
    SDL_Rect read, about, map;
    CHECK(dump_rect(st, "nav:read", &read) &&
              dump_rect(st, "nav:about", &about) &&
              dump_rect(st, "nav:map", &map),
          "%s: nav:read, nav:about and nav:map in the state dump", what);
    free(st);
    /* Touches on the picture's corners (inside) and its middle. */
    const SDL_Point at[] = {{map.x + map.w / 2, map.y + map.h / 2},
                            {map.x + map.w / 8, map.y + map.h / 8},
                            {map.x + map.w * 7 / 8, map.y + map.h / 3}};
    uint32_t now = 200;
    for (size_t i = 0; i < sizeof at / sizeof *at; i++) {
        exhibit_app_tap(a, t->renderer, at[i].x, at[i].y, now);
        CHECK(exhibit_app_screen(a) == APP_SCREEN_MAP,
              "%s: a touch at (%d, %d) on the map's picture opens the map",
              what, at[i].x, at[i].y);
        int bx, by;
        if (exhibit_app_target(a, "nav:back", &bx, &by))
            exhibit_app_tap(a, t->renderer, bx, by, now + 300);
        CHECK(exhibit_app_screen(a) == APP_SCREEN_HOME, "%s: back Home",
              what);
        now += 1000;
    }
    /* Beside the picture (the card) nothing opens. */
    exhibit_app_tap(a, t->renderer, read.x + read.w / 2, read.y - 2, now);
    CHECK(exhibit_app_screen(a) == APP_SCREEN_HOME,
          "%s: a touch just above Read stays Home", what);
    exhibit_app_destroy(a);
    render_target_destroy(t);
}

int main(void)
{
    if (!CHECK(shipped_load(&fonts, &ex) && render_headless_init(),
               "the shipped fonts and content load"))
        return check_finish("test_home");
    for (size_t i = 0; i < sizeof panels / sizeof *panels; i++) {
        for (int l = 0; l < TEXT_LANG_COUNT; l++) {
            enum text_lang lang = (enum text_lang)l;
            /* Attract speaks all three; its layout mirrors for ug. */
            if (lang != TEXT_LANG_ZH)
                attract_on(&panels[i], lang);
            home_on(&panels[i], lang);
        }
        home_app(&panels[i], TEXT_LANG_EN);
    }
    content_destroy(ex);
    text_fonts_destroy(fonts);
    return check_finish("test_home");
}
