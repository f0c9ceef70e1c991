/*
 * Every example of the GitHub Flavored Markdown spec builds as an
 * article, through leaflet_render() in memory up to the PDF's bytes, and
 * the text of its expected HTML comes back in the display list.
 *
 * tests/gfm-spec.txt is the GFM spec 0.29 (2019-04-06), the version
 * cmark-gfm 0.29.0.gfm.6 implements, copied unchanged from
 * https://github.com/github/cmark-gfm (test/spec.txt); it is licensed
 * CC-BY-SA 4.0, as its front matter says.
 *
 * "Comes back" is loose on purpose: the ASCII letters and digits of the
 * HTML's text, lowercased, must appear in that order among those of the
 * display list, which may hold more (a link's address after it, list
 * numbers, the hyphen of a broken word is no letter).  Raw HTML is
 * dropped with a warning, so an example whose text does not come back
 * is excused when its build gave that warning.  An example whose image cannot be found must fail as a
 * missing figure does in any article, with that error and no other.
 * Each is built after a blank line, so that a first line "---" is
 * Markdown, not front matter.  The checks are a fixed few;
 * each example that fails one is named on a "#" line.
 */
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "fileio.h"
#include "leaflet.h"
#include "pages.h"
#include "profile.h"
#include "t.h"
#include "xalloc.h"

#define SPEC		"tests/gfm-spec.txt"
#define FENCE		"````````````````````````````````"
#define NEXAMPLES	673

static const char profile_yaml[] =
    "name: Test Clinic\ncontact: { phone: \"0100 000000\" }\npaper: a4\n";

struct example {
	int	 number;
	int	 line;
	char	*md;
	char	*html;
};

/* Append line s[0..n) to *b, with the spec's '\xe2\x86\x92' made a tab. */
static void
add_line(char **b, const char *s, size_t n)
{
	size_t len = *b ? strlen(*b) : 0, i;
	char *o;

	*b = xrealloc(*b, len + n + 1);
	for (o = *b + len, i = 0; i < n; i++)
		if (i + 3 <= n && strncmp(s + i, "\xe2\x86\x92", 3) == 0) {
			*o++ = '\t';
			i += 2;
		} else
			*o++ = s[i];
	*o = '\0';
}

/* The spec's examples, in order; returns how many. */
static size_t
read_spec(const char *buf, size_t len, struct example **out)
{
	const char *p, *e, *end = buf + len;
	struct example *v = NULL, *x = NULL;
	size_t n = 0, fl = strlen(FENCE);
	int line = 0, state = 0;	/* 0 prose, 1 Markdown, 2 HTML */

	for (p = buf; p < end; p = e + 1) {
		line++;
		if ((e = memchr(p, '\n', (size_t)(end - p))) == NULL)
			e = end;
		if (state == 0 && strncmp(p, FENCE " example", fl + 8) == 0) {
			v = xgrow(v, n, sizeof(*v));
			x = &v[n++];
			memset(x, 0, sizeof(*x));
			x->number = (int)n;
			x->line = line;
			add_line(&x->md, "\n", 1);	/* no front matter */
			add_line(&x->html, "", 0);
			state = 1;
		} else if (state == 1 && e - p == 1 && *p == '.')
			state = 2;
		else if (state == 2 && strncmp(p, FENCE, fl) == 0)
			state = 0;
		else if (state > 0)
			add_line(state == 1 ? &x->md : &x->html, p,
			    (size_t)(e - p) + (e < end));
		if (e == end)
			break;
	}
	*out = v;
	return n;
}

/* Append the lowercased ASCII letters and digits of s[0..n) to *b. */
static void
alnum(char **b, size_t *len, const char *s, size_t n)
{
	size_t i;
	char ch;

	*b = xrealloc(*b, *len + n + 1);
	for (i = 0; i < n; i++) {
		ch = s[i];
		if (ch >= 'A' && ch <= 'Z')
			ch += 32;
		if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'))
			(*b)[(*len)++] = ch;
	}
	(*b)[*len] = '\0';
}

/* The letters of HTML's text: tags and character references dropped. */
static char *
html_letters(const char *h)
{
	char *b = NULL;
	size_t len = 0;
	const char *e;

	alnum(&b, &len, "", 0);
	while (*h != '\0') {
		if (*h == '<' && (e = strchr(h, '>')) != NULL)
			h = e + 1;
		else if (*h == '&' && (e = strchr(h, ';')) != NULL &&
		    e - h < 10)
			h = e + 1;	/* &amp; &lt; &#42; are no letters */
		else
			alnum(&b, &len, h++, 1);
	}
	return b;
}

