/*
 * layout: blocks -> lines -> units -> pages.
 *
 * Every block becomes a run of vertical units (a line of text, an image,
 * a rule, the brand band), each with the space above it and whether a
 * page may break before it.  Pagination fills a frame with units until
 * one does not fit, then goes back to the last unit before which a break
 * is allowed; what is left of the page stays empty, so keeps (headings
 * with what follows, widows, orphans, unsplit callouts) never stretch
 * space between paragraphs.  Only when no break is allowed anywhere on
 * the page does a keep give way.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "breaks.h"
#include "document.h"
#include "fonts.h"
#include "layout.h"
#include "linefit.h"
#include "pages.h"
#include "utf8.h"
#include "xalloc.h"

#define MEASURE_MAX	420.0f	/* about 75 characters of 12 pt text */
#define MARGIN_MIN	54.0f
#define MARGIN_TOP	44.0f
#define MARGIN_BOTTOM	62.0f	/* the footer lives below the frame */
#define FOOTER_BASE	32.0f	/* footer baseline above the page's bottom */
#define FOOTER_SIZE	9.5f
#define BOX_PAD		10.0f	/* above and below text in a callout */
#define BOX_PAD_RIGHT	14.0f
#define LOGO_HEIGHT	56.0f
#define BRAND_GAP	14.0f
#define BRAND_RULE	2.5f
#define MARKER_GAP	7.0f
#define PRE_NOSPLIT	10	/* code blocks up to this many lines stay whole */
#define IMAGE_MAX_FRAC	0.6f	/* of the frame's height */
#define CAPTION_GAP	6.0f
#define MAX_PASSES	8	/* of pagination, taking hyphens off page ends */
#define URL_BREAK_COST	50	/* of breaking an address after a '/' */
#define SPLIT_COST	100	/* of splitting a word too wide for a line */

struct frame {
	float	x;		/* left edge */
	float	top;		/* from the page's top */
	float	w;
	float	h;
};

struct unit {
	int	block;
	int	line;		/* line of a text block; -1 otherwise */
	float	h;
	float	space;		/* above; dropped at the top of a frame */
	float	pad_top;	/* inside a callout box */
	float	pad_bottom;
	int	nobreak;	/* no page break just before this unit */
	float	iw;		/* an image's size (the logo's, for the brand) */
	float	ih;
	size_t	page;		/* set by paginate() */
	float	top;		/* from the frame's top */
};

struct tblock {			/* a text block broken into lines */
	struct lb_item	*items;
	size_t		 nitems;
	size_t		 maxitems;
	size_t		*ends;
	size_t		 nlines;
	float		 width;
	float		*lead;		/* leading of each line */
	int		 justify;
	int		 dirty;		/* items changed: break again */
};

struct lay {
	const struct document	 *doc;
	const struct font *const *fonts;
	struct diag		 *d;
	struct frame		  fr;
	float			  asc;	/* per em, of the regular face */
	float			  desc;
	struct tblock		 *tb;
	struct unit		 *u;
	size_t			  nu;
	size_t			  maxu;
	struct pages		 *out;
	struct hyph		 *hyph;	/* for the document's language, or NULL */
};

static void
push_item(struct tblock *t, enum lb_type type, float w, size_t run,
    size_t off, size_t len)
{
	struct lb_item *it;

	if (t->nitems == t->maxitems) {
		t->maxitems = t->maxitems ? t->maxitems * 2 : 32;
		t->items = xreallocarray(t->items, t->maxitems,
		    sizeof(*t->items));
	}
	it = &t->items[t->nitems++];
	memset(it, 0, sizeof(*it));
	it->type = type;
	it->width = w;
	it->run = run;
	it->off = off;
	it->len = len;
}

static void
push_penalty(struct tblock *t, int penalty, int flagged, float w, size_t run)
{
	push_item(t, LB_PENALTY, w, run, 0, 0);
	t->items[t->nitems - 1].penalty = penalty;
	t->items[t->nitems - 1].flagged = flagged;
}

/*
 * A box: a word, or for a word wider than the line, pieces of it that
 * fit with a visible hyphen between them.
 */
