/* test_package.c: `make deb` as a technician meets it -- the package's
 * fields, files, conffile and maintainer scripts, the packaged program's
 * installed defaults, lintian's verdict; `test_package arm64` (run by
 * `make test-arm64`, which installs the cross tool chain) the same for the
 * arm64 cross build.
 *
 * The maintainer scripts are run for real but with PATH holding only
 * stubs that log their arguments (build/test/pkg-fake/bin), so this
 * machine's users, groups and files are never touched, in a mount
 * namespace whose /run says whether systemd and udev run: without them
 * systemctl, deb-systemd-invoke and udevadm fail loudly, as in a chroot;
 * with them they must be called. */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "proc.h"

/* The first line of a command's output, without its newline. */
static char *line_of(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));
static char *line_of(const char *fmt, ...)
{
    char cmd[1024], *out;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    proc_sh_out(&out, "%s", cmd);
    out[strcspn(out, "\n")] = '\0';
    return out;
}

/* Whether the comma-separated relation list DEPENDS names PKG (as a
 * package, with or without a version: "libgl1" is not "libgl1-mesa-dri"). */
static bool depends_on(const char *depends, const char *pkg)
{
    size_t len = strlen(pkg);
    for (const char *p = depends; (p = strstr(p, pkg)); p += len) {
        bool starts = p == depends || p[-1] == ' ' || p[-1] == ',';
        char end = p[len];
        if (starts && (end == '\0' || end == ' ' || end == ',' ||
                       end == '\n' || end == ':'))
            return true;
    }
    return false;
}

static void write_stub(const char *dir, const char *name, const char *body)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (!f) {
        CHECK(false, "cannot write %s", path);
        return;
    }
    fprintf(f, "#!/bin/sh\necho \"%s $*\" >> \"$FAKE_LOG\"\n%s\n", name,
            body);
    fclose(f);
    chmod(path, 0755);
}

/* Stubs for every command the maintainer scripts may call; FAKE_STATE
 * remembers the statoverride between runs.  Forbidden ones log FORBIDDEN
 * and fail, as they would in a chroot. */
static void make_fake_bin(const char *bin)
{
    const char *logging[] = {"adduser", "addgroup", "deluser", "delgroup",
                             "mkdir",   "chown",    "chmod",   "rm",
                             "rmdir"};
    for (size_t i = 0; i < sizeof logging / sizeof *logging; i++)
        write_stub(bin, logging[i], "exit 0");
    write_stub(bin, "getent",
               "case $2 in render) exit 2 ;; esac\nexit 0");
    write_stub(bin, "dpkg-statoverride",
               "case $1 in\n"
               "--list) [ -e \"$FAKE_STATE/override\" ] ;;\n"
               "--update) : > \"$FAKE_STATE/override\" ;;\n"
               "--remove) rm -f \"$FAKE_STATE/override\" ;;\n"
               "esac");
    write_stub(bin, "deb-systemd-helper", "exit 0");
    /* (No invoke-rc.d stub: the Makefile includes every *.d under
     * build/.  A command without a stub is "not found" and fails.) */
    const char *forbidden[] = {"systemctl", "deb-systemd-invoke",
                               "udevadm"};
    for (size_t i = 0; i < sizeof forbidden / sizeof *forbidden; i++)
        write_stub(bin, forbidden[i],
                   "[ \"$FAKE_RUNNING\" = 1 ] && exit 0; "
                   "echo FORBIDDEN >> \"$FAKE_LOG\"; "
                   "echo \"$0 called without systemd\" >&2; exit 1");
}

/* Runs control/SCRIPT ARGS with the stubs only; returns its status and the
 * log of calls in *log.  It runs in a mount namespace of its own with an
 * empty /run, so the scripts' own tests see no systemd and no udev (a
 * chroot, an mmdebstrap image) -- or, `running`, a /run where both run
 * (an installed system), whatever this machine is. */
