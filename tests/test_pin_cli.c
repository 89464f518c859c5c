/* test_pin_cli.c: setting the staff PIN from the command line, as a
 * technician does it -- README's own recipe, run with bash as written
 * (only `sudo` dropped, the program and the file's path swapped for the
 * test's), on a kiosk.conf without a PIN, then again with one: exactly one
 * staff-pin-hash line, in the same place, that opens with the new PIN and
 * not the old, every other line kept in order, the file's mode, owner and
 * group kept.  Then what --set meets in the field: the two lines the old
 * `tee -a` recipe left, a continued value, the key in capitals, a
 * commented-out line, no newline at the end; and what it refuses, naming
 * the file: a symbolic link, a folder, a FIFO, a missing file, a bad PIN
 * (each leaving the file as it was, and no temporary file behind).  Last,
 * `make install` creating kiosk.conf 0640 (root:kiosk when installed into
 * the system). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/config.h"
#include "state/staff_pin.h"
#include "check.h"
#include "core/diag.h"
#include "proc.h"

static char dir[] = "/tmp/kiosk-test-pin-cli-XXXXXX";

static bool write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return false;
    fputs(text, f);
    return fclose(f) == 0;
}

/* The README's recipe: the indented line that reads the PIN. */
static bool readme_recipe(char *out, size_t n)
{
    char *readme = check_read_file("README.md", NULL);
    const char *at = readme ? strstr(readme, "\n    read -s PIN") : NULL;
    bool ok = at != NULL;
    if (ok) {
        at += 5;
        size_t len = strcspn(at, "\n");
        snprintf(out, n, "%.*s", (int)len, at);
    }
    free(readme);
    CHECK(ok && strstr(out, "kiosk staff-pin-hash --set "
                            "/etc/kiosk/kiosk.conf") &&
              !strchr(out, '\''),
          "README has the recipe: %s", ok ? out : "(none)");
    return ok;
}

/* Replaces every `from` in s (of size n) by `to`. */
static void replace_all(char *s, size_t n, const char *from, const char *to)
{
    char buf[2048];
    char *w = buf;
    const char *r = s;
    for (const char *hit; (hit = strstr(r, from));) {
        w += snprintf(w, sizeof buf - (size_t)(w - buf), "%.*s%s",
                      (int)(hit - r), r, to);
        r = hit + strlen(from);
    }
    snprintf(w, sizeof buf - (size_t)(w - buf), "%s", r);
    snprintf(s, n, "%s", buf);
}

/* Runs the recipe on `conf` with `pin` on standard input; its output. */
static int run_recipe(const char *recipe, const char *conf, const char *pin,
                      char **out)
{
    char r[2048];
    snprintf(r, sizeof r, "%s", recipe);
    replace_all(r, sizeof r, "sudo ", "");
    replace_all(r, sizeof r, "kiosk staff-pin-hash", "build/test/kiosk "
                                                     "staff-pin-hash");
    replace_all(r, sizeof r, "/etc/kiosk/kiosk.conf", conf);
    return proc_sh_out(out, "printf '%s\\n' | bash -c '%s'", pin, r);
}

/* The number of lines that start with "staff-pin-hash:" and the 1-based
 * line number of the first. */
static int pin_lines(const char *text, int *first)
{
    int count = 0, line = 1;
    *first = 0;
    for (const char *s = text; s && *s; line++) {
        if (strncmp(s, "staff-pin-hash: ", 16) == 0 && count++ == 0)
            *first = line;
        const char *nl = strchr(s, '\n');
        s = nl ? nl + 1 : NULL;
    }
    return count;
}

/* The text without its staff-pin-hash lines. */
static void without_pin(const char *text, char *out, size_t n)
{
    size_t w = 0;
    for (const char *s = text; *s;) {
        size_t len = strcspn(s, "\n") + (strchr(s, '\n') ? 1 : 0);
        if (strncmp(s, "staff-pin-hash: ", 16) != 0 && w + len < n) {
            memcpy(out + w, s, len);
            w += len;
        }
        s += len;
    }
    out[w] = '\0';
}

