/* content_pick.c: the self-healing choice of content (see content_pick.h).
 * Each candidate is loaded in full (about 10 ms) and thrown away: only a
 * folder that passes every check is chosen. */
#include <stdio.h>
#include <string.h>

#include "app/content_pick.h"
#include "content/exhibit.h"
#include "core/diag.h"
#include "core/log.h"
#include "state/release.h"

static bool loads(const char *dir, const struct text_fonts *fonts)
{
    struct diag_list d;
    diag_list_init(&d);
    struct exhibit *ex = content_load(dir, fonts, &d);
    bool ok = ex != NULL;
    content_destroy(ex);
    diag_list_fini(&d);
    return ok;
}

enum content_pick app_pick_content(const char *state, const char *shipped,
                                   const struct text_fonts *fonts,
                                   char *buf, size_t n)
{
    if (state) {
        struct release_info list[256];
        size_t max = sizeof list / sizeof *list;
        size_t count = release_list(state, list, max);
        if (!release_current(state) && count == 0) {
            /* A first boot: nothing imported yet is not a fault. */
            log_info("app", "no release imported into %s yet; showing the "
                     "shipped content %s", state, shipped);
            snprintf(buf, n, "%s", shipped);
            return CONTENT_PICK_SHIPPED;
        }
        snprintf(buf, n, "%s/current", state);
        if (release_current(state) && loads(buf, fonts))
            return CONTENT_PICK_CURRENT;
        log_error("app", "the current release in %s is missing or does not "
                  "load; looking for an older one", state);
        for (size_t i = count < max ? count : max; i-- > 0;) {
            release_path(state, list[i].id, buf, n);
            if (loads(buf, fonts)) {
                log_warn("app", "showing release %u instead", list[i].id);
                return CONTENT_PICK_OLDER_RELEASE;
            }
        }
        log_error("app", "no release in %s loads; showing the shipped "
                  "content %s", state, shipped);
    }
    snprintf(buf, n, "%s", shipped);
    return CONTENT_PICK_SHIPPED;
}
