/* import_panel.c: the USB import's curator overlay (see import_panel.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "render/draw_text.h"
#include "text/layout.h"
#include "ui/format.h"
#include "ui/import_panel.h"
#include "ui/textlist.h"
#include "ui/theme.h"

struct ui_import_panel {
    const struct text_fonts *fonts;
    struct text_layout *text;
    SDL_Rect panel, bar;
    int percent;
    bool visible, finished, failed;
    bool rtl; /* the words read right to left: the bar fills from the right */
};

struct ui_import_panel *ui_import_panel_create(const struct text_fonts *f)
{
    struct ui_import_panel *p = xcalloc(1, sizeof *p);
    p->fonts = f;
    return p;
}

void ui_import_panel_destroy(struct ui_import_panel *p)
{
    if (!p)
        return;
    text_layout_destroy(p->text);
    free(p);
}

void ui_import_panel_hide(struct ui_import_panel *p)
{
    p->visible = false;
}

bool ui_import_panel_visible(const struct ui_import_panel *p)
{
    return p->visible;
}

bool ui_import_panel_finished(const struct ui_import_panel *p)
{
    return p->finished;
}

/* The value of `key` in the facts ("release=4 shown=4 ..."), or -1. */
static long fact(const char *facts, const char *key)
{
    size_t n = strlen(key);
    for (const char *p = facts; p && *p; p = strchr(p, ' ')) {
        while (*p == ' ')
            p++;
        if (strncmp(p, key, n) == 0 && p[n] == '=')
            return strtol(p + n + 1, NULL, 10);
    }
    return -1;
}

/* The exhibit's string `id` in lang, or NULL if it has none. */
static const char *words(const struct exhibit *ex, const char *id,
                         enum text_lang lang)
{
    const char *s = ex ? content_string(ex, id, lang) : NULL;
    return s && s != id && strcmp(s, id) != 0 && s[0] ? s : NULL;
}

/* tmpl with each {key} of the facts filled in, appended to out. */
static void append_filled(char *out, size_t n, const char *tmpl,
                          const char *facts)
{
    static const char *const keys[] = {"release", "shown", "changed",
                                       "added", "removed", "other",
                                       "errors", "unwritten"};
    char a[600], b[600];
    snprintf(a, sizeof a, "%s", tmpl);
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
        char value[24];
        snprintf(value, sizeof value, "%ld", fact(facts, keys[i]));
        ui_fill(b, sizeof b, a, keys[i], value);
        memcpy(a, b, sizeof a);
    }
    size_t used = strlen(out);
    snprintf(out + used, n - used, "%s%s", used ? " " : "", a);
}

bool ui_import_panel_words(const char *status, const struct exhibit *ex,
                           enum text_lang lang, char *out, size_t n,
                           bool *failed, enum text_lang *in)
{
    *in = TEXT_LANG_EN; /* until the exhibit's words are used */
    char phase[32] = "";
    int percent = 0, used = 0;
    out[0] = '\0';
    *failed = false;
    if (sscanf(status, "%31s %d %n", phase, &percent, &used) < 2)
        return false;
    const char *msg = status + used;
    size_t msg_len = strcspn(msg, "\t\n");
    const char *facts = msg[msg_len] == '\t' ? msg + msg_len + 1 : NULL;
    bool finished = strcmp(phase, "done") == 0 || strcmp(phase, "failed") == 0;
    *failed = strcmp(phase, "failed") == 0;
    if (!finished) {
        char id[48];
        snprintf(id, sizeof id, "import.%s", phase);
        const char *w = words(ex, id, lang);
        if (w) {
            snprintf(out, n, "%s", w);
            *in = lang;
        } else {
            snprintf(out, n, "Updating the exhibit from the USB stick: "
                     "%s…", phase);
        }
        return false;
    }
    const char *main_id = fact(facts ? facts : "", "stats-only") == 1
                              ? "import.stats-only"
                          : *failed ? "import.failed"
                                    : "import.done";
    const char *tmpl = facts ? words(ex, main_id, lang) : NULL;
    const char *other = words(ex, "import.other", lang);
    const char *unwritten = words(ex, "import.unwritten", lang);
    if (!tmpl || !other || !unwritten) {
        snprintf(out, n, "%.*s", (int)msg_len, msg); /* the English line */
        return true;
    }
    *in = lang;
    append_filled(out, n, tmpl, facts);
    if (!*failed && fact(facts, "other") > 0)
        append_filled(out, n, other, facts);
    if (fact(facts, "unwritten") > 0)
        append_filled(out, n, unwritten, facts);
    return true;
}

void ui_import_panel_set(struct ui_import_panel *p, const char *status,
                         const struct exhibit *ex, enum text_lang lang,
                         int w, int h)
{
    char phase[32] = "";
    int percent = 0;
    if (sscanf(status, "%31s %d", phase, &percent) < 2)
        return;
    char line[1200];
    p->finished = ui_import_panel_words(status, ex, lang, line, sizeof line,
                                        &p->failed, &lang);
    p->rtl = text_lang_rtl(lang);
    p->percent = percent < 0 ? 0 : percent > 100 ? 100 : percent;
    struct ui_scale sc = ui_scale_of(w, h);
    int pad = ui_scale_px(sc, 28, 12), size = ui_scale_px(sc, 26, 16);
    int pw = w * 70 / 100;
    text_layout_destroy(p->text);
    p->text = ui_text_lay(
        p->fonts, (struct ui_text_style){"ui", UI_LINE_PCT_UI, TEXT_DIR_LANG},
        lang, size, pw - 2 * pad, TEXT_ALIGN_START, line, strlen(line));
    int th = text_layout_height_px(p->text);
    int bh = p->finished ? 0 : pad;
    int ph = pad + th + (bh ? pad / 2 + bh : 0) + pad;
    p->panel = (SDL_Rect){(w - pw) / 2, h - ph - ui_scale_px(sc, 48, 0), pw,
                          ph};
    p->bar = (SDL_Rect){p->panel.x + pad, p->panel.y + pad + th + pad / 2,
                        pw - 2 * pad, bh};
    p->visible = true;
}

void ui_import_panel_draw(const struct ui_import_panel *p, SDL_Renderer *r,
                          struct atlas *atlas)
{
    if (!p->visible || !p->text)
        return;
    const struct ui_palette *pal = ui_theme_palette();
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(r, pal->panel.r, pal->panel.g, pal->panel.b,
                           pal->panel.a);
    SDL_RenderFillRect(r, &p->panel);
    int pad = p->bar.x - p->panel.x;
    render_text_layout(r, atlas, p->text, p->panel.x + pad, p->panel.y + pad,
                       p->failed ? pal->alert : pal->panel_ink);
    if (p->bar.h > 0) {
        SDL_SetRenderDrawColor(r, pal->muted.r, pal->muted.g, pal->muted.b,
                               255);
        SDL_RenderFillRect(r, &p->bar);
        SDL_Rect done = p->bar;
        done.w = p->bar.w * p->percent / 100;
        if (p->rtl)
            done.x = p->bar.x + p->bar.w - done.w;
        SDL_SetRenderDrawColor(r, pal->panel_ink.r, pal->panel_ink.g,
                               pal->panel_ink.b, 255);
        SDL_RenderFillRect(r, &done);
    }
}
