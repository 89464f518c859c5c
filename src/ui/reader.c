/* reader.c: the report reader (see reader.h).
 *
 * Each passage is a row of up to two laid-out texts (Chinese and English,
 * or the Uyghur summary) placed in content coordinates: row r starts at
 * rows[r].y, and what is drawn is shifted up by the scroll offset.  Rows
 * outside the view are skipped, so drawing costs what is visible. */
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "render/draw_text.h"
#include "text/layout.h"
#include "ui/reader.h"
#include "ui/textlist.h"
#include "ui/theme.h"

struct cell {
    struct text_layout *layout; /* NULL if the row has no such column */
    int x;                      /* left of the layout box */
    enum text_lang lang;
};

struct row {
    struct cell cell[2];
    int y, h;
    bool highlighted;
};

struct ui_reader {
    const struct text_fonts *fonts;
    const struct exhibit *ex;
    SDL_Rect area;
    int pad;      /* above and below each passage */
    bool columns; /* Chinese and English side by side */
    struct row *rows;
    uint32_t row_count;
    int content_h;
    float offset;
    bool summary;
};

struct ui_reader *ui_reader_create(const struct text_fonts *fonts)
{
    struct ui_reader *r = xcalloc(1, sizeof *r);
    r->fonts = fonts;
    return r;
}

static void clear(struct ui_reader *r)
{
    for (uint32_t i = 0; i < r->row_count; i++)
        for (int c = 0; c < 2; c++)
            text_layout_destroy(r->rows[i].cell[c].layout);
    free(r->rows);
    r->rows = NULL;
    r->row_count = 0;
}

void ui_reader_destroy(struct ui_reader *r)
{
    if (!r)
        return;
    clear(r);
    free(r);
}

/* Body text in its own direction: justified Chinese and English, ragged
 * Uyghur (UI_LINE_PCT_BODY: the line pitch of each). */
static struct text_layout *lay(const struct ui_reader *r, enum text_lang lang,
                               int size, int width, const char *text,
                               uint32_t len)
{
    return ui_text_lay(r->fonts,
                       (struct ui_text_style){"body", ui_body_line_pct(lang),
                                              TEXT_DIR_LANG},
                       lang, size, width, ui_align_own(lang, TEXT_ALIGN_JUSTIFY),
                       text, len);
}

/* One passage's Uyghur summary at one readable measure, on the reading
 * side; returns its height. */
static int summary_row(struct ui_reader *r, struct row *row,
                       const struct content_passage *p,
                       const struct ui_metrics *m, int size)
{
    const struct content_text *t = &p->text[TEXT_LANG_UG];
    int mw = r->area.w < size * 36 ? r->area.w : size * 36;
    SDL_Rect box = {0, 0, r->area.w, r->area.h};
    row->cell[0] = (struct cell){
        lay(r, TEXT_LANG_UG, size, mw, t->text, t->len),
        ui_start_x(m, box, mw), TEXT_LANG_UG};
    return text_layout_height_px(row->cell[0].layout);
}

/* One passage in Chinese and English: side by side (Chinese in the first
 * column in reading order) or, in a narrow area, one above the other;
 * returns its height. */
static int parallel_row(struct ui_reader *r, struct row *row,
                        const struct content_passage *p,
                        const struct ui_metrics *m, int size, int col_w,
                        int x0, int gap, bool columns)
{
    static const enum text_lang order[2] = {TEXT_LANG_ZH, TEXT_LANG_EN};
    int ch[2];
    for (int c = 0; c < 2; c++) {
        enum text_lang l = order[c];
        const struct content_text *t = &p->text[l];
        int x = columns ? x0 + ui_reading_slot(m, c, 2) * (col_w + gap) : 0;
        row->cell[c] = (struct cell){
            lay(r, l, size, col_w, t->text, t->len), x, l};
        ch[c] = text_layout_height_px(row->cell[c].layout);
    }
    if (!columns) /* portrait: one above the other */
        return ch[0] + r->pad + ch[1];
    return ch[0] > ch[1] ? ch[0] : ch[1];
}

