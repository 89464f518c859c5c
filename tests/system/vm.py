"""vm.py: boots the kiosk's disk image in QEMU for the system tests.

Python 3 standard library only.  The pieces:

  make_test_image(image, out, tools=())
      a copy of the built image (the product) with a way in for the test,
      and nothing else: see its docstring for exactly what it adds.

  VM(image, workdir, ...)
      a QEMU machine on a copy-on-write overlay of IMAGE (the image itself is
      never written), with QMP and the serial console on unix sockets in
      WORKDIR and a full serial log (WORKDIR/serial.log).

Example:

    from vm import VM, make_test_image
    make_test_image("build/image/kiosk-amd64.img", "build/system/test.img")
    with VM("build/system/test.img", "build/system/run1") as vm:
        vm.login()
        rc, out = vm.run("systemctl is-active kiosk.service")
        vm.screendump("build/system/run1/screen.png")
        vm.usb_plug("stick.img", "stick1")
        vm.wait_serial(r"kiosk-import@", timeout=60)   # (kernel/journal lines)
        vm.usb_unplug("stick1")
        vm.kill()                                      # a power cut

The accelerator: `-accel kvm -accel tcg` (KVM where /dev/kvm works, TCG
otherwise); VM.accel says which one QEMU uses (QMP query-kvm).  Some hosts
(nested virtualisation) open /dev/kvm but cannot run the guest: the boot
loader stops with a KVM "emulation failure" (QMP status internal-error) or
never prints anything.  In accel="auto" (the default, or KIOSK_VM_ACCEL)
the VM then starts again under TCG and VM.accel_note says why; accel="kvm"
or "tcg" forces one.
"""

import codecs
import json
import os
import re
import shutil
import signal
import socket
import struct
import subprocess
import tempfile
import threading
import time
import zlib

QEMU = os.environ.get("KIOSK_QEMU", "qemu-system-x86_64")

# What make_test_image adds to the root file system, and only this.
AUTOLOGIN_DROPIN = """\
# Added by tests/system/vm.py make_test_image (test images only, never the
# product): root is logged in on the serial console without a password.
[Service]
ExecStart=
ExecStart=-/sbin/agetty --autologin root --noclear --keep-baud 115200,57600,38400,9600 %I $TERM
"""
AUTOLOGIN_PATH = "/etc/systemd/system/serial-getty@ttyS0.service.d/autologin.conf"
TEST_DIR = "/opt/kiosk-test"


class VMError(Exception):
    pass


# ---- the test image ------------------------------------------------------

def partitions(image):
    """The image's partitions from sfdisk --json: [{start, size, type}] with
    start and size in bytes."""
    out = subprocess.run(["sfdisk", "--json", image], check=True,
                         capture_output=True, text=True).stdout
    table = json.loads(out)["partitiontable"]
    sector = table.get("sectorsize", 512)
    return [{"start": p["start"] * sector, "size": p["size"] * sector,
             "type": p.get("type")} for p in table["partitions"]]


def debugfs(fs, commands):
    """Runs debugfs -w with COMMANDS (a list of lines) on FS ('file' or
    'file?offset=N').  debugfs reports most failures on stderr but exits
    0, so any line it prints there other than its banner is an error."""
    with tempfile.NamedTemporaryFile("w", suffix=".debugfs",
                                     delete=False) as f:
        f.write("\n".join(commands) + "\n")
        script = f.name
    try:
        r = subprocess.run(["debugfs", "-w", "-f", script, fs],
                           capture_output=True, text=True)
    finally:
        os.unlink(script)
    errors = [l for l in r.stderr.splitlines()
              if l.strip() and not l.startswith("debugfs ")]
    if r.returncode != 0 or errors:
        raise VMError("debugfs on %s failed:\n%s" % (fs, r.stderr))
    return r.stdout


