/*
 * style: the type scales a leaflet is set at.  The standard one is the
 * handout's, designed at 12 pt; others are it scaled, or large print.
 */
#include "style.h"

/* The standard scale at 12 pt; the rest are derived from it. */
static const struct typescale standard = {
	12.0f, 17.0f, 9.0f, 5.0f, 20.0f, 14.0f, 10.5f, 10.0f, 10.5f,
	{ 22.0f, 17.0f, 14.0f, 12.5f, 12.0f, 12.0f },
	{ 20.0f, 18.0f, 14.0f, 12.0f, 10.0f, 10.0f },
	17.0f, 11.5f, 26.0f, 15.0f, 14.0f, 10.0f, 9.5f, 0, 0, 0
};

static float
atleast(float v, float min)
{
	return v < min ? min : v;
}

void
typescale_init(struct typescale *t, float body, int large)
{
	float k = body / standard.body;
	int i;

	t->body = body;
	t->leading = standard.leading * k;
	t->para = standard.para * k;
	t->tight = standard.tight * k;
	t->list_indent = standard.list_indent * k;
	t->quote_pad = standard.quote_pad * k;
	t->code = standard.code * k;
	t->code_pad = standard.code_pad * k;
	t->caption = standard.caption * k;
	for (i = 0; i < 6; i++) {
		t->heading[i] = standard.heading[i] * k;
		t->heading_space[i] = standard.heading_space[i] * k;
	}
	t->brand = standard.brand * k;
	t->tagline = standard.tagline * k;
	t->title = standard.title * k;
	t->subtitle = standard.subtitle * k;
	t->contact_head = standard.contact_head * k;
	t->govern = standard.govern * k;
	t->footer = standard.footer * k;
	t->upright = 0;
	t->compact = 0;
	t->wide_images = 0;
	if (!large)
		return;
	/* RNIB and UKAAF clear print: nothing smaller than the body. */
	t->leading = body * 1.5f;
	t->para = body;
	t->tight = body * 0.5f;
	t->code = t->caption = t->govern = t->footer = body;
	t->tagline = atleast(t->tagline, body);
	for (i = 0; i < 6; i++) {
		t->heading[i] = atleast(t->heading[i], body);
		t->heading_space[i] *= 1.25f;
	}
	t->upright = 1;
	t->wide_images = 1;
}

#define LEADING_MIN	1.3f	/* of the body size, when tightened */

void
typescale_tighten(struct typescale *t, int level)
{
	int i;

	t->para *= 0.6f;
	t->tight *= 0.6f;
	for (i = 0; i < 6; i++)
		t->heading_space[i] *= 0.7f;
	if (!t->upright)	/* large print keeps its 1.5 */
		t->leading = atleast(t->leading * 0.95f,
		    t->body * LEADING_MIN);
	t->compact = level >= 2;
}

enum face
typescale_face(const struct typescale *t, enum face f)
{
	if (t->upright && (f == FACE_ITALIC || f == FACE_BOLDITALIC))
		return FACE_BOLD;
	return f;
}
