/* draw_text.c: draws text_layout glyphs from the atlas (see draw_text.h).
 *
 * The colour is set on a page texture only when the texture changes from
 * one glyph to the next, so a paragraph whose glyphs share a page costs
 * one colour change. */
#include <stdlib.h>

#include <SDL.h>

#include "core/utf8.h"
#include "core/xalloc.h"
#include "render/atlas.h"
#include "render/draw_text.h"
#include "render/text_log.h"
#include "text/layout.h"

#define RANGE_RECTS_ON_STACK 16

int render_round26(int32_t v)
{
    int64_t n = (int64_t)v + TEXT_ONE / 2;
    /* Floor division, correct for negative values too. */
    return (int)(n >= 0 ? n / TEXT_ONE : -((-n + TEXT_ONE - 1) / TEXT_ONE));
}

static bool line_visible(const struct text_line *line, int y,
                         const SDL_Rect *vp)
{
    /* Glyphs may reach beyond the line box (marks, tall capitals), so
     * keep one extra line height of margin on either side. */
    int top = y + render_round26(line->top - line->height);
    int bottom = y + render_round26(line->top + 2 * line->height);
    return bottom >= 0 && top <= vp->h;
}

bool render_text_layout(SDL_Renderer *renderer, struct atlas *atlas,
                        const struct text_layout *layout, int x, int y,
                        SDL_Color color)
{
    SDL_Rect vp;
    SDL_RenderGetViewport(renderer, &vp);
    int size = layout->params.size_px;
    uint32_t rgb = (uint32_t)color.r << 16 | (uint32_t)color.g << 8 | color.b;
    bool tinted = atlas_tinted(atlas);
    bool ok = true;
    SDL_Texture *current = NULL;
    struct render_text_log *log = atlas_text_log(atlas);
    SDL_Rect probe = {0, 0, 0, 0};
    uint32_t probe_cp = 0;
    for (uint32_t li = 0; li < layout->line_count; li++) {
        const struct text_line *line = &layout->lines[li];
        if (!line_visible(line, y, &vp))
            continue;
        int base = y + render_round26(line->baseline);
        for (uint32_t ri = 0; ri < line->run_count; ri++) {
            const struct text_run *run = &layout->runs[line->first_run + ri];
            for (uint32_t gi = 0; gi < run->glyph_count; gi++) {
                const struct text_glyph *g =
                    &layout->glyphs[run->first_glyph + gi];
                const struct atlas_glyph *ag =
                    atlas_lookup(atlas, run->face, g->id,
                                 layout->fonts
                                     ? text_face_size_px(layout->fonts,
                                                         run->face, size)
                                     : size,
                                 rgb);
                if (!ag) {
                    ok = false;
                    continue;
                }
                if (!ag->texture)
                    continue;
                if (ag->texture != current) {
                    current = ag->texture;
                    if (tinted)
                        SDL_SetTextureColorMod(current, 255, 255, 255);
                    else
                        SDL_SetTextureColorMod(current, color.r, color.g,
                                               color.b);
                    SDL_SetTextureAlphaMod(current, color.a);
                }
                int px = x + render_round26(g->x);
                int py = base + render_round26(g->y - line->baseline);
                SDL_Rect dst = {px + ag->left, py - ag->top, ag->rect.w,
                                ag->rect.h};
                SDL_RenderCopy(renderer, current, &ag->rect, &dst);
                if (log && (probe.w == 0 || probe_cp == 0x0627) &&
                    g->cluster < layout->len) {
                    size_t used;
                    uint32_t cp = utf8_decode(layout->text + g->cluster,
                                              layout->len - g->cluster,
                                              &used);
                    /* the first capital; the tallest isolated alef (a
                     * joined one is shorter) */
                    if (render_text_log_probe_char(cp) &&
                        (cp != 0x0627 ||
                         render_text_log_alef_alone(layout->text,
                                                    g->cluster)) &&
                        (probe.w == 0 || (cp == 0x0627 && dst.h > probe.h))) {
                        probe = dst;
                        probe_cp = cp;
                    }
                }
            }
        }
    }
    if (log) {
        SDL_Rect clip;
        SDL_RenderGetClipRect(renderer, &clip);
        bool clipped = SDL_RenderIsClipEnabled(renderer);
        render_text_log_add(log, layout, x, y, vp, clipped ? &clip : NULL,
                            color, probe, probe_cp);
    }
    return ok;
}

void render_text_range(SDL_Renderer *renderer,
                       const struct text_layout *layout, uint32_t start,
                       uint32_t end, int x, int y, SDL_Color color)
{
    struct text_rect stack[RANGE_RECTS_ON_STACK];
    struct text_rect *rects = stack;
    size_t n = text_layout_range_rects(layout, start, end, stack,
                                       RANGE_RECTS_ON_STACK);
    if (n > RANGE_RECTS_ON_STACK) {
        rects = xmalloc(n * sizeof *rects);
        n = text_layout_range_rects(layout, start, end, rects, n);
    }
    SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(renderer, color.r, color.g, color.b, color.a);
    for (size_t i = 0; i < n; i++) {
        int x0 = x + render_round26(rects[i].x);
        int y0 = y + render_round26(rects[i].y);
        int x1 = x + render_round26(rects[i].x + rects[i].w);
        int y1 = y + render_round26(rects[i].y + rects[i].h);
        SDL_Rect r = {x0, y0, x1 - x0, y1 - y0};
        SDL_RenderFillRect(renderer, &r);
    }
    if (rects != stack)
        free(rects);
}
