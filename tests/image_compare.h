/* image_compare.h: compares rendered images with golden PNGs, with a
 * tolerance, for the screenshot tests.
 *
 * A pixel differs when any of its channels (A, R, G, B) differs by more than
 * `max_channel_diff`; two images match when they have the same size and at
 * most `max_fraction` of their pixels differ.  On a mismatch the actual
 * image and a diff image (differences in red, smaller non-zero differences
 * in orange, over a faded copy of the golden) are written next to the
 * golden as <stem>_actual.png and <stem>_diff.png.  With
 * KIOSK_UPDATE_GOLDEN=1 the golden is written instead.
 *
 * Borrowed: the surfaces passed in, for the duration of a call. */
#ifndef TESTS_IMAGE_COMPARE_H
#define TESTS_IMAGE_COMPARE_H

#include <stdbool.h>
#include <stdint.h>

#include <SDL.h>

struct image_tolerance {
    int max_channel_diff; /* 0..255 */
    double max_fraction;  /* of all pixels, 0..1 */
};

struct image_diff {
    bool same_size;
    uint64_t pixels;    /* compared */
    uint64_t differing; /* beyond the channel tolerance */
    int max_diff;       /* largest channel difference seen */
};

/* Compares two surfaces of any format.  Fills `out` and, if `diff_out` is
 * not NULL and the sizes match, makes a diff image the caller frees.
 * Returns whether they match within `tol`. */
bool image_compare(SDL_Surface *actual, SDL_Surface *golden,
                   const struct image_tolerance *tol, struct image_diff *out,
                   SDL_Surface **diff_out);

/* Loads two PNGs with IMG_Load and compares them; false also when one
 * cannot be loaded. */
bool image_compare_png(const char *actual_path, const char *golden_path,
                       const struct image_tolerance *tol,
                       struct image_diff *out);

/* The screenshot-test check: compares `actual` with the golden PNG at
 * `golden_path` and records the result with CHECK; writes the
 * _actual/_diff files on failure, or the golden under
 * KIOSK_UPDATE_GOLDEN=1. */
bool image_check_golden(SDL_Surface *actual, const char *golden_path,
                        const struct image_tolerance *tol);

#endif
