/* gesture.h: mouse and touch events in; taps, long presses and drags out.
 *
 * Pure: no SDL.  The app turns SDL mouse-button, mouse-motion and finger
 * events into `struct input_pointer_event`s (one id for the mouse, the
 * finger id for a touch; it drops SDL's mouse events synthesised from touch,
 * `which == SDL_TOUCH_MOUSEID`, so a touch is not seen twice) and feeds them
 * in order; it drains the gesture queue with `input_gesture_poll` after
 * feeding, and calls `input_gesture_tick` when `input_gesture_deadline` says
 * so, so a long press fires while the finger rests and no events come.
 *
 * The events a caller sees always follow this grammar, per touch:
 *
 *     PRESS ( TAP | LONG_PRESS | CANCEL | DRAG_BEGIN DRAG+ (DRAG_END|CANCEL) )
 *
 * so PRESS starts the visible pressed state and the next event of the
 * touch ends it.  TAP and LONG_PRESS report where the finger went down, so
 * they hit the target PRESS highlighted.  A touch that moved `tap_slop_px`
 * or more from where it went down is a drag from then on and never taps,
 * even if it comes back; the DRAG right after DRAG_BEGIN carries the whole
 * distance from the down point, so dragged content stays under the
 * finger.  After LONG_PRESS the touch is spent: moving or
 * lifting it reports nothing.  A second finger (a pinch) cancels the touch
 * in progress and everything is ignored until every finger is up; more
 * than `max_touches` fingers (a palm) do the same.  Times are SDL's
 * millisecond ticks; they are compared as signed differences, so the
 * 49.7-day wrap of a uint32 is harmless.
 *
 * Caller's storage; it owns nothing, so there is no _fini.  Not thread-safe:
 * one recogniser per event loop. */
#ifndef INPUT_GESTURE_H
#define INPUT_GESTURE_H

#include <stdbool.h>
#include <stdint.h>

/* A suggested id for the mouse (SDL's finger ids are never this). */
#define INPUT_POINTER_MOUSE INT64_MIN

enum input_pointer_kind {
    INPUT_POINTER_DOWN,
    INPUT_POINTER_MOVE,
    INPUT_POINTER_UP,
    INPUT_POINTER_CANCEL, /* the system took the pointer away */
};

struct input_pointer_event {
    enum input_pointer_kind kind;
    int64_t id;       /* finger id, or one fixed id for the mouse */
    float x, y;       /* window pixels */
    uint32_t time_ms; /* SDL ticks */
};

struct input_gesture_config {
    float tap_slop_px;      /* moving less than this from the down point
                               keeps a tap (0: any movement drags) */
    uint32_t long_press_ms; /* 0: no long presses */
    int max_touches;        /* one more at once is a palm */
};

#define INPUT_GESTURE_CONFIG_DEFAULT                                          \
    ((struct input_gesture_config){                                           \
        .tap_slop_px = 16.0f, .long_press_ms = 600, .max_touches = 3})

enum input_gesture_kind {
    INPUT_GESTURE_PRESS,
    INPUT_GESTURE_TAP,
    INPUT_GESTURE_LONG_PRESS,
    INPUT_GESTURE_DRAG_BEGIN,
    INPUT_GESTURE_DRAG,
    INPUT_GESTURE_DRAG_END,
    INPUT_GESTURE_CANCEL,
};

/* Why a touch was cancelled. */
enum input_cancel_reason {
    INPUT_CANCEL_NONE,
    INPUT_CANCEL_PINCH,   /* a second finger */
    INPUT_CANCEL_PALM,    /* more than max_touches fingers */
    INPUT_CANCEL_POINTER, /* an INPUT_POINTER_CANCEL, or a DOWN for a
                             pointer already down (its UP was lost) */
    INPUT_CANCEL_RESET,   /* input_gesture_reset */
};

