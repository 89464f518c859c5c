/* stick_write.c: writing to a curator's stick (stick_write.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "state/stick_write.h"

static bool fail(char *err, size_t n, const char *name, const char *why,
                 int e)
{
    snprintf(err, n, "%s on the stick: %s%s%s", name, why, e ? ": " : "",
             e ? strerror(e) : "");
    return false;
}

/* One attempt: the temporary file, written, synced, renamed into place.
 * *space is set when it failed for want of space. */
static bool write_once(int dir, const char *name, const void *data,
                       size_t len, bool *space, char *err, size_t err_size)
{
    *space = false;
    /* A fresh name: whatever the stick holds under our usual names is
     * never opened. */
    static unsigned serial;
    char tmp[300];
    snprintf(tmp, sizeof tmp, ".%s.%ld.%u.new", name, (long)getpid(),
             serial++);
    int fd = openat(dir, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
                                  O_NONBLOCK | O_CLOEXEC, 0644);
    if (fd < 0) {
        int e = errno;
        *space = e == ENOSPC || e == EDQUOT;
        return fail(err, err_size, name, "cannot be created (is the stick "
                    "full or read-only?)", e);
    }
    struct stat st;
    bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
              st.st_nlink == 1 && st.st_size == 0;
    if (!ok)
        fail(err, err_size, name, "the new file is not a plain file", 0);
    const char *p = data;
    size_t left = len;
    while (ok && left > 0) {
        ssize_t w = write(fd, p, left);
        if (w <= 0) {
            int e = w < 0 ? errno : ENOSPC;
            *space = e == ENOSPC || e == EDQUOT;
            ok = fail(err, err_size, name, "writing failed (is the stick "
                      "full?)", e);
            break;
        }
        p += w;
        left -= (size_t)w;
    }
    if (ok && fsync(fd) != 0) {
        *space = errno == ENOSPC || errno == EDQUOT;
        ok = fail(err, err_size, name, "cannot be synced", errno);
    }
    if (close(fd) != 0 && ok)
        ok = fail(err, err_size, name, "cannot be closed", errno);
    /* Only a plain file (or nothing) is replaced: a link, folder or FIFO
     * under the final name stays as it is and the write fails. */
    if (ok) {
        struct stat old;
        if (fstatat(dir, name, &old, AT_SYMLINK_NOFOLLOW) == 0 &&
            !S_ISREG(old.st_mode))
            ok = fail(err, err_size, name, "is there but not a plain file; "
                      "remove it from the stick", 0);
        else if (renameat(dir, tmp, dir, name) != 0)
            ok = fail(err, err_size, name, "cannot be renamed into place",
                      errno);
    }
    if (!ok)
        unlinkat(dir, tmp, 0);
    else
        fsync(dir);
    return ok;
}

/* Removes `name` at `dir` if it is a plain file; true if it was one. */
static bool remove_plain(int dir, const char *name)
{
    struct stat st;
    return fstatat(dir, name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
           S_ISREG(st.st_mode) && unlinkat(dir, name, 0) == 0;
}

bool stick_write(const char *root, const char *name, const void *data,
                 size_t len, char *err, size_t err_size)
{
    if (!*name || strchr(name, '/'))
        return fail(err, err_size, name, "not a file name", 0);
    int dir = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0)
        return fail(err, err_size, name, "cannot open the stick", errno);
    bool space;
    bool ok = write_once(dir, name, data, len, &space, err, err_size);
    /* A full stick: the old file's room is the new one's (it would be
     * out of date anyway), then once more. */
    if (!ok && space && remove_plain(dir, name))
        ok = write_once(dir, name, data, len, &space, err, err_size);
    close(dir);
    return ok;
}

void stick_remove_stale(const char *root, const char *name)
{
    int dir = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0)
        return;
    remove_plain(dir, name);
    close(dir);
}
