/* import.c: the USB import (see import.h).
 *
 * Order (import_run's steps): lock, clean leftovers (lock_state); find the
 * folder, copy it, every file synced (copy_from_stick); check it
 * (check_copy); then -- only if valid -- write its .release, sync, rename
 * it into releases/, switch `current`, prune (install); and whatever
 * happened, describe the change and make the report (report).  Each step
 * passes fault points, so the tests can cut the power anywhere; release.h
 * says why no cut can leave a broken `current`. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "content/exhibit.h"
#include "core/diag.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "state/fault.h"
#include "state/import.h"
#include "state/import_diff.h"
#include "state/release.h"

struct copy {
    size_t bytes, files;
    struct diag_list *d;
};

void import_status(const char *state, const char *phase, int percent,
                   const char *msg)
{
    char tmp[4200], path[4200];
    snprintf(tmp, sizeof tmp, "%s/import-status.new", state);
    snprintf(path, sizeof path, "%s/import-status", state);
    FILE *f = fopen(tmp, "w");
    if (!f)
        return;
    fprintf(f, "%s %d %s\n", phase, percent, msg ? msg : "");
    fclose(f);
    rename(tmp, path);
}

/* A name on the stick that is refused, with why: anything that could
 * show as something it is not (a line break, a control, a bidirectional
 * control, bytes that are not UTF-8), and a backslash, which Windows
 * reads as a folder separator.  The error names it escaped, in the
 * folder `where`; false if the name may be copied. */
static bool refuse_name(struct diag_list *d, const char *where,
                        const char *what, const char *name)
{
    char why[200];
    const char *problem = utf8_name_problem(name, strlen(name), why,
                                            sizeof why);
    if (!problem && strchr(name, '\\'))
        problem = "a backslash, which Windows reads as a folder separator";
    if (!problem)
        return false;
    char *shown = utf8_escape(name, strlen(name));
    diag_add(d, DIAG_ERROR, where, 0, 0, NULL, "the %s '%s' contains %s; "
             "rename it on the stick", what, shown, problem);
    free(shown);
    return true;
}

/* A kiosk-content folder at `path`: the first is kept, any other is an
 * error naming both. */
static void found_one(const char *path, int *found, char *first,
                      size_t first_size, struct diag_list *d)
{
    if (!(*found)++)
        snprintf(first, first_size, "%s", path);
    else
        diag_add(d, DIAG_ERROR, path, 0, 0, NULL, "a second '%s' folder "
                 "(the first is %s); keep only one on the stick",
                 IMPORT_FOLDER, first);
}

/* Finds kiosk-content at the root or one level down; exactly one (a
 * folder under a refused name is counted -- the stick did bring content
 * -- and sets *refused, with its error). */
static int find_folder(const char *stick, char *out, size_t n,
                       bool *refused, struct diag_list *d)
{
    int found = 0;
    *refused = false;
    char first[4800] = "";
    DIR *root = opendir(stick);
    if (!root) {
        diag_add(d, DIAG_ERROR, stick, 0, 0, NULL, "the stick cannot be "
                 "read (%s)", strerror(errno));
        return 0;
    }
    struct dirent *e;
    while ((e = readdir(root))) {
        if (e->d_name[0] == '.')
            continue;
        char p[4400];
        snprintf(p, sizeof p, "%s/%s", stick, e->d_name);
        struct stat st;
        if (lstat(p, &st) != 0 || !S_ISDIR(st.st_mode))
            continue;
        if (strcasecmp(e->d_name, IMPORT_FOLDER) == 0) {
            found_one(p, &found, first, sizeof first, d);
            continue;
        }
        DIR *sub = opendir(p);
        struct dirent *s;
        while (sub && (s = readdir(sub))) {
            if (strcasecmp(s->d_name, IMPORT_FOLDER) != 0)
                continue;
            char q[4700];
            snprintf(q, sizeof q, "%s/%s", p, s->d_name);
            if (lstat(q, &st) != 0 || !S_ISDIR(st.st_mode))
                continue;
            if (refuse_name(d, stick, "name of the folder holding "
                            IMPORT_FOLDER, e->d_name)) {
                *refused = true;
                if (!found++) /* its name is not repeated */
                    snprintf(first, sizeof first, "a folder of a refused "
                             "name");
            } else {
                found_one(q, &found, first, sizeof first, d);
            }
        }
        if (sub)
            closedir(sub);
    }
    closedir(root);
    if (found == 0)
        diag_add(d, DIAG_ERROR, stick, 0, 0, NULL, "no folder named '%s' "
                 "on this stick; copy the exhibit's content folder there "
                 "under that name", IMPORT_FOLDER);
    snprintf(out, n, "%s", first);
    return found;
}

