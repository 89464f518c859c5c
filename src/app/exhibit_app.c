/* exhibit_app.c: the visitor's screens, the taps between them and the idle
 * reset (see exhibit_app.h).
 *
 * Everything a screen shows is laid out in relayout() -- when the exhibit,
 * the language, the text size or the window changes -- so drawing only
 * walks prepared layouts.  The countdown's 21 texts are laid out ahead for
 * the same reason. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/exhibit_app.h"
#include "app/staff.h"
#include "state/stats.h"
#include "core/diag.h"
#include "core/log.h"
#include "core/xalloc.h"
#include "input/scroll.h"
#include "map/hittest.h"
#include "map/scene.h"
#include "render/draw_text.h"
#include "ui/button.h"
#include "ui/chrome.h"
#include "ui/column.h"
#include "ui/format.h"
#include "ui/map_page.h"
#include "ui/place_card.h"
#include "ui/reader.h"
#include "ui/theme.h"

#define MAX_TARGETS 256
#define ATTRACT_PERIOD_MS 2400 /* one breath of "touch to begin" */
#define ATTRACT_FRAME_MS 50    /* 20 frames a second are smooth enough */

struct exhibit_app {
    const struct text_fonts *fonts;
    const struct exhibit *ex;
    enum text_lang lang;
    int w, h;
    SDL_Renderer *renderer;
    enum app_screen screen;
    bool large_text, summary;
    struct ui_chrome chrome;
    /* map */
    struct ui_map_page *map;
    struct ui_place_card *card;
    SDL_Rect map_area, card_area;
    int place; /* selected place index, or -1 */
    /* reader */
    struct ui_reader *reader;
    struct ui_button summary_button;
    /* simple pages */
    struct ui_column attract, home, about;
    struct ui_button home_button[3];
    /* idle */
    uint32_t last_input;
    bool prompt;
    int seconds_left;
    struct ui_column prompt_title;
    struct text_layout *countdown[APP_IDLE_COUNTDOWN_S + 1];
    struct ui_button prompt_continue;
    SDL_Rect prompt_panel;
    unsigned long frames;
    /* input */
    struct input_gesture gesture;
    struct input_scroll scroll; /* the reader's, or the about page's */
    uint32_t scroll_at;         /* when the scroll was last stepped */
    char pressed[48];           /* the button drawn pressed, or "" */
    bool swallow;               /* this touch dismissed the prompt */
    uint32_t attract_at;        /* the last breath frame */
    double diag_inch; /* the screen's, for the touch slop */
    unsigned idle_override_s; /* kiosk.conf's idle time; 0: content's */
    struct staff *staff; /* the hidden staff panel, over everything */
    /* usage statistics */
    const char *stats_dir;
    struct stats_session session;
    bool in_session;
};

static const char *const lang_tags[] = {"zh", "en", "ug"};

static void session_end(struct exhibit_app *a)
{
    if (!a->in_session)
        return;
    a->in_session = false;
    stats_session_end(&a->session, (int64_t)time(NULL));
    char err[256];
    if (!stats_append(a->stats_dir, &a->session, err, sizeof err))
        log_warn("app", "usage statistics not written: %s", err);
}

void exhibit_app_set_stats_dir(struct exhibit_app *a, const char *dir)
{
    a->stats_dir = dir;
}

void exhibit_app_set_staff(struct exhibit_app *a,
                           const struct staff_setup *setup)
{
    staff_configure(a->staff, setup);
}

bool exhibit_app_staff_open(const struct exhibit_app *a)
{
    return staff_is_open(a->staff);
}

void exhibit_app_open_staff(struct exhibit_app *a, uint32_t now)
{
    staff_open(a->staff, now);
}

void exhibit_app_set_content_problem(struct exhibit_app *a,
                                     const char *problem)
{
    staff_set_content_problem(a->staff, problem);
}

int exhibit_app_take_action(struct exhibit_app *a)
{
    return staff_take_action(a->staff);
}

void exhibit_app_set_idle_timeout(struct exhibit_app *a, unsigned seconds)
{
    a->idle_override_s = seconds;
}

static uint32_t idle_ms(const struct exhibit_app *a)
{
    return (a->idle_override_s ? a->idle_override_s
                               : a->ex->settings.idle_timeout_s) *
           1000u;
}

void exhibit_app_set_screen(struct exhibit_app *a, double diagonal_inch)
{
    a->diag_inch = diagonal_inch > 0 ? diagonal_inch
                                     : MAP_SCREEN_DIAG_INCH_DEFAULT;
}

struct exhibit_app *exhibit_app_create(const struct text_fonts *fonts)
{
    struct exhibit_app *a = xcalloc(1, sizeof *a);
    a->fonts = fonts;
    a->place = -1;
    a->diag_inch = MAP_SCREEN_DIAG_INCH_DEFAULT;
    a->map = ui_map_page_create(fonts);
    a->card = ui_place_card_create(fonts);
    a->reader = ui_reader_create(fonts);
    a->staff = staff_create(fonts, 0);
    struct input_gesture_config gc = INPUT_GESTURE_CONFIG_DEFAULT;
    input_gesture_init(&a->gesture, &gc);
    input_scroll_init(&a->scroll, 0, 0);
    return a;
}