/* Whether conf reads back (app_config_read) with a PIN that opens with
 * `pin` and not with `other`, and its rotation is 90. */
static bool opens_with(const char *conf, const char *pin, const char *other)
{
    static struct app_config cfg;
    memset(&cfg, 0, sizeof cfg);
    struct diag_list d;
    diag_list_init(&d);
    bool ok = app_config_read(conf, &cfg, &d);
    diag_list_print(&d, stderr);
    diag_list_fini(&d);
    if (!ok || !cfg.has_staff_pin || cfg.rotation != 90 ||
        cfg.staff_pin.kdf.id != STAFF_PIN_KDF_ARGON2ID)
        return false;
    struct staff_pin p;
    bool right = true, wrong = false;
    for (int k = 0; k < 2; k++) {
        const char *try = k ? other : pin;
        staff_pin_init(&p, &cfg.staff_pin);
        for (const char *c = try; *c; c++)
            staff_pin_type(&p, *c, 0);
        bool opened = staff_pin_submit(&p, 0).result == STAFF_PIN_CORRECT;
        if (k)
            wrong = opened;
        else
            right = opened;
    }
    return right && !wrong;
}

/* Files in the test folder whose names start with '.' (temporaries). */
static int leftovers(void)
{
    char *out;
    proc_sh_out(&out, "find '%s' -name '.*' ! -name . | wc -l", dir);
    int n = atoi(out);
    free(out);
    return n;
}

static void test_readme_recipe_twice(void)
{
    char recipe[1024], conf[700];
    if (!readme_recipe(recipe, sizeof recipe))
        return;
    snprintf(conf, sizeof conf, "%s/kiosk.conf", dir);
    static const char original[] =
        "# /etc/kiosk/kiosk.conf: the kiosk's settings\n"
        "state-dir: /var/lib/kiosk\n"
        "\n"
        "# How the screen is mounted.\n"
        "rotation: 90\n"
        "# staff-pin-hash: argon2id:... (a comment, left alone)\n"
        "idle-timeout: 45\n";
    write_text(conf, original);
    chmod(conf, 0640);
    bool root = geteuid() == 0;
    if (root)
        CHECK(chown(conf, 1234, 4321) == 0, "chown");
    struct stat before, after;
    stat(conf, &before);

    char *out;
    int rc = run_recipe(recipe, conf, "2468", &out);
    char *text = check_read_file(conf, NULL);
    int first1 = 0, count = text ? pin_lines(text, &first1) : -1;
    CHECK(rc == 0 && count == 1 && strstr(out, "a staff-pin-hash line added"),
          "README's recipe on a kiosk.conf without a PIN: exit %d, %d "
          "staff-pin-hash line(s)\n%s", rc, count, out);
    free(out);
    char rest[4096];
    if (text) {
        without_pin(text, rest, sizeof rest);
        CHECK(strcmp(rest, original) == 0 && first1 == 8,
              "every other line kept in order, the PIN's added at the end "
              "(line %d):\n%s", first1, text);
    }
    free(text);
    CHECK(opens_with(conf, "2468", "1357"),
          "the file reads back with an argon2id PIN that opens with 2468");
    stat(conf, &after);
    CHECK((after.st_mode & 07777) == 0640 && S_ISREG(after.st_mode) &&
              after.st_uid == before.st_uid && after.st_gid == before.st_gid,
          "mode and owner kept: %o %u:%u", after.st_mode & 07777,
          (unsigned)after.st_uid, (unsigned)after.st_gid);
    if (!root)
        printf("test_pin_cli: not root: the owner kept is our own\n");

    rc = run_recipe(recipe, conf, "1357", &out);
    text = check_read_file(conf, NULL);
    int first2 = 0;
    count = text ? pin_lines(text, &first2) : -1;
    CHECK(rc == 0 && count == 1 && first2 == first1 &&
              strstr(out, "its staff-pin-hash line replaced"),
          "the recipe again, with a PIN set: exit %d, %d line(s), at line "
          "%d (was %d)\n%s", rc, count, first2, first1, out);
    free(out);
    if (text) {
        without_pin(text, rest, sizeof rest);
        CHECK(strcmp(rest, original) == 0, "the other lines still kept");
    }
    free(text);
    CHECK(opens_with(conf, "1357", "2468"),
          "now 1357 opens, and 2468 no longer");
    stat(conf, &after);
    CHECK((after.st_mode & 07777) == 0640 && after.st_uid == before.st_uid &&
              after.st_gid == before.st_gid,
          "mode and owner kept again");
    CHECK(leftovers() == 0, "no temporary file left behind");
}

