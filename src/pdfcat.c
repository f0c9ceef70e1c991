/* pdfcat: one PDF of many, written as they come (pdfcat.h). */
#include <sys/stat.h>

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "diag.h"
#include "fileio.h"
#include "pdfcat.h"
#include "utf8.h"
#include "xalloc.h"

/* Objects 1, 2 and 3 of the output: written last, numbered first. */
#define OBJ_PAGES	1
#define OBJ_CATALOG	2
#define OBJ_INFO	3

/* One input, as its cross-reference table and trailer say. */
struct input {
	const char	*p;
	size_t		 len;
	size_t		 xref;		/* where the table starts */
	size_t		 size;		/* objects 0..size-1 */
	size_t		*off;		/* of each, 0 when free */
	size_t		*end;		/* where each ends */
	uint32_t	*map;		/* each one's number in the output */
	size_t		 root, info, pages, count;
};

#define HASH_DEPTH	3	/* an image, its mask, their lengths */

/* Write p[0..n) to the output, or to the hash being taken. */
static void
out(struct pdfcat *c, const void *p, size_t n)
{
	if (c->h != NULL) {
		sha256_add(c->h, p, n);
		return;
	}
	if (n > 0 && fwrite(p, 1, n, c->f) != n)
		c->failed = 1;
	c->at += n;
}

