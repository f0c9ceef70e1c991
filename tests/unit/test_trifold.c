/*
 * The tri-fold's shape (trifold.c): six panels on the two sides of a
 * landscape sheet, in reading order, the folded-in one narrower, each
 * outside panel back to back with its inside one after duplex printing
 * flipped on the short edge; the cover's panel in the clinic's colour;
 * and the type sizes format_try steps down.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "leaflet.h"
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

static const struct font *fonts[FACE__MAX];

/* Side `page` of s with its furniture added to what pg holds. */
static void
furnish(const struct shape *s, size_t page, struct page *pg)
{
	static const struct rgb green = { 0.04f, 0.43f, 0.31f };
	struct furnish fu;

	memset(&fu, 0, sizeof(fu));
	fu.fonts = fonts;
	fu.footer = "Clinic  \xc2\xb7  0123";
	fu.primary = green;
	fu.page = page;
	fu.npages = 2;
	s->furniture(s, pg, &fu);
}

/* A side with nothing on it, what ps held freed. */
static struct page *
blank_side(struct pages *ps)
{
	pages_free(ps);
	ps->v = calloc(1, sizeof(*ps->v));
	ps->n = 1;
	return ps->v;
}

/* Dashed rules on a page the furniture drew; the x of the last. */
static int
dashes(const struct shape *s, size_t page, float *x)
{
	struct pages ps;
	struct page *pg;
	size_t i;
	int n = 0;

	memset(&ps, 0, sizeof(ps));
	pg = blank_side(&ps);
	furnish(s, page, pg);
	for (i = 0; i < pg->nitems; i++)
		if (pg->items[i].kind == IT_RULE && pg->items[i].dash > 0) {
			n++;
			*x = pg->items[i].x;
		}
	pages_free(&ps);
	return n;
}

/* The filled rectangle the furniture drew on side `page`, or NULL. */
static const struct item *
panel(const struct page *pg)
{
	size_t i;

	for (i = 0; i < pg->nitems; i++)
		if (pg->items[i].kind == IT_RECT && pg->items[i].block < 0)
			return &pg->items[i];
	return NULL;
}

/* Whether pg has furniture text reading t, in white. */
static int
white_text(const struct page *pg, const char *t)
{
	size_t i;

	for (i = 0; i < pg->nitems; i++)
		if (pg->items[i].kind == IT_TEXT && pg->items[i].block < 0 &&
		    strcmp(pg->items[i].text, t) == 0 &&
		    pg->items[i].color.r == 1 && pg->items[i].color.b == 1)
			return 1;
	return 0;
}

int
main(void)
{
	static const enum story story[6] = { STORY_COVER, STORY_BODY,
	    STORY_BODY, STORY_BODY, STORY_BODY, STORY_BACK };
	static const size_t page[6] = { 0, 0, 1, 1, 1, 0 };
	struct typescale ty;
	struct format fmt;
	struct diag d = { stderr, 0, 0 };
	struct build ctx;
	struct shape s, t;
	struct frame fr[8], *A, *B, *C, *D, *E, *F;
	struct pages ps;
	struct page *pg;
	const struct item *it;
	float x = 0, W, tuck, top;
	size_t i;
	int ok;

	T_PLAN(31);
	if (build_init(&ctx, "fonts", &d) == -1)
		return 1;
	for (i = 0; i < FACE__MAX; i++)
		fonts[i] = &ctx.fonts[i];
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
	T_OK(near(B->sink, 0.5f) && near(A->sink, 0) && near(C->sink, 0),
	    "the back's text is centred, the others' from the top");

	/* the cover's panel: at its foot, across its frame, as a booklet's */
	memset(&ps, 0, sizeof(ps));
	pg = blank_side(&ps);
	furnish(&s, 0, pg);
	it = panel(pg);
	T_OK(it != NULL && near(it->x, C->x) && near(it->w, C->w) &&
	    near(it->y, s.height - D->top - D->h) &&
	    near(it->h, s.height / 4), "the cover: a panel a quarter high at "
	    "its foot");
	T_OK(it != NULL && s.height - C->top - C->h >= it->y + 5 * 12 + 8 * MM,
	    "the cover's frame leaves it five ems and a gap at least");
	T_OK(white_text(pg, "Clinic") && white_text(pg, "0123"),
	    "the clinic's name and phone on it, white on dark green");
	/* text low in the cover's frame: the panel keeps clear of it */
	top = s.height - C->top - C->h + 10;
	pg = blank_side(&ps);
	pages_text(pg, 2, C->x, top, FACE_REGULAR, 12, COLOR_TEXT, "low", 3,
	    20);
	furnish(&s, 0, pg);
	it = panel(pg);
	T_OK(it != NULL && it->y + it->h < top - 12 && it->h >= 5 * 12 - 0.01f,
	    "shorter under a cover's text that comes low, five ems at least");
	pg = blank_side(&ps);
	furnish(&s, 1, pg);
	T_OK(panel(pg) == NULL, "no panel on the inside");
	pages_free(&ps);

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
	build_free(&ctx);
	T_DONE();
}
