/*
 * format: the leaflet formats, each a page shape and a type scale.
 */
#include <strings.h>

#include "format.h"

#define COVER_TITLE	1.25f	/* a booklet's title, alone on its cover */
#define BOOKLET_BODY	12.0f	/* a booklet's body, at the least */
#define BOOKLET_FILL	14.0f	/* and at the most, to fill notes pages */

const char *const layout_names[LAYOUT__MAX + 1] = {
	"handout", "large-print", "trifold", "booklet", NULL
};

const char *const layout_nouns[LAYOUT__MAX] = {
	"handout", "large-print handout", "tri-fold", "booklet"
};

int
layout_parse(const char *s, enum layout *l)
{
	int i;

	for (i = 0; i < LAYOUT__MAX; i++)
		if (strcasecmp(s, layout_names[i]) == 0) {
			*l = (enum layout)i;
			return 0;
		}
	return -1;
}

/*
 * A tri-fold has six panels and no more: its body steps down half a
 * point at a time from 12 pt until the article fits, to 11 pt at least.
 */
static int
trifold_try(const struct format *f, enum paper paper, unsigned attempt,
    struct shape *sh, struct typescale *ty)
{
	float body = 12.0f - 0.5f * (float)attempt;

	if (body < TRIFOLD_BODY_MIN)
		return -1;
	typescale_init(ty, body, 0);
	shape_trifold(sh, paper, ty);
	sh->fold_guides = f->fold_guides;
	return 0;
}

/* A booklet of n pages with its body at body points. */
static int
booklet_at(enum paper paper, size_t n, float body, struct shape *sh,
    struct typescale *ty)
{
	typescale_init(ty, body, 0);
	ty->title *= COVER_TITLE;
	return shape_booklet(sh, paper, ty, n);
}

/*
 * A booklet's ways are its page counts, 4, 8, 12...: the first the
 * article fits has the fewest blank pages (for notes).
 */
static int
booklet_try(enum paper paper, unsigned attempt, struct shape *sh,
    struct typescale *ty)
{
	if (attempt >= BOOKLET_MAX / 4)
		return -1;
	return booklet_at(paper, 4 * (attempt + 1), BOOKLET_BODY, sh, ty);
}

int
format_fill(const struct format *f, enum paper paper, unsigned attempt,
    unsigned step, struct shape *sh, struct typescale *ty)
{
	float body = BOOKLET_BODY + 0.5f * (float)(step + 1);

	if (f->layout != LAYOUT_BOOKLET || attempt >= BOOKLET_MAX / 4 ||
	    body > BOOKLET_FILL)
		return -1;
	return booklet_at(paper, 4 * (attempt + 1), body, sh, ty);
}

int
format_saves_pages(const struct format *f)
{
	switch (f->layout) {
	case LAYOUT_HANDOUT:
	case LAYOUT_LARGE:
		return 1;
	default:
		return 0;
	}
}

int
format_try(const struct format *f, enum paper paper, unsigned attempt,
    struct shape *sh, struct typescale *ty)
{
	if (f->layout == LAYOUT_TRIFOLD)
		return trifold_try(f, paper, attempt, sh, ty);
	if (f->layout == LAYOUT_BOOKLET)
		return booklet_try(paper, attempt, sh, ty);
	if (attempt > 0)
		return -1;
	switch (f->layout) {
	case LAYOUT_LARGE:
		typescale_init(ty, f->body >= LARGE_BODY_MIN ? f->body :
		    LARGE_BODY_MIN, 1);
		break;
	default:
		typescale_init(ty, 12.0f, 0);
		break;
	}
	shape_handout(sh, paper, ty);
	return 0;
}

int
format_sheet(const struct format *f, enum paper paper, float *w, float *h)
{
	if (f->layout != LAYOUT_BOOKLET || f->no_impose)
		return 0;
	booklet_sheet(paper, w, h);
	return 1;
}
