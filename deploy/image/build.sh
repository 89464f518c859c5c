#!/bin/bash
# build.sh: a bootable Debian 12 (bookworm) disk image with the kiosk
# package installed -- what `make image` runs.
#
#   deploy/image/build.sh KIOSK.deb OUT.img
#
# Environment:
#   IMAGE_ARCH    amd64 (default; boots under SeaBIOS in QEMU/KVM or on a PC)
#                 or arm64 (a Raspberry Pi 4/5 SD card image)
#   IMAGE_CACHE   where apt's downloaded .debs are kept between builds
#                 (default: the output's folder/cache)
#   IMAGE_MIRROR  the Debian mirror (default http://deb.debian.org/debian)
#   IMAGE_ROOT_PASSWORD_HASH  a crypt(3) hash for root (e.g. from
#                 `openssl passwd -6`); without it root stays locked
#
# How (no loop devices, no mount; needs root for mmdebstrap's root mode and
# for mkfs.ext4 -d to keep the files' owners):
#   1. mmdebstrap --variant=apt builds the root file system in a folder:
#      the Essential set, apt, and exactly the packages in $include plus
#      their Depends.  Recommends are NOT installed (APT::Install-Recommends
#      "false", also written into the image so later apt runs keep to it):
#      a kiosk gets what it needs and nothing that merely "usually goes with"
#      it (no firmware blobs, apparmor, X libraries' optional helpers...).
#   2. The folder is configured from outside (hostname, fstab, kernel
#      command line, locked root, empty machine-id, kiosk.service enabled).
#   3. A FAT boot partition image (mkfs.vfat -C, mcopy) gets the kernel,
#      the initrd and the boot loader: syslinux (amd64, `syslinux --install`
#      works on the image file through mtools) or the Pi firmware with
#      config.txt and cmdline.txt (arm64).
#   4. mkfs.ext4 -d makes the root partition image from the folder.
#   5. sfdisk writes an MBR partition table into the disk file, dd
#      conv=notrunc,sparse puts both partitions in place, and (amd64)
#      syslinux's mbr.bin goes into the first 440 bytes.
set -euo pipefail

deb=${1:?usage: build.sh KIOSK.deb OUT.img}
out=${2:?usage: build.sh KIOSK.deb OUT.img}
arch=${IMAGE_ARCH:-amd64}
mirror=${IMAGE_MIRROR:-http://deb.debian.org/debian}
outdir=$(dirname "$out")
mkdir -p "$outdir"
outdir=$(realpath "$outdir")
cache=${IMAGE_CACHE:-$outdir/cache}
mkdir -p "$cache"
cache=$(realpath "$cache")
work=$outdir/work-$arch
here=$(cd "$(dirname "$0")" && pwd)

boot_mib=256           # FAT boot partition: kernel + initrd, room for a second
free_mib=512           # free space in the root file system (releases, journal)

if [ "$(id -u)" != 0 ]; then
    echo "build.sh: needs root (mmdebstrap's root mode, mkfs.ext4 -d keeping" \
         "file owners); run: sudo make image" >&2
    exit 1
fi
[ -f "$deb" ] || { echo "build.sh: no package $deb" >&2; exit 1; }
deb=$(realpath "$deb")

case $arch in
amd64)
    kernel=linux-image-amd64
    components=main
    boot_include="" ;;
arm64)
    kernel=linux-image-arm64
    components=main,non-free-firmware
    # raspi-firmware: the Pi's GPU boot files and its hooks that copy the
    # kernel, initrd and device trees to /boot/firmware on every update.
    boot_include=",raspi-firmware" ;;
*)
    echo "build.sh: IMAGE_ARCH must be amd64 or arm64, not $arch" >&2
    exit 1 ;;
esac

if [ "$arch" != "$(dpkg --print-architecture)" ] &&
   ! grep -qs enabled /proc/sys/fs/binfmt_misc/qemu-aarch64; then
    echo "build.sh: an $arch chroot needs qemu-user-static registered with" \
         "binfmt_misc (/proc/sys/fs/binfmt_misc/qemu-aarch64 is not enabled:" \
         "install qemu-user-static and binfmt-support, then" \
         "update-binfmts --enable qemu-aarch64, or reboot)" >&2
    exit 1
fi

start=$(date +%s)
rm -rf "$work"
mkdir -p "$work"
root=$work/root

# One random disk identifier per image: root=PARTUUID=<id>-02 and the fstab
# name the partitions by it, so the image boots from any disk name (sda,
# vda, mmcblk0).
disk_id=$(od -An -N4 -tx4 /dev/urandom | tr -d ' ')
root_partuuid=$disk_id-02
boot_partuuid=$disk_id-01
fat_id=$(od -An -N4 -tx4 /dev/urandom | tr -d ' ')

