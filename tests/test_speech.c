/* test_speech.c: the speech engine (speech/synth) in each of the
 * exhibit's languages, on the report's own words: every voice speaks (the
 * sound is not silence and lasts as long as speech of that many words
 * can), the words come back as byte ranges of the text in order, a sink
 * that says stop stops synthesis within one piece, and the voices are the
 * ones the screen's language names. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "speech/synth.h"

struct heard {
    uint64_t samples;
    double energy;
    size_t pieces, words, sentences;
    size_t last_byte;
    bool in_order, inside;
    size_t stop_after; /* 0: never */
    const char *text;
};

static bool sink(void *ctx, const int16_t *samples, size_t count,
                 const struct speech_mark *marks, size_t mark_count)
{
    struct heard *h = ctx;
    h->pieces++;
    for (size_t i = 0; i < count; i++)
        h->energy += (double)samples[i] * samples[i];
    h->samples += count;
    for (size_t i = 0; i < mark_count; i++) {
        const struct speech_mark *m = &marks[i];
        if (h->words && m->byte < h->last_byte)
            h->in_order = false;
        if (m->byte + m->bytes > strlen(h->text) || m->bytes == 0)
            h->inside = false;
        h->last_byte = m->byte;
        h->words++;
        h->sentences += m->sentence;
    }
    return !h->stop_after || h->pieces < h->stop_after;
}

static struct heard say(enum text_lang lang, const char *text, size_t stop)
{
    struct heard h = {.in_order = true, .inside = true, .stop_after = stop,
                      .text = text};
    char why[200] = "";
    bool ok = speech_synth_say(lang, text, 0, sink, &h, why, sizeof why);
    CHECK(ok, "%s speaks (%s)", speech_voice_name(lang), why);
    return h;
}

int main(void)
{
    char why[200] = "";
    if (!CHECK(speech_synth_init(NULL, why, sizeof why),
               "the engine starts with the installed voices (%s)", why))
        return check_finish("test_speech");
    int rate = speech_synth_rate();
    CHECK(rate == 22050, "eSpeak NG's rate: %d Hz", rate);
    CHECK(strcmp(speech_voice_name(TEXT_LANG_ZH), "cmn") == 0 &&
              strcmp(speech_voice_name(TEXT_LANG_UG), "ug") == 0 &&
              strncmp(speech_voice_name(TEXT_LANG_EN), "en", 2) == 0,
          "the voices: Mandarin, Uyghur, English");
    static const struct {
        enum text_lang lang;
        const char *text;
        int words;
    } cases[] = {
        {TEXT_LANG_EN, "Report of the work team on the events in Tacheng "
                       "and Yili. Most of those who left were herdsmen.", 19},
        {TEXT_LANG_ZH, "外交部、公安部工作组关于塔城、伊犁事件的报告。", 8},
        {TEXT_LANG_UG, "تارباغاتاي ۋە ئىلى ۋەقەسى توغرىسىدا خىزمەت "
                       "گۇرۇپپىسىنىڭ دوكلاتى.", 8},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *v = speech_voice_name(cases[i].lang);
        struct heard h = say(cases[i].lang, cases[i].text, 0);
        double seconds = (double)h.samples / rate;
        double rms = h.samples ? sqrt(h.energy / (double)h.samples) : 0;
        /* 80-450 words a minute is eSpeak's whole range. */
        double lo = cases[i].words / 450.0 * 60, hi = cases[i].words / 80.0 * 60;
        CHECK(seconds > lo && seconds < hi + 2,
              "%s: %.2f s of sound for about %d words (%.1f-%.1f s)", v,
              seconds, cases[i].words, lo, hi);
        CHECK(rms > 500, "%s: it is not silence (RMS %.0f)", v, rms);
        CHECK(h.pieces > 2, "%s: handed over in pieces as it is made (%zu)",
              v, h.pieces);
        CHECK(h.words >= 2 && h.in_order && h.inside,
              "%s: %zu words marked, in order, inside the text", v, h.words);
        CHECK(h.sentences >= 1, "%s: a sentence start is marked", v);

        struct heard cut = say(cases[i].lang, cases[i].text, 2);
        CHECK(cut.pieces == 2 && cut.samples < h.samples / 2,
              "%s: a sink that says stop ends it (%zu pieces, %.2f s of "
              "%.2f s)", v, cut.pieces, (double)cut.samples / rate, seconds);
    }
    /* The byte ranges are the words themselves. */
    const char *en = "Tacheng and Yili";
    struct heard h = {.in_order = true, .inside = true, .text = en};
    speech_synth_say(TEXT_LANG_EN, en, 0, sink, &h, why, sizeof why);
    CHECK(h.words == 3 && h.last_byte == 12,
          "the last of three words starts at byte 12 ('Yili'): %zu words, "
          "last at %zu", h.words, h.last_byte);
    const char *ug = "ئىلى ۋە تارباغاتاي";
    h = (struct heard){.in_order = true, .inside = true, .text = ug};
    speech_synth_say(TEXT_LANG_UG, ug, 0, sink, &h, why, sizeof why);
    CHECK(h.words == 3 && h.last_byte == strlen("ئىلى ۋە "),
          "Uyghur words are marked in bytes of the UTF-8 text: last at %zu "
          "(want %zu)", h.last_byte, strlen("ئىلى ۋە "));
    /* A faster rate is shorter. */
    struct heard slow = {.in_order = true, .inside = true, .text = en};
    struct heard fast = slow;
    speech_synth_say(TEXT_LANG_EN, en, 120, sink, &slow, why, sizeof why);
    speech_synth_say(TEXT_LANG_EN, en, 300, sink, &fast, why, sizeof why);
    CHECK(fast.samples * 3 < slow.samples * 2,
          "300 words a minute is shorter than 120 (%.2f s, %.2f s)",
          (double)fast.samples / rate, (double)slow.samples / rate);
    speech_synth_quit();
    CHECK(!speech_synth_say(TEXT_LANG_EN, en, 0, sink, &h, why, sizeof why) &&
              strstr(why, "not started"),
          "after quitting, speaking says why it cannot (%s)", why);
    return check_finish("test_speech");
}
