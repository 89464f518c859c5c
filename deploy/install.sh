#!/bin/sh
# install.sh: sets a Raspberry Pi OS Lite (bookworm, arm64) up as the
# kiosk.  Run as root from the source folder after `make` (or with an
# already built build/kiosk):  sudo deploy/install.sh
#
# Installs the runtime packages, the program, its fonts and content, an
# unprivileged `kiosk` user in the video, input and render groups, the
# state folder, the systemd units and the udev rule, and turns console
# blanking and the console cursor off.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends libsdl2-2.0-0 \
    libsdl2-image-2.0-0 libfreetype6 libharfbuzz0b libicu72 libjansson4 \
    fonts-noto-cjk fonts-noto-core
id kiosk >/dev/null 2>&1 || useradd --system --create-home \
    --home-dir /var/lib/kiosk --shell /usr/sbin/nologin kiosk
usermod -a -G video,input,render kiosk
make -C "$here" install PREFIX=/usr
install -d -o kiosk -g kiosk -m 0755 /var/lib/kiosk
# The settings hold the staff PIN's hash: readable by the exhibit, not by
# every user.
chgrp kiosk /etc/kiosk/kiosk.conf
chmod 0640 /etc/kiosk/kiosk.conf
systemctl daemon-reload
udevadm control --reload
systemctl enable kiosk.service
# No console blanking, no blinking cursor behind the exhibit.
cmdline=/boot/firmware/cmdline.txt
[ -f "$cmdline" ] || cmdline=/boot/cmdline.txt
if [ -f "$cmdline" ] && ! grep -q consoleblank=0 "$cmdline"; then
    sed -i '1 s/$/ consoleblank=0 vt.global_cursor_default=0/' "$cmdline"
fi
if ! grep -q '^staff-pin-hash:' /etc/kiosk/kiosk.conf; then
    echo "No staff PIN yet: the staff panel cannot be opened.  Set one with"
    echo "  read -s PIN && echo \"\$PIN\" | kiosk staff-pin-hash | sudo tee -a /etc/kiosk/kiosk.conf"
fi
echo "installed; reboot to start the exhibit"
