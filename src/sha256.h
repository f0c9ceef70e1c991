/*
 * sha256: FIPS 180-4 SHA-256, for the manifest's content hashes.  Our
 * own (a hundred lines): libharu has MD5 only, and OpenSSL's libcrypto
 * would be a new dependency for one function.
 */
#ifndef LP_SHA256_H
#define LP_SHA256_H
#include <stddef.h>
#include <stdint.h>

#define SHA256_LEN	32
#define SHA256_HEX	(2 * SHA256_LEN + 1)	/* with the NUL */

struct sha256 {
	uint32_t	h[8];
	uint64_t	len;		/* bytes so far */
	unsigned char	buf[64];
	size_t		nbuf;
};

void	sha256_init(struct sha256 *);
void	sha256_add(struct sha256 *, const void *, size_t);
void	sha256_end(struct sha256 *, unsigned char out[SHA256_LEN]);
/* The hash of buf as 64 lowercase hex digits. */
void	sha256_hex(const void *buf, size_t len, char out[SHA256_HEX]);
void	sha256_tohex(const unsigned char h[SHA256_LEN], char out[SHA256_HEX]);

#endif
