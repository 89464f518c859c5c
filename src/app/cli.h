/* cli.h: the command line shared by every mode, and the modes themselves.
 *
 * Each mode parses its own options after the mode word, with the helpers
 * here; the options every mode takes are main's (--log, --help,
 * --version) and the settings' (--content, --fonts, --config:
 * app/settings.h).  A usage error prints a message naming the option and
 * returns CLI_USAGE (exit code 2). */
#ifndef APP_CLI_H
#define APP_CLI_H

#include <stdbool.h>

enum {
    CLI_OK = 0,
    CLI_FAIL = 1,
    CLI_USAGE = 2,
    CLI_CONSOLE = 3, /* the kiosk was left for the console: the service
                        manager must not restart it */
    CLI_DISPLAY = 4, /* the display went away and came back: the service
                        manager starts the kiosk afresh (a new mode set on
                        the new connection) */
};

struct app_settings;

/* Parses a whole number in [min, max] written as decimal digits only (no
 * sign, space, hex or unit), as the command line and kiosk.conf take. */
bool cli_parse_int(const char *s, long min, long max, long *out);
/* Parses "WxH" with both in [1, 16384]. */
bool cli_parse_size(const char *s, int *w, int *h);

/* Prints "kiosk: <mode>: <message>\n" and a hint to --help to stderr;
 * returns CLI_USAGE. */
int cli_usage_error(const char *mode, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* The value of option argv[*i]; NULL (after a usage message) if missing. */
const char *cli_value(const char *mode, int argc, char **argv, int *i);

int mode_layout(int argc, char **argv, const struct app_settings *settings);
int mode_render(int argc, char **argv, const struct app_settings *settings);
int mode_check(int argc, char **argv, const struct app_settings *settings);
int mode_import(int argc, char **argv, const struct app_settings *settings);
int mode_rollback(int argc, char **argv, const struct app_settings *settings);
int mode_releases(int argc, char **argv, const struct app_settings *settings);
int mode_staff_pin_hash(int argc, char **argv,
                        const struct app_settings *settings);
int mode_run(int argc, char **argv, const struct app_settings *settings);

#endif
