/* test_raster.c: anti-aliased coverage -- areas, holes, clipping, strokes.
 *
 * Coverage is checked through the mask map_raster_paint writes: its sum
 * (in pixels) must equal the exact area of what was drawn inside the
 * image, and single pixels must be fully in, fully out or partial exactly
 * where the shape's edges run. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "map/raster.h"

enum { W = 64, H = 48 };

static uint8_t mask[W * H];
static uint32_t img[W * H];

static double paint(struct map_raster *r)
{
    for (int i = 0; i < W * H; i++)
        img[i] = 0xffffffffu;
    memset(mask, 0, sizeof mask);
    map_raster_paint(r, img, W, 0x000000, 255, mask);
    double sum = 0;
    for (int i = 0; i < W * H; i++)
        sum += mask[i] / 255.0;
    return sum;
}

static uint8_t at(int x, int y)
{
    return mask[y * W + x];
}

int main(void)
{
    struct map_raster *r = map_raster_create(W, H);

    float sq[] = {10, 10, 30, 10, 30, 20, 10, 20, 10, 10};
    map_raster_add_ring(r, sq, 5, false);
    double a = paint(r);
    CHECK(fabs(a - 200) < 0.6, "20x10 square covers 200 px (%.2f)", a);
    CHECK(at(10, 10) == 255 && at(29, 19) == 255 && at(9, 10) == 0 &&
              at(30, 10) == 0 && at(10, 20) == 0,
          "pixel-aligned square: crisp edges");
    CHECK((img[15 * W + 15] & 0xffffff) == 0 &&
              (img[5 * W + 5] & 0xffffff) == 0xffffff,
          "painted black inside, white left outside");

    float half[] = {10.5f, 10.5f, 20.5f, 10.5f, 20.5f, 20.5f, 10.5f, 20.5f};
    map_raster_add_ring(r, half, 4, false);
    a = paint(r);
    CHECK(fabs(a - 100) < 0.6, "half-pixel square covers 100 px (%.2f)", a);
    CHECK(abs(at(10, 15) - 128) <= 1 && abs(at(10, 10) - 64) <= 1 &&
              at(15, 15) == 255,
          "edges half covered (%d), corner a quarter (%d)", at(10, 15),
          at(10, 10));

    /* Winding does not matter; holes subtract whatever their winding. */
    float ccw[] = {10, 10, 10, 40, 50, 40, 50, 10};
    float hole_same[] = {20, 20, 20, 30, 40, 30, 40, 20};
    map_raster_add_ring(r, ccw, 4, false);
    map_raster_add_ring(r, hole_same, 4, true);
    a = paint(r);
    CHECK(fabs(a - (1200 - 200)) < 1, "ring with a hole: %.2f px (1000)", a);
    CHECK(at(30, 25) == 0 && at(15, 25) == 255, "the hole is empty");

    float tri[] = {5.3f, 3.7f, 41.2f, 9.9f, 17.6f, 44.1f};
    map_raster_add_ring(r, tri, 3, false);
    a = paint(r);
    double exact = fabs((41.2 - 5.3) * (44.1 - 3.7) -
                        (17.6 - 5.3) * (9.9 - 3.7)) / 2;
    CHECK(fabs(a - exact) < 0.01 * exact, "triangle: %.2f px, exact %.2f", a,
          exact);

    /* Clipped at the image edges: only the inside counts. */
    float wide[] = {-20, 5, 100, 5, 100, 15, -20, 15};
    map_raster_add_ring(r, wide, 4, false);
    a = paint(r);
    CHECK(fabs(a - W * 10) < 0.6, "clipped at both sides: %.2f px (%d)", a,
          W * 10);
    float slant[] = {-10, 0, 20, 0, 40, 40, -30, 40};
    map_raster_add_ring(r, slant, 4, false);
    a = paint(r);
    /* Inside the image: x from 0 to the right edge 20 + y / 2. */
    double want = 0;
    for (int y = 0; y < 40; y++)
        want += 20 + (y + 0.5) / 2;
    CHECK(fabs(a - want) < 1, "slanted polygon across the left edge: %.2f "
                              "(%.2f)", a, want);

    map_raster_add_disc(r, 32, 24, 10);
    a = paint(r);
    double circle = M_PI * 100;
    CHECK(fabs(a - circle) < 0.01 * circle, "disc: %.2f px (circle %.2f)", a,
          circle);

    float line[] = {10, 24, 50, 24};
    map_raster_add_stroke(r, line, 2, 4);
    a = paint(r);
    double stroke = 40 * 4 + M_PI * 4; /* body + round caps */
    CHECK(fabs(a - stroke) < 1.5, "stroke 4 px wide: %.2f px (%.2f)", a,
          stroke);
    CHECK(at(30, 22) == 255 && at(30, 25) == 255 && at(30, 21) == 0 &&
              at(30, 26) == 0,
          "the stroke spans rows 22-25 exactly");

    a = paint(r);
    CHECK(a == 0, "painting clears the shapes (%.2f left)", a);
    map_raster_destroy(r);
    return check_finish("test_raster");
}
