/*
 * Imposition for saddle stitch: which page lands on which half of which
 * sheet side, checked against the order a folded booklet has (side 1:
 * pages n and 1, side 2: 2 and n - 1, ...), and the display list moved
 * with its pages: items, the fold in the middle, headings' marks.
 */
#include <stdlib.h>
#include <string.h>

#include "impose.h"
#include "pages.h"
#include "t.h"
#include "xalloc.h"

#define A5_W	419.528f
#define A5_H	595.276f
#define A4_W	841.89f

/*
 * The sides of a booklet of n pages as "L,R L,R ...", pages counted
 * from 1, from impose_place alone.
 */
static char *
order(size_t n)
{
	size_t left[64], right[64], i, s;
	char *str = xstrdup(""), *t;
	int r;

	for (i = 0; i < n; i++) {
		impose_place(n, i, &s, &r);
		if (r)
			right[s] = i + 1;
		else
			left[s] = i + 1;
	}
	for (s = 0; s < n / 2; s++) {
		t = xasprintf("%s%s%zu,%zu", str, s ? " " : "", left[s],
		    right[s]);
		free(str);
		str = t;
	}
	return str;
}

/* A booklet of n A5 pages, each with one text item "P<k>" at 50, 100. */
static void
booklet(struct pages *ps, size_t n)
{
	size_t i;
	char name[16];

	memset(ps, 0, sizeof(*ps));
	ps->width = A5_W;
	ps->height = A5_H;
	ps->n = n;
	ps->v = xcalloc(n, sizeof(*ps->v));
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "P%zu", i + 1);
		pages_text(&ps->v[i], -1, 50, 100, FACE_REGULAR, 10,
		    COLOR_TEXT, name, strlen(name), 20);
	}
	ps->marks = xcalloc(1, sizeof(*ps->marks));
	ps->nmarks = 1;
	ps->marks[0].page = 6;		/* page 7 of 8 */
	ps->marks[0].y = 300;
	ps->marks[0].title = xstrdup("H");
	ps->marks[0].slug = "h";
}

/* Side s's text, "Pk@x" for each item, joined by spaces. */
static char *
side_text(const struct pages *ps, size_t s)
{
	char *str = xstrdup(""), *t;
	size_t i;

	for (i = 0; i < ps->v[s].nitems; i++) {
		t = xasprintf("%s%s%s@%.0f", str, i ? " " : "",
		    ps->v[s].items[i].text, (double)ps->v[s].items[i].x);
		free(str);
		str = t;
	}
	return str;
}

int
main(void)
{
	struct pages ps;
	char *s;
	int i;

	T_PLAN(14);
	T_EQ_STR(s = order(4), "4,1 2,3", "4 pages: one sheet");
	free(s);
	T_EQ_STR(s = order(8), "8,1 2,7 6,3 4,5", "8 pages: two sheets");
	free(s);
	T_EQ_STR(s = order(12), "12,1 2,11 10,3 4,9 8,5 6,7",
	    "12 pages: three sheets");
	free(s);

	booklet(&ps, 8);
	T_EQ_INT(impose(&ps, A4_W, A5_H), 0, "8 A5 pages impose on A4");
	T_EQ_INT(ps.n, 4, "on four sides");
	T_OK(ps.width == A4_W && ps.height == A5_H, "each side A4 landscape");
	/* the left page ends at the fold, the right page starts there */
	T_EQ_STR(s = side_text(&ps, 0), "P1@471 P8@51",
	    "side 1: page 1 right of the fold, page 8 left, 1 read first");
	free(s);
	T_EQ_STR(s = side_text(&ps, 3), "P4@51 P5@471",
	    "side 4, the middle of the booklet: pages 4 and 5");
	free(s);
	T_OK(ps.v[0].items[0].y == 100, "heights kept: A5 is as tall as A4 "
	    "is wide");
	T_EQ_INT(ps.marks[0].page, 1, "a heading on page 7 is on side 2");
	T_OK(ps.marks[0].y == 300, "at the same height");
	pages_free(&ps);

	/* sides grow as pages do: crop marks are added after imposing */
	booklet(&ps, 8);
	for (i = 0; i < 2; i++) {
		pages_rule(&ps.v[0], -1, 0, 0, 10, 0, 0.5f, COLOR_TEXT);
		pages_rule(&ps.v[7], -1, 0, 0, 10, 0, 0.5f, COLOR_TEXT);
	}
	impose(&ps, A4_W, A5_H);
	for (i = 0; i < 40; i++)
		pages_rule(&ps.v[0], -1, 0, 0, 10, 0, 0.5f, COLOR_TEXT);
	T_EQ_INT(ps.v[0].nitems, 46, "a side takes more items");
	pages_free(&ps);

	booklet(&ps, 6);
	T_EQ_INT(impose(&ps, A4_W, A5_H), -1, "6 pages are no booklet");
	T_EQ_INT(ps.n, 6, "and are left as they were");
	pages_free(&ps);
	T_DONE();
}
