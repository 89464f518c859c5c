/* staff_actions.c: the Actions page (see staff_actions.h). */
#include <stdio.h>
#include <string.h>

#include "app/staff_actions.h"
#include "core/log.h"
#include "state/release.h"
#include "ui/format.h"

void staff_actions_show(struct ui_staff_model *m, const char *state_dir)
{
    m->rollback_to = state_dir ? release_previous(state_dir) : 0;
}

static void rollback(struct ui_staff_model *m, const char *state,
                     enum text_lang lang)
{
    unsigned cur = state ? release_current(state) : 0;
    unsigned prev = state ? release_previous(state) : 0;
    char n[16];
    snprintf(n, sizeof n, "%u", prev);
    if (prev && release_switch(state, prev)) {
        log_info("staff", "rolled back from release %u to release %u", cur,
                 prev);
        ui_fill(m->action_message, sizeof m->action_message,
                ui_staff_text(UI_ST_ROLLED_BACK, lang), "n", n);
    } else {
        log_error("staff", "rollback from release %u failed", cur);
        snprintf(m->action_message, sizeof m->action_message, "%s",
                 ui_staff_text(UI_ST_ROLLBACK_FAILED, lang));
    }
    staff_actions_show(m, state);
}

enum staff_action staff_actions_tap(struct staff_actions *a,
                                    struct ui_staff_model *m, const char *id,
                                    const char *state_dir,
                                    enum text_lang lang, uint32_t now)
{
    if (strcmp(m->armed, id) != 0) {
        /* The first tap only asks for a second. */
        snprintf(m->armed, sizeof m->armed, "%s", id);
        a->armed_at = now;
        m->action_message[0] = '\0';
        return STAFF_ACTION_NONE;
    }
    m->armed[0] = '\0';
    if (strcmp(id, "staff:action:rollback") == 0) {
        rollback(m, state_dir, lang);
    } else if (strcmp(id, "staff:action:restart") == 0) {
        log_info("staff", "restart asked for from the staff panel");
        return STAFF_ACTION_RESTART;
    } else if (strcmp(id, "staff:action:console") == 0) {
        log_info("staff", "exit to the console asked for from the staff "
                 "panel");
        return STAFF_ACTION_CONSOLE;
    }
    return STAFF_ACTION_NONE;
}

bool staff_actions_expire(const struct staff_actions *a,
                          struct ui_staff_model *m, uint32_t now)
{
    if (!m->armed[0] || now - a->armed_at < STAFF_CONFIRM_MS)
        return false;
    m->armed[0] = '\0';
    return true;
}

int staff_actions_wait_ms(const struct staff_actions *a,
                          const struct ui_staff_model *m, uint32_t now)
{
    if (!m->armed[0])
        return -1;
    uint32_t gone = now - a->armed_at;
    return gone < STAFF_CONFIRM_MS ? (int)(STAFF_CONFIRM_MS - gone) : 0;
}