# What a Raspberry Pi OS Lite kiosk has, and nothing more: the init system
# and udev, module loading, the kernel and its initramfs builder, util-linux
# (mount, agetty), the clock kept across reboots (timesyncd also saves the
# time to disk, which matters on a Pi without a real-time clock), and the
# kiosk with its Depends.  No compiler, no X server, no network manager.
include="systemd-sysv,udev,kmod,$kernel,initramfs-tools,util-linux"
include="$include,systemd-timesyncd$boot_include"

echo "image: mmdebstrap bookworm $arch (cache: $cache)"
t0=$(date +%s)
cached=$(find "$cache" -name '*.deb' | wc -l)
# The cache: apt's archive folder is filled from $cache before anything is
# downloaded (sync-in) and copied back after the install (sync-out), and
# essential/unlink is skipped so the Essential packages downloaded first
# stay in the archive folder for sync-out too (newer mmdebstrap calls this
# step download/empty).  Unchanged packages are never downloaded twice.
mmdebstrap \
    --variant=apt \
    --architectures="$arch" \
    --components="$components" \
    --aptopt='APT::Install-Recommends "false"' \
    --include="$include" \
    --include="$deb" \
    --hook-dir=/usr/share/mmdebstrap/hooks/file-mirror-automount \
    --skip=essential/unlink \
    --setup-hook='mkdir -p "$1"/var/cache/apt/archives/' \
    --setup-hook="sync-in '$cache' /var/cache/apt/archives/" \
    --setup-hook="touch '$work/stamp'" \
    --customize-hook="find \"\$1\"/var/cache/apt/archives -name '*.deb' \
        -cnewer '$work/stamp' | wc -l > '$work/fetched'" \
    --customize-hook="sync-out /var/cache/apt/archives '$cache'" \
    --customize-hook='rm -f "$1"/var/cache/apt/archives/*.deb' \
    bookworm "$root" \
    "deb $mirror bookworm ${components//,/ }" \
    "deb $mirror bookworm-updates ${components//,/ }" \
    "deb ${mirror%/debian}/debian-security bookworm-security ${components//,/ }"
t_strap=$(( $(date +%s) - t0 ))
# Counted inside the chroot before sync-out: the archives apt wrote after
# sync-in (their inode change time is later than the stamp).
fetched=$(cat "$work/fetched")
echo "image: apt downloaded $fetched packages; $cached were in the cache"
# Packages superseded by newer versions would pile up in the cache.
find "$cache" -name '*.deb' -mtime +30 -delete 2>/dev/null || true

# ---- configuration, from outside the chroot (works for any architecture) --
echo kiosk > "$root/etc/hostname"
cat > "$root/etc/hosts" <<'EOF'
127.0.0.1	localhost
127.0.1.1	kiosk
::1		localhost ip6-localhost ip6-loopback
EOF
cat > "$root/etc/fstab" <<EOF
# <file system>          <mount point>   <type> <options>          <dump> <pass>
PARTUUID=$root_partuuid  /               ext4   defaults,noatime   0      1
PARTUUID=$boot_partuuid  /boot/firmware  vfat   defaults,noatime,umask=0077  0  2
EOF
mkdir -p "$root/boot/firmware"
# Empty machine-id: systemd makes one on the first boot (each kiosk its own).
: > "$root/etc/machine-id"
rm -f "$root/var/lib/dbus/machine-id"
# Recommends stay out when a technician installs something later, too.
cat > "$root/etc/apt/apt.conf.d/90kiosk-no-recommends" <<'EOF'
APT::Install-Recommends "false";
EOF
# No default password.  Root is locked unless the builder gives a hash.
if [ -n "${IMAGE_ROOT_PASSWORD_HASH:-}" ]; then
    usermod --root "$(realpath "$root")" --password "$IMAGE_ROOT_PASSWORD_HASH" root
else
    usermod --root "$(realpath "$root")" --lock root
fi
systemctl --root="$root" set-default multi-user.target
# The image exists to show the exhibit (the package enables it too).
systemctl --root="$root" enable kiosk.service

