/* test_audit.c: the accessibility audit -- every screen, in each language
 * and at both text sizes, on each panel a museum mounts, played by
 * `kiosk render --script` with the panel's physical size in a kiosk.conf,
 * and judged from the state dump and the picture:
 *   - capital height in mm, measured on the picture (the ink rows of each
 *     text's probe glyph: a Latin capital or an alef): >= 4.8 mm, >= 7.3 mm
 *     with larger text; text without a probe (Chinese) by its size;
 *   - contrast sampled on the picture: body text >= 7:1, all other text
 *     >= 4.5:1, in every phase of the attract loop;
 *   - targets (the touch areas the dump lists): >= 9 mm both ways, on
 *     screen and inside the bezel, >= 2 mm apart (rows of one list may
 *     touch when each is >= 11 mm tall; mentions inside running text may
 *     touch each other, their words being neighbours; the map's regions
 *     and towns -- areas that tile the land, and labels that are targets
 *     -- may meet and overlap: the hit test takes the label under the
 *     finger, else the nearest);
 *   - no blank summary, at its top and scrolled far (the toggle from
 *     every passage of the report: tests/test_reader.c);
 *   - no tappable region's label dropped on the map, with a card open too;
 *   - every passage of a place card reachable by scrolling the card.
 * Each failure names the panel, language, screen and the thing measured.
 *
 * Larger text is audited on every panel, with no exception: where the
 * map screen cannot hold the map, every region's name, the instruction
 * and the credit at the larger size (the 7" panel, Touch Display 2), its
 * page scrolls, and the audit scrolls it to the end (map_end) and judges
 * that too. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL_image.h>
#include <jansson.h>

#include "check.h"
#include "contrast.h"
#include "play.h"
#include "render/headless.h"
#include "shipped.h"
#include "content/exhibit.h"
#include "text/font.h"

struct panel {
    int w, h;
    const char *mm; /* screen-size-mm */
    const char *name;
};

static const struct panel panels[] = {
    {800, 480, "155x86", "Pi 7\""},
    {720, 1280, "88x155", "Touch Display 2"},
    {1280, 800, "217x136", "10.1\""},
    {800, 1280, "136x217", "10.1\" portrait"},
    {1920, 1080, "476x268", "21.5\""},
    {1080, 1920, "268x476", "21.5\" portrait"},
    {3840, 2160, "952x535", "43\" 4K"},
};

static const char *const langs[] = {"zh", "en", "ug"};

static struct text_fonts *fonts;
static struct exhibit *ex;

/* What one shot is judged against. */
struct shot {
    const struct panel *p;
    const char *lang, *name;
    bool large;
    json_t *state;
    SDL_Surface *pic;
    double ppm;      /* px per mm */
    int bezel, target, floor;
};

static double mm(const struct shot *s, double px)
{
    return px / s->ppm;
}

static SDL_Rect json_rect(json_t *a)
{
    return (SDL_Rect){(int)json_integer_value(json_array_get(a, 0)),
                      (int)json_integer_value(json_array_get(a, 1)),
                      (int)json_integer_value(json_array_get(a, 2)),
                      (int)json_integer_value(json_array_get(a, 3))};
}

static SDL_Rect grow(SDL_Rect r, int by)
{
    return (SDL_Rect){r.x - by, r.y - by, r.w + 2 * by, r.h + 2 * by};
}

static bool inside(SDL_Rect in, SDL_Rect r)
{
    return r.x >= in.x && r.y >= in.y && r.x + r.w <= in.x + in.w &&
           r.y + r.h <= in.y + in.h;
}

/* Text under a scrolling view's fade is partly covered by design: a
 * record counts when it lies inside its clip, clear of the clip's edges
 * by the fade's depth (6 mm) where the clip is not the whole screen. */
static bool judged(const struct shot *s, SDL_Rect r, SDL_Rect clip)
{
    SDL_Rect screen = {0, 0, s->p->w, s->p->h};
    if (!inside(screen, r))
        return false;
    bool whole = clip.x <= 0 && clip.y <= 0 && clip.w >= s->p->w &&
                 clip.h >= s->p->h;
    if (!whole) {
        int fade = (int)ceil(6.0 * s->ppm) + 1;
        clip.y += fade;
        clip.h -= 2 * fade;
    }
    return clip.h > 0 && inside(clip, r);
}

