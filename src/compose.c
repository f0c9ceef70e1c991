/*
 * compose: units in frames -> display list.
 *
 * A line of text becomes one item per run of one style; a justified
 * line, one per word, each at its stretched place.  A link's text is
 * underlined and covered by a link area, struck text struck through.
 * Baselines sit in their line's box with CSS-style half-leading.  A
 * table's rows are drawn by table.c with this file's line drawing; the
 * items' tags are finished by tags.c.
 */
#include <stdlib.h>
#include <string.h>

#include "compose.h"
#include "document.h"
#include "fonts.h"
#include "pages.h"
#include "paginate.h"
#include "qr.h"
#include "shape.h"
#include "table.h"
#include "tags.h"
#include "typeset.h"
#include "xalloc.h"

#define MARKER_GAP	7.0f	/* between a list marker and its text */
#define STRIKE_Y	0.28f	/* a strike's height above the baseline, per em:
				   about half the x-height of Noto Sans */
#define TICK_BOX	0.7f	/* a task box's side, per em of its marker */

struct comp {
	const struct document	 *doc;
	size_t			 *order;	/* units by frame, for reading order */
	const struct font *const *fonts;
	const struct flow	 *f;
	const struct shape	 *shape;
	struct pages		 *out;
	float			  asc;	/* per em, of the regular face */
	float			  desc;
};

/* The i-th unit in reading order. */
#define UNIT(l, i)	(&(l)->f->u[(l)->order[i]])

/* The frame a unit was placed in. */
static const struct frame *
frame_of(const struct comp *l, const struct unit *u)
{
	return &l->f->frames[u->frame];
}

/* From a place in u's frame, top down, to the page's y, bottom up. */
static float
page_y(const struct comp *l, const struct unit *u, float top)
{
	return l->shape->height - frame_of(l, u)->top - top;
}

static struct item *
add_text(struct comp *l, struct page *pg, int block, float x, float y,
    enum face face, float size, struct rgb color, const char *s, size_t n)
{
	return pages_text(pg, block, x, y, face, size, color, s, n,
	    font_width(l->fonts[face], s, n, size));
}

struct seg {			/* a piece of a line in one run */
	size_t	 run;
	float	 x;
	float	 w;
	float	 trail;		/* width of trailing spaces */
	char	*s;
	size_t	 len;
	int	 open;
};

static void
seg_append(struct seg *sg, const char *s, size_t n)
{
	sg->s = xrealloc(sg->s, sg->len + n + 1);
	memcpy(sg->s + sg->len, s, n);
	sg->len += n;
	sg->s[sg->len] = '\0';
}

/*
 * A place "#name" links land on, named by a run (a footnote and its
 * reference): a mark of level 0, which the outline leaves out.
 */
static void
add_anchor(struct comp *l, struct page *pg, int block, const char *name,
    float y)
{
	struct pages *out = l->out;
	struct mark *m;

	out->marks = xgrow(out->marks, out->nmarks, sizeof(*out->marks));
	m = &out->marks[out->nmarks++];
	memset(m, 0, sizeof(*m));
	m->block = block;
	m->page = (size_t)(pg - out->v);
	m->y = y;
	m->slug = name;
	m->title = xstrdup(name);
}

/* The segment as a text item (returned, or NULL), its rules and link. */
static struct item *
seg_flush(struct comp *l, struct page *pg, int block, const struct block *b,
    struct seg *sg, float base)
{
	const struct run *r;
	struct item *it;
	size_t txt;	/* an index: adding rules moves the items */
	float lw;

