#!/bin/sh
# install-deps.sh: installs the Debian packages `make image` and the QEMU
# system test need, if missing: mmdebstrap (the root file system), syslinux
# and syslinux-common (the boot loader and its MBR code, installed on the
# FAT image file through mtools, no mount), mtools and dosfstools (the FAT
# boot partition), e2fsprogs (mkfs.ext4 -d, debugfs), fdisk (sfdisk),
# qemu-system-x86 and qemu-utils (booting the image, overlays), python3
# (the system test's driver).
# With IMAGE_ARCH=arm64 also qemu-user-static and binfmt-support (running
# arm64 maintainer scripts in the chroot) and qemu-system-arm.
#
# Uses sudo when not run as root.  KIOSK_NO_APT=1 only reports what is
# missing.
set -eu

pkgs="mmdebstrap syslinux syslinux-common mtools dosfstools e2fsprogs fdisk
      qemu-system-x86 qemu-utils python3"
if [ "${IMAGE_ARCH:-amd64}" = arm64 ]; then
    pkgs="$pkgs qemu-user-static binfmt-support qemu-system-arm"
fi

missing=""
for p in $pkgs; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0

echo "image/install-deps: missing Debian packages:$missing"
if [ "${KIOSK_NO_APT:-0}" = 1 ]; then
    echo "image/install-deps: install them with: sudo apt-get install$missing" >&2
    exit 1
fi
if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
# shellcheck disable=SC2086
$sudo apt-get install -y -q --no-install-recommends $missing
