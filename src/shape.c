/*
 * shape: the page shapes leaflets come in.  Each is a frame function
 * and a furniture function over its own geometry.
 */
#include <stdlib.h>
#include <string.h>

#include "fonts.h"
#include "pages.h"
#include "shape.h"
#include "xalloc.h"

/* The handout: A4 or US Letter, portrait, one column. */
#define MEASURE_MAX	420.0f	/* about 75 characters of 12 pt text */
#define MARGIN_MIN	54.0f
#define MARGIN_TOP	44.0f
#define MARGIN_BOTTOM	62.0f	/* the footer lives below the frame */
#define FOOTER_BASE	32.0f	/* footer baseline above the page's bottom */
#define FOOTER_SIZE	9.5f

static void
handout_body(const struct shape *s, struct frame *fr)
{
	fr->w = s->width - 2 * MARGIN_MIN;
	if (fr->w > MEASURE_MAX)
		fr->w = MEASURE_MAX;
	fr->x = (s->width - fr->w) / 2;
	fr->top = MARGIN_TOP;
	fr->h = s->height - MARGIN_TOP - MARGIN_BOTTOM;
}

static int
handout_frame(const struct shape *s, size_t n, struct frame *fr)
{
	handout_body(s, fr);
	fr->page = n;
	return 0;
}

/* A rule, the clinic's name and phone, and "Page X of Y" at the right. */
static void
handout_furniture(const struct shape *s, struct page *pg,
    const struct furnish *fu)
{
	static const struct rgb grey = { 0.35f, 0.35f, 0.35f };
	const struct font *f = fu->fonts[FACE_REGULAR];
	struct frame fr;
	char *num = xasprintf("Page %zu of %zu", fu->page + 1, fu->npages);
	float w = font_width(f, num, strlen(num), FOOTER_SIZE);

	handout_body(s, &fr);
	pages_rule(pg, -1, fr.x, FOOTER_BASE + 14.0f, fr.w, 0, 0.5f,
	    fu->primary);
	pages_text(pg, -1, fr.x, FOOTER_BASE, FACE_REGULAR, FOOTER_SIZE, grey,
	    fu->footer, strlen(fu->footer), font_width(f, fu->footer,
	    strlen(fu->footer), FOOTER_SIZE));
	pages_text(pg, -1, fr.x + fr.w - w, FOOTER_BASE, FACE_REGULAR,
	    FOOTER_SIZE, grey, num, strlen(num), w);
	free(num);
}

void
shape_handout(struct shape *s, enum paper paper)
{
	memset(s, 0, sizeof(*s));
	if (paper == PAPER_LETTER) {
		s->width = 612.0f;
		s->height = 792.0f;
	} else {
		s->width = 595.276f;
		s->height = 841.89f;
	}
	s->frame = handout_frame;
	s->furniture = handout_furniture;
}
