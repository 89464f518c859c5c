/* column.c: a column of laid-out paragraphs (see column.h). */
#include <stdlib.h>
#include <string.h>

#include "ui/column.h"

void ui_column_init(struct ui_column *c, const struct text_fonts *fonts,
                    SDL_Rect area)
{
    memset(c, 0, sizeof *c);
    c->fonts = fonts;
    c->area = area;
}

void ui_column_fini(struct ui_column *c)
{
    ui_textlist_fini(&c->text);
    memset(c, 0, sizeof *c);
}

int ui_column_add(struct ui_column *c, const char *role, enum text_lang lang,
                  int size, enum text_align align, int line_pct,
                  const char *text, SDL_Color color, int gap_before)
{
    if (!text)
        return 0;
    struct text_layout *l = ui_text_lay(
        c->fonts, (struct ui_text_style){role, line_pct, TEXT_DIR_LANG}, lang,
        size, c->area.w, align, text, strlen(text));
    int y = c->height + gap_before;
    if (!ui_textlist_add(&c->text, l, 0, y, color))
        return 0;
    int h = text_layout_height_px(l);
    c->height = y + h;
    return h;
}

void ui_column_draw(const struct ui_column *c, SDL_Renderer *r,
                    struct atlas *atlas, Uint8 alpha)
{
    ui_column_draw_range(c, r, atlas, 0, c->text.count, alpha);
}

void ui_column_draw_range(const struct ui_column *c, SDL_Renderer *r,
                          struct atlas *atlas, size_t from, size_t to,
                          Uint8 alpha)
{
    SDL_Rect old;
    SDL_RenderGetClipRect(r, &old);
    SDL_RenderSetClipRect(r, &c->area);
    ui_textlist_draw(&c->text, r, atlas, from, to, c->area.x,
                     c->area.y - (int)c->offset, alpha, &c->area);
    SDL_RenderSetClipRect(r, old.w ? &old : NULL);
}