	/*
	 * Only an open segment has a run: a block may have none (an empty
	 * list item still shows its marker), and then b->runs is NULL.
	 */
	if (!sg->open)
		return NULL;
	sg->open = 0;
	if (sg->len == 0)
		return NULL;
	r = &b->runs[sg->run];
	base += r->rise;
	txt = pg->nitems;
	it = pages_add(pg, IT_TEXT, block);
	it->x = sg->x;
	it->y = base;
	it->w = sg->w;
	it->h = r->size;
	it->face = r->face;
	it->size = r->size;
	it->color = r->color;
	it->text = sg->s;
	sg->s = NULL;
	sg->len = 0;
	lw = sg->w - sg->trail;
	if (r->strike)
		pages_rule(pg, block, sg->x, base + r->size * STRIKE_Y, lw, 0,
		    r->size * 0.06f, r->color);
	if (r->link == NULL)
		return &pg->items[txt];
	/* a raised footnote number is linked but not underlined */
	if (r->rise == 0)
		pages_rule(pg, block, sg->x, base - r->size * 0.12f, lw, 0, 0.6f,
		    r->color);
	it = pages_add(pg, IT_LINK, block);
	it->x = sg->x;
	it->y = base - l->desc * r->size;
	it->w = lw;
	it->h = (l->asc + l->desc) * r->size;
	it->uri = xstrdup(r->link);
	return &pg->items[txt];
}

/*
 * How a line that ends at item end of t ends: in a hyphen it added, in
 * a word that goes on (a break with no space), between words (a space,
 * or a hard line break), or with the block.
 */
static enum hyphen
line_end(const struct tblock *t, size_t end)
{
	const struct lb_item *e;

	if (end + 1 >= t->nitems)
		return HY_NONE;
	e = &t->items[end];
	if (e->type == LB_PENALTY && e->flagged)
		return HY_ADDED;
	if (e->type == LB_PENALTY && e->penalty > LB_FORCE &&
	    end + 1 < t->nitems && t->items[end + 1].type == LB_BOX)
		return HY_SPLIT;
	return HY_SPACE;
}

/* Line `line` of t, the lines of b, drawn as items of block bi. */
static void
emit_line(struct comp *l, struct page *pg, int bi, const struct block *b,
    const struct tblock *t, size_t line, float x, float base)
{
	const struct lb_item *it;
	struct item *last;
	struct seg sg;
	size_t i, from = line ? t->ends[line - 1] + 1 : 0, end = t->ends[line];

	float extra = 0;
	size_t nglue = 0;

	memset(&sg, 0, sizeof(sg));
	while (from < end && t->items[from].type != LB_BOX)
		from++;
	/* justified: the line's slack shared among its spaces */
	if (t->justify && end < t->nitems &&
	    t->items[end].penalty > LB_FORCE) {
		for (i = from; i < end; i++)
			nglue += t->items[i].type == LB_GLUE;
		if (nglue > 0)
			extra = (t->width - lb_width(t->items, from, end) -
			    t->items[end].width * (t->items[end].type ==
			    LB_PENALTY)) / nglue;
	}
	for (i = from; i < end; i++) {
		it = &t->items[i];
		if (it->type == LB_PENALTY)
			continue;
		if (it->type == LB_GLUE) {
			if (sg.open) {
				seg_append(&sg, " ", 1);
				sg.w += it->width;
				sg.trail += it->width;
				if (extra != 0)
					seg_flush(l, pg, bi, b, &sg, base);
			}
			x += it->width + extra;
			continue;
		}
		if (sg.open && sg.run != it->run)
			seg_flush(l, pg, bi, b, &sg, base);
		if (it->off == 0 && b->runs[it->run].anchor != NULL)
			add_anchor(l, pg, bi, b->runs[it->run].anchor,
			    base + l->asc * b->ascent);
		if (!sg.open) {
			sg.open = 1;
			sg.run = it->run;
			sg.x = x;
			sg.w = 0;
		}
		seg_append(&sg, b->runs[it->run].text + it->off, it->len);
		sg.w += it->width;
		sg.trail = 0;
		x += it->width;
	}
	if (end < t->nitems && t->items[end].flagged && sg.open) {
		seg_append(&sg, "-", 1);
		sg.w += t->items[end].width;
	}
	if ((last = seg_flush(l, pg, bi, b, &sg, base)) != NULL)
		last->hyphen = line_end(t, end);
	free(sg.s);
}

/* Baseline of a line whose box starts at top, CSS-style half-leading. */
static float
baseline(const struct comp *l, float top, float lead, float size)
{
	return top + (lead - (l->asc + l->desc) * size) / 2 + l->asc * size;
}