def make_test_image(image, out, tools=(), console="ttyS0"):
    """Copies IMAGE to OUT (sparse) and adds to its root partition (the
    second one), with debugfs -w at the partition's offset (no mount, no
    loop device), ONLY:

      /etc/systemd/system/serial-getty@ttyS0.service.d/autologin.conf
          root logged in automatically on the serial console (ttyS0, or
          CONSOLE: ttyAMA0 on an arm64 virt machine), so
          the test has a shell without a password existing anywhere;
      /opt/kiosk-test/  (root:root 0755) holding TOOLS, a list of
          (local file, path in the image, mode) -- paths must be below
          /opt/kiosk-test/.

    Nothing else in the image changes: the product stays what it is."""
    subprocess.run(["cp", "--sparse=always", image, out], check=True)
    parts = partitions(out)
    if len(parts) < 2:
        raise VMError("%s: expected a boot and a root partition" % image)
    fs = "%s?offset=%d" % (out, parts[1]["start"])
    tmp = tempfile.mkdtemp(prefix="kiosk-testimg-")
    try:
        dropin = os.path.join(tmp, "autologin.conf")
        with open(dropin, "w") as f:
            f.write(AUTOLOGIN_DROPIN)
        cmds = []
        made = set()

        def mkdirs(path):
            parts_ = path.strip("/").split("/")
            for i in range(1, len(parts_) + 1):
                d = "/" + "/".join(parts_[:i])
                if d in made:
                    continue
                made.add(d)
                # mkdir of an existing folder only complains; say it
                # quietly by checking first.
                if not debugfs_exists(fs, d):
                    cmds.append("mkdir %s" % d)
                    cmds.append("sif %s mode 040755" % d)
                    cmds.append("sif %s uid 0" % d)
                    cmds.append("sif %s gid 0" % d)

        def put(local, path, mode):
            mkdirs(os.path.dirname(path))
            cmds.append("write %s %s" % (local, path))
            cmds.append("sif %s mode 0%o" % (path, 0o100000 | mode))
            cmds.append("sif %s uid 0" % path)
            cmds.append("sif %s gid 0" % path)

        put(dropin, AUTOLOGIN_PATH.replace("ttyS0", console), 0o644)
        mkdirs(TEST_DIR)
        for local, path, mode in tools:
            if not os.path.normpath(path).startswith(TEST_DIR + "/"):
                raise VMError("test tools go below %s, not %s"
                              % (TEST_DIR, path))
            if any(c.isspace() for c in local + path):
                raise VMError("no spaces in tool paths: %r" % path)
            put(os.path.abspath(local), path, mode)
        debugfs(fs, cmds)
    finally:
        shutil.rmtree(tmp)
    return out


def debugfs_exists(fs, path):
    r = subprocess.run(["debugfs", "-R", "stat %s" % path, fs],
                       capture_output=True, text=True)
    return "Inode:" in r.stdout


# ---- PNG for the PPM fallback ----------------------------------------------

def ppm_to_png(ppm_path, png_path):
    """Converts a binary PPM (P6, what QEMU's screendump writes) to PNG."""
    with open(ppm_path, "rb") as f:
        data = f.read()
    fields = []
    pos = 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos) + 1
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    pos += 1
    if fields[0] != b"P6" or int(fields[3]) != 255:
        raise VMError("%s: not an 8-bit P6 PPM" % ppm_path)
    w, h = int(fields[1]), int(fields[2])
    pixels = data[pos:pos + w * h * 3]
    raw = b"".join(b"\0" + pixels[y * w * 3:(y + 1) * w * 3]
                   for y in range(h))

    def chunk(kind, body):
        c = kind + body
        return struct.pack(">I", len(body)) + c + \
            struct.pack(">I", zlib.crc32(c) & 0xffffffff)
    with open(png_path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(raw, 6)))
        f.write(chunk(b"IEND", b""))


# ---- QMP -------------------------------------------------------------------

