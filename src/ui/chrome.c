/* chrome.c: the top bar (see chrome.h).  ui_chrome_set lays out every
 * control once and fits them (fit_rows); ui_chrome_show places Back, Home
 * and the title for a screen; drawing only walks what was placed. */
#include <stdio.h>
#include <string.h>

#include "render/draw_text.h"
#include "render/text_log.h"
#include "ui/action.h"
#include "ui/chrome.h"
#include "ui/textlist.h"
#include "ui/theme.h"

static const struct ui_chrome_fit fits[UI_CHROME_FITS] = {
    {true, true, UI_CHROME_LANGS_ROW, false, false, false},
    {true, false, UI_CHROME_LANGS_ROW, false, false, false},
    {false, true, UI_CHROME_LANGS_ROW, false, false, false},
    {false, false, UI_CHROME_LANGS_ROW, false, false, false},
    {false, false, UI_CHROME_LANGS_OWN_ROW, false, false, false},
    {false, false, UI_CHROME_LANGS_MENU, false, false, false},
    {false, false, UI_CHROME_LANGS_MENU, false, true, false},
    {false, false, UI_CHROME_LANGS_MENU, false, true, true},
    {false, false, UI_CHROME_LANGS_MENU, true, false, false},
    {false, false, UI_CHROME_LANGS_MENU, true, true, false},
};

static const char *const fit_names[UI_CHROME_FITS] = {
    "one row", "one row, size glyph", "title below", "title below, size glyph",
    "languages below", "language chooser", "language chooser, home icon",
    "language chooser, back and home icons", "language chooser, nav above",
    "language chooser, nav above, home icon",
};

/* What the layout needs besides the chrome: kept while laying out. */
struct bar {
    const struct text_fonts *fonts;
    const struct exhibit *ex;
    const struct ui_metrics *m;
    SDL_Rect area;   /* inside the bezel, the full width */
    int gap;         /* between controls */
    int pad;         /* inside a button, each side */
    int size_glyph_w, size_label_w; /* the text size's two widths */
    int title_h;     /* the tallest title */
};

static int label_w(const struct text_layout *l)
{
    int32_t w = 0;
    for (uint32_t i = 0; l && i < l->line_count; i++)
        w = l->lines[i].width > w ? l->lines[i].width : w;
    return (int)(w / TEXT_ONE);
}

/* A button whose width fits its label plus `pad` each side, at least a
 * target wide, the bar's height. */
static void place(const struct bar *b, struct ui_button *btn,
                  enum ui_action act, const char *text, enum text_lang lang,
                  int pad, enum ui_button_style style)
{
    const struct ui_metrics *m = b->m;
    SDL_Rect r = {0, b->area.y, 0, m->bar_h};
    ui_button_place(btn, b->fonts, ui_action_id(act), text, lang,
                    m->bar_text, r, style);
    r.w = label_w(btn->label) + 2 * pad;
    if (r.w < m->target)
        r.w = m->target;
    ui_button_place(btn, b->fonts, ui_action_id(act), text, lang,
                    m->bar_text, r, style);
}

static int langs_w(const struct ui_chrome *c, int gap)
{
    int w = 0;
    for (int i = 0; i < TEXT_LANG_COUNT; i++)
        w += c->lang[i].rect.w + (i ? gap : 0);
    return w;
}

/* The width of the far group (languages if in the row, the chooser
 * button, the text size) in arrangement f. */
static int far_w(const struct ui_chrome *c, const struct bar *b,
                 const struct ui_chrome_fit *f)
{
    int size = f->size_label ? b->size_label_w : b->size_glyph_w;
    if (f->langs == UI_CHROME_LANGS_ROW)
        return langs_w(c, b->gap) + b->gap + size;
    if (f->langs == UI_CHROME_LANGS_MENU)
        return c->menu_button.rect.w + b->gap + size;
    return size;
}

/* The widest title on one line. */
static int max_title_w(const struct ui_chrome *c)
{
    int w = 0;
    for (size_t i = 0; i < c->titles; i++)
        w = c->title[i].natural_w > w ? c->title[i].natural_w : w;
    return w;
}

/* Home as a house: a square target. */
static int home_icon_w(const struct bar *b)
{
    return b->m->bar_h > b->m->target ? b->m->bar_h : b->m->target;
}

/* How much narrower the segments are with tight padding (gap_xs instead
 * of the gap each side). */
static int tightening(const struct ui_chrome *c, const struct bar *b)
{
    (void)c;
    int less = b->gap - b->m->gap_xs;
    return less > 0 ? 2 * TEXT_LANG_COUNT * less : 0;
}

