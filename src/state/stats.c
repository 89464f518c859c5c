/* stats.c: anonymous usage statistics, appended one line per session.
 *
 * A line is valid only if stats_format_line would write exactly its bytes:
 * the parser builds a session from the fields through the same recording
 * functions the app uses, formats it again and compares.  So the format
 * has one spelling, and whatever a reader accepts, the writer could have
 * written.  A day file is only ever appended to with one write() per line;
 * a torn last line is closed with a newline before the next one.  A day
 * is read whole or skipped whole: the export holds a day's rows, the
 * summary its totals, until the day's file has been read to its end. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/log.h"
#include "core/xalloc.h"
#include "state/stats.h"

#define DAY_S INT64_C(86400)
#define FIELDS 9
#define DAY_NAME_LEN (STATS_DAY_NAME_SIZE - 1) /* "YYYY-MM-DD.log" */

/* The S1 format's own order for the screens it was made with; every
 * other name follows them in byte order (see stats.h).  Not a list of the
 * app's screens: a name missing here is counted all the same. */
static const char *const s1_order[] = {
    "attract", "home", "reader", "map", "about",
};
#define S1_ORDERED (sizeof s1_order / sizeof *s1_order)

/* ---- errors ------------------------------------------------------------ */

/* Puts the message in `err` and logs it once, at the caller's line. */
#define FAIL(err, size, ...) fail_at((err), (size), __FILE__, __LINE__, \
                                     __VA_ARGS__)

