/* cli.h: the command line shared by every mode, and the modes themselves.
 *
 * Each mode parses its own options after the mode word; options every mode
 * takes (--content, --fonts, --log) are parsed here.  A usage error prints
 * a message naming the option and returns CLI_USAGE (exit code 2). */
#ifndef APP_CLI_H
#define APP_CLI_H

#include <stdbool.h>

enum {
    CLI_OK = 0,
    CLI_FAIL = 1,
    CLI_USAGE = 2,
    CLI_CONSOLE = 3, /* the kiosk was left for the console: the service
                        manager must not restart it */
};

struct staff_pin_hash;

struct cli_common {
    const char *content_dir;    /* --content DIR */
    const char *fonts_manifest; /* --fonts FILE */
    const char *state_dir;      /* from --config (run: --state-dir too) */
    double screen_diagonal_inch; /* from --config; 0 = the default */
    unsigned idle_timeout_s; /* from --config; 0 = the content's */
    int rotation; /* from --config: degrees clockwise (run: --rotate) */
    bool config_error; /* --config could not be read (run: error screen) */
    const struct staff_pin_hash *staff_pin; /* from --config; NULL: none */
};

/* Consumes a common option at argv[*i] (advancing *i past its value).
 * Returns 1 if consumed, 0 if not a common option, -1 on a usage error. */
int cli_common_option(struct cli_common *c, int argc, char **argv, int *i);

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

int mode_layout(int argc, char **argv, const struct cli_common *common);
int mode_render(int argc, char **argv, const struct cli_common *common);
int mode_check(int argc, char **argv, const struct cli_common *common);
int mode_import(int argc, char **argv, const struct cli_common *common);
int mode_rollback(int argc, char **argv, const struct cli_common *common);
int mode_releases(int argc, char **argv, const struct cli_common *common);
int mode_staff_pin_hash(int argc, char **argv,
                        const struct cli_common *common);
int mode_run(int argc, char **argv, const struct cli_common *common);

#endif
