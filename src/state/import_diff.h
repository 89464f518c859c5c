/* import_diff.h: what a new release changes against the one before, for
 * the import's report.
 *
 * Every part of the exhibit is compared by id, field by field and
 * language by language: the report's passages, the place cards (names,
 * notes, source), the interface strings, the About sections, the
 * exhibit's settings and the map's features (shape, names, label point,
 * context) in their files.  One line a changed thing, naming the fields
 * and languages that changed ("  place changed: yili — note.en,
 * name.ug").  Pure: two loaded exhibits in, text and counts out. */
#ifndef STATE_IMPORT_DIFF_H
#define STATE_IMPORT_DIFF_H

#include <stdio.h>

#include "content/exhibit.h"

struct import_changes {
    unsigned added, changed, removed;       /* passages */
    unsigned places_added, places_removed;
    unsigned other;    /* every other line: places changed, strings,
                          About, settings, map features */
};

/* Writes one line per change of `ex` against `old` (NULL: everything is
 * new) to out, and counts them in *c (zeroed first). */
void import_diff(const struct exhibit *old, const struct exhibit *ex,
                 struct import_changes *c, FILE *out);

#endif