/* The segments again with tight padding (a target wide at least). */
static void tighten_langs(struct ui_chrome *c, const struct bar *b)
{
    for (int i = 0; i < TEXT_LANG_COUNT; i++) {
        enum text_lang l = (enum text_lang)i;
        place(b, &c->lang[i], ui_action_lang(l),
              content_string(b->ex, "language-names", l), l, b->m->gap_xs,
              l == b->m->lang ? UI_BUTTON_SELECTED : UI_BUTTON_PLAIN);
    }
}

/* Whether arrangement f fits the width, and its rows on a titled screen. */
static bool fits_width(const struct ui_chrome *c, const struct bar *b,
                       const struct ui_chrome_fit *f, int *rows)
{
    int home = f->home_icon ? home_icon_w(b) : c->home.rect.w;
    int back = f->back_icon ? home_icon_w(b) : c->back.rect.w;
    int W = b->area.w, nav = back + b->gap + home;
    int far = far_w(c, b, f);
    int title = max_title_w(c);
    bool ok;
    if (f->nav_own_row) { /* a title on its own row wraps */
        ok = nav <= W && far <= W;
        *rows = 3;
    } else if (f->title_inline) {
        /* A wider gap around the title, so it reads apart from buttons. */
        ok = nav + 2 * b->gap + title + 2 * b->gap + far <= W;
        *rows = 1;
    } else {
        ok = nav + b->gap + far <= W;
        *rows = 2;
    }
    if (f->langs == UI_CHROME_LANGS_OWN_ROW) {
        /* On their own row the segments may be tight (tighten_langs). */
        ok = ok && langs_w(c, b->gap) - tightening(c, b) <= W;
        (*rows)++;
    }
    return ok;
}

/* The bar's height with `rows` rows (the title's row is its text's). */
static int bar_height(const struct bar *b, const struct ui_chrome_fit *f,
                      int rows)
{
    int buttons = f->title_inline ? rows : rows - 1;
    int h = buttons * b->m->bar_h + (rows - 1) * b->gap;
    if (!f->title_inline)
        h += b->title_h;
    else if (b->title_h > b->m->bar_h)
        h += b->title_h - b->m->bar_h;
    return h;
}

static void lay_titles(struct ui_chrome *c, const struct bar *b,
                       const char *const *ids, size_t n)
{
    const struct ui_metrics *m = b->m;
    const struct ui_text_style st = {"title", UI_LINE_PCT_UI, TEXT_DIR_LANG};
    /* A heading's size, but never above 5/4 of the bar's labels: on a
     * small panel, where the type floor decides, the bar stays lean. */
    int size = ui_text_px(m, m->type.heading);
    if (size > m->bar_text * 5 / 4)
        size = m->bar_text * 5 / 4;
    c->titles = 0;
    for (size_t i = 0; i < n && i < UI_CHROME_TITLES; i++) {
        const char *text = content_string(b->ex, ids[i], m->lang);
        struct ui_chrome_title *t = &c->title[c->titles];
        t->layout = ui_text_lay(b->fonts, st, m->lang, size, 8192,
                                ui_align_start(m, m->lang), text,
                                strlen(text));
        if (!t->layout)
            continue;
        t->natural_w = label_w(t->layout) + 1;
        if (t->natural_w > b->area.w && size > m->bar_text) {
            /* One line at the labels' size rather than two. */
            text_layout_destroy(t->layout);
            t->layout = ui_text_lay(b->fonts, st, m->lang, m->bar_text,
                                    8192, ui_align_start(m, m->lang), text,
                                    strlen(text));
            if (!t->layout)
                continue;
            t->natural_w = label_w(t->layout) + 1;
        }
        int tsize = t->layout->params.size_px;
        /* Again in a box its own width, so the alignment is its own --
         * wrapped if it is wider than the bar (on its own row). */
        int w = t->natural_w < b->area.w ? t->natural_w : b->area.w;
        text_layout_destroy(t->layout);
        t->layout = ui_text_lay(b->fonts, st, m->lang, tsize, w,
                                ui_align_start(m, m->lang), text,
                                strlen(text));
        snprintf(t->id, sizeof t->id, "%s", ids[i]);
        /* its box is the layout's: wrapped lines keep their alignment */
        t->rect = (SDL_Rect){0, 0, w, text_layout_height_px(t->layout)};
        c->titles++;
    }
}

/* The chooser's button: the language's name with `pad` each side, then
 * room for the chevron (drawn) at its far side. */
static void place_menu_button(struct ui_chrome *c, const struct bar *b,
                              int pad)
{
    enum text_lang lang = b->m->lang;
    place(b, &c->menu_button, UI_ACTION_LANGUAGE,
          content_string(b->ex, "language-names", lang), lang, pad,
          UI_BUTTON_PLAIN);
    c->menu_button.rect.w += b->m->bar_text / 2 + pad / 2;
    /* never narrower than draw_menu_button's name and chevron */
    int need = label_w(c->menu_button.label) + 3 * (b->m->bar_h / 5) +
               2 * b->m->gap_xs;
    if (c->menu_button.rect.w < need)
        c->menu_button.rect.w = need;
}

