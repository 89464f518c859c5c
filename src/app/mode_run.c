/* mode_run.c: `kiosk` -- the exhibit in a window or fullscreen.
 *
 * Today it shows the type specimen; the visitor screens replace it later.
 * The loop sleeps in SDL_WaitEvent and draws only when the window was
 * exposed or resized, so an idle exhibit uses no CPU and draws no frames.
 * Escape closes the window only with --windowed: fullscreen is the kiosk. */
#include <stdio.h>
#include <string.h>

#include <SDL.h>

#include "app/cli.h"
#include "app/fonts.h"
#include "core/log.h"
#include "render/atlas.h"
#include "ui/specimen.h"

#define MODE "run"

static SDL_Renderer *make_renderer(SDL_Window *win)
{
    SDL_Renderer *r = SDL_CreateRenderer(
        win, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    if (!r) {
        log_warn("app", "no accelerated renderer (%s); using software",
                 SDL_GetError());
        r = SDL_CreateRenderer(win, -1, SDL_RENDERER_SOFTWARE);
    }
    return r;
}

static int loop(SDL_Window *win, SDL_Renderer *ren,
                const struct text_fonts *fonts, bool windowed)
{
    struct atlas *atlas = atlas_create(ren, fonts, NULL);
    if (!atlas)
        return CLI_FAIL;
    bool dirty = true, quit = false;
    unsigned long frames = 0;
    while (!quit) {
        if (dirty) {
            int w, h;
            SDL_GetRendererOutputSize(ren, &w, &h);
            ui_specimen_draw(ren, atlas, fonts, w, h);
            SDL_RenderPresent(ren);
            frames++;
            dirty = false;
            log_trace("app", "frame %lu at %dx%d", frames, w, h);
        }
        SDL_Event ev;
        if (!SDL_WaitEvent(&ev))
            break;
        do {
            switch (ev.type) {
            case SDL_QUIT:
                quit = true;
                break;
            case SDL_KEYDOWN:
                if (windowed && ev.key.keysym.sym == SDLK_ESCAPE)
                    quit = true;
                break;
            case SDL_WINDOWEVENT:
                if (ev.window.event == SDL_WINDOWEVENT_EXPOSED ||
                    ev.window.event == SDL_WINDOWEVENT_SIZE_CHANGED)
                    dirty = true;
                break;
            case SDL_RENDER_TARGETS_RESET:
            case SDL_RENDER_DEVICE_RESET:
                atlas_clear(atlas); /* its textures are gone */
                dirty = true;
                break;
            default:
                break;
            }
        } while (SDL_PollEvent(&ev));
    }
    (void)win;
    atlas_destroy(atlas);
    return CLI_OK;
}

int mode_run(int argc, char **argv, const struct cli_common *common)
{
    bool windowed = false;
    int w = 1920, h = 1080;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i], *v;
        if (strcmp(a, "--windowed") == 0) {
            windowed = true;
        } else if (strcmp(a, "--size") == 0) {
            if (!(v = cli_value(MODE, argc, argv, &i)))
                return CLI_USAGE;
            if (!cli_parse_size(v, &w, &h))
                return cli_usage_error(MODE, "--size '%s' must be WxH, e.g. "
                                       "1280x720", v);
        } else {
            return cli_usage_error(MODE, "unknown option '%s'", a);
        }
    }
    struct text_fonts *fonts = app_fonts_load(common);
    if (!fonts)
        return CLI_FAIL;
    int rc = CLI_FAIL;
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        log_error("app", "SDL cannot start video: %s", SDL_GetError());
        text_fonts_destroy(fonts);
        return CLI_FAIL;
    }
    Uint32 flags = windowed ? SDL_WINDOW_RESIZABLE
                            : SDL_WINDOW_FULLSCREEN_DESKTOP;
    SDL_Window *win = SDL_CreateWindow("Work Team report, 29 May 1962",
                                       SDL_WINDOWPOS_CENTERED,
                                       SDL_WINDOWPOS_CENTERED, w, h, flags);
    SDL_Renderer *ren = win ? make_renderer(win) : NULL;
    if (!win || !ren) {
        log_error("app", "cannot open a window: %s", SDL_GetError());
    } else {
        if (!windowed)
            SDL_ShowCursor(SDL_DISABLE);
        rc = loop(win, ren, fonts, windowed);
    }
    if (ren)
        SDL_DestroyRenderer(ren);
    if (win)
        SDL_DestroyWindow(win);
    SDL_Quit();
    text_fonts_destroy(fonts);
    return rc;
}
