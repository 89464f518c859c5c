/* staff_pin.c: PIN entry, lock-out and the salted-hash check.
 *
 * `fails` counts wrong PINs since the last correct one or the last lock's
 * end; reaching STAFF_PIN_MAX_FAILS sets `locked` until `locked_until`.
 * The lock is lifted lazily, by the first call at or after that time,
 * which also sets `fails` back to 0.  The typed digits never leave this
 * file except hashed, and are overwritten through a volatile pointer after
 * each submit so the compiler cannot drop the wipe. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "app/staff_pin.h"

static const char PREFIX[] = "sha256:";

static void wipe(void *p, size_t n)
{
    volatile unsigned char *v = p;
    while (n--)
        *v++ = 0;
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static void set_err(char *err, size_t err_size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void set_err(char *err, size_t err_size, const char *fmt, ...)
{
    if (!err || err_size == 0)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, err_size, fmt, ap);
    va_end(ap);
}

/* Checks that the field s[0..n) named `what` is an even number of hex
 * digits. */
static bool check_hex(const char *s, size_t n, const char *what, char *err,
                      size_t err_size)
{
    for (size_t i = 0; i < n; i++) {
        if (hex_value(s[i]) < 0) {
            unsigned char c = (unsigned char)s[i];
            if (c >= 0x21 && c < 0x7f)
                set_err(err, err_size,
                        "the %s has '%c' at position %zu, not a hex digit",
                        what, c, i + 1);
            else
                set_err(err, err_size,
                        "the %s has byte 0x%02x at position %zu, not a hex "
                        "digit",
                        what, c, i + 1);
            return false;
        }
    }
    if (n % 2 != 0) {
        set_err(err, err_size,
                "the %s has an odd number of hex digits (%zu)", what, n);
        return false;
    }
    return true;
}

/* Decodes n (even, checked) hex digits into out[0..n/2). */
static void decode_hex(const char *s, size_t n, uint8_t *out)
{
    for (size_t i = 0; i < n / 2; i++)
        out[i] = (uint8_t)(hex_value(s[2 * i]) << 4 | hex_value(s[2 * i + 1]));
}

bool staff_pin_hash_parse(const char *text, struct staff_pin_hash *out,
                          char *err, size_t err_size)
{
    set_err(err, err_size, "%s", "");
    if (!text || text[0] == '\0') {
        set_err(err, err_size, "the staff PIN hash is empty");
        return false;
    }
    if (strncmp(text, PREFIX, sizeof PREFIX - 1) != 0) {
        set_err(err, err_size,
                "the staff PIN hash must start with \"sha256:\" "
                "(the form is sha256:SALTHEX:DIGESTHEX)");
        return false;
    }
    const char *salt = text + sizeof PREFIX - 1;
    const char *colon = strchr(salt, ':');
    if (!colon) {
        set_err(err, err_size,
                "the staff PIN hash has no ':' between salt and digest "
                "(the form is sha256:SALTHEX:DIGESTHEX)");
        return false;
    }
    const char *digest = colon + 1;
    if (strchr(digest, ':')) {
        set_err(err, err_size,
                "the staff PIN hash has more than three ':'-separated "
                "fields");
        return false;
    }
    struct staff_pin_hash h = {0};
    size_t salt_n = (size_t)(colon - salt), digest_n = strlen(digest);
    if (salt_n == 0) {
        set_err(err, err_size, "the salt is empty");
        return false;
    }
    if (!check_hex(salt, salt_n, "salt", err, err_size))
        return false;
    if (salt_n / 2 > STAFF_PIN_SALT_MAX) {
        set_err(err, err_size, "the salt has %zu bytes, at most %d allowed",
                salt_n / 2, STAFF_PIN_SALT_MAX);
        return false;
    }
    if (!check_hex(digest, digest_n, "digest", err, err_size))
        return false;
    if (digest_n != 2 * SHA256_DIGEST_SIZE) {
        set_err(err, err_size,
                "the digest has %zu bytes, expected %d (64 hex digits)",
                digest_n / 2, SHA256_DIGEST_SIZE);
        return false;
    }
    decode_hex(salt, salt_n, h.salt);
    h.salt_len = salt_n / 2;
    decode_hex(digest, digest_n, h.digest);
    *out = h;
    return true;
}

static bool pin_allowed(const char *pin)
{
    size_t n = strlen(pin);
    if (n < STAFF_PIN_MIN_DIGITS || n > STAFF_PIN_MAX_DIGITS)
        return false;
    for (size_t i = 0; i < n; i++)
        if (pin[i] < '0' || pin[i] > '9')
            return false;
    return true;
}

static void digest_of(const uint8_t *salt, size_t salt_len, const char *pin,
                      size_t pin_len, uint8_t out[SHA256_DIGEST_SIZE])
{
    struct sha256 s;
    sha256_init(&s);
    sha256_update(&s, salt, salt_len);
    sha256_update(&s, pin, pin_len);
    sha256_final(&s, out);
}

bool staff_pin_hash_make(const char *pin, const uint8_t *salt,
                         size_t salt_len, char *out, size_t out_size)
{
    static const char hex[] = "0123456789abcdef";
    if (out_size > 0)
        out[0] = '\0';
    size_t need = sizeof PREFIX - 1 + 2 * salt_len + 1 +
                  2 * SHA256_DIGEST_SIZE + 1;
    if (!pin || !pin_allowed(pin) || !salt || salt_len == 0 ||
        salt_len > STAFF_PIN_SALT_MAX || !out || out_size < need)
        return false;
    uint8_t d[SHA256_DIGEST_SIZE];
    digest_of(salt, salt_len, pin, strlen(pin), d);
    char *w = out;
    memcpy(w, PREFIX, sizeof PREFIX - 1);
    w += sizeof PREFIX - 1;
    for (size_t i = 0; i < salt_len; i++) {
        *w++ = hex[salt[i] >> 4];
        *w++ = hex[salt[i] & 15];
    }
    *w++ = ':';
    for (size_t i = 0; i < sizeof d; i++) {
        *w++ = hex[d[i] >> 4];
        *w++ = hex[d[i] & 15];
    }
    *w = '\0';
    wipe(d, sizeof d);
    return true;
}

