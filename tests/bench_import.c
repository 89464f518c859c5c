/* bench_import.c: `make bench` for USB imports: importing the shipped
 * content from a folder (copy, check, install, switch), and the time from
 * the switch of `current` to the running exhibit showing the new release
 * (the real program with SDL's dummy driver, timed by its log). */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"
#include "check.h"
#include "state/import.h"
#include "core/diag.h"

#define RUNS 11

static size_t count(const char *log, const char *needle)
{
    size_t len, n = 0;
    char *s = check_read_file(log, &len);
    for (const char *p = s; p && (p = strstr(p, needle)); p++)
        n++;
    free(s);
    return n;
}

int main(void)
{
    char root[] = "/tmp/kiosk-bench-import-XXXXXX";
    if (!mkdtemp(root))
        return 1;
    char cmd[4096], stick[600], state[600], log[600];
    snprintf(stick, sizeof stick, "%s/stick", root);
    snprintf(state, sizeof state, "%s/state", root);
    snprintf(log, sizeof log, "%s/kiosk.log", root);
    snprintf(cmd, sizeof cmd, "mkdir -p %s && cp -r content "
             "%s/kiosk-content", stick, stick);
    if (system(cmd) != 0)
        return 1;
    struct diag_list d;
    diag_list_init(&d);
    struct text_fonts *fonts = text_fonts_load("fonts/manifest.txt", &d);
    diag_list_fini(&d);
    double ms[RUNS];
    for (int i = 0; i < RUNS; i++) {
        struct import_result r;
        double t0 = bench_now_ms();
        bool ok = import_run(stick, state, fonts, &r);
        ms[i] = bench_now_ms() - t0;
        import_result_fini(&r);
        if (!ok) {
            fprintf(stderr, "bench: import failed: %s\n", r.message);
            return 1;
        }
    }
    printf("import of the shipped content from a folder: %.1f ms (median "
           "of %d; min %.1f max %.1f)\n", bench_median(ms, RUNS), RUNS,
           bench_min(ms, RUNS), bench_max(ms, RUNS));
    text_fonts_destroy(fonts);

    /* The switch to the screen, through the running program. */
    pid_t pid = fork();
    if (pid == 0) {
        snprintf(cmd, sizeof cmd, "exec build/kiosk --windowed --size "
                 "1920x1080 --log info --state-dir %s 2>%s", state, log);
        setenv("SDL_VIDEODRIVER", "dummy", 1);
        execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
        _exit(127);
    }
    double t_end = bench_now_ms() + 10000;
    while (count(log, "content loaded") < 1 && bench_now_ms() < t_end)
        usleep(2000);
    usleep(300000);
    double sw[5];
    int nsw = 0;
    for (int i = 0; i < 5; i++) {
        size_t before = count(log, "new content on screen");
        snprintf(cmd, sizeof cmd, "build/kiosk import %s --state-dir %s "
                 ">/dev/null", stick, state);
        /* The switch is the import's last step; time from its end. */
        if (system(cmd) != 0)
            break;
        double t0 = bench_now_ms();
        while (count(log, "new content on screen") <= before &&
               bench_now_ms() - t0 < 5000)
            usleep(1000);
        sw[nsw++] = bench_now_ms() - t0;
        usleep(200000);
    }
    kill(pid, SIGTERM);
    waitpid(pid, NULL, 0);
    if (nsw)
        printf("switch to the new release on screen (running exhibit, "
               "1920x1080): %.1f ms (median of %d; max %.1f)\n",
               bench_median(sw, (size_t)nsw), nsw, bench_max(sw, (size_t)nsw));
    snprintf(cmd, sizeof cmd, "rm -rf %s", root);
    return system(cmd) == 0 ? 0 : 1;
}
