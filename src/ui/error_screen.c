/* error_screen.c: the shape-only error screen (see error_screen.h). */
#include "ui/error_screen.h"

void ui_error_screen_draw(SDL_Renderer *r, int w, int h)
{
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(r, 0xE8, 0xA3, 0x17, 255); /* amber */
    SDL_RenderClear(r);
    int s = (w < h ? w : h) / 3;
    float cx = (float)w / 2, cy = (float)h / 2;
    SDL_Color dark = {0x22, 0x1E, 0x1A, 255};
    SDL_Vertex tri[3] = {
        {{cx, cy - (float)s * 0.6f}, dark, {0, 0}},
        {{cx + (float)s * 0.7f, cy + (float)s * 0.6f}, dark, {0, 0}},
        {{cx - (float)s * 0.7f, cy + (float)s * 0.6f}, dark, {0, 0}},
    };
    SDL_RenderGeometry(r, NULL, tri, 3, NULL, 0);
    /* The "!" in the triangle, in amber. */
    SDL_SetRenderDrawColor(r, 0xE8, 0xA3, 0x17, 255);
    int bw = s / 10;
    SDL_Rect bar = {(int)cx - bw / 2, (int)(cy - (float)s * 0.25f), bw,
                    s * 45 / 100};
    SDL_Rect dot = {(int)cx - bw / 2, (int)(cy + (float)s * 0.3f), bw, bw};
    SDL_RenderFillRect(r, &bar);
    SDL_RenderFillRect(r, &dot);
}
