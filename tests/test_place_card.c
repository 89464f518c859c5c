/* test_place_card.c: which passages mention a place, snippets, and the
 * place card on the panels museums mount (the 7" 800x480 at 155x86 mm,
 * Touch Display 2 at 720x1280, 88x155 mm, 10.1", 1080p, portrait), in the
 * three languages, normal and larger text, with the shipped notes and with
 * a 2,000-character note:
 *   - every passage that mentions the place has a row, and every row is
 *     reachable by scrolling (listed as a target wholly inside the view at
 *     some offset, and a tap on it hits that passage);
 *   - the passage rows come before the note (a long note moves nothing);
 *   - the count heading ("Mentioned in 5 passages", "... 1 passage");
 *   - the close control: 9 mm or more both ways, apart from the rows;
 *   - rows at least 11 mm tall (they may touch) and 9 mm wide, inside the
 *     card's view and the screen's bezel; larger text grows the card;
 *   - drawn: nothing outside the card's box and view, the text at the
 *     reading edge (mirrored for Uyghur);
 *   - in the app: a drag on the card scrolls it (a drag on the map does
 *     not), a passage found by scrolling opens the reader there, a new
 *     card starts at its top, and card:close closes the card and stays on
 *     the map. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "app/exhibit_app.h"
#include "check.h"
#include "shipped.h"
#include "content/exhibit.h"
#include "content/mentions.h"
#include "render/atlas.h"
#include "render/headless.h"
#include "ui/chrome.h"
#include "ui/format.h"
#include "ui/map_page.h"
#include "ui/place_card.h"

static struct text_fonts *fonts;
static struct exhibit *ex;

struct panel {
    const char *name;
    int w, h;
    double mm_w, mm_h;
};

static const struct panel panels[] = {
    {"7in", 800, 480, 155, 86},
    {"td2", 720, 1280, 88, 155},
    {"10in", 1280, 800, 217, 136},
    {"1080p", 1920, 1080, 476, 268},
    {"portrait", 1080, 1920, 268, 476},
};

static double diag_in(const struct panel *p)
{
    return sqrt(p->mm_w * p->mm_w + p->mm_h * p->mm_h) / 25.4;
}

/* Millimetres of `px` on the panel (its own size, not the theme's). */
static double px_mm(const struct panel *p, int px)
{
    return px * p->mm_w / p->w;
}

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
    CHECK(n >= 5, "Yili is mentioned in %zu English passages", n);
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
    /* Chinese has no spaces to cut at: no snippet of any place starts with
     * the end of the sentence before it (…。看来) or a closing mark, nor
     * ends with an opening one. */
    unsigned stray = 0, seen = 0;
    char first[600] = "";
    for (uint32_t pl = 0; pl < ex->place_count; pl++) {
        size_t k = content_mentions_of(ex, pl, TEXT_LANG_ZH, refs, 64);
        for (size_t i = 0; i < k && i < 64; i++) {
            const struct content_text *t =
                &ex->passages[refs[i].passage].text[TEXT_LANG_ZH];
            char snip[512];
            size_t s0, s1;
            size_t len = content_snippet(t, &t->mentions[refs[i].first], 24,
                                         snip, sizeof snip, &s0, &s1);
            const char *b = snip, *e = snip + len;
            if (strncmp(b, "\xe2\x80\xa6", 3) == 0)
                b += 3;
            if (e - b >= 3 && strncmp(e - 3, "\xe2\x80\xa6", 3) == 0)
                e -= 3;
            static const char *const bad_first[] = {"\xe3\x80\x82", "\xef\xbc\x8c",
                                                    "\xe3\x80\x81", "\xef\xbc\x89",
                                                    "\xe2\x80\x9d", "\xef\xbc\x9b"};
            static const char *const bad_last[] = {"\xef\xbc\x88", "\xe2\x80\x9c",
                                                   "\xe3\x80\x8a"};
            bool bad = false;
            for (size_t q = 0; q < 6; q++)
                bad |= strncmp(b, bad_first[q], 3) == 0;
            for (size_t q = 0; q < 3 && e - b >= 3; q++)
                bad |= strncmp(e - 3, bad_last[q], 3) == 0;
            seen++;
            if (bad && !stray++)
                snprintf(first, sizeof first, "%s", snip);
        }
    }
    CHECK(seen > 20 && stray == 0, "%u Chinese snippets, %u start or end "
          "on a stray mark (%s)", seen, stray, first);
}

