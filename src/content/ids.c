/* ids.c: the interface string ids the program uses.
 *
 * strings.txt must define every one of them in zh, en and ug; an id it
 * defines that is not here is reported as unused (probably misspelt). */
#include <stddef.h>

#include "content/exhibit.h"

const char *const content_string_ids[] = {
    "language-names",
    "attract.touch",
    "attract.quote-1",
    "attract.quote-2",
    "attract.quote-3",
    "home.summary",
    "home.read",
    "home.map",
    "home.about",
    "nav.back",
    "nav.home",
    "nav.language",
    "reader.title",
    "reader.summary-show",
    "reader.summary-hide",
    "reader.column-zh",
    "reader.column-en",
    "reader.column-ug",
    "map.title",
    "map.instruction",
    "map.soviet-union",
    "map.mentions-count",
    "map.mentions-one",
    "map.mongolia",
    "map.no-mentions",
    "map.open-passage",
    "map.attribution",
    "map.scale",
    "about.title",
    "idle.title",
    "idle.countdown",
    "idle.continue",
    "text.larger",
    "text.normal",
    /* the USB import's result on screen (ui/import_panel.c) */
    "import.copying",
    "import.checking",
    "import.installing",
    "import.done",
    "import.other",
    "import.failed",
    "import.stats-only",
    "import.unwritten",
};

const size_t content_string_id_count =
    sizeof content_string_ids / sizeof content_string_ids[0];