static void free_pages(struct exhibit_app *a)
{
    ui_chrome_fini(&a->chrome);
    ui_column_fini(&a->attract);
    ui_column_fini(&a->home);
    ui_column_fini(&a->about);
    ui_column_fini(&a->prompt_title);
    for (int i = 0; i < 3; i++)
        ui_button_fini(&a->home_button[i]);
    ui_button_fini(&a->summary_button);
    ui_button_fini(&a->prompt_continue);
    for (int i = 0; i <= APP_IDLE_COUNTDOWN_S; i++) {
        text_layout_destroy(a->countdown[i]);
        a->countdown[i] = NULL;
    }
}

void exhibit_app_destroy(struct exhibit_app *a)
{
    if (!a)
        return;
    session_end(a);
    free_pages(a);
    ui_map_page_destroy(a->map);
    ui_place_card_destroy(a->card);
    ui_reader_destroy(a->reader);
    staff_destroy(a->staff);
    free(a);
}

static int unit(const struct exhibit_app *a)
{
    return a->w < a->h ? a->w : a->h;
}

static int px(const struct exhibit_app *a, int at1080)
{
    int v = unit(a) * at1080 / 1080;
    return v > 1 ? v : 1;
}

/* The area below the bar, inside the 40 px bezel margin. */
static SDL_Rect content_area(const struct exhibit_app *a)
{
    int bezel = px(a, 40) > 40 ? px(a, 40) : 40;
    int top = a->chrome.bottom + px(a, 8);
    return (SDL_Rect){bezel, top, a->w - 2 * bezel, a->h - top - bezel};
}

/* With a place selected its card takes a side -- the left in Uyghur,
 * which mirrors the chrome, never the map -- or the bottom in portrait. */
static void split(struct exhibit_app *a)
{
    SDL_Rect c = content_area(a);
    a->map_area = (SDL_Rect){0, c.y, a->w, a->h - c.y};
    a->card_area = (SDL_Rect){0, 0, 0, 0};
    if (a->place < 0)
        return;
    if (a->w >= a->h) {
        int cw = a->w * 36 / 100;
        bool left = a->lang == TEXT_LANG_UG;
        a->card_area = (SDL_Rect){left ? 0 : a->w - cw, c.y, cw,
                                  a->h - c.y};
        a->map_area = (SDL_Rect){left ? cw : 0, c.y, a->w - cw, a->h - c.y};
    } else {
        int ch = (a->h - c.y) * 45 / 100;
        a->card_area = (SDL_Rect){0, a->h - ch, a->w, ch};
        a->map_area = (SDL_Rect){0, c.y, a->w, a->h - ch - c.y};
    }
}

static void layout_map(struct exhibit_app *a)
{
    split(a);
    float slop = map_slop_px(MAP_SLOP_MM_DEFAULT, a->diag_inch,
                             a->w, a->h);
    ui_map_page_set(a->map, a->renderer, a->ex, a->lang, a->map_area, slop);
    if (a->place >= 0) {
        ui_map_page_select(a->map, a->renderer,
                           a->ex->places[a->place].feature, 0);
        ui_place_card_set(a->card, a->ex, (uint32_t)a->place, a->lang,
                          a->card_area);
    }
}

static const char *str(const struct exhibit_app *a, const char *id)
{
    return content_string(a->ex, id, a->lang);
}

/* Text that lines up with the chrome: start side, mirrored in Uyghur. */
static enum text_align side(const struct exhibit_app *a, enum text_lang l)
{
    bool rtl_text = l == TEXT_LANG_UG, mirrored = a->lang == TEXT_LANG_UG;
    return rtl_text == mirrored ? TEXT_ALIGN_START : TEXT_ALIGN_END;
}

