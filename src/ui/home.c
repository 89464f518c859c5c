/* home.c: the Home screen (see home.h). */
#include <string.h>

#include "ui/action.h"
#include "ui/home.h"
#include "ui/scroll_hint.h"

static int max_i(int a, int b)
{
    return a > b ? a : b;
}

/* The card: the title, its date and archive, the summary. */
static void lay_card_at(struct ui_home *s, const struct text_fonts *fonts,
                        const struct exhibit *ex, const struct ui_metrics *m,
                        SDL_Rect box, int title_px)
{
    /* Less room than a line of it (the 7" panel with larger text): no
     * card at all -- not a rule and a scroll bar a few px tall. */
    if (box.h < ui_text_px(m, m->type.lead) * 3 / 2)
        box.h = 0;
    const struct ui_palette *pal = ui_theme_palette();
    enum text_lang lang = m->lang;
    enum text_align start = ui_align_start(m, lang);
    int rule_w = max_i(ui_mm(m, 1.2), ui_px(m, 6));
    s->rule = (SDL_Rect){ui_start_x(m, box, rule_w), box.y, rule_w, 0};
    int tw = box.w - rule_w - m->gap_l;
    ui_column_init(&s->card, fonts,
                   (SDL_Rect){ui_end_x(m, box, tw), box.y, tw, box.h});
    ui_column_add(&s->card, "title", lang, title_px, start, 0, ex->settings.title[lang], pal->accent, 0);
    ui_column_add(&s->card, "ui", lang, ui_text_px(m, m->type.label), start,
                  UI_LINE_PCT_UI, ex->settings.subtitle[lang], pal->muted,
                  m->gap_s);
    ui_column_add(&s->card, "body", lang, ui_text_px(m, m->type.lead),
                  start, ui_page_line_pct(lang),
                  content_string(ex, "home.summary", lang), pal->ink,
                  m->gap_m);
    /* The rule spans what is shown of the card. */
    s->rule.h = s->card.height < box.h ? s->card.height : box.h;
    s->rule.h = s->rule.h > 0 ? s->rule.h : 0;
}

/* The title at the heading size, or at the body's when the card would
 * not fit then (it scrolls if it still does not). */
static void lay_card(struct ui_home *s, const struct text_fonts *fonts,
                     const struct exhibit *ex, const struct ui_metrics *m,
                     SDL_Rect box)
{
    lay_card_at(s, fonts, ex, m, box, ui_text_px(m, m->type.heading));
    if (s->card.height > box.h) {
        ui_column_fini(&s->card);
        lay_card_at(s, fonts, ex, m, box, ui_text_px(m, m->type.lead));
    }
}

/* A button at least button_h tall, taller if its label wraps (a long
 * label on a narrow column): the label and a gap above and below. */
static void fit_height(const struct ui_metrics *m, struct ui_button *b)
{
    int th = b->label ? text_layout_height_px(b->label) : 0;
    b->rect.h = max_i(m->button_h, th + 2 * m->gap_s);
}

/* The buttons stacked from y in a column at x, w wide; their height. */
static int lay_buttons(struct ui_home *s, const struct text_fonts *fonts,
                       const struct exhibit *ex, const struct ui_metrics *m,
                       int x, int y, int w)
{
    static const enum ui_action act[UI_HOME_BUTTONS] = {UI_ACTION_READ,
                                                        UI_ACTION_ABOUT};
    static const char *const labels[UI_HOME_BUTTONS] = {"home.read",
                                                        "home.about"};
    int top = y;
    /* The action size, or the body size where a label would wrap at it
     * (a narrow panel): the labels stay on one line. */
    int size = ui_text_px(m, m->type.action);
    for (int i = 0; w > 0 && i < UI_HOME_BUTTONS; i++) {
        ui_button_place(&s->button[i], fonts, ui_action_id(act[i]),
                        content_string(ex, labels[i], m->lang), m->lang,
                        size, (SDL_Rect){x, y, w, m->button_h},
                        UI_BUTTON_PLAIN);
        if (s->button[i].label && s->button[i].label->line_count > 1)
            size = ui_text_px(m, m->type.lead);
    }
    for (int i = 0; i < UI_HOME_BUTTONS; i++) {
        if (i)
            y += max_i(m->gap_m, m->target_gap);
        struct ui_button *b = &s->button[i];
        ui_button_place(b, fonts, ui_action_id(act[i]),
                        content_string(ex, labels[i], m->lang), m->lang,
                        size, (SDL_Rect){x, y, w, m->button_h},
                        i == 0 ? UI_BUTTON_PRIMARY : UI_BUTTON_PLAIN);
        if (w > 0)
            fit_height(m, b);
        y += b->rect.h;
    }
    return y - top;
}

