/* test_pin.c: the staff PIN's Argon2id hash, its check off the main loop
 * and the lock-out kept across restarts.
 *
 * The hash: Argon2id against the reference implementation's published
 * vector (phc-winner-argon2 test.c: "password", "somesalt", t=2, 64 MiB,
 * one lane), the default line's shape and cost, one malformed argon2id
 * line per message, format/parse round trips, and the bounds make keeps.
 * The check in three steps (begin, run, end) and what entry says
 * meanwhile.  The lock-out's file: its text, damaged texts, the wall-clock
 * rules.  Then the controller (app/staff.c) played with pointer events on
 * its own buttons: the keypad says "checking" while the worker derives
 * (the tap does not wait for it), a lock survives a new controller on the
 * same state folder, a damaged file locks, an old sha256 line opens the
 * panel with the notice to set the PIN again. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "state/file_replace.h"
#include "app/staff.h"
#include "state/staff_lockout.h"
#include "state/staff_pin.h"
#include "check.h"
#include "core/diag.h"
#include "staff_drive.h"
#include "ui/staff_text.h"

/* Cheap costs where the cost is not what is tested. */
static const struct staff_pin_kdf CHEAP = {STAFF_PIN_KDF_ARGON2ID, 64, 1, 1,
                                           32};
static const uint8_t SALT8[8] = {'s', 'a', 'l', 't', 's', 'a', 'l', 't'};

static bool parse(const char *line, struct staff_pin_hash *h)
{
    char err[160];
    bool ok = staff_pin_hash_parse(line, h, err, sizeof err);
    CHECK(ok, "parses: %s (%s)", line, err);
    return ok;
}

static enum staff_pin_result try_pin(struct staff_pin *p, const char *pin,
                                     uint32_t t,
                                     struct staff_pin_outcome *out)
{
    for (const char *c = pin; *c; c++)
        staff_pin_type(p, *c, t);
    struct staff_pin_outcome o = staff_pin_submit(p, t);
    if (out)
        *out = o;
    return o.result;
}

/* ---- the hash ------------------------------------------------------------ */

static void test_reference_vector(void)
{
    /* hex("somesalt"); the digest from the reference's test suite. */
    struct staff_pin_hash h;
    if (!parse("argon2id:v=19,m=65536,t=2,p=1:736f6d6573616c74:"
               "09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f6191"
               "3cf7",
               &h))
        return;
    struct staff_pin_attempt a = {.hash = h, .len = 8};
    memcpy(a.digits, "password", 8);
    staff_pin_attempt_run(&a);
    CHECK(a.derived && memcmp(a.digest, h.digest, 32) == 0,
          "Argon2id(\"password\", \"somesalt\", t=2, m=64 MiB, p=1) is the "
          "reference's digest");
    static const char zero[STAFF_PIN_MAX_DIGITS];
    CHECK(memcmp(a.digits, zero, sizeof zero) == 0 && a.len == 0,
          "running an attempt wipes its digits");
    staff_pin_attempt_wipe(&a);
    static const uint8_t zeros[STAFF_PIN_DIGEST_MAX];
    CHECK(memcmp(a.digest, zeros, sizeof zeros) == 0, "and wipe its digest");
}

