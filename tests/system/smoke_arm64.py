#!/usr/bin/env python3
"""smoke_arm64.py: the arm64 image (`make image IMAGE_ARCH=arm64`) booted.

A Pi's boot firmware cannot run in this QEMU, so the image's own Debian
arm64 kernel and initrd (from its FAT partition) are started on QEMU's
arm64 `virt` machine with a virtio GPU, on the image's own root file
system: the arm64 package, its Depends, systemd, udev, KMSDRM, Mesa.
Asserts that the exhibit starts by itself, the start line (kmsdrm,
opengles2, first frame verified), and that the screen is the headless
renderer's Attract.  Prints "N passed, N failed"; exits 1 on a failure.
Slow: TCG emulates every arm64 instruction (about 40 s to the exhibit
here)."""
import json
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import vm as vmlib  # noqa: E402
from test_system import Reference, check, compare  # noqa: E402
import test_system  # noqa: E402

W, H = 1280, 800


class Arm64VM(vmlib.VM):
    """The image's kernel on QEMU's arm64 virt machine."""

    def __init__(self, image, workdir, kernel, initrd, cmdline):
        self.kernel, self.initrd, self.cmdline = kernel, initrd, cmdline
        super().__init__(image, workdir, xres=W, yres=H, accel="tcg")

    def _command(self, accel):
        return ["qemu-system-aarch64", "-nodefaults", "-M", "virt",
                "-cpu", "cortex-a72", "-accel", "tcg",
                "-m", str(self.memory), "-smp", str(self.smp),
                "-kernel", self.kernel, "-initrd", self.initrd,
                "-append", self.cmdline,
                "-drive", "file=%s,if=none,id=disk0,format=qcow2"
                % self.overlay,
                "-device", "virtio-blk-pci,drive=disk0",
                "-device", "virtio-gpu-pci,xres=%d,yres=%d" % (W, H),
                "-display", "none", "-nic", "none",
                "-qmp", "unix:%s,server=on,wait=off" % self.qmp_path,
                "-chardev", "socket,id=ser0,path=%s,server=on,wait=off"
                % self.serial_path,
                "-serial", "chardev:ser0", "-monitor", "none", "-S"]


def main():
    image = os.path.join(ROOT, "build/image/kiosk-arm64.img")
    work = os.path.join(ROOT, "build/system/arm64")
    os.makedirs(work, exist_ok=True)
    parts = vmlib.partitions(image)
    boot = "%s@@%d" % (image, parts[0]["start"])
    names = subprocess.run(["mdir", "-b", "-i", boot, "::"], check=True,
                           text=True, capture_output=True).stdout.split()
    kernel = [n for n in names if re.search(r"/vmlinuz-[^/]*$", n)][0]
    initrd = [n for n in names if re.search(r"/initrd\.img-[^/]*$", n)][0]
    for n in (kernel, initrd):
        subprocess.run(["mcopy", "-o", "-i", boot, n, work], check=True)
    cmdline = subprocess.run(["mtype", "-i", boot, "::cmdline.txt"],
                             check=True, text=True,
                             capture_output=True).stdout.strip()
    # The Pi's serial console is ttyS1; the virt machine's is ttyAMA0.
    cmdline = re.sub(r"console=ttyS1\S*", "console=ttyAMA0", cmdline)
    test_image = os.path.join(work, "kiosk-arm64-test.img")
    vmlib.make_test_image(image, test_image, console="ttyAMA0")
    ref = Reference(os.path.join(ROOT, "build/kiosk"),
                    os.path.join(work, "ref"))
    attract, _ = ref.play("attract", ["wait 500"])
    t0 = time.time()
    v = Arm64VM(test_image, os.path.join(work, "vm"),
                os.path.join(work, os.path.basename(kernel)),
                os.path.join(work, os.path.basename(initrd)), cmdline)
    try:
        v.login(timeout=1500)
        active = False
        for _ in range(200):
            active = v.run("systemctl is-active kiosk")[1].strip() == \
                "active"
            if active:
                break
            time.sleep(3)
        check(active, "arm64: the exhibit starts by itself",
              "%.0f s from power-on (TCG); %s" % (
                  time.time() - t0, v.run("uname -m")[1].strip()))
        journal = v.run("journalctl -b -u kiosk --no-pager -o cat")[1]
        m = re.search(r"video kmsdrm, renderer opengles2, %dx%d@\d+, "
                      r"rotation 0, fonts \S+; first frame verified[^\n]*"
                      % (W, H), journal)
        check(m, "arm64: kmsdrm, opengles2, the first frame verified",
              m.group(0) if m else journal[-500:])
        time.sleep(3)
        shot = os.path.join(work, "attract.png")
        v.screendump(shot)
        share, line = compare(os.path.join(ROOT, "build/system/"
                                           "kiosk-imgdiff"), shot, attract,
                              os.path.join(work, "attract_diff.png"))
        check(share is not None and share <= 2.0,
              "arm64: the screen shows Attract as the headless renderer "
              "draws it", line)
    finally:
        v.close()
    print("smoke_arm64: %d passed, %d failed" % (test_system.passed,
                                                 test_system.failed))
    return 1 if test_system.failed else 0


if __name__ == "__main__":
    sys.exit(main())
