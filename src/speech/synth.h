/* synth.h: speech synthesis in the screen's language -- libespeak-ng's
 * voices for Mandarin (cmn), English and Uyghur (ug), its sound handed
 * back in pieces as it is made, never played here.
 *
 * eSpeak NG keeps one global engine, so there is one synthesiser per
 * process and every call is made from one thread (the speaker's worker,
 * off the main loop).  Synthesis is synchronous: speech_synth_say returns
 * when the text is spoken or when the sink asks it to stop, which it
 * checks every SPEECH_CHUNK_MS of sound -- that bounds how long a visitor
 * waits after interrupting.  Pure: no SDL. */
#ifndef SPEECH_SYNTH_H
#define SPEECH_SYNTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "text/lang.h"

#define SPEECH_CHUNK_MS 40

/* A word of the text, as it starts being heard: its bytes in the UTF-8
 * text given, and the sample it starts at. */
struct speech_mark {
    size_t byte, bytes;
    uint64_t sample;
    bool sentence; /* the first word of a sentence */
};

/* Receives each piece of sound (mono, signed 16-bit, at the rate
 * speech_synth_rate gives) and the words that start in it; returns false
 * to stop. */
typedef bool speech_sink_fn(void *ctx, const int16_t *samples, size_t count,
                            const struct speech_mark *marks,
                            size_t mark_count);

/* Starts the engine (data from eSpeak NG's installed folder, or `data`
 * when not NULL); false with a sentence in why. */
bool speech_synth_init(const char *data, char *why, size_t size);
void speech_synth_quit(void);
int speech_synth_rate(void);

/* The voice eSpeak NG names for a language ("cmn", "en", "ug"). */
const char *speech_voice_name(enum text_lang lang);

/* Speaks `text` (UTF-8) in `lang` at `wpm` words a minute (80-450; 0:
 * the voice's own), handing the sound to `sink`.  True if it ran to the
 * end or the sink stopped it; false with why if it could not start. */
bool speech_synth_say(enum text_lang lang, const char *text, int wpm,
                      speech_sink_fn *sink, void *ctx, char *why,
                      size_t size);

#endif
