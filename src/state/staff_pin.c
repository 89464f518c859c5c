/* staff_pin.c: PIN entry, lock-out and the salted-hash check.
 *
 * `fails` counts wrong PINs since the last correct one or the last lock's
 * end; reaching STAFF_PIN_MAX_FAILS sets `locked` until `locked_until`.
 * The lock is lifted lazily, by the first call at or after that time,
 * which also sets `fails` back to 0.  `checking` is set from a submit's
 * begin to its end; entry answers CHECKING meanwhile.  The typed digits
 * never leave this file except into an attempt, which wipes them once
 * derived; every copy is overwritten through a volatile pointer so the
 * compiler cannot drop the wipe.  Argon2id comes from libargon2 (pure
 * computation; it allocates its m KiB for the derivation's time). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <argon2.h>

#include "core/sha256.h"
#include "state/staff_pin.h"

static const char ARGON2ID[] = "argon2id:";
static const char SHA256[] = "sha256:";
#define PREFIX_LEN(p) (sizeof p - 1)

static void wipe(volatile void *p, size_t n)
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

/* ---- the functions and their costs ------------------------------------- */

struct staff_pin_kdf staff_pin_kdf_default(void)
{
    return (struct staff_pin_kdf){STAFF_PIN_KDF_ARGON2ID, STAFF_PIN_M_KIB,
                                  STAFF_PIN_T, STAFF_PIN_P,
                                  STAFF_PIN_DIGEST};
}

/* Whether argon2id's costs and sizes are within bounds; says why not. */
static bool argon2_costs_ok(const struct staff_pin_kdf *k, char *err,
                            size_t err_size)
{
    if (k->p < 1 || k->p > STAFF_PIN_P_MAX) {
        set_err(err, err_size, "argon2id lanes p=%u are out of range: 1 to "
                "%u", k->p, STAFF_PIN_P_MAX);
        return false;
    }
    if (k->m_kib < 8 * k->p || k->m_kib > STAFF_PIN_M_MAX_KIB) {
        set_err(err, err_size, "argon2id memory m=%u KiB is out of range: "
                "8 a lane (p) to %u", k->m_kib, STAFF_PIN_M_MAX_KIB);
        return false;
    }
    if (k->t < 1 || k->t > STAFF_PIN_T_MAX) {
        set_err(err, err_size, "argon2id passes t=%u are out of range: 1 "
                "to %u", k->t, STAFF_PIN_T_MAX);
        return false;
    }
    return true;
}

/* The salt and digest sizes a function takes, in bytes. */
struct sizes {
    size_t salt_min, salt_max, digest_min, digest_max;
};

static struct sizes sizes_of(enum staff_pin_kdf_id id)
{
    if (id == STAFF_PIN_KDF_ARGON2ID)
        return (struct sizes){8, STAFF_PIN_SALT_MAX, 16,
                              STAFF_PIN_DIGEST_MAX};
    return (struct sizes){1, STAFF_PIN_SALT_MAX, SHA256_DIGEST_SIZE,
                          SHA256_DIGEST_SIZE};
}

static bool kdf_ok(const struct staff_pin_kdf *k, size_t salt_len)
{
    if (k->id != STAFF_PIN_KDF_ARGON2ID && k->id != STAFF_PIN_KDF_SHA256)
        return false;
    struct sizes z = sizes_of(k->id);
    return salt_len >= z.salt_min && salt_len <= z.salt_max &&
           k->digest_len >= z.digest_min && k->digest_len <= z.digest_max &&
           (k->id == STAFF_PIN_KDF_SHA256 || argon2_costs_ok(k, NULL, 0));
}

/* The digest of pin[0..n) with the salt, k->digest_len bytes to out; the
 * static reason if it could not be made. */
static const char *derive(const struct staff_pin_kdf *k, const uint8_t *salt,
                          size_t salt_len, const char *pin, size_t n,
                          uint8_t *out)
{
    if (k->id == STAFF_PIN_KDF_SHA256) {
        struct sha256 s;
        sha256_init(&s);
        sha256_update(&s, salt, salt_len);
        sha256_update(&s, pin, n);
        sha256_final(&s, out);
        return NULL;
    }
    /* libargon2 takes writable buffers (it may clear the password). */
    uint8_t pwd[STAFF_PIN_MAX_DIGITS], s[STAFF_PIN_SALT_MAX];
    memcpy(pwd, pin, n);
    memcpy(s, salt, salt_len);
    argon2_context c = {
        .out = out,
        .outlen = (uint32_t)k->digest_len,
        .pwd = pwd,
        .pwdlen = (uint32_t)n,
        .salt = s,
        .saltlen = (uint32_t)salt_len,
        .t_cost = k->t,
        .m_cost = k->m_kib,
        .lanes = k->p,
        .threads = k->p,
        .version = ARGON2_VERSION_13,
        .flags = ARGON2_FLAG_CLEAR_PASSWORD,
    };
    int rc = argon2_ctx(&c, Argon2_id);
    wipe(pwd, sizeof pwd);
    return rc == ARGON2_OK ? NULL : argon2_error_message(rc);
}

