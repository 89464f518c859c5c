/* staff_screen.c: the staff keypad and panel pages (see staff_screen.h).
 *
 * Sizes come from the screen's ui_metrics (the theme's one rule, at 1080
 * px) and every mirrored placement from the theme's direction helpers, so
 * this file never asks which way the interface reads; the chart's time
 * axis is the chart's own decision (ui/bar_chart.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "render/draw_text.h"
#include "ui/format.h"
#include "ui/staff_screen.h"
#include "ui/textlist.h"
#include "ui/theme.h"

#define MAX_BUTTONS 24
#define MAX_TEXTS 48

struct ui_staff_screen {
    const struct text_fonts *fonts;
    struct ui_staff_model m;
    enum text_lang lang;
    int w, h;
    struct ui_metrics metrics; /* of the screen, in `lang` */
    struct ui_button button[MAX_BUTTONS];
    size_t button_count;
    bool keys_locked;  /* the keypad is drawn veiled and never hit */
    SDL_Rect keypad;   /* the keys' area */
    struct ui_textlist text; /* at most MAX_TEXTS */
    SDL_Rect header, body;
    SDL_Rect dots;     /* where the typed digits' dots go */
    struct ui_bar_chart chart;
    SDL_Rect legend[TEXT_LANG_COUNT];
};

static const char *const page_ids[UI_STAFF_PAGE_COUNT] = {
    "staff:tab:diag", "staff:tab:stats", "staff:tab:touch",
    "staff:tab:actions"};

const char *ui_staff_page_id(enum ui_staff_page page)
{
    return (unsigned)page < UI_STAFF_PAGE_COUNT ? page_ids[page] : NULL;
}

/* The statistics' colour of each language, in enum text_lang's order. */
static const SDL_Color lang_color[TEXT_LANG_COUNT] = {
    [TEXT_LANG_ZH] = {168, 52, 36, 255},
    [TEXT_LANG_EN] = {44, 98, 150, 255},
    [TEXT_LANG_UG] = {196, 136, 40, 255},
};

struct ui_staff_screen *ui_staff_screen_create(const struct text_fonts *f)
{
    struct ui_staff_screen *s = xcalloc(1, sizeof *s);
    s->fonts = f;
    return s;
}

static void clear(struct ui_staff_screen *s)
{
    for (size_t i = 0; i < s->button_count; i++)
        ui_button_fini(&s->button[i]);
    s->button_count = 0;
    ui_textlist_take(&s->text, 0);
    ui_bar_chart_fini(&s->chart);
    memset(s->legend, 0, sizeof s->legend);
    s->keys_locked = false;
}

void ui_staff_screen_destroy(struct ui_staff_screen *s)
{
    if (!s)
        return;
    clear(s);
    ui_textlist_fini(&s->text);
    free(s);
}

static int px(const struct ui_staff_screen *s, int at1080)
{
    return ui_px(&s->metrics, at1080);
}

/* Lays out `str` in a box at (x, y) of width w in direction `dir`;
 * returns its height. */
static int add_text_dir(struct ui_staff_screen *s, const char *role,
                        int size, enum text_dir dir, enum text_align align,
                        int x, int y, int w, const char *str,
                        SDL_Color color)
{
    if (s->text.count >= MAX_TEXTS)
        return 0;
    struct text_layout *l = ui_text_lay(
        s->fonts, (struct ui_text_style){role, 0, dir}, s->lang, size, w,
        align, str, strlen(str));
    ui_textlist_add(&s->text, l, x, y, color);
    return text_layout_height_px(l);
}

/* Text in the screen's language and direction. */
static int add_text(struct ui_staff_screen *s, const char *role, int size,
                    enum text_align align, int x, int y, int w,
                    const char *str, SDL_Color color)
{
    return add_text_dir(s, role, size, TEXT_DIR_LANG, align, x, y, w, str,
                        color);
}

/* A technical value (numbers, paths, the importer's English): always
 * left to right, lined up with the reading edge of its box as English
 * text would be. */
static int add_value(struct ui_staff_screen *s, int size, int x, int y,
                     int w, const char *str, SDL_Color color)
{
    return add_text_dir(s, "ui", size, TEXT_DIR_LTR,
                        ui_align_start(&s->metrics, TEXT_LANG_EN), x, y, w,
                        str, color);
}

