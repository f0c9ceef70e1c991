/*
 * table: column widths, cells' lines, rows' heights, and the drawing of
 * a row; or, when the columns cannot fit, the rows as text blocks.
 *
 * Widths follow the usual automatic table layout: each column needs its
 * widest word and would like its longest line unbroken.  When every
 * column can have what it would like, it does; otherwise each gets what
 * it needs and the rest of the measure is shared in proportion to what
 * it would like beyond that.
 */
#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "pages.h"
#include "table.h"
#include "typeset.h"
#include "xalloc.h"

#define MIN_COL		12.0f	/* no column narrower, even an empty one */
#define RULE_W		0.5f	/* the thin rules between rows */

/*
 * What a cell's items need (*need: its widest word, with the pieces
 * of a word hyphenation would split) and would like (*want: its widest
 * line between forced breaks).
 */
static void
measure(const struct tblock *t, float *need, float *want)
{
	float word = 0, line = 0, glue = 0;
	size_t i;

	*need = *want = 0;
	for (i = 0; i < t->nitems; i++) {
		const struct lb_item *it = &t->items[i];

		if (it->type == LB_BOX) {
			word += it->width;
			line += glue + it->width;
			glue = 0;
		} else if (it->type == LB_GLUE) {
			word = 0;
			glue += it->width;
		} else if (it->penalty <= LB_FORCE) {
			word = line = glue = 0;
		}
		if (word > *need)
			*need = word;
		if (line > *want)
			*want = line;
	}
}

/*
 * Widths of the columns within avail; 0 when their words cannot fit.
 * A column that would like no more than an even share of the room left
 * gets what it would like, so short columns stay unbroken, as long as
 * the others still get what they need; the others
 * get what they need and share the rest in proportion to what they
 * would like beyond it.
 */
static int
col_widths(struct tlayout *tl, const float *need, const float *want,
    float avail)
{
	float sneed = 0, swant = 0, room = avail;
	size_t i, left = tl->ncols, done;

	for (i = 0; i < tl->ncols; i++) {
		sneed += need[i];
		tl->colw[i] = -1;
	}
	if (sneed > avail)
		return 0;
	do {		/* settle the short columns, then look again */
		done = 0;
		for (i = 0; i < tl->ncols; i++)
			if (tl->colw[i] < 0 && want[i] * left <= room &&
			    room - want[i] >= sneed - need[i]) {
				tl->colw[i] = want[i];
				room -= want[i];
				sneed -= need[i];
				left--;
				done++;
			}
	} while (done > 0 && left > 0);
	for (i = 0; i < tl->ncols; i++)
		if (tl->colw[i] < 0)
			swant += want[i];
	for (i = 0; i < tl->ncols; i++)
		if (tl->colw[i] < 0)
			tl->colw[i] = need[i] + (swant > sneed ?
			    (room - sneed) * (want[i] - need[i]) /
			    (swant - sneed) : 0);
	return 1;
}

static void
free_rows(struct tlayout *tl)
{
	size_t i, j;

	for (i = 0; tl->rows != NULL && i < tl->nrows; i++) {
		for (j = 0; j < tl->rows[i].nruns; j++) {
			free(tl->rows[i].runs[j].text);
			free(tl->rows[i].runs[j].link);
		}
		free(tl->rows[i].runs);
		tblock_free(&tl->rowtb[i]);
	}
	free(tl->rows);
	free(tl->rowtb);
	tl->rows = NULL;
	tl->rowtb = NULL;
}

void
table_free(struct tlayout *tl)
{
	size_t i;

	for (i = 0; tl->cells != NULL && i < tl->nrows * tl->ncols; i++)
		tblock_free(&tl->cells[i]);
	free(tl->cells);
	free(tl->colw);
	free(tl->colx);
	free(tl->rowh);
	for (i = 0; tl->slice != NULL && i < tl->nrows; i++)
		free(tl->slice[i]);
	free(tl->slice);
	free(tl->nslice);
	free_rows(tl);
	memset(tl, 0, sizeof(*tl));
}

static void
copy_run(struct block *b, const struct run *r, enum face face, int head)
{
	struct run *n;

	b->runs = xgrow(b->runs, b->nruns, sizeof(*b->runs));
	n = &b->runs[b->nruns++];
	*n = *r;
	n->face = face;
	if (head)
		n->color = COLOR_TEXT;	/* not white: no fill behind it */
	n->text = xstrndup(r->text, r->len);
	n->link = r->link ? xstrdup(r->link) : NULL;
	n->anchor = NULL;	/* a footnote's is in the table's own cells */
}