static void test_default_line(void)
{
    uint8_t salt[16];
    for (size_t i = 0; i < sizeof salt; i++)
        salt[i] = (uint8_t)(0xa0 + i);
    char line[STAFF_PIN_HASH_TEXT_MAX];
    double t0 = staff_drive_now_ms();
    bool made = staff_pin_hash_make("2468", salt, sizeof salt, line,
                                    sizeof line);
    double make_ms = staff_drive_now_ms() - t0;
    static const char head[] = "argon2id:v=19,m=65536,t=3,p=1:"
                               "a0a1a2a3a4a5a6a7a8a9aaabacadaeaf:";
    CHECK(made && strncmp(line, head, sizeof head - 1) == 0 &&
              strlen(line) == sizeof head - 1 + 64,
          "the default line: argon2id, 64 MiB, 3 passes, 1 lane, the salt, "
          "32 digest bytes: %s", line);
    struct staff_pin_hash h;
    if (!parse(line, &h))
        return;
    struct staff_pin_kdf d = staff_pin_kdf_default();
    CHECK(h.kdf.id == STAFF_PIN_KDF_ARGON2ID && h.kdf.m_kib == d.m_kib &&
              h.kdf.t == d.t && h.kdf.p == d.p && h.kdf.digest_len == 32 &&
              !staff_pin_hash_is_legacy(&h),
          "it parses back to the default costs");
    struct staff_pin p;
    staff_pin_init(&p, &h);
    t0 = staff_drive_now_ms();
    enum staff_pin_result right = try_pin(&p, "2468", 0, NULL);
    double verify_ms = staff_drive_now_ms() - t0;
    CHECK(right == STAFF_PIN_CORRECT, "2468 opens it");
    CHECK(try_pin(&p, "2469", 0, NULL) == STAFF_PIN_WRONG &&
              try_pin(&p, "24680", 0, NULL) == STAFF_PIN_WRONG,
          "2469 and 24680 do not");
    /* Slow on purpose: a 4-digit PIN space is 10,000 of these.  (make
     * bench reports the median; here only that it is not one fast
     * round.) */
    CHECK(verify_ms > 20, "a check takes time: %.0f ms (make %.0f ms)",
          verify_ms, make_ms);
    printf("test_pin: argon2id default: make %.0f ms, verify %.0f ms\n",
           make_ms, verify_ms);

    char again[STAFF_PIN_HASH_TEXT_MAX];
    CHECK(staff_pin_hash_format(&h, again, sizeof again) &&
              strcmp(again, line) == 0,
          "format writes the line parse read");
    uint8_t salt2[16] = {0};
    char other[STAFF_PIN_HASH_TEXT_MAX];
    staff_pin_hash_make_kdf("2468", &CHEAP, salt2, sizeof salt2, other,
                            sizeof other);
    char other2[STAFF_PIN_HASH_TEXT_MAX];
    salt2[15] = 1;
    staff_pin_hash_make_kdf("2468", &CHEAP, salt2, sizeof salt2, other2,
                            sizeof other2);
    CHECK(strcmp(strrchr(other, ':'), strrchr(other2, ':')) != 0,
          "the salt takes part");
}