/* ---- the line ---------------------------------------------------------- */

/* The field s[0..n) named `what`: an even number of hex digits for
 * min..max bytes, decoded into out[0..*len). */
static bool parse_hex(const char *s, size_t n, const char *what, size_t min,
                      size_t max, uint8_t *out, size_t *len, char *err,
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
    if (n / 2 < min || n / 2 > max) {
        if (min == max)
            set_err(err, err_size,
                    "the %s has %zu bytes, expected %zu (%zu hex digits)",
                    what, n / 2, min, 2 * min);
        else
            set_err(err, err_size, "the %s has %zu bytes, expected %zu to "
                    "%zu", what, n / 2, min, max);
        return false;
    }
    for (size_t i = 0; i < n / 2; i++)
        out[i] = (uint8_t)(hex_value(s[2 * i]) << 4 | hex_value(s[2 * i + 1]));
    *len = n / 2;
    return true;
}

static char *encode_hex(char *w, const uint8_t *b, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        *w++ = hex[b[i] >> 4];
        *w++ = hex[b[i] & 15];
    }
    return w;
}

/* argon2id's "v=19,m=KIB,t=N,p=N" at *s, up to the ':' after it, which
 * *s is left on. */
static bool parse_costs(const char **s, struct staff_pin_kdf *k, char *err,
                        size_t err_size)
{
    static const char keys[4] = {'v', 'm', 't', 'p'};
    uint64_t v[4];
    const char *c = *s;
    for (int i = 0; i < 4; i++) {
        size_t digits = 0;
        v[i] = 0;
        if (c[0] == keys[i] && c[1] == '=')
            for (c += 2; *c >= '0' && *c <= '9'; c++, digits++)
                if (v[i] < 10000000000u) /* any more is out of range */
                    v[i] = v[i] * 10 + (uint64_t)(*c - '0');
        if (digits == 0 || *c != (i < 3 ? ',' : ':')) {
            set_err(err, err_size,
                    "the argon2id costs must be v=19,m=KIB,t=PASSES,"
                    "p=LANES (in that order, numbers only), then ':'");
            return false;
        }
        if (i < 3)
            c++;
    }
    if (v[0] != 19) {
        set_err(err, err_size, "argon2id version v=%llu is not supported: "
                "only v=19", (unsigned long long)v[0]);
        return false;
    }
    k->m_kib = v[1] > UINT32_MAX ? UINT32_MAX : (uint32_t)v[1];
    k->t = v[2] > UINT32_MAX ? UINT32_MAX : (uint32_t)v[2];
    k->p = v[3] > UINT32_MAX ? UINT32_MAX : (uint32_t)v[3];
    if (!argon2_costs_ok(k, err, err_size))
        return false;
    *s = c;
    return true;
}

