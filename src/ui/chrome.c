/* chrome.c: the top bar (see chrome.h). */
#include <string.h>

#include "ui/action.h"
#include "ui/chrome.h"
#include "ui/theme.h"

/* The three language names, each in its own language, from the
 * "language-names" string. */
static const char *lang_name(const struct exhibit *ex, enum text_lang l)
{
    return content_string(ex, "language-names", l);
}

void ui_chrome_set(struct ui_chrome *c, const struct text_fonts *fonts,
                   const struct exhibit *ex, const struct ui_metrics *m,
                   bool back)
{
    ui_chrome_fini(c);
    bool large_text = m->large_text;
    enum text_lang lang = m->lang;
    int bezel = m->bezel, bh = m->bar_h, size = m->bar_text;
    SDL_Rect bar = {bezel, bezel, m->w - 2 * bezel, bh};
    SDL_Rect fit = {0, bar.y, 0, bh}; /* the width fits the label */
    c->count = 0;
    c->bottom = bezel + bh + m->bar_gap;
    if (!ex)
        return;
    /* Back at the reading edge. */
    struct ui_button *b = &c->button[c->count];
    if (back) {
        const char *label = content_string(ex, "nav.back", lang);
        ui_button_place(b, fonts, ui_action_id(UI_ACTION_BACK), label, lang,
                        size, fit,
                        UI_BUTTON_PLAIN);
        b->rect.x = ui_start_x(m, bar, b->rect.w);
        c->count++;
    }
    /* The far edge, from the edge inwards: the text-size toggle, then the
     * languages (Uyghur, English, Chinese):
     *   [back] ... [zh] [en] [ug] [text];  mirrored: [text] [ug] ... [back]. */
    SDL_Rect *row[TEXT_LANG_COUNT + 1];
    int n = 0;
    struct ui_button *tb = &c->button[c->count + TEXT_LANG_COUNT];
    ui_button_place(tb, fonts, ui_action_id(UI_ACTION_TEXT_SIZE),
                    content_string(ex, large_text ? "text.normal"
                                                  : "text.larger",
                                   lang),
                    lang, size, fit,
                    large_text ? UI_BUTTON_SELECTED : UI_BUTTON_PLAIN);
    row[n++] = &tb->rect;
    for (int i = TEXT_LANG_COUNT - 1; i >= 0; i--) {
        enum text_lang l = (enum text_lang)i;
        const char *id = ui_action_id(ui_action_lang(l));
        struct ui_button *lb = &c->button[c->count + (size_t)i];
        ui_button_place(lb, fonts, id, lang_name(ex, l), l, size, fit,
                        l == lang ? UI_BUTTON_SELECTED : UI_BUTTON_PLAIN);
        row[n++] = &lb->rect;
    }
    c->count += TEXT_LANG_COUNT + 1;
    ui_row_from_end(m, bar.x, bar.x + bar.w, row, n, m->bar_gap);
}

void ui_chrome_fini(struct ui_chrome *c)
{
    for (size_t i = 0; i < UI_CHROME_BUTTONS; i++)
        ui_button_fini(&c->button[i]);
    c->count = 0;
}

const char *ui_chrome_hit(const struct ui_chrome *c, int x, int y)
{
    for (size_t i = 0; i < c->count; i++)
        if (ui_button_hit(&c->button[i], x, y))
            return c->button[i].id;
    return NULL;
}

void ui_chrome_draw(const struct ui_chrome *c, SDL_Renderer *r,
                    struct atlas *atlas, const char *pressed_id)
{
    for (size_t i = 0; i < c->count; i++)
        ui_button_draw(&c->button[i], r, atlas,
                       pressed_id && strcmp(pressed_id, c->button[i].id) == 0);
}