static void test_argon2_parse(void)
{
    static const char S16[] = "000102030405060708090a0b0c0d0e0f";
    static const char D32[] =
        "09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7";
    static const struct {
        const char *costs, *salt, *digest, *msg;
    } bad[] = {
        {"v=19,m=65536,t=3", S16, D32,
         "the argon2id costs must be v=19,m=KIB,t=PASSES,p=LANES"},
        {"m=65536,v=19,t=3,p=1", S16, D32,
         "the argon2id costs must be v=19,m=KIB,t=PASSES,p=LANES (in that "
         "order, numbers only), then ':'"},
        {"v=19,m=+65536,t=3,p=1", S16, D32, "the argon2id costs must be"},
        {"v=19,m=65536,t=3,p=1,x=2", S16, D32, "the argon2id costs must be"},
        {"v=19,m=65536,t=3,p=", S16, D32, "the argon2id costs must be"},
        {"v=19, m=65536,t=3,p=1", S16, D32, "the argon2id costs must be"},
        {"v=16,m=65536,t=3,p=1", S16, D32,
         "argon2id version v=16 is not supported: only v=19"},
        {"v=19,m=7,t=3,p=1", S16, D32,
         "argon2id memory m=7 KiB is out of range: 8 a lane (p) to 262144"},
        {"v=19,m=31,t=3,p=4", S16, D32, "argon2id memory m=31 KiB is out"},
        {"v=19,m=262145,t=3,p=1", S16, D32,
         "argon2id memory m=262145 KiB is out of range"},
        {"v=19,m=99999999999999,t=3,p=1", S16, D32,
         "argon2id memory m=4294967295 KiB is out of range"},
        {"v=19,m=65536,t=0,p=1", S16, D32,
         "argon2id passes t=0 are out of range: 1 to 32"},
        {"v=19,m=65536,t=33,p=1", S16, D32, "argon2id passes t=33 are out"},
        {"v=19,m=65536,t=3,p=0", S16, D32,
         "argon2id lanes p=0 are out of range: 1 to 4"},
        {"v=19,m=65536,t=3,p=5", S16, D32, "argon2id lanes p=5 are out"},
        {"v=19,m=65536,t=3,p=1", "00010203040506", D32,
         "the salt has 7 bytes, expected 8 to 64"},
        {"v=19,m=65536,t=3,p=1", "", D32, "the salt is empty"},
        {"v=19,m=65536,t=3,p=1", "0001020304050607z", D32,
         "the salt has 'z' at position 17, not a hex digit"},
        {"v=19,m=65536,t=3,p=1", S16, "000102030405060708090a0b0c0d0e",
         "the digest has 15 bytes, expected 16 to 64"},
        {"v=19,m=65536,t=3,p=1", S16, "0", "the digest has an odd number"},
        {"v=19,m=65536,t=3,p=1", S16, "00:11",
         "the staff PIN hash has more than four ':'-separated fields"},
    };
    char buf[512], err[160];
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        snprintf(buf, sizeof buf, "argon2id:%s:%s:%s", bad[i].costs,
                 bad[i].salt, bad[i].digest);
        struct staff_pin_hash h, before;
        memset(&h, 0x5a, sizeof h);
        before = h;
        bool ok = staff_pin_hash_parse(buf, &h, err, sizeof err);
        CHECK(!ok && strncmp(err, bad[i].msg, strlen(bad[i].msg)) == 0 &&
                  memcmp(&h, &before, sizeof h) == 0,
              "\"%s\": %s", buf, err);
    }
    struct staff_pin_hash h;
    CHECK(!staff_pin_hash_parse("argon2id:v=19,m=65536,t=3,p=1:" "000102030405"
                                "0607", &h, err, sizeof err) &&
              strncmp(err, "the staff PIN hash has no ':' between salt and "
                           "digest (the form is argon2id:", 75) == 0,
          "no digest field: %s", err);
    /* 65 salt bytes, 65 digest bytes, both in upper case at the limits. */
    char big[300];
    size_t n = (size_t)snprintf(big, sizeof big, "argon2id:v=19,m=65536,t=3,"
                                "p=1:");
    for (int i = 0; i < 65; i++)
        n += (size_t)snprintf(big + n, sizeof big - n, "AB");
    snprintf(big + n, sizeof big - n, ":%s", D32);
    CHECK(!staff_pin_hash_parse(big, &h, err, sizeof err) &&
              strcmp(err, "the salt has 65 bytes, expected 8 to 64") == 0,
          "a 65-byte salt: %s", err);
    snprintf(big, sizeof big, "ARGON2ID:v=19,m=65536,t=3,p=1:%s:%s", S16,
             D32);
    CHECK(!staff_pin_hash_parse(big, &h, err, sizeof err) &&
              strstr(err, "must start with \"argon2id:\""),
          "the function's name is lower case: %s", err);

    /* The largest line there may be fits STAFF_PIN_HASH_TEXT_MAX. */
    struct staff_pin_hash most = {
        .kdf = {STAFF_PIN_KDF_ARGON2ID, STAFF_PIN_M_MAX_KIB, STAFF_PIN_T_MAX,
                STAFF_PIN_P_MAX, STAFF_PIN_DIGEST_MAX},
        .salt_len = STAFF_PIN_SALT_MAX};
    memset(most.salt, 0xEE, sizeof most.salt);
    memset(most.digest, 0x11, sizeof most.digest);
    char line[STAFF_PIN_HASH_TEXT_MAX];
    struct staff_pin_hash back;
    CHECK(staff_pin_hash_format(&most, line, sizeof line) &&
              strlen(line) == STAFF_PIN_HASH_TEXT_MAX - 1 &&
              staff_pin_hash_parse(line, &back, err, sizeof err) &&
              memcmp(&back, &most, sizeof back) == 0,
          "the largest line is STAFF_PIN_HASH_TEXT_MAX - 1 long and round-"
          "trips: %s", err);
    CHECK(!staff_pin_hash_format(&most, line, strlen(line)) &&
              line[0] == '\0',
          "format needs room for the line and its NUL");
}

