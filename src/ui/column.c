/* column.c: a column of laid-out paragraphs (see column.h). */
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "render/draw_text.h"
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
    for (size_t i = 0; i < c->count; i++)
        text_layout_destroy(c->items[i].layout);
    free(c->items);
    memset(c, 0, sizeof *c);
}

int ui_column_add(struct ui_column *c, const char *role, enum text_lang lang,
                  int size, enum text_align align, int line_pct,
                  const char *text, SDL_Color color, int gap_before)
{
    const struct text_role *r = text_fonts_role(c->fonts, role);
    if (!r || !text || c->area.w < 1)
        return 0;
    struct text_params p = {.role = r, .lang = lang, .size_px = size,
                            .width_px = c->area.w, .align = align,
                            .line_height_pct = line_pct};
    struct text_layout *l = text_layout_create(c->fonts, &p, text,
                                               strlen(text));
    if (!l)
        return 0;
    c->items = xgrow(c->items, &c->cap, c->count + 1, sizeof *c->items);
    int y = c->height + gap_before;
    c->items[c->count++] = (struct ui_column_item){l, 0, y, color};
    int h = (l->height + TEXT_ONE - 1) / TEXT_ONE;
    c->height = y + h;
    return h;
}

void ui_column_draw(const struct ui_column *c, SDL_Renderer *r,
                    struct atlas *atlas, Uint8 alpha)
{
    ui_column_draw_range(c, r, atlas, 0, c->count, alpha);
}

void ui_column_draw_range(const struct ui_column *c, SDL_Renderer *r,
                          struct atlas *atlas, size_t from, size_t to,
                          Uint8 alpha)
{
    SDL_Rect old;
    SDL_RenderGetClipRect(r, &old);
    SDL_RenderSetClipRect(r, &c->area);
    for (size_t i = from; i < to && i < c->count; i++) {
        const struct ui_column_item *it = &c->items[i];
        int y = c->area.y + it->y - (int)c->offset;
        int h = (it->layout->height + TEXT_ONE - 1) / TEXT_ONE;
        if (y + h < c->area.y || y > c->area.y + c->area.h)
            continue;
        SDL_Color col = it->color;
        col.a = alpha;
        render_text_layout(r, atlas, it->layout, c->area.x + it->x, y, col);
    }
    SDL_RenderSetClipRect(r, old.w ? &old : NULL);
}
