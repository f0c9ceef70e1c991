/*
 * pdfimage: images as PDF image objects.  A PNG is decoded and its
 * pixels (and transparency mask) compressed once per worker, then the
 * compressed bytes are reused by every leaflet that shows it: a clinic's
 * logo costs its decoding once a batch, not once a leaflet.  A JPEG is
 * passed through untouched.
 */
#ifndef LP_PDFIMAGE_H
#define LP_PDFIMAGE_H
#include <stddef.h>

#include <hpdf.h>

#include "diag.h"
#include "imgcache.h"

struct image;

/* The image in pdf, or NULL when it cannot be used (reported). */
HPDF_Image	pdfimage_get(HPDF_Doc, struct imgcache *, const struct image *,
		    int opaque, struct diag *);

#endif