static void test_make_bounds(void)
{
    char line[STAFF_PIN_HASH_TEXT_MAX];
    uint8_t salt[16] = {1};
    struct staff_pin_kdf k = CHEAP;
    CHECK(!staff_pin_hash_make_kdf("2468", &k, salt, 7, line, sizeof line) &&
              line[0] == '\0',
          "argon2id needs 8 salt bytes");
    k.m_kib = 7;
    CHECK(!staff_pin_hash_make_kdf("2468", &k, salt, 8, line, sizeof line),
          "nor makes costs the parser refuses (m=7)");
    k = CHEAP;
    k.digest_len = 15;
    CHECK(!staff_pin_hash_make_kdf("2468", &k, salt, 8, line, sizeof line),
          "nor a 15-byte digest");
    k.digest_len = 64;
    struct staff_pin_hash h;
    CHECK(staff_pin_hash_make_kdf("2468", &k, salt, 8, line, sizeof line) &&
              staff_pin_hash_parse(line, &h, NULL, 0) &&
              h.kdf.digest_len == 64,
          "a 64-byte digest: %s", line);
    static const char *bad_pins[] = {"123", "123456789", "12a4", ""};
    int made = 0;
    for (size_t i = 0; i < sizeof bad_pins / sizeof *bad_pins; i++)
        made += staff_pin_hash_make(bad_pins[i], salt, sizeof salt, line,
                                    sizeof line);
    CHECK(made == 0, "make refuses PINs the keypad cannot type");
}

/* ---- the check in three steps -------------------------------------------- */

/* Entry against 1357 at the cheap costs. */
static bool pin_1357(struct staff_pin_hash *h, struct staff_pin *p)
{
    char line[STAFF_PIN_HASH_TEXT_MAX];
    if (!staff_pin_hash_make_kdf("1357", &CHEAP, SALT8, sizeof SALT8, line,
                                 sizeof line) ||
        !parse(line, h))
        return false;
    staff_pin_init(p, h);
    return true;
}

static void test_steps(void)
{
    struct staff_pin_hash h;
    struct staff_pin p;
    if (!pin_1357(&h, &p))
        return;
    struct staff_pin_attempt a;
    for (const char *c = "1357"; *c; c++)
        staff_pin_type(&p, *c, 100);
    struct staff_pin_outcome o = staff_pin_submit_begin(&p, 100, &a);
    CHECK(o.result == STAFF_PIN_CHECKING && staff_pin_checking(&p) &&
              staff_pin_length(&p) == 0 && a.len == 4,
          "begin: CHECKING, the digits moved into the attempt");
    struct staff_pin_attempt other = {.len = 99};
    CHECK(staff_pin_type(&p, '1', 100).result == STAFF_PIN_CHECKING &&
              staff_pin_backspace(&p, 100).result == STAFF_PIN_CHECKING &&
              staff_pin_submit_begin(&p, 100, &other).result ==
                  STAFF_PIN_CHECKING &&
              other.len == 99 && staff_pin_length(&p) == 0,
          "while checking, typing and a second submit are refused and "
          "touch nothing");
    CHECK(staff_pin_submit(&p, 100).result == STAFF_PIN_CHECKING &&
              staff_pin_checking(&p),
          "a synchronous submit meanwhile does not end the one under way");
    staff_pin_attempt_run(&a);
    o = staff_pin_submit_end(&p, &a, 150);
    CHECK(o.result == STAFF_PIN_CORRECT && !staff_pin_checking(&p),
          "end: CORRECT (%s)", staff_pin_result_name(o.result));

    for (const char *c = "1111"; *c; c++)
        staff_pin_type(&p, *c, 200);
    staff_pin_submit_begin(&p, 200, &a);
    staff_pin_attempt_run(&a);
    o = staff_pin_submit_end(&p, &a, 250);
    CHECK(o.result == STAFF_PIN_WRONG && o.attempts_left == 2,
          "a wrong one is counted at its end: %d left", o.attempts_left);
    for (const char *c = "1357"; *c; c++)
        staff_pin_type(&p, *c, 300);
    staff_pin_submit_begin(&p, 300, &a);
    staff_pin_attempt_run(&a);
    a.derived = false; /* as when libargon2 could not get its memory */
    a.error = "Memory allocation error";
    o = staff_pin_submit_end(&p, &a, 350);
    CHECK(o.result == STAFF_PIN_FAILED && o.attempts_left == 2 &&
              !staff_pin_checking(&p),
          "a check that could not be made is FAILED, neither opens nor "
          "counts (%d left)", o.attempts_left);
}

