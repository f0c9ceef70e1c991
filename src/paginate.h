/*
 * paginate: the document's blocks as vertical units (a line of text, an
 * image, a rule, the brand band), with the space above each and whether
 * a frame may end just before it, then placed in the frames a shape
 * gives, in reading order, each story (body, cover, back) in its own.
 * Keeps (a heading with what follows, two lines of a paragraph each side
 * of a break, callouts and images whole) leave the rest of a frame empty
 * rather than stretch the space between paragraphs; only when no break
 * is allowed anywhere in a frame does a keep give way.  No frame ends in
 * a hyphenated word.
 */
#ifndef LP_PAGINATE_H
#define LP_PAGINATE_H
#include <stddef.h>

#include "diag.h"

struct document;
struct shape;
struct tblock;
struct tlayout;
struct typesetter;

/* Geometry of the brand band and captions, shared with composition. */
#define BRAND_GAP	14.0f	/* between the logo and the clinic's name */
#define BRAND_RULE	2.5f	/* the accent rule under the band */
#define CAPTION_GAP	6.0f	/* between an image and its caption */

struct unit {
	int	block;
	int	line;		/* line of a text block; -1 otherwise */
	float	h;
	float	space;		/* above; dropped at the top of a frame */
	float	pad_top;	/* inside a callout box */
	float	pad_bottom;
	int	nobreak;	/* no frame break just before this unit */
	int	row;		/* a table's row; line: of its fallback block */
	float	head;		/* a table's header height, drawn again above
				   this row when it opens a frame */
	int	rehead;		/* it does */
	float	iw;		/* an image's size (the logo's, for the brand;
				   a QR code's, its quiet zone included) */
	float	ih;
	float	dx;		/* a QR code: its column's left edge, from the
				   frame's, and how far above the unit's top */
	float	lift;		/* it is drawn: beside the contact text
				   before it; negative: under that text */
	size_t	frame;		/* where it is placed: index into frames */
	float	top;		/* from the frame's top */
};

/* The document flowed through frames. */
struct flow {
	struct unit	*u;
	size_t		 nu;
	struct frame	*frames;	/* asked of the shape, in reading order */
	size_t		 nframes;
	size_t		 npages;
	size_t		 over;		/* fit: about how many words found no
					   frame when they ran out */
	struct tblock	*tb;		/* each block's lines, by block */
	struct tlayout	*tl;		/* each table's layout, by block */
	size_t		 nblocks;
};

/*
 * Flow doc through shape's frames.  -1 (reported) when it cannot be;
 * when the shape runs out of frames before the text does, 1 with
 * flow.over set, reported only unless fit is set.
 */
int	paginate(struct flow *, const struct document *, const struct shape *,
	    const struct typesetter *, int fit, struct diag *);
void	flow_free(struct flow *);

#endif
