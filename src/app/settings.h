/* settings.h: the settings every mode reads -- filled once, then
 * read-only.
 *
 * main fills them from the command line, in its order: the defaults, then
 * --content DIR, --fonts FILE and --config FILE (kiosk.conf, app/config.h)
 * as they come, so an option after --config wins over the file and one
 * before it loses.  A mode gets them as `const struct app_settings *`; one
 * whose own options override a setting (run: --state-dir, --rotate)
 * overrides a copy before it reads any.  A kiosk.conf's values live as
 * long as the program; the strings are borrowed from it, from argv or
 * from the defaults. */
#ifndef APP_SETTINGS_H
#define APP_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

struct exhibit_app;
struct power_ways;
struct schedule;
struct staff_pin_hash;

#define APP_WAKE_DEFAULT_S (5 * 60) /* wake-on-touch's default */
#define APP_STATUS_FILE_DEFAULT "/run/kiosk/status.json"

struct app_settings {
    const char *content_dir;     /* --content DIR, kiosk.conf's content */
    const char *fonts_manifest;  /* --fonts FILE, kiosk.conf's fonts */
    const char *state_dir;       /* kiosk.conf's state-dir; NULL: none */
    double screen_diagonal_inch; /* 0: the default */
    double viewing_distance_mm;  /* 0: the default */
    unsigned idle_timeout_s;     /* 0: the content's own */
    int rotation;                /* degrees the picture is turned clockwise */
    const struct staff_pin_hash *staff_pin; /* NULL: the panel never opens */
    const struct schedule *schedule; /* opening hours; NULL: always open */
    unsigned wake_s;     /* a touch while closed wakes it this long */
    const char *status_file;         /* the status file's path */
    const char *prometheus_textfile; /* NULL: none */
    bool config_error; /* --config could not be read: the exhibit shows its
                          error screen, the other modes fail */
};

/* The defaults: the given folders, nothing else set. */
void app_settings_init(struct app_settings *s, const char *content_dir,
                       const char *fonts_manifest);

/* Consumes a settings option at argv[*i] -- --content DIR, --fonts FILE or
 * --config FILE -- advancing *i past its value.  Returns 1 if consumed, 0
 * if not one of them, -1 on a usage error.  A settings file's diagnostics
 * are printed to stderr; if it has an error, config_error is set and none
 * of its values is taken. */
int app_settings_option(struct app_settings *s, int argc, char **argv,
                        int *i);

/* Sets `app` up as the settings say: the screen's size, the idle time,
 * the staff panel (its PIN, the state folder, `shown` the content folder
 * on screen, `simulated_clock` for a render script), the opening hours
 * with the display's power `ways` (NULL: the black frame only) and, if
 * `statistics`, the usage statistics in the state folder.  `shown` must
 * outlive the app. */
void app_settings_configure(const struct app_settings *s,
                            struct exhibit_app *app, const char *shown,
                            bool statistics, bool simulated_clock,
                            const struct power_ways *ways);

/* The status file's plain-text twin, which a USB import copies onto the
 * stick as KIOSK-STATUS.txt: the status file's path with ".txt" for its
 * ".json" (or added). */
void app_status_text_path(const struct app_settings *s, char *out,
                          size_t size);

#endif
