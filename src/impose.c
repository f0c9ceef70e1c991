/*
 * impose: booklet pages two-up on sheets, in saddle-stitch order.
 */
#include <stdlib.h>
#include <string.h>

#include "impose.h"
#include "pages.h"
#include "xalloc.h"

void
impose_place(size_t n, size_t i, size_t *side, int *right)
{
	/*
	 * Sheet k's front holds pages 2k and n - 1 - 2k (from 0), its back
	 * 2k + 1 and n - 2 - 2k: the side of page i is the lesser of i and
	 * its mirror n - 1 - i.  Odd pages from 1, rectos, are on the right.
	 */
	*side = i < n - 1 - i ? i : n - 1 - i;
	*right = i % 2 == 0;
}

/*
 * Page pg's items appended to side, moved by dx, dy; grown as
 * pages_add grows a page, so that more may be added (crop marks).
 */
static void
move_items(struct page *side, struct page *pg, float dx, float dy)
{
	size_t i;

	for (i = 0; i < pg->nitems; i++) {
		pg->items[i].x += dx;
		pg->items[i].y += dy;
		side->items = xgrow(side->items, side->nitems,
		    sizeof(*side->items));
		side->items[side->nitems++] = pg->items[i];
	}
	free(pg->items);
	pg->items = NULL;
	pg->nitems = 0;
}

int
impose(struct pages *ps, float w, float h)
{
	struct page *sides;
	size_t i, s, n = ps->n;
	float dx[2], dy = (h - ps->height) / 2;
	int right;

	if (n == 0 || n % 4 != 0 || 2 * ps->width > w + 0.01f ||
	    ps->height > h + 0.01f)
		return -1;
	/* the pages meet at the fold, whatever the sheet has to spare */
	dx[0] = w / 2 - ps->width;
	dx[1] = w / 2;
	sides = xcalloc(n / 2, sizeof(*sides));
	/* each side's items in reading order: its lower page first */
	for (i = 0; i < n; i++) {
		impose_place(n, i, &s, &right);
		move_items(&sides[s], &ps->v[i], dx[right], dy);
	}
	for (i = 0; i < ps->nmarks; i++) {
		impose_place(n, ps->marks[i].page, &s, &right);
		ps->marks[i].page = s;
		ps->marks[i].y += dy;
	}
	free(ps->v);
	ps->v = sides;
	ps->n = n / 2;
	ps->width = w;
	ps->height = h;
	return 0;
}
