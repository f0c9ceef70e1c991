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

/* The handout: portrait, one column. */
#define MEASURE_EMS	35.0f	/* about 75 characters of text */
#define MARGIN_MIN	54.0f
#define MARGIN_FRAC	0.09f	/* of a small page's width */
#define MARGIN_TOP	44.0f
#define MARGIN_BOTTOM	62.0f	/* the footer lives below the frame */
#define FOOTER_BASE	32.0f	/* footer baseline above the page's bottom */

void
paper_size(enum paper paper, float *w, float *h)
{
	switch (paper) {
	case PAPER_LETTER:
		*w = 612.0f;
		*h = 792.0f;
		break;
	case PAPER_A5:
		*w = 419.528f;
		*h = 595.276f;
		break;
	default:
		*w = 595.276f;
		*h = 841.89f;
		break;
	}
}

static void
handout_body(const struct shape *s, struct frame *fr)
{
	float margin = s->width * MARGIN_FRAC;

	if (margin > MARGIN_MIN)
		margin = MARGIN_MIN;
	fr->w = s->width - 2 * margin;
	if (fr->w > MEASURE_EMS * s->ty->body)
		fr->w = MEASURE_EMS * s->ty->body;
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

/*
 * A rule, the clinic's name and phone, and "Page X of Y" at the right;
 * the name alone when the two would meet (large print).
 */
static void
handout_furniture(const struct shape *s, struct page *pg,
    const struct furnish *fu)
{
	static const struct rgb grey = { 0.35f, 0.35f, 0.35f };
	const struct font *f = fu->fonts[FACE_REGULAR];
	float size = s->ty->footer;
	struct frame fr;
	char *num = xasprintf("Page %zu of %zu", fu->page + 1, fu->npages);
	float w = font_width(f, num, strlen(num), size);
	size_t len = strlen(fu->footer);
	const char *dot;

	handout_body(s, &fr);
	if (font_width(f, fu->footer, len, size) + w + size > fr.w &&
	    (dot = strstr(fu->footer, FOOTER_SEP)) != NULL)
		len = (size_t)(dot - fu->footer);
	/* a rule about 1.5 em above the footer's baseline */
	pages_rule(pg, -1, fr.x, FOOTER_BASE + size * 28.0f / 19.0f, fr.w, 0,
	    0.5f, fu->primary);
	pages_text(pg, -1, fr.x, FOOTER_BASE, FACE_REGULAR, size, grey,
	    fu->footer, len, font_width(f, fu->footer, len, size));
	pages_text(pg, -1, fr.x + fr.w - w, FOOTER_BASE, FACE_REGULAR,
	    size, grey, num, strlen(num), w);
	free(num);
}

/* White on a dark colour, else the text's colour. */
static struct rgb
on(struct rgb c)
{
	static const struct rgb white = { 1, 1, 1 };

	return 0.2126f * c.r + 0.7152f * c.g + 0.0722f * c.b < 0.5f ? white :
	    COLOR_TEXT;
}

/*
 * Text on a panel: s[0..n) at x, y, in colour c, size points or less to
 * fit maxw.
 */
static void
panel_text(struct page *pg, const struct font *f, float x, float y,
    float size, float maxw, struct rgb c, const char *s, size_t n)
{
	float w = font_width(f, s, n, size);

	if (w > maxw) {
		size *= maxw / w;
		w = maxw;
	}
	pages_text(pg, -1, x, y, FACE_BOLD, size, c, s, n, w);
}

void
shape_panel(struct page *pg, const struct furnish *fu, float x, float y,
    float w, float h, float size)
{
	const struct font *f = fu->fonts[FACE_BOLD];
	const char *name = fu->footer, *phone = strstr(name, FOOTER_SEP);
	size_t len = phone ? (size_t)(phone - name) : strlen(name);
	float pad = size;

	pages_rect(pg, -1, x, y, w, h, fu->primary);
	y += pad;
	if (phone != NULL) {
		phone += strlen(FOOTER_SEP);
		panel_text(pg, f, x + pad, y, size, w - 2 * pad,
		    on(fu->primary), phone, strlen(phone));
		y += size * 1.4f;
	}
	panel_text(pg, f, x + pad, y, size, w - 2 * pad, on(fu->primary),
	    name, len);
}

static int
cut_frame(const struct shape *s, size_t n, struct frame *fr)
{
	const struct shape_cut *c = s->arg;

	if (c->inner.frame(&c->inner, n, fr) == -1 || fr->page >= c->pages)
		return -1;
	return 0;
}

static void
cut_furniture(const struct shape *s, struct page *pg,
    const struct furnish *fu)
{
	const struct shape_cut *c = s->arg;

	c->inner.furniture(&c->inner, pg, fu);
}

void
shape_cut(struct shape *out, struct shape_cut *c, const struct shape *in,
    size_t pages)
{
	c->inner = *in;
	c->pages = pages;
	*out = *in;
	out->frame = cut_frame;
	out->furniture = cut_furniture;
	out->arg = c;
}

void
shape_handout(struct shape *s, enum paper paper, const struct typescale *ty)
{
	memset(s, 0, sizeof(*s));
	paper_size(paper, &s->width, &s->height);
	s->ty = ty;
	s->frame = handout_frame;
	s->furniture = handout_furniture;
}
