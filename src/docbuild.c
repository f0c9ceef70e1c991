/*
 * docbuild: the primitives every part of the document is built with:
 * blocks, runs, callouts, and the check that the fonts can draw them.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>

#include "article.h"
#include "docbuild.h"
#include "fonts.h"
#include "profile.h"
#include "qr.h"
#include "utf8.h"
#include "xalloc.h"

struct rgb
tint(struct rgb c, float amount)
{
	struct rgb t;

	t.r = 1.0f - (1.0f - c.r) * amount;
	t.g = 1.0f - (1.0f - c.g) * amount;
	t.b = 1.0f - (1.0f - c.b) * amount;
	return t;
}

struct block *
add_block(struct ctx *c, enum block_kind kind, enum role role, int line)
{
	struct document *doc = c->doc;
	struct block *b;

	if (doc->nblocks >= MAX_BLOCKS) {
		if (!c->err)
			diag_msg(c->d, DIAG_ERROR, c->art->file, line, 0,
			    "too many blocks (limit %d)", MAX_BLOCKS);
		c->err = 1;
		return NULL;
	}
	doc->blocks = xgrow(doc->blocks, doc->nblocks, sizeof(*doc->blocks));
	b = &doc->blocks[doc->nblocks++];
	memset(b, 0, sizeof(*b));
	b->kind = kind;
	b->role = role;
	b->indent = c->indent;
	b->callout = c->callout;
	b->group = c->group;
	b->pos.file = c->art->file;
	b->pos.line = line;
	b->leading = doc->ty.leading;
	b->ascent = doc->ty.body;
	b->space_before = doc->ty.para;
	if (c->marker != NULL) {
		b->marker = c->marker;
		b->marker_face = FACE_BOLD;
		b->marker_color = doc->primary;
		b->marker_size = doc->ty.body;
		b->tick = c->tick;
		c->marker = NULL;
		c->tick = 0;
	}
	if (c->item_first) {
		b->role = role == ROLE_P ? ROLE_LI : role;
		if (c->tight)
			b->space_before = doc->ty.tight;
		c->item_first = 0;
	} else if (c->tight && role == ROLE_P)
		b->space_before = doc->ty.tight;
	return b;
}

struct run *
add_run(struct block *b, const char *s, size_t len, enum face face,
    float size, struct rgb color, const char *link)
{
	struct run *r;

	b->runs = xgrow(b->runs, b->nruns, sizeof(*b->runs));
	r = &b->runs[b->nruns++];
	memset(r, 0, sizeof(*r));
	r->text = xstrndup(s, len);
	r->len = len;
	r->face = face;
	r->size = size;
	r->color = color;
	r->link = link ? xstrdup(link) : NULL;
	return r;
}

/* File line and column of the first enc at or after line `from`. */
static void
find_char(const struct article *a, int from, const char *enc, int *line,
    int *col)
{
	const char *s = a->buf, *p;
	int l = 1;

	for (p = s; *p != '\0' && l < from; p++)
		if (*p == '\n')
			l++;
	if ((p = strstr(p, enc)) == NULL) {
		*line = from;
		*col = 0;
		return;
	}
	utf8_linecol(s, (size_t)(p - s), line, col);
}

/*
 * Note the characters of text s[0..n) a face cannot draw, to be told
 * once for the document by report_glyphs(): the first where it stands
 * in the article from line on, or in the profile when line is 0.
 */
void
check_glyphs(struct ctx *c, enum face face, const char *s, size_t n,
    int line)
{
	const struct font *f = c->fonts[face];
	struct missing *m = &c->missing[face];
	size_t i = 0, k, j;
	uint32_t cp;
	char enc[5];

	if (f == NULL)
		return;
	while (i < n) {
		if ((k = utf8_decode(s + i, n - i, &cp)) == 0)
			k = 1, cp = 0xFFFD;
		i += k;
		/* libharu 2.3 writes only BMP characters through UTF-8 */
		if (cp < 0x20 || (cp <= 0xFFFF && font_glyph(f, cp) != 0))
			continue;
		for (j = 0; j < m->n; j++)
			if (m->cp[j] == cp)
				break;
		if (j < m->n)
			continue;
		if (m->n == 0) {
			enc[utf8_encode(cp, enc)] = '\0';
			m->first.file = line > 0 ? c->art->file : c->prof->file;
			if (line > 0)
				find_char(c->art, line, enc, &m->first.line,
				    &m->first.col);
		}
		m->cp = xgrow(m->cp, m->n, sizeof(*m->cp));
		m->cp[m->n++] = cp;
	}
}

/*
 * One warning per face that cannot draw some of the document's
 * characters, naming the first MISSING_SHOWN of them: a Japanese
 * article in a Latin font is one line, not hundreds.  Frees the lists.
 */
