/* place_card.c: the place card (see place_card.h).
 *
 * The card is a column of placed paragraphs, like the preview page: names,
 * note, heading, then one snippet per passage.  A snippet that would wrap
 * is cut shorter until it fits on one line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/mentions.h"
#include "core/xalloc.h"
#include "render/draw_text.h"
#include "text/layout.h"
#include "ui/place_card.h"
#include "ui/textlist.h"
#include "ui/theme.h"

#define MAX_PARAS 64
#define MAX_ITEMS 48

struct ui_place_card {
    const struct text_fonts *fonts;
    SDL_Rect panel;
    struct ui_textlist text; /* at most MAX_PARAS */
    struct ui_card_item items[MAX_ITEMS];
    size_t item_count;
    SDL_Rect rules[MAX_ITEMS + 1];
    int rule_count;
};

struct ui_place_card *ui_place_card_create(const struct text_fonts *fonts)
{
    struct ui_place_card *c = xcalloc(1, sizeof *c);
    c->fonts = fonts;
    return c;
}

static void clear(struct ui_place_card *c)
{
    ui_textlist_take(&c->text, 0);
    c->item_count = 0;
    c->rule_count = 0;
}

void ui_place_card_destroy(struct ui_place_card *c)
{
    if (!c)
        return;
    ui_textlist_fini(&c->text);
    free(c);
}

/* Lays out text so that it lines up with the card's reading edge, whatever
 * the text's own direction. */
static struct text_layout *lay(struct ui_place_card *c, const char *role,
                               enum text_lang lang, int size, int width,
                               const char *text, const struct ui_metrics *m)
{
    return ui_text_lay(c->fonts,
                       (struct ui_text_style){role, UI_LINE_PCT_CARD,
                                              TEXT_DIR_LANG},
                       lang, size, width, ui_align_start(m, lang), text,
                       text ? strlen(text) : 0);
}

/* Places a paragraph (at most MAX_PARAS); returns its height. */
static int add(struct ui_place_card *c, struct text_layout *l, int x, int y,
               SDL_Color color)
{
    if (l && c->text.count == MAX_PARAS) {
        text_layout_destroy(l);
        return 0;
    }
    return ui_textlist_add(&c->text, l, x, y, color)
               ? text_layout_height_px(l)
               : 0;
}

/* The passage's words around the mention, on one line: cut shorter until
 * they fit (the mention's bytes in the snippet in *hs, *he). */
static struct text_layout *snippet(struct ui_place_card *c,
                                   const struct exhibit *ex,
                                   const struct content_mention_ref *ref,
                                   const struct ui_metrics *m, int size,
                                   int w, size_t *hs, size_t *he)
{
    enum text_lang lang = m->lang;
    const struct content_text *t = &ex->passages[ref->passage].text[lang];
    const struct content_mention *mention = &t->mentions[ref->first];
    size_t chars = lang == TEXT_LANG_ZH ? (size_t)w / (size_t)size
                                        : (size_t)w * 2 / (size_t)size;
    struct text_layout *l = NULL;
    for (; chars >= 8; chars = chars * 4 / 5) {
        char snip[1024];
        content_snippet(t, mention, chars, snip, sizeof snip, hs, he);
        text_layout_destroy(l);
        l = lay(c, "body", lang, size, w, snip, m);
        if (!l || l->line_count <= 1)
            break;
    }
    return l;
}

