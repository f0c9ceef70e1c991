/*
 * pdffont_subset: the font programs HarfBuzz makes from the bundled
 * faces are TrueType fonts in their own right, for any set of glyphs:
 * each code point asked for maps (through the program's own cmap) to
 * the new glyph id pdffont_subset says, with its advance and outline
 * header unchanged, and loca and glyf are sound.  Seeded random subsets
 * of every character a face covers, the glyph set on which libharu's
 * subsetter failed, and a composite of a composite (composite.ttf, made
 * by composite.py: the bundled faces have no composites left).
 *
 * With arguments, the font programs tests/pdf/glyphsets.sh extracts
 * from real leaflets get the same structural checks: test_pdffont FILE...
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bigendian.h"
#include "diag.h"
#include "fonts.h"
#include "pdffont.h"
#include "t.h"

#define REGULAR	"fonts/NotoSans-Regular.ttf"
#define MONO	"fonts/NotoSansMono-Regular.ttf"
#define COMPOSITE "tests/unit/composite.ttf"
#define ROUNDS	40	/* random subsets per face */

/* libharu 2.3 failed to embed NotoSansMono with exactly these glyphs. */
static const char failed84[] = "b}u$;WvtI+G4~Dn.2hHqNy)^k6(UQ/9,p1TAxVjC"
    "m-KiP>wScFe7?=LX%<8:5#@0Ood\"&J[!EzBrsf]g'{\\l";

/* A table of the font, or NULL; its length in *len. */
static const unsigned char *
table(const struct font *f, const char *tag, size_t *len)
{
	const unsigned char *rec;
	unsigned i, n = get16(f->data + 4);

	for (i = 0; i < n; i++) {
		rec = f->data + 12 + 16 * (size_t)i;
		if (memcmp(rec, tag, 4) == 0) {
			*len = get32(rec + 12);
			return f->data + get32(rec + 8);
		}
	}
	return NULL;
}

/* A composite glyph's components must be glyphs of the font. */
static int
check_composite(const unsigned char *p, size_t len, unsigned nglyphs)
{
	size_t at = 10;
	unsigned flags;

	do {
		if (at + 4 > len)
			return -1;
		flags = get16(p + at);
		if (get16(p + at + 2) >= nglyphs)
			return -1;
		at += 4 + (flags & 1 ? 4 : 2);
		if (flags & 8)
			at += 2;
		else if (flags & 0x40)
			at += 4;
		else if (flags & 0x80)
			at += 8;
	} while (flags & 0x20);
	return 0;
}

/* loca ascending and inside glyf; composites sound.  0 if so. */
static int
check_glyphs(const struct font *f)
{
	const unsigned char *head, *loca, *glyf;
	size_t hlen, llen, glen, a, b;
	unsigned g, shortloca;

	if ((head = table(f, "head", &hlen)) == NULL || hlen < 54 ||
	    (loca = table(f, "loca", &llen)) == NULL ||
	    (glyf = table(f, "glyf", &glen)) == NULL)
		return -1;
	shortloca = get16(head + 50) == 0;
	if (llen < (f->nglyphs + 1) * (size_t)(shortloca ? 2 : 4))
		return -1;
	for (g = 0; g < f->nglyphs; g++) {
		a = shortloca ? 2 * (size_t)get16(loca + 2 * g) :
		    get32(loca + 4 * g);
		b = shortloca ? 2 * (size_t)get16(loca + 2 * g + 2) :
		    get32(loca + 4 * g + 4);
		if (a > b || b > glen || (b > a && b - a < 10))
			return -1;
		if (b > a && (int16_t)get16(glyf + a) < 0 &&
		    check_composite(glyf + a, b - a, f->nglyphs) == -1)
			return -1;
	}
	return 0;
}

/* The first 10 bytes of a glyph (contours, bounding box), or NULL. */
static const unsigned char *
glyph_header(const struct font *f, unsigned g)
{
	const unsigned char *head, *loca, *glyf;
	size_t hlen, llen, glen, a, b;

	head = table(f, "head", &hlen);
	loca = table(f, "loca", &llen);
	glyf = table(f, "glyf", &glen);
	if (get16(head + 50) == 0) {
		a = 2 * (size_t)get16(loca + 2 * g);
		b = 2 * (size_t)get16(loca + 2 * g + 2);
	} else {
		a = get32(loca + 4 * g);
		b = get32(loca + 4 * g + 4);
	}
	return b - a >= 10 ? glyf + a : NULL;
}

