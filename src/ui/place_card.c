/* place_card.c: the place card (see place_card.h).
 *
 * Two parts: the pinned header (the close control and, when it is short
 * enough to pin, the name in the interface's language) in screen
 * coordinates, and the body -- the count, the passage rows, the name in
 * the other two languages, the note -- placed in screen coordinates as
 * they are at offset 0 and drawn shifted up by the offset, clipped to the
 * view.  Rows are as many as the passages that mention the place (no
 * fixed limit); a row's snippet is cut shorter until it fits its lines
 * (about half the view at most), never the row itself. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/mentions.h"
#include "core/xalloc.h"
#include "render/draw_text.h"
#include "text/layout.h"
#include "ui/action.h"
#include "ui/button.h"
#include "ui/format.h"
#include "ui/place_card.h"
#include "ui/scroll_hint.h"
#include "ui/textlist.h"
#include "ui/theme.h"

struct card_row {
    uint32_t passage;
    char id[UI_CARD_ID_MAX];
    SDL_Rect rect; /* the touch area at offset 0 */
};

struct ui_place_card {
    const struct text_fonts *fonts;
    const struct exhibit *ex;
    struct ui_metrics m;
    int place;          /* laid out, or -1 */
    SDL_Rect panel;     /* the map page's box */
    SDL_Rect view;      /* the scrolled part */
    struct ui_textlist head; /* the pinned title */
    struct ui_textlist body; /* at offset 0 */
    struct ui_button close;
    bool close_scrolls; /* no room to pin it: it scrolls with the body */
    struct text_layout *chevron; /* one, drawn on every row */
    int chevron_x, chevron_h;
    struct card_row *rows;
    size_t row_count;
    SDL_Rect *rules; /* hairlines: [0] under the header, then the body's */
    size_t rule_count, rule_cap;
    int content_h; /* of the body */
    float offset;
    char pressed[UI_CARD_ID_MAX];
    char heading[256];
};

struct ui_place_card *ui_place_card_create(const struct text_fonts *fonts)
{
    struct ui_place_card *c = xcalloc(1, sizeof *c);
    c->fonts = fonts;
    c->place = -1;
    return c;
}

static void clear(struct ui_place_card *c)
{
    ui_textlist_take(&c->head, 0);
    ui_textlist_take(&c->body, 0);
    ui_button_fini(&c->close);
    c->close_scrolls = false;
    text_layout_destroy(c->chevron);
    c->chevron = NULL;
    free(c->rows);
    c->rows = NULL;
    c->row_count = 0;
    c->rule_count = 0;
    c->content_h = 0;
    c->view = (SDL_Rect){0, 0, 0, 0};
    c->heading[0] = '\0';
}

void ui_place_card_destroy(struct ui_place_card *c)
{
    if (!c)
        return;
    clear(c);
    ui_textlist_fini(&c->head);
    ui_textlist_fini(&c->body);
    free(c->rules);
    free(c);
}

static void add_rule(struct ui_place_card *c, SDL_Rect r)
{
    c->rules = xgrow(c->rules, &c->rule_cap, c->rule_count + 1,
                     sizeof *c->rules);
    c->rules[c->rule_count++] = r;
}

/* Lays out text so that it lines up with the card's reading edge, whatever
 * the text's own direction. */
static struct text_layout *lay(struct ui_place_card *c, const char *role,
                               enum text_lang lang, int size, int width,
                               const char *text)
{
    return ui_text_lay(c->fonts,
                       (struct ui_text_style){role, UI_LINE_PCT_CARD,
                                              TEXT_DIR_LANG},
                       lang, size, width, ui_align_start(&c->m, lang), text,
                       text ? strlen(text) : 0);
}

/* Places a paragraph in `list`; returns its height (0 for none). */
static int place(struct ui_textlist *list, struct text_layout *l, int x,
                 int y, SDL_Color color)
{
    return ui_textlist_add(list, l, x, y, color) ? text_layout_height_px(l)
                                                 : 0;
}

/* The passage's words around the mention: enough context to recognise the
 * passage (about 30 characters of Latin or Arabic script, 16 of Chinese)
 * in as few lines as that takes at this width, at most `max_lines`; cut
 * shorter until it fits them.  The mention's bytes in the snippet in *hs,
 * *he. */