static void test_lockout_state(void)
{
    struct staff_pin_hash h;
    struct staff_pin p;
    if (!pin_1357(&h, &p))
        return;
    try_pin(&p, "0000", 1000, NULL);
    try_pin(&p, "0000", 1000, NULL);
    struct staff_pin_lockout l = staff_pin_lockout_get(&p, 1000);
    CHECK(l.fails == 2 && l.locked_ms == 0, "two wrong: %d, %u", l.fails,
          l.locked_ms);
    try_pin(&p, "0000", 2000, NULL);
    l = staff_pin_lockout_get(&p, 12000);
    CHECK(l.fails == 3 && l.locked_ms == 50000,
          "locked, 50 s left after 10 s: %d, %u", l.fails, l.locked_ms);
    l = staff_pin_lockout_get(&p, 62000);
    CHECK(l.fails == 0 && l.locked_ms == 0,
          "after the minute, before any call lifts it: nothing");

    struct staff_pin q;
    staff_pin_init(&q, &h);
    staff_pin_lockout_set(&q, (struct staff_pin_lockout){3, 30000}, 500);
    CHECK(staff_pin_locked_ms(&q, 500) == 30000 &&
              try_pin(&q, "1357", 29000, NULL) == STAFF_PIN_LOCKED &&
              try_pin(&q, "1357", 30500, NULL) == STAFF_PIN_CORRECT,
          "a kept lock goes on for what it had left, then lets the PIN in");
    staff_pin_lockout_set(&q, (struct staff_pin_lockout){0, 999999}, 0);
    CHECK(staff_pin_locked_ms(&q, 0) == STAFF_PIN_LOCKOUT_MS,
          "a kept lock never lasts more than a minute");
    staff_pin_lockout_set(&q, (struct staff_pin_lockout){9, 0}, 0);
    struct staff_pin_outcome o;
    CHECK(try_pin(&q, "0000", 0, &o) == STAFF_PIN_WRONG &&
              o.locked_ms == STAFF_PIN_LOCKOUT_MS,
          "a kept count of 9 without a lock is 2: the next wrong one locks");
    staff_pin_lockout_set(&q, (struct staff_pin_lockout){1, 0}, 0);
    CHECK(try_pin(&q, "0000", 0, &o) == STAFF_PIN_WRONG &&
              o.attempts_left == 1,
          "a kept count of 1: one wrong more leaves one try");
}

/* ---- the lock-out's file ------------------------------------------------- */

static void test_lockout_file_text(void)
{
    struct staff_lockout_record r = {2, 0}, back;
    char text[STAFF_LOCKOUT_TEXT_MAX];
    staff_lockout_format(&r, text, sizeof text);
    CHECK(strcmp(text, "fails: 2\nlocked-at: 0\n") == 0 &&
              staff_lockout_parse(text, strlen(text), &back) &&
              back.fails == 2 && back.locked_at_ms == 0,
          "the text: %s", text);
    r = (struct staff_lockout_record){3, 1735689600123};
    staff_lockout_format(&r, text, sizeof text);
    CHECK(staff_lockout_parse(text, strlen(text), &back) && back.fails == 3 &&
              back.locked_at_ms == 1735689600123,
          "a lock round-trips: %s", text);
    static const char *const damaged[] = {
        "",
        "fails: 1\n",
        "fails: 1\nlocked-at: 0",
        "fails: 1\nlocked-at: 0\n\n",
        "fails: 1\nlocked-at: 0\nfails: 2\n",
        "fails: 4\nlocked-at: 0\n",
        "fails: 3\nlocked-at: 0\n",
        "fails: 2\nlocked-at: 1735689600123\n",
        "fails: -1\nlocked-at: 0\n",
        "fails:1\nlocked-at: 0\n",
        "Fails: 1\nlocked-at: 0\n",
        "locked-at: 0\nfails: 1\n",
        "fails: 1\r\nlocked-at: 0\r\n",
        "fails: 3\nlocked-at: 12345678901234567890\n",
        "fails: 12\nlocked-at: 0\n",
    };
    int accepted = 0;
    for (size_t i = 0; i < sizeof damaged / sizeof *damaged; i++) {
        bool ok = staff_lockout_parse(damaged[i], strlen(damaged[i]), &back);
        if (ok)
            fprintf(stderr, "accepted as good: \"%s\"\n", damaged[i]);
        accepted += ok;
    }
    CHECK(accepted == 0, "every damaged text is refused");

    int64_t now = 1800000000000;
    struct staff_lockout_record locked = {3, now - 20000};
    struct staff_pin_lockout l =
        staff_lockout_from_record(&locked, false, now);
    CHECK(l.fails == 3 && l.locked_ms == 40000,
          "locked 20 s ago: 40 s left (%u)", l.locked_ms);
    locked.locked_at_ms = now - 60000;
    l = staff_lockout_from_record(&locked, false, now);
    CHECK(l.fails == 0 && l.locked_ms == 0, "locked a minute ago: over");
    locked.locked_at_ms = now + 3600000;
    l = staff_lockout_from_record(&locked, false, now);
    CHECK(l.fails == 3 && l.locked_ms == STAFF_PIN_LOCKOUT_MS,
          "locked in the future (the clock was set back): a full minute, "
          "not an hour (%u)", l.locked_ms);
    l = staff_lockout_from_record(&(struct staff_lockout_record){0, 0}, true,
                                  now);
    CHECK(l.fails == 3 && l.locked_ms == STAFF_PIN_LOCKOUT_MS,
          "damaged: a full lock-out");
    l = staff_lockout_from_record(&(struct staff_lockout_record){2, 0}, false,
                                  now);
    CHECK(l.fails == 2 && l.locked_ms == 0, "two wrong, no lock");
    r = staff_lockout_to_record((struct staff_pin_lockout){3, 45000}, now);
    CHECK(r.fails == 3 && r.locked_at_ms == now - 15000,
          "45 s left now: the lock began 15 s ago");
    r = staff_lockout_to_record((struct staff_pin_lockout){1, 0}, now);
    CHECK(r.fails == 1 && r.locked_at_ms == 0, "one wrong, no lock");
}

