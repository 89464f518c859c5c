/* log.h: leveled logging to stderr, one line per event, with module/file/line.
 *
 * Nothing logs per frame except at LOG_TRACE.  The level is set once at start
 * (command line or KIOSK_LOG environment variable). */
#ifndef CORE_LOG_H
#define CORE_LOG_H

enum log_level {
    LOG_LEVEL_ERROR,
    LOG_LEVEL_WARN,
    LOG_LEVEL_INFO,
    LOG_LEVEL_DEBUG,
    LOG_LEVEL_TRACE,
};

void log_set_level(enum log_level level);
enum log_level log_get_level(void);
/* Parses "error", "warn", "info", "debug", "trace"; false if unknown. */
_Bool log_level_parse(const char *name, enum log_level *out);

void log_write(enum log_level level, const char *module, const char *file,
               int line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

#define LOG_AT(lvl, mod, ...)                                                 \
    do {                                                                      \
        if ((lvl) <= log_get_level())                                         \
            log_write((lvl), (mod), __FILE__, __LINE__, __VA_ARGS__);         \
    } while (0)

#define log_error(mod, ...) LOG_AT(LOG_LEVEL_ERROR, mod, __VA_ARGS__)
#define log_warn(mod, ...) LOG_AT(LOG_LEVEL_WARN, mod, __VA_ARGS__)
#define log_info(mod, ...) LOG_AT(LOG_LEVEL_INFO, mod, __VA_ARGS__)
#define log_debug(mod, ...) LOG_AT(LOG_LEVEL_DEBUG, mod, __VA_ARGS__)
#define log_trace(mod, ...) LOG_AT(LOG_LEVEL_TRACE, mod, __VA_ARGS__)

#endif
