/*
 * format: the leaflet formats one article is built in (the layouts a
 * clinic's profile lists, `build -l`).  A format is a page shape and a
 * type scale, nothing else: layout fills whatever frames the shape
 * gives, so a new format is a new entry here and a new shape.
 */
#ifndef LP_FORMAT_H
#define LP_FORMAT_H

#include "profile.h"
#include "shape.h"
#include "style.h"

enum layout {
	LAYOUT_HANDOUT,		/* the profile's paper, one column */
	LAYOUT_LARGE,		/* large print: a handout at 16 pt or more */
	LAYOUT_TRIFOLD,		/* a landscape sheet folded in three */
	LAYOUT_BOOKLET,		/* A5 pages, imposed two-up on the paper */
	LAYOUT__MAX
};

/* Names as the profile and -l give them, by enum layout. */
extern const char *const layout_names[LAYOUT__MAX + 1];
/* What each is called in a sentence ("too long for a tri-fold"). */
extern const char *const layout_nouns[LAYOUT__MAX];

#define LARGE_BODY_MIN	16.0f	/* RNIB and UKAAF clear print */
#define LARGE_BODY_MAX	36.0f
#define TRIFOLD_BODY_MIN 11.0f	/* a tri-fold steps down to this */

struct format {
	enum layout	 layout;
	float		 body;		/* --body, in points; 0: the layout's */
	int		 fold_guides;	/* dashed lines along the folds */
	int		 no_impose;	/* --no-impose: a booklet's pages as
					   read, not on sheets */
};

/*
 * Whether a leaflet in format f whose last page is nearly empty may be
 * set tighter to save that page (typescale_tighten): a handout's may.
 */
int	format_saves_pages(const struct format *f);

/* The layout named s, in any case; -1 when there is none. */
int	layout_parse(const char *s, enum layout *);

/*
 * The ways to set a leaflet in format f on paper, best first: the
 * attempt-th one's page shape and type scale (sh->ty points at ty), or
 * -1 when there are no more.  A shape that has room for any length
 * needs one way; a fixed number of panels may step its type down.
 */
int	format_try(const struct format *f, enum paper, unsigned attempt,
	    struct shape *sh, struct typescale *ty);

/*
 * For a leaflet that fitted format f's attempt-th way but left more
 * than one page the text does not reach: the step-th (from 0) way to
 * fill them, the same shape with a larger body, or -1 when there are
 * no more.  A booklet steps up half a point at a time to 14 pt.
 */
int	format_fill(const struct format *f, enum paper, unsigned attempt,
	    unsigned step, struct shape *sh, struct typescale *ty);

/*
 * Whether f's pages are imposed on sheets for printing (impose.h): 1,
 * with the sheet's size, or 0.
 */
int	format_sheet(const struct format *f, enum paper, float *w, float *h);

#endif