static void layout_pages(struct exhibit_app *a)
{
    const struct ui_palette *pal = ui_theme_palette();
    const struct content_settings *s = &a->ex->settings;
    int scale = a->large_text ? 125 : 100;
    SDL_Rect full = {px(a, 96), px(a, 160), a->w - 2 * px(a, 96),
                     a->h - 2 * px(a, 160)};

    /* Attract: the title in three scripts, then "touch to begin" in
     * three languages, centred. */
    ui_column_init(&a->attract, a->fonts, full);
    static const enum text_lang all[3] = {TEXT_LANG_ZH, TEXT_LANG_EN,
                                          TEXT_LANG_UG};
    for (int i = 0; i < 3; i++)
        ui_column_add(&a->attract, "title", all[i], px(a, i ? 40 : 52),
                      TEXT_ALIGN_CENTER, 0, s->title[all[i]], pal->accent,
                      px(a, i ? 16 : 0));
    for (int i = 0; i < 3; i++)
        ui_column_add(&a->attract, "ui", all[i], px(a, 34),
                      TEXT_ALIGN_CENTER, 0,
                      content_string(a->ex, "attract.touch", all[i]),
                      pal->ink, px(a, i ? 12 : 96));
    a->attract.area.y = (a->h - a->attract.height) / 2;

    /* Home: the title, the subtitle, three large buttons. */
    SDL_Rect c = content_area(a);
    ui_column_init(&a->home, a->fonts,
                   (SDL_Rect){c.x + px(a, 40), c.y + px(a, 24),
                              c.w - 2 * px(a, 40), c.h});
    ui_column_add(&a->home, "title", a->lang, px(a, 48) * scale / 100,
                  side(a, a->lang), 0, s->title[a->lang], pal->accent, 0);
    ui_column_add(&a->home, "ui", a->lang, px(a, 28) * scale / 100,
                  side(a, a->lang), 0, s->subtitle[a->lang], pal->muted,
                  px(a, 12));
    static const char *const ids[3] = {"nav:read", "nav:map", "nav:about"};
    static const char *const labels[3] = {"home.read", "home.map",
                                          "home.about"};
    int bw = c.w < px(a, 900) ? c.w - 2 * px(a, 40) : px(a, 820);
    int bh = px(a, 112), by = a->home.area.y + a->home.height + px(a, 64);
    for (int i = 0; i < 3; i++) {
        int bx = a->lang == TEXT_LANG_UG ? c.x + c.w - px(a, 40) - bw
                                         : c.x + px(a, 40);
        ui_button_place(&a->home_button[i], a->fonts, ids[i],
                        str(a, labels[i]), a->lang,
                        px(a, 36) * scale / 100,
                        (SDL_Rect){bx, by, bw, bh},
                        i < 2 ? UI_BUTTON_PRIMARY : UI_BUTTON_PLAIN);
        by += bh + px(a, 32);
    }

    /* About: every section, title and text, in the current language, at
     * a readable measure (at most 34 em) on the reading side. */
    int body = px(a, 28) * scale / 100;
    SDL_Rect ac = c;
    if (ac.w > body * 34) {
        if (a->lang == TEXT_LANG_UG)
            ac.x += ac.w - body * 34;
        ac.w = body * 34;
    }
    ui_column_init(&a->about, a->fonts, ac);
    for (uint32_t i = 0; i < a->ex->about_count; i++) {
        const struct content_section *sec = &a->ex->about[i];
        ui_column_add(&a->about, "title", a->lang, px(a, 32) * scale / 100,
                      side(a, a->lang), 0, sec->title[a->lang], pal->accent,
                      i ? px(a, 36) : 0);
        ui_column_add(&a->about, "body", a->lang, body, side(a, a->lang),
                      a->lang == TEXT_LANG_EN ? 150 : 0, sec->text[a->lang],
                      pal->ink, px(a, 8));
    }

    /* The reader's summary toggle, at the start of its area. */
    const char *sum = str(a, a->summary ? "reader.summary-hide"
                                        : "reader.summary-show");
    ui_button_place(&a->summary_button, a->fonts, "nav:summary", sum,
                    a->lang, px(a, 26), (SDL_Rect){0, c.y, 0, px(a, 64)},
                    a->summary ? UI_BUTTON_SELECTED : UI_BUTTON_PLAIN);
    a->summary_button.rect.x = a->lang == TEXT_LANG_UG
                                   ? c.x + c.w - a->summary_button.rect.w
                                   : c.x;

    /* The idle prompt: a panel with its title, the countdown and a
     * button; every second's text is laid out now. */
    int pw = a->w * 60 / 100, ph = px(a, 420);
    a->prompt_panel = (SDL_Rect){(a->w - pw) / 2, (a->h - ph) / 2, pw, ph};
    ui_column_init(&a->prompt_title, a->fonts,
                   (SDL_Rect){a->prompt_panel.x + px(a, 40),
                              a->prompt_panel.y + px(a, 40),
                              pw - 2 * px(a, 40), ph});
    ui_column_add(&a->prompt_title, "title", a->lang, px(a, 48),
                  TEXT_ALIGN_CENTER, 0, str(a, "idle.title"), pal->accent,
                  0);
    const struct text_role *ui = text_fonts_role(a->fonts, "ui");
    for (int sec = 0; sec <= APP_IDLE_COUNTDOWN_S && ui; sec++) {
        char n[16], line[256];
        snprintf(n, sizeof n, "%d", sec);
        ui_fill(line, sizeof line, str(a, "idle.countdown"), "seconds", n);
        struct text_params tp = {.role = ui, .lang = a->lang,
                                 .size_px = px(a, 30),
                                 .width_px = a->prompt_title.area.w,
                                 .align = TEXT_ALIGN_CENTER};
        a->countdown[sec] = text_layout_create(a->fonts, &tp, line,
                                               strlen(line));
    }
    int cbw = px(a, 420);
    ui_button_place(&a->prompt_continue, a->fonts, "idle:continue",
                    str(a, "idle.continue"), a->lang, px(a, 32),
                    (SDL_Rect){a->prompt_panel.x + (pw - cbw) / 2,
                               a->prompt_panel.y + ph - px(a, 40) -
                                   px(a, 96),
                               cbw, px(a, 96)},
                    UI_BUTTON_PRIMARY);
}

static SDL_Rect reader_area(const struct exhibit_app *a)
{
    SDL_Rect c = content_area(a);
    int top = a->summary_button.rect.y + a->summary_button.rect.h +
              px(a, 16);
    return (SDL_Rect){c.x, top, c.w, c.y + c.h - top};
}

