/* fault.h: fault injection for the import's crash-safety tests.
 *
 * With KIOSK_FAULT_KILL_AT=N in the environment, the Nth call of
 * fault_point() kills the process with SIGKILL, as a power cut would; with
 * KIOSK_FAULT_ENOSPC_AT=N the Nth write through fault_write() fails with
 * ENOSPC, as a full disk would.  KIOSK_FAULT_COUNT=1 prints the number of
 * points passed at exit, so a test knows the range to draw from.  Without
 * these variables both cost one comparison. */
#ifndef STATE_FAULT_H
#define STATE_FAULT_H

#include <stddef.h>
#include <sys/types.h>

void fault_point(void);
ssize_t fault_write(int fd, const void *buf, size_t n);

#endif
