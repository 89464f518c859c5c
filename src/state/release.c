/* release.c: the release store (see release.h).
 *
 * Ids are numbers everywhere: a folder name is read back only if it is
 * exactly what release_path prints for its number, and every list is
 * sorted by number, so 10000 comes after 9999 (by name it would come
 * before it). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/utf8.h"
#include "core/xalloc.h"
#include "state/fault.h"
#include "state/release.h"

bool release_sync_path(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    bool ok = fsync(fd) == 0 || errno == EINVAL; /* some fs: dirs */
    close(fd);
    return ok;
}

void release_path(const char *state, unsigned id, char *buf, size_t n)
{
    snprintf(buf, n, "%s/releases/%04u", state, id);
}

bool release_prepare(const char *state)
{
    char p[4096];
    if (mkdir(state, 0755) != 0 && errno != EEXIST)
        return false;
    snprintf(p, sizeof p, "%s/releases", state);
    if (mkdir(p, 0755) != 0 && errno != EEXIST)
        return false;
    snprintf(p, sizeof p, "%s/trash", state);
    if (mkdir(p, 0755) != 0 && errno != EEXIST)
        return false;
    return true;
}

bool release_id_parse(const char *name, unsigned *id)
{
    size_t n = strlen(name);
    if (n < 4 || n > 9) /* "%04u" of 1 to RELEASE_ID_MAX */
        return false;
    unsigned long v = 0;
    for (size_t i = 0; i < n; i++) {
        if (name[i] < '0' || name[i] > '9')
            return false;
        v = v * 10 + (unsigned long)(name[i] - '0');
    }
    char printed[16];
    snprintf(printed, sizeof printed, "%04lu", v);
    if (v == 0 || v > RELEASE_ID_MAX || strcmp(printed, name) != 0)
        return false; /* "0000", or a zero too many: "010000" */
    *id = (unsigned)v;
    return true;
}

/* `text` (one line of .release, after its key) cut to fit out[n] between
 * two characters. */
static void copy_field(const char *text, size_t len, char *out, size_t n)
{
    size_t keep = utf8_prefix_len(text, len, n - 1);
    memcpy(out, text, keep);
    out[keep] = '\0';
}

/* A count of digits only; anything else leaves *out 0. */
static void parse_count(const char *text, unsigned *out)
{
    char *end;
    errno = 0;
    unsigned long v = strtoul(text, &end, 10);
    if (text[0] >= '0' && text[0] <= '9' && !*end && !errno && v <= UINT_MAX)
        *out = (unsigned)v;
}

/* The source as release_write_info wrote it: quoted, escaped (a file
 * from before the escaping has it bare, and a broken escape is kept as
 * written: both are shown escaped anyway). */
static void read_source(const char *text, struct release_info *r)
{
    size_t len = strlen(text), raw_len;
    if (len < 2 || text[0] != '"' || text[len - 1] != '"') {
        copy_field(text, len, r->source, sizeof r->source);
        return;
    }
    char *raw = utf8_unescape(text + 1, len - 2, &raw_len);
    if (raw)
        copy_field(raw, raw_len, r->source, sizeof r->source);
    else
        copy_field(text, len, r->source, sizeof r->source);
    free(raw);
}

static void read_info(const char *state, unsigned id, struct release_info *r)
{
    memset(r, 0, sizeof *r);
    r->id = id;
    char p[4200];
    release_path(state, id, p, sizeof p);
    strncat(p, "/.release", sizeof p - strlen(p) - 1);
    FILE *f = fopen(p, "r");
    if (!f)
        return;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    /* The first of each key counts. */
    bool date = false, source = false, passages = false, places = false;
    while ((n = getline(&line, &cap, f)) > 0) {
        if (line[n - 1] == '\n')
            line[--n] = '\0';
        if (!date && strncmp(line, "date: ", 6) == 0) {
            copy_field(line + 6, (size_t)n - 6, r->date, sizeof r->date);
            date = true;
        } else if (!source && strncmp(line, "source: ", 8) == 0) {
            read_source(line + 8, r);
            source = true;
        } else if (!passages && strncmp(line, "passages: ", 10) == 0) {
            parse_count(line + 10, &r->passages);
            passages = true;
        } else if (!places && strncmp(line, "places: ", 8) == 0) {
            parse_count(line + 8, &r->places);
            places = true;
        }
    }
    free(line);
    fclose(f);
}

static int cmp_id(const void *a, const void *b)
{
    unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;
    return (x > y) - (x < y);
}

/* Every release id in STATE/releases, in increasing order (*ids: caller
 * frees). */