static struct ui_button *add_button(struct ui_staff_screen *s,
                                    const char *id, const char *label,
                                    int size, SDL_Rect rect,
                                    enum ui_button_style style)
{
    if (s->button_count >= MAX_BUTTONS)
        return NULL;
    struct ui_button *b = &s->button[s->button_count++];
    memset(b, 0, sizeof *b);
    ui_button_place(b, s->fonts, id, label, s->lang, size, rect, style);
    return b;
}

static const char *t(const struct ui_staff_screen *s, enum ui_staff_text id)
{
    return ui_staff_text(id, s->lang);
}

/* The keypad: title, prompt, dots, message, 1-9, clear 0 delete, then
 * cancel and OK.  Centred, the same in every language. */
static void layout_pin(struct ui_staff_screen *s)
{
    const struct ui_palette *pal = ui_theme_palette();
    const struct ui_staff_model *m = &s->m;
    int cw = px(s, 900) < s->w - 2 * px(s, 40) ? px(s, 900)
                                               : s->w - 2 * px(s, 40);
    int cx = (s->w - cw) / 2, y = px(s, 56);
    y += add_text(s, "title", px(s, 48), TEXT_ALIGN_CENTER, cx, y, cw,
                  t(s, UI_ST_TITLE), pal->accent);
    y += px(s, 8);
    y += add_text(s, "ui", px(s, 30), TEXT_ALIGN_CENTER, cx, y, cw,
                  t(s, UI_ST_ENTER_PIN), pal->ink);
    s->dots = (SDL_Rect){cx, y + px(s, 16), cw, px(s, 36)};
    y = s->dots.y + s->dots.h + px(s, 16);
    int mh = add_text(s, "ui", px(s, 26), TEXT_ALIGN_CENTER, cx, y, cw,
                      m->message, m->alert ? pal->accent : pal->muted);
    y += (mh > px(s, 40) ? mh : px(s, 40)) + px(s, 20);

    int kw = px(s, 150), kh = px(s, 92), gap = px(s, 14);
    int gw = 3 * kw + 2 * gap, gx = (s->w - gw) / 2;
    static const char *const row4[3] = {"clear", "0", "back"};
    s->keypad = (SDL_Rect){gx, y, gw, 4 * kh + 3 * gap};
    for (int k = 0; k < 12; k++) {
        char id[32], label[16];
        const char *text = label;
        if (k < 9) {
            snprintf(id, sizeof id, "staff:key:%d", k + 1);
            snprintf(label, sizeof label, "%d", k + 1);
        } else {
            snprintf(id, sizeof id, "staff:key:%s", row4[k - 9]);
            snprintf(label, sizeof label, "%s", row4[k - 9]);
            if (k == 9)
                text = t(s, UI_ST_CLEAR);
            else if (k == 11)
                text = t(s, UI_ST_BACKSPACE);
        }
        SDL_Rect r = {gx + (k % 3) * (kw + gap), y + (k / 3) * (kh + gap),
                      kw, kh};
        add_button(s, id, text, k < 9 || k == 10 ? px(s, 40) : px(s, 26), r,
                   UI_BUTTON_PLAIN);
    }
    s->keys_locked = !m->keys_enabled;
    y += 4 * kh + 4 * gap;
    /* Cancel then OK in reading order (the digits keep theirs). */
    int bw = (gw - gap) / 2, slot_x[2] = {gx, gx + bw + gap};
    const struct ui_metrics *mt = &s->metrics;
    add_button(s, "staff:pin:cancel", t(s, UI_ST_CANCEL), px(s, 30),
               (SDL_Rect){slot_x[ui_reading_slot(mt, 0, 2)], y, bw, kh},
               UI_BUTTON_PLAIN);
    if (m->keys_enabled)
        add_button(s, "staff:pin:ok", t(s, UI_ST_OK), px(s, 30),
                   (SDL_Rect){slot_x[ui_reading_slot(mt, 1, 2)], y, bw, kh},
                   UI_BUTTON_PRIMARY);
    /* On a tall screen the whole keypad sits in the middle. */
    int dy = (s->h - (y + kh)) / 2 - px(s, 56);
    if (dy <= 0)
        return;
    for (size_t i = 0; i < s->text.count; i++)
        s->text.items[i].y += dy;
    for (size_t i = 0; i < s->button_count; i++)
        s->button[i].rect.y += dy;
    s->dots.y += dy;
    s->keypad.y += dy;
}

