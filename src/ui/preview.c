/* preview.c: the content preview page (see preview.h).
 *
 * The page is a list of placed paragraphs (ui/textlist.h): each keeps its
 * layout, its position, its colour and the mentions to highlight behind
 * it.  Rows of
 * passages are added until the page is full. */
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "render/draw_text.h"
#include "text/layout.h"
#include "ui/preview.h"
#include "ui/textlist.h"
#include "ui/theme.h"

struct ui_preview {
    const struct text_fonts *fonts;
    struct ui_textlist text;
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
    ui_textlist_take(&p->text, 0);
}

void ui_preview_destroy(struct ui_preview *p)
{
    if (!p)
        return;
    ui_textlist_fini(&p->text);
    free(p);
}

/* Lays out `text` and places it; returns its height in px. */
static int place(struct ui_preview *p, const char *role, enum text_lang lang,
                 int size, int width, enum text_align align, int pct,
                 const char *text, size_t len, int x, int y, SDL_Color color,
                 const struct content_text *ct)
{
    struct text_layout *l = ui_text_lay(
        p->fonts, (struct ui_text_style){role, pct, TEXT_DIR_LANG}, lang,
        size, width, align, text, len);
    struct ui_text *t = ui_textlist_add(&p->text, l, x, y, color);
    if (!t)
        return 0;
    t->marks = ct;
    return text_layout_height_px(l);
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
    return ui_textlist_draw(&p->text, renderer, atlas, 0, p->text.count, 0,
                            0, 255, NULL);
}