bool staff_pin_hash_parse(const char *text, struct staff_pin_hash *out,
                          char *err, size_t err_size)
{
    set_err(err, err_size, "%s", "");
    if (!text || text[0] == '\0') {
        set_err(err, err_size, "the staff PIN hash is empty");
        return false;
    }
    struct staff_pin_hash h = {0};
    const char *salt, *form, *fields;
    if (strncmp(text, ARGON2ID, PREFIX_LEN(ARGON2ID)) == 0) {
        h.kdf.id = STAFF_PIN_KDF_ARGON2ID;
        form = "argon2id:v=19,m=KIB,t=PASSES,p=LANES:SALTHEX:DIGESTHEX";
        fields = "four";
        salt = text + PREFIX_LEN(ARGON2ID);
        if (!parse_costs(&salt, &h.kdf, err, err_size))
            return false;
        salt++; /* the ':' */
    } else if (strncmp(text, SHA256, PREFIX_LEN(SHA256)) == 0) {
        h.kdf.id = STAFF_PIN_KDF_SHA256;
        form = "sha256:SALTHEX:DIGESTHEX";
        fields = "three";
        salt = text + PREFIX_LEN(SHA256);
    } else {
        set_err(err, err_size,
                "the staff PIN hash must start with \"argon2id:\" (or the "
                "old \"sha256:\"); make the line with 'kiosk "
                "staff-pin-hash'");
        return false;
    }
    const char *colon = strchr(salt, ':');
    if (!colon) {
        set_err(err, err_size,
                "the staff PIN hash has no ':' between salt and digest "
                "(the form is %s)", form);
        return false;
    }
    const char *digest = colon + 1;
    if (strchr(digest, ':')) {
        set_err(err, err_size,
                "the staff PIN hash has more than %s ':'-separated fields",
                fields);
        return false;
    }
    size_t salt_n = (size_t)(colon - salt), digest_n = strlen(digest);
    struct sizes z = sizes_of(h.kdf.id);
    if (salt_n == 0) {
        set_err(err, err_size, "the salt is empty");
        return false;
    }
    if (!parse_hex(salt, salt_n, "salt", z.salt_min, z.salt_max, h.salt,
                   &h.salt_len, err, err_size) ||
        !parse_hex(digest, digest_n, "digest", z.digest_min, z.digest_max,
                   h.digest, &h.kdf.digest_len, err, err_size))
        return false;
    *out = h;
    return true;
}

