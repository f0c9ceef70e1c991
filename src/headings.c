/*
 * headings: every heading's name, made as GitHub makes them, so that a
 * "#slug" link in the article can point at it; and the check, once the
 * walk is done, that every such link names a heading.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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
		    cp != 0x2014) {
			memcpy(t, s, k);	/* letters of other scripts */
			t += k;
		}
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

/* Remember a "#slug" link, for check_refs() once every heading is named. */
void
add_ref(struct ctx *c, const char *slug, int line, int col)
{
	c->refs = xgrow(c->refs, c->nrefs, sizeof(*c->refs));
	c->refs[c->nrefs].slug = slug;
	c->refs[c->nrefs].line = line;
	c->refs[c->nrefs++].col = col;
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
	free(c->refs);
	free(c->slugs.v);
}
