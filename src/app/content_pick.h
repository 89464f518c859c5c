/* content_pick.h: which content folder the exhibit shows -- self-healing.
 *
 * With a state directory: its `current` release if that loads; else the
 * newest release that loads (a corrupt or missing `current` never blanks
 * the screen); else the content shipped with the program. */
#ifndef APP_CONTENT_PICK_H
#define APP_CONTENT_PICK_H

#include <stddef.h>

#include "text/font.h"

enum content_pick {
    CONTENT_PICK_CURRENT,
    CONTENT_PICK_OLDER_RELEASE,
    CONTENT_PICK_SHIPPED,
};

/* Writes the chosen folder to buf and says which it is. */
enum content_pick app_pick_content(const char *state_dir,
                                   const char *shipped,
                                   const struct text_fonts *fonts,
                                   char *buf, size_t n);

#endif
