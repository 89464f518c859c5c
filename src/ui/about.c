/* about.c: the About page (see about.h). */
#include <stdlib.h>

#include "core/xalloc.h"
#include "ui/about.h"
#include "ui/scroll_hint.h"

static float section_offset(const struct ui_about *s, uint32_t i,
                            double share)
{
    if (i >= s->sections)
        return 0;
    int top = s->section_y[i];
    int end = i + 1 < s->sections ? s->section_y[i + 1] : s->column.height;
    float o = (float)(top + share * (end - top));
    float max = ui_about_max_offset(s);
    return o > max ? max : o;
}

void ui_about_set(struct ui_about *s, const struct text_fonts *fonts,
                  const struct exhibit *ex, const struct ui_metrics *m,
                  SDL_Rect c)
{
    const struct ui_palette *pal = ui_theme_palette();
    enum text_lang lang = m->lang;
    enum text_align start = ui_align_start(m, lang);
    int body = ui_text_px(m, m->type.lead);
    s->m = *m;
    s->view = c;
    /* clear of the position bar at the far edge */
    SDL_Rect ac = c;
    int bar = ui_view_bar_room(m);
    ac.w -= bar;
    if (ui_metrics_mirrored(m))
        ac.x += bar;
    c = ac;
    if (ac.w > body * 34) {
        ac.w = body * 34;
        ac.x = ui_start_x(m, c, ac.w);
    }
    ui_column_init(&s->column, fonts, ac);
    free(s->section_y);
    s->section_y = xcalloc(ex->about_count + 1, sizeof *s->section_y);
    s->sections = ex->about_count;
    for (uint32_t i = 0; i < ex->about_count; i++) {
        const struct content_section *sec = &ex->about[i];
        int gap = i ? ui_px(m, 36) : 0;
        s->section_y[i] = s->column.height + gap / 2;
        ui_column_add(&s->column, "title", lang,
                      ui_text_px(m, m->type.heading), start, 0,
                      sec->title[lang], pal->accent, gap);
        ui_column_add(&s->column, "body", lang, body, start,
                      ui_page_line_pct(lang), sec->text[lang], pal->ink,
                      m->gap_xs);
    }
    s->column.offset = section_offset(s, s->anchor, s->anchor_share);
}

void ui_about_fini(struct ui_about *s)
{
    ui_column_fini(&s->column);
    free(s->section_y);
    s->section_y = NULL;
    s->sections = 0;
}

void ui_about_reset(struct ui_about *s)
{
    s->anchor = 0;
    s->anchor_share = 0;
    s->column.offset = 0;
}

float ui_about_max_offset(const struct ui_about *s)
{
    return ui_column_max_offset(&s->column);
}

float ui_about_offset(const struct ui_about *s)
{
    return s->column.offset;
}

void ui_about_set_offset(struct ui_about *s, float offset)
{
    s->column.offset = offset;
    float max = ui_about_max_offset(s);
    float at = offset < 0 ? 0 : offset > max ? max : offset;
    uint32_t i = 0;
    while (i + 1 < s->sections && (float)s->section_y[i + 1] <= at)
        i++;
    s->anchor = i;
    if (i < s->sections) {
        int end = i + 1 < s->sections ? s->section_y[i + 1]
                                      : s->column.height;
        int len = end - s->section_y[i];
        s->anchor_share = len > 0 ? (at - (float)s->section_y[i]) / len : 0;
    }
}

void ui_about_draw(const struct ui_about *s, SDL_Renderer *r,
                   struct atlas *atlas)
{
    ui_column_draw(&s->column, r, atlas, 255);
    ui_scroll_hint_draw(r, &s->m, s->view, (int)s->column.offset,
                        (int)ui_about_max_offset(s));
}
