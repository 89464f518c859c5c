/* error_screen.h: what the kiosk shows when it cannot show the exhibit --
 * no fonts, or a broken settings file: an amber screen with a large
 * warning sign, so staff see at a glance that the kiosk needs a
 * technician (the journal says why).  Drawn with shapes only: it must work
 * when no font could be loaded. */
#ifndef UI_ERROR_SCREEN_H
#define UI_ERROR_SCREEN_H

#include <SDL.h>

void ui_error_screen_draw(SDL_Renderer *renderer, int w, int h);

#endif