/* The ink rows of `probe` on the picture: the rows with a pixel that
 * stands out from the background by 1.5:1. */
static int ink_height(const struct shot *s, SDL_Rect probe)
{
    SDL_Color bg = contrast_background(s->pic, grow(probe, 3));
    int first = -1, last = -1;
    for (int y = probe.y; y < probe.y + probe.h; y++)
        for (int x = probe.x; x < probe.x + probe.w; x++)
            if (contrast_ratio(contrast_pixel(s->pic, x, y), bg) >= 1.5) {
                if (first < 0)
                    first = y;
                last = y;
                break;
            }
    return first < 0 ? 0 : last - first + 1;
}

static void audit_texts(const struct shot *s)
{
    json_t *texts = json_object_get(s->state, "texts"), *t;
    size_t i;
    int judged_count = 0;
    CHECK(json_array_size(texts) > 0, "%s %s %s%s: text was drawn",
          s->p->name, s->lang, s->name, s->large ? " large" : "");
    json_array_foreach(texts, i, t) {
        const char *text = play_str(t, "text");
        const char *role = play_str(t, "role");
        SDL_Rect box = json_rect(json_object_get(t, "box"));
        SDL_Rect clip = json_rect(json_object_get(t, "clip"));
        json_t *pj = json_object_get(t, "probe");
        SDL_Rect area = box;
        if (pj)
            area = json_rect(pj);
        else if (!SDL_IntersectRect(&box, &clip, &area))
            continue;
        if (!judged(s, area, clip) || text[0] == '\0' ||
            json_is_true(json_object_get(t, "covered")))
            continue;
        judged_count++;
        double need = s->large ? 7.3 : 4.8;
        if (pj) {
            double h = mm(s, ink_height(s, area));
            CHECK(h >= need, "%s %s %s%s: '%.30s' (%s) capitals %.2f mm, "
                  "need %.1f", s->p->name, s->lang, s->name,
                  s->large ? " large" : "", text, role, h, need);
        } else {
            double cap = mm(s, play_int(t, "size") * 0.714);
            CHECK(cap >= need - 0.05, "%s %s %s%s: '%.30s' (%s) size %ld px: "
                  "a capital would be %.2f mm, need %.1f", s->p->name,
                  s->lang, s->name, s->large ? " large" : "", text, role,
                  play_int(t, "size"), cap, need);
        }
        SDL_Color bg = contrast_background(s->pic, grow(area, 3)), ink;
        double k = contrast_strongest(s->pic, area, bg, &ink);
        double min = strcmp(role, "body") == 0 ? 7.0 : 4.5;
        CHECK(k >= min, "%s %s %s%s: '%.30s' (%s) contrast %.2f:1 "
              "(#%02x%02x%02x on #%02x%02x%02x), need %.1f", s->p->name,
              s->lang, s->name, s->large ? " large" : "", text, role, k,
              ink.r, ink.g, ink.b, bg.r, bg.g, bg.b, min);
    }
    CHECK(judged_count > 0, "%s %s %s: some text was judged", s->p->name,
          s->lang, s->name);
}

/* The id up to its last ':' -- the list a row belongs to. */
static size_t list_of(const char *id)
{
    const char *c = strrchr(id, ':');
    return c ? (size_t)(c - id) : strlen(id);
}

static bool is_mention(const char *id)
{
    return strncmp(id, "mention:", 8) == 0;
}

/* A region or town of the map: regions tile the land and hold their
 * towns, and the map's hit test takes the nearest feature, so these need
 * their size but not gaps between them. */
static bool is_map_feature(const char *id)
{
    return strncmp(id, "region:", 7) == 0 || strncmp(id, "town:", 5) == 0;
}

/* The gap between two boxes: negative when they overlap. */
static int gap(SDL_Rect a, SDL_Rect b)
{
    int dx = a.x < b.x ? b.x - (a.x + a.w) : a.x - (b.x + b.w);
    int dy = a.y < b.y ? b.y - (a.y + a.h) : a.y - (b.y + b.h);
    return dx > dy ? dx : dy;
}

