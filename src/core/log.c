/* log.c: the stderr log sink. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/log.h"

static enum log_level current_level = LOG_LEVEL_WARN;

static const char *const level_names[] = {
    "error", "warn", "info", "debug", "trace",
};

void log_set_level(enum log_level level)
{
    current_level = level;
}

enum log_level log_get_level(void)
{
    return current_level;
}

_Bool log_level_parse(const char *name, enum log_level *out)
{
    for (size_t i = 0; i < sizeof level_names / sizeof level_names[0]; i++) {
        if (strcmp(name, level_names[i]) == 0) {
            *out = (enum log_level)i;
            return 1;
        }
    }
    return 0;
}

void log_write(enum log_level level, const char *module, const char *file,
               int line, const char *fmt, ...)
{
    const char *base = strrchr(file, '/');
    base = base ? base + 1 : file;
    fprintf(stderr, "kiosk: %s: %s (%s:%d): ", level_names[level], module,
            base, line);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}