static bool fail_at(char *err, size_t size, const char *file, int line,
                    const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static bool fail_at(char *err, size_t size, const char *file, int line,
                    const char *fmt, ...)
{
    char msg[PATH_MAX + 256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (LOG_LEVEL_WARN <= log_get_level())
        log_write(LOG_LEVEL_WARN, "stats", file, line, "%s", msg);
    if (err && size)
        snprintf(err, size, "%s", msg);
    return false;
}

/* ---- dates ------------------------------------------------------------- */

/* Days since 1970-01-01 -> civil date (H. Hinnant's algorithm). */
static void civil_from_days(int64_t z, int64_t *y, unsigned *m, unsigned *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = (int64_t)yoe + era * 400 + (*m <= 2);
}

static void date_of_day(int64_t day, char out[11])
{
    int64_t y;
    unsigned m, d;
    civil_from_days(day, &y, &m, &d);
    char tmp[64];
    snprintf(tmp, sizeof tmp, "%04" PRId64 "-%02u-%02u", y, m, d);
    memcpy(out, tmp, 10); /* years 0..9999, which is all we are given */
    out[10] = '\0';
}

void stats_utc_date(int64_t t, char out[11])
{
    if (t < 0)
        t = 0;
    if (t > STATS_TIME_MAX)
        t = STATS_TIME_MAX;
    date_of_day(t / DAY_S, out);
}

/* ---- recording --------------------------------------------------------- */

/* 1..size-1 bytes of [a-z0-9.-]: an id or a screen's name. */
static bool name_valid(const char *name, size_t size)
{
    size_t n = 0;
    for (; name[n]; n++) {
        char c = name[n];
        if (n >= size - 1 ||
            !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
              c == '.'))
            return false;
    }
    return n > 0;
}

bool stats_id_valid(const char *id)
{
    return name_valid(id, STATS_ID_SIZE);
}

void stats_session_begin(struct stats_session *s, int64_t now)
{
    memset(s, 0, sizeof *s);
    s->start = now < 0 ? 0 : now > STATS_TIME_MAX ? STATS_TIME_MAX : now;
}

/* Where a name goes in the line: the S1 order, then byte order. */
static int screen_cmp(const char *a, const char *b)
{
    size_t ra = S1_ORDERED, rb = S1_ORDERED;
    for (size_t i = 0; i < S1_ORDERED; i++) {
        ra = strcmp(a, s1_order[i]) == 0 ? i : ra;
        rb = strcmp(b, s1_order[i]) == 0 ? i : rb;
    }
    if (ra != rb)
        return ra < rb ? -1 : 1;
    return ra < S1_ORDERED ? 0 : strcmp(a, b);
}

/* The index of the screen called `name`, or -1. */
static int screen_index(const struct stats_screens *sc, const char *name)
{
    for (uint32_t i = 0; i < sc->count; i++)
        if (strcmp(sc->screen[i].name, name) == 0)
            return (int)i;
    return -1;
}

/* Adds `name` shown `times` (1..UINT16_MAX) at its place in the line's
 * order; false if it is invalid, already there or there is no room. */
static bool screen_add(struct stats_screens *sc, const char *name,
                       uint16_t times)
{
    if (!name_valid(name, STATS_SCREEN_NAME_SIZE) ||
        screen_index(sc, name) >= 0 || sc->count >= STATS_MAX_SCREENS)
        return false;
    uint32_t i = 0;
    while (i < sc->count && screen_cmp(sc->screen[i].name, name) < 0)
        i++;
    memmove(&sc->screen[i + 1], &sc->screen[i],
            (sc->count - i) * sizeof sc->screen[0]);
    memset(&sc->screen[i], 0, sizeof sc->screen[i]);
    memcpy(sc->screen[i].name, name, strlen(name) + 1);
    sc->screen[i].shown = times;
    sc->count++;
    return true;
}

bool stats_session_screen(struct stats_session *s, const char *name)
{
    int i = screen_index(&s->screens, name);
    if (i < 0)
        return screen_add(&s->screens, name, 1);
    if (s->screens.screen[i].shown < UINT16_MAX)
        s->screens.screen[i].shown++;
    return true;
}

unsigned stats_session_shown(const struct stats_session *s, const char *name)
{
    int i = screen_index(&s->screens, name);
    return i < 0 ? 0 : s->screens.screen[i].shown;
}

bool stats_session_lang(struct stats_session *s, const char *code)
{
    enum text_lang l;
    if (!text_lang_parse(code, &l))
        return false;
    if (s->has_lang && s->lang != l)
        s->lang_changed = true;
    s->lang = l;
    s->has_lang = true;
    return true;
}

static bool ids_add(struct stats_ids *ids, const char *id)
{
    if (!stats_id_valid(id))
        return false;
    for (uint32_t i = 0; i < ids->count; i++)
        if (strcmp(ids->id[i], id) == 0)
            return true;
    if (ids->count >= STATS_MAX_IDS)
        return false;
    memcpy(ids->id[ids->count++], id, strlen(id) + 1);
    return true;
}

bool stats_session_place(struct stats_session *s, const char *id)
{
    return ids_add(&s->places, id);
}

bool stats_session_passage(struct stats_session *s, const char *id)
{
    return ids_add(&s->passages, id);
}

void stats_session_end(struct stats_session *s, int64_t now)
{
    int64_t d = now - s->start;
    s->duration_s = d < 0                     ? 0
                    : d > STATS_SESSION_MAX_S ? STATS_SESSION_MAX_S
                                              : (uint32_t)d;
    s->ended = true;
}

/* ---- the line ---------------------------------------------------------- */

static uint32_t crc32(const char *p, size_t n)
{
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++) {
        c ^= (unsigned char)p[i];
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
    }
    return ~c;
}

struct out {
    char *buf;
    size_t size, len;
    bool ok;
};

