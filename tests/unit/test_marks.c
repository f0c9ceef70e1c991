/* marks: trim, bleed and crop marks added to a display list. */
#include <stdlib.h>
#include <string.h>

#include "marks.h"
#include "pages.h"
#include "t.h"

static const struct rgb blue = { 0, 0, 1 };

int
main(void)
{
	struct pages ps;
	struct page *pg;
	struct item *band, *inner, *text;
	float m, bleed = 3 * MM;
	size_t i, rules = 0, outside = 0;

	T_PLAN(11);
	memset(&ps, 0, sizeof(ps));
	ps.width = 300;
	ps.height = 400;
	ps.n = 1;
	ps.v = calloc(1, sizeof(*ps.v));
	pg = &ps.v[0];
	band = pages_add(pg, IT_RECT, -1);	/* a band across the top */
	band->x = 0, band->y = 350, band->w = 300, band->h = 50;
	band->color = blue;
	inner = pages_add(pg, IT_RECT, 0);	/* a box inside the margins */
	inner->x = 40, inner->y = 100, inner->w = 100, inner->h = 50;
	pages_text(pg, 1, 40, 200, FACE_REGULAR, 12, blue, "Text", 4, 30);
	ps.marks = calloc(1, sizeof(*ps.marks));
	ps.nmarks = 1;
	ps.marks[0].y = 220;

	marks_add(&ps, bleed);
	m = ps.trim;
	band = &pg->items[0];
	inner = &pg->items[1];
	text = &pg->items[2];
	T_OK(m > bleed + 5 * MM, "the slug holds the bleed and the marks");
	T_OK(ps.width == 300 + 2 * m && ps.height == 400 + 2 * m,
	    "the page grows by the slug on every side");
	T_OK(ps.bleed == bleed, "the bleed is kept for the bleed box");
	T_OK(text->x == 40 + m && text->y == 200 + m,
	    "what was on the page moves with the trim box");
	T_OK(ps.marks[0].y == 220 + m, "so do the outline's marks");
	T_OK(inner->x == 40 + m && inner->w == 100 && inner->h == 50,
	    "a box inside the margins keeps its size");
	T_OK(band->x == m - bleed && band->w == 300 + 2 * bleed,
	    "a band reaching both sides runs into the bleed on both");
	T_OK(band->y == 350 + m && band->h == 50 + bleed,
	    "and over the top, not down into the page");
	for (i = 0; i < pg->nitems; i++) {
		const struct item *it = &pg->items[i];

		if (it->kind != IT_RULE)
			continue;
		rules++;
		/* a crop mark lies wholly outside the bleed box */
		if ((it->x + (it->w < 0 ? it->w : 0) >= m + 300 + bleed ||
		    it->x + (it->w > 0 ? it->w : 0) <= m - bleed ||
		    it->y + (it->h < 0 ? it->h : 0) >= m + 400 + bleed ||
		    it->y + (it->h > 0 ? it->h : 0) <= m - bleed))
			outside++;
	}
	T_EQ_INT(rules, 8, "two crop marks at each corner");
	T_EQ_INT(outside, 8, "every crop mark outside the bleed");
	T_OK(pg->items[3].tag == TAG_ARTIFACT && pg->items[3].block == -1,
	    "crop marks are artifacts");
	pages_free(&ps);
	T_DONE();
}
