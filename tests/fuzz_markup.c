/* fuzz_markup.c: libFuzzer target for the `{shown|id}` mention parser.
 *
 * Every mention must lie inside the plain text, and the plain text can
 * only be shorter than the marked text. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "content/markup.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void on_error(void *ctx, size_t off, const char *msg)
{
    size_t size = *(size_t *)ctx;
    if (off > size || !msg[0])
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 64 * 1024)
        return 0;
    struct markup_result r;
    markup_parse((const char *)data, size, &r, on_error, &size);
    if (r.plain_len > size || strlen(r.plain) > r.plain_len)
        abort();
    for (size_t i = 0; i < r.count; i++) {
        const struct markup_mention *m = &r.mentions[i];
        if (m->start > m->end || m->end > r.plain_len || !m->id[0] ||
            m->mark_off >= size || m->id_off >= size)
            abort();
    }
    markup_result_fini(&r);
    return 0;
}
