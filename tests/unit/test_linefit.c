/* Line breaking: fits, forced breaks, lone wide boxes, optimal vs greedy. */
#include <stdlib.h>
#include <string.h>

#include "linefit.h"
#include "t.h"

/* Words of the given widths separated by glue of width 1. */
static size_t
words(struct lb_item *it, const float *w, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		if (i > 0) {
			memset(&it[k], 0, sizeof(it[k]));
			it[k].type = LB_GLUE;
			it[k++].width = 1;
		}
		memset(&it[k], 0, sizeof(it[k]));
		it[k].type = LB_BOX;
		it[k++].width = w[i];
	}
	return k;
}

/* Ragged-right total fit at the given measure. */
static size_t
brk(const struct lb_item *it, size_t n, float measure, size_t *e)
{
	struct lb_opts o = { measure, 0 };

	return lb_break(it, n, &o, e);
}

static int
all_fit(const struct lb_item *it, size_t n, float m, const size_t *e,
    size_t nl)
{
	size_t i, from = 0;

	for (i = 0; i < nl; i++) {
		while (from < e[i] && it[from].type != LB_BOX)
			from++;
		if (lb_width(it, from, e[i]) > m)
			return 0;
		from = e[i] + 1;
	}
	(void)n;
	return 1;
}

int
main(void)
{
	struct lb_item it[64];
	size_t e[65], ge[65], n, nl, gl;
	/*
	 * The classic case where first-fit leaves a ragged line: greedy puts
	 * "aaa bb" on line one and strands the rest unevenly.
	 */
	static const float w1[] = { 3, 2, 2, 5, 3, 2, 4 };
	static const float w2[] = { 4, 4, 4 };
	static const float w3[] = { 2, 30, 2 };
	static const float w4[] = { 3, 2, 2, 5 };	/* "aaa bb cc ddddd" */

	T_PLAN(22);
	n = words(it, w2, 3);
	nl = brk(it, n, 100, e);
	T_EQ_INT(nl, 1, "short paragraph is one line");
	T_EQ_INT(e[0], n, "one line ends at the end");

	n = words(it, w2, 3);
	nl = brk(it, n, 9, e);
	T_EQ_INT(nl, 2, "two words fit per line of 9");
	T_OK(all_fit(it, n, 9, e, nl), "no line overflows");

	n = words(it, w1, 7);
	nl = brk(it, n, 8, e);
	gl = lb_greedy(it, n, 8, ge);
	T_OK(all_fit(it, n, 8, e, nl), "optimal lines fit");
	T_OK(all_fit(it, n, 8, ge, gl), "greedy lines fit");
	T_OK(lb_slack(it, n, 8, e, nl) <= lb_slack(it, n, 8, ge, gl),
	    "optimal slack no worse than greedy");

	/* Knuth's example: greedy "aaa bb / cc / ddddd", optimal "aaa / bb cc / ddddd" */
	n = words(it, w4, 4);
	nl = brk(it, n, 6, e);
	gl = lb_greedy(it, n, 6, ge);
	T_EQ_INT(nl, 3, "optimal: three lines");
	T_EQ_INT(e[0], 1, "optimal: first line is aaa alone");
	T_EQ_INT(ge[0], 3, "greedy: first line is aaa bb");
	T_OK(lb_slack(it, n, 6, e, nl) < lb_slack(it, n, 6, ge, gl),
	    "optimal slack lower than greedy");

	/* a forced break splits even a short paragraph */
	n = words(it, w2, 3);
	it[1].type = LB_PENALTY;
	it[1].penalty = LB_FORCE;
	it[1].width = 0;
	nl = brk(it, n, 100, e);
	T_EQ_INT(nl, 2, "forced break makes two lines");
	T_EQ_INT(e[0], 1, "first line ends at the forced break");
	gl = lb_greedy(it, n, 100, ge);
	T_EQ_INT(gl, 2, "greedy honours a forced break");

	/* a box wider than the measure gets a line of its own */
	n = words(it, w3, 3);
	nl = brk(it, n, 10, e);
	T_EQ_INT(nl, 3, "wide box alone on its line");
	T_EQ_INT(e[0], 1, "line before the wide box");

	/* a never-break penalty is not a break */
	n = words(it, w2, 3);
	it[1].type = LB_PENALTY;
	it[1].penalty = LB_NEVER;
	it[1].width = 0;
	nl = brk(it, n, 9, e);
	T_OK(nl == 2 && e[0] == 3, "LB_NEVER is skipped");

	T_EQ_INT(brk(it, 0, 10, e), 1, "empty paragraph is one empty line");

	/*
	 * No hyphen on the last full line: "AAAAAA BB-BB CCC" at 10 would
	 * fit exactly as "AAAAAA BB-" / "BB CCC", but ends "AAAAAA" instead.
	 */
	{
		static const struct { enum lb_type t; float w; } h[] = {
			{ LB_BOX, 6 }, { LB_GLUE, 1 }, { LB_BOX, 2 },
			{ LB_PENALTY, 1 }, { LB_BOX, 2 }, { LB_GLUE, 1 },
			{ LB_BOX, 3 }
		};
		size_t i;

		memset(it, 0, sizeof(it));
		for (i = 0; i < 7; i++) {
			it[i].type = h[i].t;
			it[i].width = h[i].w;
		}
		it[3].flagged = 1;
		it[3].penalty = LB_HYPHEN;
		nl = brk(it, 7, 10, e);
		T_OK(nl == 2 && e[0] == 1, "no hyphen on the last full line");
		/* with a third line after it, the hyphen is welcome */
		it[7].type = LB_GLUE;
		it[7].width = 1;
		it[8].type = LB_BOX;
		it[8].width = 9;
		nl = brk(it, 9, 10, e);
		T_OK(nl == 3 && e[0] == 3, "hyphen fills a line that is not last");
	}

	/* justified spaces may shrink by a third: "AAAA BBB" fits 8.5 */
	{
		static const float wj[] = { 4, 3, 4 };
		struct lb_opts o = { 8.5f, 1 };
		size_t k;

		n = words(it, wj, 3);
		for (k = 0; k < n; k++)
			if (it[k].type == LB_GLUE)
				it[k].width = 2;
		nl = lb_break(it, n, &o, e);
		T_OK(nl == 2 && e[0] == 3, "justified line shrinks to fit");
		nl = brk(it, n, 8.5f, e);
		T_OK(nl == 3 && e[0] == 1, "ragged line never shrinks");
	}
	T_DONE();
}