static int fake_run(const char *script, const char *args, bool running,
                    char **log)
{
    return proc_sh_out(log, ": > build/test/pkg-fake/log; "
                       "unshare %s--mount sh -c 'mount -t tmpfs kiosk-test "
                       "/run && %s env -i "
                       "FAKE_LOG=$PWD/build/test/pkg-fake/log "
                       "FAKE_STATE=$PWD/build/test/pkg-fake FAKE_RUNNING=%d "
                       "PATH=$PWD/build/test/pkg-fake/bin /bin/sh "
                       "build/test/pkg-control/%s %s'; r=$?; "
                       "cat build/test/pkg-fake/log; exit $r",
                       geteuid() == 0 ? "" : "--map-root-user ",
                       running ? "mkdir -p /run/systemd/system /run/udev &&"
                               : "",
                       running, script, args);
}

/* Fields, files and lintian for one built package. */
static void check_deb(const char *deb, const char *arch, const char *version)
{
    char *v = line_of("dpkg-deb -f %s Package", deb);
    CHECK(strcmp(v, "kiosk") == 0, "%s: Package is '%s'", deb, v);
    free(v);
    v = line_of("dpkg-deb -f %s Version", deb);
    CHECK(strcmp(v, version) == 0, "%s: Version '%s' is VERSION '%s'", deb,
          v, version);
    free(v);
    v = line_of("dpkg-deb -f %s Architecture", deb);
    CHECK(strcmp(v, arch) == 0, "%s: Architecture '%s' (want %s)", deb, v,
          arch);
    free(v);

    char *dep = line_of("dpkg-deb -f %s Depends", deb);
    /* From dpkg-shlibdeps: the libraries the binary links, versioned. */
    CHECK(strstr(dep, "libsdl2-2.0-0 (>= ") && strstr(dep, "libc6 (>= ") &&
              strstr(dep, "libharfbuzz0b (>= ") &&
              strstr(dep, "libicu72 (>= "),
          "%s: Depends has the linked libraries: %s", deb, dep);
    /* What SDL's KMSDRM backend loads with dlopen, the fonts, adduser. */
    const char *extra[] = {"libegl1",        "libgles2",        "libgbm1",
                           "libegl-mesa0",   "libgl1-mesa-dri", "libudev1",
                           "fonts-noto-core", "fonts-noto-cjk", "adduser",
                           "mount",          "libargon2-1"};
    for (size_t i = 0; i < sizeof extra / sizeof *extra; i++)
        CHECK(depends_on(dep, extra[i]), "%s: Depends has %s: %s", deb,
              extra[i], dep);
    CHECK(!depends_on(dep, "libgl1"), "%s: no desktop GL (libgl1): %s", deb,
          dep);
    free(dep);

    char *list;
    int rc = proc_sh_out(&list, "dpkg-deb -c %s", deb);
    const char *files[] = {
        " ./usr/bin/kiosk\n",
        " ./usr/lib/kiosk/kiosk-usb-import\n",
        " ./lib/systemd/system/kiosk.service\n",
        " ./lib/systemd/system/kiosk-import@.service\n",
        " ./lib/udev/rules.d/99-kiosk-usb.rules\n",
        " ./lib/udev/rules.d/99-kiosk-display.rules\n",
        " ./usr/lib/systemd/system.conf.d/kiosk.conf\n",
        " ./usr/lib/sysctl.d/60-kiosk.conf\n",
        " ./etc/kiosk/kiosk.conf\n",
        " ./usr/share/kiosk/content/exhibit.txt\n",
        " ./usr/share/kiosk/content/report/en.txt\n",
        " ./usr/share/kiosk/content/map/regions.geojson\n",
        " ./usr/share/kiosk/content/map/SOURCES.md\n",
        " ./usr/share/kiosk/fonts/manifest.txt\n",
        " ./usr/share/kiosk/fonts/NotoSerifCJK-Regular.ttc -> "
        "../../fonts/opentype/noto/NotoSerifCJK-Regular.ttc\n",
        " ./usr/share/kiosk/fonts/NotoNaskhArabic-Regular.ttf -> "
        "../../fonts/truetype/noto/NotoNaskhArabic-Regular.ttf\n",
        " ./usr/share/doc/kiosk/copyright\n",
        " ./usr/share/doc/kiosk/changelog.gz\n",
        " ./usr/share/man/man1/kiosk.1.gz\n",
    };
    for (size_t i = 0; i < sizeof files / sizeof *files; i++)
        CHECK(rc == 0 && strstr(list, files[i]), "%s lists%s", deb,
              files[i]);
    /* Every font in the package is a link; no font file is shipped. */
    int fonts = 0, font_files = 0;
    for (char *l = strtok(list, "\n"); l; l = strtok(NULL, "\n"))
        if (strstr(l, ".ttf") || strstr(l, ".ttc")) {
            fonts++;
            font_files += l[0] != 'l';
        }
    CHECK(fonts >= 6 && font_files == 0,
          "%s: %d fonts, all links (%d files)", deb, fonts, font_files);
    free(list);

    /* lintian: no error and no warning (the kept tags are in README). */
    char *lint;
    proc_sh_out(&lint, "lintian --no-cfg %s", deb);
    bool clean = true;
    for (char *l = strtok(lint, "\n"); l; l = strtok(NULL, "\n"))
        if (strncmp(l, "E: ", 3) == 0 || strncmp(l, "W: ", 3) == 0) {
            clean = false;
            fprintf(stderr, "lintian: %s\n", l);
        }
    CHECK(clean, "%s: lintian reports no error or warning", deb);
    free(lint);
}