static void move_buttons(struct ui_home *s, int dy)
{
    for (int i = 0; i < UI_HOME_BUTTONS; i++)
        s->button[i].rect.y += dy;
}

/* The width a button needs for its label on one line (placed to fit:
 * the label plus its size either side) with a little air. */
static int label_room(const struct ui_metrics *m, const struct ui_button *b)
{
    return b->rect.w - 2 * ui_text_px(m, m->type.action) + 2 * m->gap_xs;
}

/* The map's caption, w wide at (x, y) (w 0: to fit its label). */
static void lay_caption(struct ui_home *s, const struct text_fonts *fonts,
                        const struct exhibit *ex, const struct ui_metrics *m,
                        int x, int y, int w)
{
    ui_button_place(&s->caption, fonts, ui_action_id(UI_ACTION_MAP),
                    content_string(ex, "home.map", m->lang), m->lang,
                    ui_text_px(m, m->type.action),
                    (SDL_Rect){x, y, w, m->button_h}, UI_BUTTON_PRIMARY);
    if (w > 0)
        fit_height(m, &s->caption);
}

/* The map's picture in `box`, its caption along the foot; false if there
 * is no room for a picture (a small panel with larger text): then the box
 * is the caption alone, a button to the map, at the box's foot. */
static bool lay_preview(struct ui_home *s, SDL_Renderer *renderer,
                        const struct text_fonts *fonts,
                        const struct exhibit *ex, const struct ui_metrics *m,
                        SDL_Rect box)
{
    s->preview = box;
    lay_caption(s, fonts, ex, m, box.x, 0, box.w);
    int ch = s->caption.rect.h;
    s->caption.rect.y = box.y + box.h - ch;
    SDL_Rect pic = {box.x, box.y, box.w, box.h - ch};
    if (pic.h >= 2 * m->target && pic.w >= 2 * m->target &&
        ui_map_preview_set(&s->map, renderer, ex, pic, (float)m->gap_m))
        return true;
    ui_map_preview_fini(&s->map);
    s->preview = s->caption.rect;
    return false;
}

