/*
 * tags: what each item of the display list is to a reader, from the
 * block it came from (a paragraph, a heading, a list label, a table
 * cell...), and the containers the blocks sat in, so that render can
 * write a tagged PDF.  Items that compose tagged as it drew them (list
 * labels, table cells, rules) keep their tags.
 */
#include <stdlib.h>

#include "document.h"
#include "pages.h"
#include "tags.h"
#include "xalloc.h"

/* A text item's tag, from what its block is and where it stands. */
static enum tag
text_tag(const struct document *doc, const struct block *b, int *level)
{
	switch (b->role) {
	case ROLE_TITLE:
		*level = 1;
		return TAG_H;
	case ROLE_H:
		*level = b->level;
		return TAG_H;
	case ROLE_LI:
		return TAG_LBODY;
	case ROLE_CODE:
		return TAG_CODE;
	case ROLE_FIGURE:
		return doc->captions ? TAG_CAPTION : TAG_FIGURE;
	case ROLE_QUOTE:
		return TAG_QUOTE;
	case ROLE_TABLE:
		return TAG_TD;	/* a row set as text; cells are tagged */
	default:
		break;
	}
	if (b->callout == 0)
		return TAG_P;
	switch (doc->callouts[b->callout - 1].kind) {
	case CALLOUT_NOTE:
		return TAG_QUOTE;
	case CALLOUT_WARNING:
		return TAG_NOTE;
	case CALLOUT_CODE:
		return TAG_CODE;
	default:
		return TAG_P;
	}
}

/*
 * Every item says what it is to a reader: furniture, rules, boxes and
 * the logo (the clinic's name stands beside it) are not read.
 */
void
tag_page(const struct document *doc, struct page *pg)
{
	const struct block *b;
	struct item *it;
	size_t i;

	for (i = 0; i < pg->nitems; i++) {
		it = &pg->items[i];
		b = it->block >= 0 ? &doc->blocks[it->block] : NULL;
		if (it->tag != TAG_AUTO)
			continue;
		if (b == NULL || it->kind == IT_RULE || it->kind == IT_RECT ||
		    (it->kind == IT_IMAGE && b->kind == BLK_BRAND))
			it->tag = TAG_ARTIFACT;
		else if (it->kind == IT_LINK)
			it->tag = TAG_LINK;
		else if (it->kind == IT_IMAGE)
			it->tag = TAG_FIGURE;
		else
			it->tag = text_tag(doc, b, &it->level);
	}
}

/* The document's containers, for a tagged PDF to nest its items in. */
void
tag_nesting(struct pages *out, const struct document *doc)
{
	const struct group *g;
	size_t i;

	out->nblocks = doc->nblocks;
	out->parent = xcalloc(doc->nblocks ? doc->nblocks : 1,
	    sizeof(*out->parent));
	for (i = 0; i < doc->nblocks; i++)
		out->parent[i] = doc->blocks[i].group;
	out->nnest = doc->ngroups;
	out->nest = xcalloc(doc->ngroups ? doc->ngroups : 1,
	    sizeof(*out->nest));
	for (i = 0; i < doc->ngroups; i++) {
		g = &doc->groups[i];
		out->nest[i].parent = g->parent;
		if (g->footnote)
			out->nest[i].kind = g->kind == GROUP_LIST ? NEST_NOTES :
			    NEST_FOOTNOTE;
		else if (g->kind == GROUP_LIST)
			out->nest[i].kind = NEST_LIST;
		else if (g->kind == GROUP_ITEM)
			out->nest[i].kind = NEST_ITEM;
		else if (g->kind == GROUP_TABLE)
			out->nest[i].kind = NEST_TABLE;
		else if (g->callout && doc->callouts[g->callout - 1].kind ==
		    CALLOUT_WARNING)
			out->nest[i].kind = NEST_NOTE;
		else
			out->nest[i].kind = NEST_QUOTE;
	}
}
