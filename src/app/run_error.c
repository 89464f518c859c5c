/* run_error.c: the error screen's loop (run_error.h). */
#include "app/cli.h"
#include "app/run_error.h"
#include "platform/platform.h"
#include "render/rotate.h"
#include "ui/error_screen.h"

int run_error_screen(SDL_Renderer *ren, bool windowed, int rotation)
{
    struct render_rotation *rot = render_rotation_create(ren, rotation);
    unsigned watchdog = platform_watchdog_ms() / 2;
    bool dirty = true;
    platform_notify("READY=1");
    platform_watchdog_allow(0); /* its own interval from now on */
    for (;;) {
        if (dirty) {
            int w, h;
            render_rotation_begin(rot, &w, &h);
            ui_error_screen_draw(ren, w, h);
            render_rotation_end(rot);
            SDL_RenderPresent(ren);
            dirty = false;
        }
        if (watchdog)
            platform_notify("WATCHDOG=1");
        SDL_Event ev;
        if (!SDL_WaitEventTimeout(&ev, watchdog ? (int)watchdog : 1000))
            continue;
        if (ev.type == SDL_QUIT ||
            (windowed && ev.type == SDL_KEYDOWN &&
             ev.key.keysym.sym == SDLK_ESCAPE)) {
            render_rotation_destroy(rot);
            return CLI_FAIL;
        }
        if (ev.type == SDL_WINDOWEVENT)
            dirty = true;
    }
}
