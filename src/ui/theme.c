/* theme.c: the palette, the sizing rule, the metrics and the direction
 * helpers (see theme.h). */
#include <math.h>

#include "ui/theme.h"

#define REF_PX 1080 /* the reference screen's shorter side */

static const struct ui_palette palette = {
    .paper = {246, 240, 228, 255},
    .ink = {42, 36, 32, 255},     /* 13.5:1 on paper */
    .accent = {110, 42, 28, 255}, /* 9.2:1 */
    .muted = {84, 74, 66, 255},   /* 7.6:1 */
    .rule = {200, 186, 160, 255},
    .highlight = {238, 218, 168, 255},
    .panel = {32, 28, 26, 240},
    .panel_ink = {240, 236, 228, 255}, /* 14:1 on panel */
    .alert = {255, 196, 150, 255},     /* 10:1 on panel */
};

const struct ui_palette *ui_theme_palette(void)
{
    return &palette;
}

int ui_body_line_pct(enum text_lang lang)
{
    static const int pct[TEXT_LANG_COUNT] = {
        [TEXT_LANG_ZH] = 175, [TEXT_LANG_EN] = 150, [TEXT_LANG_UG] = 0};
    return (unsigned)lang < TEXT_LANG_COUNT ? pct[lang] : 0;
}

int ui_page_line_pct(enum text_lang lang)
{
    return lang == TEXT_LANG_EN ? 150 : 0;
}

struct ui_scale ui_scale_of(int w, int h)
{
    return (struct ui_scale){w < h ? w : h, REF_PX};
}

struct ui_scale ui_scale_of_height(int h)
{
    return (struct ui_scale){h, REF_PX};
}

struct ui_scale ui_scale_per_mille(int unit)
{
    return (struct ui_scale){unit > 0 ? unit : 1, 1000};
}

struct ui_scale ui_scale_thousandths(struct ui_scale s)
{
    return (struct ui_scale){s.unit * 1000 / s.ref, 1000};
}

int ui_scale_px(struct ui_scale s, int v, int floor)
{
    int px = (int)((long)s.unit * v / s.ref);
    return px > floor ? px : floor;
}

int ui_scale_text(struct ui_scale s, int v, int pct, int floor)
{
    int px = (int)((long)s.unit * v * pct / ((long)s.ref * 100));
    return px > floor ? px : floor;
}

double ui_scale_factor(struct ui_scale s)
{
    return (double)s.unit / s.ref;
}

int ui_theme_scale(int px, int h)
{
    return ui_scale_px(ui_scale_of_height(h), px, 1);
}

void ui_metrics_init(struct ui_metrics *m, int w, int h, double diagonal_in,
                     enum text_lang lang, bool large_text)
{
    struct ui_scale s = ui_scale_of(w, h);
    double diag_px = sqrt((double)w * w + (double)h * h);
    *m = (struct ui_metrics){
        .w = w,
        .h = h,
        .scale = s,
        .diagonal_in = diagonal_in > 0 ? diagonal_in : 0,
        .px_per_mm = diagonal_in > 0 ? diag_px / (diagonal_in * 25.4) : 0,
        .lang = lang,
        .text_pct = large_text ? UI_TEXT_PCT_LARGE : 100,
        .bezel = ui_scale_px(s, 40, 40),
        .bar_h = ui_scale_px(s, 72, 56),
        .bar_gap = ui_scale_px(s, 16, 8),
        .bar_text = ui_scale_px(s, 26, 18),
        .gap_xs = ui_scale_px(s, 8, 1),
        .gap_s = ui_scale_px(s, 16, 1),
        .gap_m = ui_scale_px(s, 24, 1),
        .gap_l = ui_scale_px(s, 32, 1),
        .margin = ui_scale_px(s, 40, 1),
        .gap_xl = ui_scale_px(s, 64, 1),
        .button_h = ui_scale_px(s, 112, 1),
        .toggle_h = ui_scale_px(s, 64, 1),
        .type = {.display = 52, .title = 48, .heading = 32, .action = 36,
                 .lead = 28, .label = 26},
    };
}

int ui_px(const struct ui_metrics *m, int v)
{
    return ui_scale_px(m->scale, v, 1);
}

int ui_text_px(const struct ui_metrics *m, int v)
{
    return ui_px(m, v) * m->text_pct / 100;
}

bool ui_metrics_mirrored(const struct ui_metrics *m)
{
    return text_lang_rtl(m->lang);
}

int ui_start_x(const struct ui_metrics *m, SDL_Rect area, int w)
{
    return ui_metrics_mirrored(m) ? area.x + area.w - w : area.x;
}

int ui_end_x(const struct ui_metrics *m, SDL_Rect area, int w)
{
    return ui_metrics_mirrored(m) ? area.x : area.x + area.w - w;
}

SDL_Rect ui_mirror_rect(const struct ui_metrics *m, SDL_Rect area,
                        SDL_Rect r)
{
    if (ui_metrics_mirrored(m))
        r.x = area.x + area.w - (r.x - area.x) - r.w;
    return r;
}

enum text_align ui_align_start(const struct ui_metrics *m,
                               enum text_lang lang)
{
    return text_lang_rtl(lang) == ui_metrics_mirrored(m) ? TEXT_ALIGN_START
                                                         : TEXT_ALIGN_END;
}

enum text_align ui_align_own(enum text_lang lang, enum text_align otherwise)
{
    return text_lang_rtl(lang) ? TEXT_ALIGN_START : otherwise;
}

int ui_reading_slot(const struct ui_metrics *m, int i, int n)
{
    return ui_metrics_mirrored(m) ? n - 1 - i : i;
}

void ui_row_from_end(const struct ui_metrics *m, int x0, int x1,
                     SDL_Rect *const *rects, int n, int gap)
{
    bool mirrored = ui_metrics_mirrored(m);
    int x = mirrored ? x0 : x1;
    for (int i = 0; i < n; i++) {
        SDL_Rect *r = rects[i];
        if (!mirrored)
            x -= r->w;
        r->x = x;
        x += mirrored ? r->w + gap : -gap;
    }
}
