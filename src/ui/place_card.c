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
#include "ui/theme.h"

#define MAX_PARAS 64
#define MAX_ITEMS 48

struct para {
    struct text_layout *layout;
    int x, y;
    SDL_Color color;
    uint32_t hl_start, hl_end; /* highlighted bytes, if any */
};

struct ui_place_card {
    const struct text_fonts *fonts;
    SDL_Rect panel;
    struct para paras[MAX_PARAS];
    int count;
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
    for (int i = 0; i < c->count; i++)
        text_layout_destroy(c->paras[i].layout);
    c->count = 0;
    c->item_count = 0;
    c->rule_count = 0;
}

void ui_place_card_destroy(struct ui_place_card *c)
{
    if (!c)
        return;
    clear(c);
    free(c);
}

/* Lays out text so that it lines up with the card's reading edge, whatever
 * the text's own direction. */
static struct text_layout *lay(struct ui_place_card *c, const char *role,
                               enum text_lang lang, int size, int width,
                               const char *text, const struct ui_metrics *m)
{
    const struct text_role *r = text_fonts_role(c->fonts, role);
    if (!r || width < 1)
        return NULL;
    struct text_params p = {.role = r, .lang = lang, .size_px = size,
                            .width_px = width,
                            .line_height_pct = UI_LINE_PCT_CARD,
                            .align = ui_align_start(m, lang)};
    return text_layout_create(c->fonts, &p, text, strlen(text));
}

static int add(struct ui_place_card *c, struct text_layout *l, int x, int y,
               SDL_Color color)
{
    if (!l)
        return 0;
    if (c->count == MAX_PARAS) {
        text_layout_destroy(l);
        return 0;
    }
    c->paras[c->count++] = (struct para){l, x, y, color, 0, 0};
    return text_layout_height_px(l);
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
        y += add(c, lay(c, "title", l, k ? mid : big, w, pl->name[l],
                        m),
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
        const struct content_text *t = &ex->passages[refs[i].passage].text[lang];
        const struct content_mention *mention = &t->mentions[refs[i].first];
        size_t chars = lang == TEXT_LANG_ZH ? (size_t)w / (size_t)small
                                            : (size_t)w * 2 / (size_t)small;
        struct text_layout *l = NULL;
        size_t hs = 0, he = 0;
        for (; chars >= 8; chars = chars * 4 / 5) {
            char snip[1024];
            content_snippet(t, mention, chars, snip, sizeof snip, &hs, &he);
            text_layout_destroy(l);
            l = lay(c, "body", lang, small, w, snip, m);
            if (!l || l->line_count <= 1)
                break;
        }
        int lh = text_layout_height_px(l);
        int item_h = lh > min_h ? lh : min_h;
        int ty = y + (item_h - lh) / 2;
        if (c->count < MAX_PARAS && l) {
            c->paras[c->count++] = (struct para){l, x, ty, pal->ink,
                                                 (uint32_t)hs, (uint32_t)he};
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
    if (!c->count)
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
    for (int i = 0; i < c->count; i++) {
        const struct para *p = &c->paras[i];
        if (p->hl_end > p->hl_start)
            render_text_range(r, p->layout, p->hl_start, p->hl_end, p->x,
                              p->y, pal->highlight);
        render_text_layout(r, atlas, p->layout, p->x, p->y, p->color);
    }
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
