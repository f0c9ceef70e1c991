/* Unit tests for vars.c: clinic details filled into an article. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>

#include "article.h"
#include "diag.h"
#include "profile.h"
#include "vars.h"
#include "t.h"

static const char profile_text[] =
    "name: Riverside Clinic\n"
    "tagline: Care since 1987\n"
    "contact:\n"
    "  phone: \"01234 567890\"\n"
    "  email: info@riverside.example\n"
    "  website: riverside.example\n"
    "  address: [\"12 River Road\", \"Exampletown EX1 2AB\"]\n";

struct run {
	char	*out;		/* the text filled in */
	char	*msgs;		/* what was said */
	size_t	 mlen;
	int	 rc, nerr, nwarn;
};

/* Fill s in with p (or none), starting at line 3 of "a.md". */
static void
fill(struct run *r, const char *s, const struct profile *p, int warn)
{
	struct diag	 d = { NULL, 0, 0 };
	struct srcpos	 at = { "a.md", 3, 1 };
	size_t		 n;

	free(r->out);
	free(r->msgs);
	memset(r, 0, sizeof(*r));
	d.out = open_memstream(&r->msgs, &r->mlen);
	r->rc = vars_fill(&at, s, strlen(s), p, warn, &d, &r->out, &n);
	fclose(d.out);
	r->nerr = d.nerr;
	r->nwarn = d.nwarn;
	if (strlen(r->out) != n)
		r->rc = -99;
}

static void
test_fields(const struct profile *p, struct run *r)
{
	static const struct {
		const char	*in, *want;
	} c[] = {
		{ "{{clinic.name}}", "Riverside Clinic" },
		{ "{{clinic.tagline}}", "Care since 1987" },
		{ "{{clinic.phone}}", "01234 567890" },
		{ "{{clinic.email}}", "info@riverside.example" },
		{ "{{clinic.website}}", "riverside.example" },
		{ "{{clinic.address}}", "12 River Road, Exampletown EX1 2AB" },
		{ "Call {{ clinic.phone }}.", "Call 01234 567890." },
		{ "at the end: {{clinic.name}}", "at the end: Riverside Clinic" },
		{ "`{{clinic.phone}}` in code", "`01234 567890` in code" },
		{ "\\{{clinic.name}} kept", "{{clinic.name}} kept" },
		{ "{{ not a variable", "{{ not a variable" },
		{ "{{clinic.name}", "{{clinic.name}" }
	};
	size_t i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		fill(r, c[i].in, p, 0);
		T_EQ_STR(r->out, c[i].want, c[i].in);
	}
}

static void
test_unknown(const struct profile *p, struct run *r)
{
	fill(r, "One.\nTwo {{clinic.fax}} and {{clinic.name}}.\n", p, 0);
	T_EQ_INT(r->rc, -1, "unknown variable: -1");
	T_EQ_INT(r->nerr, 1, "unknown variable: one error");
	T_EQ_STR(r->msgs, "a.md:4:5: error: unknown variable 'clinic.fax': "
	    "expected clinic.name, tagline, phone, email, website or "
	    "address\n", "unknown variable: said at its line and column");
	T_EQ_STR(r->out, "One.\nTwo {{clinic.fax}} and Riverside Clinic.\n",
	    "unknown variable: left as written, the rest filled in");
	fill(r, "{{name}}", NULL, 0);
	T_EQ_INT(r->rc, -1, "a name without clinic.: unknown, even unfilled");
	fill(r, "A {{clinic.name}} and \\{{x}}", NULL, 0);
	T_EQ_INT(r->rc, 1, "no profile: the variables counted");
	T_EQ_STR(r->out, "A {{clinic.name}} and {{x}}",
	    "no profile: nothing filled in, the escape undone");
}

static void
test_missing(struct run *r)
{
	struct profile	 p;
	struct diag	 d = { NULL, 0, 0 };
	const char	*y = "name: \"Line\\none\"\n";

	profile_parse(&p, "bare.yaml", y, strlen(y), &d);
	fill(r, "x\n{{clinic.name}}|{{clinic.email}}|{{clinic.address}}", &p, 1);
	T_EQ_STR(r->out, "x\nLine one||", "a line break becomes a space, "
	    "a missing field is empty");
	T_EQ_INT(r->nwarn, 2, "warn_missing: a warning for each missing field");
	T_OK(r->msgs != NULL && strncmp(r->msgs, "a.md:4:17: warning: "
	    "bare.yaml has no email:", 43) == 0,
	    "warn_missing: at the variable");
	fill(r, "{{clinic.email}}", &p, 0);
	T_EQ_INT(r->nwarn, 0, "without warn_missing: quiet");
	profile_free(&p);
}

/* Through the article: lines stay true, the title is filled in. */
static void
test_article(const struct profile *p)
{
	static const char md[] = "---\ntitle: T {{clinic.name}}\n---\n\n"
	    "Ring {{clinic.phone}}.\n\n![x](missing.png)\n";
	struct diag	 d = { NULL, 0, 0 };
	struct article	 a;
	cmark_node	*para;

	article_parse(&a, "a.md", md, strlen(md), &d);
	T_OK(a.src != NULL, "an article naming clinic details keeps its text");
	article_free(&a);
	article_parse_for(&a, "a.md", md, strlen(md), p, &d);
	para = cmark_node_first_child(a.doc);
	T_EQ_STR(cmark_node_get_literal(cmark_node_first_child(para)),
	    "Ring 01234 567890.", "filled in before parsing");
	T_EQ_STR(a.title, "T Riverside Clinic", "the title filled in");
	T_EQ_INT(a.nfigures == 1 ? a.figures[0].pos.line : 0, 7,
	    "a later line keeps its number");
	T_OK(a.src == NULL, "filled in: no text kept");
	article_free(&a);
}

/* An unknown name in the title: at its line and column in the file. */
static void
test_title(void)
{
	static const char md[] = "---\ntitle: T {{clinic.fax}}\n---\n\nText.\n";
	struct diag	 d = { NULL, 0, 0 };
	struct article	 a;
	char		*msgs = NULL;
	size_t		 len = 0;

	d.out = open_memstream(&msgs, &len);
	article_parse(&a, "a.md", md, strlen(md), &d);
	fclose(d.out);
	T_OK(msgs != NULL && strncmp(msgs, "a.md:2:10: error: unknown "
	    "variable 'clinic.fax'", 45) == 0,
	    "an unknown variable in the title: said where it is");
	article_free(&a);
	free(msgs);
}

int
main(void)
{
	struct profile	 p;
	struct diag	 d = { NULL, 0, 0 };
	struct run	 r = { 0 };

	T_PLAN(30);
	T_EQ_INT(profile_parse(&p, "riverside.yaml", profile_text,
	    strlen(profile_text), &d), 0, "the profile parses");
	test_fields(&p, &r);
	test_unknown(&p, &r);
	test_missing(&r);
	test_article(&p);
	test_title();
	profile_free(&p);
	free(r.out);
	free(r.msgs);
	T_DONE();
}