/* The panel's bar: the title, the tabs and Close, in reading order; the
 * tabs get a row of their own when one row is too narrow. */
static void layout_header(struct ui_staff_screen *s)
{
    const struct ui_palette *pal = ui_theme_palette();
    int margin = px(s, 40), bh = px(s, 72), size = px(s, 28);
    int row = px(s, 104);
    int th = add_text(s, "title", px(s, 40), TEXT_ALIGN_START, margin, 0,
                      s->w - 2 * margin, t(s, UI_ST_TITLE), pal->accent);
    int title_w = 0;
    if (th > 0) {
        struct ui_text *title = &s->text.items[s->text.count - 1];
        const struct text_layout *l = title->layout;
        title->y = (row - th) / 2;
        title_w = l->line_count ? l->lines[0].width / TEXT_ONE : 0;
    }
    struct ui_button *close = add_button(
        s, "staff:close", t(s, UI_ST_CLOSE), size,
        (SDL_Rect){0, (row - bh) / 2, 0, bh}, UI_BUTTON_PRIMARY);
    SDL_Rect inside = {margin, 0, s->w - 2 * margin, row};
    if (close)
        close->rect.x = ui_end_x(&s->metrics, inside, close->rect.w);
    static const enum ui_staff_text tab_text[UI_STAFF_PAGE_COUNT] = {
        UI_ST_TAB_DIAG, UI_ST_TAB_STATS, UI_ST_TAB_TOUCH, UI_ST_TAB_ACTIONS};
    size_t first = s->button_count;
    int total = 0, gap = px(s, 12);
    for (int p = 0; p < UI_STAFF_PAGE_COUNT; p++) {
        struct ui_button *b = add_button(
            s, page_ids[p], t(s, tab_text[p]), size,
            (SDL_Rect){0, (row - bh) / 2, 0, bh},
            p == (int)s->m.page ? UI_BUTTON_SELECTED : UI_BUTTON_PLAIN);
        total += b ? b->rect.w + gap : 0;
    }
    int start = margin + title_w + px(s, 40);
    int end = s->w - margin - (close ? close->rect.w : 0) - px(s, 24);
    bool own_row = total > end - start;
    int x = own_row ? margin : start, y = (row - bh) / 2;
    if (own_row)
        y += row;
    SDL_Rect screen = {0, 0, s->w, s->h};
    for (size_t i = first; i < s->button_count; i++) {
        struct ui_button *b = &s->button[i];
        b->rect.y = y;
        b->rect.x = x;
        b->rect = ui_mirror_rect(&s->metrics, screen, b->rect);
        x += b->rect.w + gap;
    }
    s->header = (SDL_Rect){0, 0, s->w, own_row ? 2 * row : row};
    s->body = (SDL_Rect){px(s, 60), s->header.h + px(s, 32),
                         s->w - 2 * px(s, 60),
                         s->h - s->header.h - px(s, 32) - px(s, 40)};
}

static void layout_diag(struct ui_staff_screen *s)
{
    const struct ui_palette *pal = ui_theme_palette();
    const struct ui_staff_model *m = &s->m;
    SDL_Rect b = s->body;
    int lw = b.w * 30 / 100, gap = px(s, 24), size = px(s, 26);
    int vw = b.w - lw - gap, y = b.y;
    int lx = ui_start_x(&s->metrics, b, lw), vx = ui_end_x(&s->metrics, b, vw);
    if (m->message[0]) /* e.g. the PIN should be set again */
        y += add_text(s, "ui", size, TEXT_ALIGN_START, b.x, y, b.w,
                      m->message, pal->accent) + px(s, 16);
    for (int i = 0; i < m->diag_count && i < UI_STAFF_DIAG_ROWS; i++) {
        int h1 = add_text(s, "ui", size, TEXT_ALIGN_START, lx, y, lw,
                          t(s, m->diag[i].label), pal->muted);
        int h2 = add_value(s, size, vx, y, vw, m->diag[i].value, pal->ink);
        y += (h1 > h2 ? h1 : h2) + px(s, 8);
    }
    y += px(s, 16);
    y += add_text(s, "ui", size, TEXT_ALIGN_START, b.x, y, b.w,
                  t(s, UI_ST_LAST_IMPORT), pal->accent);
    /* The report is the importer's (English); one paragraph a line. */
    const char *p = m->import_report[0] ? m->import_report
                                        : t(s, UI_ST_NONE);
    /* As many lines as fit on the page. */
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        char line[512];
        snprintf(line, sizeof line, "%.*s", (int)(n < 511 ? n : 511), p);
        int lh = line[0] ? add_value(s, px(s, 22), b.x, y, b.w, line,
                                     pal->ink)
                         : px(s, 12);
        if (y + lh > b.y + b.h) {
            if (line[0] && lh > 0) /* it does not fit: take it back */
                ui_textlist_take(&s->text, s->text.count - 1);
            break;
        }
        y += lh;
        p += n + (nl ? 1 : 0);
    }
}