/* A heading's place, for the outline and for "#slug" links. */
static void
add_mark(struct comp *l, const struct unit *u)
{
	const struct block *b = &l->doc->blocks[u->block];
	struct pages *out = l->out;
	struct mark *m;
	size_t i, len = 0;

	out->marks = xgrow(out->marks, out->nmarks, sizeof(*out->marks));
	m = &out->marks[out->nmarks++];
	m->block = u->block;
	m->level = b->level;
	m->page = frame_of(l, u)->page;
	m->y = page_y(l, u, u->top);
	m->slug = b->slug;
	for (i = 0; i < b->nruns; i++)
		len += b->runs[i].len + 1;
	m->title = xmalloc(len + 1);
	for (i = 0, len = 0; i < b->nruns; i++) {
		memcpy(m->title + len, b->runs[i].text, b->runs[i].len);
		len += b->runs[i].len;
		if (b->runs[i].hardbreak)
			m->title[len++] = ' ';
	}
	m->title[len] = '\0';
}

/*
 * The mark before the continuation of a wrapped code line: a hook drawn
 * with two rules in the padding left of the text, so that it is seen
 * but never copied with the code.
 */
static void
continuation(struct page *pg, int block, float x, float base, float size)
{
	static const struct rgb grey = { 0.55f, 0.55f, 0.55f };

	pages_rule(pg, block, x - 7.0f, base + size * 0.7f, 0, -size * 0.45f,
	    0.7f, grey);
	pages_rule(pg, block, x - 7.0f, base + size * 0.25f, 5.0f, 0, 0.7f,
	    grey);
}

/*
 * A task list item's box, drawn where its bullet would hang (right edge
 * at x, sitting on the baseline), with a tick when it is done.
 */
static void
tick_box(struct page *pg, int block, const struct block *b, float x,
    float base)
{
	float s = b->marker_size * TICK_BOX, lw = s * 0.1f, y = base;
	struct rgb c = b->marker_color;

	x -= s;
	pages_rule(pg, block, x, y, s, 0, lw, c);
	pages_rule(pg, block, x, y + s, s, 0, lw, c);
	pages_rule(pg, block, x, y - lw / 2, 0, s + lw, lw, c);
	pages_rule(pg, block, x + s, y - lw / 2, 0, s + lw, lw, c);
	if (b->tick < 2)
		return;
	pages_rule(pg, block, x + s * 0.2f, y + s * 0.5f, s * 0.22f, -s * 0.28f,
	    lw * 1.5f, c);
	pages_rule(pg, block, x + s * 0.42f, y + s * 0.22f, s * 0.4f, s * 0.58f,
	    lw * 1.5f, c);
}

static void
emit_text(struct comp *l, struct page *pg, const struct unit *u)
{
	const struct block *b = &l->doc->blocks[u->block];
	const struct tblock *t = &l->f->tb[u->block];
	float x = frame_of(l, u)->x + b->indent, base;

	/*
	 * Only a named heading gets a mark: one cut in two by an image has
	 * a slug on its last piece alone, and a mark without one is no
	 * link target (render compares every mark's slug).
	 */
	if (u->line == 0 && b->role == ROLE_H && b->slug != NULL)
		add_mark(l, u);

	base = page_y(l, u, baseline(l, u->top, u->h, b->ascent));
	if (u->line == 0 && b->marker != NULL) {
		float mw = font_width(l->fonts[b->marker_face], b->marker,
		    strlen(b->marker), b->marker_size);
		struct item *it;

		it = add_text(l, pg, u->block, x - MARKER_GAP - mw, base,
		    b->marker_face, b->marker_size, b->marker_color, b->marker,
		    strlen(b->marker));
		it->tag = TAG_LBL;
		if (b->tick) {
			it->invisible = 1;
			tick_box(pg, u->block, b, x - MARKER_GAP, base);
		}
	}
	if (t->hang != NULL && t->hang[u->line] >= 0) {
		continuation(pg, u->block, x, base, b->ascent);
		x += t->hang[u->line];
	}
	emit_line(l, pg, u->block, b, t, (size_t)u->line, x, base);
}

/*
 * The size of the type a line starts with.  A line may have no words
 * (a clinic named " " has a run but nothing to set): the block's size.
 */
static float
line_size(const struct block *b, const struct tblock *t, size_t line)
{
	size_t first = line ? t->ends[line - 1] + 1 : 0;

	return first < t->nitems ? b->runs[t->items[first].run].size :
	    b->ascent;
}

