/*
 * Font metrics: what layout needs to measure text, read straight from
 * the TrueType tables (cmap, hmtx, head, hhea, OS/2), so layout does not
 * depend on the PDF library.
 */
#ifndef LP_FONTS_H
#define LP_FONTS_H
#include <stddef.h>
#include <stdint.h>

#include "diag.h"

struct font {
	char		*path;
	char		*name;		/* PostScript name from the name table, or file stem */
	unsigned char	*data;		/* the whole file */
	size_t		 len;
	unsigned	 upem;		/* units per em */
	float		 ascent;	/* per em, positive (hhea or OS/2 typo) */
	float		 descent;	/* per em, positive below the baseline */
	unsigned	 nglyphs;
	uint16_t	*advance;	/* per glyph, in 1/1000 em as the PDF writes it */
	/* cmap: private to fonts.c */
	const unsigned char	*cmap4;	/* format 4 subtable, or NULL */
	const unsigned char	*cmap12;	/* format 12 subtable, or NULL */
	uint16_t	*bmp;		/* glyph id for every BMP code point, built at load */
};

/* Load and check a TrueType font; on error report against path and return -1. */
int	font_load(struct font *, const char *path, struct diag *);
void	font_free(struct font *);

/* Glyph id for a code point; 0 when the font lacks it. */
unsigned font_glyph(const struct font *, uint32_t cp);

/* Advance of one code point in 1/1000 em (the missing glyph's if absent). */
unsigned font_advance(const struct font *, uint32_t cp);

/* Width in points of UTF-8 text s[0..n) at size pt. */
float	font_width(const struct font *, const char *s, size_t n, float size);

#endif
