# Makefile: the exhibit, its tests and benchmarks.
#
#   make run     install missing packages, fetch fonts, build, open a window
#   make test    the same set-up, then every test (ASan + UBSan, -Werror)
#   make bench   benchmarks (optimised build); prints numbers
#   make fuzz    libFuzzer builds of the parser targets (clang)
#
# Every library comes through pkg-config.  Variables that call pkg-config are
# recursive (=) so that a fresh machine can install the packages first.

PKGS      := sdl2 SDL2_image freetype2 harfbuzz icu-uc jansson libargon2 \
             libdrm libudev espeak-ng
CC        ?= cc
PKG_CONFIG ?= pkg-config

WARN := -Wall -Wextra -Wshadow -Wundef -Wwrite-strings -Wstrict-prototypes \
        -Wmissing-prototypes -Wvla -Wimplicit-fallthrough -Wformat=2
BASE_CFLAGS = -std=c17 -D_DEFAULT_SOURCE $(WARN) -Isrc -MMD -MP \
              $(shell $(PKG_CONFIG) --cflags $(PKGS))
# libhyphen (hyphenation) has no pkg-config file: linked by name.
NOPC_LIBS  := -lhyphen
LIBS        = $(shell $(PKG_CONFIG) --libs $(PKGS)) $(NOPC_LIBS) -lm -lpthread

RELEASE_FLAGS := -O2 -g
TEST_FLAGS    := -O1 -g -Werror -fsanitize=address,undefined \
                 -fno-sanitize-recover=all -fno-omit-frame-pointer

VERSION := $(shell cat VERSION 2>/dev/null || echo 0.0.0)
GIT_REV := $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)
DEFS    := -DKIOSK_VERSION='"$(VERSION)"' -DKIOSK_REVISION='"$(GIT_REV)"'

