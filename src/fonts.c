/*
 * Font metrics read straight from a TrueType file: the table directory,
 * head, hhea, maxp, hmtx, OS/2, name and cmap.  Nothing else is parsed;
 * the PDF library embeds the file itself.
 *
 * Limits against hostile input.  The whole file is in memory and every
 * offset is checked against the length of the table it lies in (and
 * every table against the length of the file) before a byte is read:
 *
 *	FILEIO_MAX	largest font file read (64 MiB, fileio.h)
 *	FONT_MAXTABLES	entries in the table directory (256)
 *	FONT_MAXCMAPS	encoding records in the cmap table (256)
 *	FONT_MAXNAME	length of a PostScript name (63, as in PostScript)
 *
 * Filling the BMP table costs at most one store per code point however
 * the segments or groups overlap, and a format 12 lookup is a binary
 * search over groups checked at load to be sorted and disjoint.
 *
 * Beware: libharu 2.3.0's UTF-8 encoder draws and measures every code
 * point above U+FFFF as U+0020.  Here such a code point gets its own
 * glyph from cmap format 12 (or glyph 0), as a font would have it, so
 * the caller must keep it away from libharu or measure it as a space.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bigendian.h"
#include "diag.h"
#include "fileio.h"
#include "fonts.h"
#include "utf8.h"
#include "xalloc.h"

#define FONT_MAXTABLES	256
#define FONT_MAXCMAPS	256
#define FONT_MAXNAME	63

#define TAG(a, b, c, d)	((uint32_t)(a) << 24 | (uint32_t)(b) << 16 | \
			 (uint32_t)(c) << 8 | (uint32_t)(d))

/* A table found in the directory, already checked to lie in the file. */
struct table {
	const unsigned char	*p;	/* NULL when absent */
	size_t			 len;
};

/* The tables font_load reads. */
struct tables {
	struct table	head, hhea, maxp, hmtx, cmap, os2, name, glyf, loca;
};

static int16_t
gets16(const unsigned char *p)
{
	uint16_t v = get16(p);

	return v < 0x8000 ? (int16_t)v : (int16_t)(v - 0x10000L);
}