static void
emit_brand(struct comp *l, struct page *pg, const struct unit *u)
{
	const struct block *b = &l->doc->blocks[u->block];
	const struct tblock *t = &l->f->tb[u->block];
	struct item *it;
	const struct frame *fr = frame_of(l, u);
	float th = 0, top, x = fr->x;
	size_t i;

	if (b->image) {
		it = pages_add(pg, IT_IMAGE, u->block);
		it->x = x;
		it->y = page_y(l, u, u->top + u->ih);
		it->w = u->iw;
		it->h = u->ih;
		it->image = b->image - 1;
		x += u->iw + BRAND_GAP;
	}
	for (i = 0; i < t->nlines; i++)
		th += t->lead[i];
	top = u->top + (u->ih > th ? (u->ih - th) / 2 : 0);
	for (i = 0; i < t->nlines; i++) {
		emit_line(l, pg, u->block, b, t, i, x, page_y(l, u,
		    baseline(l, top, t->lead[i], line_size(b, t, i))));
		top += t->lead[i];
	}
	pages_rect(pg, u->block, fr->x, page_y(l, u, u->top + u->h), fr->w,
	    BRAND_RULE, l->doc->accent);
}

/*
 * An image's alt text: its caption below it when the article asks for
 * captions, else the same lines drawn invisibly over the image, so a
 * screen reader and text extraction still find them in reading order.
 */
static void
emit_alt(struct comp *l, struct page *pg, const struct unit *u)
{
	const struct block *b = &l->doc->blocks[u->block];
	const struct tblock *t = &l->f->tb[u->block];
	float top = u->top;
	size_t i, first = pg->nitems;

	if (t->nitems == 0)
		return;
	if (l->doc->captions)
		top += u->ih + CAPTION_GAP;
	for (i = 0; i < t->nlines; i++) {
		emit_line(l, pg, u->block, b, t, i,
		    frame_of(l, u)->x + b->indent,
		    page_y(l, u, baseline(l, top, t->lead[i], b->ascent)));
		top += t->lead[i];
	}
	for (i = first; !l->doc->captions && i < pg->nitems; i++)
		pg->items[i].invisible = 1;
}

/*
 * A QR code: a light square, its quiet zone, and on it each row's runs
 * of dark modules as one rectangle each (a few hundred, not a thousand
 * squares); the address under it, each line centred on the column.
 * Its squares are artifacts: the address printed under it says what a
 * screen reader needs, and would be read twice as the code's alt text.
 */
static void
emit_qr(struct comp *l, struct page *pg, const struct unit *u)
{
	static const struct rgb white = { 1, 1, 1 }, black = { 0, 0, 0 };
	const struct block *b = &l->doc->blocks[u->block];
	const struct tblock *t = &l->f->tb[u->block];
	const struct qrcode *q = b->qr;
	float top = u->top - u->lift, col = t->width, m, x, w;
	size_t i, from;
	int r, c, run;

	x = frame_of(l, u)->x + u->dx;
	pages_rect(pg, u->block, x + (col - u->iw) / 2,
	    page_y(l, u, top + u->ih), u->iw, u->ih, white);
	m = u->iw / (float)(q->n + 2 * QR_QUIET);
	for (r = 0; r < q->n; r++)
		for (c = 0; c < q->n; c += run) {
			for (run = 0; qr_dark(q, r, c + run); run++)
				;
			if (run == 0)
				run = 1;
			else
				pages_rect(pg, u->block, x + (col - u->iw) / 2 +
				    (float)(QR_QUIET + c) * m, page_y(l, u,
				    top + (float)(QR_QUIET + r + 1) * m),
				    (float)run * m, m, black);
		}
	top += u->ih + CAPTION_GAP;
	for (i = 0; i < t->nlines; i++) {
		from = i ? t->ends[i - 1] + 1 : 0;
		w = lb_width(t->items, from, t->ends[i]);
		emit_line(l, pg, u->block, b, t, i, x + (col - w) / 2,
		    page_y(l, u, baseline(l, top, t->lead[i], b->ascent)));
		top += t->lead[i];
	}
}

