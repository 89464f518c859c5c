/* fonts.h: loading the font manifest for a mode, errors printed for the
 * person at the terminal. */
#ifndef APP_FONTS_H
#define APP_FONTS_H

#include "app/settings.h"
#include "text/font.h"

/* Loads settings->fonts_manifest; on failure prints every diagnostic to
 * stderr and returns NULL. */
struct text_fonts *app_fonts_load(const struct app_settings *settings);

#endif