/* Report one error against path, formatted, and return -1. */
static int
fail(struct diag *d, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
fail(struct diag *d, const char *path, const char *fmt, ...)
{
	char	 buf[256];
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	diag_msg(d, DIAG_ERROR, path, 0, 0, "%s", buf);
	return -1;
}

/* The whole file, through fileio's one reader, in our own words. */
static int
read_file(struct font *f, const char *path, struct diag *d)
{
	struct diag quiet = { NULL, 0, 0 };
	char *buf;

	if (file_read(path, &buf, &f->len, &quiet) == -1)
		return errno == 0 ? fail(d, path, "font file too large (more "
		    "than %lu bytes)", (unsigned long)FILEIO_MAX) :
		    fail(d, path, "cannot read font: %s", strerror(errno));
	f->data = (unsigned char *)buf;
	return 0;
}

/* Print a table tag for a message, with anything unprintable as '?'. */
static void
tagstr(const unsigned char *p, char out[5])
{
	int	 i;

	for (i = 0; i < 4; i++)
		out[i] = p[i] >= 0x20 && p[i] < 0x7F ? (char)p[i] : '?';
	out[4] = '\0';
}

/* Where a table the metrics need is kept; NULL for the others. */
static struct table *
table_slot(struct tables *t, uint32_t tag)
{
	switch (tag) {
	case TAG('h', 'e', 'a', 'd'):
		return &t->head;
	case TAG('h', 'h', 'e', 'a'):
		return &t->hhea;
	case TAG('m', 'a', 'x', 'p'):
		return &t->maxp;
	case TAG('h', 'm', 't', 'x'):
		return &t->hmtx;
	case TAG('c', 'm', 'a', 'p'):
		return &t->cmap;
	case TAG('O', 'S', '/', '2'):
		return &t->os2;
	case TAG('n', 'a', 'm', 'e'):
		return &t->name;
	case TAG('g', 'l', 'y', 'f'):
		return &t->glyf;
	case TAG('l', 'o', 'c', 'a'):
		return &t->loca;
	default:
		return NULL;
	}
}

/* The tables every face must have. */
static int
need_tables(const struct font *f, const struct tables *t, struct diag *d)
{
	if (t->glyf.p == NULL || t->loca.p == NULL)
		return fail(d, f->path, "not a TrueType font "
		    "(no glyf or loca table)");
	if (t->head.p == NULL)
		return fail(d, f->path, "corrupt font: no head table");
	if (t->hhea.p == NULL)
		return fail(d, f->path, "corrupt font: no hhea table");
	if (t->maxp.p == NULL)
		return fail(d, f->path, "corrupt font: no maxp table");
	if (t->hmtx.p == NULL)
		return fail(d, f->path, "corrupt font: no hmtx table");
	if (t->cmap.p == NULL)
		return fail(d, f->path, "corrupt font: no cmap table");
	return 0;
}

static int
parse_dir(const struct font *f, struct tables *t, struct diag *d)
{
	const unsigned char	*rec;
	struct table		*dst;
	uint32_t		 magic, tag, off, len;
	unsigned		 i, n;
	char			 name[5];

	memset(t, 0, sizeof(*t));
	if (f->len < 12)
		return fail(d, f->path, "not a TrueType font (file too short)");
	magic = get32(f->data);
	if (magic == TAG('O', 'T', 'T', 'O'))
		return fail(d, f->path, "not a TrueType font "
		    "(CFF outlines are not supported)");
	if (magic == TAG('t', 't', 'c', 'f'))
		return fail(d, f->path, "not a TrueType font "
		    "(font collections are not supported)");
	if (magic != 0x00010000 && magic != TAG('t', 'r', 'u', 'e'))
		return fail(d, f->path, "not a TrueType font");

	n = get16(f->data + 4);
	if (n == 0 || n > FONT_MAXTABLES)
		return fail(d, f->path, "corrupt font: %u tables "
		    "(at most %d allowed)", n, FONT_MAXTABLES);
	if (f->len - 12 < (size_t)n * 16)
		return fail(d, f->path, "corrupt font: table directory "
		    "is truncated");

	for (i = 0; i < n; i++) {
		rec = f->data + 12 + (size_t)i * 16;
		tag = get32(rec);
		off = get32(rec + 8);
		len = get32(rec + 12);
		if (off > f->len || len > f->len - off) {
			tagstr(rec, name);
			return fail(d, f->path, "corrupt font: table '%s' "
			    "lies outside the file", name);
		}
		if ((dst = table_slot(t, tag)) == NULL)
			continue;
		if (dst->p == NULL) {
			dst->p = f->data + off;
			dst->len = len;
		}
	}

	return need_tables(f, t, d);
}

/*
 * An advance width in font units as the PDF carries it, in 1/1000 em.
 * libharu 2.3.0 writes the /W array of the CIDFontType2 it makes for a
 * UTF-8 TrueType font from HPDF_TTFontDef_GetGidWidth, and measures
 * text (HPDF_Font_GetUnicodeWidth, HPDF_Page_TextWidth) with
 * HPDF_TTFontDef_GetCharWidth; both take the advanceWidth from hmtx
 * (glyphs past numberOfHMetrics repeating the last one) and compute
 * advanceWidth * 1000 / unitsPerEm in unsigned integer arithmetic, so
 * the quotient is truncated, never rounded, then narrowed to 16 bits.
 * /DW is the same figure for glyph 0.  We match that; only widths over
 * 32.767 em, which libharu would wrap to nonsense, are clamped instead.
 */
static uint16_t
em1000(unsigned aw, unsigned upem)
{
	unsigned long	 w;

	w = (unsigned long)aw * 1000 / upem;
	return w > 32767 ? 32767 : (uint16_t)w;
}

static int
parse_metrics(struct font *f, const struct tables *t, struct diag *d)
{
	const unsigned char	*p;
	unsigned		 nhm, g;
	int			 asc, desc;

	if (t->head.len < 54)
		return fail(d, f->path, "corrupt font: head table too short");
	f->upem = get16(t->head.p + 18);
	if (f->upem < 16 || f->upem > 16384)
		return fail(d, f->path, "corrupt font: unitsPerEm %u "
		    "out of range", f->upem);

	if (t->maxp.len < 6)
		return fail(d, f->path, "corrupt font: maxp table too short");
	f->nglyphs = get16(t->maxp.p + 4);
	if (f->nglyphs == 0)
		return fail(d, f->path, "corrupt font: no glyphs");

	if (t->hhea.len < 36)
		return fail(d, f->path, "corrupt font: hhea table too short");
	asc = gets16(t->hhea.p + 4);
	desc = gets16(t->hhea.p + 6);
	nhm = get16(t->hhea.p + 34);
	if (nhm == 0)
		return fail(d, f->path, "corrupt font: "
		    "numberOfHMetrics is 0");
	if (nhm > f->nglyphs)
		nhm = f->nglyphs;
	if (t->hmtx.len / 4 < nhm)
		return fail(d, f->path, "corrupt font: hmtx table too short");

	f->advance = xreallocarray(NULL, f->nglyphs, sizeof(*f->advance));
	for (g = 0, p = t->hmtx.p; g < nhm; g++, p += 4)
		f->advance[g] = em1000(get16(p), f->upem);
	for (; g < f->nglyphs; g++)
		f->advance[g] = f->advance[nhm - 1];

	/* Some fonts leave hhea empty; the OS/2 typo metrics then serve. */
	if (asc == 0 && desc == 0 && t->os2.p != NULL && t->os2.len >= 72) {
		asc = gets16(t->os2.p + 68);
		desc = gets16(t->os2.p + 70);
	}
	f->ascent = (float)asc / (float)f->upem;
	f->descent = (float)-desc / (float)f->upem;

	return 0;
}

/*
 * Copy a PostScript name from platform 3 (UTF-16BE, wide) or platform 1
 * (Mac Roman) bytes, accepting printable ASCII only; NULL if it has
 * anything else or is empty or too long.
 */
static char *
ps_name(const unsigned char *p, size_t len, int wide)
{
	char		 buf[FONT_MAXNAME + 1];
	size_t		 i, n, step;
	unsigned	 c;

	step = wide ? 2 : 1;
	if (len == 0 || len % step != 0 || len / step > FONT_MAXNAME)
		return NULL;
	for (i = n = 0; i < len; i += step) {
		c = wide ? get16(p + i) : p[i];
		if (c < 0x21 || c > 0x7E)
			return NULL;
		buf[n++] = (char)c;
	}
	return xstrndup(buf, n);
}

/* The PostScript name (nameID 6), or NULL if there is none usable. */
static char *
parse_name(const struct table *t)
{
	const unsigned char	*rec;
	unsigned		 count, soff, i, plat, enc, lang, off, len;
	int			 rank, best = 0;
	char			*name = NULL, *s;

	if (t->p == NULL || t->len < 6)
		return NULL;
	count = get16(t->p + 2);
	soff = get16(t->p + 4);
	if ((t->len - 6) / 12 < count || soff > t->len)
		return NULL;
	for (i = 0; i < count; i++) {
		rec = t->p + 6 + (size_t)i * 12;
		if (get16(rec + 6) != 6)
			continue;
		plat = get16(rec);
		enc = get16(rec + 2);
		lang = get16(rec + 4);
		len = get16(rec + 8);
		off = get16(rec + 10);
		/* Best: Windows English, then any Windows, then Mac Roman. */
		if (plat == 3 && (enc == 0 || enc == 1 || enc == 10))
			rank = lang == 0x409 ? 3 : 2;
		else if (plat == 1 && enc == 0)
			rank = 1;
		else
			continue;
		if (rank <= best || off > t->len - soff ||
		    len > t->len - soff - off)
			continue;
		if ((s = ps_name(t->p + soff + off, len, plat == 3)) == NULL)
			continue;
		free(name);
		name = s;
		best = rank;
	}
	return name;
}

/*
 * Fill bmp from a format 4 subtable at p, with avail bytes up to the end
 * of the cmap table (the 16-bit length field overflows in big fonts, so
 * it is not trusted).  A code point belongs to the first segment whose
 * endCode is at or above it, as a lookup would find it; "lo" is the
 * lowest code point no earlier segment claimed, so no entry is written
 * twice however the segments lie.
 */
static int
fill_cmap4(struct font *f, const unsigned char *p, size_t avail)
{
	const unsigned char	*ends, *starts, *deltas, *ranges;
	size_t			 nseg, i, off;
	uint32_t		 lo, c, start, end, g;
	uint16_t		 delta, ro;

	if (avail < 16)
		return -1;
	nseg = get16(p + 6) / 2;
	if (nseg == 0 || (avail - 16) / 8 < nseg)
		return -1;
	ends = p + 14;
	starts = ends + 2 * nseg + 2;
	deltas = starts + 2 * nseg;
	ranges = deltas + 2 * nseg;

	for (i = 0, lo = 0; i < nseg && lo <= 0xFFFF; i++) {
		end = get16(ends + 2 * i);
		start = get16(starts + 2 * i);
		delta = get16(deltas + 2 * i);
		ro = get16(ranges + 2 * i);
		if (end < lo)
			continue;
		c = start > lo ? start : lo;
		lo = end + 1;
		if (ro == 0) {
			for (; c <= end; c++) {
				g = (c + delta) & 0xFFFF;
				f->bmp[c] = g < f->nglyphs ? (uint16_t)g : 0;
			}
			continue;
		}
		/* glyphIdArray entry: &idRangeOffset[i] + ro + 2 (c - start) */
		off = (size_t)(ranges - p) + 2 * i + ro;
		for (; c <= end; c++) {
			if (off + 2 * (c - start) > avail - 2)
				break;
			g = get16(p + off + 2 * (c - start));
			if (g != 0)
				g = (g + delta) & 0xFFFF;
			f->bmp[c] = g < f->nglyphs ? (uint16_t)g : 0;
		}
	}
	return 0;
}

/*
 * Check a format 12 subtable: its groups must fit in avail bytes and be
 * sorted, disjoint and within Unicode, so lookups may binary-search it.
 */
static int
check_cmap12(const unsigned char *p, size_t avail)
{
	const unsigned char	*grp;
	uint32_t		 n, i, start, end, prev = 0;

	if (avail < 16)
		return -1;
	n = get32(p + 12);
	if ((avail - 16) / 12 < n)
		return -1;
	for (i = 0, grp = p + 16; i < n; i++, grp += 12) {
		start = get32(grp);
		end = get32(grp + 4);
		if (start > end || end > 0x10FFFF || (i > 0 && start <= prev))
			return -1;
		prev = end;
	}
	return 0;
}

/* Fill bmp from a checked format 12 subtable, for fonts without format 4. */
static void
fill_cmap12(struct font *f, const unsigned char *p)
{
	const unsigned char	*grp;
	uint32_t		 n, i, c, start, end;
	uint64_t		 g;

	n = get32(p + 12);
	for (i = 0, grp = p + 16; i < n; i++, grp += 12) {
		start = get32(grp);
		end = get32(grp + 4);
		if (start > 0xFFFF)
			break;
		if (end > 0xFFFF)
			end = 0xFFFF;
		for (c = start; c <= end; c++) {
			g = (uint64_t)get32(grp + 8) + (c - start);
			f->bmp[c] = g < f->nglyphs ? (uint16_t)g : 0;
		}
	}
}

static int
parse_cmap(struct font *f, const struct table *t, struct diag *d)
{
	const unsigned char	*rec, *sub, *c4 = NULL, *c12 = NULL;
	size_t			 avail, avail4 = 0, avail12 = 0;
	unsigned		 n, i, plat, enc, fmt;
	int			 rank4 = 0, rank12 = 0;
	uint32_t		 off;

	if (t->len < 4)
		return fail(d, f->path, "corrupt font: cmap table too short");
	n = get16(t->p + 2);
	if (n > FONT_MAXCMAPS)
		return fail(d, f->path, "corrupt font: %u cmap subtables "
		    "(at most %d allowed)", n, FONT_MAXCMAPS);
	if ((t->len - 4) / 8 < n)
		return fail(d, f->path, "corrupt font: cmap table truncated");

	/* Format 4: (3,1) before (0,*).  Format 12: (3,10) before (0,*). */
	for (i = 0; i < n; i++) {
		rec = t->p + 4 + (size_t)i * 8;
		plat = get16(rec);
		enc = get16(rec + 2);
		off = get32(rec + 4);
		if (plat != 0 && plat != 3)
			continue;
		if (off > t->len || t->len - off < 2)
			return fail(d, f->path, "corrupt font: cmap "
			    "subtable outside the table");
		sub = t->p + off;
		avail = t->len - off;
		fmt = get16(sub);
		if (fmt == 4 && (plat == 0 || enc == 1) &&
		    rank4 < (plat == 3 ? 2 : 1)) {
			c4 = sub;
			avail4 = avail;
			rank4 = plat == 3 ? 2 : 1;
		} else if (fmt == 12 && (plat == 0 || enc == 10) &&
		    rank12 < (plat == 3 ? 2 : 1)) {
			c12 = sub;
			avail12 = avail;
			rank12 = plat == 3 ? 2 : 1;
		}
	}
	if (c4 == NULL && c12 == NULL)
		return fail(d, f->path, "font has no Unicode cmap "
		    "(format 4 or 12)");
	if (c12 != NULL && check_cmap12(c12, avail12) == -1)
		return fail(d, f->path, "corrupt font: bad cmap format 12 "
		    "subtable");

	f->bmp = xcalloc(0x10000, sizeof(*f->bmp));
	if (c4 != NULL) {
		if (fill_cmap4(f, c4, avail4) == -1)
			return fail(d, f->path, "corrupt font: bad cmap "
			    "format 4 subtable");
	} else
		fill_cmap12(f, c12);
	f->cmap4 = c4;
	f->cmap12 = c12;
	return 0;
}

int
font_load(struct font *f, const char *path, struct diag *d)
{
	struct tables	 t;

	memset(f, 0, sizeof(*f));
	f->path = xstrdup(path);
	if (read_file(f, path, d) == -1 ||
	    parse_dir(f, &t, d) == -1 ||
	    parse_metrics(f, &t, d) == -1 ||
	    parse_cmap(f, &t.cmap, d) == -1) {
		font_free(f);
		return -1;
	}
	if ((f->name = parse_name(&t.name)) == NULL)
		f->name = path_stem(path);
	return 0;
}

void
font_free(struct font *f)
{
	free(f->path);
	free(f->name);
	free(f->data);
	free(f->advance);
	free(f->bmp);
	memset(f, 0, sizeof(*f));
}

unsigned
font_glyph(const struct font *f, uint32_t cp)
{
	const unsigned char	*grp;
	uint32_t		 lo, hi, mid, g;

	if (f->bmp == NULL)
		return 0;
	if (cp <= 0xFFFF)
		return f->bmp[cp];
	if (f->cmap12 == NULL)
		return 0;
	lo = 0;
	hi = get32(f->cmap12 + 12);
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		grp = f->cmap12 + 16 + (size_t)mid * 12;
		if (cp < get32(grp))
			hi = mid;
		else if (cp > get32(grp + 4))
			lo = mid + 1;
		else {
			g = get32(grp + 8);
			if (g >= f->nglyphs || cp - get32(grp) >= f->nglyphs - g)
				return 0;
			return g + (cp - get32(grp));
		}
	}
	return 0;
}

unsigned
font_advance(const struct font *f, uint32_t cp)
{
	if (f->advance == NULL)
		return 0;
	return f->advance[font_glyph(f, cp)];
}

/*
 * Summed in integers, then scaled in float as HPDF_Page_TextWidth does
 * (width * font_size / 1000), so the two agree to the last bit.
 */
float
font_width(const struct font *f, const char *s, size_t n, float size)
{
	uint64_t	 sum = 0;
	size_t		 i = 0, k;
	uint32_t	 cp;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			cp = (unsigned char)s[i];
			k = 1;
		} else if ((k = utf8_decode(s + i, n - i, &cp)) == 0) {
			cp = 0xFFFD;
			k = 1;
		}
		sum += font_advance(f, cp);
		i += k;
	}
	return (float)sum * size / 1000;
}
