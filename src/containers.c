/*
 * containers: the lists, items and block quotes open around the walk, on
 * a small explicit stack, and what they do to the blocks inside them:
 * indent, list markers and numbers, tight spacing, and the callout box a
 * top-level block quote (or a GitHub alert) becomes.
 */
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#include "docbuild.h"
#include "xalloc.h"

/*
 * GitHub's alert syntax, "> [!WARNING]": the tag becomes a bold label,
 * as if the author had written "**Warning:**".  Returns 1 for the
 * urgent kinds.  The article itself is left as it is: it is shared by
 * every leaflet made from it.
 */
static int
alert(struct ctx *c, cmark_node *text, const char *lit)
{
	static const struct {
		const char	*tag;
		const char	*label;
		int		 urgent;
	} tags[] = {
		{ "[!NOTE]", "Note: ", 0 },
		{ "[!TIP]", "Tip: ", 0 },
		{ "[!IMPORTANT]", "Important: ", 0 },
		{ "[!WARNING]", "Warning: ", 1 },
		{ "[!CAUTION]", "Caution: ", 1 },
	};
	size_t i, n;

	for (i = 0; i < sizeof(tags) / sizeof(tags[0]); i++) {
		n = strlen(tags[i].tag);
		if (strncmp(lit, tags[i].tag, n) != 0)
			continue;
		while (lit[n] == ' ')
			n++;
		c->alert_node = text;
		c->alert_skip = n;
		c->alert_label = tags[i].label;
		return tags[i].urgent;
	}
	return 0;
}

/*
 * A block quote is a callout.  One that opens with "**Warning:**" or
 * "[!WARNING]" (also [!CAUTION]) is urgent.
 */
static int
open_callout(struct ctx *c, cmark_node *quote)
{
	struct document *doc = c->doc;
	cmark_node *para = cmark_node_first_child(quote), *first;
	const char *lit;
	int warn = 0, idx;

	if (para != NULL && cmark_node_get_type(para) == CMARK_NODE_PARAGRAPH &&
	    (first = cmark_node_first_child(para)) != NULL) {
		if (cmark_node_get_type(first) == CMARK_NODE_STRONG &&
		    cmark_node_first_child(first) != NULL &&
		    (lit = cmark_node_get_literal(cmark_node_first_child(first)))
		    != NULL && strncmp(lit, "Warning", 7) == 0)
			warn = 1;
		if (cmark_node_get_type(first) == CMARK_NODE_TEXT &&
		    (lit = cmark_node_get_literal(first)) != NULL)
			warn |= alert(c, first, lit);
	}
	if (warn) {
		idx = new_callout(doc, CALLOUT_WARNING,
		    (struct rgb){ 0.99f, 0.93f, 0.92f }, doc->ty.quote_pad);
		doc->callouts[idx - 1].edge = (struct rgb){ 0.75f, 0.11f, 0.10f };
	} else {
		idx = new_callout(doc, CALLOUT_NOTE, tint(doc->primary, 0.09f),
		    doc->ty.quote_pad);
		doc->callouts[idx - 1].edge = doc->primary;
	}
	doc->callouts[idx - 1].bar = 4.0f;
	return idx;
}


static void
push(struct ctx *c, cmark_node_type type)
{
	c->stack = xgrow(c->stack, c->depth, sizeof(*c->stack));
	memset(&c->stack[c->depth], 0, sizeof(c->stack[0]));
	c->stack[c->depth].type = type;
	c->depth++;
}

/* Indentation follows nesting only so deep; past it, blocks line up. */
static float
indent_for(const struct ctx *c)
{
	size_t i, n = 0;
	float x = 0;

	for (i = 0; i < c->depth && n < MAX_INDENT_DEPTH; i++) {
		if (c->stack[i].type == CMARK_NODE_LIST) {
			x += c->doc->ty.list_indent;
			n++;
		} else if (c->stack[i].type == CMARK_NODE_BLOCK_QUOTE && i > 0 &&
		    c->stack[i].callout == 0) {
			x += c->doc->ty.quote_pad;
			n++;
		}
	}
	return x;
}

static struct open *
innermost_list(struct ctx *c)
{
	size_t i;

	for (i = c->depth; i > 0; i--)
		if (c->stack[i - 1].type == CMARK_NODE_LIST)
			return &c->stack[i - 1];
	return NULL;
}

/*
 * A list item's marker: its number or bullet, or for a task list item
 * ("- [x] text") a box that compose draws ticked or not, with "[x]" or
 * "[ ]" read in its place.
 */
