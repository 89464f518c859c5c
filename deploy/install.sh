#!/bin/sh
# install.sh: sets a Raspberry Pi OS Lite (bookworm, arm64) machine up as
# the kiosk.  Run as root:
#     sudo deploy/install.sh [PACKAGE.deb]
# PACKAGE.deb defaults to build/deb/kiosk_VERSION_ARCH.deb for this
# machine (`make deb`, or `make deb DEB_ARCH=arm64` on another computer).
#
# Installs the package with apt-get, which brings its dependencies; the
# package itself makes the kiosk user and its groups, /var/lib/kiosk and
# the settings' permissions, and enables the service.  Then only what is
# the Raspberry Pi's own: console blanking and the console cursor off.
# Also runs in a chroot (an image build): nothing here needs a running
# systemd or udev.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
if [ $# -gt 0 ]; then
    deb=$1
else
    version=$(cat "$here/VERSION")
    deb=$here/build/deb/kiosk_${version}_$(dpkg --print-architecture).deb
fi
if [ ! -f "$deb" ]; then
    echo "install.sh: $deb is missing; build it with make deb" >&2
    exit 1
fi
# apt-get takes a file only as a path.
case $deb in /* | ./* | ../*) ;; *) deb=./$deb ;; esac
export DEBIAN_FRONTEND=noninteractive
# Offline (an SD card prepared away from a network) apt-get works from
# what it already knows, if the dependencies are there.
apt-get update -q || echo "install.sh: apt-get update failed; installing" \
    "with the package lists already here" >&2
# --reinstall: run again with the same version, it repairs the installation.
apt-get install -y -q --no-install-recommends --reinstall "$deb"

# No console blanking, no blinking cursor behind the exhibit.
cmdline=/boot/firmware/cmdline.txt
[ -f "$cmdline" ] || cmdline=/boot/cmdline.txt
if [ -f "$cmdline" ] && ! grep -q consoleblank=0 "$cmdline"; then
    sed -i '1 s/$/ consoleblank=0 vt.global_cursor_default=0/' "$cmdline"
fi
# The PIN: --set replaces the line in place or adds it, so the same
# command serves both hints.
# shellcheck disable=SC2016 # printed for the technician to run
set_pin='read -s PIN && echo "$PIN" | sudo kiosk staff-pin-hash --set /etc/kiosk/kiosk.conf'
if ! grep -qi '^staff-pin-hash *:' /etc/kiosk/kiosk.conf; then
    echo "No staff PIN yet: the staff panel cannot be opened.  Set one with"
    echo "  $set_pin"
    echo "then: sudo systemctl restart kiosk"
elif grep -qi '^staff-pin-hash *: *sha256:' /etc/kiosk/kiosk.conf; then
    echo "The staff PIN is kept in the old sha256 form, from which it is"
    echo "quickly recovered.  Set it again (Argon2id) with"
    echo "  $set_pin"
    echo "then: sudo systemctl restart kiosk"
fi
echo "installed; the exhibit starts at boot (kiosk.service)"
