/* staff_check.c: the PIN's check on a worker thread (see staff_check.h). */
#include "app/staff_check.h"
#include "core/log.h"

void staff_check_init(struct staff_check *c)
{
    worker_init(&c->worker);
}

void staff_check_drop(struct staff_check *c)
{
    if (worker_busy(&c->worker)) {
        worker_wait(&c->worker);
        worker_poll(&c->worker);
    }
    staff_pin_attempt_wipe(&c->attempt);
}

bool staff_check_busy(const struct staff_check *c)
{
    return worker_busy(&c->worker);
}

static void check_job(void *attempt)
{
    staff_pin_attempt_run(attempt);
}

struct staff_pin_outcome staff_check_submit(struct staff_check *c,
                                            struct staff_pin *pin,
                                            uint32_t now_ms, bool *started)
{
    struct staff_pin_outcome o =
        staff_pin_submit_begin(pin, now_ms, &c->attempt);
    *started = o.result == STAFF_PIN_CHECKING && !worker_busy(&c->worker);
    if (*started)
        worker_start(&c->worker, check_job, &c->attempt,
                     "the staff PIN's check");
    return o;
}

bool staff_check_take(struct staff_check *c, struct staff_pin *pin,
                      uint32_t now_ms, bool wait,
                      struct staff_pin_outcome *out)
{
    if (!worker_busy(&c->worker))
        return false;
    if (wait)
        worker_wait(&c->worker);
    if (!worker_poll(&c->worker))
        return false;
    *out = staff_pin_submit_end(pin, &c->attempt, now_ms);
    if (out->result == STAFF_PIN_FAILED)
        log_error("staff", "the staff PIN could not be checked: %s",
                  c->attempt.error ? c->attempt.error : "?");
    return true;
}
