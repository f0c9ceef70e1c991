/*
 * layout: the document's blocks broken into lines and placed in frames
 * page by page, with page furniture added once the page count is known.
 * Measures text through fonts.h; never calls the PDF library.
 */
#ifndef LP_LAYOUT_H
#define LP_LAYOUT_H

#include "diag.h"

struct document;
struct font;
struct pages;

int	layout_run(struct pages *, const struct document *,
	    const struct font *const *fonts, struct diag *);

#endif
