/* log.c: the stderr log sink.
 *
 * When stderr is the journal (systemd sets $JOURNAL_STREAM to its device
 * and inode), each line starts with its syslog priority ("<3>" error ...
 * "<7>" debug), so `journalctl -p warning` shows warnings and errors and a
 * first boot's info lines are not counted as errors. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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

static const char *const priorities[] = {"<3>", "<4>", "<6>", "<7>",
                                          "<7>"};

/* 1 if stderr is the journal's stream, 0 if not, -1 before the check. */
static int to_journal = -1;

static int stderr_is_journal(void)
{
    const char *js = getenv("JOURNAL_STREAM");
    unsigned long long dev, ino;
    struct stat st;
    if (!js || sscanf(js, "%llu:%llu", &dev, &ino) != 2 ||
        fstat(2, &st) != 0)
        return 0;
    return (unsigned long long)st.st_dev == dev &&
           (unsigned long long)st.st_ino == ino;
}

void log_write(enum log_level level, const char *module, const char *file,
               int line, const char *fmt, ...)
{
    const char *base = strrchr(file, '/');
    base = base ? base + 1 : file;
    if (to_journal < 0)
        to_journal = stderr_is_journal();
    fprintf(stderr, "%skiosk: %s: %s (%s:%d): ",
            to_journal ? priorities[level] : "", level_names[level], module,
            base, line);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}
