/* mode_staff.c: `kiosk staff-pin-hash` -- the kiosk.conf line for a staff
 * PIN.  The PIN is read from standard input (one line), never from the
 * command line, where it would stay in the shell's history and be visible
 * to every user in the process list.  The salt is 16 fresh random bytes. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>

#include "app/cli.h"
#include "app/staff_pin.h"

#define SALT_BYTES 16

int mode_staff_pin_hash(int argc, char **argv,
                        const struct cli_common *common)
{
    (void)common;
    if (argc > 0)
        return cli_usage_error("staff-pin-hash", "unexpected '%s': the PIN "
                               "is read from standard input, e.g. "
                               "'kiosk staff-pin-hash' and type it, or "
                               "'read -s PIN; echo $PIN | kiosk "
                               "staff-pin-hash'",
                               argv[0]);
    char line[64] = "";
    if (!fgets(line, sizeof line, stdin)) {
        fprintf(stderr, "kiosk: staff-pin-hash: no PIN on standard input; "
                "type 4 to 8 digits and press Enter\n");
        return CLI_FAIL;
    }
    line[strcspn(line, "\r\n")] = '\0';
    size_t n = strlen(line);
    bool digits = n >= STAFF_PIN_MIN_DIGITS && n <= STAFF_PIN_MAX_DIGITS;
    for (size_t i = 0; i < n; i++)
        digits &= line[i] >= '0' && line[i] <= '9';
    if (!digits) {
        fprintf(stderr, "kiosk: staff-pin-hash: the PIN must be %d to %d "
                "digits (0-9), as on the kiosk's keypad; got %zu "
                "character%s\n", STAFF_PIN_MIN_DIGITS, STAFF_PIN_MAX_DIGITS,
                n, n == 1 ? "" : "s");
        memset(line, 0, sizeof line);
        return CLI_FAIL;
    }
    unsigned char salt[SALT_BYTES];
    if (getrandom(salt, sizeof salt, 0) != (ssize_t)sizeof salt) {
        fprintf(stderr, "kiosk: staff-pin-hash: no random bytes from the "
                "system (%s)\n", strerror(errno));
        memset(line, 0, sizeof line);
        return CLI_FAIL;
    }
    char out[STAFF_PIN_HASH_TEXT_MAX];
    bool ok = staff_pin_hash_make(line, salt, sizeof salt, out, sizeof out);
    memset(line, 0, sizeof line);
    if (!ok)
        return CLI_FAIL;
    printf("staff-pin-hash: %s\n", out);
    return CLI_OK;
}