static void layout_stats(struct ui_staff_screen *s)
{
    const struct ui_palette *pal = ui_theme_palette();
    const struct ui_staff_model *m = &s->m;
    SDL_Rect b = s->body;
    int y = b.y, size = px(s, 26);
    enum text_align start = TEXT_ALIGN_START;
    if (!m->stats_available || m->stats_reading) {
        add_text(s, "ui", size, start, b.x, y, b.w,
                 t(s, m->stats_available ? UI_ST_STATS_READING
                                         : UI_ST_NO_STATS),
                 pal->ink);
        return;
    }
    y += add_text(s, "ui", px(s, 30), start, b.x, y, b.w,
                  t(s, UI_ST_CHART_TITLE), pal->accent) + px(s, 16);
    /* The legend: a colour square and the language's own name, each in
     * a slot of its own from the reading edge. */
    int lx = 0, sq = px(s, 24), slot = px(s, 220);
    int name_w = slot - sq - px(s, 12);
    for (int k = 0; k < TEXT_LANG_COUNT; k++) {
        SDL_Rect at = ui_mirror_rect(&s->metrics, b,
                                     (SDL_Rect){b.x + lx, y, slot, sq});
        s->legend[k] = (SDL_Rect){ui_start_x(&s->metrics, at, sq),
                                  y + px(s, 6), sq, sq};
        add_text(s, "ui", px(s, 24), start,
                 ui_end_x(&s->metrics, at, name_w), y, name_w,
                 text_lang_info((enum text_lang)k)->own_name, pal->ink);
        lx += slot;
    }
    y += px(s, 56);
    char line[256], n[32];
    int summary = px(s, 96);
    SDL_Rect area = {b.x, y, b.w, b.y + b.h - y - summary};
    const char *labels[UI_STAFF_DAYS];
    for (int d = 0; d < UI_STAFF_DAYS; d++)
        labels[d] = m->day_label[d];
    ui_bar_chart_set(&s->chart, s->fonts, s->lang, area, UI_STAFF_DAYS,
                     m->day_sessions, lang_color, labels, px(s, 20));
    y = area.y + area.h + px(s, 16);
    snprintf(n, sizeof n, "%u", m->total_sessions);
    ui_fill(line, sizeof line, t(s, UI_ST_VISITS), "n", n);
    y += add_text(s, "ui", size, start, b.x, y, b.w, line, pal->ink);
    snprintf(n, sizeof n, "%u", m->average_s);
    ui_fill(line, sizeof line, t(s, UI_ST_AVG_VISIT), "seconds", n);
    add_text(s, "ui", size, start, b.x, y, b.w, line, pal->ink);
}

static void layout_touch(struct ui_staff_screen *s)
{
    const struct ui_palette *pal = ui_theme_palette();
    SDL_Rect b = s->body;
    int y = b.y + add_text(s, "ui", px(s, 28), TEXT_ALIGN_START, b.x, b.y,
                           b.w, t(s, UI_ST_TOUCH_HINT), pal->ink);
    char line[128], n[16];
    snprintf(n, sizeof n, "%d", s->m.touches);
    ui_fill(line, sizeof line, t(s, UI_ST_TOUCHES), "n", n);
    add_text(s, "ui", px(s, 28), TEXT_ALIGN_START, b.x, y + px(s, 8), b.w,
             line, pal->accent);
}

