/* frame_check.c: a read-back region against its reference (frame_check.h).
 *
 * The background of a region is its most common colour; a pixel is ink
 * when a channel differs from it by more than INK.  Not thread-safe (one
 * static histogram): it runs once, on the main loop.  The
 * thresholds leave room for renderers that round blending differently
 * (a few levels), never for missing glyphs (the whole contrast). */
#include <stdlib.h>
#include <string.h>

#include "render/frame_check.h"

#define INK 64           /* channel difference that makes a pixel ink */
#define MAX_MEAN_DIFF 12 /* mean channel difference allowed */
#define MIN_INK_SHARE 0.8

static int channel_diff(uint32_t a, uint32_t b)
{
    int m = 0;
    for (int s = 0; s < 32; s += 8) {
        int d = abs((int)((a >> s) & 0xff) - (int)((b >> s) & 0xff));
        if (d > m)
            m = d;
    }
    return m;
}

static int channel_sum_diff(uint32_t a, uint32_t b)
{
    int t = 0;
    for (int s = 0; s < 24; s += 8) /* colour, not alpha */
        t += abs((int)((a >> s) & 0xff) - (int)((b >> s) & 0xff));
    return t;
}

/* The region's background: its most common colour (counted in bins of
 * 16 levels a channel), as the mean of the pixels in that bin. */
static uint32_t background(const uint32_t *px, int pitch, int w, int h)
{
    static unsigned count[4096];
    memset(count, 0, sizeof count);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            uint32_t p = px[(size_t)y * pitch + x];
            count[((p >> 12) & 0xf00) | ((p >> 8) & 0xf0) |
                  ((p >> 4) & 0xf)]++;
        }
    unsigned best = 0;
    for (unsigned i = 1; i < 4096; i++)
        if (count[i] > count[best])
            best = i;
    uint32_t bin = ((best & 0xf00) << 12) | ((best & 0xf0) << 8) |
                   ((best & 0xf) << 4) | 0x080808u;
    return bin | (px[0] & 0xff000000u);
}

struct frame_rect frame_check_pick(const uint32_t *px, int w, int h,
                                   int pitch, int tile_w, int tile_h)
{
    /* Tiles overlapping by half, so text across a tile edge is not
     * missed: the image is counted once in cells of half a tile (ink
     * against the whole image's background), and a tile's ink is the sum
     * of its cells -- one pass, whatever the number of tiles. */
    int tw = tile_w < w ? tile_w : w, th = tile_h < h ? tile_h : h;
    int cw = tw / 2 > 0 ? tw / 2 : 1, ch = th / 2 > 0 ? th / 2 : 1;
    if (tw < w)
        tw = 2 * cw;
    if (th < h)
        th = 2 * ch;
    int gx = (w + cw - 1) / cw, gy = (h + ch - 1) / ch;
    long *cells = calloc((size_t)gx * (size_t)gy, sizeof *cells);
    struct frame_rect best = {0, 0, tw, th};
    if (!cells)
        return best;
    uint32_t bg = background(px, pitch, w, h);
    for (int y = 0; y < h; y++) {
        const uint32_t *row = px + (size_t)y * pitch;
        long *crow = cells + (size_t)(y / ch) * gx;
        for (int x = 0; x < w; x++)
            crow[x / cw] += channel_diff(row[x], bg) > INK;
    }
    long best_ink = -1;
    for (int y0 = 0; y0 + th <= h; y0 += ch) {
        for (int x0 = 0; x0 + tw <= w; x0 += cw) {
            long n = 0;
            for (int j = y0 / ch; j <= (y0 + th - 1) / ch; j++)
                for (int i = x0 / cw; i <= (x0 + tw - 1) / cw; i++)
                    n += cells[(size_t)j * gx + i];
            if (n > best_ink) {
                best_ink = n;
                best = (struct frame_rect){x0, y0, tw, th};
            }
        }
    }
    free(cells);
    return best;
}

struct frame_check frame_check_compare(const uint32_t *ref, int ref_pitch,
                                       const uint32_t *seen, int seen_pitch,
                                       int w, int h)
{
    struct frame_check r = {0};
    if (w <= 0 || h <= 0)
        return r;
    uint32_t bg = background(ref, ref_pitch, w, h);
    uint32_t bg_seen = background(seen, seen_pitch, w, h);
    double total = 0;
    for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
            uint32_t a = ref[(size_t)y * ref_pitch + x];
            uint32_t b = seen[(size_t)y * seen_pitch + x];
            total += channel_sum_diff(a, b) / 3.0;
            if (channel_diff(a, bg) > INK) {
                r.ink_ref++;
                r.ink_seen += channel_diff(b, bg_seen) > INK;
            }
        }
    }
    r.mean_diff = total / ((double)w * h);
    r.ok = r.mean_diff <= MAX_MEAN_DIFF &&
           (double)r.ink_seen >= MIN_INK_SHARE * (double)r.ink_ref;
    return r;
}
