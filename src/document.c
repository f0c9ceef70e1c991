/*
 * document: article + profile -> a flat list of styled blocks.
 * The cmark tree is walked with cmark's iterator (no recursion, so no
 * nesting depth can exhaust the stack); containers that change how
 * their children look (lists, items, block quotes) keep their state on
 * a small explicit stack (containers.c).  Here: the walk itself, text
 * runs and their styles, code blocks, rules, images, and the document's
 * own fields; the clinic's furniture is added by furniture.c.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>

#include "article.h"
#include "date.h"
#include "docbuild.h"
#include "fileio.h"
#include "profile.h"
#include "xalloc.h"


void
text_run(struct ctx *c, const char *s, size_t len, int code, int line)
{
	enum face face;
	struct rgb color = COLOR_TEXT;
	float size = c->cur->ascent;
	struct run *r;

	if (c->cur->role == ROLE_H) {
		/* levels 1-5 bold, 6 italic; 1-2 in the brand's colour */
		if (c->cur->level == 6)
			face = c->st.strong ? FACE_BOLDITALIC : FACE_ITALIC;
		else
			face = c->st.emph ? FACE_BOLDITALIC : FACE_BOLD;
		color = c->cur->level <= 2 ? c->doc->primary :
		    c->cur->level <= 4 ? COLOR_TEXT : COLOR_GREY;
	} else if (c->st.strong && c->st.emph)
		face = FACE_BOLDITALIC;
	else if (c->st.strong)
		face = FACE_BOLD;
	else if (c->st.emph)
		face = FACE_ITALIC;
	else
		face = FACE_REGULAR;
	face = typescale_face(&c->doc->ty, face);
	if (code) {
		face = FACE_MONO;
		size = size * 0.9f;
	}
	if (c->st.link != NULL)
		color = c->doc->primary;
	/* Text in the same style as the run before it joins that run. */
	r = c->cur->nruns ? &c->cur->runs[c->cur->nruns - 1] : NULL;
	if (r != NULL && !r->hardbreak && r->face == face && r->size == size &&
	    r->strike == c->st.strike && r->rise == 0 && c->target == NULL &&
	    memcmp(&r->color, &color, sizeof(color)) == 0 &&
	    (r->link == NULL) == (c->st.link == NULL) &&
	    (r->link == NULL || strcmp(r->link, c->st.link) == 0)) {
		r->text = xrealloc(r->text, r->len + len + 1);
		memcpy(r->text + r->len, s, len);
		r->len += len;
		r->text[r->len] = '\0';
	} else {
		r = add_run(c->cur, s, len, face, size, color, c->st.link);
		r->strike = c->st.strike;
		r->anchor = c->target;
		c->target = NULL;
	}
	check_glyphs(c, face, s, len, line);
}

void
set_heading_style(const struct typescale *ty, struct block *b, int level)
{
	b->level = level;
	b->ascent = ty->heading[level - 1];
	b->leading = b->ascent * TIGHT;
	b->space_before = ty->heading_space[level - 1];
	b->keep_next = 1;
}

/* The article's figure for image node n, looked for in document order. */
static const struct figure *
figure_of(struct ctx *c, cmark_node *n)
{
	const struct article *a = c->art;

	while (c->nextfig < a->nfigures && a->figures[c->nextfig].node != n)
		c->nextfig++;
	return c->nextfig < a->nfigures ? &a->figures[c->nextfig++] : NULL;
}

/* Show the document's next image: one the article loaded, or the logo. */
static void
use_image(struct document *doc, const struct image *img)
{
	doc->images = xgrow(doc->images, doc->nimages, sizeof(*doc->images));
	doc->images[doc->nimages++] = img;
}

/*
 * An image that cannot be shown (a web address, an SVG): its alt text,
 * in italics, in a tinted box where the image would stand, so that no
 * words are lost; the address when it has none.
 */