struct input_gesture_event {
    enum input_gesture_kind kind;
    enum input_cancel_reason reason; /* CANCEL only */
    uint32_t time_ms;
    float x, y;             /* PRESS, TAP, LONG_PRESS: the down point;
                               drags and CANCEL: the finger now */
    float start_x, start_y; /* the down point */
    float dx, dy;           /* DRAG: moved since the previous DRAG */
    float total_x, total_y; /* DRAG*, CANCEL: (x, y) - (start_x, start_y) */
    float vx, vy;           /* DRAG_END: release velocity, px/s */
};

#define INPUT_GESTURE_QUEUE 32
#define INPUT_GESTURE_MAX_POINTERS 10
#define INPUT_GESTURE_SAMPLES 64

/* The velocity estimate: a least-squares line through the samples of the
 * last WINDOW ms before the finger came to rest; if it rested STOP ms or
 * more before lifting (within STILL px), the release velocity is 0. */
#define INPUT_GESTURE_VELOCITY_WINDOW_MS 80
#define INPUT_GESTURE_VELOCITY_STOP_MS 40
#define INPUT_GESTURE_VELOCITY_STILL_PX 1.0f

enum input_gesture_state {
    INPUT_GESTURE_IDLE,         /* no finger down */
    INPUT_GESTURE_PENDING,      /* one finger, still a tap or long press */
    INPUT_GESTURE_LONG_PRESSED, /* one finger, long press reported */
    INPUT_GESTURE_DRAGGING,     /* one finger, dragging */
    INPUT_GESTURE_IGNORING,     /* pinch, palm or cancel: wait for all up */
};

/* The fields are private; read them only through the functions. */
struct input_gesture {
    struct input_gesture_config config;
    enum input_gesture_state state;
    int64_t down[INPUT_GESTURE_MAX_POINTERS]; /* fingers down, any order */
    int down_count;
    int64_t primary; /* the finger of the single-touch gesture */
    uint32_t start_ms;
    float start_x, start_y;
    float last_x, last_y; /* the last position reported in a DRAG */
    struct input_gesture_sample {
        uint32_t time_ms;
        float x, y;
    } samples[INPUT_GESTURE_SAMPLES]; /* ring of the primary's positions */
    int sample_head, sample_count;
    struct input_gesture_event queue[INPUT_GESTURE_QUEUE];
    int queue_head, queue_count;
    uint32_t dropped; /* events lost to a full queue (never drained) */
};

/* Sets up `g` with `config`, or the defaults if NULL.  A negative slop
 * counts as 0; max_touches is clamped to 1..INPUT_GESTURE_MAX_POINTERS-1. */
void input_gesture_init(struct input_gesture *g,
                        const struct input_gesture_config *config);

/* Feeds one pointer event.  MOVE and UP for a pointer that is not down
 * (the mouse moving with no button held, a finger that went down during a
 * palm beyond INPUT_GESTURE_MAX_POINTERS) are ignored; so are positions
 * that are not finite, except that such an UP still lifts its finger, as
 * a CANCEL. */
void input_gesture_feed(struct input_gesture *g,
                        const struct input_pointer_event *ev);

/* Lets time pass with no events: fires a due long press. */
void input_gesture_tick(struct input_gesture *g, uint32_t now_ms);

/* When the caller should call input_gesture_tick next (a pending long
 * press): true and *at_ms, or false if nothing is due. */
bool input_gesture_deadline(const struct input_gesture *g, uint32_t *at_ms);

/* True when no finger is down and no gesture is in progress (nothing
 * would be pulled from under a finger by changing the screen now). */
bool input_gesture_idle(const struct input_gesture *g);

/* Forgets every finger (CANCEL if a touch was in progress), e.g. when the
 * screen changes or the window loses focus.  Fingers still down are then
 * unknown and ignored until they lift. */
void input_gesture_reset(struct input_gesture *g, uint32_t now_ms);

/* Takes the oldest queued event; false if none.  When the queue is nearly
 * full, consecutive DRAGs are merged (dx, dy summed), so a drag stays
 * exact and its end still fits; only a caller that never drains loses
 * events (counted in `dropped`). */
bool input_gesture_poll(struct input_gesture *g,
                        struct input_gesture_event *out);

const char *input_gesture_kind_name(enum input_gesture_kind kind);

#endif
