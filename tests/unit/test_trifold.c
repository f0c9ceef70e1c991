/*
 * The tri-fold's shape (trifold.c): six panels on the two sides of a
 * landscape sheet, in reading order, the folded-in one narrower, each
 * outside panel back to back with its inside one after duplex printing
 * flipped on the short edge; and the type sizes format_try steps down.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "pages.h"
#include "shape.h"
#include "t.h"

#define MM	(72.0f / 25.4f)

static int
near(float a, float b)
{
	return fabsf(a - b) < 0.01f;
}

/* The frames of a shape, up to max; how many it has. */
static size_t
frames(const struct shape *s, struct frame *fr, size_t max)
{
	size_t n;

	for (n = 0; n < max && s->frame(s, n, &fr[n]) == 0; n++)
		;
	return n;
}

/* Dashed rules on a page the furniture drew; the x of the last. */
static int
dashes(const struct shape *s, size_t page, float *x)
{
	struct furnish fu;
	struct page pg;
	size_t i;
	int n = 0;

	memset(&fu, 0, sizeof(fu));
	memset(&pg, 0, sizeof(pg));
	fu.page = page;
	fu.npages = 2;
	s->furniture(s, &pg, &fu);
	for (i = 0; i < pg.nitems; i++)
		if (pg.items[i].kind == IT_RULE && pg.items[i].dash > 0) {
			n++;
			*x = pg.items[i].x;
		}
	free(pg.items);
	return n;
}

int
main(void)
{
	static const enum story story[6] = { STORY_COVER, STORY_BODY,
	    STORY_BODY, STORY_BODY, STORY_BODY, STORY_BACK };
	static const size_t page[6] = { 0, 0, 1, 1, 1, 0 };
	struct typescale ty;
	struct format fmt;
	struct shape s, t;
	struct frame fr[8], *A, *B, *C, *D, *E, *F;
	float x = 0, W, tuck;
	size_t i;
	int ok;

	T_PLAN(25);
	typescale_init(&ty, 12.0f, 0);
	shape_trifold(&s, PAPER_A4, &ty);
	T_OK(near(s.width, 841.89f) && near(s.height, 595.276f),
	    "A4 landscape");
	T_EQ_INT(frames(&s, fr, 8), 6, "six panels, no more");
	for (ok = 1, i = 0; i < 6; i++)
		ok &= fr[i].story == story[i] && fr[i].page == page[i];
	T_OK(ok, "cover, flap, three inside panels, back: stories and sides");
	T_OK(s.stories == (1u << STORY_COVER | 1u << STORY_BACK),
	    "the cover and the back are stories of their own");
	C = &fr[0], A = &fr[1], D = &fr[2], E = &fr[3], F = &fr[4], B = &fr[5];
	W = s.width;

	/* the sheet's sides as printed, left to right */
	T_OK(A->x < B->x && B->x < C->x, "outside: flap, back, cover");
	T_OK(D->x < E->x && E->x < F->x, "inside: body left to right");
	tuck = D->w - F->w;
	T_OK(tuck >= 2 * MM - 0.01f && tuck <= 3 * MM + 0.01f,
	    "the folded-in panel is 2 to 3 mm narrower");
	T_OK(near(A->w, F->w) && near(B->w, D->w) && near(C->w, D->w) &&
	    near(E->w, D->w), "and only it");
	/* flipped on the short edge, x on one side is W - x on the other */
	T_OK(near(W - (A->x + A->w), F->x), "the flap backs the folded-in panel");
	T_OK(near(W - (B->x + B->w), E->x), "the back backs the inside middle");
	T_OK(near(W - (C->x + C->w), D->x), "the cover backs the inside left");
	/* each panel's own margins: 8 to 10 mm from a fold or an edge */
	T_OK(A->x >= 8 * MM && A->x <= 10 * MM && D->x >= 8 * MM &&
	    W - (F->x + F->w) >= 8 * MM && W - (C->x + C->w) >= 8 * MM,
	    "8 to 10 mm from the sheet's edges");
	T_OK(B->x - (A->x + A->w) >= 16 * MM && C->x - (B->x + B->w) >= 16 * MM &&
	    E->x - (D->x + D->w) >= 16 * MM && F->x - (E->x + E->w) >= 16 * MM,
	    "8 mm or more each side of a fold");
	T_OK(near(B->x - (A->x + A->w), C->x - (B->x + B->w)) &&
	    near(E->x - (D->x + D->w), F->x - (E->x + E->w)),
	    "every fold's gutter alike");
	T_OK(D->top >= 8 * MM && D->top + D->h <= s.height - 8 * MM &&
	    near(A->top, D->top) && near(A->h, D->h), "top and bottom margins");

	/* fold guides: on the inside, on the folds, when asked for */
	T_EQ_INT(dashes(&s, 1, &x), 0, "no fold guides unless asked for");
	s.fold_guides = 1;
	T_EQ_INT(dashes(&s, 1, &x), 2, "two fold guides on the inside");
	T_OK(x > E->x + E->w && x < F->x && near(x - (E->x + E->w), F->x - x),
	    "the second on the fold between the middle and the folded-in panel");
	T_EQ_INT(dashes(&s, 0, &x), 0, "none on the outside");

	shape_trifold(&t, PAPER_LETTER, &ty);
	T_OK(near(t.width, 792) && near(t.height, 612) &&
	    frames(&t, fr, 8) == 6, "US Letter landscape, six panels");
	shape_trifold(&t, PAPER_A5, &ty);
	T_OK(near(t.width, s.width) && near(t.height, s.height),
	    "an A5 profile's tri-fold is on A4");

	/* the format: 12, 11.5, 11 pt, then no more */
	memset(&fmt, 0, sizeof(fmt));
	T_EQ_INT(layout_parse("trifold", &fmt.layout), 0, "-l trifold");
	for (ok = 1, i = 0; i < 3; i++)
		ok &= format_try(&fmt, PAPER_A4, (unsigned)i, &t, &ty) == 0 &&
		    near(ty.body, 12.0f - 0.5f * (float)i) && t.ty == &ty &&
		    t.frame(&t, 5, &fr[0]) == 0 && t.frame(&t, 6, &fr[0]) == -1;
	T_OK(ok, "steps down from 12 pt by half a point");
	T_EQ_INT(format_try(&fmt, PAPER_A4, 3, &t, &ty), -1, "to 11 pt at least");
	fmt.fold_guides = 1;
	T_OK(format_try(&fmt, PAPER_LETTER, 0, &t, &ty) == 0 && t.fold_guides,
	    "the format passes fold guides on to the shape");
	T_DONE();
}
