/* attract.c: the attract loop (see attract.h).
 *
 * The slides are quotation q in language l at index q * 3 + l, shown in
 * that order.  Slide i owns [i * SLIDE_MS, (i + 1) * SLIDE_MS) of the
 * loop; in its last MOVE_MS it moves up out of the quotation box and slide
 * i + 1 rises into it.  A slide taller than the box (a long quotation on a
 * small screen) drifts slowly up through it while it is shown, so all of
 * it passes the box. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "ui/attract.h"

static const enum ui_attract_size_role {
    Q_TITLE,
    Q_HEADING,
    Q_LEAD
} quote_sizes[] = {Q_TITLE, Q_HEADING, Q_LEAD};

static int quote_px(const struct ui_metrics *m, enum ui_attract_size_role r)
{
    int v = r == Q_TITLE ? m->type.title
            : r == Q_HEADING ? m->type.heading
                             : m->type.lead;
    return ui_text_px(m, v);
}

static int max_i(int a, int b)
{
    return a > b ? a : b;
}

/* Lays out one paragraph into the list at (x, y); its height. */
static int add_text(struct ui_attract *s, const char *role, int line_pct,
                    enum text_lang lang, int size, int x, int y, int width,
                    enum text_align align, const char *text, SDL_Color c)
{
    struct text_layout *l = ui_text_lay(
        s->fonts, (struct ui_text_style){role, line_pct, TEXT_DIR_LANG},
        lang, size, width, align, text, strlen(text));
    if (!l || !ui_textlist_add(&s->text, l, x, y, c))
        return 0;
    return text_layout_height_px(l);
}

/* The invitation across `col` (its x and width): the cue ring at the
 * reading edge, the three languages beside it -- stacked, or with `one`
 * each on the same line, the slide's language shown; laid out at y 0
 * (moved into place by place_invitation).  Returns its height. */
static int lay_invitation(struct ui_attract *s, const struct exhibit *ex,
                          const struct ui_metrics *m, SDL_Rect col, bool one)
{
    const struct ui_palette *pal = ui_theme_palette();
    int cell = s->cue.cell;
    int tw = col.w - cell - m->gap_m;
    int tx = ui_end_x(m, col, tw);
    int size = ui_text_px(m, m->type.heading);
    s->invite_first = s->text.count;
    s->invite_one = one;
    int y = 0, tallest = 0;
    for (int i = 0; i < TEXT_LANG_COUNT; i++) {
        enum text_lang l = (enum text_lang)i;
        size_t k = s->text.count;
        int h = add_text(s, "ui", UI_LINE_PCT_UI, l, size, tx, one ? 0 : y,
                         tw, ui_align_start(m, l),
                         content_string(ex, "attract.touch", l), pal->ink);
        s->invite_item[i] = s->text.count > k ? (int)k : -1;
        tallest = max_i(tallest, h);
        if (!one)
            y += h + (i + 1 < TEXT_LANG_COUNT ? m->gap_xs : 0);
    }
    if (one)
        y = tallest;
    s->invite_count = s->text.count - s->invite_first;
    int h = max_i(y, cell);
    for (size_t k = s->invite_first; k < s->text.count; k++) {
        struct ui_text *t = &s->text.items[k];
        t->y += one ? (h - text_layout_height_px(t->layout)) / 2
                    : (h - y) / 2;
    }
    s->invite_box = (SDL_Rect){col.x, 0, col.w, h};
    s->cue_at = (SDL_Point){ui_start_x(m, col, cell) + cell / 2, h / 2};
    return h;
}

static void place_invitation(struct ui_attract *s, int top)
{
    for (size_t k = s->invite_first; k < s->invite_first + s->invite_count;
         k++)
        s->text.items[k].y += top;
    s->invite_box.y += top;
    s->cue_at.y += top;
}

/* The places quotation `text` names, if it is found word for word in a
 * passage of the report in `lang`: ringed on the map and labelled. */
