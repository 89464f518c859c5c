#!/bin/sh
# install-deps.sh [LIST...]: installs the Debian packages named in the
# lists (default: deploy/packages.txt, what the exhibit needs to build,
# run and test), if missing.  One package a line, '#' comments.
#
# Works on Debian 12 and Raspberry Pi OS (bookworm).  Uses sudo when not run
# as root.  Set KIOSK_NO_APT=1 to only report what is missing.
set -eu

here=$(dirname "$0")
[ $# -gt 0 ] || set -- "$here/packages.txt"
pkgs=$(cat "$@" | grep -v '^#' | tr -s ' \n' ' ')

missing=""
for p in $pkgs; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0

echo "install-deps: missing Debian packages:$missing"
if [ "${KIOSK_NO_APT:-0}" = 1 ]; then
    echo "install-deps: install them with: sudo apt-get install$missing" >&2
    exit 1
fi
if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
# shellcheck disable=SC2086
$sudo apt-get install -y -q --no-install-recommends $missing
