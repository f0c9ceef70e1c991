/*
 * htmltext: the words in raw HTML, so that none of an article's words
 * are lost.  Tags are dropped (the text of <script> and <style> with
 * them, and comments), entities decoded, <br> and the ends of block
 * elements become line breaks, <img> becomes its alt text.  Not an
 * HTML parser: a reader of the text a leaflet's author meant to show.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "docbuild.h"
#include "utf8.h"
#include "xalloc.h"

struct out {
	char	*s;
	size_t	 n;
	int	 space;		/* a blank is owed before the next word */
};

static void
put(struct out *o, const char *s, size_t n)
{
	if (o->space && o->n > 0 && o->s[o->n - 1] != '\n')
		o->s[o->n++] = ' ';
	o->space = 0;
	memcpy(o->s + o->n, s, n);
	o->n += n;
}

static void
put_break(struct out *o)
{
	o->space = 0;
	if (o->n == 0 || o->s[o->n - 1] != '\n')
		o->s[o->n++] = '\n';
}

/* The entities people write; others are kept as written. */
static const struct {
	const char	*name;
	uint32_t	 cp;
} entities[] = {
	{ "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' },
	{ "apos", '\'' }, { "nbsp", 0xA0 }, { "shy", 0xAD }, { "copy", 0xA9 },
	{ "reg", 0xAE }, { "deg", 0xB0 }, { "plusmn", 0xB1 },
	{ "middot", 0xB7 }, { "times", 0xD7 }, { "divide", 0xF7 },
	{ "laquo", 0xAB }, { "raquo", 0xBB }, { "ndash", 0x2013 },
	{ "mdash", 0x2014 }, { "lsquo", 0x2018 }, { "rsquo", 0x2019 },
	{ "ldquo", 0x201C }, { "rdquo", 0x201D }, { "hellip", 0x2026 },
	{ "bull", 0x2022 }, { "euro", 0x20AC }, { "pound", 0xA3 },
	{ "eacute", 0xE9 }, { "egrave", 0xE8 }, { "aacute", 0xE1 },
	{ "agrave", 0xE0 }, { "ouml", 0xF6 }, { "uuml", 0xFC },
	{ "auml", 0xE4 }, { "szlig", 0xDF }, { "ccedil", 0xE7 }
};

/*
 * The entity at s[0..n) ("&...;"): its code point into *cp and its
 * length, or 0 if it is none.
 */
static size_t
entity(const char *s, size_t n, uint32_t *cp)
{
	const char *semi;
	size_t len, i;
	unsigned long v;
	char *end;

	if (n < 3 || (semi = memchr(s, ';', n < 34 ? n : 34)) == NULL)
		return 0;
	len = (size_t)(semi - s) + 1;
	if (s[1] == '#') {
		if (s[2] == 'x' || s[2] == 'X')
			v = strtoul(s + 3, &end, 16);
		else
			v = strtoul(s + 2, &end, 10);
		if (end != semi || end == s + 2 || v == 0 || v > 0x10FFFF ||
		    (v >= 0xD800 && v <= 0xDFFF))
			return 0;
		*cp = (uint32_t)v;
		return len;
	}
	for (i = 0; i < sizeof(entities) / sizeof(entities[0]); i++)
		if (strlen(entities[i].name) == len - 2 &&
		    memcmp(entities[i].name, s + 1, len - 2) == 0) {
			*cp = entities[i].cp;
			return len;
		}
	return 0;
}

/* Text s[0..n) with entities decoded and blanks collapsed. */
static void
put_text(struct out *o, const char *s, size_t n)
{
	size_t i = 0, k;
	uint32_t cp;
	char enc[4];

	while (i < n) {
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
		    s[i] == '\r') {
			o->space = 1;
			i++;
		} else if (s[i] == '&' && (k = entity(s + i, n - i, &cp)) > 0) {
			put(o, enc, utf8_encode(cp, enc));
			i += k;
		} else {
			put(o, s + i, 1);
			i++;
		}
	}
}

