/*
 * Font metrics: the bundled Noto subsets, checked against what libharu
 * 2.3.0 reports (HPDF_Font_GetUnicodeWidth on the same files), and a
 * small TrueType font built here to pin down the arithmetic and to
 * break in every way a hostile file could.
 * Run from the repository root.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "fonts.h"
#include "t.h"

#define REGULAR	"fonts/NotoSans-Regular.ttf"
#define BOLD	"fonts/NotoSans-Bold.ttf"
#define MONO	"fonts/NotoSansMono-Regular.ttf"

/* The outcome of one font_load, with the diagnostics it printed. */
struct load {
	int	 rc;
	int	 nerr;
	char	 msg[512];
};

static void
load(struct font *f, const char *path, struct load *l)
{
	struct diag	 d;
	char		*buf = NULL;
	size_t		 len = 0;

	memset(&d, 0, sizeof(d));
	d.out = open_memstream(&buf, &len);
	l->rc = font_load(f, path, &d);
	l->nerr = d.nerr;
	if (d.out != NULL)
		fclose(d.out);
	snprintf(l->msg, sizeof(l->msg), "%s", buf != NULL ? buf : "");
	free(buf);
}

static int
write_file(const char *path, const void *p, size_t n)
{
	FILE	*fp;
	int	 rc;

	if ((fp = fopen(path, "wb")) == NULL)
		return -1;
	rc = fwrite(p, 1, n, fp) == n ? 0 : -1;
	if (fclose(fp) == EOF)
		rc = -1;
	return rc;
}

/* A struct font as font_free leaves it: all zero. */
static int
is_zero(const struct font *f)
{
	static const struct font zero;

	return f->path == zero.path && f->name == zero.name &&
	    f->data == zero.data && f->len == 0 && f->upem == 0 &&
	    f->nglyphs == 0 && f->advance == zero.advance &&
	    f->bmp == zero.bmp && f->cmap4 == zero.cmap4 &&
	    f->cmap12 == zero.cmap12;
}

/* Advance of glyph g, or -1 if the font has no such glyph. */
static long
gadv(const struct font *f, unsigned g)
{
	return f->advance != NULL && g < f->nglyphs ? f->advance[g] : -1;
}

/* Per mille, rounded, so float metrics compare as integers. */
static long
permille(float v)
{
	return (long)(v * 1000 + (v < 0 ? -0.5f : 0.5f));
}

/*
 * The built font.  Five glyphs, unitsPerEm 2048, three long metrics
 * (1229, 1435, 2047 font units: 600.1, 700.7 and 999.5 per mille, so
 * truncation and rounding differ for two of them), glyphs 3 and 4 past
 * numberOfHMetrics.  cmap format 4 (3,1): A B -> 1 2 by idDelta; U+03A9
 * -> 3 and U+4E00 U+4E01 -> 0 4 through glyphIdArray (idDelta 1, which
 * must not turn the 0 into glyph 1); U+FFFF.  Format 12 (3,10): A B,
 * U+03A9, U+1F600 U+1F601 -> 3 4, U+20000 -> 9 (no such glyph).
 * cmap is the last table, so nothing follows it in the file.
 */
enum { HEAD, HHEA, MAXP, HMTX, OS2, NAME, GLYF, LOCA, CMAP, NTAB };

#define NO_OS2		0x01
#define NO_NAME		0x02
#define NO_CMAP4	0x04

struct sfnt {
	unsigned char	 b[2048];
	size_t		 len;
	size_t		 off[NTAB];	/* where each table starts, or 0 */
	size_t		 dir[NTAB];	/* its directory record, or 0 */
	size_t		 c4, c12;	/* cmap subtables, or 0 */
};

static void
p16(unsigned char *p, unsigned v)
{
	p[0] = (unsigned char)(v >> 8);
	p[1] = (unsigned char)v;
}

static void
p32(unsigned char *p, uint32_t v)
{
	p16(p, v >> 16);
	p16(p + 2, v & 0xFFFF);
}

static void
add16(struct sfnt *s, unsigned v)
{
	p16(s->b + s->len, v);
	s->len += 2;
}