/* The scroller follows the screen's scrollable content. */
static void scroll_bounds(struct exhibit_app *a)
{
    if (a->screen == APP_SCREEN_READER) {
        input_scroll_set_bounds(&a->scroll, 0,
                                ui_reader_max_offset(a->reader));
        input_scroll_jump_to(&a->scroll, ui_reader_offset(a->reader));
    } else if (a->screen == APP_SCREEN_ABOUT) {
        double max = a->about.height - a->about.area.h;
        input_scroll_set_bounds(&a->scroll, 0, max > 0 ? max : 0);
        input_scroll_jump_to(&a->scroll, a->about.offset);
    } else {
        input_scroll_set_bounds(&a->scroll, 0, 0);
    }
}

static void relayout(struct exhibit_app *a)
{
    free_pages(a);
    staff_layout(a->staff, a->lang, a->w, a->h);
    if (!a->ex)
        return;
    ui_chrome_set(&a->chrome, a->fonts, a->ex, a->lang, a->w, a->h,
                  a->screen != APP_SCREEN_HOME, a->large_text);
    layout_pages(a);
    layout_map(a);
    float offset = ui_reader_offset(a->reader);
    ui_reader_set(a->reader, a->ex, a->lang, reader_area(a), a->summary,
                  a->large_text ? 125 : 100);
    ui_reader_set_offset(a->reader, offset);
    scroll_bounds(a);
}

void exhibit_app_layout(struct exhibit_app *a, SDL_Renderer *renderer,
                        const struct exhibit *ex, enum text_lang lang, int w,
                        int h)
{
    bool same = a->ex == ex;
    a->renderer = renderer;
    a->ex = ex;
    a->lang = lang;
    a->w = w;
    a->h = h;
    if (!same) {
        a->place = -1;
        ui_reader_highlight(a->reader, -1, false);
        ui_reader_set_offset(a->reader, 0);
    }
    relayout(a);
}

static const char *const screen_names[] = {"attract", "home", "reader",
                                           "map", "about"};

static void go(struct exhibit_app *a, enum app_screen s)
{
    if (s != a->screen)
        log_info("app", "screen %s", screen_names[s]);
    if (a->stats_dir && a->screen == APP_SCREEN_ATTRACT &&
        s != APP_SCREEN_ATTRACT && !a->in_session) {
        stats_session_begin(&a->session, (int64_t)time(NULL));
        stats_session_lang(&a->session, lang_tags[a->lang]);
        a->in_session = true;
    }
    if (a->in_session && s != a->screen)
        stats_session_screen(&a->session, screen_names[s]);
    bool back_changes = (a->screen == APP_SCREEN_HOME) !=
                        (s == APP_SCREEN_HOME);
    a->screen = s;
    if (back_changes) /* the bar shows back everywhere but Home */
        ui_chrome_set(&a->chrome, a->fonts, a->ex, a->lang, a->w, a->h,
                      s != APP_SCREEN_HOME, a->large_text);
    scroll_bounds(a);
}

static void select_place(struct exhibit_app *a, int place, uint32_t now)
{
    int before = a->place;
    log_info("app", "selected %s",
             place >= 0 ? a->ex->places[place].id : "nothing");
    if (a->in_session && place >= 0)
        stats_session_place(&a->session, a->ex->places[place].id);
    a->place = place;
    if ((before < 0) != (place < 0))
        layout_map(a); /* the card appears or goes: the map moves */
    else if (place >= 0)
        ui_place_card_set(a->card, a->ex, (uint32_t)place, a->lang,
                          a->card_area);
    ui_map_page_select(a->map, a->renderer,
                       place >= 0 ? a->ex->places[place].feature : -1, now);
}

static void open_reader(struct exhibit_app *a, uint32_t passage)
{
    if (a->in_session)
        stats_session_passage(&a->session, a->ex->passages[passage].id);
    ui_reader_highlight(a->reader, -1, false);
    ui_reader_highlight(a->reader, (int)passage, true);
    ui_reader_set_offset(a->reader,
                         ui_reader_passage_offset(a->reader, passage));
    go(a, APP_SCREEN_READER); /* the scroller starts at the passage */
}

static void reset(struct exhibit_app *a)
{
    session_end(a);
    a->prompt = false;
    a->place = -1;
    a->summary = false;
    a->large_text = false;
    a->lang = a->ex ? a->ex->settings.default_lang : TEXT_LANG_EN;
    ui_reader_highlight(a->reader, -1, false);
    ui_reader_set_offset(a->reader, 0);
    a->about.offset = 0;
    a->screen = APP_SCREEN_ATTRACT;
    a->pressed[0] = '\0';
    input_gesture_reset(&a->gesture, 0);
    relayout(a);
    ui_map_page_select(a->map, a->renderer, -1, 0);
}

static bool chrome_action(struct exhibit_app *a, const char *id)
{
    if (strcmp(id, "nav:back") == 0) {
        go(a, APP_SCREEN_HOME);
    } else if (strncmp(id, "lang:", 5) == 0) {
        enum text_lang l;
        if (!text_lang_parse(id + 5, &l) || l == a->lang)
            return false;
        a->lang = l;
        if (a->in_session)
            stats_session_lang(&a->session, lang_tags[l]);
        relayout(a);
    } else if (strcmp(id, "nav:text-size") == 0) {
        a->large_text = !a->large_text;
        relayout(a);
    } else {
        return false;
    }
    return true;
}