static void
stand_in(struct ctx *c, cmark_node *n, int line)
{
	struct style saved = c->st;
	struct block *b;
	const char *url = cmark_node_get_url(n);
	char *alt = plain_text(n);

	flush_marker(c, line);
	if ((b = add_block(c, BLK_TEXT, ROLE_P, line)) != NULL) {
		if (b->callout == 0) {
			b->callout = new_callout(c->doc, CALLOUT_IMAGE,
			    tint(c->doc->primary, 0.09f), c->doc->ty.quote_pad);
			b->indent += c->doc->ty.quote_pad;
		}
		c->cur = b;
		c->st.strong = 0;
		c->st.emph = 1;
		c->st.link = NULL;
		if (*alt == '\0' && url != NULL)
			text_run(c, url, strlen(url), 0, line);
		else
			text_run(c, alt, strlen(alt), 0, line);
		c->cur = NULL;
	}
	c->st = saved;
	free(alt);
}

/* One line for the images and links after the first of their kind. */
void
report_more(struct ctx *c)
{
	if (c->nremote > 1)
		diag_at(c->d, DIAG_WARNING, &c->remote2, "and %d more images "
		    "on the web or in SVG from here: their alt text stands in",
		    c->nremote - 1);
	if (c->nunsafe > 1)
		diag_at(c->d, DIAG_WARNING, &c->unsafe2, "and %d more links "
		    "from here that are not http, https, mailto, tel or "
		    "#heading: shown as text", c->nunsafe - 1);
}

static void
add_image(struct ctx *c, cmark_node *n)
{
	struct document *doc = c->doc;
	const struct figure *f = figure_of(c, n);
	struct block *b;
	char *alt;
	int line = node_line(c, n);

	if (f == NULL)
		return;
	if (f->remote) {
		/* the first is told, the rest counted: READMEs have dozens */
		if (c->nremote++ == 0)
			diag_replay(c->d, &f->held);
		else if (c->nremote == 2)
			c->remote2 = f->pos;
		stand_in(c, n, line);
		return;
	}
	if (doc->nimages >= MAX_IMAGES || (!f->ok && f->held.nerr == 0)) {
		/* valid Markdown all the same: told once, not refused */
		if (!c->toomany++)
			diag_at(c->d, DIAG_WARNING, &f->pos, "more than %d "
			    "images: the alt text of this one and the rest "
			    "stands in", MAX_IMAGES);
		stand_in(c, n, line);
		return;
	}
	if (!f->ok) {
		diag_replay(c->d, &f->held);
		c->err = 1;
		return;
	}
	use_image(doc, &f->img);
	flush_marker(c, line);
	if ((b = add_block(c, BLK_IMAGE, ROLE_FIGURE, line)) == NULL)
		return;
	b->image = (int)doc->nimages;
	b->nosplit = 1;
	b->ascent = doc->ty.caption;
	b->leading = b->ascent * TIGHT;
	alt = plain_text(n);
	if (*alt != '\0')
		add_run(b, alt, strlen(alt), typescale_face(&doc->ty,
		    FACE_ITALIC), b->ascent, COLOR_GREY, NULL);
	free(alt);
}

/* An image in a table cell: its alt text instead, and a warning. */
static void
table_image(struct ctx *c, cmark_node *n)
{
	char *alt = plain_text(n);
	int line = node_line(c, n);

	diag_msg(c->d, DIAG_WARNING, c->art->file, line,
	    cmark_node_get_start_column(n), "image in a table cell: its "
	    "description is shown instead");
	c->st.emph++;
	text_run(c, alt, strlen(alt), 0, line);
	c->st.emph--;
	free(alt);
}

/*
 * Raw HTML, a block (its own paragraph) or inline: its words are kept,
 * its tags dropped, with one warning for the whole document.
 */
