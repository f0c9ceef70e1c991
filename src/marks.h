/*
 * marks: print marks for a professional printer, as a transform of the
 * display list.  Each page grows by a slug around it; what was the page
 * becomes the trim box, and colour that reached the trimmed edge runs
 * on into a bleed beyond it, so that a guillotine a hair off leaves no
 * white sliver; crop marks outside the bleed show where to cut.
 */
#ifndef LP_MARKS_H
#define LP_MARKS_H

struct pages;

#define BLEED_MAX	6.0f	/* millimetres: more is no bleed but a border */
#define MM		(72.0f / 25.4f)

/* Add a bleed of `bleed` points and crop marks to every page. */
void	marks_add(struct pages *, float bleed);

#endif
