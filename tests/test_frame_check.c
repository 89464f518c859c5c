/* test_frame_check.c: the first frame's check (render/frame_check.h) on
 * pictures of the cases it exists for -- the same picture, one drawn with
 * slightly different rounding, a blank page of the right colour, text in
 * the wrong place -- and where it looks. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "render/frame_check.h"

#define W 320
#define H 200
#define PAGE 0xfff5efe6u /* the exhibit's page colour, ARGB */
#define INKC 0xff6b2a1eu /* its title colour */

static uint32_t ref[W * H], seen[W * H];

static void page(uint32_t *px)
{
    for (int i = 0; i < W * H; i++)
        px[i] = PAGE;
}

/* "Text": rows of glyph-like strokes in a box at (x, y). */
static void text(uint32_t *px, int x0, int y0)
{
    for (int y = y0; y < y0 + 30 && y < H; y++)
        for (int x = x0; x < x0 + 120 && x < W; x++)
            if ((x / 3) % 3 != 0 && (y / 4) % 2 == 0)
                px[y * W + x] = INKC;
}

static struct frame_check compare_at(struct frame_rect r)
{
    return frame_check_compare(ref + r.y * W + r.x, W, seen + r.y * W + r.x,
                               W, r.w, r.h);
}

int main(void)
{
    page(ref);
    text(ref, 150, 120);
    struct frame_rect r = frame_check_pick(ref, W, H, W, 80, 40);
    CHECK(r.x + r.w > 150 && r.x < 270 && r.y + r.h > 120 && r.y < 150,
          "the region picked holds the text (%d,%d %dx%d)", r.x, r.y, r.w,
          r.h);
    CHECK(r.x >= 0 && r.y >= 0 && r.x + r.w <= W && r.y + r.h <= H &&
              r.w == 80 && r.h == 40,
          "the region is inside the picture");

    memcpy(seen, ref, sizeof ref);
    struct frame_check c = compare_at(r);
    CHECK(c.ok && c.ink_ref > 0 && c.ink_seen == c.ink_ref &&
              c.mean_diff == 0,
          "the same picture passes (%ld/%ld, %.1f)", c.ink_seen, c.ink_ref,
          c.mean_diff);

    /* Another renderer rounds blending differently: a few levels. */
    srand(7);
    for (int i = 0; i < W * H; i++) {
        uint32_t p = ref[i], q = p & 0xff000000u;
        for (int sh = 0; sh < 24; sh += 8) {
            int v = (int)((p >> sh) & 0xff) + rand() % 7 - 3;
            v = v < 0 ? 0 : v > 255 ? 255 : v;
            q |= (uint32_t)v << sh;
        }
        seen[i] = q;
    }
    c = compare_at(r);
    CHECK(c.ok, "rounding differences of +-3 pass (%ld/%ld, %.1f)",
          c.ink_seen, c.ink_ref, c.mean_diff);

    /* The KMSDRM failure: the page colour and no text. */
    page(seen);
    c = compare_at(r);
    CHECK(!c.ok && c.ink_seen == 0, "a blank page fails (%ld/%ld, %.1f)",
          c.ink_seen, c.ink_ref, c.mean_diff);

    /* A black screen. */
    memset(seen, 0, sizeof seen);
    c = compare_at(r);
    CHECK(!c.ok, "a black screen fails (%.1f)", c.mean_diff);

    /* The text somewhere else (a wrong scale or offset). */
    page(seen);
    text(seen, 10, 10);
    c = compare_at(r);
    CHECK(!c.ok, "text in the wrong place fails (%ld/%ld)", c.ink_seen,
          c.ink_ref);

    /* Half the text missing (glyphs of one font not drawn). */
    memcpy(seen, ref, sizeof ref);
    for (int y = 0; y < H; y++)
        for (int x = 210; x < W; x++)
            seen[y * W + x] = PAGE;
    c = compare_at(r);
    CHECK(!c.ok, "half the text missing fails (%ld/%ld)", c.ink_seen,
          c.ink_ref);

    /* A screen with no ink at all passes on the colour alone. */
    page(ref);
    page(seen);
    r = frame_check_pick(ref, W, H, W, 80, 40);
    c = compare_at(r);
    CHECK(c.ok && c.ink_ref == 0, "an empty page matching passes");
    for (int i = 0; i < W * H; i++)
        seen[i] = 0xff202020u;
    c = compare_at(r);
    CHECK(!c.ok, "an empty page of the wrong colour fails (%.1f)",
          c.mean_diff);

    /* A tile larger than the picture is clamped. */
    r = frame_check_pick(ref, W, H, W, 1000, 1000);
    CHECK(r.x == 0 && r.y == 0 && r.w == W && r.h == H,
          "a tile larger than the picture is the picture");
    return check_finish("test_frame_check");
}
