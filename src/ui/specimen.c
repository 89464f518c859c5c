/* specimen.c: the type specimen page of specimen.h.
 *
 * The English is the archive's translation (Wilson Center Digital Archive,
 * PRC FMA 118-01109-02, translated by 7Brands), verbatim.  The Chinese and
 * Uyghur were written for the exhibit: the Chinese renders the report's
 * first paragraphs, the Uyghur summarises them; the caption says so.
 * Everything is laid out top to bottom in one pass; a paragraph's height is
 * its layout's height rounded up to whole pixels. */
#include <stddef.h>
#include <string.h>

#include <SDL.h>

#include "core/log.h"
#include "render/atlas.h"
#include "render/draw_text.h"
#include "text/font.h"
#include "text/layout.h"
#include "ui/specimen.h"
#include "ui/theme.h"


static const char TITLE_ZH[] = "外交部、公安部工作组一周工作情况报告";
static const char TITLE_EN[] =
    "Report on the Operations of the Work Team, 29 May 1962";
static const char TITLE_UG[] =
    "خىزمەت گۇرۇپپىسىنىڭ بىر ھەپتىلىك خىزمەت دوكلاتى";

static const char *const BODY_EN[] = {
    "[To the] Party Committee of Xinjiang [Uyghur] Autonomous Region and the "
    "Ministries of Foreign Affairs and Public Security of the Central "
    "Government:",
    "The work team of the Ministries of Foreign Affairs and Public Security "
    "of the Central Government arrived in Wulumuqi [Urumqi] on 21 May. The "
    "following is a report on their operations over the past week:",
    "The arrival of the work team in Wulumuqi coincided with a conference "
    "of the Party Secretaries from the four prefectures of Tacheng "
    "[Qoqek], Yili [Ili], Boertala [Bortala], and Aletai [Altay], which "
    "discussed the situation of the troubled region, took inventory of the "
    "experience and lessons gained, and studied ways to implement the two "
    "instructions given by the Central Committee on 14 May. Comrades Xu "
    "Huang and Guo Yumin were present at the conference on its last day on "
    "22 May and listened to the wrap-up talk given by Comrade Wang Enmao.",
};

static const char BODY_ZH[] =
    "中央外交部、公安部工作组已于5月21日抵达乌鲁木齐。工作组到达时，正值"
    "自治区党委召开塔城、伊犁、博尔塔拉、阿勒泰四个地区的地委书记会议，"
    "讨论出事地区的形势，总结经验教训，研究如何贯彻中央5月14日的“两个指示”。"
    "工作组两位同志出席了5月22日会议的最后一天，听取了王恩茂同志所作的总结"
    "讲话。";

/* "This document was written on 29 May 1962 (Wilson Center archive). The
 * work team arrived in Urumqi on 21 May and examined the situation in the
 * Chöchek, Ili, Bortala and Altay regions." */
static const char BODY_UG[] =
    "بۇ ھۆججەت 1962-يىلى 29-ماي يېزىلغان (Wilson Center ئارخىپى). "
    "خىزمەت گۇرۇپپىسى 21-ماي ئۈرۈمچىگە يېتىپ كەلدى ۋە چۆچەك، ئىلى، "
    "بۆرتالا، ئالتاي رايونلىرىنىڭ ئەھۋالىنى تەكشۈردى.";

static const char MIXED[] =
    "塔城 Tacheng چۆچەك · 伊犁 Yili ئىلى · 博尔塔拉 Bortala بۆرتالا · "
    "阿勒泰 Altay ئالتاي";

static const char CAPTION[] =
    "Type specimen. English: the archive's translation (7Brands). Chinese "
    "and Uyghur: written for this exhibit.";

struct page {
    SDL_Renderer *renderer;
    struct atlas *atlas;
    const struct text_fonts *fonts;
    double scale;
    bool ok;
};

struct para_style {
    const char *role;
    enum text_lang lang;
    int size;         /* px at scale 1 (the theme's reference) */
    enum text_align align;
    int line_pct;     /* 0 = the role's own pitch */
    SDL_Color color;
};

/* A length given for the reference page, scaled to this one (rounded:
 * the specimen's own, finer than the screens' truncation). */
static int scaled(const struct page *pg, int px)
{
    int v = (int)(px * pg->scale + 0.5);
    return v < 1 ? 1 : v;
}

/* Lays out and draws one paragraph in the box at (x, y) of width w;
 * returns its height in whole pixels. */