static void put(struct out *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void put(struct out *o, const char *fmt, ...)
{
    if (!o->ok)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(o->buf + o->len, o->size - o->len, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= o->size - o->len) {
        o->ok = false;
        return;
    }
    o->len += (size_t)n;
}

static bool ids_valid(const struct stats_ids *ids)
{
    if (ids->count > STATS_MAX_IDS)
        return false;
    for (uint32_t i = 0; i < ids->count; i++) {
        if (!memchr(ids->id[i], '\0', STATS_ID_SIZE) ||
            !stats_id_valid(ids->id[i]))
            return false;
        for (uint32_t j = 0; j < i; j++)
            if (strcmp(ids->id[i], ids->id[j]) == 0)
                return false;
    }
    return true;
}

/* Valid names in the line's order, each shown at least once. */
static bool screens_valid(const struct stats_screens *sc)
{
    if (sc->count > STATS_MAX_SCREENS)
        return false;
    for (uint32_t i = 0; i < sc->count; i++) {
        const char *name = sc->screen[i].name;
        if (!memchr(name, '\0', STATS_SCREEN_NAME_SIZE) ||
            !name_valid(name, STATS_SCREEN_NAME_SIZE) ||
            sc->screen[i].shown == 0 ||
            (i > 0 && screen_cmp(sc->screen[i - 1].name, name) >= 0))
            return false;
    }
    return true;
}

static const char *lang_code(const struct stats_session *s)
{
    return s->has_lang ? text_lang_code(s->lang) : "";
}

/* The screens, places and passages, `sep` between them: the same in the
 * line and in the CSV. */
static void put_lists(struct out *o, const struct stats_session *s, char sep)
{
    const struct stats_screens *sc = &s->screens;
    for (uint32_t i = 0; i < sc->count; i++)
        put(o, "%s%s:%u", i ? ";" : "", sc->screen[i].name,
            (unsigned)sc->screen[i].shown);
    const struct stats_ids *list[2] = {&s->places, &s->passages};
    for (int l = 0; l < 2; l++) {
        put(o, "%c", sep);
        for (uint32_t i = 0; i < list[l]->count; i++)
            put(o, "%s%s", i ? ";" : "", list[l]->id[i]);
    }
}

size_t stats_format_line(const struct stats_session *s, char *buf,
                         size_t size)
{
    if (!s->ended || s->start < 0 || s->start > STATS_TIME_MAX ||
        s->duration_s > STATS_SESSION_MAX_S ||
        (s->has_lang && (unsigned)s->lang >= TEXT_LANG_COUNT) ||
        !screens_valid(&s->screens) || !ids_valid(&s->places) ||
        !ids_valid(&s->passages) || size == 0)
        return 0;
    struct out o = {.buf = buf, .size = size, .ok = true};
    put(&o, "S1\t%" PRId64 "\t%" PRIu32 "\t%s\t%d\t", s->start,
        s->duration_s, lang_code(s), s->lang_changed ? 1 : 0);
    put_lists(&o, s, '\t');
    put(&o, "\t");
    if (o.ok)
        put(&o, "%08" PRIx32 "\n", crc32(buf, o.len));
    return o.ok ? o.len : 0;
}

/* Decimal digits only, no sign; at most `max`. */
static bool parse_uint(const char *p, size_t n, uint64_t max, uint64_t *out)
{
    if (n == 0 || n > 20)
        return false;
    uint64_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (p[i] < '0' || p[i] > '9')
            return false;
        unsigned dgt = (unsigned)(p[i] - '0');
        if (v > (max - dgt) / 10)
            return false;
        v = v * 10 + dgt;
    }
    *out = v;
    return true;
}

/* s[0..n) as a string in out[size]; false if it does not fit. */
static bool copy_name(const char *s, size_t n, char *out, size_t size)
{
    if (n >= size)
        return false;
    memcpy(out, s, n);
    out[n] = '\0';
    return true;
}

/* "name:count" into the session's screens. */
static bool parse_screen(const char *p, size_t n, void *ctx)
{
    struct stats_session *s = ctx;
    const char *colon = memchr(p, ':', n);
    char name[STATS_SCREEN_NAME_SIZE];
    uint64_t count;
    if (!colon || !copy_name(p, (size_t)(colon - p), name, sizeof name))
        return false;
    size_t c = (size_t)(colon - p);
    return parse_uint(colon + 1, n - c - 1, UINT16_MAX, &count) &&
           count > 0 && screen_add(&s->screens, name, (uint16_t)count);
}

static bool parse_id(const char *p, size_t n, void *ids)
{
    char id[STATS_ID_SIZE];
    return copy_name(p, n, id, sizeof id) && ids_add(ids, id);
}

/* Passes each ';'-separated item of p[0..n) to `item`; an empty field has
 * none.  False at an empty item (a doubled or trailing ';') or one that
 * `item` refuses. */
static bool parse_list(const char *p, size_t n,
                       bool (*item)(const char *, size_t, void *), void *ctx)
{
    size_t i = 0;
    while (i < n) {
        const char *semi = memchr(p + i, ';', n - i);
        size_t end = semi ? (size_t)(semi - p) : n;
        if (!item(p + i, end - i, ctx))
            return false;
        if (!semi)
            return true;
        i = end + 1;
        if (i == n)
            return false; /* trailing ';' */
    }
    return true;
}

