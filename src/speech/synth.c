/* synth.c: libespeak-ng in synchronous mode (see synth.h).
 *
 * eSpeak NG reports a word's place as a count of characters (code points)
 * from the start of the text, 1-based; marks are turned into byte offsets
 * here, so the reader can highlight what is being said in its own
 * (UTF-8) text. */
#include <stdio.h>
#include <string.h>

#include <espeak-ng/speak_lib.h>

#include "core/utf8.h"
#include "speech/synth.h"

#define MAX_MARKS 64

static int rate_hz;
/* The text being spoken: an event of another (one stopped before its
 * end, whose leftovers eSpeak may still hand over) is not this one's. */
static struct say *current;

struct say {
    const char *text;
    size_t len;
    /* the code point -> byte walk, kept between callbacks (marks come in
     * order) */
    size_t cp, byte;
    uint64_t samples;
    speech_sink_fn *sink;
    void *ctx;
    bool stopped;
};

static size_t byte_of(struct say *s, int cp)
{
    size_t want = cp > 0 ? (size_t)cp - 1 : 0;
    if (want < s->cp) {
        s->cp = 0;
        s->byte = 0;
    }
    while (s->cp < want && s->byte < s->len) {
        size_t n = 0;
        utf8_decode(s->text + s->byte, s->len - s->byte, &n);
        s->byte += n ? n : 1;
        s->cp++;
    }
    return s->byte;
}

static size_t bytes_of(struct say *s, size_t from, int chars)
{
    size_t b = from;
    for (int i = 0; i < chars && b < s->len; i++) {
        size_t n = 0;
        utf8_decode(s->text + b, s->len - b, &n);
        b += n ? n : 1;
    }
    return b - from;
}

static int on_synth(short *wav, int count, espeak_EVENT *events)
{
    struct say *s = current;
    if (!s || s->stopped)
        return 1;
    struct speech_mark marks[MAX_MARKS];
    size_t n = 0;
    bool sentence = false;
    for (espeak_EVENT *e = events; e->type != espeakEVENT_LIST_TERMINATED;
         e++) {
        if (e->user_data != s)
            continue;
        if (e->type == espeakEVENT_SENTENCE)
            sentence = true;
        if (e->type != espeakEVENT_WORD || e->length <= 0 || n >= MAX_MARKS)
            continue;
        size_t b = byte_of(s, e->text_position);
        marks[n++] = (struct speech_mark){
            .byte = b,
            .bytes = bytes_of(s, b, e->length),
            .sample = (uint64_t)e->sample,
            .sentence = sentence,
        };
        sentence = false;
    }
    size_t c = wav && count > 0 ? (size_t)count : 0;
    if ((c || n) && !s->sink(s->ctx, wav, c, marks, n))
        s->stopped = true;
    s->samples += c;
    return s->stopped ? 1 : 0;
}

bool speech_synth_init(const char *data, char *why, size_t size)
{
    if (rate_hz > 0)
        return true;
    int r = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, SPEECH_CHUNK_MS, data,
                              espeakINITIALIZE_DONT_EXIT);
    if (r <= 0) {
        snprintf(why, size, "speech: eSpeak NG did not start (its voices "
                 "are in the espeak-ng-data package%s%s)",
                 data ? "; looked in " : "", data ? data : "");
        return false;
    }
    rate_hz = r;
    espeak_SetSynthCallback(on_synth);
    return true;
}

void speech_synth_quit(void)
{
    if (rate_hz > 0)
        espeak_Terminate();
    rate_hz = 0;
}

int speech_synth_rate(void)
{
    return rate_hz;
}

const char *speech_voice_name(enum text_lang lang)
{
    switch (lang) {
    case TEXT_LANG_ZH:
        return "cmn";
    case TEXT_LANG_UG:
        return "ug";
    case TEXT_LANG_EN:
    default:
        return "en";
    }
}

bool speech_synth_say(enum text_lang lang, const char *text, int wpm,
                      speech_sink_fn *sink, void *ctx, char *why,
                      size_t size)
{
    if (rate_hz <= 0) {
        snprintf(why, size, "speech: the engine is not started");
        return false;
    }
    const char *voice = speech_voice_name(lang);
    if (espeak_SetVoiceByName(voice) != EE_OK) {
        snprintf(why, size, "speech: eSpeak NG has no voice '%s' (install "
                 "espeak-ng-data)", voice);
        return false;
    }
    espeak_SetParameter(espeakRATE, wpm >= espeakRATE_MINIMUM &&
                                        wpm <= espeakRATE_MAXIMUM
                                        ? wpm
                                        : espeakRATE_NORMAL, 0);
    struct say s = {.text = text, .len = strlen(text), .sink = sink,
                    .ctx = ctx};
    current = &s;
    espeak_ERROR e = espeak_Synth(text, s.len + 1, 0, POS_CHARACTER, 0,
                                  espeakCHARS_UTF8, NULL, &s);
    if (s.stopped)
        espeak_Cancel(); /* nothing of it is left for the next text */
    current = NULL;
    if (e != EE_OK) {
        snprintf(why, size, "speech: eSpeak NG refused the text (error %d)",
                 (int)e);
        return false;
    }
    return true;
}