/* Lays out every control at its own size (x not yet placed). */
static void lay_controls(struct ui_chrome *c, struct bar *b)
{
    const struct ui_metrics *m = b->m;
    enum text_lang lang = m->lang;
    char text[160];
    /* "‹ Back": the chevron is mirrored with the text in Uyghur. */
    snprintf(text, sizeof text, "\xe2\x80\xb9 %s",
             content_string(b->ex, "nav.back", lang));
    place(b, &c->back, UI_ACTION_BACK, text, lang, b->pad, UI_BUTTON_PLAIN);
    place(b, &c->home, UI_ACTION_HOME, content_string(b->ex, "nav.home", lang),
          lang, b->pad, UI_BUTTON_PLAIN);
    for (int i = 0; i < TEXT_LANG_COUNT; i++) {
        enum text_lang l = (enum text_lang)i;
        place(b, &c->lang[i], ui_action_lang(l),
              content_string(b->ex, "language-names", l), l, b->gap,
              l == lang ? UI_BUTTON_SELECTED : UI_BUTTON_PLAIN);
    }
    place_menu_button(c, b, b->pad);
    /* The text size: a small and a large A, the label after them. */
    const struct ui_text_style st = {"ui", UI_LINE_PCT_UI, TEXT_DIR_LTR};
    c->glyph_small = ui_text_lay(b->fonts, st, TEXT_LANG_EN,
                                 m->bar_text * 3 / 4 > m->text_floor
                                     ? m->bar_text * 3 / 4
                                     : m->text_floor,
                                 4096, TEXT_ALIGN_START,
                                 "A", 1);
    c->glyph_large = ui_text_lay(b->fonts, st, TEXT_LANG_EN,
                                 m->bar_text * 5 / 4, 4096, TEXT_ALIGN_START,
                                 "A", 1);
    const char *sl = content_string(b->ex, c->large_text ? "text.normal"
                                                         : "text.larger",
                                    lang);
    const struct ui_text_style ls = {"ui", UI_LINE_PCT_UI, TEXT_DIR_LANG};
    c->size_label = ui_text_lay(b->fonts, ls, lang, m->bar_text, 8192,
                                TEXT_ALIGN_START, sl, strlen(sl));
    int glyph = label_w(c->glyph_small) + m->bar_text / 8 +
                label_w(c->glyph_large);
    b->size_glyph_w = glyph + 2 * b->pad;
    if (b->size_glyph_w < m->target)
        b->size_glyph_w = m->target;
    b->size_label_w = glyph + b->pad + label_w(c->size_label) + 2 * b->pad;
    c->size.style = c->large_text ? UI_BUTTON_SELECTED : UI_BUTTON_PLAIN;
    snprintf(c->size.id, sizeof c->size.id, "%s",
             ui_action_id(UI_ACTION_TEXT_SIZE));
}

/* Places the far group in the row at y, from the far edge inwards. */
static void place_far(struct ui_chrome *c, const struct bar *b, int y)
{
    const struct ui_metrics *m = b->m;
    SDL_Rect *row[TEXT_LANG_COUNT + 1];
    int n = 0;
    c->size.rect = (SDL_Rect){0, y, c->fit.size_label ? b->size_label_w
                                                      : b->size_glyph_w,
                              m->bar_h};
    row[n++] = &c->size.rect;
    if (c->fit.langs == UI_CHROME_LANGS_MENU) {
        c->menu_button.rect.y = y;
        row[n++] = &c->menu_button.rect;
    } else if (c->fit.langs == UI_CHROME_LANGS_ROW) {
        /* In reading order from the far end: Uyghur, English, Chinese --
         * mirrored, Chinese, English, Uyghur from the left. */
        for (int i = TEXT_LANG_COUNT - 1; i >= 0; i--) {
            c->lang[i].rect.y = y;
            row[n++] = &c->lang[i].rect;
        }
    }
    ui_row_from_end(m, b->area.x, b->area.x + b->area.w, row, n, b->gap);
}

/* The languages on a row of their own, at the far edge. */
static void place_langs_row(struct ui_chrome *c, const struct bar *b, int y)
{
    SDL_Rect *row[TEXT_LANG_COUNT];
    int n = 0;
    for (int i = TEXT_LANG_COUNT - 1; i >= 0; i--) {
        c->lang[i].rect.y = y;
        row[n++] = &c->lang[i].rect;
    }
    ui_row_from_end(b->m, b->area.x, b->area.x + b->area.w, row, n, b->gap);
}

/* The chooser: under the bar at the far edge, a heading and one row per
 * language, each in its own script, a list row tall. */