static void
html_runs(struct ctx *c, cmark_node *n, int block)
{
	const char *lit = cmark_node_get_literal(n);
	char *text = html_text(lit, strlen(lit)), *s, *nl;
	int line = node_line(c, n);
	struct run *r;
	size_t len;

	if (!c->html++)
		diag_msg(c->d, DIAG_WARNING, c->art->file, line,
		    cmark_node_get_start_column(n), "raw HTML: its tags are "
		    "dropped, its text kept");
	s = text;
	if (block) {	/* a block's breaks at its ends are no lines */
		s += strspn(s, "\n");
		for (len = strlen(s); len > 0 && s[len - 1] == '\n'; len--)
			s[len - 1] = '\0';
		if (*s != '\0')
			c->cur = add_block(c, BLK_TEXT, ROLE_P, line);
		else
			flush_marker(c, line);
	}
	for (; c->cur != NULL; s = nl + 1) {
		if ((nl = strchr(s, '\n')) == NULL)
			nl = s + strlen(s);
		if (nl > s)
			text_run(c, s, (size_t)(nl - s), 0, line);
		if (*nl == '\0')
			break;
		r = add_run(c->cur, "", 0, FACE_REGULAR, c->cur->ascent,
		    COLOR_TEXT, NULL);
		r->hardbreak = 1;
	}
	if (block)
		c->cur = NULL;
	free(text);
}

static void
leaf(struct ctx *c, cmark_node *n)
{
	const char *lit;
	struct block *b;
	int line = node_line(c, n);
	size_t len;

	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_CODE_BLOCK:
		flush_marker(c, line);
		if ((b = add_block(c, BLK_TEXT, ROLE_CODE, line)) == NULL)
			return;
		if (b->callout == 0) {
			b->callout = new_callout(c->doc, CALLOUT_CODE,
			    (struct rgb){ 0.95f, 0.95f, 0.94f },
			    c->doc->ty.code_pad);
			b->indent += c->doc->ty.code_pad;
		}
		b->pre = 1;
		b->ascent = c->doc->ty.code;
		b->leading = b->ascent * TIGHT;
		lit = cmark_node_get_literal(n);
		len = strlen(lit);
		while (len > 0 && lit[len - 1] == '\n')
			len--;
		c->cur = b;
		text_run(c, lit, len, 1, line);
		b->runs[0].size = b->ascent;
		c->cur = NULL;
		break;
	case CMARK_NODE_THEMATIC_BREAK:
		flush_marker(c, line);
		if ((b = add_block(c, BLK_RULE, ROLE_RULE, line)) != NULL) {
			b->leading = 12.0f;
			b->space_before = 14.0f;
		}
		break;
	case CMARK_NODE_HTML_BLOCK:
		html_runs(c, n, 1);	/* a list item's marker goes on it */
		break;
	default:
		break;
	}
}

/* Text, after the bold label an alert's tag ("[!WARNING]") stands for. */
static void
text_node(struct ctx *c, cmark_node *n)
{
	const char *lit = cmark_node_get_literal(n);

	if (n == c->alert_node) {
		c->st.strong++;
		text_run(c, c->alert_label, strlen(c->alert_label), 0,
		    node_line(c, n));
		c->st.strong--;
		lit += c->alert_skip;
		c->alert_node = NULL;
	}
	text_run(c, lit, strlen(lit), 0, node_line(c, n));
}

/*
 * An image ends the paragraph around it and stands alone; in a table's
 * cell it shows what it would say.
 */
static void
image_node(struct ctx *c, cmark_node *n)
{
	enum role role = c->cur->role;
	int line = node_line(c, n);

	if (c->table) {
		table_image(c, n);
		return;
	}
	c->cur = NULL;
	add_image(c, n);
	if ((c->cur = add_block(c, BLK_TEXT, role, line)) != NULL)
		c->cur->space_before = c->doc->ty.para;
}