/* The exhibit with every note 2,000 characters long (a copy of the
 * struct and its places; everything else borrowed from `ex`). */
static struct exhibit *long_notes(char **buf)
{
    static const char *const unit[CONTENT_LANGS] = {
        [TEXT_LANG_ZH] = "工作组抵达乌鲁木齐时，四个地州的委书记正在开会。",
        [TEXT_LANG_EN] = "The work team arrived in Urumqi while the "
                         "secretaries were in conference. ",
        [TEXT_LANG_UG] = "خىزمەت گۇرۇپپىسى ئۈرۈمچىگە كەلگەندە يىغىن "
                         "ئېچىۋاتاتتى. ",
    };
    struct exhibit *copy = malloc(sizeof *copy);
    *copy = *ex;
    struct content_place *places = malloc(ex->place_count * sizeof *places);
    memcpy(places, ex->places, ex->place_count * sizeof *places);
    for (int l = 0; l < CONTENT_LANGS; l++) {
        buf[l] = malloc(8 * 2000 + 1);
        size_t o = 0, chars = 0, ul = strlen(unit[l]);
        while (chars < 2000) {
            for (size_t k = 0; k < ul && chars < 2000; k++) {
                buf[l][o++] = unit[l][k];
                bool last = k + 1 == ul ||
                            ((unsigned char)unit[l][k + 1] & 0xC0) != 0x80;
                chars += last;
            }
        }
        buf[l][o] = '\0';
        for (uint32_t i = 0; i < ex->place_count; i++)
            places[i].note[l] = buf[l];
    }
    copy->places = places;
    return copy;
}

static void free_long_notes(struct exhibit *copy, char **buf)
{
    for (int l = 0; l < CONTENT_LANGS; l++)
        free(buf[l]);
    free((void *)copy->places);
    free(copy);
}

/* The card's box as the app makes it: below the bar, split by the map
 * page. */
static SDL_Rect card_box(const struct ui_metrics *m)
{
    struct ui_chrome chrome = {0};
    static const char *const titles[] = {"reader.title", "map.title",
                                         "about.title"};
    ui_chrome_set(&chrome, fonts, ex, m, titles, 3);
    ui_chrome_show(&chrome, "map.title");
    int top = chrome.bottom + m->gap_xs;
    ui_chrome_fini(&chrome);
    SDL_Rect below = {0, top, m->w, m->h - top};
    /* the panel the map page leaves for the card, as the kiosk takes it */
    struct render_target *t = render_target_create(m->w, m->h);
    struct ui_map_page *page = ui_map_page_create(fonts);
    ui_map_page_set(page, t->renderer, m, ex, below, 32);
    SDL_Rect card = ui_map_page_panel(page);
    ui_map_page_destroy(page);
    render_target_destroy(t);
    return card;
}

static bool inside(SDL_Rect in, SDL_Rect r)
{
    return r.x >= in.x && r.y >= in.y && r.x + r.w <= in.x + in.w &&
           r.y + r.h <= in.y + in.h;
}

/* The gap between two boxes, px (0 if they touch or overlap). */
static int gap(SDL_Rect a, SDL_Rect b)
{
    int dx = a.x + a.w <= b.x ? b.x - (a.x + a.w)
             : b.x + b.w <= a.x ? a.x - (b.x + b.w) : -1;
    int dy = a.y + a.h <= b.y ? b.y - (a.y + a.h)
             : b.y + b.h <= a.y ? a.y - (b.y + b.h) : -1;
    int g = dx > dy ? dx : dy;
    return g > 0 ? g : 0;
}

struct reach {
    int at_top; /* cards whose first row is in sight at once */
    int places, rows, unreached, dropped, small, apart, outside, missed;
    double min_row_mm, min_close_mm, min_gap_mm;
    float max_offset_sum;
    int first_row_y[64]; /* each place's first row at offset 0 */
};

/* Every place's card on panel p: scrolled from top to bottom in steps of
 * a third of its view, every passage row must turn up as a target wholly
 * in the view, of the right size, and hit by a tap at its centre. */
