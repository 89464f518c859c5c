/* fonts.h: loading the font manifest for a mode, errors printed for the
 * person at the terminal. */
#ifndef APP_FONTS_H
#define APP_FONTS_H

#include "app/cli.h"
#include "text/font.h"

/* Loads common->fonts_manifest; on failure prints every diagnostic to
 * stderr and returns NULL. */
struct text_fonts *app_fonts_load(const struct cli_common *common);

#endif
