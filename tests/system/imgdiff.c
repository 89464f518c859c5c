/* imgdiff.c: how far a screen (QEMU's screendump, PNG or PPM) is from the
 * headless renderer's picture of the same screen, for the system test.
 *
 * Usage: kiosk-imgdiff [--turn 90] SCREEN REFERENCE DIFF.png [REFERENCE...]
 * Prints "size WxH differing N of M (F %) max-channel-diff D" -- a pixel
 * differs when a colour channel is off by more than 48 levels -- and
 * writes the diff image (tests/image_compare.h).  Exit 0 when both load
 * and are the same size, 1 otherwise; the test sets the tolerance.  With
 * more references (the phases of an animated screen) the closest is the
 * one reported, followed by "closest REFERENCE", and its diff written.
 * --turn 90: the reference is the exhibit's upright (logical) picture and
 * the screen is mounted turned 90 degrees (kiosk.conf rotation: 90), so
 * the screen's pixel (x, y) shows the reference's (y, W - 1 - x), W the
 * screen's width (render/rotate.h). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <SDL.h>
#include <SDL_image.h>

#include "image_compare.h"

/* The upright picture `s` as a screen turned 90 degrees shows it. */
static SDL_Surface *turn90(SDL_Surface *in)
{
    SDL_Surface *s = SDL_ConvertSurfaceFormat(in, SDL_PIXELFORMAT_ARGB8888,
                                              0);
    SDL_Surface *t = s ? SDL_CreateRGBSurfaceWithFormat(
                             0, s->h, s->w, 32, SDL_PIXELFORMAT_ARGB8888)
                       : NULL;
    if (!t)
        return NULL;
    for (int y = 0; y < t->h; y++)
        for (int x = 0; x < t->w; x++) {
            const uint32_t *src = (const uint32_t *)((const char *)s->pixels +
                                                     (size_t)(t->w - 1 - x) *
                                                         s->pitch);
            ((uint32_t *)((char *)t->pixels + (size_t)y * t->pitch))[x] =
                src[y];
        }
    SDL_FreeSurface(s);
    return t;
}

/* The reference at `path`, turned if the screen is; NULL if it does not
 * load. */
static SDL_Surface *load_reference(const char *path, int turn)
{
    SDL_Surface *b = IMG_Load(path);
    if (!b || !turn)
        return b;
    SDL_Surface *t = turn90(b);
    SDL_FreeSurface(b);
    return t;
}

int main(int argc, char **argv)
{
    int turn = 0;
    if (argc >= 6 && strcmp(argv[1], "--turn") == 0 &&
        strcmp(argv[2], "90") == 0) {
        turn = 90;
        argv += 2;
        argc -= 2;
    }
    if (argc < 4) {
        fprintf(stderr, "usage: kiosk-imgdiff [--turn 90] SCREEN REFERENCE "
                "DIFF.png [REFERENCE...]\n");
        return 2;
    }
    SDL_Surface *a = IMG_Load(argv[1]);
    if (!a) {
        fprintf(stderr, "kiosk-imgdiff: cannot load %s: %s\n", argv[1],
                IMG_GetError());
        return 1;
    }
    /* argv[2], then argv[4..]: the references. */
    struct image_tolerance tol = {48, 1.0};
    struct image_diff best = {0};
    SDL_Surface *best_diff = NULL;
    const char *best_ref = NULL;
    for (int i = 2; i < argc; i += i == 2 ? 2 : 1) {
        SDL_Surface *b = load_reference(argv[i], turn);
        if (!b) {
            fprintf(stderr, "kiosk-imgdiff: cannot load %s: %s\n", argv[i],
                    IMG_GetError());
            return 1;
        }
        struct image_diff d;
        SDL_Surface *diff = NULL;
        image_compare(a, b, &tol, &d, &diff);
        int bw = b->w, bh = b->h;
        SDL_FreeSurface(b);
        if (!d.same_size) {
            printf("size %dx%d vs %dx%d\n", a->w, a->h, bw, bh);
            SDL_FreeSurface(diff);
            return 1;
        }
        if (!best_ref || d.differing < best.differing) {
            best = d;
            best_ref = argv[i];
            SDL_FreeSurface(best_diff);
            best_diff = diff;
        } else {
            SDL_FreeSurface(diff);
        }
    }
    printf("size %dx%d differing %llu of %llu (%.3f %%) max-channel-diff "
           "%d", a->w, a->h, (unsigned long long)best.differing,
           (unsigned long long)best.pixels,
           100.0 * (double)best.differing / (double)best.pixels,
           best.max_diff);
    if (argc > 4)
        printf(" closest %s", best_ref);
    printf("\n");
    if (best_diff)
        IMG_SavePNG(best_diff, argv[3]);
    SDL_FreeSurface(best_diff);
    SDL_FreeSurface(a);
    return 0;
}