void ui_place_card_set(struct ui_place_card *c, const struct exhibit *ex,
                       uint32_t place, const struct ui_metrics *m,
                       SDL_Rect panel)
{
    enum text_lang lang = m->lang;
    clear(c);
    c->panel = panel;
    if (!ex || place >= ex->place_count)
        return;
    const struct ui_palette *pal = ui_theme_palette();
    const struct content_place *pl = &ex->places[place];
    /* Sizes scale with the panel: thousandths of its height, or of twice
     * its width if that is shorter. */
    struct ui_scale sc = ui_scale_per_mille(
        panel.h > panel.w * 2 ? panel.w * 2 : panel.h);
    int pad = ui_scale_px(sc, 28, 16);
    int x = panel.x + pad, w = panel.w - 2 * pad, y = panel.y + pad;
    int big = ui_scale_px(sc, 34, 20);
    int mid = ui_scale_px(sc, 26, 17);
    int small = ui_scale_px(sc, 22, 15);

    /* The name in the current language first, then the other two. */
    static const enum text_lang order[3][3] = {
        [TEXT_LANG_ZH] = {TEXT_LANG_ZH, TEXT_LANG_EN, TEXT_LANG_UG},
        [TEXT_LANG_EN] = {TEXT_LANG_EN, TEXT_LANG_ZH, TEXT_LANG_UG},
        [TEXT_LANG_UG] = {TEXT_LANG_UG, TEXT_LANG_ZH, TEXT_LANG_EN},
    };
    for (int k = 0; k < 3; k++) {
        enum text_lang l = order[lang][k];
        y += add(c, lay(c, "title", l, k ? mid : big, w, pl->name[l], m),
                 x, y, k ? pal->muted : pal->accent);
    }
    y += pad / 2;
    y += add(c, lay(c, "body", lang, small, w, pl->note[lang], m), x,
             y, pal->ink);
    y += pad;
    c->rules[c->rule_count++] = (SDL_Rect){x, y - pad / 2, w, 1};

    struct content_mention_ref refs[MAX_ITEMS];
    size_t n = content_mentions_of(ex, place, lang, refs, MAX_ITEMS);
    const char *head = content_string(ex, n ? "map.mentions"
                                            : "map.no-mentions", lang);
    y += add(c, lay(c, "title", lang, small, w, head, m), x, y,
             pal->accent);
    y += pad / 3;
    int min_h = ui_scale_px(sc, 56, 48); /* a touch target */
    for (size_t i = 0; i < n && i < MAX_ITEMS; i++) {
        if (y + min_h > panel.y + panel.h - pad)
            break; /* the card is full */
        size_t hs = 0, he = 0;
        struct text_layout *l = snippet(c, ex, &refs[i], m, small, w, &hs,
                                        &he);
        int lh = text_layout_height_px(l);
        int item_h = lh > min_h ? lh : min_h;
        int ty = y + (item_h - lh) / 2;
        struct ui_text *placed = c->text.count < MAX_PARAS
                                     ? ui_textlist_add(&c->text, l, x, ty,
                                                       pal->ink)
                                     : NULL;
        if (placed) {
            placed->hl_start = (uint32_t)hs;
            placed->hl_end = (uint32_t)he;
        } else {
            text_layout_destroy(l);
        }
        c->items[c->item_count++] = (struct ui_card_item){
            refs[i].passage, (SDL_Rect){panel.x, y, panel.w, item_h}};
        y += item_h;
        c->rules[c->rule_count++] = (SDL_Rect){x, y, w, 1};
    }
}

void ui_place_card_draw(struct ui_place_card *c, SDL_Renderer *r,
                        struct atlas *atlas)
{
    if (!c->text.count)
        return;
    const struct ui_palette *pal = ui_theme_palette();
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(r, pal->paper.r, pal->paper.g, pal->paper.b, 245);
    SDL_RenderFillRect(r, &c->panel);
    SDL_SetRenderDrawColor(r, pal->rule.r, pal->rule.g, pal->rule.b, 255);
    SDL_Rect edge = {c->panel.x, c->panel.y, 2, c->panel.h};
    SDL_RenderFillRect(r, &edge);
    edge.x = c->panel.x + c->panel.w - 2;
    SDL_RenderFillRect(r, &edge);
    for (int i = 0; i < c->rule_count; i++)
        SDL_RenderFillRect(r, &c->rules[i]);
    ui_textlist_draw(&c->text, r, atlas, 0, c->text.count, 0, 0, 255, NULL);
}

size_t ui_place_card_items(const struct ui_place_card *c,
                           const struct ui_card_item **items)
{
    *items = c->items;
    return c->item_count;
}

int ui_place_card_hit(const struct ui_place_card *c, int x, int y)
{
    SDL_Point pt = {x, y};
    for (size_t i = 0; i < c->item_count; i++)
        if (SDL_PointInRect(&pt, &c->items[i].rect))
            return (int)c->items[i].passage;
    return -1;
}
