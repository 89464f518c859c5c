/* exhibit_view.c: the last good exhibit and why a newer one was refused. */
#include <stdio.h>
#include <stdlib.h>

#include "app/exhibit_view.h"
#include "core/log.h"
#include "core/xalloc.h"
#include "ui/diag_overlay.h"
#include "ui/preview.h"

struct exhibit_view {
    const struct text_fonts *fonts;
    const char *dir;
    struct exhibit *exhibit; /* last good, or NULL */
    struct diag_list diags;  /* of the last attempt */
    struct ui_preview *preview;
    struct ui_diag_overlay *overlay;
    bool curator; /* the overlay is drawn */
    int w, h;
    bool preview_stale; /* laid out only when drawn (kiosk render) */
};

struct exhibit_view *exhibit_view_create(const struct text_fonts *fonts,
                                         const char *content_dir)
{
    struct exhibit_view *v = xcalloc(1, sizeof *v);
    v->fonts = fonts;
    v->dir = content_dir;
    diag_list_init(&v->diags);
    v->preview = ui_preview_create(fonts);
    v->overlay = ui_diag_overlay_create(fonts);
    v->curator = true;
    return v;
}

void exhibit_view_destroy(struct exhibit_view *v)
{
    if (!v)
        return;
    ui_preview_destroy(v->preview);
    ui_diag_overlay_destroy(v->overlay);
    content_destroy(v->exhibit);
    diag_list_fini(&v->diags);
    free(v);
}

void exhibit_view_load(const struct exhibit_view *v, const char *dir,
                       struct exhibit_load *o)
{
    diag_list_init(&o->diags);
    o->exhibit = content_load(dir ? dir : v->dir, v->fonts, &o->diags);
}

bool exhibit_view_take(struct exhibit_view *v, struct exhibit_load *load)
{
    struct exhibit *ex = load->exhibit;
    struct diag_list d = load->diags;
    load->exhibit = NULL;
    diag_list_init(&load->diags);
    diag_list_fini(&v->diags);
    v->diags = d;
    if (ex) {
        content_destroy(v->exhibit);
        v->exhibit = ex;
        log_info("app", "content loaded from %s (%zu warnings)", v->dir,
                 d.warnings);
    } else {
        log_warn("app", "content in %s not loaded: %zu errors; %s", v->dir,
                 d.errors, v->exhibit ? "keeping the last good exhibit"
                                      : "nothing to show yet");
    }
    if (v->w > 0)
        exhibit_view_layout(v, v->w, v->h);
    return ex != NULL;
}

void exhibit_load_free(struct exhibit_load *load)
{
    if (!load)
        return;
    content_destroy(load->exhibit);
    diag_list_fini(&load->diags);
    free(load);
}

bool exhibit_view_reload(struct exhibit_view *v)
{
    struct exhibit_load load;
    exhibit_view_load(v, NULL, &load);
    return exhibit_view_take(v, &load);
}

const struct diag_list *exhibit_view_diags(const struct exhibit_view *v)
{
    return &v->diags;
}

bool exhibit_view_has_exhibit(const struct exhibit_view *v)
{
    return v->exhibit != NULL;
}

void exhibit_view_layout(struct exhibit_view *v, int w, int h)
{
    v->w = w;
    v->h = h;
    v->preview_stale = true; /* the window never draws it */
    ui_diag_overlay_set(v->overlay, &v->diags, v->exhibit != NULL, w, h);
}

bool exhibit_view_draw(struct exhibit_view *v, SDL_Renderer *r,
                       struct atlas *atlas)
{
    if (v->preview_stale)
        ui_preview_set(v->preview, v->exhibit, v->w, v->h);
    v->preview_stale = false;
    bool ok = ui_preview_draw(v->preview, r, atlas);
    exhibit_view_draw_overlay(v, r, atlas);
    return ok;
}

void exhibit_view_set_curator(struct exhibit_view *v, bool shown)
{
    v->curator = shown;
}

void exhibit_view_problem(const struct exhibit_view *v, char *out,
                          size_t size)
{
    if (size == 0)
        return;
    out[0] = '\0';
    if (v->diags.errors == 0) /* content_load fails exactly on an error */
        return;
    const struct diag *first = NULL;
    for (size_t i = 0; i < v->diags.count && !first; i++)
        if (v->diags.items[i].severity == DIAG_ERROR)
            first = &v->diags.items[i];
    int n = snprintf(out, size, "the content in %s did not load (%zu "
                     "error%s", v->dir, v->diags.errors,
                     v->diags.errors == 1 ? "" : "s");
    if (first && n >= 0 && (size_t)n < size)
        n += snprintf(out + n, size - (size_t)n, "; the first: %s:%u:%u: %s",
                      first->path, first->line, first->column,
                      first->message);
    if (n >= 0 && (size_t)n < size)
        snprintf(out + n, size - (size_t)n, "); %s",
                 v->exhibit ? "the last good exhibit is shown"
                            : "nothing loaded yet to show");
}

const struct exhibit *exhibit_view_exhibit(const struct exhibit_view *v)
{
    return v->exhibit;
}

void exhibit_view_draw_overlay(struct exhibit_view *v, SDL_Renderer *r,
                               struct atlas *atlas)
{
    if (v->curator || !v->exhibit) /* with nothing to show, say why */
        ui_diag_overlay_draw(v->overlay, r, atlas);
}
