/* bench_import.c: `make bench` for USB imports: importing the shipped
 * content from a folder (copy, check, install, switch), and the time from
 * the switch of `current` to the running exhibit showing the new release
 * (the real program with SDL's dummy driver, timed by its log). */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "bench.h"
#include "state/import.h"
#include "core/diag.h"
#include "proc.h"

#define RUNS 11

int main(void)
{
    char root[] = "/tmp/kiosk-bench-import-XXXXXX";
    if (!mkdtemp(root))
        return 1;
    char stick[600], state[600], log[600];
    snprintf(stick, sizeof stick, "%s/stick", root);
    snprintf(state, sizeof state, "%s/state", root);
    snprintf(log, sizeof log, "%s/kiosk.log", root);
    if (proc_sh("mkdir -p %s && cp -r content %s/kiosk-content", stick,
                stick) != 0)
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
    static const char *const env[] = {"SDL_VIDEODRIVER=dummy", NULL};
    struct proc kiosk;
    proc_start(&kiosk,
               (const char *const[]){"build/kiosk", "--windowed", "--size",
                                     "1920x1080", "--log", "info",
                                     "--state-dir", state, NULL},
               &(struct proc_io){.env = env, .err = log});
    proc_log_wait(log, "content loaded", 0, 10.0, NULL);
    usleep(300000);
    double sw[5];
    int nsw = 0;
    for (int i = 0; i < 5; i++) {
        size_t mark = proc_log_size(log);
        /* The switch is the import's last step; time from its end. */
        if (proc_sh("build/kiosk import %s --state-dir %s >/dev/null", stick,
                    state) != 0)
            break;
        double took;
        proc_log_wait(log, "new content on screen", mark, 5.0, &took);
        sw[nsw++] = took * 1000;
        usleep(200000);
    }
    proc_stop(&kiosk, SIGTERM);
    if (nsw)
        printf("switch to the new release on screen (running exhibit, "
               "1920x1080): %.1f ms (median of %d; max %.1f)\n",
               bench_median(sw, (size_t)nsw), nsw, bench_max(sw, (size_t)nsw));
    return proc_sh("rm -rf %s", root) == 0 ? 0 : 1;
}