/* Body row r as one block: "Header: value", a line for each cell. */
static void
row_block(const struct block *b, size_t r, struct block *out)
{
	const struct table *t = b->table;
	const struct block *h, *v;
	struct run sep;
	size_t i, j;

	memset(out, 0, sizeof(*out));
	out->kind = BLK_TEXT;
	out->role = ROLE_TABLE;
	out->ascent = b->ascent;	/* the body's */
	out->leading = b->leading;
	out->group = -1;
	memset(&sep, 0, sizeof(sep));
	sep.size = b->ascent;
	sep.color = COLOR_TEXT;
	for (i = 0; i < t->ncols; i++) {
		h = &t->cells[i];
		v = &t->cells[r * t->ncols + i];
		if (v->nruns == 0)
			continue;
		if (out->nruns > 0) {
			sep.hardbreak = 1;
			sep.text = (char *)"";
			sep.len = 0;
			copy_run(out, &sep, FACE_REGULAR, 0);
		}
		for (j = 0; j < h->nruns; j++)
			copy_run(out, &h->runs[j], FACE_BOLD, 1);
		sep.hardbreak = 0;
		sep.text = (char *)(h->nruns ? ": " : "");
		sep.len = strlen(sep.text);
		copy_run(out, &sep, FACE_BOLD, 0);
		for (j = 0; j < v->nruns; j++)
			copy_run(out, &v->runs[j], v->runs[j].face, 0);
	}
}

static void
set_fallback(const struct typesetter *ts, const struct block *b,
    struct tlayout *tl, float width)
{
	size_t r;

	tl->fallback = 1;
	tl->rows = xcalloc(tl->nrows, sizeof(*tl->rows));
	tl->rowtb = xcalloc(tl->nrows, sizeof(*tl->rowtb));
	for (r = 1; r < tl->nrows; r++) {
		row_block(b, r, &tl->rows[r]);
		typeset_block(ts, &tl->rows[r], &tl->rowtb[r], width);
	}
}

/*
 * Row r in slices: slice k as tall as the tallest line k of its cells,
 * the first and last with the row's padding.
 */
static void
slice_row(struct tlayout *tl, size_t r)
{
	const struct tblock *tb;
	size_t i, k, n = 0;

	for (i = 0; i < tl->ncols; i++)
		if (tl->cells[r * tl->ncols + i].nlines > n)
			n = tl->cells[r * tl->ncols + i].nlines;
	if (n == 0)
		return;		/* never: an empty row is short */
	tl->slice[r] = xcalloc(n, sizeof(**tl->slice));
	tl->nslice[r] = n;
	for (i = 0; i < tl->ncols; i++) {
		tb = &tl->cells[r * tl->ncols + i];
		for (k = 0; k < tb->nlines; k++)
			if (tb->lead[k] > tl->slice[r][k])
				tl->slice[r][k] = tb->lead[k];
	}
	tl->slice[r][0] += TABLE_VPAD;
	tl->slice[r][n - 1] += TABLE_VPAD;
}

/*
 * Each row's height: its tallest cell's, with padding; a row too tall
 * to go whole under the header is cut.  0 when the header is too tall.
 */
static int
row_heights(struct tlayout *tl, float lead, float maxh)
{
	size_t r, i;
	float h;

	for (r = 0; r < tl->nrows; r++) {
		tl->rowh[r] = lead;
		for (i = 0; i < tl->ncols; i++) {
			h = typeset_height(&tl->cells[r * tl->ncols + i]);
			if (h > tl->rowh[r])
				tl->rowh[r] = h;
		}
		tl->rowh[r] += 2 * TABLE_VPAD;
	}
	if (tl->nrows > 1 && 2 * tl->rowh[0] > maxh)
		return 0;
	tl->slice = xcalloc(tl->nrows, sizeof(*tl->slice));
	tl->nslice = xcalloc(tl->nrows, sizeof(*tl->nslice));
	for (r = 1; r < tl->nrows; r++)
		if (tl->rowh[0] + tl->rowh[r] > maxh)
			slice_row(tl, r);
	return 1;
}

void
table_set(const struct typesetter *ts, const struct block *b,
    struct tlayout *tl, float width, float maxh)
{
	const struct table *t = b->table;
	float avail, *need, *want, n, w, x;
	size_t r, i, k;

