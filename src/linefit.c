/*
 * linefit: total-fit line breaking (Knuth and Plass) tuned for ragged
 * right, with TeX's justified setting as an option.
 *
 * Dynamic programming over break positions.  A node is a break together
 * with how many hyphenated lines end in a row there (0, 1, 2), so that
 * the cost of consecutive hyphens is exact.  The inner loop walks back
 * from a break and stops as soon as a line would overflow, so the work
 * is the number of items times the items on a line.
 */
#include <float.h>
#include <stdlib.h>

#include "linefit.h"
#include "xalloc.h"

#define SLACK_SCALE	1000.0	/* cost of a line with all its width slack */
#define OVERFULL	1e9	/* a lone box wider than the measure */
#define DOUBLE_HYPHEN	300.0	/* second hyphenated line in a row */
#define TRIPLE_HYPHEN	20000.0	/* third: only when nothing else fits */
#define FINAL_HYPHEN	5000.0	/* hyphen on the last full line */
#define SHORT_LINE	2000.0	/* a non-final line under SHORT_FRAC */
#define SHORT_FRAC	0.65
#define STRETCH		0.5	/* justified: a space may grow by half */
#define SHRINK		(1.0 / 3)	/* or shrink by a third */
#define NSTATE		3	/* hyphenated lines in a row: 0, 1, 2+ */

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

static int
forced(const struct lb_item *it, size_t i, size_t n)
{
	return i < n && it[i].type == LB_PENALTY && it[i].penalty <= LB_FORCE;
}

