/* stats.h: anonymous usage statistics, one line per visitor session.
 *
 * A session runs from the first touch after Attract to the idle reset (or
 * to the start of the next session).  It records no personal data: the
 * start time, the duration, the last language and whether it changed, how
 * often each screen was shown, and the ids of the places tapped and the
 * passages opened.  Screens are counted by the name the app gives them --
 * its screen table is the only list of them; this module knows none.
 * Names and ids are [a-z0-9.-] (names 1-31 bytes, ids 1-63); anything
 * else is refused when recorded, so no content can break a line.
 *
 * Storage, under the state directory:
 *
 *     STATE/stats/YYYY-MM-DD.log     one file per UTC day of session start
 *
 * one line per session, tab-separated, ending in a CRC-32 of the rest:
 *
 *     S1 <start> <duration_s> <lang> <lang_changed> <screens> <places>
 *        <passages> <crc32>
 *
 *     S1\t1717064400\t95\ten\t1\thome:1;reader:2\tyili;urumqi\tarrival\t...
 *
 * `lang` is the language's code (text/lang.h), empty if none was
 * recorded.  `screens` is `name:count` for each screen shown, in the
 * order of the S1 format: first the five screens it was made with, in
 * their order then -- attract, home, reader, map, about -- and after them
 * any other name in byte order (strcmp).  That list is the format's, not
 * a copy of the app's: it only fixes where a name goes in the line, so
 * that a line written today is byte for byte a line written before
 * screens were counted by name, and old day files read the same.
 * `places` and `passages` are ids in the order first tapped, each once;
 * empty fields stay empty.  A line is accepted only if it re-serialises to
 * exactly the same bytes, so garbage, a torn line or a flipped digit is
 * skipped and counted, never fatal.
 *
 * Bounds: a session lasts at most STATS_SESSION_MAX_S (a day): it ends an
 * idle time (at most an hour) after the last touch, so a longer one is a
 * clock set forward meanwhile -- the Pi has no real-time clock and NTP
 * moves it after boot.  The writer clamps the duration to that bound and
 * the reader refuses a line beyond it as garbage (so a forged duration of
 * 4294967295 s never reaches a chart).  At most STATS_MAX_SCREENS distinct
 * screens and STATS_MAX_IDS ids a list are kept per session, so the
 * longest line fits STATS_LINE_MAX.  A day file stops growing at
 * STATS_MAX_DAY_BYTES (later sessions of that day are dropped, logged
 * once per day and process); at most STATS_MAX_DAYS day files are kept
 * (the oldest are deleted when a new day starts).  Each session is one
 * write() with O_APPEND, so a crash leaves at most a torn last line; the
 * next append starts on a fresh line.  No fsync: losing the last session
 * to a power cut is cheaper than wearing the card.
 *
 * Damaged days: a day file that cannot be opened or read, is not a
 * regular file (a folder, a FIFO, a link -- never followed, never waited
 * on) or is larger than STATS_DAY_READ_MAX (the writer never makes one) is
 * skipped whole and counted (stats_counts.skipped, with its name); the
 * export and the summary go on with the other days.
 *
 * Failures are logged once, here, where they happen (a damaged day when it
 * is read, a file that cannot be written when it is appended to); callers
 * get the same sentence in `err` to show, not to log again.
 *
 * Pure POSIX file I/O, no SDL.  Recording and appending are for one
 * thread; a read (stats_summary) may run on a worker thread while the
 * exhibit appends, and another thread may stop it through `stop`. */
#ifndef STATE_STATS_H
#define STATE_STATS_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "text/lang.h"