static void
inline_node(struct ctx *c, cmark_node *n, cmark_event_type ev,
    cmark_iter *it)
{
	const char *lit;
	struct run *r;

	if (c->cur == NULL)
		return;
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_TEXT:
		text_node(c, n);
		break;
	case CMARK_NODE_CODE:
		lit = cmark_node_get_literal(n);
		text_run(c, lit, strlen(lit), 1, node_line(c, n));
		break;
	case CMARK_NODE_SOFTBREAK:
		text_run(c, " ", 1, 0, 0);
		break;
	case CMARK_NODE_LINEBREAK:
		r = add_run(c->cur, "", 0, FACE_REGULAR, c->cur->ascent, COLOR_TEXT,
		    NULL);
		r->hardbreak = 1;
		break;
	case CMARK_NODE_EMPH:
		c->st.emph += ev == CMARK_EVENT_ENTER ? 1 : -1;
		break;
	case CMARK_NODE_STRONG:
		c->st.strong += ev == CMARK_EVENT_ENTER ? 1 : -1;
		break;
	case CMARK_NODE_LINK:
		if (ev == CMARK_EVENT_ENTER)
			enter_link(c, n);
		else
			leave_link(c, n);
		break;
	case CMARK_NODE_IMAGE:
		image_node(c, n);
		cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
		break;
	case CMARK_NODE_HTML_INLINE:
		html_runs(c, n, 0);
		break;
	case CMARK_NODE_FOOTNOTE_REFERENCE:
		if (ev == CMARK_EVENT_ENTER)
			note_ref(c, n);
		break;
	default:
		/* the extensions' types are variables, no case labels */
		if (cmark_node_get_type(n) == CMARK_NODE_STRIKETHROUGH)
			c->st.strike += ev == CMARK_EVENT_ENTER ? 1 : -1;
		break;
	}
}

/* Entering a paragraph or a heading: a text block. */
static void
enter_text(struct ctx *c, cmark_node *n)
{
	struct block *b;

	if (cmark_node_get_type(n) == CMARK_NODE_HEADING) {
		flush_marker(c, node_line(c, n));
		b = add_block(c, BLK_TEXT, ROLE_H, node_line(c, n));
		if (b != NULL)
			set_heading_style(&c->doc->ty, b,
			    cmark_node_get_heading_level(n));
	} else {
		b = add_block(c, BLK_TEXT, ROLE_P, node_line(c, n));
		if (b != NULL && b->role == ROLE_P && b->group >= 0 &&
		    c->doc->groups[b->group].kind == GROUP_QUOTE &&
		    c->doc->groups[b->group].callout == 0)
			b->role = ROLE_QUOTE;
	}
	if (b != NULL && b->callout && c->depth > 0 &&
	    cmark_node_previous(n) == NULL &&
	    cmark_node_get_type(cmark_node_parent(n)) == CMARK_NODE_BLOCK_QUOTE)
		b->space_before = c->doc->ty.para;
	c->cur = b;
}

static void
walk(struct ctx *c, cmark_node *root, cmark_node *skip)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	cmark_node *n;

	while (!c->err && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (n == skip) {
			cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
			continue;
		}
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_DOCUMENT:
			if (ev == CMARK_EVENT_EXIT && c->notes > 0)
				leave_container(c);	/* the notes' list */
			break;
		case CMARK_NODE_FOOTNOTE_DEFINITION:
			if (ev == CMARK_EVENT_EXIT)
				leave_note(c);
			else {
				if (c->notes == 0)
					notes_heading(c, n);
				enter_container(c, n);
			}
			break;
		case CMARK_NODE_BLOCK_QUOTE:
		case CMARK_NODE_LIST:
		case CMARK_NODE_ITEM:
			if (ev == CMARK_EVENT_ENTER)
				enter_container(c, n);
			else
				leave_container(c);
			break;
		case CMARK_NODE_PARAGRAPH:
		case CMARK_NODE_HEADING:
			if (ev == CMARK_EVENT_ENTER)
				enter_text(c, n);
			else {
				if (c->cur != NULL && c->cur->role == ROLE_H)
					name_heading(c, c->cur, n);
				c->cur = NULL;
			}
			break;
		default:
			if (table_node(c, n, ev))
				break;
			if ((cmark_node_get_type(n) & CMARK_NODE_TYPE_MASK) ==
			    CMARK_NODE_TYPE_INLINE)
				inline_node(c, n, ev, it);
			else if (ev == CMARK_EVENT_ENTER)
				leaf(c, n);
			break;
		}
	}
	cmark_iter_free(it);
}

