/*
 * trifold: one landscape sheet, printed on both sides and letter-folded
 * (a C-fold) in three.  The sheet as it comes out of a duplex printer
 * set to flip on the short edge (the sheet turns over about its
 * vertical axis: both sides stand upright, and what is at the left of
 * one side is at the right of the other):
 *
 *        PDF page 1: outside                PDF page 2: inside
 *   +--------+----------+----------+  +----------+----------+--------+
 *   |   A    |    B     |    C     |  |    D     |    E     |   F    |
 *   | inside |   back   |  front   |  |  inside  |  inside  | folded |
 *   |  flap  |          |  cover   |  |   left   |  middle  |   in   |
 *   |        | contact, |  brand,  |  |          |          |        |
 *   | body 1 | governa- |  title,  |  |  body 2  |  body 3  | body 4 |
 *   |        | nce line | subtitle |  |          |          |        |
 *   +--------+----------+----------+  +----------+----------+--------+
 *     narrow    wide       wide          wide       wide      narrow
 *
 * A and F are the two faces of one panel; so are B and E, and C and D.
 * Fold with the inside up: F in over E first, then D over onto F.  The
 * folded leaflet shows C on top, opening like a book, and B underneath.
 * F lies inside D's fold, so it is TUCK narrower than the others: a
 * full-width panel would butt against the crease and bulge.
 *
 *     folded, from the side        cover lifted          all open
 *       C/D  ____________         ____ ____        ____ ____ ____
 *       A/F  ___________ )       | D  | A  |      | D  | E  | F  |
 *       B/E  ____________)       |____|____|      |____|____|____|
 *
 * Reading order, so the order of the frames: the cover C (0); lift it
 * and the flap A lies at the right beside D: A opens the body (1); swing
 * A out and D, E, F lie open in a row, read left to right (2, 3, 4); the
 * back B last (5).  Starting the body on D instead would put A between D
 * and E, and the open sheet, where A is hidden, would have a gap.
 *
 * Each panel has its own margins, MARGIN from its folds and the sheet's
 * edges; there is no footer or page number.  Fold guides, when asked
 * for, are dashed lines along the two folds on the inside, where the
 * sheet is folded from.
 */
#include <string.h>

#include "fonts.h"
#include "pages.h"
#include "shape.h"

#define MM		(72.0f / 25.4f)
#define TUCK		(3.0f * MM)	/* the folded-in panel is narrower */
#define MARGIN		(9.0f * MM)	/* from a fold or the sheet's edge */
#define MARGIN_TOP	(12.0f * MM)
#define MARGIN_BOTTOM	(12.0f * MM)
#define GUIDE_DASH	3.0f		/* points on, points off */
#define PANEL_FRAC	0.25f		/* the cover's coloured panel, of the
					   height, at the most */
#define PANEL_EMS	5.0f		/* and at the least, in ems of the body */
#define PANEL_GAP	MARGIN		/* between the cover's text and it */
#define BACK_SINK	0.5f		/* the back's text is centred */

/* The panels in reading order: the story, side (page) and slot on it. */
static const struct panel {
	enum story	story;
	size_t		page;	/* 0 outside, 1 inside */
	int		slot;	/* 0 left, 1 middle, 2 right, as printed */
} panels[] = {
	{ STORY_COVER, 0, 2 },	/* C, the front cover */
	{ STORY_BODY, 0, 0 },	/* A, the inside flap */
	{ STORY_BODY, 1, 0 },	/* D */
	{ STORY_BODY, 1, 1 },	/* E */
	{ STORY_BODY, 1, 2 },	/* F, folded in */
	{ STORY_BACK, 0, 1 }	/* B, the back */
};
#define NPANELS	(sizeof(panels) / sizeof(panels[0]))

/*
 * The left edge and width of the panel in slot on one side: the narrow
 * folded-in panel is at the left of the outside and the right of the
 * inside, its two faces back to back.
 */