static void audit_targets(const struct shot *s)
{
    json_t *targets = json_object_get(s->state, "targets"), *t;
    size_t i, n = json_array_size(targets);
    SDL_Rect screen = {0, 0, s->p->w, s->p->h};
    SDL_Rect safe = {s->bezel, s->bezel, s->p->w - 2 * s->bezel,
                     s->p->h - 2 * s->bezel};
    const char *where = s->large ? " large" : "";
    SDL_Rect *r = calloc(n + 1, sizeof *r);
    json_array_foreach(targets, i, t) {
        r[i] = (SDL_Rect){(int)play_int(t, "x"), (int)play_int(t, "y"),
                          (int)play_int(t, "w"), (int)play_int(t, "h")};
        const char *id = play_str(t, "id");
        bool full = r[i].w >= s->p->w && r[i].h >= s->p->h;
        if (full)
            continue; /* "touch anywhere" */
        CHECK(r[i].w >= s->target && r[i].h >= s->target,
              "%s %s %s%s: target %s is %.1f x %.1f mm, need 9", s->p->name,
              s->lang, s->name, where, id, mm(s, r[i].w), mm(s, r[i].h));
        CHECK(inside(screen, r[i]) && inside(safe, r[i]),
              "%s %s %s%s: target %s at %d,%d %dx%d is not inside the %d px "
              "bezel", s->p->name, s->lang, s->name, where, id, r[i].x,
              r[i].y, r[i].w, r[i].h, s->bezel);
    }
    for (size_t a = 0; a < n; a++)
        for (size_t b = a + 1; b < n; b++) {
            const char *ia = play_str(json_array_get(targets, a), "id");
            const char *ib = play_str(json_array_get(targets, b), "id");
            if ((r[a].w >= s->p->w && r[a].h >= s->p->h) ||
                (r[b].w >= s->p->w && r[b].h >= s->p->h))
                continue;
            int g = gap(r[a], r[b]);
            bool rows = list_of(ia) == list_of(ib) &&
                        strncmp(ia, ib, list_of(ia)) == 0 &&
                        mm(s, r[a].h) >= 10.95 && mm(s, r[b].h) >= 10.95;
            bool words = is_mention(ia) && is_mention(ib);
            bool map = is_map_feature(ia) && is_map_feature(ib);
            double need = map ? -INFINITY : rows || words ? 0 : 1.95;
            CHECK(mm(s, g) >= need, "%s %s %s%s: targets %s and %s are "
                  "%.1f mm apart, need %.0f", s->p->name, s->lang, s->name,
                  where, ia, ib, mm(s, g), need > 0 ? 2.0 : 0.0);
        }
    free(r);
}

/* The shot's picture and dump; false if either is missing. */
static bool shot_open(struct shot *s, const char *dir)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s.png", dir, s->name);
    SDL_Surface *raw = IMG_Load(path);
    if (!CHECK(raw != NULL, "%s %s: %s was drawn", s->p->name, s->lang,
               s->name))
        return false;
    s->pic = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(raw);
    s->state = play_state(dir, s->name);
    json_t *ph = json_object_get(s->state, "physical");
    s->ppm = json_real_value(json_object_get(ph, "px_per_mm"));
    s->bezel = (int)play_int(ph, "bezel");
    s->target = (int)play_int(ph, "target");
    s->floor = (int)play_int(ph, "text_floor");
    return CHECK(s->ppm > 0 && json_is_true(json_object_get(ph, "known")),
                 "%s %s %s: the physical size came from --config",
                 s->p->name, s->lang, s->name);
}

static void shot_close(struct shot *s)
{
    SDL_FreeSurface(s->pic);
    json_decref(s->state);
}

/* Every tappable region's name (or its first word, or its start without
 * the unit -- short forms) drawn on the map screen. */
static void audit_map_labels(const struct shot *s, enum text_lang l)
{
    json_t *texts = json_object_get(s->state, "texts");
    json_t *targets = json_object_get(s->state, "targets"), *t;
    size_t i, regions = 0;
    json_array_foreach(targets, i, t) {
        const char *id = play_str(t, "id");
        if (strncmp(id, "region:", 7) != 0)
            continue;
        regions++;
        const struct content_place *pl = content_place(ex, id + 7);
        if (!CHECK(pl != NULL, "%s: a place", id))
            continue;
        const char *name = pl->name[l];
        size_t word = strcspn(name, " (（");
        bool found = false;
        size_t k;
        json_t *x;
        json_array_foreach(texts, k, x) {
            const char *text = play_str(x, "text");
            size_t tn = strlen(text);
            /* or the name's own start: 塔城 of 塔城地区 */
            if (strncmp(text, name, word) == 0 ||
                (tn >= 6 && tn < strlen(name) &&
                 strncmp(name, text, tn) == 0))
                found = true;
        }
        CHECK(found, "%s %s %s%s: the label of %s ('%s') is drawn",
              s->p->name, s->lang, s->name, s->large ? " large" : "", id,
              name);
    }
    if (regions == 0 && json_is_string(json_object_get(s->state,
                                                       "selected_place")) &&
        !play_has_target(s->state, "region:yili")) {
        /* a small panel: the card is a sheet over the whole map */
        CHECK(play_has_target(s->state, "card:close"),
              "%s %s %s: the card covers the map, and closes", s->p->name,
              s->lang, s->name);
        return;
    }
    CHECK(regions >= 4, "%s %s %s: %zu regions to tap", s->p->name, s->lang,
          s->name, regions);
}

