/*
 * The document stage through the real pipeline in memory: article and
 * profile text -> article_parse + profile_parse -> document_build, and
 * checks on the blocks, runs, callouts and groups it makes.
 */
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "document.h"
#include "leaflet.h"
#include "profile.h"
#include "t.h"

static const char profile_yaml[] =
    "name: Test Clinic\n"
    "tagline: Caring since 1987\n"
    "colors: { primary: \"#0B6E4F\" }\n"
    "contact:\n"
    "  phone: \"+44 (0)1632 960 123\"\n"
    "  email: info@test.example\n"
    "  website: test.example\n"
    "  address: [1 Mill Lane, RV1 2AB]\n";

struct built {
	struct article	 a;
	struct profile	 p;
	struct document	 doc;
	int		 rc;
};

static struct build ctx;

/* Build md; quiet: diagnostics are counted, not shown. */
static void
build(struct built *b, const char *md, struct diag *d)
{
	const struct font *fonts[FACE__MAX];
	int i;

	memset(b, 0, sizeof(*b));
	for (i = 0; i < FACE__MAX; i++)
		fonts[i] = &ctx.fonts[i];
	b->rc = profile_parse(&b->p, "t.yaml", profile_yaml,
	    strlen(profile_yaml), d);
	if (b->rc == 0)
		b->rc = article_parse(&b->a, "t.md", md, strlen(md), d);
	if (b->rc == 0)
		b->rc = document_build(&b->doc, &b->a, &b->p, fonts, d);
}

static void
unbuild(struct built *b)
{
	document_free(&b->doc);
	article_free(&b->a);
	profile_free(&b->p);
}

/* The first block of the body whose first run starts with text. */
static const struct block *
find(const struct document *doc, const char *text)
{
	size_t i;

	for (i = 0; i < doc->nblocks; i++)
		if (doc->blocks[i].nruns > 0 && strncmp(
		    doc->blocks[i].runs[0].text, text, strlen(text)) == 0)
			return &doc->blocks[i];
	return NULL;
}

static int
group_of(const struct document *doc, const char *text)
{
	const struct block *b = find(doc, text);

	return b == NULL ? -2 : b->group;
}

static void
test_groups(void)
{
	struct diag d = { NULL, 0, 0 };
	struct built b;
	const struct document *doc = &b.doc;
	int g, h;

	build(&b, "Top\n\n"
	    "1. outer one\n"
	    "   - inner a\n"
	    "   - inner b\n"
	    "2. outer two\n"
	    "\n"
	    "   second paragraph of two\n"
	    "\n"
	    "> quote one\n"
	    ">\n"
	    "> > quote two\n", &d);
	T_EQ_INT(b.rc, 0, "groups: builds");
	T_EQ_INT(group_of(doc, "Top"), -1, "groups: a top-level paragraph "
	    "is in none");
	T_EQ_INT(find(doc, "Test Clinic")->group, -1, "groups: the brand is "
	    "in none");
	T_EQ_INT(doc->ngroups, 8, "groups: outer list, 2 items, inner "
	    "list, 2 items, quote, quote");
	g = group_of(doc, "outer one");
	T_OK(g >= 0 && doc->groups[g].kind == GROUP_ITEM, "groups: an item's "
	    "paragraph is in the item");
	h = g >= 0 ? doc->groups[g].parent : -1;
	T_OK(h >= 0 && doc->groups[h].kind == GROUP_LIST &&
	    doc->groups[h].ordered && doc->groups[h].start == 1 &&
	    doc->groups[h].parent == -1, "groups: the item is in an ordered "
	    "top-level list from 1");
	g = group_of(doc, "inner a");
	h = g >= 0 ? doc->groups[g].parent : -1;
	T_OK(h >= 0 && doc->groups[h].kind == GROUP_LIST &&
	    !doc->groups[h].ordered && doc->groups[h].tight &&
	    doc->groups[h].parent == group_of(doc, "outer one"),
	    "groups: a list in a list sits in the outer item");
	T_OK(group_of(doc, "inner b") != g && group_of(doc, "inner b") >= 0 &&
	    doc->groups[group_of(doc, "inner b")].parent == h,
	    "groups: the inner list's second item, in the same list");
	g = group_of(doc, "outer two");
	T_OK(g >= 0 && g == group_of(doc, "second paragraph"),
	    "groups: an item with two paragraphs holds both");
	g = group_of(doc, "quote one");
	T_OK(g >= 0 && doc->groups[g].kind == GROUP_QUOTE &&
	    doc->groups[g].parent == -1 && doc->groups[g].callout > 0,
	    "groups: a top-level quote is a callout");
	h = group_of(doc, "quote two");
	T_OK(h >= 0 && doc->groups[h].kind == GROUP_QUOTE &&
	    doc->groups[h].parent == g && doc->groups[h].callout == 0,
	    "groups: a quote in a quote sits in it and indents");
	T_EQ_INT(find(doc, "Contact us")->group, -1, "groups: the contact box "
	    "is in none");
	unbuild(&b);
}

int
main(void)
{
	struct diag d = { stderr, 0, 0 };

	T_PLAN(12);
	if (build_init(&ctx, "fonts", &d) == -1) {
		T_OK(0, "bundled fonts load");
		T_DONE();
	}
	test_groups();
	build_free(&ctx);
	T_DONE();
}
