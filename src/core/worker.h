/* worker.h: one job at a time on a thread of its own, for work too slow
 * for the main loop (the staff PIN's key derivation).
 *
 * The owner starts a job -- a function and its argument, which the job
 * alone touches until it is over -- goes on with its loop, and polls
 * worker_poll, which never waits.  Hand-over: the argument is written
 * before pthread_create and read back only after pthread_join, so it
 * needs no lock; the one shared word is the atomic `done`, set by the
 * thread after its last write, so a poll never joins a thread still at
 * work.  worker_wait joins at once (a simulated clock, where the outcome
 * must not depend on how fast the machine is; or shutting down).  If no
 * thread can be made the job runs on the caller's thread (logged).
 *
 * Caller's storage, zeroed or worker_init'ed; one thread owns it. */
#ifndef CORE_WORKER_H
#define CORE_WORKER_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>

struct worker {
    pthread_t thread;
    bool running;  /* a thread to join */
    bool finished; /* the job is over (joined, or run in place) */
    atomic_bool done;
    void (*job)(void *arg);
    void *arg;
};

void worker_init(struct worker *w);

/* Runs job(arg) on a new thread; `what` names it in a log line should it
 * have to run in place.  The worker must be idle (see worker_busy). */
void worker_start(struct worker *w, void (*job)(void *arg), void *arg,
                  const char *what);

/* A job started and not yet collected by worker_poll. */
bool worker_busy(const struct worker *w);

/* Never waits: true, once, when the started job is over; the worker is
 * idle again and the job's argument the caller's. */
bool worker_poll(struct worker *w);

/* Waits for the started job to end; worker_poll then returns true. */
void worker_wait(struct worker *w);

#endif
