/* attract.c: the attract screen (see attract.h). */
#include "ui/attract.h"

void ui_attract_set(struct ui_attract *s, const struct text_fonts *fonts,
                    const struct exhibit *ex, const struct ui_metrics *m)
{
    const struct ui_palette *pal = ui_theme_palette();
    const struct content_settings *st = &ex->settings;
    int mx = ui_px(m, 96), my = ui_px(m, 160);
    ui_column_init(&s->column, fonts,
                   (SDL_Rect){mx, my, m->w - 2 * mx, m->h - 2 * my});
    /* Every language, in the table's order: no interface language yet. */
    for (int i = 0; i < TEXT_LANG_COUNT; i++) {
        enum text_lang l = (enum text_lang)i;
        ui_column_add(&s->column, "title", l,
                      ui_px(m, i ? 40 : m->type.display), TEXT_ALIGN_CENTER,
                      0, st->title[l], pal->accent, ui_px(m, i ? 16 : 0));
    }
    for (int i = 0; i < TEXT_LANG_COUNT; i++) {
        enum text_lang l = (enum text_lang)i;
        ui_column_add(&s->column, "ui", l, ui_px(m, 34), TEXT_ALIGN_CENTER,
                      0, content_string(ex, "attract.touch", l), pal->ink,
                      ui_px(m, i ? 12 : 96));
    }
    s->column.area.y = (m->h - s->column.height) / 2;
}

void ui_attract_fini(struct ui_attract *s)
{
    ui_column_fini(&s->column);
}

void ui_attract_draw(const struct ui_attract *s, SDL_Renderer *r,
                     struct atlas *atlas, uint32_t now)
{
    uint32_t t = now % UI_ATTRACT_PERIOD_MS;
    float k = (float)t / UI_ATTRACT_PERIOD_MS;
    float tri = k < 0.5f ? k * 2 : 2 - k * 2;
    Uint8 alpha = (Uint8)(150 + 105 * tri);
    ui_column_draw_range(&s->column, r, atlas, 0, TEXT_LANG_COUNT, 255);
    ui_column_draw_range(&s->column, r, atlas, TEXT_LANG_COUNT,
                         2 * TEXT_LANG_COUNT, alpha);
}
