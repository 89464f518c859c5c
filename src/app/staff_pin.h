/* staff_pin.h: the staff panel's PIN entry, checked against a salted hash.
 *
 * Pure: no SDL, no I/O.  The configured secret is a line of the form
 *
 *     sha256:SALTHEX:DIGESTHEX
 *
 * where DIGEST = SHA-256(salt bytes || the PIN's ASCII digits), 1 to
 * STAFF_PIN_SALT_MAX salt bytes, 32 digest bytes, hex in either case
 * (staff_pin_hash_make writes lower case).  `staff_pin_hash_parse` reads
 * one and says what is wrong with a malformed one; `staff_pin_hash_make`
 * writes one for a config file.
 *
 * Entry: digits are typed (at most STAFF_PIN_MAX_DIGITS), erased with
 * backspace or clear, and submitted; the typed digits are wiped after
 * every submit.  The digest comparison takes the same time whichever byte
 * differs.  STAFF_PIN_MAX_FAILS wrong PINs in a row lock entry for
 * STAFF_PIN_LOCKOUT_MS from the last one: typing and submitting then
 * return STAFF_PIN_LOCKED with the ms remaining, and the count starts
 * again when the lock ends.  A correct PIN resets the count.  Submitting
 * nothing is STAFF_PIN_EMPTY and is not counted.  Without a configured
 * hash the panel can never be opened: submit says STAFF_PIN_NO_HASH.
 *
 * Times are SDL's millisecond ticks compared as signed differences, so the
 * uint32 wrap is harmless; a lock whose remaining time is somehow longer
 * than STAFF_PIN_LOCKOUT_MS (ticks gone backwards) counts as ended.
 * Caller's storage; it owns nothing, so there is no _fini, but
 * staff_pin_wipe clears the typed digits.  Not thread-safe. */
#ifndef APP_STAFF_PIN_H
#define APP_STAFF_PIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/sha256.h"

#define STAFF_PIN_MIN_DIGITS 4 /* for staff_pin_hash_make */
#define STAFF_PIN_MAX_DIGITS 8
#define STAFF_PIN_MAX_FAILS 3
#define STAFF_PIN_LOCKOUT_MS 60000u
#define STAFF_PIN_SALT_MAX 64

/* "sha256:" + salt hex + ":" + digest hex + NUL, at the largest salt. */
#define STAFF_PIN_HASH_TEXT_MAX                                               \
    (7 + 2 * STAFF_PIN_SALT_MAX + 1 + 2 * SHA256_DIGEST_SIZE + 1)

struct staff_pin_hash {
    uint8_t salt[STAFF_PIN_SALT_MAX];
    size_t salt_len;
    uint8_t digest[SHA256_DIGEST_SIZE];
};

/* Parses `text` (the whole string, no surrounding space).  On success
 * fills *out and returns true; otherwise writes a one-line message such as
 * "the digest has 31 bytes, expected 32" to err (if err_size > 0) and
 * returns false. */
bool staff_pin_hash_parse(const char *text, struct staff_pin_hash *out,
                          char *err, size_t err_size);

/* Writes the hash line for `pin` (STAFF_PIN_MIN_DIGITS to
 * STAFF_PIN_MAX_DIGITS ASCII digits) with the given salt (1 to
 * STAFF_PIN_SALT_MAX bytes) to out.  False, with out[0] = '\0' if
 * out_size > 0, if the PIN or salt is not allowed or out is too small. */
bool staff_pin_hash_make(const char *pin, const uint8_t *salt,
                         size_t salt_len, char *out, size_t out_size);

enum staff_pin_result {
    STAFF_PIN_ACCEPTED, /* the digit, backspace or clear took effect */
    STAFF_PIN_IGNORED,  /* not a digit, already full, nothing to erase */
    STAFF_PIN_LOCKED,   /* locked out; see locked_ms */
    STAFF_PIN_EMPTY,    /* submitted with no digits; not counted */
    STAFF_PIN_CORRECT,  /* open the panel */
    STAFF_PIN_WRONG,    /* counted; locked_ms > 0 if this one locked it */
    STAFF_PIN_NO_HASH,  /* no hash configured: never opens */
};

struct staff_pin_outcome {
    enum staff_pin_result result;
    uint32_t locked_ms;  /* LOCKED, or WRONG that locked: ms until unlock */
    int attempts_left;   /* wrong PINs left before a lock-out */
};

/* The fields are private; read them only through the functions. */
struct staff_pin {
    struct staff_pin_hash hash;
    bool has_hash;
    char digits[STAFF_PIN_MAX_DIGITS];
    int len;
    int fails;       /* wrong PINs in a row */
    bool locked;
    uint32_t locked_until;
};

/* Sets up entry against `hash`, or with no hash (never opens) if NULL. */
void staff_pin_init(struct staff_pin *p, const struct staff_pin_hash *hash);

/* Types one character; only '0'..'9' are digits. */
struct staff_pin_outcome staff_pin_type(struct staff_pin *p, char c,
                                        uint32_t now_ms);
struct staff_pin_outcome staff_pin_backspace(struct staff_pin *p,
                                             uint32_t now_ms);
/* Erases every digit; allowed even while locked. */
struct staff_pin_outcome staff_pin_clear(struct staff_pin *p,
                                         uint32_t now_ms);
struct staff_pin_outcome staff_pin_submit(struct staff_pin *p,
                                          uint32_t now_ms);

/* Digits typed so far (for drawing dots). */
int staff_pin_length(const struct staff_pin *p);

/* Ms until entry unlocks, 0 if it is not locked at now_ms. */
uint32_t staff_pin_locked_ms(const struct staff_pin *p, uint32_t now_ms);

/* Clears the typed digits, e.g. when the panel closes.  The count of
 * wrong PINs and any lock stay. */
void staff_pin_wipe(struct staff_pin *p);

const char *staff_pin_result_name(enum staff_pin_result r);

#endif
