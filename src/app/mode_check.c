/* mode_check.c: `kiosk check DIR` -- validate a content folder for a
 * curator.  Exit 0 when valid (warnings allowed), 1 when not, 2 on usage. */
#include <stdio.h>
#include <string.h>

#include "app/cli.h"
#include "app/settings.h"
#include "content/exhibit.h"
#include "core/diag.h"
#include "text/font.h"

#define MODE "check"

static void summary(const struct diag_list *d, const char *dir,
                    const struct exhibit *ex, FILE *out)
{
    if (ex)
        fprintf(out, "%s: valid — %u passages, %u places, %u map features;"
                     " %zu warning%s\n", dir, ex->passage_count,
                ex->place_count, ex->map.feature_count, d->warnings,
                d->warnings == 1 ? "" : "s");
    else
        fprintf(out, "%s: NOT valid — %zu error%s, %zu warning%s; the "
                     "kiosk keeps showing its last good exhibit\n", dir,
                d->errors, d->errors == 1 ? "" : "s", d->warnings,
                d->warnings == 1 ? "" : "s");
}

int mode_check(int argc, char **argv, const struct app_settings *settings)
{
    const char *dir = NULL;
    bool json = false;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i], *v;
        if (strcmp(a, "--format") == 0) {
            if (!(v = cli_value(MODE, argc, argv, &i)))
                return CLI_USAGE;
            if (strcmp(v, "json") == 0)
                json = true;
            else if (strcmp(v, "text") != 0)
                return cli_usage_error(MODE, "--format '%s' must be text or "
                                       "json", v);
        } else if (a[0] == '-' && a[1] == '-') {
            return cli_usage_error(MODE, "unknown option '%s'", a);
        } else if (dir) {
            return cli_usage_error(MODE, "only one content folder may be "
                                   "given");
        } else {
            dir = a;
        }
    }
    if (!dir)
        dir = settings->content_dir;

    struct diag_list d;
    diag_list_init(&d);
    /* The manifest's problems are the check's: without fonts the folder
     * is not valid (content_load says why), never "valid, 1 warning". */
    struct text_fonts *fonts = text_fonts_load(settings->fonts_manifest, &d);
    struct exhibit *ex = content_load(dir, fonts, &d);
    if (json) {
        printf("{\"path\":");
        diag_json_string(dir, stdout);
        printf(",\"valid\":%s,\"errors\":%zu,\"warnings\":%zu,"
               "\"diagnostics\":", ex ? "true" : "false", d.errors,
               d.warnings);
        diag_list_print_json(&d, stdout);
        printf("}\n");
    } else {
        diag_list_print(&d, stdout);
        summary(&d, dir, ex, stdout);
    }
    int rc = ex ? CLI_OK : CLI_FAIL;
    content_destroy(ex);
    text_fonts_destroy(fonts);
    diag_list_fini(&d);
    return rc;
}
