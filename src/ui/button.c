/* button.c: touch buttons (see button.h). */
#include <stdio.h>
#include <string.h>

#include "render/draw_text.h"
#include "ui/button.h"
#include "ui/textlist.h"
#include "ui/theme.h"

void ui_button_place(struct ui_button *b, const struct text_fonts *fonts,
                     const char *id, const char *text, enum text_lang lang,
                     int size, SDL_Rect rect, enum ui_button_style style)
{
    ui_button_fini(b);
    snprintf(b->id, sizeof b->id, "%s", id);
    b->style = style;
    const struct ui_text_style st = {"ui", UI_LINE_PCT_UI, TEXT_DIR_LANG};
    size_t len = strlen(text);
    b->label = ui_text_lay(fonts, st, lang, size, rect.w > 0 ? rect.w : 4096,
                           TEXT_ALIGN_CENTER, text, len);
    if (rect.w == 0 && b->label) {
        /* Fit: the drawn width plus padding on both sides. */
        int32_t lw = 0;
        for (uint32_t i = 0; i < b->label->line_count; i++)
            lw = b->label->lines[i].width > lw ? b->label->lines[i].width
                                               : lw;
        rect.w = lw / TEXT_ONE + size * 2;
        text_layout_destroy(b->label);
        b->label = ui_text_lay(fonts, st, lang, size, rect.w,
                               TEXT_ALIGN_CENTER, text, len);
    }
    b->rect = rect;
}

void ui_button_fini(struct ui_button *b)
{
    text_layout_destroy(b->label);
    b->label = NULL;
}

bool ui_button_hit(const struct ui_button *b, int x, int y)
{
    SDL_Point p = {x, y};
    return b->label && SDL_PointInRect(&p, &b->rect);
}

void ui_button_draw(const struct ui_button *b, SDL_Renderer *r,
                    struct atlas *atlas, bool pressed)
{
    if (!b->label)
        return;
    const struct ui_palette *pal = ui_theme_palette();
    bool filled = b->style != UI_BUTTON_PLAIN || pressed;
    SDL_Color plate = b->style == UI_BUTTON_SELECTED ? pal->ink : pal->accent;
    if (pressed)
        plate = pal->muted; /* feedback on press, the same frame */
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
    if (filled) {
        SDL_SetRenderDrawColor(r, plate.r, plate.g, plate.b, 255);
        SDL_RenderFillRect(r, &b->rect);
    } else {
        SDL_SetRenderDrawColor(r, pal->accent.r, pal->accent.g,
                               pal->accent.b, 255);
        for (int k = 0; k < 2; k++) {
            SDL_Rect e = {b->rect.x + k, b->rect.y + k, b->rect.w - 2 * k,
                          b->rect.h - 2 * k};
            SDL_RenderDrawRect(r, &e);
        }
    }
    int th = text_layout_height_px(b->label);
    SDL_Color ink = filled ? pal->paper : pal->accent;
    render_text_layout(r, atlas, b->label, b->rect.x,
                       b->rect.y + (b->rect.h - th) / 2, ink);
}