bool exhibit_app_tap(struct exhibit_app *a, SDL_Renderer *renderer, int x,
                     int y, uint32_t now)
{
    a->renderer = renderer;
    a->last_input = now;
    if (!a->ex)
        return false;
    if (a->prompt) { /* any touch dismisses the prompt, and only that */
        a->prompt = false;
        return true;
    }
    if (a->screen == APP_SCREEN_ATTRACT) {
        go(a, APP_SCREEN_HOME);
        return true;
    }
    const char *id = ui_chrome_hit(&a->chrome, x, y);
    if (id)
        return chrome_action(a, id);
    switch (a->screen) {
    case APP_SCREEN_HOME:
        for (int i = 0; i < 3; i++) {
            if (!ui_button_hit(&a->home_button[i], x, y))
                continue;
            static const enum app_screen to[3] = {
                APP_SCREEN_READER, APP_SCREEN_MAP, APP_SCREEN_ABOUT};
            go(a, to[i]);
            return true;
        }
        return false;
    case APP_SCREEN_READER: {
        if (ui_button_hit(&a->summary_button, x, y)) {
            a->summary = !a->summary;
            relayout(a);
            return true;
        }
        struct ui_reader_hit h = ui_reader_hit(a->reader, x, y);
        if (h.place < 0)
            return false;
        go(a, APP_SCREEN_MAP);
        select_place(a, h.place, now);
        return true;
    }
    case APP_SCREEN_MAP: {
        SDL_Point pt = {x, y};
        if (a->place >= 0 && SDL_PointInRect(&pt, &a->card_area)) {
            int passage = ui_place_card_hit(a->card, x, y);
            if (passage < 0)
                return false;
            open_reader(a, (uint32_t)passage);
            return true;
        }
        int f = ui_map_page_hit(a->map, (float)x, (float)y);
        int place = f >= 0 ? a->ex->map.features[f].place : -1;
        if (place == a->place)
            return false;
        select_place(a, place, now);
        return true;
    }
    default:
        return false;
    }
}

static void apply_scroll(struct exhibit_app *a)
{
    if (a->screen == APP_SCREEN_READER)
        ui_reader_set_offset(a->reader, (float)a->scroll.offset);
    else if (a->screen == APP_SCREEN_ABOUT)
        a->about.offset = (float)a->scroll.offset;
}

void exhibit_app_scroll(struct exhibit_app *a, float dy, uint32_t now)
{
    a->last_input = now;
    input_scroll_jump_to(&a->scroll, a->scroll.offset + dy);
    apply_scroll(a);
}

/* The id of the button under (x, y) on this screen, for press feedback. */
static const char *button_at(const struct exhibit_app *a, int x, int y)
{
    const char *id = ui_chrome_hit(&a->chrome, x, y);
    if (id)
        return id;
    if (a->screen == APP_SCREEN_HOME)
        for (int i = 0; i < 3; i++)
            if (ui_button_hit(&a->home_button[i], x, y))
                return a->home_button[i].id;
    if (a->screen == APP_SCREEN_READER &&
        ui_button_hit(&a->summary_button, x, y))
        return a->summary_button.id;
    return NULL;
}

bool exhibit_app_pointer(struct exhibit_app *a, SDL_Renderer *renderer,
                         const struct input_pointer_event *ev)
{
    a->renderer = renderer;
    bool staff_changed;
    if (staff_pointer(a->staff, ev, &staff_changed)) {
        a->last_input = ev->time_ms;
        return staff_changed; /* the staff screens have it all */
    }
    if (ev->kind == INPUT_POINTER_DOWN && a->prompt) {
        /* Any touch dismisses the prompt, and does nothing else. */
        a->prompt = false;
        a->swallow = true;
    }
    a->last_input = ev->time_ms;
    log_trace("app", "pointer %d at %.0f,%.0f t=%u", (int)ev->kind,
              (double)ev->x, (double)ev->y, ev->time_ms);
    input_gesture_feed(&a->gesture, ev);
    bool changed = false;
    struct input_gesture_event g;
    while (input_gesture_poll(&a->gesture, &g)) {
        if (a->swallow) {
            if (g.kind == INPUT_GESTURE_TAP ||
                g.kind == INPUT_GESTURE_DRAG_END ||
                g.kind == INPUT_GESTURE_CANCEL ||
                g.kind == INPUT_GESTURE_LONG_PRESS)
                a->swallow = false; /* the touch is over */
            changed = true;
            continue;
        }
        switch (g.kind) {
        case INPUT_GESTURE_PRESS: {
            const char *id = button_at(a, (int)g.x, (int)g.y);
            snprintf(a->pressed, sizeof a->pressed, "%s", id ? id : "");
            changed |= id != NULL;
            if (input_scroll_grab(&a->scroll)) /* a touch stops a fling */
                changed = true;
            break;
        }
        case INPUT_GESTURE_TAP:
            a->pressed[0] = '\0';
            input_scroll_release(&a->scroll, 0);
            changed |= exhibit_app_tap(a, renderer, (int)g.x, (int)g.y,
                                       g.time_ms);
            changed = true; /* the pressed look goes */
            break;
        case INPUT_GESTURE_DRAG_BEGIN:
        case INPUT_GESTURE_DRAG:
            if (a->pressed[0]) {
                a->pressed[0] = '\0';
                changed = true;
            }
            if (g.kind == INPUT_GESTURE_DRAG &&
                (a->screen == APP_SCREEN_READER ||
                 a->screen == APP_SCREEN_ABOUT)) {
                input_scroll_drag(&a->scroll, -g.dy);
                apply_scroll(a);
                changed = true;
            }
            break;
        case INPUT_GESTURE_DRAG_END:
            input_scroll_release(&a->scroll, -g.vy);
            a->scroll_at = g.time_ms;
            changed = true;
            break;
        case INPUT_GESTURE_CANCEL:
            a->pressed[0] = '\0';
            input_scroll_release(&a->scroll, 0);
            a->scroll_at = g.time_ms;
            changed = true;
            break;
        case INPUT_GESTURE_LONG_PRESS:
            break; /* nothing in the visitor's screens */
        }
    }
    return changed;
}

