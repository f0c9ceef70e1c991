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
};

/* Lay the document out in pages; -1 (reported) when it cannot be. */
int	layout_run(struct pages *, const struct document *,
	    const struct layout_opts *, struct diag *);

#endif
