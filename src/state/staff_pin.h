/* staff_pin.h: the staff panel's PIN entry, checked against a slow salted
 * hash.
 *
 * Pure: no SDL, no I/O.  The configured secret is one line in one of two
 * forms:
 *
 *     argon2id:v=19,m=KIB,t=PASSES,p=LANES:SALTHEX:DIGESTHEX
 *     sha256:SALTHEX:DIGESTHEX                     (the old form)
 *
 * argon2id is RFC 9106's Argon2id, version 19 (0x13), over the PIN's
 * ASCII digits with the salt: m KiB of memory, t passes, p lanes, 8 to
 * STAFF_PIN_SALT_MAX salt bytes, a digest of 16 to STAFF_PIN_DIGEST_MAX
 * bytes.  The costs are bounded (m at most STAFF_PIN_M_MAX_KIB, t at most
 * STAFF_PIN_T_MAX, p at most STAFF_PIN_P_MAX) so that no line can make the
 * check take the kiosk's memory or minutes.  staff_pin_hash_make writes
 * the form with the costs below (STAFF_PIN_M_KIB, ...: 0.2 s on the
 * development machine's core, `make bench`; an estimated 0.6-0.8 s on a
 * Raspberry Pi 4; 64 MiB for that time).
 *
 * The old form is DIGEST = SHA-256(salt || the PIN's digits), 1 to
 * STAFF_PIN_SALT_MAX salt bytes, 32 digest bytes: one fast round, from
 * which a 4-digit PIN comes back in milliseconds.  It still verifies, so
 * an upgrade does not lock staff out, and staff_pin_hash_is_legacy tells
 * the panel to ask for the PIN to be set again.  Hex is read in either
 * case and written in lower case.  `staff_pin_hash_parse` says in one line
 * what is wrong with a malformed line.
 *
 * Entry: digits are typed (at most STAFF_PIN_MAX_DIGITS), erased with
 * backspace or clear, and submitted; the typed digits are wiped at every
 * submit.  The digest comparison takes the same time whichever byte
 * differs.  STAFF_PIN_MAX_FAILS wrong PINs in a row lock entry for
 * STAFF_PIN_LOCKOUT_MS from the last one: typing and submitting then
 * return STAFF_PIN_LOCKED with the ms remaining, and the count starts
 * again when the lock ends.  A correct PIN resets the count.  Submitting
 * nothing is STAFF_PIN_EMPTY and is not counted.  Without a configured
 * hash the panel can never be opened: submit says STAFF_PIN_NO_HASH.
 *
 * The check is slow, so a submit comes in three steps that let it run on
 * another thread: staff_pin_submit_begin takes the digits into a
 * `struct staff_pin_attempt` (entry then answers STAFF_PIN_CHECKING to
 * everything until the end), staff_pin_attempt_run derives the digest
 * touching nothing but the attempt, and staff_pin_submit_end compares and
 * counts.  staff_pin_submit does the three at once.
 *
 * The lock-out can be kept across a restart (state/staff_lockout.h):
 * staff_pin_lockout_get reads it, staff_pin_lockout_set puts it back.
 *
 * Times are SDL's millisecond ticks compared as signed differences, so the
 * uint32 wrap is harmless; a lock whose remaining time is somehow longer
 * than STAFF_PIN_LOCKOUT_MS (ticks gone backwards) counts as ended.
 * Caller's storage; it owns nothing, so there is no _fini, but
 * staff_pin_wipe clears the typed digits.  Not thread-safe; an attempt
 * may be run on any one thread while its staff_pin is left alone. */
#ifndef STATE_STAFF_PIN_H
#define STATE_STAFF_PIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define STAFF_PIN_MIN_DIGITS 4 /* for staff_pin_hash_make */
#define STAFF_PIN_MAX_DIGITS 8
#define STAFF_PIN_MAX_FAILS 3
#define STAFF_PIN_LOCKOUT_MS 60000u
#define STAFF_PIN_SALT_MAX 64
#define STAFF_PIN_DIGEST_MAX 64

/* What staff_pin_hash_make writes: 64 MiB, 3 passes, 1 lane, 32 bytes. */
#define STAFF_PIN_M_KIB 65536u
#define STAFF_PIN_T 3u
#define STAFF_PIN_P 1u
#define STAFF_PIN_DIGEST 32u
/* What a line may ask for. */
#define STAFF_PIN_M_MAX_KIB 262144u /* 256 MiB; at least 8 KiB a lane */
#define STAFF_PIN_T_MAX 32u
#define STAFF_PIN_P_MAX 4u

/* The longest line, with its NUL: the argon2id form at the largest salt,
 * digest and costs. */
#define STAFF_PIN_HASH_TEXT_MAX                                               \
    (sizeof "argon2id:v=19,m=262144,t=32,p=4::" + 2 * STAFF_PIN_SALT_MAX +    \
     2 * STAFF_PIN_DIGEST_MAX)

enum staff_pin_kdf_id {
    STAFF_PIN_KDF_ARGON2ID, /* what staff_pin_hash_make writes */
    STAFF_PIN_KDF_SHA256,   /* the old form: verified, never written */
};

/* How a digest is derived. */
struct staff_pin_kdf {
    enum staff_pin_kdf_id id;
    uint32_t m_kib, t, p; /* argon2id's memory, passes, lanes; else 0 */
    size_t digest_len;    /* bytes */
};

struct staff_pin_hash {
    struct staff_pin_kdf kdf;
    uint8_t salt[STAFF_PIN_SALT_MAX];
    size_t salt_len;
    uint8_t digest[STAFF_PIN_DIGEST_MAX];
};

