/* scroll_hint.c: the position bar and the edge fades (see scroll_hint.h). */
#include "ui/scroll_hint.h"

#define BAR_MM 1.2   /* the bar's width */
#define THUMB_MM 8.0 /* the thumb's shortest length */
#define FADE_MM 6.0  /* the fades' depth */

static int bar_width(const struct ui_metrics *m)
{
    int w = ui_mm(m, BAR_MM);
    return w < 3 ? 3 : w;
}

SDL_Rect ui_scroll_hint_thumb(const struct ui_metrics *m, SDL_Rect view,
                              int offset, int max_offset)
{
    if (max_offset <= 0 || view.h <= 0)
        return (SDL_Rect){view.x, view.y, 0, 0};
    if (offset < 0)
        offset = 0;
    if (offset > max_offset)
        offset = max_offset;
    int w = bar_width(m);
    long content = (long)view.h + max_offset;
    int h = (int)((long)view.h * view.h / content);
    int shortest = ui_mm(m, THUMB_MM);
    if (h < shortest)
        h = shortest < view.h ? shortest : view.h;
    int y = view.y + (int)((long)(view.h - h) * offset / max_offset);
    return (SDL_Rect){ui_end_x(m, view, w), y, w, h};
}

/* The paper faded from opaque at y0 to clear at y1. */
static void fade(SDL_Renderer *r, SDL_Rect view, int y0, int y1)
{
    SDL_Color paper = ui_theme_palette()->paper;
    SDL_Color clear = paper;
    clear.a = 0;
    float l = (float)view.x, rt = (float)(view.x + view.w);
    SDL_Vertex v[4] = {
        {{l, (float)y0}, paper, {0, 0}},
        {{rt, (float)y0}, paper, {0, 0}},
        {{l, (float)y1}, clear, {0, 0}},
        {{rt, (float)y1}, clear, {0, 0}},
    };
    static const int idx[6] = {0, 1, 2, 1, 3, 2};
    SDL_RenderGeometry(r, NULL, v, 4, idx, 6);
}

void ui_scroll_hint_draw(SDL_Renderer *r, const struct ui_metrics *m,
                         SDL_Rect view, int offset, int max_offset)
{
    if (max_offset <= 0 || view.h <= 0)
        return;
    SDL_BlendMode was;
    SDL_GetRenderDrawBlendMode(r, &was);
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    int depth = ui_mm(m, FADE_MM);
    if (depth > view.h / 4)
        depth = view.h / 4;
    if (offset > 0)
        fade(r, view, view.y, view.y + depth);
    if (offset < max_offset)
        fade(r, view, view.y + view.h, view.y + view.h - depth);
    const struct ui_palette *pal = ui_theme_palette();
    SDL_Rect thumb = ui_scroll_hint_thumb(m, view, offset, max_offset);
    SDL_Rect track = {thumb.x, view.y, thumb.w, view.h};
    SDL_SetRenderDrawColor(r, pal->rule.r, pal->rule.g, pal->rule.b, 255);
    SDL_RenderFillRect(r, &track);
    SDL_SetRenderDrawColor(r, pal->muted.r, pal->muted.g, pal->muted.b, 255);
    SDL_RenderFillRect(r, &thumb);
    SDL_SetRenderDrawBlendMode(r, was);
}
