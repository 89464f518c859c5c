/* run_ops.h: the exhibit's operations on a kiosk, beside its screens --
 * the wall clock and whether it is trusted, the display's power (the real
 * ways: CEC, DPMS on SDL's own DRM device, the backlight), the display's
 * comings and goings (DRM hotplug), and the status file.
 *
 * mode_run starts one per window (run_ops_start), gives it every turn of
 * its loop (run_ops_clock before the app's tick, run_ops_status after
 * it) and every frame (run_ops_frame), and hands it the hotplug events it
 * asked for (run_ops_hotplug).
 *
 * The status file (ops/status.h) is written atomically every
 * STATUS_EVERY_MS and at once when the screen or the display changes,
 * with its plain-text twin beside it (a USB import copies that onto the
 * stick); the Prometheus text file, if configured, every
 * PROM_EVERY_MS and on a display change (it may live on the SD card). */
#ifndef APP_RUN_OPS_H
#define APP_RUN_OPS_H

#include <stdbool.h>
#include <stdint.h>

#include <SDL.h>

#include "app/exhibit_app.h"
#include "app/settings.h"

struct run_ops;

/* For `window` (NULL: none, e.g. the error screen); hotplug events are
 * pushed as `hotplug_event` (an SDL user event type; 0: not listened for).
 * Never NULL. */
struct run_ops *run_ops_start(const struct app_settings *s,
                              SDL_Window *window, Uint32 hotplug_event,
                              const char *release);
void run_ops_stop(struct run_ops *o);

/* The ways to turn the display off, for exhibit_app_set_hours. */
const struct power_ways *run_ops_ways(const struct run_ops *o);

/* Every turn of the loop, before exhibit_app_tick: the wall clock and its
 * trust into `app` (asked of the system every 30 s). */
void run_ops_clock(struct run_ops *o, struct exhibit_app *app);

/* Every turn of the loop, after exhibit_app_tick: the status file, once
 * the hours (if any) have been asked -- so the first is written in the
 * turn that asks them -- then on a change and every STATUS_EVERY_MS. */
void run_ops_status(struct run_ops *o, const struct exhibit_app *app);

/* A frame was presented (for the status: when, and what it showed). */
void run_ops_frame(struct run_ops *o, const struct exhibit_app *app);
/* The first frame's verification, for the status. */
void run_ops_first_frame(struct run_ops *o, bool checked, bool ok,
                         const char *detail);

/* A hotplug event came: true if the display the exhibit draws on went
 * away and is back (logged) -- the loop then ends with CLI_DISPLAY; while
 * it is away the exhibit keeps running, drawing into nothing. */
bool run_ops_hotplug(struct run_ops *o);

#endif
