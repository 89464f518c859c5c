/* rotate.h: a display mounted turned -- the picture drawn upright into an
 * off-screen texture, then copied to the screen turned by 90, 180 or 270
 * degrees clockwise, and touches turned back.
 *
 * The exhibit draws in "logical" pixels: for 90 and 270 degrees a
 * 1920x1080 screen is a 1080x1920 picture.  Each frame:
 *
 *     render_rotation_begin(rot, &w, &h);   logical size; draws go to it
 *     ... draw w x h ...
 *     render_rotation_end(rot);             the turned copy on the screen
 *     SDL_RenderPresent(renderer);
 *
 * With 0 degrees there is no texture and no copy: begin reports the output
 * size and end does nothing.  The texture follows the output's size (it is
 * remade when the window or mode changes) and is redrawn whole every frame,
 * so a lost render target (SDL_RENDER_TARGETS_RESET) costs nothing.
 *
 * A pointer at screen pixel (x, y) is at logical
 *     90: (y, W - x)    180: (W - x, H - y)    270: (H - y, x)
 * for a W x H screen (render_rotation_to_logical).
 *
 * Owner: render_rotation_create returns an object the caller owns; it
 * borrows the renderer, which must outlive it. */
#ifndef RENDER_ROTATE_H
#define RENDER_ROTATE_H

#include <stdbool.h>

#include <SDL.h>

struct render_rotation;

/* True for 0, 90, 180 and 270. */
bool render_rotation_valid(int degrees);

/* NULL (logged) if the degrees are not valid. */
struct render_rotation *render_rotation_create(SDL_Renderer *renderer,
                                               int degrees);
void render_rotation_destroy(struct render_rotation *rot);

int render_rotation_degrees(const struct render_rotation *rot);

/* How the picture is turned: by hand (read back and permuted, the default
 * for the software renderer, where SDL_RenderCopyEx is about 40x slower)
 * or by SDL_RenderCopyEx (the default for GPU renderers).  Tests check
 * both with the software renderer. */
void render_rotation_set_by_hand(struct render_rotation *rot, bool by_hand);

/* The logical size for an output of out_w x out_h. */
void render_rotation_logical_size(const struct render_rotation *rot,
                                  int out_w, int out_h, int *w, int *h);

/* Starts a frame: *w x *h is the logical size, and drawing goes to the
 * picture.  False (logged) if the texture cannot be made; the frame is
 * then drawn unturned onto the screen. */
bool render_rotation_begin(struct render_rotation *rot, int *w, int *h);

/* Copies the picture onto the screen, turned (before SDL_RenderPresent). */
void render_rotation_end(struct render_rotation *rot);

/* Screen pixels (of the output at the last begin) to logical pixels. */
void render_rotation_to_logical(const struct render_rotation *rot, float x,
                                float y, float *lx, float *ly);

#endif
