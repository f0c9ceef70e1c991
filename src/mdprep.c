/*
 * mdprep: an article's text made fit for cmark-gfm without refusing any
 * of it.  CommonMark reads a NUL byte as U+FFFD, so the text gets one in
 * its place (and the rest of leafpress may keep treating the text as a
 * C string).  cmark-gfm takes quadratic time on some input (see the
 * limits in article.h): rather than refusing such a body, its deeper
 * containers are flattened, its excess '[' and '|' made literal, and the
 * extensions that would be too costly (autolinks, tables) left out of
 * the parse, each with one warning at the first place.  Lines are never
 * added or removed, so every line number stays true; columns on a
 * changed line may shift.
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

/* Swap the article's text for o's. */
static void
take(struct article *a, struct sbuf *o)
{
	free(a->buf);
	a->buf = o->s;
	a->len = o->n;
}

void
mdprep_nul(struct article *a, struct diag *d)
{
	struct sbuf	 o = { NULL, 0, 0 };
	const char	*s = a->buf, *e = a->buf + a->len, *nul;
	int		 line, col;

	if ((nul = memchr(s, '\0', a->len)) == NULL)
		return;
	utf8_linecol(a->buf, (size_t)(nul - a->buf), &line, &col);
	diag_msg(d, DIAG_WARNING, a->file, line, col,
	    "NUL byte read as U+FFFD");
	sbuf_put(&o, "", 0);
	while ((nul = memchr(s, '\0', (size_t)(e - s))) != NULL) {
		sbuf_put(&o, s, (size_t)(nul - s));
		sbuf_put(&o, REPLACEMENT, 3);
		s = nul + 1;
	}
	sbuf_put(&o, s, (size_t)(e - s));
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

/* What mdprep_body() has counted so far. */
struct count {
	size_t	 brackets;	/* '[' */
	size_t	 at;		/* '@' */
	size_t	 cols;		/* of the table open, or 0 */
	size_t	 rows;		/* lines since its delimiter row */
	int	 pipes;		/* the line before had a '|' */
	int	 without;	/* MDPREP_NO_* */
	int	 changed;	/* the text was changed */
};

/*
 * A table's delimiter row: '-', ':', '|' and blanks only, with a '-',
 * and a '|' in it or in the header line above.  Returns its columns
 * (the cells between its pipes), or 0.
 */
static size_t
delim_row(const char *s, const char *e, int pipe_above)
{
	size_t	 pipes = 0, dash = 0;
	char	 first = 0, last = 0;

	for (; s < e; s++) {
		if (*s == '|')
			pipes++;
		else if (*s == '-')
			dash++;
		else if (*s != ':' && *s != ' ' && *s != '\t' && *s != '\r')
			return 0;
		if (*s != ' ' && *s != '\t' && *s != '\r') {
			if (first == 0)
				first = *s;
			last = *s;
		}
	}
	if (dash == 0 || (pipes == 0 && !pipe_above))
		return 0;
	return pipes + 1 - (first == '|') - (last == '|');
}

/* Tables too big for cmark-gfm's table extension: parse them as text. */
static void
count_table(struct article *a, struct count *c, const char *s,
    const char *e, int pipes, struct diag *d)
{
	size_t cols;

	if (is_blank(s, e))
		c->cols = c->rows = 0;
	else if ((cols = delim_row(s, e, c->pipes)) > 0) {
		if (cols > c->cols)
			c->cols = cols;
		c->rows = 0;
	} else if (c->cols > 0)
		c->rows++;
	c->pipes = pipes;
	if ((c->without & MDPREP_NO_TABLES) == 0 && (c->cols > ARTICLE_MAXCOLS ||
	    c->rows * c->cols > ARTICLE_MAXCELLS)) {
		c->without |= MDPREP_NO_TABLES;
		warn_at(a, d, s, c->cols > ARTICLE_MAXCOLS ? "a table of more "
		    "than %d columns: the article's tables are read as text" :
		    "a table of more than %d cells: the article's tables are "
		    "read as text", c->cols > ARTICLE_MAXCOLS ?
		    ARTICLE_MAXCOLS : ARTICLE_MAXCELLS);
	}
}

/*
 * Line [s, e) with every '[' past the limit, and every '|' past the
 * line's limit, escaped; '@' counted against the autolinker's.
 */
static void
put_line(struct article *a, struct sbuf *o, const char *s, const char *e,
    struct count *c, struct diag *d)
{
	const char	*line = s, *p;
	size_t		 pipes = 0;
	int		 esc;

	for (p = s; p < e; p++) {
		if (*p != '[' && *p != '|' && *p != '@')
			continue;
		esc = 0;
		if (*p == '[' && ++c->brackets > ARTICLE_MAXBRACKETS) {
			if (c->brackets == ARTICLE_MAXBRACKETS + 1)
				warn_at(a, d, p, "more than %d '[': the rest "
				    "are read as plain text",
				    ARTICLE_MAXBRACKETS);
			esc = 1;
		} else if (*p == '|' && ++pipes > ARTICLE_MAXPIPES) {
			if (pipes == ARTICLE_MAXPIPES + 1)
				warn_at(a, d, p, "more than %d '|' on a line: "
				    "the rest are read as plain text",
				    ARTICLE_MAXPIPES);
			esc = 1;
		} else if (*p == '@' && ++c->at == ARTICLE_MAXAT + 1) {
			c->without |= MDPREP_NO_AUTOLINK;
			warn_at(a, d, p, "more than %d '@': web and mail "
			    "addresses are not made links", ARTICLE_MAXAT);
		}
		if (!esc)
			continue;
		sbuf_put(o, s, (size_t)(p - s));
		sbuf_put(o, "\\", 1);
		s = p;
		c->changed = 1;
	}
	sbuf_put(o, s, (size_t)(e - s));
	count_table(a, c, line, e, pipes > 0, d);
}

int
mdprep_body(struct article *a, size_t off, struct diag *d)
{
	struct sbuf	 o = { NULL, 0, 0 };
	struct count	 c;
	const char	*s, *e, *cut, *rest, *end = a->buf + a->len;
	int		 deep = 0;

	memset(&c, 0, sizeof(c));
	sbuf_put(&o, a->buf, off);
	for (s = a->buf + off; s < end; s = e + 1) {
		if ((e = memchr(s, '\n', (size_t)(end - s))) == NULL)
			e = end;
		if (too_deep(s, e, &cut, &rest)) {
			if (!deep++)
				warn_at(a, d, cut, "nested too deeply: more "
				    "than %d levels; deeper ones are flattened",
				    ARTICLE_MAXNEST);
			sbuf_put(&o, s, (size_t)(cut - s));
			s = rest;
			c.changed = 1;
		}
		put_line(a, &o, s, e, &c, d);
		if (e < end)
			sbuf_put(&o, "\n", 1);
	}
	if (c.changed)
		take(a, &o);
	else
		free(o.s);
	return c.without;
}