static struct text_layout *snippet(struct ui_place_card *c,
                                   const struct exhibit *ex,
                                   const struct content_mention_ref *ref,
                                   int size, int w, uint32_t max_lines,
                                   size_t *hs, size_t *he)
{
    enum text_lang lang = c->m.lang;
    const struct content_text *t = &ex->passages[ref->passage].text[lang];
    const struct content_mention *mention = &t->mentions[ref->first];
    bool han = lang == TEXT_LANG_ZH;
    size_t per_line = han ? (size_t)w / (size_t)size
                          : (size_t)w * 2 / (size_t)size;
    size_t want = han ? 16 : 30;
    if (per_line < 1)
        per_line = 1;
    uint32_t lines = (uint32_t)((want + per_line - 1) / per_line);
    if (lines < 1)
        lines = 1;
    if (lines > max_lines)
        lines = max_lines;
    size_t chars = per_line * lines;
    if (chars > 90)
        chars = 90;
    struct text_layout *l = NULL;
    for (;; chars = chars * 5 / 6) {
        char snip[1024];
        content_snippet(t, mention, chars, snip, sizeof snip, hs, he);
        text_layout_destroy(l);
        l = lay(c, "body", lang, size, w, snip);
        if (!l || l->line_count <= lines || chars <= 6)
            break;
    }
    return l;
}

/* The header: the close control at the far edge and, pinned beside it,
 * the name in the interface's language at the reading edge (a name of
 * more than two lines steps down a size).  A name taller than the control
 * and than a quarter of the card (a small panel, larger text) goes to the
 * top of the scrolled body instead (*title).  Returns the header's
 * bottom. */
static int set_header(struct ui_place_card *c, const struct content_place *pl,
                      SDL_Rect inner, struct text_layout **title)
{
    const struct ui_metrics *m = &c->m;
    const struct ui_palette *pal = ui_theme_palette();
    /* A target and a little more, or the reader's toggle where that is
     * larger: the corner a visitor reaches for. */
    int side = m->target + ui_mm(m, 1.0);
    if (side < m->toggle_h)
        side = m->toggle_h;
    /* The cross is type like any other: on the text floor, and the box
     * grows round it (larger text grows the control too). */
    int glyph = side * 2 / 3;
    if (glyph < ui_text_px(m, m->type.label))
        glyph = ui_text_px(m, m->type.label);
    if (side < glyph * 5 / 4)
        side = glyph * 5 / 4;
    SDL_Rect box = {ui_end_x(m, inner, side), inner.y, side, side};
    ui_button_place(&c->close, c->fonts, ui_action_id(UI_ACTION_CARD_CLOSE),
                    "\xc3\x97" /* × */, TEXT_LANG_EN, glyph, box,
                    UI_BUTTON_PLAIN);
    int tw = inner.w - side - m->gap_s;
    int size = ui_text_px(m, m->type.heading);
    struct text_layout *t = lay(c, "title", m->lang, size, tw,
                                pl->name[m->lang]);
    if (t && t->line_count > 2) {
        text_layout_destroy(t);
        size = ui_text_px(m, m->type.lead);
        t = lay(c, "title", m->lang, size, tw, pl->name[m->lang]);
    }
    int th = text_layout_height_px(t);
    int h = th > side ? th : side;
    if (th > side && h > inner.h / 4) { /* scrolled, at full width */
        text_layout_destroy(t);
        *title = lay(c, "title", m->lang, size, inner.w, pl->name[m->lang]);
        return inner.y + side;
    }
    *title = NULL;
    SDL_Rect text_box = {inner.x, inner.y, inner.w, h};
    place(&c->head, t, ui_start_x(m, text_box, tw), inner.y + (h - th) / 2,
          pal->accent);
    c->close.rect.y = inner.y + (h - side) / 2;
    return inner.y + h;
}

/* Where a row's text goes: beside the chevron, from the reading edge. */
struct row_box {
    SDL_Rect inner;   /* the card's text column */
    int text_x, text_w;
    const char *caption; /* "Read this passage" on every row, or NULL */
};

/* The chevron, pointing the reading way (laid left-to-right, so it is
 * never mirrored twice); fills in the rows' text box. */
