/* cec_tv.c: a television on the HDMI-CEC bus, for the system test, run
 * inside the kiosk's VM on the kernel's vivid test driver.  vivid's HDMI
 * input has a CEC adapter with physical address 0.0.0.0 -- the TV's side
 * of the cable -- and its HDMI output one with 1.0.0.0, the kiosk's side;
 * both are on one emulated bus with real CEC timing.  This claims the
 * TV's logical address (0) on the input's adapter, so that the kernel
 * acknowledges what is sent to the TV, and prints every message it
 * receives, one line each, as
 *
 *     rx from 4 to 0: 0x36 Standby
 *
 * Usage: kiosk-cec-tv /dev/cecN
 * "ready ..." is printed once the address is claimed.  SIGTERM releases
 * the address (the TV goes deaf: what is sent to it is no longer
 * acknowledged, as with CEC switched off in a TV's menu) and exits. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <linux/cec.h>

static volatile sig_atomic_t stop;

static void on_term(int sig)
{
    (void)sig;
    stop = 1;
}

static const char *opcode_name(int op)
{
    switch (op) {
    case 0x04: return "Image View On";
    case 0x0d: return "Text View On";
    case 0x36: return "Standby";
    case 0x82: return "Active Source";
    case 0x84: return "Report Physical Address";
    case 0x87: return "Device Vendor ID";
    case 0x8f: return "Give Device Power Status";
    case 0x9e: return "CEC Version";
    case 0x47: return "Set OSD Name";
    default: return "";
    }
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: kiosk-cec-tv /dev/cecN\n");
        return 2;
    }
    int fd = open(argv[1], O_RDWR);
    if (fd < 0) {
        fprintf(stderr, "kiosk-cec-tv: %s: %s\n", argv[1], strerror(errno));
        return 1;
    }
    __u32 mode = CEC_MODE_INITIATOR | CEC_MODE_EXCL_FOLLOWER_PASSTHRU;
    if (ioctl(fd, CEC_S_MODE, &mode) != 0) {
        fprintf(stderr, "kiosk-cec-tv: CEC_S_MODE: %s\n", strerror(errno));
        return 1;
    }
    __u16 phys = CEC_PHYS_ADDR_INVALID;
    ioctl(fd, CEC_ADAP_G_PHYS_ADDR, &phys);
    struct cec_log_addrs la;
    memset(&la, 0, sizeof la);
    la.cec_version = CEC_OP_CEC_VERSION_1_4;
    la.vendor_id = CEC_VENDOR_ID_NONE;
    la.num_log_addrs = 1;
    la.log_addr_type[0] = CEC_LOG_ADDR_TYPE_TV;
    la.primary_device_type[0] = CEC_OP_PRIM_DEVTYPE_TV;
    la.all_device_types[0] = CEC_OP_ALL_DEVTYPE_TV;
    snprintf(la.osd_name, sizeof la.osd_name, "Test TV");
    if (ioctl(fd, CEC_ADAP_S_LOG_ADDRS, &la) != 0) {
        fprintf(stderr, "kiosk-cec-tv: claiming the TV's address: %s\n",
                strerror(errno));
        return 1;
    }
    printf("ready: %s, physical address %x.%x.%x.%x, logical address %d\n",
           argv[1], phys >> 12, (phys >> 8) & 15, (phys >> 4) & 15, phys & 15,
           la.log_addr[0]);
    fflush(stdout);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_term;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    while (!stop) {
        struct cec_msg m;
        memset(&m, 0, sizeof m);
        m.timeout = 300;
        if (ioctl(fd, CEC_RECEIVE, &m) != 0)
            continue; /* ETIMEDOUT, EINTR */
        int from = m.msg[0] >> 4, to = m.msg[0] & 15;
        if (m.len < 2)
            printf("rx from %d to %d: poll\n", from, to);
        else
            printf("rx from %d to %d: 0x%02x %s\n", from, to, m.msg[1],
                   opcode_name(m.msg[1]));
        fflush(stdout);
    }
    memset(&la, 0, sizeof la); /* num_log_addrs 0: release the address */
    ioctl(fd, CEC_ADAP_S_LOG_ADDRS, &la);
    printf("released\n");
    fflush(stdout);
    close(fd);
    return 0;
}