/* Copies the open file `in` (listed as `st`, checked) to `to`; closes
 * `in`. */
static bool copy_file(struct copy *c, int in, const char *from,
                      const char *to, const struct stat *st)
{
    if (c->bytes + (size_t)st->st_size > IMPORT_MAX_BYTES) {
        diag_add(c->d, DIAG_ERROR, from, 0, 0, NULL, "the content is larger "
                 "than %u MiB in all; is this the right folder?",
                 IMPORT_MAX_BYTES >> 20);
        close(in);
        return false;
    }
    int out = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (out < 0) {
        diag_add(c->d, DIAG_ERROR, to, 0, 0, NULL, "cannot write the copy "
                 "(%s)", strerror(errno));
        close(in);
        return false;
    }
    char buf[65536];
    bool ok = true;
    size_t total = 0;
    for (;;) {
        ssize_t r = read(in, buf, sizeof buf);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            diag_add(c->d, DIAG_ERROR, from, 0, 0, NULL, "reading failed "
                     "(%s); was the stick pulled out?", strerror(errno));
            ok = false;
            break;
        }
        if (r == 0)
            break;
        total += (size_t)r;
        if (total > (size_t)st->st_size || total > IMPORT_MAX_BYTES) {
            diag_add(c->d, DIAG_ERROR, from, 0, 0, NULL, "this file grew "
                     "while it was copied");
            ok = false;
            break;
        }
        if (fault_write(out, buf, (size_t)r) != r) {
            diag_add(c->d, DIAG_ERROR, to, 0, 0, NULL, "writing the copy "
                     "failed (%s); is the kiosk's disk full?",
                     strerror(errno));
            ok = false;
            break;
        }
    }
    ok = ok && fsync(out) == 0;
    close(in);
    ok = close(out) == 0 && ok;
    c->bytes += total;
    return ok;
}

/* Opens `name` in the folder `dir` without following a link, and checks
 * that what opened is what was listed (`st`): a stick whose content is
 * swapped between listing and reading (a USB gadget can do that) is
 * caught, never followed.  -1 (with a diagnostic) otherwise. */
static int open_listed(struct copy *c, int dir, const char *name,
                       const char *path, const struct stat *st, int flags)
{
    int fd = openat(dir, name, flags | O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
                                   O_CLOEXEC);
    struct stat now;
    if (fd >= 0 && fstat(fd, &now) == 0 && now.st_dev == st->st_dev &&
        now.st_ino == st->st_ino &&
        (now.st_mode & S_IFMT) == (st->st_mode & S_IFMT))
        return fd;
    if (fd < 0 && errno == ELOOP)
        diag_add(c->d, DIAG_ERROR, path, 0, 0, NULL, "this became a link "
                 "while it was copied; links are never followed from a "
                 "stick");
    else if (fd < 0)
        diag_add(c->d, DIAG_ERROR, path, 0, 0, NULL, "cannot read this %s "
                 "(%s)", S_ISDIR(st->st_mode) ? "folder" : "file",
                 strerror(errno));
    else
        diag_add(c->d, DIAG_ERROR, path, 0, 0, NULL, "changed while it was "
                 "copied; copy the folder again and plug the stick in "
                 "again");
    if (fd >= 0)
        close(fd);
    return -1;
}

/* Copies the folder open as `dir` (`from` in messages; the descriptor is
 * taken) into the new folder `to`, depth-first.  Everything is reached
 * from `dir` by descriptor, one name at a time, never by a path a stick
 * could redirect. */