static struct row_box set_chevron(struct ui_place_card *c, SDL_Rect inner)
{
    const struct ui_metrics *m = &c->m;
    bool mirrored = ui_metrics_mirrored(m);
    c->chevron = ui_text_lay(c->fonts,
                             (struct ui_text_style){"ui", UI_LINE_PCT_UI,
                                                    TEXT_DIR_LTR},
                             TEXT_LANG_EN, ui_text_px(m, m->type.heading),
                             4096, TEXT_ALIGN_START,
                             mirrored ? "\xe2\x80\xb9" : "\xe2\x80\xba", 3);
    int cw = c->chevron ? text_layout_width_px(c->chevron) : 0;
    c->chevron_h = c->chevron ? text_layout_height_px(c->chevron) : 0;
    c->chevron_x = ui_end_x(m, inner, cw);
    struct row_box b = {inner, 0, inner.w - cw - m->gap_s, NULL};
    b.text_x = ui_start_x(m, inner, b.text_w);
    return b;
}

/* One row per passage: its snippet, the caption under it (if any) and the
 * chevron at the far edge.  A row is at least a list row tall and at most
 * about half the view, so each is wholly in sight at some offset.
 * Returns the bottom of the last. */
static int set_rows(struct ui_place_card *c, const struct exhibit *ex,
                    const struct content_mention_ref *refs, size_t n, int y,
                    const struct row_box *b)
{
    const struct ui_metrics *m = &c->m;
    const struct ui_palette *pal = ui_theme_palette();
    SDL_Rect v = c->view;
    int vpad = m->gap_s;
    int body = ui_text_px(m, m->type.lead), small = ui_text_px(m, m->type.label);
    int line = body * UI_LINE_PCT_CARD / 100;
    int cap_h = b->caption ? small * UI_LINE_PCT_CARD / 100 : 0;
    int room = v.h / 2 - 2 * vpad - cap_h;
    uint32_t max_lines = room > line ? (uint32_t)(room / line) : 1;
    c->rows = xcalloc(n ? n : 1, sizeof *c->rows);
    add_rule(c, (SDL_Rect){b->inner.x, y, b->inner.w, 1});
    for (size_t i = 0; i < n; i++) {
        size_t hs = 0, he = 0;
        struct text_layout *s = snippet(c, ex, &refs[i], body, b->text_w,
                                        max_lines, &hs, &he);
        struct text_layout *o =
            b->caption ? lay(c, "ui", m->lang, small, b->text_w, b->caption)
                       : NULL;
        int sh = text_layout_height_px(s), oh = text_layout_height_px(o);
        int h = sh + oh + 2 * vpad;
        if (h < m->list_row) /* rows of one list may touch */
            h = m->list_row;
        int ty = y + (h - sh - oh) / 2;
        struct ui_text *t = ui_textlist_add(&c->body, s, b->text_x, ty,
                                            pal->ink);
        if (t) {
            t->hl_start = (uint32_t)hs;
            t->hl_end = (uint32_t)he;
        }
        place(&c->body, o, b->text_x, ty + sh, pal->muted);
        struct card_row *r = &c->rows[c->row_count++];
        r->passage = refs[i].passage;
        snprintf(r->id, sizeof r->id, "passage:%s",
                 ex->passages[refs[i].passage].id);
        r->rect = (SDL_Rect){v.x, y, v.w, h};
        y += h;
        add_rule(c, (SDL_Rect){b->inner.x, y - 1, b->inner.w, 1});
    }
    return y;
}

/* The count heading, filled in (c->heading), and the list's hint: "Read
 * this passage" goes on every row when it fits a row's line, else once,
 * under the heading.  Returns the bottom. */
