/* release.c: the release store (see release.h). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "content/fault.h"
#include "content/release.h"

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

static bool parse_id(const char *name, unsigned *id)
{
    if (strlen(name) != 4)
        return false;
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        if (name[i] < '0' || name[i] > '9')
            return false;
        v = v * 10 + (unsigned)(name[i] - '0');
    }
    *id = v;
    return v > 0;
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
    char line[512];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        if (strncmp(line, "date: ", 6) == 0)
            snprintf(r->date, sizeof r->date, "%.31s", line + 6);
        else if (strncmp(line, "source: ", 8) == 0)
            snprintf(r->source, sizeof r->source, "%.255s", line + 8);
        else if (strncmp(line, "passages: ", 10) == 0)
            r->passages = (unsigned)atoi(line + 10);
        else if (strncmp(line, "places: ", 8) == 0)
            r->places = (unsigned)atoi(line + 8);
    }
    fclose(f);
}

static int cmp_id(const void *a, const void *b)
{
    unsigned x = ((const struct release_info *)a)->id;
    unsigned y = ((const struct release_info *)b)->id;
    return (x > y) - (x < y);
}

size_t release_list(const char *state, struct release_info *out, size_t max)
{
    char p[4096];
    snprintf(p, sizeof p, "%s/releases", state);
    DIR *d = opendir(p);
    if (!d)
        return 0;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        unsigned id;
        if (!parse_id(e->d_name, &id))
            continue;
        if (n < max)
            read_info(state, id, &out[n]);
        n++;
    }
    closedir(d);
    qsort(out, n < max ? n : max, sizeof *out, cmp_id);
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
    return parse_id(slash ? slash + 1 : target, &id) ? id : 0;
}

unsigned release_previous(const char *state)
{
    unsigned cur = release_current(state), prev = 0;
    struct release_info list[256];
    size_t n = release_list(state, list, 256);
    for (size_t i = 0; i < n && i < 256; i++)
        if (list[i].id < cur && list[i].id > prev)
            prev = list[i].id;
    return prev;
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
    char buf[1024];
    int len = snprintf(buf, sizeof buf, "id: %u\ndate: %s\nsource: %s\n"
                       "passages: %u\nplaces: %u\n", r->id, r->date,
                       r->source, r->passages, r->places);
    bool ok = fault_write(fd, buf, (size_t)len) == len && fsync(fd) == 0;
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
    struct release_info r[256];
    size_t n = release_list(state, r, 256);
    if (n > 256)
        n = 256;
    unsigned cur = release_current(state);
    size_t excess = n > RELEASE_KEEP ? n - RELEASE_KEEP : 0;
    for (size_t i = 0; i < n && excess > 0; i++) {
        if (r[i].id == cur)
            continue;
        char from[4096], to[4096];
        release_path(state, r[i].id, from, sizeof from);
        snprintf(to, sizeof to, "%s/trash/%04u", state, r[i].id);
        release_remove_tree(to);
        fault_point();
        if (rename(from, to) == 0) /* gone from the list at once */
            excess--;
        fault_point();
    }
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
