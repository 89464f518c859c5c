/* test_staff.c: the staff panel's building blocks: SHA-256, the corner
 * hold gesture and PIN entry.
 *
 * SHA-256: the FIPS 180-4 / NIST example vectors, lengths around the
 * padding boundaries (digests from an independent implementation), and
 * every split of a message fed incrementally.  Corner hold: scripts of
 * pointer events and ticks on a scripted clock, with the tick that must
 * report the hold (or none), also shifted across the uint32 wrap.  PIN:
 * correct and wrong PINs, lock-out and its end, the hash line's parser
 * with one malformed line per message, and hash_make round trips. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "state/staff_pin.h"
#include "check.h"
#include "core/sha256.h"
#include "input/corner_hold.h"

/* ---- SHA-256 ------------------------------------------------------------- */

static void to_hex(const uint8_t *d, size_t n, char *out)
{
    for (size_t i = 0; i < n; i++)
        snprintf(out + 2 * i, 3, "%02x", d[i]);
}

static void digest_hex(const void *data, size_t n, char out[65])
{
    uint8_t d[SHA256_DIGEST_SIZE];
    sha256(data, n, d);
    to_hex(d, sizeof d, out);
}

static void test_sha_vectors(void)
{
    static const struct {
        const char *msg, *hex;
    } v[] = {
        {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
        {"abc",
         "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
        {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
    };
    char hex[65];
    for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
        digest_hex(v[i].msg, strlen(v[i].msg), hex);
        CHECK(strcmp(hex, v[i].hex) == 0, "sha256(\"%.20s\"): %s", v[i].msg,
              hex);
    }

    /* One million 'a', in one call and in 1000-byte updates. */
    size_t n = 1000000;
    char *a = malloc(n);
    memset(a, 'a', n);
    digest_hex(a, n, hex);
    static const char million[] =
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
    CHECK(strcmp(hex, million) == 0, "a million 'a': %s", hex);
    struct sha256 s;
    uint8_t d[SHA256_DIGEST_SIZE];
    sha256_init(&s);
    for (size_t i = 0; i < n; i += 1000)
        sha256_update(&s, a + i, 1000);
    sha256_final(&s, d);
    to_hex(d, sizeof d, hex);
    CHECK(strcmp(hex, million) == 0, "a million 'a' in pieces: %s", hex);
    free(a);

    /* Around the padding boundaries: 55 bytes fit the length in the same
     * block, 56 do not. */
    static const struct {
        size_t n;
        const char *hex;
    } b[] = {
        {55, "e7313d333c272e639f790978283f9eb392e843d0f29b7016828bb1daa4aac70b"},
        {56, "4324d65f3c103567f5589c710bc08f8523f929a9272e3af36fc968e52abc6c27"},
        {63, "81c80242132f230c3bd41b3e63bbcff16107339549214a99614ff26664625055"},
        {64, "39e3d7b6b5d075d37d053ad89b24b41bef4f3c29760c84447cab3f3be1882241"},
        {65, "aacca6ff74fdbb296d165a45cecfa04e5127bc008770fbbdd48006f2d2fae95e"},
        {119,
         "9ce7368e4daf32341631b492e80359dc9f594b48453cd0dd5bf0b19279cc177e"},
        {120,
         "7836b787757e95e58b3ca5aec90b1b004e8deba1e50e9675af9cabf1a13a04b5"},
        {128,
         "d2742f1f4ac6bb7ca2b239ee18402ba8b3f9f8e652d2a72973c2b9ba11c08cf6"},
    };
    uint8_t msg[128];
    for (size_t i = 0; i < sizeof msg; i++)
        msg[i] = (uint8_t)(i * 7 + 3);
    for (size_t i = 0; i < sizeof b / sizeof *b; i++) {
        digest_hex(msg, b[i].n, hex);
        CHECK(strcmp(hex, b[i].hex) == 0, "%zu bytes: %s", b[i].n, hex);
    }

    /* Every split of 128 bytes into two updates (one of them empty at the
     * ends), and byte by byte, gives the one-shot digest. */
    int bad = 0;
    for (size_t k = 0; k <= sizeof msg; k++) {
        sha256_init(&s);
        sha256_update(&s, msg, k);
        sha256_update(&s, NULL, 0);
        sha256_update(&s, msg + k, sizeof msg - k);
        sha256_final(&s, d);
        to_hex(d, sizeof d, hex);
        bad += strcmp(hex, b[7].hex) != 0;
    }
    CHECK(bad == 0, "every two-part split: %d wrong", bad);
    sha256_init(&s);
    for (size_t i = 0; i < 65; i++)
        sha256_update(&s, msg + i, 1);
    sha256_final(&s, d);
    to_hex(d, sizeof d, hex);
    CHECK(strcmp(hex, b[4].hex) == 0, "65 bytes one at a time: %s", hex);
}

/* ---- corner hold --------------------------------------------------------- */

#define W 1280.0f
#define M INPUT_POINTER_MOUSE

/* 'd' down, 'm' move, 'u' up, 'c' pointer cancel, 't' tick, 'r' reset. */
struct step {
    char op;
    int64_t id;
    float x, y;
    uint32_t t;
};

static const struct hold_script {
    const char *name;
    struct step steps[16];
    int fires_at; /* index of the tick that must return true, or -1 */
} hold_scripts[] = {
    {"both corners, held: fires at exactly 5000 ms",
     {{'d', 1, 10, 10, 0}, {'d', 2, W - 10, 20, 100},
      {'t', 0, 0, 0, 2000}, {'t', 0, 0, 0, 5099}, {'t', 0, 0, 0, 5100},
      {'t', 0, 0, 0, 5101}, {'t', 0, 0, 0, 9000}, {'u', 1, 10, 10, 9100},
      {'u', 2, W - 10, 20, 9200}, {'t', 0, 0, 0, 20000}},
     4},
    {"right corner first, wobbling within the slop",
     {{'d', 7, W - 1, 119, 0}, {'d', 3, 0, 0, 40},
      {'m', 7, W - 20, 105, 1000}, {'m', 3, 16, 16, 3000},
      {'t', 0, 0, 0, 5039}, {'t', 0, 0, 0, 5040}},
     5},
    {"edges: x = 119.9 is inside, the square is half-open",
     {{'d', 1, 119.9f, 119.9f, 0}, {'d', 2, W - 120, 0, 0},
      {'t', 0, 0, 0, 5000}},
     2},
    {"x = 120 is outside the left square",
     {{'d', 1, 120, 10, 0}, {'d', 2, W - 10, 10, 0}, {'t', 0, 0, 0, 5000}},
     -1},
    {"right of the window is not in the right square",
     {{'d', 1, 10, 10, 0}, {'d', 2, W, 10, 0}, {'t', 0, 0, 0, 5000}},
     -1},
    {"left of the window is not in the left square",
     {{'d', 1, -1, 10, 0}, {'d', 2, W - 10, 10, 0}, {'t', 0, 0, 0, 5000}},
     -1},
    {"below the right square",
     {{'d', 1, 10, 10, 0}, {'d', 2, W - 10, 120, 0}, {'t', 0, 0, 0, 5000}},
     -1},
    {"both in the same corner",
     {{'d', 1, 10, 10, 0}, {'d', 2, 60, 60, 0}, {'t', 0, 0, 0, 6000}},
     -1},
    {"one finger alone never fires",
     {{'d', 1, 10, 10, 0}, {'t', 0, 0, 0, 6000}, {'t', 0, 0, 0, 20000}},
     -1},
    {"the mouse alone never fires",
     {{'m', M, 10, 10, 0}, {'d', M, 10, 10, 0}, {'t', 0, 0, 0, 6000},
      {'m', M, W - 10, 10, 6100}, {'t', 0, 0, 0, 20000}},
     -1},
    {"the mouse and one finger do",
     {{'d', M, 10, 10, 0}, {'d', 4, W - 10, 10, 500}, {'t', 0, 0, 0, 5499},
      {'t', 0, 0, 0, 5500}},
     3},
    {"a finger lifted at 4999 ms",
     {{'d', 1, 10, 10, 0}, {'d', 2, W - 10, 10, 0}, {'u', 2, W - 10, 10, 4999},
      {'t', 0, 0, 0, 5000}, {'t', 0, 0, 0, 10000}},
     -1},
    {"lifted and put back: the remaining finger must be lifted too",
     {{'d', 1, 10, 10, 0}, {'d', 2, W - 10, 10, 0}, {'u', 2, W - 10, 10, 1000},
      {'d', 2, W - 10, 10, 1100}, {'t', 0, 0, 0, 6100}, {'t', 0, 0, 0, 9000}},
     -1},
    {"a cancelled pointer",
     {{'d', 1, 10, 10, 0}, {'d', 2, W - 10, 10, 0}, {'c', 1, 10, 10, 2000},
      {'t', 0, 0, 0, 5000}},
     -1},
    {"moving to the slop",
     {{'d', 1, 10, 10, 0}, {'d', 2, W - 10, 10, 0}, {'m', 1, 34, 10, 3000},
      {'m', 1, 10, 10, 3100}, {'t', 0, 0, 0, 5000}},
     -1},
    {"moving just inside the slop",
     {{'d', 1, 10, 10, 0}, {'d', 2, W - 10, 10, 0},
      {'m', 2, W - 10, 33.9f, 3000}, {'t', 0, 0, 0, 5000}},
     3},
    {"a third finger",
     {{'d', 1, 10, 10, 0}, {'d', 2, W - 10, 10, 0}, {'d', 3, 600, 400, 2000},
      {'u', 3, 600, 400, 2100}, {'t', 0, 0, 0, 5000}, {'t', 0, 0, 0, 9000}},
     -1},
    {"a finger already down elsewhere first",
     {{'d', 9, 600, 400, 0}, {'d', 1, 10, 10, 10}, {'d', 2, W - 10, 10, 20},
      {'t', 0, 0, 0, 6000}},
     -1},
    {"a new attempt after all are up",
     {{'d', 1, 10, 10, 0}, {'d', 2, W - 10, 10, 0}, {'m', 1, 80, 10, 100},
      {'u', 1, 80, 10, 200}, {'u', 2, W - 10, 10, 300},
      {'d', 5, 10, 10, 400}, {'d', 6, W - 10, 10, 450},
      {'t', 0, 0, 0, 5449}, {'t', 0, 0, 0, 5450}},
     8},
    {"late tick: an UP after the deadline still reports the hold",
     {{'d', 1, 10, 10, 0}, {'d', 2, W - 10, 10, 0}, {'u', 1, 10, 10, 5200},
      {'u', 2, W - 10, 10, 5300}, {'t', 0, 0, 0, 5400},
      {'t', 0, 0, 0, 5500}},
     4},
    {"fires once, then needs all fingers up",
     {{'d', 1, 10, 10, 0}, {'d', 2, W - 10, 10, 0}, {'t', 0, 0, 0, 5000},
      {'u', 2, W - 10, 10, 6000}, {'d', 2, W - 10, 10, 6100},
      {'t', 0, 0, 0, 11100}, {'t', 0, 0, 0, 30000}},
     2},
    {"reset forgets the attempt",
     {{'d', 1, 10, 10, 0}, {'d', 2, W - 10, 10, 0}, {'r', 0, 0, 0, 100},
      {'t', 0, 0, 0, 5000}, {'u', 1, 10, 10, 5100},
      {'d', 3, 10, 10, 5200}, {'d', 4, W - 10, 10, 5200},
      {'t', 0, 0, 0, 10200}},
     7},
    {"a DOWN for a pointer already down spoils it",
     {{'d', 1, 10, 10, 0}, {'d', 2, W - 10, 10, 0}, {'d', 2, W - 10, 10, 50},
      {'t', 0, 0, 0, 5050}},
     -1},
};

/* Runs a script with every time shifted by `base`; returns the index of
 * the step whose tick returned true (-2 if more than one did) or -1. */
static int run_hold(const struct hold_script *sc, uint32_t base)
{
    struct corner_hold h;
    input_corner_hold_init(&h, NULL);
    int fired = -1;
    for (int i = 0; i < 16 && sc->steps[i].op; i++) {
        const struct step *st = &sc->steps[i];
        uint32_t t = base + st->t;
        if (st->op == 't') {
            if (input_corner_hold_tick(&h, t))
                fired = fired == -1 ? i : -2;
        } else if (st->op == 'r') {
            input_corner_hold_reset(&h);
        } else {
            enum input_pointer_kind k =
                st->op == 'd'   ? INPUT_POINTER_DOWN
                : st->op == 'm' ? INPUT_POINTER_MOVE
                : st->op == 'u' ? INPUT_POINTER_UP
                                : INPUT_POINTER_CANCEL;
            struct input_pointer_event ev = {k, st->id, st->x, st->y, t};
            input_corner_hold_feed(&h, &ev, W);
        }
    }
    return fired;
}

static void test_hold_scripts(void)
{
    static const uint32_t bases[] = {0, 1000000u, 4294967040u,
                                     4294967295u - 2500u};
    for (size_t i = 0; i < sizeof hold_scripts / sizeof *hold_scripts; i++)
        for (size_t b = 0; b < sizeof bases / sizeof *bases; b++) {
            int got = run_hold(&hold_scripts[i], bases[b]);
            CHECK(got == hold_scripts[i].fires_at,
                  "%s (from %u): fired at step %d, expected %d",
                  hold_scripts[i].name, bases[b], got,
                  hold_scripts[i].fires_at);
        }
}

static void test_hold_deadline(void)
{
    struct corner_hold h;
    struct input_corner_hold_config c = {.corner_px = 80, .slop_px = 10,
                                   .hold_ms = 3000};
    input_corner_hold_init(&h, &c);
    uint32_t at = 0, t0 = 4294967295u - 1000u; /* wraps during the hold */
    CHECK(!input_corner_hold_deadline(&h, &at), "no deadline when idle");
    struct input_pointer_event ev = {INPUT_POINTER_DOWN, 1, 5, 5, t0};
    input_corner_hold_feed(&h, &ev, 800);
    CHECK(!input_corner_hold_deadline(&h, &at), "no deadline with one finger");
    ev = (struct input_pointer_event){INPUT_POINTER_DOWN, 2, 750, 5, t0 + 10};
    input_corner_hold_feed(&h, &ev, 800);
    /* 750 is in the right square of an 800 px window with 80 px corners;
     * it would not be with the default 120 px in a wider window. */
    CHECK(input_corner_hold_deadline(&h, &at) && at == t0 + 3010u,
          "deadline at the second DOWN + hold_ms across the wrap: %u", at);
    CHECK(!input_corner_hold_tick(&h, at - 1), "not 1 ms before");
    CHECK(input_corner_hold_deadline(&h, &at), "still due");
    CHECK(input_corner_hold_tick(&h, at), "fires at the deadline");
    CHECK(!input_corner_hold_deadline(&h, &at), "no deadline once reported");
    CHECK(!input_corner_hold_tick(&h, at + 100000), "never again");

    /* A finger at x = 700 is outside the 80 px square of an 800 px
     * window: the window width given with the event counts. */
    input_corner_hold_init(&h, &c);
    ev = (struct input_pointer_event){INPUT_POINTER_DOWN, 1, 5, 5, 0};
    input_corner_hold_feed(&h, &ev, 800);
    ev = (struct input_pointer_event){INPUT_POINTER_DOWN, 2, 700, 5, 0};
    input_corner_hold_feed(&h, &ev, 800);
    CHECK(!input_corner_hold_deadline(&h, &at) && !input_corner_hold_tick(&h, 5000),
          "x = 700 is not in the corner of an 800 px window");
    ev = (struct input_pointer_event){INPUT_POINTER_UP, 1, 5, 5, 6000};
    input_corner_hold_feed(&h, &ev, 800);
    ev = (struct input_pointer_event){INPUT_POINTER_UP, 2, 700, 5, 6000};
    input_corner_hold_feed(&h, &ev, 800);
    ev = (struct input_pointer_event){INPUT_POINTER_DOWN, 1, 5, 5, 7000};
    input_corner_hold_feed(&h, &ev, 720);
    ev = (struct input_pointer_event){INPUT_POINTER_DOWN, 2, 700, 5, 7000};
    input_corner_hold_feed(&h, &ev, 720);
    CHECK(input_corner_hold_deadline(&h, &at) && at == 10000 &&
              input_corner_hold_tick(&h, 10000),
          "but it is in a 720 px window's");

    /* Not finite: spoils. */
    input_corner_hold_init(&h, NULL);
    ev = (struct input_pointer_event){INPUT_POINTER_DOWN, 1, 5, 5, 0};
    input_corner_hold_feed(&h, &ev, W);
    ev = (struct input_pointer_event){INPUT_POINTER_DOWN, 2, W - 5, 5, 0};
    input_corner_hold_feed(&h, &ev, W);
    ev = (struct input_pointer_event){INPUT_POINTER_MOVE, 2, W - 5,
                                      strtof("nan", NULL), 10};
    input_corner_hold_feed(&h, &ev, W);
    CHECK(!input_corner_hold_tick(&h, 6000), "a NaN position spoils the hold");
}

/* ---- PIN ----------------------------------------------------------------- */

static const uint8_t SALT[] = {0x01, 0x02, 0x03, 0x04};
/* SHA-256(01 02 03 04 "1234"), from an independent implementation. */
static const char HASH_1234[] =
    "sha256:01020304:"
    "7c0db194d4b59b16354b8c24789e5891a309ec1f39c380c628ce32d422a577d2";

static struct staff_pin_outcome type_pin(struct staff_pin *p,
                                         const char *digits, uint32_t t)
{
    struct staff_pin_outcome o = {STAFF_PIN_IGNORED, 0, 0};
    for (const char *c = digits; *c; c++)
        o = staff_pin_type(p, *c, t);
    return o;
}

static enum staff_pin_result try_pin(struct staff_pin *p, const char *pin,
                                     uint32_t t,
                                     struct staff_pin_outcome *out)
{
    type_pin(p, pin, t);
    struct staff_pin_outcome o = staff_pin_submit(p, t);
    if (out)
        *out = o;
    return o.result;
}

/* The old form, which the kiosk still verifies (test_pin.c: argon2id). */
static bool make_sha256(const char *pin, const uint8_t *salt, size_t n,
                        char *out, size_t out_size)
{
    static const struct staff_pin_kdf sha = {STAFF_PIN_KDF_SHA256, 0, 0, 0,
                                             SHA256_DIGEST_SIZE};
    return staff_pin_hash_make_kdf(pin, &sha, salt, n, out, out_size);
}

static void test_hash_make(void)
{
    char line[STAFF_PIN_HASH_TEXT_MAX];
    CHECK(make_sha256("1234", SALT, sizeof SALT, line, sizeof line) &&
              strcmp(line, HASH_1234) == 0,
          "hash_make of 1234: %s", line);
    static const uint8_t salt6[] = {0xde, 0xad, 0xbe, 0xef, 0x00, 0xff};
    CHECK(make_sha256("20261127", salt6, sizeof salt6, line,
                              sizeof line) &&
              strcmp(line, "sha256:deadbeef00ff:ad64ac5a9bebf886e85bbf67f392"
                           "cff9d4d46ba0f879d740995ce98e5ae425bf") == 0,
          "hash_make of an 8-digit PIN: %s", line);

    /* Round trip through the parser and entry. */
    struct staff_pin_hash h;
    char err[160];
    CHECK(staff_pin_hash_parse(line, &h, err, sizeof err) &&
              h.salt_len == 6 && memcmp(h.salt, salt6, 6) == 0,
          "the made line parses: %s", err);
    struct staff_pin p;
    staff_pin_init(&p, &h);
    CHECK(try_pin(&p, "20261127", 0, NULL) == STAFF_PIN_CORRECT,
          "the made line opens with its PIN");
    CHECK(try_pin(&p, "20261128", 0, NULL) == STAFF_PIN_WRONG,
          "and not with another");
    uint8_t big[STAFF_PIN_SALT_MAX];
    for (size_t i = 0; i < sizeof big; i++)
        big[i] = (uint8_t)(255 - i);
    CHECK(make_sha256("0000", big, sizeof big, line, sizeof line) &&
              strlen(line) == 7 + 2 * 64 + 1 + 64 &&
              staff_pin_hash_parse(line, &h, err, sizeof err) &&
              h.salt_len == sizeof big && memcmp(h.salt, big, sizeof big) == 0,
          "the largest salt fits STAFF_PIN_HASH_TEXT_MAX and round-trips");
    staff_pin_init(&p, &h);
    CHECK(try_pin(&p, "0000", 0, NULL) == STAFF_PIN_CORRECT,
          "PIN 0000 with the largest salt");

    static const char *bad_pins[] = {"123", "123456789", "12a4", "", " 1234"};
    for (size_t i = 0; i < sizeof bad_pins / sizeof *bad_pins; i++)
        CHECK(!make_sha256(bad_pins[i], SALT, sizeof SALT, line,
                                   sizeof line) &&
                  line[0] == '\0',
              "hash_make refuses PIN \"%s\"", bad_pins[i]);
    CHECK(!make_sha256("1234", SALT, 0, line, sizeof line),
          "hash_make refuses an empty salt");
    CHECK(!make_sha256("1234", big, sizeof big + 0, line, 100),
          "hash_make refuses a buffer too small");
    CHECK(make_sha256("1234", SALT, sizeof SALT, line,
                              strlen(HASH_1234) + 1) &&
              !make_sha256("1234", SALT, sizeof SALT, line,
                                   strlen(HASH_1234)),
          "hash_make needs exactly the line and its NUL");
}

#define PREFIX_MSG                                                           \
    "the staff PIN hash must start with \"argon2id:\" (or the old "          \
    "\"sha256:\")"

static void test_hash_parse(void)
{
    static const char D64[] =
        "7c0db194d4b59b16354b8c24789e5891a309ec1f39c380c628ce32d422a577d2";
    char buf[512];
    struct staff_pin_hash h;
    char err[160];

    CHECK(staff_pin_hash_parse(HASH_1234, &h, err, sizeof err) &&
              err[0] == '\0' && h.salt_len == 4 &&
              memcmp(h.salt, SALT, 4) == 0 && h.digest[0] == 0x7c &&
              h.digest[31] == 0xd2,
          "a good line parses");
    snprintf(buf, sizeof buf, "sha256:0A0b:%s", "7C0DB194D4B59B16354B8C24789E"
             "5891A309EC1F39C380C628CE32D422A577D2");
    CHECK(staff_pin_hash_parse(buf, &h, err, sizeof err) &&
              h.salt[0] == 0x0a && h.salt[1] == 0x0b && h.digest[0] == 0x7c,
          "upper-case hex parses");

    static const struct {
        const char *fmt; /* %s: the good 64-digit digest */
        const char *msg;
    } bad[] = {
        {"%.0s", "the staff PIN hash is empty"},
        {"sha1:01020304:%s", PREFIX_MSG},
        {"SHA256:01020304:%s", PREFIX_MSG},
        {" sha256:01020304:%s", PREFIX_MSG},
        {"sha256:01020304%s", "the staff PIN hash has no ':' between salt"},
        {"sha256:01:02:%s",
         "the staff PIN hash has more than three ':'-separated fields"},
        {"sha256::%s", "the salt is empty"},
        {"sha256:010:%s", "the salt has an odd number of hex digits (3)"},
        {"sha256:01g3:%s",
         "the salt has 'g' at position 3, not a hex digit"},
        {"sha256:01 3:%s",
         "the salt has byte 0x20 at position 3, not a hex digit"},
        {"sha256:01020304:%s0",
         "the digest has an odd number of hex digits (65)"},
        {"sha256:01020304:%s00", "the digest has 33 bytes, expected 32"},
        {"sha256:01020304:%.62s", "the digest has 31 bytes, expected 32"},
        {"sha256:01020304:%.0s", "the digest has 0 bytes, expected 32"},
        {"sha256:01020304:%s\n",
         "the digest has byte 0x0a at position 65, not a hex digit"},
        {"sha256:01020304:%.10sxyz",
         "the digest has 'x' at position 11, not a hex digit"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
        snprintf(buf, sizeof buf, bad[i].fmt, D64);
#pragma GCC diagnostic pop
        memset(&h, 0xaa, sizeof h);
        struct staff_pin_hash before = h;
        bool ok = staff_pin_hash_parse(buf, &h, err, sizeof err);
        CHECK(!ok && strncmp(err, bad[i].msg, strlen(bad[i].msg)) == 0 &&
                  memcmp(&h, &before, sizeof h) == 0,
              "\"%s\": %s", buf, err);
    }
    /* A salt longer than the maximum. */
    size_t n = 0;
    n += (size_t)snprintf(buf, sizeof buf, "sha256:");
    for (int i = 0; i < STAFF_PIN_SALT_MAX + 1; i++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, "ab");
    snprintf(buf + n, sizeof buf - n, ":%s", D64);
    CHECK(!staff_pin_hash_parse(buf, &h, err, sizeof err) &&
              strcmp(err, "the salt has 65 bytes, expected 1 to 64") == 0,
          "a 65-byte salt: %s", err);
    CHECK(!staff_pin_hash_parse(NULL, &h, NULL, 0),
          "NULL text, no error buffer");
    char tiny[8];
    CHECK(!staff_pin_hash_parse("md5:00:00", &h, tiny, sizeof tiny) &&
              strlen(tiny) == sizeof tiny - 1,
          "a short error buffer gets a truncated message: \"%s\"", tiny);
}

static struct staff_pin pin_1234(void)
{
    struct staff_pin_hash h;
    char err[160];
    bool ok = staff_pin_hash_parse(HASH_1234, &h, err, sizeof err);
    CHECK(ok, "HASH_1234 parses: %s", err);
    struct staff_pin p;
    staff_pin_init(&p, &h);
    return p;
}

static void test_pin_entry(void)
{
    struct staff_pin p = pin_1234();
    struct staff_pin_outcome o;

    CHECK(try_pin(&p, "1234", 100, &o) == STAFF_PIN_CORRECT &&
              o.attempts_left == 3 && staff_pin_length(&p) == 0,
          "1234 is correct and the digits are wiped");
    CHECK(try_pin(&p, "4321", 200, &o) == STAFF_PIN_WRONG &&
              o.attempts_left == 2 && o.locked_ms == 0 &&
              staff_pin_length(&p) == 0,
          "4321 is wrong, 2 left");
    CHECK(try_pin(&p, "12340", 300, &o) == STAFF_PIN_WRONG,
          "a longer PIN with the right prefix is wrong");
    CHECK(try_pin(&p, "123", 300, &o) == STAFF_PIN_WRONG &&
              o.attempts_left == 0 && o.locked_ms == 60000,
          "the third wrong one locks for 60 s: %u", o.locked_ms);
    CHECK(staff_pin_locked_ms(&p, 300) == 60000 &&
              staff_pin_locked_ms(&p, 30300) == 30000,
          "locked_ms counts down");

    o = staff_pin_type(&p, '1', 30300);
    CHECK(o.result == STAFF_PIN_LOCKED && o.locked_ms == 30000 &&
              staff_pin_length(&p) == 0,
          "typing while locked: %s, %u ms", staff_pin_result_name(o.result),
          o.locked_ms);
    o = staff_pin_submit(&p, 60299);
    CHECK(o.result == STAFF_PIN_LOCKED && o.locked_ms == 1,
          "submitting 1 ms before the end: %s, %u ms",
          staff_pin_result_name(o.result), o.locked_ms);
    CHECK(staff_pin_backspace(&p, 40000).result == STAFF_PIN_LOCKED,
          "backspace while locked");
    CHECK(try_pin(&p, "1234", 60299, &o) == STAFF_PIN_LOCKED,
          "even the right PIN is refused while locked");

    CHECK(staff_pin_locked_ms(&p, 60300) == 0, "unlocked at 60 s");
    CHECK(try_pin(&p, "1111", 60300, &o) == STAFF_PIN_WRONG &&
              o.attempts_left == 2 && o.locked_ms == 0,
          "after the lock, the count starts again: %d left",
          o.attempts_left);
    CHECK(try_pin(&p, "2222", 60400, &o) == STAFF_PIN_WRONG &&
              o.attempts_left == 1,
          "second wrong after the lock");
    CHECK(try_pin(&p, "1234", 60500, &o) == STAFF_PIN_CORRECT &&
              o.attempts_left == 3,
          "a correct PIN resets the count");
    CHECK(try_pin(&p, "3333", 60600, NULL) == STAFF_PIN_WRONG &&
              try_pin(&p, "4444", 60700, &o) == STAFF_PIN_WRONG &&
              o.locked_ms == 0 && o.attempts_left == 1,
          "two wrong after a correct one do not lock");
    CHECK(try_pin(&p, "5555", 60800, &o) == STAFF_PIN_WRONG &&
              o.locked_ms == 60000,
          "the third does");
}

static void test_pin_editing(void)
{
    struct staff_pin p = pin_1234();
    struct staff_pin_outcome o;

    CHECK(staff_pin_submit(&p, 0).result == STAFF_PIN_EMPTY,
          "submitting nothing");
    CHECK(try_pin(&p, "", 0, &o) == STAFF_PIN_EMPTY && o.attempts_left == 3,
          "is not counted");
    CHECK(staff_pin_backspace(&p, 0).result == STAFF_PIN_IGNORED,
          "backspace with nothing typed");
    CHECK(staff_pin_type(&p, 'a', 0).result == STAFF_PIN_IGNORED &&
              staff_pin_type(&p, ' ', 0).result == STAFF_PIN_IGNORED &&
              staff_pin_length(&p) == 0,
          "only digits are typed");
    o = type_pin(&p, "123456789", 0);
    CHECK(o.result == STAFF_PIN_IGNORED && staff_pin_length(&p) == 8,
          "at most 8 digits: %d", staff_pin_length(&p));
    CHECK(staff_pin_clear(&p, 0).result == STAFF_PIN_ACCEPTED &&
              staff_pin_length(&p) == 0,
          "clear");
    type_pin(&p, "12399", 0);
    staff_pin_backspace(&p, 0);
    staff_pin_backspace(&p, 0);
    CHECK(staff_pin_type(&p, '4', 0).result == STAFF_PIN_ACCEPTED &&
              staff_pin_submit(&p, 0).result == STAFF_PIN_CORRECT,
          "12399, two backspaces, 4: correct");
    type_pin(&p, "9999", 0);
    staff_pin_clear(&p, 0);
    CHECK(try_pin(&p, "1234", 0, NULL) == STAFF_PIN_CORRECT,
          "cleared digits do not linger");
    type_pin(&p, "12", 0);
    staff_pin_wipe(&p);
    CHECK(staff_pin_length(&p) == 0 &&
              try_pin(&p, "1234", 0, NULL) == STAFF_PIN_CORRECT,
          "wipe");

    /* A correct digest differing in one byte anywhere is wrong. */
    struct staff_pin_hash h;
    char err[160];
    staff_pin_hash_parse(HASH_1234, &h, err, sizeof err);
    int opened = 0;
    for (size_t i = 0; i < SHA256_DIGEST_SIZE; i++) {
        struct staff_pin_hash t = h;
        t.digest[i] ^= 0x01;
        staff_pin_init(&p, &t);
        opened += try_pin(&p, "1234", 0, NULL) != STAFF_PIN_WRONG;
    }
    CHECK(opened == 0, "a one-bit change in any digest byte refuses 1234");
    struct staff_pin_hash t = h;
    t.salt[3] = 0x05;
    staff_pin_init(&p, &t);
    CHECK(try_pin(&p, "1234", 0, NULL) == STAFF_PIN_WRONG,
          "the salt takes part");
}

static void test_pin_no_hash(void)
{
    struct staff_pin p;
    staff_pin_init(&p, NULL);
    struct staff_pin_outcome o;
    int opened = 0;
    static const char *pins[] = {"", "0", "1234", "00000000", "99999999"};
    for (size_t i = 0; i < sizeof pins / sizeof *pins; i++)
        opened += try_pin(&p, pins[i], 0, &o) != STAFF_PIN_NO_HASH;
    CHECK(opened == 0 && o.attempts_left == 3 &&
              staff_pin_length(&p) == 0,
          "without a hash nothing opens, and nothing locks");
}

static void test_pin_wrap(void)
{
    struct staff_pin p = pin_1234();
    struct staff_pin_outcome o;
    uint32_t t = 4294967295u - 20000u;
    try_pin(&p, "0000", t, NULL);
    try_pin(&p, "0000", t, NULL);
    CHECK(try_pin(&p, "0000", t, &o) == STAFF_PIN_WRONG &&
              o.locked_ms == 60000,
          "locked 20 s before the tick wrap");
    CHECK(try_pin(&p, "1234", t + 30000u, &o) == STAFF_PIN_LOCKED &&
              o.locked_ms == 30000,
          "still locked after the wrap: %u ms", o.locked_ms);
    CHECK(try_pin(&p, "1234", t + 59999u, &o) == STAFF_PIN_LOCKED &&
              o.locked_ms == 1,
          "1 ms left");
    CHECK(try_pin(&p, "1234", t + 60000u, &o) == STAFF_PIN_CORRECT,
          "open at exactly 60 s, across the wrap");

    /* Ticks gone backwards (a restarted clock) cannot stretch the lock. */
    try_pin(&p, "0000", 1000000, NULL);
    try_pin(&p, "0000", 1000000, NULL);
    try_pin(&p, "0000", 1000000, NULL);
    CHECK(staff_pin_locked_ms(&p, 1000000) == 60000 &&
              staff_pin_locked_ms(&p, 10) == 0 &&
              try_pin(&p, "1234", 10, NULL) == STAFF_PIN_CORRECT,
          "a lock never lasts longer than 60 s");
}

int main(void)
{
    test_sha_vectors();
    test_hold_scripts();
    test_hold_deadline();
    test_hash_make();
    test_hash_parse();
    test_pin_entry();
    test_pin_editing();
    test_pin_no_hash();
    test_pin_wrap();
    return check_finish("test_staff");
}
