/* settings.c: the settings filled once from the command line and
 * kiosk.conf (see settings.h), and how they reach the exhibit. */
#include <stdio.h>
#include <string.h>

#include "app/cli.h"
#include "app/config.h"
#include "app/exhibit_app.h"
#include "app/settings.h"
#include "app/staff.h"
#include "core/diag.h"

void app_settings_init(struct app_settings *s, const char *content_dir,
                       const char *fonts_manifest)
{
    *s = (struct app_settings){.content_dir = content_dir,
                               .fonts_manifest = fonts_manifest,
                               .wake_s = APP_WAKE_DEFAULT_S,
                               .status_file = APP_STATUS_FILE_DEFAULT};
}

/* --config FILE: the file's settings over those so far.  Every file read
 * adds to the same values, which live as long as the program. */
static void take_config(struct app_settings *s, const char *path)
{
    static struct app_config cfg;
    struct diag_list d;
    diag_list_init(&d);
    bool ok = app_config_read(path, &cfg, &d);
    diag_list_print(&d, stderr);
    diag_list_fini(&d);
    if (!ok) {
        s->config_error = true;
        return;
    }
    if (cfg.content[0])
        s->content_dir = cfg.content;
    if (cfg.fonts[0])
        s->fonts_manifest = cfg.fonts;
    if (cfg.state_dir[0])
        s->state_dir = cfg.state_dir;
    s->screen_diagonal_inch = cfg.screen_diagonal_inch;
    s->viewing_distance_mm = cfg.viewing_distance_mm;
    s->rotation = cfg.rotation;
    s->idle_timeout_s = cfg.idle_timeout_s;
    s->staff_pin = cfg.has_staff_pin ? &cfg.staff_pin : NULL;
    s->schedule = cfg.has_schedule ? &cfg.schedule : NULL;
    if (cfg.has_wake)
        s->wake_s = cfg.wake_s;
    if (cfg.status_file[0])
        s->status_file = cfg.status_file;
    if (cfg.prometheus_textfile[0])
        s->prometheus_textfile = cfg.prometheus_textfile;
}

int app_settings_option(struct app_settings *s, int argc, char **argv,
                        int *i)
{
    const char *opt = argv[*i];
    const char **slot = NULL; /* NULL: --config */
    if (strcmp(opt, "--content") == 0)
        slot = &s->content_dir;
    else if (strcmp(opt, "--fonts") == 0)
        slot = &s->fonts_manifest;
    else if (strcmp(opt, "--config") != 0)
        return 0;
    const char *v = cli_value(NULL, argc, argv, i);
    if (!v)
        return -1;
    if (slot)
        *slot = v;
    else
        take_config(s, v);
    return 1;
}

void app_settings_configure(const struct app_settings *s,
                            struct exhibit_app *app, const char *shown,
                            bool statistics, bool simulated_clock,
                            const struct power_ways *ways)
{
    /* A render script has no status file of its own (nothing writes
     * it); it reads one only where its --config names it. */
    const char *status = s->status_file;
    if (simulated_clock && status &&
        strcmp(status, APP_STATUS_FILE_DEFAULT) == 0)
        status = NULL;
    struct staff_setup staff = {s->staff_pin, s->state_dir, shown,
                                s->rotation, s->screen_diagonal_inch,
                                status, simulated_clock};
    if (statistics)
        exhibit_app_set_stats_dir(app, s->state_dir);
    exhibit_app_set_screen(app, s->screen_diagonal_inch);
    exhibit_app_set_viewing_distance(app, s->viewing_distance_mm);
    exhibit_app_set_idle_timeout(app, s->idle_timeout_s);
    exhibit_app_set_staff(app, &staff);
    exhibit_app_set_hours(app, s->schedule, s->wake_s, ways);
}

void app_status_text_path(const struct app_settings *s, char *out,
                          size_t size)
{
    const char *f = s->status_file ? s->status_file : APP_STATUS_FILE_DEFAULT;
    size_t n = strlen(f);
    if (n > 5 && strcmp(f + n - 5, ".json") == 0)
        n -= 5;
    snprintf(out, size, "%.*s.txt", (int)n, f);
}
