/* bench_content.c: `make bench` for the content loader: load + check of
 * the shipped exhibit (every file read, parsed, cross-checked, every
 * character checked against the fonts), median of many runs. */
#include <stdio.h>

#include "bench.h"
#include "content/exhibit.h"
#include "core/arena.h"
#include "core/diag.h"
#include "text/font.h"

#define RUNS 31

int main(void)
{
    struct diag_list d;
    diag_list_init(&d);
    struct text_fonts *fonts = text_fonts_load("fonts/manifest.txt", &d);
    if (!fonts) {
        diag_list_print(&d, stderr);
        return 1;
    }
    double ms[RUNS];
    size_t arena_bytes = 0;
    for (int i = -1; i < RUNS; i++) {
        struct diag_list dl;
        diag_list_init(&dl);
        double t0 = bench_now_ms();
        struct exhibit *ex = content_load("content", fonts, &dl);
        double t = bench_now_ms() - t0;
        if (!ex) {
            diag_list_print(&dl, stderr);
            return 1;
        }
        if (i >= 0)
            ms[i] = t;
        arena_bytes = arena_used(ex->arena);
        content_destroy(ex);
        diag_list_fini(&dl);
    }
    printf("content load + check: %.2f ms (median of %d; min %.2f max "
           "%.2f), exhibit arena %.1f KiB\n", bench_median(ms, RUNS), RUNS,
           bench_min(ms, RUNS), bench_max(ms, RUNS), arena_bytes / 1024.0);
    text_fonts_destroy(fonts);
    diag_list_fini(&d);
    return 0;
}
