/* check.h: a minimal table-friendly test harness.
 *
 * CHECK(cond, fmt, ...) records one assertion; a test program ends with
 * `return check_finish("name");`, which prints "name: N passed, N failed"
 * and returns the exit code.  Golden-file helpers compare text with a file
 * under tests/ and rewrite it when KIOSK_UPDATE_GOLDEN=1. */
#ifndef TESTS_CHECK_H
#define TESTS_CHECK_H

#include <stdbool.h>
#include <stddef.h>

extern int check_passed, check_failed;

bool check_record(bool ok, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#define CHECK(cond, ...) check_record((cond), __FILE__, __LINE__, __VA_ARGS__)

int check_finish(const char *name);

/* Compares `text` with the golden file `path`; on mismatch writes
 * `path.actual` and prints the first differing line.  With
 * KIOSK_UPDATE_GOLDEN=1 the golden file is rewritten instead. */
bool check_golden_text(const char *path, const char *text, size_t len);

/* Runs `sh -c CMD` with stdout and stderr captured together into *out
 * (NUL-terminated, the caller frees it); returns its exit status, or -1
 * if it did not exit. */
int check_run(const char *cmd, char **out);

/* Reads a whole file (NUL-terminated); NULL if it cannot be read. */
char *check_read_file(const char *path, size_t *len);

/* The directory test data lives in ("tests"), overridable by the
 * KIOSK_TEST_DIR environment variable. */
const char *check_test_dir(void);

#endif
