/* text_log.h: what text a frame drew, where, how large and in what
 * colour -- the display list's proof, for the state dump and the
 * accessibility audit (tests/test_audit.c).
 *
 * While a log is attached to an atlas (atlas_set_text_log), every
 * render_text_layout call appends one record, in screen coordinates (the
 * viewport's offset added, the clip rectangle noted).  Each record keeps a
 * probe: the drawn bitmap box of the first glyph whose ink height stands
 * for the size a reader sees -- a Latin capital without descender or
 * overshoot beyond the baseline (not J or Q), or the tallest alef (an
 * isolated one: Naskh's joined alef is shorter) --
 * so its height can be measured on the picture.  Nothing is recorded when
 * no log is attached (the kiosk's own loop). */
#ifndef RENDER_TEXT_LOG_H
#define RENDER_TEXT_LOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <SDL.h>

#include "text/layout.h"

#define RENDER_TEXT_LOG_EXCERPT 64

struct render_text_record {
    SDL_Rect box;      /* the layout's box on screen */
    SDL_Rect clip;     /* the clip in force (the screen when none) */
    SDL_Rect probe;    /* the probe glyph's bitmap on screen; w = 0: none */
    uint32_t probe_cp; /* its character */
    int size_px;
    enum text_lang lang;
    char role[16];
    SDL_Color color;
    char text[RENDER_TEXT_LOG_EXCERPT]; /* the start, whole characters */
    bool covered; /* a scrim or panel drawn over it since */
};

/* Owner: the caller (init/fini on its storage). */
struct render_text_log {
    struct render_text_record *items;
    size_t count, cap;
};

void render_text_log_init(struct render_text_log *log);
void render_text_log_fini(struct render_text_log *log);
/* Forgets the records (a new frame). */
void render_text_log_clear(struct render_text_log *log);
/* Appends a record of `layout` drawn at (x, y) in `vp` (the viewport) with
 * `clip` (NULL: none) in `color`; `probe`: the probe glyph's box relative
 * to the viewport (w = 0: none) and its character. */
void render_text_log_add(struct render_text_log *log,
                         const struct text_layout *layout, int x, int y,
                         SDL_Rect vp, const SDL_Rect *clip, SDL_Color color,
                         SDL_Rect probe, uint32_t probe_cp);
/* Marks the records drawn so far as covered (a modal's scrim over the
 * screen): NULL log is a no-op, NULL rect the whole screen, else the
 * records whose box meets `rect`. */
void render_text_log_cover(struct render_text_log *log, const SDL_Rect *rect);
/* True for a character whose ink height is the probe's (see above). */
bool render_text_log_probe_char(uint32_t cp);
/* True when the alef at byte `at` of `text` stands alone: the letter
 * before it (if any) does not join to the left (Unicode's joining type is
 * not dual), so the alef takes its isolated, tallest form. */
bool render_text_log_alef_alone(const char *text, uint32_t at);
/* The records as a JSON array. */
void render_text_log_write_json(const struct render_text_log *log, FILE *f);

#endif
