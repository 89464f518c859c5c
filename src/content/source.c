/* source.c: reads one content file (see source.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "content/source.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "text/normalize.h"

void content_position(const char *text, size_t off, unsigned *line,
                      unsigned *column)
{
    unsigned l = 1;
    size_t start = 0;
    for (size_t i = 0; i < off && text[i]; i++) {
        if (text[i] == '\n') {
            l++;
            start = i + 1;
        }
    }
    unsigned c = 1;
    for (size_t i = start; i < off && text[i]; i++)
        c += ((unsigned char)text[i] & 0xC0) != 0x80;
    *line = l;
    *column = c;
}

const char *content_line_start(const char *text, size_t off)
{
    while (off > 0 && text[off - 1] != '\n')
        off--;
    return text + off;
}

void content_diag_eof(struct diag_list *diags, enum diag_severity severity,
                      const struct content_source *src, const char *fmt,
                      ...)
{
    char msg[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    /* The last line with something on it. */
    size_t end = src->len;
    while (end > 0 && (src->text[end - 1] == '\n' ||
                       src->text[end - 1] == ' '))
        end--;
    unsigned line, col;
    content_position(src->text, end ? end - 1 : 0, &line, &col);
    diag_add(diags, severity, src->path, line, 0,
             content_line_start(src->text, end ? end - 1 : 0), "%s", msg);
}

void content_diag_at(struct diag_list *diags, enum diag_severity severity,
                     const struct content_source *src, size_t off,
                     const char *fmt, ...)
{
    if (diag_list_full(diags)) {
        diag_count(diags, severity); /* skip locating it */
        return;
    }
    unsigned line, col;
    content_position(src->text, off, &line, &col);
    va_list ap;
    va_start(ap, fmt);
    diag_addv(diags, severity, src->path, line, col,
              content_line_start(src->text, off), fmt, ap);
    va_end(ap);
}

static char *join(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = xmalloc(n);
    snprintf(p, n, "%s/%s", dir, name);
    return p;
}

/* Opens dir/name for reading without following a link at any component
 * of `name` (a folder such as report/ as well as the file): the folders
 * one at a time with O_NOFOLLOW | O_DIRECTORY, the file with O_NOFOLLOW |
 * O_NONBLOCK (a FIFO must not block).  -1 with a sentence in `why` if it
 * cannot be opened; a link is named with where it points. */
static int open_no_links(const char *dir, const char *name, char *why,
                         size_t why_size)
{
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd < 0) {
        snprintf(why, why_size, "cannot read this file (%s)",
                 strerror(errno));
        return -1;
    }
    char part[256];
    const char *p = name;
    for (;;) {
        size_t n = strcspn(p, "/");
        bool last = p[n] == '\0';
        if (n == 0 || n >= sizeof part) {
            snprintf(why, why_size, "cannot read this file (a bad path)");
            close(dfd);
            return -1;
        }
        memcpy(part, p, n);
        part[n] = '\0';
        int flags = O_RDONLY | O_NOFOLLOW | O_CLOEXEC |
                    (last ? O_NONBLOCK : O_DIRECTORY);
        int fd = openat(dfd, part, flags);
        int err = errno;
        struct stat st;
        if (fd < 0 && fstatat(dfd, part, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
            S_ISLNK(st.st_mode)) {
            char to[256];
            ssize_t t = readlinkat(dfd, part, to, sizeof to - 1);
            to[t > 0 ? t : 0] = '\0';
            snprintf(why, why_size, "%s%s%s is a link (to '%s'); a content "
                     "folder must hold its files and folders themselves -- "
                     "copy %s in instead of linking to it",
                     last ? "this file" : "the folder '", last ? "" : part,
                     last ? "" : "'", to, last ? "the file" : "the folder");
            close(dfd);
            return -1;
        }
        close(dfd);
        if (fd < 0) {
            snprintf(why, why_size, "cannot read this file (%s)",
                     strerror(err));
            return -1;
        }
        if (last)
            return fd;
        dfd = fd;
        p += n + 1;
    }
}

static void mib(size_t bytes, char buf[32])
{
    if (bytes >= 1024 * 1024)
        snprintf(buf, 32, "%.1f MiB", bytes / 1048576.0);
    else
        snprintf(buf, 32, "%zu KiB", (bytes + 1023) / 1024);
}

/* Opens dir/name (see open_no_links) and checks that it is a regular file
 * of at most max_bytes: its descriptor, with its size in *size, or -1
 * with the diagnostic added. */
