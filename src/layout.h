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
struct hyphs;
struct pages;

/*
 * Lay the document out in pages.  hyphs (NULL for none) supplies the
 * hyphenation dictionary for the document's language; it is a cache the
 * caller keeps between leaflets.
 */
int	layout_run(struct pages *, const struct document *,
	    const struct font *const *fonts, struct hyphs *, struct diag *);

#endif
