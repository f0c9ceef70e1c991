/*
 * marks: trim, bleed and crop marks around every page.
 */
#include <stddef.h>

#include "marks.h"
#include "pages.h"

#define MARK_GAP	(1.0f * MM)	/* between the bleed and a crop mark */
#define MARK_LEN	(5.0f * MM)
#define MARK_LW		0.25f
#define EDGE		0.5f		/* how near an edge counts as on it */

static const struct rgb registration = { 0, 0, 0 };

/*
 * A filled rectangle that reaches an edge of the trimmed page w x h
 * runs on by bleed beyond it.
 */
static void
bleed_rect(struct item *it, float w, float h, float bleed)
{
	if (it->x <= EDGE) {
		it->x -= bleed;
		it->w += bleed;
	}
	if (it->y <= EDGE) {
		it->y -= bleed;
		it->h += bleed;
	}
	if (it->x + it->w >= w - EDGE)
		it->w += bleed;
	if (it->y + it->h >= h - EDGE)
		it->h += bleed;
}

/* The two crop marks at a trim corner (cx, cy), pointing away (dx, dy). */
static void
crop_corner(struct page *pg, float cx, float cy, float dx, float dy,
    float bleed)
{
	float off = bleed + MARK_GAP;

	pages_rule(pg, -1, cx + dx * off, cy, dx * MARK_LEN, 0, MARK_LW,
	    registration);
	pages_rule(pg, -1, cx, cy + dy * off, 0, dy * MARK_LEN, MARK_LW,
	    registration);
}

void
marks_add(struct pages *ps, float bleed)
{
	float m = bleed + MARK_GAP + MARK_LEN, w = ps->width, h = ps->height;
	size_t i, j;

	for (i = 0; i < ps->n; i++) {
		struct page *pg = &ps->v[i];

		for (j = 0; j < pg->nitems; j++) {
			struct item *it = &pg->items[j];

			if (it->kind == IT_RECT)
				bleed_rect(it, w, h, bleed);
			it->x += m;
			it->y += m;
		}
		crop_corner(pg, m, m, -1, -1, bleed);
		crop_corner(pg, m + w, m, 1, -1, bleed);
		crop_corner(pg, m, m + h, -1, 1, bleed);
		crop_corner(pg, m + w, m + h, 1, 1, bleed);
	}
	for (i = 0; i < ps->nmarks; i++)
		ps->marks[i].y += m;
	ps->width = w + 2 * m;
	ps->height = h + 2 * m;
	ps->trim = m;
	ps->bleed = bleed;
}