class QMP:
    """A minimal QMP client: one command at a time, events kept in order."""

    def __init__(self, path, timeout=30):
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                self.sock.connect(path)
                break
            except (FileNotFoundError, ConnectionRefusedError):
                self.sock.close()
                if time.monotonic() > deadline:
                    raise VMError("no QMP socket at %s" % path)
                time.sleep(0.05)
        self.file = self.sock.makefile("rwb", buffering=0)
        self.events = []
        self.lock = threading.Lock()
        greeting = self._read()
        if "QMP" not in greeting:
            raise VMError("not a QMP greeting: %r" % greeting)
        self.execute("qmp_capabilities")

    def _read(self):
        line = self.file.readline()
        if not line:
            raise VMError("QMP connection closed")
        return json.loads(line)

    def execute(self, command, **arguments):
        msg = {"execute": command}
        if arguments:
            msg["arguments"] = arguments
        with self.lock:
            self.file.write(json.dumps(msg).encode() + b"\n")
            while True:
                reply = self._read()
                if "event" in reply:
                    self.events.append(reply)
                    continue
                if "error" in reply:
                    raise VMError("QMP %s: %s" % (command,
                                                  reply["error"]["desc"]))
                return reply.get("return")

    def wait_event(self, name, timeout=30, match=None):
        """Waits for event NAME (and MATCH(data) true), consuming it."""
        deadline = time.monotonic() + timeout
        while True:
            with self.lock:
                for i, ev in enumerate(self.events):
                    if ev["event"] == name and (
                            match is None or match(ev.get("data", {}))):
                        return self.events.pop(i)
                self.sock.settimeout(max(0.01, deadline - time.monotonic()))
                try:
                    ev = self._read()
                    if "event" in ev:
                        self.events.append(ev)
                except socket.timeout:
                    pass
                finally:
                    self.sock.settimeout(None)
            if time.monotonic() > deadline:
                raise VMError("no QMP event %s within %ss" % (name, timeout))

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


# ---- the machine -------------------------------------------------------------