static void reach(const struct panel *p, enum text_lang lang, bool large,
                  const struct exhibit *e, struct reach *out)
{
    struct ui_metrics m;
    ui_metrics_init(&m, p->w, p->h, diag_in(p), lang, large);
    SDL_Rect box = card_box(&m);
    SDL_Rect screen = {m.bezel, m.bezel, p->w - 2 * m.bezel,
                       p->h - 2 * m.bezel};
    struct ui_place_card *c = ui_place_card_create(fonts);
    memset(out, 0, sizeof *out);
    out->min_row_mm = out->min_close_mm = out->min_gap_mm = 1e9;
    for (uint32_t pl = 0; pl < e->place_count && pl < 64; pl++) {
        ui_place_card_set(c, e, pl, &m, box);
        SDL_Rect view = ui_place_card_view(c);
        struct content_mention_ref refs[64];
        size_t want = content_mentions_of(e, pl, lang, refs, 64);
        out->places++;
        out->rows += (int)ui_place_card_row_count(c);
        out->dropped += (int)(want - ui_place_card_row_count(c));
        out->first_row_y[pl] = -1;
        bool seen[64] = {false};
        float max = ui_place_card_max_offset(c);
        out->max_offset_sum += max;
        float step = 1; /* px: a visitor can stop anywhere */
        for (float off = 0;; off += step) {
            if (off > max)
                off = max;
            ui_place_card_set_offset(c, off);
            struct ui_card_target t[80];
            size_t n = ui_place_card_targets(c, t, 80);
            SDL_Rect close = {0, 0, 0, 0};
            for (size_t i = 0; i < n && i < 80; i++) {
                if (t[i].passage < 0) {
                    close = t[i].rect;
                    double cw = px_mm(p, t[i].rect.w),
                           ch = px_mm(p, t[i].rect.h);
                    double s = cw < ch ? cw : ch;
                    out->min_close_mm = s < out->min_close_mm ? s
                                                               : out->min_close_mm;
                    out->outside += !inside(screen, t[i].rect) ||
                                    !inside(box, t[i].rect) ||
                                    strcmp(t[i].id, "card:close") != 0;
                    struct ui_card_hit h = ui_place_card_hit(
                        c, t[i].rect.x + t[i].rect.w / 2,
                        t[i].rect.y + t[i].rect.h / 2);
                    out->missed += h.part != UI_CARD_CLOSE;
                    continue;
                }
                SDL_Rect r = t[i].rect;
                out->outside += !inside(view, r) || !inside(screen, r) ||
                                !inside(box, r);
                double rh = px_mm(p, r.h), rw = px_mm(p, r.w);
                out->small += rh < 11.0 || rw < 9.0;
                out->min_row_mm = rh < out->min_row_mm ? rh : out->min_row_mm;
                double g = px_mm(p, gap(close, r));
                out->min_gap_mm = g < out->min_gap_mm ? g : out->min_gap_mm;
                out->apart += g < 2.0;
                for (size_t j = 0; j < n && j < 80; j++)
                    if (j != i && t[j].passage >= 0 &&
                        SDL_HasIntersection(&r, &t[j].rect))
                        out->apart++; /* rows may touch, never overlap */
                struct ui_card_hit h =
                    ui_place_card_hit(c, r.x + r.w / 2, r.y + r.h / 2);
                char want_id[UI_CARD_ID_MAX];
                snprintf(want_id, sizeof want_id, "passage:%s",
                         e->passages[t[i].passage].id);
                out->missed += h.part != UI_CARD_PASSAGE ||
                               h.passage != t[i].passage ||
                               strcmp(t[i].id, want_id) != 0;
                for (size_t k = 0; k < want && k < 64; k++)
                    if (refs[k].passage == (uint32_t)t[i].passage) {
                        seen[k] = true;
                        out->at_top += k == 0 && off == 0;
                        if (k == 0 && out->first_row_y[pl] < 0)
                            out->first_row_y[pl] = r.y + (int)off;
                    }
            }
            if (off >= max)
                break;
        }
        for (size_t k = 0; k < want && k < 64; k++) {
            if (seen[k])
                continue;
            out->unreached++;
            if (getenv("CARD_DEBUG"))
                fprintf(stderr, "  view %d+%d max %.0f rows %zu box %dx%d\n",
                        view.y, view.h, (double)max,
                        ui_place_card_row_count(c), box.w, box.h);
            fprintf(stderr, "%s %dx%d lang %d%s: %s's passage %s never "
                    "reachable\n", p->name, p->w, p->h, lang,
                    large ? " large" : "", e->places[pl].id,
                    e->passages[refs[k].passage].id);
        }
    }
    ui_place_card_destroy(c);
}

