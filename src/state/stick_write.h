/* stick_write.h: the one way anything is written to a curator's stick.
 *
 * A stick is hostile ground: its root may hold links to the kiosk's own
 * files, FIFOs, folders under the names the kiosk writes.  A file goes
 * onto the stick only through stick_write: created under a fresh
 * temporary name relative to the stick root's folder descriptor with
 * O_CREAT | O_EXCL | O_NOFOLLOW | O_NONBLOCK (never opening anything that
 * was there, never following a link, never waiting on a FIFO), checked
 * with fstat to be the regular file just made, written and synced, then
 * renamed over the final name only if that is a regular file or absent.
 * On a stick too full for it, the old file of that name (a plain file,
 * out of date now) is removed and the write tried once more.
 * Pure POSIX, no SDL. */
#ifndef STATE_STICK_WRITE_H
#define STATE_STICK_WRITE_H

#include <stdbool.h>
#include <stddef.h>

/* Writes `len` bytes as `name` (one file name, no '/') at the root of the
 * stick mounted at `root`.  False with a sentence for the log in `err`
 * (naming the file and why) if anything is not as it must be; the
 * temporary file is then removed. */
bool stick_write(const char *root, const char *name, const void *data,
                 size_t len, char *err, size_t err_size);

/* Removes `name` at the stick's root if it is a regular file (an old
 * report that must not look current); links and the rest are left. */
void stick_remove_stale(const char *root, const char *name);

#endif
