/*
 * booklet: the A5 booklet's pages (half US Letter on Letter paper), a
 * shape of a fixed number of pages, a multiple of 4: the cover, the
 * body's pages, the back cover.  Body pages the text does not reach
 * become pages for notes.  impose.c puts the pages on sheets.
 */
#include <stdlib.h>
#include <string.h>

#include "fonts.h"
#include "pages.h"
#include "shape.h"
#include "xalloc.h"

#define MARGIN_FRAC	0.09f	/* of the page's width, each side */
#define MARGIN_TOP	40.0f
#define MARGIN_BOTTOM	56.0f	/* the page number lives below the frame */
#define FOOTER_BASE	28.0f	/* its baseline above the page's bottom */
#define COVER_TOP	0.10f	/* the cover's text starts here, of the height */
#define PANEL_FRAC	0.30f	/* the cover's coloured panel, of the height */
#define BACK_TOP	0.30f	/* the back cover's text starts here */
#define BAND		6.0f	/* the back cover's band in the clinic's colour */
#define NOTES_RULE	24.0f	/* between the lines of a notes page: 8.5 mm */

/* Page counts the shape comes in; arg points at one. */
static const size_t page_counts[BOOKLET_MAX / 4] = {
	4, 8, 12, 16, 20, 24, 28, 32, 36, 40, 44, 48, 52, 56, 60, 64
};

static size_t
npages(const struct shape *s)
{
	return *(const size_t *)s->arg;
}

/* The text frame of any page; the cover's starts lower. */
static void
body_frame(const struct shape *s, struct frame *fr)
{
	float margin = s->width * MARGIN_FRAC;

	fr->x = margin;
	fr->w = s->width - 2 * margin;
	fr->top = MARGIN_TOP;
	fr->h = s->height - MARGIN_TOP - MARGIN_BOTTOM;
}

/* Frame n is page n: the cover, the body's pages, the back cover. */
static int
booklet_frame(const struct shape *s, size_t n, struct frame *fr)
{
	size_t last = npages(s) - 1;

	if (n > last)
		return -1;
	body_frame(s, fr);
	fr->page = n;
	fr->story = n == 0 ? STORY_COVER : n == last ? STORY_BACK : STORY_BODY;
	if (n == 0) {
		fr->top = s->height * COVER_TOP;
		fr->h = s->height * (1 - PANEL_FRAC) - fr->top - MARGIN_TOP;
	} else if (n == last) {
		fr->top = s->height * BACK_TOP;
		fr->h = s->height - fr->top - MARGIN_BOTTOM;
	}
	return 0;
}

/* A band of colour c, h high, across the text's width, a margin up. */
static struct item *
band(struct page *pg, const struct frame *fr, float margin, float h,
    struct rgb c)
{
	struct item *it = pages_add(pg, IT_RECT, -1);

	it->x = fr->x;
	it->y = margin;
	it->w = fr->w;
	it->h = h;
	it->color = c;
	return it;
}

/*
 * The cover's lower part: a panel in the clinic's colour across the
 * text's width, the clinic's name on it and its phone below.
 */
static void
cover(const struct shape *s, struct page *pg, const struct furnish *fu)
{
	struct frame fr;

	body_frame(s, &fr);
	shape_panel(pg, fu, fr.x, fr.x, fr.w, s->height * PANEL_FRAC,
	    s->ty->body);
}

/* A page the text did not reach: "Notes", and lines to write on. */
static void
notes(const struct shape *s, struct page *pg, const struct furnish *fu)
{
	static const struct rgb rule = { 0.70f, 0.70f, 0.70f };
	const struct font *f = fu->fonts[FACE_BOLD];
	float size = s->ty->heading[1], y, bottom;
	struct frame fr;

	body_frame(s, &fr);
	y = s->height - fr.top - f->ascent * size;
	pages_text(pg, -1, fr.x, y, FACE_BOLD, size, fu->primary, "Notes", 5,
	    font_width(f, "Notes", 5, size));
	bottom = s->height - fr.top - fr.h;
	for (y -= 1.5f * NOTES_RULE; y >= bottom; y -= NOTES_RULE)
		pages_rule(pg, -1, fr.x, y, fr.w, 0, 0.5f, rule);
}

/*
 * A body page's foot: its number at the outer corner (right on a right
 * hand page, the odd ones from 1), the clinic's name and phone inside.
 */
static void
foot(const struct shape *s, struct page *pg, const struct furnish *fu)
{
	static const struct rgb grey = { 0.35f, 0.35f, 0.35f };
	const struct font *f = fu->fonts[FACE_REGULAR];
	float size = s->ty->footer, nw, cw;
	char *num = xasprintf("%zu", fu->page + 1);
	struct frame fr;
	int right = fu->page % 2 == 0;

	body_frame(s, &fr);
	nw = font_width(fu->fonts[FACE_BOLD], num, strlen(num), size);
	cw = font_width(f, fu->footer, strlen(fu->footer), size);
	pages_text(pg, -1, right ? fr.x + fr.w - nw : fr.x, FOOTER_BASE,
	    FACE_BOLD, size, fu->primary, num, strlen(num), nw);
	if (cw + nw + 2 * size <= fr.w)
		pages_text(pg, -1, right ? fr.x : fr.x + fr.w - cw,
		    FOOTER_BASE, FACE_REGULAR, size, grey, fu->footer,
		    strlen(fu->footer), cw);
	free(num);
}

static void
booklet_furniture(const struct shape *s, struct page *pg,
    const struct furnish *fu)
{
	struct frame fr;

	body_frame(s, &fr);
	if (fu->page == 0)
		cover(s, pg, fu);
	else if (fu->page + 1 == npages(s))
		band(pg, &fr, fr.x, BAND, fu->primary);
	else if (fu->page + 1 < npages(s)) {
		if (fu->blank)
			notes(s, pg, fu);
		foot(s, pg, fu);
	}
}

void
booklet_sheet(enum paper paper, float *w, float *h)
{
	/* landscape */
	paper_size(paper == PAPER_LETTER ? PAPER_LETTER : PAPER_A4, h, w);
}

int
shape_booklet(struct shape *s, enum paper paper, const struct typescale *ty,
    size_t n)
{
	if (n < 4 || n > BOOKLET_MAX || n % 4 != 0)
		return -1;
	memset(s, 0, sizeof(*s));
	if (paper == PAPER_LETTER) {
		booklet_sheet(paper, &s->width, &s->height);
		s->width /= 2;
	} else
		paper_size(PAPER_A5, &s->width, &s->height);
	s->ty = ty;
	s->stories = 1u << STORY_COVER | 1u << STORY_BACK;
	s->frame = booklet_frame;
	s->furniture = booklet_furniture;
	s->arg = &page_counts[n / 4 - 1];
	return 0;
}