static void
add32(struct sfnt *s, uint32_t v)
{
	p32(s->b + s->len, v);
	s->len += 4;
}

static void
addzero(struct sfnt *s, size_t n)
{
	memset(s->b + s->len, 0, n);
	s->len += n;
}

static void
table_body(struct sfnt *s, int t, int opts)
{
	static const char	 psname[] = "Synth-Test";
	size_t			 i, sub;

	switch (t) {
	case HEAD:
		add32(s, 0x00010000);
		addzero(s, 8);
		add32(s, 0x5F0F3CF5);
		add16(s, 0);
		add16(s, 2048);			/* unitsPerEm */
		addzero(s, 34);
		break;
	case HHEA:
		add32(s, 0x00010000);
		add16(s, 1843);			/* ascender */
		add16(s, 0x10000 - 461);	/* descender */
		addzero(s, 26);
		add16(s, 3);			/* numberOfHMetrics */
		break;
	case MAXP:
		add32(s, 0x00005000);
		add16(s, 5);			/* numGlyphs */
		break;
	case HMTX:
		add16(s, 1229), add16(s, 0);
		add16(s, 1435), add16(s, 0);
		add16(s, 2047), add16(s, 0);
		add16(s, 0), add16(s, 0);	/* lsb of glyphs 3, 4 */
		break;
	case OS2:
		add16(s, 2);			/* version */
		addzero(s, 86);
		add16(s, 1434);			/* sCapHeight */
		addzero(s, 6);
		break;
	case NAME:
		add16(s, 0);
		add16(s, 1);
		add16(s, 18);
		add16(s, 3), add16(s, 1), add16(s, 0x409), add16(s, 6);
		add16(s, 2 * (sizeof(psname) - 1)), add16(s, 0);
		for (i = 0; i < sizeof(psname) - 1; i++)
			add16(s, (unsigned char)psname[i]);
		break;
	case GLYF:
		addzero(s, 4);
		break;
	case LOCA:
		addzero(s, 12);
		break;
	case CMAP:
		sub = s->len;
		add16(s, 0);
		add16(s, opts & NO_CMAP4 ? 1 : 2);
		if (!(opts & NO_CMAP4))
			add16(s, 3), add16(s, 1), add32(s, 0);
		add16(s, 3), add16(s, 10), add32(s, 0);
		if (!(opts & NO_CMAP4)) {
			s->c4 = s->len;
			p32(s->b + sub + 8, (uint32_t)(s->len - sub));
			add16(s, 4), add16(s, 54), add16(s, 0);
			add16(s, 8), add16(s, 8), add16(s, 2), add16(s, 0);
			/* endCode, pad, startCode, idDelta, idRangeOffset */
			add16(s, 0x42), add16(s, 0x3A9);
			add16(s, 0x4E01), add16(s, 0xFFFF);
			add16(s, 0);
			add16(s, 0x41), add16(s, 0x3A9);
			add16(s, 0x4E00), add16(s, 0xFFFF);
			add16(s, 0x10000 - 0x40), add16(s, 0);
			add16(s, 1), add16(s, 1);
			add16(s, 0), add16(s, 6), add16(s, 6), add16(s, 0);
			/* glyphIdArray */
			add16(s, 3), add16(s, 0), add16(s, 3);
		}
		s->c12 = s->len;
		p32(s->b + sub + (opts & NO_CMAP4 ? 8 : 16),
		    (uint32_t)(s->len - sub));
		add16(s, 12), add16(s, 0), add32(s, 64), add32(s, 0);
		add32(s, 4);
		add32(s, 0x41), add32(s, 0x42), add32(s, 1);
		add32(s, 0x3A9), add32(s, 0x3A9), add32(s, 3);
		add32(s, 0x1F600), add32(s, 0x1F601), add32(s, 3);
		add32(s, 0x20000), add32(s, 0x20000), add32(s, 9);
		break;
	}
}