static void
push_box(struct lay *l, struct tblock *t, const struct run *r, size_t run,
    size_t off, size_t len)
{
	const struct font *f = l->fonts[r->face];
	float w = font_width(f, r->text + off, len, r->size), hy, pw, cw;
	size_t i, k, start;
	uint32_t cp;

	if (w <= t->width) {
		push_item(t, LB_BOX, w, run, off, len);
		return;
	}
	hy = font_width(f, "-", 1, r->size);
	for (start = i = off, pw = 0; i < off + len; i += k) {
		if ((k = utf8_decode(r->text + i, off + len - i, &cp)) == 0)
			k = 1;
		cw = font_width(f, r->text + i, k, r->size);
		if (i > start && pw + cw + hy > t->width) {
			push_item(t, LB_BOX, pw, run, start, i - start);
			push_penalty(t, SPLIT_COST, 1, hy, run);
			start = i;
			pw = 0;
		}
		pw += cw;
	}
	push_item(t, LB_BOX, pw, run, start, off + len - start);
}

static int
is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r';
}

static int
is_letter(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
	    (c >= 0x370 && c <= 0x4FF);
}

/* Does a unit of measure start s[0..len)?  "mg", "months"... */
static int
unit_at(const char *s, size_t len)
{
	static const char *const units[] = { "mg", "g", "kg", "mcg",
	    "\xc2\xb5g", "ml", "mL", "l", "L", "cm", "mm", "m", "km", "%",
	    "\xc2\xb0" "C", "\xc2\xb0" "F", "IU", "units", "unit", "tablets",
	    "tablet", "times", "seconds", "minutes", "minute", "hours", "hour",
	    "days", "day", "weeks", "week", "months", "month", "years",
	    "year", "am", "pm" };
	size_t j, n;

	for (j = 0; j < sizeof(units) / sizeof(units[0]); j++) {
		n = strlen(units[j]);
		if (n <= len && memcmp(s, units[j], n) == 0 &&
		    (n == len || !isalpha((unsigned char)s[n])))
			return 1;
	}
	return 0;
}

/* No letter, digit or address character in s[from..to). */
static int
only_punct(const char *s, size_t from, size_t to)
{
	size_t k;
	uint32_t cp;

	for (; from < to; from += k) {
		if ((k = utf8_decode(s + from, to - from, &cp)) == 0)
			return 0;
		if (is_letter(cp) || (cp >= '0' && cp <= '9') || cp == '@' ||
		    cp == '/' || cp == '.' || cp == ':' || cp == '_')
			return 0;
	}
	return 1;
}

/*
 * A word between two break opportunities, with hyphenation points where
 * the dictionary allows one: never in links, code, addresses, or words
 * with digits in them.
 */
static void
push_word(struct lay *l, struct tblock *t, const struct run *r, size_t ri,
    size_t off, size_t len)
{
	size_t pos[HYPH_MAX_POINTS], np = 0, i, k = 1, a, z, last, end = off + len;
	uint32_t cp = 0;
	float hy;

	if (l->hyph != NULL && r->link == NULL && r->face != FACE_MONO) {
		for (a = off; a < end; a += k)
			if ((k = utf8_decode(r->text + a, end - a, &cp)) == 0 ||
			    is_letter(cp))
				break;
		for (z = a; z < end && k != 0; z += k)
			if ((k = utf8_decode(r->text + z, end - z, &cp)) == 0 ||
			    !is_letter(cp))
				break;
		if (k != 0 && z > a && only_punct(r->text, off, a) &&
		    only_punct(r->text, z, end))
			np = hyph_word(l->hyph, r->text + a, z - a, pos,
			    HYPH_MAX_POINTS);
		hy = font_width(l->fonts[r->face], "-", 1, r->size);
		for (i = 0, last = off; i < np; i++) {
			push_box(l, t, r, ri, last, a + pos[i] - last);
			push_penalty(t, LB_HYPHEN, 1, hy, ri);
			last = a + pos[i];
		}
		off = last;
	}
	push_box(l, t, r, ri, off, end - off);
}

