#!/bin/sh
# install-deps-arm64.sh: what `make test-arm64` needs -- the aarch64 cross
# compiler, qemu-user and the :arm64 development packages (multiarch).
set -eu
pkgs="gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user
libsdl2-dev:arm64 libsdl2-image-dev:arm64 libfreetype-dev:arm64
libharfbuzz-dev:arm64 libicu-dev:arm64 libjansson-dev:arm64
libargon2-dev:arm64 libhyphen-dev:arm64 libdrm-dev:arm64
libudev-dev:arm64 libespeak-ng-dev:arm64"
missing=""
for p in $pkgs; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
        missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo dpkg --add-architecture arm64
$sudo apt-get update -q
# shellcheck disable=SC2086
$sudo apt-get install -y -q --no-install-recommends $missing