/* --set on `text`: the result, or NULL if it failed. */
static char *set_on(const char *text, const char *pin)
{
    char conf[700];
    snprintf(conf, sizeof conf, "%s/field.conf", dir);
    write_text(conf, text);
    char *out;
    int rc = proc_sh_out(&out, "printf '%s\\n' | build/test/kiosk "
                         "staff-pin-hash --set '%s'", pin, conf);
    if (rc != 0)
        fprintf(stderr, "%s", out);
    free(out);
    return rc == 0 ? check_read_file(conf, NULL) : NULL;
}

static void test_field_cases(void)
{
    static const char sha[] =
        "sha256:01020304:"
        "7c0db194d4b59b16354b8c24789e5891a309ec1f39c380c628ce32d422a577d2";
    static const struct {
        const char *name, *before, *after; /* @ is the new line */
    } cases[] = {
        {"the two lines the old tee -a recipe left",
         "rotation: 0\nstaff-pin-hash: %s\nidle-timeout: 45\n"
         "staff-pin-hash: %s\n",
         "rotation: 0\n@idle-timeout: 45\n"},
        {"a value continued on an indented line",
         "staff-pin-hash: %s\n   %s\nrotation: 0\n\n  # indented comment\n",
         "@rotation: 0\n\n  # indented comment\n"},
        {"the key in capitals, a space before the colon",
         "Staff-PIN-Hash : %s\nrotation: 0\n", "@rotation: 0\n"},
        {"only commented out, no newline at the end",
         "# staff-pin-hash: %s\nrotation: 0", "# staff-pin-hash: %s\n"
                                              "rotation: 0\n@"},
        {"an empty file", "", "@"},
        {"an indented key after a blank line is a key",
         "rotation: 0\n\n  staff-pin-hash: %s\n", "rotation: 0\n\n@"},
        {"a key-like continuation is part of the value before",
         "content: /a\n  staff-pin-hash: x\n",
         "content: /a\n  staff-pin-hash: x\n@"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char before[1024], want[1024];
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
        snprintf(before, sizeof before, cases[i].before, sha, sha);
        snprintf(want, sizeof want, cases[i].after, sha);
#pragma GCC diagnostic pop
        char *got = set_on(before, "2468");
        /* The new line in place of '@'. */
        char expect[2048] = "";
        const char *at = strchr(want, '@');
        const char *line = got ? strstr(got, "staff-pin-hash: argon2id:")
                               : NULL;
        if (at && line && (line == got || line[-1] == '\n')) {
            size_t len = strcspn(line, "\n") + 1;
            snprintf(expect, sizeof expect, "%.*s%.*s%s", (int)(at - want),
                     want, (int)len, line, at + 1);
        }
        CHECK(got && strcmp(got, expect) == 0, "%s:\n%s---\nwant:\n%s",
              cases[i].name, got ? got : "(failed)", expect);
        free(got);
    }
}

static void expect_refused(const char *what, const char *path,
                           const char *needle)
{
    char *out;
    int rc = proc_sh_out(&out, "printf '2468\\n' | build/test/kiosk "
                         "staff-pin-hash --set '%s'", path);
    CHECK(rc == 1 && strstr(out, path) && strstr(out, needle),
          "%s is refused, naming it (exit %d): %s", what, rc, out);
    free(out);
}

static void test_refusals(void)
{
    char real[700], link[700], sub[700], fifo[700], missing[700];
    snprintf(real, sizeof real, "%s/real.conf", dir);
    snprintf(link, sizeof link, "%s/link.conf", dir);
    snprintf(sub, sizeof sub, "%s/a-folder", dir);
    snprintf(fifo, sizeof fifo, "%s/a-fifo", dir);
    snprintf(missing, sizeof missing, "%s/missing.conf", dir);
    write_text(real, "rotation: 0\n");
    CHECK(symlink("real.conf", link) == 0 && mkdir(sub, 0755) == 0 &&
              mkfifo(fifo, 0644) == 0,
          "the odd files");
    expect_refused("a symbolic link", link, "is a symbolic link");
    struct stat st;
    char *text = check_read_file(real, NULL);
    CHECK(lstat(link, &st) == 0 && S_ISLNK(st.st_mode) && text &&
              strcmp(text, "rotation: 0\n") == 0,
          "the link and the file it names are untouched");
    free(text);
    expect_refused("a folder", sub, "is not a regular file");
    expect_refused("a FIFO", fifo, "is not a regular file");
    expect_refused("a missing file", missing, "No such file or directory");

    char *out;
    int rc = proc_sh_out(&out, "printf '12a4\\n' | build/test/kiosk "
                         "staff-pin-hash --set '%s'", real);
    text = check_read_file(real, NULL);
    CHECK(rc == 1 && strstr(out, "the PIN must be 4 to 8 digits") && text &&
              strcmp(text, "rotation: 0\n") == 0,
          "a bad PIN: exit %d, the file untouched: %s", rc, out);
    free(out);
    free(text);
    CHECK(leftovers() == 0, "no temporary file left behind");

    rc = check_run("build/test/kiosk staff-pin-hash --set </dev/null", &out);
    CHECK(rc == 2 && strstr(out, "option '--set' needs a value"),
          "--set without a file: exit %d: %s", rc, out);
    free(out);
    rc = check_run("build/test/kiosk staff-pin-hash 2468 </dev/null", &out);
    CHECK(rc == 2 && strstr(out, "unexpected '2468'") &&
              strstr(out, "read from standard input"),
          "a PIN on the command line is refused: exit %d: %s", rc, out);
    free(out);
    rc = check_run("echo 2468 | build/test/kiosk staff-pin-hash", &out);
    CHECK(rc == 0 && strncmp(out, "staff-pin-hash: argon2id:v=19,m=65536,"
                                  "t=3,p=1:", 40) == 0,
          "without --set the line is printed: %s", out);
    free(out);
}

static void test_make_install(void)
{
    char *out;
    int rc = check_run("rm -rf build/test/pin-root && make -s install "
                       "PREFIX=/usr DESTDIR=build/test/pin-root >/dev/null "
                       "2>&1 && stat -c '%a' "
                       "build/test/pin-root/etc/kiosk/kiosk.conf", &out);
    CHECK(rc == 0 && strcmp(out, "640\n") == 0,
          "make install creates kiosk.conf 0640: %s", out);
    free(out);
    /* Installed into the system (a dry run here): the kiosk group. */
    rc = check_run("make -n install PREFIX=/usr DESTDIR=", &out);
    CHECK(rc == 0 &&
              strstr(out, "install -D -m 0640 deploy/kiosk.conf "
                          "/etc/kiosk/kiosk.conf") &&
              strstr(out, "getent group kiosk >/dev/null && chgrp kiosk "
                          "/etc/kiosk/kiosk.conf") &&
              strstr(out, "there is no group 'kiosk' yet"),
          "make install into / gives kiosk.conf to the kiosk group, or says "
          "why not:\n%s", out);
    free(out);
    if (proc_sh("rm -rf build/test/pin-root") != 0)
        CHECK(false, "cleanup");
}

int main(void)
{
    if (!mkdtemp(dir))
        return 1;
    test_readme_recipe_twice();
    test_field_cases();
    test_refusals();
    test_make_install();
    if (proc_sh("rm -rf '%s'", dir) != 0)
        CHECK(false, "cleanup");
    return check_finish("test_pin_cli");
}