static void
build(struct sfnt *s, int opts)
{
	static const char *const tags[NTAB] = {
		"head", "hhea", "maxp", "hmtx", "OS/2", "name", "glyf",
		"loca", "cmap"
	};
	size_t	 rec;
	int	 t, n;

	memset(s, 0, sizeof(*s));
	for (n = t = 0; t < NTAB; t++)
		if (!(t == OS2 && (opts & NO_OS2)) &&
		    !(t == NAME && (opts & NO_NAME)))
			n++;
	add32(s, 0x00010000);
	add16(s, (unsigned)n);
	addzero(s, 6);
	rec = s->len;
	addzero(s, (size_t)n * 16);
	for (t = 0; t < NTAB; t++) {
		if ((t == OS2 && (opts & NO_OS2)) ||
		    (t == NAME && (opts & NO_NAME)))
			continue;
		while (s->len % 4)
			s->b[s->len++] = 0;
		s->off[t] = s->len;
		s->dir[t] = rec;
		table_body(s, t, opts);
		memcpy(s->b + rec, tags[t], 4);
		p32(s->b + rec + 8, (uint32_t)s->off[t]);
		p32(s->b + rec + 12, (uint32_t)(s->len - s->off[t]));
		rec += 16;
	}
}

static void
test_real(void)
{
	struct font	 f, b, m;
	struct load	 l;
	const char	*hello = "Hello";
	unsigned	 sum;
	size_t		 i;

	/* Advances as libharu 2.3.0 reports them for these files. */
	load(&f, REGULAR, &l);
	T_EQ_INT(l.rc, 0, "regular: loads");
	T_EQ_INT(l.nerr, 0, "regular: no diagnostics");
	T_EQ_INT(f.upem, 1000, "regular: unitsPerEm 1000");
	T_EQ_STR(f.name, "NotoSans-Regular", "regular: PostScript name");
	T_EQ_INT(permille(f.ascent), 1069, "regular: ascent");
	T_EQ_INT(permille(f.descent), 293, "regular: descent");
	T_OK(font_glyph(&f, 'A') != 0, "regular: has A");
	T_EQ_INT(font_advance(&f, 'A'), 639, "regular: advance A");
	T_EQ_INT(font_advance(&f, ' '), 260, "regular: advance space");
	T_EQ_INT(font_advance(&f, 0xE9), 564, "regular: advance e-acute");
	T_EQ_INT(font_advance(&f, 0x3A9), 782, "regular: advance Omega");
	T_EQ_INT(font_advance(&f, 0x416), 854, "regular: advance Zhe");
	T_EQ_INT(font_glyph(&f, 0x4E00), 0, "regular: U+4E00 is missing");
	T_EQ_INT(font_advance(&f, 0x4E00), 600,
	    "regular: missing code point has the .notdef advance");
	T_EQ_INT(font_glyph(&f, 0x1F600), 0, "regular: U+1F600 is missing");
	T_EQ_INT(font_glyph(&f, 0x110000), 0, "regular: beyond Unicode");

	for (sum = 0, i = 0; i < strlen(hello); i++)
		sum += font_advance(&f, (unsigned char)hello[i]);
	T_OK(sum > 0, "regular: Hello has width");
	T_OK(font_width(&f, hello, strlen(hello), 10) ==
	    (float)sum * 10 / 1000, "regular: width of Hello at 10pt");
	T_OK(font_width(&f, "\xc3\xa9\xce\xa9", 4, 1000) ==
	    (float)(564 + 782), "regular: width of UTF-8 text");
	T_OK(font_width(&f, "A\xff" "A", 3, 1000) ==
	    (float)(2 * 639 + font_advance(&f, 0xFFFD)),
	    "regular: an invalid byte counts as U+FFFD");
	T_OK(font_width(&f, "A\xe2\x82", 3, 1000) ==
	    (float)(639 + 2 * font_advance(&f, 0xFFFD)),
	    "regular: a truncated sequence counts byte by byte");
	T_OK(font_width(&f, "", 0, 10) == 0, "regular: empty text");

	load(&b, BOLD, &l);
	T_EQ_INT(l.rc, 0, "bold: loads");
	T_EQ_INT(b.upem, 1000, "bold: unitsPerEm 1000");
	T_EQ_INT(font_advance(&b, 'A'), 690, "bold: advance A");
	T_EQ_INT(font_advance(&b, ' '), 260, "bold: advance space");
	T_EQ_INT(font_advance(&b, 0xE9), 591, "bold: advance e-acute");
	T_EQ_INT(font_advance(&b, 0x3A9), 786, "bold: advance Omega");
	T_EQ_INT(font_advance(&b, 0x416), 943, "bold: advance Zhe");
	T_OK(font_width(&b, hello, 5, 10) > font_width(&f, hello, 5, 10),
	    "bold: Hello is wider than regular");

	load(&m, MONO, &l);
	T_EQ_INT(l.rc, 0, "mono: loads");
	T_OK(font_advance(&m, 'i') != 0, "mono: advance i");
	T_EQ_INT(font_advance(&m, 'i'), font_advance(&m, 'W'),
	    "mono: i and W are equally wide");
	T_EQ_INT(font_advance(&m, 'W'), 600, "mono: advance W");

	font_free(&f);
	T_OK(is_zero(&f), "font_free zeroes the struct");
	font_free(&f);
	T_OK(is_zero(&f), "font_free twice is safe");
	font_free(&b);
	font_free(&m);
}

