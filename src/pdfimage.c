/*
 * pdfimage: PNG pixels decoded with libpng and deflated with zlib once,
 * cached by the image's bytes, and written into each document as an
 * image XObject (with an SMask for transparency) through libharu's
 * object API, already compressed.  An image wider than the cache's
 * limit (IMAGE_PPI at the widest it can be placed) is scaled down
 * first: a PNG's pixels, a JPEG decoded and encoded again (imgscale.c).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <png.h>
#include <zlib.h>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include "hash.h"
#include "image.h"
#include "imgscale.h"
#include "pdfimage.h"
#include "xalloc.h"

/*
 * Measured on the bundled 320x320 logo: level 3 costs a third of the
 * instructions of the default level 6 for 7% more bytes in the leaflet.
 */
#define ZLEVEL	3

struct plane {			/* one compressed stream of samples */
	unsigned char	*data;
	size_t		 len;
};

struct cimage {
	uint64_t	 hash;		/* of the file's bytes */
	int		 opaque;	/* alpha composed onto white (PDF/A) */
	unsigned	 maxw;		/* the limit it was made for */
	struct plane	 jpeg;		/* a JPEG scaled down, or len 0 */
	size_t		 size;
	unsigned	 width;
	unsigned	 height;
	int		 color;		/* DeviceRGB, else DeviceGray */
	struct plane	 pix;
	struct plane	 alpha;		/* len 0: opaque */
};

static void
deflate_plane(struct plane *pl, const unsigned char *src, size_t n)
{
	uLongf len = compressBound((uLong)n);

	pl->data = xmalloc(len);
	if (compress2(pl->data, &len, src, (uLong)n, ZLEVEL) != Z_OK)
		abort();	/* only out of memory: the buffer is big enough */
	pl->len = len;
}

/* Decode a PNG into colour and alpha planes, compressed. */
static int
decode_png(struct cimage *ci, const struct image *img, int opaque)
{
	png_image pi;
	unsigned char *px, *col, *alpha, *small;
	size_t i, npix, nc, stride;
	unsigned tw, th;
	int has_alpha;

	memset(&pi, 0, sizeof(pi));
	pi.version = PNG_IMAGE_VERSION;
	if (!png_image_begin_read_from_memory(&pi, img->data, img->len))
		return -1;
	has_alpha = (pi.format & PNG_FORMAT_FLAG_ALPHA) != 0;
	ci->color = (pi.format & PNG_FORMAT_FLAG_COLOR) != 0;
	pi.format = ci->color ? (has_alpha ? PNG_FORMAT_RGBA : PNG_FORMAT_RGB) :
	    (has_alpha ? PNG_FORMAT_GA : PNG_FORMAT_GRAY);
	ci->width = pi.width;
	ci->height = pi.height;
	px = xmalloc(PNG_IMAGE_SIZE(pi));
	if (!png_image_finish_read(&pi, NULL, px, 0, NULL)) {
		png_image_free(&pi);
		free(px);
		return -1;
	}
	nc = ci->color ? 3 : 1;
	stride = nc + (has_alpha ? 1 : 0);
	scale_fit(pi.width, pi.height, ci->maxw, &tw, &th);
	if (tw < pi.width) {
		small = scale_box(px, pi.width, pi.height, (unsigned)stride,
		    tw, th);
		free(px);
		px = small;
		ci->width = tw;
		ci->height = th;
	}
	npix = (size_t)ci->width * ci->height;
	if (!has_alpha) {
		deflate_plane(&ci->pix, px, npix * nc);
		free(px);
		return 0;
	}
	col = xmalloc(npix * nc);
	if (opaque) {
		/* PDF/A-1 has no soft masks: compose onto the white page */
		for (i = 0; i < npix; i++) {
			unsigned a = px[i * stride + nc], k;

			for (k = 0; k < nc; k++)
				col[i * nc + k] = (unsigned char)((px[i * stride +
				    k] * a + 255 * (255 - a) + 127) / 255);
		}
		deflate_plane(&ci->pix, col, npix * nc);
		free(px);
		free(col);
		return 0;
	}
	alpha = xmalloc(npix);
	for (i = 0; i < npix; i++) {
		memcpy(col + i * nc, px + i * stride, nc);
		alpha[i] = px[i * stride + nc];
	}
	deflate_plane(&ci->pix, col, npix * nc);
	deflate_plane(&ci->alpha, alpha, npix);
	free(px);
	free(col);
	free(alpha);
	return 0;
}

/*
 * libharu drops a /Filter it did not apply itself, so the stream's own
 * filter stays NONE (the bytes are deflated already) and the entry is
 * written by this hook instead.
 */
static HPDF_STATUS
write_filter(HPDF_Dict d, HPDF_Stream out)
{
	(void)d;
	return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
}