static void
push_glue(struct lay *l, struct tblock *t, const struct run *r, size_t ri,
    size_t off, size_t len)
{
	if (t->nitems > 0 && t->items[t->nitems - 1].type != LB_GLUE)
		push_item(t, LB_GLUE, font_width(l->fonts[r->face], " ", 1,
		    r->size), ri, off, len);
}

static void
push_forced(struct tblock *t, size_t ri)
{
	while (t->nitems > 0 && t->items[t->nitems - 1].type == LB_GLUE)
		t->nitems--;
	push_penalty(t, LB_FORCE, 0, 0, ri);
}

/* Code: lines end at newlines; a line too long may wrap after a space. */
static void
tokenize_pre(struct lay *l, const struct block *b, struct tblock *t)
{
	const struct run *r;
	size_t ri, i, start;

	for (ri = 0; ri < b->nruns; ri++) {
		r = &b->runs[ri];
		for (i = start = 0; i < r->len; i++) {
			if (r->text[i] == '\n') {
				push_box(l, t, r, ri, start, i - start);
				push_forced(t, ri);
				start = i + 1;
			} else if (r->text[i] == ' ' && i > start &&
			    i + 1 < r->len && r->text[i + 1] != ' ' &&
			    r->text[i + 1] != '\n') {
				push_box(l, t, r, ri, start, i + 1 - start);
				push_penalty(t, 0, 0, 0, ri);
				start = i + 1;
			}
		}
		push_box(l, t, r, ri, start, r->len - start);
	}
}

/*
 * Prose: the runs joined into one text for UAX #14, then cut into words
 * (boxes), spaces (glue) and the other break opportunities (penalties).
 * A word never spans runs without a break between them being a choice.
 */
static void
tokenize_text(struct lay *l, const struct block *b, struct tblock *t)
{
	size_t *rs = xreallocarray(NULL, b->nruns + 1, sizeof(*rs));
	size_t len = 0, ri, i, k, start = 0;
	unsigned char *brk;
	const struct run *r;
	char *para;
	uint32_t cp;
	int open = 0;

	for (ri = 0; ri < b->nruns; ri++) {
		rs[ri] = len;
		len += b->runs[ri].hardbreak ? 1 : b->runs[ri].len;
	}
	rs[ri] = len;
	para = xmalloc(len + 1);
	for (ri = 0; ri < b->nruns; ri++)
		if (b->runs[ri].hardbreak)
			para[rs[ri]] = '\n';
		else
			memcpy(para + rs[ri], b->runs[ri].text, b->runs[ri].len);
	brk = xmalloc(len + 1);
	breaks_find(para, len, l->doc->lang, brk);

	for (i = 0, ri = 0; i < len; i += k) {
		while (i >= rs[ri + 1]) {	/* a run ends: so does its word */
			if (open)
				push_word(l, t, &b->runs[ri], ri, start,
				    rs[ri + 1] - rs[ri] - start);
			open = 0;
			ri++;
		}
		r = &b->runs[ri];
		k = 1;
		if (r->hardbreak) {
			push_forced(t, ri);
			continue;
		}
		if ((k = utf8_decode(para + i, len - i, &cp)) == 0)
			k = 1, cp = 0xFFFD;
		if (is_space(cp)) {
			if (open)
				push_word(l, t, r, ri, start, i - rs[ri] - start);
			open = 0;
			/* a number and its unit stay together: "10 mg" */
			if (i > 0 && para[i - 1] >= '0' && para[i - 1] <= '9' &&
			    unit_at(para + i + 1, len - i - 1))
				push_penalty(t, LB_NEVER, 0, 0, ri);
			push_glue(l, t, r, ri, i - rs[ri], k);
			continue;
		}
		if (!open)
			start = i - rs[ri], open = 1;
		if (brk[i + k - 1] != BRK_NONE && i + k < len &&
		    !is_space((unsigned char)para[i + k])) {
			push_word(l, t, r, ri, start, i + k - rs[ri] - start);
			open = 0;
			if (brk[i + k - 1] == BRK_MUST)
				push_forced(t, ri);
			else
				push_penalty(t, r->link ? URL_BREAK_COST : 0, 0,
				    0, ri);
		}
	}
	if (open)
		push_word(l, t, &b->runs[ri], ri, start,
		    rs[ri + 1] - rs[ri] - start);
	while (t->nitems > 0 && t->items[t->nitems - 1].type != LB_BOX)
		t->nitems--;
	free(para);
	free(brk);
	free(rs);
}

