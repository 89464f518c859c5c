/* chrome.h: the bar on top of every screen but Attract -- Back and Home
 * at the reading edge with the screen's title after them, the language
 * choice (中文 | English | ئۇيغۇرچە, each in its own script, one segmented
 * control) and the text size (a small and a large "A", a control of its
 * own look) at the far edge.  Choosing Uyghur mirrors it.  Home shows
 * neither Back, Home nor a title.
 *
 * Every control is at least a touch target (9 mm) each way and at least
 * a target gap (2 mm) from the next, its label's capitals at the type
 * floor, so on a small panel the bar cannot be one row.  ui_chrome_set
 * measures and takes the first arrangement that fits the width, in this
 * order (UI_CHROME_FITS):
 *   1. one row: Back, Home, title ... languages, text size (with its label)
 *   2. the same without the text size's label
 *   3. the title on a row of its own below, text size with its label
 *   4. the same without the label
 *   5. the languages on a row of their own (only while the bar takes at
 *      most a quarter of the screen's height: tall portrait panels)
 *   6. a language button (the current language's name and a chevron) that
 *      opens a chooser headed "Choose language" (nav.language)
 *   7. the same with Home as a house drawn, not its word (larger text
 *      on the 7" panel: one row instead of two)
 *   8. with larger text only, the same with Back as a chevron drawn,
 *      not its word (Uyghur on the 7" panel: one row instead of two; the
 *      screen's title below says where Back is from)
 *   9. a language button with Back and Home on a row above the other
 *      controls
 *  10. the same with Home as a house.
 * The first that fits the width is taken (the languages' own row only
 * while the bar stays within a quarter of the screen or below the
 * chooser's height).
 * The arrangement is the same on every titled screen (it is fitted to the
 * longest title), so the content below keeps its place; Home's own
 * arrangement drops what it does not show.
 *
 * Owner: the caller; the chrome owns its buttons' and titles' layouts. */
#ifndef UI_CHROME_H
#define UI_CHROME_H

#include <stdbool.h>
#include <stddef.h>

#include <SDL.h>

#include "content/exhibit.h"
#include "render/atlas.h"
#include "ui/button.h"
#include "ui/theme.h"

#define UI_CHROME_TITLES 4   /* screens with a title */
#define UI_CHROME_TARGETS 8  /* the most controls at once */
#define UI_CHROME_FITS 10

/* How the languages are offered. */
enum ui_chrome_langs {
    UI_CHROME_LANGS_ROW,     /* segmented, in the bar's row */
    UI_CHROME_LANGS_OWN_ROW, /* segmented, a row of their own */
    UI_CHROME_LANGS_MENU,    /* a button that opens the chooser */
};

/* One arrangement of the bar's controls. */
struct ui_chrome_fit {
    bool title_inline;     /* the title in the controls' row */
    bool size_label;       /* "Larger text" beside the A A glyph */
    enum ui_chrome_langs langs;
    bool nav_own_row;      /* Back and Home on a row above the rest */
    bool home_icon;        /* Home drawn as a house, without its word */
    bool back_icon;        /* Back drawn as a chevron, without its word */
};

struct ui_chrome_title {
    struct text_layout *layout;
    SDL_Rect rect; /* where it is drawn */
    int natural_w; /* its width on one line */
    char id[32];   /* its string id */
};

struct ui_chrome {
    struct ui_button back, home, lang[TEXT_LANG_COUNT], menu_button, size;
    struct text_layout *glyph_small, *glyph_large; /* the size's A A */
    struct text_layout *size_label;                /* or NULL */
    SDL_Rect langs_track; /* around the segmented languages */
    struct ui_chrome_title title[UI_CHROME_TITLES];
    size_t titles;
    /* the chooser (UI_CHROME_LANGS_MENU) */
    bool menu_open;
    SDL_Rect menu_panel;
    struct text_layout *menu_heading;
    SDL_Point menu_heading_at;
    struct ui_button menu_row[TEXT_LANG_COUNT];
    /* what is shown */
    struct ui_chrome_fit fit;
    int fit_index;       /* its number in the list above, 1-based */
    int rows;            /* rows of controls and title on titled screens */
    bool nav;            /* Back, Home and a title (not Home) */
    int shown;           /* the title shown, or -1 */
    bool large_text;
    bool mirrored;       /* Uyghur: the bar reads from the right */
    int line;            /* outline thickness, px */
    int bottom;          /* where a titled screen's content may start */
    int home_bottom;     /* the same on Home */
    int home_up;         /* how far Home's controls stand higher */
    int applied_up;      /* how far they stand higher now */
};

/* Lays the bar out on the screen of `m` for the screens whose titles are
 * `title_ids` (string ids, at most UI_CHROME_TITLES), showing none yet
 * (Home's bar).  The chooser is closed. */
void ui_chrome_set(struct ui_chrome *c, const struct text_fonts *fonts,
                   const struct exhibit *ex, const struct ui_metrics *m,
                   const char *const *title_ids, size_t n);
/* Shows the screen whose title is `title_id` (Back, Home and the title),
 * or Home's bar (NULL).  Closes the chooser. */
void ui_chrome_show(struct ui_chrome *c, const char *title_id);
void ui_chrome_fini(struct ui_chrome *c);

/* The title's text on screen, or NULL. */
const struct text_layout *ui_chrome_title(const struct ui_chrome *c);

/* Opens or closes the language chooser (a no-op without one). */
void ui_chrome_menu(struct ui_chrome *c, bool open);

/* The id of the control under (x, y) ("nav:back", "nav:home",
 * "lang:zh", "nav:language", "nav:text-size"), or NULL.  While the
 * chooser is open only it and its button answer. */
const char *ui_chrome_hit(const struct ui_chrome *c, int x, int y);
/* The controls a finger can hit now, their touch areas: ids[i] and
 * rects[i]; the count. */
size_t ui_chrome_targets(const struct ui_chrome *c, const char **ids,
                         SDL_Rect *rects, size_t max);
/* Draws the bar (and the chooser over the screen when open). */
void ui_chrome_draw(const struct ui_chrome *c, SDL_Renderer *renderer,
                    struct atlas *atlas, const char *pressed_id);

/* The name of the arrangement in use ("one row", "title below", ...), for
 * the state dump. */
const char *ui_chrome_fit_name(const struct ui_chrome *c);

#endif