struct cellpen {		/* what table.c draws a cell's line with */
	struct comp	*l;
	struct page	*pg;
	int		 block;
};

static void
cell_line(void *arg, const struct block *cell, const struct tblock *t,
    size_t line, float x, float base)
{
	struct cellpen *cp = arg;

	emit_line(cp->l, cp->pg, cp->block, cell, t, line, x, base);
}

/*
 * The column of the cell that line `line` of row `row` of table b, set
 * as text, shows: its "Header: value" lines, one after each forced
 * break, are its cells that are not empty, in order.
 */
static int
text_cell(const struct block *b, size_t row, const struct block *rb,
    const struct tblock *t, size_t line)
{
	const struct table *tab = b->table;
	size_t i = line ? t->ends[line - 1] + 1 : 0, r, k = 0, col;

	while (i < t->nitems && t->items[i].type != LB_BOX)
		i++;
	for (r = 0; i < t->nitems && r < t->items[i].run && r < rb->nruns; r++)
		k += rb->runs[r].hardbreak;
	for (col = 0; col < tab->ncols; col++)
		if (tab->cells[row * tab->ncols + col].nruns > 0 && k-- == 0)
			return (int)col;
	return 0;
}

/*
 * A table's row, below the header drawn again when the row opens a
 * frame; or a line of a row set as text, when the table is too wide.
 */
static void
emit_table(struct comp *l, struct page *pg, const struct unit *u)
{
	const struct block *b = &l->doc->blocks[u->block];
	const struct tlayout *tl = &l->f->tl[u->block];
	const struct block *rb;
	struct cellpen cp = { l, pg, u->block };
	struct tdraw d;
	size_t first;
	int col;

	if (tl->fallback) {
		rb = &tl->rows[u->row];
		first = pg->nitems;
		emit_line(l, pg, u->block, rb, &tl->rowtb[u->row],
		    (size_t)u->line, frame_of(l, u)->x + b->indent,
		    page_y(l, u, baseline(l, u->top, u->h, rb->ascent)));
		/* a row set as text: a row, each "Header: value" a cell */
		col = text_cell(b, (size_t)u->row, rb, &tl->rowtb[u->row],
		    (size_t)u->line);
		for (; first < pg->nitems; first++)
			if (pg->items[first].kind == IT_TEXT) {
				pg->items[first].tag = u->row ? TAG_TD : TAG_TH;
				pg->items[first].level = u->row + 1;
				pg->items[first].col = col;
			}
		return;
	}
	memset(&d, 0, sizeof(d));
	d.pg = pg;
	d.block = u->block;
	d.x = frame_of(l, u)->x + b->indent;
	d.head = l->doc->primary;
	d.rule = (struct rgb){ 0.70f, 0.70f, 0.70f };
	d.asc = l->asc;
	d.desc = l->desc;
	d.arg = &cp;
	d.line = cell_line;
	if (u->rehead) {
		d.top = page_y(l, u, u->top - u->head);
		first = pg->nitems;
		table_draw_row(tl, b, 0, -1, &d);
		/* drawn again for the eye: read once, where it stands */
		for (; first < pg->nitems; first++)
			pg->items[first].tag = TAG_ARTIFACT;
	}
	d.top = page_y(l, u, u->top);
	table_draw_row(tl, b, (size_t)u->row, u->line, &d);
}

static void
emit_unit(struct comp *l, struct page *pg, const struct unit *u)
{
	const struct block *b = &l->doc->blocks[u->block];
	const struct frame *fr = frame_of(l, u);
	struct item *it;

	switch (b->kind) {
	case BLK_TEXT:
		emit_text(l, pg, u);
		break;
	case BLK_BRAND:
		emit_brand(l, pg, u);
		break;
	case BLK_RULE:
		pages_rule(pg, u->block, fr->x + b->indent,
		    page_y(l, u, u->top + u->h / 2), fr->w - b->indent, 0, 1.0f,
		    l->doc->accent);
		break;
	case BLK_IMAGE:
		it = pages_add(pg, IT_IMAGE, u->block);
		it->x = fr->x + b->indent;
		it->y = page_y(l, u, u->top + u->ih);
		it->w = u->iw;
		it->h = u->ih;
		it->image = b->image - 1;
		emit_alt(l, pg, u);
		break;
	case BLK_TABLE:
		emit_table(l, pg, u);
		break;
	case BLK_QR:
		emit_qr(l, pg, u);
		break;
	}
}