/* Leading of each line: the block's, grown for any larger type on it. */
static void
line_leading(const struct block *b, struct tblock *t)
{
	size_t line, i, from = 0;
	float big;

	t->lead = xreallocarray(NULL, t->nlines ? t->nlines : 1,
	    sizeof(*t->lead));
	for (line = 0; line < t->nlines; line++) {
		big = b->ascent;
		for (i = from; i < t->ends[line] && i < t->nitems; i++)
			if (b->runs[t->items[i].run].size > big)
				big = b->runs[t->items[i].run].size;
		t->lead[line] = b->leading * big / b->ascent;
		from = t->ends[line];
	}
}

static void
break_block(struct lay *l, const struct block *b, struct tblock *t,
    float width)
{
	struct lb_opts o;

	if (t->items != NULL && !t->dirty)
		return;		/* broken in an earlier pass */
	t->width = width;
	if (t->items == NULL) {
		if (b->pre)
			tokenize_pre(l, b, t);
		else
			tokenize_text(l, b, t);
	}
	t->dirty = 0;
	free(t->ends);
	free(t->lead);
	t->ends = xreallocarray(NULL, t->nitems + 1, sizeof(*t->ends));
	o.measure = width;
	o.justify = l->doc->justify && b->kind == BLK_TEXT && !b->pre &&
	    (b->role == ROLE_P || b->role == ROLE_LI || b->role == ROLE_QUOTE);
	t->justify = o.justify;
	t->nlines = lb_break(t->items, t->nitems, &o, t->ends);
	line_leading(b, t);
}

static float
text_width(const struct lay *l, const struct block *b)
{
	return l->fr.w - b->indent - (b->callout ? BOX_PAD_RIGHT : 0);
}

static struct unit *
add_unit(struct lay *l, int block, int line, float h)
{
	struct unit *u;

	if (l->nu == l->maxu) {
		l->maxu = l->maxu ? l->maxu * 2 : 128;
		l->u = xreallocarray(l->u, l->maxu, sizeof(*l->u));
	}
	u = &l->u[l->nu++];
	memset(u, 0, sizeof(*u));
	u->block = block;
	u->line = line;
	u->h = h;
	return u;
}

/* An image at 96 pixels to the inch, shrunk to fit, aspect kept. */
static void
image_size(const struct image *img, float maxw, float maxh, float *w,
    float *h)
{
	*w = img->width * 0.75f;
	if (*w > maxw)
		*w = maxw;
	*h = *w * img->height / img->width;
	if (*h > maxh) {
		*h = maxh;
		*w = *h * img->width / img->height;
	}
}

/* The brand band: the logo, and beside it the clinic's name and tagline. */
static void
brand_unit(struct lay *l, int bi, const struct block *b, struct tblock *t)
{
	float lw = 0, lh = 0, th = 0;
	struct unit *u;
	size_t i;

	if (b->image)
		image_size(l->doc->images[b->image - 1], l->fr.w / 3,
		    LOGO_HEIGHT, &lw, &lh);
	break_block(l, b, t, l->fr.w - (b->image ? lw + BRAND_GAP : 0));
	for (i = 0; i < t->nlines; i++)
		th += t->lead[i];
	u = add_unit(l, bi, -1, (lh > th ? lh : th) + BRAND_GAP + BRAND_RULE);
	u->iw = lw;
	u->ih = lh;
}

