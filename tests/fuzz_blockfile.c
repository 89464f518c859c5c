/* fuzz_blockfile.c: libFuzzer target for the content block-file parser.
 *
 * The input is one file's bytes; the first byte chooses field or text mode.
 * Positions of every field and segment must lie inside the text, and the
 * diagnostics must carry positions inside it too.  Inputs are capped at
 * 64 KiB. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "content/blockfile.h"
#include "content/source.h"
#include "core/diag.h"
#include "text/normalize.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 64 * 1024)
        return 0;
    struct content_source src = {.path = (char *)"fuzz.txt"};
    src.text = text_normalize_file((const char *)data + 1, size - 1,
                                   &src.len);
    struct diag_list d;
    diag_list_init(&d);
    struct blockfile bf;
    blockfile_parse(&src, data[0] & 1 ? BLOCKFILE_TEXT : BLOCKFILE_FIELDS,
                    &bf, &d);
    for (size_t k = 0; k < bf.block_count; k++) {
        const struct bf_block *b = &bf.blocks[k];
        if (b->off >= src.len || b->id_off >= src.len || !b->id[0])
            abort();
        for (size_t i = 0; i < b->field_count; i++)
            if (b->fields[i].key_off >= src.len ||
                b->fields[i].value_off > src.len)
                abort();
        if (b->text && strlen(b->text) != b->text_len)
            abort();
        for (size_t t = 0; t <= b->text_len; t += 7)
            if (bf_text_source_offset(b, t) > src.len)
                abort();
    }
    unsigned lines = 1;
    for (size_t i = 0; i < src.len; i++)
        lines += src.text[i] == '\n';
    for (size_t i = 0; i < d.count; i++)
        if (d.items[i].line > lines)
            abort();
    blockfile_fini(&bf);
    diag_list_fini(&d);
    free(src.text);
    return 0;
}
