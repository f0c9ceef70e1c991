/*
 * date: the ISO dates (YYYY-MM-DD) of an article's front matter, in one
 * place: the article checks them, the governance line shows them
 * ("1 Nov 2026") and the PDF's metadata is stamped with them.
 */
#ifndef LP_DATE_H
#define LP_DATE_H

/* Is s a real date written exactly YYYY-MM-DD? */
int		 date_valid(const char *s);
/*
 * "2026-11-01" -> "1 Nov 2026"; anything else is shown as given; NULL
 * for NULL.  The caller frees.
 */
char		*date_format(const char *iso);
/* "2026-11-01" as seconds since 1970 at midnight UTC; -1 for none. */
long long	 date_seconds(const char *iso);

#endif
