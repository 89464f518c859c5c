/* frame_check.h: did the screen get the picture that was meant?  Compares
 * a region read back from the display's renderer with the same region of
 * a reference drawn by the software renderer (pure pixel arithmetic, no
 * SDL).
 *
 * A renderer can fail without an error: on KMSDRM without desktop GL,
 * SDL's OpenGL renderer clears to the page colour and draws no texture, so
 * no text.  The check therefore looks at "ink" -- pixels that stand out
 * from the region's background -- as well as the plain difference: a blank
 * page has the right colour almost everywhere and none of the ink.
 *
 * Pixels are 32-bit words in one byte order for both images (the check
 * compares channels, not colours, so any order works if both use it). */
#ifndef RENDER_FRAME_CHECK_H
#define RENDER_FRAME_CHECK_H

#include <stdbool.h>
#include <stdint.h>

struct frame_rect {
    int x, y, w, h;
};

struct frame_check {
    long ink_ref;      /* ink pixels in the reference region */
    long ink_seen;     /* ink pixels in the read-back region at the same places */
    double mean_diff;  /* mean absolute channel difference, 0-255 */
    bool ok;
};

/* The tile of about tile_w x tile_h of a w x h image (pitch in pixels)
 * with the most ink: where a wrong renderer shows most.  Always inside the
 * image. */
struct frame_rect frame_check_pick(const uint32_t *px, int w, int h,
                                   int pitch, int tile_w, int tile_h);

/* Compares two regions of r.w x r.h pixels (pitches in pixels): `seen`
 * passes if it is close on average and has at least 80 % of the
 * reference's ink where the reference has it.  A region without ink (an
 * empty screen) passes on the mean difference alone. */
struct frame_check frame_check_compare(const uint32_t *ref, int ref_pitch,
                                       const uint32_t *seen, int seen_pitch,
                                       int w, int h);

#endif