static int open_regular(const char *dir, const char *name, const char *path,
                        size_t max_bytes, size_t *size, struct diag_list *d)
{
    struct stat st;
    char why[768];
    int fd = open_no_links(dir, name, why, sizeof why);
    if (fd < 0 || fstat(fd, &st) != 0) {
        diag_add(d, DIAG_ERROR, path, 0, 0, NULL, "%s",
                 fd < 0 ? why : strerror(errno));
        if (fd >= 0)
            close(fd);
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        diag_add(d, DIAG_ERROR, path, 0, 0, NULL, "this is not a regular "
                 "file (a folder, device or pipe); content must be plain "
                 "text files");
    } else if ((uintmax_t)st.st_size > max_bytes) {
        char have[32], limit[32];
        mib((size_t)st.st_size, have);
        mib(max_bytes, limit);
        diag_add(d, DIAG_ERROR, path, 0, 0, NULL, "this file is %s; the "
                 "limit is %s — is it the right file?", have, limit);
    } else {
        *size = (size_t)st.st_size;
        return fd;
    }
    close(fd);
    return -1;
}

/* Reads at most `size` bytes of fd (fewer if the file shrank since its
 * fstat) and closes it: the bytes, NUL-terminated, their count in *len. */
static char *read_all(int fd, size_t size, size_t *len)
{
    size_t n = 0;
    char *raw = xmalloc(size + 1);
    while (n < size) {
        ssize_t r = read(fd, raw + n, size - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        n += (size_t)r;
    }
    close(fd);
    raw[n] = '\0';
    *len = n;
    return raw;
}

/* NUL bytes: a binary file, or UTF-16 saved by a Windows editor.  False,
 * with the diagnostic, if raw[0..n) holds one. */
static bool check_no_nul(char *path, char *raw, size_t n,
                         struct diag_list *d)
{
    const char *nul = memchr(raw, '\0', n);
    if (!nul)
        return true;
    /* raw as a source reads up to the first NUL: the line quoted ends at
     * the bad byte. */
    struct content_source tmp = {.path = path, .text = raw};
    bool utf16 = n >= 2 && (((unsigned char)raw[0] == 0xFF &&
                             (unsigned char)raw[1] == 0xFE) ||
                            ((unsigned char)raw[0] == 0xFE &&
                             (unsigned char)raw[1] == 0xFF));
    if (utf16)
        diag_add(d, DIAG_ERROR, path, 0, 0, NULL, "this file is saved "
                 "as UTF-16; save it as UTF-8 (in Notepad: File > Save "
                 "as > Encoding: UTF-8)");
    else
        content_diag_at(d, DIAG_ERROR, &tmp, (size_t)(nul - raw), "this "
                        "file contains NUL bytes; is it a text file? Save "
                        "it as UTF-8 text");
    return false;
}

/* Invalid UTF-8: false, with a diagnostic at the first bad byte, if
 * raw[0..n) (which holds no NUL) is not UTF-8. */
static bool check_utf8(char *path, char *raw, size_t n, struct diag_list *d)
{
    size_t i = 0;
    while (i < n) {
        size_t used;
        uint32_t cp = utf8_decode(raw + i, n - i, &used);
        if (utf8_decoded_bad(raw + i, cp, used)) {
            struct content_source tmp = {.path = path, .text = raw};
            char save = raw[i];
            raw[i] = '\0'; /* quote the line up to the bad byte */
            content_diag_at(d, DIAG_ERROR, &tmp, i, "byte 0x%02X is not "
                            "UTF-8; save the file as UTF-8 (in Notepad: "
                            "File > Save as > Encoding: UTF-8)",
                            (unsigned char)save);
            return false;
        }
        i += used;
    }
    return true;
}

/* Drops a leading BOM and turns CRLF and CR into LF, in place (the text
 * only shrinks); returns the new length, NUL-terminated. */
static size_t to_lf(char *raw, size_t n)
{
    size_t start = n >= 3 && memcmp(raw, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    size_t o = 0;
    for (size_t k = start; k < n; k++) {
        if (raw[k] == '\r') {
            raw[o++] = '\n';
            if (k + 1 < n && raw[k + 1] == '\n')
                k++;
        } else {
            raw[o++] = raw[k];
        }
    }
    raw[o] = '\0';
    return o;
}

/* The steps in order, each refusing the file with its diagnostic: open
 * (links, regular file, size), read, no NUL, UTF-8; then the text is
 * made LF-only and NFC, so every later position refers to it. */
bool content_source_read(const char *dir, const char *name, size_t max_bytes,
                         struct content_source *out, struct diag_list *d)
{
    memset(out, 0, sizeof *out);
    char *path = join(dir, name);
    size_t size, n;
    int fd = open_regular(dir, name, path, max_bytes, &size, d);
    if (fd < 0) {
        free(path);
        return false;
    }
    char *raw = read_all(fd, size, &n);
    if (!check_no_nul(path, raw, n, d) || !check_utf8(path, raw, n, d)) {
        free(raw);
        free(path);
        return false;
    }
    size_t len = to_lf(raw, n);
    out->text = text_normalize_file(raw, len, &out->len);
    out->path = path;
    free(raw);
    return true;
}

void content_source_fini(struct content_source *src)
{
    free(src->path);
    free(src->text);
    memset(src, 0, sizeof *src);
}
