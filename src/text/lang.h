/* lang.h: the exhibit's three languages, one table.
 *
 * Every property of a language that more than one module needs lives in
 * this table and nowhere else: the short code used in file names, ids,
 * scripts and statistics ("zh"), the BCP 47 tag given to shaping and line
 * breaking ("zh-Hans"), the direction its interface reads in, and its own
 * name in its own script.  The enum's order is the order of columns,
 * files and buttons everywhere (Chinese, English, Uyghur).  Pure. */
#ifndef TEXT_LANG_H
#define TEXT_LANG_H

#include <stdbool.h>

enum text_lang {
    TEXT_LANG_ZH,
    TEXT_LANG_EN,
    TEXT_LANG_UG,
};

#define TEXT_LANG_COUNT 3

struct text_lang_info {
    const char *code;     /* "zh", "en", "ug" */
    const char *bcp47;    /* "zh-Hans", "en", "ug" */
    bool rtl;             /* the interface reads right to left */
    const char *own_name; /* "中文", "English", "ئۇيغۇرچە" */
};

/* Borrowed, static; `lang` must be one of the enum's values. */
const struct text_lang_info *text_lang_info(enum text_lang lang);

/* The short code ("zh"); "en" for a value outside the enum. */
const char *text_lang_code(enum text_lang lang);
/* The language tag used for shaping and line breaking ("zh-Hans" ...). */
const char *text_lang_tag(enum text_lang lang);
/* True if the interface in `lang` reads right to left (and is mirrored). */
bool text_lang_rtl(enum text_lang lang);
/* "zh", "en" or "ug" (exactly) -> the language; false for anything else. */
bool text_lang_parse(const char *s, enum text_lang *out);

#endif