static void
enter_item(struct ctx *c, cmark_node *n)
{
	static const char *bullets[] = { "\xe2\x80\xa2", "\xe2\x80\x93" };
	struct open *l = innermost_list(c);
	size_t level = 0, i;

	for (i = 0; i < c->depth; i++)
		if (c->stack[i].type == CMARK_NODE_LIST)
			level++;
	free(c->marker);
	c->tick = 0;
	if (strcmp(cmark_node_get_type_string(n), "tasklist") == 0) {
		c->tick = cmark_gfm_extensions_get_tasklist_item_checked(n) ?
		    2 : 1;
		c->marker = xstrdup(c->tick == 2 ? "[x]" : "[ ]");
		if (l != NULL && l->ordered)
			l->number++;	/* the box stands for its number */
	} else if (l != NULL && l->ordered)
		c->marker = xasprintf("%d%c", l->number++, l->delim);
	else
		c->marker = xstrdup(bullets[(level + 1) % 2]);
	c->item_first = 1;
}

static void
recompute(struct ctx *c)
{
	size_t i;

	c->indent = indent_for(c);
	c->group = c->depth > 0 ? c->stack[c->depth - 1].group : -1;
	c->callout = 0;
	c->tight = 0;
	for (i = 0; i < c->depth; i++) {
		if (c->stack[i].callout)
			c->callout = c->stack[i].callout;
		if (c->stack[i].type == CMARK_NODE_LIST)
			c->tight = c->stack[i].tight;
	}
	if (c->callout)
		c->indent += c->doc->ty.quote_pad;
}

/* An item whose first child is not text still shows its marker. */
void
flush_marker(struct ctx *c, int line)
{
	struct block *b;

	if (c->marker == NULL)
		return;
	if ((b = add_block(c, BLK_TEXT, ROLE_LI, line)) != NULL)
		b->keep_next = 1;
}

/*
 * Record the container just opened as a group, inside the one around it.
 * Until recompute() the blocks added still belong to that one: so does an
 * item's marker that flush_marker() adds before a quote or list in it.
 */
static void
add_group(struct ctx *c, struct open *f)
{
	struct document *doc = c->doc;
	struct group *g;

	doc->groups = xgrow(doc->groups, doc->ngroups, sizeof(*doc->groups));
	g = &doc->groups[doc->ngroups];
	memset(g, 0, sizeof(*g));
	g->kind = f->type == CMARK_NODE_LIST ? GROUP_LIST :
	    f->type == CMARK_NODE_ITEM ? GROUP_ITEM : GROUP_QUOTE;
	g->parent = c->group;
	g->ordered = f->ordered;
	g->start = f->ordered ? f->number : 0;
	g->tight = f->tight;
	g->callout = f->callout;
	g->footnote = f->footnote;
	f->group = (int)doc->ngroups++;
}

/*
 * The footnotes, which cmark-gfm moves to the end of the document in the
 * order they are first referred to, are an ordered list of their own:
 * the first opens it, each is an item, and the document's end closes it.
 */
static void
open_notes(struct ctx *c)
{
	struct open *f;

	push(c, CMARK_NODE_LIST);
	f = &c->stack[c->depth - 1];
	f->ordered = 1;
	f->number = 1;
	f->delim = '.';
	f->footnote = 1;
	add_group(c, f);
	recompute(c);
}

/* Entering a list, an item, a block quote or a footnote. */
void
enter_container(struct ctx *c, cmark_node *n)
{
	cmark_node_type type = cmark_node_get_type(n);
	struct open *f;
	struct block *b;

	if (type == CMARK_NODE_FOOTNOTE_DEFINITION && c->notes++ == 0)
		open_notes(c);
	push(c, type == CMARK_NODE_FOOTNOTE_DEFINITION ? CMARK_NODE_ITEM :
	    type);
	f = &c->stack[c->depth - 1];
	if (type == CMARK_NODE_BLOCK_QUOTE) {
		/* Callouts do not nest: an inner quote indents. */
		if (c->callout == 0)
			f->callout = open_callout(c, n);
		flush_marker(c, node_line(c, n));
	} else if (type == CMARK_NODE_LIST) {
		f->ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
		f->number = cmark_node_get_list_start(n);
		f->delim = cmark_node_get_list_delim(n) == CMARK_PAREN_DELIM ?
		    ')' : '.';
		f->tight = cmark_node_get_list_tight(n);
		if (c->marker != NULL)
			flush_marker(c, node_line(c, n));
	} else {
		enter_item(c, n);
		if (type == CMARK_NODE_FOOTNOTE_DEFINITION) {
			f->footnote = 1;
			/* one with no text (an image) names nothing */
			free(c->target);
			c->target = xasprintf("fn:%d", c->notes);
		}
	}
	add_group(c, f);
	recompute(c);
	if (type == CMARK_NODE_LIST && c->doc->nblocks > 0 && !c->item_first) {
		b = &c->doc->blocks[c->doc->nblocks - 1];
		/* An introducing sentence stays with the list. */
		if (b->nruns > 0 && b->runs[b->nruns - 1].len > 0 &&
		    b->runs[b->nruns - 1].text[b->runs[b->nruns - 1].len - 1] ==
		    ':')
			b->keep_next = 1;
	}
}


/* Leaving a list, an item or a block quote. */
void
leave_container(struct ctx *c)
{
	c->depth--;
	recompute(c);
}