/*
 * A glyph as it is drawn, written out: each simple glyph reached as its
 * header in hex, each component as its flags and offsets around what it
 * holds.  The same for a glyph and its subset unless a part was lost.
 */
static void
drawn(const struct font *f, unsigned g, char *out, size_t size, int depth)
{
	const unsigned char *h = glyph_header(f, g);
	size_t at = 10, k;
	unsigned flags;

	if (h == NULL || depth > 8)
		return;
	if ((int16_t)get16(h) >= 0) {
		for (k = 0; k < 10; k++)
			snprintf(out + strlen(out), size - strlen(out), "%02x",
			    h[k]);
		return;
	}
	do {
		flags = get16(h + at);
		snprintf(out + strlen(out), size - strlen(out), "(%x %02x%02x ",
		    flags & 0x3, h[at + 4], h[at + 5]);
		drawn(f, get16(h + at + 2), out, size, depth + 1);
		snprintf(out + strlen(out), size - strlen(out), ")");
		at += 4 + (flags & 1 ? 4 : 2) + (flags & 8 ? 2 : flags & 0x40 ?
		    4 : flags & 0x80 ? 8 : 0);
	} while (flags & 0x20);
}

/* Load a subset through a file, as font_load reads fonts. */
static int
load_bytes(struct font *f, const unsigned char *p, size_t n)
{
	struct diag quiet = { NULL, 0, 0 };
	char path[] = "/tmp/test_pdffont.XXXXXX";
	int fd, rc;

	if ((fd = mkstemp(path)) == -1)
		return -1;
	rc = write(fd, p, n) == (ssize_t)n ? 0 : -1;
	close(fd);
	if (rc == 0)
		rc = font_load(f, path, &quiet);
	unlink(path);
	return rc;
}

/*
 * Subset face to the code points cp[0..n) and check the program; a
 * line saying what is wrong, and -1, if it is not right.
 */
static int
check_subset(const struct font *face, const uint16_t *cp, size_t n)
{
	struct pdffont_subset sub;
	struct font f;
	const unsigned char *h0, *h1;
	uint16_t *gid = calloc(n + 1, sizeof(*gid));
	unsigned char *seen = calloc(face->nglyphs, 1);
	unsigned distinct = 1;	/* .notdef */
	size_t i;
	int rc = -1;

	seen[0] = 1;
	for (i = 0; i < n; i++) {
		gid[i] = (uint16_t)font_glyph(face, cp[i]);
		distinct += !seen[gid[i]];
		seen[gid[i]] = 1;
	}
	free(seen);
	if (pdffont_subset(face, gid, cp, n, &sub) == -1) {
		printf("# pdffont_subset failed on %zu glyphs\n", n);
		free(gid);
		return -1;
	}
	if (load_bytes(&f, sub.data, sub.len) == -1)
		printf("# font_load refuses the subset\n");
	else if (check_glyphs(&f) == -1)
		printf("# loca or glyf is broken\n");
	else if (f.nglyphs != distinct)
		/* the bundled faces have no composites to add */
		printf("# %u glyphs, not %u\n", f.nglyphs, distinct);
	else {
		for (i = 0; i < n; i++) {
			h0 = glyph_header(face, gid[i]);
			h1 = glyph_header(&f, sub.gid[i]);
			if (font_glyph(&f, cp[i]) != sub.gid[i] ||
			    f.advance[sub.gid[i]] != face->advance[gid[i]] ||
			    (h0 == NULL) != (h1 == NULL) ||
			    (h0 != NULL && memcmp(h0, h1, 10) != 0)) {
				printf("# U+%04X: glyph %u became %u, "
				    "wrongly\n", cp[i], gid[i], sub.gid[i]);
				break;
			}
		}
		rc = i == n ? 0 : -1;
	}
	font_free(&f);
	pdffont_subset_free(&sub);
	free(gid);
	return rc;
}

/* No character: a program of glyph 0 alone (no cmap to load it by). */
static int
notdef_alone(const struct font *face)
{
	struct pdffont_subset sub;
	uint16_t gid = 0;
	size_t i, n;
	int rc = -1;

	if (pdffont_subset(face, &gid, NULL, 1, &sub) == -1)
		return -1;
	n = get16(sub.data + 4);
	for (i = 0; i < n && sub.len >= 12 + 16 * (i + 1); i++)
		if (memcmp(sub.data + 12 + 16 * i, "maxp", 4) == 0 &&
		    get32(sub.data + 12 + 16 * i + 8) + 6 <= sub.len)
			rc = get16(sub.data + get32(sub.data + 12 + 16 * i +
			    8) + 4) == 1 && sub.gid[0] == 0 ? 0 : -1;
	pdffont_subset_free(&sub);
	return rc;
}