/* Is a's first character before b's in the article (the profile last)? */
static int
before(const struct missing *a, const struct missing *b)
{
	if (a->n == 0 || b->n == 0)
		return a->n != 0;
	if ((a->first.line == 0) != (b->first.line == 0))
		return b->first.line == 0;
	return a->first.line < b->first.line || (a->first.line ==
	    b->first.line && a->first.col < b->first.col);
}

void
report_glyphs(struct ctx *c)
{
	struct missing *m;
	char list[MISSING_SHOWN * 16 + 32], enc[5];
	size_t i, len;
	int face, order[FACE__MAX], j, t;

	/* in the order a reader of the article meets them */
	for (face = 0; face < FACE__MAX; face++)
		for (order[face] = face, j = face; j > 0 &&
		    before(&c->missing[order[j]], &c->missing[order[j - 1]]);
		    j--)
			t = order[j], order[j] = order[j - 1], order[j - 1] = t;
	for (j = 0; j < FACE__MAX; j++) {
		face = order[j];
		m = &c->missing[face];
		for (i = len = 0; i < m->n && i < MISSING_SHOWN; i++) {
			enc[utf8_encode(m->cp[i], enc)] = '\0';
			len += (size_t)snprintf(list + len, sizeof(list) - len,
			    "%s'%s' U+%04X", i ? ", " : "", enc,
			    (unsigned)m->cp[i]);
		}
		if (m->n > MISSING_SHOWN)
			snprintf(list + len, sizeof(list) - len, " and %zu more",
			    m->n - MISSING_SHOWN);
		if (m->n > 0)
			diag_at(c->d, DIAG_WARNING, &m->first, "%zu "
			    "character%s not in font %s: %s", m->n,
			    m->n == 1 ? "" : "s", c->fonts[face]->name, list);
		free(m->cp);
		memset(m, 0, sizeof(*m));
	}
}

/* The same for a run the leaflet adds: from the article or the profile. */
void
check_run(struct ctx *c, const struct run *r, int from_profile)
{
	check_glyphs(c, r->face, r->text, r->len, from_profile ? 0 : 1);
}

void
text_block(struct ctx *c, enum role role, const char *s, enum face face,
    float size, struct rgb color, float space)
{
	struct block *b;

	if ((b = add_block(c, BLK_TEXT, role, 0)) == NULL)
		return;
	b->ascent = size;
	b->leading = size * TIGHT;
	b->space_before = space;
	c->cur = b;
	add_run(b, s, strlen(s), face, size, color, NULL);
	check_run(c, &b->runs[0], 0);
	c->cur = NULL;
}

/* What a block owns, and for a table its cells'. */
void
free_block(struct block *b)
{
	size_t i;

	for (i = 0; i < b->nruns; i++) {
		free(b->runs[i].text);
		free(b->runs[i].link);
		free(b->runs[i].anchor);
	}
	free(b->runs);
	free(b->marker);
	free(b->slug);
	if (b->table != NULL) {
		for (i = 0; i < b->table->nrows * b->table->ncols; i++)
			free_block(&b->table->cells[i]);
		free(b->table->cells);
		free(b->table->align);
		free(b->table);
	}
	if (b->qr != NULL) {
		qr_free(b->qr);
		free(b->qr);
	}
}

int
node_line(const struct ctx *c, cmark_node *n)
{
	cmark_node *p;

	for (p = n; p != NULL; p = cmark_node_parent(p))
		if (cmark_node_get_start_line(p) > 0)
			return article_line(c->art, p);
	return c->art->body_line;
}

int
new_callout(struct document *doc, enum callout_kind kind, struct rgb fill,
    float pad)
{
	struct callout *co;

	doc->callouts = xgrow(doc->callouts, doc->ncallouts,
	    sizeof(*doc->callouts));
	co = &doc->callouts[doc->ncallouts++];
	co->kind = kind;
	co->fill = fill;
	co->edge = fill;
	co->bar = 0;
	co->pad = pad;
	return (int)doc->ncallouts;
}

char *
plain_text(cmark_node *n)
{
	cmark_iter *it = cmark_iter_new(n);
	cmark_event_type ev;
	size_t len = 0;
	char *s = xstrdup("");

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *k = cmark_iter_get_node(it);
		const char *lit;
		size_t l;

		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(k)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			lit = cmark_node_get_literal(k);
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			lit = " ";
			break;
		default:
			continue;
		}
		l = strlen(lit);
		s = xrealloc(s, len + l + 1);
		memcpy(s + len, lit, l + 1);
		len += l;
	}
	cmark_iter_free(it);
	return s;
}

