/* script_run.h: plays a render script against the exhibit on a simulated
 * clock (headless), writing screenshots and state dumps.
 *
 * The loop is the window's loop with time made up: after each command the
 * app's timers run and a frame is drawn only if something changed, in
 * 16 ms steps while an animation runs -- so frames_drawn in a state dump
 * counts what the real exhibit would draw, and a static screen adds none.
 * The same script always gives the same pictures and states. */
#ifndef APP_SCRIPT_RUN_H
#define APP_SCRIPT_RUN_H

#include <stdbool.h>

#include "app/exhibit_app.h"
#include "input/script.h"
#include "render/headless.h"

/* Runs `script`; files go to out_dir.  Problems (an unknown tap-id, a file
 * that cannot be written) are reported on stderr with the script's line;
 * returns false if any. */
bool script_run(const struct script *script, const char *script_path,
                struct exhibit_app *app, struct render_target *target,
                struct atlas *atlas, const char *out_dir,
                const char *final_state);

#endif