/* arm64: cross-built with Debian's tool chain (`make test-arm64`, which
 * installs it, runs this part). */
static void test_arm64(const char *version)
{
    char *out;
    int rc;
    struct stat st;
    char adeb[256];
    snprintf(adeb, sizeof adeb, "build/deb/kiosk_%s_arm64.deb", version);
    remove(adeb);
    rc = proc_sh_out(&out, "make -s deb DEB_ARCH=arm64");
    CHECK(rc == 0 && stat(adeb, &st) == 0 && st.st_size > 10000,
          "make deb DEB_ARCH=arm64 builds %s: exit %d\n%s", adeb, rc,
          out);
    free(out);
    check_deb(adeb, "arm64", version);
    rc = proc_sh_out(&out,
                     "rm -rf build/test/pkg-root-arm64 && dpkg-deb -x %s "
                     "build/test/pkg-root-arm64", adeb);
    free(out);
    /* An AArch64 executable (ELF e_machine 183). */
    size_t n = 0;
    char *elf = check_read_file("build/test/pkg-root-arm64/usr/bin/kiosk",
                                &n);
    CHECK(elf && n > 20 && memcmp(elf, "\177ELF", 4) == 0 &&
              (unsigned char)elf[18] == 183 && elf[19] == 0,
          "the arm64 package holds an AArch64 program");
    free(elf);
    rc = proc_sh_out(&out, "command -v qemu-aarch64 >/dev/null || exit 77; "
                           "qemu-aarch64 -L / "
                           "build/test/pkg-root-arm64/usr/bin/kiosk --help");
    if (rc != 77)
        CHECK(rc == 0 && strstr(out, "/usr/share/kiosk/content"),
              "the arm64 kiosk --help (qemu) shows /usr/share/kiosk:\n%s",
              out);
    free(out);
}

