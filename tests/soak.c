/* soak.c: `make soak` -- the exhibit driven headless by random touches
 * (taps, drags, flings, language switches, idle timeouts) at about 20 a
 * second of simulated time, with a content swap every simulated minute,
 * and a staff visit (the hidden gesture, the PIN -- now and then a wrong
 * one -- every panel page, Close) every simulated minute,
 * under AddressSanitizer (reports) and again optimised without it (RSS,
 * which ASan's shadow memory and quarantine blur).  Prints the
 * interactions performed, RSS after warm-up, each minute and at the end.  SOAK_MINUTES sets the simulated length
 * (default 10); the program runs as fast as it can. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "app/exhibit_app.h"
#include "app/staff.h"
#include "platform/platform.h"
#include "core/diag.h"
#include "render/atlas.h"
#include "render/headless.h"

/* Resident memory in KiB: all of it, and the anonymous part -- the
 * heap, where a leak would show; the rest is mostly the font files'
 * pages, mapped and read in as new glyphs are first drawn, which the
 * kernel can drop at any time. */
static long rss_kb(long *anon)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long total = 0;
    *anon = 0;
    while (f && fgets(line, sizeof line, f)) {
        if (sscanf(line, "VmRSS: %ld kB", &total) == 1)
            continue;
        sscanf(line, "RssAnon: %ld kB", anon);
    }
    if (f)
        fclose(f);
    return total;
}

static void pointer(struct exhibit_app *a, struct render_target *t,
                    enum input_pointer_kind k, float x, float y,
                    uint32_t now)
{
    struct input_pointer_event ev = {k, INPUT_POINTER_MOUSE, x, y, now};
    exhibit_app_pointer(a, t->renderer, &ev);
}

/* Lets ms of simulated time pass in 100 ms steps, drawing what changed. */
static void pass(struct exhibit_app *a, struct render_target *t,
                 struct atlas *atlas, uint32_t *now, uint32_t ms,
                 long *frames)
{
    for (uint32_t k = 0; k < ms; k += 100) {
        *now += 100;
        if (exhibit_app_tick(a, *now)) {
            exhibit_app_draw(a, t->renderer, atlas, *now);
            (*frames)++;
        }
    }
}

static void tap_id(struct exhibit_app *a, struct render_target *t,
                   struct atlas *atlas, uint32_t *now, const char *id,
                   long *frames)
{
    int x, y;
    if (!exhibit_app_target(a, id, &x, &y))
        return;
    pointer(a, t, INPUT_POINTER_DOWN, (float)x, (float)y, *now);
    *now += 40;
    pointer(a, t, INPUT_POINTER_UP, (float)x, (float)y, *now);
    pass(a, t, atlas, now, 100, frames);
}

/* Staff come by: two fingers in the top corners for 5 s, the PIN (every
 * third visit a wrong one first), every page, Close.  False if the
 * gesture or the PIN did not open what they should. */
static bool staff_visit(struct exhibit_app *a, struct render_target *t,
                        struct atlas *atlas, uint32_t *now, int w,
                        long visit, long *frames)
{
    struct input_pointer_event f1 = {INPUT_POINTER_DOWN, 7, 20, 20, *now};
    struct input_pointer_event f2 = {INPUT_POINTER_DOWN, 8, (float)w - 20,
                                     20, *now};
    exhibit_app_pointer(a, t->renderer, &f1);
    exhibit_app_pointer(a, t->renderer, &f2);
    pass(a, t, atlas, now, 5100, frames);
    f1.kind = f2.kind = INPUT_POINTER_UP;
    f1.time_ms = f2.time_ms = *now;
    exhibit_app_pointer(a, t->renderer, &f1);
    exhibit_app_pointer(a, t->renderer, &f2);
    static const char *const wrong[] = {"staff:key:1", "staff:key:3",
                                        "staff:pin:ok"};
    static const char *const right[] = {
        "staff:key:2",       "staff:key:4",     "staff:key:6",
        "staff:key:8",       "staff:pin:ok",    "staff:tab:stats",
        "staff:tab:touch",   "staff:tab:actions", "staff:tab:diag",
        "staff:close"};
    if (visit % 3 == 0)
        for (size_t i = 0; i < 3; i++)
            tap_id(a, t, atlas, now, wrong[i], frames);
    for (size_t i = 0; i < sizeof right / sizeof *right; i++) {
        tap_id(a, t, atlas, now, right[i], frames);
        if (i == 0 && !exhibit_app_staff_open(a))
            return false; /* the gesture did not open the keypad */
        if (i == 4 && !exhibit_app_target(a, "staff:tab:stats", &(int){0},
                                          &(int){0}))
            return false; /* the PIN did not open the panel */
    }
    return true;
}