static int set_heading(struct ui_place_card *c, const struct exhibit *ex,
                       size_t n, int y, struct row_box *b)
{
    const struct ui_metrics *m = &c->m;
    const struct ui_palette *pal = ui_theme_palette();
    int small = ui_text_px(m, m->type.label);
    char num[16];
    snprintf(num, sizeof num, "%zu", n);
    ui_fill(c->heading, sizeof c->heading,
            content_string(ex, n == 0   ? "map.no-mentions"
                               : n == 1 ? "map.mentions-one"
                                        : "map.mentions-count",
                           m->lang),
            "count", num);
    y += place(&c->body, lay(c, "ui", m->lang, small, b->inner.w,
                             c->heading),
               b->inner.x, y, pal->accent);
    if (!n)
        return y;
    const char *open = content_string(ex, "map.open-passage", m->lang);
    struct text_layout *probe = lay(c, "ui", m->lang, small, b->text_w, open);
    bool per_row = probe && probe->line_count == 1;
    text_layout_destroy(probe);
    if (per_row) {
        b->caption = open;
        return y + m->gap_xs;
    }
    y += place(&c->body, lay(c, "ui", m->lang, small, b->inner.w, open),
               b->inner.x, y, pal->muted);
    return y + m->gap_xs;
}

void ui_place_card_set(struct ui_place_card *c, const struct exhibit *ex,
                       uint32_t place_index, const struct ui_metrics *m,
                       SDL_Rect panel)
{
    bool same = c->place == (int)place_index && c->ex == ex;
    clear(c);
    c->m = *m;
    c->ex = ex;
    c->panel = panel;
    c->place = -1;
    if (!ex || place_index >= ex->place_count || panel.w <= 0 ||
        panel.h <= 0) {
        c->offset = 0;
        return;
    }
    c->place = (int)place_index;
    enum text_lang lang = m->lang;
    const struct ui_palette *pal = ui_theme_palette();
    const struct content_place *pl = &ex->places[place_index];
    int pad = m->gap_m;
    /* Inside the panel and the screen's bezel, whichever is nearer. */
    int x0 = panel.x > m->bezel ? panel.x : m->bezel;
    int x1 = panel.x + panel.w < m->w - m->bezel ? panel.x + panel.w
                                                 : m->w - m->bezel;
    int y0 = panel.y + pad;
    int y1 = panel.y + panel.h - pad < m->h - m->bezel
                 ? panel.y + panel.h - pad
                 : m->h - m->bezel;
    SDL_Rect inner = {x0 + pad, y0, x1 - x0 - 2 * pad, y1 - y0};
    struct text_layout *title;
    int top = set_header(c, pl, inner, &title);
    int gap = m->target_gap > m->gap_s ? m->target_gap : m->gap_s;
    int y;
    /* A name too tall to pin beside the close control would leave the
     * control a row of its own: then the whole card scrolls, the two side
     * by side at its top. */
    if (!title && y1 - (top + gap + 1) >= 2 * m->list_row) {
        top += gap;
        add_rule(c, (SDL_Rect){inner.x, top, inner.w, 1});
        top += 1;
        c->view = (SDL_Rect){x0, top, x1 - x0, y1 - top};
        y = c->view.y + m->gap_s;
    } else {
        /* A box too short to pin anything (a small panel, larger text, a
         * tall bar), or a name too tall: the whole card scrolls, the close
         * control and the name at its top. */
        c->close_scrolls = true;
        /* The name beside the close control, as in the pinned header:
         * a row saved where every row counts. */
        ui_textlist_take(&c->head, 0);
        text_layout_destroy(title);
        int side = c->close.rect.w;
        int tw = inner.w - side - m->gap_s;
        struct text_layout *name = lay(c, "title", lang,
                                       ui_text_px(m, m->type.lead), tw,
                                       pl->name[lang]);
        int th = text_layout_height_px(name);
        int hh = th > side ? th : side;
        c->close.rect.y = y0 + (hh - side) / 2;
        SDL_Rect tb = {inner.x, y0, inner.w, hh};
        place(&c->body, name, ui_start_x(m, tb, tw), y0 + (hh - th) / 2,
              pal->accent);
        title = NULL;
        c->view = (SDL_Rect){x0, y0, x1 - x0, y1 > y0 ? y1 - y0 : 0};
        y = y0 + hh + gap;
    }
    inner.y = c->view.y;
    inner.h = c->view.h;

    /* The count and a row per passage first; then the name in the other
     * two languages and the note. */
    y += place(&c->body, title, inner.x, y, pal->accent);
    size_t n = content_mentions_of(ex, place_index, lang, NULL, 0);
    struct content_mention_ref *refs = xcalloc(n ? n : 1, sizeof *refs);
    n = content_mentions_of(ex, place_index, lang, refs, n);
    struct row_box rows = set_chevron(c, inner);
    y = set_heading(c, ex, n, y, &rows);
    y = n ? set_rows(c, ex, refs, n, y, &rows) : y;
    free(refs);

    static const enum text_lang others[3][2] = {
        [TEXT_LANG_ZH] = {TEXT_LANG_EN, TEXT_LANG_UG},
        [TEXT_LANG_EN] = {TEXT_LANG_ZH, TEXT_LANG_UG},
        [TEXT_LANG_UG] = {TEXT_LANG_ZH, TEXT_LANG_EN},
    };
    char names[512];
    snprintf(names, sizeof names, "%s \xc2\xb7 %s",
             pl->name[others[lang][0]], pl->name[others[lang][1]]);
    y += m->gap_l;
    y += place(&c->body, lay(c, "title", lang,
                             ui_text_px(m, m->type.label), inner.w, names),
               inner.x, y, pal->muted);

    /* The curator's note after the passages. */
    const char *note = pl->note[lang];
    if (note && note[0]) {
        y += m->gap_s;
        y += place(&c->body, lay(c, "body", lang,
                                 ui_text_px(m, m->type.lead), inner.w, note),
                   inner.x, y, pal->ink);
    }
    y += m->gap_m;
    c->content_h = y - c->view.y;
    float keep = same ? c->offset : 0;
    float max = ui_place_card_max_offset(c);
    c->offset = keep < 0 ? 0 : keep > max ? max : keep;
}