bool staff_pin_hash_format(const struct staff_pin_hash *h, char *out,
                           size_t out_size)
{
    if (out_size > 0)
        out[0] = '\0';
    if (!h || !out || !kdf_ok(&h->kdf, h->salt_len))
        return false;
    char line[STAFF_PIN_HASH_TEXT_MAX];
    char *w = line;
    if (h->kdf.id == STAFF_PIN_KDF_ARGON2ID)
        w += snprintf(line, sizeof line, "%sv=19,m=%u,t=%u,p=%u:", ARGON2ID,
                      h->kdf.m_kib, h->kdf.t, h->kdf.p);
    else
        w += snprintf(line, sizeof line, "%s", SHA256);
    w = encode_hex(w, h->salt, h->salt_len);
    *w++ = ':';
    w = encode_hex(w, h->digest, h->kdf.digest_len);
    *w = '\0';
    size_t n = (size_t)(w - line);
    if (n + 1 > out_size)
        return false;
    memcpy(out, line, n + 1);
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

bool staff_pin_hash_make_kdf(const char *pin, const struct staff_pin_kdf *kdf,
                             const uint8_t *salt, size_t salt_len, char *out,
                             size_t out_size)
{
    if (out_size > 0)
        out[0] = '\0';
    if (!pin || !pin_allowed(pin) || !kdf || !salt ||
        !kdf_ok(kdf, salt_len) || !out)
        return false;
    struct staff_pin_hash h = {.kdf = *kdf, .salt_len = salt_len};
    memcpy(h.salt, salt, salt_len);
    bool ok = !derive(kdf, salt, salt_len, pin, strlen(pin), h.digest) &&
              staff_pin_hash_format(&h, out, out_size);
    wipe(h.digest, sizeof h.digest);
    return ok;
}

bool staff_pin_hash_make(const char *pin, const uint8_t *salt,
                         size_t salt_len, char *out, size_t out_size)
{
    struct staff_pin_kdf k = staff_pin_kdf_default();
    return staff_pin_hash_make_kdf(pin, &k, salt, salt_len, out, out_size);
}

bool staff_pin_hash_is_legacy(const struct staff_pin_hash *h)
{
    return h && h->kdf.id == STAFF_PIN_KDF_SHA256;
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

bool staff_pin_checking(const struct staff_pin *p)
{
    return p->checking;
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

/* Lifts an ended lock; true, with the answer in *o, if the keys do nothing
 * now: still locked, or a PIN is being checked. */
static bool keys_off(struct staff_pin *p, uint32_t now_ms,
                     struct staff_pin_outcome *o)
{
    uint32_t left = refresh(p, now_ms);
    if (left > 0)
        *o = outcome(p, STAFF_PIN_LOCKED, left);
    else if (p->checking)
        *o = outcome(p, STAFF_PIN_CHECKING, 0);
    return left > 0 || p->checking;
}

struct staff_pin_outcome staff_pin_type(struct staff_pin *p, char c,
                                        uint32_t now_ms)
{
    struct staff_pin_outcome o;
    if (keys_off(p, now_ms, &o))
        return o;
    if (c < '0' || c > '9' || p->len == STAFF_PIN_MAX_DIGITS)
        return outcome(p, STAFF_PIN_IGNORED, 0);
    p->digits[p->len++] = c;
    return outcome(p, STAFF_PIN_ACCEPTED, 0);
}

struct staff_pin_outcome staff_pin_backspace(struct staff_pin *p,
                                             uint32_t now_ms)
{
    struct staff_pin_outcome o;
    if (keys_off(p, now_ms, &o))
        return o;
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

struct staff_pin_outcome staff_pin_submit_begin(
    struct staff_pin *p, uint32_t now_ms, struct staff_pin_attempt *a)
{
    struct staff_pin_outcome o;
    if (keys_off(p, now_ms, &o)) {
        if (o.result == STAFF_PIN_LOCKED)
            staff_pin_wipe(p);
        return o;
    }
    if (!p->has_hash) {
        staff_pin_wipe(p);
        return outcome(p, STAFF_PIN_NO_HASH, 0);
    }
    if (p->len == 0)
        return outcome(p, STAFF_PIN_EMPTY, 0);
    *a = (struct staff_pin_attempt){.hash = p->hash, .len = (size_t)p->len};
    memcpy(a->digits, p->digits, (size_t)p->len);
    staff_pin_wipe(p);
    p->checking = true;
    return outcome(p, STAFF_PIN_CHECKING, 0);
}

void staff_pin_attempt_run(struct staff_pin_attempt *a)
{
    a->error = derive(&a->hash.kdf, a->hash.salt, a->hash.salt_len,
                      a->digits, a->len, a->digest);
    a->derived = a->error == NULL;
    wipe(a->digits, sizeof a->digits);
    a->len = 0;
}

void staff_pin_attempt_wipe(struct staff_pin_attempt *a)
{
    wipe(a->digits, sizeof a->digits);
    wipe(a->digest, sizeof a->digest);
    a->len = 0;
    a->derived = false;
}

struct staff_pin_outcome staff_pin_submit_end(struct staff_pin *p,
                                              struct staff_pin_attempt *a,
                                              uint32_t now_ms)
{
    p->checking = false;
    refresh(p, now_ms);
    if (!a->derived) {
        staff_pin_attempt_wipe(a);
        return outcome(p, STAFF_PIN_FAILED, 0);
    }
    /* Constant time: every byte is looked at, whatever differs.  The
     * length is the line's, not a secret. */
    uint8_t diff = 0;
    for (size_t i = 0; i < a->hash.kdf.digest_len; i++)
        diff |= (uint8_t)(a->digest[i] ^ a->hash.digest[i]);
    staff_pin_attempt_wipe(a);

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

struct staff_pin_outcome staff_pin_submit(struct staff_pin *p,
                                          uint32_t now_ms)
{
    struct staff_pin_attempt a;
    bool busy = p->checking; /* one begun elsewhere is not ours to end */
    struct staff_pin_outcome o = staff_pin_submit_begin(p, now_ms, &a);
    if (o.result != STAFF_PIN_CHECKING || busy)
        return o;
    staff_pin_attempt_run(&a);
    return staff_pin_submit_end(p, &a, now_ms);
}

struct staff_pin_lockout staff_pin_lockout_get(const struct staff_pin *p,
                                               uint32_t now_ms)
{
    uint32_t left = staff_pin_locked_ms(p, now_ms);
    if (left > 0)
        return (struct staff_pin_lockout){STAFF_PIN_MAX_FAILS, left};
    /* A lock that has ended lazily is over: the count starts again. */
    return (struct staff_pin_lockout){p->locked ? 0 : p->fails, 0};
}

void staff_pin_lockout_set(struct staff_pin *p, struct staff_pin_lockout l,
                           uint32_t now_ms)
{
    if (l.locked_ms > 0) {
        p->locked = true;
        p->fails = STAFF_PIN_MAX_FAILS;
        p->locked_until = now_ms + (l.locked_ms < STAFF_PIN_LOCKOUT_MS
                                        ? l.locked_ms
                                        : STAFF_PIN_LOCKOUT_MS);
        return;
    }
    p->locked = false;
    p->fails = l.fails < 0 ? 0
               : l.fails >= STAFF_PIN_MAX_FAILS ? STAFF_PIN_MAX_FAILS - 1
                                                : l.fails;
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
    case STAFF_PIN_CHECKING: return "CHECKING";
    case STAFF_PIN_FAILED: return "FAILED";
    }
    return "?";
}
