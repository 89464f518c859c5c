/* staff_check.h: the staff PIN's check, off the main loop.
 *
 * Argon2id takes 0.2-0.8 s, too long for the main loop: OK turns the typed
 * digits into an attempt (state/staff_pin.h) that a core/worker.h thread
 * derives while the keypad says "checking", and the main loop polls for
 * the outcome.  The attempt is the worker's while it runs and is read only
 * after the thread has been joined, so nothing needs a lock; it is wiped
 * once used or dropped.  A check that could not run is logged here.
 * Owner: the caller's storage; staff_check_drop before it goes. */
#ifndef APP_STAFF_CHECK_H
#define APP_STAFF_CHECK_H

#include <stdbool.h>
#include <stdint.h>

#include "core/worker.h"
#include "state/staff_pin.h"

struct staff_check {
    struct worker worker;
    struct staff_pin_attempt attempt;
};

void staff_check_init(struct staff_check *c);
/* Waits for a check still running and wipes its attempt, outcome unread
 * (the PIN entry it came from is about to be reset or freed). */
void staff_check_drop(struct staff_check *c);
bool staff_check_busy(const struct staff_check *c);

/* OK: staff_pin_submit_begin; an attempt it hands out goes to the worker
 * (*started true).  The outcome is the keypad's answer now (CHECKING while
 * the worker runs). */
struct staff_pin_outcome staff_check_submit(struct staff_check *c,
                                            struct staff_pin *pin,
                                            uint32_t now_ms, bool *started);

/* True once the running check has ended (waited for first if `wait`: a
 * simulated clock), with its outcome (staff_pin_submit_end) in *out. */
bool staff_check_take(struct staff_check *c, struct staff_pin *pin,
                      uint32_t now_ms, bool wait,
                      struct staff_pin_outcome *out);

#endif