SDL_Rect ui_place_card_view(const struct ui_place_card *c)
{
    return c->view;
}

float ui_place_card_offset(const struct ui_place_card *c)
{
    return c->offset;
}

float ui_place_card_max_offset(const struct ui_place_card *c)
{
    int m = c->content_h - c->view.h;
    return m > 0 ? (float)m : 0;
}

void ui_place_card_set_offset(struct ui_place_card *c, float offset)
{
    /* The scroller may pull past the ends (overscroll); keep what it says
     * within one view either side. */
    float lo = -(float)c->view.h, hi = ui_place_card_max_offset(c) + c->view.h;
    c->offset = offset < lo ? lo : offset > hi ? hi : offset;
}

void ui_place_card_press(struct ui_place_card *c, const char *id)
{
    snprintf(c->pressed, sizeof c->pressed, "%s", id ? id : "");
}

/* The close control on screen now. */
static SDL_Rect close_now(const struct ui_place_card *c)
{
    SDL_Rect s = c->close.rect;
    if (c->close_scrolls)
        s.y -= (int)c->offset;
    return s;
}

/* The row's touch area on screen now. */
static SDL_Rect row_now(const struct ui_place_card *c, const struct card_row *r)
{
    SDL_Rect s = r->rect;
    s.y -= (int)c->offset;
    return s;
}

void ui_place_card_draw(struct ui_place_card *c, SDL_Renderer *r,
                        struct atlas *atlas)
{
    if (c->place < 0)
        return;
    const struct ui_palette *pal = ui_theme_palette();
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(r, pal->paper.r, pal->paper.g, pal->paper.b, 245);
    SDL_RenderFillRect(r, &c->panel);
    SDL_SetRenderDrawColor(r, pal->rule.r, pal->rule.g, pal->rule.b, 255);
    SDL_Rect edge = {c->panel.x, c->panel.y, 2, c->panel.h};
    SDL_RenderFillRect(r, &edge);
    edge.x = c->panel.x + c->panel.w - 2;
    SDL_RenderFillRect(r, &edge);
    size_t pinned_rules = c->close_scrolls ? 0 : 1;
    if (pinned_rules && c->rule_count)
        SDL_RenderFillRect(r, &c->rules[0]);
    ui_textlist_draw(&c->head, r, atlas, 0, c->head.count, 0, 0, 255, NULL);
    bool close_pressed = strcmp(c->pressed, c->close.id) == 0;
    if (!c->close_scrolls)
        ui_button_draw(&c->close, r, atlas, close_pressed);