/* The letters of the display list's text, the clinic's own left out. */
static char *
page_letters(const struct leaflet *lf)
{
	const struct block *blk;
	const struct item *it;
	char *b = NULL;
	size_t len = 0, i, j;

	alnum(&b, &len, "", 0);
	for (i = 0; i < lf->pages.n; i++)
		for (j = 0; j < lf->pages.v[i].nitems; j++) {
			it = &lf->pages.v[i].items[j];
			if (it->kind != IT_TEXT || it->block < 0)
				continue;
			blk = &lf->doc.blocks[it->block];
			if (blk->role == ROLE_BRAND ||
			    blk->role == ROLE_CONTACT ||
			    blk->role == ROLE_GOVERNANCE)
				continue;
			alnum(&b, &len, it->text, strlen(it->text));
		}
	return b;
}

static int
subsequence(const char *want, const char *got)
{
	for (; *want != '\0'; want++)
		if ((got = strchr(got, *want)) == NULL)
			return 0;
		else
			got++;
	return 1;
}

/* Do the errors in log[0..n) all say an image cannot be read? */
static int
only_images(const char *log)
{
	const char *s, *e;
	int seen = 0;

	for (s = log; (e = strchr(s, '\n')) != NULL; s = e + 1) {
		if (!strstr(s, ": error: ") || strstr(s, ": error: ") > e)
			continue;
		if (!strstr(s, "cannot read image") ||
		    strstr(s, "cannot read image") > e)
			return 0;
		seen = 1;
	}
	return seen;
}

/*
 * Build one example: 1 when it built, 0 when it stopped only because an
 * image it names is not there, -1 otherwise; *text whether its text
 * came back, when *checked.
 */
static int
build_one(struct build *ctx, const struct profile *p, const struct example *x,
    int *text, int *checked)
{
	struct leaflet_opts o = { .shape = NULL };
	struct diag d = { NULL, 0, 0 };
	struct leaflet lf;
	struct article a;
	char *want, *got, *log = NULL;
	size_t loglen = 0;
	int rc;

	memset(&lf, 0, sizeof(lf));
	d.out = open_memstream(&log, &loglen);
	ctx->d = &d;
	rc = article_parse(&a, "tests/e2e/spec.md", x->md, strlen(x->md),
	    ctx->d) == 0 && leaflet_render(ctx, p, &a, &o, &lf) == 0 &&
	    lf.pdf != NULL && lf.len > 0;
	*text = *checked = 0;
	if (rc) {
		want = html_letters(x->html);
		got = page_letters(&lf);
		*text = subsequence(want, got);
		fflush(d.out);
		/*
		 * raw HTML keeps its words but not its tags, which the
		 * spec's HTML shows as they are: such an example is only
		 * checked when its text came back all the same
		 */
		*checked = *text || strstr(log, "raw HTML: ") == NULL;
		if (*checked && !*text)
			printf("# example %d (line %d): want \"%s\", "
			    "got \"%s\"\n", x->number, x->line, want, got);
		free(want);
		free(got);
	}
	leaflet_free(&lf);
	article_free(&a);
	fclose(d.out);
	if (!rc)
		rc = only_images(log) ? 0 : -1;
	if (rc == -1)
		printf("# example %d (line %d) does not build:\n# %s",
		    x->number, x->line, log);
	free(log);
	return rc;
}

int
main(void)
{
	struct diag d = { stderr, 0, 0 };
	struct build ctx;
	struct profile p;
	struct example *v = NULL;
	char *buf;
	size_t len, n = 0, i, built = 0, texts = 0, checked = 0, images = 0;
	int text, chk, rc;

	T_PLAN(4);
	if (file_read(SPEC, &buf, &len, &d) == 0) {
		n = read_spec(buf, len, &v);
		free(buf);
	}
	T_EQ_INT(n, NEXAMPLES, "the spec's examples are all read");
	if (build_init(&ctx, "fonts", &d) == -1 ||
	    profile_parse(&p, "t.yaml", profile_yaml, strlen(profile_yaml),
	    &d) == -1) {
		T_OK(0, "bundled fonts and the profile load");
		T_DONE();
	}
	T_OK(1, "bundled fonts and the profile load");
	for (i = 0; i < n; i++) {
		rc = build_one(&ctx, &p, &v[i], &text, &chk);
		built += rc == 1;
		images += rc == 0;	/* a figure that is not there */
		texts += text;
		checked += chk;
	}
	printf("# %zu of %zu examples build, %zu stop at a missing image; "
	    "text back in %zu of the %zu checked\n", built, n, images, texts,
	    checked);
	T_EQ_INT(built + images, n, "every example builds, or stops only "
	    "at a missing image");
	T_EQ_INT(texts, checked, "every example's text comes back");
	for (i = 0; i < n; i++) {
		free(v[i].md);
		free(v[i].html);
	}
	free(v);
	profile_free(&p);
	ctx.d = &d;
	build_free(&ctx);
	T_DONE();
}
