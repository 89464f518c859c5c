/* first_frame.c: one frame, and the first frame's proof (first_frame.h). */
#include <stdio.h>
#include <string.h>

#include "app/first_frame.h"
#include "core/log.h"
#include "render/frame_check.h"

bool app_frame_draw(SDL_Renderer *ren, struct atlas *atlas,
                    struct render_rotation *rot, struct exhibit_app *app,
                    struct exhibit_view *view, struct ui_import_panel *panel,
                    uint32_t now, bool shot)
{
    int pw, ph;
    bool anim = false;
    render_rotation_begin(rot, &pw, &ph);
    if (shot)
        exhibit_app_draw_shot(app, ren, atlas, now);
    else
        anim = exhibit_app_draw(app, ren, atlas, now);
    exhibit_view_draw_overlay(view, ren, atlas);
    if (panel)
        ui_import_panel_draw(panel, ren, atlas);
    render_rotation_end(rot);
    return anim;
}

struct render_target *app_first_frame_reference(
    int out_w, int out_h, const struct text_fonts *fonts,
    struct exhibit_view *view, enum text_lang lang, int rotation,
    double diag_inch, uint32_t now)
{
    struct render_target *t = render_target_create(out_w, out_h);
    struct atlas *atlas = t ? atlas_create(t->renderer, fonts, NULL) : NULL;
    if (!atlas) {
        render_target_destroy(t);
        return NULL;
    }
    struct render_rotation *rot = render_rotation_create(t->renderer,
                                                         rotation);
    struct exhibit_app *app = exhibit_app_create(fonts);
    int w, h;
    render_rotation_logical_size(rot, out_w, out_h, &w, &h);
    exhibit_app_set_screen(app, diag_inch);
    exhibit_app_layout(app, t->renderer, exhibit_view_exhibit(view), lang, w,
                       h);
    app_frame_draw(t->renderer, atlas, rot, app, view, NULL, now, true);
    render_target_flush(t);
    exhibit_app_destroy(app);
    render_rotation_destroy(rot);
    atlas_destroy(atlas);
    return t;
}

void app_first_frame_log(const struct app_display *d, int rotation,
                         const char *fonts_path, bool ok,
                         const char *verdict)
{
    char desc[200];
    app_display_describe(d, desc, sizeof desc);
    const char *slash = strrchr(fonts_path, '/');
    int dirlen = slash ? (int)(slash - fonts_path) : (int)strlen(fonts_path);
    if (ok)
        log_info("app", "%s, rotation %d, fonts %.*s; %s", desc, rotation,
                 dirlen, fonts_path, verdict);
    else
        log_warn("app", "%s, rotation %d, fonts %.*s; %s", desc, rotation,
                 dirlen, fonts_path, verdict);
}

bool app_first_frame_check(struct app_display *d,
                           const struct text_fonts *fonts,
                           const char *fonts_path, struct exhibit_view *view,
                           enum text_lang lang, int rotation,
                           double diag_inch, uint32_t now)
{
    uint32_t t0 = SDL_GetTicks();
    int sw, sh;
    SDL_GetRendererOutputSize(d->renderer, &sw, &sh);
    struct render_target *ref = app_first_frame_reference(
        sw, sh, fonts, view, lang, rotation, diag_inch, now);
    struct frame_rect at = {0};
    struct frame_check c = {0};
    bool ok = ref && app_display_check_frame(d, ref, &at, &c);
    render_target_destroy(ref);
    char verdict[200];
    snprintf(verdict, sizeof verdict, "first frame %s (%dx%d at %d,%d: %ld "
             "of %ld ink pixels, mean difference %.1f) in %u ms",
             ok ? "verified" : "NOT as meant", at.w, at.h, at.x, at.y,
             c.ink_seen, c.ink_ref, c.mean_diff, SDL_GetTicks() - t0);
    app_first_frame_log(d, rotation, fonts_path, ok, verdict);
    return ok;
}
