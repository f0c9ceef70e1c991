/*
 * compose: the flowed document drawn as a display list.  Each unit
 * becomes items at its place in its frame (text, rules, images, link
 * areas), the tinted boxes behind callouts are drawn once per frame
 * they cover, headings become marks for the outline and for links, and
 * the shape adds each page's furniture.  The last stage of layout.
 */
#ifndef LP_COMPOSE_H
#define LP_COMPOSE_H

struct document;
struct flow;
struct font;
struct pages;
struct shape;

void	compose(struct pages *, const struct flow *, const struct document *,
	    const struct shape *, const struct font *const *fonts);

#endif
