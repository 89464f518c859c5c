/* mode_render.c: `kiosk render` -- draw a page headless into a PNG, or
 * play a script of touches on the exhibit.
 *
 * Pages: the type specimen (ui/specimen.c, the default), the content
 * preview with its curator overlay (app/exhibit_view.c), exactly as the
 * window shows it, and the map page with a place chosen.  With --script
 * the visitor screens are played on a simulated clock (app/script_run.c)
 * into screenshots and state dumps. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "app/cli.h"
#include "app/exhibit_app.h"
#include "app/exhibit_view.h"
#include "app/fonts.h"
#include "app/script_run.h"
#include "app/settings.h"
#include "content/exhibit.h"
#include "core/diag.h"
#include "core/xalloc.h"
#include "input/script.h"
#include "map/hittest.h"
#include "render/atlas.h"
#include "render/headless.h"
#include "ui/map_page.h"
#include "ui/place_card.h"
#include "ui/specimen.h"
#include "ui/theme.h"

#define MODE "render"

/* The map page of the content at full size, `select` (a place id) chosen. */
static bool draw_map(SDL_Renderer *r, struct atlas *atlas,
                     const struct text_fonts *fonts,
                     const struct app_settings *settings,
                     enum text_lang lang, const char *select, int w, int h)
{
    struct diag_list d;
    diag_list_init(&d);
    struct exhibit *ex = content_load(settings->content_dir, fonts, &d);
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
    ui_metrics_init_view(&m, w, h, settings->screen_diagonal_inch,
                         settings->viewing_distance_mm, lang, false);
    SDL_Rect map_area = {0, 0, w, h};
    struct ui_map_page *page = ui_map_page_create(fonts);
    float slop = (float)(MAP_SLOP_MM_DEFAULT * m.px_per_mm);
    bool ok = ui_map_page_set(page, r, &m, ex, map_area, slop);
    struct ui_place_card *card = NULL;
    if (ok && pl) {
        ui_map_page_select(page, r, pl->feature, 0);
        card = ui_place_card_create(fonts);
        ui_place_card_set(card, ex, (uint32_t)(pl - ex->places), &m,
                          ui_map_page_panel(page));
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

/* The script at `path`, parsed (its diagnostics printed); false if it
 * cannot be read or has an error. */
static bool read_script(const char *path, struct script *script)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "kiosk: render: %s: %s\n", path, strerror(errno));
        return false;
    }
    char *text = xmalloc(SCRIPT_MAX_BYTES + 2);
    size_t len = fread(text, 1, SCRIPT_MAX_BYTES + 1, f);
    fclose(f);
    struct diag_list d;
    diag_list_init(&d);
    bool parsed = script_parse(path, text, len, script, &d);
    free(text);
    diag_list_print(&d, stderr);
    diag_list_fini(&d);
    return parsed;
}

/* What the command line asks for. */
struct render_args {
    int w, h; /* 0: not given */
    const char *out;
    enum render_page { PAGE_SPECIMEN, PAGE_PREVIEW, PAGE_MAP } page;
    enum text_lang lang;
    const char *select, *script, *state;
};

/* Plays o->script on the content's exhibit at w x h (app/script_run.c),
 * the staff panel as kiosk.conf sets it up (--config): its PIN and, with a
 * state folder, releases and statistics. */