	if (tl->cells != NULL && tl->width == width)
		return;
	table_free(tl);
	tl->ncols = t->ncols;
	tl->nrows = t->nrows;
	tl->width = width;
	k = t->ncols * t->nrows;
	tl->cells = xcalloc(k ? k : 1, sizeof(*tl->cells));
	tl->colw = xcalloc(t->ncols + 1, sizeof(*tl->colw));
	tl->colx = xcalloc(t->ncols + 1, sizeof(*tl->colx));
	tl->rowh = xcalloc(t->nrows + 1, sizeof(*tl->rowh));
	need = xcalloc(t->ncols + 1, sizeof(*need));
	want = xcalloc(t->ncols + 1, sizeof(*want));
	avail = width - t->ncols * 2 * TABLE_PAD;
	for (r = 0; r < t->nrows; r++)
		for (i = 0; i < t->ncols; i++) {
			typeset_block(ts, &t->cells[r * t->ncols + i],
			    &tl->cells[r * t->ncols + i],
			    avail > 1 ? avail : 1);
			measure(&tl->cells[r * t->ncols + i], &n, &w);
			need[i] = n > need[i] ? n : need[i];
			want[i] = w > want[i] ? w : want[i];
		}
	for (i = 0; i < t->ncols; i++) {
		/* a hair over, so a line measured whole fits when broken */
		need[i] = need[i] < MIN_COL ? MIN_COL : need[i] + 0.5f;
		want[i] += 0.5f;
		want[i] = want[i] < need[i] ? need[i] : want[i];
	}
	if (col_widths(tl, need, want, avail)) {
		for (i = 0, x = 0; i < t->ncols; i++) {
			tl->colx[i] = x + TABLE_PAD;
			x += tl->colw[i] + 2 * TABLE_PAD;
			for (r = 0; r < t->nrows; r++)
				typeset_block(ts, &t->cells[r * t->ncols + i],
				    &tl->cells[r * t->ncols + i], tl->colw[i]);
		}
		if (!row_heights(tl, b->leading, maxh))
			set_fallback(ts, b, tl, width);
	} else
		set_fallback(ts, b, tl, width);
	free(need);
	free(want);
}

static void
add_rule(const struct tdraw *d, float x, float y, float w)
{
	struct item *it = pages_add(d->pg, IT_RULE, d->block);

	it->tag = TAG_ARTIFACT;
	it->x = x;
	it->y = y;
	it->w = w;
	it->lw = RULE_W;
	it->color = d->rule;
}

/* The width of a cell's line, for its alignment. */
static float
line_width(const struct tblock *t, size_t line)
{
	size_t from = line ? t->ends[line - 1] + 1 : 0, end = t->ends[line];

	while (from < end && t->items[from].type != LB_BOX)
		from++;
	while (end > from && t->items[end - 1].type != LB_BOX)
		end--;
	return lb_width(t->items, from, end);
}

/*
 * Lines from..to of row r's cells, from top down, aligned, tagged TH
 * or TD with the row.
 */
static void
draw_cells(const struct tlayout *tl, const struct block *b, size_t r,
    size_t from, size_t to, float top0, const struct tdraw *d)
{
	const struct table *t = b->table;
	const struct block *cell;
	const struct tblock *tb;
	size_t i, k, first;
	float top, x, slack;

	for (i = 0; i < tl->ncols; i++) {
		cell = &t->cells[r * tl->ncols + i];
		tb = &tl->cells[r * tl->ncols + i];
		top = top0;
		first = d->pg->nitems;
		for (k = from; k < tb->nlines && k < to; k++) {
			slack = tl->colw[i] - line_width(tb, k);
			x = d->x + tl->colx[i] + (t->align[i] == 'r' ? slack :
			    t->align[i] == 'c' ? slack / 2 : 0);
			d->line(d->arg, cell, tb, k, x, top - (tb->lead[k] -
			    (d->asc + d->desc) * cell->ascent) / 2 -
			    d->asc * cell->ascent);
			top -= tb->lead[k];
		}
		for (k = first; k < d->pg->nitems; k++)
			if (d->pg->items[k].kind == IT_TEXT) {
				d->pg->items[k].tag = r == 0 ? TAG_TH : TAG_TD;
				d->pg->items[k].level = (int)r + 1;
				d->pg->items[k].col = (int)i;
			}
	}
}

void
table_draw_row(const struct tlayout *tl, const struct block *b, size_t r,
    long k, const struct tdraw *d)
{
	struct item *it;
	float w = 0;
	size_t i;

	for (i = 0; i < tl->ncols; i++)
		w += tl->colw[i] + 2 * TABLE_PAD;
	if (r == 0) {
		it = pages_add(d->pg, IT_RECT, d->block);
		it->tag = TAG_ARTIFACT;
		it->x = d->x;
		it->y = d->top - tl->rowh[0];
		it->w = w;
		it->h = tl->rowh[0];
		it->color = d->head;
	}
	if (k < 0) {
		draw_cells(tl, b, r, 0, (size_t)-1, d->top - TABLE_VPAD, d);
		add_rule(d, d->x, d->top - tl->rowh[r], w);
		return;
	}
	draw_cells(tl, b, r, (size_t)k, (size_t)k + 1, d->top -
	    (k == 0 ? TABLE_VPAD : 0), d);
	if ((size_t)k + 1 == tl->nslice[r])
		add_rule(d, d->x, d->top - tl->slice[r][k], w);
}