static void lay_marks(struct ui_attract *s, struct ui_attract_slide *sl,
                      const struct exhibit *ex, const struct ui_metrics *m,
                      const char *text)
{
    const struct ui_palette *pal = ui_theme_palette();
    sl->label_first = s->text.count;
    sl->mark_count = 0;
    size_t len = strlen(text);
    const struct content_text *found = NULL;
    uint32_t at = 0;
    for (uint32_t p = 0; p < ex->passage_count && !found && len; p++) {
        const struct content_text *t = &ex->passages[p].text[sl->lang];
        const char *hit = t->text ? strstr(t->text, text) : NULL;
        if (hit) {
            found = t;
            at = (uint32_t)(hit - t->text);
        }
    }
    if (!found)
        return;
    int size = ui_text_px(m, m->type.label);
    int pad = m->gap_xs;
    SDL_Rect box = s->map.box;
    for (uint32_t k = 0; k < found->mention_count; k++) {
        const struct content_mention *mn = &found->mentions[k];
        if (mn->start < at || mn->end > at + len ||
            sl->mark_count >= UI_ATTRACT_MARKS)
            continue;
        const struct content_place *pl = &ex->places[mn->place];
        SDL_Point c;
        bool dup = false;
        for (int j = 0; j < sl->mark_count; j++)
            dup |= sl->place[j] == mn->place;
        if (dup || pl->feature < 0 ||
            !ui_map_preview_anchor(&s->map, (uint32_t)pl->feature, &c))
            continue;
        const char *name = pl->name[sl->lang];
        struct text_layout *l = ui_text_lay(
            s->fonts, (struct ui_text_style){"ui", UI_LINE_PCT_MAP,
                                             TEXT_DIR_LANG},
            sl->lang, size, box.w, TEXT_ALIGN_START, name, strlen(name));
        if (!l)
            continue;
        int lw = text_layout_width_px(l), lh = text_layout_height_px(l);
        /* Beside the ring, on the side with room, inside the map. */
        int reach = s->mark.cell / 2;
        SDL_Rect plate = {c.x + reach, c.y - lh / 2 - pad, lw + 2 * pad,
                          lh + 2 * pad};
        if (plate.x + plate.w > box.x + box.w)
            plate.x = c.x - reach - plate.w;
        if (plate.x < box.x)
            plate.x = box.x;
        if (plate.y < box.y)
            plate.y = box.y;
        if (plate.y + plate.h > box.y + box.h)
            plate.y = box.y + box.h - plate.h;
        if (!ui_textlist_add(&s->text, l,
                             plate.x + pad - l->lines[0].x / TEXT_ONE,
                             plate.y + pad, pal->ink))
            continue;
        sl->place[sl->mark_count] = mn->place;
        sl->label_box[sl->mark_count] = plate;
        sl->mark[sl->mark_count++] = c;
    }
}

/* The slides at quotation size `size` in the box `qa` (its x and
 * width); the tallest slide's height. */
static int lay_slides(struct ui_attract *s, const struct exhibit *ex,
                      const struct ui_metrics *m, int size, SDL_Rect qa)
{
    int tw = qa.w - s->rule_w - m->gap_l;
    const struct ui_palette *pal = ui_theme_palette();
    int source_px = ui_text_px(m, m->type.label);
    int tallest = 0;
    s->slide_count = 0;
    for (int q = 0; q < UI_ATTRACT_QUOTES; q++) {
        char id[32];
        snprintf(id, sizeof id, "attract.quote-%d", q + 1);
        for (int i = 0; i < TEXT_LANG_COUNT; i++) {
            enum text_lang l = (enum text_lang)i;
            struct ui_attract_slide *sl = &s->slide[s->slide_count++];
            const char *quote = content_string(ex, id, l);
            char source[512];
            snprintf(source, sizeof source, "— %s",
                     ex->settings.subtitle[l] ? ex->settings.subtitle[l]
                                              : "");
            /* Each language from its own start, the rule there. */
            bool rtl = text_lang_rtl(l);
            int tx = rtl ? qa.x : qa.x + qa.w - tw;
            enum text_align al = TEXT_ALIGN_START;
            *sl = (struct ui_attract_slide){
                .lang = l, .first = s->text.count,
                .rule_x = rtl ? qa.x + qa.w - s->rule_w : qa.x};
            int h = add_text(s, "body", ui_body_line_pct(l), l, size, tx, 0,
                             tw, al, quote, pal->ink);
            h += m->gap_m;
            h += add_text(s, "ui", UI_LINE_PCT_UI, l, source_px, tx, h, tw,
                          al, source, pal->muted);
            sl->count = s->text.count - sl->first;
            sl->height = h;
            tallest = max_i(tallest, h);
            lay_marks(s, sl, ex, m, quote);
        }
    }
    return tallest;
}