static bool copy_tree(struct copy *c, int dir, const char *from,
                      const char *to, int depth)
{
    if (mkdir(to, 0755) != 0) {
        diag_add(c->d, DIAG_ERROR, to, 0, 0, NULL, "cannot make a folder "
                 "(%s)", strerror(errno));
        close(dir);
        return false;
    }
    DIR *d = fdopendir(dir);
    if (!d) {
        diag_add(c->d, DIAG_ERROR, from, 0, 0, NULL, "cannot read this "
                 "folder (%s)", strerror(errno));
        close(dir);
        return false;
    }
    bool ok = true;
    struct dirent *e;
    while (ok && (e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue; /* ., .., and the hidden litter of other systems */
        char src[4400], dst[4400];
        snprintf(src, sizeof src, "%s/%s", from, e->d_name);
        snprintf(dst, sizeof dst, "%s/%s", to, e->d_name);
        if (refuse_name(c->d, from, "file name", e->d_name)) {
            ok = false;
            break;
        }
        if (++c->files > IMPORT_MAX_FILES) {
            diag_add(c->d, DIAG_ERROR, from, 0, 0, NULL, "more than %d "
                     "files; is this the right folder?", IMPORT_MAX_FILES);
            ok = false;
            break;
        }
        struct stat st;
        int fd;
        if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
            diag_add(c->d, DIAG_ERROR, src, 0, 0, NULL, "cannot read this "
                     "(%s)", strerror(errno));
            ok = false;
        } else if (S_ISLNK(st.st_mode)) {
            diag_add(c->d, DIAG_ERROR, src, 0, 0, NULL, "this is a link; "
                     "links are never followed from a stick -- copy the "
                     "file itself");
            ok = false;
        } else if (S_ISDIR(st.st_mode)) {
            if (depth >= 2) {
                diag_add(c->d, DIAG_ERROR, src, 0, 0, NULL, "folders nest "
                         "too deep here; the content has only report/ and "
                         "map/");
                ok = false;
            } else {
                fd = open_listed(c, dirfd(d), e->d_name, src, &st,
                                 O_DIRECTORY);
                ok = fd >= 0 && copy_tree(c, fd, src, dst, depth + 1);
            }
        } else if (!S_ISREG(st.st_mode)) {
            diag_add(c->d, DIAG_ERROR, src, 0, 0, NULL, "this is not a "
                     "regular file (a device or a pipe)");
            ok = false;
        } else if ((uintmax_t)st.st_size > IMPORT_MAX_BYTES) {
            diag_add(c->d, DIAG_ERROR, src, 0, 0, NULL, "this file is %.1f "
                     "GiB; content files are a few MiB at most",
                     st.st_size / 1073741824.0);
            ok = false;
        } else {
            fd = open_listed(c, dirfd(d), e->d_name, src, &st, 0);
            ok = fd >= 0 && copy_file(c, fd, src, dst, &st);
        }
        fault_point();
    }
    closedir(d);
    return ok && release_sync_path(to);
}

/* The found folder (`stick`/kiosk-content or `stick`/X/kiosk-content)
 * opened one component at a time from the stick's root, none a link.
 * -1 (with a diagnostic) otherwise. */
static int open_folder(struct copy *c, const char *stick, const char *folder)
{
    size_t n = strlen(stick);
    int fd = open(stick, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 || strncmp(folder, stick, n) != 0 || folder[n] != '/') {
        diag_add(c->d, DIAG_ERROR, folder, 0, 0, NULL, "the stick cannot be "
                 "read");
        if (fd >= 0)
            close(fd);
        return -1;
    }
    char rest[4800];
    snprintf(rest, sizeof rest, "%s", folder + n + 1);
    char *save = NULL;
    for (char *part = strtok_r(rest, "/", &save); part;
         part = strtok_r(NULL, "/", &save)) {
        int sub = openat(fd, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
                                       O_NONBLOCK | O_CLOEXEC);
        close(fd);
        if (sub < 0) {
            diag_add(c->d, DIAG_ERROR, folder, 0, 0, NULL, "cannot be "
                     "opened (%s); links are never followed from a stick",
                     strerror(errno));
            return -1;
        }
        fd = sub;
    }
    return fd;
}

/* The diagnostics with the staging folder's paths shown as the stick's. */
static void relabel(struct diag_list *d, const char *staging,
                    const char *folder_on_stick)
{
    size_t n = strlen(staging);
    for (size_t i = 0; i < d->count; i++) {
        char *p = d->items[i].path;
        if (strncmp(p, staging, n) != 0)
            continue;
        size_t len = strlen(folder_on_stick) + strlen(p + n) + 1;
        char *q = xmalloc(len);
        snprintf(q, len, "%s%s", folder_on_stick, p + n);
        free(p);
        d->items[i].path = q;
    }
}

/* The same report in the state folder, for the staff panel; replaced
 * whole, never half written.  Best effort: the stick's copy is the one
 * the curator reads. */
void import_keep_report(const char *state, const char *text, size_t len)
{
    char tmp[4200], path[4200];
    snprintf(tmp, sizeof tmp, "%s/.%s.new", state, IMPORT_LAST_REPORT);
    snprintf(path, sizeof path, "%s/%s", state, IMPORT_LAST_REPORT);
    FILE *f = fopen(tmp, "w");
    if (!f)
        return;
    bool ok = fwrite(text, 1, len, f) == len;
    if (fclose(f) == 0 && ok)
        rename(tmp, path);
    else
        unlink(tmp);
}

