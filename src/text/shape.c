/* shape.c: step 4 -- shape items with HarfBuzz.
 *
 * Every item is shaped in logical order with its direction, script and
 * language set explicitly, and with the whole paragraph as context, so
 * Arabic joining holds across item edges (a font or level change inside a
 * word).  Faces are shaped at their units-per-em scale and positions scaled
 * to the paragraph size afterwards, so one hb_font serves every size.
 * Shaped advances are also summed per cluster onto the cluster's first code
 * point: line fitting measures with them without shaping again. */
#include <string.h>

#include "core/xalloc.h"
#include "text/para.h"

int32_t para_scale(const struct para *p, uint16_t face, int32_t units)
{
    const struct text_face *f = &p->fonts->faces[face];
    int64_t v = (int64_t)units * p->params->size_px * TEXT_ONE * f->size_pct;
    int64_t upem = (int64_t)f->upem * 100;
    /* Round half away from zero. */
    return (int32_t)(v >= 0 ? (v + upem / 2) / upem : -((-v + upem / 2) / upem));
}

uint32_t para_shape_range(struct para *p, const struct para_item *it,
                          uint32_t start, uint32_t end, uint32_t ctx_start,
                          uint32_t ctx_end, struct para_glyph **out,
                          size_t *cap, uint32_t at)
{
    hb_buffer_t *buf = p->buf;
    hb_buffer_clear_contents(buf);
    hb_buffer_add_utf8(buf, p->text + ctx_start, (int)(ctx_end - ctx_start),
                       start - ctx_start, (int)(end - start));
    hb_buffer_set_direction(buf, (it->level & 1) ? HB_DIRECTION_RTL
                                                 : HB_DIRECTION_LTR);
    hb_buffer_set_script(buf, it->script);
    hb_buffer_set_language(
        buf, hb_language_from_string(text_lang_tag(p->params->lang), -1));
    /* Half-width marks: one `halt` range each, in the buffer's clusters
     * (bytes from ctx_start). */
    unsigned nfeat = 0;
    for (uint32_t c = p->halt ? p->cp_of_byte[start] : 0;
         p->halt && c < p->cp_of_byte[end]; c++) {
        if (!p->halt[c] ||
            (p->byte_of[c] == ctx_start && p->punct[c] == PARA_PUNCT_OPEN))
            continue;
        p->feat = xgrow(p->feat, &p->feat_cap, (size_t)nfeat + 1,
                        sizeof *p->feat);
        p->feat[nfeat++] = (hb_feature_t){
            HB_TAG('h', 'a', 'l', 't'), 1, p->byte_of[c] - ctx_start,
            p->byte_of[c + 1] - ctx_start};
    }
    hb_shape(p->fonts->faces[it->face].hb_font, buf, p->feat, nfeat);

    unsigned int count;
    const hb_glyph_info_t *info = hb_buffer_get_glyph_infos(buf, &count);
    const hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(buf, NULL);
    *out = xgrow(*out, cap, (size_t)at + count, sizeof **out);
    hb_font_t *font = p->fonts->faces[it->face].hb_font;
    for (unsigned int g = 0; g < count; g++) {
        (*out)[at + g] = (struct para_glyph){
            .id = info[g].codepoint,
            .cluster = info[g].cluster + ctx_start,
            .x_advance = pos[g].x_advance,
            .x_offset = pos[g].x_offset,
            .y_offset = pos[g].y_offset,
        };
        /* A tab (kept for bidi, a segment separator) is drawn as a space:
         * fonts have no glyph for it. */
        hb_codepoint_t space;
        if (p->text[info[g].cluster + ctx_start] == '\t' &&
            hb_font_get_nominal_glyph(font, ' ', &space))
            (*out)[at + g] = (struct para_glyph){
                .id = space,
                .cluster = info[g].cluster + ctx_start,
                .x_advance = hb_font_get_glyph_h_advance(font, space),
            };
    }
    return count;
}

void para_shape(struct para *p)
{
    if (!p->adv) {
        p->adv = xcalloc(p->n ? p->n : 1, sizeof *p->adv);
        p->cluster_start = xcalloc(p->n ? p->n : 1, sizeof *p->cluster_start);
    } else {
        memset(p->adv, 0, (p->n ? p->n : 1) * sizeof *p->adv);
        memset(p->cluster_start, 0,
               (p->n ? p->n : 1) * sizeof *p->cluster_start);
    }
    p->glyph_count = 0;
    for (uint32_t k = 0; k < p->item_count; k++) {
        struct para_item *it = &p->items[k];
        it->first_glyph = p->glyph_count;
        it->glyph_count = para_shape_range(
            p, it, p->byte_of[it->start], p->byte_of[it->end], 0, p->len,
            &p->glyphs, &p->glyph_cap, p->glyph_count);
        p->glyph_count += it->glyph_count;
        for (uint32_t g = it->first_glyph; g < p->glyph_count; g++) {
            uint32_t ci = p->cp_of_byte[p->glyphs[g].cluster];
            p->adv[ci] += para_scale(p, it->face, p->glyphs[g].x_advance);
            p->cluster_start[ci] = true;
        }
    }
}