void ui_reader_set(struct ui_reader *r, const struct exhibit *ex,
                   const struct ui_metrics *m, SDL_Rect area, bool summary)
{
    /* Keep highlights by passage across a relayout. */
    bool *keep = NULL;
    uint32_t kept = r->row_count;
    if (kept) {
        keep = xcalloc(kept, sizeof *keep);
        for (uint32_t i = 0; i < kept; i++)
            keep[i] = r->rows[i].highlighted;
    }
    clear(r);
    r->ex = ex;
    r->area = area;
    r->summary = summary;
    if (!ex || area.w < 16 || area.h < 16) {
        free(keep);
        return;
    }
    /* Sizes scale with the reader's own area: 28 px body text at 1080,
     * grown by the text size and the panel's physical floor. */
    struct ui_scale sc = ui_scale_of(area.w, area.h);
    int size = ui_text_px_in(m, sc, m->type.lead);
    int gap = ui_scale_px(sc, 48, 0);
    r->pad = ui_scale_px(sc, 24, 0);
    r->columns = !summary && area.w >= area.h * 3 / 4;
    int col_w = r->columns ? (area.w - gap) / 2 : area.w;
    /* About 45-75 characters a line of English: at most 34 em, the two
     * columns centred in the area. */
    if (col_w > size * 34)
        col_w = size * 34;
    int x0 = r->columns ? (area.w - 2 * col_w - gap) / 2 : 0;
    r->rows = xcalloc(ex->passage_count + 1, sizeof *r->rows);
    int y = 0;
    for (uint32_t i = 0; i < ex->passage_count; i++) {
        const struct content_passage *p = &ex->passages[i];
        struct row *row = &r->rows[r->row_count++];
        row->y = y;
        row->highlighted = i < kept && keep[i];
        int h = summary ? summary_row(r, row, p, m, size)
                        : parallel_row(r, row, p, m, size, col_w, x0, gap,
                                       r->columns);
        row->h = h + 2 * r->pad;
        y += row->h;
    }
    r->content_h = y;
    free(keep);
    ui_reader_set_offset(r, r->offset);
}

float ui_reader_max_offset(const struct ui_reader *r)
{
    float m = (float)(r->content_h - r->area.h);
    return m > 0 ? m : 0;
}

void ui_reader_set_offset(struct ui_reader *r, float offset)
{
    /* The scroller may pull past the ends (overscroll); keep what it says
     * within one screen either side. */
    float lo = -(float)r->area.h, hi = ui_reader_max_offset(r) + r->area.h;
    r->offset = offset < lo ? lo : offset > hi ? hi : offset;
}

float ui_reader_offset(const struct ui_reader *r)
{
    return r->offset;
}

float ui_reader_passage_offset(const struct ui_reader *r, uint32_t p)
{
    if (p >= r->row_count)
        return 0;
    float o = (float)r->rows[p].y;
    float m = ui_reader_max_offset(r);
    return o > m ? m : o;
}

int ui_reader_top_passage(const struct ui_reader *r)
{
    for (uint32_t i = 0; i < r->row_count; i++)
        if (r->rows[i].y + r->rows[i].h > (int)r->offset)
            return (int)i;
    return r->row_count ? (int)r->row_count - 1 : -1;
}

void ui_reader_highlight(struct ui_reader *r, int passage, bool on)
{
    if (passage < 0) {
        for (uint32_t i = 0; i < r->row_count; i++)
            r->rows[i].highlighted = false;
        return;
    }
    if ((uint32_t)passage < r->row_count)
        r->rows[passage].highlighted = on;
}

bool ui_reader_highlighted(const struct ui_reader *r, uint32_t p)
{
    return p < r->row_count && r->rows[p].highlighted;
}

/* The text of a cell's passage in its language. */
static const struct content_text *cell_text(const struct ui_reader *r,
                                            uint32_t p, const struct cell *c)
{
    return &r->ex->passages[p].text[c->lang];
}

static int row_screen_y(const struct ui_reader *r, const struct row *row)
{
    return r->area.y + row->y + r->pad - (int)r->offset;
}

static int cell_screen_y(const struct ui_reader *r, const struct row *row,
                         int c)
{
    int y = row_screen_y(r, row);
    if (c == 1 && !r->summary && !r->columns) /* below the Chinese */
        y += text_layout_height_px(row->cell[0].layout) + r->pad;
    return y;
}

/* The screen boxes of mention m of row i's cell c (at most `max`; the
 * first is the mention's start), each grown by `grow` px; how many. */
static size_t mention_boxes(const struct ui_reader *r, uint32_t i, int c,
                            uint32_t m, SDL_Rect *out, size_t max, int grow)
{
    const struct row *row = &r->rows[i];
    const struct cell *cell = &row->cell[c];
    const struct content_text *t = cell_text(r, i, cell);
    struct text_rect rects[8];
    size_t n = text_layout_range_rects(cell->layout, t->mentions[m].start,
                                       t->mentions[m].end, rects,
                                       max < 8 ? max : 8);
    int ox = r->area.x + cell->x, oy = cell_screen_y(r, row, c);
    for (size_t k = 0; k < n && k < max && k < 8; k++)
        out[k] = (SDL_Rect){ox + rects[k].x / TEXT_ONE,
                            oy + rects[k].y / TEXT_ONE,
                            rects[k].w / TEXT_ONE + grow,
                            rects[k].h / TEXT_ONE + grow};
    return n < max ? n : max;
}

