/*
 * hash: FNV-1a, 64 bits, for the small hash tables and the cache keys
 * that the document (heading names) and the PDF writer (images) keep.
 */
#ifndef LP_HASH_H
#define LP_HASH_H
#include <stddef.h>
#include <stdint.h>

static inline uint64_t
fnv1a(const void *data, size_t n)
{
	const unsigned char *p = data;
	uint64_t h = 0xcbf29ce484222325u;

	while (n-- > 0)
		h = (h ^ *p++) * 0x100000001b3u;
	return h;
}

#endif
