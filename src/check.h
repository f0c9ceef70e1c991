/*
 * check: everything a batch would find in a content folder, without
 * writing a leaflet: each article x clinic goes through the pipeline up
 * to its laid-out pages, and the articles are held to the governance
 * rules (review dates, one leaflet_id an article, a dictionary for the
 * language, newer versions).
 */
#ifndef LP_CHECK_H
#define LP_CHECK_H
#include <stdio.h>

struct build;

#define CHECK_REVIEW_DAYS	30	/* a review date this close: a warning */

struct check_opts {
	const char	*content;	/* holds articles/ and clinics/ */
	const char	*today;		/* YYYY-MM-DD; NULL: the build's
					   source_date, else the clock */
	FILE		*summary;	/* the summary line goes here, or NULL */
	const char	*outdir;	/* its manifest.json; NULL: out */
};

/*
 * Report every problem, each once, then the summary line
 *	3 articles, 2 clinics: 1 error, 2 warnings
 * Returns -1 if there was an error, 0 if only warnings or none.
 */
int	check_content(struct build *, const struct check_opts *);

/*
 * Is version newer than built, the version last built?  Both are dotted
 * numbers ("1.10" > "1.9"); other text compares as text.  NULL built:
 * nothing was built, so any version is newer.
 */
int	check_newer(const char *version, const char *built);

#endif
