/* first_frame.h: one frame of the exhibit, and the proof that the screen
 * shows the first one as meant.
 *
 * A renderer can be made and still draw wrongly (desktop OpenGL on KMSDRM
 * without libGL clears the page and draws no text).  So before the kiosk
 * tells its supervisor it is up, its first frame -- still in the back
 * buffer -- is compared with the same frame drawn by SDL's software
 * renderer off screen, in the tile where the reference has the most ink
 * (app_display_check_frame, render/frame_check.h).  The reference is a
 * second exhibit_app laid out for the software renderer, made and thrown
 * away here; nothing of it outlives the call. */
#ifndef APP_FIRST_FRAME_H
#define APP_FIRST_FRAME_H

#include <stdbool.h>
#include <stdint.h>

#include <SDL.h>

#include "app/display.h"
#include "app/exhibit_app.h"
#include "app/exhibit_view.h"
#include "render/atlas.h"
#include "render/headless.h"
#include "render/rotate.h"
#include "ui/import_panel.h"

/* Draws one frame: the exhibit (upright, then turned for a turned
 * screen), the curator overlay and, if `panel`, the import panel.  True
 * while an animation needs the next frame.  `shot`: a reference picture,
 * not counted as a frame. */
bool app_frame_draw(SDL_Renderer *ren, struct atlas *atlas,
                    struct render_rotation *rot, struct exhibit_app *app,
                    struct exhibit_view *view, struct ui_import_panel *panel,
                    uint32_t now, bool shot);

/* The first frame as the software renderer draws it off screen, for an
 * output of out_w x out_h turned by `rotation`, at time `now`.  The caller
 * destroys it; NULL (logged) if it cannot be made. */
struct render_target *app_first_frame_reference(
    int out_w, int out_h, const struct text_fonts *fonts,
    struct exhibit_view *view, enum text_lang lang, int rotation,
    double diag_inch, uint32_t now);

/* Compares the frame just drawn into d's renderer (before present) with
 * its reference and logs the start line with the verdict (info when
 * right, warn when not).  True if the picture is right. */
bool app_first_frame_check(struct app_display *d,
                           const struct text_fonts *fonts,
                           const char *fonts_path, struct exhibit_view *view,
                           enum text_lang lang, int rotation,
                           double diag_inch, uint32_t now);

/* The start line: "video kmsdrm, renderer opengles2, 1280x800@75,
 * rotation 0, fonts /usr/share/kiosk/fonts; <verdict>". */
void app_first_frame_log(const struct app_display *d, int rotation,
                         const char *fonts_path, bool ok,
                         const char *verdict);

#endif
