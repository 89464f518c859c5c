/* fuzz_schedule.c: libFuzzer target for kiosk.conf's opening-hours,
 * closed and hours values (ops/schedule).
 *
 * The first byte picks the kind of line, the rest is its value as a C
 * string; the value is added twice over a schedule that already has hours
 * of each kind.  A refused value must say why at an offset inside it; an
 * accepted schedule must answer at a handful of times with a next change
 * later than the time asked, whose state really differs. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ops/schedule.h"

#define FUZZ_MAX_INPUT 2048

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef bool (*add_fn)(struct schedule *, const char *,
                       struct schedule_error *);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > FUZZ_MAX_INPUT)
        return 0;
    static bool zoned;
    if (!zoned) {
        setenv("TZ", "Europe/London", 1);
        zoned = true;
    }
    static const add_fn add[3] = {schedule_add_weekly, schedule_add_closed,
                                  schedule_add_hours};
    char *value = malloc(size);
    memcpy(value, data + 1, size - 1);
    value[size - 1] = '\0';
    size_t len = strlen(value);

    static struct schedule s;
    schedule_init(&s);
    struct schedule_error e;
    if (!schedule_add_weekly(&s, "mon-fri 09:00-17:00", &e) ||
        !schedule_add_closed(&s, "2026-12-25", &e) ||
        !schedule_add_hours(&s, "2026-12-31 09:00-22:00", &e))
        abort();
    for (int round = 0; round < 2; round++) {
        memset(&e, 0, sizeof e);
        if (!add[data[0] % 3](&s, value, &e) &&
            (e.offset > len || e.why[0] == '\0'))
            abort(); /* a refusal points inside the value and says why */
    }
    static const time_t when[] = {0, 1798761600 /* 2027-01-01 */,
                                  1774742400 /* 2026-03-29 */,
                                  1792800000, 4102444800 /* 2100 */};
    for (size_t i = 0; i < sizeof when / sizeof *when; i++) {
        struct schedule_state st = schedule_at(&s, when[i]);
        if (st.change_known &&
            (st.next_change <= when[i] ||
             schedule_at(&s, st.next_change).open == st.open))
            abort();
    }
    free(value);
    return 0;
}
