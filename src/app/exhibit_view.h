/* exhibit_view.h: what the exhibit window shows today -- the content
 * preview of the last good exhibit, with the curator overlay when the
 * latest content did not load.  Shared by `kiosk` (a window) and
 * `kiosk render --page preview` (headless), so both show the same thing.
 *
 * Owner: the caller; the view owns its exhibit, the last diagnostics, the
 * preview and the overlay, and borrows the fonts. */
#ifndef APP_EXHIBIT_VIEW_H
#define APP_EXHIBIT_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include <SDL.h>

#include "content/exhibit.h"
#include "core/diag.h"
#include "render/atlas.h"
#include "text/font.h"

struct exhibit_view;

struct exhibit_view *exhibit_view_create(const struct text_fonts *fonts,
                                         const char *content_dir);
void exhibit_view_destroy(struct exhibit_view *view);

/* Loads the content folder again.  Valid content replaces the shown
 * exhibit; invalid content keeps it and shows why.  Returns true if the
 * new content was taken.  The diagnostics of the attempt are kept. */
bool exhibit_view_reload(struct exhibit_view *view);

/* A load done elsewhere (off the main loop): the result of content_load
 * for this view's folder and its diagnostics.  Loading is the slow part;
 * taking the result is a pointer swap. */
struct exhibit_load {
    struct exhibit *exhibit; /* NULL if the content was not valid */
    struct diag_list diags;
};

/* Loads the view's folder, or `dir` if not NULL, into *out (any thread:
 * reads only the fonts). */
void exhibit_view_load(const struct exhibit_view *view, const char *dir,
                       struct exhibit_load *out);
/* Takes a finished load (main thread); true if new content was taken.
 * *load is emptied. */
bool exhibit_view_take(struct exhibit_view *view, struct exhibit_load *load);
/* Frees a load on the heap (malloc'd), taken or not: its exhibit, its
 * diagnostics and itself.  NULL is a no-op. */
void exhibit_load_free(struct exhibit_load *load);

/* The diagnostics of the last load (borrowed until the next reload). */
const struct diag_list *exhibit_view_diags(const struct exhibit_view *view);
bool exhibit_view_has_exhibit(const struct exhibit_view *view);

/* The last good exhibit (borrowed until the next successful reload), or
 * NULL. */
const struct exhibit *exhibit_view_exhibit(const struct exhibit_view *view);

/* Whether the curator overlay (why the latest content was refused) is
 * drawn: on by default, for the curator's window and `kiosk render`; off
 * in kiosk mode, where visitors must only ever see the last good exhibit
 * and staff read the problem in the panel, the log and the status.  With
 * no good exhibit at all the overlay is drawn either way (a technician is
 * needed, and a dark screen would say nothing). */
void exhibit_view_set_curator(struct exhibit_view *view, bool shown);

/* One line for staff on the last load, if it failed: how many errors in
 * which folder, the first one as FILE:LINE:COLUMN: MESSAGE, and what is
 * shown instead.  Empty ("") if the last load succeeded. */
void exhibit_view_problem(const struct exhibit_view *view, char *out,
                          size_t size);

/* Draws only the curator overlay (when the last load failed). */
void exhibit_view_draw_overlay(struct exhibit_view *view,
                               SDL_Renderer *renderer, struct atlas *atlas);

/* Lays the overlay out for a w x h screen (call after a reload or a
 * resize). */
void exhibit_view_layout(struct exhibit_view *view, int w, int h);
/* Draws the content preview (`kiosk render --page preview`; laid out here,
 * the first time it is drawn after a layout -- the window never draws it)
 * and the overlay. */
bool exhibit_view_draw(struct exhibit_view *view, SDL_Renderer *renderer,
                       struct atlas *atlas);

#endif
