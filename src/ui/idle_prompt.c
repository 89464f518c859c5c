/* idle_prompt.c: the "Still there?" prompt (see idle_prompt.h). */
#include <stdio.h>
#include <string.h>

#include "render/draw_text.h"
#include "render/text_log.h"
#include "ui/action.h"
#include "ui/format.h"
#include "ui/idle_prompt.h"
#include "ui/textlist.h"

void ui_idle_prompt_set(struct ui_idle_prompt *s,
                        const struct text_fonts *fonts,
                        const struct exhibit *ex, const struct ui_metrics *m)
{
    const struct ui_palette *pal = ui_theme_palette();
    enum text_lang lang = m->lang;
    /* 60 % of a landscape screen, all but the bezel of a portrait one;
     * as tall as its words, the countdown and the button need */
    int pw = m->w > m->h ? m->w * 60 / 100 : m->w - 2 * m->bezel;
    int inner = pw - 2 * m->margin;
    ui_column_init(&s->title, fonts, (SDL_Rect){0, 0, inner, m->h});
    ui_column_add(&s->title, "title", lang, ui_text_px(m, m->type.title),
                  TEXT_ALIGN_CENTER, 0, content_string(ex, "idle.title", lang),
                  pal->accent, 0);
    int count_h = 0;
    for (int sec = 0; sec <= UI_IDLE_COUNTDOWN_S; sec++) {
        char n[16], line[256];
        snprintf(n, sizeof n, "%d", sec);
        ui_fill(line, sizeof line, content_string(ex, "idle.countdown", lang),
                "seconds", n);
        s->countdown[sec] = ui_text_lay(
            fonts, (struct ui_text_style){"ui", 0, TEXT_DIR_LANG}, lang,
            ui_text_px(m, m->type.lead), inner, TEXT_ALIGN_CENTER, line,
            strlen(line));
        int h = text_layout_height_px(s->countdown[sec]);
        count_h = h > count_h ? h : count_h;
    }
    /* the button fits its label, at least two thirds of the panel */
    const char *cont = content_string(ex, "idle.continue", lang);
    int label = ui_text_px(m, m->type.heading);
    ui_button_place(&s->button, fonts, ui_action_id(UI_ACTION_CONTINUE),
                    cont, lang, label, (SDL_Rect){0, 0, 0, 0},
                    UI_BUTTON_PRIMARY);
    int bw = s->button.rect.w > inner * 2 / 3 ? s->button.rect.w
                                              : inner * 2 / 3;
    if (bw > inner)
        bw = inner;
    int bh = m->button_h;
    int ph = 2 * m->margin + s->title.height + m->gap_m + count_h +
             m->gap_l + bh;
    if (ph > m->h - 2 * m->bezel)
        ph = m->h - 2 * m->bezel;
    s->panel = (SDL_Rect){(m->w - pw) / 2, (m->h - ph) / 2, pw, ph};
    ui_column_fini(&s->title);
    ui_column_init(&s->title, fonts,
                   (SDL_Rect){s->panel.x + m->margin, s->panel.y + m->margin,
                              inner, ph});
    ui_column_add(&s->title, "title", lang, ui_text_px(m, m->type.title),
                  TEXT_ALIGN_CENTER, 0, content_string(ex, "idle.title", lang),
                  pal->accent, 0);
    s->countdown_y = s->title.area.y + s->title.height + m->gap_m;
    ui_button_place(&s->button, fonts, ui_action_id(UI_ACTION_CONTINUE),
                    cont, lang, label,
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
