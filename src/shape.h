/*
 * shape: the shape of a leaflet's pages, to layout.  A shape gives the
 * page size, the frames text flows through in reading order (a page's
 * body, a column, a tri-fold panel, a booklet page, a letter's fixed
 * address window) and draws the furniture of each page (running header,
 * footer, page numbers) once the page count is known.  Layout fills the
 * frames one after another and never asks what they are, so a new
 * format is a new shape, not an edit of the paginator.
 */
#ifndef LP_SHAPE_H
#define LP_SHAPE_H
#include <stddef.h>

#include "profile.h"
#include "style.h"

struct font;
struct page;

/*
 * What flows through a frame: a story, as page-layout programs call a
 * text threaded through frames.  The article's body always has frames;
 * a shape that gives the cover (brand, title, subtitle) or the back (the
 * contact box and governance line) frames of their own says so in
 * shape.stories, and those blocks go there instead of the body.
 */
enum story {
	STORY_BODY,
	STORY_COVER,
	STORY_BACK,
	STORY__MAX
};

/* A rectangle text flows into. */
struct frame {
	enum story story;	/* what it takes */
	size_t	page;		/* index of the page it is on */
	float	x;		/* left edge, from the page's left */
	float	top;		/* from the page's top */
	float	w;
	float	h;
	float	sink;		/* of the room its text leaves below, the
				   part put above it instead: 0 (most
				   frames), or 0.5 to centre it */
};

/* What a page's furniture may show. */
struct furnish {
	const struct font *const *fonts;
	const char	*footer;	/* the clinic's name FOOTER_SEP phone */
	struct rgb	 primary;	/* the clinic's colour */
	size_t		 page;		/* 0-based */
	size_t		 npages;
	int		 blank;		/* no story has text on the page */
};

struct shape {
	float	width;		/* of every page, in points */
	float	height;
	const struct typescale *ty;	/* the type it is set in, which the
					   measure and furniture follow */
	unsigned stories;	/* 1 << story for each story with frames
				   of its own, besides the body */
	int	fold_guides;	/* draw dashed lines along the folds */
	/*
	 * The n-th frame in reading order (n from 0): 0, or -1 when the
	 * shape has no more frames (a tri-fold has six; a handout makes
	 * pages as long as there is text).  The same n always gives the
	 * same frame.  Each story fills its own frames in this order.
	 */
	int	(*frame)(const struct shape *, size_t n, struct frame *);
	/* Add page furniture (items with block -1) to one page. */
	void	(*furniture)(const struct shape *, struct page *,
		    const struct furnish *);
	const void *arg;	/* the shape's own data */
};

/*
 * A shape cut short: the frames of its first `pages` pages only, to ask
 * whether a leaflet fits in fewer pages.  c holds what the cut shape
 * refers to; out lives no longer than c.
 */
struct shape_cut {
	struct shape	inner;
	size_t		pages;
};
void	shape_cut(struct shape *out, struct shape_cut *c,
	    const struct shape *in, size_t pages);

/*
 * A cover's panel: a rectangle in the clinic's colour, x and y its
 * lower left corner (from the page's bottom left), w by h points, with
 * the clinic's name in bold and its phone under it at its lower left,
 * at size points or less to fit, white on a dark colour, else in the
 * text's colour.  A furniture function draws it.
 */
void	shape_panel(struct page *, const struct furnish *, float x, float y,
	    float w, float h, float size);

/* The width and height of a sheet of paper, portrait, in points. */
void	paper_size(enum paper, float *w, float *h);

/*
 * The handout on A4, A5 or US Letter: every page one frame, a measure of
 * about 75 characters centred between margins, a footer with the clinic
 * and "Page X of Y".
 */
void	shape_handout(struct shape *, enum paper, const struct typescale *);
/*
 * The tri-fold: a landscape sheet (A4, or US Letter; A4 for A5 paper)
 * printed on both sides and letter-folded in three: page 1 the outside
 * (inside flap, back, front cover), page 2 the inside; six frames, the
 * body in the flap and the three inside panels (trifold.c).
 */
void	shape_trifold(struct shape *, enum paper, const struct typescale *);

#define BOOKLET_MAX	64	/* pages */

/*
 * A booklet of n pages, a multiple of 4 up to BOOKLET_MAX (else -1): A5
 * (half US Letter on Letter paper), the cover on the first page, the
 * back cover (contact box, governance line) on the last, the body
 * between, numbered; body pages the body does not reach are for notes.
 */
int	shape_booklet(struct shape *, enum paper, const struct typescale *,
	    size_t n);
/* The sheet a booklet on paper is imposed on, landscape, in points. */
void	booklet_sheet(enum paper, float *w, float *h);

#endif
