/* dump.c: writes a layout as JSON (format in dump.h). */
#include <string.h>

#include "text/dump.h"

/* 26.6 to a decimal with at most two places and no trailing zeros. */
static const char *px(int32_t v, char buf[32])
{
    long long hundredths = ((long long)v * 100 + (v >= 0 ? 32 : -32)) / 64;
    const char *sign = hundredths < 0 ? "-" : "";
    if (hundredths < 0)
        hundredths = -hundredths;
    long long whole = hundredths / 100, frac = hundredths % 100;
    if (frac == 0)
        snprintf(buf, 32, "%s%lld", whole || !*sign ? sign : "", whole);
    else if (frac % 10 == 0)
        snprintf(buf, 32, "%s%lld.%lld", sign, whole, frac / 10);
    else
        snprintf(buf, 32, "%s%lld.%02lld", sign, whole, frac);
    return buf;
}

void text_layout_write_json(const struct text_layout *l, FILE *out,
                            bool glyphs)
{
    char a[32], b[32], c[32], d[32];
    fprintf(out, "{\"dir\":\"%s\",\"width\":%s,\"height\":%s,\"missing\":%u,"
                 "\"lines\":[",
            l->rtl ? "rtl" : "ltr", px(l->width, a), px(l->height, b),
            l->missing_count);
    for (uint32_t i = 0; i < l->line_count; i++) {
        const struct text_line *ln = &l->lines[i];
        fprintf(out, "%s\n {\"start\":%u,\"end\":%u,\"x\":%s,\"y\":%s,"
                     "\"width\":%s,\"baseline\":%s,\"runs\":[",
                i ? "," : "", ln->start, ln->end, px(ln->x, a), px(ln->top, b),
                px(ln->width, c), px(ln->baseline, d));
        for (uint32_t r = ln->first_run; r < ln->first_run + ln->run_count;
             r++) {
            const struct text_run *run = &l->runs[r];
            char script[5];
            fprintf(out, "%s\n  {\"start\":%u,\"end\":%u,\"level\":%u,"
                         "\"script\":\"%s\",\"font\":\"%s\",\"x\":%s,"
                         "\"width\":%s",
                    r > ln->first_run ? "," : "", run->start, run->end,
                    run->level, text_script_name(run->script, script),
                    l->fonts->faces[run->face].name, px(run->x, a),
                    px(run->width, b));
            if (run->missing)
                fputs(",\"missing\":true", out);
            if (glyphs) {
                fputs(",\"glyphs\":[", out);
                for (uint32_t g = 0; g < run->glyph_count; g++) {
                    const struct text_glyph *gl =
                        &l->glyphs[run->first_glyph + g];
                    fprintf(out, "%s[%u,%u,%s,%s,%s]", g ? "," : "", gl->id,
                            gl->cluster, px(gl->x, a), px(gl->y, b),
                            px(gl->advance, c));
                }
                fputc(']', out);
            }
            fputc('}', out);
        }
        fputs("]}", out);
    }
    fputs("]}\n", out);
}