/* No blank summary: some body text of the summaries on screen. */
static void audit_not_blank(const struct shot *s)
{
    json_t *texts = json_object_get(s->state, "texts"), *t;
    size_t i;
    int body = 0;
    json_array_foreach(texts, i, t) {
        SDL_Rect box = json_rect(json_object_get(t, "box"));
        SDL_Rect clip = json_rect(json_object_get(t, "clip")), seen;
        if (strcmp(play_str(t, "role"), "body") == 0 &&
            SDL_IntersectRect(&box, &clip, &seen) && seen.h > s->floor)
            body++;
    }
    CHECK(body > 0, "%s %s %s%s: the summary is not blank", s->p->name,
          s->lang, s->name, s->large ? " large" : "");
}

static const char *const screens[] = {"attract0", "attract1", "attract2",
                                      "home", "reader", "summary",
                                      "summary_deep", "map", "map_end",
                                      "card",
                                      "about", "idle"};

/* Whether string `id` (or its part from the '\xc2\xa9' on -- the credit's
 * short form) is among the texts drawn on screen. */
static bool drawn(const struct shot *s, const char *id, int li)
{
    const char *want = content_string(ex, id, (enum text_lang)li);
    const char *c = strstr(want, "\xC2\xA9");
    json_t *texts = json_object_get(s->state, "texts"), *t;
    size_t i;
    json_array_foreach(texts, i, t) {
        const char *text = play_str(t, "text");
        SDL_Rect box = json_rect(json_object_get(t, "box"));
        bool on = box.y < s->p->h && box.y + box.h > 0;
        /* the dump keeps a text's first bytes only */
        size_t n = strlen(text);
        if (on && n > 8 && (strncmp(text, want, n) == 0 ||
                            (c && strncmp(text, c, n) == 0)))
            return true;
    }
    return false;
}