    SDL_Rect clip_old;
    SDL_RenderGetClipRect(r, &clip_old);
    SDL_RenderSetClipRect(r, &c->view);
    int dy = -(int)c->offset;
    for (size_t i = 0; i < c->row_count; i++) {
        SDL_Rect rr = row_now(c, &c->rows[i]);
        if (rr.y + rr.h <= c->view.y || rr.y >= c->view.y + c->view.h)
            continue;
        if (strcmp(c->pressed, c->rows[i].id) == 0) {
            SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
            SDL_SetRenderDrawColor(r, pal->highlight.r, pal->highlight.g,
                                   pal->highlight.b, 140);
            SDL_RenderFillRect(r, &rr);
        }
        if (c->chevron)
            render_text_layout(r, atlas, c->chevron, c->chevron_x,
                               rr.y + (rr.h - c->chevron_h) / 2, pal->accent);
    }
    if (c->close_scrolls) {
        struct ui_button b = c->close; /* shifted; the layout borrowed */
        b.rect = close_now(c);
        ui_button_draw(&b, r, atlas, close_pressed);
    }
    SDL_SetRenderDrawColor(r, pal->rule.r, pal->rule.g, pal->rule.b, 255);
    for (size_t i = pinned_rules; i < c->rule_count; i++) {
        SDL_Rect rule = c->rules[i];
        rule.y += dy;
        SDL_RenderFillRect(r, &rule);
    }
    ui_textlist_draw(&c->body, r, atlas, 0, c->body.count, 0, dy, 255,
                     &c->view);
    /* Where the visitor is: the position bar and the edge fades. */
    ui_scroll_hint_draw(r, &c->m, c->view, (int)c->offset,
                        (int)ui_place_card_max_offset(c));
    SDL_RenderSetClipRect(r, clip_old.w ? &clip_old : NULL);
}

size_t ui_place_card_targets(const struct ui_place_card *c,
                             struct ui_card_target *out, size_t max)
{
    size_t n = 0;
    if (c->place < 0)
        return 0;
    SDL_Rect cr = close_now(c), cseen;
    bool close_in = !c->close_scrolls ||
                    (SDL_IntersectRect(&cr, &c->view, &cseen) &&
                     cseen.h == cr.h);
    if (close_in && n < max)
        out[n] = (struct ui_card_target){c->close.id, -1, cr};
    n += close_in;
    for (size_t i = 0; i < c->row_count; i++) {
        SDL_Rect rr = row_now(c, &c->rows[i]), seen;
        if (!SDL_IntersectRect(&rr, &c->view, &seen))
            continue;
        /* Wholly in the view; or, a row taller than the view (a long
         * word in large text on a narrow card), filling it. */
        bool whole = seen.h == rr.h,
             fills = seen.h == c->view.h && seen.h >= c->m.list_row;
        if (!whole && !fills)
            continue;
        rr = seen;
        if (n < max)
            out[n] = (struct ui_card_target){c->rows[i].id,
                                             (int)c->rows[i].passage, rr};
        n++;
    }
    return n;
}

size_t ui_place_card_row_count(const struct ui_place_card *c)
{
    return c->row_count;
}

const char *ui_place_card_heading(const struct ui_place_card *c)
{
    return c->heading;
}

struct ui_card_hit ui_place_card_hit(const struct ui_place_card *c, int x,
                                     int y)
{
    struct ui_card_hit h = {UI_CARD_OUTSIDE, -1, NULL};
    SDL_Point pt = {x, y};
    if (c->place < 0 || !SDL_PointInRect(&pt, &c->panel))
        return h;
    h.part = UI_CARD_NOTHING;
    SDL_Rect cr = close_now(c);
    if (c->close.label && SDL_PointInRect(&pt, &cr) &&
        (!c->close_scrolls || SDL_PointInRect(&pt, &c->view))) {
        h.part = UI_CARD_CLOSE;
        h.id = c->close.id;
        return h;
    }
    if (!SDL_PointInRect(&pt, &c->view))
        return h;
    for (size_t i = 0; i < c->row_count; i++) {
        SDL_Rect rr = row_now(c, &c->rows[i]);
        if (SDL_PointInRect(&pt, &rr)) {
            h.part = UI_CARD_PASSAGE;
            h.passage = (int)c->rows[i].passage;
            h.id = c->rows[i].id;
            return h;
        }
    }
    return h;
}