static int paragraph(struct page *pg, const struct para_style *st,
                     const char *text, int x, int y, int w)
{
    struct text_params p = {
        .role = text_fonts_role(pg->fonts, st->role),
        .lang = st->lang,
        .size_px = SDL_max(scaled(pg, st->size), TEXT_MIN_SIZE_PX),
        .width_px = SDL_max(w, 1),
        .align = st->align,
        .line_height_pct = st->line_pct,
    };
    if (!p.role) {
        log_error("ui", "the font manifest has no role '%s'", st->role);
        pg->ok = false;
        return 0;
    }
    struct text_layout *l = text_layout_create(pg->fonts, &p, text,
                                               strlen(text));
    if (!l) {
        log_error("ui", "cannot lay out a specimen paragraph");
        pg->ok = false;
        return 0;
    }
    if (!render_text_layout(pg->renderer, pg->atlas, l, x, y, st->color))
        pg->ok = false;
    int height = text_layout_height_px(l);
    text_layout_destroy(l);
    return height;
}

static void hairline(struct page *pg, int x, int y, int w)
{
    SDL_Color c = ui_theme_palette()->rule;
    SDL_SetRenderDrawColor(pg->renderer, c.r, c.g, c.b, c.a);
    SDL_Rect r = {x, y, w, pg->scale >= 1.0 ? 2 : 1};
    SDL_RenderFillRect(pg->renderer, &r);
}

bool ui_specimen_draw(SDL_Renderer *renderer, struct atlas *atlas,
                      const struct text_fonts *fonts, int w, int h)
{
    const struct ui_palette *pal = ui_theme_palette();
    struct page pg = {renderer, atlas, fonts,
                      ui_scale_factor(ui_scale_of(w, h)), true};
    const struct para_style title_zh = {"title", TEXT_LANG_ZH, 44,
                                        TEXT_ALIGN_CENTER, 0, pal->accent};
    const struct para_style title_en = {"title", TEXT_LANG_EN, 32,
                                        TEXT_ALIGN_CENTER, 0, pal->accent};
    const struct para_style title_ug = {"title", TEXT_LANG_UG, 34,
                                        TEXT_ALIGN_CENTER, 0, pal->accent};
    const struct para_style body_en = {"body", TEXT_LANG_EN, 28,
                                       TEXT_ALIGN_JUSTIFY, 150, pal->ink};
    const struct para_style body_zh = {"body", TEXT_LANG_ZH, 28,
                                       TEXT_ALIGN_JUSTIFY, 170, pal->ink};
    const struct para_style body_ug = {"body", TEXT_LANG_UG, 28,
                                       TEXT_ALIGN_START, 0, pal->ink};
    const struct para_style mixed = {"ui", TEXT_LANG_EN, 24,
                                     TEXT_ALIGN_START, 0, pal->ink};
    const struct para_style caption = {"ui", TEXT_LANG_EN, 20,
                                       TEXT_ALIGN_START, 150, pal->muted};

    SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(renderer, pal->paper.r, pal->paper.g,
                           pal->paper.b, 255);
    SDL_Rect all = {0, 0, w, h};
    SDL_RenderFillRect(renderer, &all);

    int margin = scaled(&pg, 64), gap = scaled(&pg, 56);
    int para_gap = scaled(&pg, 18);
    int inner = w - 2 * margin;
    int y = scaled(&pg, 48);
    y += paragraph(&pg, &title_zh, TITLE_ZH, margin, y, inner);
    y += scaled(&pg, 6);
    y += paragraph(&pg, &title_en, TITLE_EN, margin, y, inner);
    y += scaled(&pg, 6);
    y += paragraph(&pg, &title_ug, TITLE_UG, margin, y, inner);
    y += scaled(&pg, 20);
    hairline(&pg, margin, y, inner);
    y += scaled(&pg, 28);

    bool landscape = w > h;
    int col_w = landscape ? (inner - gap) / 2 : inner;
    int top = y, x = margin;
    for (size_t i = 0; i < sizeof BODY_EN / sizeof BODY_EN[0]; i++)
        y += paragraph(&pg, &body_en, BODY_EN[i], x, y, col_w) + para_gap;
    if (landscape) {
        /* The second column starts level with the first. */
        x = margin + col_w + gap;
        y = top;
    }
    y += paragraph(&pg, &body_zh, BODY_ZH, x, y, col_w) + para_gap;
    y += paragraph(&pg, &body_ug, BODY_UG, x, y, col_w) + para_gap;
    y += paragraph(&pg, &mixed, MIXED, x, y, col_w) + para_gap;
    hairline(&pg, x, y, col_w);
    y += para_gap;
    paragraph(&pg, &caption, CAPTION, x, y, col_w);
    return pg.ok;
}
