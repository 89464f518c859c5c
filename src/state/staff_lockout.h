/* staff_lockout.h: the staff PIN's lock-out kept in the state folder, so
 * that restarting the exhibit (a crash, a power cut, pulling the plug
 * after two wrong PINs) does not give a third try early.
 *
 *     STATE/staff-lockout     fails: N
 *                             locked-at: MS
 *
 * `fails` is the count of wrong PINs in a row (0 to STAFF_PIN_MAX_FAILS);
 * `locked-at` the wall-clock time the lock began, in ms since 1970 (0: no
 * lock), which a lock has exactly when fails is STAFF_PIN_MAX_FAILS.  The
 * file is replaced whole (state/file_replace.h) whenever the count or the
 * lock changes.
 *
 * On start the controller loads it; the lock goes on for what is left of
 * its minute by the wall clock.  Decided for safety, never for staff's
 * convenience:
 *   - no file: no wrong PINs (the first start);
 *   - a damaged file (not two such lines, numbers out of range, not a
 *     regular file, unreadable): a full lock-out from now, logged, and the
 *     file written again -- whoever can damage it gets one minute, not a
 *     fresh count;
 *   - a lock that began in the future (the clock was set back): a full
 *     minute from now, never longer;
 *   - a clock set forward ends the lock early; a Pi without a clock
 *     battery starts at the time it last saved, then jumps forward when
 *     NTP answers, so a restart costs at most that jump.
 * Without a state folder nothing is kept (the lock-out is in memory).
 * Writing needs the state folder writable; a failure is logged once and
 * the lock-out stays in memory.
 *
 * Caller's storage; it borrows the state folder's name. */
#ifndef STATE_STAFF_LOCKOUT_H
#define STATE_STAFF_LOCKOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "state/staff_pin.h"

#define STAFF_LOCKOUT_FILE "staff-lockout"
#define STAFF_LOCKOUT_TEXT_MAX 64

/* What the file says. */
struct staff_lockout_record {
    int fails;
    int64_t locked_at_ms; /* wall clock; 0: not locked */
};

/* Parses the file's text; false if it is damaged. */
bool staff_lockout_parse(const char *text, size_t len,
                         struct staff_lockout_record *out);
/* The file's text (at most STAFF_LOCKOUT_TEXT_MAX bytes with the NUL). */
void staff_lockout_format(const struct staff_lockout_record *r, char *out,
                          size_t out_size);

/* Between a record and what a staff_pin keeps, at wall time now_ms (the
 * rules above; a damaged file is `damaged`). */
struct staff_pin_lockout staff_lockout_from_record(
    const struct staff_lockout_record *r, bool damaged, int64_t now_ms);
struct staff_lockout_record staff_lockout_to_record(
    struct staff_pin_lockout l, int64_t now_ms);

struct staff_lockout {
    const char *state_dir; /* NULL: nothing is kept */
    bool loaded;           /* the file was read into a staff_pin */
    bool damaged;          /* ... and was damaged: write it again */
    struct staff_pin_lockout kept; /* as last read or written */
    bool write_failed;     /* logged once */
};

/* Remembers the folder; reads nothing yet. */
void staff_lockout_init(struct staff_lockout *k, const char *state_dir);

/* Once, at the first moment with a clock (now_ms: p's ticks): reads the
 * file into p (and writes it again if it was damaged). */
void staff_lockout_load(struct staff_lockout *k, struct staff_pin *p,
                        uint32_t now_ms);

/* After anything that may have changed p's count or lock: writes the file
 * if they differ from what it holds. */
void staff_lockout_note(struct staff_lockout *k, const struct staff_pin *p,
                        uint32_t now_ms);

/* The wall clock, ms since 1970. */
int64_t staff_lockout_wall_ms(void);

#endif