bool stats_parse_line(const char *line, size_t len, struct stats_session *s)
{
    if (len == 0 || len >= STATS_LINE_MAX)
        return false;
    const char *f[FIELDS];
    size_t fl[FIELDS];
    size_t nf = 0, start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && line[i] != '\t')
            continue;
        if (nf == FIELDS)
            return false;
        f[nf] = line + start;
        fl[nf++] = i - start;
        start = i + 1;
    }
    if (nf != FIELDS || fl[0] != 2 || memcmp(f[0], "S1", 2) != 0)
        return false;

    uint64_t t, dur, changed;
    if (!parse_uint(f[1], fl[1], (uint64_t)STATS_TIME_MAX, &t) ||
        !parse_uint(f[2], fl[2], STATS_SESSION_MAX_S, &dur) ||
        !parse_uint(f[4], fl[4], 1, &changed))
        return false;
    stats_session_begin(s, (int64_t)t);
    s->duration_s = (uint32_t)dur;
    s->ended = true;
    s->lang_changed = changed == 1;
    char code[4];
    if (fl[3] && (!copy_name(f[3], fl[3], code, sizeof code) ||
                  !stats_session_lang(s, code)))
        return false;
    if (!parse_list(f[5], fl[5], parse_screen, s) ||
        !parse_list(f[6], fl[6], parse_id, &s->places) ||
        !parse_list(f[7], fl[7], parse_id, &s->passages))
        return false;

    /* One spelling: the line must be what the writer would write. */
    char buf[STATS_LINE_MAX];
    size_t n = stats_format_line(s, buf, sizeof buf);
    return n == len + 1 && memcmp(buf, line, len) == 0;
}

/* ---- the directory ----------------------------------------------------- */

static bool day_name(const char *name)
{
    static const char pattern[] = "dddd-dd-dd.log";
    if (strlen(name) != DAY_NAME_LEN)
        return false;
    for (size_t i = 0; i < DAY_NAME_LEN; i++) {
        if (pattern[i] == 'd' ? name[i] < '0' || name[i] > '9'
                              : name[i] != pattern[i])
            return false;
    }
    return true;
}

struct day_list {
    char (*names)[DAY_NAME_LEN + 1];
    size_t count, cap;
};

static int name_cmp(const void *a, const void *b)
{
    return strcmp(a, b);
}

/* The day files in `dir`, sorted (oldest first).  A missing directory is
 * an empty list. */
static bool list_days(const char *dir, struct day_list *l, char *err,
                      size_t err_size)
{
    memset(l, 0, sizeof *l);
    DIR *d = opendir(dir);
    if (!d) {
        if (errno == ENOENT)
            return true;
        return FAIL(err, err_size, "cannot list %s: %s", dir,
                    strerror(errno));
    }
    struct dirent *e;
    for (errno = 0; (e = readdir(d)); errno = 0) {
        if (!day_name(e->d_name))
            continue;
        l->names = xgrow(l->names, &l->cap, l->count + 1, sizeof *l->names);
        memcpy(l->names[l->count++], e->d_name, DAY_NAME_LEN + 1);
    }
    bool ok = errno == 0;
    if (!ok)
        FAIL(err, err_size, "cannot list %s: %s", dir, strerror(errno));
    closedir(d);
    if (l->count)
        qsort(l->names, l->count, sizeof *l->names, name_cmp);
    return ok;
}

static bool join(char *out, size_t size, const char *a, const char *b,
                 char *err, size_t err_size)
{
    int n = snprintf(out, size, "%s/%s", a, b);
    if (n < 0 || (size_t)n >= size)
        return FAIL(err, err_size, "path too long: %s/%s", a, b);
    return true;
}

/* Keeps the newest STATS_MAX_DAYS day files, never deleting `keep`. */
static void prune(const char *dir, const char *keep)
{
    struct day_list l;
    if (!list_days(dir, &l, NULL, 0))
        return;
    size_t excess = l.count > STATS_MAX_DAYS ? l.count - STATS_MAX_DAYS : 0;
    for (size_t i = 0; i < l.count && excess; i++) {
        if (strcmp(l.names[i], keep) == 0)
            continue;
        char path[PATH_MAX];
        if (!join(path, sizeof path, dir, l.names[i], NULL, 0))
            break;
        if (unlink(path) != 0 && errno != ENOENT)
            FAIL(NULL, 0, "cannot remove old statistics %s: %s", path,
                 strerror(errno));
        else
            log_info("stats", "removed old statistics %s", path);
        excess--;
    }
    free(l.names);
}

/* ---- appending --------------------------------------------------------- */

/* The day whose full file was last logged: once per day and process. */
static char full_logged[11];