/* Does the element named s[0..n) end a line? */
static int
breaks_line(const char *s, size_t n)
{
	static const char *const names[] = {
		"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5",
		"h6", "blockquote", "ul", "ol", "table", "hr", "section",
		"article", "header", "footer", "pre", "dt", "dd", "figure",
		"figcaption", "address", "details", "summary", "nav", "main",
		"aside", "dl", "caption"
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strlen(names[i]) == n && strncasecmp(names[i], s, n) == 0)
			return 1;
	return 0;
}

/* The value of attribute name in tag [s, e), or NULL; sets *len. */
static const char *
attr(const char *s, const char *e, const char *name, size_t *len)
{
	size_t k = strlen(name);
	const char *p, *v;
	char q;

	for (p = s; p + k < e; p++) {
		if (strncasecmp(p, name, k) != 0 || (p[-1] != ' ' &&
		    p[-1] != '\t' && p[-1] != '\n') || p[k] != '=')
			continue;
		v = p + k + 1;
		if (v < e && (*v == '"' || *v == '\'')) {
			q = *v++;
			for (p = v; p < e && *p != q; p++)
				;
		} else
			for (p = v; p < e && *p != ' ' && *p != '>'; p++)
				;
		*len = (size_t)(p - v);
		return v;
	}
	return NULL;
}

/* Where the construct opening at s ends: after its closing str. */
static const char *
skip_to(const char *s, const char *e, const char *str)
{
	size_t k = strlen(str);
	const char *p;

	for (p = s; p + k <= e; p++)
		if (strncasecmp(p, str, k) == 0)
			return p + k;
	return e;
}

/* A tag at s ('<'): its effect on o; returns where it ends, or s. */
static const char *
tag(struct out *o, const char *s, const char *e)
{
	const char *p = s + 1, *name, *v, *end;
	size_t n, vlen;
	char q = 0;

	if (e - s >= 4 && strncmp(s, "<!--", 4) == 0)
		return skip_to(s + 4, e, "-->");
	if (p < e && (*p == '!' || *p == '?'))
		return skip_to(p, e, ">");
	if (p < e && *p == '/')
		p++;
	for (name = p; p < e && ((*p >= 'a' && *p <= 'z') ||
	    (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')); p++)
		;
	n = (size_t)(p - name);
	if (n == 0 || (*name >= '0' && *name <= '9'))
		return s;		/* "<" that opens no tag: text */
	for (end = p; end < e && (q != 0 || *end != '>'); end++)
		if (q == 0 && (*end == '"' || *end == '\''))
			q = *end;
		else if (*end == q)
			q = 0;
	if (breaks_line(name, n))
		put_break(o);
	else if (n == 2 && (strncasecmp(name, "td", 2) == 0 ||
	    strncasecmp(name, "th", 2) == 0))
		o->space = 1;	/* cells of a row stay apart */
	else if (n == 3 && strncasecmp(name, "img", 3) == 0 &&
	    (v = attr(p, end, "alt", &vlen)) != NULL)
		put_text(o, v, vlen);
	if (name[-1] != '/' && ((n == 6 && strncasecmp(name, "script", 6) == 0) ||
	    (n == 5 && strncasecmp(name, "style", 5) == 0)))
		return skip_to(skip_to(end, e, n == 6 ? "</script" :
		    "</style"), e, ">");
	return end < e ? end + 1 : e;
}

char *
html_text(const char *s, size_t n)
{
	struct out o;
	const char *p = s, *e = s + n, *t;

	/* no output is longer than its input, but for "a<br>b" */
	o.s = xmalloc(n * 2 + 1);
	o.n = 0;
	o.space = 0;
	while (p < e) {
		if (*p == '<' && (t = tag(&o, p, e)) != p) {
			p = t;
			continue;
		}
		for (t = p + 1; t < e && *t != '<'; t++)
			;
		put_text(&o, p, (size_t)(t - p));
		p = t;
	}
	o.s[o.n] = '\0';
	return o.s;
}
