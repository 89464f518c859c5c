/* fonts.c: the font manifest as a mode loads it. */
#include <stdio.h>

#include "app/fonts.h"
#include "app/settings.h"
#include "core/diag.h"

struct text_fonts *app_fonts_load(const struct app_settings *settings)
{
    struct diag_list diags;
    diag_list_init(&diags);
    struct text_fonts *fonts = text_fonts_load(settings->fonts_manifest,
                                               &diags);
    diag_list_print(&diags, stderr);
    diag_list_fini(&diags);
    return fonts;
}
