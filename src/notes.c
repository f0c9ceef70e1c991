/*
 * notes: GitHub's footnotes.  A reference ("text[^label]") becomes its
 * number set small and raised, linked to its note; the notes follow the
 * body, before the clinic's contact box, under a heading of their own,
 * as a numbered list (containers.c) whose items each end in a link back.
 * Both ends are named as headings are ("#name" links land on marks),
 * with names no heading can have: a heading's name holds no ':'.
 */
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>

#include "docbuild.h"
#include "xalloc.h"

#define NOTE_SIZE	0.7f	/* a reference's size, of the text's */
#define NOTE_RISE	0.35f	/* and how far it is raised */

/* The heading the notes sit under, added before the first of them. */
void
notes_heading(struct ctx *c, cmark_node *n)
{
	struct block *b;

	flush_marker(c, node_line(c, n));
	if ((b = add_block(c, BLK_TEXT, ROLE_H, node_line(c, n))) == NULL)
		return;
	set_heading_style(&c->doc->ty, b, 2);
	c->cur = b;
	text_run(c, "Notes", 5, 0, 0);
	c->cur = NULL;
	name_text(c, b, "Notes");
}

/*
 * A reference: cmark-gfm has numbered the notes in the order they are
 * first referred to, and left the number as the reference's literal.
 */
void
note_ref(struct ctx *c, cmark_node *n)
{
	const char *num = cmark_node_get_literal(n);
	struct run *r;
	char *link;
	float size;

	if (c->cur == NULL || num == NULL)
		return;
	size = c->cur->nruns ? c->cur->runs[c->cur->nruns - 1].size :
	    c->cur->ascent;
	link = xasprintf("#fn:%s", num);
	r = add_run(c->cur, num, strlen(num), FACE_REGULAR, size * NOTE_SIZE,
	    c->doc->primary, link);
	r->rise = size * NOTE_RISE;
	r->anchor = xasprintf("fnref:%s", num);
	free(link);
}

/*
 * The end of a note: a link back to where it is first referred to, at
 * the end of its last paragraph; then the note's item is closed.
 */
void
leave_note(struct ctx *c)
{
	struct block *b;
	char *link;

	b = c->doc->nblocks ? &c->doc->blocks[c->doc->nblocks - 1] : NULL;
	if (b != NULL && b->kind == BLK_TEXT && !b->pre && b->group >= 0 &&
	    b->group >= c->stack[c->depth - 1].group) {
		link = xasprintf("#fnref:%d", c->notes);
		/* a no-break space, then U+2191, an upwards arrow */
		add_run(b, "\xc2\xa0", 2, FACE_REGULAR, b->ascent, COLOR_TEXT,
		    NULL);
		add_run(b, "\xe2\x86\x91", 3, FACE_REGULAR, b->ascent,
		    c->doc->primary, link);
		free(link);
	}
	leave_container(c);
}