static void test_reach(const struct panel *p, enum text_lang lang)
{
    char *bufs[CONTENT_LANGS];
    struct exhibit *longer = long_notes(bufs);
    struct reach r[2][2]; /* [long note][large text] */
    for (int ln = 0; ln < 2; ln++)
        for (int lg = 0; lg < 2; lg++) {
            reach(p, lang, lg, ln ? longer : ex, &r[ln][lg]);
            const struct reach *x = &r[ln][lg];
            CHECK(x->rows > 20 && x->dropped == 0 && x->unreached == 0,
                  "%s lang %d%s%s: %d rows over %d cards, %d dropped, %d "
                  "never reachable", p->name, lang, lg ? " large" : "",
                  ln ? " 2000-char note" : "", x->rows, x->places,
                  x->dropped, x->unreached);
            CHECK(x->small == 0 && x->apart == 0 && x->outside == 0 &&
                      x->missed == 0 && x->min_close_mm >= 9.0,
                  "%s lang %d%s%s: rows >= 11 mm tall (min %.1f), close "
                  "%.1f mm (>= 9), %.1f mm from the rows (>= 2); small %d, "
                  "too close %d, outside the view/bezel %d, missed %d",
                  p->name, lang, lg ? " large" : "", ln ? " long" : "",
                  x->min_row_mm, x->min_close_mm, x->min_gap_mm, x->small,
                  x->apart, x->outside, x->missed);
        }
    /* Passage links first: a long note moves no first row. */
    int moved = 0, rows = 0;
    for (uint32_t pl = 0; pl < ex->place_count && pl < 64; pl++) {
        moved += r[0][0].first_row_y[pl] != r[1][0].first_row_y[pl];
        rows += r[0][0].first_row_y[pl] >= 0;
    }
    /* On the larger panels the rows are in sight when the card opens. */
    bool large_panel = p->mm_w >= 200 && p->mm_h >= 130;
    CHECK(!large_panel || r[1][0].at_top == rows,
          "%s lang %d: %d of %d cards show their first passage at once, "
          "with a 2,000-character note", p->name, lang, r[1][0].at_top,
          rows);
    CHECK(moved == 0 && rows > 5,
          "%s lang %d: every first row where it was with a 2,000-character "
          "note (%d moved, of %d)", p->name, lang, moved, rows);
    CHECK(r[0][1].max_offset_sum > r[0][0].max_offset_sum &&
              r[1][0].max_offset_sum > r[0][0].max_offset_sum,
          "%s lang %d: larger text and a longer note make the cards "
          "scroll further (%.0f, %.0f > %.0f)", p->name, lang,
          (double)r[0][1].max_offset_sum, (double)r[1][0].max_offset_sum,
          (double)r[0][0].max_offset_sum);
    free_long_notes(longer, bufs);
}

/* The count heading in every language, and the one-passage form. */
static void test_heading(void)
{
    struct ui_place_card *c = ui_place_card_create(fonts);
    struct ui_metrics m;
    const struct content_place *yili = content_place(ex, "yili");
    const struct content_place *bortala = content_place(ex, "bortala");
    for (int l = 0; l < CONTENT_LANGS; l++) {
        ui_metrics_init(&m, 1920, 1080, 21.5, (enum text_lang)l, false);
        SDL_Rect box = card_box(&m);
        for (int k = 0; k < 2; k++) {
            const struct content_place *pl = k ? bortala : yili;
            uint32_t i = (uint32_t)(pl - ex->places);
            size_t n = content_mentions_of(ex, i, (enum text_lang)l, NULL, 0);
            const char *tmpl = content_string(
                ex, n == 1 ? "map.mentions-one" : "map.mentions-count",
                (enum text_lang)l);
            char num[16], want[256];
            snprintf(num, sizeof num, "%zu", n);
            ui_fill(want, sizeof want, tmpl, "count", num);
            ui_place_card_set(c, ex, i, &m, box);
            const char *got = ui_place_card_heading(c);
            CHECK(strstr(tmpl, "{count}") && strcmp(got, want) == 0 &&
                      strstr(got, num) && !strchr(got, '{'),
                  "%s lang %d: heading '%s' (%zu passages)", pl->id, l, got,
                  n);
        }
    }
    ui_metrics_init(&m, 1920, 1080, 21.5, TEXT_LANG_EN, false);
    ui_place_card_set(c, ex, (uint32_t)(yili - ex->places), &m, card_box(&m));
    size_t ny = content_mentions_of(ex, (uint32_t)(yili - ex->places),
                                    TEXT_LANG_EN, NULL, 0);
    char want[64];
    snprintf(want, sizeof want, "Mentioned in %zu passages", ny);
    CHECK(strcmp(ui_place_card_heading(c), want) == 0,
          "Yili in English: '%s'", ui_place_card_heading(c));
    ui_place_card_set(c, ex, (uint32_t)(bortala - ex->places), &m,
                      card_box(&m));
    CHECK(strcmp(ui_place_card_heading(c), "Mentioned in 1 passage") == 0,
          "Bortala in English: '%s' (mentioned once)",
          ui_place_card_heading(c));
    ui_place_card_destroy(c);
}

