/* mode_staff.c: `kiosk staff-pin-hash [--set FILE]` -- the kiosk.conf line
 * for a staff PIN, printed or put into the settings file.
 *
 * The PIN is read from standard input (one line), never from the command
 * line, where it would stay in the shell's history and be visible to
 * every user in the process list.  The salt is 16 fresh random bytes; the
 * hash is Argon2id at staff_pin.h's default costs.
 *
 * --set FILE replaces FILE's staff-pin-hash line where it is (a second
 * one, which the old `tee -a` recipe made, is dropped with its
 * continuation lines), or appends one if there is none; every other line,
 * comment and blank stays as it was, in its order.  A line is the key's
 * if it is one as the settings' parser (content/blockfile.c) sees it: the
 * key at the line's start (spaces before it only after a blank line or
 * the file's start), in any case, then ':'.  FILE must be a regular file
 * (a link is refused: renaming over it would replace the link, not the
 * file it names) of at most CONF_MAX bytes; it is replaced whole, with its
 * mode, owner and group, by state/file_replace.h. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/cli.h"
#include "app/config.h"
#include "core/xalloc.h"
#include "state/file_replace.h"
#include "state/staff_pin.h"

#define MODE "staff-pin-hash"
#define SALT_BYTES 16
#define CONF_MAX APP_CONFIG_MAX_BYTES /* what app_config_read reads */
#define KEY "staff-pin-hash"

static void wipe(volatile char *p, size_t n)
{
    while (n--)
        *p++ = 0;
}

/* The PIN from standard input into the line "staff-pin-hash: ..."; false
 * after a message. */
static bool hash_line(char *out, size_t out_size)
{
    char line[64] = "";
    if (!fgets(line, sizeof line, stdin)) {
        fprintf(stderr, "kiosk: " MODE ": no PIN on standard input; type 4 "
                "to 8 digits and press Enter\n");
        return false;
    }
    line[strcspn(line, "\r\n")] = '\0';
    size_t n = strlen(line);
    bool digits = n >= STAFF_PIN_MIN_DIGITS && n <= STAFF_PIN_MAX_DIGITS;
    for (size_t i = 0; i < n; i++)
        digits &= line[i] >= '0' && line[i] <= '9';
    if (!digits) {
        fprintf(stderr, "kiosk: " MODE ": the PIN must be %d to %d digits "
                "(0-9), as on the kiosk's keypad; got %zu character%s\n",
                STAFF_PIN_MIN_DIGITS, STAFF_PIN_MAX_DIGITS, n,
                n == 1 ? "" : "s");
        wipe(line, sizeof line);
        return false;
    }
    unsigned char salt[SALT_BYTES];
    if (getrandom(salt, sizeof salt, 0) != (ssize_t)sizeof salt) {
        fprintf(stderr, "kiosk: " MODE ": no random bytes from the system "
                "(%s)\n", strerror(errno));
        wipe(line, sizeof line);
        return false;
    }
    char hash[STAFF_PIN_HASH_TEXT_MAX];
    bool ok = staff_pin_hash_make(line, salt, sizeof salt, hash, sizeof hash);
    wipe(line, sizeof line);
    if (!ok) {
        fprintf(stderr, "kiosk: " MODE ": the hash could not be made (it "
                "needs %u MiB of memory)\n", STAFF_PIN_M_KIB / 1024);
        return false;
    }
    snprintf(out, out_size, KEY ": %s\n", hash);
    return true;
}

/* Reads FILE, refusing what is not a plain file of ours to replace; the
 * text (NUL-terminated, the caller frees it) and its stat. */
static char *read_conf(const char *path, struct stat *st, size_t *len)
{
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ELOOP)
            fprintf(stderr, "kiosk: " MODE ": %s is a symbolic link; give "
                    "the settings file itself (--set would replace the "
                    "link with a file)\n", path);
        else
            fprintf(stderr, "kiosk: " MODE ": cannot open the settings "
                    "file %s: %s\n", path, strerror(errno));
        return NULL;
    }
    char *text = NULL;
    ssize_t n = 0;
    if (fstat(fd, st) != 0) {
        fprintf(stderr, "kiosk: " MODE ": %s: %s\n", path, strerror(errno));
    } else if (!S_ISREG(st->st_mode)) {
        fprintf(stderr, "kiosk: " MODE ": %s is not a regular file; give "
                "the settings file (kiosk.conf)\n", path);
    } else if (st->st_size > CONF_MAX) {
        fprintf(stderr, "kiosk: " MODE ": %s has %lld bytes, more than a "
                "settings file may (%d)\n", path, (long long)st->st_size,
                CONF_MAX);
    } else {
        text = xmalloc(CONF_MAX + 2);
        size_t got = 0;
        while ((n = read(fd, text + got, CONF_MAX + 1 - got)) > 0)
            got += (size_t)n;
        if (n < 0 || got > CONF_MAX) {
            fprintf(stderr, "kiosk: " MODE ": cannot read %s: %s\n", path,
                    n < 0 ? strerror(errno) : "it grew while read");
            free(text);
            text = NULL;
        } else {
            text[got] = '\0';
            *len = got;
        }
    }
    close(fd);
    return text;
}

