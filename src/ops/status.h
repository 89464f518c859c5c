/* status.h: the kiosk's status -- one snapshot of what it shows and how
 * the machine is, written three ways: the status file (JSON, for a
 * monitoring script and the staff panel), a Prometheus text file (for
 * node_exporter's textfile collector, where a museum runs Prometheus over
 * many machines) and KIOSK-STATUS.txt (plain lines, for the technician
 * who reads a USB stick after an import).
 *
 * Unknowns (no temperature sensor, no Pi firmware) are JSON null and
 * absent metrics, never a made-up 0.  Times are local, ISO 8601 with the
 * offset (2026-12-02T17:00:00+01:00), and Unix seconds beside them.
 * Pure: no SDL, no I/O; the caller writes the strings (atomically). */
#ifndef OPS_STATUS_H
#define OPS_STATUS_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

struct kiosk_status {
    time_t now;              /* wall clock when written */
    double uptime_s;         /* the system's; < 0: unknown */
    double run_s;            /* this process's running time */
    char version[32];        /* "1.4.0 (abc123)" */
    char screen[32];         /* "attract", "reader", ...; "" none */
    char lang[8];            /* "zh", "en", "ug" */
    char release[64];        /* the content on screen */
    time_t last_frame_at;    /* 0: none yet */
    char last_frame_what[160]; /* "reader passage p07", "map place yili" */
    unsigned long frames_drawn;
    bool first_frame_checked, first_frame_ok;
    char first_frame[200];   /* the first frame's verification */
    bool has_memory;
    unsigned long rss_kib, peak_kib;
    bool has_temp;
    long cpu_mdeg;           /* thousandths of a degree Celsius */
    bool has_throttled;
    unsigned throttled;      /* the Raspberry Pi firmware's flags */
    bool has_space;
    unsigned long long state_free_b, state_total_b;
    unsigned state_errors;   /* write errors on the state folder */
    bool display_on;
    char display_reason[32]; /* "open", "closed", "woken", ... */
    char display_by[16];     /* "on", "cec", "dpms", "backlight", "black" */
    char display_detail[240]; /* the last power change, for people */
    bool schedule_given, open, change_known;
    time_t next_change;
    bool clock_trusted;
    char clock_why[200];
    char last_import[240];   /* one line about the last import; "" none */
};

/* Each a malloc'd string the caller frees; never NULL. */
char *status_json(const struct kiosk_status *s);
char *status_prometheus(const struct kiosk_status *s);
char *status_text(const struct kiosk_status *s);

#endif
