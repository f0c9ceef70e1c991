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
/*
 * The body from a->buf + off: lines nested past ARTICLE_MAXNEST lose
 * their deeper markers, '[' past ARTICLE_MAXBRACKETS is escaped.
 */
void	mdprep_body(struct article *, size_t off, struct diag *);

#endif
