/*
 * linebreak: total-fit line breaking for ragged-right text.
 *
 * A line runs from just after one break to the next break.  Its cost is
 * its squared relative slack (scaled by 1000) plus the penalty of the
 * break that ends it, and an extra charge when two hyphenated lines
 * follow each other.  The last line costs nothing however short it is.
 * Dynamic programming over break positions gives the cheapest set; the
 * inner loop stops as soon as a line would overflow, so the work is the
 * number of items times the items on a line.
 */
#include <float.h>
#include <stdlib.h>

#include "linebreak.h"
#include "xalloc.h"

#define SLACK_SCALE	1000.0
#define OVERFULL	1e9		/* a lone box wider than the measure */
#define DOUBLE_HYPHEN	300.0

static int
is_break(const struct lb_item *it, size_t i, size_t n)
{
	if (i == n)
		return 1;
	if (it[i].type == LB_PENALTY)
		return it[i].penalty < LB_NEVER;
	/* glue is a break only after a box, as in TeX */
	return it[i].type == LB_GLUE && i > 0 && it[i - 1].type == LB_BOX;
}

static size_t
skip_glue(const struct lb_item *it, size_t i, size_t n)
{
	while (i < n && it[i].type != LB_BOX)
		i++;
	return i;
}

float
lb_width(const struct lb_item *it, size_t from, size_t to)
{
	float w = 0;
	size_t i;

	for (i = from; i < to; i++)
		if (it[i].type != LB_PENALTY)
			w += it[i].width;
	return w;
}

/* Width of a line ending at break b (a hyphen shows when b is flagged). */
static float
tail(const struct lb_item *it, size_t b, size_t n)
{
	return b < n && it[b].type == LB_PENALTY ? it[b].width : 0;
}

/* The line after break a (or from the start when a is n + 1) up to b. */
static double
line_cost(const struct lb_item *it, size_t n, size_t a, size_t b,
    float measure, int *stop)
{
	size_t begin = a > n ? 0 : a + 1, i;
	float w;
	double c, slack;

	begin = skip_glue(it, begin, b);
	w = lb_width(it, begin, b) + tail(it, b, n);
	*stop = 0;
	if (w > measure) {
		/* a lone box too wide for any line still gets one */
		for (i = begin; i < b; i++)
			if (it[i].type != LB_BOX)
				break;
		*stop = 1;
		if (i < b || begin == b)
			return DBL_MAX;
		c = OVERFULL;
	} else if (b == n)
		c = 0;
	else {
		slack = (measure - w) / measure;
		c = slack * slack * SLACK_SCALE;
	}
	if (b < n && it[b].type == LB_PENALTY && it[b].penalty > 0)
		c += it[b].penalty;
	if (a < n && b < n && it[a].type == LB_PENALTY && it[a].flagged &&
	    it[b].type == LB_PENALTY && it[b].flagged)
		c += DOUBLE_HYPHEN;
	return c;
}

static int
forced(const struct lb_item *it, size_t i, size_t n)
{
	return i < n && it[i].type == LB_PENALTY && it[i].penalty <= LB_FORCE;
}

/* Follow prev[] back from the end and write the line ends in order. */
static size_t
trace(const size_t *prev, size_t n, size_t *ends)
{
	size_t nl = 0, b, i, t;

	for (b = n; b <= n; b = prev[b])
		ends[nl++] = b;
	for (i = 0; i < nl / 2; i++) {
		t = ends[i];
		ends[i] = ends[nl - 1 - i];
		ends[nl - 1 - i] = t;
	}
	return nl;
}

size_t
lb_break(const struct lb_item *it, size_t n, float measure, size_t *ends)
{
	/* index n + 1 stands for the paragraph's start */
	double *cost = xcalloc(n + 2, sizeof(*cost));
	size_t *prev = xcalloc(n + 2, sizeof(*prev));
	size_t a, b, nl;
	double c;
	int stop;

	for (b = 0; b <= n; b++)
		cost[b] = DBL_MAX;
	cost[n + 1] = 0;
	for (b = 0; b <= n; b++) {
		if (!is_break(it, b, n))
			continue;
		/* earlier breaks, nearest first; the start is last */
		for (a = b + 1; a-- > 0;) {
			size_t from = a == 0 ? n + 1 : a - 1;

			if (from <= n && !is_break(it, from, n))
				continue;
			if (cost[from] != DBL_MAX) {
				c = line_cost(it, n, from, b, measure, &stop);
				if (c != DBL_MAX && cost[from] + c < cost[b]) {
					cost[b] = cost[from] + c;
					prev[b] = from;
				}
				if (stop)
					break;
			}
			/* no line spans a forced break */
			if (from > n || forced(it, from, n))
				break;
		}
		if (cost[b] == DBL_MAX) {
			/* unreachable only if input is odd: start a line here */
			cost[b] = 0;
			prev[b] = n + 1;
		}
	}
	nl = trace(prev, n, ends);
	free(cost);
	free(prev);
	return nl;
}

size_t
lb_greedy(const struct lb_item *it, size_t n, float measure, size_t *ends)
{
	size_t start = n + 1, last = (size_t)-1, b, nl = 0;
	int stop;

	for (b = 0; b <= n; b++) {
		if (!is_break(it, b, n))
			continue;
		if (line_cost(it, n, start, b, measure, &stop) != DBL_MAX &&
		    !stop) {
			last = b;
			if (b < n && !forced(it, b, n))
				continue;
		} else if (last == (size_t)-1)
			last = b;	/* overfull: nothing shorter exists */
		ends[nl++] = last;
		start = last;
		last = (size_t)-1;
		if (b != ends[nl - 1])
			b = ends[nl - 1];
	}
	if (nl == 0 || ends[nl - 1] != n)
		ends[nl++] = n;
	return nl;
}

double
lb_slack(const struct lb_item *it, size_t n, float measure,
    const size_t *ends, size_t nl)
{
	size_t i, from = n + 1;
	double s, sum = 0;

	for (i = 0; i + 1 < nl; i++) {
		size_t begin = skip_glue(it, from > n ? 0 : from + 1, ends[i]);

		s = (measure - lb_width(it, begin, ends[i]) -
		    tail(it, ends[i], n)) / measure;
		sum += s * s;
		from = ends[i];
	}
	return sum;
}
