/* bar_chart.c: stacked bars with labels (see bar_chart.h). */
#include <stdio.h>
#include <string.h>

#include "render/draw_text.h"
#include "ui/bar_chart.h"
#include "ui/textlist.h"
#include "ui/theme.h"

uint32_t ui_bar_chart_axis_max(uint32_t max)
{
    if (max <= 1)
        return 1;
    uint64_t p = 1;
    for (;;) {
        static const unsigned step[] = {1, 2, 5};
        for (int i = 0; i < 3; i++)
            if (step[i] * p >= max)
                return (uint32_t)(step[i] * p > UINT32_MAX ? UINT32_MAX
                                                           : step[i] * p);
        p *= 10;
    }
}

static struct text_layout *label_layout(const struct text_fonts *fonts,
                                        enum text_lang lang, const char *s,
                                        int size, int width,
                                        enum text_align align)
{
    return ui_text_lay(fonts, (struct ui_text_style){"ui", 0, TEXT_DIR_LANG},
                       lang, size, width, align, s, strlen(s));
}

void ui_bar_chart_fini(struct ui_bar_chart *c)
{
    for (size_t i = 0; i < UI_CHART_MAX_BARS; i++) {
        text_layout_destroy(c->label[i]);
        text_layout_destroy(c->total[i]);
        c->label[i] = c->total[i] = NULL;
    }
    text_layout_destroy(c->axis_label);
    c->axis_label = NULL;
    c->bars = 0;
}

static uint32_t bar_total(const struct ui_bar_chart *c, size_t bar)
{
    uint64_t t = 0;
    for (size_t k = 0; k < UI_CHART_STACKS; k++)
        t += c->value[bar][k];
    return t > UINT32_MAX ? UINT32_MAX : (uint32_t)t;
}

void ui_bar_chart_set(struct ui_bar_chart *c, const struct text_fonts *fonts,
                      enum text_lang lang, SDL_Rect area, size_t bars,
                      const uint32_t (*value)[UI_CHART_STACKS],
                      const SDL_Color color[UI_CHART_STACKS],
                      const char *const *labels, int label_px)
{
    ui_bar_chart_fini(c);
    if (bars > UI_CHART_MAX_BARS)
        bars = UI_CHART_MAX_BARS;
    c->area = area;
    c->bars = bars;
    c->rtl = text_lang_rtl(lang); /* time in the interface's reading order */
    memcpy(c->color, color, sizeof c->color);
    uint32_t max = 0;
    for (size_t i = 0; i < bars; i++) {
        memcpy(c->value[i], value[i], sizeof c->value[i]);
        uint32_t t = bar_total(c, i);
        max = t > max ? t : max;
    }
    c->axis_max = ui_bar_chart_axis_max(max);
    int line = label_px * 2; /* one label line and its leading */
    c->plot = (SDL_Rect){area.x, area.y + line, area.w,
                         area.h - 2 * line};
    if (c->plot.h < 1)
        c->plot.h = 1;
    int slot = bars ? area.w / (int)bars : area.w;
    char top[16];
    snprintf(top, sizeof top, "%u", c->axis_max);
    /* The scale: the axis top's value at the start of its line. */
    c->axis_label = label_layout(fonts, lang, top, label_px, area.w,
                                 TEXT_ALIGN_START);
    for (size_t i = 0; i < bars; i++) {
        c->label[i] = label_layout(fonts, lang, labels[i], label_px, slot,
                                   TEXT_ALIGN_CENTER);
        uint32_t t = bar_total(c, i);
        if (t > 0) {
            char n[16];
            snprintf(n, sizeof n, "%u", t);
            c->total[i] = label_layout(fonts, lang, n, label_px, slot,
                                       TEXT_ALIGN_CENTER);
        }
    }
}

/* The slot of bar i from the left, in reading order. */
static int slot_x(const struct ui_bar_chart *c, size_t bar, int *slot)
{
    *slot = c->bars ? c->area.w / (int)c->bars : c->area.w;
    size_t pos = c->rtl ? c->bars - 1 - bar : bar;
    return c->area.x + (int)pos * *slot;
}

SDL_Rect ui_bar_chart_segment(const struct ui_bar_chart *c, size_t bar,
                              size_t stack)
{
    if (bar >= c->bars || stack >= UI_CHART_STACKS)
        return (SDL_Rect){0, 0, 0, 0};
    int slot, x = slot_x(c, bar, &slot);
    int bw = slot * 3 / 5, bottom = c->plot.y + c->plot.h;
    /* Heights from the running sum, so segments meet without gaps and
     * the bar's top depends only on its total. */
    uint64_t below = 0;
    for (size_t k = 0; k < stack; k++)
        below += c->value[bar][k];
    uint64_t upto = below + c->value[bar][stack];
    int y0 = bottom - (int)(below * (uint64_t)c->plot.h / c->axis_max);
    int y1 = bottom - (int)(upto * (uint64_t)c->plot.h / c->axis_max);
    return (SDL_Rect){x + (slot - bw) / 2, y1, bw, y0 - y1};
}

void ui_bar_chart_draw(const struct ui_bar_chart *c, SDL_Renderer *r,
                       struct atlas *atlas)
{
    const struct ui_palette *pal = ui_theme_palette();
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
    /* The baseline and a faint line at the axis top. */
    SDL_SetRenderDrawColor(r, pal->rule.r, pal->rule.g, pal->rule.b, 255);
    SDL_Rect base = {c->area.x, c->plot.y + c->plot.h, c->area.w, 2};
    SDL_RenderFillRect(r, &base);
    SDL_Rect top = {c->area.x, c->plot.y, c->area.w, 1};
    SDL_RenderFillRect(r, &top);
    if (c->axis_label)
        render_text_layout(
            r, atlas, c->axis_label, c->area.x,
            c->plot.y - text_layout_height_px(c->axis_label) - 2,
            pal->muted);
    for (size_t i = 0; i < c->bars; i++) {
        int top_y = c->plot.y + c->plot.h;
        for (size_t k = 0; k < UI_CHART_STACKS; k++) {
            SDL_Rect s = ui_bar_chart_segment(c, i, k);
            if (s.h <= 0)
                continue;
            SDL_SetRenderDrawColor(r, c->color[k].r, c->color[k].g,
                                   c->color[k].b, 255);
            SDL_RenderFillRect(r, &s);
            top_y = s.y;
        }
        int slot, x = slot_x(c, i, &slot);
        if (c->total[i])
            render_text_layout(
                r, atlas, c->total[i], x,
                top_y - text_layout_height_px(c->total[i]) - 4,
                pal->ink);
        if (c->label[i])
            render_text_layout(r, atlas, c->label[i], x,
                               c->plot.y + c->plot.h + 8, pal->muted);
    }
}