static void
panel_span(const struct shape *s, size_t page, int slot, float *x, float *w)
{
	float wide = (s->width + TUCK) / 3, narrow = wide - TUCK;

	if (page == 0) {
		*x = slot == 0 ? 0 : narrow + (float)(slot - 1) * wide;
		*w = slot == 0 ? narrow : wide;
	} else {
		*x = (float)slot * wide;
		*w = slot == 2 ? narrow : wide;
	}
}

static int
trifold_frame(const struct shape *s, size_t n, struct frame *fr)
{
	if (n >= NPANELS)
		return -1;
	fr->story = panels[n].story;
	fr->page = panels[n].page;
	panel_span(s, fr->page, panels[n].slot, &fr->x, &fr->w);
	fr->x += MARGIN;
	fr->w -= 2 * MARGIN;
	fr->top = MARGIN_TOP;
	fr->h = s->height - MARGIN_TOP - MARGIN_BOTTOM;
	fr->sink = fr->story == STORY_BACK ? BACK_SINK : 0;
	if (fr->story == STORY_COVER)	/* the panel is under it */
		fr->h -= PANEL_EMS * s->ty->body + PANEL_GAP;
	return 0;
}

/* How far above the page's foot the text in frame fr on pg comes down. */
static float
text_foot(const struct page *pg, const struct frame *fr,
    const struct furnish *fu)
{
	const struct item *it;
	float foot = -1, y;
	size_t i;

	for (i = 0; i < pg->nitems; i++) {
		it = &pg->items[i];
		if (it->block < 0 || it->x < fr->x || it->x >= fr->x + fr->w)
			continue;
		y = it->y;
		if (it->kind == IT_TEXT)
			y -= fu->fonts[it->face]->descent * it->size;
		if (foot < 0 || y < foot)
			foot = y;
	}
	return foot;
}

/*
 * The cover's panel in the clinic's colour at its foot, as a booklet's
 * cover has: a quarter of the height, or less when the cover's text
 * comes lower, but never shorter than the frame leaves it.
 */
static void
cover_panel(const struct shape *s, struct page *pg, const struct furnish *fu)
{
	struct frame fr;
	float h = s->height * PANEL_FRAC, foot;

	trifold_frame(s, 0, &fr);
	foot = text_foot(pg, &fr, fu);
	if (foot >= 0 && foot - PANEL_GAP - MARGIN_BOTTOM < h)
		h = foot - PANEL_GAP - MARGIN_BOTTOM;
	if (h < PANEL_EMS * s->ty->body)
		h = PANEL_EMS * s->ty->body;
	shape_panel(pg, fu, fr.x, MARGIN_BOTTOM, fr.w, h, s->ty->body);
}

/*
 * On the outside, the cover's panel; on the inside, fold guides when
 * asked for.  Panels have no footer.
 */
static void
trifold_furniture(const struct shape *s, struct page *pg,
    const struct furnish *fu)
{
	static const struct rgb guide = { 0.62f, 0.62f, 0.62f };
	struct item *it;
	float x, w;
	int slot;

	if (fu->page == 0)
		cover_panel(s, pg, fu);
	if (!s->fold_guides || fu->page != 1)
		return;
	for (slot = 1; slot <= 2; slot++) {
		panel_span(s, fu->page, slot, &x, &w);
		it = pages_rule(pg, -1, x, 0, 0, s->height, 0.4f, guide);
		it->dash = GUIDE_DASH;
	}
}

void
shape_trifold(struct shape *s, enum paper paper, const struct typescale *ty)
{
	memset(s, 0, sizeof(*s));
	/* landscape; an A5 profile's tri-fold is printed on A4 */
	paper_size(paper == PAPER_A5 ? PAPER_A4 : paper, &s->height,
	    &s->width);
	s->ty = ty;
	s->stories = 1u << STORY_COVER | 1u << STORY_BACK;
	s->frame = trifold_frame;
	s->furniture = trifold_furniture;
}