void ui_home_set(struct ui_home *s, SDL_Renderer *renderer,
                 const struct text_fonts *fonts, const struct exhibit *ex,
                 const struct ui_metrics *m, SDL_Rect c)
{
    ui_column_fini(&s->card);
    s->m = *m;
    double aspect = ui_map_preview_aspect(ex);
    if (c.w >= c.h) { /* two columns: the card and buttons, the map */
        /* At least 46 % (56 % if the card does not fit then), wide
         * enough for the buttons' labels on one line while the map keeps
         * room for its caption's or 38 % (its caption wraps then). */
        int gap = max_i(m->gap_l, ui_px(m, 64));
        lay_buttons(s, fonts, ex, m, c.x, c.y, 0);
        int least = 0;
        for (int i = 0; i < UI_HOME_BUTTONS; i++)
            least = max_i(least, label_room(m, &s->button[i]));
        lay_caption(s, fonts, ex, m, c.x, c.y, 0);
        int cap = label_room(m, &s->caption);
        int most = c.w - gap - (cap < c.w * 38 / 100 ? cap : c.w * 38 / 100);
        SDL_Rect col = c;
        int bh = 0;
        for (int pct = 46; pct <= 56; pct += 10) {
            int sw = max_i(c.w * pct / 100, least);
            sw = sw > most ? most : sw;
            col = (SDL_Rect){ui_start_x(m, c, sw), c.y, sw, c.h};
            bh = lay_buttons(s, fonts, ex, m, col.x, 0, col.w);
            ui_column_fini(&s->card);
            lay_card(s, fonts, ex, m,
                     (SDL_Rect){col.x, col.y, col.w, col.h - bh - m->gap_l});
            if (ui_home_max_offset(s) == 0)
                break;
        }
        move_buttons(s, col.y + col.h - bh);
        int pw = c.w - col.w - gap;
        lay_preview(s, renderer, fonts, ex, m,
                    (SDL_Rect){ui_end_x(m, c, pw), c.y, pw, c.h});
    } else { /* stacked: the card, the buttons, the map */
        lay_caption(s, fonts, ex, m, c.x, 0, c.w);
        int ph = (int)(c.w / aspect) + 2 * m->gap_m + s->caption.rect.h;
        if (ph > c.h * 40 / 100)
            ph = c.h * 40 / 100;
        if (!lay_preview(s, renderer, fonts, ex, m,
                         (SDL_Rect){c.x, c.y + c.h - ph, c.w, ph}))
            ph = s->preview.h; /* the caption alone: the rest for the card */
        int bh = lay_buttons(s, fonts, ex, m, c.x, 0, c.w);
        int by = c.y + c.h - ph - m->gap_xl - bh;
        move_buttons(s, by);
        lay_card(s, fonts, ex, m,
                 (SDL_Rect){c.x, c.y, c.w, by - m->gap_l - c.y});
    }
}

void ui_home_fini(struct ui_home *s)
{
    ui_column_fini(&s->card);
    for (int i = 0; i < UI_HOME_BUTTONS; i++)
        ui_button_fini(&s->button[i]);
    ui_button_fini(&s->caption);
    ui_map_preview_fini(&s->map);
}

const char *ui_home_hit(const struct ui_home *s, int x, int y)
{
    for (int i = 0; i < UI_HOME_BUTTONS; i++)
        if (ui_button_hit(&s->button[i], x, y))
            return s->button[i].id;
    SDL_Point p = {x, y};
    if (s->caption.label && SDL_PointInRect(&p, &s->preview))
        return s->caption.id;
    return NULL;
}

float ui_home_max_offset(const struct ui_home *s)
{
    int max = s->card.height - s->card.area.h;
    return max > 0 ? (float)max : 0;
}

void ui_home_draw(const struct ui_home *s, SDL_Renderer *r,
                  struct atlas *atlas, const char *pressed_id)
{
    const struct ui_palette *pal = ui_theme_palette();
    ui_column_draw(&s->card, r, atlas, 255);
    ui_scroll_hint_draw(r, &s->m, s->card.area, (int)s->card.offset,
                        (int)ui_home_max_offset(s));
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(r, pal->accent.r, pal->accent.g, pal->accent.b,
                           255);
    if (s->rule.h > 0)
        SDL_RenderFillRect(r, &s->rule);
    for (int i = 0; i < UI_HOME_BUTTONS; i++)
        ui_button_draw(&s->button[i], r, atlas,
                       pressed_id && strcmp(pressed_id, s->button[i].id) == 0);

    bool pressed = pressed_id && strcmp(pressed_id, s->caption.id) == 0;
    ui_map_preview_draw(&s->map, r);
    ui_button_draw(&s->caption, r, atlas, pressed);
    /* The picture's frame: the accent, or the pressed colour. */
    SDL_Color f = pressed ? pal->muted : pal->accent;
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(r, f.r, f.g, f.b, 255);
    int fw = max_i(ui_mm(&s->m, 0.5), 2);
    for (int k = 0; k < fw; k++) {
        SDL_Rect e = {s->preview.x + k, s->preview.y + k,
                      s->preview.w - 2 * k, s->preview.h - 2 * k};
        SDL_RenderDrawRect(r, &e);
    }
}