/*
 * U+01FA alone: its subset has the glyph, the composite inside it and
 * their three simple parts, drawn as before.
 */
static int
nested(const struct font *face)
{
	struct pdffont_subset sub;
	struct font f;
	char a[512] = "", b[512] = "";
	uint16_t cp = 0x1FA, gid = (uint16_t)font_glyph(face, cp);
	int rc = -1;

	if (gid == 0 || pdffont_subset(face, &gid, &cp, 1, &sub) == -1)
		return -1;
	if (load_bytes(&f, sub.data, sub.len) == 0) {
		drawn(face, gid, a, sizeof(a), 0);
		drawn(&f, sub.gid[0], b, sizeof(b), 0);
		printf("# %u glyphs; drawn: %s\n", f.nglyphs, b);
		rc = f.nglyphs == 6 && check_glyphs(&f) == 0 &&
		    strchr(a, '(') != strrchr(a, '(') && strcmp(a, b) == 0 ?
		    0 : -1;
		font_free(&f);
	}
	pdffont_subset_free(&sub);
	return rc;
}

/* Every code point the face maps to a glyph, but controls. */
static size_t
covered(const struct font *f, uint16_t *cp)
{
	size_t n = 0;
	uint32_t c;

	for (c = 0x20; c <= 0xFFFF; c++)
		if ((c < 0x7F || c >= 0xA0) && font_glyph(f, c) != 0)
			cp[n++] = (uint16_t)c;
	return n;
}

/* ROUNDS subsets of sizes 1 to all, drawn by a seeded generator. */
static void
random_subsets(const char *name, const struct font *f)
{
	uint16_t *all = calloc(0x10000, sizeof(*all)), t;
	size_t n = covered(f, all), k, i, j;
	unsigned long seed = 20261130;
	char what[96];
	int r;

	for (r = 0; r < ROUNDS; r++) {
		/* a small LCG: the same subsets on every machine */
		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		k = 1 + (seed >> 33) % n;
		for (i = 0; i < k; i++) {
			seed = seed * 6364136223846793005UL +
			    1442695040888963407UL;
			j = i + (seed >> 33) % (n - i);
			t = all[i], all[i] = all[j], all[j] = t;
		}
		snprintf(what, sizeof(what), "%s: random subset %d, %zu of "
		    "%zu characters", name, r + 1, k, n);
		T_OK(check_subset(f, all, k) == 0, what);
	}
	snprintf(what, sizeof(what), "%s: all %zu characters", name, n);
	T_OK(check_subset(f, all, n) == 0, what);
	free(all);
}

/* test_pdffont FILE...: font programs taken from PDFs. */
static int
check_files(int argc, char **argv)
{
	struct diag quiet = { NULL, 0, 0 };
	struct font f;
	char what[256];
	int i, ok;

	T_PLAN(argc - 1);
	for (i = 1; i < argc; i++) {
		ok = font_load(&f, argv[i], &quiet) == 0 &&
		    check_glyphs(&f) == 0;
		snprintf(what, sizeof(what), "%s: TrueType with sound glyf "
		    "and loca", argv[i]);
		T_OK(ok, what);
		font_free(&f);
	}
	T_DONE();
}

int
main(int argc, char **argv)
{
	struct diag d = { stderr, 0, 0 };
	struct font reg, mono, comp;
	uint16_t cp[sizeof(failed84)];
	size_t i;

	if (argc > 1)
		return check_files(argc, argv);
	T_PLAN(2 * (ROUNDS + 1) + 7);
	T_OK(font_load(&reg, REGULAR, &d) == 0, "load " REGULAR);
	T_OK(font_load(&mono, MONO, &d) == 0, "load " MONO);
	for (i = 0; failed84[i] != '\0'; i++)
		cp[i] = (unsigned char)failed84[i];
	T_EQ_INT(i, 84, "the glyph set libharu failed on has 84 characters");
	T_OK(check_subset(&mono, cp, i) == 0,
	    "mono: the glyph set libharu failed on");
	T_OK(notdef_alone(&reg) == 0, "regular: .notdef alone");
	random_subsets("regular", &reg);
	random_subsets("mono", &mono);
	T_OK(font_load(&comp, COMPOSITE, &d) == 0, "load " COMPOSITE);
	T_OK(nested(&comp) == 0, "composite of a composite: every part kept");
	font_free(&reg);
	font_free(&mono);
	font_free(&comp);
	T_DONE();
}
