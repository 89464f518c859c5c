/* mode_render.c: `kiosk render` -- draw a page headless into a PNG.
 *
 * Pages: the type specimen (ui/specimen.c, the default) and the content
 * preview with its curator overlay (app/exhibit_view.c), exactly as the
 * window shows it.  The visitor screens and scripted touches extend this
 * mode later. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "app/cli.h"
#include "app/exhibit_app.h"
#include "app/script.h"
#include "app/script_run.h"
#include "app/staff.h"
#include "app/exhibit_view.h"
#include "app/fonts.h"
#include "content/exhibit.h"
#include "core/diag.h"
#include "core/xalloc.h"
#include "render/atlas.h"
#include "map/hittest.h"
#include "render/headless.h"
#include "ui/map_page.h"
#include "ui/place_card.h"
#include "ui/specimen.h"
#include "ui/theme.h"

#define MODE "render"

/* The map page of the content at full size, `select` (a place id) chosen. */
static bool draw_map(SDL_Renderer *r, struct atlas *atlas,
                     const struct text_fonts *fonts,
                     const struct cli_common *common, enum text_lang lang,
                     const char *select, int w, int h)
{
    struct diag_list d;
    diag_list_init(&d);
    struct exhibit *ex = content_load(common->content_dir, fonts, &d);
    diag_list_print(&d, stderr);
    diag_list_fini(&d);
    if (!ex)
        return false;
    const struct content_place *pl = select ? content_place(ex, select)
                                            : NULL;
    if (select && (!pl || pl->feature < 0)) {
        fprintf(stderr, "kiosk: render: no place '%s' on the map\n", select);
        content_destroy(ex);
        return false;
    }
    /* With a place selected its card takes a side, as in the kiosk. */
    struct ui_metrics m;
    ui_metrics_init(&m, w, h, 0, lang, false);
    SDL_Rect map_area, card_area;
    ui_map_page_split(&m, (SDL_Rect){0, 0, w, h}, pl != NULL, &map_area,
                      &card_area);
    struct ui_map_page *page = ui_map_page_create(fonts);
    float slop = map_slop_px(MAP_SLOP_MM_DEFAULT,
                             MAP_SCREEN_DIAG_INCH_DEFAULT, w, h);
    bool ok = ui_map_page_set(page, r, ex, lang, map_area, slop);
    struct ui_place_card *card = NULL;
    if (ok && pl) {
        ui_map_page_select(page, r, pl->feature, 0);
        card = ui_place_card_create(fonts);
        ui_place_card_set(card, ex, (uint32_t)(pl - ex->places), &m,
                          card_area);
    }
    if (ok) {
        const struct ui_palette *pal = ui_theme_palette();
        SDL_SetRenderDrawColor(r, pal->paper.r, pal->paper.g, pal->paper.b,
                               255);
        SDL_RenderClear(r);
        ui_map_page_draw(page, r, atlas, 10000); /* animation finished */
        if (card)
            ui_place_card_draw(card, r, atlas);
    }
    ui_place_card_destroy(card);
    ui_map_page_destroy(page);
    content_destroy(ex);
    return ok;
}

/* Plays a script of touches on the exhibit (app/script_run.c). */
static int run_script(const struct cli_common *common, const char *path,
                      const char *out_dir, const char *state_path, int w,
                      int h)
{
    size_t len = 0;
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "kiosk: render: %s: %s\n", path, strerror(errno));
        return CLI_FAIL;
    }
    char *text = xmalloc(SCRIPT_MAX_BYTES + 2);
    len = fread(text, 1, SCRIPT_MAX_BYTES + 1, f);
    fclose(f);
    struct diag_list d;
    diag_list_init(&d);
    struct script script = {0};
    bool parsed = script_parse(path, text, len, &script, &d);
    free(text);
    diag_list_print(&d, stderr);
    diag_list_fini(&d);
    if (!parsed) {
        script_fini(&script);
        return CLI_FAIL;
    }
    struct stat st;
    if (stat(out_dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        fprintf(stderr, "kiosk: render: --out %s: not a folder; create it "
                "first\n", out_dir);
        script_fini(&script);
        return CLI_FAIL;
    }
    struct text_fonts *fonts = app_fonts_load(common);
    diag_list_init(&d);
    struct exhibit *ex = fonts ? content_load(common->content_dir, fonts, &d)
                               : NULL;
    diag_list_print(&d, stderr);
    diag_list_fini(&d);
    int rc = CLI_FAIL;
    if (ex && render_headless_init()) {
        struct render_target *t = render_target_create(w, h);
        struct atlas *atlas = t ? atlas_create(t->renderer, fonts, NULL)
                                : NULL;
        struct exhibit_app *app = exhibit_app_create(fonts);
        /* The staff panel as kiosk.conf sets it up (--config): its PIN
         * and, with a state folder, releases and statistics. */
        struct staff_setup staff = {common->staff_pin, common->state_dir,
                                    common->content_dir, common->rotation,
                                    common->screen_diagonal_inch, true};
        exhibit_app_set_staff(app, &staff);
        exhibit_app_set_idle_timeout(app, common->idle_timeout_s);
        exhibit_app_set_screen(app, common->screen_diagonal_inch);
        if (atlas) {
            exhibit_app_layout(app, t->renderer, ex,
                               ex->settings.default_lang, w, h);
            if (script_run(&script, path, app, t, atlas, out_dir,
                           state_path))
                rc = CLI_OK;
        }
        exhibit_app_destroy(app);
        atlas_destroy(atlas);
        render_target_destroy(t);
        render_headless_quit();
    }
    content_destroy(ex);
    text_fonts_destroy(fonts);
    script_fini(&script);
    return rc;
}

