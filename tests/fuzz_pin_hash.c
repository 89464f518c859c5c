/* fuzz_pin_hash.c: libFuzzer target for kiosk.conf's staff-pin-hash value
 * (staff_pin_hash_parse).
 *
 * Any bytes go in, as a C string.  A refused value must come with a
 * message; an accepted one must have 1..STAFF_PIN_SALT_MAX salt bytes,
 * and writing a hash with that salt for a PIN and parsing it again must
 * give the same salt, and a digest that opens with that PIN and no other. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "app/staff_pin.h"

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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > FUZZ_MAX_INPUT)
        return 0;
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    struct staff_pin_hash h;
    char err[160] = "";
    bool ok = staff_pin_hash_parse(text, &h, err, sizeof err);
    free(text);
    if (!ok) {
        if (!err[0])
            abort();
        return 0;
    }
    if (h.salt_len < 1 || h.salt_len > STAFF_PIN_SALT_MAX)
        abort();
    char line[STAFF_PIN_HASH_TEXT_MAX];
    if (!staff_pin_hash_make("2468", h.salt, h.salt_len, line, sizeof line))
        abort();
    struct staff_pin_hash again;
    if (!staff_pin_hash_parse(line, &again, err, sizeof err) ||
        again.salt_len != h.salt_len ||
        memcmp(again.salt, h.salt, h.salt_len) != 0)
        abort();
    if (!opens(&again, "2468") || opens(&again, "2469") ||
        opens(&again, "246"))
        abort();
    return 0;
}