int main(int argc, char **argv)
{
    char *version = check_read_file("VERSION", NULL);
    if (!CHECK(version != NULL, "VERSION is readable"))
        return check_finish("test_package");
    version[strcspn(version, "\n")] = '\0';
    if (argc == 2 && strcmp(argv[1], "arm64") == 0) {
        test_arm64(version);
        free(version);
        return check_finish("test_package arm64");
    }
    char *arch = line_of("dpkg --print-architecture");
    char deb[256];
    snprintf(deb, sizeof deb, "build/deb/kiosk_%s_%s.deb", version, arch);

    char *out;
    remove(deb);
    int rc = proc_sh_out(&out, "make -s deb");
    struct stat st;
    CHECK(rc == 0 && stat(deb, &st) == 0 && st.st_size > 10000,
          "make deb builds %s: exit %d\n%s", deb, rc, out);
    free(out);
    check_deb(deb, arch, version);

    /* The control files: the conffile, and maintainer scripts that
     * parse. */
    rc = proc_sh_out(&out,
                     "rm -rf build/test/pkg-control build/test/pkg-root && "
                     "dpkg-deb -e %s build/test/pkg-control && "
                     "dpkg-deb -x %s build/test/pkg-root", deb, deb);
    CHECK(rc == 0, "dpkg-deb -e / -x: %s", out);
    free(out);
    char *conffiles = check_read_file("build/test/pkg-control/conffiles",
                                      NULL);
    CHECK(conffiles && strcmp(conffiles, "/etc/kiosk/kiosk.conf\n") == 0,
          "conffiles is /etc/kiosk/kiosk.conf: '%s'",
          conffiles ? conffiles : "(none)");
    free(conffiles);
    const char *scripts[] = {"postinst", "prerm", "postrm"};
    for (size_t i = 0; i < 3; i++) {
        char path[256];
        snprintf(path, sizeof path, "build/test/pkg-control/%s", scripts[i]);
        char *text = check_read_file(path, NULL);
        rc = proc_sh_out(&out, "sh -n %s", path);
        CHECK(text && strncmp(text, "#!/bin/sh\n", 10) == 0 &&
                  strstr(text, "\nset -e\n") && rc == 0 &&
                  access(path, X_OK) == 0,
              "%s: POSIX sh, set -e, executable, parses: %s", scripts[i],
              out);
        free(out);
        /* Every call that needs a running systemd or udev is guarded and
         * may fail. */
        bool guarded = text != NULL;
        for (char *l = text ? strtok(text, "\n") : NULL; l;
             l = strtok(NULL, "\n")) {
            l += strspn(l, " ");
            if (l[0] == '#')
                continue;
            if ((strstr(l, "systemctl ") || strstr(l, "deb-systemd-invoke ")
                 || strstr(l, "udevadm ")) &&
                !strstr(l, "|| true")) {
                guarded = false;
                fprintf(stderr, "%s: unguarded: %s\n", scripts[i], l);
            }
        }
        CHECK(guarded, "%s: systemctl, deb-systemd-invoke, udevadm calls "
                       "end in || true", scripts[i]);
        free(text);
    }
    char *pi = check_read_file("build/test/pkg-control/postinst", NULL);
    CHECK(pi && strstr(pi, "[ -d /run/systemd/system ]") &&
              strstr(pi, "[ -d /run/udev ]"),
          "postinst starts the service and reloads udev only where they run");
    free(pi);
    rc = proc_sh_out(&out, "sh -n deploy/install.sh && echo syntax-ok");
    CHECK(rc == 0 && strstr(out, "syntax-ok"), "deploy/install.sh parses");
    free(out);

    /* A keyboard plugged into the exhibit reaches nothing of the system:
     * the exhibit owns tty1 (its keyboard off for the kernel, no getty
     * behind it; a getty for staff after "exit to the console"), SysRq
     * is off, Ctrl+Alt+Del's target masked (postinst) and its burst
     * reboot off. */
    char *unit = check_read_file(
        "build/test/pkg-root/lib/systemd/system/kiosk.service", NULL);
    CHECK(unit && strstr(unit, "\nTTYPath=/dev/tty1\n") &&
              strstr(unit, "\nStandardInput=tty-force\n") &&
              strstr(unit, "\nStandardOutput=journal\n") &&
              strstr(unit, "\nConflicts=getty@tty1.service\n") &&
              strstr(unit, "\nAfter=getty@tty1.service\n") &&
              strstr(unit, "\nTTYReset=yes\n") &&
              strstr(unit, "[ \"$$EXIT_STATUS\" != 3 ] || systemctl "
                           "--no-block start getty@tty1.service"),
          "kiosk.service takes tty1 from a getty and gives it back on "
          "exit status 3");
    free(unit);
    char *sysctl = check_read_file(
        "build/test/pkg-root/usr/lib/sysctl.d/60-kiosk.conf", NULL);
    CHECK(sysctl && strstr(sysctl, "\nkernel.sysrq = 0\n"),
          "the package turns SysRq off (sysctl.d)");
    free(sysctl);
    char *manager = check_read_file(
        "build/test/pkg-root/usr/lib/systemd/system.conf.d/kiosk.conf",
        NULL);
    CHECK(manager && strstr(manager, "\n[Manager]\n"
                                     "CtrlAltDelBurstAction=none\n"),
          "the package turns Ctrl+Alt+Del's burst reboot off");
    free(manager);

    /* The packaged program's defaults are the installed folders. */
    rc = proc_sh_out(&out, "build/test/pkg-root/usr/bin/kiosk --help");
    CHECK(rc == 0 && strstr(out, "(default: /usr/share/kiosk/content)") &&
              strstr(out, "/usr/share/kiosk/fonts/manifest.txt"),
          "the packaged kiosk --help shows /usr/share/kiosk defaults:\n%s",
          out);
    free(out);

    /* The maintainer scripts without systemd and udev (a chroot, an
     * mmdebstrap image), with stubs only.  Needs /run/systemd/system and
     * /run/udev absent here, which the scripts test directly. */
    {
        rc = proc_sh_out(&out, "rm -rf build/test/pkg-fake && "
                               "mkdir -p build/test/pkg-fake/bin");
        free(out);
        make_fake_bin("build/test/pkg-fake/bin");
        char *log;
        rc = fake_run("postinst", "configure", false, &log);
        CHECK(rc == 0 && !strstr(log, "FORBIDDEN") &&
                  strstr(log, "adduser --quiet --system --group --home "
                              "/var/lib/kiosk") &&
                  strstr(log, "addgroup --quiet --system render") &&
                  strstr(log, "adduser --quiet kiosk video") &&
                  strstr(log, "adduser --quiet kiosk input") &&
                  strstr(log, "adduser --quiet kiosk render") &&
                  strstr(log, "chown kiosk:kiosk /var/lib/kiosk") &&
                  strstr(log, "chmod 0755 /var/lib/kiosk") &&
                  strstr(log, "dpkg-statoverride --update --add root kiosk "
                              "0640 /etc/kiosk/kiosk.conf") &&
                  strstr(log, "deb-systemd-helper enable kiosk.service") &&
                  strstr(log, "deb-systemd-helper mask "
                              "ctrl-alt-del.target"),
              "postinst configure without systemd: exit %d, calls:\n%s", rc,
              log);
        free(log);
        /* Again, as an upgrade from 0.0.9: the override is kept. */
        rc = fake_run("postinst", "configure 0.0.9", false, &log);
        CHECK(rc == 0 && !strstr(log, "FORBIDDEN") &&
                  !strstr(log, "--add") &&
                  strstr(log, "adduser --quiet --system --group"),
              "postinst configure again: exit %d, calls:\n%s", rc, log);
        free(log);
        rc = fake_run("prerm", "remove", false, &log);
        CHECK(rc == 0 && !strstr(log, "FORBIDDEN"),
              "prerm remove without systemd: exit %d, calls:\n%s", rc, log);
        free(log);
        rc = fake_run("postrm", "remove", false, &log);
        CHECK(rc == 0 && !strstr(log, "FORBIDDEN") &&
                  strstr(log, "deb-systemd-helper mask kiosk.service"),
              "postrm remove without systemd: exit %d, calls:\n%s", rc, log);
        free(log);
        rc = fake_run("postrm", "purge", false, &log);
        CHECK(rc == 0 && !strstr(log, "FORBIDDEN") &&
                  strstr(log, "deb-systemd-helper purge kiosk.service") &&
                  strstr(log, "deb-systemd-helper unmask "
                              "ctrl-alt-del.target") &&
                  strstr(log, "dpkg-statoverride --remove "
                              "/etc/kiosk/kiosk.conf") &&
                  strstr(log, "rm -rf /var/lib/kiosk") &&
                  strstr(log, "deluser --quiet --system kiosk") &&
                  strstr(log, "delgroup --quiet --system --only-if-empty "
                              "kiosk"),
              "postrm purge: exit %d, calls:\n%s", rc, log);
        free(log);
        /* On a running system the same scripts reload systemd and udev
         * and start and stop the exhibit. */
        rc = fake_run("postinst", "configure", true, &log);
        CHECK(rc == 0 && strstr(log, "udevadm control --reload-rules") &&
                  strstr(log, "systemctl --system daemon-reload") &&
                  strstr(log, "deb-systemd-invoke start kiosk.service") &&
                  strstr(log, "deb-systemd-invoke restart "
                              "systemd-sysctl.service"),
              "postinst configure on a running system: exit %d, calls:\n%s",
              rc, log);
        free(log);
        rc = fake_run("prerm", "remove", true, &log);
        CHECK(rc == 0 && strstr(log, "deb-systemd-invoke stop kiosk.service"),
              "prerm remove on a running system: exit %d, calls:\n%s", rc,
              log);
        free(log);
    }

    free(arch);
    free(version);
    return check_finish("test_package");
}