/*
 * The tinted boxes behind callouts, drawn before their text: one per run
 * of units of a callout in a frame.
 */
static void
emit_boxes(struct comp *l, struct pages *out)
{
	const struct document *doc = l->doc;
	const struct callout *co;
	const struct frame *fr;
	struct page *pg;
	size_t i, j;
	float top, bottom, left;
	int c;

	for (i = 0; i < l->f->nu; i = j) {
		const struct unit *u = UNIT(l, i), *last;

		c = doc->blocks[u->block].callout;
		for (j = i + 1; j < l->f->nu && UNIT(l, j)->frame == u->frame &&
		    c != 0 && doc->blocks[UNIT(l, j)->block].callout == c; j++)
			;
		if (c == 0)
			continue;
		last = UNIT(l, j - 1);
		fr = &l->f->frames[u->frame];
		pg = &out->v[fr->page];
		co = &doc->callouts[c - 1];
		top = u->top - u->pad_top;
		bottom = last->top + last->h + last->pad_bottom;
		left = doc->blocks[u->block].indent - co->pad;
		pages_rect(pg, -1, fr->x + left, page_y(l, u, bottom),
		    fr->w - left, bottom - top, co->fill);
		if (co->bar > 0)
			pages_rect(pg, -1, fr->x + left, page_y(l, u, bottom),
			    co->bar, bottom - top, co->edge);
	}
}

/*
 * Units in reading order: by frame, in order within one.  Stories fill
 * their frames one after another, so a cover's frame may come after
 * body frames in units' order but before them on the page.
 */
static size_t *
reading_order(const struct flow *f)
{
	size_t *start = xcalloc(f->nframes + 1, sizeof(*start));
	size_t *order = xcalloc(f->nu ? f->nu : 1, sizeof(*order)), i;

	for (i = 0; i < f->nu; i++)
		start[f->u[i].frame + 1]++;
	for (i = 0; i < f->nframes; i++)
		start[i + 1] += start[i];
	for (i = 0; i < f->nu; i++)
		order[start[f->u[i].frame]++] = i;
	free(start);
	return order;
}

/*
 * Every item's place in reading order: pages in order, items in the
 * order they were drawn, so that a transform that moves them (a booklet
 * imposed on sheets) keeps what a tagged PDF reads first.
 */
static void
number_items(struct pages *out)
{
	size_t i, j, seq = 0;

	for (i = 0; i < out->n; i++)
		for (j = 0; j < out->v[i].nitems; j++)
			out->v[i].items[j].seq = seq++;
}

void
compose(struct pages *out, const struct flow *f, const struct document *doc,
    const struct shape *shape, const struct font *const *fonts)
{
	struct comp l;
	struct furnish fu;
	size_t i;

	memset(&l, 0, sizeof(l));
	l.doc = doc;
	l.fonts = fonts;
	l.f = f;
	l.shape = shape;
	l.out = out;
	l.asc = fonts[FACE_REGULAR]->ascent;
	l.desc = fonts[FACE_REGULAR]->descent;
	out->width = shape->width;
	out->height = shape->height;
	out->n = f->npages;
	out->v = xcalloc(out->n, sizeof(*out->v));
	l.order = reading_order(f);
	tag_nesting(out, doc);
	emit_boxes(&l, out);
	for (i = 0; i < f->nu; i++)
		emit_unit(&l, &out->v[f->frames[UNIT(&l, i)->frame].page],
		    UNIT(&l, i));
	memset(&fu, 0, sizeof(fu));
	fu.fonts = fonts;
	fu.footer = doc->footer;
	fu.primary = doc->primary;
	fu.npages = out->n;
	for (fu.page = 0; fu.page < out->n; fu.page++) {
		fu.blank = out->v[fu.page].nitems == 0;
		shape->furniture(shape, &out->v[fu.page], &fu);
		tag_page(doc, &out->v[fu.page]);
	}
	number_items(out);
	free(l.order);
}