static long ink_in(SDL_Surface *s, SDL_Rect r, SDL_Color paper)
{
    long n = 0;
    for (int y = r.y; y < r.y + r.h; y++) {
        const uint32_t *row = (const uint32_t *)((const uint8_t *)s->pixels +
                                                 (size_t)y * (size_t)s->pitch);
        for (int x = r.x; x < r.x + r.w; x++) {
            Uint8 cr, cg, cb;
            SDL_GetRGB(row[x], s->format, &cr, &cg, &cb);
            n += abs(cr - paper.r) + abs(cg - paper.g) + abs(cb - paper.b) >
                 60;
        }
    }
    return n;
}

/* How far apart the left ends of the text lines in r are: lines are bands
 * of rows with ink, the ones the rectangle's edges cut left out. */
static int edge_spread(SDL_Surface *s, SDL_Rect r, SDL_Color paper)
{
    int lo = r.x + r.w, hi = r.x, band = r.x + r.w;
    bool in = false, cut = true;
    for (int y = r.y; y <= r.y + r.h; y++) {
        int first = r.x + r.w;
        if (y < r.y + r.h) {
            const uint32_t *row = (const uint32_t *)((const uint8_t *)
                                                         s->pixels +
                                                     (size_t)y *
                                                         (size_t)s->pitch);
            for (int x = r.x; x < r.x + r.w / 2 && first == r.x + r.w; x++) {
                Uint8 cr, cg, cb;
                SDL_GetRGB(row[x], s->format, &cr, &cg, &cb);
                if (abs(cr - paper.r) + abs(cg - paper.g) + abs(cb - paper.b) >
                    60)
                    first = x;
            }
        }
        if (first < r.x + r.w) {
            cut |= !in && y == r.y;
            in = true;
            band = first < band ? first : band;
        } else if (in) {
            if (!cut && y < r.y + r.h) {
                lo = band < lo ? band : lo;
                hi = band > hi ? band : hi;
            }
            in = false;
            cut = false;
            band = r.x + r.w;
        } else {
            cut = false;
        }
    }
    return hi >= lo ? hi - lo : 999;
}

/* Drawn on the 7" panel with a 2,000-character note: nothing outside the
 * card's box, nothing between the view and the box's bottom, the close
 * control at the far corner, the text at the reading edge. */