static void lay_menu(struct ui_chrome *c, const struct bar *b)
{
    const struct ui_metrics *m = b->m;
    const char *head = content_string(b->ex, "nav.language", m->lang);
    const struct ui_text_style st = {"ui", UI_LINE_PCT_UI, TEXT_DIR_LANG};
    c->menu_heading = ui_text_lay(b->fonts, st, m->lang, m->bar_text, 8192,
                                  TEXT_ALIGN_START, head, strlen(head));
    int w = label_w(c->menu_heading);
    for (int i = 0; i < TEXT_LANG_COUNT; i++) {
        int lw = c->lang[i].rect.w + 2 * b->pad;
        w = lw > w ? lw : w;
    }
    int margin = m->gap_m;
    w += 2 * margin;
    if (w > b->area.w)
        w = b->area.w;
    int row_h = m->list_row > m->bar_h ? m->list_row : m->bar_h;
    int hh = text_layout_height_px(c->menu_heading);
    int top = c->menu_button.rect.y + c->menu_button.rect.h + b->gap;
    SDL_Rect panel = {ui_end_x(m, b->area, w), top, w,
                      margin + hh + m->gap_s +
                          TEXT_LANG_COUNT * row_h +
                          (TEXT_LANG_COUNT - 1) * b->gap + margin};
    /* Below its button if it fits, else as low as it fits (over the
     * bar: then the button is covered, and a tap beside the rows closes
     * the chooser). */
    int lowest = m->h - m->bezel - panel.h;
    if (panel.y > lowest)
        panel.y = lowest > m->bezel ? lowest : m->bezel;
    c->menu_panel = panel;
    int hw = label_w(c->menu_heading);
    c->menu_heading_at = (SDL_Point){
        ui_start_x(m, (SDL_Rect){panel.x + margin, 0, panel.w - 2 * margin,
                                 0}, hw) -
            (int)(c->menu_heading->lines[0].x / TEXT_ONE),
        panel.y + margin};
    int y = panel.y + margin + hh + m->gap_s;
    for (int i = 0; i < TEXT_LANG_COUNT; i++) {
        enum text_lang l = (enum text_lang)i;
        ui_button_place(&c->menu_row[i], b->fonts,
                        ui_action_id(ui_action_lang(l)),
                        content_string(b->ex, "language-names", l), l,
                        m->bar_text,
                        (SDL_Rect){panel.x + margin, y, panel.w - 2 * margin,
                                   row_h},
                        l == m->lang ? UI_BUTTON_SELECTED : UI_BUTTON_PLAIN);
        y += row_h + b->gap;
    }
}

