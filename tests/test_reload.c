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
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "platform/platform.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static atomic_int calls;

static void on_change(void *ctx)
{
    (void)ctx;
    atomic_fetch_add(&calls, 1);
}

static bool wait_for(atomic_int *v, int want, double seconds)
{
    double end = now() + seconds;
    while (now() < end) {
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
    double t0 = now();
    for (int i = 0; i < 5; i++) { /* a burst, like an editor's save */
        FILE *f = fopen(path, "a");
        fputs("\n", f);
        fclose(f);
    }
    CHECK(wait_for(&calls, 1, 1.0), "a change in report/ is noticed within "
                                    "a second (%.3f s)", now() - t0);
    usleep(300000);
    CHECK(atomic_load(&calls) == 1, "one callback for the burst (%d)",
          atomic_load(&calls));
    platform_watch_destroy(w);
}

/* Waits until the log file contains `needle` (after byte `from`). */
static bool log_has(const char *log, const char *needle, size_t from,
                    double seconds, double *took)
{
    double t0 = now(), end = t0 + seconds;
    while (now() < end) {
        size_t len;
        char *s = check_read_file(log, &len);
        bool found = s && len > from && strstr(s + from, needle);
        free(s);
        if (found) {
            *took = now() - t0;
            return true;
        }
        usleep(20000);
    }
    *took = now() - t0;
    return false;
}

static size_t log_size(const char *log)
{
    size_t len = 0;
    free(check_read_file(log, &len));
    return len;
}

static void test_window(const char *dir)
{
    char log[600], cmd[2048];
    snprintf(log, sizeof log, "%s.log", dir);
    pid_t pid = fork();
    if (pid == 0) {
        snprintf(cmd, sizeof cmd, "exec build/test/kiosk --windowed --size "
                 "640x480 --log info --content '%s' 2>'%s'", dir, log);
        setenv("SDL_VIDEODRIVER", "dummy", 1);
        execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
        _exit(127);
    }
    double took;
    CHECK(log_has(log, "content loaded", 0, 10.0, &took),
          "the window starts with the exhibit");
    usleep(300000); /* the watcher is set up after the first load */

    char path[512];
    snprintf(path, sizeof path, "%s/places.txt", dir);
    size_t mark = log_size(log);
    FILE *f = fopen(path, "a");
    fputs("\nnot a field\n", f);
    fclose(f);
    CHECK(log_has(log, "not loaded: 1 errors; keeping the last good exhibit",
                  mark, 1.0, &took),
          "a broken save is refused within a second, keeping the last good "
          "exhibit (%.3f s)", took);

    mark = log_size(log);
    snprintf(cmd, sizeof cmd, "sed -i '/^not a field$/d' '%s'", path);
    CHECK(system(cmd) == 0, "fix the file");
    CHECK(log_has(log, "content loaded", mark, 1.0, &took),
          "the fixed file is loaded within a second (%.3f s)", took);

    kill(pid, SIGTERM); /* SDL turns it into a quit event */
    int status = 0;
    waitpid(pid, &status, 0);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
          "the window closes cleanly on SIGTERM (status %d)", status);
    remove(log);
}

/* The exhibit follows the USB import: it shows `current` of a state
 * directory and takes a new release when `current` switches, without
 * restarting. */
static void test_follows_import(const char *root)
{
    char stick[600], state[600], log[600], cmd[4096];
    snprintf(stick, sizeof stick, "%s-stick", root);
    snprintf(state, sizeof state, "%s-state", root);
    snprintf(log, sizeof log, "%s-follow.log", root);
    snprintf(cmd, sizeof cmd, "rm -rf '%s' '%s' && mkdir -p '%s' && cp -r "
             "%s/content/minimal '%s/kiosk-content' && build/test/kiosk "
             "import '%s' --state-dir '%s' >/dev/null", stick, state, stick,
             check_test_dir(), stick, stick, state);
    CHECK(system(cmd) == 0, "a first release is installed");
    pid_t pid = fork();
    if (pid == 0) {
        snprintf(cmd, sizeof cmd, "exec build/test/kiosk --windowed --size "
                 "640x480 --log info --state-dir '%s' 2>'%s'", state, log);
        setenv("SDL_VIDEODRIVER", "dummy", 1);
        execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
        _exit(127);
    }
    double took;
    CHECK(log_has(log, "content loaded from", 0, 10.0, &took),
          "the exhibit shows the current release");
    usleep(300000);
    size_t mark = log_size(log);
    snprintf(cmd, sizeof cmd, "sed -i 's/A report/The report/' "
             "'%s/kiosk-content/report/en.txt' && build/test/kiosk import "
             "'%s' --state-dir '%s' >/dev/null", stick, stick, state);
    CHECK(system(cmd) == 0, "a second release is installed");
    CHECK(log_has(log, "current release is now releases/0002", mark, 2.0,
                  &took) &&
              log_has(log, "content loaded from", mark, 2.0, &took),
          "the running exhibit takes release 2 (%.3f s after the import "
          "ended)", took);
    CHECK(log_has(log, "import status shown", mark, 2.0, &took),
          "the curator overlay shows the import's result");
    kill(pid, SIGTERM);
    int status = 0;
    waitpid(pid, &status, 0);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
          "it closes cleanly");
    snprintf(cmd, sizeof cmd, "rm -rf '%s' '%s' '%s'", stick, state, log);
    if (system(cmd) != 0)
        CHECK(false, "cleanup");
}

int main(void)
{
    char root[] = "/tmp/kiosk-test-reload-XXXXXX";
    if (!mkdtemp(root))
        return 1;
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "cp -r %s/content/minimal/. '%s'",
             check_test_dir(), root);
    if (system(cmd) != 0)
        return 1;
    test_watch(root);
    test_window(root);
    test_follows_import(root);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    if (system(cmd) != 0)
        return 1;
    return check_finish("test_reload");
}
