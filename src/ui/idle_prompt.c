/* idle_prompt.c: the "Still there?" prompt (see idle_prompt.h). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "render/draw_text.h"
#include "render/text_log.h"
#include "ui/action.h"
#include "ui/format.h"
#include "ui/idle_prompt.h"
#include "ui/textlist.h"

/* One line's natural width of `text` at `size` (for the panel's width). */
static int natural_w(const struct text_fonts *fonts, enum text_lang lang,
                     const char *role, int size, const char *text)
{
    struct text_layout *l = ui_text_lay(
        fonts, (struct ui_text_style){role, 0, TEXT_DIR_LANG}, lang, size,
        65536, TEXT_ALIGN_START, text, strlen(text));
    int32_t w = 0;
    for (uint32_t i = 0; l && i < l->line_count; i++)
        w = l->lines[i].width > w ? l->lines[i].width : w;
    text_layout_destroy(l);
    return (int)(w / TEXT_ONE) + 1;
}

/* The countdown's lines at `size` and width `inner`; their tallest. */
static int lay_countdown(struct ui_idle_prompt *s,
                         const struct text_fonts *fonts,
                         const struct exhibit *ex, enum text_lang lang,
                         int size, int inner)
{
    int count_h = 0;
    for (int sec = 0; sec <= UI_IDLE_COUNTDOWN_S; sec++) {
        char n[16], line[256];
        snprintf(n, sizeof n, "%d", sec);
        ui_fill(line, sizeof line, content_string(ex, "idle.countdown", lang),
                "seconds", n);
        text_layout_destroy(s->countdown[sec]);
        s->countdown[sec] = ui_text_lay(
            fonts, (struct ui_text_style){"ui", 0, TEXT_DIR_LANG}, lang, size,
            inner, TEXT_ALIGN_CENTER, line, strlen(line));
        int h = text_layout_height_px(s->countdown[sec]);
        count_h = h > count_h ? h : count_h;
    }
    return count_h;
}