#define STATS_MAX_IDS 32         /* distinct ids kept per list and session */
#define STATS_ID_SIZE 64         /* an id is 1..63 bytes, plus the NUL */
#define STATS_MAX_SCREENS 16     /* distinct screens kept per session */
#define STATS_SCREEN_NAME_SIZE 32 /* a name is 1..31 bytes, plus the NUL */
#define STATS_MAX_DAY_BYTES (1024 * 1024)
#define STATS_MAX_DAYS 400
#define STATS_LINE_MAX 8192      /* longer lines are garbage */
#define STATS_TIME_MAX INT64_C(253402300799) /* 9999-12-31T23:59:59Z */
#define STATS_SESSION_MAX_S 86400u /* longest session written or read */
/* A day file larger than this was not made by stats_append: damaged. */
#define STATS_DAY_READ_MAX (STATS_MAX_DAY_BYTES + STATS_LINE_MAX)
#define STATS_DAY_NAME_SIZE 15   /* "YYYY-MM-DD.log" and its NUL */
#define STATS_SKIPPED_NAMES 8    /* skipped days named in stats_counts */

struct stats_ids {
    uint32_t count;
    char id[STATS_MAX_IDS][STATS_ID_SIZE];
};

/* The screens shown, in the line's order (see the top). */
struct stats_screens {
    uint32_t count;
    struct {
        char name[STATS_SCREEN_NAME_SIZE];
        uint16_t shown; /* times, 1..UINT16_MAX (saturating) */
    } screen[STATS_MAX_SCREENS];
};

/* Plain data in the caller's storage; nothing to free. */
struct stats_session {
    int64_t start;       /* unix seconds, 0..STATS_TIME_MAX */
    uint32_t duration_s; /* set by stats_session_end, at most
                            STATS_SESSION_MAX_S */
    bool ended;
    bool has_lang;        /* a language was recorded */
    enum text_lang lang;  /* the last one chosen, if has_lang */
    bool lang_changed;
    struct stats_screens screens;
    struct stats_ids places, passages;
};

/* Starts a session at `now` (clamped to 0..STATS_TIME_MAX).  Call
 * stats_session_lang at once with the language on screen, so that a later
 * choice counts as a change. */
void stats_session_begin(struct stats_session *s, int64_t now);
/* Counts one showing of the screen called `name`, whatever it is.  False
 * (and nothing counted) if the name is not [a-z0-9.-]{1,31} or
 * STATS_MAX_SCREENS other screens are already counted. */
bool stats_session_screen(struct stats_session *s, const char *name);
/* How often the screen called `name` was shown (0: never). */
unsigned stats_session_shown(const struct stats_session *s,
                             const char *name);
/* Records the language by its code (text_lang_parse); a different one
 * from the last sets lang_changed.  False (and nothing recorded) if the
 * code is not a language's. */
bool stats_session_lang(struct stats_session *s, const char *code);
/* Records a place / passage id once, in first-tap order.  False if the id
 * is not [a-z0-9.-]{1,63} or STATS_MAX_IDS distinct ids are already kept;
 * a repeated id returns true and changes nothing. */
bool stats_session_place(struct stats_session *s, const char *id);
bool stats_session_passage(struct stats_session *s, const char *id);
/* Ends the session: duration = now - start, clamped to
 * 0..STATS_SESSION_MAX_S (the clock may have been set back or forward
 * meanwhile). */
void stats_session_end(struct stats_session *s, int64_t now);

/* True if `id` may be recorded: 1..63 bytes of [a-z0-9.-]. */
bool stats_id_valid(const char *id);
/* "YYYY-MM-DD" of the UTC day containing `t` (0..STATS_TIME_MAX). */
void stats_utc_date(int64_t t, char out[11]);

/* Formats an ended session as one line with its newline; returns its
 * length, or 0 if it does not fit `size` (STATS_LINE_MAX always does). */
size_t stats_format_line(const struct stats_session *s, char *buf,
                         size_t size);
/* Parses one line without its newline; false unless it is exactly what
 * stats_format_line writes (CRC included) for an ended session, which
 * includes a duration of at most STATS_SESSION_MAX_S. */
bool stats_parse_line(const char *line, size_t len, struct stats_session *s);

