/* test_view.c: what the exhibit view shows when newer content is refused.
 *
 * A good exhibit is loaded, then its folder is broken and loaded again:
 * the view keeps the last good exhibit and says why in one line for staff
 * (file:line:column and what is shown instead).  The curator overlay is
 * drawn in the curator's window and never in kiosk mode -- measured in
 * pixels of the drawn frame -- except when there is no good exhibit at
 * all, where the overlay is the only thing that can say a technician is
 * needed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/exhibit_view.h"
#include "check.h"
#include "render/headless.h"

/* Pixels of the overlay alone over a black target. */
static long overlay_pixels(struct exhibit_view *v, struct text_fonts *fonts)
{
    struct render_target *t = render_target_create(800, 480);
    if (!t)
        return -1;
    struct atlas *atlas = atlas_create(t->renderer, fonts, NULL);
    exhibit_view_layout(v, 800, 480);
    exhibit_view_draw_overlay(v, t->renderer, atlas);
    render_target_flush(t);
    long lit = 0;
    const SDL_Surface *s = t->surface;
    for (int y = 0; y < s->h; y++) {
        const Uint32 *row = (const Uint32 *)((const Uint8 *)s->pixels +
                                             (size_t)y * (size_t)s->pitch);
        for (int x = 0; x < s->w; x++)
            lit += (row[x] & 0xFFFFFFu) != 0;
    }
    atlas_destroy(atlas);
    render_target_destroy(t);
    return lit;
}

int main(void)
{
    if (!render_headless_init())
        return check_finish("test_view");
    struct diag_list d;
    diag_list_init(&d);
    struct text_fonts *fonts = text_fonts_load("fonts/manifest.txt", &d);
    diag_list_fini(&d);
    if (!CHECK(fonts != NULL, "the fonts load"))
        return check_finish("test_view");
    char dir[] = "/tmp/kiosk-test-view-XXXXXX", cmd[1024];
    if (!mkdtemp(dir))
        return 1;
    snprintf(cmd, sizeof cmd, "cp -r %s/content/minimal/. '%s'",
             check_test_dir(), dir);
    CHECK(system(cmd) == 0, "a copy of the minimal exhibit");

    struct exhibit_view *v = exhibit_view_create(fonts, dir);
    char problem[1024];
    CHECK(exhibit_view_reload(v), "the good exhibit loads");
    exhibit_view_problem(v, problem, sizeof problem);
    CHECK(problem[0] == '\0', "no problem after a good load: '%s'", problem);
    CHECK(overlay_pixels(v, fonts) == 0, "no overlay after a good load");

    snprintf(cmd, sizeof cmd, "printf '\\nnot a field\\n' >> '%s/places.txt'",
             dir);
    CHECK(system(cmd) == 0, "places.txt broken");
    CHECK(!exhibit_view_reload(v) && exhibit_view_has_exhibit(v),
          "the broken folder is refused, the last good exhibit kept");
    exhibit_view_problem(v, problem, sizeof problem);
    char where[600];
    snprintf(where, sizeof where, "%s/places.txt:", dir);
    CHECK(strstr(problem, "did not load (1 error; the first: ") &&
              strstr(problem, where) &&
              strstr(problem, "the last good exhibit is shown"),
          "staff get one line naming the file and what is shown: '%s'",
          problem);

    long curator = overlay_pixels(v, fonts);
    CHECK(curator > 800 * 480 / 20,
          "the curator's window shows the overlay (%ld pixels)", curator);
    exhibit_view_set_curator(v, false);
    long kiosk = overlay_pixels(v, fonts);
    CHECK(kiosk == 0, "kiosk mode draws no overlay over the last good "
                      "exhibit (%ld pixels)", kiosk);
    exhibit_view_destroy(v);

    /* Nothing good ever loaded: the overlay is all there is to show. */
    v = exhibit_view_create(fonts, dir);
    exhibit_view_set_curator(v, false);
    CHECK(!exhibit_view_reload(v) && !exhibit_view_has_exhibit(v),
          "a first load that fails leaves nothing to show");
    exhibit_view_problem(v, problem, sizeof problem);
    CHECK(strstr(problem, "nothing loaded yet to show") != NULL,
          "the line says nothing is shown: '%s'", problem);
    long alone = overlay_pixels(v, fonts);
    CHECK(alone > 800 * 480 / 20,
          "with no good exhibit kiosk mode shows why (%ld pixels)", alone);
    exhibit_view_destroy(v);

    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK(system(cmd) == 0, "cleanup");
    text_fonts_destroy(fonts);
    render_headless_quit();
    return check_finish("test_view");
}