int mode_render(int argc, char **argv, const struct cli_common *common)
{
    int w = 0, h = 0;
    const char *out = NULL;
    enum { PAGE_SPECIMEN, PAGE_PREVIEW, PAGE_MAP } page = PAGE_SPECIMEN;
    enum text_lang lang = TEXT_LANG_EN;
    const char *select = NULL, *script_path = NULL, *state_path = NULL;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i], *v;
        if (strcmp(a, "--size") == 0) {
            if (!(v = cli_value(MODE, argc, argv, &i)))
                return CLI_USAGE;
            if (!cli_parse_size(v, &w, &h))
                return cli_usage_error(MODE, "--size '%s' must be WxH, e.g. "
                                       "1920x1080 (1 to 16384 each)", v);
        } else if (strcmp(a, "--page") == 0) {
            if (!(v = cli_value(MODE, argc, argv, &i)))
                return CLI_USAGE;
            if (strcmp(v, "preview") == 0)
                page = PAGE_PREVIEW;
            else if (strcmp(v, "map") == 0)
                page = PAGE_MAP;
            else if (strcmp(v, "specimen") != 0)
                return cli_usage_error(MODE, "--page '%s' must be specimen, "
                                       "preview or map", v);
        } else if (strcmp(a, "--lang") == 0) {
            if (!(v = cli_value(MODE, argc, argv, &i)))
                return CLI_USAGE;
            if (!text_lang_parse(v, &lang))
                return cli_usage_error(MODE, "--lang '%s' must be zh, en or "
                                       "ug", v);
        } else if (strcmp(a, "--script") == 0) {
            if (!(script_path = cli_value(MODE, argc, argv, &i)))
                return CLI_USAGE;
        } else if (strcmp(a, "--state") == 0) {
            if (!(state_path = cli_value(MODE, argc, argv, &i)))
                return CLI_USAGE;
        } else if (strcmp(a, "--select") == 0) {
            if (!(select = cli_value(MODE, argc, argv, &i)))
                return CLI_USAGE;
        } else if (strcmp(a, "--out") == 0) {
            if (!(out = cli_value(MODE, argc, argv, &i)))
                return CLI_USAGE;
        } else {
            return cli_usage_error(MODE, "unknown option '%s'", a);
        }
    }
    if (!w)
        return cli_usage_error(MODE, "--size WxH is required");
    if (!out)
        return cli_usage_error(MODE, script_path
                                         ? "--out DIR is required"
                                         : "--out FILE.png is required");
    if (state_path && !script_path)
        return cli_usage_error(MODE, "--state FILE goes with --script");
    if (script_path)
        return run_script(common, script_path, out, state_path, w, h);

    struct text_fonts *fonts = app_fonts_load(common);
    if (!fonts)
        return CLI_FAIL;
    int rc = CLI_FAIL;
    if (render_headless_init()) {
        struct render_target *t = render_target_create(w, h);
        struct atlas *atlas = t ? atlas_create(t->renderer, fonts, NULL)
                                : NULL;
        struct exhibit_view *view = NULL;
        bool drawn = false;
        if (atlas && page == PAGE_MAP) {
            drawn = draw_map(t->renderer, atlas, fonts, common, lang, select,
                             w, h);
        } else if (atlas && page == PAGE_PREVIEW) {
            view = exhibit_view_create(fonts, common->content_dir);
            if (!exhibit_view_reload(view))
                diag_list_print(exhibit_view_diags(view), stderr);
            exhibit_view_layout(view, w, h);
            drawn = exhibit_view_draw(view, t->renderer, atlas);
        } else if (atlas) {
            drawn = ui_specimen_draw(t->renderer, atlas, fonts, w, h);
        }
        if (drawn && render_target_save_png(t, out))
            rc = view && !exhibit_view_has_exhibit(view) ? CLI_FAIL
                                                          : CLI_OK;
        else
            fprintf(stderr, "kiosk: render: could not draw or write %s\n",
                    out);
        exhibit_view_destroy(view);
        atlas_destroy(atlas);
        render_target_destroy(t);
        render_headless_quit();
    }
    text_fonts_destroy(fonts);
    return rc;
}
