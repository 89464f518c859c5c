/* theme.h: the exhibit's colours and sizes, one place for every screen.
 *
 * Text colours keep at least 7:1 contrast against the paper (museum body
 * text); tests/test_specimen.c checks it.  Sizes scale with the screen
 * height, 1080 px being the reference. */
#ifndef UI_THEME_H
#define UI_THEME_H

#include <SDL.h>

struct ui_palette {
    SDL_Color paper;     /* background */
    SDL_Color ink;       /* body text */
    SDL_Color accent;    /* titles */
    SDL_Color muted;     /* captions, summaries */
    SDL_Color rule;      /* hairlines; not text */
    SDL_Color highlight; /* behind place mentions; not text */
    SDL_Color panel;     /* curator overlay background */
    SDL_Color panel_ink; /* curator overlay text */
    SDL_Color alert;     /* curator overlay heading */
};

/* Borrowed, static. */
const struct ui_palette *ui_theme_palette(void);

/* px at 1080 p, scaled to a screen `h` pixels high (at least 1). */
int ui_theme_scale(int px, int h);

#endif
