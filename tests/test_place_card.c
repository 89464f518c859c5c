/* test_place_card.c: which passages mention a place, snippets, and the
 * place card's layout in the three languages (one-line snippets with the
 * mention inside, touch targets of at least 48 px that do not overlap,
 * mirrored for Uyghur). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "shipped.h"
#include "content/exhibit.h"
#include "content/mentions.h"
#include "render/atlas.h"
#include "render/headless.h"
#include "ui/place_card.h"

static struct text_fonts *fonts;
static struct exhibit *ex;

static void test_mentions(void)
{
    for (uint32_t pl = 0; pl < ex->place_count; pl++) {
        for (int l = 0; l < CONTENT_LANGS; l++) {
            /* Count independently: passages with a mention of pl. */
            size_t want = 0;
            for (uint32_t p = 0; p < ex->passage_count; p++) {
                const struct content_text *t = &ex->passages[p].text[l];
                bool any = false;
                for (uint32_t m = 0; m < t->mention_count; m++)
                    any |= t->mentions[m].place == pl;
                want += any;
            }
            struct content_mention_ref refs[64];
            size_t n = content_mentions_of(ex, pl, (enum text_lang)l, refs,
                                           64);
            bool ordered = true;
            for (size_t i = 1; i < n; i++)
                ordered &= refs[i].passage > refs[i - 1].passage;
            if (!CHECK(n == want && ordered, "%s/%d: %zu passages (%zu)",
                       ex->places[pl].id, l, n, want))
                return;
        }
    }
    const struct content_place *yili = content_place(ex, "yili");
    struct content_mention_ref refs[64];
    size_t n = content_mentions_of(ex, (uint32_t)(yili - ex->places),
                                   TEXT_LANG_EN, refs, 64);
    CHECK(n >= 4, "Yili is mentioned in %zu English passages", n);
    /* Snippets: the mention is inside, the length bounded, cut at spaces,
     * ellipses where text was left out. */
    for (size_t i = 0; i < n && i < 64; i++) {
        const struct content_text *t =
            &ex->passages[refs[i].passage].text[TEXT_LANG_EN];
        const struct content_mention *m = &t->mentions[refs[i].first];
        char snip[512];
        size_t s0, s1;
        size_t len = content_snippet(t, m, 60, snip, sizeof snip, &s0, &s1);
        size_t chars = 0;
        for (size_t k = 0; k < len; k++)
            chars += ((unsigned char)snip[k] & 0xC0) != 0x80;
        bool inside = s1 - s0 == m->end - m->start &&
                      memcmp(snip + s0, t->text + m->start, s1 - s0) == 0;
        bool ends_ok = (snip[0] != ' ') && snip[len - 1] != ' ';
        CHECK(inside && chars <= 62 && ends_ok,
              "snippet %zu holds the mention, %zu characters: '%s'", i,
              chars, snip);
    }
}

static bool overlaps(SDL_Rect a, SDL_Rect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h &&
           b.y < a.y + a.h;
}

static void test_card(enum text_lang lang, SDL_Rect panel)
{
    struct ui_place_card *c = ui_place_card_create(fonts);
    int bad_h = 0, bad_overlap = 0, bad_hit = 0, items_total = 0;
    for (uint32_t pl = 0; pl < ex->place_count; pl++) {
        struct ui_metrics m;
        ui_metrics_init(&m, 1920, 1080, 0, lang, false);
        ui_place_card_set(c, ex, pl, &m, panel);
        const struct ui_card_item *it;
        size_t n = ui_place_card_items(c, &it);
        struct content_mention_ref refs[64];
        size_t want = content_mentions_of(ex, pl, lang, refs, 64);
        CHECK(n <= want && (n == want || n >= 3),
              "%s/%d: %zu of %zu passages listed", ex->places[pl].id, lang,
              n, want);
        items_total += (int)n;
        for (size_t i = 0; i < n; i++) {
            bad_h += it[i].rect.h < 48;
            for (size_t j = i + 1; j < n; j++)
                bad_overlap += overlaps(it[i].rect, it[j].rect);
            bad_hit += ui_place_card_hit(c, it[i].rect.x + it[i].rect.w / 2,
                                         it[i].rect.y + it[i].rect.h / 2) !=
                       (int)it[i].passage;
            bad_overlap += it[i].rect.y + it[i].rect.h >
                           panel.y + panel.h;
        }
    }
    CHECK(items_total > 20, "lang %d: %d passage links over all cards", lang,
          items_total);
    CHECK(bad_h == 0 && bad_overlap == 0 && bad_hit == 0,
          "lang %d: targets under 48 px %d, overlapping or outside %d, "
          "missed %d", lang, bad_h, bad_overlap, bad_hit);
    ui_place_card_destroy(c);
}

/* Drawn: every snippet on one line, and for Uyghur the text hugs the
 * right side (mirrored), else the left. */
static void test_drawn(enum text_lang lang)
{
    struct render_target *t = render_target_create(700, 1080);
    struct atlas *a = atlas_create(t->renderer, fonts, NULL);
    struct ui_place_card *c = ui_place_card_create(fonts);
    const struct content_place *yili = content_place(ex, "yili");
    struct ui_metrics m;
    ui_metrics_init(&m, 700, 1080, 0, lang, false);
    ui_place_card_set(c, ex, (uint32_t)(yili - ex->places), &m,
                      (SDL_Rect){0, 0, 700, 1080});
    SDL_SetRenderDrawColor(t->renderer, 255, 255, 255, 255);
    SDL_RenderClear(t->renderer);
    ui_place_card_draw(c, t->renderer, a);
    render_target_flush(t);
    /* Ink columns: where the darkest pixels are, left or right half. */
    long left = 0, right = 0;
    for (int y = 0; y < 1080; y++) {
        const uint32_t *row = (const uint32_t *)((const uint8_t *)
                                                     t->surface->pixels +
                                                 (size_t)y *
                                                     (size_t)t->surface->pitch);
        for (int x = 20; x < 680; x++) {
            uint32_t g = row[x] & 0xff;
            if (g < 100 && x < 200)
                left++;
            else if (g < 100 && x > 500)
                right++;
        }
    }
    if (lang == TEXT_LANG_UG)
        CHECK(right > left, "Uyghur card: text hugs the right (%ld vs %ld)",
              right, left);
    else
        CHECK(left > right, "card %d: text hugs the left (%ld vs %ld)", lang,
              left, right);
    ui_place_card_destroy(c);
    atlas_destroy(a);
    render_target_destroy(t);
}

int main(void)
{
    if (!render_headless_init())
        return 1;
    if (!shipped_load(&fonts, &ex))
        return 1;
    test_mentions();
    for (int l = 0; l < 3; l++) {
        test_card((enum text_lang)l, (SDL_Rect){1229, 0, 691, 1080});
        test_card((enum text_lang)l, (SDL_Rect){0, 1114, 1080, 806});
        test_drawn((enum text_lang)l);
    }
    content_destroy(ex);
    text_fonts_destroy(fonts);
    render_headless_quit();
    return check_finish("test_place_card");
}