static void test_drawn(enum text_lang lang)
{
    const struct panel *p = &panels[0];
    char *bufs[CONTENT_LANGS];
    struct exhibit *longer = long_notes(bufs);
    struct render_target *t = render_target_create(p->w, p->h);
    struct atlas *a = atlas_create(t->renderer, fonts, NULL);
    struct ui_place_card *c = ui_place_card_create(fonts);
    const struct content_place *yili = content_place(ex, "yili");
    struct ui_metrics m;
    ui_metrics_init(&m, p->w, p->h, diag_in(p), lang, false);
    SDL_Rect box = card_box(&m);
    ui_place_card_set(c, longer, (uint32_t)(yili - ex->places), &m, box);
    const struct ui_palette *pal = ui_theme_palette();
    SDL_SetRenderDrawColor(t->renderer, pal->paper.r, pal->paper.g,
                           pal->paper.b, 255);
    SDL_RenderClear(t->renderer);
    /* the close control at the top (a card that scrolls whole -- a tall
     * name on a small panel -- scrolls it away further down) */
    struct ui_card_target ct[4];
    size_t nct = ui_place_card_targets(c, ct, 4);
    int close_mid = -1;
    for (size_t i = 0; i < nct && i < 4; i++)
        if (strcmp(ct[i].id, "card:close") == 0)
            close_mid = ct[i].rect.x + ct[i].rect.w / 2;
    ui_place_card_set_offset(c, ui_place_card_max_offset(c) / 2);
    ui_place_card_draw(c, t->renderer, a);
    render_target_flush(t);
    SDL_Rect view = ui_place_card_view(c);
    SDL_Rect below = {box.x + 2, view.y + view.h, box.w - 4,
                      box.y + box.h - (view.y + view.h)};
    SDL_Rect left_of = {0, 0, box.x, p->h};
    SDL_Rect right_of = {box.x + box.w, 0, p->w - box.x - box.w, p->h};
    long spill = ink_in(t->surface, below, pal->paper) +
                 ink_in(t->surface, left_of, pal->paper) +
                 ink_in(t->surface, right_of, pal->paper);
    long in_view = ink_in(t->surface, view, pal->paper);
    CHECK(spill == 0 && in_view > 500,
          "lang %d: drawn only inside the card and its view (%ld px "
          "outside, %ld inside)", lang, spill, in_view);
    /* The reading edge: ink in the view's start and end thirds. */
    SDL_Rect l3 = {view.x, view.y, view.w / 3, view.h};
    SDL_Rect r3 = {view.x + view.w * 2 / 3, view.y, view.w / 3, view.h};
    long left = ink_in(t->surface, l3, pal->paper),
         right = ink_in(t->surface, r3, pal->paper);
    bool mirrored = lang == TEXT_LANG_UG;
    if (lang != TEXT_LANG_ZH)
        CHECK(mirrored ? right > left : left > right,
              "lang %d: the text hugs the %s (%ld vs %ld)", lang,
              mirrored ? "right" : "left", left, right);
    else /* full lines carry ink to both edges: the start one is straight */
        CHECK(edge_spread(t->surface, view, pal->paper) <= 4,
              "lang %d: every line starts at the left edge (spread %d px)",
              lang, edge_spread(t->surface, view, pal->paper));
    CHECK(close_mid >= 0 && (mirrored ? close_mid < box.x + box.w / 2
                                      : close_mid > box.x + box.w / 2),
          "lang %d: the close control at the far corner (%d in %d..%d)",
          lang, close_mid, box.x, box.x + box.w);
    ui_place_card_destroy(c);
    atlas_destroy(a);
    render_target_destroy(t);
    free_long_notes(longer, bufs);
}

/* ---- in the app ---------------------------------------------------------- */

/* Passage targets in a state dump outside the card's view (below its
 * close control, inside the bezel) or under 11 mm tall, since the last
 * reset; and the bounds they are checked against. */
static int dump_bad;
static SDL_Rect dump_bounds;
static double dump_px_per_mm;

/* The passage targets in the app's state, in order (at most max). */
static size_t app_passages(const struct exhibit_app *a, char ids[][64],
                           size_t max, SDL_Rect *first)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    exhibit_app_write_state(a, f);
    fclose(f);
    json_t *st = json_loads(buf, 0, NULL);
    free(buf);
    size_t n = 0, i;
    json_t *v;
    json_array_foreach(json_object_get(st, "targets"), i, v) {
        const char *id = json_string_value(json_object_get(v, "id"));
        if (!id || strncmp(id, "passage:", 8) != 0)
            continue;
        SDL_Rect rr = {(int)json_integer_value(json_object_get(v, "x")),
                       (int)json_integer_value(json_object_get(v, "y")),
                       (int)json_integer_value(json_object_get(v, "w")),
                       (int)json_integer_value(json_object_get(v, "h"))};
        if (n == 0 && first)
            *first = rr;
        if (dump_px_per_mm > 0)
            dump_bad += !inside(dump_bounds, rr) ||
                        rr.h / dump_px_per_mm < 11.0;
        if (n < max)
            snprintf(ids[n], 64, "%s", id);
        n++;
    }
    json_decref(st);
    return n;
}

/* A slow drag from (x, y) by dy, held still before lifting (no fling). */
static void drag(struct exhibit_app *a, SDL_Renderer *r, int x, int y,
                 int dy, uint32_t *now)
{
    struct input_pointer_event ev = {INPUT_POINTER_DOWN, 1, (float)x,
                                     (float)y, *now};
    exhibit_app_pointer(a, r, &ev);
    for (int k = 1; k <= 10; k++) {
        *now += 16;
        ev = (struct input_pointer_event){INPUT_POINTER_MOVE, 1, (float)x,
                                          (float)(y + dy * k / 10), *now};
        exhibit_app_pointer(a, r, &ev);
    }
    *now += 120;
    ev = (struct input_pointer_event){INPUT_POINTER_MOVE, 1, (float)x,
                                      (float)(y + dy), *now};
    exhibit_app_pointer(a, r, &ev);
    ev.kind = INPUT_POINTER_UP;
    exhibit_app_pointer(a, r, &ev);
    for (int k = 0; k < 60; k++) { /* any bounce settles */
        *now += 16;
        exhibit_app_tick(a, *now);
    }
}

