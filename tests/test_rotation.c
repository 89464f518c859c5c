/* test_rotation.c: a turned display -- the picture lands turned on the
 * screen, and a touch on a drawn spot maps back to that spot.
 *
 * One red logical pixel at a time is drawn through render_rotation, the
 * screen is searched for it, and the screen pixel's centre is turned back
 * with render_rotation_to_logical: it must be the logical pixel's centre.
 * An asymmetric sample of spots (corners and inside) catches a wrong
 * direction, a mirror or an off-by-one.  Both ways of turning are checked:
 * by hand and by SDL_RenderCopyEx. */
#include <math.h>

#include "check.h"
#include "render/headless.h"
#include "render/rotate.h"

enum { SW = 64, SH = 40 };

static uint32_t pixel(const struct render_target *t, int x, int y)
{
    const uint8_t *row =
        (const uint8_t *)t->surface->pixels + (size_t)y * t->surface->pitch;
    return ((const uint32_t *)row)[x] & 0xffffff;
}

/* Where the red pixel is on the screen; false unless exactly one. */
static bool find_red(const struct render_target *t, int *x, int *y)
{
    int n = 0;
    for (int j = 0; j < t->height; j++)
        for (int i = 0; i < t->width; i++)
            if (pixel(t, i, j) == 0xff0000)
                *x = i, *y = j, n++;
    return n == 1;
}

static void spots(struct render_target *t, int degrees, bool by_hand)
{
    struct render_rotation *rot = render_rotation_create(t->renderer,
                                                         degrees);
    render_rotation_set_by_hand(rot, by_hand);
    int lw = 0, lh = 0;
    const int pts[][2] = {{0, 0}, {1, 0}, {0, 1}, {5, 17}, {-1, -1}};
    for (size_t k = 0; k < sizeof pts / sizeof pts[0]; k++) {
        CHECK(render_rotation_begin(rot, &lw, &lh), "%d: begin", degrees);
        int lx = pts[k][0] < 0 ? lw - 1 : pts[k][0];
        int ly = pts[k][1] < 0 ? lh - 1 : pts[k][1];
        SDL_SetRenderDrawColor(t->renderer, 0, 0, 0, 255);
        SDL_RenderClear(t->renderer);
        SDL_SetRenderDrawColor(t->renderer, 255, 0, 0, 255);
        SDL_RenderDrawPoint(t->renderer, lx, ly);
        render_rotation_end(rot);
        render_target_flush(t);
        int sx = -1, sy = -1;
        bool one = find_red(t, &sx, &sy);
        CHECK(one, "%d deg: logical (%d,%d) is one screen pixel", degrees,
              lx, ly);
        if (!one)
            continue;
        float bx, by;
        render_rotation_to_logical(rot, (float)sx + 0.5f, (float)sy + 0.5f,
                                   &bx, &by);
        CHECK(fabsf(bx - ((float)lx + 0.5f)) < 0.01f &&
                  fabsf(by - ((float)ly + 0.5f)) < 0.01f,
              "%d deg: logical (%d,%d) drawn at screen (%d,%d), touched "
              "there maps back to (%.1f,%.1f)",
              degrees, lx, ly, sx, sy, (double)bx, (double)by);
    }
    bool sideways = degrees == 90 || degrees == 270;
    CHECK(lw == (sideways ? SH : SW) && lh == (sideways ? SW : SH),
          "%d deg: logical size %dx%d", degrees, lw, lh);
    render_rotation_destroy(rot);
}

int main(void)
{
    CHECK(render_headless_init(), "SDL starts headless");
    struct render_target *t = render_target_create(SW, SH);
    for (int d = 0; d < 360; d += 90) {
        spots(t, d, true);  /* the software renderer's way */
        spots(t, d, false); /* SDL_RenderCopyEx, the GPU renderers' way */
    }

    /* 90 degrees clockwise: the picture's top-left corner is at the
     * screen's top-right. */
    struct render_rotation *rot = render_rotation_create(t->renderer, 90);
    int lw, lh, sx = -1, sy = -1;
    render_rotation_begin(rot, &lw, &lh);
    SDL_SetRenderDrawColor(t->renderer, 0, 0, 0, 255);
    SDL_RenderClear(t->renderer);
    SDL_SetRenderDrawColor(t->renderer, 255, 0, 0, 255);
    SDL_RenderDrawPoint(t->renderer, 0, 0);
    render_rotation_end(rot);
    render_target_flush(t);
    CHECK(find_red(t, &sx, &sy) && sx == SW - 1 && sy == 0,
          "90 deg turns clockwise: top-left lands top-right (%d,%d)", sx,
          sy);
    render_rotation_destroy(rot);

    CHECK(!render_rotation_valid(45) && !render_rotation_valid(-90) &&
              !render_rotation_create(t->renderer, 360),
          "only 0, 90, 180 and 270 degrees");
    render_target_destroy(t);
    render_headless_quit();
    return check_finish("test_rotation");
}
