/* play.h: playing render scripts through the real program and reading
 * its state dumps, for the journey tests. */
#ifndef TESTS_PLAY_H
#define TESTS_PLAY_H

#include <stdbool.h>

#include <jansson.h>

/* Writes `script` to DIR/NAME.script and plays it with
 * `build/test/kiosk ARGS render --size SIZE --script ... --out DIR`
 * (stderr to DIR/NAME.err); records a check; true if the program
 * succeeded.  `args` may be "". */
bool play_script(const char *dir, const char *name, const char *args,
                 const char *size, const char *script);

/* The script steps that choose language `lang` on Home: its button, or on
 * a panel whose bar has no room for three, the chooser first (with "shot
 * chooser" while it is open; *chooser says so).  Found by playing to Home
 * once with `args` at `size`. */
const char *play_choose_lang(const char *dir, const char *args,
                             const char *size, const char *lang,
                             bool *chooser);

/* DIR/NAME.json parsed (a check records that it is JSON); never NULL: an
 * empty object if it is not. */
json_t *play_state(const char *dir, const char *name);

/* j[key] as a string ("(null)" if it is not one) and as an integer. */
const char *play_str(json_t *j, const char *key);
long play_int(json_t *j, const char *key);

/* True if the state lists a target with this id. */
bool play_has_target(json_t *state, const char *id);

#endif
