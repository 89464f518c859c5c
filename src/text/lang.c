/* lang.c: the language table (see lang.h). */
#include <string.h>

#include "text/lang.h"

static const struct text_lang_info langs[TEXT_LANG_COUNT] = {
    [TEXT_LANG_ZH] = {"zh", "zh-Hans", false, "中文"},
    [TEXT_LANG_EN] = {"en", "en", false, "English"},
    [TEXT_LANG_UG] = {"ug", "ug", true, "ئۇيغۇرچە"},
};

const struct text_lang_info *text_lang_info(enum text_lang lang)
{
    return &langs[(unsigned)lang < TEXT_LANG_COUNT ? lang : TEXT_LANG_EN];
}

const char *text_lang_code(enum text_lang lang)
{
    return text_lang_info(lang)->code;
}

const char *text_lang_tag(enum text_lang lang)
{
    return text_lang_info(lang)->bcp47;
}

bool text_lang_rtl(enum text_lang lang)
{
    return text_lang_info(lang)->rtl;
}

bool text_lang_parse(const char *s, enum text_lang *out)
{
    for (int i = 0; i < TEXT_LANG_COUNT; i++) {
        if (strcmp(s, langs[i].code) == 0) {
            *out = (enum text_lang)i;
            return true;
        }
    }
    return false;
}
