/*
 * doctable: a GitHub table as one block of the document, its cells as
 * text blocks of their own that the walk's inline nodes fill as they
 * fill a paragraph.  The header row is bold, in white on the clinic's
 * colour (compose draws the colour); alignment comes from the
 * delimiter row's colons.  Layout (table.c) decides the columns' widths.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#include "article.h"
#include "docbuild.h"
#include "xalloc.h"

static struct table *
cur_table(struct ctx *c)
{
	return c->doc->blocks[c->table - 1].table;
}

/* The table's own group, for a tagged PDF's [Table], in the one around. */
static int
table_group(struct ctx *c)
{
	struct document *doc = c->doc;
	struct group *g;

	doc->groups = xgrow(doc->groups, doc->ngroups, sizeof(*doc->groups));
	g = &doc->groups[doc->ngroups];
	memset(g, 0, sizeof(*g));
	g->kind = GROUP_TABLE;
	g->parent = c->group;
	return (int)doc->ngroups++;
}

static void
enter_table(struct ctx *c, cmark_node *n)
{
	struct block *b;
	struct table *t;
	uint8_t *al;
	size_t i;
	int line = node_line(c, n);

	flush_marker(c, line);
	if ((b = add_block(c, BLK_TABLE, ROLE_TABLE, line)) == NULL)
		return;
	b->table = t = xcalloc(1, sizeof(*t));
	b->group = table_group(c);
	t->ncols = cmark_gfm_extensions_get_table_columns(n);
	t->align = xcalloc(t->ncols + 1, 1);
	al = cmark_gfm_extensions_get_table_alignments(n);
	for (i = 0; al != NULL && i < t->ncols; i++)
		t->align[i] = al[i] == 'l' || al[i] == 'c' || al[i] == 'r' ?
		    (char)al[i] : 0;
	c->table = c->doc->nblocks;
}

/* A new row of empty cells: rows short of cells keep the rest empty. */
static void
enter_row(struct ctx *c, cmark_node *n)
{
	struct table *t = cur_table(c);
	struct block *cell;
	size_t i;

	t->cells = xreallocarray(t->cells, (t->nrows + 1) * t->ncols,
	    sizeof(*t->cells));
	for (i = 0; i < t->ncols; i++) {
		cell = &t->cells[t->nrows * t->ncols + i];
		memset(cell, 0, sizeof(*cell));
		cell->kind = BLK_TEXT;
		cell->role = ROLE_TABLE;
		cell->ascent = c->doc->ty.body;
		cell->leading = c->doc->ty.leading;
		cell->group = -1;
		cell->pos.file = c->art->file;
		cell->pos.line = node_line(c, n);
	}
	t->nrows++;
	if (t->nrows == 1)
		c->st.strong++;		/* the header */
}

static void
leave_row(struct ctx *c)
{
	struct table *t = cur_table(c);
	struct block *cell;
	size_t i, j;

	if (t->nrows != 1)
		return;
	c->st.strong--;
	for (i = 0; i < t->ncols; i++) {
		cell = &t->cells[i];
		for (j = 0; j < cell->nruns; j++)
			cell->runs[j].color = (struct rgb){ 1, 1, 1 };
	}
}

/* The cell's place in its row: cmark-gfm drops cells past the header's. */
static void
enter_cell(struct ctx *c, cmark_node *n)
{
	struct table *t = cur_table(c);
	cmark_node *k;
	size_t col = 0;

	for (k = cmark_node_previous(n); k != NULL; k = cmark_node_previous(k))
		col++;
	c->cur = col < t->ncols ? &t->cells[(t->nrows - 1) * t->ncols + col] :
	    NULL;
}

/*
 * Is n part of a table?  Then it is built here: 1.  The extensions'
 * node types are variables, so the walk cannot switch on them.
 */
int
table_node(struct ctx *c, cmark_node *n, cmark_event_type ev)
{
	cmark_node_type type = cmark_node_get_type(n);
	int enter = ev == CMARK_EVENT_ENTER;

	if (type == CMARK_NODE_TABLE) {
		if (enter)
			enter_table(c, n);
		else
			c->table = 0;
	} else if (type == CMARK_NODE_TABLE_ROW) {
		if (c->table == 0)
			return 1;
		if (enter)
			enter_row(c, n);
		else
			leave_row(c);
	} else if (type == CMARK_NODE_TABLE_CELL) {
		if (c->table == 0 || cur_table(c)->nrows == 0)
			return 1;
		if (enter)
			enter_cell(c, n);
		else
			c->cur = NULL;
	} else
		return 0;
	return 1;
}