struct ui_reader_hit ui_reader_hit(const struct ui_reader *r, int x, int y)
{
    struct ui_reader_hit h = {-1, -1, TEXT_LANG_EN, -1};
    SDL_Point pt = {x, y};
    if (!SDL_PointInRect(&pt, &r->area))
        return h;
    for (uint32_t i = 0; i < r->row_count && h.passage < 0; i++) {
        const struct row *row = &r->rows[i];
        int top = r->area.y + row->y - (int)r->offset;
        if (y < top || y >= top + row->h)
            continue;
        h.passage = (int)i;
        for (int c = 0; c < 2; c++) {
            const struct cell *cell = &row->cell[c];
            if (!cell->layout)
                continue;
            const struct content_text *t = cell_text(r, i, cell);
            for (uint32_t m = 0; m < t->mention_count; m++) {
                SDL_Rect box[8]; /* a tap on its edge counts */
                size_t n = mention_boxes(r, i, c, m, box, 8, 1);
                for (size_t k = 0; k < n; k++) {
                    if (!SDL_PointInRect(&pt, &box[k]))
                        continue;
                    h.mention = (int)m;
                    h.lang = cell->lang;
                    h.place = (int)t->mentions[m].place;
                    return h;
                }
            }
        }
    }
    return h;
}

size_t ui_reader_targets(const struct ui_reader *r,
                         struct ui_reader_target *out, size_t max)
{
    size_t n = 0;
    for (uint32_t i = 0; i < r->row_count; i++) {
        const struct row *row = &r->rows[i];
        int top = r->area.y + row->y - (int)r->offset;
        if (top + row->h <= r->area.y || top >= r->area.y + r->area.h)
            continue;
        for (int c = 0; c < 2; c++) {
            const struct cell *cell = &row->cell[c];
            if (!cell->layout)
                continue;
            const struct content_text *t = cell_text(r, i, cell);
            for (uint32_t m = 0; m < t->mention_count; m++) {
                SDL_Rect rr;
                if (!mention_boxes(r, i, c, m, &rr, 1, 0))
                    continue;
                if (rr.y < r->area.y || rr.y + rr.h > r->area.y + r->area.h)
                    continue; /* not fully visible */
                if (n < max)
                    out[n] = (struct ui_reader_target){i, m, cell->lang, rr};
                n++;
            }
        }
    }
    return n;
}

void ui_reader_draw(struct ui_reader *r, SDL_Renderer *ren,
                    struct atlas *atlas)
{
    const struct ui_palette *pal = ui_theme_palette();
    SDL_Rect clip_old;
    SDL_RenderGetClipRect(ren, &clip_old);
    SDL_RenderSetClipRect(ren, &r->area);
    SDL_SetRenderDrawBlendMode(ren, SDL_BLENDMODE_BLEND);
    SDL_Color mark = {pal->highlight.r, pal->highlight.g, pal->highlight.b,
                      110};
    for (uint32_t i = 0; i < r->row_count; i++) {
        const struct row *row = &r->rows[i];
        int top = r->area.y + row->y - (int)r->offset;
        if (top + row->h <= r->area.y || top >= r->area.y + r->area.h)
            continue;
        if (row->highlighted) {
            SDL_SetRenderDrawColor(ren, pal->highlight.r, pal->highlight.g,
                                   pal->highlight.b, 90);
            SDL_Rect band = {r->area.x - 16, top, r->area.w + 32, row->h};
            SDL_RenderFillRect(ren, &band);
        }
        SDL_SetRenderDrawColor(ren, pal->rule.r, pal->rule.g, pal->rule.b,
                               255);
        SDL_Rect rule = {r->area.x, top + row->h - 1, r->area.w, 1};
        SDL_RenderFillRect(ren, &rule);
        for (int c = 0; c < 2; c++) {
            const struct cell *cell = &row->cell[c];
            if (!cell->layout)
                continue;
            const struct content_text *t = cell_text(r, i, cell);
            int ox = r->area.x + cell->x, oy = cell_screen_y(r, row, c);
            for (uint32_t m = 0; m < t->mention_count; m++)
                render_text_range(ren, cell->layout, t->mentions[m].start,
                                  t->mentions[m].end, ox, oy,
                                  row->highlighted ? pal->highlight : mark);
            render_text_layout(ren, atlas, cell->layout, ox, oy, pal->ink);
        }
    }
    SDL_RenderSetClipRect(ren, clip_old.w ? &clip_old : NULL);
}

double ui_reader_chars_per_line(const struct ui_reader *r, enum text_lang l)
{
    size_t chars = 0, lines = 0;
    for (uint32_t i = 0; i < r->row_count; i++) {
        for (int c = 0; c < 2; c++) {
            const struct cell *cell = &r->rows[i].cell[c];
            if (!cell->layout || cell->lang != l)
                continue;
            const struct text_layout *t = cell->layout;
            /* Full lines only: every line but a paragraph's last. */
            for (uint32_t k = 0; k + 1 < t->line_count; k++) {
                for (uint32_t b = t->lines[k].start; b < t->lines[k].end;
                     b++)
                    chars += ((unsigned char)t->text[b] & 0xC0) != 0x80;
                lines++;
            }
        }
    }
    return lines ? (double)chars / (double)lines : 0;
}
