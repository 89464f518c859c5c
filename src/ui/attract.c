/* attract.c: the attract loop (see attract.h).
 *
 * The slides are quotation q in language l at index q * 3 + l, shown in
 * that order.  Slide i owns [i * SLIDE_MS, (i + 1) * SLIDE_MS) of the
 * loop; in its last MOVE_MS it moves up out of the quotation box and slide
 * i + 1 rises into it.  A slide taller than the box (a long quotation on a
 * small screen) drifts slowly up through it while it is shown, so all of
 * it passes the box. */
#include <math.h>
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

/* The invitation at the bottom of `col`: the cue ring at the reading
 * edge, the three languages beside it.  Returns its height. */
static int lay_invitation(struct ui_attract *s, const struct exhibit *ex,
                          const struct ui_metrics *m, SDL_Rect col)
{
    const struct ui_palette *pal = ui_theme_palette();
    int cell = s->cue.cell;
    int tw = col.w - cell - m->gap_m;
    int tx = ui_end_x(m, col, tw);
    int size = ui_text_px(m, m->type.lead);
    s->invite_first = s->text.count;
    int y = 0;
    for (int i = 0; i < TEXT_LANG_COUNT; i++) {
        enum text_lang l = (enum text_lang)i;
        y += add_text(s, "ui", UI_LINE_PCT_UI, l, size, tx, y, tw,
                      ui_align_start(m, l),
                      content_string(ex, "attract.touch", l), pal->ink);
        if (i + 1 < TEXT_LANG_COUNT)
            y += m->gap_xs;
    }
    s->invite_count = s->text.count - s->invite_first;
    int h = max_i(y, cell);
    int top = col.y + col.h - h;
    for (size_t k = s->invite_first; k < s->text.count; k++)
        s->text.items[k].y += top + (h - y) / 2;
    s->invite_box = (SDL_Rect){col.x, top, col.w, h};
    s->cue_at = (SDL_Point){ui_start_x(m, col, cell) + cell / 2,
                            top + h / 2};
    return h;
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

/* The slides at quotation size `size`, their text `tw` wide at `tx`; the
 * tallest slide's height. */
static int lay_slides(struct ui_attract *s, const struct exhibit *ex,
                      const struct ui_metrics *m, int size, int tx, int tw)
{
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
            enum text_align al = ui_align_start(m, l);
            *sl = (struct ui_attract_slide){.lang = l,
                                            .first = s->text.count};
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

void ui_attract_set(struct ui_attract *s, SDL_Renderer *renderer,
                    const struct text_fonts *fonts, const struct exhibit *ex,
                    const struct ui_metrics *m)
{
    ui_textlist_fini(&s->text);
    s->fonts = fonts;
    s->slide_count = 0;
    s->invite_count = 0;
    SDL_Rect a = {m->bezel, m->bezel, m->w - 2 * m->bezel,
                  m->h - 2 * m->bezel};
    SDL_Rect map, col;
    if (m->w >= m->h) { /* the map at the reading side, the words beside */
        int mw = a.w * 48 / 100;
        map = (SDL_Rect){ui_start_x(m, a, mw), a.y, mw, a.h};
        int cw = a.w - mw - m->gap_xl;
        col = (SDL_Rect){ui_end_x(m, a, cw), a.y, cw, a.h};
    } else { /* the map above */
        int mh = a.h * 42 / 100;
        map = (SDL_Rect){a.x, a.y, a.w, mh};
        col = (SDL_Rect){a.x, a.y + mh + m->gap_xl, a.w,
                         a.h - mh - m->gap_xl};
    }
    int stroke = max_i(ui_mm(m, 0.8), ui_px(m, 5));
    ui_touch_ring_set(&s->cue, renderer, max_i(ui_mm(m, 6), ui_px(m, 44)),
                      stroke, true);
    ui_touch_ring_set(&s->mark, renderer, max_i(ui_mm(m, 4), ui_px(m, 30)),
                      stroke, false);
    ui_map_preview_set(&s->map, renderer, ex, map, (float)s->mark.cell / 2);
    if (!ex)
        return;

    int ih = lay_invitation(s, ex, m, col);
    SDL_Rect qa = {col.x, col.y, col.w, col.h - ih - m->gap_xl};
    int rule_w = max_i(ui_mm(m, 1.2), ui_px(m, 6));
    int tw = qa.w - rule_w - m->gap_l;
    int tx = ui_end_x(m, qa, tw);
    /* The largest quotation size at which every slide fits the box; at
     * the smallest, a slide too tall for it drifts through. */
    size_t base = s->text.count;
    int tallest = 0;
    for (size_t k = 0; k < sizeof quote_sizes / sizeof *quote_sizes; k++) {
        ui_textlist_take(&s->text, base);
        tallest = lay_slides(s, ex, m, quote_px(m, quote_sizes[k]), tx, tw);
        if (tallest <= qa.h)
            break;
    }
    int bh = tallest < qa.h ? tallest : qa.h;
    s->quote_box = (SDL_Rect){qa.x, qa.y + (qa.h - bh) / 2, qa.w, bh};
    s->rule = (SDL_Rect){ui_start_x(m, qa, rule_w), s->quote_box.y, rule_w,
                         bh};
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
    const struct ui_text *q = &s->text.items[s->slide[slide].first];
    return (SDL_Rect){q->x, y + q->y, text_layout_width_px(q->layout),
                      text_layout_height_px(q->layout)};
}

static void draw_slide(const struct ui_attract *s, SDL_Renderer *r,
                       struct atlas *atlas, int i, int top)
{
    const struct ui_attract_slide *sl = &s->slide[i];
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
    const struct ui_palette *pal = ui_theme_palette();
    float breath = (float)(now % UI_ATTRACT_PERIOD_MS) / UI_ATTRACT_PERIOD_MS;
    ui_map_preview_draw(&s->map, r);
    if (s->slide_count == 0)
        return;
    float move, shown;
    int i = phase(s, now, &move, &shown);
    int next = (i + 1) % s->slide_count;
    draw_marks(s, r, atlas, move >= 0.5f ? next : i, breath);

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

    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(r, pal->accent.r, pal->accent.g, pal->accent.b,
                           255);
    SDL_RenderFillRect(r, &s->rule);
    ui_textlist_draw(&s->text, r, atlas, s->invite_first,
                     s->invite_first + s->invite_count, 0, 0, 255, NULL);
    ui_touch_ring_draw(&s->cue, r, s->cue_at.x, s->cue_at.y, breath);
}
