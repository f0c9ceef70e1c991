/*
 * layout: the document's blocks set in lines, flowed through the frames
 * of a page shape and drawn as a display list (pages.h), with page
 * furniture added once the page count is known.  Measures text through
 * fonts.h; never calls the PDF library.
 */
#ifndef LP_LAYOUT_H
#define LP_LAYOUT_H

#include "diag.h"

struct document;
struct font;
struct hyphs;
struct pages;
struct shape;

struct layout_opts {
	const struct shape	 *shape;	/* the page shape to fill */
	const struct font *const *fonts;	/* by enum face */
	struct hyphs		 *hyphs;	/* the caller's cache, or NULL */
	int			  stats;	/* how well paragraphs were set */
	int			  fit;		/* frames running out is no
						   error: see layout_run */
};

/*
 * Lay the document out in pages; -1 (reported) when it cannot be.  When
 * the shape runs out of frames: -1, reported, or with o->fit set 1,
 * unreported, with *over about how many words found no frame.
 */
int	layout_run(struct pages *, const struct document *,
	    const struct layout_opts *, size_t *over, struct diag *);

#endif