/* The costs staff_pin_hash_make uses. */
struct staff_pin_kdf staff_pin_kdf_default(void);

/* Parses `text` (the whole string, no surrounding space).  On success
 * fills *out and returns true; otherwise writes a one-line message such as
 * "the digest has 31 bytes, expected 32" to err (if err_size > 0), leaves
 * *out alone and returns false. */
bool staff_pin_hash_parse(const char *text, struct staff_pin_hash *out,
                          char *err, size_t err_size);

/* Writes the argon2id line at the default costs for `pin`
 * (STAFF_PIN_MIN_DIGITS to STAFF_PIN_MAX_DIGITS ASCII digits) with the
 * given salt (8 to STAFF_PIN_SALT_MAX bytes) to out.  False, with out[0] =
 * '\0' if out_size > 0, if the PIN or salt is not allowed, out is too
 * small or the derivation failed (its memory). */
bool staff_pin_hash_make(const char *pin, const uint8_t *salt,
                         size_t salt_len, char *out, size_t out_size);

/* The same with the given function and costs (within the parser's
 * bounds): tests use cheap costs, and the old form. */
bool staff_pin_hash_make_kdf(const char *pin, const struct staff_pin_kdf *kdf,
                             const uint8_t *salt, size_t salt_len, char *out,
                             size_t out_size);

/* Writes the line of a parsed hash (what parse reads back to the same
 * hash).  False, with out[0] = '\0', if out is too small. */
bool staff_pin_hash_format(const struct staff_pin_hash *h, char *out,
                           size_t out_size);

/* True for the old one-round sha256 form, which should be set again. */
bool staff_pin_hash_is_legacy(const struct staff_pin_hash *h);

enum staff_pin_result {
    STAFF_PIN_ACCEPTED, /* the digit, backspace or clear took effect */
    STAFF_PIN_IGNORED,  /* not a digit, already full, nothing to erase */
    STAFF_PIN_LOCKED,   /* locked out; see locked_ms */
    STAFF_PIN_EMPTY,    /* submitted with no digits; not counted */
    STAFF_PIN_CORRECT,  /* open the panel */
    STAFF_PIN_WRONG,    /* counted; locked_ms > 0 if this one locked it */
    STAFF_PIN_NO_HASH,  /* no hash configured: never opens */
    STAFF_PIN_CHECKING, /* submitted; the check has not ended */
    STAFF_PIN_FAILED,   /* the check could not be made; not counted */
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
    bool checking;   /* between submit_begin and submit_end */
    uint32_t locked_until;
};

/* One submitted PIN on its way through the check (caller's storage). */
struct staff_pin_attempt {
    struct staff_pin_hash hash; /* what it is checked against */
    char digits[STAFF_PIN_MAX_DIGITS];
    size_t len;
    uint8_t digest[STAFF_PIN_DIGEST_MAX];
    bool derived;      /* staff_pin_attempt_run made the digest */
    const char *error; /* why it could not, a static string, or NULL */
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
/* begin, run and end at once. */
struct staff_pin_outcome staff_pin_submit(struct staff_pin *p,
                                          uint32_t now_ms);

/* Starts a submit: LOCKED, NO_HASH, EMPTY (and CHECKING while one is
 * under way) as submit says them, with *a untouched; otherwise CHECKING,
 * with the digits moved into *a (and wiped here). */
struct staff_pin_outcome staff_pin_submit_begin(
    struct staff_pin *p, uint32_t now_ms, struct staff_pin_attempt *a);
/* The slow part: derives the attempt's digest and wipes its digits.
 * Touches nothing but *a. */
void staff_pin_attempt_run(struct staff_pin_attempt *a);
/* Ends the submit begun with *a, which was run: CORRECT, WRONG or FAILED
 * (the derivation failed: not counted).  Wipes *a. */
struct staff_pin_outcome staff_pin_submit_end(struct staff_pin *p,
                                              struct staff_pin_attempt *a,
                                              uint32_t now_ms);
/* Overwrites an attempt (e.g. one abandoned). */
void staff_pin_attempt_wipe(struct staff_pin_attempt *a);

/* Digits typed so far (for drawing dots). */
int staff_pin_length(const struct staff_pin *p);

/* Ms until entry unlocks, 0 if it is not locked at now_ms. */
uint32_t staff_pin_locked_ms(const struct staff_pin *p, uint32_t now_ms);

/* Whether a submit is between begin and end. */
bool staff_pin_checking(const struct staff_pin *p);

/* The lock-out at a moment: wrong PINs in a row (STAFF_PIN_MAX_FAILS
 * while locked, fewer otherwise) and the ms the lock has left. */
struct staff_pin_lockout {
    int fails;
    uint32_t locked_ms; /* 0: not locked */
};
struct staff_pin_lockout staff_pin_lockout_get(const struct staff_pin *p,
                                               uint32_t now_ms);
/* Puts a kept lock-out back at now_ms: locked_ms > 0 locks for that long
 * (at most STAFF_PIN_LOCKOUT_MS); otherwise `fails` wrong PINs so far
 * (0 to STAFF_PIN_MAX_FAILS - 1; more counts as that). */
void staff_pin_lockout_set(struct staff_pin *p, struct staff_pin_lockout l,
                           uint32_t now_ms);

/* Clears the typed digits, e.g. when the panel closes.  The count of
 * wrong PINs and any lock stay. */
void staff_pin_wipe(struct staff_pin *p);

const char *staff_pin_result_name(enum staff_pin_result r);

#endif