static void
outf(struct pdfcat *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
outf(struct pdfcat *c, const char *fmt, ...)
{
	va_list ap;
	char buf[64];
	int n;

	va_start(ap, fmt);
	if (c->h != NULL) {
		n = vsnprintf(buf, sizeof(buf), fmt, ap);
		out(c, buf, n > 0 && (size_t)n < sizeof(buf) ? (size_t)n : 0);
		va_end(ap);
		return;
	}
	n = vfprintf(c->f, fmt, ap);
	va_end(ap);
	if (n < 0)
		c->failed = 1;
	else
		c->at += (uint64_t)n;
}

/* Note that object id starts here. */
static void
mark(struct pdfcat *c, size_t id)
{
	if (id >= c->nobj) {
		c->off = xreallocarray(c->off, id + 1, sizeof(*c->off));
		memset(&c->off[c->nobj], 0, (id + 1 - c->nobj) *
		    sizeof(*c->off));
		c->nobj = id + 1;
	}
	c->off[id] = c->at;
}

static int
is_space(int ch)
{
	return ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t' ||
	    ch == '\f' || ch == '\0';
}

static int
is_delim(int ch)
{
	return is_space(ch) || strchr("()<>[]{}/%", ch) != NULL;
}

/* The unsigned number at s[*i], moving *i past it; -1 when none. */
static long long
number(const char *s, size_t n, size_t *i)
{
	long long v = 0;
	size_t k = *i;

	if (k >= n || s[k] < '0' || s[k] > '9')
		return -1;
	while (k < n && s[k] >= '0' && s[k] <= '9' && v < 1000000000000LL)
		v = v * 10 + (s[k++] - '0');
	*i = k;
	return v;
}

static void
skip_space(const char *s, size_t n, size_t *i)
{
	while (*i < n && is_space(s[*i]))
		(*i)++;
}

/* The number after key in s[from..to), as "/Key 12": -1 when none. */
static long long
key_number(const char *s, size_t from, size_t to, const char *key)
{
	size_t k = strlen(key), i;

	for (i = from; i + k < to; i++)
		if (memcmp(s + i, key, k) == 0 && is_delim(s[i + k])) {
			i += k;
			skip_space(s, to, &i);
			return number(s, to, &i);
		}
	return -1;
}

static int
by_offset(const void *a, const void *b)
{
	size_t x = **(const size_t *const *)a, y = **(const size_t *const *)b;

	return x < y ? -1 : x > y;
}

/* Each object's end: where the next one, or the table, starts. */
static void
object_ends(struct input *in)
{
	size_t **v = xcalloc(in->size + 1, sizeof(*v)), n = 0, i;

	for (i = 1; i < in->size; i++)
		if (in->off[i] != 0)
			v[n++] = &in->off[i];
	qsort(v, n, sizeof(*v), by_offset);
	for (i = 0; i < n; i++)
		in->end[v[i] - in->off] = i + 1 < n ? *v[i + 1] : in->xref;
	free(v);
}

/* Does object id start where the table says, as "id 0 obj"? */
static int
object_at(const struct input *in, size_t id)
{
	size_t i = in->off[id];

	if (i == 0 || i >= in->xref || in->end[id] > in->xref ||
	    number(in->p, in->len, &i) != (long long)id)
		return 0;
	skip_space(in->p, in->len, &i);
	if (number(in->p, in->len, &i) != 0)
		return 0;
	skip_space(in->p, in->len, &i);
	return i + 3 <= in->len && memcmp(in->p + i, "obj", 3) == 0;
}

/* Read the table, the trailer and the page tree's root of one input. */
static int
parse_input(struct input *in)
{
	const char *s = in->p;
	size_t n = in->len, i, id;
	long long v;

	i = n > 64 ? n - 64 : 0;
	while (i + 9 < n && memcmp(s + i, "startxref", 9) != 0)
		i++;
	i += 9;
	skip_space(s, n, &i);
	if ((v = number(s, n, &i)) <= 0 || (size_t)v + 4 >= n ||
	    memcmp(s + v, "xref", 4) != 0)
		return -1;
	in->xref = (size_t)v;
	i = in->xref + 4;
	skip_space(s, n, &i);
	if (number(s, n, &i) != 0)
		return -1;
	skip_space(s, n, &i);
	if ((v = number(s, n, &i)) < 2 || (size_t)v > (n - i) / 20)
		return -1;
	in->size = (size_t)v;
	while (i < n && s[i] != '\n')
		i++;
	i++;
	in->off = xcalloc(in->size, sizeof(*in->off));
	in->end = xcalloc(in->size, sizeof(*in->end));
	for (id = 0; id < in->size; id++, i += 20) {
		size_t k = i;

		v = number(s, n, &k);
		if (v < 0 || i + 18 > n)
			return -1;
		if (s[i + 17] == 'n' && id > 0)
			in->off[id] = (size_t)v;
	}
	while (i + 7 < n && memcmp(s + i, "trailer", 7) != 0)
		i++;
	if (i + 7 >= n)
		return -1;
	in->root = (size_t)key_number(s, i, n, "/Root");
	in->info = (size_t)key_number(s, i, n, "/Info");
	object_ends(in);
	for (id = 1; id < in->size; id++)
		if (in->off[id] != 0 && !object_at(in, id))
			return -1;
	if (in->root >= in->size || in->off[in->root] == 0)
		return -1;
	v = key_number(s, in->off[in->root], in->end[in->root], "/Pages");
	if (v <= 0 || (size_t)v >= in->size || in->off[v] == 0)
		return -1;
	in->pages = (size_t)v;
	v = key_number(s, in->off[in->pages], in->end[in->pages], "/Count");
	if (v < 0)
		return -1;
	in->count = (size_t)v;
	return 0;
}

/* Copy a literal string "(...)" at s[i], nested and escaped; past it. */
static size_t
copy_string(struct pdfcat *c, const char *s, size_t i, size_t n)
{
	size_t k = i + 1;
	int depth = 1;

	while (k < n && depth > 0) {
		if (s[k] == '\\')
			k++;
		else if (s[k] == '(')
			depth++;
		else if (s[k] == ')')
			depth--;
		k++;
	}
	if (k > n)
		k = n;
	out(c, s + i, k - i);
	return k;
}

static int	object_hash(struct pdfcat *, const struct input *, size_t,
		    int, unsigned char [SHA256_LEN]);

/*
 * If s[i..n) is "A G R", write it with A's number in the output (while
 * hashing: A's own hash, depth objects down), and return where it
 * ends; else 0.  -1 in *bad when A cannot be hashed.
 */
static size_t
reference(struct pdfcat *c, const struct input *in, size_t i, size_t n,
    int depth, int *bad)
{
	const char *s = in->p;
	unsigned char h[SHA256_LEN];
	long long a, g;
	size_t k = i;

	if ((a = number(s, n, &k)) < 0 || k >= n || !is_space(s[k]))
		return 0;
	skip_space(s, n, &k);
	if ((g = number(s, n, &k)) < 0 || k >= n || !is_space(s[k]))
		return 0;
	skip_space(s, n, &k);
	if (k >= n || s[k] != 'R' || (k + 1 < n && !is_delim(s[k + 1])))
		return 0;
	if (c->h == NULL)
		outf(c, "%lu %lld R", (unsigned long)((size_t)a < in->size ?
		    in->map[a] : 0), g);
	else if ((size_t)a >= in->size || object_hash(c, in, (size_t)a,
	    depth + 1, h) == -1)
		*bad = 1;
	else
		out(c, h, sizeof(h));
	return k + 1;
}

/*
 * Write the body of object id (after "obj"): its references as
 * reference() says, its stream's bytes as they are; the page tree's
 * root gets a parent.  -1 when a reference could not be hashed.
 */
static int
body(struct pdfcat *c, const struct input *in, size_t id, int depth)
{
	const char *s = in->p;
	size_t i = in->off[id], n = in->end[id], k, start;
	int parent = id == in->pages && c->h == NULL, bad = 0;

	while (i + 3 < n && memcmp(s + i, "obj", 3) != 0)
		i++;
	i += 3;
	while (i < n && !bad) {
		start = i;
		if (s[i] == '%') {
			while (i < n && s[i] != '\n' && s[i] != '\r')
				i++;
			out(c, s + start, i - start);
		} else if (s[i] == '(')
			i = copy_string(c, s, i, n);
		else if (s[i] == '<' && i + 1 < n && s[i + 1] == '<') {
			out(c, "<<", 2);
			i += 2;
			if (parent) {
				outf(c, "\n/Parent %d 0 R", OBJ_PAGES);
				parent = 0;
			}
		} else if (s[i] == '/' || s[i] == '<') {
			for (i++; i < n && !is_delim(s[i]); i++)
				;
			if (s[start] == '<')	/* a hex string */
				while (i < n && s[i++] != '>')
					;
			out(c, s + start, i - start);
		} else if (s[i] >= '0' && s[i] <= '9' &&
		    (k = reference(c, in, i, n, depth, &bad)) != 0)
			i = k;
		else if (!is_delim(s[i])) {
			for (i++; i < n && !is_delim(s[i]); i++)
				;
			out(c, s + start, i - start);
			if (i - start == 6 && memcmp(s + start, "stream", 6) == 0) {
				out(c, s + i, n - i);	/* the data, as it is */
				i = n;
			}
		} else
			out(c, s + i++, 1);
	}
	return bad ? -1 : 0;
}

/*
 * The hash of object id: its body with each reference replaced by the
 * hash of what it refers to, so that two images with the same pixels,
 * mask and lengths hash alike whatever their numbers.  -1 when it
 * refers deeper than HASH_DEPTH (a page, a font: not shared).
 */
static int
object_hash(struct pdfcat *c, const struct input *in, size_t id, int depth,
    unsigned char h[SHA256_LEN])
{
	struct sha256 ctx, *keep = c->h;
	int rc;

	if (depth > HASH_DEPTH || in->off[id] == 0)
		return -1;
	sha256_init(&ctx);
	c->h = &ctx;
	rc = body(c, in, id, depth);
	c->h = keep;
	sha256_end(&ctx, h);
	return rc;
}

/* Is object id an image XObject? */
static int
is_image(const struct input *in, size_t id)
{
	const char *s = in->p;
	size_t i, n = in->end[id];

	for (i = in->off[id]; i + 15 <= n; i++) {
		if (memcmp(s + i, "stream", 6) == 0)
			return 0;
		if (memcmp(s + i, "/Subtype /Image", 15) == 0)
			return 1;
	}
	return 0;
}

/*
 * Number the input's objects in the output: each after the last
 * input's, an image the output has already the first copy.
 */
static void
number_objects(struct pdfcat *c, struct input *in, size_t base)
{
	unsigned char h[SHA256_LEN];
	size_t id, k;

	in->map = xcalloc(in->size, sizeof(*in->map));
	for (id = 1; id < in->size; id++)
		in->map[id] = (uint32_t)(id + base);
	for (id = 1; id < in->size; id++) {
		if (in->off[id] == 0 || !is_image(in, id) ||
		    object_hash(c, in, id, 0, h) == -1)
			continue;
		for (k = 0; k < c->nimg; k++)
			if (memcmp(c->img[k].hash, h, sizeof(h)) == 0)
				break;
		if (k < c->nimg)
			in->map[id] = c->img[k].id;
		else if (c->nimg < PDFCAT_MAXIMAGES) {
			c->img = xgrow(c->img, c->nimg, sizeof(*c->img));
			memcpy(c->img[c->nimg].hash, h, sizeof(h));
			c->img[c->nimg++].id = (uint32_t)(id + base);
		}
	}
}

int
pdfcat_open(struct pdfcat *c, const char *path, struct diag *d)
{
	char *dir = path_dir(path);
	int fd;

	memset(c, 0, sizeof(*c));
	c->path = xstrdup(path);
	c->tmp = xasprintf("%s/.pdfcat.XXXXXX", dir);
	free(dir);
	if ((fd = mkstemp(c->tmp)) == -1 || fchmod(fd, file_mode()) == -1 ||
	    (c->f = fdopen(fd, "w")) == NULL) {
		diag_msg(d, DIAG_ERROR, path, 0, 0, "cannot write: %s",
		    strerror(errno));
		if (fd != -1) {
			close(fd);
			unlink(c->tmp);
		}
		free(c->tmp);
		free(c->path);
		memset(c, 0, sizeof(*c));
		return -1;
	}
	c->nobj = OBJ_INFO + 1;
	c->off = xcalloc(c->nobj, sizeof(*c->off));
	out(c, "%PDF-1.7\n%\xb7\xbe\xad\xaa\n", 15);
	return 0;
}

int
pdfcat_add(struct pdfcat *c, const unsigned char *pdf, size_t len,
    const char *name, struct diag *d)
{
	struct input in;
	size_t base = c->nobj - 1, id;
	int rc = -1;

	memset(&in, 0, sizeof(in));
	in.p = (const char *)pdf;
	in.len = len;
	if (parse_input(&in) == -1) {
		diag_msg(d, DIAG_ERROR, name, 0, 0, "not a PDF that leafpress "
		    "wrote: cannot add it to the post");
		goto out;
	}
	number_objects(c, &in, base);
	for (id = 1; id < in.size; id++) {
		mark(c, id + base);
		outf(c, "%zu 0 obj", id + base);
		if (id == in.root || id == in.info || in.off[id] == 0 ||
		    in.map[id] != id + base)	/* left out, or shared */
			outf(c, "\nnull\nendobj\n");
		else
			body(c, &in, id, 0);
	}
	c->kids = xgrow(c->kids, c->nkids, sizeof(*c->kids));
	c->kids[c->nkids++] = (uint32_t)(in.pages + base);
	c->pages += in.count;
	rc = 0;
out:
	free(in.off);
	free(in.end);
	free(in.map);
	return rc;
}

void
pdfcat_blank(struct pdfcat *c, float w, float h)
{
	size_t id = c->nobj;

	mark(c, id);
	outf(c, "%zu 0 obj\n<<\n/Type /Page\n/Parent %d 0 R\n/MediaBox [ 0 0 "
	    "%.2f %.2f ]\n/Resources << >>\n>>\nendobj\n", id, OBJ_PAGES, w, h);
	c->kids = xgrow(c->kids, c->nkids, sizeof(*c->kids));
	c->kids[c->nkids++] = (uint32_t)id;
	c->pages++;
}

/* A text string: UTF-16BE in hex, with its byte order mark. */
static void
text_string(struct pdfcat *c, const char *s)
{
	size_t n = strlen(s), k;
	uint32_t cp;

	out(c, "<FEFF", 5);
	while (n > 0) {
		if ((k = utf8_decode(s, n, &cp)) == 0) {
			k = 1;
			cp = 0xfffd;
		}
		if (cp >= 0x10000)
			outf(c, "%04X%04X", 0xd800 + ((cp - 0x10000) >> 10),
			    0xdc00 + ((cp - 0x10000) & 0x3ff));
		else
			outf(c, "%04X", cp);
		s += k;
		n -= k;
	}
	out(c, ">", 1);
}

/* The page tree's root, the catalogue and the information dictionary. */
static void
write_head(struct pdfcat *c, const struct pdfcat_info *info)
{
	time_t t = (time_t)info->date;
	struct tm tm;
	size_t i;

	mark(c, OBJ_PAGES);
	outf(c, "%d 0 obj\n<<\n/Type /Pages\n/Kids [", OBJ_PAGES);
	for (i = 0; i < c->nkids; i++)
		outf(c, "%s%u 0 R", i % 8 == 0 ? "\n" : " ", c->kids[i]);
	outf(c, " ]\n/Count %zu\n>>\nendobj\n", c->pages);
	mark(c, OBJ_CATALOG);
	outf(c, "%d 0 obj\n<<\n/Type /Catalog\n/Pages %d 0 R\n/Lang (%s)\n>>\n"
	    "endobj\n", OBJ_CATALOG, OBJ_PAGES, info->lang);
	gmtime_r(&t, &tm);
	mark(c, OBJ_INFO);
	outf(c, "%d 0 obj\n<<\n/Producer (leafpress)\n/Title ", OBJ_INFO);
	text_string(c, info->title);
	out(c, "\n/Author ", 8);
	text_string(c, info->author);
	outf(c, "\n/CreationDate (D:%04d%02d%02d%02d%02d%02dZ)\n>>\nendobj\n",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	    tm.tm_min, tm.tm_sec);
}

/* The cross-reference table and the trailer. */
static void
write_xref(struct pdfcat *c)
{
	uint64_t at = c->at;
	size_t i;

	outf(c, "xref\n0 %zu\n0000000000 65535 f\r\n", c->nobj);
	for (i = 1; i < c->nobj; i++)
		outf(c, "%010llu 00000 n\r\n", (unsigned long long)c->off[i]);
	outf(c, "trailer\n<<\n/Size %zu\n/Root %d 0 R\n/Info %d 0 R\n>>\n"
	    "startxref\n%llu\n%%%%EOF\n", c->nobj, OBJ_CATALOG, OBJ_INFO,
	    (unsigned long long)at);
}

int
pdfcat_close(struct pdfcat *c, const struct pdfcat_info *info,
    struct diag *d)
{
	char *dir;
	int rc;

	write_head(c, info);
	write_xref(c);
	rc = c->failed || fflush(c->f) != 0 || fsync(fileno(c->f)) != 0 ||
	    fclose(c->f) != 0 ? -1 : 0;
	c->f = NULL;
	if (rc == 0 && rename(c->tmp, c->path) == 0) {
		dir = path_dir(c->path);
		rc = dir_sync(dir);
		free(dir);
	} else
		rc = -1;
	if (rc == -1)
		diag_msg(d, DIAG_ERROR, c->path, 0, 0, "cannot write: %s",
		    strerror(errno));
	pdfcat_abort(c);
	return rc;
}

void
pdfcat_abort(struct pdfcat *c)
{
	if (c->f != NULL)
		fclose(c->f);
	if (c->tmp != NULL)
		unlink(c->tmp);
	free(c->tmp);
	free(c->path);
	free(c->off);
	free(c->kids);
	free(c->img);
	memset(c, 0, sizeof(*c));
}
