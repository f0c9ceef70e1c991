/*
 * imgscale: see imgscale.h.  Everything here is linear in the pixels
 * read; libjpeg's errors come back through a longjmp to one place.
 */
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>

#include "imgscale.h"
#include "xalloc.h"

/* Visually lossless for photographs, a quarter of the bytes of 95. */
#define JPEG_QUALITY	85

void
scale_fit(unsigned w, unsigned h, unsigned maxw, unsigned *tw, unsigned *th)
{
	*tw = w;
	*th = h;
	if (maxw == 0 || w <= maxw)
		return;
	*tw = maxw;
	*th = (unsigned)(((uint64_t)h * maxw + w / 2) / w);
	if (*th == 0)
		*th = 1;
}

unsigned char *
scale_box(const unsigned char *px, unsigned w, unsigned h, unsigned nc,
    unsigned tw, unsigned th)
{
	unsigned char *out = xmalloc((size_t)tw * th * nc);
	uint64_t *sum = xcalloc((size_t)tw * nc, sizeof(*sum));
	unsigned *col = xmalloc(w * sizeof(*col)), *ncol;
	unsigned x, y, ty, k, rows;
	size_t i;

	/* source column x falls in target column col[x] */
	ncol = xcalloc(tw, sizeof(*ncol));
	for (x = 0; x < w; x++) {
		col[x] = (unsigned)((uint64_t)x * tw / w);
		ncol[col[x]]++;
	}
	for (y = 0, ty = 0; ty < th; ty++) {
		/* source rows [y, end) make target row ty */
		unsigned end = (unsigned)((uint64_t)(ty + 1) * h / th);

		memset(sum, 0, (size_t)tw * nc * sizeof(*sum));
		for (rows = 0; y < end; y++, rows++)
			for (x = 0; x < w; x++)
				for (k = 0; k < nc; k++)
					sum[col[x] * nc + k] +=
					    px[((size_t)y * w + x) * nc + k];
		for (i = 0; i < (size_t)tw * nc; i++) {
			uint64_t n = (uint64_t)ncol[i / nc] * rows;

			out[(size_t)ty * tw * nc + i] =
			    (unsigned char)((sum[i] + n / 2) / n);
		}
	}
	free(sum);
	free(col);
	free(ncol);
	return out;
}

struct jerr {
	struct jpeg_error_mgr	 mgr;
	jmp_buf			 jb;
};

static void
jerr_exit(j_common_ptr cinfo)
{
	longjmp(((struct jerr *)cinfo->err)->jb, 1);
}

static void
jerr_quiet(j_common_ptr cinfo, int level)
{
	(void)cinfo;
	(void)level;	/* warnings about the input: it is used as it is */
}

/* Decode at the smallest DCT scale still at least tw x th. */
static void
pick_scale(struct jpeg_decompress_struct *ci, unsigned tw, unsigned th)
{
	unsigned d = 8;

	while (d > 1 && ((ci->image_width + d - 1) / d < tw ||
	    (ci->image_height + d - 1) / d < th))
		d /= 2;
	ci->scale_num = 1;
	ci->scale_denom = d;
}

/* Encode px (w x h, nc channels) as a JPEG into *out. */
static void
encode(unsigned char *px, unsigned w, unsigned h, unsigned nc,
    unsigned char **out, unsigned long *outlen, struct jerr *je)
{
	struct jpeg_compress_struct co;
	JSAMPROW row;

	co.err = &je->mgr;
	jpeg_create_compress(&co);
	jpeg_mem_dest(&co, out, outlen);
	co.image_width = w;
	co.image_height = h;
	co.input_components = (int)nc;
	co.in_color_space = nc == 1 ? JCS_GRAYSCALE : JCS_RGB;
	jpeg_set_defaults(&co);
	jpeg_set_quality(&co, JPEG_QUALITY, TRUE);
	jpeg_start_compress(&co, TRUE);
	while (co.next_scanline < h) {
		row = px + (size_t)co.next_scanline * w * nc;
		jpeg_write_scanlines(&co, &row, 1);
	}
	jpeg_finish_compress(&co);
	jpeg_destroy_compress(&co);
}

int
scale_jpeg(const unsigned char *data, size_t len, unsigned maxw,
    unsigned char **out, size_t *outlen)
{
	struct jpeg_decompress_struct di;
	struct jerr je;
	unsigned char *volatile px = NULL, *volatile small = NULL;
	unsigned char *volatile enc = NULL;
	unsigned long elen = 0;
	unsigned tw, th, nc, w, h;
	JSAMPROW row;
	volatile int rc = -1;

	di.err = jpeg_std_error(&je.mgr);
	je.mgr.error_exit = jerr_exit;
	je.mgr.emit_message = jerr_quiet;
	jpeg_create_decompress(&di);
	if (setjmp(je.jb) != 0)
		goto out;
	jpeg_mem_src(&di, data, (unsigned long)len);
	jpeg_read_header(&di, TRUE);
	scale_fit(di.image_width, di.image_height, maxw, &tw, &th);
	if (tw == di.image_width || (di.num_components != 1 &&
	    di.num_components != 3))
		goto out;
	di.out_color_space = di.num_components == 1 ? JCS_GRAYSCALE : JCS_RGB;
	pick_scale(&di, tw, th);
	jpeg_start_decompress(&di);
	w = di.output_width;
	h = di.output_height;
	nc = (unsigned)di.output_components;
	px = xmalloc((size_t)w * h * nc);
	while (di.output_scanline < h) {
		row = px + (size_t)di.output_scanline * w * nc;
		jpeg_read_scanlines(&di, &row, 1);
	}
	jpeg_finish_decompress(&di);
	if (tw > w || th > h)
		tw = w, th = h;
	small = scale_box(px, w, h, nc, tw, th);
	{
		unsigned char *e = NULL;

		encode(small, tw, th, nc, &e, &elen, &je);
		enc = e;
	}
	*out = enc;
	*outlen = elen;
	enc = NULL;
	rc = 0;
out:
	jpeg_destroy_decompress(&di);
	free(px);
	free(small);
	free(enc);
	return rc;
}