/* Appends an ended session to STATE/stats/<UTC date of start>.log, making
 * the stats directory if needed (not STATE itself).  False, with a message
 * in `err` (may be NULL) and a log line, if it was not recorded: the
 * directory or file cannot be made or written, or the day file is full. */
bool stats_append(const char *state_dir, const struct stats_session *s,
                  char *err, size_t err_size);

/* What a read found. */
struct stats_counts {
    size_t files;    /* day files read */
    size_t sessions; /* good lines */
    size_t bad;      /* lines skipped: garbage, too long, torn, bad CRC,
                        a duration over STATS_SESSION_MAX_S */
    size_t skipped;  /* damaged day files skipped whole (see the top) */
    /* the first STATS_SKIPPED_NAMES of them, "YYYY-MM-DD.log" */
    char skipped_name[STATS_SKIPPED_NAMES][STATS_DAY_NAME_SIZE];
};

typedef void stats_session_fn(const struct stats_session *s, void *ctx);

/* Calls `fn` for every good line of a day file in order; bad lines are
 * skipped and counted in `counts` (set, not added to).  The file is
 * opened without following a link or waiting on a FIFO, and read only as
 * far as its size when opened.  False, with `err` and a log line, if the
 * file is damaged (cannot be opened or read, is not a regular file, is
 * larger than STATS_DAY_READ_MAX): then counts->skipped is 1, with the
 * file's name, and good lines before a read error have been passed on. */
bool stats_read_day(const char *path, stats_session_fn *fn, void *ctx,
                    struct stats_counts *counts, char *err,
                    size_t err_size);

/* Writes every day as CSV, oldest first:
 *
 *     date,start,duration_s,lang,lang_changed,screens,places,passages
 *     2024-05-30,2024-05-30T10:20:00Z,95,en,1,home:1;reader:2,yili,arrival
 *
 * The columns are the line's fields, spelt the same: `screens` is the
 * line's `name:count;...`, so today's five screens come out exactly as
 * they always have, and a screen of any other name follows them in the
 * same column, in byte order (it gets no column of its own: a
 * spreadsheet splits the column at ';' and ':').  Fields never need
 * quoting (digits, names, ids, ':' and ';').  No stats yet is
 * a header only.  A damaged day is skipped whole (none of its rows), the
 * rest still exported; `counts` (may be NULL) gets the totals, skipped
 * days included, and `err` the reason for the last one skipped (each is
 * logged).  False, with `err`, only if the stats directory cannot be
 * listed or writing to `out` failed.  `kiosk import` writes it only to a
 * stick that asks for it: one with a kiosk-content folder or a KIOSK-STATS
 * file. */
bool stats_export_csv(const char *state_dir, FILE *out,
                      struct stats_counts *counts, char *err,
                      size_t err_size);

/* One day's totals. */
struct stats_day {
    char date[11];                    /* "YYYY-MM-DD" */
    uint32_t sessions;
    uint64_t duration_s;              /* sum over the sessions */
    uint32_t lang[TEXT_LANG_COUNT];   /* sessions by last language */
    uint32_t no_lang;                 /* sessions with none recorded */
    uint32_t bad;                     /* lines skipped */
    bool skipped;                     /* its file is damaged: all zeros */
};

/* Fills out[0..days-1] with the `days` UTC days ending with the one that
 * contains `now`, oldest first; a day without a file is all zeros, and so
 * is a damaged one, marked `skipped`.  `counts` (may be NULL) gets the
 * totals, skipped days included; `err` the reason for the last day
 * skipped.  `stop` (may be NULL) is looked at before every 64 KiB read:
 * once it is set the summary ends, false with "stopped" in `err`.  False
 * also, with `err`, if the stats path is too long; true otherwise. */
bool stats_summary(const char *state_dir, int64_t now, unsigned days,
                   struct stats_day *out, struct stats_counts *counts,
                   const atomic_bool *stop, char *err, size_t err_size);

#endif
