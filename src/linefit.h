/*
 * Line breaking over Knuth and Plass's boxes, glue and penalties.
 * The caller turns text into items (it knows fonts and runs); this
 * module only chooses where lines end.
 */
#ifndef LP_LINEFIT_H
#define LP_LINEFIT_H
#include <stddef.h>

enum lb_type {
	LB_BOX,		/* unbreakable: a word or a piece of one */
	LB_GLUE,	/* a space: a line may end here, the space vanishes */
	LB_PENALTY	/* a place to break at a cost; width shows only if broken */
};

#define LB_FORCE	(-10000)	/* penalty that must break (hard break) */
#define LB_NEVER	10000		/* penalty that must not */
#define LB_HYPHEN	10		/* cost of a dictionary hyphen */

struct lb_item {
	enum lb_type	 type;
	float		 width;
	int		 penalty;	/* LB_PENALTY: cost of breaking here */
	int		 flagged;	/* LB_PENALTY: a hyphen shows at the break */
	/* the caller's: where the item's text is */
	size_t		 run;
	size_t		 off;
	size_t		 len;
};

/* Breaking a paragraph: the measure and how lines are set. */
struct lb_opts {
	float	measure;
	int	justify;	/* spaces stretch and shrink to fill lines */
};

/*
 * Choose line ends for items[0..n) by total fit: the least sum of line
 * costs over the whole paragraph.  Ragged-right, a line costs its
 * squared relative slack; justified, the badness of stretching or
 * shrinking its spaces, as in TeX.  Penalties add; two hyphenated lines
 * in a row cost extra, a third is all but forbidden, as is a hyphen on
 * the last full line and a line under 65% of the measure.  The last line
 * costs nothing however short.  Writes to ends[] the index of the item
 * each line ends at (a glue or penalty, which the line does not
 * include; n for the last line) and returns the number of lines.  ends
 * must hold n + 1 entries.  A box wider than the measure gets a line of
 * its own: the caller splits such boxes first if overflow matters.
 */
size_t	lb_break(const struct lb_item *, size_t n, const struct lb_opts *,
	    size_t *ends);

/*
 * First fit, without dictionary hyphens (penalties of LB_HYPHEN): the
 * reference the optimal breaker is measured against.
 */
size_t	lb_greedy(const struct lb_item *, size_t n, float measure,
	    size_t *ends);

/* Sum over non-final lines of ((measure - width) / measure)^2. */
double	lb_slack(const struct lb_item *, size_t n, float measure,
	    const size_t *ends, size_t nlines);

/* Natural width of the line items[from..to), leading glue skipped. */
float	lb_width(const struct lb_item *, size_t from, size_t to);

#endif