class VM:
    """A QEMU machine booting IMAGE (raw) from a qcow2 overlay in WORKDIR.

    image        the disk image (never modified)
    workdir      overlay, sockets, serial.log, qemu.log go here
    memory, smp  2048 MiB and 2 CPUs
    xres, yres   the virtio GPU's preferred mode (what the kernel's DRM
                 driver offers the kiosk first)
    gpu          "virtio-gpu-pci" (default: the kernel's virtio_gpu DRM
                 driver, so SDL's KMSDRM/EGL/GBM path runs through Mesa)
                 or "virtio-vga" (the same with a VGA compatibility mode)
    accel        "auto" (KVM, falling back to TCG when KVM cannot run the
                 guest), "kvm" or "tcg"; KIOSK_VM_ACCEL overrides "auto"
    extra_args   more QEMU options (e.g. ["-no-reboot"])
    autostart    boot at once (default), else call start()
    """

    def __init__(self, image, workdir, memory=2048, smp=2, xres=1920,
                 yres=1080, gpu="virtio-gpu-pci", accel="auto",
                 extra_args=(), autostart=True, kvm_probe_seconds=20):
        self.image = os.path.abspath(image)
        self.workdir = os.path.abspath(workdir)
        self.memory, self.smp = memory, smp
        self.xres, self.yres, self.gpu = xres, yres, gpu
        if accel == "auto":
            accel = os.environ.get("KIOSK_VM_ACCEL", "auto")
        self.accel_wanted = accel
        self.extra_args = list(extra_args)
        self.kvm_probe_seconds = kvm_probe_seconds
        self.proc = None
        self.qmp = None
        self.serial = None
        self.accel = None
        self.accel_note = ""
        self.times = {}
        self._buf = ""
        self._cursor = 0
        self._cond = threading.Condition()
        self._reader = None
        self._token = 0
        self.logged_in = False
        self._sticks = {}
        os.makedirs(self.workdir, exist_ok=True)
        self.overlay = os.path.join(self.workdir, "overlay.qcow2")
        self.qmp_path = os.path.join(self.workdir, "qmp.sock")
        self.serial_path = os.path.join(self.workdir, "serial.sock")
        self.serial_log_path = os.path.join(self.workdir, "serial.log")
        self.qemu_log_path = os.path.join(self.workdir, "qemu.log")
        if autostart:
            self.boot()

    # -- starting and stopping --

    def _command(self, accel):
        gpu = "%s,xres=%d,yres=%d" % (self.gpu, self.xres, self.yres)
        accels = {"auto": ["-accel", "kvm", "-accel", "tcg"],
                  "kvm": ["-accel", "kvm"],
                  "tcg": ["-accel", "tcg"]}[accel]
        return [QEMU,
                # q35 and no default devices: no floppy or CD-ROM for the
                # kernel to probe, nothing a Pi does not have either.
                "-nodefaults", "-machine", "q35", *accels,
                "-m", str(self.memory), "-smp", str(self.smp),
                "-drive", "file=%s,if=none,id=disk0,format=qcow2"
                % self.overlay,
                "-device", "virtio-blk-pci,drive=disk0,bootindex=0",
                "-vga", "none", "-device", gpu,
                "-display", "none",
                "-nic", "none",
                "-usb", "-device", "qemu-xhci,id=xhci",
                "-rtc", "base=utc",
                "-qmp", "unix:%s,server=on,wait=off" % self.qmp_path,
                "-chardev", "socket,id=ser0,path=%s,server=on,wait=off"
                % self.serial_path,
                "-serial", "chardev:ser0",
                "-monitor", "none",
                # Paused until the serial console is connected: no output
                # is lost.
                "-S",
                *self.extra_args]

    def start(self):
        """Boots the machine unless it is running already (so VM(...) and
        VM(..., autostart=False).start() are the same)."""
        if not self.running:
            self.boot()
        return self

    def boot(self):
        """Makes a fresh overlay and starts the machine (see accel)."""
        wanted = self.accel_wanted
        self._start(wanted)
        if wanted == "auto" and self.accel == "kvm":
            why = self._kvm_stuck()
            if why:
                self._stop_process()
                self.accel_note = ("KVM cannot run this guest here (%s); "
                                   "started again with TCG" % why)
                with open(self.serial_log_path, "a") as f:
                    f.write("\n[vm.py: %s]\n" % self.accel_note)
                self._start("tcg")
        return self

    def _start(self, accel, fresh=True):
        for p in (self.qmp_path, self.serial_path) + \
                ((self.overlay,) if fresh else ()):
            if os.path.exists(p):
                os.unlink(p)
        if fresh:
            subprocess.run(["qemu-img", "create", "-q", "-f", "qcow2", "-b",
                            self.image, "-F", "raw", self.overlay],
                           check=True)
        self.command = self._command(accel)
        self._qemu_log = open(self.qemu_log_path, "a")
        self._qemu_log.write("$ %s\n" % " ".join(self.command))
        self._qemu_log.flush()
        self.proc = subprocess.Popen(self.command, stdin=subprocess.DEVNULL,
                                     stdout=self._qemu_log,
                                     stderr=subprocess.STDOUT,
                                     start_new_session=True)
        try:
            self.qmp = QMP(self.qmp_path)
            self.serial = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            self.serial.connect(self.serial_path)
            kvm = self.qmp.execute("query-kvm")
            self.accel = "kvm" if kvm.get("enabled") else "tcg"
            with self._cond:
                self._buf = ""
                self._cursor = 0
            self._log = open(self.serial_log_path, "a", errors="replace")
            self._log.write("\n[vm.py: boot %s, accel %s]\n"
                            % (time.strftime("%Y-%m-%d %H:%M:%S"),
                               self.accel))
            self._reader = threading.Thread(target=self._read_serial,
                                            daemon=True)
            self._reader.start()
            self.t_start = time.monotonic()
            self.times = {}
            self.logged_in = False
            self._sticks = {}
            self.qmp.execute("cont")
        except Exception:
            self._stop_process()
            raise

    def _kvm_stuck(self):
        """Under KVM, the boot loader's banner (syslinux's SERIAL line)
        comes within a second or two; a stop with status internal-error
        or no output at all within kvm_probe_seconds means KVM cannot run
        this guest."""
        deadline = time.monotonic() + self.kvm_probe_seconds
        while time.monotonic() < deadline:
            status = self.qmp.execute("query-status")["status"]
            if status == "internal-error":
                return "QEMU status internal-error (KVM emulation failure)"
            with self._cond:
                if self._buf.strip():
                    return ""
            time.sleep(0.2)
        return "no serial output within %ds" % self.kvm_probe_seconds

    def _read_serial(self):
        sock, log = self.serial, self._log
        # Incremental: a character split between two reads stays whole.
        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        while True:
            try:
                data = sock.recv(65536)
            except OSError:
                break
            if not data:
                break
            text = decoder.decode(data)
            log.write(text)
            log.flush()
            with self._cond:
                self._buf += text
                self._cond.notify_all()
        log.flush()

    def _stop_process(self, sig=signal.SIGKILL):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.qmp:
            self.qmp.close()
            self.qmp = None
        if self.serial:
            try:
                self.serial.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            self.serial.close()
            self.serial = None
        if self._reader:
            self._reader.join(timeout=5)
            self._reader = None
        if getattr(self, "_qemu_log", None):
            self._qemu_log.close()
            self._qemu_log = None

    def kill(self):
        """A power cut: SIGKILL to QEMU, nothing is flushed by the guest.
        The overlay keeps what reached the virtual disk; boot_again()
        starts the same disk again."""
        self.times["killed"] = self.elapsed()
        self._stop_process(signal.SIGKILL)

    def boot_again(self, accel=None):
        """Starts the machine again on the SAME overlay (after kill() or a
        shutdown), e.g. to see what a power cut left behind."""
        if self.proc and self.proc.poll() is None:
            raise VMError("the VM is still running")
        self._start(accel or self.accel or "tcg", fresh=False)
        return self

    def quit(self):
        """Stops QEMU at once through QMP (like kill, but QEMU flushes its
        own files first)."""
        if self.proc and self.proc.poll() is None and self.qmp:
            try:
                self.qmp.execute("quit")
            except VMError:
                pass
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                pass
        self._stop_process()

    def poweroff(self, timeout=120):
        """A clean shutdown, then waits for QEMU to exit; kills it after
        TIMEOUT.  Through the serial shell (`systemctl poweroff`) when
        logged in, else the ACPI power button -- which the image ignores:
        it has no dbus, so no systemd-logind to handle the key (a Pi has
        no such button either)."""
        if self.proc and self.proc.poll() is None:
            try:
                if self.logged_in:
                    self.send("systemctl poweroff\n")
                else:
                    self.qmp.execute("system_powerdown")
                self.proc.wait(timeout=timeout)
            except (VMError, OSError, subprocess.TimeoutExpired):
                pass
        self.times["off"] = self.elapsed()
        self._stop_process()

    def close(self):
        self._stop_process()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.close()
        return False

    def __del__(self):
        try:
            self._stop_process()
        except Exception:
            pass

    @property
    def running(self):
        return self.proc is not None and self.proc.poll() is None

    # -- timing --

    def elapsed(self):
        """Seconds since QEMU was let run (`cont`)."""
        return time.monotonic() - self.t_start

    def mark(self, name):
        """Records the elapsed time under NAME in self.times; returns it."""
        self.times[name] = round(self.elapsed(), 2)
        return self.times[name]

    def uptime(self):
        """The guest's own uptime in seconds (/proc/uptime)."""
        rc, out = self.run("cat /proc/uptime")
        return float(out.split()[0])

    # -- serial console --

    def wait_serial(self, regex, timeout=60, from_start=False):
        """Waits for REGEX in the serial output after the last match (or
        from the boot's start); returns the re.Match, and later waits
        start after it.  Raises VMError (with the output's tail) on
        timeout or if QEMU exits."""
        pattern = re.compile(regex) if isinstance(regex, str) else regex
        deadline = time.monotonic() + timeout
        with self._cond:
            pos = 0 if from_start else self._cursor
            while True:
                m = pattern.search(self._buf, pos)
                if m:
                    self._cursor = m.end()
                    return m
                left = deadline - time.monotonic()
                if left <= 0:
                    raise VMError("serial: no %r within %ss (%s); last "
                                  "output:\n%s" % (pattern.pattern, timeout,
                                                   self.accel,
                                                   self._buf[-1500:]))
                if self.proc.poll() is not None:
                    raise VMError("QEMU exited (%s) waiting for %r; see %s"
                                  % (self.proc.returncode, pattern.pattern,
                                     self.qemu_log_path))
                self._cond.wait(min(left, 0.5))

    def serial_output(self):
        with self._cond:
            return self._buf

    def send(self, text):
        """Types TEXT on the serial console."""
        self.serial.sendall(text.encode())

    def login(self, timeout=600):
        """Waits for the root shell on the serial console (the test image's
        autologin; see make_test_image) and makes it quiet for run(): no
        echo, a plain prompt, kernel messages off this console.  Records
        the time in self.times["shell"]."""
        self.wait_serial(r"root@kiosk[^\n]*# ", timeout)
        self.mark("shell")
        self.send("stty -echo -onlcr cols 500; export TERM=dumb PS1='# ' "
                  "SYSTEMD_COLORS=0 SYSTEMD_PAGER= PAGER=cat; "
                  "dmesg -n 1\n")
        self._token += 1
        tok = "%d_%d" % (os.getpid(), self._token)
        self.send("printf '%%s_%%s__\\n' READY %s\n" % tok)
        self.wait_serial(r"READY_%s__" % tok, 60)
        self.logged_in = True
        return self.times["shell"]

    def run(self, cmd, timeout=120):
        """Runs CMD (a shell command line) as root on the serial console;
        returns (exit status, output with stdout and stderr together)."""
        if not self.logged_in:
            self.login()
        self._token += 1
        tok = "%d_%d" % (os.getpid(), self._token)
        # The markers are printed with printf from pieces, so the command
        # line itself (if it were echoed) never matches them.
        line = ("printf '%%s_%%s__\\n' BEGIN %s; { %s\n} </dev/null 2>&1; "
                "printf '%%s_%%s__%%d\\n' END %s $?\n" % (tok, cmd, tok))
        self.send(line)
        self.wait_serial(r"BEGIN_%s__\r?\n" % tok, timeout)
        start = self._cursor
        m = self.wait_serial(r"END_%s__(\d+)" % tok, timeout)
        with self._cond:
            out = self._buf[start:m.start()]
        out = out.replace("\r\n", "\n").replace("\r", "")
        return int(m.group(1)), out

    def check(self, cmd, timeout=120):
        """run(), raising VMError unless the status is 0; returns output."""
        rc, out = self.run(cmd, timeout)
        if rc != 0:
            raise VMError("%r exited %d:\n%s" % (cmd, rc, out))
        return out

    # -- screen --

    def screendump(self, path):
        """The screen as PNG (QMP screendump format=png, QEMU >= 7.1) or,
        where QEMU cannot, as PPM converted to PNG here; a path ending in
        .ppm gets the PPM."""
        path = os.path.abspath(path)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if path.endswith(".ppm"):
            self.qmp.execute("screendump", filename=path)
            return path
        try:
            self.qmp.execute("screendump", filename=path, format="png")
        except VMError as e:
            if "format" not in str(e) and "png" not in str(e).lower():
                raise
            ppm = path + ".ppm"
            self.qmp.execute("screendump", filename=ppm)
            ppm_to_png(ppm, path)
            os.unlink(ppm)
        return path

    # -- keyboard --

    def sendkey(self, *keys, hold_ms=100):
        """Presses KEYS together on the machine's keyboard (QEMU qcodes:
        "ctrl", "alt", "delete", "f2", "sysrq", "b", ...) and lets go after
        HOLD_MS."""
        self.qmp.execute("send-key", keys=[{"type": "qcode", "data": k}
                                           for k in keys],
                         **{"hold-time": hold_ms})

    # -- USB sticks --

    def usb_plug(self, image_file, id, readonly=False, fmt="raw", bps=None):
        """Plugs IMAGE_FILE in as a USB stick (usb-storage on the xHCI
        bus) with device id ID.  BPS limits its reads and writes together
        to that many bytes a second (a QEMU throttle group), so that a
        test can pull it out or cut the power in the middle of a copy."""
        node = "%s-node" % id
        drive = {"driver": fmt, "read-only": readonly,
                 "file": {"driver": "file",
                          "filename": os.path.abspath(image_file)}}
        group = None
        if bps:
            group = "%s-throttle" % id
            self.qmp.execute("object-add", **{
                "qom-type": "throttle-group", "id": group,
                "limits": {"bps-total": int(bps)}})
            drive = {"driver": "throttle", "throttle-group": group,
                     "file": drive}
        drive["node-name"] = node
        try:
            self.qmp.execute("blockdev-add", **drive)
            try:
                self.qmp.execute("device_add", driver="usb-storage", id=id,
                                 drive=node, bus="xhci.0", removable=True)
            except VMError:
                self.qmp.execute("blockdev-del", **{"node-name": node})
                raise
        except VMError:
            if group:
                self.qmp.execute("object-del", id=group)
            raise
        self._sticks[id] = (node, group)

    def usb_unplug(self, id, timeout=30):
        """Pulls stick ID out (device_del; waits for DEVICE_DELETED), then
        drops its image (blockdev-del) and throttle group."""
        node, group = self._sticks.pop(id, ("%s-node" % id, None))
        self.qmp.execute("device_del", id=id)
        self.qmp.wait_event("DEVICE_DELETED", timeout,
                            match=lambda d: d.get("device") == id)
        self.qmp.execute("blockdev-del", **{"node-name": node})
        if group:
            self.qmp.execute("object-del", id=group)
