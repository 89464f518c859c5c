/* run_error.h: the kiosk when it cannot show the exhibit (no fonts, a
 * broken settings file): the error screen (ui/error_screen.h) instead of
 * a black one, until the service manager stops the kiosk.  It tells the
 * service manager it is up and keeps the watchdog fed, since the process
 * is healthy -- its inputs are not. */
#ifndef APP_RUN_ERROR_H
#define APP_RUN_ERROR_H

#include <stdbool.h>

#include <SDL.h>

/* Shows the error screen on `renderer` for a screen turned by `rotation`
 * degrees, redrawn when the window changes, until SDL quits (or, with
 * `windowed`, Escape is pressed); then returns CLI_FAIL. */
int run_error_screen(SDL_Renderer *renderer, bool windowed, int rotation);

#endif
