/* Images: PNG and JPEG files read whole, with their pixel size. */
#ifndef LP_IMAGE_H
#define LP_IMAGE_H
#include <stddef.h>

#include "diag.h"

enum image_type {
	IMAGE_PNG,
	IMAGE_JPEG
};

struct image {
	char		*path;
	struct srcpos	 pos;		/* where the input named it */
	enum image_type	 type;
	unsigned char	*data;
	size_t		 len;
	unsigned	 width;		/* pixels */
	unsigned	 height;
	unsigned	 components;	/* JPEG: 1 grey, 3 RGB, 4 CMYK */
};

/* Read path and its size; errors are reported at pos. */
int	image_load(struct image *, const char *path, const struct srcpos *,
	    struct diag *);
/* The same from bytes in memory (data is copied). */
int	image_parse(struct image *, const char *path, const unsigned char *,
	    size_t, const struct srcpos *, struct diag *);
void	image_free(struct image *);

#endif
