/* memory_linux.c: the process's resident memory from /proc/self/status
 * (see platform.h). */
#include <malloc.h>
#include <stdio.h>
#include <string.h>

#include "platform/platform.h"

bool platform_memory_kib(unsigned long *rss, unsigned long *peak)
{
    FILE *f = fopen("/proc/self/status", "r");
    if (!f)
        return false;
    char line[256];
    int found = 0;
    *rss = *peak = 0;
    while (fgets(line, sizeof line, f)) {
        if (sscanf(line, "VmRSS: %lu kB", rss) == 1)
            found |= 1;
        else if (sscanf(line, "VmHWM: %lu kB", peak) == 1)
            found |= 2;
    }
    fclose(f);
    return found == 3;
}

void platform_memory_tune(void)
{
    mallopt(M_MMAP_THRESHOLD, 256 * 1024); /* also fixes it there */
}
