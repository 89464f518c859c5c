/* action.c: the visitor's button actions and their ids (see action.h). */
#include <string.h>

#include "ui/action.h"

static const char *const ids[UI_ACTION_COUNT] = {
    [UI_ACTION_NONE] = "",
    [UI_ACTION_BACK] = "nav:back",
    [UI_ACTION_HOME] = "nav:home",
    [UI_ACTION_LANGUAGE] = "nav:language",
    [UI_ACTION_LANG_ZH] = "lang:zh",
    [UI_ACTION_LANG_EN] = "lang:en",
    [UI_ACTION_LANG_UG] = "lang:ug",
    [UI_ACTION_TEXT_SIZE] = "nav:text-size",
    [UI_ACTION_READ] = "nav:read",
    [UI_ACTION_MAP] = "nav:map",
    [UI_ACTION_ABOUT] = "nav:about",
    [UI_ACTION_SUMMARY] = "nav:summary",
    [UI_ACTION_CONTINUE] = "idle:continue",
    [UI_ACTION_CARD_CLOSE] = "card:close",
};

const char *ui_action_id(enum ui_action action)
{
    return (unsigned)action < UI_ACTION_COUNT ? ids[action] : "";
}

enum ui_action ui_action_of(const char *id)
{
    for (int a = UI_ACTION_NONE + 1; id && a < UI_ACTION_COUNT; a++)
        if (strcmp(id, ids[a]) == 0)
            return (enum ui_action)a;
    return UI_ACTION_NONE;
}

enum ui_action ui_action_lang(enum text_lang lang)
{
    return (enum ui_action)(UI_ACTION_LANG_ZH + (int)lang);
}

bool ui_action_is_lang(enum ui_action action, enum text_lang *lang)
{
    int l = (int)action - UI_ACTION_LANG_ZH;
    if (l < 0 || l >= TEXT_LANG_COUNT)
        return false;
    *lang = (enum text_lang)l;
    return true;
}
