/* bench_speech.c: `make bench` for the speech engine: for a passage's
 * first sentence in each language, the time from the request to the
 * first piece of sound (what a visitor waits for after touching Listen,
 * before the audio device's own buffer), and how much faster than real
 * time the whole sentence is made.  Medians of RUNS; asserts nothing. */
#include <stdio.h>
#include <string.h>

#include "bench.h"
#include "speech/synth.h"

#define RUNS 15

struct timing {
    double start, first;
    size_t samples;
};

static bool sink(void *ctx, const int16_t *samples, size_t count,
                 const struct speech_mark *marks, size_t mark_count)
{
    (void)samples;
    (void)marks;
    (void)mark_count;
    struct timing *t = ctx;
    if (count && t->first == 0)
        t->first = bench_now_ms() - t->start;
    t->samples += count;
    return true;
}

int main(void)
{
    char why[200];
    double t0 = bench_now_ms();
    if (!speech_synth_init(NULL, why, sizeof why)) {
        fprintf(stderr, "bench_speech: %s\n", why);
        return 1;
    }
    printf("speech: engine started in %.1f ms, %d Hz\n", bench_now_ms() - t0,
           speech_synth_rate());
    static const struct {
        enum text_lang lang;
        const char *text;
    } cases[] = {
        {TEXT_LANG_ZH, "外交部、公安部工作组关于塔城、伊犁事件的报告。一九六二年"
                       "五月二十九日。"},
        {TEXT_LANG_EN, "Report of the Ministry of Foreign Affairs and Ministry "
                       "of Public Security work team on the events in Tacheng "
                       "and Yili, 29 May 1962."},
        {TEXT_LANG_UG, "تاشقى ئىشلار مىنىستىرلىكى ۋە جامائەت خەۋپسىزلىكى "
                       "مىنىستىرلىكى خىزمەت گۇرۇپپىسىنىڭ تارباغاتاي ۋە ئىلى "
                       "ۋەقەسى توغرىسىدىكى دوكلاتى."},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        double first[RUNS], whole[RUNS], rtf[RUNS];
        for (int r = 0; r < RUNS; r++) {
            struct timing t = {.start = bench_now_ms()};
            speech_synth_say(cases[i].lang, cases[i].text, 0, sink, &t, why,
                             sizeof why);
            double ms = bench_now_ms() - t.start;
            double sound = 1000.0 * (double)t.samples / speech_synth_rate();
            first[r] = t.first;
            whole[r] = ms;
            rtf[r] = ms > 0 ? sound / ms : 0;
        }
        printf("speech %-3s: first sound %.1f ms (min %.1f, max %.1f), "
               "whole sentence %.0f ms, %.0fx faster than real time\n",
               speech_voice_name(cases[i].lang),
               bench_median(first, RUNS), bench_min(first, RUNS),
               bench_max(first, RUNS), bench_median(whole, RUNS),
               bench_median(rtf, RUNS));
    }
    speech_synth_quit();
    return 0;
}
