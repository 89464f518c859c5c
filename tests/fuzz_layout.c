/* fuzz_layout.c: libFuzzer target for the paragraph layout entry point.
 *
 * The first four bytes choose the parameters (language, role, alignment,
 * size, width -- including extremes); the rest is the paragraph, any bytes.
 * Every layout must come back with lines that tile the repaired text, and
 * hit-testing and range boxes must stay inside it.  Inputs are capped at
 * 16 KiB so a run explores breadth, not one huge paragraph. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "text/font.h"
#include "text/layout.h"

#define FUZZ_MAX_INPUT (16 * 1024)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct text_fonts *fonts;

static void load_fonts(void)
{
    struct diag_list d;
    diag_list_init(&d);
    const char *m = getenv("KIOSK_FONTS");
    fonts = text_fonts_load(m ? m : "fonts/manifest.txt", &d);
    if (!fonts) {
        diag_list_print(&d, stderr);
        abort();
    }
    diag_list_fini(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!fonts)
        load_fonts();
    if (size < 4 || size > FUZZ_MAX_INPUT)
        return 0;
    static const char *const roles[] = {"body", "ui", "title"};
    static const int sizes[] = {4, 12, 28, 40, 96, 1024, 0, 2000};
    static const int widths[] = {1, 7, 60, 300, 640, 1900, 0, -3};
    struct text_params p = {
        .role = text_fonts_role(fonts, roles[data[0] % 3]),
        .lang = (enum text_lang)(data[0] / 3 % 3),
        .dir = (enum text_dir)(data[0] / 9 % 4),
        .align = (enum text_align)(data[1] % 4),
        .size_px = sizes[data[1] / 4 % 8],
        .width_px = widths[data[2] % 8] + data[3],
    };
    struct text_layout *l =
        text_layout_create(fonts, &p, (const char *)data + 4, size - 4);
    char err[128];
    if (!text_params_check(&p, err, sizeof err)) {
        if (l)
            abort(); /* refused parameters must not lay out */
        return 0;
    }
    if (!l)
        abort();
    uint32_t expect = 0;
    for (uint32_t i = 0; i < l->line_count; i++) {
        if (l->lines[i].start != expect)
            abort();
        expect = l->lines[i].end;
    }
    if (expect != l->len || l->line_count == 0)
        abort();
    uint32_t hit = text_layout_hit(l, data[2] * TEXT_ONE, data[3] * TEXT_ONE);
    if (hit > l->len)
        abort();
    struct text_rect rects[4];
    text_layout_range_rects(l, hit, l->len, rects, 4);
    text_layout_destroy(l);
    return 0;
}
