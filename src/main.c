/* main.c: the command line -> one of the modes (see README "Modes"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/cli.h"
#include "app/config.h"
#include "app/version.h"
#include "core/diag.h"
#include "core/log.h"
#include "platform/platform.h"

/* The defaults: the source tree's folders for build/kiosk, the installed
 * ones for the program `make install` / `make deb` builds (KIOSK_DATADIR
 * from PREFIX), so an installed `kiosk check` works from any folder. */
#ifdef KIOSK_DATADIR
#define DEFAULT_CONTENT KIOSK_DATADIR "/content"
#define DEFAULT_FONTS KIOSK_DATADIR "/fonts/manifest.txt"
#else
#define DEFAULT_CONTENT "content"
#define DEFAULT_FONTS "fonts/manifest.txt"
#endif

static void usage(FILE *out)
{
    fputs(
        "Usage:\n"
        "  kiosk [--windowed] [--size WxH] [--rotate 0|90|180|270]\n"
        "        [--state-dir DIR]                run the exhibit\n"
        "  kiosk layout --width PX --size PX --lang zh|en|ug\n"
        "               [--role body|ui|title] [--align start|center|end|justify]\n"
        "               [--glyphs] FILE           one paragraph's layout as JSON\n"
        "  kiosk render --size WxH --out FILE.png [--page specimen|preview|map]\n"
        "               [--lang zh|en|ug] [--select PLACE]  draw a page headless\n"
        "  kiosk render --size WxH --script FILE --out DIR [--state FILE]\n"
        "                                         play a script of touches\n"
        "  kiosk check [DIR] [--format text|json] validate a content folder\n"
        "  kiosk import SRC [--state-dir DIR]     install kiosk-content from a stick\n"
        "  kiosk rollback [--state-dir DIR]       back to the release before\n"
        "  kiosk releases [--state-dir DIR]       list the installed releases\n"
        "  kiosk staff-pin-hash [--set FILE] < PIN\n"
        "                                         the kiosk.conf line for a\n"
        "                                         staff PIN (4-8 digits),\n"
        "                                         or put into FILE\n"
        "  kiosk --help | --version\n"
        "\n"
        "Options every mode takes:\n"
        "  --content DIR   the content folder (default: " DEFAULT_CONTENT ")\n"
        "  --fonts FILE    the font manifest\n"
        "                  (default: " DEFAULT_FONTS ")\n"
        "  --log LEVEL     error, warn, info, debug or trace (default: warn)\n"
        "  --config FILE   settings (content, state-dir, fonts,\n"
        "                  screen-diagonal-inch or screen-size-mm, rotation,\n"
        "                  idle-timeout, staff-pin-hash),\n"
        "                  e.g. /etc/kiosk/kiosk.conf\n"
        "\n"
        "Exit status: 0 success, 1 failure, 2 usage error; the exhibit\n"
        "exits 3 when staff leave it for the console.\n",
        out);
}

int main(int argc, char **argv)
{
    platform_memory_tune();
    struct cli_common common = {
        .content_dir = DEFAULT_CONTENT,
        .fonts_manifest = DEFAULT_FONTS,
    };
    const char *env_log = getenv("KIOSK_LOG");
    enum log_level level;
    if (env_log && log_level_parse(env_log, &level))
        log_set_level(level);

    /* Common options may come before or after the mode word; the mode's
     * own options are passed to it in order. */
    const char *mode = NULL;
    char **rest = calloc((size_t)argc + 1, sizeof *rest);
    if (!rest)
        return CLI_FAIL;
    int nrest = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int c = cli_common_option(&common, argc, argv, &i);
        if (c < 0) {
            free(rest);
            return CLI_USAGE;
        }
        if (c > 0)
            continue;
        if (strcmp(a, "--log") == 0) {
            const char *v = cli_value(NULL, argc, argv, &i);
            if (!v || !log_level_parse(v, &level)) {
                free(rest);
                return v ? cli_usage_error(NULL, "--log '%s' must be error, "
                                           "warn, info, debug or trace", v)
                         : CLI_USAGE;
            }
            log_set_level(level);
        } else if (strcmp(a, "--config") == 0) {
            const char *v = cli_value(NULL, argc, argv, &i);
            if (!v) {
                free(rest);
                return CLI_USAGE;
            }
            /* Settings from the file; options given after it win. */
            static struct app_config cfg;
            struct diag_list d;
            diag_list_init(&d);
            bool ok = app_config_read(v, &cfg, &d);
            diag_list_print(&d, stderr);
            diag_list_fini(&d);
            if (!ok) {
                /* The kiosk itself shows its error screen; other modes
                 * stop here. */
                common.config_error = true;
                continue;
            }
            if (cfg.content[0])
                common.content_dir = cfg.content;
            if (cfg.fonts[0])
                common.fonts_manifest = cfg.fonts;
            if (cfg.state_dir[0])
                common.state_dir = cfg.state_dir;
            common.screen_diagonal_inch = cfg.screen_diagonal_inch;
            common.rotation = cfg.rotation;
            common.idle_timeout_s = cfg.idle_timeout_s;
            common.staff_pin = cfg.has_staff_pin ? &cfg.staff_pin : NULL;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            free(rest);
            return CLI_OK;
        } else if (strcmp(a, "--version") == 0) {
            printf("kiosk %s (%s)\n", KIOSK_VERSION, KIOSK_REVISION);
            free(rest);
            return CLI_OK;
        } else if (!mode && nrest == 0 && a[0] != '-') {
            mode = a;
        } else {
            rest[nrest++] = argv[i];
        }
    }
    int rc;
    if (common.config_error && mode) {
        free(rest);
        return CLI_FAIL;
    }
    if (!mode)
        rc = mode_run(nrest, rest, &common);
    else if (strcmp(mode, "layout") == 0)
        rc = mode_layout(nrest, rest, &common);
    else if (strcmp(mode, "import") == 0)
        rc = mode_import(nrest, rest, &common);
    else if (strcmp(mode, "rollback") == 0)
        rc = mode_rollback(nrest, rest, &common);
    else if (strcmp(mode, "releases") == 0)
        rc = mode_releases(nrest, rest, &common);
    else if (strcmp(mode, "staff-pin-hash") == 0)
        rc = mode_staff_pin_hash(nrest, rest, &common);
    else if (strcmp(mode, "check") == 0)
        rc = mode_check(nrest, rest, &common);
    else if (strcmp(mode, "render") == 0)
        rc = mode_render(nrest, rest, &common);
    else
        rc = cli_usage_error(NULL, "unknown mode '%s'", mode);
    free(rest);
    return rc;
}