static void layout_actions(struct ui_staff_screen *s)
{
    const struct ui_palette *pal = ui_theme_palette();
    const struct ui_staff_model *m = &s->m;
    SDL_Rect b = s->body;
    int bw = b.w < px(s, 820) ? b.w : px(s, 820), bh = px(s, 104);
    int x = ui_start_x(&s->metrics, b, bw), y = b.y;
    char label[256], n[16];
    if (m->rollback_to) {
        snprintf(n, sizeof n, "%u", m->rollback_to);
        ui_fill(label, sizeof label, t(s, UI_ST_ROLLBACK), "n", n);
    }
    struct {
        const char *id;
        const char *label;
    } act[3] = {{"staff:action:rollback", m->rollback_to ? label : NULL},
                {"staff:action:restart", t(s, UI_ST_RESTART)},
                {"staff:action:console", t(s, UI_ST_CONSOLE)}};
    for (int i = 0; i < 3; i++) {
        if (!act[i].label) {
            y += add_text(s, "ui", px(s, 28), TEXT_ALIGN_START, b.x,
                          y + px(s, 30), b.w, t(s, UI_ST_NO_ROLLBACK),
                          pal->muted) + px(s, 60) + px(s, 24);
            continue;
        }
        bool armed = strcmp(m->armed, act[i].id) == 0;
        char confirm[512];
        snprintf(confirm, sizeof confirm, "%s — %s", act[i].label,
                 t(s, UI_ST_CONFIRM));
        add_button(s, act[i].id, armed ? confirm : act[i].label,
                   px(s, 32), (SDL_Rect){x, y, bw, bh},
                   armed ? UI_BUTTON_SELECTED : UI_BUTTON_PLAIN);
        y += bh + px(s, 24);
    }
    if (m->action_message[0])
        add_text(s, "ui", px(s, 28), TEXT_ALIGN_START, b.x, y + px(s, 8),
                 b.w, m->action_message, pal->accent);
}

void ui_staff_screen_set(struct ui_staff_screen *s,
                         const struct ui_staff_model *m, enum text_lang lang,
                         int w, int h)
{
    clear(s);
    s->m = *m;
    s->lang = lang;
    s->w = w;
    s->h = h;
    ui_metrics_init(&s->metrics, w, h, 0, lang, false);
    s->header = s->body = s->dots = s->keypad = (SDL_Rect){0, 0, 0, 0};
    if (m->view == UI_STAFF_VIEW_PIN) {
        layout_pin(s);
        return;
    }
    layout_header(s);
    switch (m->page) {
    case UI_STAFF_PAGE_DIAG:
        layout_diag(s);
        break;
    case UI_STAFF_PAGE_STATS:
        layout_stats(s);
        break;
    case UI_STAFF_PAGE_TOUCH:
        layout_touch(s);
        break;
    default:
        layout_actions(s);
        break;
    }
}

static bool enabled(const struct ui_staff_screen *s,
                    const struct ui_button *b)
{
    return !(s->keys_locked && strncmp(b->id, "staff:key:", 10) == 0);
}

const char *ui_staff_screen_hit(const struct ui_staff_screen *s, int x,
                                int y)
{
    for (size_t i = 0; i < s->button_count; i++)
        if (enabled(s, &s->button[i]) && ui_button_hit(&s->button[i], x, y))
            return s->button[i].id;
    return NULL;
}

size_t ui_staff_screen_buttons(const struct ui_staff_screen *s,
                               const struct ui_button **out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < s->button_count && n < max; i++)
        if (enabled(s, &s->button[i]))
            out[n++] = &s->button[i];
    return n;
}

const struct ui_bar_chart *ui_staff_screen_chart(
    const struct ui_staff_screen *s)
{
    return &s->chart;
}

