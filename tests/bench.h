/* bench.h: timing helpers for the benchmark programs. */
#ifndef TESTS_BENCH_H
#define TESTS_BENCH_H

#include <stddef.h>

/* Monotonic clock in milliseconds. */
double bench_now_ms(void);
/* Median, minimum, maximum of n samples (the array is sorted in place). */
double bench_median(double *v, size_t n);
double bench_min(const double *v, size_t n);
double bench_max(const double *v, size_t n);

#endif