static int run_script(const struct app_settings *settings,
                      const struct render_args *o)
{
    struct script script = {0};
    struct stat st;
    if (!read_script(o->script, &script)) {
        script_fini(&script);
        return CLI_FAIL;
    }
    if (stat(o->out, &st) != 0 || !S_ISDIR(st.st_mode)) {
        fprintf(stderr, "kiosk: render: --out %s: not a folder; create it "
                "first\n", o->out);
        script_fini(&script);
        return CLI_FAIL;
    }
    struct text_fonts *fonts = app_fonts_load(settings);
    struct diag_list d;
    diag_list_init(&d);
    struct exhibit *ex = fonts ? content_load(settings->content_dir, fonts,
                                              &d)
                               : NULL;
    diag_list_print(&d, stderr);
    diag_list_fini(&d);
    int rc = CLI_FAIL;
    if (ex && render_headless_init()) {
        struct render_target *t = render_target_create(o->w, o->h);
        struct atlas *atlas = t ? atlas_create(t->renderer, fonts, NULL)
                                : NULL;
        struct exhibit_app *app = exhibit_app_create(fonts);
        app_settings_configure(settings, app, settings->content_dir, false,
                               true, NULL);
        if (atlas) {
            exhibit_app_layout(app, t->renderer, ex,
                               ex->settings.default_lang, o->w, o->h);
            if (script_run(&script, o->script, app, t, atlas, o->out,
                           o->state))
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

/* --size, --page or --lang at argv[*i], whose values are checked. */
static int checked_option(int argc, char **argv, int *i,
                          struct render_args *o)
{
    static const char *const pages[] = {"specimen", "preview", "map"};
    const char *a = argv[*i], *v = cli_value(MODE, argc, argv, i);
    size_t k = 0;
    if (!v)
        return CLI_USAGE;
    if (strcmp(a, "--size") == 0) {
        if (!cli_parse_size(v, &o->w, &o->h))
            return cli_usage_error(MODE, "--size '%s' must be WxH, e.g. "
                                   "1920x1080 (1 to 16384 each)", v);
    } else if (strcmp(a, "--page") == 0) {
        while (k < sizeof pages / sizeof *pages && strcmp(v, pages[k]) != 0)
            k++;
        if (k == sizeof pages / sizeof *pages)
            return cli_usage_error(MODE, "--page '%s' must be specimen, "
                                   "preview or map", v);
        o->page = (enum render_page)k; /* in the enum's order */
    } else if (!text_lang_parse(v, &o->lang)) {
        return cli_usage_error(MODE, "--lang '%s' must be zh, en or ug", v);
    }
    return CLI_OK;
}

/* The options, in order, then what is required. */
static int options(int argc, char **argv, struct render_args *o)
{
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i], **slot = NULL;
        int rc = CLI_OK;
        if (strcmp(a, "--size") == 0 || strcmp(a, "--page") == 0 ||
            strcmp(a, "--lang") == 0)
            rc = checked_option(argc, argv, &i, o);
        else if (strcmp(a, "--script") == 0)
            slot = &o->script;
        else if (strcmp(a, "--state") == 0)
            slot = &o->state;
        else if (strcmp(a, "--select") == 0)
            slot = &o->select;
        else if (strcmp(a, "--out") == 0)
            slot = &o->out;
        else
            return cli_usage_error(MODE, "unknown option '%s'", a);
        if (slot && !(*slot = cli_value(MODE, argc, argv, &i)))
            return CLI_USAGE;
        if (rc != CLI_OK)
            return rc;
    }
    if (!o->w)
        return cli_usage_error(MODE, "--size WxH is required");
    if (!o->out)
        return cli_usage_error(MODE, o->script
                                         ? "--out DIR is required"
                                         : "--out FILE.png is required");
    if (o->state && !o->script)
        return cli_usage_error(MODE, "--state FILE goes with --script");
    return CLI_OK;
}

/* Draws the page into t; *view is the preview's, if that was drawn (the
 * caller destroys it). */
static bool draw_page(const struct app_settings *settings,
                      const struct render_args *o,
                      const struct text_fonts *fonts,
                      struct render_target *t, struct atlas *atlas,
                      struct exhibit_view **view)
{
    switch (o->page) {
    case PAGE_MAP:
        return draw_map(t->renderer, atlas, fonts, settings, o->lang,
                        o->select, o->w, o->h);
    case PAGE_PREVIEW:
        *view = exhibit_view_create(fonts, settings->content_dir);
        if (!exhibit_view_reload(*view))
            diag_list_print(exhibit_view_diags(*view), stderr);
        exhibit_view_layout(*view, o->w, o->h);
        return exhibit_view_draw(*view, t->renderer, atlas);
    case PAGE_SPECIMEN:
        break;
    }
    return ui_specimen_draw(t->renderer, atlas, fonts, o->w, o->h);
}

/* The page drawn headless into o->out; a preview with no exhibit fails. */
static int render_page(const struct app_settings *settings,
                       const struct render_args *o)
{
    struct text_fonts *fonts = app_fonts_load(settings);
    if (!fonts)
        return CLI_FAIL;
    int rc = CLI_FAIL;
    if (render_headless_init()) {
        struct render_target *t = render_target_create(o->w, o->h);
        struct atlas *atlas = t ? atlas_create(t->renderer, fonts, NULL)
                                : NULL;
        struct exhibit_view *view = NULL;
        bool drawn = atlas && draw_page(settings, o, fonts, t, atlas, &view);
        if (drawn && render_target_save_png(t, o->out))
            rc = view && !exhibit_view_has_exhibit(view) ? CLI_FAIL
                                                          : CLI_OK;
        else
            fprintf(stderr, "kiosk: render: could not draw or write %s\n",
                    o->out);
        exhibit_view_destroy(view);
        atlas_destroy(atlas);
        render_target_destroy(t);
        render_headless_quit();
    }
    text_fonts_destroy(fonts);
    return rc;
}

int mode_render(int argc, char **argv, const struct app_settings *settings)
{
    struct render_args o = {.page = PAGE_SPECIMEN, .lang = TEXT_LANG_EN};
    int rc = options(argc, argv, &o);
    if (rc != CLI_OK)
        return rc;
    return o.script ? run_script(settings, &o) : render_page(settings, &o);
}