void ui_chrome_set(struct ui_chrome *c, const struct text_fonts *fonts,
                   const struct exhibit *ex, const struct ui_metrics *m,
                   const char *const *title_ids, size_t n)
{
    ui_chrome_fini(c);
    c->large_text = m->large_text;
    c->mirrored = ui_metrics_mirrored(m);
    c->line = ui_mm(m, 0.4) > 2 ? ui_mm(m, 0.4) : 2;
    c->shown = -1;
    c->nav = false;
    c->home_up = c->applied_up = 0;
    int bezel = m->bezel;
    c->bottom = c->home_bottom = bezel + m->bar_h + m->bar_gap;
    if (!ex)
        return;
    struct bar b = {fonts, ex, m, {bezel, bezel, m->w - 2 * bezel, 0},
                    m->bar_gap, m->gap_m, 0, 0, 0};
    lay_controls(c, &b);
    lay_titles(c, &b, title_ids, n);
    for (size_t i = 0; i < c->titles; i++)
        b.title_h = c->title[i].rect.h > b.title_h ? c->title[i].rect.h
                                                   : b.title_h;
    /* The first arrangement that fits; the last one whatever happens. */
    /* The languages on a row of their own cost a row: taken when the bar
     * then takes at most a quarter of the screen, or no more than the
     * chooser would. */
    int height[UI_CHROME_FITS], chooser = -1;
    bool ok[UI_CHROME_FITS];
    for (int i = 0; i < UI_CHROME_FITS; i++) {
        int rows;
        ok[i] = fits_width(c, &b, &fits[i], &rows);
        /* Back without its word only for larger text: at the normal
         * size the languages' own row is the better trade. */
        if (fits[i].back_icon && !m->large_text)
            ok[i] = false;
        height[i] = bar_height(&b, &fits[i], rows);
        if (ok[i] && chooser < 0 && fits[i].langs == UI_CHROME_LANGS_MENU)
            chooser = i;
    }
    c->fit_index = UI_CHROME_FITS;
    for (int i = 0; i < UI_CHROME_FITS; i++) {
        if (!ok[i])
            continue;
        if (fits[i].langs == UI_CHROME_LANGS_OWN_ROW &&
            height[i] > m->h / 4 && chooser >= 0 &&
            height[chooser] < height[i])
            continue;
        c->fit_index = i + 1;
        break;
    }
    c->fit = fits[c->fit_index - 1];
    fits_width(c, &b, &c->fit, &c->rows);
    if (c->fit.langs == UI_CHROME_LANGS_OWN_ROW &&
        langs_w(c, b.gap) > b.area.w)
        tighten_langs(c, &b);
    /* Nothing fitted (Uyghur in larger text on Touch Display 2): the
     * chooser's button tight, so the far group stays inside the bezel. */
    if (c->fit.langs == UI_CHROME_LANGS_MENU &&
        far_w(c, &b, &c->fit) > b.area.w) {
        place_menu_button(c, &b, m->gap_xs);
        int less = 2 * (b.pad - m->gap_xs); /* the text size's too */
        b.size_glyph_w -= less > 0 ? less : 0;
        if (b.size_glyph_w < m->target)
            b.size_glyph_w = m->target;
    }
    if (c->fit.home_icon)
        c->home.rect.w = home_icon_w(&b);
    if (c->fit.back_icon)
        c->back.rect.w = home_icon_w(&b);
    /* Rows from the top: [nav], controls, [languages], [title]. */
    int y = bezel;
    if (c->fit.nav_own_row) {
        c->back.rect.y = c->home.rect.y = y;
        y += m->bar_h + b.gap;
    } else {
        c->back.rect.y = c->home.rect.y = y;
    }
    int controls_y = y;
    int title_h_inline = b.title_h > m->bar_h ? b.title_h : m->bar_h;
    if (c->fit.title_inline) {
        /* The buttons centred on the title's line. */
        int dy = (title_h_inline - m->bar_h) / 2;
        controls_y += dy;
        c->back.rect.y = c->home.rect.y = controls_y;
        y += title_h_inline;
    } else {
        y += m->bar_h;
    }
    place_far(c, &b, controls_y);
    int home_end = controls_y + m->bar_h;
    if (c->fit.langs == UI_CHROME_LANGS_OWN_ROW) {
        y += b.gap;
        place_langs_row(c, &b, y);
        y += m->bar_h;
        home_end = y;
    }
    if (!c->fit.title_inline) {
        y += b.gap;
        for (size_t i = 0; i < c->titles; i++)
            c->title[i].rect.y = y;
        y += b.title_h;
    } else {
        for (size_t i = 0; i < c->titles; i++)
            c->title[i].rect.y = bezel + (title_h_inline -
                                          c->title[i].rect.h) / 2;
    }
    c->bottom = y + m->bar_gap;
    /* Home shows the controls' rows only. */
    c->home_bottom = home_end + m->bar_gap;
    if (c->fit.nav_own_row) {
        /* Home has no nav row: its controls start at the top. */
        c->home_up = controls_y - bezel;
        c->home_bottom -= c->home_up;
    }
    if (c->fit.langs == UI_CHROME_LANGS_MENU)
        lay_menu(c, &b);
    /* Back, then Home, from the reading edge. */
    int from_end = ui_metrics_mirrored(m) ? b.area.x + b.area.w : b.area.x;
    if (ui_metrics_mirrored(m)) {
        c->back.rect.x = from_end - c->back.rect.w;
        c->home.rect.x = c->back.rect.x - b.gap - c->home.rect.w;
    } else {
        c->back.rect.x = from_end;
        c->home.rect.x = c->back.rect.x + c->back.rect.w + b.gap;
    }
    for (size_t i = 0; i < c->titles; i++) {
        struct ui_chrome_title *t = &c->title[i];
        if (c->fit.title_inline) {
            int from = c->fit.nav_own_row ? 0
                                          : c->back.rect.w + c->home.rect.w +
                                                3 * b.gap;
            SDL_Rect rest = {b.area.x, 0, b.area.w, 0};
            if (ui_metrics_mirrored(m))
                rest.w -= from;
            else
                rest.x += from, rest.w -= from;
            t->rect.x = ui_start_x(m, rest, t->rect.w);
        } else {
            t->rect.x = ui_start_x(m, b.area, t->rect.w);
        }
    }
}

/* Moves the far controls (and the chooser) up by dy px. */
static void shift_far(struct ui_chrome *c, int dy)
{
    c->size.rect.y -= dy;
    c->menu_button.rect.y -= dy;
    c->menu_panel.y -= dy;
    c->menu_heading_at.y -= dy;
    for (int i = 0; i < TEXT_LANG_COUNT; i++) {
        c->lang[i].rect.y -= dy;
        c->menu_row[i].rect.y -= dy;
    }
}

void ui_chrome_show(struct ui_chrome *c, const char *title_id)
{
    /* On Home the controls' rows move up when Back and Home had one. */
    int up = title_id ? 0 : c->home_up;
    shift_far(c, up - c->applied_up);
    c->applied_up = up;
    c->menu_open = false;
    c->nav = title_id != NULL;
    c->shown = -1;
    for (size_t i = 0; title_id && i < c->titles; i++)
        if (strcmp(c->title[i].id, title_id) == 0)
            c->shown = (int)i;
}