void ui_idle_prompt_set(struct ui_idle_prompt *s,
                        const struct text_fonts *fonts,
                        const struct exhibit *ex, const struct ui_metrics *m)
{
    const struct ui_palette *pal = ui_theme_palette();
    enum text_lang lang = m->lang;
    const char *title = content_string(ex, "idle.title", lang);
    const char *cont = content_string(ex, "idle.continue", lang);
    int most_w = m->w - 2 * m->bezel, most_h = m->h - 2 * m->bezel;
    /* The title, the countdown and the button at the design's sizes; on a
     * small panel with larger text, a size smaller for the title and the
     * button (never under the floor) until the three fit the screen -- or,
     * where they never do (Uyghur in larger text on the 7" panel), the
     * countdown and the button alone: they still say what happens and
     * how to stay. */
    const int title_sizes[] = {m->type.title, m->type.heading, m->type.lead,
                               0};
    const int label_sizes[] = {m->type.heading, m->type.lead, m->type.lead,
                               m->type.lead};
    const int count_sizes[] = {m->type.lead, m->type.lead, m->type.label,
                               m->type.label};
    char longest[256];
    ui_fill(longest, sizeof longest,
            content_string(ex, "idle.countdown", lang), "seconds", "20");
    int pw = 0, ph = 0, inner = 0, tpx = 0, lpx = 0, cpx = 0, bw = 0, bh = 0;
    for (size_t k = 0; k < sizeof title_sizes / sizeof *title_sizes; k++) {
        tpx = title_sizes[k] ? ui_text_px(m, title_sizes[k]) : 0;
        lpx = ui_text_px(m, label_sizes[k]);
        cpx = ui_text_px(m, count_sizes[k]);
        /* 60 % of a landscape screen, all but the bezel of a portrait
         * one -- wider where the title or the button's label needs it */
        pw = m->w > m->h ? m->w * 60 / 100 : most_w;
        int need = tpx ? natural_w(fonts, lang, "title", tpx, title) : 0;
        int lw = natural_w(fonts, lang, "ui", lpx, cont) + 2 * m->gap_m;
        /* the countdown on fewer lines too, once the screen is short */
        int cw = k ? natural_w(fonts, lang, "ui", cpx, longest) : 0;
        need = need > lw ? need : lw;
        need = (need > cw ? need : cw) + 2 * m->margin;
        pw = need > pw ? need : pw;
        pw = pw > most_w ? most_w : pw;
        inner = pw - 2 * m->margin;
        ui_column_fini(&s->title);
        ui_column_init(&s->title, fonts, (SDL_Rect){0, 0, inner, m->h});
        if (tpx)
            ui_column_add(&s->title, "title", lang, tpx, TEXT_ALIGN_CENTER,
                          0, title, pal->accent, 0);
        int count_h = lay_countdown(s, fonts, ex, lang, cpx, inner);
        /* the button fits its label, at least two thirds of the panel,
         * as tall as its lines and a little air */
        ui_button_place(&s->button, fonts, ui_action_id(UI_ACTION_CONTINUE),
                        cont, lang, lpx, (SDL_Rect){0, 0, 0, 0},
                        UI_BUTTON_PRIMARY);
        bw = s->button.rect.w > inner * 2 / 3 ? s->button.rect.w
                                              : inner * 2 / 3;
        bw = bw > inner ? inner : bw;
        ui_button_place(&s->button, fonts, ui_action_id(UI_ACTION_CONTINUE),
                        cont, lang, lpx, (SDL_Rect){0, 0, bw, m->button_h},
                        UI_BUTTON_PRIMARY);
        /* the design's button height, or where the screen is short its
         * lines and a little air (a target at least) */
        int lh = text_layout_height_px(s->button.label) + 2 * m->gap_s;
        bh = k == 0 ? m->button_h : m->target;
        bh = lh > bh ? lh : bh;
        ph = 2 * m->margin + s->title.height + (tpx ? m->gap_m : 0) +
             count_h +
             m->gap_l + bh;
        if (ph <= most_h)
            break;
    }
    if (ph > most_h)
        ph = most_h;
    s->panel = (SDL_Rect){(m->w - pw) / 2, (m->h - ph) / 2, pw, ph};
    ui_column_fini(&s->title);
    ui_column_init(&s->title, fonts,
                   (SDL_Rect){s->panel.x + m->margin, s->panel.y + m->margin,
                              inner, ph});
    if (tpx)
        ui_column_add(&s->title, "title", lang, tpx, TEXT_ALIGN_CENTER, 0,
                      title, pal->accent, 0);
    s->countdown_y = s->title.area.y + s->title.height + (tpx ? m->gap_m : 0);
    ui_button_place(&s->button, fonts, ui_action_id(UI_ACTION_CONTINUE),
                    cont, lang, lpx,
                    (SDL_Rect){s->panel.x + (pw - bw) / 2,
                               s->panel.y + ph - m->margin - bh, bw, bh},
                    UI_BUTTON_PRIMARY);
}

void ui_idle_prompt_fini(struct ui_idle_prompt *s)
{
    ui_column_fini(&s->title);
    ui_button_fini(&s->button);
    for (int i = 0; i <= UI_IDLE_COUNTDOWN_S; i++) {
        text_layout_destroy(s->countdown[i]);
        s->countdown[i] = NULL;
    }
}

void ui_idle_prompt_draw(const struct ui_idle_prompt *s, SDL_Renderer *r,
                         struct atlas *atlas, int seconds_left)
{
    const struct ui_palette *pal = ui_theme_palette();
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(r, 0, 0, 0, 120);
    SDL_RenderFillRect(r, NULL);
    /* the screen behind is dimmed: not for reading while the prompt asks */
    render_text_log_cover(atlas_text_log(atlas), NULL);
    SDL_SetRenderDrawColor(r, pal->paper.r, pal->paper.g, pal->paper.b, 255);
    SDL_RenderFillRect(r, &s->panel);
    ui_column_draw(&s->title, r, atlas, 255);
    if (seconds_left >= 0 && seconds_left <= UI_IDLE_COUNTDOWN_S &&
        s->countdown[seconds_left])
        render_text_layout(r, atlas, s->countdown[seconds_left],
                           s->title.area.x, s->countdown_y, pal->ink);
    ui_button_draw(&s->button, r, atlas, false);
}
