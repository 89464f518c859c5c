/* textlist.c: placed text (see textlist.h). */
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "render/draw_text.h"
#include "ui/textlist.h"
#include "ui/theme.h"

struct text_layout *ui_text_lay(const struct text_fonts *fonts,
                                struct ui_text_style style,
                                enum text_lang lang, int size, int width,
                                enum text_align align, const char *text,
                                size_t len)
{
    const struct text_role *role = text_fonts_role(fonts, style.role);
    if (!role || !text || width < 1)
        return NULL;
    struct text_params p = {.role = role, .lang = lang, .dir = style.dir,
                            .size_px = size, .width_px = width,
                            .align = align, .line_height_pct = style.line_pct};
    return text_layout_create(fonts, &p, text, len);
}

struct ui_text *ui_textlist_add(struct ui_textlist *l,
                                struct text_layout *layout, int x, int y,
                                SDL_Color color)
{
    if (!layout)
        return NULL;
    l->items = xgrow(l->items, &l->cap, l->count + 1, sizeof *l->items);
    struct ui_text *t = &l->items[l->count++];
    *t = (struct ui_text){.layout = layout, .x = x, .y = y, .color = color};
    return t;
}

void ui_textlist_take(struct ui_textlist *l, size_t count)
{
    while (l->count > count)
        text_layout_destroy(l->items[--l->count].layout);
}

void ui_textlist_fini(struct ui_textlist *l)
{
    ui_textlist_take(l, 0);
    free(l->items);
    memset(l, 0, sizeof *l);
}

static void draw_marks(SDL_Renderer *r, const struct ui_text *t, int x, int y)
{
    SDL_Color hl = ui_theme_palette()->highlight;
    if (t->hl_end > t->hl_start)
        render_text_range(r, t->layout, t->hl_start, t->hl_end, x, y, hl);
    for (uint32_t m = 0; t->marks && m < t->marks->mention_count; m++)
        render_text_range(r, t->layout, t->marks->mentions[m].start,
                          t->marks->mentions[m].end, x, y, hl);
}

bool ui_textlist_draw(const struct ui_textlist *l, SDL_Renderer *r,
                      struct atlas *atlas, size_t from, size_t to, int dx,
                      int dy, Uint8 alpha, const SDL_Rect *clip)
{
    bool ok = true;
    for (size_t i = from; i < to && i < l->count; i++) {
        const struct ui_text *t = &l->items[i];
        int x = t->x + dx, y = t->y + dy;
        int h = text_layout_height_px(t->layout);
        if (clip && (y + h < clip->y || y > clip->y + clip->h))
            continue;
        draw_marks(r, t, x, y);
        SDL_Color c = t->color;
        c.a = alpha;
        ok &= render_text_layout(r, atlas, t->layout, x, y, c);
    }
    return ok;
}
