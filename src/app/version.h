/* version.h: the program's version and source revision, set by the
 * Makefile (VERSION, git describe); these defaults are for builds
 * without it. */
#ifndef APP_VERSION_H
#define APP_VERSION_H

#ifndef KIOSK_VERSION
#define KIOSK_VERSION "0.0.0"
#endif
#ifndef KIOSK_REVISION
#define KIOSK_REVISION "unknown"
#endif

#endif