static bool exhibit_app_tick_idle(struct exhibit_app *a, uint32_t now);

bool exhibit_app_tick(struct exhibit_app *a, uint32_t now)
{
    bool was_open = staff_is_open(a->staff);
    bool staff = staff_tick(a->staff, now);
    if (staff_is_open(a->staff)) {
        if (!was_open) {
            /* The staff gesture's fingers are not a visitor's touch:
             * whatever they started on the exhibit is dropped. */
            input_gesture_reset(&a->gesture, now);
            struct input_gesture_event g;
            while (input_gesture_poll(&a->gesture, &g))
                ;
            input_scroll_release(&a->scroll, 0);
            a->pressed[0] = '\0';
            a->prompt = false;
        }
        a->last_input = now; /* the exhibit waits behind the panel */
        return staff;
    }
    if (was_open)
        a->last_input = now; /* a visitor's full idle time from here */
    bool moved = staff;
    input_gesture_tick(&a->gesture, now);
    if (input_scroll_animating(&a->scroll)) {
        input_scroll_step(&a->scroll, (double)(now - a->scroll_at));
        apply_scroll(a);
        moved = true;
    }
    a->scroll_at = now;
    bool idle = exhibit_app_tick_idle(a, now);
    return moved || idle;
}

static bool exhibit_app_tick_idle(struct exhibit_app *a, uint32_t now)
{
    if (!a->ex)
        return false;
    if (a->screen == APP_SCREEN_ATTRACT) {
        /* The next breath frame is due. */
        bool due = now - a->attract_at >= ATTRACT_FRAME_MS;
        if (due)
            a->attract_at = now;
        return due;
    }
    uint32_t timeout = idle_ms(a);
    uint32_t idle = now - a->last_input;
    if (idle < timeout) {
        bool was = a->prompt;
        a->prompt = false;
        return was;
    }
    uint32_t into = idle - timeout;
    if (into >= APP_IDLE_COUNTDOWN_S * 1000u) {
        reset(a);
        return true;
    }
    int left = APP_IDLE_COUNTDOWN_S - (int)(into / 1000);
    bool changed = !a->prompt || left != a->seconds_left;
    a->prompt = true;
    a->seconds_left = left;
    return changed;
}

static int exhibit_wait_ms(const struct exhibit_app *a, uint32_t now);

int exhibit_app_wait_ms(const struct exhibit_app *a, uint32_t now)
{
    int staff = staff_wait_ms(a->staff, now);
    if (staff_is_open(a->staff))
        return staff;
    int own = exhibit_wait_ms(a, now);
    return own < 0 || (staff >= 0 && staff < own) ? staff : own;
}

static int exhibit_wait_ms(const struct exhibit_app *a, uint32_t now)
{
    if (input_scroll_animating(&a->scroll))
        return 0; /* the next frame of a fling */
    uint32_t due;
    if (input_gesture_deadline(&a->gesture, &due))
        return due > now ? (int)(due - now) : 0;
    if (!a->ex)
        return -1;
    if (a->screen == APP_SCREEN_ATTRACT)
        return ATTRACT_FRAME_MS;
    uint32_t timeout = idle_ms(a);
    uint32_t idle = now - a->last_input;
    if (idle < timeout)
        return (int)(timeout - idle);
    return (int)(1000 - (idle - timeout) % 1000); /* the next second */
}

static bool draw(struct exhibit_app *a, SDL_Renderer *r,
                 struct atlas *atlas, uint32_t now);

/* Every frame's drawing time goes to the staff diagnostics: the work of
 * drawing (with a GPU, of queueing it), not the wait for the display. */
bool exhibit_app_draw(struct exhibit_app *a, SDL_Renderer *r,
                      struct atlas *atlas, uint32_t now)
{
    Uint64 t0 = SDL_GetPerformanceCounter();
    bool anim = draw(a, r, atlas, now);
    staff_note_frame(a->staff, (double)(SDL_GetPerformanceCounter() - t0) *
                                   1000.0 /
                                   (double)SDL_GetPerformanceFrequency());
    return anim;
}

