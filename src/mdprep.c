/*
 * mdprep: an article's text made fit for cmark without refusing any of
 * it.  CommonMark reads a NUL byte as U+FFFD, so the text gets one in
 * its place (and the rest of leafpress may keep treating the text as a
 * C string).  cmark 0.30.2 takes quadratic time on some input (see the
 * limits in article.h): rather than refusing such a body, its deeper
 * containers are flattened and its excess '[' made literal, each with
 * one warning at the first place.  Lines are never added or removed, so
 * every line number stays true; columns on a changed line may shift.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "diag.h"
#include "mdprep.h"
#include "utf8.h"
#include "xalloc.h"

#define REPLACEMENT	"\xEF\xBF\xBD"	/* U+FFFD in UTF-8 */

struct obuf {
	char	*s;
	size_t	 n;
	size_t	 cap;
};

static void
put(struct obuf *o, const char *s, size_t n)
{
	if (o->n + n + 1 > o->cap) {
		o->cap = (o->n + n + 1) * 2;
		o->s = xrealloc(o->s, o->cap);
	}
	memcpy(o->s + o->n, s, n);
	o->n += n;
	o->s[o->n] = '\0';
}

/* Swap the article's text for o's. */
static void
take(struct article *a, struct obuf *o)
{
	free(a->buf);
	a->buf = o->s;
	a->len = o->n;
}

void
mdprep_nul(struct article *a, struct diag *d)
{
	struct obuf	 o = { NULL, 0, 0 };
	const char	*s = a->buf, *e = a->buf + a->len, *nul;
	int		 line, col;

	if ((nul = memchr(s, '\0', a->len)) == NULL)
		return;
	utf8_linecol(a->buf, (size_t)(nul - a->buf), &line, &col);
	diag_msg(d, DIAG_WARNING, a->file, line, col,
	    "NUL byte read as U+FFFD");
	put(&o, "", 0);
	while ((nul = memchr(s, '\0', (size_t)(e - s))) != NULL) {
		put(&o, s, (size_t)(nul - s));
		put(&o, REPLACEMENT, 3);
		s = nul + 1;
	}
	put(&o, s, (size_t)(e - s));
	take(a, &o);
}

/*
 * Can a line open containers at [s, e): a '>', or a list marker and a
 * blank after it?  Returns the marker's length, or 0.
 */
static size_t
marker(const char *s, const char *e)
{
	const char	*p = s;

	if (*p == '>')
		return 1;
	if (*p == '-' || *p == '+' || *p == '*')
		p++;
	else {
		while (p < e && p - s < 10 && *p >= '0' && *p <= '9')
			p++;
		if (p == s || p - s > 9 || p == e || (*p != '.' && *p != ')'))
			return 0;
		p++;
	}
	if (p < e && *p != ' ' && *p != '\t' && *p != '\r')
		return 0;
	return (size_t)(p - s);
}

static int
is_blank(const char *s, const char *e)
{
	for (; s < e; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r')
			return 0;
	return 1;
}

/* A line of nothing but three or more of one of "-*_" and blanks. */
static int
is_break(const char *s, const char *e)
{
	char	 c = 0;
	int	 n = 0;

	for (; s < e; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\r')
			continue;
		if (c == 0 && (*s == '-' || *s == '*' || *s == '_'))
			c = *s;
		if (*s != c)
			return 0;
		n++;
	}
	return n >= 3;
}

/*
 * Do the containers that line [s, e) may open or continue pass
 * ARTICLE_MAXNEST?  A list item is continued by at least two columns of
 * indent, a quote by its '>', and a container is opened by its marker,
 * so a line's depth is at most its markers plus half its leading blank
 * columns.  If so, *cut is the end of the last blank or '>' within the
 * limit (or s), *rest the end of the line's markers and blanks: dropping
 * [*cut, *rest) leaves the line within the limit, its text unchanged.
 */
static int
too_deep(const char *s, const char *e, const char **cut, const char **rest)
{
	const char	*p;
	size_t		 k, cols = 0, markers = 0;
	int		 over = 0;

	*cut = s;
	if (is_blank(s, e) || is_break(s, e))
		return 0;
	for (p = s; p < e; p += k) {
		if (*p == ' ')
			cols++, k = 1;
		else if (*p == '\t')
			cols += 4, k = 1;
		else if ((k = marker(p, e)) > 0)
			markers++;
		else
			break;
		if (markers + cols / 2 > ARTICLE_MAXNEST)
			over = 1;
		else if (*p == ' ' || *p == '\t' || *p == '>')
			*cut = p + 1;
	}
	*rest = p;
	return over;
}

static void
warn_at(struct article *a, struct diag *d, const char *p, const char *fmt,
    int n)
{
	int	 line, col;

	utf8_linecol(a->buf, (size_t)(p - a->buf), &line, &col);
	diag_msg(d, DIAG_WARNING, a->file, line, col, fmt, n);
}

/* Line [s, e) with every '[' past the limit escaped. */
static void
put_line(struct article *a, struct obuf *o, const char *s, const char *e,
    size_t *brackets, struct diag *d)
{
	const char	*p;

	while ((p = memchr(s, '[', (size_t)(e - s))) != NULL) {
		put(o, s, (size_t)(p - s));
		if (++*brackets > ARTICLE_MAXBRACKETS) {
			if (*brackets == ARTICLE_MAXBRACKETS + 1)
				warn_at(a, d, p, "more than %d '[': the rest "
				    "are read as plain text",
				    ARTICLE_MAXBRACKETS);
			put(o, "\\", 1);
		}
		put(o, p, 1);
		s = p + 1;
	}
	put(o, s, (size_t)(e - s));
}

void
mdprep_body(struct article *a, size_t off, struct diag *d)
{
	struct obuf	 o = { NULL, 0, 0 };
	const char	*s, *e, *cut, *rest, *end = a->buf + a->len;
	size_t		 brackets = 0;
	int		 deep = 0;

	put(&o, a->buf, off);
	for (s = a->buf + off; s < end; s = e + 1) {
		if ((e = memchr(s, '\n', (size_t)(end - s))) == NULL)
			e = end;
		if (too_deep(s, e, &cut, &rest)) {
			if (!deep++)
				warn_at(a, d, cut, "nested too deeply: more "
				    "than %d levels; deeper ones are flattened",
				    ARTICLE_MAXNEST);
			put(&o, s, (size_t)(cut - s));
			s = rest;
		}
		put_line(a, &o, s, e, &brackets, d);
		if (e < end)
			put(&o, "\n", 1);
	}
	if (deep || brackets > ARTICLE_MAXBRACKETS)
		take(a, &o);
	else
		free(o.s);
}
