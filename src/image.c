/*
 * image: read a PNG or JPEG and find its pixel size, so layout can scale
 * it.  The bytes are handed to the PDF library as they are (a JPEG is
 * passed through untouched); here we only check that the headers make
 * sense, so a missing or corrupt file is reported where it was named.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "bigendian.h"
#include "fileio.h"
#include "image.h"
#include "xalloc.h"

#define IMAGE_MAX_SIDE	20000	/* pixels: limits against hostile input */
#define IMAGE_MAX_AREA	(25u * 1000 * 1000)

static int
png_size(const unsigned char *p, size_t n, unsigned *w, unsigned *h)
{
	static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n',
	    0x1a, '\n' };

	if (n < 33 || memcmp(p, sig, 8) != 0 || memcmp(p + 12, "IHDR", 4) != 0)
		return -1;
	*w = (unsigned)get32(p + 16);
	*h = (unsigned)get32(p + 20);
	/* An image needs at least one IDAT and an IEND. */
	if (n < 45 || memcmp(p + n - 8, "IEND", 4) != 0)
		return -1;
	return 0;
}

/*
 * A whole JPEG ends with an end-of-image marker; one cut short does not
 * (a few bytes of padding after it are allowed).
 */
static int
jpeg_ends(const unsigned char *p, size_t n)
{
	size_t i;

	for (i = n; i >= 2 && i + 64 >= n; i--)
		if (p[i - 2] == 0xFF && p[i - 1] == 0xD9)
			return 0;
	return -1;
}

/* Walk JPEG markers up to the first start-of-frame. */
static int
jpeg_size(const unsigned char *p, size_t n, unsigned *w, unsigned *h,
    unsigned *nc)
{
	size_t i = 2;
	unsigned m, len;

	if (n < 4 || p[0] != 0xFF || p[1] != 0xD8)
		return -1;
	while (i + 4 <= n) {
		if (p[i] != 0xFF)
			return -1;
		m = p[i + 1];
		if (m == 0xFF) {
			i++;
			continue;
		}
		len = get16(p + i + 2);
		if (len < 2 || i + 2 + len > n)
			return -1;
		if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 &&
		    m != 0xCC) {
			if (len < 8)
				return -1;
			*h = get16(p + i + 5);
			*w = get16(p + i + 7);
			*nc = p[i + 9];
			return jpeg_ends(p, n);
		}
		if (m == 0xD9 || m == 0xDA)
			return -1;
		i += 2 + len;
	}
	return -1;
}

int
image_parse(struct image *img, const char *path, const unsigned char *data,
    size_t len, const struct srcpos *pos, struct diag *d)
{
	memset(img, 0, sizeof(*img));
	if (len >= 8 && data[0] == 0x89 && data[1] == 'P') {
		img->type = IMAGE_PNG;
		if (png_size(data, len, &img->width, &img->height) == -1)
			goto corrupt;
	} else if (len >= 2 && data[0] == 0xFF && data[1] == 0xD8) {
		img->type = IMAGE_JPEG;
		if (jpeg_size(data, len, &img->width, &img->height,
		    &img->components) == -1)
			goto corrupt;
	} else {
		diag_at(d, DIAG_ERROR, pos, "%s: not a PNG or JPEG image", path);
		return -1;
	}
	if (img->width == 0 || img->height == 0 ||
	    img->width > IMAGE_MAX_SIDE || img->height > IMAGE_MAX_SIDE)
		goto corrupt;
	if ((unsigned long long)img->width * img->height > IMAGE_MAX_AREA) {
		diag_at(d, DIAG_ERROR, pos, "%s: image too large (%ux%u pixels, "
		    "limit %u)", path, img->width, img->height, IMAGE_MAX_AREA);
		return -1;
	}
	img->path = xstrdup(path);
	img->pos = *pos;
	img->data = xmalloc(len);
	memcpy(img->data, data, len);
	img->len = len;
	return 0;
corrupt:
	diag_at(d, DIAG_ERROR, pos, "%s: corrupt %s image", path,
	    img->type == IMAGE_PNG ? "PNG" : "JPEG");
	return -1;
}

int
image_load(struct image *img, const char *path, const struct srcpos *pos,
    struct diag *d)
{
	struct diag quiet = { NULL, 0, 0 };
	char *buf;
	size_t len;
	int rc;

	memset(img, 0, sizeof(*img));
	if (file_read(path, &buf, &len, &quiet) == -1) {
		diag_at(d, DIAG_ERROR, pos, "cannot read image %s: %s", path,
		    errno ? strerror(errno) : "file too large");
		return -1;
	}
	rc = image_parse(img, path, (unsigned char *)buf, len, pos, d);
	free(buf);
	return rc;
}

void
image_free(struct image *img)
{
	free(img->path);
	free(img->data);
	memset(img, 0, sizeof(*img));
}
