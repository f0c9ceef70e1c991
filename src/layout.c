/*
 * layout: blocks -> lines -> units in frames -> display list, in three
 * stages of their own: typeset.c breaks each block into lines,
 * paginate.c places them in the frames the page shape gives, compose.c
 * draws the result and the shape's furniture.
 */
#include <stdlib.h>
#include <string.h>

#include "breaks.h"
#include "compose.h"
#include "document.h"
#include "layout.h"
#include "pages.h"
#include "paginate.h"
#include "shape.h"
#include "typeset.h"
#include "xalloc.h"

int
layout_run(struct pages *out, const struct document *doc,
    const struct layout_opts *o, size_t *over, struct diag *d)
{
	struct typesetter ts;
	struct flow f;
	int rc;

	memset(out, 0, sizeof(*out));
	memset(&ts, 0, sizeof(ts));
	ts.fonts = o->fonts;
	ts.hyph = o->hyphs ? hyph_get(o->hyphs, doc->lang) : NULL;
	ts.lang = doc->lang;
	ts.justify = doc->justify;
	if ((rc = paginate(&f, doc, o->shape, &ts, o->fit, d)) != 0) {
		if (over != NULL)
			*over = f.over;
		flow_free(&f);
		return rc == 1 && o->fit ? 1 : -1;
	}
	compose(out, &f, doc, o->shape, o->fonts);
	if (o->stats) {
		out->stats = xcalloc(doc->nblocks ? doc->nblocks : 1,
		    sizeof(*out->stats));
		out->nstats = typeset_stats(doc->blocks, f.tb, doc->nblocks,
		    out->stats);
	}
	flow_free(&f);
	return 0;
}