static size_t list_ids(const char *state, unsigned **ids)
{
    *ids = NULL;
    char p[4096];
    snprintf(p, sizeof p, "%s/releases", state);
    DIR *d = opendir(p);
    if (!d)
        return 0;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        unsigned id;
        if (!release_id_parse(e->d_name, &id))
            continue;
        *ids = xgrow(*ids, &cap, n + 1, sizeof **ids);
        (*ids)[n++] = id;
    }
    closedir(d);
    if (n)
        qsort(*ids, n, sizeof **ids, cmp_id);
    return n;
}

size_t release_list(const char *state, struct release_info *out, size_t max)
{
    unsigned *ids;
    size_t n = list_ids(state, &ids);
    size_t first = n > max ? n - max : 0;
    for (size_t i = first; i < n; i++)
        read_info(state, ids[i], &out[i - first]);
    free(ids);
    return n;
}

unsigned release_current(const char *state)
{
    char p[4096], target[4096];
    snprintf(p, sizeof p, "%s/current", state);
    ssize_t n = readlink(p, target, sizeof target - 1);
    if (n <= 0)
        return 0;
    target[n] = '\0';
    const char *slash = strrchr(target, '/');
    unsigned id;
    return release_id_parse(slash ? slash + 1 : target, &id) ? id : 0;
}

unsigned release_previous(const char *state)
{
    unsigned cur = release_current(state), prev = 0, *ids;
    size_t n = list_ids(state, &ids);
    for (size_t i = 0; i < n; i++)
        if (ids[i] < cur)
            prev = ids[i]; /* increasing: the last one below wins */
    free(ids);
    return prev;
}

unsigned release_newest(const char *state)
{
    unsigned *ids;
    size_t n = list_ids(state, &ids);
    unsigned newest = n ? ids[n - 1] : 0;
    free(ids);
    return newest;
}

const char *release_current_path(const char *state, char *buf, size_t n)
{
    unsigned id = release_current(state);
    if (!id)
        return NULL;
    release_path(state, id, buf, n);
    return buf;
}

bool release_switch(const char *state, unsigned id)
{
    char tmp[4096], cur[4096], target[64];
    snprintf(tmp, sizeof tmp, "%s/current.new", state);
    snprintf(cur, sizeof cur, "%s/current", state);
    snprintf(target, sizeof target, "releases/%04u", id);
    unlink(tmp); /* a leftover from an interrupted switch */
    fault_point();
    if (symlink(target, tmp) != 0)
        return false;
    fault_point();
    if (rename(tmp, cur) != 0)
        return false;
    fault_point();
    return release_sync_path(state);
}

bool release_write_info(const char *dir, const struct release_info *r)
{
    char p[4200];
    snprintf(p, sizeof p, "%s/.release", dir);
    int fd = open(p, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return false;
    /* The source comes from the stick's path: escaped, it cannot break
     * the line and forge the keys after it. */
    char *source = utf8_escape(r->source, strlen(r->source));
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    fprintf(m, "id: %u\ndate: %s\nsource: \"%s\"\npassages: %u\n"
               "places: %u\n", r->id, r->date, source, r->passages,
            r->places);
    fclose(m);
    free(source);
    bool ok = fault_write(fd, buf, len) == (ssize_t)len && fsync(fd) == 0;
    free(buf);
    return close(fd) == 0 && ok;
}

void release_remove_tree(const char *path)
{
    DIR *d = opendir(path);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d))) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            char p[4400];
            snprintf(p, sizeof p, "%s/%s", path, e->d_name);
            struct stat st;
            if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
                release_remove_tree(p);
            else
                unlink(p);
        }
        closedir(d);
    }
    rmdir(path);
}

void release_prune(const char *state)
{
    unsigned *ids;
    size_t n = list_ids(state, &ids);
    unsigned cur = release_current(state);
    size_t excess = n > RELEASE_KEEP ? n - RELEASE_KEEP : 0;
    for (size_t i = 0; i < n && excess > 0; i++) { /* the oldest first */
        if (ids[i] == cur)
            continue;
        char from[4096], to[4096];
        release_path(state, ids[i], from, sizeof from);
        snprintf(to, sizeof to, "%s/trash/%04u", state, ids[i]);
        release_remove_tree(to);
        fault_point();
        if (rename(from, to) == 0) /* gone from the list at once */
            excess--;
        fault_point();
    }
    free(ids);
    /* Whatever is in the trash, from now or an interrupted prune. */
    char trash[4096];
    snprintf(trash, sizeof trash, "%s/trash", state);
    DIR *d = opendir(trash);
    struct dirent *e;
    while (d && (e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char p[4400];
        snprintf(p, sizeof p, "%s/%s", trash, e->d_name);
        release_remove_tree(p);
        fault_point();
    }
    if (d)
        closedir(d);
}