# Platform code: src/platform/*_$(PLATFORM).c only (platform.h).
PLATFORM ?= linux
SRC      := $(sort $(filter-out src/platform/%,$(shell find src -name '*.c')) \
              $(wildcard src/platform/*_$(PLATFORM).c))
LIB_SRC  := $(filter-out src/main.c,$(SRC))
TESTS    := $(basename $(notdir $(wildcard tests/test_*.c)))
BENCHES  := $(basename $(notdir $(wildcard tests/bench_*.c)))
FUZZERS  := $(basename $(notdir $(wildcard tests/fuzz_*.c)))
SUPPORT  := $(filter-out tests/test_% tests/bench_% tests/fuzz_% \
              tests/soak.c, $(wildcard tests/*.c))

REL := build/release
TST := build/test

FONT_FILES := $(addprefix fonts/,$(shell awk '!/^\#/ && NF >= 3 {print $$3}' \
                fonts/manifest.txt | sort -u))

.SECONDARY:
.PHONY: all run test bench fuzz deps fonts clean golden check-tests soak \
        install install-tree test-arm64 check-arm64 deb deb-build

all: build/kiosk

# ---- set-up -------------------------------------------------------------
deps:
	@deploy/install-deps.sh

fonts: deps
	@$(MAKE) --no-print-directory -s $(FONT_FILES)

fonts/%.ttc: /usr/share/fonts/opentype/noto/%.ttc
	cp $< $@
fonts/%.ttf: /usr/share/fonts/truetype/noto/%.ttf
	cp $< $@
fonts/%.dic: /usr/share/hyphen/%.dic
	cp $< $@

# ---- the program --------------------------------------------------------
build/kiosk: $(SRC:%.c=$(REL)/%.o)
	@echo "LD $@"
	@$(CC) $(RELEASE_FLAGS) -o $@ $^ $(LIBS)

$(REL)/%.o: %.c
	@mkdir -p $(@D)
	@echo "CC $<"
	@$(CC) $(RELEASE_FLAGS) $(BASE_CFLAGS) $(DEFS) -c -o $@ $<

run: fonts
	@$(MAKE) --no-print-directory build/kiosk
	./build/kiosk --windowed

# ---- install ------------------------------------------------------------
# make install PREFIX=/usr DESTDIR=/tmp/root installs:
#   PREFIX/bin/kiosk, PREFIX/share/kiosk/{fonts,content},
#   PREFIX/lib/kiosk/kiosk-usb-import, PREFIX/lib/systemd/system/*.service,
#   PREFIX/lib/udev/rules.d/99-kiosk-{usb,display}.rules,
#   PREFIX/lib/systemd/system.conf.d/kiosk.conf (no Ctrl+Alt+Del burst
#   reboot), PREFIX/lib/sysctl.d/60-kiosk.conf (no SysRq),
#   /etc/kiosk/kiosk.conf
# The installed program is built apart from build/kiosk: its defaults
# (content, fonts) are the installed folders under PREFIX, where
# build/kiosk's are the source tree's.  It installs nothing with apt: the
# build needs the -dev packages (make deps), the kiosk only the runtime
# ones (the Debian package's Depends).  The fonts are links to Debian's
# font packages (fonts-noto-core, fonts-noto-cjk), not copies.
PREFIX ?= /usr/local
DESTDIR ?=
DATADIR = $(PREFIX)/share/kiosk
SHARE = $(DESTDIR)$(DATADIR)
INST  = build/install$(subst /,_,$(PREFIX))
PATH_DEFS = -DKIOSK_DATADIR='"$(DATADIR)"'
# Where the systemd units and the udev rule go (`make deb` uses bookworm's
# /lib/systemd/system and /lib/udev/rules.d).
SYSTEMD_UNITDIR ?= $(PREFIX)/lib/systemd/system
UDEV_RULESDIR   ?= $(PREFIX)/lib/udev/rules.d
# The service manager's and the kernel's settings: always under PREFIX
# (systemd reads /usr/lib and /usr/local/lib for both).
SYSTEMD_CONFDIR ?= $(PREFIX)/lib/systemd/system.conf.d
SYSCTLDIR       ?= $(PREFIX)/lib/sysctl.d
FONT_DIRS := /usr/share/fonts/opentype/noto /usr/share/fonts/truetype/noto \
             /usr/share/hyphen
# /etc/kiosk/kiosk.conf holds the staff PIN's hash: 0640, and group kiosk in
# a real installation (no DESTDIR) -- as the package's statoverride makes
# it.  The package's postinst makes the kiosk user; make install does not,
# so without the group the file stays root:root 0640 (root only; the
# exhibit, User=kiosk, cannot start anyway) and says what to do.
CONF = $(DESTDIR)/etc/kiosk/kiosk.conf
CONF_GROUP = { getent group kiosk >/dev/null && chgrp kiosk $(CONF); } || \
    echo "install: there is no group 'kiosk' yet, so $(CONF) is" \
        "root:root 0640; make the user (adduser --system --group --home" \
        "/var/lib/kiosk --no-create-home --shell /usr/sbin/nologin kiosk)" \
        "and then: chgrp kiosk $(CONF)" >&2

$(INST)/main.o: src/main.c
	@mkdir -p $(@D)
	@echo "CC (installed paths) $<"
	@$(CC) $(RELEASE_FLAGS) $(BASE_CFLAGS) $(DEFS) $(PATH_DEFS) -c -o $@ $<

$(INST)/kiosk: $(filter-out $(REL)/src/main.o,$(SRC:%.c=$(REL)/%.o)) \
               $(INST)/main.o
	@echo "LD $@"
	@$(CC) $(RELEASE_FLAGS) -o $@ $^ $(LIBS)

install: $(INST)/kiosk
	@$(MAKE) --no-print-directory install-tree KIOSK_BIN=$(INST)/kiosk

# The files of an installation, with the program KIOSK_BIN (also used by
# `make deb`).  The fonts are links into Debian's font packages.
install-tree:
	install -D -m 0755 $(KIOSK_BIN) $(DESTDIR)$(PREFIX)/bin/kiosk
	install -d $(SHARE)/fonts $(SHARE)/content
	install -m 0644 fonts/manifest.txt fonts/README.md $(SHARE)/fonts/
	@for f in $(notdir $(FONT_FILES)); do \
	    src=""; for d in $(FONT_DIRS); do \
	        [ -e "$$d/$$f" ] && src="$$d/$$f"; done; \
	    [ -n "$$src" ] || { echo "install: $$f is in no Debian font" \
	        "package folder ($(FONT_DIRS)); apt-get install" \
	        "fonts-noto-core fonts-noto-cjk hyphen-en-us" >&2; exit 1; }; \
	    ln -sf "$$src" $(SHARE)/fonts/$$f; done
	cp -R content/. $(SHARE)/content/
	install -D -m 0755 deploy/kiosk-usb-import \
	    $(DESTDIR)$(PREFIX)/lib/kiosk/kiosk-usb-import
	install -D -m 0644 deploy/systemd/kiosk.service \
	    $(DESTDIR)$(SYSTEMD_UNITDIR)/kiosk.service
	install -D -m 0644 deploy/systemd/kiosk-import@.service \
	    $(DESTDIR)$(SYSTEMD_UNITDIR)/kiosk-import@.service
	install -D -m 0644 deploy/udev/99-kiosk-usb.rules \
	    $(DESTDIR)$(UDEV_RULESDIR)/99-kiosk-usb.rules
	install -D -m 0644 deploy/udev/99-kiosk-display.rules \
	    $(DESTDIR)$(UDEV_RULESDIR)/99-kiosk-display.rules
	install -D -m 0644 deploy/systemd/system.conf.d/kiosk.conf \
	    $(DESTDIR)$(SYSTEMD_CONFDIR)/kiosk.conf
	install -D -m 0644 deploy/sysctl/60-kiosk.conf \
	    $(DESTDIR)$(SYSCTLDIR)/60-kiosk.conf
	@# The settings (and the staff PIN's hash) survive an upgrade.
	if [ -e $(CONF) ]; then echo "install: $(CONF) kept as it is"; \
	    find $(CONF) -perm -o=r -exec echo "install: {} is readable by" \
	        "every user and holds the staff PIN's hash: chmod 0640 {}" \; ; \
	else install -D -m 0640 deploy/kiosk.conf $(CONF) || exit 1; \
	    $(if $(DESTDIR),true,$(CONF_GROUP)); fi

# ---- Debian package -----------------------------------------------------
#   make deb                  build/deb/kiosk_VERSION_ARCH.deb for this machine
#   make deb DEB_ARCH=arm64   the same for arm64, cross-built with Debian's
#                             aarch64-linux-gnu-gcc and the :arm64 libraries
#                             (deploy/install-deps-arm64.sh)
# Compiled with dpkg-buildflags (hardening=+all) into build/deb/ARCH/, the
# defaults being the installed folders (KIOSK_DATADIR); the file tree is
# install-tree's, with the units and the udev rule where bookworm keeps
# them; deploy/debian/build-deb.sh adds the control files, the Depends
# (dpkg-shlibdeps plus deploy/debian/depends) and the documentation, and
# runs dpkg-deb --root-owner-group (no root, no debhelper).
DEB_BUILD_ON := $(shell dpkg --print-architecture 2>/dev/null)
DEB_ARCH ?= $(DEB_BUILD_ON)
DEB      := build/deb
DEB_OBJ   = $(DEB)/$(DEB_ARCH)
DEB_FILE  = $(DEB)/kiosk_$(VERSION)_$(DEB_ARCH).deb
DEB_CROSS = $(filter-out $(DEB_BUILD_ON),$(DEB_ARCH))
DEB_GNU   = $(shell dpkg-architecture -a$(DEB_ARCH) -qDEB_HOST_GNU_TYPE \
              2>/dev/null)
DEB_CC    = $(if $(DEB_CROSS),$(DEB_GNU)-gcc,$(CC))
DEB_STRIP = $(if $(DEB_CROSS),$(DEB_GNU)-strip,strip)
DEB_PCDIR = /usr/lib/$(DEB_GNU)/pkgconfig:/usr/share/pkgconfig
DEB_PKG   = $(if $(DEB_CROSS),PKG_CONFIG_LIBDIR=$(DEB_PCDIR)) $(PKG_CONFIG)
DEB_ENV   = DEB_BUILD_MAINT_OPTIONS=hardening=+all DEB_HOST_ARCH=$(DEB_ARCH)
# Each computed once, on first use (flags, then pkg-config).
DEB_FLAGS = $(eval DEB_FLAGS := $(shell $(DEB_ENV) dpkg-buildflags --get \
              CPPFLAGS) $(shell $(DEB_ENV) dpkg-buildflags --get CFLAGS) \
              -std=c17 -D_DEFAULT_SOURCE $(WARN) -Isrc -MMD -MP \
              $(shell $(DEB_PKG) --cflags $(PKGS)))$(DEB_FLAGS)
DEB_LINK  = $(eval DEB_LINK := $(shell $(DEB_ENV) dpkg-buildflags --get \
              CFLAGS) $(shell $(DEB_ENV) dpkg-buildflags --get \
              LDFLAGS))$(DEB_LINK)
DEB_LIBS  = $(eval DEB_LIBS := $(shell $(DEB_PKG) --libs $(PKGS)) $(NOPC_LIBS) -lm \
              -lpthread)$(DEB_LIBS)
DEB_DEFS :=

$(DEB_OBJ)/src/main.o: DEB_DEFS := -DKIOSK_DATADIR='"/usr/share/kiosk"'

$(DEB_OBJ)/%.o: %.c
	@mkdir -p $(@D)
	@echo "CC ($(DEB_ARCH) package) $<"
	@$(DEB_CC) $(DEB_FLAGS) $(DEFS) $(DEB_DEFS) -c -o $@ $<

$(DEB_OBJ)/kiosk: $(SRC:%.c=$(DEB_OBJ)/%.o)
	@echo "LD ($(DEB_ARCH) package) $@"
	@$(DEB_CC) $(DEB_LINK) -o $@ $^ $(DEB_LIBS)

# The tree is made afresh each time (a second or two); dpkg-shlibdeps
# wants it at debian/kiosk below a folder with a debian/control.
# Installs what is missing first (like make run and make test): the build's
# packages, and for a cross build the :arm64 ones.
deb:
	@deploy/install-deps.sh
	@$(if $(DEB_CROSS),deploy/install-deps-arm64.sh,true)
	@$(MAKE) --no-print-directory deb-build DEB_ARCH=$(DEB_ARCH)

deb-build: $(DEB_OBJ)/kiosk
	@rm -rf $(DEB_OBJ)/pkg
	@$(DEB_STRIP) --remove-section=.comment --remove-section=.note \
	    -o $(DEB_OBJ)/kiosk.stripped $(DEB_OBJ)/kiosk
	@$(MAKE) --no-print-directory -s install-tree PREFIX=/usr \
	    KIOSK_BIN=$(DEB_OBJ)/kiosk.stripped \
	    DESTDIR=$(CURDIR)/$(DEB_OBJ)/pkg/debian/kiosk \
	    SYSTEMD_UNITDIR=/lib/systemd/system UDEV_RULESDIR=/lib/udev/rules.d \
	    >/dev/null
	@deploy/debian/build-deb.sh $(DEB_OBJ)/pkg $(DEB_ARCH) $(VERSION) \
	    $(DEB_FILE)

# ---- image --------------------------------------------------------------
#   make image                    build/image/kiosk-amd64.img: Debian 12 with
#                                 the kiosk package, boots under SeaBIOS
#   make image IMAGE_ARCH=arm64   build/image/kiosk-arm64.img for a Pi's SD card
#   make image IMAGE_DEB=FILE     with that package instead of `make deb`'s
# deploy/image/build.sh (needs root: sudo make image) with mmdebstrap, no
# loop devices, no mount.  Rebuilt only when what goes into it changes:
# the package's inputs (the program's sources, content, units, packaging)
# or deploy/image/*.  apt's downloads stay in build/image/cache/.
IMAGE_ARCH ?= amd64
IMAGE_DIR  := build/image
IMAGE      := $(IMAGE_DIR)/kiosk-$(IMAGE_ARCH).img
IMAGE_DEB  ?=
IMAGE_PKG   = $(or $(IMAGE_DEB),$(DEB)/kiosk_$(VERSION)_$(IMAGE_ARCH).deb)
# `make deb` always rewrites its package, so the image depends on what the
# package is made from rather than on the .deb's time stamp.
IMAGE_INPUTS = $(if $(IMAGE_DEB),$(IMAGE_DEB),$(shell find src content \
                 deploy/debian deploy/systemd deploy/udev -type f) \
                 fonts/manifest.txt deploy/kiosk.conf deploy/kiosk-usb-import \
                 VERSION) $(wildcard deploy/image/*)

.PHONY: image image-deps test-system smoke-arm64
image: image-deps
	@$(MAKE) --no-print-directory $(IMAGE)

# The image's tools; the package's build tools too unless IMAGE_DEB is given.
image-deps:
	@IMAGE_ARCH=$(IMAGE_ARCH) deploy/image/install-deps.sh
	@$(if $(IMAGE_DEB),true,deploy/install-deps.sh)
	@$(if $(IMAGE_DEB),true,$(if $(filter arm64,$(IMAGE_ARCH)),deploy/install-deps-arm64.sh,true))

$(IMAGE): $(IMAGE_INPUTS)
	@$(if $(IMAGE_DEB),true,$(MAKE) --no-print-directory deb DEB_ARCH=$(IMAGE_ARCH))
	@IMAGE_ARCH=$(IMAGE_ARCH) deploy/image/build.sh $(IMAGE_PKG) $@

# ---- system test: the image booted in QEMU -----------------------------
# make test-system boots `make image` under QEMU (KVM where it can run the
# guest, TCG otherwise) and drives it like a museum would: touch through a
# uinput panel, USB sticks through the monitor, crashes, a hang, a power
# cut, a late display, a turned screen (tests/system/test_system.py).  The
# tools it puts into the VM are static programs built here.
SYS := build/system

$(SYS)/kiosk-touch: tests/system/touch.c
	@mkdir -p $(@D)
	@echo "CC (static) $<"
	@$(CC) -static -O2 $(WARN) -Werror -o $@ $<

$(SYS)/kiosk-cec-tv: tests/system/cec_tv.c
	@mkdir -p $(@D)
	@echo "CC (static) $<"
	@$(CC) -static -O2 $(WARN) -Werror -o $@ $<

$(SYS)/kiosk-imgdiff: tests/system/imgdiff.c tests/image_compare.c \
                      tests/check.c
	@mkdir -p $(@D)
	@echo "CC $@"
	@$(CC) -O1 $(BASE_CFLAGS) -Itests -o $@ $^ $(LIBS)

test-system: image
	@$(MAKE) --no-print-directory build/kiosk $(SYS)/kiosk-touch \
	    $(SYS)/kiosk-cec-tv $(SYS)/kiosk-imgdiff
	python3 tests/system/test_system.py

# The arm64 image booted on QEMU's arm64 virt machine with its own kernel
# (a Pi's firmware does not run in QEMU): the arm64 package on KMSDRM.
# Not in CI: the image needs binfmt_misc and about 25 min of qemu-user.
smoke-arm64:
	@$(MAKE) --no-print-directory image IMAGE_ARCH=arm64
	@$(MAKE) --no-print-directory build/kiosk $(SYS)/kiosk-imgdiff
	python3 tests/system/smoke_arm64.py

# ---- tests --------------------------------------------------------------
$(TST)/%.o: %.c
	@mkdir -p $(@D)
	@echo "CC (test) $<"
	@$(CC) $(TEST_FLAGS) $(BASE_CFLAGS) $(DEFS) -c -o $@ $<

$(TST)/kiosk: $(SRC:%.c=$(TST)/%.o)
	@echo "LD $@"
	@$(CC) $(TEST_FLAGS) -o $@ $^ $(LIBS)

$(TST)/test_%: $(TST)/tests/test_%.o $(SUPPORT:%.c=$(TST)/%.o) \
               $(LIB_SRC:%.c=$(TST)/%.o)
	@echo "LD $@"
	@$(CC) $(TEST_FLAGS) -o $@ $^ $(LIBS)

# The plain replay runner for libFuzzer targets, built with gcc.
$(TST)/fuzz_%: $(TST)/tests/fuzz_%.o $(TST)/tests/fuzz/replay_main.o \
               $(LIB_SRC:%.c=$(TST)/%.o)
	@echo "LD $@"
	@$(CC) $(TEST_FLAGS) -o $@ $^ $(LIBS)

test: fonts
	@$(MAKE) --no-print-directory check-tests

check-tests: $(TESTS:%=$(TST)/%) $(FUZZERS:%=$(TST)/%) $(TST)/kiosk
	@tests/run.sh $(TST) $(TESTS) -- $(FUZZERS)

# Rewrites golden files from the current output; review the diff.
golden: fonts
	@$(MAKE) --no-print-directory $(TESTS:%=$(TST)/%) $(TST)/kiosk
	@KIOSK_UPDATE_GOLDEN=1 tests/run.sh $(TST) $(TESTS) --

# ---- benchmarks ---------------------------------------------------------
$(REL)/bench_%: $(REL)/tests/bench_%.o $(SUPPORT:%.c=$(REL)/%.o) \
                $(LIB_SRC:%.c=$(REL)/%.o)
	@echo "LD $@"
	@$(CC) $(RELEASE_FLAGS) -o $@ $^ $(LIBS)

bench: fonts
	@$(MAKE) --no-print-directory $(BENCHES:%=$(REL)/%)
	@for b in $(BENCHES); do $(REL)/$$b || exit 1; done

# ---- arm64: cross-compiled, tests run under qemu-user ---------------------
# Debian's gcc-aarch64-linux-gnu and the :arm64 -dev packages (multiarch);
# qemu-aarch64 runs the test programs directly (no binfmt).  No sanitizers
# (they do not run under qemu-user); the tests that start the host's
# build/test/kiosk are left to the native run.
ARM_CC    := aarch64-linux-gnu-gcc
ARM_PKG    = PKG_CONFIG_LIBDIR=/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig $(PKG_CONFIG)
ARM_CFLAGS = -std=c17 -D_DEFAULT_SOURCE $(WARN) -Werror -O1 -g -Isrc -MMD \
             -MP $(shell $(ARM_PKG) --cflags $(PKGS))
ARM_LIBS   = $(shell $(ARM_PKG) --libs $(PKGS)) $(NOPC_LIBS) -lm -lpthread
ARM       := build/arm64
# The tests that start programs of this machine: build/test/kiosk (render
# scripts, imports, the window, the watchdog, staff-pin-hash), make
# (install, deb), Xvfb and xdotool, unshare.  Under qemu-user they would
# run the host's x86 build, not the arm64 one, and need it built; they run
# natively only.  (Plain shell commands -- cp, rm, cat -- run under
# qemu-user as they do natively and do not count.)  Every other test runs
# under qemu too.
SPAWNING_TESTS := test_audit test_cli test_import test_journeys test_package \
                  test_pin_cli test_reload test_screens test_staff_panel \
                  test_stats_stick test_stick test_watchdog test_window
# libespeak-ng's arm64 build never finishes a sentence under qemu-user
# (Debian's own espeak-ng arm64 program spins the same way: qemu-aarch64
# 7.2, bookworm); test_speech runs natively only (make test),
# until it is run on a Pi or the arm64 VM.
QEMU_USER_HANGS := test_speech
ARM_TESTS := $(filter-out $(SPAWNING_TESTS) $(QEMU_USER_HANGS),$(TESTS))

$(ARM)/%.o: %.c
	@mkdir -p $(@D)
	@echo "CC (arm64) $<"
	@$(ARM_CC) $(ARM_CFLAGS) $(DEFS) -c -o $@ $<

$(ARM)/test_%: $(ARM)/tests/test_%.o $(SUPPORT:%.c=$(ARM)/%.o) \
               $(LIB_SRC:%.c=$(ARM)/%.o)
	@echo "LD (arm64) $@"
	@$(ARM_CC) -o $@ $^ $(ARM_LIBS)

$(ARM)/fuzz_%: $(ARM)/tests/fuzz_%.o $(ARM)/tests/fuzz/replay_main.o \
               $(LIB_SRC:%.c=$(ARM)/%.o)
	@$(ARM_CC) -o $@ $^ $(ARM_LIBS)

# The arm64 Debian package is built and checked here too (lintian, its
# files, its program under qemu): `build/test/test_package arm64`.
test-arm64: fonts
	@deploy/install-deps-arm64.sh
	@$(MAKE) --no-print-directory check-arm64 $(TST)/test_package
	@$(TST)/test_package arm64

check-arm64: $(ARM_TESTS:%=$(ARM)/%) $(FUZZERS:%=$(ARM)/%)
	@RUNNER="qemu-aarch64 -L /" tests/run.sh $(ARM) $(ARM_TESTS) -- \
	    $(FUZZERS)

# ---- soak: random touches for SOAK_MINUTES simulated minutes, ASan -------
$(TST)/soak: $(TST)/tests/soak.o $(LIB_SRC:%.c=$(TST)/%.o)
	@echo "LD $@"
	@$(CC) $(TEST_FLAGS) -o $@ $^ $(LIBS)

$(REL)/soak: $(REL)/tests/soak.o $(LIB_SRC:%.c=$(REL)/%.o)
	@echo "LD $@"
	@$(CC) $(RELEASE_FLAGS) -o $@ $^ $(LIBS)

# Under ASan for its reports; then optimised without it, whose RSS is the
# program's own (ASan's quarantine keeps freed memory resident).
soak: fonts
	@$(MAKE) --no-print-directory $(TST)/soak $(REL)/soak
	ASAN_OPTIONS=quarantine_size_mb=16 $(TST)/soak
	$(REL)/soak

# ---- fuzzing (clang + libFuzzer) ----------------------------------------
FUZZ_FLAGS := -O1 -g -fsanitize=fuzzer,address,undefined

build/fuzz/%: tests/%.c $(LIB_SRC)
	@mkdir -p $(@D)
	clang $(FUZZ_FLAGS) $(filter-out -MMD -MP,$(BASE_CFLAGS)) $(DEFS) \
	    -o $@ $^ $(LIBS)

fuzz: fonts
	@$(MAKE) --no-print-directory $(FUZZERS:%=build/fuzz/%)
	@echo "run e.g.: build/fuzz/fuzz_layout -max_len=4096 tests/fuzz/corpus/layout"

clean:
	rm -rf build

# Dependency files of the object folders only (build/image holds a whole
# root file system, whose invoke-rc.d is no makefile).
-include $(shell find build -path 'build/image*' -prune -o -name '*.d' -type f -print 2>/dev/null)
