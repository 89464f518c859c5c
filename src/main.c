/* main.c: the command line -> one of the modes (see README "Modes").
 *
 * The modes are one table: the word that picks one, its function and its
 * lines of the usage text.  Options every mode takes may come before or
 * after the mode word; the mode's own are passed to it in order. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/cli.h"
#include "app/config.h"
#include "app/settings.h"
#include "app/version.h"
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

static const struct mode {
    const char *word; /* NULL: no mode word, the exhibit */
    int (*run)(int argc, char **argv, const struct app_settings *settings);
    const char *usage;
} modes[] = {
    {NULL, mode_run,
     "  kiosk [--windowed] [--size WxH] [--rotate 0|90|180|270]\n"
     "        [--state-dir DIR]                run the exhibit\n"},
    {"layout", mode_layout,
     "  kiosk layout --width PX --size PX --lang zh|en|ug\n"
     "               [--role body|ui|title] [--align start|center|end|justify]\n"
     "               [--dir lang|auto|ltr|rtl]\n"
     "               [--glyphs] FILE           one paragraph's layout as JSON\n"},
    {"render", mode_render,
     "  kiosk render --size WxH --out FILE.png [--page specimen|preview|map]\n"
     "               [--lang zh|en|ug] [--select PLACE]  draw a page headless\n"
     "  kiosk render --size WxH --script FILE --out DIR [--state FILE]\n"
     "                                         play a script of touches\n"},
    {"check", mode_check,
     "  kiosk check [DIR] [--format text|json] validate a content folder\n"},
    {"import", mode_import,
     "  kiosk import SRC [--state-dir DIR]     install kiosk-content from a stick\n"},
    {"rollback", mode_rollback,
     "  kiosk rollback [--state-dir DIR]       back to the release before\n"},
    {"releases", mode_releases,
     "  kiosk releases [--state-dir DIR]       list the installed releases\n"},
    {"staff-pin-hash", mode_staff_pin_hash,
     "  kiosk staff-pin-hash [--set FILE] < PIN\n"
     "                                         the kiosk.conf line for a\n"
     "                                         staff PIN (4-8 digits),\n"
     "                                         or put into FILE\n"},
};

#define MODE_COUNT (sizeof modes / sizeof *modes)
/* `text` in lines of at most `width` columns, the first after `first`,
 * the others indented as far. */
static void wrap(FILE *out, const char *first, const char *text, int width)
{
    int start = fprintf(out, "%s", first), col = start;
    while (*text) {
        int n = (int)strcspn(text, " ");
        if (col > start && col + 1 + n > width)
            col = fprintf(out, "\n%*s", start, "") - 1;
        else if (col > start)
            col += fprintf(out, " ");
        col += fprintf(out, "%.*s", n, text);
        text += n + strspn(text + n, " ");
    }
    fputc('\n', out);
}

static void usage(FILE *out)
{
    fputs("Usage:\n", out);
    for (size_t i = 0; i < MODE_COUNT; i++)
        fputs(modes[i].usage, out);
    char keys[300], text[320];
    app_config_key_list(keys, sizeof keys);
    snprintf(text, sizeof text, "settings (%s),", keys);
    fputs(
        "  kiosk --help | --version\n"
        "\n"
        "Options every mode takes:\n"
        "  --content DIR   the content folder (default: " DEFAULT_CONTENT ")\n"
        "  --fonts FILE    the font manifest\n"
        "                  (default: " DEFAULT_FONTS ")\n"
        "  --log LEVEL     error, warn, info, debug or trace (default: warn)\n",
        out);
    wrap(out, "  --config FILE   ", text, 72);
    fputs(
        "                  e.g. /etc/kiosk/kiosk.conf\n"
        "\n"
        "Exit status: 0 success, 1 failure, 2 usage error; the exhibit\n"
        "exits 3 when staff leave it for the console.\n",
        out);
}

/* What the command line asks for: a mode with its own options, or an
 * answer right away. */
struct command {
    const char *word; /* the mode word as given; NULL: none */
    char **rest;      /* the mode's options, in order */
    int nrest;
};

/* Reads argv into *c and the settings; -1 to go on to the mode, else the
 * exit status (--help, --version, a usage error). */
static int parse(int argc, char **argv, struct app_settings *s,
                 struct command *c)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int taken = app_settings_option(s, argc, argv, &i);
        if (taken != 0) {
            if (taken < 0)
                return CLI_USAGE;
        } else if (strcmp(a, "--log") == 0) {
            enum log_level level;
            const char *v = cli_value(NULL, argc, argv, &i);
            if (!v || !log_level_parse(v, &level))
                return v ? cli_usage_error(NULL, "--log '%s' must be error, "
                                           "warn, info, debug or trace", v)
                         : CLI_USAGE;
            log_set_level(level);
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            return CLI_OK;
        } else if (strcmp(a, "--version") == 0) {
            printf("kiosk %s (%s)\n", KIOSK_VERSION, KIOSK_REVISION);
            return CLI_OK;
        } else if (!c->word && c->nrest == 0 && a[0] != '-') {
            c->word = a;
        } else {
            c->rest[c->nrest++] = argv[i];
        }
    }
    return -1;
}

/* The mode for `word` (NULL: the exhibit), or NULL. */
static const struct mode *find_mode(const char *word)
{
    for (size_t i = 0; i < MODE_COUNT; i++) {
        if (word ? modes[i].word && strcmp(word, modes[i].word) == 0
                 : !modes[i].word)
            return &modes[i];
    }
    return NULL;
}

int main(int argc, char **argv)
{
    platform_memory_tune();
    const char *env_log = getenv("KIOSK_LOG");
    enum log_level level;
    if (env_log && log_level_parse(env_log, &level))
        log_set_level(level);
    struct app_settings settings;
    app_settings_init(&settings, DEFAULT_CONTENT, DEFAULT_FONTS);
    struct command c = {.rest = calloc((size_t)argc + 1, sizeof(char *))};
    if (!c.rest)
        return CLI_FAIL;
    int rc = parse(argc, argv, &settings, &c);
    if (rc < 0 && settings.config_error && c.word)
        rc = CLI_FAIL; /* the exhibit shows its error screen instead */
    if (rc < 0) {
        const struct mode *m = find_mode(c.word);
        rc = m ? m->run(c.nrest, c.rest, &settings)
               : cli_usage_error(NULL, "unknown mode '%s'", c.word);
    }
    free(c.rest);
    return rc;
}
