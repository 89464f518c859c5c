/* about.c: the About page (see about.h). */
#include "ui/about.h"

void ui_about_set(struct ui_about *s, const struct text_fonts *fonts,
                  const struct exhibit *ex, const struct ui_metrics *m,
                  SDL_Rect c)
{
    const struct ui_palette *pal = ui_theme_palette();
    enum text_lang lang = m->lang;
    enum text_align start = ui_align_start(m, lang);
    int body = ui_text_px(m, m->type.lead);
    SDL_Rect ac = c;
    if (ac.w > body * 34) {
        ac.w = body * 34;
        ac.x = ui_start_x(m, c, ac.w);
    }
    ui_column_init(&s->column, fonts, ac);
    for (uint32_t i = 0; i < ex->about_count; i++) {
        const struct content_section *sec = &ex->about[i];
        ui_column_add(&s->column, "title", lang,
                      ui_text_px(m, m->type.heading), start, 0,
                      sec->title[lang], pal->accent, i ? ui_px(m, 36) : 0);
        ui_column_add(&s->column, "body", lang, body, start,
                      ui_page_line_pct(lang), sec->text[lang], pal->ink,
                      m->gap_xs);
    }
}

void ui_about_fini(struct ui_about *s)
{
    ui_column_fini(&s->column);
}

float ui_about_max_offset(const struct ui_about *s)
{
    int max = s->column.height - s->column.area.h;
    return max > 0 ? (float)max : 0;
}

void ui_about_draw(const struct ui_about *s, SDL_Renderer *r,
                   struct atlas *atlas)
{
    ui_column_draw(&s->column, r, atlas, 255);
}
