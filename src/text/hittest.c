/* hittest.c: from a point to a character, and from a byte range to boxes.
 *
 * Both walk the laid-out data only: a glyph's cell spans its pen position to
 * pen + advance, pens being the run's x plus the advances before it. */
#include "text/layout.h"

static const struct text_line *line_at(const struct text_layout *l, int32_t y)
{
    for (uint32_t i = 0; i < l->line_count; i++)
        if (y < l->lines[i].top + l->lines[i].height)
            return &l->lines[i];
    return &l->lines[l->line_count - 1];
}

uint32_t text_layout_hit(const struct text_layout *l, int32_t x, int32_t y)
{
    if (l->line_count == 0)
        return l->len;
    const struct text_line *ln = line_at(l, y);
    if (ln->run_count == 0)
        return ln->start;
    const struct text_run *first = &l->runs[ln->first_run];
    const struct text_run *last = &l->runs[ln->first_run + ln->run_count - 1];
    /* Clamp into the drawn extent of the line. */
    if (x < first->x)
        x = first->x;
    if (x >= last->x + last->width)
        x = last->x + last->width - 1;
    for (const struct text_run *r = first; r <= last; r++) {
        if (x >= r->x + r->width && r != last)
            continue;
        int32_t pen = r->x;
        const struct text_glyph *g = &l->glyphs[r->first_glyph];
        for (uint32_t k = 0; k < r->glyph_count; k++) {
            if (x < pen + g[k].advance || k + 1 == r->glyph_count)
                return g[k].cluster;
            pen += g[k].advance;
        }
        if (r->glyph_count == 0)
            return r->start;
    }
    return ln->start;
}

size_t text_layout_range_rects(const struct text_layout *l, uint32_t start,
                               uint32_t end, struct text_rect *out,
                               size_t max)
{
    size_t n = 0;
    if (start >= end)
        return 0;
    for (uint32_t i = 0; i < l->line_count; i++) {
        const struct text_line *ln = &l->lines[i];
        if (ln->end <= start || ln->start >= end)
            continue;
        bool open = false;
        int32_t x0 = 0, x1 = 0;
        for (uint32_t r = ln->first_run; r < ln->first_run + ln->run_count;
             r++) {
            const struct text_run *run = &l->runs[r];
            int32_t pen = run->x;
            for (uint32_t k = 0; k < run->glyph_count; k++) {
                const struct text_glyph *g = &l->glyphs[run->first_glyph + k];
                bool in = g->cluster >= start && g->cluster < end;
                if (in && open && pen == x1) {
                    x1 = pen + g->advance;
                } else if (in) {
                    if (open) {
                        if (n < max)
                            out[n] = (struct text_rect){x0, ln->top, x1 - x0,
                                                        ln->height};
                        n++;
                    }
                    open = true;
                    x0 = pen;
                    x1 = pen + g->advance;
                } else if (open) {
                    if (n < max)
                        out[n] = (struct text_rect){x0, ln->top, x1 - x0,
                                                    ln->height};
                    n++;
                    open = false;
                }
                pen += g->advance;
            }
        }
        if (open) {
            if (n < max)
                out[n] = (struct text_rect){x0, ln->top, x1 - x0, ln->height};
            n++;
        }
    }
    return n;
}