/* Moves the map and its marks down by dy. */
static void shift_map(struct ui_attract *s, int dy)
{
    s->map.box.y += dy;
    for (int i = 0; i < s->slide_count; i++) {
        struct ui_attract_slide *sl = &s->slide[i];
        for (int k = 0; k < sl->mark_count; k++) {
            sl->mark[k].y += dy;
            sl->label_box[k].y += dy;
            s->text.items[sl->label_first + (size_t)k].y += dy;
        }
    }
}

void ui_attract_set(struct ui_attract *s, SDL_Renderer *renderer,
                    const struct text_fonts *fonts, const struct exhibit *ex,
                    const struct ui_metrics *m)
{
    ui_textlist_fini(&s->text);
    s->fonts = fonts;
    s->slide_count = 0;
    s->invite_count = 0;
    int stroke = max_i(ui_mm(m, 0.8), ui_px(m, 5));
    ui_touch_ring_set(&s->cue, renderer, max_i(ui_mm(m, 6), ui_px(m, 44)),
                      stroke, true);
    ui_touch_ring_set(&s->mark, renderer, max_i(ui_mm(m, 4), ui_px(m, 30)),
                      stroke, false);
    if (!ex) {
        ui_map_preview_fini(&s->map);
        return;
    }
    SDL_Rect a = {m->bezel, m->bezel, m->w - 2 * m->bezel,
                  m->h - 2 * m->bezel};
    int gap = max_i(m->gap_l, ui_px(m, 64));
    int fit = m->gap_s; /* the rings may reach past the picture */
    double aspect = ui_map_preview_aspect(ex);
    SDL_Rect map, qa;
    if (m->w >= m->h) {
        /* The map at the reading side with the invitation under it, the
         * quotations beside.  When the three languages' invitation would
         * leave the map less than 80 % of its natural height, it shows
         * the quotation's language only. */
        int mw = a.w / 2;
        SDL_Rect col = {ui_start_x(m, a, mw), a.y, mw, a.h};
        int natural = (int)(mw / aspect) + 2 * fit;
        int ih = lay_invitation(s, ex, m, col, false);
        if (a.h - ih - gap < natural * 8 / 10) {
            ui_textlist_take(&s->text, s->invite_first);
            ih = lay_invitation(s, ex, m, col, true);
        }
        int mh = natural < a.h - ih - gap ? natural : a.h - ih - gap;
        int top = a.y + (a.h - mh - gap - ih) / 2;
        map = (SDL_Rect){col.x, top, mw, mh};
        place_invitation(s, top + mh + gap);
        int cw = a.w - mw - gap;
        qa = (SDL_Rect){ui_end_x(m, a, cw), a.y, cw, a.h};
    } else {
        /* The map above, the quotations, the invitation at the foot (in
         * the quotation's language when three would take over a fifth of
         * the screen). */
        int ih = lay_invitation(s, ex, m, a, false);
        if (ih > a.h / 5) {
            ui_textlist_take(&s->text, s->invite_first);
            ih = lay_invitation(s, ex, m, a, true);
        }
        place_invitation(s, a.y + a.h - ih);
        int mh = (int)(a.w / aspect) + 2 * fit;
        if (mh > a.h * 42 / 100)
            mh = a.h * 42 / 100;
        map = (SDL_Rect){a.x, a.y, a.w, mh};
        int qy = a.y + mh + gap;
        qa = (SDL_Rect){a.x, qy, a.w, a.y + a.h - ih - gap - qy};
    }
    ui_map_preview_set(&s->map, renderer, ex, map, (float)fit);

    s->rule_w = max_i(ui_mm(m, 1.2), ui_px(m, 6));
    /* The largest quotation size at which every slide fits the box; at
     * the smallest, a slide too tall for it drifts through. */
    size_t base = s->text.count;
    int tallest = 0;
    for (size_t k = 0; k < sizeof quote_sizes / sizeof *quote_sizes; k++) {
        ui_textlist_take(&s->text, base);
        tallest = lay_slides(s, ex, m, quote_px(m, quote_sizes[k]), qa);
        if (tallest <= qa.h)
            break;
    }
    int bh = tallest < qa.h ? tallest : qa.h;
    s->quote_box = (SDL_Rect){qa.x, qa.y + (qa.h - bh) / 2, qa.w, bh};
    if (m->w < m->h) {
        /* The room the quotations leave goes above and below the whole,
         * not between its parts. */
        int slack = (qa.h - bh) / 2;
        shift_map(s, slack);
        s->quote_box.y = qa.y + slack;
        place_invitation(s, -slack);
    }
}

