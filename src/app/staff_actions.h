/* staff_actions.h: the staff panel's Actions page.
 *
 * Roll back to the release before, restart the exhibit, exit to the
 * console.  Each asks for a second tap on the same button within
 * STAFF_CONFIRM_MS: the first only arms it (the model's `armed`).  A
 * rollback switches `current` itself (state/release.h) -- the exhibit
 * follows the switch like any other -- and says how it went in the
 * model's action_message; restart and console are requests for the main
 * loop (staff_take_action).  Plain data in the caller's storage. */
#ifndef APP_STAFF_ACTIONS_H
#define APP_STAFF_ACTIONS_H

#include <stdbool.h>
#include <stdint.h>

#include "app/staff.h"
#include "ui/staff_screen.h"

struct staff_actions {
    uint32_t armed_at; /* when the model's `armed` was set */
};

/* The page opens (or a rollback happened): the release a rollback would
 * go to, in the model. */
void staff_actions_show(struct ui_staff_model *m, const char *state_dir);

/* A tap on the staff:action: button `id` at `now`; returns what the main
 * loop is asked for (NONE for a first tap, or a rollback). */
enum staff_action staff_actions_tap(struct staff_actions *a,
                                    struct ui_staff_model *m, const char *id,
                                    const char *state_dir,
                                    enum text_lang lang, uint32_t now);

/* Disarms a button not tapped again in time; true if it did. */
bool staff_actions_expire(const struct staff_actions *a,
                          struct ui_staff_model *m, uint32_t now);
/* ms until an armed button expires, or -1 if none is armed. */
int staff_actions_wait_ms(const struct staff_actions *a,
                          const struct ui_staff_model *m, uint32_t now);

#endif