/* One import: its paths, what it found and made, the diagnostics. */
struct job {
    const char *stick, *state;
    const struct text_fonts *fonts;
    struct import_result *r;
    struct diag_list d;
    char date[32];          /* the import's time, UTC */
    char staging[4200];     /* STATE/staging */
    char folder[4800];      /* the kiosk-content folder on the stick */
    int lockfd;
    struct exhibit *ex;     /* the copy, checked */
    struct exhibit *old;    /* the release it replaces, if it loads */
    unsigned old_id;        /* its number */
};

/* The state folder made ready and locked for this import alone, and what
 * an interrupted one left removed. */
static bool lock_state(struct job *j)
{
    if (!release_prepare(j->state)) {
        diag_add(&j->d, DIAG_ERROR, j->state, 0, 0, NULL, "the kiosk's state "
                 "folder cannot be prepared (%s)", strerror(errno));
        return false;
    }
    char lock[4200];
    snprintf(lock, sizeof lock, "%s/import.lock", j->state);
    j->lockfd = open(lock, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
    if (j->lockfd < 0 || flock(j->lockfd, LOCK_EX | LOCK_NB) != 0) {
        diag_add(&j->d, DIAG_ERROR, j->state, 0, 0, NULL, "another import "
                 "is running; wait for it to finish");
        return false;
    }
    release_remove_tree(j->staging); /* what an interrupted import left */
    char cur_new[4200];
    snprintf(cur_new, sizeof cur_new, "%s/current.new", j->state);
    unlink(cur_new);
    fault_point();
    return true;
}

/* The stick's one kiosk-content folder copied into STATE/staging. */
static bool copy_from_stick(struct job *j)
{
    import_status(j->state, "copying", 0, NULL);
    bool refused;
    j->r->folders = find_folder(j->stick, j->folder, sizeof j->folder,
                                &refused, &j->d);
    if (j->r->folders != 1 || refused)
        return false;
    struct copy c = {0, 0, &j->d};
    int top = open_folder(&c, j->stick, j->folder);
    if (top < 0 || !copy_tree(&c, top, j->folder, j->staging, 0) ||
        !release_sync_path(j->state))
        return false;
    fault_point();
    return true;
}

/* The copy checked as `kiosk check` does (fonts required). */
static bool check_copy(struct job *j)
{
    import_status(j->state, "checking", 40, NULL);
    j->ex = content_load(j->staging, j->fonts, &j->d);
    if (!j->ex)
        return false;
    fault_point();
    return true;
}

/* The checked copy becomes release `id`: its .release written, synced,
 * renamed into releases/. */
static bool make_release(struct job *j, unsigned id)
{
    struct release_info info = {.id = id, .passages = j->ex->passage_count,
                                .places = j->ex->place_count};
    snprintf(info.date, sizeof info.date, "%s", j->date);
    size_t keep = utf8_prefix_len(j->folder, strlen(j->folder),
                                  sizeof info.source - 1);
    memcpy(info.source, j->folder, keep); /* the rest of info is zero */
    if (!release_write_info(j->staging, &info) ||
        !release_sync_path(j->staging)) {
        diag_add(&j->d, DIAG_ERROR, j->staging, 0, 0, NULL, "writing the "
                 "release failed (%s); is the kiosk's disk full?",
                 strerror(errno));
        return false;
    }
    fault_point();
    char dest[4200], releases[4200];
    release_path(j->state, id, dest, sizeof dest);
    snprintf(releases, sizeof releases, "%s/releases", j->state);
    if (rename(j->staging, dest) != 0 || !release_sync_path(releases)) {
        diag_add(&j->d, DIAG_ERROR, dest, 0, 0, NULL, "installing the "
                 "release failed (%s)", strerror(errno));
        return false;
    }
    fault_point();
    return true;
}

/* The release before is loaded (to describe the change), the copy
 * installed as the next release, `current` switched to it, old ones
 * pruned. */
static bool install(struct job *j)
{
    import_status(j->state, "installing", 70, NULL);
    char curpath[4200];
    j->old_id = release_current(j->state);
    if (release_current_path(j->state, curpath, sizeof curpath)) {
        struct diag_list od;
        diag_list_init(&od);
        j->old = content_load(curpath, j->fonts, &od);
        diag_list_fini(&od);
    }
    unsigned newest = release_newest(j->state), id = newest + 1;
    if (newest >= RELEASE_ID_MAX) {
        diag_add(&j->d, DIAG_ERROR, j->state, 0, 0, NULL, "the release "
                 "numbers are used up (release %u is there); remove the "
                 "old releases from this folder", newest);
        return false;
    }
    if (!make_release(j, id))
        return false;
    if (!release_switch(j->state, id)) {
        diag_add(&j->d, DIAG_ERROR, j->state, 0, 0, NULL, "switching to "
                 "the new release failed (%s)", strerror(errno));
        return false;
    }
    j->r->installed = true;
    j->r->release = id;
    release_prune(j->state);
    fault_point();
    return true;
}

/* The result's counts and line, and the report: its head, the line, the
 * diagnostics (with the stick's paths), the release the kiosk shows now,
 * and what changed, field by field and language by language. */
static void report(struct job *j, FILE *rep)
{
    struct import_result *r = j->r;
    char *changes = NULL;
    size_t clen = 0;
    FILE *cf = open_memstream(&changes, &clen);
    struct import_changes c = {0};
    if (r->installed)
        import_diff(j->old, j->ex, &c, cf);
    fclose(cf);
    r->added = c.added;
    r->changed = c.changed;
    r->removed = c.removed;
    r->places_added = c.places_added;
    r->places_removed = c.places_removed;
    r->other = c.other + c.places_added + c.places_removed;
    r->errors = j->d.errors;
    r->warnings = j->d.warnings;
    r->shown = r->installed ? r->release : release_current(j->state);
    if (r->installed)
        snprintf(r->message, sizeof r->message, "Updated to release %u: %u "
                 "passage%s changed, %u added, %u removed%s", r->release,
                 r->changed, r->changed == 1 ? "" : "s", r->added,
                 r->removed, r->other ? "; other changes listed in the "
                 "report" : "");
    else
        snprintf(r->message, sizeof r->message, "Not installed: %zu "
                 "error%s — see %s on the stick", j->d.errors,
                 j->d.errors == 1 ? "" : "s", IMPORT_REPORT);
    fprintf(rep, "Kiosk content import, %s\n\n%s\n\n", j->date,
            r->message);
    if (j->folder[0])
        relabel(&j->d, j->staging, IMPORT_FOLDER);
    diag_list_print(&j->d, rep);
    if (j->d.count || j->d.dropped)
        fputc('\n', rep);
    if (r->installed)
        fprintf(rep, "The kiosk now shows release %u (%u passages, %u "
                "places), imported %s.\n", r->release, j->ex->passage_count,
                j->ex->place_count, j->date);
    else if (r->shown)
        fprintf(rep, "The kiosk still shows release %u; nothing on it "
                "changed.\n", r->shown);
    else
        fprintf(rep, "The kiosk has no release installed yet; it still "
                "shows the content it was set up with.\n");
    if (r->installed && j->old)
        fprintf(rep, "\nChanges from release %u, the one before, field by "
                "field and language by language:\n%s", j->old_id,
                clen ? changes : "  none\n");
    else if (r->installed)
        fprintf(rep, "\nThe first release on this kiosk holds:\n%s",
                clen ? changes : "  nothing\n");
    free(changes);
}

void import_status_facts(const struct import_result *r, char *out,
                         size_t n)
{
    snprintf(out, n, "\trelease=%u shown=%u changed=%u added=%u removed=%u "
             "other=%u errors=%zu", r->installed ? r->release : 0, r->shown,
             r->changed, r->added, r->removed, r->other, r->errors);
}

bool import_run(const char *stick, const char *state,
                const struct text_fonts *fonts, struct import_result *r)
{
    memset(r, 0, sizeof *r);
    struct job j = {.stick = stick, .state = state, .fonts = fonts, .r = r,
                    .lockfd = -1};
    diag_list_init(&j.d);
    time_t now = time(NULL);
    strftime(j.date, sizeof j.date, "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
    snprintf(j.staging, sizeof j.staging, "%s/staging", state);

    if (lock_state(&j) && copy_from_stick(&j) && check_copy(&j))
        install(&j);

    FILE *rep = open_memstream(&r->report, &r->report_len);
    report(&j, rep);
    fclose(rep); /* the caller writes the report to the stick */
    import_keep_report(state, r->report, r->report_len);
    char facts[200], status[sizeof r->message + sizeof facts];
    import_status_facts(r, facts, sizeof facts);
    snprintf(status, sizeof status, "%s%s", r->message, facts);
    import_status(state, r->installed ? "done" : "failed", 100, status);
    if (!r->installed && j.folder[0])
        release_remove_tree(j.staging);
    content_destroy(j.ex);
    content_destroy(j.old);
    diag_list_fini(&j.d);
    if (j.lockfd >= 0)
        close(j.lockfd);
    return r->installed;
}

void import_result_fini(struct import_result *r)
{
    free(r->report);
    r->report = NULL;
    r->report_len = 0;
}