void ui_chrome_fini(struct ui_chrome *c)
{
    ui_button_fini(&c->back);
    ui_button_fini(&c->home);
    ui_button_fini(&c->menu_button);
    ui_button_fini(&c->size);
    for (int i = 0; i < TEXT_LANG_COUNT; i++) {
        ui_button_fini(&c->lang[i]);
        ui_button_fini(&c->menu_row[i]);
    }
    text_layout_destroy(c->glyph_small);
    text_layout_destroy(c->glyph_large);
    text_layout_destroy(c->size_label);
    text_layout_destroy(c->menu_heading);
    c->glyph_small = c->glyph_large = c->size_label = c->menu_heading = NULL;
    for (size_t i = 0; i < c->titles; i++) {
        text_layout_destroy(c->title[i].layout);
        c->title[i].layout = NULL;
    }
    c->titles = 0;
    c->menu_open = false;
}

const struct text_layout *ui_chrome_title(const struct ui_chrome *c)
{
    return c->nav && c->shown >= 0 ? c->title[c->shown].layout : NULL;
}

void ui_chrome_menu(struct ui_chrome *c, bool open)
{
    c->menu_open = open && c->fit.langs == UI_CHROME_LANGS_MENU &&
                   c->menu_heading;
}

size_t ui_chrome_targets(const struct ui_chrome *c, const char **ids,
                         SDL_Rect *rects, size_t max)
{
    size_t n = 0;
#define ADD(b)                                                                 \
    do {                                                                       \
        if (n < max && (b)->label) {                                           \
            ids[n] = (b)->id;                                                  \
            rects[n] = (b)->rect;                                       \
            n++;                                                               \
        }                                                                      \
    } while (0)
    if (c->menu_open) {
        for (int i = 0; i < TEXT_LANG_COUNT; i++)
            ADD(&c->menu_row[i]);
        if (!SDL_HasIntersection(&c->menu_panel, &c->menu_button.rect))
            ADD(&c->menu_button);
        return n;
    }
    if (c->nav) {
        ADD(&c->back);
        ADD(&c->home);
    }
    if (c->fit.langs == UI_CHROME_LANGS_MENU)
        ADD(&c->menu_button);
    else
        for (int i = 0; i < TEXT_LANG_COUNT; i++)
            ADD(&c->lang[i]);
    if (n < max && c->glyph_small) {
        ids[n] = c->size.id;
        rects[n] = c->size.rect;
        n++;
    }
#undef ADD
    return n;
}

const char *ui_chrome_hit(const struct ui_chrome *c, int x, int y)
{
    const char *ids[UI_CHROME_TARGETS];
    SDL_Rect rects[UI_CHROME_TARGETS];
    size_t n = ui_chrome_targets(c, ids, rects, UI_CHROME_TARGETS);
    SDL_Point p = {x, y};
    for (size_t i = 0; i < n; i++)
        if (SDL_PointInRect(&p, &rects[i]))
            return ids[i];
    return NULL;
}

/* ---- drawing ------------------------------------------------------------ */

static void fill(SDL_Renderer *r, SDL_Rect box, SDL_Color col)
{
    SDL_SetRenderDrawColor(r, col.r, col.g, col.b, 255);
    SDL_RenderFillRect(r, &box);
}

static void outline(SDL_Renderer *r, SDL_Rect box, int line, SDL_Color col)
{
    SDL_SetRenderDrawColor(r, col.r, col.g, col.b, 255);
    for (int k = 0; k < line; k++) {
        SDL_Rect e = {box.x + k, box.y + k, box.w - 2 * k, box.h - 2 * k};
        SDL_RenderDrawRect(r, &e);
    }
}

static void centred(SDL_Renderer *r, struct atlas *atlas,
                    const struct text_layout *l, SDL_Rect box, SDL_Color ink)
{
    render_text_layout(r, atlas, l, box.x,
                       box.y + (box.h - text_layout_height_px(l)) / 2, ink);
}

/* The languages as one control: a track around the three, the chosen one
 * filled, a hairline in the gaps between them. */
