/* Unit tests for imgscale.c: fitting, the box filter, JPEGs scaled down. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>

#include "imgscale.h"
#include "t.h"

/* A w x h RGB JPEG of a left-to-right ramp, in memory. */
static unsigned char *
make_jpeg(unsigned w, unsigned h, size_t *len)
{
	struct jpeg_compress_struct c;
	struct jpeg_error_mgr e;
	unsigned char *out = NULL, *row;
	unsigned long n = 0;
	unsigned x;

	row = malloc((size_t)w * 3);
	for (x = 0; x < w; x++)
		row[x * 3] = row[x * 3 + 1] = row[x * 3 + 2] =
		    (unsigned char)(x * 255 / (w - 1));
	c.err = jpeg_std_error(&e);
	jpeg_create_compress(&c);
	jpeg_mem_dest(&c, &out, &n);
	c.image_width = w;
	c.image_height = h;
	c.input_components = 3;
	c.in_color_space = JCS_RGB;
	jpeg_set_defaults(&c);
	jpeg_start_compress(&c, TRUE);
	while (c.next_scanline < h)
		jpeg_write_scanlines(&c, &row, 1);
	jpeg_finish_compress(&c);
	jpeg_destroy_compress(&c);
	free(row);
	*len = n;
	return out;
}

/* A JPEG's pixel size, read back. */
static void
jpeg_size(const unsigned char *data, size_t len, unsigned *w, unsigned *h)
{
	struct jpeg_decompress_struct d;
	struct jpeg_error_mgr e;

	d.err = jpeg_std_error(&e);
	jpeg_create_decompress(&d);
	jpeg_mem_src(&d, data, (unsigned long)len);
	jpeg_read_header(&d, TRUE);
	*w = d.image_width;
	*h = d.image_height;
	jpeg_destroy_decompress(&d);
}

static void
test_fit(void)
{
	unsigned w, h;

	scale_fit(6000, 4000, 1750, &w, &h);
	T_OK(w == 1750 && h == 1167, "fit: 6000x4000 to 1750 wide");
	scale_fit(1000, 800, 1750, &w, &h);
	T_OK(w == 1000 && h == 800, "fit: a smaller image is left alone");
	scale_fit(5000, 1, 100, &w, &h);
	T_OK(w == 100 && h == 1, "fit: never less than a pixel high");
	scale_fit(5000, 3000, 0, &w, &h);
	T_OK(w == 5000 && h == 3000, "fit: 0 is no limit");
}

static void
test_box(void)
{
	/* 4x2 grey: each 2x2 square becomes its mean */
	static const unsigned char px[] = { 0, 100, 200, 255, 50, 150, 255, 255 };
	/* 3x1 RGB to 1x1: the mean of each channel */
	static const unsigned char rgb[] = { 0, 30, 255, 30, 60, 255, 60, 90, 255 };
	unsigned char *o;

	o = scale_box(px, 4, 2, 1, 2, 1);
	T_OK(o[0] == 75 && o[1] == 241, "box: 2x2 means, rounded");
	free(o);
	o = scale_box(rgb, 3, 1, 3, 1, 1);
	T_OK(o[0] == 30 && o[1] == 60 && o[2] == 255,
	    "box: channels kept apart");
	free(o);
	o = scale_box(px, 4, 2, 1, 4, 2);
	T_OK(memcmp(o, px, sizeof(px)) == 0, "box: the same size is a copy");
	free(o);
}

static void
test_jpeg(void)
{
	unsigned char *src, *out = NULL;
	size_t len, olen = 0;
	unsigned w = 0, h = 0;

	src = make_jpeg(2400, 1600, &len);
	T_EQ_INT(scale_jpeg(src, len, 700, &out, &olen), 0,
	    "jpeg: a wide one is scaled");
	if (out != NULL)
		jpeg_size(out, olen, &w, &h);
	T_OK(w == 700 && h == 467, "jpeg: to the limit, the aspect kept");
	T_OK(olen > 0 && olen < len, "jpeg: fewer bytes");
	free(out);
	out = NULL;
	T_EQ_INT(scale_jpeg(src, len, 2400, &out, &olen), -1,
	    "jpeg: one that fits is left alone");
	T_EQ_INT(scale_jpeg(src, len / 3, 700, &out, &olen) == -1 ||
	    out != NULL, 1, "jpeg: a truncated one fails or scales, "
	    "without crashing");
	free(out);
	T_EQ_INT(scale_jpeg((const unsigned char *)"not a jpeg", 10, 700,
	    &out, &olen), -1, "jpeg: garbage is refused");
	free(src);
}

int
main(void)
{
	T_PLAN(13);
	test_fit();
	test_box();
	test_jpeg();
	T_DONE();
}
