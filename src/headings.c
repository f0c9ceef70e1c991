/*
 * headings: every heading's name, made as GitHub makes them, so that a
 * "#slug" link in the article can point at it; the links the PDF may
 * hold; and the check, once the walk is done, that every "#slug" link
 * names a heading.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmark-gfm.h>

#include "article.h"
#include "docbuild.h"
#include "hash.h"
#include "utf8.h"
#include "xalloc.h"

/* The set of heading names (pointers to the blocks' slugs). */
static const char *
slug_find(const struct slugset *set, const char *s)
{
	size_t i;

	if (set->cap == 0)
		return NULL;
	for (i = fnv1a(s, strlen(s)) & (set->cap - 1); set->v[i] != NULL;
	    i = (i + 1) & (set->cap - 1))
		if (strcmp(set->v[i], s) == 0)
			return set->v[i];
	return NULL;
}

static void
slug_add(struct slugset *set, const char *s)
{
	const char **old = set->v;
	size_t i, oldcap = set->cap;

	if (2 * (set->n + 1) > set->cap) {	/* keep it half empty */
		set->cap = set->cap ? set->cap * 2 : 64;
		set->v = xcalloc(set->cap, sizeof(*set->v));
		set->n = 0;
		for (i = 0; i < oldcap; i++)
			if (old[i] != NULL)
				slug_add(set, old[i]);
		free(old);
	}
	for (i = fnv1a(s, strlen(s)) & (set->cap - 1); set->v[i] != NULL;
	    i = (i + 1) & (set->cap - 1))
		;
	set->v[i] = s;
	set->n++;
}

/*
 * The lowercase of cp in the scripts of the languages leafpress
 * hyphenates (Latin-1, Latin Extended-A) and in Greek and Cyrillic, as
 * GitHub lowercases a heading's name: "#żółć" names "## Żółć".
 */
static uint32_t
lower(uint32_t cp)
{
	if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
	    (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) ||
	    (cp >= 0x410 && cp <= 0x42F))
		return cp + 0x20;
	if (cp >= 0x400 && cp <= 0x40F)
		return cp + 0x50;
	if (cp == 0x178)
		return 0xFF;
	/* Greek capitals with tonos */
	if (cp == 0x386)
		return 0x3AC;
	if (cp >= 0x388 && cp <= 0x38A)
		return cp + 0x25;
	if (cp == 0x38C)
		return 0x3CC;
	if (cp == 0x38E || cp == 0x38F)
		return cp + 0x3F;
	/* Latin Extended-A pairs: upper even, or odd where said */
	if ((cp >= 0x100 && cp <= 0x137 && cp != 0x130 && cp % 2 == 0) ||
	    (cp >= 0x14A && cp <= 0x177 && cp % 2 == 0) ||
	    (((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) &&
	    cp % 2 == 1))
		return cp + 1;
	return cp;
}

/*
 * A heading's name, as GitHub makes them: lowercase, spaces to hyphens,
 * punctuation dropped; a second "side-effects" becomes "side-effects-1".
 */
void
name_heading(struct ctx *c, struct block *b, cmark_node *n)
{
	char *text = plain_text(n);

	name_text(c, b, text);
	free(text);
}

/* The same for a heading the leaflet adds, from its text. */
void
name_text(struct ctx *c, struct block *b, const char *text)
{
	char *slug, *t, *u;
	const char *s;
	size_t k, seq = 0;
	uint32_t cp;

	slug = xmalloc(strlen(text) + 24);
	for (s = text, t = slug; *s != '\0'; s += k) {
		if ((k = utf8_decode(s, strlen(s), &cp)) == 0)
			k = 1, cp = '?';
		if (cp == ' ' || cp == '-')
			*t++ = '-';
		else if (cp == '_' || (cp >= '0' && cp <= '9') ||
		    (cp >= 'a' && cp <= 'z'))
			*t++ = (char)cp;
		else if (cp >= 'A' && cp <= 'Z')
			*t++ = (char)(cp + 32);
		else if (cp >= 0x80 && cp != 0x2019 && cp != 0x2018 &&
		    cp != 0x201C && cp != 0x201D && cp != 0x2013 &&
		    cp != 0x2014)		/* letters of other scripts */
			t += utf8_encode(lower(cp), t);
	}
	*t = '\0';
	u = xstrdup(slug);
	while (slug_find(&c->slugs, u) != NULL) {
		free(u);
		u = xasprintf("%s-%zu", slug, ++seq);
	}
	b->slug = u;
	slug_add(&c->slugs, u);
	free(slug);
}

static int
hexval(char h)
{
	if (h >= '0' && h <= '9')
		return h - '0';
	if (h >= 'a' && h <= 'f')
		return h - 'a' + 10;
	if (h >= 'A' && h <= 'F')
		return h - 'A' + 10;
	return -1;
}

/*
 * A link's "#slug" as the heading names it: editors and GitHub write
 * "#wst%C4%99p" for "#wstęp", so %XX is decoded; text that would not
 * decode to UTF-8 without NUL is kept as written.
 */
