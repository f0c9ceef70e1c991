/*
 * mdprep: an article's text made fit for cmark, never refused: NUL
 * bytes become U+FFFD, and a body past the limits in article.h is
 * flattened rather than refused, with a warning for each kind.
 */
#ifndef LP_MDPREP_H
#define LP_MDPREP_H
#include <stddef.h>

struct article;
struct diag;

/* Replace each NUL byte in a->buf by U+FFFD; warn at the first. */
void	mdprep_nul(struct article *, struct diag *);
/* Extensions the body is parsed without: it has too many of their marks. */
#define MDPREP_NO_AUTOLINK	1
#define MDPREP_NO_TABLES	2

/*
 * The body from a->buf + off: lines nested past ARTICLE_MAXNEST lose
 * their deeper markers, '[' past ARTICLE_MAXBRACKETS and '|' past
 * ARTICLE_MAXPIPES on a line are escaped.  Returns the MDPREP_NO_*
 * extensions to leave out, for '@' past ARTICLE_MAXAT or a table past
 * ARTICLE_MAXCOLS or ARTICLE_MAXCELLS.
 */
int	mdprep_body(struct article *, size_t off, struct diag *);

#endif