static void test_app(const struct panel *p, enum text_lang lang)
{
    struct render_target *t = render_target_create(p->w, p->h);
    struct atlas *atlas = atlas_create(t->renderer, fonts, NULL);
    struct exhibit_app *a = exhibit_app_create(fonts);
    SDL_Renderer *r = t->renderer;
    exhibit_app_set_screen(a, diag_in(p));
    exhibit_app_layout(a, r, ex, lang, p->w, p->h);
    uint32_t now = 100;
    int x, y;
    exhibit_app_tap(a, r, p->w / 2, p->h / 2, now += 100);
    exhibit_app_target(a, "nav:map", &x, &y);
    exhibit_app_tap(a, r, x, y, now += 100);
    CHECK(exhibit_app_target(a, "region:yili", &x, &y),
          "%s lang %d: region:yili on the map", p->name, lang);
    exhibit_app_tap(a, r, x, y, now += 100);
    exhibit_app_draw(a, r, atlas, now);

    const struct content_place *yili = content_place(ex, "yili");
    struct content_mention_ref refs[64];
    size_t want = content_mentions_of(ex, (uint32_t)(yili - ex->places),
                                      lang, refs, 64);
    char ids[32][64], top_id[64] = "";
    size_t n = app_passages(a, ids, 32, NULL);
    if (n)
        snprintf(top_id, sizeof top_id, "%s", ids[0]);
    /* (Whether one is in sight at once on the larger panels: test_reach.
     * On these two the card's box is too small for that.) */
    bool seen[64] = {false};
    /* Drags start in the card: under its close control, half way down. */
    CHECK(exhibit_app_target(a, "card:close", &x, &y), "%s lang %d: "
          "card:close", p->name, lang);
    int step_px = 20; /* past the tap slop (16 px), and fine enough */
    int cx = x, cy = y + (p->h - y) / 2;
    struct ui_metrics m;
    ui_metrics_init(&m, p->w, p->h, diag_in(p), lang, false);
    dump_bad = 0;
    dump_px_per_mm = p->w / p->mm_w;
    dump_bounds = (SDL_Rect){m.bezel, y, p->w - 2 * m.bezel,
                             p->h - m.bezel - y};
    /* A drag on the map (away from the card) scrolls nothing -- where the
     * card is a sheet over the whole map there is no map to drag, and
     * no map target while it is open. */
    int mx, my;
    if (exhibit_app_target(a, "town:urumqi", &mx, &my)) {
        drag(a, r, mx, my, -step_px * 2, &now);
        char ids2[32][64];
        size_t n2 = app_passages(a, ids2, 32, NULL);
        CHECK(n2 == n && (!n || strcmp(ids2[0], top_id) == 0) &&
                  strcmp(exhibit_app_selected_place(a)
                             ? exhibit_app_selected_place(a)
                             : "",
                         "yili") == 0,
              "%s lang %d: a drag on the map leaves the card as it was",
              p->name, lang);
    } else {
        CHECK(!exhibit_app_target(a, "region:altay", &mx, &my),
              "%s lang %d: under the card's sheet no map target", p->name,
              lang);
    }
    /* Dragging the card up, a row's height at a time, shows them all. */
    char last_new[80] = "", first_id[80];
    snprintf(first_id, sizeof first_id, "passage:%s",
             want ? ex->passages[refs[0].passage].id : "");
    int first_step = -1, fx = 0, fy = 0;
    for (int step = 0; step < 1500; step++) {
        if (first_step < 0 && exhibit_app_target(a, first_id, &fx, &fy))
            first_step = step;
        n = app_passages(a, ids, 32, NULL);
        for (size_t i = 0; i < n && i < 32; i++)
            for (size_t k = 0; k < want && k < 64; k++) {
                char id[80];
                snprintf(id, sizeof id, "passage:%s",
                         ex->passages[refs[k].passage].id);
                if (strcmp(id, ids[i]) == 0 && !seen[k]) {
                    seen[k] = true;
                    snprintf(last_new, sizeof last_new, "%s", id);
                }
            }
        size_t reached = 0;
        for (size_t k = 0; k < want && k < 64; k++)
            reached += seen[k];
        if (reached == want)
            break;
        drag(a, r, cx, cy, -step_px, &now);
    }
    size_t reached = 0;
    for (size_t k = 0; k < want && k < 64; k++)
        reached += seen[k];
    CHECK(dump_bad == 0, "%s lang %d: every passage target in the state "
          "dumps is in the card's view, inside the bezel, >= 11 mm tall (%d "
          "not)", p->name, lang, dump_bad);
    dump_px_per_mm = 0;
    CHECK(reached == want && want >= 4,
          "%s lang %d: dragging the card reaches all %zu of Yili's passages "
          "(%zu)", p->name, lang, want, reached);
    /* The last one found by scrolling opens the reader there. */
    if (last_new[0] && exhibit_app_target(a, last_new, &x, &y)) {
        exhibit_app_tap(a, r, x, y, now += 100);
        CHECK(exhibit_app_screen(a) == APP_SCREEN_READER,
              "%s lang %d: %s, found by scrolling, opens the reader",
              p->name, lang, last_new);
        exhibit_app_target(a, "nav:back", &x, &y);
        exhibit_app_tap(a, r, x, y, now += 100);
        if (exhibit_app_screen(a) != APP_SCREEN_MAP) {
            exhibit_app_target(a, "nav:map", &x, &y);
            exhibit_app_tap(a, r, x, y, now += 100);
        }
    } else {
        CHECK(false, "%s lang %d: %s is a target after scrolling", p->name,
              lang, last_new);
    }
    /* Another place's card starts at its top, and Yili's again too. */
    if (!exhibit_app_selected_place(a) ||
        strcmp(exhibit_app_selected_place(a), "yili") != 0) {
        exhibit_app_target(a, "region:yili", &x, &y);
        exhibit_app_tap(a, r, x, y, now += 100);
    }
    /* (under a sheet, the card is closed to reach the map) */
    if (!exhibit_app_target(a, "region:altay", &x, &y) &&
        exhibit_app_target(a, "card:close", &x, &y)) {
        exhibit_app_tap(a, r, x, y, now += 100);
        exhibit_app_target(a, "region:altay", &x, &y);
    }
    exhibit_app_tap(a, r, x, y, now += 100);
    if (!exhibit_app_target(a, "region:yili", &x, &y) &&
        exhibit_app_target(a, "card:close", &x, &y)) {
        exhibit_app_tap(a, r, x, y, now += 100);
        exhibit_app_target(a, "region:yili", &x, &y);
    }
    exhibit_app_tap(a, r, x, y, now += 100);
    /* As many drags as the first time bring the first passage to the
     * same place: the card had started at its top. */
    for (int step = 0; step < first_step; step++)
        drag(a, r, cx, cy, -step_px, &now);
    int gx = -1, gy = -1;
    bool again = exhibit_app_target(a, first_id, &gx, &gy);
    CHECK(first_step >= 0 && again && gx == fx && gy == fy,
          "%s lang %d: Yili's card opens at its top again (%s after %d "
          "drags at %d,%d, first %d,%d)", p->name, lang, first_id,
          first_step, gx, gy, fx, fy);
    /* The close control closes the card and leaves the map. */
    bool have = exhibit_app_target(a, "card:close", &x, &y);
    exhibit_app_tap(a, r, x, y, now += 100);
    CHECK(have && exhibit_app_screen(a) == APP_SCREEN_MAP &&
              !exhibit_app_selected_place(a) &&
              !exhibit_app_target(a, "card:close", &x, &y) &&
              app_passages(a, ids, 32, NULL) == 0 &&
              exhibit_app_target(a, "region:yili", &x, &y),
          "%s lang %d: card:close closes the card, the map stays",
          p->name, lang);
    exhibit_app_draw(a, r, atlas, now);
    exhibit_app_destroy(a);
    atlas_destroy(atlas);
    render_target_destroy(t);
}

int main(void)
{
    if (!render_headless_init())
        return 1;
    if (!shipped_load(&fonts, &ex))
        return 1;
    test_mentions();
    test_heading();
    for (size_t i = 0; i < sizeof panels / sizeof *panels; i++)
        for (int l = 0; l < 3; l++)
            test_reach(&panels[i], (enum text_lang)l);
    for (int l = 0; l < 3; l++) {
        test_drawn((enum text_lang)l);
        test_app(&panels[0], (enum text_lang)l);
        test_app(&panels[1], (enum text_lang)l);
    }
    content_destroy(ex);
    text_fonts_destroy(fonts);
    render_headless_quit();
    return check_finish("test_place_card");
}