static void
test_built(const char *tmp)
{
	struct sfnt	 s;
	struct font	 f;
	struct load	 l;
	char		 stem[64];
	const char	*base;

	build(&s, 0);
	T_OK(write_file(tmp, s.b, s.len) == 0, "built: write");
	load(&f, tmp, &l);
	T_EQ_INT(l.rc, 0, "built: loads");
	T_EQ_STR(l.msg, "", "built: no diagnostics");
	if (l.rc != 0)
		printf("# %s", l.msg);
	T_EQ_INT(f.upem, 2048, "built: unitsPerEm");
	T_EQ_INT(f.nglyphs, 5, "built: numGlyphs");
	T_EQ_STR(f.name, "Synth-Test", "built: name from UTF-16BE");
	T_EQ_INT(gadv(&f, 0), 600, "built: 1229/2048 em is 600");
	T_EQ_INT(gadv(&f, 1), 700, "built: 1435/2048 em truncates to 700");
	T_EQ_INT(gadv(&f, 2), 999, "built: 2047/2048 em truncates to 999");
	T_EQ_INT(gadv(&f, 3), 999, "built: glyph 3 repeats the last metric");
	T_EQ_INT(gadv(&f, 4), 999, "built: glyph 4 repeats the last metric");
	T_EQ_INT(font_glyph(&f, 'A'), 1, "built: format 4 delta, A");
	T_EQ_INT(font_glyph(&f, 'B'), 2, "built: format 4 delta, B");
	T_EQ_INT(font_glyph(&f, '@'), 0, "built: before a segment");
	T_EQ_INT(font_glyph(&f, 'C'), 0, "built: after a segment");
	T_EQ_INT(font_glyph(&f, 0x3A9), 3, "built: format 4 glyphIdArray");
	T_EQ_INT(font_glyph(&f, 0x4E00), 0,
	    "built: glyphIdArray 0 stays 0 despite idDelta");
	T_EQ_INT(font_glyph(&f, 0x4E01), 4, "built: glyphIdArray + idDelta");
	T_EQ_INT(font_glyph(&f, 0xFFFF), 0, "built: U+FFFF");
	T_EQ_INT(font_glyph(&f, 0x1F600), 3, "built: format 12, U+1F600");
	T_EQ_INT(font_glyph(&f, 0x1F601), 4, "built: format 12, U+1F601");
	T_EQ_INT(font_glyph(&f, 0x1F602), 0, "built: format 12 gap");
	T_EQ_INT(font_glyph(&f, 0x20000), 0,
	    "built: format 12 glyph past numGlyphs");
	T_EQ_INT(font_glyph(&f, 0x10FFFF), 0, "built: U+10FFFF");
	T_EQ_INT(font_advance(&f, 'A'), 700, "built: advance A");
	T_EQ_INT(font_advance(&f, 0x4E00), 600, "built: advance missing");
	T_EQ_INT(font_advance(&f, 0x1F601), 999, "built: advance U+1F601");
	T_OK(font_width(&f, "AB\xf0\x9f\x98\x80", 6, 10) ==
	    (float)(700 + 999 + 999) * 10 / 1000, "built: width");
	T_EQ_INT(permille(f.ascent), 900, "built: ascent");
	T_EQ_INT(permille(f.descent), 225, "built: descent");
	font_free(&f);

	build(&s, NO_OS2 | NO_NAME);
	T_OK(write_file(tmp, s.b, s.len) == 0, "built, bare: write");
	load(&f, tmp, &l);
	T_EQ_INT(l.rc, 0, "built, bare: loads without OS/2 and name");
	base = strrchr(tmp, '/') != NULL ? strrchr(tmp, '/') + 1 : tmp;
	snprintf(stem, sizeof(stem), "%s", base);
	T_EQ_STR(f.name, stem, "built, bare: name is the file stem");
	font_free(&f);

	build(&s, NO_CMAP4);
	T_OK(write_file(tmp, s.b, s.len) == 0, "built, format 12 only: write");
	load(&f, tmp, &l);
	T_EQ_INT(l.rc, 0, "built, format 12 only: loads");
	T_EQ_INT(font_glyph(&f, 'B'), 2, "built, format 12 only: B");
	T_EQ_INT(font_glyph(&f, 0x3A9), 3, "built, format 12 only: Omega");
	T_EQ_INT(font_glyph(&f, 0x4E01), 0, "built, format 12 only: U+4E01");
	T_EQ_INT(font_glyph(&f, 0x1F601), 4,
	    "built, format 12 only: U+1F601");
	font_free(&f);
}

