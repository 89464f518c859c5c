#!/usr/bin/env python3
"""smoke.py: boots the kiosk image once and looks at it.

    tests/system/smoke.py [IMAGE] [--out DIR] [--accel auto|kvm|tcg]

Makes the test image (vm.make_test_image: the serial root shell, nothing
else), boots it, waits for the shell, prints the kiosk service's state,
its journal, systemd-analyze and /dev/dri, saves the screen to
DIR/smoke.png, and powers the machine off.  Asserts nothing: it is for
looking.  Default IMAGE build/image/kiosk-amd64.img, DIR build/system.
"""

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from vm import VM, make_test_image  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("image", nargs="?", default="build/image/kiosk-amd64.img")
    ap.add_argument("--out", default="build/system")
    ap.add_argument("--accel", default="auto")
    ap.add_argument("--settle", type=float, default=15,
                    help="seconds to wait after the shell before looking")
    args = ap.parse_args()

    os.makedirs(args.out, exist_ok=True)
    test_image = os.path.join(args.out, "smoke-test.img")
    t = time.monotonic()
    make_test_image(args.image, test_image)
    print("smoke: test image %s in %.1f s" % (test_image,
                                             time.monotonic() - t))

    with VM(test_image, os.path.join(args.out, "smoke"),
            accel=args.accel) as vm:
        print("smoke: QEMU accelerator: %s%s" % (
            vm.accel, " (" + vm.accel_note + ")" if vm.accel_note else ""))
        shell = vm.login()
        print("smoke: serial root shell %.1f s after power-on" % shell)
        time.sleep(args.settle)
        for cmd in ("systemctl is-active kiosk.service",
                    "systemctl status kiosk.service --no-pager -l | head -15",
                    "journalctl -b -u kiosk --no-pager -o short-monotonic | tail -30",
                    "systemd-analyze",
                    "ls -l /dev/dri",
                    # Which Mesa driver the kiosk's process has loaded.
                    "grep -oE '/usr/lib/[^ ]*(dri|libEGL|libGLES|libgbm)"
                    "[^ ]*' /proc/$(pidof kiosk)/maps | sort -u",
                    "cat /proc/cmdline",
                    "findmnt -n -o SOURCE,TARGET,FSTYPE,OPTIONS /",
                    "systemctl --failed --no-pager"):
            rc, out = vm.run(cmd, timeout=120)
            print("\n$ %s   (status %d)\n%s" % (cmd, rc, out.rstrip()))
        png = vm.screendump(os.path.join(args.out, "smoke.png"))
        print("\nsmoke: screen saved to %s" % png)
        vm.poweroff(timeout=90)
        print("smoke: powered off %.1f s after power-on; serial log %s"
              % (vm.times["off"], vm.serial_log_path))


if __name__ == "__main__":
    main()
