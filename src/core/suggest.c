/* suggest.c: optimal string alignment distance for typo suggestions. */
#include <string.h>

#include "core/suggest.h"

#define MAX_LEN 64

unsigned suggest_distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    if (n > MAX_LEN || m > MAX_LEN)
        return 99;
    unsigned d[MAX_LEN + 1][MAX_LEN + 1];
    for (size_t i = 0; i <= n; i++)
        d[i][0] = (unsigned)i;
    for (size_t j = 0; j <= m; j++)
        d[0][j] = (unsigned)j;
    for (size_t i = 1; i <= n; i++) {
        for (size_t j = 1; j <= m; j++) {
            unsigned cost = a[i - 1] != b[j - 1];
            unsigned v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < v)
                v = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
                a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    }
    return d[n][m] > 99 ? 99 : d[n][m];
}

const char *suggest_closest(const char *word, const char *const *candidates,
                            size_t count)
{
    size_t len = strlen(word);
    unsigned limit = len >= 9 ? 3 : len >= 5 ? 2 : 1;
    const char *best = NULL;
    unsigned best_d = limit + 1;
    for (size_t i = 0; i < count; i++) {
        unsigned dist = suggest_distance(word, candidates[i]);
        if (dist < best_d) {
            best_d = dist;
            best = candidates[i];
        }
    }
    return best;
}