void ui_attract_fini(struct ui_attract *s)
{
    ui_textlist_fini(&s->text);
    ui_map_preview_fini(&s->map);
    ui_touch_ring_fini(&s->cue);
    ui_touch_ring_fini(&s->mark);
    s->slide_count = 0;
}

/* Where the loop is at `now`: the slide, and how far its move out has
 * gone (0 while it is simply shown), eased. */
static int phase(const struct ui_attract *s, uint32_t now, float *move,
                 float *shown)
{
    uint32_t loop = (uint32_t)s->slide_count * UI_ATTRACT_SLIDE_MS;
    uint32_t t = now % loop;
    int i = (int)(t / UI_ATTRACT_SLIDE_MS);
    uint32_t u = t % UI_ATTRACT_SLIDE_MS;
    uint32_t stay = UI_ATTRACT_SLIDE_MS - UI_ATTRACT_MOVE_MS;
    float k = u < stay ? 0 : (float)(u - stay) / UI_ATTRACT_MOVE_MS;
    *move = k * k * (3 - 2 * k);
    *shown = (float)u / stay > 1 ? 1 : (float)u / stay;
    return i;
}

/* A slide's top on screen: centred in the box, or drifting through it
 * when taller; `shown` 0..1 is how far through its time it is. */
static int slide_top(const struct ui_attract *s, int i, float shown)
{
    const struct ui_attract_slide *sl = &s->slide[i];
    int over = sl->height - s->quote_box.h;
    if (over <= 0)
        return s->quote_box.y - over / 2;
    float d = (shown - 0.15f) / 0.7f;
    d = d < 0 ? 0 : d > 1 ? 1 : d;
    return s->quote_box.y - (int)lroundf(d * (float)over);
}

int ui_attract_slide_at(const struct ui_attract *s, uint32_t now)
{
    if (s->slide_count == 0)
        return -1;
    float move, shown;
    int i = phase(s, now, &move, &shown);
    return move >= 0.5f ? (i + 1) % s->slide_count : i;
}

