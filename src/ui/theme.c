/* theme.c: the palette and the size scale. */
#include "ui/theme.h"

static const struct ui_palette palette = {
    .paper = {246, 240, 228, 255},
    .ink = {42, 36, 32, 255},     /* 13.5:1 on paper */
    .accent = {110, 42, 28, 255}, /* 9.2:1 */
    .muted = {84, 74, 66, 255},   /* 7.6:1 */
    .rule = {200, 186, 160, 255},
    .highlight = {238, 218, 168, 255},
    .panel = {32, 28, 26, 240},
    .panel_ink = {240, 236, 228, 255}, /* 14:1 on panel */
    .alert = {255, 196, 150, 255},     /* 10:1 on panel */
};

const struct ui_palette *ui_theme_palette(void)
{
    return &palette;
}

int ui_theme_scale(int px, int h)
{
    int v = (int)((long)px * h / 1080);
    return v > 0 ? v : 1;
}