/* What the document says of itself: page, colours, metadata, footer. */
static void
init_doc(struct document *doc, const struct article *a,
    const struct profile *p, char *title)
{
	doc->justify = p->justify;
	doc->pdfa = p->pdfa;
	doc->primary = p->primary;
	doc->accent = p->accent;
	doc->title = title;
	doc->subtitle = a->subtitle ? xstrdup(a->subtitle) : NULL;
	doc->clinic = xstrdup(p->name);
	doc->author = xstrdup(a->author ? a->author : p->name);
	doc->lang = xstrdup(a->lang ? a->lang : "en");
	doc->keywords = a->keywords ? xstrdup(a->keywords) : NULL;
	doc->captions = a->captions;
	doc->date = date_seconds(a->published);
	doc->brand_name = xstrdup(p->name);
	doc->brand_tagline = p->tagline ? xstrdup(p->tagline) : NULL;
	doc->footer = p->phone ? xasprintf("%s" FOOTER_SEP "%s", p->name,
	    p->phone) : xstrdup(p->name);
}

int
document_build(struct document *doc, const struct article *a,
    const struct profile *p, const struct font *const *fonts,
    const struct typescale *ty, struct diag *d)
{
	struct ctx c;
	cmark_node *first, *skip = NULL;
	char *title = NULL;

	memset(doc, 0, sizeof(*doc));
	doc->ty = *ty;
	memset(&c, 0, sizeof(c));
	c.doc = doc;
	c.art = a;
	c.prof = p;
	c.fonts = fonts;
	c.d = d;
	c.group = -1;

	/* Without a title in front matter, a leading level-1 heading is it. */
	first = cmark_node_first_child(a->doc);
	if (a->title != NULL)
		title = xstrdup(a->title);
	else if (first != NULL &&
	    cmark_node_get_type(first) == CMARK_NODE_HEADING &&
	    cmark_node_get_heading_level(first) == 1) {
		title = plain_text(first);
		skip = first;
	} else {
		title = xstrdup(a->slug);
		diag_msg(d, DIAG_WARNING, a->file, 1, 1, "no title: add "
		    "'title: ...' to front matter, or begin with a '# ' "
		    "heading; titled '%s' meanwhile", title);
	}
	init_doc(doc, a, p, title);

	if (p->logo != NULL) {
		if (!p->logo_ok) {
			diag_replay(d, &p->logo_held);
			return -1;
		}
		use_image(doc, &p->logo_image);
	}
	if (brand(&c, title) == -1) {
		report_glyphs(&c);
	report_more(&c);
		return -1;
	}
	walk(&c, a->doc, skip);
	check_refs(&c);
	if (!c.err)
		closing(&c);
	report_glyphs(&c);
	report_more(&c);
	headings_free(&c);
	free(c.anchor);
	free(c.stack);
	free(c.marker);
	free(c.target);
	return c.err ? -1 : 0;
}

void
document_bare(struct document *doc)
{
	size_t i, n = 0;

	for (i = 0; i < doc->nblocks; i++) {
		switch (doc->blocks[i].role) {
		case ROLE_BRAND:
		case ROLE_CONTACT:
		case ROLE_GOVERNANCE:
			free_block(&doc->blocks[i]);
			break;
		default:
			doc->blocks[n++] = doc->blocks[i];
			break;
		}
	}
	doc->nblocks = n;
}

void
document_free(struct document *doc)
{
	size_t i;

	for (i = 0; i < doc->nblocks; i++)
		free_block(&doc->blocks[i]);
	free(doc->blocks);
	free(doc->callouts);
	free(doc->groups);
	free(doc->images);
	free(doc->title);
	free(doc->subtitle);
	free(doc->clinic);
	free(doc->author);
	free(doc->lang);
	free(doc->keywords);
	free(doc->footer);
	free(doc->brand_name);
	free(doc->brand_tagline);
	memset(doc, 0, sizeof(*doc));
}
