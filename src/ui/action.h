/* action.h: what a visitor's button does, as an enum carried with the
 * stable string id that scripts, targets and the state dump use
 * ("nav:back", "lang:zh", ...).  The table in action.c is the only place
 * an id is spelled.  Pure. */
#ifndef UI_ACTION_H
#define UI_ACTION_H

#include "text/lang.h"

enum ui_action {
    UI_ACTION_NONE,
    UI_ACTION_BACK,      /* nav:back */
    UI_ACTION_HOME,      /* nav:home */
    UI_ACTION_LANGUAGE,  /* nav:language: opens the language chooser */
    UI_ACTION_LANG_ZH,   /* lang:zh; the three in enum text_lang's order */
    UI_ACTION_LANG_EN,   /* lang:en */
    UI_ACTION_LANG_UG,   /* lang:ug */
    UI_ACTION_TEXT_SIZE, /* nav:text-size */
    UI_ACTION_READ,      /* nav:read */
    UI_ACTION_MAP,       /* nav:map */
    UI_ACTION_ABOUT,     /* nav:about */
    UI_ACTION_SUMMARY,   /* nav:summary */
    UI_ACTION_CONTINUE,  /* idle:continue */
    UI_ACTION_CARD_CLOSE, /* card:close: the place card's close control */
    UI_ACTION_COUNT,
};

/* The stable id ("" for UI_ACTION_NONE). */
const char *ui_action_id(enum ui_action action);
/* The action with that id, or UI_ACTION_NONE (NULL too). */
enum ui_action ui_action_of(const char *id);
/* The language button's action, and the language of one. */
enum ui_action ui_action_lang(enum text_lang lang);
/* True (and *lang set) if `action` chooses a language. */
bool ui_action_is_lang(enum ui_action action, enum text_lang *lang);

#endif
