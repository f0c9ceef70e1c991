/*
 * format: the leaflet formats, each a page shape and a type scale.
 */
#include <strings.h>

#include "format.h"

const char *const layout_names[LAYOUT__MAX + 1] = {
	"handout", "large-print", "trifold", NULL
};

const char *const layout_nouns[LAYOUT__MAX] = {
	"handout", "large-print handout", "tri-fold"
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