/* Blocks to units, with the keeps that pagination honours. */
static void
make_units(struct lay *l)
{
	const struct document *doc = l->doc;
	const struct block *b, *prev = NULL;
	struct unit *u;
	struct tblock *t;
	size_t bi, k, first;
	float w, h;

	for (bi = 0; bi < doc->nblocks; bi++) {
		b = &doc->blocks[bi];
		t = &l->tb[bi];
		first = l->nu;
		switch (b->kind) {
		case BLK_BRAND:
			brand_unit(l, (int)bi, b, t);
			break;
		case BLK_RULE:
			add_unit(l, (int)bi, -1, b->leading);
			break;
		case BLK_IMAGE:
			image_size(doc->images[b->image - 1],
			    text_width(l, b), l->fr.h * IMAGE_MAX_FRAC, &w, &h);
			/* the alt text: a caption below, or unseen but read */
			break_block(l, b, t, text_width(l, b));
			u = add_unit(l, (int)bi, -1, h);
			u->iw = w;
			u->ih = h;
			if (doc->captions && t->nitems > 0) {
				u->h += CAPTION_GAP;
				for (k = 0; k < t->nlines; k++)
					u->h += t->lead[k];
			}
			break;
		case BLK_TEXT:
			break_block(l, b, t, text_width(l, b));
			for (k = 0; k < t->nlines; k++) {
				u = add_unit(l, (int)bi, (int)k, t->lead[k]);
				/* at least two lines each side of a break */
				if (k == 1 || k + 1 == t->nlines || b->nosplit ||
				    (b->pre && t->nlines <= PRE_NOSPLIT))
					u->nobreak = k > 0;
			}
			break;
		}
		if (l->nu == first)
			continue;
		u = &l->u[first];
		u->space = b->space_before;
		if (prev != NULL && prev->keep_next)
			u->nobreak = 1;
		if (b->callout) {
			if (prev == NULL || prev->callout != b->callout)
				u->pad_top = BOX_PAD;
			else	/* callouts stay whole */
				u->nobreak = 1;
			if (bi + 1 == doc->nblocks ||
			    doc->blocks[bi + 1].callout != b->callout)
				l->u[l->nu - 1].pad_bottom = BOX_PAD;
		}
		for (k = first + 1; k < l->nu && b->callout; k++)
			l->u[k].nobreak = 1;
		prev = b;
	}
}

/*
 * No page may end in a hyphenated word: the reader would turn the page in
 * the middle of it.  Such a hyphen is taken out of the running and its
 * paragraph broken again; returns whether any was, so that pages are
 * made again.
 */
static int
unhyphen_page_ends(struct lay *l)
{
	struct tblock *t;
	struct lb_item *e;
	const struct unit *u;
	size_t i;
	int changed = 0;

	for (i = 0; i + 1 < l->nu; i++) {
		u = &l->u[i];
		if (u->page == l->u[i + 1].page || u->line < 0)
			continue;
		t = &l->tb[u->block];
		if ((size_t)u->line + 1 >= t->nlines)
			continue;
		e = &t->items[t->ends[u->line]];
		if (e->type == LB_PENALTY && e->flagged &&
		    e->penalty == LB_HYPHEN) {
			e->penalty = LB_NEVER;
			t->dirty = 1;
			changed = 1;
		}
	}
	return changed;
}

/* Assign each unit a page and a place in that page's frame. */
static size_t
paginate(struct lay *l)
{
	size_t i, b, start = 0, page = 0;
	float y = 0, need, sp;

	for (i = 0; i < l->nu; i++) {
		struct unit *u = &l->u[i];

		sp = i == start ? 0 : u->space;
		need = sp + u->pad_top + u->h + u->pad_bottom;
		if (y + need <= l->fr.h || i == start) {
			u->page = page;
			u->top = y + sp + u->pad_top;
			y += need;
			continue;
		}
		for (b = i; b > start && l->u[b].nobreak; b--)
			;
		if (b == start)		/* nowhere to break: a keep gives way */
			b = i;
		page++;
		start = b;
		y = 0;
		i = b - 1;
	}
	return l->nu ? page + 1 : 1;
}

static float
page_y(const struct lay *l, float top)
{
	return l->doc->page_height - l->fr.top - top;
}

static struct item *
add_text(struct lay *l, struct page *pg, int block, float x, float y,
    enum face face, float size, struct rgb color, const char *s, size_t n)
{
	struct item *it = pages_add(pg, IT_TEXT, block);

	it->x = x;
	it->y = y;
	it->face = face;
	it->size = size;
	it->color = color;
	it->text = xstrndup(s, n);
	it->w = font_width(l->fonts[face], s, n, size);
	it->h = size;
	return it;
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

static void
seg_flush(struct lay *l, struct page *pg, int block, const struct block *b,
    struct seg *sg, float base)
{
	const struct run *r = &b->runs[sg->run];
	struct item *it;
	float lw;

