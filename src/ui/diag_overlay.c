/* diag_overlay.c: the curator overlay (see diag_overlay.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "render/draw_text.h"
#include "text/layout.h"
#include "ui/diag_overlay.h"
#include "ui/textlist.h"
#include "ui/theme.h"

#define MAX_LINES 24

struct ui_diag_overlay {
    const struct text_fonts *fonts;
    struct ui_textlist text; /* at most MAX_LINES, x from the panel */
    SDL_Rect panel;
    int margin, pad;
};

struct ui_diag_overlay *ui_diag_overlay_create(const struct text_fonts *f)
{
    struct ui_diag_overlay *o = xcalloc(1, sizeof *o);
    o->fonts = f;
    return o;
}

static void clear(struct ui_diag_overlay *o)
{
    ui_textlist_take(&o->text, 0);
}

void ui_diag_overlay_destroy(struct ui_diag_overlay *o)
{
    if (!o)
        return;
    ui_textlist_fini(&o->text);
    free(o);
}

bool ui_diag_overlay_visible(const struct ui_diag_overlay *o)
{
    return o->text.count > 0;
}

/* Adds a line if it fits below y; returns the new y or -1 when full. */
static int add(struct ui_diag_overlay *o, const char *text, int size,
               int width, int y, int bottom, SDL_Color color)
{
    if (o->text.count == MAX_LINES)
        return -1;
    struct text_layout *l = ui_text_lay(
        o->fonts, (struct ui_text_style){"ui", UI_LINE_PCT_UI,
                                         TEXT_DIR_LTR},
        TEXT_LANG_EN, size, width, TEXT_ALIGN_START, text, strlen(text));
    if (!l)
        return -1;
    int h = text_layout_height_px(l);
    if (y + h > bottom) {
        text_layout_destroy(l);
        return -1;
    }
    ui_textlist_add(&o->text, l, 0, y, color);
    return y + h;
}

void ui_diag_overlay_set(struct ui_diag_overlay *o,
                         const struct diag_list *d, bool have_last_good,
                         int w, int h)
{
    clear(o);
    if (!d || d->errors == 0)
        return;
    const struct ui_palette *pal = ui_theme_palette();
    o->margin = ui_theme_scale(48, h);
    int pad = o->pad = ui_theme_scale(28, h);
    int top = h - h * 55 / 100;
    o->panel = (SDL_Rect){o->margin, top, w - 2 * o->margin,
                          h - top - o->margin};
    int width = o->panel.w - 2 * pad, bottom = o->panel.y + o->panel.h - pad;
    int y = o->panel.y + pad;
    char buf[1400];
    snprintf(buf, sizeof buf, "Content not loaded: %zu error%s, %zu "
             "warning%s. %s", d->errors, d->errors == 1 ? "" : "s",
             d->warnings, d->warnings == 1 ? "" : "s",
             have_last_good ? "Visitors still see the last good exhibit. "
                              "Fix the files and save; this panel goes "
                              "away by itself."
                            : "There is no good exhibit to show yet.");
    y = add(o, buf, ui_theme_scale(26, h), width, y, bottom, pal->alert);
    y += ui_theme_scale(12, h);
    for (size_t i = 0; i < d->count && y >= 0; i++) {
        const struct diag *g = &d->items[i];
        if (g->severity == DIAG_NOTE)
            continue;
        char pos[64] = "";
        if (g->line && g->column)
            snprintf(pos, sizeof pos, ":%u:%u", g->line, g->column);
        else if (g->line)
            snprintf(pos, sizeof pos, ":%u", g->line);
        snprintf(buf, sizeof buf, "%s%s: %s: %s", g->path, pos,
                 g->severity == DIAG_ERROR ? "error" : "warning",
                 g->message);
        int size = ui_theme_scale(20, h);
        y = add(o, buf, size < 16 ? 16 : size, width, y, bottom,
                pal->panel_ink);
    }
}

void ui_diag_overlay_draw(struct ui_diag_overlay *o, SDL_Renderer *r,
                          struct atlas *atlas)
{
    if (!o->text.count)
        return;
    const struct ui_palette *pal = ui_theme_palette();
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(r, pal->panel.r, pal->panel.g, pal->panel.b,
                           pal->panel.a);
    SDL_RenderFillRect(r, &o->panel);
    ui_textlist_draw(&o->text, r, atlas, 0, o->text.count,
                     o->panel.x + o->pad, 0, 255, NULL);
}
