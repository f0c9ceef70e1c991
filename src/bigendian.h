/*
 * bigendian: reading the big-endian integers of font (TrueType) and
 * image (PNG, JPEG) files, for the modules that take those files apart.
 */
#ifndef LP_BIGENDIAN_H
#define LP_BIGENDIAN_H
#include <stdint.h>

static inline uint16_t
get16(const unsigned char *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static inline uint32_t
get32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

#endif