	if (!sg->open)
		return;
	sg->open = 0;
	if (sg->len == 0)
		return;
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
	if (r->link == NULL)
		return;
	lw = sg->w - sg->trail;
	it = pages_add(pg, IT_RULE, block);
	it->x = sg->x;
	it->y = base - r->size * 0.12f;
	it->w = lw;
	it->lw = 0.6f;
	it->color = r->color;
	it = pages_add(pg, IT_LINK, block);
	it->x = sg->x;
	it->y = base - l->desc * r->size;
	it->w = lw;
	it->h = (l->asc + l->desc) * r->size;
	it->text = xstrdup(r->link);
}

static void
emit_line(struct lay *l, struct page *pg, int bi, const struct tblock *t,
    size_t line, float x, float base)
{
	const struct block *b = &l->doc->blocks[bi];
	const struct lb_item *it;
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
	seg_flush(l, pg, bi, b, &sg, base);
	free(sg.s);
}

/* Baseline of a line whose box starts at top, CSS-style half-leading. */
static float
baseline(const struct lay *l, float top, float lead, float size)
{
	return top + (lead - (l->asc + l->desc) * size) / 2 + l->asc * size;
}

/* A heading's place, for the outline and for "#slug" links. */
static void
add_mark(struct lay *l, const struct unit *u)
{
	const struct block *b = &l->doc->blocks[u->block];
	struct pages *out = l->out;
	struct mark *m;
	size_t i, len = 0;

	out->marks = xgrow(out->marks, out->nmarks, sizeof(*out->marks));
	m = &out->marks[out->nmarks++];
	m->block = u->block;
	m->level = b->level;
	m->page = u->page;
	m->y = page_y(l, u->top);
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

static void
emit_text(struct lay *l, struct page *pg, const struct unit *u)
{
	const struct block *b = &l->doc->blocks[u->block];
	const struct tblock *t = &l->tb[u->block];
	float x = l->fr.x + b->indent, base;

	if (u->line == 0 && b->role == ROLE_H)
		add_mark(l, u);

	base = page_y(l, baseline(l, u->top, u->h, b->ascent));
	if (u->line == 0 && b->marker != NULL) {
		float mw = font_width(l->fonts[b->marker_face], b->marker,
		    strlen(b->marker), b->marker_size);

		add_text(l, pg, u->block, x - MARKER_GAP - mw, base,
		    b->marker_face, b->marker_size, b->marker_color, b->marker,
		    strlen(b->marker));
	}
	emit_line(l, pg, u->block, t, (size_t)u->line, x, base);
}

static void
emit_brand(struct lay *l, struct page *pg, const struct unit *u)
{
	const struct block *b = &l->doc->blocks[u->block];
	const struct tblock *t = &l->tb[u->block];
	struct item *it;
	float th = 0, top, x = l->fr.x;
	size_t i;

	if (b->image) {
		it = pages_add(pg, IT_IMAGE, u->block);
		it->x = x;
		it->y = page_y(l, u->top + u->ih);
		it->w = u->iw;
		it->h = u->ih;
		it->image = b->image - 1;
		x += u->iw + BRAND_GAP;
	}
	for (i = 0; i < t->nlines; i++)
		th += t->lead[i];
	top = u->top + (u->ih > th ? (u->ih - th) / 2 : 0);
	for (i = 0; i < t->nlines; i++) {
		float size = b->runs[t->items[i ? t->ends[i - 1] + 1 :
		    0].run].size;

		emit_line(l, pg, u->block, t, i, x,
		    page_y(l, baseline(l, top, t->lead[i], size)));
		top += t->lead[i];
	}
	it = pages_add(pg, IT_RECT, u->block);
	it->x = l->fr.x;
	it->y = page_y(l, u->top + u->h);
	it->w = l->fr.w;
	it->h = BRAND_RULE;
	it->color = l->doc->accent;
}

/*
 * An image's alt text: its caption below it when the article asks for
 * captions, else the same lines drawn invisibly over the image, so a
 * screen reader and text extraction still find them in reading order.
 */
static void
emit_alt(struct lay *l, struct page *pg, const struct unit *u)
{
	const struct block *b = &l->doc->blocks[u->block];
	const struct tblock *t = &l->tb[u->block];
	float top = u->top;
	size_t i, first = pg->nitems;

	if (t->nitems == 0)
		return;
	if (l->doc->captions)
		top += u->ih + CAPTION_GAP;
	for (i = 0; i < t->nlines; i++) {
		emit_line(l, pg, u->block, t, i, l->fr.x + b->indent,
		    page_y(l, baseline(l, top, t->lead[i], b->ascent)));
		top += t->lead[i];
	}
	for (i = first; !l->doc->captions && i < pg->nitems; i++)
		pg->items[i].invisible = 1;
}

static void
emit_unit(struct lay *l, struct page *pg, const struct unit *u)
{
	const struct block *b = &l->doc->blocks[u->block];
	struct item *it;

	switch (b->kind) {
	case BLK_TEXT:
		emit_text(l, pg, u);
		break;
	case BLK_BRAND:
		emit_brand(l, pg, u);
		break;
	case BLK_RULE:
		it = pages_add(pg, IT_RULE, u->block);
		it->x = l->fr.x + b->indent;
		it->y = page_y(l, u->top + u->h / 2);
		it->w = l->fr.w - b->indent;
		it->lw = 1.0f;
		it->color = l->doc->accent;
		break;
	case BLK_IMAGE:
		it = pages_add(pg, IT_IMAGE, u->block);
		it->x = l->fr.x + b->indent;
		it->y = page_y(l, u->top + u->ih);
		it->w = u->iw;
		it->h = u->ih;
		it->image = b->image - 1;
		emit_alt(l, pg, u);
		break;
	}
}

/*
 * The tinted boxes behind callouts, drawn before their text: one per run
 * of units of a callout on a page.
 */
static void
emit_boxes(struct lay *l, struct pages *out)
{
	const struct document *doc = l->doc;
	const struct callout *co;
	struct item *it;
	struct page *pg;
	size_t i, j;
	float top, bottom, left;
	int c;

	for (i = 0; i < l->nu; i = j) {
		c = doc->blocks[l->u[i].block].callout;
		for (j = i + 1; j < l->nu && l->u[j].page == l->u[i].page &&
		    c != 0 && doc->blocks[l->u[j].block].callout == c; j++)
			;
		if (c == 0)
			continue;
		pg = &out->v[l->u[i].page];
		co = &doc->callouts[c - 1];
		top = l->u[i].top - l->u[i].pad_top;
		bottom = l->u[j - 1].top + l->u[j - 1].h + l->u[j - 1].pad_bottom;
		left = doc->blocks[l->u[i].block].indent - co->pad;
		it = pages_add(pg, IT_RECT, -1);
		it->x = l->fr.x + left;
		it->y = page_y(l, bottom);
		it->w = l->fr.w - left;
		it->h = bottom - top;
		it->color = co->fill;
		if (co->bar > 0) {
			it = pages_add(pg, IT_RECT, -1);
			it->x = l->fr.x + left;
			it->y = page_y(l, bottom);
			it->w = co->bar;
			it->h = bottom - top;
			it->color = co->edge;
		}
	}
}

static void
emit_footer(struct lay *l, struct page *pg, size_t page, size_t npages)
{
	static const struct rgb grey = { 0.35f, 0.35f, 0.35f };
	struct item *it;
	char *num = xasprintf("Page %zu of %zu", page + 1, npages);
	float w = font_width(l->fonts[FACE_REGULAR], num, strlen(num),
	    FOOTER_SIZE);

	it = pages_add(pg, IT_RULE, -1);
	it->x = l->fr.x;
	it->y = FOOTER_BASE + 14.0f;
	it->w = l->fr.w;
	it->lw = 0.5f;
	it->color = l->doc->primary;
	add_text(l, pg, -1, l->fr.x, FOOTER_BASE, FACE_REGULAR, FOOTER_SIZE,
	    grey, l->doc->footer, strlen(l->doc->footer));
	add_text(l, pg, -1, l->fr.x + l->fr.w - w, FOOTER_BASE, FACE_REGULAR,
	    FOOTER_SIZE, grey, num, strlen(num));
	free(num);
}

/* How each paragraph was set, against first-fit on the same items. */
static void
measure(struct lay *l)
{
	const struct document *doc = l->doc;
	struct pages *out = l->out;
	struct parastat *st;
	const struct tblock *t;
	size_t bi, i, from, *ge, ng;
	float s;
	unsigned n;

	out->stats = xcalloc(doc->nblocks ? doc->nblocks : 1,
	    sizeof(*out->stats));
	for (bi = 0; bi < doc->nblocks; bi++) {
		t = &l->tb[bi];
		if (doc->blocks[bi].kind != BLK_TEXT || doc->blocks[bi].pre ||
		    t->nlines == 0)
			continue;
		st = &out->stats[out->nstats++];
		st->block = (int)bi;
		st->lines = (unsigned)t->nlines;
		for (i = 0, n = 0, from = 0; i + 1 < t->nlines; i++) {
			const struct lb_item *e = &t->items[t->ends[i]];

			st->hyphens += e->type == LB_PENALTY && e->flagged;
			if (e->type == LB_PENALTY && e->penalty <= LB_FORCE) {
				from = t->ends[i] + 1;
				continue;
			}
			while (from < t->ends[i] && t->items[from].type != LB_BOX)
				from++;
			s = 1 - (lb_width(t->items, from, t->ends[i]) +
			    (e->type == LB_PENALTY ? e->width : 0)) / t->width;
			st->mean += s;
			st->worst = s > st->worst ? s : st->worst;
			n++;
			from = t->ends[i] + 1;
		}
		st->mean = n ? st->mean / n : 0;
		st->slack = lb_slack(t->items, t->nitems, t->width, t->ends,
		    t->nlines);
		ge = xreallocarray(NULL, t->nitems + 1, sizeof(*ge));
		ng = lb_greedy(t->items, t->nitems, t->width, ge);
		st->greedy = lb_slack(t->items, t->nitems, t->width, ge, ng);
		free(ge);
	}
}

int
layout_run(struct pages *out, const struct document *doc,
    const struct font *const *fonts, struct hyphs *hyphs, struct diag *d)
{
	struct lay l;
	size_t i, p;

	memset(&l, 0, sizeof(l));
	memset(out, 0, sizeof(*out));
	l.doc = doc;
	l.fonts = fonts;
	l.d = d;
	l.out = out;
	l.asc = fonts[FACE_REGULAR]->ascent;
	l.desc = fonts[FACE_REGULAR]->descent;
	l.hyph = hyphs ? hyph_get(hyphs, doc->lang) : NULL;
	l.fr.w = doc->page_width - 2 * MARGIN_MIN;
	if (l.fr.w > MEASURE_MAX)
		l.fr.w = MEASURE_MAX;
	l.fr.x = (doc->page_width - l.fr.w) / 2;
	l.fr.top = MARGIN_TOP;
	l.fr.h = doc->page_height - MARGIN_TOP - MARGIN_BOTTOM;
	l.tb = xcalloc(doc->nblocks ? doc->nblocks : 1, sizeof(*l.tb));

	out->width = doc->page_width;
	out->height = doc->page_height;
	for (i = 0; i < MAX_PASSES; i++) {
		l.nu = 0;
		make_units(&l);
		out->n = paginate(&l);
		if (!unhyphen_page_ends(&l))
			break;
	}
	out->v = xcalloc(out->n, sizeof(*out->v));
	emit_boxes(&l, out);
	for (i = 0; i < l.nu; i++)
		emit_unit(&l, &out->v[l.u[i].page], &l.u[i]);
	for (p = 0; p < out->n; p++)
		emit_footer(&l, &out->v[p], p, out->n);
	measure(&l);

	for (i = 0; i < doc->nblocks; i++) {
		free(l.tb[i].items);
		free(l.tb[i].ends);
		free(l.tb[i].lead);
	}
	free(l.tb);
	free(l.u);
	return 0;
}
