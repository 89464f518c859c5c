/* soak.c: `make soak` -- the exhibit driven headless by random touches
 * (taps, drags, flings, language switches, idle timeouts) at about 20 a
 * second of simulated time, with a content swap every simulated minute,
 * under AddressSanitizer (reports) and again optimised without it (RSS,
 * which ASan's shadow memory and quarantine blur).  Prints the
 * interactions performed, RSS after warm-up, each minute and at the end.  SOAK_MINUTES sets the simulated length
 * (default 10); the program runs as fast as it can. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "app/exhibit_app.h"
#include "core/diag.h"
#include "render/atlas.h"
#include "render/headless.h"

static long rss_kb(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    long pages = 0, res = 0;
    if (f && fscanf(f, "%ld %ld", &pages, &res) != 2)
        res = 0;
    if (f)
        fclose(f);
    return res * 4;
}

static void pointer(struct exhibit_app *a, struct render_target *t,
                    enum input_pointer_kind k, float x, float y,
                    uint32_t now)
{
    struct input_pointer_event ev = {k, INPUT_POINTER_MOUSE, x, y, now};
    exhibit_app_pointer(a, t->renderer, &ev);
}

int main(void)
{
    const char *m = getenv("SOAK_MINUTES");
    int minutes = m ? atoi(m) : 10;
    struct diag_list d;
    diag_list_init(&d);
    struct text_fonts *fonts = text_fonts_load("fonts/manifest.txt", &d);
    struct exhibit *ex[2] = {NULL, NULL};
    ex[0] = fonts ? content_load("content", fonts, &d) : NULL;
    diag_list_print(&d, stderr);
    diag_list_fini(&d);
    if (!ex[0] || !render_headless_init())
        return 1;
    const int w = 1280, h = 800;
    struct render_target *t = render_target_create(w, h);
    struct atlas *atlas = atlas_create(t->renderer, fonts, NULL);
    struct exhibit_app *a = exhibit_app_create(fonts);
    exhibit_app_layout(a, t->renderer, ex[0], TEXT_LANG_EN, w, h);
    srand(29051962);
    /* 20 interactions for every second of touching; idle resets let
     * simulated time pass on top of that. */
    uint32_t now = 0;
    long target = (long)minutes * 60 * 20;
    long interactions = 0, frames = 0, swaps = 0, warm = 0;
    long low = 0, high = 0; /* RSS after warm-up, at each minute */
    int cur = 0;
    enum text_lang lang = TEXT_LANG_EN;
    while (interactions < target) {
        int kind = rand() % 100;
        float x = (float)(rand() % w), y = (float)(rand() % h);
        if (kind < 50) { /* a tap */
            pointer(a, t, INPUT_POINTER_DOWN, x, y, now);
            now += 40;
            pointer(a, t, INPUT_POINTER_UP, x, y, now);
        } else if (kind < 80) { /* a drag or fling */
            float dy = (float)(rand() % 800) - 400;
            int steps = 2 + rand() % 10;
            pointer(a, t, INPUT_POINTER_DOWN, x, y, now);
            for (int s = 1; s <= steps; s++) {
                now += 16;
                pointer(a, t, INPUT_POINTER_MOVE, x,
                        y + dy * (float)s / (float)steps, now);
            }
            pointer(a, t, INPUT_POINTER_UP, x, y + dy, now);
        } else if (kind < 90) { /* a language switch through the bar */
            static const char *const ids[] = {"lang:zh", "lang:en",
                                               "lang:ug"};
            int tx, ty;
            if (exhibit_app_target(a, ids[rand() % 3], &tx, &ty)) {
                pointer(a, t, INPUT_POINTER_DOWN, (float)tx, (float)ty, now);
                pointer(a, t, INPUT_POINTER_UP, (float)tx, (float)ty, now);
            }
        } else if (kind < 90 + (rand() % 4 == 0)) {
            /* Now and then a visitor walks away: the idle reset. */
            for (uint32_t k = 0; k < 115; k++) {
                now += 1000;
                if (exhibit_app_tick(a, now)) {
                    exhibit_app_draw(a, t->renderer, atlas, now);
                    frames++;
                }
            }
        } else { /* a pinch: two fingers */
            struct input_pointer_event e1 = {INPUT_POINTER_DOWN, 1, x, y,
                                             now};
            struct input_pointer_event e2 = {INPUT_POINTER_DOWN, 2, x + 50,
                                             y, now};
            exhibit_app_pointer(a, t->renderer, &e1);
            exhibit_app_pointer(a, t->renderer, &e2);
            e1.kind = e2.kind = INPUT_POINTER_UP;
            exhibit_app_pointer(a, t->renderer, &e2);
            exhibit_app_pointer(a, t->renderer, &e1);
        }
        interactions++;
        /* About 20 interactions a second, frames drawn as they come. */
        for (int s = 0; s < 3; s++) {
            now += 16;
            if (exhibit_app_tick(a, now) || s == 0) {
                exhibit_app_draw(a, t->renderer, atlas, now);
                frames++;
            }
        }
        if (interactions % 1200 == 0) { /* a content swap a minute */
            struct diag_list dl;
            diag_list_init(&dl);
            struct exhibit *next = content_load("content", fonts, &dl);
            diag_list_fini(&dl);
            if (next) {
                exhibit_app_layout(a, t->renderer, next, lang, w, h);
                content_destroy(ex[cur ^ 1]);
                ex[cur ^ 1] = ex[cur];
                ex[cur] = next;
                swaps++;
            }
        }
        if (interactions % 1200 == 0) { /* each simulated minute */
            long kb = rss_kb();
            if (interactions == 1200) /* warm-up: one minute of touches */
                warm = low = high = kb;
            low = kb < low ? kb : low;
            high = kb > high ? kb : high;
            printf("soak: minute %ld: RSS %.1f MB\n", interactions / 1200,
                   kb / 1024.0);
        }
    }
    render_target_flush(t);
    long end_kb = rss_kb();
    printf("soak: %d simulated minutes, %ld interactions, %ld frames, %ld "
           "content swaps; RSS after warm-up %.1f MB, at the end %.1f MB "
           "(%+.1f MB)\n", minutes, interactions, frames, swaps,
           warm / 1024.0, end_kb / 1024.0, (end_kb - warm) / 1024.0);
    printf("soak: RSS after warm-up stayed within %.1f MB (%.1f..%.1f MB)\n",
           (high - low) / 1024.0, low / 1024.0, high / 1024.0);
    exhibit_app_destroy(a);
    atlas_destroy(atlas);
    render_target_destroy(t);
    render_headless_quit();
    content_destroy(ex[0]);
    content_destroy(ex[1]);
    text_fonts_destroy(fonts);
    return 0;
}