static void fill(SDL_Renderer *r, SDL_Color c, Uint8 a, SDL_Rect rect)
{
    SDL_SetRenderDrawBlendMode(r, a == 255 ? SDL_BLENDMODE_NONE
                                           : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(r, c.r, c.g, c.b, a);
    SDL_RenderFillRect(r, &rect);
}

/* A filled disc of radius rad, by spans. */
static void disc(SDL_Renderer *r, int cx, int cy, int rad)
{
    for (int dy = -rad; dy <= rad; dy++) {
        int dx = 0;
        while ((dx + 1) * (dx + 1) + dy * dy <= rad * rad)
            dx++;
        SDL_RenderDrawLine(r, cx - dx, cy + dy, cx + dx, cy + dy);
    }
}

static void draw_touches(const struct ui_staff_screen *s, SDL_Renderer *r,
                         const struct ui_staff_touch *touch, size_t n)
{
    const struct ui_palette *pal = ui_theme_palette();
    SDL_Rect b = s->body;
    SDL_RenderSetClipRect(r, &b);
    for (size_t i = 0; i < n; i++) {
        int x = (int)touch[i].x, y = (int)touch[i].y;
        /* A crosshair across the page shows where the screen thinks the
         * finger is, so a turned or miscalibrated panel is obvious. */
        SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
        SDL_SetRenderDrawColor(r, pal->muted.r, pal->muted.g, pal->muted.b,
                               255);
        SDL_RenderDrawLine(r, b.x, y, b.x + b.w, y);
        SDL_RenderDrawLine(r, x, b.y, x, b.y + b.h);
        SDL_RenderDrawLine(r, (int)touch[i].x0, (int)touch[i].y0, x, y);
        const SDL_Color *c = &lang_color[i % TEXT_LANG_COUNT];
        SDL_SetRenderDrawColor(r, c->r, c->g, c->b, 255);
        disc(r, x, y, px(s, 36));
        disc(r, (int)touch[i].x0, (int)touch[i].y0, px(s, 8));
    }
    SDL_RenderSetClipRect(r, NULL);
}

void ui_staff_screen_draw(const struct ui_staff_screen *s, SDL_Renderer *r,
                          struct atlas *atlas, const char *pressed,
                          const struct ui_staff_touch *touches,
                          size_t touch_count)
{
    const struct ui_palette *pal = ui_theme_palette();
    fill(r, pal->paper, 255, (SDL_Rect){0, 0, s->w, s->h});
    if (s->header.h > 0) {
        fill(r, pal->highlight, 255, s->header);
        fill(r, pal->rule, 255,
             (SDL_Rect){0, s->header.h - 2, s->w, 2});
    }
    if (s->m.view == UI_STAFF_VIEW_PIN) {
        /* One dot per digit typed, centred; a rule when there is none. */
        int d = s->dots.h * 2 / 3, gap = s->dots.h / 2;
        int n = s->m.digits, total = n * d + (n > 0 ? n - 1 : 0) * gap;
        int x = s->dots.x + (s->dots.w - total) / 2;
        SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
        SDL_SetRenderDrawColor(r, pal->ink.r, pal->ink.g, pal->ink.b, 255);
        for (int i = 0; i < n; i++)
            disc(r, x + i * (d + gap) + d / 2, s->dots.y + s->dots.h / 2,
                 d / 2);
        if (n == 0)
            fill(r, pal->rule, 255,
                 (SDL_Rect){s->dots.x + s->dots.w / 2 - s->dots.h * 2,
                            s->dots.y + s->dots.h / 2, s->dots.h * 4, 2});
    }
    ui_textlist_draw(&s->text, r, atlas, 0, s->text.count, 0, 0, 255, NULL);
    for (size_t i = 0; i < s->button_count; i++)
        ui_button_draw(&s->button[i], r, atlas,
                       pressed && enabled(s, &s->button[i]) &&
                           strcmp(pressed, s->button[i].id) == 0);
    if (s->keys_locked) /* the keys are veiled while they do nothing */
        fill(r, pal->paper, 170, s->keypad);
    if (s->m.view != UI_STAFF_VIEW_PANEL)
        return;
    if (s->m.page == UI_STAFF_PAGE_STATS) {
        ui_bar_chart_draw(&s->chart, r, atlas);
        for (int k = 0; k < TEXT_LANG_COUNT; k++)
            if (s->legend[k].w)
                fill(r, lang_color[k], 255, s->legend[k]);
    } else if (s->m.page == UI_STAFF_PAGE_TOUCH) {
        draw_touches(s, r, touches, touch_count);
    }
}