static void draw_langs(const struct ui_chrome *c, SDL_Renderer *r,
                       struct atlas *atlas, const char *pressed)
{
    const struct ui_palette *pal = ui_theme_palette();
    int x0 = c->lang[0].rect.x, x1 = x0;
    for (int i = 0; i < TEXT_LANG_COUNT; i++) {
        SDL_Rect b = c->lang[i].rect;
        x0 = b.x < x0 ? b.x : x0;
        x1 = b.x + b.w > x1 ? b.x + b.w : x1;
    }
    SDL_Rect track = {x0, c->lang[0].rect.y, x1 - x0, c->lang[0].rect.h};
    for (int i = 0; i < TEXT_LANG_COUNT; i++) {
        const struct ui_button *b = &c->lang[i];
        bool down = pressed && strcmp(pressed, b->id) == 0;
        bool on = b->style == UI_BUTTON_SELECTED;
        if (down || on)
            fill(r, b->rect, down ? pal->muted : pal->ink);
        centred(r, atlas, b->label, b->rect,
                down || on ? pal->paper : pal->accent);
    }
    /* Dividers in the gaps, between unchosen neighbours' ends. */
    SDL_SetRenderDrawColor(r, pal->accent.r, pal->accent.g, pal->accent.b,
                           255);
    for (int i = 0; i < TEXT_LANG_COUNT; i++)
        for (int j = 0; j < TEXT_LANG_COUNT; j++) {
            SDL_Rect a = c->lang[i].rect, b = c->lang[j].rect;
            if (i == j || a.x + a.w > b.x || b.x - (a.x + a.w) > a.h)
                continue;
            int mx = (a.x + a.w + b.x) / 2;
            SDL_Rect d = {mx - c->line / 2, a.y + a.h / 4, c->line,
                          a.h / 2};
            SDL_RenderFillRect(r, &d);
        }
    outline(r, track, c->line, pal->accent);
}

/* The text size: a small and a large A (and the label), outlined; filled
 * while larger text is on. */
static void draw_size(const struct ui_chrome *c, SDL_Renderer *r,
                      struct atlas *atlas, bool down)
{
    const struct ui_palette *pal = ui_theme_palette();
    SDL_Rect b = c->size.rect;
    bool on = c->size.style == UI_BUTTON_SELECTED;
    if (down || on)
        fill(r, b, down ? pal->muted : pal->ink);
    else
        outline(r, b, c->line, pal->accent);
    SDL_Color ink = down || on ? pal->paper : pal->accent;
    int ws = (int)(c->glyph_small->lines[0].width / TEXT_ONE),
        wl = (int)(c->glyph_large->lines[0].width / TEXT_ONE);
    int hs = text_layout_height_px(c->glyph_small),
        hl = text_layout_height_px(c->glyph_large);
    bool label = c->fit.size_label;
    int lw = label && c->size_label
                 ? (int)(c->size_label->lines[0].width / TEXT_ONE)
                 : 0;
    int gap = hs / 6, lgap = label ? hs / 2 : 0;
    int total = ws + gap + wl + lgap + lw;
    int x = b.x + (b.w - total) / 2;
    /* Baselines on one line. */
    int base = b.y + (b.h - hl) / 2 +
               (int)(c->glyph_large->lines[0].baseline / TEXT_ONE);
    int sb = (int)(c->glyph_small->lines[0].baseline / TEXT_ONE);
    render_text_layout(r, atlas, c->glyph_small,
                       x - (int)(c->glyph_small->lines[0].x / TEXT_ONE),
                       base - sb, ink);
    x += ws + gap;
    render_text_layout(r, atlas, c->glyph_large,
                       x - (int)(c->glyph_large->lines[0].x / TEXT_ONE),
                       b.y + (b.h - hl) / 2, ink);
    x += wl + lgap;
    if (label && c->size_label) {
        int lb = (int)(c->size_label->lines[0].baseline / TEXT_ONE);
        render_text_layout(r, atlas, c->size_label,
                           x - (int)(c->size_label->lines[0].x / TEXT_ONE),
                           base - lb, ink);
    }
}

/* The chooser's button: the name and a chevron pointing down at its far
 * side. */
static void draw_menu_button(const struct ui_chrome *c, SDL_Renderer *r,
                             struct atlas *atlas, bool down)
{
    const struct ui_palette *pal = ui_theme_palette();
    const struct ui_button *b = &c->menu_button;
    bool on = c->menu_open;
    if (down || on)
        fill(r, b->rect, down ? pal->muted : pal->ink);
    else
        outline(r, b->rect, c->line, pal->accent);
    SDL_Color ink = down || on ? pal->paper : pal->accent;
    int th = text_layout_height_px(b->label);
    int lw = label_w(b->label);
    int chev = b->rect.h / 5;
    int total = lw + chev * 3;
    int lx = b->rect.x + (b->rect.w - total) / 2;
    bool rtl = c->mirrored;
    int text_x = rtl ? lx + chev * 3 : lx;
    int cx = rtl ? lx + chev : lx + lw + chev * 2;
    render_text_layout(r, atlas, b->label,
                       text_x - (int)(b->label->lines[0].x / TEXT_ONE),
                       b->rect.y + (b->rect.h - th) / 2, ink);
    int cy = b->rect.y + b->rect.h / 2 - chev / 2;
    SDL_SetRenderDrawColor(r, ink.r, ink.g, ink.b, 255);
    for (int k = 0; k < c->line + 1; k++) {
        SDL_RenderDrawLine(r, cx - chev, cy + k, cx, cy + chev + k);
        SDL_RenderDrawLine(r, cx, cy + chev + k, cx + chev, cy + k);
    }
}

