/* shipped.c: see shipped.h. */
#include <stdio.h>

#include "core/diag.h"
#include "shipped.h"

struct text_fonts *shipped_fonts(void)
{
    struct diag_list d;
    diag_list_init(&d);
    struct text_fonts *fonts = text_fonts_load("fonts/manifest.txt", &d);
    diag_list_print(&d, stderr);
    diag_list_fini(&d);
    return fonts;
}

bool shipped_load(struct text_fonts **fonts, struct exhibit **ex)
{
    struct diag_list d;
    diag_list_init(&d);
    *fonts = text_fonts_load("fonts/manifest.txt", &d);
    *ex = *fonts ? content_load("content", *fonts, &d) : NULL;
    diag_list_print(&d, stderr);
    diag_list_fini(&d);
    if (!*ex) {
        text_fonts_destroy(*fonts);
        *fonts = NULL;
    }
    return *ex != NULL;
}