bool stats_append(const char *state_dir, const struct stats_session *s,
                  char *err, size_t err_size)
{
    /* line[0] is for a newline that closes a torn last line. */
    char line[STATS_LINE_MAX + 1];
    size_t n = stats_format_line(s, line + 1, STATS_LINE_MAX);
    if (!n)
        return FAIL(err, err_size, "session not recorded: %s",
                    s->ended ? "invalid contents" : "not ended");

    char dir[PATH_MAX], path[PATH_MAX], date[11], file[DAY_NAME_LEN + 1];
    if (!join(dir, sizeof dir, state_dir, "stats", err, err_size))
        return false;
    if (mkdir(dir, 0755) != 0 && errno != EEXIST)
        return FAIL(err, err_size, "cannot create %s: %s", dir,
                    strerror(errno));
    stats_utc_date(s->start, date);
    memcpy(file, date, 10);
    memcpy(file + 10, ".log", 5);
    if (!join(path, sizeof path, dir, file, err, err_size))
        return false;

    int fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW,
                  0644);
    if (fd < 0)
        return FAIL(err, err_size, "cannot open %s: %s", path,
                    strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return FAIL(err, err_size, "%s is not a regular file", path);
    }

    const char *p = line + 1;
    char last = '\n';
    if (st.st_size > 0 && pread(fd, &last, 1, st.st_size - 1) == 1 &&
        last != '\n') {
        line[0] = '\n';
        p = line;
        n++;
    }
    if ((uint64_t)st.st_size + n > STATS_MAX_DAY_BYTES) {
        close(fd);
        if (strcmp(full_logged, date) != 0) {
            memcpy(full_logged, date, sizeof full_logged);
            return FAIL(err, err_size, "%s is full (%d bytes): this and "
                        "later sessions of the day are dropped", path,
                        STATS_MAX_DAY_BYTES);
        }
        if (err && err_size)
            snprintf(err, err_size, "%s is full: session dropped", path);
        return false;
    }

    ssize_t w = write(fd, p, n);
    if (w < 0 || (size_t)w != n) {
        int e = w < 0 ? errno : ENOSPC;
        if (w > 0 && ftruncate(fd, st.st_size) != 0)
            log_debug("stats", "cannot cut a short write: %s",
                      strerror(errno));
        close(fd);
        return FAIL(err, err_size, "cannot write %s: %s", path, strerror(e));
    }
    if (close(fd) != 0)
        return FAIL(err, err_size, "cannot write %s: %s", path,
                    strerror(errno));
    if (st.st_size == 0)
        prune(dir, file);
    return true;
}

/* ---- reading ----------------------------------------------------------- */

enum day_read {
    DAY_READ,    /* every line looked at */
    DAY_MISSING, /* no such file (none yet, or pruned meanwhile) */
    DAY_SKIPPED, /* damaged: counted, named, logged */
    DAY_STOPPED, /* `stop` was set */
};

static const char *file_kind(mode_t m)
{
    return S_ISDIR(m)    ? "a folder"
           : S_ISFIFO(m) ? "a FIFO"
           : S_ISLNK(m)  ? "a link"
           : S_ISSOCK(m) ? "a socket"
           : S_ISCHR(m) || S_ISBLK(m) ? "a device"
                                      : "not a regular file";
}

static enum day_read day_skipped(struct stats_counts *counts,
                                 const char *path)
{
    const char *name = strrchr(path, '/');
    name = name ? name + 1 : path;
    if (counts->skipped < STATS_SKIPPED_NAMES)
        snprintf(counts->skipped_name[counts->skipped],
                 sizeof counts->skipped_name[0], "%s", name);
    counts->skipped++;
    counts->files = counts->sessions = counts->bad = 0;
    return DAY_SKIPPED;
}

/* A line gathered across reads (STATS_LINE_MAX bytes at most kept). */
struct lines {
    char *line;
    size_t len;
    bool overlong, pending;
};

/* Parses the complete lines of buf[0..got) -- and at `eof` the torn last
 * one -- counting them in `c`; a partial line waits in `l`. */
