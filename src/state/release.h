/* release.h: the store of installed content releases in the state
 * directory, and the `current` link the exhibit loads.
 *
 *     STATE/releases/0007/          a complete, checked content folder
 *     STATE/releases/0007/.release  its id, date, source and summary
 *     STATE/current -> releases/0007
 *
 * A release directory only ever appears whole: it is built in
 * STATE/staging, synced, then renamed into releases/.  `current` changes
 * only by renaming a new symlink over it.  Old releases leave by being
 * renamed into STATE/trash before they are deleted.  So at any moment --
 * a power cut included -- `current` names a complete release and every
 * release listed is complete.  Pure file system code, no SDL.
 *
 * Ids run from 1 to RELEASE_ID_MAX; a release's folder is its id printed
 * "%04u" (0007, 9999, 10000), and only a name printed so is a release.
 * Lists are in the ids' numeric order.  .release holds one "key: value"
 * line each; its source is quoted and escaped (utf8_escape), so nothing
 * in a stick's path can break a line and forge the keys after it. */
#ifndef STATE_RELEASE_H
#define STATE_RELEASE_H

#include <stdbool.h>
#include <stddef.h>

#define RELEASE_KEEP 5
#define RELEASE_ID_MAX 999999999u /* nine digits: the next id fits */

struct release_info {
    unsigned id;
    char date[32];     /* ISO 8601, UTC */
    char source[256];  /* where it came from, as it is: may hold anything
                        * a path can, so shown through utf8_escape */
    unsigned passages, places;
};

/* The id a release folder's name stands for: true only for a name
 * release_path prints (four digits or more, zero-padded to four, 1 to
 * RELEASE_ID_MAX). */
bool release_id_parse(const char *name, unsigned *id);

/* The releases there are, oldest first (the newest `max` if there are
 * more); returns how many there are, which may be more than max. */
size_t release_list(const char *state_dir, struct release_info *out,
                    size_t max);
/* The highest id in the store, or 0 if there is none. */
unsigned release_newest(const char *state_dir);
/* The release `current` names, or 0 if none. */
unsigned release_current(const char *state_dir);
/* The newest release older than `current`, or 0 if there is none: where
 * a rollback goes. */
unsigned release_previous(const char *state_dir);
/* The path of release `id` (buf of n bytes). */
void release_path(const char *state_dir, unsigned id, char *buf, size_t n);
/* The folder the exhibit should load: `current`, else the newest release
 * that loads (see release_fallback in the app), else NULL. */
const char *release_current_path(const char *state_dir, char *buf, size_t n);

/* Makes the state directory's folders; false with errno on failure. */
bool release_prepare(const char *state_dir);
/* Points `current` at release id, atomically. */
bool release_switch(const char *state_dir, unsigned id);
/* Keeps the newest RELEASE_KEEP releases and the current one. */
void release_prune(const char *state_dir);
/* Writes the .release file of a folder about to become release id. */
bool release_write_info(const char *dir, const struct release_info *info);

/* Removes a folder and everything in it, without following links (a
 * link is removed, not what it points to).  Best effort. */
void release_remove_tree(const char *path);

/* fsync of a file or directory by path. */
bool release_sync_path(const char *path);

#endif