char *
anchor_decode(const char *s)
{
	char *out = xmalloc(strlen(s) + 1), *t = out;
	const char *p;
	int hi, lo;

	for (p = s; *p != '\0'; p++) {
		if (*p == '%' && (hi = hexval(p[1])) >= 0 &&
		    (lo = hexval(p[2])) >= 0 && (hi | lo) != 0) {
			*t++ = (char)(hi * 16 + lo);
			p += 2;
		} else
			*t++ = *p;
	}
	*t = '\0';
	if (utf8_invalid(out, (size_t)(t - out)) < (size_t)(t - out)) {
		free(out);
		return xstrdup(s);
	}
	return out;
}

/* Remember a "#slug" link, for check_refs() once every heading is named. */
void
add_ref(struct ctx *c, const char *slug, int line, int col)
{
	c->refs = xgrow(c->refs, c->nrefs, sizeof(*c->refs));
	c->refs[c->nrefs].slug = xstrdup(slug);
	c->refs[c->nrefs].line = line;
	c->refs[c->nrefs++].col = col;
}

/*
 * Only these become links in the PDF: a click on a leaflet must never
 * run a script, open a local file or fail the PDF library (an empty
 * destination, as "[foo]: <>" gives, did).
 */
int
safe_link(const char *url)
{
	static const char *const schemes[] = {
		"http://", "https://", "mailto:", "tel:"
	};
	size_t i, n;

	if (url == NULL)
		return 0;
	if (url[0] == '#')
		return url[1] != '\0';
	for (i = 0; i < sizeof(schemes) / sizeof(schemes[0]); i++) {
		n = strlen(schemes[i]);
		if (strncasecmp(url, schemes[i], n) == 0 && url[n] != '\0')
			return 1;
	}
	return 0;
}

void
enter_link(struct ctx *c, cmark_node *n)
{
	const char *url = cmark_node_get_url(n);

	if (url == NULL || *url == '\0' || !safe_link(url)) {
		c->st.link = NULL;
		/* the first is told, the rest counted: READMEs have dozens */
		if (c->nunsafe++ == 0 && (url == NULL || *url == '\0'))
			diag_msg(c->d, DIAG_WARNING, c->art->file,
			    node_line(c, n), cmark_node_get_start_column(n),
			    "link without a destination: shown as text");
		else if (c->nunsafe == 1)
			diag_msg(c->d, DIAG_WARNING, c->art->file,
			    node_line(c, n), cmark_node_get_start_column(n),
			    "link to '%.80s': only http, https, mailto, tel "
			    "and #heading links are kept; shown as text", url);
		else if (c->nunsafe == 2) {
			c->unsafe2.file = c->art->file;
			c->unsafe2.line = node_line(c, n);
			c->unsafe2.col = cmark_node_get_start_column(n);
		}
		return;
	}
	c->st.link = url;
	if (url[0] == '#') {
		free(c->anchor);
		c->st.link = c->anchor = anchor_decode(url);
		add_ref(c, c->anchor + 1, node_line(c, n),
		    cmark_node_get_start_column(n));
	}
}

/*
 * The end of a link.  One whose text does not show where it goes gets
 * the address after it, since a printed page cannot be clicked.
 */
void
leave_link(struct ctx *c, cmark_node *link)
{
	const char *url = cmark_node_get_url(link), *shown;
	char *text;

	c->st.link = NULL;
	if (url == NULL || url[0] == '#' || url[0] == '\0')
		return;
	shown = url;
	if (strncmp(shown, "mailto:", 7) == 0)
		shown += 7;
	else if (strncmp(shown, "tel:", 4) == 0)
		shown += 4;
	else if (strncmp(shown, "https://", 8) == 0)
		shown += 8;
	else if (strncmp(shown, "http://", 7) == 0)
		shown += 7;
	text = plain_text(link);
	if (strncmp(url, "tel:", 4) == 0) {
		/* a number written out in the text is its own address */
		size_t digits = 0;
		const char *s;

		for (s = text; *s != '\0'; s++)
			digits += *s >= '0' && *s <= '9';
		if (digits >= 7)
			shown = text;
	}
	if (strstr(text, shown) == NULL) {
		text_run(c, " (", 2, 0, node_line(c, link));
		c->st.link = safe_link(url) ? url : NULL;
		text_run(c, shown, strlen(shown), 0, node_line(c, link));
		c->st.link = NULL;
		text_run(c, ")", 1, 0, node_line(c, link));
	}
	free(text);
}

/* Every "#slug" link must name a heading of the article. */
void
check_refs(struct ctx *c)
{
	size_t i;

	for (i = 0; i < c->nrefs; i++)
		if (slug_find(&c->slugs, c->refs[i].slug) == NULL)
			diag_msg(c->d, DIAG_WARNING, c->art->file,
			    c->refs[i].line, c->refs[i].col,
			    "link to '#%s': no heading has that name",
			    c->refs[i].slug);
}

void
headings_free(struct ctx *c)
{
	size_t i;

	for (i = 0; i < c->nrefs; i++)
		free(c->refs[i].slug);
	free(c->refs);
	free(c->slugs.v);
}
