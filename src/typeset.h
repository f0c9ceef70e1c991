/*
 * typeset: one text block's runs cut into Knuth-Plass items (words,
 * spaces, hyphenation points and other break opportunities) and broken
 * into lines at a given measure.  The first stage of layout; it knows
 * fonts, the line-breaking rules of UAX #14 and the house rules (numbers
 * keep their units, no hyphens in links, code or addresses), but not
 * pages or frames.
 */
#ifndef LP_TYPESET_H
#define LP_TYPESET_H
#include <stddef.h>

#include "linefit.h"

struct block;
struct font;
struct hyph;
struct parastat;

/* What every block of one document is set with. */
struct typesetter {
	const struct font *const *fonts;
	struct hyph	*hyph;		/* the language's patterns, or NULL */
	const char	*lang;		/* for UAX #14's tailorings */
	int		 justify;	/* prose justified, not ragged right */
};

/* Code wraps: the forced break at item, and the next line's indent. */
struct wrap {
	size_t	item;
	float	indent;
};

/* A text block broken into lines. */
struct tblock {
	struct lb_item	*items;
	size_t		 nitems;
	size_t		*ends;		/* item each line ends at (linefit.h) */
	size_t		 nlines;
	float		 width;		/* the measure it was broken at */
	float		*lead;		/* leading of each line */
	float		*hang;		/* code: a wrapped line's indent, by
					   line; -1 for a line that is not a
					   continuation; NULL when none is */
	struct wrap	*wraps;		/* code: where lines were wrapped */
	size_t		 nwraps;
	int		 justify;
	int		 dirty;		/* items changed: break again */
};

/*
 * Break block b into lines at width.  Cheap when nothing changed since
 * the last call: a block is only cut into items again for a new width,
 * and only broken again when typeset_forbid() changed its items.
 */
void	typeset_block(const struct typesetter *, const struct block *,
	    struct tblock *, float width);

/* Total height of the lines of t. */
float	typeset_height(const struct tblock *);

/*
 * Does line k end in a dictionary hyphen?  typeset_forbid_hyphen() takes
 * that hyphen out of the running, so the block is broken again.
 */
int	typeset_ends_hyphen(const struct tblock *, size_t line);
/* How many words a line holds (spaces + 1). */
size_t	typeset_words(const struct tblock *, size_t line);
void	typeset_forbid_hyphen(struct tblock *, size_t line);

/*
 * How well each prose block was set, against first fit on the same
 * items: for --dump and the typesetting tests, never a production build.
 * Returns the number of entries written to st (at most nblocks).
 */
size_t	typeset_stats(const struct block *, const struct tblock *,
	    size_t nblocks, struct parastat *st);

void	tblock_free(struct tblock *);

#endif