/* Whether line[0..n) (from its first non-space) has the shape of a field,
 * `key:`; *ours if the key is staff-pin-hash. */
static bool field_line(const char *line, size_t n, bool *ours)
{
    size_t k = 0;
    while (k < n && (isalnum((unsigned char)line[k]) || line[k] == '.' ||
                     line[k] == '-' || line[k] == '_'))
        k++;
    size_t c = k;
    while (c < n && (line[c] == ' ' || line[c] == '\t'))
        c++;
    *ours = k == strlen(KEY) && strncasecmp(line, KEY, k) == 0;
    return k > 0 && c < n && line[c] == ':';
}

/* text with `set` (a whole line) in place of the first staff-pin-hash
 * field, any other such field dropped, or appended; *replaced says which.
 * The caller frees the result. */
static char *with_line(const char *text, size_t len, const char *set,
                       size_t *out_len, bool *replaced)
{
    size_t cap = len + strlen(set) + 2;
    char *out = xmalloc(cap), *w = out;
    *replaced = false;
    /* The last field's line, and whether it is the key's: indented lines
     * after it continue it (a blank line ends it; a comment does not). */
    enum { NONE, OTHER, OURS } last = NONE;
    for (size_t i = 0; i < len;) {
        const char *line = text + i;
        const char *nl = memchr(line, '\n', len - i);
        size_t n = nl ? (size_t)(nl - line) : len - i;
        size_t whole = n + (nl ? 1 : 0), lead = 0;
        i += whole;
        while (lead < n && (line[lead] == ' ' || line[lead] == '\t'))
            lead++;
        bool keep = true, ours;
        if (lead == n) {
            last = NONE;
        } else if (line[lead] == '#') {
            /* a comment */
        } else if (lead > 0 && last != NONE) {
            keep = last != OURS; /* a continuation line */
        } else if (field_line(line + lead, n - lead, &ours)) {
            last = ours ? OURS : OTHER;
            keep = !ours;
            if (ours && !*replaced) {
                w += snprintf(w, cap - (size_t)(w - out), "%s", set);
                *replaced = true;
            }
        } /* else not a field: the parser's error, kept as it is */
        if (keep) {
            memcpy(w, line, whole);
            w += whole;
        }
    }
    if (!*replaced) {
        if (w > out && w[-1] != '\n')
            *w++ = '\n';
        w += snprintf(w, cap - (size_t)(w - out), "%s", set);
    }
    *out_len = (size_t)(w - out);
    return out;
}

static int set_in_file(const char *path)
{
    struct stat st;
    size_t len = 0;
    char *text = read_conf(path, &st, &len);
    if (!text)
        return CLI_FAIL;
    char line[STAFF_PIN_HASH_TEXT_MAX + 32];
    if (!hash_line(line, sizeof line)) {
        free(text);
        return CLI_FAIL;
    }
    size_t out_len;
    bool replaced;
    char *out = with_line(text, len, line, &out_len, &replaced);
    free(text);
    char err[1024];
    struct file_owner owner = {st.st_uid, st.st_gid};
    bool ok = file_replace(path, out, out_len, st.st_mode, &owner, err,
                           sizeof err);
    free(out);
    if (!ok) {
        fprintf(stderr, "kiosk: " MODE ": %s\n", err);
        return CLI_FAIL;
    }
    printf("kiosk: " MODE ": the staff PIN is set in %s (%s); restart the "
           "exhibit for it to take effect: sudo systemctl restart kiosk\n",
           path, replaced ? "its staff-pin-hash line replaced"
                          : "a staff-pin-hash line added");
    return CLI_OK;
}

int mode_staff_pin_hash(int argc, char **argv,
                        const struct app_settings *settings)
{
    (void)settings;
    const char *file = NULL;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--set") == 0) {
            if (!(file = cli_value(MODE, argc, argv, &i)))
                return CLI_USAGE;
        } else {
            return cli_usage_error(MODE, "unexpected '%s': the PIN is read "
                                   "from standard input, e.g. 'read -s PIN "
                                   "&& echo \"$PIN\" | kiosk staff-pin-hash "
                                   "--set /etc/kiosk/kiosk.conf'",
                                   argv[i]);
        }
    }
    if (file)
        return set_in_file(file);
    char line[STAFF_PIN_HASH_TEXT_MAX + 32];
    if (!hash_line(line, sizeof line))
        return CLI_FAIL;
    fputs(line, stdout);
    return CLI_OK;
}
