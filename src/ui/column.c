/* column.c: a column of laid-out paragraphs, and text drawn inside a
 * scrolling view (see column.h).
 *
 * A layout inside a view is drawn in at most three passes: the band of its
 * lines wholly inside (clipped to the view, and to the band where a cut
 * line is next to it), then each line the view's edge cuts, clipped to
 * what shows of its line box and faded.  Lines tile the layout from top to
 * bottom, so there is at most one cut line at each edge. */
#include <stdlib.h>
#include <string.h>

#include "render/draw_text.h"
#include "ui/column.h"
#include "ui/theme.h"

void ui_column_init(struct ui_column *c, const struct text_fonts *fonts,
                    SDL_Rect area)
{
    memset(c, 0, sizeof *c);
    c->fonts = fonts;
    c->area = area;
}

void ui_column_fini(struct ui_column *c)
{
    ui_textlist_fini(&c->text);
    memset(c, 0, sizeof *c);
}

int ui_column_add(struct ui_column *c, const char *role, enum text_lang lang,
                  int size, enum text_align align, int line_pct,
                  const char *text, SDL_Color color, int gap_before)
{
    if (!text)
        return 0;
    struct text_layout *l = ui_text_lay(
        c->fonts, (struct ui_text_style){role, line_pct, TEXT_DIR_LANG}, lang,
        size, c->area.w, align, text, strlen(text));
    int y = c->height + gap_before;
    if (!ui_textlist_add(&c->text, l, 0, y, color))
        return 0;
    int h = text_layout_height_px(l);
    c->height = y + h;
    return h;
}

float ui_column_max_offset(const struct ui_column *c)
{
    int max = c->height - c->area.h;
    return max > 0 ? (float)max : 0;
}

void ui_column_draw(const struct ui_column *c, SDL_Renderer *r,
                    struct atlas *atlas, Uint8 alpha)
{
    ui_column_draw_range(c, r, atlas, 0, c->text.count, alpha);
}

void ui_column_draw_range(const struct ui_column *c, SDL_Renderer *r,
                          struct atlas *atlas, size_t from, size_t to,
                          Uint8 alpha)
{
    SDL_Color hl = ui_theme_palette()->highlight;
    int dy = c->area.y - (int)c->offset;
    for (size_t i = from; i < to && i < c->text.count; i++) {
        const struct ui_text *t = &c->text.items[i];
        SDL_Color ink = t->color;
        ink.a = alpha;
        ui_view_draw_text(r, atlas, t->layout, c->area.x + t->x, dy + t->y,
                          ink, t->marks, hl, c->area);
    }
}

/* ---- text inside a view ------------------------------------------------- */

int ui_view_bar_room(const struct ui_metrics *m)
{
    int bar = ui_mm(m, UI_VIEW_BAR_MM);
    return (bar < 3 ? 3 : bar) + m->gap_s;
}

double ui_view_line_shown(int top, int bottom, int view_top, int view_bottom)
{
    if (bottom <= top)
        return 0;
    int a = top > view_top ? top : view_top;
    int b = bottom < view_bottom ? bottom : view_bottom;
    return b > a ? (double)(b - a) / (double)(bottom - top) : 0;
}

Uint8 ui_view_line_alpha(Uint8 alpha, double shown)
{
    if (shown >= 1)
        return alpha;
    if (shown <= 0)
        return 0;
    /* Fourth power: a line nine tenths in shows at two thirds (its cut
     * edge under the scroll hint's fade), half cut at a sixteenth, one
     * barely entering not at all. */
    double f = shown * shown;
    return (Uint8)((double)alpha * f * f + 0.5);
}

static void set_clip(SDL_Renderer *r, SDL_Rect c)
{
    if (c.w < 0)
        c.w = 0;
    if (c.h < 0)
        c.h = 0;
    SDL_RenderSetClipRect(r, &c);
}

static void draw_pass(SDL_Renderer *r, struct atlas *atlas,
                      const struct text_layout *l, int x, int y,
                      SDL_Color ink, const struct content_text *marks,
                      SDL_Color mark, SDL_Rect clip, double shown)
{
    if (clip.w <= 0 || clip.h <= 0)
        return;
    set_clip(r, clip);
    if (marks) {
        SDL_Color m = mark;
        m.a = ui_view_line_alpha(mark.a, shown);
        for (uint32_t k = 0; m.a && k < marks->mention_count; k++)
            render_text_range(r, l, marks->mentions[k].start,
                              marks->mentions[k].end, x, y, m);
    }
    ink.a = ui_view_line_alpha(ink.a, shown);
    if (ink.a)
        render_text_layout(r, atlas, l, x, y, ink);
}

void ui_view_draw_text(SDL_Renderer *r, struct atlas *atlas,
                       const struct text_layout *l, int x, int y,
                       SDL_Color ink, const struct content_text *marks,
                       SDL_Color mark, SDL_Rect view)
{
    if (!l || l->line_count == 0)
        return;
    int vtop = view.y, vbot = view.y + view.h;
    int h = text_layout_height_px(l);
    /* Ink may reach a little outside the box (marks, tall capitals):
     * skip a layout only when it is well outside. */
    if (y + h + l->params.size_px < vtop || y - l->params.size_px > vbot)
        return;
    SDL_Rect old;
    SDL_bool had = SDL_RenderIsClipEnabled(r);
    SDL_RenderGetClipRect(r, &old);
    int first = -1, last = -1; /* the lines wholly inside */
    for (uint32_t i = 0; i < l->line_count; i++) {
        const struct text_line *ln = &l->lines[i];
        int top = y + render_round26(ln->top);
        int bot = y + render_round26(ln->top + ln->height);
        double shown = ui_view_line_shown(top, bot, vtop, vbot);
        if (shown >= 1) {
            if (first < 0)
                first = (int)i;
            last = (int)i;
        } else if (shown > 0) {
            int a = top > vtop ? top : vtop, b = bot < vbot ? bot : vbot;
            draw_pass(r, atlas, l, x, y, ink, marks, mark,
                      (SDL_Rect){view.x, a, view.w, b - a}, shown);
        }
    }
    if (first >= 0) {
        /* The band of whole lines; where no cut line of this layout is
         * next to it, up to the view's edge, so ink beyond the first or
         * last line box is kept. */
        const struct text_line *f = &l->lines[first], *e = &l->lines[last];
        int a = first == 0 ? vtop : y + render_round26(f->top);
        int b = last + 1 == (int)l->line_count
                    ? vbot
                    : y + render_round26(e->top + e->height);
        if (a < vtop)
            a = vtop;
        if (b > vbot)
            b = vbot;
        draw_pass(r, atlas, l, x, y, ink, marks, mark,
                  (SDL_Rect){view.x, a, view.w, b - a}, 1);
    }
    SDL_RenderSetClipRect(r, had ? &old : NULL);
}
