/* check.c: the test harness behind check.h. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "check.h"

int check_passed, check_failed;

bool check_record(bool ok, const char *file, int line, const char *fmt, ...)
{
    if (ok) {
        check_passed++;
        return true;
    }
    check_failed++;
    fprintf(stderr, "%s:%d: FAIL: ", file, line);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return false;
}

int check_finish(const char *name)
{
    printf("%s: %d passed, %d failed\n", name, check_passed, check_failed);
    return check_failed ? 1 : 0;
}

int check_run(const char *cmd, char **out)
{
    size_t len = strlen(cmd) + 16;
    char *full = malloc(len);
    snprintf(full, len, "( %s ) 2>&1", cmd);
    FILE *p = popen(full, "r");
    free(full);
    size_t cap = 1 << 16, n = 0, r;
    char *buf = malloc(cap);
    while (p && (r = fread(buf + n, 1, cap - n - 1, p)) > 0) {
        n += r;
        if (n + 1 == cap)
            buf = realloc(buf, cap *= 2);
    }
    buf[n] = '\0';
    int status = p ? pclose(p) : -1;
    *out = buf;
    return status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

char *check_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t r;
    while ((r = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += r;
        if (cap - n - 1 == 0) {
            cap *= 2;
            buf = realloc(buf, cap);
        }
    }
    fclose(f);
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

static bool write_file(const char *path, const char *text, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return false;
    bool ok = fwrite(text, 1, len, f) == len;
    return fclose(f) == 0 && ok;
}

bool check_golden_text(const char *path, const char *text, size_t len)
{
    const char *update = getenv("KIOSK_UPDATE_GOLDEN");
    if (update && strcmp(update, "1") == 0) {
        bool ok = write_file(path, text, len);
        return CHECK(ok, "cannot write golden %s", path);
    }
    size_t glen;
    char *golden = check_read_file(path, &glen);
    if (!golden)
        return CHECK(false, "missing golden file %s (make golden)", path);
    bool same = glen == len && memcmp(golden, text, len) == 0;
    if (!same) {
        char actual[1024];
        snprintf(actual, sizeof actual, "%s.actual", path);
        write_file(actual, text, len);
        /* Report the first differing line. */
        size_t line = 1, i = 0;
        while (i < len && i < glen && text[i] == golden[i]) {
            if (text[i] == '\n')
                line++;
            i++;
        }
        CHECK(false, "%s differs from the golden file at line %zu "
                     "(actual output in %s)", path, line, actual);
    } else {
        CHECK(true, "golden");
    }
    free(golden);
    return same;
}

const char *check_test_dir(void)
{
    const char *d = getenv("KIOSK_TEST_DIR");
    return d ? d : "tests";
}
