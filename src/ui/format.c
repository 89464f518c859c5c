/* format.c: placeholder filling for interface strings. */
#include <string.h>

#include "ui/format.h"

size_t ui_fill(char *out, size_t n, const char *tmpl, const char *key,
               const char *value)
{
    size_t o = 0, kl = strlen(key), vl = strlen(value);
    if (n == 0)
        return 0;
    for (const char *p = tmpl; *p && o + 1 < n;) {
        if (*p == '{' && strncmp(p + 1, key, kl) == 0 && p[1 + kl] == '}') {
            size_t c = vl < n - 1 - o ? vl : n - 1 - o;
            memcpy(out + o, value, c);
            o += c;
            p += kl + 2;
        } else {
            out[o++] = *p++;
        }
    }
    out[o] = '\0';
    return o;
}
