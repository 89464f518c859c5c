/* test_reload.c: the curator preview loop end to end.
 *
 * `kiosk --windowed` runs with SDL's dummy video driver on a copy of the
 * minimal exhibit.  Saving a broken file must be noticed (inotify) and
 * refused within a second, keeping the last good exhibit; saving the fix
 * must load it within a second.  The program's info log says what it did.
 * Also the watcher on its own: one callback per burst of writes. */
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "platform/platform.h"
#include "proc.h"

static atomic_int calls;

static void on_change(void *ctx)
{
    (void)ctx;
    atomic_fetch_add(&calls, 1);
}

static bool wait_for(atomic_int *v, int want, double seconds)
{
    double end = proc_now() + seconds;
    while (proc_now() < end) {
        if (atomic_load(v) >= want)
            return true;
        usleep(10000);
    }
    return atomic_load(v) >= want;
}

static void test_watch(const char *dir)
{
    struct platform_watch *w = platform_watch_create(dir, 100, on_change,
                                                     NULL);
    CHECK(w != NULL, "watching %s", dir);
    if (!w)
        return;
    char path[512];
    snprintf(path, sizeof path, "%s/report/en.txt", dir);
    double t0 = proc_now();
    for (int i = 0; i < 5; i++) { /* a burst, like an editor's save */
        FILE *f = fopen(path, "a");
        fputs("\n", f);
        fclose(f);
    }
    CHECK(wait_for(&calls, 1, 1.0), "a change in report/ is noticed within "
                                    "a second (%.3f s)", proc_now() - t0);
    usleep(300000);
    CHECK(atomic_load(&calls) == 1, "one callback for the burst (%d)",
          atomic_load(&calls));
    platform_watch_destroy(w);
}

/* Starts `build/test/kiosk --windowed --size 640x480 --log info ARG1
 * ARG2` with SDL's dummy video driver, its log in `log`. */
static void start_window(struct proc *k, const char *log, const char *arg1,
                         const char *arg2)
{
    static const char *const env[] = {"SDL_VIDEODRIVER=dummy", NULL};
    const char *const argv[] = {"build/test/kiosk", "--windowed", "--size",
                                "640x480", "--log", "info", arg1, arg2,
                                NULL};
    proc_start(k, argv, &(struct proc_io){.env = env, .err = log});
}

static void test_window(const char *dir)
{
    char log[600];
    snprintf(log, sizeof log, "%s.log", dir);
    struct proc kiosk;
    start_window(&kiosk, log, "--content", dir);
    double took;
    CHECK(proc_log_wait(log, "content loaded", 0, 10.0, &took),
          "the window starts with the exhibit");
    usleep(300000); /* the watcher is set up after the first load */

    char path[512];
    snprintf(path, sizeof path, "%s/places.txt", dir);
    size_t mark = proc_log_size(log);
    FILE *f = fopen(path, "a");
    fputs("\nnot a field\n", f);
    fclose(f);
    CHECK(proc_log_wait(log, "not loaded: 1 errors; keeping the last good "
                             "exhibit", mark, 1.0, &took),
          "a broken save is refused within a second, keeping the last good "
          "exhibit (%.3f s)", took);

    mark = proc_log_size(log);
    CHECK(proc_sh("sed -i '/^not a field$/d' '%s'", path) == 0,
          "fix the file");
    CHECK(proc_log_wait(log, "content loaded", mark, 1.0, &took),
          "the fixed file is loaded within a second (%.3f s)", took);

    int code = proc_stop(&kiosk, SIGTERM); /* SDL makes it a quit event */
    CHECK(code == 0, "the window closes cleanly on SIGTERM (status %d)",
          code);
    remove(log);
}

/* The exhibit follows the USB import: it shows `current` of a state
 * directory and takes a new release when `current` switches, without
 * restarting. */
static void test_follows_import(const char *root)
{
    char stick[600], state[600], log[600];
    snprintf(stick, sizeof stick, "%s-stick", root);
    snprintf(state, sizeof state, "%s-state", root);
    snprintf(log, sizeof log, "%s-follow.log", root);
    CHECK(proc_sh("rm -rf '%s' '%s' && mkdir -p '%s' && cp -r "
                  "%s/content/minimal '%s/kiosk-content' && build/test/kiosk "
                  "import '%s' --state-dir '%s' >/dev/null", stick, state,
                  stick, check_test_dir(), stick, stick, state) == 0,
          "a first release is installed");
    struct proc kiosk;
    start_window(&kiosk, log, "--state-dir", state);
    double took;
    CHECK(proc_log_wait(log, "content loaded from", 0, 10.0, &took),
          "the exhibit shows the current release");
    usleep(300000);
    size_t mark = proc_log_size(log);
    CHECK(proc_sh("sed -i 's/A report/The report/' "
                  "'%s/kiosk-content/report/en.txt' && build/test/kiosk "
                  "import '%s' --state-dir '%s' >/dev/null", stick, stick,
                  state) == 0,
          "a second release is installed");
    CHECK(proc_log_wait(log, "current release is now releases/0002", mark,
                        2.0, &took) &&
              proc_log_wait(log, "content loaded from", mark, 2.0, &took),
          "the running exhibit takes release 2 (%.3f s after the import "
          "ended)", took);
    CHECK(proc_log_wait(log, "import status shown", mark, 2.0, &took),
          "the curator overlay shows the import's result");
    CHECK(proc_stop(&kiosk, SIGTERM) == 0, "it closes cleanly");
    if (proc_sh("rm -rf '%s' '%s' '%s'", stick, state, log) != 0)
        CHECK(false, "cleanup");
}

int main(void)
{
    char root[] = "/tmp/kiosk-test-reload-XXXXXX";
    if (!mkdtemp(root))
        return 1;
    if (proc_sh("cp -r %s/content/minimal/. '%s'", check_test_dir(),
                root) != 0)
        return 1;
    test_watch(root);
    test_window(root);
    test_follows_import(root);
    if (proc_sh("rm -rf '%s'", root) != 0)
        return 1;
    return check_finish("test_reload");
}