static void audit(const struct panel *p, int li, bool large)
{
    char dir[] = "/tmp/kiosk-test-audit-XXXXXX";
    if (!mkdtemp(dir))
        return;
    char conf[600], args[700], script[2048], size[32];
    snprintf(conf, sizeof conf, "%s/kiosk.conf", dir);
    FILE *f = fopen(conf, "w");
    fprintf(f, "screen-size-mm: %s\nidle-timeout: 30\n", p->mm);
    fclose(f);
    snprintf(args, sizeof args, "--config %s", conf);
    snprintf(size, sizeof size, "%dx%d", p->w, p->h);
    int cx = p->w / 2, top = p->h * 3 / 4, bottom = p->h / 4;
    /* drags inside the map's area (below the bar and the title) */
    int low = p->h * 92 / 100, high = p->h * 62 / 100;
    bool chooser;
    const char *choose = play_choose_lang(dir, args, size, langs[li], &chooser);
    /* with larger text the chooser is opened again (its shot replaces the
     * first), and closed by choosing the same language */
    char again[128] = "";
    if (large && chooser)
        snprintf(again, sizeof again, "tap-id nav:language\nwait 300\n"
                 "shot chooser\ntap-id lang:%s\nwait 300\n", langs[li]);
    snprintf(script, sizeof script,
             "wait 600\nshot attract0\nwait 1300\nshot attract1\n"
             "wait 1700\nshot attract2\ntap %d %d\nwait 400\n"
             "%stap-id lang:%s\nwait 300\n%s%s"
             "shot home\ntap-id nav:read\nwait 400\nshot reader\n"
             "tap-id nav:summary\nwait 300\nshot summary\n"
             "drag %d %d %d %d 200\nwait 1500\ndrag %d %d %d %d 200\n"
             "wait 1500\ndrag %d %d %d %d 200\nwait 1500\n"
             "shot summary_deep\ntap-id nav:home\nwait 300\n"
             "tap-id nav:map\nwait 800\nshot map\n"
             /* a map page that scrolls (larger text on a small panel) to
              * its end, and back */
             "drag %d %d %d %d 200\nwait 1500\ndrag %d %d %d %d 200\n"
             "wait 1500\nshot map_end\ndrag %d %d %d %d 200\nwait 1500\n"
             "drag %d %d %d %d 200\nwait 1500\ntap-id region:yili\n"
             "wait 800\nshot card\ntap-id nav:home\nwait 300\n"
             "tap-id nav:about\nwait 400\nshot about\nwait 31000\n"
             "shot idle\n",
             cx, p->h / 2, choose, langs[li],
             large ? "tap-id nav:text-size\n" : "", again,
             cx, top, cx, bottom, cx, top, cx, bottom, cx, top, cx, bottom,
             cx, low, cx, high, cx, low, cx, high, cx, high, cx, low, cx,
             high, cx, low);
    /* every shot's state too */
    char full[4096], *o = full;
    for (const char *c = script; *c;) {
        const char *nl = strchr(c, '\n');
        size_t n = (size_t)(nl - c) + 1;
        memcpy(o, c, n);
        o += n;
        if (strncmp(c, "shot ", 5) == 0) {
            memcpy(o, "state ", 6);
            memcpy(o + 6, c + 5, n - 5);
            o += 6 + n - 5;
        }
        c += n;
    }
    *o = '\0';
    char name[64];
    snprintf(name, sizeof name, "audit-%s-%s", size, langs[li]);
    bool instruction = false, credit = false;
    int map_shots = 0;
    if (play_script(dir, name, args, size, full)) {
        for (size_t i = 0; i < sizeof screens / sizeof *screens + 1; i++) {
            bool last = i == sizeof screens / sizeof *screens;
            if (last && !chooser)
                break;
            const char *shot = last ? "chooser" : screens[i];
            /* the loop plays before the visitor chooses a text size */
            struct shot s = {.p = p, .lang = langs[li], .name = shot,
                             .large = large &&
                                      strncmp(shot, "attract", 7) != 0};
            if (!shot_open(&s, dir)) {
                shot_close(&s);
                continue;
            }
            audit_texts(&s);
            audit_targets(&s);
            if (strncmp(s.name, "summary", 7) == 0)
                audit_not_blank(&s);
            if (strncmp(s.name, "map", 3) == 0) {
                map_shots++;
                instruction |= drawn(&s, "map.instruction", li);
                credit |= drawn(&s, "map.attribution", li);
            }
            if (strcmp(s.name, "map") == 0 || strcmp(s.name, "card") == 0)
                /* (map_end may show the instruction and credit only) */
                audit_map_labels(&s, (enum text_lang)li);
            shot_close(&s);
        }
        /* nothing of the map screen given up: seen at its top or its end */
        CHECK(map_shots == 2 && instruction && credit,
              "%s %s%s: the map's instruction (%s) and credit (%s) are shown",
              p->name, langs[li], large ? " large" : "",
              instruction ? "yes" : "no", credit ? "yes" : "no");
    } else {
        char err[1024];
        snprintf(err, sizeof err, "cat %s/%s.err >&2", dir, name);
        if (system(err) != 0)
            CHECK(false, "the script's errors");
    }
    char cmd[700];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0)
        CHECK(false, "cleanup");
}

int main(int argc, char **argv)
{
    if (!render_headless_init() || !shipped_load(&fonts, &ex))
        return 1;
    /* `test_audit WxH` audits one panel (for a developer). */
    for (size_t i = 0; i < sizeof panels / sizeof *panels; i++) {
        char size[32];
        snprintf(size, sizeof size, "%dx%d", panels[i].w, panels[i].h);
        if (argc > 1 && strcmp(argv[1], size) != 0)
            continue;
        for (int l = 0; l < 3; l++)
            for (int large = 0; large < 2; large++)
                audit(&panels[i], l, large);
    }
    content_destroy(ex);
    text_fonts_destroy(fonts);
    render_headless_quit();
    return check_finish("test_audit");
}
