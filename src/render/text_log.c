/* text_log.c: the records of drawn text (see text_log.h). */
#include <string.h>

#include <unicode/uchar.h>

#include "core/utf8.h"
#include "core/xalloc.h"
#include "render/text_log.h"
#include "text/font.h"

void render_text_log_init(struct render_text_log *log)
{
    *log = (struct render_text_log){0};
}

void render_text_log_fini(struct render_text_log *log)
{
    free(log->items);
    *log = (struct render_text_log){0};
}

void render_text_log_clear(struct render_text_log *log)
{
    log->count = 0;
}

void render_text_log_cover(struct render_text_log *log, const SDL_Rect *rect)
{
    for (size_t i = 0; log && i < log->count; i++)
        if (!rect || SDL_HasIntersection(&log->items[i].box, rect))
            log->items[i].covered = true;
}

bool render_text_log_alef_alone(const char *text, uint32_t at)
{
    uint32_t i = at;
    while (i > 0) {
        uint32_t start = i - 1;
        while (start > 0 && ((unsigned char)text[start] & 0xC0) == 0x80)
            start--;
        size_t used;
        uint32_t cp = utf8_decode(text + start, at - start, &used);
        int jt = u_getIntPropertyValue((UChar32)cp, UCHAR_JOINING_TYPE);
        if (jt != U_JT_TRANSPARENT)
            return jt != U_JT_DUAL_JOINING;
        i = start;
    }
    return true;
}

bool render_text_log_probe_char(uint32_t cp)
{
    return (cp >= 'A' && cp <= 'Z' && cp != 'J' && cp != 'Q') ||
           cp == 0x0627; /* ARABIC LETTER ALEF */
}

/* The start of `text`, cut at a character boundary. */
static void excerpt(char *out, const char *text, uint32_t len)
{
    uint32_t n = len < RENDER_TEXT_LOG_EXCERPT - 1
                     ? len
                     : RENDER_TEXT_LOG_EXCERPT - 1;
    while (n > 0 && n < len && ((unsigned char)text[n] & 0xC0) == 0x80)
        n--;
    memcpy(out, text, n);
    out[n] = '\0';
}

void render_text_log_add(struct render_text_log *log,
                         const struct text_layout *layout, int x, int y,
                         SDL_Rect vp, const SDL_Rect *clip, SDL_Color color,
                         SDL_Rect probe, uint32_t probe_cp)
{
    log->items = xgrow(log->items, &log->cap, log->count + 1,
                       sizeof *log->items);
    struct render_text_record *r = &log->items[log->count++];
    *r = (struct render_text_record){
        .box = {vp.x + x, vp.y + y,
                (int)((layout->width + TEXT_ONE / 2) / TEXT_ONE),
                (int)((layout->height + TEXT_ONE / 2) / TEXT_ONE)},
        .clip = clip ? (SDL_Rect){vp.x + clip->x, vp.y + clip->y, clip->w,
                                  clip->h}
                     : vp,
        .probe = probe,
        .probe_cp = probe_cp,
        .size_px = layout->params.size_px,
        .lang = layout->params.lang,
        .color = color,
    };
    if (probe.w > 0) {
        r->probe.x += vp.x;
        r->probe.y += vp.y;
    }
    if (layout->params.role)
        snprintf(r->role, sizeof r->role, "%s", layout->params.role->name);
    excerpt(r->text, layout->text, layout->len);
}

static void write_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c < 0x20)
            fprintf(f, "\\u%04x", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

static void write_rect(FILE *f, const char *key, SDL_Rect r)
{
    fprintf(f, "\"%s\":[%d,%d,%d,%d]", key, r.x, r.y, r.w, r.h);
}

void render_text_log_write_json(const struct render_text_log *log, FILE *f)
{
    fputc('[', f);
    for (size_t i = 0; i < log->count; i++) {
        const struct render_text_record *r = &log->items[i];
        fprintf(f, "%s{\"text\":", i ? "," : "");
        write_string(f, r->text);
        fprintf(f, ",\"lang\":\"%s\",\"role\":", text_lang_code(r->lang));
        write_string(f, r->role);
        fprintf(f, ",\"size\":%d,\"color\":\"#%02x%02x%02x%02x\",",
                r->size_px, r->color.r, r->color.g, r->color.b, r->color.a);
        write_rect(f, "box", r->box);
        fputc(',', f);
        write_rect(f, "clip", r->clip);
        if (r->covered)
            fputs(",\"covered\":true", f);
        if (r->probe.w > 0) {
            fputc(',', f);
            write_rect(f, "probe", r->probe);
            fprintf(f, ",\"probe_char\":%u", r->probe_cp);
        }
        fputc('}', f);
    }
    fputc(']', f);
}