/* An image XObject whose stream is the plane as it is (already deflated). */
static HPDF_Dict
xobject(HPDF_Doc pdf, const struct cimage *ci, const struct plane *pl,
    const char *space)
{
	HPDF_Dict d = HPDF_DictStream_New(pdf->mmgr, pdf->xref);

	/* each status on its own: merged with |=, they say nothing */
	if (d == NULL)
		return NULL;
	d->header.obj_class |= HPDF_OSUBCLASS_XOBJECT;
	d->write_fn = write_filter;
	if (HPDF_Dict_AddName(d, "Type", "XObject") != HPDF_OK ||
	    HPDF_Dict_AddName(d, "Subtype", "Image") != HPDF_OK ||
	    HPDF_Dict_AddNumber(d, "Width", ci->width) != HPDF_OK ||
	    HPDF_Dict_AddNumber(d, "Height", ci->height) != HPDF_OK ||
	    HPDF_Dict_AddName(d, "ColorSpace", space) != HPDF_OK ||
	    HPDF_Dict_AddNumber(d, "BitsPerComponent", 8) != HPDF_OK ||
	    HPDF_Stream_Write(d->stream, pl->data, (HPDF_UINT)pl->len) !=
	    HPDF_OK)
		return NULL;
	return d;
}

/* A JPEG too wide for the limit, scaled down; else left as it is. */
static void
scale_down_jpeg(struct cimage *ci, const struct image *img)
{
	unsigned char *out;
	size_t len;

	if (scale_jpeg(img->data, img->len, ci->maxw, &out, &len) == 0) {
		ci->jpeg.data = out;
		ci->jpeg.len = len;
	}
}

static struct cimage *
lookup(struct imgcache *c, const struct image *img, int opaque,
    struct diag *d)
{
	uint64_t h = fnv1a(img->data, img->len);
	struct cimage *ci;
	size_t i;

	for (i = 0; i < c->n; i++)
		if (c->v[i].hash == h && c->v[i].size == img->len &&
		    c->v[i].opaque == opaque && c->v[i].maxw == c->maxw)
			return &c->v[i];
	c->v = xgrow(c->v, c->n, sizeof(*c->v));
	ci = &c->v[c->n];
	memset(ci, 0, sizeof(*ci));
	ci->maxw = c->maxw;
	if (img->type == IMAGE_JPEG)
		scale_down_jpeg(ci, img);
	else if (decode_png(ci, img, opaque) == -1) {
		diag_at(d, DIAG_ERROR, &img->pos, "%s: corrupt PNG image",
		    img->path);
		return NULL;
	}
	ci->hash = h;
	ci->size = img->len;
	ci->opaque = opaque;
	c->n++;
	return ci;
}

int
imgcache_prepare(struct imgcache *c, const struct image *img, int opaque,
    unsigned maxw, struct diag *d)
{
	c->maxw = maxw;
	/* a JPEG that fits is passed through, never decoded */
	if (img->type == IMAGE_JPEG && (maxw == 0 || img->width <= maxw))
		return 0;
	return lookup(c, img, opaque, d) != NULL ? 0 : -1;
}

HPDF_Image
pdfimage_get(HPDF_Doc pdf, struct imgcache *c, const struct image *img,
    int opaque, struct diag *d)
{
	const struct cimage *ci;
	HPDF_Dict im, mask;

	if (img->type == IMAGE_JPEG && opaque && img->components == 4) {
		/* DeviceCMYK cannot go with PDF/A's sRGB output intent */
		diag_at(d, DIAG_ERROR, &img->pos, "%s: a CMYK JPEG cannot be in "
		    "a PDF/A leaflet", img->path);
		return NULL;
	}
	if (img->type == IMAGE_JPEG && (c->maxw == 0 || img->width <= c->maxw))
		return HPDF_LoadJpegImageFromMem(pdf, img->data,
		    (HPDF_UINT)img->len);
	if ((ci = lookup(c, img, opaque, d)) == NULL)
		return NULL;
	if (img->type == IMAGE_JPEG)
		return ci->jpeg.len > 0 ? HPDF_LoadJpegImageFromMem(pdf,
		    ci->jpeg.data, (HPDF_UINT)ci->jpeg.len) :
		    HPDF_LoadJpegImageFromMem(pdf, img->data,
		    (HPDF_UINT)img->len);
	im = xobject(pdf, ci, &ci->pix, ci->color ? "DeviceRGB" : "DeviceGray");
	if (im == NULL || ci->alpha.len == 0)
		return im;
	if ((mask = xobject(pdf, ci, &ci->alpha, "DeviceGray")) == NULL ||
	    HPDF_Dict_Add(im, "SMask", mask) != HPDF_OK)
		return NULL;
	return im;
}

void
imgcache_free(struct imgcache *c)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		free(c->v[i].jpeg.data);
		free(c->v[i].pix.data);
		free(c->v[i].alpha.data);
	}
	free(c->v);
	c->v = NULL;
	c->n = 0;
}
