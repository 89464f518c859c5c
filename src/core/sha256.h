/* sha256.h: SHA-256 (FIPS 180-4), one-shot and incremental.
 *
 * Pure, no allocation: the state lives in the caller's storage.  Feed any
 * number of bytes in any split with sha256_update; sha256_final writes the
 * 32-byte digest and wipes the state, which must be re-initialised before
 * it is used again.  Messages up to 2^61 - 1 bytes (the length is kept in
 * bits in a uint64).  Not thread-safe per state; separate states are
 * independent. */
#ifndef CORE_SHA256_H
#define CORE_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_DIGEST_SIZE 32
#define SHA256_BLOCK_SIZE 64

/* The fields are private. */
struct sha256 {
    uint32_t h[8];                   /* the hash value H(i) */
    uint64_t length;                 /* bytes fed so far */
    uint8_t block[SHA256_BLOCK_SIZE]; /* the partial block */
    size_t fill;                     /* bytes in `block` */
};

void sha256_init(struct sha256 *s);
void sha256_update(struct sha256 *s, const void *data, size_t n);
void sha256_final(struct sha256 *s, uint8_t out[SHA256_DIGEST_SIZE]);

/* The digest of data[0..n) in one call. */
void sha256(const void *data, size_t n, uint8_t out[SHA256_DIGEST_SIZE]);

#endif