SDL_Rect ui_attract_slide_box(const struct ui_attract *s, int slide,
                              uint32_t now)
{
    SDL_Rect none = {0, 0, 0, 0};
    if (s->slide_count == 0 || slide < 0 || slide >= s->slide_count)
        return none;
    float move, shown;
    int i = phase(s, now, &move, &shown);
    int next = (i + 1) % s->slide_count;
    int step = s->quote_box.h + s->quote_box.h / 4;
    int y;
    if (slide == i)
        y = slide_top(s, i, shown) - (int)lroundf(move * (float)step);
    else if (slide == next && move > 0)
        y = slide_top(s, next, 0) + (int)lroundf((1 - move) * (float)step);
    else
        return none;
    /* The drawn extent of the quotation's lines. */
    const struct ui_text *q = &s->text.items[s->slide[slide].first];
    int32_t x0 = INT32_MAX, x1 = INT32_MIN;
    for (uint32_t k = 0; k < q->layout->line_count; k++) {
        const struct text_line *ln = &q->layout->lines[k];
        x0 = ln->x < x0 ? ln->x : x0;
        x1 = ln->x + ln->width > x1 ? ln->x + ln->width : x1;
    }
    if (x1 < x0)
        return none;
    return (SDL_Rect){q->x + x0 / TEXT_ONE, y + q->y,
                      (x1 - x0 + TEXT_ONE - 1) / TEXT_ONE,
                      text_layout_height_px(q->layout)};
}

static void draw_slide(const struct ui_attract *s, SDL_Renderer *r,
                       struct atlas *atlas, int i, int top)
{
    const struct ui_palette *pal = ui_theme_palette();
    const struct ui_attract_slide *sl = &s->slide[i];
    SDL_Rect rule = {sl->rule_x, top, s->rule_w, sl->height};
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(r, pal->accent.r, pal->accent.g, pal->accent.b,
                           255);
    SDL_RenderFillRect(r, &rule);
    ui_textlist_draw(&s->text, r, atlas, sl->first, sl->first + sl->count,
                     0, top, 255, &s->quote_box);
}

static void draw_marks(const struct ui_attract *s, SDL_Renderer *r,
                       struct atlas *atlas, int i, float breath)
{
    const struct ui_palette *pal = ui_theme_palette();
    const struct ui_attract_slide *sl = &s->slide[i];
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(r, pal->paper.r, pal->paper.g, pal->paper.b, 255);
    for (int k = 0; k < sl->mark_count; k++)
        SDL_RenderFillRect(r, &sl->label_box[k]);
    ui_textlist_draw(&s->text, r, atlas, sl->label_first,
                     sl->label_first + (size_t)sl->mark_count, 0, 0, 255,
                     NULL);
    for (int k = 0; k < sl->mark_count; k++)
        ui_touch_ring_draw(&s->mark, r, sl->mark[k].x, sl->mark[k].y,
                           breath);
}

void ui_attract_draw(const struct ui_attract *s, SDL_Renderer *r,
                     struct atlas *atlas, uint32_t now)
{
    float breath = (float)(now % UI_ATTRACT_PERIOD_MS) / UI_ATTRACT_PERIOD_MS;
    ui_map_preview_draw(&s->map, r);
    if (s->slide_count == 0)
        return;
    float move, shown;
    int i = phase(s, now, &move, &shown);
    int next = (i + 1) % s->slide_count;
    int shown_i = move >= 0.5f ? next : i;
    draw_marks(s, r, atlas, shown_i, breath);

    SDL_Rect old;
    SDL_RenderGetClipRect(r, &old);
    SDL_RenderSetClipRect(r, &s->quote_box);
    int step = s->quote_box.h + s->quote_box.h / 4;
    draw_slide(s, r, atlas, i,
               slide_top(s, i, shown) - (int)lroundf(move * (float)step));
    if (move > 0)
        draw_slide(s, r, atlas, next,
                   slide_top(s, next, 0) +
                       (int)lroundf((1 - move) * (float)step));
    SDL_RenderSetClipRect(r, old.w ? &old : NULL);

    if (s->invite_one) { /* the language of the quotation shown */
        int k = s->invite_item[s->slide[shown_i].lang];
        if (k >= 0)
            ui_textlist_draw(&s->text, r, atlas, (size_t)k, (size_t)k + 1, 0,
                             0, 255, NULL);
    } else {
        ui_textlist_draw(&s->text, r, atlas, s->invite_first,
                         s->invite_first + s->invite_count, 0, 0, 255, NULL);
    }
    ui_touch_ring_draw(&s->cue, r, s->cue_at.x, s->cue_at.y, breath);
}