/* ---- the controller ------------------------------------------------------ */

static struct text_fonts *fonts;
static char dir[] = "/tmp/kiosk-test-pin-XXXXXX";

static bool start(struct staff_drive *d, const char *line, const char *state,
                  bool simulated, enum text_lang lang)
{
    struct staff_setup setup = {.state_dir = state, .content_dir = "content",
                                .simulated_clock = simulated};
    return staff_drive_start(d, fonts, &setup, line, lang, 1280, 800);
}

static const char *str_of(json_t *j, const char *key)
{
    const char *v = json_string_value(json_object_get(j, key));
    return v ? v : "";
}

static long locked_ms(struct staff_drive *d)
{
    json_t *j = staff_drive_state(d);
    long ms = (long)json_integer_value(json_object_get(j, "locked_ms"));
    json_decref(j);
    return ms;
}

/* Types the PIN and taps OK; the ms the tap on OK took.  On a simulated
 * clock the next tick brings the outcome. */
static double enter(struct staff_drive *d, const char *pin)
{
    char id[32];
    for (const char *c = pin; *c; c++) {
        snprintf(id, sizeof id, "staff:key:%c", *c);
        staff_drive_tap(d, id);
    }
    double ms = staff_drive_tap(d, "staff:pin:ok");
    staff_tick(d->s, d->t);
    return ms;
}

/* The check is over: the keys are back, or the panel is open. */
static bool checked(struct staff_drive *d)
{
    return staff_drive_has(d, "staff:key:1") ||
           staff_drive_has(d, "staff:tab:diag");
}