/* A drawn icon's button: its outline (filled while pressed), and the
 * icon's ink set; returns the box. */
static SDL_Rect icon_box(const struct ui_chrome *c, SDL_Renderer *r,
                         SDL_Rect b, bool down)
{
    const struct ui_palette *pal = ui_theme_palette();
    if (down)
        fill(r, b, pal->muted);
    else
        outline(r, b, c->line, pal->accent);
    SDL_Color ink = down ? pal->paper : pal->accent;
    SDL_SetRenderDrawColor(r, ink.r, ink.g, ink.b, 255);
    return b;
}

/* Back as a chevron pointing to the reading edge (right in Uyghur), in
 * the button's outline. */
static void draw_back_icon(const struct ui_chrome *c, SDL_Renderer *r,
                           bool down)
{
    bool mirrored = c->mirrored;
    SDL_Rect b = icon_box(c, r, c->back.rect, down);
    int s = b.h / 4, cx = b.x + b.w / 2, cy = b.y + b.h / 2;
    int tip = mirrored ? cx + s / 2 : cx - s / 2;
    int tail = mirrored ? tip - s : tip + s;
    for (int k = 0; k < c->line + 1; k++) {
        int d = mirrored ? -k : k;
        SDL_RenderDrawLine(r, tail + d, cy - s, tip + d, cy);
        SDL_RenderDrawLine(r, tip + d, cy, tail + d, cy + s);
    }
}

/* Home as a house: a roof and walls in the button's outline. */
static void draw_home_icon(const struct ui_chrome *c, SDL_Renderer *r,
                           bool down)
{
    SDL_Rect b = icon_box(c, r, c->home.rect, down);
    int s = b.h / 2, cx = b.x + b.w / 2, top = b.y + b.h / 4;
    int eave = top + s / 2, bottom = top + s;
    for (int k = 0; k < c->line + 1; k++) {
        SDL_RenderDrawLine(r, cx - s / 2 - k / 2, eave + k / 2, cx, top + k);
        SDL_RenderDrawLine(r, cx, top + k, cx + s / 2 + k / 2, eave + k / 2);
        SDL_RenderDrawLine(r, cx - s / 3 + k, eave, cx - s / 3 + k, bottom);
        SDL_RenderDrawLine(r, cx + s / 3 - k, eave, cx + s / 3 - k, bottom);
        SDL_RenderDrawLine(r, cx - s / 3, bottom - k, cx + s / 3,
                           bottom - k);
    }
}

static void draw_menu(const struct ui_chrome *c, SDL_Renderer *r,
                      struct atlas *atlas, const char *pressed)
{
    const struct ui_palette *pal = ui_theme_palette();
    fill(r, c->menu_panel, pal->paper);
    render_text_log_cover(atlas_text_log(atlas), &c->menu_panel);
    outline(r, c->menu_panel, c->line, pal->accent);
    render_text_layout(r, atlas, c->menu_heading, c->menu_heading_at.x,
                       c->menu_heading_at.y, pal->ink);
    for (int i = 0; i < TEXT_LANG_COUNT; i++)
        ui_button_draw(&c->menu_row[i], r, atlas,
                       pressed && strcmp(pressed, c->menu_row[i].id) == 0);
}

void ui_chrome_draw(const struct ui_chrome *c, SDL_Renderer *r,
                    struct atlas *atlas, const char *pressed)
{
    if (!c->glyph_small)
        return;
    const struct ui_palette *pal = ui_theme_palette();
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
    if (c->nav) {
        bool back_down = pressed && strcmp(pressed, c->back.id) == 0;
        if (c->fit.back_icon)
            draw_back_icon(c, r, back_down);
        else
            ui_button_draw(&c->back, r, atlas, back_down);
        if (c->fit.home_icon)
            draw_home_icon(c, r,
                           pressed && strcmp(pressed, c->home.id) == 0);
        else
            ui_button_draw(&c->home, r, atlas,
                           pressed && strcmp(pressed, c->home.id) == 0);
        if (c->shown >= 0) {
            const struct ui_chrome_title *t = &c->title[c->shown];
            render_text_layout(r, atlas, t->layout, t->rect.x, t->rect.y,
                               pal->accent);
        }
    }
    if (c->fit.langs == UI_CHROME_LANGS_MENU)
        draw_menu_button(c, r, atlas,
                         pressed && strcmp(pressed, c->menu_button.id) == 0);
    else
        draw_langs(c, r, atlas, pressed);
    draw_size(c, r, atlas, pressed && strcmp(pressed, c->size.id) == 0);
    if (c->menu_open)
        draw_menu(c, r, atlas, pressed);
}

const char *ui_chrome_fit_name(const struct ui_chrome *c)
{
    return c->fit_index >= 1 && c->fit_index <= UI_CHROME_FITS
               ? fit_names[c->fit_index - 1]
               : "none";
}