static int
flagged(const struct lb_item *it, size_t i, size_t n)
{
	return i < n && it[i].type == LB_PENALTY && it[i].flagged;
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

/* Width a break adds to its line: the hyphen of a flagged penalty. */
static float
tail(const struct lb_item *it, size_t b, size_t n)
{
	return b < n && it[b].type == LB_PENALTY ? it[b].width : 0;
}

/*
 * Running sums over the items, so that the width of any line is a
 * subtraction: the breaker looks at many candidate lines per break.
 */
struct para {
	const struct lb_item	*it;
	size_t			 n;
	double			*w;	/* w[i]: width of items [0, i) */
	double			*g;	/* g[i]: width of the glue among them */
	size_t			*nonbox;	/* nonbox[i]: items not boxes */
	size_t			*next;	/* next[i]: first box at or after i */
};

static void
para_init(struct para *p, const struct lb_item *it, size_t n)
{
	size_t i;

	p->it = it;
	p->n = n;
	p->w = xreallocarray(NULL, n + 1, sizeof(*p->w));
	p->g = xreallocarray(NULL, n + 1, sizeof(*p->g));
	p->nonbox = xreallocarray(NULL, n + 1, sizeof(*p->nonbox));
	p->next = xreallocarray(NULL, n + 1, sizeof(*p->next));
	p->w[0] = p->g[0] = 0;
	p->nonbox[0] = 0;
	for (i = 0; i < n; i++) {
		p->w[i + 1] = p->w[i] +
		    (it[i].type != LB_PENALTY ? it[i].width : 0);
		p->g[i + 1] = p->g[i] + (it[i].type == LB_GLUE ? it[i].width : 0);
		p->nonbox[i + 1] = p->nonbox[i] + (it[i].type != LB_BOX);
	}
	p->next[n] = n;
	for (i = n; i-- > 0;)
		p->next[i] = it[i].type == LB_BOX ? i : p->next[i + 1];
}

static void
para_free(struct para *p)
{
	free(p->w);
	free(p->g);
	free(p->nonbox);
	free(p->next);
}

/*
 * The cost of the line after break a (or from the start when a > n) up
 * to b, without the hyphen rules; DBL_MAX when it cannot be set.  *stop
 * says that starting earlier would only make it longer.
 */
static double
line_cost(const struct para *p, size_t a, size_t b, const struct lb_opts *o,
    int *stop)
{
	const struct lb_item *it = p->it;
	size_t n = p->n, begin = a > n ? p->next[0] : p->next[a + 1];
	double w, m = o->measure, c, r, slack, glue;

	if (begin > b)
		begin = b;
	w = p->w[b] - p->w[begin] + tail(it, b, n);
	glue = p->g[b] - p->g[begin];
	*stop = 0;
	if (o->justify && w > m && w - glue * SHRINK <= m) {
		r = (w - m) / (glue * SHRINK);
		c = 100 * r * r * r;
	} else if (w > m) {
		/* a lone box too wide for any line still gets one */
		*stop = 1;
		if (begin == b || p->nonbox[b] != p->nonbox[begin])
			return DBL_MAX;
		c = OVERFULL;
	} else if (b == n || forced(it, b, n)) {
		c = 0;
	} else if (o->justify) {
		r = glue > 0 ? (m - w) / (glue * STRETCH) : 10;
		c = 100 * r * r * r;
		if (c > 10000)
			c = 10000;
	} else {
		slack = (m - w) / m;
		c = slack * slack * SLACK_SCALE;
		if (slack > 1 - SHORT_FRAC)
			c += SHORT_LINE;
	}
	if (b < n && it[b].type == LB_PENALTY && it[b].penalty > 0)
		c += it[b].penalty;
	return c;
}

/* Follow prev[] back from the end and write the line ends in order. */
static size_t
trace(const size_t *prev, size_t n, size_t *ends)
{
	size_t nl = 0, node = n * NSTATE, i, t;

	for (;;) {
		ends[nl++] = node / NSTATE;
		node = prev[node];
		if (node / NSTATE > n)
			break;
	}
	for (i = 0; i < nl / 2; i++) {
		t = ends[i];
		ends[i] = ends[nl - 1 - i];
		ends[nl - 1 - i] = t;
	}
	return nl;
}

size_t
lb_break(const struct lb_item *it, size_t n, const struct lb_opts *o,
    size_t *ends)
{
	/* node = break * NSTATE + state; break n + 1 is the start */
	size_t nodes = (n + 2) * NSTATE, a, b, s, from, nl;
	double *cost = xreallocarray(NULL, nodes, sizeof(*cost));
	size_t *prev = xreallocarray(NULL, nodes, sizeof(*prev));
	double c, extra;
	int stop, hb;
	struct para p;

	para_init(&p, it, n);
	for (a = 0; a < nodes; a++)
		cost[a] = DBL_MAX;
	cost[(n + 1) * NSTATE] = 0;
	for (b = 0; b <= n; b++) {
		if (!is_break(it, b, n))
			continue;
		for (a = b + 1; a-- > 0;) {
			from = a == 0 ? n + 1 : a - 1;
			if (from <= n && !is_break(it, from, n))
				continue;
			c = line_cost(&p, from, b, o, &stop);
			for (s = 0; c != DBL_MAX && s < NSTATE; s++) {
				if (cost[from * NSTATE + s] == DBL_MAX)
					continue;
				extra = 0;
				hb = 0;
				if (flagged(it, b, n)) {
					hb = (int)s + 1;
					if (hb >= 2)
						extra += DOUBLE_HYPHEN;
					if (hb > 2)
						extra += TRIPLE_HYPHEN;
					if (hb > 2)
						hb = 2;
				}
				if (b == n && flagged(it, from, n))
					extra += FINAL_HYPHEN;
				if (cost[from * NSTATE + s] + c + extra <
				    cost[b * NSTATE + hb]) {
					cost[b * NSTATE + hb] =
					    cost[from * NSTATE + s] + c + extra;
					prev[b * NSTATE + hb] = from * NSTATE + s;
				}
			}
			if (stop || from > n || forced(it, from, n))
				break;	/* no line spans a forced break */
		}
		if (cost[b * NSTATE] == DBL_MAX && cost[b * NSTATE + 1] ==
		    DBL_MAX && cost[b * NSTATE + 2] == DBL_MAX) {
			/* unreachable only for odd input: start a line here */
			cost[b * NSTATE] = 0;
			prev[b * NSTATE] = (n + 1) * NSTATE;
		}
	}
	/* the end is not a hyphen, so its node is state 0 */
	nl = trace(prev, n, ends);
	para_free(&p);
	free(cost);
	free(prev);
	return nl;
}

/*
 * First fit, as browsers and word processors break: at spaces and the
 * other break opportunities, but not at hyphenation points unless a
 * word is too wide for any line.
 */
size_t
lb_greedy(const struct lb_item *it, size_t n, float measure, size_t *ends)
{
	struct lb_opts o = { measure, 0 };
	size_t start = n + 1, last = (size_t)-1, b, nl = 0;
	int stop;
	struct para p;

	para_init(&p, it, n);
	for (b = 0; b <= n; b++) {
		if (!is_break(it, b, n) ||
		    (flagged(it, b, n) && it[b].penalty == LB_HYPHEN))
			continue;
		if (line_cost(&p, start, b, &o, &stop) != DBL_MAX &&
		    !stop) {
			last = b;
			if (b < n && !forced(it, b, n))
				continue;
		} else if (last == (size_t)-1)
			last = b;	/* overfull: nothing shorter exists */
		ends[nl++] = last;
		start = last;
		last = (size_t)-1;
		b = ends[nl - 1];
	}
	if (nl == 0 || ends[nl - 1] != n)
		ends[nl++] = n;
	para_free(&p);
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

		if (!forced(it, ends[i], n)) {
			s = (measure - lb_width(it, begin, ends[i]) -
			    tail(it, ends[i], n)) / measure;
			sum += s * s;
		}
		from = ends[i];
	}
	return sum;
}