/* ---- entry ------------------------------------------------------------- */

void staff_pin_init(struct staff_pin *p, const struct staff_pin_hash *hash)
{
    *p = (struct staff_pin){0};
    if (hash) {
        p->hash = *hash;
        p->has_hash = true;
    }
}

uint32_t staff_pin_locked_ms(const struct staff_pin *p, uint32_t now_ms)
{
    if (!p->locked)
        return 0;
    uint32_t left = p->locked_until - now_ms;
    /* Past the end (a "negative" difference is a huge uint32), or longer
     * than any lock can be because the ticks went backwards: ended. */
    if (left == 0 || left > STAFF_PIN_LOCKOUT_MS)
        return 0;
    return left;
}

/* Lifts an ended lock; the remaining ms if still locked, else 0. */
static uint32_t refresh(struct staff_pin *p, uint32_t now_ms)
{
    uint32_t left = staff_pin_locked_ms(p, now_ms);
    if (p->locked && left == 0) {
        p->locked = false;
        p->fails = 0;
    }
    return left;
}

static struct staff_pin_outcome outcome(const struct staff_pin *p,
                                        enum staff_pin_result r,
                                        uint32_t locked_ms)
{
    return (struct staff_pin_outcome){
        .result = r,
        .locked_ms = locked_ms,
        .attempts_left = p->locked ? 0 : STAFF_PIN_MAX_FAILS - p->fails,
    };
}

struct staff_pin_outcome staff_pin_type(struct staff_pin *p, char c,
                                        uint32_t now_ms)
{
    uint32_t left = refresh(p, now_ms);
    if (left > 0)
        return outcome(p, STAFF_PIN_LOCKED, left);
    if (c < '0' || c > '9' || p->len == STAFF_PIN_MAX_DIGITS)
        return outcome(p, STAFF_PIN_IGNORED, 0);
    p->digits[p->len++] = c;
    return outcome(p, STAFF_PIN_ACCEPTED, 0);
}

struct staff_pin_outcome staff_pin_backspace(struct staff_pin *p,
                                             uint32_t now_ms)
{
    uint32_t left = refresh(p, now_ms);
    if (left > 0)
        return outcome(p, STAFF_PIN_LOCKED, left);
    if (p->len == 0)
        return outcome(p, STAFF_PIN_IGNORED, 0);
    p->digits[--p->len] = 0;
    return outcome(p, STAFF_PIN_ACCEPTED, 0);
}

struct staff_pin_outcome staff_pin_clear(struct staff_pin *p,
                                         uint32_t now_ms)
{
    refresh(p, now_ms);
    bool had = p->len > 0;
    staff_pin_wipe(p);
    return outcome(p, had ? STAFF_PIN_ACCEPTED : STAFF_PIN_IGNORED, 0);
}

struct staff_pin_outcome staff_pin_submit(struct staff_pin *p,
                                          uint32_t now_ms)
{
    uint32_t left = refresh(p, now_ms);
    if (left > 0) {
        staff_pin_wipe(p);
        return outcome(p, STAFF_PIN_LOCKED, left);
    }
    if (!p->has_hash) {
        staff_pin_wipe(p);
        return outcome(p, STAFF_PIN_NO_HASH, 0);
    }
    if (p->len == 0)
        return outcome(p, STAFF_PIN_EMPTY, 0);

    uint8_t d[SHA256_DIGEST_SIZE];
    digest_of(p->hash.salt, p->hash.salt_len, p->digits, (size_t)p->len, d);
    staff_pin_wipe(p);
    /* Constant time: every byte is looked at, whatever differs. */
    uint8_t diff = 0;
    for (size_t i = 0; i < sizeof d; i++)
        diff |= (uint8_t)(d[i] ^ p->hash.digest[i]);
    wipe(d, sizeof d);

    if (diff == 0) {
        p->fails = 0;
        return outcome(p, STAFF_PIN_CORRECT, 0);
    }
    if (++p->fails >= STAFF_PIN_MAX_FAILS) {
        p->locked = true;
        p->locked_until = now_ms + STAFF_PIN_LOCKOUT_MS;
        return outcome(p, STAFF_PIN_WRONG, STAFF_PIN_LOCKOUT_MS);
    }
    return outcome(p, STAFF_PIN_WRONG, 0);
}

int staff_pin_length(const struct staff_pin *p)
{
    return p->len;
}

void staff_pin_wipe(struct staff_pin *p)
{
    wipe(p->digits, sizeof p->digits);
    p->len = 0;
}

const char *staff_pin_result_name(enum staff_pin_result r)
{
    switch (r) {
    case STAFF_PIN_ACCEPTED: return "ACCEPTED";
    case STAFF_PIN_IGNORED: return "IGNORED";
    case STAFF_PIN_LOCKED: return "LOCKED";
    case STAFF_PIN_EMPTY: return "EMPTY";
    case STAFF_PIN_CORRECT: return "CORRECT";
    case STAFF_PIN_WRONG: return "WRONG";
    case STAFF_PIN_NO_HASH: return "NO_HASH";
    }
    return "?";
}
