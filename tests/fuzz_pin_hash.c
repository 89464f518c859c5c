/* fuzz_pin_hash.c: libFuzzer target for kiosk.conf's staff-pin-hash value
 * (staff_pin_hash_parse), both forms: argon2id with its costs, and the old
 * sha256.
 *
 * Any bytes go in, as a C string.  A refused value must come with a
 * message and leave the output alone; an accepted one must be within the
 * bounds the header promises (salt, digest, costs), must be written back
 * by staff_pin_hash_format to a line that parses to the same hash, and a
 * hash made with its salt and function for a PIN (argon2id at the least
 * costs, so a run stays fast) must open with that PIN and no other. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "state/staff_pin.h"

#define FUZZ_MAX_INPUT 4096

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool opens(const struct staff_pin_hash *h, const char *pin)
{
    struct staff_pin p;
    staff_pin_init(&p, h);
    for (const char *c = pin; *c; c++)
        staff_pin_type(&p, *c, 0);
    return staff_pin_submit(&p, 0).result == STAFF_PIN_CORRECT;
}

static bool same(const struct staff_pin_hash *a,
                 const struct staff_pin_hash *b)
{
    return a->kdf.id == b->kdf.id && a->kdf.m_kib == b->kdf.m_kib &&
           a->kdf.t == b->kdf.t && a->kdf.p == b->kdf.p &&
           a->kdf.digest_len == b->kdf.digest_len &&
           a->salt_len == b->salt_len &&
           memcmp(a->salt, b->salt, a->salt_len) == 0 &&
           memcmp(a->digest, b->digest, a->kdf.digest_len) == 0;
}

static bool within_bounds(const struct staff_pin_hash *h)
{
    const struct staff_pin_kdf *k = &h->kdf;
    if (h->salt_len < 1 || h->salt_len > STAFF_PIN_SALT_MAX)
        return false;
    if (k->id == STAFF_PIN_KDF_SHA256)
        return k->digest_len == 32;
    return k->id == STAFF_PIN_KDF_ARGON2ID && h->salt_len >= 8 &&
           k->digest_len >= 16 && k->digest_len <= STAFF_PIN_DIGEST_MAX &&
           k->p >= 1 && k->p <= STAFF_PIN_P_MAX && k->m_kib >= 8 * k->p &&
           k->m_kib <= STAFF_PIN_M_MAX_KIB && k->t >= 1 &&
           k->t <= STAFF_PIN_T_MAX;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > FUZZ_MAX_INPUT)
        return 0;
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    struct staff_pin_hash h, untouched;
    memset(&h, 0x5a, sizeof h);
    untouched = h;
    char err[160] = "";
    bool ok = staff_pin_hash_parse(text, &h, err, sizeof err);
    free(text);
    if (!ok) {
        if (!err[0] || memcmp(&h, &untouched, sizeof h) != 0)
            abort();
        return 0;
    }
    if (!within_bounds(&h))
        abort();
    char line[STAFF_PIN_HASH_TEXT_MAX];
    struct staff_pin_hash again;
    if (!staff_pin_hash_format(&h, line, sizeof line) ||
        !staff_pin_hash_parse(line, &again, err, sizeof err) ||
        !same(&h, &again))
        abort();
    struct staff_pin_kdf k = h.kdf;
    if (k.id == STAFF_PIN_KDF_ARGON2ID) {
        k.m_kib = 8;
        k.t = k.p = 1;
    }
    if (!staff_pin_hash_make_kdf("2468", &k, h.salt, h.salt_len, line,
                                 sizeof line) ||
        !staff_pin_hash_parse(line, &again, err, sizeof err) ||
        again.salt_len != h.salt_len ||
        memcmp(again.salt, h.salt, h.salt_len) != 0)
        abort();
    if (!opens(&again, "2468") || opens(&again, "2469") ||
        opens(&again, "246"))
        abort();
    return 0;
}
