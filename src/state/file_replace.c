/* file_replace.c: write beside, sync, rename over, sync the folder (see
 * file_replace.h). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "state/file_replace.h"

static bool write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        p += w;
        n -= (size_t)w;
    }
    return true;
}

bool file_replace(const char *path, const void *data, size_t len,
                  mode_t mode, const struct file_owner *owner, char *err,
                  size_t err_size)
{
    const char *slash = strrchr(path, '/');
    char dir[PATH_MAX], tmp[PATH_MAX];
    int dn = slash == path ? 1 : slash ? (int)(slash - path) : 1;
    const char *dir_text = slash ? path : ".";
    int n = snprintf(dir, sizeof dir, "%.*s", dn, dir_text);
    int m = snprintf(tmp, sizeof tmp, "%s/.%s.XXXXXX", dir,
                     slash ? slash + 1 : path);
    if (n < 0 || m < 0 || (size_t)m >= sizeof tmp) {
        snprintf(err, err_size, "%s: the path is too long", path);
        return false;
    }
    int fd = mkstemp(tmp);
    if (fd < 0) {
        snprintf(err, err_size, "%s: could not make a new file in %s: %s",
                 path, dir, strerror(errno));
        return false;
    }
    const char *step = NULL;
    if (owner && fchown(fd, owner->uid, owner->gid) != 0)
        step = "give the new file the old one's owner and group";
    else if (fchmod(fd, mode & 07777) != 0)
        step = "give the new file the old one's mode";
    else if (!write_all(fd, data, len))
        step = "write the new file";
    else if (fsync(fd) != 0)
        step = "sync the new file";
    int e = errno;
    if (close(fd) != 0 && !step) {
        step = "write the new file";
        e = errno;
    }
    if (!step && rename(tmp, path) != 0) {
        step = "rename the new file over it";
        e = errno;
    }
    if (step) {
        unlink(tmp);
        snprintf(err, err_size, "%s: could not %s (%s): %s", path, step,
                 tmp, strerror(e));
        return false;
    }
    /* The rename itself must survive a power cut. */
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    bool synced = dfd >= 0 && (fsync(dfd) == 0 || errno == EINVAL);
    e = errno;
    if (dfd >= 0)
        close(dfd);
    if (!synced) {
        snprintf(err, err_size, "%s: replaced, but its folder %s could not "
                 "be synced: %s", path, dir, strerror(e));
        return false;
    }
    return true;
}
