/* proc.c: other programs for the tests (see proc.h). */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "proc.h"

extern char **environ;

/* How often a wait looks again. */
#define POLL_US 1000

double proc_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Whether environment entry `entry` sets the variable `set` names (both
 * "NAME=..."). */
static bool same_name(const char *entry, const char *set)
{
    size_t n = strcspn(set, "=");
    return strncmp(entry, set, n) == 0 && entry[n] == '=';
}

/* This process's environment with `env` set in it; NULL-terminated, the
 * caller frees the array (not the strings). */
static char **merged_env(const char *const *env)
{
    size_t have = 0, add = 0;
    while (environ[have])
        have++;
    while (env && env[add])
        add++;
    char **out = calloc(have + add + 1, sizeof *out);
    if (!out)
        return NULL;
    size_t n = 0;
    for (size_t i = 0; i < have; i++) {
        bool replaced = false;
        for (size_t k = 0; k < add && !replaced; k++)
            replaced = same_name(environ[i], env[k]);
        if (!replaced)
            out[n++] = environ[i];
    }
    for (size_t k = 0; k < add; k++)
        out[n++] = (char *)env[k];
    return out;
}

bool proc_start(struct proc *p, const char *const argv[],
                const struct proc_io *io)
{
    static const struct proc_io none;
    if (!io)
        io = &none;
    *p = (struct proc){.ended = true, .code = 127};
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    const int flags = O_WRONLY | O_CREAT | O_TRUNC;
    if (io->out)
        posix_spawn_file_actions_addopen(&fa, 1, io->out, flags, 0666);
    if (io->err && io->out && strcmp(io->err, io->out) == 0)
        posix_spawn_file_actions_adddup2(&fa, 1, 2);
    else if (io->err)
        posix_spawn_file_actions_addopen(&fa, 2, io->err, flags, 0666);
    char **envp = merged_env(io->env);
    pid_t pid = 0;
    int e = envp ? posix_spawnp(&pid, argv[0], &fa, NULL,
                                (char *const *)argv, envp)
                 : ENOMEM;
    free(envp);
    posix_spawn_file_actions_destroy(&fa);
    if (e != 0) {
        fprintf(stderr, "proc: cannot start %s: %s\n", argv[0], strerror(e));
        return false;
    }
    *p = (struct proc){.pid = pid};
    return true;
}

/* Reaps the child if it has ended (blocking: until it does). */
static bool reap(struct proc *p, bool block)
{
    int status;
    pid_t r;
    do
        r = waitpid(p->pid, &status, block ? 0 : WNOHANG);
    while (r < 0 && errno == EINTR);
    if (r == 0)
        return false;
    p->ended = true;
    if (r < 0) /* not our child, or reaped elsewhere */
        p->code = 127;
    else if (WIFEXITED(status))
        p->code = WEXITSTATUS(status);
    else
        p->code = 128 + WTERMSIG(status);
    return true;
}

int proc_wait(struct proc *p, double seconds)
{
    if (p->ended)
        return p->code;
    if (seconds < 0) {
        reap(p, true);
        return p->code;
    }
    double end = proc_now() + seconds;
    while (!reap(p, false)) {
        if (proc_now() >= end)
            return PROC_RUNNING;
        usleep(POLL_US);
    }
    return p->code;
}

int proc_stop(struct proc *p, int sig)
{
    if (p->ended)
        return p->code;
    kill(p->pid, sig);
    if (proc_wait(p, 20.0) == PROC_RUNNING) {
        fprintf(stderr, "proc: %d did not end on signal %d; killed\n",
                (int)p->pid, sig);
        kill(p->pid, SIGKILL);
        proc_wait(p, PROC_FOREVER);
    }
    return p->code;
}

size_t proc_log_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (size_t)st.st_size : 0;
}

/* Whether `needle` is in the file after its first *pos bytes; if not,
 * *pos moves past what was read (less a needle's length, which may be
 * cut at the end), so that the next look reads only what is new. */
static bool log_has(const char *path, const char *needle, size_t *pos)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    bool found = false;
    if (fseek(f, (long)*pos, SEEK_SET) == 0) {
        size_t cap = 1 << 16, n = 0, r;
        char *buf = malloc(cap);
        while (buf && (r = fread(buf + n, 1, cap - n - 1, f)) > 0) {
            n += r;
            if (n + 1 == cap) {
                char *more = realloc(buf, cap *= 2);
                if (!more)
                    break;
                buf = more;
            }
        }
        if (buf) {
            buf[n] = '\0';
            found = strstr(buf, needle) != NULL;
            /* (A NUL byte ends the text looked at: *pos stays.) */
            size_t tail = strlen(needle) - 1;
            if (!found && strlen(buf) == n && n > tail)
                *pos += n - tail;
        }
        free(buf);
    }
    fclose(f);
    return found;
}

bool proc_log_wait(const char *path, const char *needle, size_t from,
                   double seconds, double *took)
{
    double t0 = proc_now(), end = t0 + seconds;
    size_t pos = from;
    bool found;
    while (!(found = log_has(path, needle, &pos)) && proc_now() < end)
        usleep(POLL_US);
    if (took)
        *took = proc_now() - t0;
    return found;
}

/* The formatted command, allocated. */
__attribute__((format(printf, 1, 0)))
static char *format(const char *fmt, va_list ap)
{
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    char *cmd = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (cmd)
        vsnprintf(cmd, (size_t)n + 1, fmt, again);
    va_end(again);
    return cmd;
}

int proc_sh(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *cmd = format(fmt, ap);
    va_end(ap);
    if (!cmd)
        return 127;
    const char *argv[] = {"/bin/sh", "-c", cmd, NULL};
    struct proc p;
    if (proc_start(&p, argv, NULL))
        proc_wait(&p, PROC_FOREVER);
    free(cmd);
    return p.code;
}

int proc_sh_out(char **out, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *cmd = format(fmt, ap);
    va_end(ap);
    if (!cmd) {
        *out = calloc(1, 1);
        return -1;
    }
    int rc = check_run(cmd, out);
    free(cmd);
    return rc;
}
