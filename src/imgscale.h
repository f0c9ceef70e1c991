/*
 * imgscale: images made no larger than print needs.  A photograph from
 * a phone is 4000 pixels or more across; printed a column wide it needs
 * some 1750.  Pixels are reduced with a box filter (each new pixel the
 * mean of the old ones it covers), JPEGs decoded and encoded again with
 * libjpeg-turbo.
 */
#ifndef LP_IMGSCALE_H
#define LP_IMGSCALE_H
#include <stddef.h>

/* Pixels per inch enough for print at the size an image is placed. */
#define IMAGE_PPI	300

/*
 * The size w x h scaled down to at most maxw wide, the aspect kept;
 * unchanged when it fits already (or maxw is 0).
 */
void	scale_fit(unsigned w, unsigned h, unsigned maxw, unsigned *tw,
	    unsigned *th);

/*
 * Pixels px, w x h of nc 8-bit channels each, box-filtered to tw x th
 * (no larger); a new buffer.
 */
unsigned char	*scale_box(const unsigned char *px, unsigned w, unsigned h,
		    unsigned nc, unsigned tw, unsigned th);

/*
 * A greyscale or RGB JPEG at most maxw wide: decoded (at a reduced DCT
 * scale where that is enough), box-filtered and encoded again into *out
 * (malloc'd).  -1 when it need not or cannot be (CMYK, or undecodable):
 * the original is then used as it is.
 */
int	scale_jpeg(const unsigned char *data, size_t len, unsigned maxw,
	    unsigned char **out, size_t *outlen);

#endif
