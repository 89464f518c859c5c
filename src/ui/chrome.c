/* chrome.c: the top bar (see chrome.h). */
#include <string.h>

#include "ui/chrome.h"
#include "ui/theme.h"

/* The three language names, each in its own language, from the
 * "language-names" string. */
static const char *lang_name(const struct exhibit *ex, enum text_lang l)
{
    return content_string(ex, "language-names", l);
}

void ui_chrome_set(struct ui_chrome *c, const struct text_fonts *fonts,
                   const struct exhibit *ex, enum text_lang lang, int w,
                   int h, bool back, bool large_text)
{
    ui_chrome_fini(c);
    int unit = w < h ? w : h;
    int bezel = unit * 40 / 1080 > 40 ? unit * 40 / 1080 : 40;
    int bh = unit * 72 / 1080 > 56 ? unit * 72 / 1080 : 56;
    int gap = unit * 16 / 1080 > 8 ? unit * 16 / 1080 : 8;
    int size = unit * 26 / 1080 > 18 ? unit * 26 / 1080 : 18;
    bool mirrored = lang == TEXT_LANG_UG;
    c->count = 0;
    c->bottom = bezel + bh + gap;
    if (!ex)
        return;
    /* Back at the start side. */
    struct ui_button *b = &c->button[c->count];
    if (back) {
        const char *label = content_string(ex, "nav.back", lang);
        ui_button_place(b, fonts, "nav:back", label, lang, size,
                        (SDL_Rect){0, bezel, 0, bh}, UI_BUTTON_PLAIN);
        b->rect.x = mirrored ? w - bezel - b->rect.w : bezel;
        c->count++;
    }
    /* The other end: languages, then the text-size toggle, laid out from
     * the edge inwards. */
    static const enum text_lang langs[3] = {TEXT_LANG_ZH, TEXT_LANG_EN,
                                            TEXT_LANG_UG};
    static const char *const ids[3] = {"lang:zh", "lang:en", "lang:ug"};
    struct ui_button *row[4];
    int n = 0;
    for (int i = 0; i < 3; i++) {
        struct ui_button *lb = &c->button[c->count++];
        ui_button_place(lb, fonts, ids[i], lang_name(ex, langs[i]), langs[i],
                        size, (SDL_Rect){0, bezel, 0, bh},
                        langs[i] == lang ? UI_BUTTON_SELECTED
                                         : UI_BUTTON_PLAIN);
        row[n++] = lb;
    }
    struct ui_button *tb = &c->button[c->count++];
    ui_button_place(tb, fonts, "nav:text-size",
                    content_string(ex, large_text ? "text.normal"
                                                  : "text.larger",
                                   lang),
                    lang, size, (SDL_Rect){0, bezel, 0, bh},
                    large_text ? UI_BUTTON_SELECTED : UI_BUTTON_PLAIN);
    row[n++] = tb;
    /* Left to right in LTR: [back] ... [text] [zh] [en] [ug];
     * mirrored: [ug] [en] [zh] [text] ... [back]. */
    int x = mirrored ? bezel : w - bezel;
    for (int i = n - 1, k = 0; k < n; k++, i--) {
        struct ui_button *rb = row[mirrored ? n - 1 - k : i];
        if (!mirrored)
            x -= rb->rect.w;
        rb->rect.x = x;
        x += mirrored ? rb->rect.w + gap : -gap;
    }
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