static void test_check_off_the_loop(void)
{
    /* The default costs: the check is long enough to see it run. */
    char line[STAFF_PIN_HASH_TEXT_MAX];
    uint8_t salt[16] = {7, 7, 7};
    CHECK(staff_pin_hash_make("2468", salt, sizeof salt, line, sizeof line),
          "made");
    struct staff_drive d;
    if (!start(&d, line, NULL, false, TEXT_LANG_EN))
        return;
    double tap_ms = enter(&d, "2468");
    json_t *j = staff_drive_state(&d);
    CHECK(strcmp(str_of(j, "view"), "pin") == 0 &&
              strcmp(str_of(j, "message"), "Checking the PIN…") == 0 &&
              !staff_drive_has(&d, "staff:pin:ok") &&
              !staff_drive_has(&d, "staff:key:5") &&
              staff_drive_has(&d, "staff:pin:cancel"),
          "after OK the keypad says it is checking, keys and OK off (%s: "
          "%s)", str_of(j, "view"), str_of(j, "message"));
    json_decref(j);
    int wait = staff_wait_ms(d.s, d.t);
    CHECK(wait >= 0 && wait <= 16, "it asks for a tick soon: %d ms", wait);
    double t0 = staff_drive_now_ms();
    staff_drive_until(&d, checked, 10000);
    double check_ms = staff_drive_now_ms() - t0;
    j = staff_drive_state(&d);
    CHECK(strcmp(str_of(j, "view"), "panel") == 0 &&
              strcmp(str_of(j, "message"), "") == 0,
          "then the panel opens, with no notice for an argon2id line");
    json_decref(j);
    /* The tap came back before the check ended: it was not on the loop. */
    CHECK(tap_ms >= 0 && tap_ms < check_ms,
          "the tap on OK took %.1f ms, the check %.0f ms", tap_ms, check_ms);
    printf("test_pin: the tap on OK %.1f ms; the panel opened %.0f ms "
           "later\n", tap_ms, check_ms);
    staff_drive_end(&d);

    /* Closed while checking: the outcome is counted, never shown. */
    if (!start(&d, line, NULL, false, TEXT_LANG_EN))
        return;
    enter(&d, "1111");
    staff_drive_tap(&d, "staff:pin:cancel");
    staff_open(d.s, d.t);
    staff_drive_until(&d, checked, 10000);
    j = staff_drive_state(&d);
    CHECK(strcmp(str_of(j, "view"), "pin") == 0 &&
              strcmp(str_of(j, "message"), "") == 0,
          "a check from before the keypad closed does not show on the "
          "reopened one (%s)", str_of(j, "message"));
    json_decref(j);
    enter(&d, "2222");
    staff_drive_until(&d, checked, 10000);
    j = staff_drive_state(&d);
    CHECK(strstr(str_of(j, "message"), "1 tries left") != NULL,
          "but it was counted: %s", str_of(j, "message"));
    json_decref(j);
    staff_drive_end(&d);
}

/* The lock-out file's text, written as the program writes it. */
static void put(const char *path, const char *text)
{
    char err[512];
    CHECK(file_replace(path, text, strlen(text), 0644, NULL, err, sizeof err),
          "%s", err);
}

static void test_lockout_kept(void)
{
    char line[STAFF_PIN_HASH_TEXT_MAX], state[600], file[700];
    CHECK(staff_pin_hash_make_kdf("2468", &CHEAP, SALT8, sizeof SALT8, line,
                                  sizeof line),
          "made");
    snprintf(state, sizeof state, "%s/state", dir);
    mkdir(state, 0755);
    snprintf(file, sizeof file, "%s/" STAFF_LOCKOUT_FILE, state);

    struct staff_drive d;
    if (!start(&d, line, state, true, TEXT_LANG_EN))
        return;
    enter(&d, "1111");
    enter(&d, "1111");
    char *text = check_read_file(file, NULL);
    CHECK(text && strcmp(text, "fails: 2\nlocked-at: 0\n") == 0,
          "two wrong PINs are written down: %s", text ? text : "(none)");
    free(text);
    int64_t before = staff_lockout_wall_ms();
    enter(&d, "1111");
    CHECK(locked_ms(&d) == 60000, "the third locks");
    text = check_read_file(file, NULL);
    struct staff_lockout_record r = {0, 0};
    CHECK(text && staff_lockout_parse(text, strlen(text), &r) &&
              r.fails == 3 && r.locked_at_ms >= before - 1000 &&
              r.locked_at_ms <= staff_lockout_wall_ms(),
          "the lock is written down with its time: %s", text ? text : "");
    free(text);
    staff_drive_end(&d); /* a restart: the exhibit ends ... */

    if (!start(&d, line, state, true, TEXT_LANG_EN)) /* ... and starts */
        return;
    json_t *j = staff_drive_state(&d);
    long left = (long)json_integer_value(json_object_get(j, "locked_ms"));
    CHECK(left > 50000 && left <= 60000 &&
              !staff_drive_has(&d, "staff:key:1") &&
              strstr(str_of(j, "message"), "Try again in"),
          "a new controller on the same state folder is still locked: "
          "%ld ms (%s)", left, str_of(j, "message"));
    json_decref(j);
    d.t += 61000;
    staff_tick(d.s, d.t); /* the keypad closed itself meanwhile */
    staff_open(d.s, d.t);
    enter(&d, "2468");
    j = staff_drive_state(&d);
    CHECK(strcmp(str_of(j, "view"), "panel") == 0,
          "after the minute the PIN opens the panel");
    json_decref(j);
    staff_drive_end(&d);
    text = check_read_file(file, NULL);
    CHECK(text && strcmp(text, "fails: 0\nlocked-at: 0\n") == 0,
          "and the count is written back to 0: %s", text ? text : "");
    free(text);

    /* Two wrong before a restart leave one try after it. */
    put(file, "fails: 2\nlocked-at: 0\n");
    if (start(&d, line, state, true, TEXT_LANG_EN)) {
        enter(&d, "1111");
        CHECK(locked_ms(&d) == 60000,
              "kept: two wrong, then one more locks");
        staff_drive_end(&d);
    }

    /* A damaged file locks, and is written again whole. */
    static const char *const damage[] = {"fails: 0\nlocked-at: 0\nx",
                                         "\x01\x02garbage", ""};
    for (size_t i = 0; i < sizeof damage / sizeof *damage; i++) {
        put(file, damage[i]);
        if (!start(&d, line, state, true, TEXT_LANG_EN))
            return;
        left = locked_ms(&d);
        text = check_read_file(file, NULL);
        CHECK(left == 60000 && text &&
                  staff_lockout_parse(text, strlen(text), &r) && r.fails == 3,
              "damaged (\"%s\"): locked for a minute, the file repaired: %s",
              damage[i], text ? text : "");
        free(text);
        staff_drive_end(&d);
    }
    /* A folder in its place cannot be repaired: locked all the same. */
    remove(file);
    mkdir(file, 0755);
    if (start(&d, line, state, true, TEXT_LANG_EN)) {
        CHECK(locked_ms(&d) == 60000, "a folder named staff-lockout: locked");
        staff_drive_end(&d);
    }
    rmdir(file);
    /* No file: nothing wrong yet. */
    if (start(&d, line, state, true, TEXT_LANG_EN)) {
        CHECK(locked_ms(&d) == 0 && staff_drive_has(&d, "staff:key:1"),
              "no file: the keys work");
        staff_drive_end(&d);
    }
}

