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
    static const int pct[TEXT_LANG_COUNT] = {
        [TEXT_LANG_ZH] = 170, [TEXT_LANG_EN] = 150, [TEXT_LANG_UG] = 0};
    return (unsigned)lang < TEXT_LANG_COUNT ? pct[lang] : 0;
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

static int at_least(int a, int b)
{
    return a > b ? a : b;
}

/* At least `mm` (these are floors): rounded up. */
static int mm_px(double px_per_mm, double mm)
{
    return at_least((int)ceil(mm * px_per_mm - 1e-9), 1);
}

/* The smallest type size: capitals of UI_CAP_MM_MIN, more beyond the
 * default viewing distance; larger text at 0.7 degrees and at least
 * UI_TEXT_PCT_LARGE of the normal floor. */
static void type_floor(struct ui_metrics *m)
{
    double view = m->view_mm;
    double cap_mm = UI_CAP_MM_MIN * (view > UI_VIEW_MM_DEFAULT
                                         ? view / UI_VIEW_MM_DEFAULT
                                         : 1.0);
    double large_mm = 2.0 * view * tan(UI_CAP_DEG_LARGE / 2 * M_PI / 180);
    double floor = cap_mm * m->px_per_mm / UI_CAP_RATIO;
    if (m->large_text) {
        double grown = floor * UI_TEXT_PCT_LARGE / 100.0;
        /* whole pixels of capital, so drawn they reach 0.7 degrees */
        double large = ceil(large_mm * m->px_per_mm) / UI_CAP_RATIO;
        floor = large > grown ? large : grown;
    }
    m->text_floor = (int)ceil(floor);
    m->text_pct = m->large_text ? UI_TEXT_PCT_LARGE : 100;
}

void ui_metrics_init_view(struct ui_metrics *m, int w, int h,
                          double diagonal_in, double view_mm,
                          enum text_lang lang, bool large_text)
{
    struct ui_scale s = ui_scale_of(w, h);
    double diag_px = sqrt((double)w * w + (double)h * h);
    bool known = diagonal_in > 0;
    double diag = known ? diagonal_in : UI_DIAGONAL_IN_DEFAULT;
    double ppm = diag_px / (diag * 25.4);
    *m = (struct ui_metrics){
        .w = w,
        .h = h,
        .scale = s,
        .diagonal_in = diag,
        .size_known = known,
        .px_per_mm = ppm,
        .view_mm = view_mm > 0 ? view_mm : UI_VIEW_MM_DEFAULT,
        .lang = lang,
        .large_text = large_text,
        .type = {.display = 52, .title = 48, .heading = 32, .action = 36,
                 .lead = 28, .label = 26},
    };
    type_floor(m);
    m->target = mm_px(ppm, UI_TARGET_MM);
    m->target_gap = mm_px(ppm, UI_TARGET_GAP_MM);
    m->list_row = mm_px(ppm, UI_LIST_ROW_MM);
    m->bezel = at_least(ui_scale_px(s, 40, 1), mm_px(ppm, 5));
    m->bar_text = ui_text_px(m, m->type.label);
    /* a label's line and a little air above and below it */
    m->bar_h = at_least(at_least(ui_scale_px(s, 72, 1), m->target),
                        m->bar_text * 14 / 10);
    m->bar_gap = at_least(ui_scale_px(s, 16, 1), m->target_gap);
    m->gap_xs = at_least(ui_scale_px(s, 8, 1), mm_px(ppm, 1));
    m->gap_s = at_least(ui_scale_px(s, 16, 1), mm_px(ppm, 2));
    m->gap_m = at_least(ui_scale_px(s, 24, 1), mm_px(ppm, 3));
    m->gap_l = at_least(ui_scale_px(s, 32, 1), mm_px(ppm, 4));
    m->margin = at_least(ui_scale_px(s, 40, 1), mm_px(ppm, 5));
    m->gap_xl = at_least(ui_scale_px(s, 64, 1), mm_px(ppm, 8));
    m->button_h = at_least(at_least(ui_scale_px(s, 112, 1), m->target),
                           ui_text_px(m, m->type.action) * 2);
    /* as the bar's buttons: a label's line and a little air round it */
    m->toggle_h = at_least(at_least(ui_scale_px(s, 64, 1), m->target),
                           ui_text_px(m, m->type.label) * 14 / 10);
}

void ui_metrics_init(struct ui_metrics *m, int w, int h, double diagonal_in,
                     enum text_lang lang, bool large_text)
{
    ui_metrics_init_view(m, w, h, diagonal_in, 0, lang, large_text);
}

int ui_px(const struct ui_metrics *m, int v)
{
    return ui_scale_px(m->scale, v, 1);
}

int ui_mm(const struct ui_metrics *m, double mm)
{
    return mm_px(m->px_per_mm, mm);
}

double ui_px_to_mm(const struct ui_metrics *m, double px)
{
    return px / m->px_per_mm;
}

/* The design size, or the floor where that is larger; on the floor the
 * roles above body text keep half their design ratio to it (a 48 px
 * title over 28 px body is 1.36 times the floor), so small panels keep a
 * hierarchy without titles taking the screen. */
int ui_text_px_in(const struct ui_metrics *m, struct ui_scale s, int v)
{
    int lead = m->type.lead;
    double ratio = v > lead ? 1.0 + ((double)v / lead - 1.0) / 2 : 1.0;
    int floor = (int)ceil(m->text_floor * ratio);
    return ui_scale_text(s, v, m->text_pct, floor);
}

int ui_text_px(const struct ui_metrics *m, int v)
{
    return ui_text_px_in(m, m->scale, v);
}

SDL_Rect ui_touch_rect(const struct ui_metrics *m, SDL_Rect r)
{
    if (r.w < m->target) {
        r.x -= (m->target - r.w) / 2;
        r.w = m->target;
    }
    if (r.h < m->target) {
        r.y -= (m->target - r.h) / 2;
        r.h = m->target;
    }
    return r;
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
