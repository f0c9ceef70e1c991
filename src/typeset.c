/*
 * typeset: runs -> Knuth-Plass items -> lines.
 *
 * Prose is cut where UAX #14 allows a break, with the house rules on
 * top: a number keeps its unit ("10 mg"), links break after '/' only at
 * a cost, and dictionary hyphens never go into links, code, addresses or
 * words with digits.  A word wider than the measure is split with a
 * visible hyphen rather than allowed to overflow.  Code keeps its lines
 * and wraps a long one after a space.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "breaks.h"
#include "document.h"
#include "fonts.h"
#include "pages.h"
#include "typeset.h"
#include "utf8.h"
#include "xalloc.h"

#define URL_BREAK_COST	50	/* of breaking an address after a '/' */
#define SPLIT_COST	100	/* of splitting a word too wide for a line */

static void
push_item(struct tblock *t, enum lb_type type, float w, size_t run,
    size_t off, size_t len)
{
	struct lb_item *it;

	t->items = xgrow(t->items, t->nitems, sizeof(*t->items));
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
push_box(const struct typesetter *ts, struct tblock *t, const struct run *r, size_t run,
    size_t off, size_t len)
{
	const struct font *f = ts->fonts[r->face];
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
push_word(const struct typesetter *ts, struct tblock *t, const struct run *r, size_t ri,
    size_t off, size_t len)
{
	size_t pos[HYPH_MAX_POINTS], np = 0, i, k = 1, a, z, last, end = off + len;
	uint32_t cp = 0;
	float hy;

	if (ts->hyph != NULL && r->link == NULL && r->face != FACE_MONO) {
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
			np = hyph_word(ts->hyph, r->text + a, z - a, pos,
			    HYPH_MAX_POINTS);
		hy = font_width(ts->fonts[r->face], "-", 1, r->size);
		for (i = 0, last = off; i < np; i++) {
			push_box(ts, t, r, ri, last, a + pos[i] - last);
			push_penalty(t, LB_HYPHEN, 1, hy, ri);
			last = a + pos[i];
		}
		off = last;
	}
	push_box(ts, t, r, ri, off, end - off);
}

static void
push_glue(const struct typesetter *ts, struct tblock *t, const struct run *r, size_t ri,
    size_t off, size_t len)
{
	if (t->nitems > 0 && t->items[t->nitems - 1].type != LB_GLUE)
		push_item(t, LB_GLUE, font_width(ts->fonts[r->face], " ", 1,
		    r->size), ri, off, len);
}

static void
push_forced(struct tblock *t, size_t ri)
{
	while (t->nitems > 0 && t->items[t->nitems - 1].type == LB_GLUE)
		t->nitems--;
	push_penalty(t, LB_FORCE, 0, 0, ri);
}

/* Width of the spaces that open s[0..n), at most half the measure. */
static float
lead_width(const struct typesetter *ts, const struct run *r, const char *s,
    size_t n, float width)
{
	size_t k = 0;
	float w;

	while (k < n && s[k] == ' ')
		k++;
	w = font_width(ts->fonts[r->face], s, k, r->size);
	return w < width / 2 ? w : width / 2;
}

/*
 * A code line too long for the measure, wrapped first fit: after a
 * space where it can, else between two characters; never with a hyphen,
 * which would change the code.  Each continuation is indented as the
 * line itself is, and remembered so that it gets a continuation mark.
 */
static void
wrap_pre(const struct typesetter *ts, struct tblock *t, const struct run *r,
    size_t ri, size_t from, size_t to)
{
	const struct font *f = ts->fonts[r->face];
	float indent = lead_width(ts, r, r->text + from, to - from, t->width);
	float avail = t->width, w = 0, cw;
	size_t i, k, start = from, cut = 0;
	uint32_t cp;
	int text = 0;		/* the line so far is more than its indent */

	for (i = from; i < to; i += k) {
		if ((k = utf8_decode(r->text + i, to - i, &cp)) == 0)
			k = 1;
		cw = font_width(f, r->text + i, k, r->size);
		if (w + cw > avail && i > start) {
			if (cut <= start)	/* no space to wrap at */
				cut = i;
			push_item(t, LB_BOX, font_width(f, r->text + start,
			    cut - start, r->size), ri, start, cut - start);
			push_forced(t, ri);
			t->wraps = xgrow(t->wraps, t->nwraps, sizeof(*t->wraps));
			t->wraps[t->nwraps].item = t->nitems - 1;
			t->wraps[t->nwraps++].indent = indent;
			start = cut;
			avail = t->width - indent;
			w = font_width(f, r->text + start, i - start, r->size);
			text = i > start;
		}
		w += cw;
		text |= cp != ' ';
		if (cp == ' ' && text && i + k < to && r->text[i + k] != ' ')
			cut = i + k;
	}
	push_item(t, LB_BOX, font_width(f, r->text + start, to - start,
	    r->size), ri, start, to - start);
}

/*
 * Code: lines end at newlines.  A line that fits is cut at its spaces
 * as it always was; one too long is wrapped by wrap_pre().
 */
static void
tokenize_pre(const struct typesetter *ts, const struct block *b,
    struct tblock *t)
{
	const struct run *r;
	size_t ri, i, line, start, end;

	for (ri = 0; ri < b->nruns; ri++) {
		r = &b->runs[ri];
		for (line = 0; line <= r->len; line = end + 1) {
			for (end = line; end < r->len && r->text[end] != '\n';
			    end++)
				;
			if (line > 0)
				push_forced(t, ri);
			if (font_width(ts->fonts[r->face], r->text + line,
			    end - line, r->size) > t->width) {
				wrap_pre(ts, t, r, ri, line, end);
				continue;
			}
			for (i = start = line; i < end; i++)
				if (r->text[i] == ' ' && i > start &&
				    i + 1 < end && r->text[i + 1] != ' ') {
					push_box(ts, t, r, ri, start,
					    i + 1 - start);
					push_penalty(t, 0, 0, 0, ri);
					start = i + 1;
				}
			push_box(ts, t, r, ri, start, end - start);
		}
	}
}

/*
 * Prose: the runs joined into one text for UAX #14, then cut into words
 * (boxes), spaces (glue) and the other break opportunities (penalties).
 * A word never spans runs without a break between them being a choice.
 */
static void
tokenize_text(const struct typesetter *ts, const struct block *b, struct tblock *t)
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
	breaks_find(para, len, ts->lang, brk);

	for (i = 0, ri = 0; i < len; i += k) {
		while (i >= rs[ri + 1]) {	/* a run ends: so does its word */
			if (open)
				push_word(ts, t, &b->runs[ri], ri, start,
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
				push_word(ts, t, r, ri, start, i - rs[ri] - start);
			open = 0;
			/* a number and its unit stay together: "10 mg" */
			if (i > 0 && para[i - 1] >= '0' && para[i - 1] <= '9' &&
			    unit_at(para + i + 1, len - i - 1))
				push_penalty(t, LB_NEVER, 0, 0, ri);
			push_glue(ts, t, r, ri, i - rs[ri], k);
			continue;
		}
		if (!open)
			start = i - rs[ri], open = 1;
		if (brk[i + k - 1] != BRK_NONE && i + k < len &&
		    !is_space((unsigned char)para[i + k])) {
			push_word(ts, t, r, ri, start, i + k - rs[ri] - start);
			open = 0;
			if (brk[i + k - 1] == BRK_MUST)
				push_forced(t, ri);
			else
				push_penalty(t, r->link ? URL_BREAK_COST : 0, 0,
				    0, ri);
		}
	}
	if (open)
		push_word(ts, t, &b->runs[ri], ri, start,
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

/* Which lines continue a wrapped code line, and by how much indented. */
static void
line_hang(struct tblock *t)
{
	size_t k, j = 0;

	free(t->hang);
	t->hang = NULL;
	if (t->nwraps == 0)
		return;
	t->hang = xreallocarray(NULL, t->nlines, sizeof(*t->hang));
	for (k = 0; k < t->nlines; k++) {
		t->hang[k] = -1;
		if (k == 0)
			continue;
		while (j < t->nwraps && t->wraps[j].item < t->ends[k - 1])
			j++;
		if (j < t->nwraps && t->wraps[j].item == t->ends[k - 1])
			t->hang[k] = t->wraps[j].indent;
	}
}

void
typeset_block(const struct typesetter *ts, const struct block *b,
    struct tblock *t, float width)
{
	struct typesetter display;
	struct lb_opts o;

	if (t->items != NULL && width != t->width) {
		free(t->items);		/* words too wide are split anew */
		t->items = NULL;
		t->nitems = 0;
		free(t->wraps);
		t->wraps = NULL;
		t->nwraps = 0;
	}
	if (t->items != NULL && !t->dirty)
		return;		/* broken in an earlier pass */
	t->width = width;
	if (t->items == NULL) {
		/*
		 * display type (a title, a heading) is not hyphenated, nor
		 * the clinic's name in the brand and the contact box
		 */
		display = *ts;
		if (b->role == ROLE_TITLE || b->role == ROLE_SUBTITLE ||
		    b->role == ROLE_H || b->role == ROLE_BRAND ||
		    b->role == ROLE_CONTACT)
			display.hyph = NULL;
		if (b->pre)
			tokenize_pre(ts, b, t);
		else
			tokenize_text(&display, b, t);
	}
	t->dirty = 0;
	free(t->ends);
	free(t->lead);
	t->ends = xreallocarray(NULL, t->nitems + 1, sizeof(*t->ends));
	o.measure = width;
	o.justify = ts->justify && b->kind == BLK_TEXT && !b->pre &&
	    (b->role == ROLE_P || b->role == ROLE_LI || b->role == ROLE_QUOTE);
	t->justify = o.justify;
	t->nlines = lb_break(t->items, t->nitems, &o, t->ends);
	line_leading(b, t);
	line_hang(t);
}

float
typeset_height(const struct tblock *t)
{
	float h = 0;
	size_t i;

	for (i = 0; i < t->nlines; i++)
		h += t->lead[i];
	return h;
}

int
typeset_ends_hyphen(const struct tblock *t, size_t line)
{
	const struct lb_item *e;

	if (line + 1 >= t->nlines)
		return 0;
	e = &t->items[t->ends[line]];
	return e->type == LB_PENALTY && e->flagged && e->penalty == LB_HYPHEN;
}

size_t
typeset_words(const struct tblock *t, size_t line)
{
	size_t i = line > 0 ? t->ends[line - 1] + 1 : 0, n = 1;

	for (; i < t->ends[line] && i < t->nitems; i++)
		n += t->items[i].type == LB_GLUE;
	return n;
}

void
typeset_forbid_hyphen(struct tblock *t, size_t line)
{
	t->items[t->ends[line]].penalty = LB_NEVER;
	t->dirty = 1;
}

void
tblock_free(struct tblock *t)
{
	free(t->items);
	free(t->ends);
	free(t->lead);
	free(t->hang);
	free(t->wraps);
	memset(t, 0, sizeof(*t));
}

/* How each paragraph was set, against first fit on the same items. */
size_t
typeset_stats(const struct block *blocks, const struct tblock *tb,
    size_t nblocks, struct parastat *stats)
{
	struct parastat *st;
	const struct tblock *t;
	size_t bi, i, from, *ge, ng, nstats = 0;
	float s;
	unsigned n;

	for (bi = 0; bi < nblocks; bi++) {
		t = &tb[bi];
		if (blocks[bi].kind != BLK_TEXT || blocks[bi].pre ||
		    t->nlines == 0)
			continue;
		st = &stats[nstats++];
		memset(st, 0, sizeof(*st));
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
	return nstats;
}