kver=$(basename "$(ls "$root"/boot/vmlinuz-* | sort -V | tail -1)")
kver=${kver#vmlinuz-}
[ -f "$root/boot/initrd.img-$kver" ] || { echo "build.sh: no initrd for $kver" >&2; exit 1; }

cmdline="root=PARTUUID=$root_partuuid rootfstype=ext4 rootwait ro quiet"
cmdline="$cmdline console=ttyS0,115200 console=tty1 consoleblank=0"
cmdline="$cmdline vt.global_cursor_default=0"

# ---- the FAT boot partition ----------------------------------------------
boot=$work/boot.vfat
mkfs.vfat -F 32 -n KIOSKBOOT -i "$fat_id" -C "$boot" $((boot_mib * 1024)) >/dev/null
export MTOOLS_SKIP_CHECK=1
if [ "$arch" = amd64 ]; then
    mcopy -i "$boot" "$root/boot/vmlinuz-$kver" ::/vmlinuz
    mcopy -i "$boot" "$root/boot/initrd.img-$kver" ::/initrd.img
    # SERIAL first: the boot loader talks on ttyS0 too.  No prompt, no
    # wait; holding Shift at power-on still gives a boot: prompt (for a
    # technician's recovery, see README).
    cat > "$work/syslinux.cfg" <<EOF
SERIAL 0 115200
DEFAULT kiosk
PROMPT 0
TIMEOUT 0
LABEL kiosk
  LINUX /vmlinuz
  INITRD /initrd.img
  APPEND $cmdline
EOF
    mcopy -i "$boot" "$work/syslinux.cfg" ::/syslinux.cfg
    syslinux --install "$boot"
    # A kernel update (update-initramfs's post-update hook) copies the new
    # kernel and initrd onto the FAT partition under the names syslinux.cfg
    # uses, when it is mounted at /boot/firmware.
    mkdir -p "$root/etc/initramfs/post-update.d"
    install -m 0755 "$here/kiosk-boot-copy" \
        "$root/etc/initramfs/post-update.d/kiosk-boot-copy"
else
    # raspi-firmware's hooks ran during the install (in a chroot they skip
    # their "is /boot/firmware mounted" check) and filled the root's
    # /boot/firmware: the GPU firmware, the kernel, initrd and device
    # trees, config.txt and cmdline.txt.  That folder becomes the FAT
    # partition.  The hooks write cmdline.txt again after each kernel
    # update from /etc/default/raspi-firmware and raspi-extra-cmdline, so
    # the same command line is set there.  The Pi's serial console is
    # ttyS1 (the mini UART on the GPIO header) under Debian's kernel.
    # Built and booted on QEMU's virt machine (make smoke-arm64); not
    # yet on a Pi.
    {
        echo "# Set by the kiosk's make image:"
        echo "ROOTPART=PARTUUID=$root_partuuid"
        echo 'CONSOLES="ttyS1,115200 tty1"'
    } >> "$root/etc/default/raspi-firmware"
    echo "rootfstype=ext4 rootwait quiet consoleblank=0 vt.global_cursor_default=0" \
        > "$root/etc/default/raspi-extra-cmdline"
    # The kiosk's screen: no overscan borders, HDMI on even if the panel
    # answers late (the hooks append this file to config.txt).
    printf 'disable_overscan=1\nhdmi_force_hotplug=1\n' \
        > "$root/etc/default/raspi-firmware-custom"
    fwdir=$root/boot/firmware
    [ -f "$fwdir/config.txt" ] || { echo "build.sh: raspi-firmware left no $fwdir/config.txt" >&2; exit 1; }
    echo "${cmdline/console=ttyS0,115200/console=ttyS1,115200}" > "$fwdir/cmdline.txt"
    grep -q hdmi_force_hotplug "$fwdir/config.txt" ||
        cat "$root/etc/default/raspi-firmware-custom" >> "$fwdir/config.txt"
    mcopy -s -i "$boot" "$fwdir"/* ::/
    find "$fwdir" -mindepth 1 -delete
fi

# ---- the ext4 root partition ---------------------------------------------
used_mib=$(du -sm "$root" | cut -f1)
root_mib=$(( used_mib + used_mib / 4 + free_mib ))
mkfs.ext4 -q -F -L kiosk-root -d "$root" "$work/root.ext4" "${root_mib}M"

# ---- the disk: MBR, 1 MiB gap, boot, root --------------------------------
# Written as OUT.tmp and renamed at the end, so a failed build never leaves
# a file that make would take for an up-to-date image.
total_mib=$(( 1 + boot_mib + root_mib ))
disk=$out.tmp
rm -f "$out" "$disk"
truncate -s "${total_mib}M" "$disk"
sfdisk --quiet "$disk" <<EOF
label: dos
label-id: 0x$disk_id
unit: sectors

start=2048, size=$((boot_mib * 2048)), type=c, bootable
start=$(( (1 + boot_mib) * 2048 )), type=83
EOF
dd if="$boot" of="$disk" bs=1M seek=1 conv=notrunc,sparse status=none
dd if="$work/root.ext4" of="$disk" bs=1M seek=$((1 + boot_mib)) \
    conv=notrunc,sparse status=none
if [ "$arch" = amd64 ]; then
    dd if=/usr/lib/syslinux/mbr/mbr.bin of="$disk" bs=440 count=1 \
        conv=notrunc status=none
fi
mv "$disk" "$out"
rm -rf "$work"

took=$(( $(date +%s) - start ))
printf 'image: %s (%s, kernel %s)\n' "$out" "$arch" "$kver"
printf 'image: %d MiB disk, %s allocated; root file system %d MiB used\n' \
    "$total_mib" "$(du -h "$out" | cut -f1)" "$used_mib"
printf 'image: built in %d s (mmdebstrap %d s)\n' "$took" "$t_strap"
