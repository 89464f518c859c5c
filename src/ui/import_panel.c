/* import_panel.c: the USB import's curator overlay (see import_panel.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "render/draw_text.h"
#include "text/layout.h"
#include "ui/import_panel.h"
#include "ui/textlist.h"
#include "ui/theme.h"

struct ui_import_panel {
    const struct text_fonts *fonts;
    struct text_layout *text;
    SDL_Rect panel, bar;
    int percent;
    bool visible, finished, failed;
};

struct ui_import_panel *ui_import_panel_create(const struct text_fonts *f)
{
    struct ui_import_panel *p = xcalloc(1, sizeof *p);
    p->fonts = f;
    return p;
}

void ui_import_panel_destroy(struct ui_import_panel *p)
{
    if (!p)
        return;
    text_layout_destroy(p->text);
    free(p);
}

void ui_import_panel_hide(struct ui_import_panel *p)
{
    p->visible = false;
}

bool ui_import_panel_visible(const struct ui_import_panel *p)
{
    return p->visible;
}

bool ui_import_panel_finished(const struct ui_import_panel *p)
{
    return p->finished;
}

void ui_import_panel_set(struct ui_import_panel *p, const char *status, int w,
                         int h)
{
    char phase[32] = "";
    int percent = 0, used = 0;
    if (sscanf(status, "%31s %d %n", phase, &percent, &used) < 2)
        return;
    const char *msg = status + used;
    char line[600];
    p->finished = strcmp(phase, "done") == 0 || strcmp(phase, "failed") == 0;
    p->failed = strcmp(phase, "failed") == 0;
    if (p->finished)
        snprintf(line, sizeof line, "%.*s", (int)strcspn(msg, "\n"), msg);
    else
        snprintf(line, sizeof line, "Updating the exhibit from the USB "
                 "stick: %s…", phase);
    p->percent = percent < 0 ? 0 : percent > 100 ? 100 : percent;
    struct ui_scale sc = ui_scale_of(w, h);
    int pad = ui_scale_px(sc, 28, 12), size = ui_scale_px(sc, 26, 16);
    int pw = w * 70 / 100;
    text_layout_destroy(p->text);
    p->text = ui_text_lay(
        p->fonts, (struct ui_text_style){"ui", UI_LINE_PCT_UI, TEXT_DIR_LTR},
        TEXT_LANG_EN, size, pw - 2 * pad, TEXT_ALIGN_START, line,
        strlen(line));
    int th = text_layout_height_px(p->text);
    int bh = p->finished ? 0 : pad;
    int ph = pad + th + (bh ? pad / 2 + bh : 0) + pad;
    p->panel = (SDL_Rect){(w - pw) / 2, h - ph - ui_scale_px(sc, 48, 0), pw,
                          ph};
    p->bar = (SDL_Rect){p->panel.x + pad, p->panel.y + pad + th + pad / 2,
                        pw - 2 * pad, bh};
    p->visible = true;
}

void ui_import_panel_draw(const struct ui_import_panel *p, SDL_Renderer *r,
                          struct atlas *atlas)
{
    if (!p->visible || !p->text)
        return;
    const struct ui_palette *pal = ui_theme_palette();
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(r, pal->panel.r, pal->panel.g, pal->panel.b,
                           pal->panel.a);
    SDL_RenderFillRect(r, &p->panel);
    int pad = p->bar.x - p->panel.x;
    render_text_layout(r, atlas, p->text, p->panel.x + pad, p->panel.y + pad,
                       p->failed ? pal->alert : pal->panel_ink);
    if (p->bar.h > 0) {
        SDL_SetRenderDrawColor(r, pal->muted.r, pal->muted.g, pal->muted.b,
                               255);
        SDL_RenderFillRect(r, &p->bar);
        SDL_Rect done = p->bar;
        done.w = p->bar.w * p->percent / 100;
        SDL_SetRenderDrawColor(r, pal->panel_ink.r, pal->panel_ink.g,
                               pal->panel_ink.b, 255);
        SDL_RenderFillRect(r, &done);
    }
}
