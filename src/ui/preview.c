/* preview.c: the content preview page (see preview.h).
 *
 * The page is a list of placed paragraphs: each keeps its layout, its
 * position, its colour and the mentions to highlight behind it.  Rows of
 * passages are added until the page is full. */
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "render/draw_text.h"
#include "text/layout.h"
#include "ui/preview.h"
#include "ui/theme.h"

struct placed {
    struct text_layout *layout;
    int x, y;
    SDL_Color color;
    const struct content_text *text; /* mentions to highlight, or NULL */
};

struct ui_preview {
    const struct text_fonts *fonts;
    struct placed *items;
    size_t count, cap;
    int w, h;
    int rule_y;
};

struct ui_preview *ui_preview_create(const struct text_fonts *fonts)
{
    struct ui_preview *p = xcalloc(1, sizeof *p);
    p->fonts = fonts;
    return p;
}

static void clear(struct ui_preview *p)
{
    for (size_t i = 0; i < p->count; i++)
        text_layout_destroy(p->items[i].layout);
    p->count = 0;
}

void ui_preview_destroy(struct ui_preview *p)
{
    if (!p)
        return;
    clear(p);
    free(p->items);
    free(p);
}

/* Lays out `text` and places it; returns its height in px. */
static int place(struct ui_preview *p, const char *role, enum text_lang lang,
                 int size, int width, enum text_align align, int pct,
                 const char *text, size_t len, int x, int y, SDL_Color color,
                 const struct content_text *ct)
{
    const struct text_role *r = text_fonts_role(p->fonts, role);
    if (!r || width < 1)
        return 0;
    struct text_params tp = {.role = r, .lang = lang, .size_px = size,
                             .width_px = width, .align = align,
                             .line_height_pct = pct};
    struct text_layout *l = text_layout_create(p->fonts, &tp, text, len);
    if (!l)
        return 0;
    p->items = xgrow(p->items, &p->cap, p->count + 1, sizeof *p->items);
    p->items[p->count++] = (struct placed){l, x, y, color, ct};
    return (l->height + TEXT_ONE - 1) / TEXT_ONE;
}

static int place_str(struct ui_preview *p, const char *role,
                     enum text_lang lang, int size, int width,
                     enum text_align align, const char *s, int x, int y,
                     SDL_Color color)
{
    return place(p, role, lang, size, width, align, 0, s, strlen(s), x, y,
                 color, NULL);
}

void ui_preview_set(struct ui_preview *p, const struct exhibit *ex, int w,
                    int h)
{
    clear(p);
    p->w = w;
    p->h = h;
    p->rule_y = -1;
    if (!ex)
        return;
    const struct ui_palette *pal = ui_theme_palette();
    int margin = ui_theme_scale(64, h), gap = ui_theme_scale(48, h);
    int inner = w - 2 * margin;
    int y = ui_theme_scale(40, h);
    const struct content_settings *s = &ex->settings;
    y += place_str(p, "title", TEXT_LANG_ZH, ui_theme_scale(40, h), inner,
                   TEXT_ALIGN_CENTER, s->title[TEXT_LANG_ZH], margin, y,
                   pal->accent);
    y += place_str(p, "title", TEXT_LANG_EN, ui_theme_scale(28, h), inner,
                   TEXT_ALIGN_CENTER, s->title[TEXT_LANG_EN], margin, y,
                   pal->accent);
    y += place_str(p, "title", TEXT_LANG_UG, ui_theme_scale(30, h), inner,
                   TEXT_ALIGN_CENTER, s->title[TEXT_LANG_UG], margin, y,
                   pal->accent);
    y += place_str(p, "ui", TEXT_LANG_EN, ui_theme_scale(22, h), inner,
                   TEXT_ALIGN_CENTER, s->subtitle[TEXT_LANG_EN], margin, y,
                   pal->muted);
    y += ui_theme_scale(16, h);
    p->rule_y = y;
    y += ui_theme_scale(24, h);

    bool columns = w >= h;
    int col = columns ? (inner - gap) / 2 : inner;
    int body = ui_theme_scale(28, h), small = ui_theme_scale(24, h);
    for (uint32_t i = 0; i < ex->passage_count && y < h; i++) {
        const struct content_passage *ps = &ex->passages[i];
        const struct content_text *en = &ps->text[TEXT_LANG_EN];
        const struct content_text *zh = &ps->text[TEXT_LANG_ZH];
        const struct content_text *ug = &ps->text[TEXT_LANG_UG];
        int he = place(p, "body", TEXT_LANG_EN, body, col,
                       TEXT_ALIGN_JUSTIFY, 150, en->text, en->len, margin, y,
                       pal->ink, en);
        int hz = place(p, "body", TEXT_LANG_ZH, body, col,
                       TEXT_ALIGN_JUSTIFY, 170, zh->text, zh->len,
                       columns ? margin + col + gap : margin,
                       columns ? y : y + he + gap / 2, pal->ink, zh);
        y += columns ? (he > hz ? he : hz) : he + gap / 2 + hz;
        y += ui_theme_scale(8, h);
        y += place(p, "body", TEXT_LANG_UG, small, inner, TEXT_ALIGN_START,
                   0, ug->text, ug->len, margin, y, pal->muted, ug);
        y += ui_theme_scale(28, h);
    }
}

bool ui_preview_draw(struct ui_preview *p, SDL_Renderer *renderer,
                     struct atlas *atlas)
{
    const struct ui_palette *pal = ui_theme_palette();
    SDL_SetRenderDrawColor(renderer, pal->paper.r, pal->paper.g,
                           pal->paper.b, 255);
    SDL_RenderClear(renderer);
    if (p->rule_y >= 0) {
        SDL_SetRenderDrawColor(renderer, pal->rule.r, pal->rule.g,
                               pal->rule.b, 255);
        int m = ui_theme_scale(64, p->h);
        SDL_Rect r = {m, p->rule_y, p->w - 2 * m, p->h >= 1080 ? 2 : 1};
        SDL_RenderFillRect(renderer, &r);
    }
    bool ok = true;
    for (size_t i = 0; i < p->count; i++) {
        const struct placed *it = &p->items[i];
        if (it->text)
            for (uint32_t m = 0; m < it->text->mention_count; m++)
                render_text_range(renderer, it->layout,
                                  it->text->mentions[m].start,
                                  it->text->mentions[m].end, it->x, it->y,
                                  pal->highlight);
        ok &= render_text_layout(renderer, atlas, it->layout, it->x, it->y,
                                 it->color);
    }
    return ok;
}
