/* labels.h: where map labels go, which are shortened, led out or dropped.
 *
 * Independent of fonts: the caller measures each label (and an optional
 * short form) and gives its size; placement returns rectangles.  Greedy by
 * priority (higher first, then request order): a label takes the first
 * candidate position that keeps it inside the bounds less the edge margin,
 * clear of every label placed before it and of every town dot (those of
 * dropped labels too) by `pad`; if no position fits the full label, the
 * short form is tried at every position.
 * Town candidates, in order: right of the dot, left, above, below, then
 * upper-right, upper-left, lower-right, lower-left, each `gap` from the
 * dot's edge.  Region candidates: centred on the anchor, then shifted up,
 * then down, by the label's height (off a dot under the anchor), then
 * centred on each of the caller's `spots` in order.  A request with
 * `inside` set also needs params->inside to accept the rect (a region's
 * label on its own fill).
 * A request with `leader` set that fits nowhere is then led out: beside
 * the anchor in eight directions at growing distances (inside the bounds,
 * clear of labels and dots), with a line from the anchor that crosses no
 * label placed before.  A request with `must` set is never dropped: its
 * smallest form then takes the position nearest the anchor on a grid over
 * the bounds that fits (led out; the line may cross labels), and as a
 * last resort is put centred on the anchor, moved inside the bounds,
 * whatever it covers (MAP_LABEL_FORCED).  Anything else is dropped.  The
 * same input always gives the same output. */
#ifndef MAP_LABELS_H
#define MAP_LABELS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "map/projection.h"

struct map_label_request {
    int32_t feature; /* the caller's tag (a feature index); not used */
    float ax, ay;    /* anchor: a town's dot centre or a region's label
                        point, screen px */
    float w, h;      /* the full label */
    float w2, h2;    /* a short form; 0, 0 if there is none */
    int priority;    /* higher is placed first */
    bool is_town;
    float dot_r;     /* towns: the dot's radius (an obstacle for every
                        label); ignored for regions */
    /* Regions: more centres to try after the anchor, best first (x, y
     * pairs, spot_count of them; borrowed for the call). */
    const float *spots;
    size_t spot_count;
    bool inside; /* params->inside must accept the rect */
    bool leader; /* may be led out with a line */
    bool must;   /* never dropped */
};

enum map_label_pos {
    MAP_LABEL_DROPPED,
    MAP_LABEL_CENTRE,
    MAP_LABEL_CENTRE_UP,
    MAP_LABEL_CENTRE_DOWN,
    MAP_LABEL_RIGHT,
    MAP_LABEL_LEFT,
    MAP_LABEL_ABOVE,
    MAP_LABEL_BELOW,
    MAP_LABEL_UPPER_RIGHT,
    MAP_LABEL_UPPER_LEFT,
    MAP_LABEL_LOWER_RIGHT,
    MAP_LABEL_LOWER_LEFT,
    MAP_LABEL_SPOT,   /* centred on one of the request's spots */
    MAP_LABEL_LEADER, /* beside the anchor, a line leads to it */
    MAP_LABEL_FORCED, /* `must`, and nothing else fitted */
};

struct map_label_result {
    bool placed;
    bool short_form;        /* the short form (w2 x h2) was placed */
    enum map_label_pos pos;
    struct map_rect rect;   /* where the label goes (if placed) */
    float lx0, ly0, lx1, ly1; /* MAP_LABEL_LEADER: the line, from the
                                 anchor to the rect's nearest edge */
};

struct map_label_params {
    float gap;         /* from a dot's edge to its label */
    float pad;         /* the least space between two labels, and between a
                          label and any dot */
    float edge_margin; /* the least space between a label and the bounds */
    /* Whether `r` may hold the label of req->feature (requests with
     * `inside`); NULL accepts every rect. */
    bool (*inside)(const void *ctx, int32_t feature,
                   const struct map_rect *r);
    const void *ctx;
    /* map_labels_place_sides: the box its columns (rows) stay clear of --
     * the land, so no name covers it; an empty box: the anchors' span. */
    struct map_rect clear;
    /* ... and the least space between two names side by side in a row
     * (more than `pad`, or two names would read as one); 0: `pad`. */
    float row_sep;
};

/* Sensible values for 24 px text at 1080p: gap 6, pad 4, margin 12. */
#define MAP_LABEL_PARAMS_DEFAULT \
    {.gap = 6.0f, .pad = 4.0f, .edge_margin = 12.0f, .inside = NULL, \
     .ctx = NULL}

/* Places n requests inside `bounds`; out[i] answers req[i].  Needs no
 * allocation beyond O(n) scratch; O(n^2) per candidate. */
void map_labels_place(const struct map_label_request *req, size_t n,
                      const struct map_rect *bounds,
                      const struct map_label_params *params,
                      struct map_label_result *out);

/* For a small map where labels on it would be forced over one another (a
 * small panel with larger text): every `must` label in a column beside
 * the anchors' span (or params->clear) -- left of it the western half (by
 * the anchors' x), right of the rightmost the rest -- stacked in the
 * order of their anchors' heights, each as near its anchor's height as
 * the others allow, the full form or else the short one, with a line from
 * its anchor (MAP_LABEL_LEADER); where the columns do not fit, in rows
 * above and below the span the same way (the northern half above, each
 * row in the order of the anchors' x).  Every other request is dropped
 * (the caller hides the towns' dots, which the labels may cover).  False,
 * and `out` untouched, if neither fits inside the bounds less the margin
 * at the screen's sides (left and right) and `pad` above and below (a
 * map's top and foot are a bar and a strip, not the screen's edge). */
bool map_labels_place_sides(const struct map_label_request *req, size_t n,
                            const struct map_rect *bounds,
                            const struct map_label_params *params,
                            struct map_label_result *out);

/* The room map_labels_place_sides' names need beside the map: the widest
 * name of the left column and of the right one, the tallest of the row
 * above and of the row below (the short forms, with `brief`, where there
 * are). */
struct map_side_room {
    float left, right, above, below;
};
void map_labels_side_room(const struct map_label_request *req, size_t n,
                          bool brief, struct map_side_room *room);

/* Whether two rects overlap or come closer than `pad` (touching at
 * exactly `pad` is allowed). */
bool map_rects_near(const struct map_rect *a, const struct map_rect *b,
                    float pad);

/* Whether a rect overlaps a disc or comes closer than `pad` to it. */
bool map_rect_near_disc(const struct map_rect *r, float cx, float cy,
                        float radius, float pad);

#endif
