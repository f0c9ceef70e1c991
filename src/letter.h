/*
 * letter: the cover letter's page shape, for a window envelope.  Page 1
 * has the patient's name and address in the envelope's window, the
 * clinic's details to the right of it, its logo above, and the letter's
 * text from below them; later pages the text alone.  Where each goes is
 * data, in millimetres, one row a paper (letter.c): on A4, GOV.UK
 * Notify's precompiled-letter rules (NHS Notify prints the same way), so
 * that a clinic can hand the letters to that national print service; on
 * US Letter, a #10 window envelope.
 */
#ifndef LP_LETTER_H
#define LP_LETTER_H
#include <stddef.h>

#include "profile.h"
#include "shape.h"

struct font;

/* A rectangle on the page, in millimetres from its top left. */
struct mmbox {
	float	x0, x1;		/* from the left edge */
	float	y0, y1;		/* from the top edge */
};

struct letter_geom {
	enum paper	 paper;
	struct mmbox	 address;	/* the window: nothing else in it */
	struct mmbox	 clinic;	/* the clinic's details */
	struct mmbox	 logo;
	float		 body_top;	/* page 1's text starts this far down */
	float		 side;		/* nothing printed nearer the left
					   and right edges than this */
	float		 edge;		/* nor the top and bottom */
	int		 postcode;	/* the address ends in a UK postcode */
	int		 maxpages;	/* per patient, letter and leaflets */
};

/* The row for paper (A5 letters go on A4). */
const struct letter_geom *letter_geom(enum paper);

/* What page 1 shows besides the text. */
struct letterhead {
	const struct letter_geom *g;
	const struct profile	 *p;
	char *const		 *addr;		/* name and address lines */
	size_t			  naddr;
	const char		 *ref;		/* the patient's, or NULL */
	int			  logo;		/* image 0 is the clinic's logo */
};

/* The letter's shape (its width and height are lh->g's paper's). */
void	letter_shape(struct shape *, const struct letterhead *lh,
	    const struct typescale *);

/* The type scale a letter is set in: 11 pt, a quieter title. */
void	letter_typescale(struct typescale *);

#define LETTER_MINLINES		3	/* name and address, at least */
#define LETTER_MAXLINES		7

/*
 * Check an address block (the name, then the address's lines) against
 * the window of g: LETTER_MINLINES to LETTER_MAXLINES lines, and no more
 * than fit; lines 1 and 2 with a letter or digit; no line starting with
 * one of @()=[]"\/,<>~ or too wide for the window in f; with
 * g->postcode, the last line a UK postcode, rewritten in upper case
 * with one space.  NULL when it passes, else what is wrong (with no
 * word of the address in it).
 */
const char *letter_address_check(const struct letter_geom *g,
	    const struct font *f, char **lines, size_t n);

/* Is s a UK postcode?  Then its normal form is written to out. */
int	letter_postcode(const char *s, char out[9]);

#endif
