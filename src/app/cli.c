/* cli.c: option helpers shared by the modes (cli.h). */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/cli.h"

int cli_usage_error(const char *mode, const char *fmt, ...)
{
    fprintf(stderr, "kiosk: %s%s", mode ? mode : "", mode ? ": " : "");
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'kiosk --help'.\n");
    return CLI_USAGE;
}

const char *cli_value(const char *mode, int argc, char **argv, int *i)
{
    if (*i + 1 >= argc) {
        cli_usage_error(mode, "option '%s' needs a value", argv[*i]);
        return NULL;
    }
    return argv[++*i];
}

bool cli_parse_int(const char *s, long min, long max, long *out)
{
    if (!s || !*s)
        return false;
    long v = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return false; /* no sign, space, hex or unit */
        int digit = *s - '0';
        if (v > (LONG_MAX - digit) / 10)
            return false;
        v = v * 10 + digit;
    }
    if (v < min || v > max)
        return false;
    *out = v;
    return true;
}

bool cli_parse_size(const char *s, int *w, int *h)
{
    const char *x = strchr(s, 'x');
    if (!x)
        return false;
    char wbuf[16];
    size_t n = (size_t)(x - s);
    if (n == 0 || n >= sizeof wbuf)
        return false;
    memcpy(wbuf, s, n);
    wbuf[n] = '\0';
    long lw, lh;
    if (!cli_parse_int(wbuf, 1, 16384, &lw) ||
        !cli_parse_int(x + 1, 1, 16384, &lh))
        return false;
    *w = (int)lw;
    *h = (int)lh;
    return true;
}
