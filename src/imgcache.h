/*
 * imgcache: images made ready for the PDF once per worker and kept
 * between leaflets (a PNG decoded and its pixels compressed; a JPEG
 * passed through), so that a clinic's logo costs its decoding once a
 * batch.  Implemented in pdfimage.c; this header keeps the PDF library
 * out of the stages that only own the cache.
 */
#ifndef LP_IMGCACHE_H
#define LP_IMGCACHE_H
#include <stddef.h>

#include "diag.h"

struct image;
struct cimage;

struct imgcache {
	struct cimage	*v;
	size_t		 n;
	unsigned	 maxw;		/* widest in pixels, as the last
					   imgcache_prepare() said */
};

/*
 * Decode a PNG into the cache ahead of need; -1 if it is corrupt
 * (reported).  opaque: transparency composed onto the white page, for
 * PDF/A-1, which has none.  maxw: the widest an image need be, in
 * pixels (0: any); a wider PNG or JPEG is scaled down to it, and the
 * leaflet's render then uses that copy, so a worker prepares one
 * leaflet's images and renders it before the next.
 */
int	imgcache_prepare(struct imgcache *, const struct image *, int opaque,
	    unsigned maxw, struct diag *);
void	imgcache_free(struct imgcache *);

#endif