static void feed(struct lines *l, const char *buf, size_t got, bool eof,
                 stats_session_fn *fn, void *ctx, struct stats_counts *c)
{
    size_t i = 0;
    struct stats_session s;
    while (i < got || (eof && l->pending)) {
        const char *nl = eof ? NULL : memchr(buf + i, '\n', got - i);
        size_t seg = nl ? (size_t)(nl - (buf + i)) : got - i;
        if (!l->overlong && l->len + seg >= STATS_LINE_MAX)
            l->overlong = true;
        else if (!l->overlong)
            memcpy(l->line + l->len, buf + i, seg);
        if (!l->overlong)
            l->len += seg;
        l->pending = true;
        i += seg;
        if (!nl && !eof)
            break;
        /* A whole line, or at the end of the file a torn one: it is good
         * only if it is complete down to its CRC. */
        if (!l->overlong && stats_parse_line(l->line, l->len, &s)) {
            c->sessions++;
            if (fn)
                fn(&s, ctx);
        } else {
            c->bad++;
        }
        l->len = 0;
        l->overlong = l->pending = false;
        if (nl)
            i++;
    }
}

/* One day file; `counts` is set.  O_NONBLOCK and O_NOFOLLOW: a FIFO
 * planted in place of a file must not hang us, a link is not followed.
 * Only the bytes there when it was opened are read, so a file that grows
 * (or a special file that claims a size of 0) cannot keep us reading. */
static enum day_read read_day(const char *path, stats_session_fn *fn,
                              void *ctx, struct stats_counts *counts,
                              const atomic_bool *stop, char *err,
                              size_t err_size)
{
    memset(counts, 0, sizeof *counts);
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW);
    if (fd < 0 && errno == ENOENT)
        return DAY_MISSING;
    if (fd < 0) {
        FAIL(err, err_size, "cannot open %s: %s; the day is skipped", path,
             errno == ELOOP ? "it is a link" : strerror(errno));
        return day_skipped(counts, path);
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        FAIL(err, err_size, "cannot read %s: %s; the day is skipped", path,
             strerror(errno));
        close(fd);
        return day_skipped(counts, path);
    }
    if (!S_ISREG(st.st_mode)) {
        FAIL(err, err_size, "%s is not a regular file (%s); the day is "
             "skipped", path, file_kind(st.st_mode));
        close(fd);
        return day_skipped(counts, path);
    }
    if (st.st_size > STATS_DAY_READ_MAX) {
        FAIL(err, err_size, "%s is %lld bytes, more than a day file holds "
             "(%d); the day is skipped", path, (long long)st.st_size,
             STATS_MAX_DAY_BYTES);
        close(fd);
        return day_skipped(counts, path);
    }

    enum { CHUNK = 64 * 1024 };
    char *buf = xmalloc(CHUNK);
    struct lines l = {.line = xmalloc(STATS_LINE_MAX)};
    enum day_read res = DAY_READ;
    size_t left = (size_t)st.st_size;
    for (;;) {
        if (stop && atomic_load(stop)) {
            if (err && err_size)
                snprintf(err, err_size, "stopped");
            res = DAY_STOPPED;
            break;
        }
        ssize_t r = left ? read(fd, buf, left < CHUNK ? left : CHUNK) : 0;
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            FAIL(err, err_size, "cannot read %s: %s; the day is skipped",
                 path, strerror(errno));
            res = day_skipped(counts, path);
            break;
        }
        left -= (size_t)r;
        feed(&l, buf, (size_t)r, r == 0, fn, ctx, counts);
        if (r == 0)
            break;
    }
    if (res == DAY_READ)
        counts->files = 1;
    free(l.line);
    free(buf);
    close(fd);
    return res;
}

bool stats_read_day(const char *path, stats_session_fn *fn, void *ctx,
                    struct stats_counts *counts, char *err, size_t err_size)
{
    enum day_read r = read_day(path, fn, ctx, counts, NULL, err, err_size);
    if (r == DAY_MISSING) {
        FAIL(err, err_size, "cannot open %s: %s", path, strerror(ENOENT));
        day_skipped(counts, path);
    }
    return r == DAY_READ;
}

static void counts_add(struct stats_counts *to, const struct stats_counts *c)
{
    to->files += c->files;
    to->sessions += c->sessions;
    to->bad += c->bad;
    for (size_t i = 0; i < c->skipped; i++) {
        if (to->skipped < STATS_SKIPPED_NAMES && i < STATS_SKIPPED_NAMES)
            memcpy(to->skipped_name[to->skipped], c->skipped_name[i],
                   sizeof to->skipped_name[0]);
        to->skipped++;
    }
}

