/* file_replace.h: a file's whole content replaced atomically.
 *
 * The new content goes to a fresh file beside the old one
 * (".NAME.XXXXXX", made with O_EXCL, so nothing already there is opened),
 * which is given the mode and, if asked, the owner and group, synced, and
 * renamed over `path`; then the folder is synced.  At every moment `path`
 * is the old file or the new one, whole -- a crash or a power cut
 * included.  On a failure the fresh file is removed, `path` is untouched,
 * and err gets one line naming the file and the step that failed.  The
 * caller decides what may be replaced (rename replaces a link itself, not
 * what it points to). */
#ifndef STATE_FILE_REPLACE_H
#define STATE_FILE_REPLACE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct file_owner {
    uid_t uid;
    gid_t gid;
};

bool file_replace(const char *path, const void *data, size_t len,
                  mode_t mode, const struct file_owner *owner, char *err,
                  size_t err_size);

#endif