/* Build, apply one corruption, load; expect failure and a message. */
static void
expect_fail(const char *tmp, const struct sfnt *s, const char *want,
    const char *what)
{
	struct font	 f;
	struct load	 l;
	char		 buf[256];

	if (write_file(tmp, s->b, s->len) == -1) {
		T_OK(0, what);
		return;
	}
	load(&f, tmp, &l);
	snprintf(buf, sizeof(buf), "%s: fails", what);
	T_EQ_INT(l.rc, -1, buf);
	snprintf(buf, sizeof(buf), "%s: one error", what);
	T_EQ_INT(l.nerr, 1, buf);
	snprintf(buf, sizeof(buf), "%s: says \"%s\"", what, want);
	T_OK(strstr(l.msg, want) != NULL && strncmp(l.msg, tmp,
	    strlen(tmp)) == 0, buf);
	if (strstr(l.msg, want) == NULL)
		printf("# got: %s", l.msg);
	snprintf(buf, sizeof(buf), "%s: struct left zeroed", what);
	T_OK(is_zero(&f), buf);
	font_free(&f);
}

static void
test_corrupt(const char *tmp)
{
	struct sfnt	 s;
	struct font	 f;
	struct load	 l;
	unsigned char	*real;
	size_t		 n;
	FILE		*fp;
	uint32_t	 cp;
	int		 bad;

	memset(&f, 0xA5, sizeof(f));	/* font_load needs no clean struct */
	load(&f, "fonts/no-such-font.ttf", &l);
	T_EQ_INT(l.rc, -1, "missing file fails");
	T_OK(strstr(l.msg, "cannot read font: No such file") != NULL,
	    "missing file: message");
	T_OK(is_zero(&f), "missing file: struct zeroed");

	load(&f, "fonts", &l);
	T_EQ_INT(l.rc, -1, "a directory fails");

	real = malloc(100);
	n = 0;
	if (real != NULL && (fp = fopen(REGULAR, "rb")) != NULL) {
		n = fread(real, 1, 100, fp);
		fclose(fp);
	}
	T_EQ_INT(n, 100, "first 100 bytes of a real font");
	T_OK(n == 100 && write_file(tmp, real, n) == 0, "truncated: write");
	free(real);
	load(&f, tmp, &l);
	T_EQ_INT(l.rc, -1, "truncated real font fails");
	T_EQ_INT(l.nerr, 1, "truncated real font: one error");
	T_OK(strstr(l.msg, "corrupt font") != NULL,
	    "truncated real font: says corrupt");

	T_OK(write_file(tmp, "This is a leaflet, not a font.\n", 31) == 0,
	    "text file: write");
	load(&f, tmp, &l);
	T_EQ_INT(l.rc, -1, "text file fails");
	T_OK(strstr(l.msg, "not a TrueType font") != NULL,
	    "text file: says not a TrueType font");
	T_OK(write_file(tmp, "", 0) == 0, "empty file: write");
	load(&f, tmp, &l);
	T_EQ_INT(l.rc, -1, "empty file fails");

	build(&s, 0);
	memcpy(s.b, "OTTO", 4);
	expect_fail(tmp, &s, "not a TrueType font (CFF outlines are not "
	    "supported)", "OTTO");
	build(&s, 0);
	memcpy(s.b, "ttcf", 4);
	expect_fail(tmp, &s, "collections", "ttcf");
	build(&s, 0);
	p16(s.b + 4, 0x1000);
	expect_fail(tmp, &s, "4096 tables", "too many tables");
	build(&s, 0);
	p16(s.b + 4, 0xFF);
	expect_fail(tmp, &s, "directory is truncated", "directory too long");
	build(&s, 0);
	p32(s.b + s.dir[HEAD] + 8, 0xFFFFFFF0);
	expect_fail(tmp, &s, "'head' lies outside", "head offset");
	build(&s, 0);
	p32(s.b + s.dir[CMAP] + 12, 0xFFFFFFFF);
	expect_fail(tmp, &s, "'cmap' lies outside", "cmap length");
	build(&s, 0);
	memcpy(s.b + s.dir[GLYF], "glyx", 4);
	expect_fail(tmp, &s, "no glyf", "no glyf");
	build(&s, 0);
	memcpy(s.b + s.dir[HMTX], "hmtq", 4);
	expect_fail(tmp, &s, "no hmtx table", "no hmtx");
	build(&s, 0);
	p16(s.b + s.off[HEAD] + 18, 0);
	expect_fail(tmp, &s, "unitsPerEm 0", "unitsPerEm 0");
	build(&s, 0);
	p16(s.b + s.off[MAXP] + 4, 0);
	expect_fail(tmp, &s, "no glyphs", "numGlyphs 0");
	build(&s, 0);
	p16(s.b + s.off[HHEA] + 34, 0);
	expect_fail(tmp, &s, "numberOfHMetrics", "numberOfHMetrics 0");
	build(&s, 0);
	p32(s.b + s.dir[HMTX] + 12, 8);
	expect_fail(tmp, &s, "hmtx table too short", "hmtx short");
	build(&s, 0);
	p32(s.b + s.dir[HEAD] + 12, 53);
	expect_fail(tmp, &s, "head table too short", "head short");
	build(&s, 0);
	p16(s.b + s.off[CMAP] + 2, 300);
	expect_fail(tmp, &s, "300 cmap subtables", "too many cmaps");
	build(&s, 0);
	p16(s.b + s.off[CMAP] + 2, 30);
	expect_fail(tmp, &s, "cmap table truncated", "cmap records");
	build(&s, 0);
	p32(s.b + s.off[CMAP] + 8, 0xFFFFFF00);
	expect_fail(tmp, &s, "subtable outside", "cmap subtable offset");
	build(&s, 0);
	p16(s.b + s.c4 + 6, 0xFFFE);
	expect_fail(tmp, &s, "bad cmap format 4", "segCountX2 huge");
	build(&s, 0);
	p32(s.b + s.c12 + 12, 0x10000000);
	expect_fail(tmp, &s, "bad cmap format 12", "nGroups huge");
	build(&s, 0);
	p32(s.b + s.c12 + 16 + 12, 0x40);
	expect_fail(tmp, &s, "bad cmap format 12", "groups out of order");
	build(&s, 0);
	p32(s.b + s.c12 + 16 + 36 + 4, 0x110000);
	expect_fail(tmp, &s, "bad cmap format 12", "group past U+10FFFF");
	build(&s, 0);
	p16(s.b + s.off[CMAP] + 6, 0), p16(s.b + s.off[CMAP] + 14, 0);
	expect_fail(tmp, &s, "no Unicode cmap", "no Unicode cmap");

	/* An idRangeOffset pointing past the table maps nothing. */
	build(&s, 0);
	p16(s.b + s.c4 + 16 + 3 * 8 + 4, 0xFFF0);
	T_OK(write_file(tmp, s.b, s.len) == 0, "idRangeOffset: write");
	load(&f, tmp, &l);
	T_EQ_INT(l.rc, 0, "idRangeOffset past the table: loads");
	T_EQ_INT(font_glyph(&f, 0x4E01), 0,
	    "idRangeOffset past the table: no glyph");
	T_EQ_INT(font_glyph(&f, 0x3A9), 3,
	    "idRangeOffset past the table: others intact");
	font_free(&f);

	/* More long metrics than glyphs: the surplus is ignored. */
	build(&s, 0);
	p16(s.b + s.off[MAXP] + 4, 2);
	T_OK(write_file(tmp, s.b, s.len) == 0, "numGlyphs 2: write");
	load(&f, tmp, &l);
	T_EQ_INT(l.rc, 0, "numGlyphs below numberOfHMetrics: loads");
	T_EQ_INT(f.nglyphs, 2, "numGlyphs below numberOfHMetrics: 2 glyphs");
	T_EQ_INT(gadv(&f, 1), 700, "numGlyphs below numberOfHMetrics: A");
	T_EQ_INT(font_glyph(&f, 'B'), 0,
	    "numGlyphs below numberOfHMetrics: glyph 2 is gone");
	T_EQ_INT(font_glyph(&f, 0x1F600), 0,
	    "numGlyphs below numberOfHMetrics: format 12 glyph 3 is gone");
	font_free(&f);

	/* Every truncation of the built font is an error. */
	build(&s, 0);
	for (bad = 0, n = 0; n < s.len; n++) {
		if (write_file(tmp, s.b, n) == -1) {
			bad++;
			continue;
		}
		load(&f, tmp, &l);
		if (l.rc != -1 || l.nerr != 1 || !is_zero(&f)) {
			printf("# truncated to %zu: rc %d\n", n, l.rc);
			bad++;
		}
		font_free(&f);
	}
	T_EQ_INT(bad, 0, "every truncation of the built font fails");

	/*
	 * Every byte set to 0x00, 0xFF and flipped: either an error and a
	 * zeroed struct, or a font whose every glyph id is in range.
	 */
	for (bad = 0, n = 0; n < s.len * 3; n++) {
		struct sfnt	 m;

		m = s;
		m.b[n / 3] = n % 3 == 0 ? 0x00 : n % 3 == 1 ? 0xFF :
		    (unsigned char)(s.b[n / 3] ^ 0x80);
		if (write_file(tmp, m.b, m.len) == -1) {
			bad++;
			continue;
		}
		load(&f, tmp, &l);
		if (l.rc == -1) {
			if (l.nerr != 1 || !is_zero(&f))
				bad++;
			continue;
		}
		if (l.nerr != 0 || f.name == NULL || f.upem == 0 ||
		    f.advance == NULL)
			bad++;
		for (cp = 0; cp <= 0x10FFFF; cp += cp < 0x10000 ? 1 : 0x101)
			if (font_glyph(&f, cp) >= f.nglyphs)
				bad++;
		font_free(&f);
	}
	T_EQ_INT(bad, 0, "mutated fonts load sanely or fail cleanly");
}

int
main(void)
{
	char	 tmp[] = "/tmp/lpfont-XXXXXX";
	int	 fd;

	T_PLAN(185);
	test_real();
	if ((fd = mkstemp(tmp)) == -1) {
		T_OK(0, "mkstemp");
		T_DONE();
	}
	close(fd);
	test_built(tmp);
	test_corrupt(tmp);
	unlink(tmp);
	T_DONE();
}