static bool draw(struct exhibit_app *a, SDL_Renderer *r,
                 struct atlas *atlas, uint32_t now)
{
    const struct ui_palette *pal = ui_theme_palette();
    a->frames++;
    if (staff_is_open(a->staff)) {
        staff_draw(a->staff, r, atlas);
        return false;
    }
    SDL_SetRenderDrawColor(r, pal->paper.r, pal->paper.g, pal->paper.b, 255);
    SDL_RenderClear(r);
    if (!a->ex)
        return false;
    bool anim = false;
    switch (a->screen) {
    case APP_SCREEN_ATTRACT: {
        /* The invitation breathes: a slow pulse, drawn at a gentle
         * frame rate (exhibit_app_wait_ms). */
        uint32_t t = now % ATTRACT_PERIOD_MS;
        float k = (float)t / ATTRACT_PERIOD_MS;
        float tri = k < 0.5f ? k * 2 : 2 - k * 2;
        Uint8 alpha = (Uint8)(150 + 105 * tri);
        ui_column_draw_range(&a->attract, r, atlas, 0, 3, 255);
        ui_column_draw_range(&a->attract, r, atlas, 3, 6, alpha);
        return true;
    }
    case APP_SCREEN_HOME:
        ui_column_draw(&a->home, r, atlas, 255);
        for (int i = 0; i < 3; i++)
            ui_button_draw(&a->home_button[i], r, atlas,
                           strcmp(a->pressed, a->home_button[i].id) == 0);
        break;
    case APP_SCREEN_READER:
        ui_button_draw(&a->summary_button, r, atlas,
                       strcmp(a->pressed, a->summary_button.id) == 0);
        ui_reader_draw(a->reader, r, atlas);
        break;
    case APP_SCREEN_MAP:
        anim = ui_map_page_draw(a->map, r, atlas, now);
        if (a->place >= 0)
            ui_place_card_draw(a->card, r, atlas);
        break;
    case APP_SCREEN_ABOUT:
        ui_column_draw(&a->about, r, atlas, 255);
        break;
    }
    ui_chrome_draw(&a->chrome, r, atlas, a->pressed[0] ? a->pressed : NULL);
    anim |= input_scroll_animating(&a->scroll);
    if (a->prompt) {
        SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
        SDL_SetRenderDrawColor(r, 0, 0, 0, 120);
        SDL_RenderFillRect(r, NULL);
        SDL_SetRenderDrawColor(r, pal->paper.r, pal->paper.g, pal->paper.b,
                               255);
        SDL_RenderFillRect(r, &a->prompt_panel);
        ui_column_draw(&a->prompt_title, r, atlas, 255);
        struct text_layout *cd = a->countdown[a->seconds_left];
        if (cd)
            render_text_layout(r, atlas, cd, a->prompt_title.area.x,
                               a->prompt_title.area.y +
                                   a->prompt_title.height + px(a, 24),
                               pal->ink);
        ui_button_draw(&a->prompt_continue, r, atlas, false);
    }
    return anim;
}

void exhibit_app_draw_shot(struct exhibit_app *a, SDL_Renderer *r,
                           struct atlas *atlas, uint32_t now)
{
    exhibit_app_draw(a, r, atlas, now);
    a->frames--;
}

enum app_screen exhibit_app_screen(const struct exhibit_app *a)
{
    return a->screen;
}

const char *exhibit_app_selected_place(const struct exhibit_app *a)
{
    return a->place >= 0 ? a->ex->places[a->place].id : NULL;
}

bool exhibit_app_quiet(const struct exhibit_app *a)
{
    return input_gesture_idle(&a->gesture) &&
           !input_scroll_animating(&a->scroll);
}

unsigned long exhibit_app_frames(const struct exhibit_app *a)
{
    return a->frames;
}

struct target {
    char id[160];
    SDL_Rect rect;
};

static void add_button(const struct ui_button *b, struct target *out,
                       size_t *n, size_t max)
{
    if (!b->label || *n >= max)
        return;
    snprintf(out[*n].id, sizeof out[*n].id, "%s", b->id);
    out[*n].rect = b->rect;
    (*n)++;
}

/* Every tappable thing on the current screen, with a stable id.  Reader
 * mentions are numbered per passage in the order their columns are laid
 * out (Chinese, then English; or the summary). */
