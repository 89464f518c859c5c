/* home.c: the Home screen (see home.h). */
#include <string.h>

#include "ui/action.h"
#include "ui/home.h"

void ui_home_set(struct ui_home *s, const struct text_fonts *fonts,
                 const struct exhibit *ex, const struct ui_metrics *m,
                 SDL_Rect c)
{
    const struct ui_palette *pal = ui_theme_palette();
    enum text_lang lang = m->lang;
    enum text_align start = ui_align_start(m, lang);
    ui_column_init(&s->column, fonts,
                   (SDL_Rect){c.x + m->margin, c.y + m->gap_m,
                              c.w - 2 * m->margin, c.h});
    ui_column_add(&s->column, "title", lang, ui_text_px(m, m->type.title),
                  start, 0, ex->settings.title[lang], pal->accent, 0);
    ui_column_add(&s->column, "ui", lang, ui_text_px(m, m->type.lead),
                  start, 0, ex->settings.subtitle[lang], pal->muted,
                  ui_px(m, 12));
    static const enum ui_action act[UI_HOME_BUTTONS] = {
        UI_ACTION_READ, UI_ACTION_MAP, UI_ACTION_ABOUT};
    static const char *const labels[UI_HOME_BUTTONS] = {
        "home.read", "home.map", "home.about"};
    int bw = c.w < ui_px(m, 900) ? c.w - 2 * m->margin : ui_px(m, 820);
    int bh = m->button_h;
    int by = s->column.area.y + s->column.height + m->gap_xl;
    SDL_Rect inner = {c.x + m->margin, c.y, c.w - 2 * m->margin, c.h};
    for (int i = 0; i < UI_HOME_BUTTONS; i++) {
        ui_button_place(&s->button[i], fonts, ui_action_id(act[i]),
                        content_string(ex, labels[i], lang), lang,
                        ui_text_px(m, m->type.action),
                        (SDL_Rect){ui_start_x(m, inner, bw), by, bw, bh},
                        i < 2 ? UI_BUTTON_PRIMARY : UI_BUTTON_PLAIN);
        by += bh + m->gap_l;
    }
}

void ui_home_fini(struct ui_home *s)
{
    ui_column_fini(&s->column);
    for (int i = 0; i < UI_HOME_BUTTONS; i++)
        ui_button_fini(&s->button[i]);
}

const struct ui_button *ui_home_hit(const struct ui_home *s, int x, int y)
{
    for (int i = 0; i < UI_HOME_BUTTONS; i++)
        if (ui_button_hit(&s->button[i], x, y))
            return &s->button[i];
    return NULL;
}

void ui_home_draw(const struct ui_home *s, SDL_Renderer *r,
                  struct atlas *atlas, const char *pressed_id)
{
    ui_column_draw(&s->column, r, atlas, 255);
    for (int i = 0; i < UI_HOME_BUTTONS; i++)
        ui_button_draw(&s->button[i], r, atlas,
                       pressed_id && strcmp(pressed_id, s->button[i].id) == 0);
}
