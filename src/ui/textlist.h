/* textlist.h: placed text -- the one record for "a laid-out paragraph at
 * a position in a colour" (with, optionally, byte ranges highlighted
 * behind it), and the one way a screen, card, panel or overlay lays out
 * a paragraph in a named style.
 *
 * A list owns its layouts: ui_textlist_add takes one (NULL adds nothing),
 * ui_textlist_take gives the last ones back, ui_textlist_fini destroys
 * them.  Drawing never lays out.  Caller's storage, zeroed. */
#ifndef UI_TEXTLIST_H
#define UI_TEXTLIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <SDL.h>

#include "content/exhibit.h"
#include "render/atlas.h"
#include "text/font.h"
#include "text/layout.h"

/* How a paragraph is laid out: the font role, the line pitch (% of the
 * size; 0: the role's own) and the paragraph direction (0, TEXT_DIR_LANG:
 * the language's). */
struct ui_text_style {
    const char *role;
    int line_pct;
    enum text_dir dir;
};

/* Lays out `len` bytes of `text` in `style` at `size` px in a box `width`
 * wide; NULL if the role is missing or the box is empty. */
struct text_layout *ui_text_lay(const struct text_fonts *fonts,
                                struct ui_text_style style,
                                enum text_lang lang, int size, int width,
                                enum text_align align, const char *text,
                                size_t len);

struct ui_text {
    struct text_layout *layout;
    int x, y; /* the layout box's top left */
    SDL_Color color;
    /* highlighted behind the text: the mentions of `marks`, or the bytes
     * [hl_start, hl_end) */
    const struct content_text *marks;
    uint32_t hl_start, hl_end;
};

struct ui_textlist {
    struct ui_text *items;
    size_t count, cap;
};

/* Places `layout` (owned from here) at (x, y); returns the new item, or
 * NULL when layout is NULL. */
struct ui_text *ui_textlist_add(struct ui_textlist *l,
                                struct text_layout *layout, int x, int y,
                                SDL_Color color);
/* Destroys the items from `count` on (takes them back). */
void ui_textlist_take(struct ui_textlist *l, size_t count);
void ui_textlist_fini(struct ui_textlist *l);

/* Draws items [from, to) shifted by (dx, dy), with `alpha` replacing each
 * colour's, skipping those wholly outside `clip` (NULL: none); false if a
 * glyph could not be drawn. */
bool ui_textlist_draw(const struct ui_textlist *l, SDL_Renderer *renderer,
                      struct atlas *atlas, size_t from, size_t to, int dx,
                      int dy, Uint8 alpha, const SDL_Rect *clip);

#endif
