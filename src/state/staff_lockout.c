/* staff_lockout.c: the lock-out's file in the state folder (see
 * staff_lockout.h).  The text is parsed strictly -- exactly the two lines
 * staff_lockout_format writes -- since anything else is damage, which
 * locks. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/log.h"
#include "state/file_replace.h"
#include "state/staff_lockout.h"

/* Reads "KEY: DIGITS\n" at *s (at most `max_digits` digits). */
static bool number_line(const char **s, const char *end, const char *key,
                        int max_digits, int64_t *out)
{
    size_t k = strlen(key);
    const char *c = *s;
    if ((size_t)(end - c) < k + 2 || memcmp(c, key, k) != 0 ||
        c[k] != ':' || c[k + 1] != ' ')
        return false;
    c += k + 2;
    int64_t v = 0;
    int digits = 0;
    for (; c < end && *c >= '0' && *c <= '9' && digits < max_digits; c++) {
        v = v * 10 + (*c - '0');
        digits++;
    }
    if (digits == 0 || c >= end || *c != '\n')
        return false;
    *s = c + 1;
    *out = v;
    return true;
}

bool staff_lockout_parse(const char *text, size_t len,
                         struct staff_lockout_record *out)
{
    const char *s = text, *end = text + len;
    int64_t fails, at;
    if (!number_line(&s, end, "fails", 1, &fails) ||
        !number_line(&s, end, "locked-at", 18, &at) || s != end ||
        fails > STAFF_PIN_MAX_FAILS ||
        (fails == STAFF_PIN_MAX_FAILS) != (at > 0))
        return false;
    *out = (struct staff_lockout_record){(int)fails, at};
    return true;
}

void staff_lockout_format(const struct staff_lockout_record *r, char *out,
                          size_t out_size)
{
    snprintf(out, out_size, "fails: %d\nlocked-at: %lld\n", r->fails,
             (long long)r->locked_at_ms);
}

struct staff_pin_lockout staff_lockout_from_record(
    const struct staff_lockout_record *r, bool damaged, int64_t now_ms)
{
    struct staff_pin_lockout full = {STAFF_PIN_MAX_FAILS,
                                     STAFF_PIN_LOCKOUT_MS};
    if (damaged)
        return full;
    if (r->locked_at_ms <= 0)
        return (struct staff_pin_lockout){r->fails, 0};
    int64_t gone = now_ms - r->locked_at_ms;
    if (gone < 0) /* the clock was set back: a whole minute, no more */
        return full;
    if (gone >= STAFF_PIN_LOCKOUT_MS)
        return (struct staff_pin_lockout){0, 0};
    full.locked_ms = STAFF_PIN_LOCKOUT_MS - (uint32_t)gone;
    return full;
}

struct staff_lockout_record staff_lockout_to_record(
    struct staff_pin_lockout l, int64_t now_ms)
{
    if (l.locked_ms == 0)
        return (struct staff_lockout_record){
            l.fails < STAFF_PIN_MAX_FAILS ? l.fails : STAFF_PIN_MAX_FAILS - 1,
            0};
    int64_t at = now_ms - (int64_t)(STAFF_PIN_LOCKOUT_MS - l.locked_ms);
    return (struct staff_lockout_record){STAFF_PIN_MAX_FAILS,
                                         at > 0 ? at : 1};
}

int64_t staff_lockout_wall_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void staff_lockout_init(struct staff_lockout *k, const char *state_dir)
{
    *k = (struct staff_lockout){.state_dir = state_dir};
}

static void path_of(const struct staff_lockout *k, char *buf, size_t n)
{
    snprintf(buf, n, "%s/%s", k->state_dir, STAFF_LOCKOUT_FILE);
}

/* Reads the file: false if there is none; *damaged says why it is not
 * usable (into why). */
static bool read_record(const char *path, struct staff_lockout_record *r,
                        bool *damaged, char *why, size_t why_size)
{
    *damaged = false;
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT)
        return false;
    *damaged = true;
    if (fd < 0) {
        snprintf(why, why_size, "%s", strerror(errno));
        return true;
    }
    struct stat st;
    char text[STAFF_LOCKOUT_TEXT_MAX];
    ssize_t n = -1;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
        snprintf(why, why_size, "not a regular file");
    else if ((n = read(fd, text, sizeof text)) < 0)
        snprintf(why, why_size, "%s", strerror(errno));
    else if (n == (ssize_t)sizeof text || !staff_lockout_parse(text,
                                                               (size_t)n, r))
        snprintf(why, why_size, "not two lines 'fails: N', 'locked-at: MS'");
    else
        *damaged = false;
    close(fd);
    return true;
}

static void write_record(struct staff_lockout *k, struct staff_pin_lockout l)
{
    char path[4200], text[STAFF_LOCKOUT_TEXT_MAX], err[512];
    path_of(k, path, sizeof path);
    struct staff_lockout_record r =
        staff_lockout_to_record(l, staff_lockout_wall_ms());
    staff_lockout_format(&r, text, sizeof text);
    if (file_replace(path, text, strlen(text), 0644, NULL, err, sizeof err)) {
        k->kept = l;
        k->damaged = false;
        k->write_failed = false;
        return;
    }
    if (!k->write_failed)
        log_warn("staff", "the staff lock-out is kept in memory only: %s",
                 err);
    k->write_failed = true;
}

void staff_lockout_load(struct staff_lockout *k, struct staff_pin *p,
                        uint32_t now_ms)
{
    if (!k->state_dir || k->loaded)
        return;
    k->loaded = true;
    char path[4200], why[160] = "";
    path_of(k, path, sizeof path);
    struct staff_lockout_record r = {0, 0};
    bool damaged;
    if (!read_record(path, &r, &damaged, why, sizeof why))
        return; /* none: nothing wrong so far */
    struct staff_pin_lockout l =
        staff_lockout_from_record(&r, damaged, staff_lockout_wall_ms());
    staff_pin_lockout_set(p, l, now_ms);
    k->kept = l;
    if (damaged) {
        log_warn("staff", "%s is damaged (%s): the staff keypad is locked "
                 "for %u s", path, why, l.locked_ms / 1000);
        k->damaged = true;
        write_record(k, l);
    } else if (l.locked_ms) {
        log_warn("staff", "the staff keypad is still locked for %u s (kept "
                 "in %s)", (l.locked_ms + 999) / 1000, path);
    } else if (l.fails) {
        log_info("staff", "%d wrong staff PIN%s before the restart", l.fails,
                 l.fails == 1 ? "" : "s");
    }
}

void staff_lockout_note(struct staff_lockout *k, const struct staff_pin *p,
                        uint32_t now_ms)
{
    if (!k->state_dir || !k->loaded)
        return;
    struct staff_pin_lockout l = staff_pin_lockout_get(p, now_ms);
    if (!k->damaged && l.fails == k->kept.fails &&
        (l.locked_ms > 0) == (k->kept.locked_ms > 0))
        return;
    write_record(k, l);
}