static size_t targets(const struct exhibit_app *a, struct target *out,
                      size_t max)
{
    size_t n = 0;
    if (staff_is_open(a->staff)) {
        const struct ui_button *b[64];
        size_t k = staff_buttons(a->staff, b, 64);
        for (size_t i = 0; i < k; i++)
            add_button(b[i], out, &n, max);
        return n;
    }
    if (!a->ex)
        return 0;
    if (a->prompt) {
        add_button(&a->prompt_continue, out, &n, max);
        return n;
    }
    if (a->screen == APP_SCREEN_ATTRACT) {
        snprintf(out[0].id, sizeof out[0].id, "attract:touch");
        out[0].rect = (SDL_Rect){0, 0, a->w, a->h};
        return 1;
    }
    for (size_t i = 0; i < a->chrome.count; i++)
        add_button(&a->chrome.button[i], out, &n, max);
    if (a->screen == APP_SCREEN_HOME) {
        for (int i = 0; i < 3; i++)
            add_button(&a->home_button[i], out, &n, max);
    } else if (a->screen == APP_SCREEN_MAP) {
        const struct map_scene *s = ui_map_page_scene(a->map);
        struct map_target mt[64];
        float slop = map_slop_px(MAP_SLOP_MM_DEFAULT, a->diag_inch,
                                 a->w, a->h);
        size_t k = s ? map_scene_targets(s, slop, mt, 64) : 0;
        int r = (int)slop;
        for (size_t i = 0; i < k && i < 64 && n < max; i++) {
            const struct content_feature *f =
                &a->ex->map.features[mt[i].feature];
            snprintf(out[n].id, sizeof out[n].id, "%s:%s",
                     f->kind == CONTENT_TOWN ? "town" : "region", f->id);
            out[n].rect = (SDL_Rect){(int)mt[i].x - r / 2,
                                     (int)mt[i].y - r / 2, r, r};
            n++;
        }
        const struct ui_card_item *items;
        size_t ni = a->place >= 0 ? ui_place_card_items(a->card, &items) : 0;
        for (size_t i = 0; i < ni && n < max; i++) {
            snprintf(out[n].id, sizeof out[n].id, "passage:%s",
                     a->ex->passages[items[i].passage].id);
            out[n].rect = items[i].rect;
            n++;
        }
    } else if (a->screen == APP_SCREEN_READER) {
        add_button(&a->summary_button, out, &n, max);
        struct ui_reader_target *rt = xmalloc(MAX_TARGETS * sizeof *rt);
        size_t k = ui_reader_targets(a->reader, rt, MAX_TARGETS);
        for (size_t i = 0; i < k && i < MAX_TARGETS && n < max; i++) {
            const struct content_passage *p = &a->ex->passages[rt[i].passage];
            uint32_t seq = rt[i].mention;
            if (rt[i].lang == TEXT_LANG_EN)
                seq += p->text[TEXT_LANG_ZH].mention_count;
            snprintf(out[n].id, sizeof out[n].id, "mention:%s:%u", p->id,
                     seq);
            out[n].rect = rt[i].rect;
            n++;
        }
        free(rt);
    }
    return n;
}

bool exhibit_app_target(const struct exhibit_app *a, const char *id, int *x,
                        int *y)
{
    struct target *t = xmalloc(MAX_TARGETS * sizeof *t);
    size_t n = targets(a, t, MAX_TARGETS);
    bool found = false;
    for (size_t i = 0; i < n && i < MAX_TARGETS && !found; i++) {
        if (strcmp(t[i].id, id) == 0) {
            *x = t[i].rect.x + t[i].rect.w / 2;
            *y = t[i].rect.y + t[i].rect.h / 2;
            found = true;
        }
    }
    free(t);
    return found;
}

void exhibit_app_write_state(const struct exhibit_app *a, FILE *out)
{
    static const char *const lang[] = {"zh", "en", "ug"};
    fprintf(out, "{\"screen\":\"%s\",\"lang\":\"%s\",\"mirrored\":%s,"
                 "\"large_text\":%s,\"summary\":%s,\"selected_place\":",
            screen_names[a->screen], lang[a->lang],
            a->lang == TEXT_LANG_UG ? "true" : "false",
            a->large_text ? "true" : "false", a->summary ? "true" : "false");
    const char *sel = exhibit_app_selected_place(a);
    if (sel)
        diag_json_string(sel, out);
    else
        fputs("null", out);
    int top = ui_reader_top_passage(a->reader);
    fputs(",\"reader\":{\"top_passage\":", out);
    if (a->ex && top >= 0)
        diag_json_string(a->ex->passages[top].id, out);
    else
        fputs("null", out);
    fprintf(out, ",\"offset\":%.1f,\"max_offset\":%.1f},"
                 "\"highlighted\":[",
            (double)ui_reader_offset(a->reader),
            (double)ui_reader_max_offset(a->reader));
    int k = 0;
    for (uint32_t i = 0; a->ex && i < a->ex->passage_count; i++) {
        if (!ui_reader_highlighted(a->reader, i))
            continue;
        fputs(k++ ? "," : "", out);
        diag_json_string(a->ex->passages[i].id, out);
    }
    fprintf(out, "],\"idle\":{\"prompt\":%s,\"seconds_left\":%d},"
                 "\"frames_drawn\":%lu,\"staff\":",
            a->prompt ? "true" : "false", a->prompt ? a->seconds_left : 0,
            a->frames);
    staff_write_state(a->staff, out);
    fputs(",\"targets\":[", out);
    struct target *t = xmalloc(MAX_TARGETS * sizeof *t);
    size_t n = targets(a, t, MAX_TARGETS);
    for (size_t i = 0; i < n && i < MAX_TARGETS; i++) {
        fprintf(out, "%s\n {\"id\":", i ? "," : "");
        diag_json_string(t[i].id, out);
        fprintf(out, ",\"x\":%d,\"y\":%d,\"w\":%d,\"h\":%d}", t[i].rect.x,
                t[i].rect.y, t[i].rect.w, t[i].rect.h);
    }
    free(t);
    fputs("]}\n", out);
}