/* ---- export and summary ------------------------------------------------ */

static void csv_row(const struct stats_session *s, void *ctx)
{
    char date[11], row[STATS_LINE_MAX + 64];
    stats_utc_date(s->start, date);
    int64_t sec = s->start % DAY_S;
    struct out o = {.buf = row, .size = sizeof row, .ok = true};
    put(&o, "%s,%sT%02d:%02d:%02dZ,%" PRIu32 ",%s,%d,", date, date,
        (int)(sec / 3600), (int)(sec / 60 % 60), (int)(sec % 60),
        s->duration_s, lang_code(s), s->lang_changed ? 1 : 0);
    put_lists(&o, s, ',');
    put(&o, "\n");
    if (o.ok) /* always: the row is the line's fields, and a line fits */
        fwrite(row, 1, o.len, ctx);
}

bool stats_export_csv(const char *state_dir, FILE *out,
                      struct stats_counts *counts, char *err,
                      size_t err_size)
{
    struct stats_counts total = {0};
    char dir[PATH_MAX];
    bool ok = join(dir, sizeof dir, state_dir, "stats", err, err_size);
    struct day_list l = {0};
    if (ok)
        ok = list_days(dir, &l, err, err_size);
    fputs("date,start,duration_s,lang,lang_changed,screens,places,"
          "passages\n", out);
    for (size_t i = 0; i < l.count; i++) {
        char path[PATH_MAX];
        if (!join(path, sizeof path, dir, l.names[i], err, err_size)) {
            ok = false;
            continue;
        }
        /* A day's rows go out only when the whole day has been read. */
        char *rows = NULL;
        size_t len = 0;
        FILE *day = open_memstream(&rows, &len);
        if (!day) {
            ok = FAIL(err, err_size, "cannot export statistics: %s",
                      strerror(errno));
            break;
        }
        struct stats_counts c;
        enum day_read r = read_day(path, csv_row, day, &c, NULL, err,
                                   err_size);
        bool written = fclose(day) == 0;
        if (r == DAY_READ && written && len)
            fwrite(rows, 1, len, out);
        free(rows);
        counts_add(&total, &c);
    }
    free(l.names);
    if (fflush(out) != 0 || ferror(out))
        ok = FAIL(err, err_size, "cannot write the statistics CSV: %s",
                  strerror(errno));
    if (counts)
        *counts = total;
    return ok;
}

static void summary_add(const struct stats_session *s, void *ctx)
{
    struct stats_day *d = ctx;
    d->sessions++;
    d->duration_s += s->duration_s;
    if (s->has_lang)
        d->lang[s->lang]++;
    else
        d->no_lang++;
}

bool stats_summary(const char *state_dir, int64_t now, unsigned days,
                   struct stats_day *out, struct stats_counts *counts,
                   const atomic_bool *stop, char *err, size_t err_size)
{
    struct stats_counts total = {0};
    if (counts)
        *counts = total;
    char dir[PATH_MAX];
    if (!join(dir, sizeof dir, state_dir, "stats", err, err_size))
        return false;
    if (now < 0)
        now = 0;
    if (now > STATS_TIME_MAX)
        now = STATS_TIME_MAX;
    int64_t today = now / DAY_S;
    for (unsigned i = 0; i < days; i++) {
        struct stats_day *d = &out[i];
        memset(d, 0, sizeof *d);
        int64_t day = today - (int64_t)(days - 1 - i);
        if (day < 0) {
            memcpy(d->date, "0000-00-00", sizeof d->date);
            continue;
        }
        date_of_day(day, d->date);
        char file[DAY_NAME_LEN + 1], path[PATH_MAX];
        memcpy(file, d->date, 10);
        memcpy(file + 10, ".log", 5);
        if (!join(path, sizeof path, dir, file, err, err_size))
            return false;
        struct stats_day got = *d;
        struct stats_counts c;
        enum day_read r = read_day(path, summary_add, &got, &c, stop, err,
                                   err_size);
        if (r == DAY_STOPPED)
            return false;
        counts_add(&total, &c);
        if (counts)
            *counts = total;
        if (r == DAY_READ) {
            *d = got;
            d->bad = c.bad > UINT32_MAX ? UINT32_MAX : (uint32_t)c.bad;
        }
        d->skipped = r == DAY_SKIPPED;
    }
    return true;
}