int main(void)
{
    platform_memory_tune(); /* as the program does */
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
    uint8_t salt[16] = {1, 9, 6, 2};
    char line[STAFF_PIN_HASH_TEXT_MAX];
    struct staff_pin_hash hash;
    if (!staff_pin_hash_make("2468", salt, sizeof salt, line, sizeof line) ||
        !staff_pin_hash_parse(line, &hash, NULL, 0))
        return 1;
    struct staff_setup staff = {.pin = &hash, .content_dir = "content",
                                .simulated_clock = true};
    exhibit_app_set_staff(a, &staff);
    long visits = 0;
    srand(29051962);
    /* 20 interactions for every second of touching; idle resets let
     * simulated time pass on top of that. */
    uint32_t now = 0;
    long target = (long)minutes * 60 * 20;
    long interactions = 0, frames = 0, swaps = 0, warm = 0;
    long low = 0, high = 0; /* RSS after warm-up, at each minute */
    long warm_anon = 0, low_anon = 0, high_anon = 0; /* its heap part */
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
        if (interactions % 1200 == 0) { /* staff come by once a minute */
            if (!staff_visit(a, t, atlas, &now, w, ++visits, &frames) ||
                exhibit_app_staff_open(a)) {
                fprintf(stderr, "soak: the staff panel did not open or "
                        "close as it should\n");
                return 1;
            }
        }
        if (interactions % 1200 == 0) { /* each simulated minute */
            long anon, kb = rss_kb(&anon);
            if (interactions == 1200) { /* warm-up: a minute of touches */
                warm = low = high = kb;
                warm_anon = low_anon = high_anon = anon;
            }
            low = kb < low ? kb : low;
            high = kb > high ? kb : high;
            low_anon = anon < low_anon ? anon : low_anon;
            high_anon = anon > high_anon ? anon : high_anon;
            const struct atlas_stats *as = atlas_stats(atlas);
            printf("soak: minute %ld: RSS %.1f MB, of which heap %.1f MB "
                   "(glyph atlas: %u pages, %.1f MB)\n", interactions / 1200,
                   kb / 1024.0, anon / 1024.0, as->pages,
                   (double)as->texture_bytes / (1024.0 * 1024.0));
        }
    }
    render_target_flush(t);
    long end_anon, end_kb = rss_kb(&end_anon);
    printf("soak: %d simulated minutes, %ld interactions, %ld frames, %ld "
           "content swaps, %ld staff visits; RSS after warm-up %.1f MB, at "
           "the end %.1f MB (%+.1f MB)\n", minutes, interactions, frames,
           swaps, visits, warm / 1024.0, end_kb / 1024.0,
           (end_kb - warm) / 1024.0);
    printf("soak: RSS after warm-up stayed within %.1f MB (%.1f..%.1f MB)\n",
           (high - low) / 1024.0, low / 1024.0, high / 1024.0);
    printf("soak: its heap part stayed within %.1f MB (%.1f..%.1f MB; %.1f "
           "MB after warm-up, %.1f MB at the end)\n",
           (high_anon - low_anon) / 1024.0, low_anon / 1024.0,
           high_anon / 1024.0, warm_anon / 1024.0, end_anon / 1024.0);
    exhibit_app_destroy(a);
    atlas_destroy(atlas);
    render_target_destroy(t);
    render_headless_quit();
    content_destroy(ex[0]);
    content_destroy(ex[1]);
    text_fonts_destroy(fonts);
    return 0;
}