static void test_legacy_line(void)
{
    /* SHA-256(01 02 03 04 "1234") (test_staff.c). */
    static const char old[] =
        "sha256:01020304:"
        "7c0db194d4b59b16354b8c24789e5891a309ec1f39c380c628ce32d422a577d2";
    static const enum text_lang langs[] = {TEXT_LANG_EN, TEXT_LANG_ZH,
                                           TEXT_LANG_UG};
    for (size_t i = 0; i < 3; i++) {
        struct staff_drive d;
        if (!start(&d, old, NULL, true, langs[i]))
            return;
        enter(&d, "1234");
        json_t *j = staff_drive_state(&d);
        const char *want = ui_staff_text(UI_ST_PIN_OLD_HASH, langs[i]);
        CHECK(strcmp(str_of(j, "view"), "panel") == 0 &&
                  strcmp(str_of(j, "message"), want) == 0 &&
                  strstr(want, "kiosk staff-pin-hash --set"),
              "an old sha256 line still opens the panel, which says to set "
              "the PIN again (lang %zu): %s", i, str_of(j, "message"));
        json_decref(j);
        staff_drive_tap(&d, "staff:tab:stats");
        staff_drive_tap(&d, "staff:tab:diag");
        j = staff_drive_state(&d);
        CHECK(strcmp(str_of(j, "message"), want) == 0,
              "the notice stays while the panel is open");
        json_decref(j);
        staff_drive_end(&d);
    }
}

int main(void)
{
    test_reference_vector();
    test_default_line();
    test_argon2_parse();
    test_make_bounds();
    test_steps();
    test_lockout_state();
    test_lockout_file_text();

    struct diag_list d;
    diag_list_init(&d);
    fonts = text_fonts_load("fonts/manifest.txt", &d);
    diag_list_print(&d, stderr);
    diag_list_fini(&d);
    CHECK(fonts != NULL, "the fonts load");
    if (fonts && mkdtemp(dir)) {
        test_check_off_the_loop();
        test_lockout_kept();
        test_legacy_line();
        char cmd[700];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
        if (system(cmd) != 0)
            CHECK(false, "cleanup");
    }
    text_fonts_destroy(fonts);
    return check_finish("test_pin");
}
