/* proc.h: other programs, for the tests that start them -- the exhibit
 * (build/test/kiosk), Xvfb, xdotool, shell commands.
 *
 * proc_start() starts a program with an argument list, a few environment
 * variables of its own and its output sent to files; proc_wait() waits
 * for it to end, up to a time; proc_stop() signals it and waits.  What a
 * running program did is read from its log: proc_log_wait() waits until
 * a text appears there (after a mark, proc_log_size()).  proc_sh() runs
 * `sh -c` on a formatted command; proc_sh_out() also gives its output.
 *
 * A child's result is one number, as the shell gives it: its exit status
 * (0-255), 128 + the signal that ended it, or 127 if it could not be
 * started. */
#ifndef TESTS_PROC_H
#define TESTS_PROC_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* proc_wait()'s answer while the child still runs. */
#define PROC_RUNNING (-1)
/* A time limit that never comes. */
#define PROC_FOREVER (-1.0)

struct proc {
    pid_t pid;  /* 0: never started */
    bool ended; /* reaped; `code` is how it ended */
    int code;   /* once ended: the result (above) */
};

/* What a started program gets besides its arguments.  All may be NULL. */
struct proc_io {
    /* "NAME=value" strings, NULL-terminated: set in the child's
     * environment (the rest of it is this process's). */
    const char *const *env;
    /* Files standard output and standard error go to (created or
     * truncated); NULL: this process's own.  The same path for both:
     * one file, in order. */
    const char *out, *err;
};

/* Starts argv[0] (looked up in PATH unless it has a '/') with argv, a
 * NULL-terminated list.  False (p->ended, p->code 127, a message on
 * stderr) if it could not be started. */
bool proc_start(struct proc *p, const char *const argv[],
                const struct proc_io *io);

/* Waits up to `seconds` (PROC_FOREVER: no limit; 0: only looks) for the
 * child to end: its code, or PROC_RUNNING.  Once ended, the same code
 * again on every call. */
int proc_wait(struct proc *p, double seconds);

/* Sends `sig` unless it has ended and waits for it; if it has not ended
 * 20 s later, SIGKILL.  Its code. */
int proc_stop(struct proc *p, int sig);

/* Seconds on the monotonic clock. */
double proc_now(void);

/* The size of the file at `path` now (0 if there is none): a mark for
 * proc_log_wait(). */
size_t proc_log_size(const char *path);

/* Waits up to `seconds` for `needle` to appear in the file at `path`
 * after its first `from` bytes; true if it did.  *took (unless NULL):
 * the seconds it waited. */
bool proc_log_wait(const char *path, const char *needle, size_t from,
                   double seconds, double *took);

/* Runs `sh -c` on the formatted command, with this process's standard
 * streams, and waits for it (as system() does): its code. */
int proc_sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The same with standard output and error captured together into *out
 * (NUL-terminated, the caller frees it): check_run() on the formatted
 * command, and its answer (the exit status, or -1 if it did not exit). */
int proc_sh_out(char **out, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
