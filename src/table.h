/*
 * table: a GitHub table set at a measure.  Columns get widths from their
 * cells' content (the widest word each needs, the width each would like,
 * shared out within the measure); each cell is broken into lines by the
 * same line breaker as a paragraph (typeset.h), and a row is as tall as
 * its tallest cell.  A row too tall to go whole under the header in a
 * frame is cut into slices, a line of each cell in each.  A table whose
 * words cannot fit side by side (or whose header is too tall) falls back
 * to one text block per body row, a line "Header: value" per cell, so
 * that nothing runs off the page.  Used by paginate (units: a row, a
 * slice, or a fallback line) and by compose (table_draw_row: fills,
 * rules and the cells' lines).
 */
#ifndef LP_TABLE_H
#define LP_TABLE_H
#include <stddef.h>

#include "style.h"

struct block;
struct page;
struct tblock;
struct typesetter;

#define TABLE_PAD	5.0f	/* left and right of a cell's text */
#define TABLE_VPAD	4.0f	/* above and below it */

struct tlayout {
	size_t		 ncols;
	size_t		 nrows;		/* row 0 the header */
	float		 width;		/* the measure it was set at */
	float		*colw;		/* each column's text width */
	float		*colx;		/* its text's left, from the table's */
	float		*rowh;		/* each row's height, padding in */
	float		**slice;	/* by row: NULL when it goes whole, else
					   the heights of its slices, padding in */
	size_t		*nslice;	/* and how many */
	struct tblock	*cells;		/* each cell's lines, row by row */
	int		 fallback;	/* rows as "Header: value" lines */
	struct block	*rows;		/* fallback: a block per row, 0 empty */
	struct tblock	*rowtb;		/* and their lines */
};

/*
 * Set table block b at width, for frames maxh tall.  Cheap when called
 * again at the same width.
 */
void	table_set(const struct typesetter *, const struct block *b,
	    struct tlayout *, float width, float maxh);
void	table_free(struct tlayout *);

/*
 * How compose draws a table row: the shape of the row and a callback
 * that draws line `line` of a cell's text at x, baseline base (page
 * coordinates), with compose's own line drawing.
 */
struct tdraw {
	struct page	*pg;
	int		 block;		/* the table's, for the items */
	float		 x;		/* the table's left */
	float		 top;		/* the row's top, page y */
	struct rgb	 head;		/* the header's fill */
	struct rgb	 rule;
	float		 asc, desc;	/* of the regular face, per em */
	void		*arg;
	void		(*line)(void *arg, const struct block *cell,
			    const struct tblock *, size_t line, float x,
			    float base);
};

/*
 * Draw row r, the header (row 0) also again atop each later frame; or
 * of a row cut into slices, slice k (-1: the whole row).
 */
void	table_draw_row(const struct tlayout *, const struct block *b,
	    size_t r, long k, const struct tdraw *);

#endif
