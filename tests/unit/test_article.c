/* Unit tests for article.c: front matter, body positions, limits. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmark-gfm.h>

#include "article.h"
#include "diag.h"
#include "t.h"

struct run {
	char	*msgs;
	size_t	 len;
	int	 rc, nerr, nwarn;
};

static void
parse_n(struct article *a, struct run *r, const char *text, size_t len)
{
	struct diag	 d = { 0 };
	FILE		*f;

	free(r->msgs);
	memset(r, 0, sizeof(*r));
	if ((f = open_memstream(&r->msgs, &r->len)) == NULL) {
		perror("open_memstream");
		exit(1);
	}
	d.out = f;
	r->rc = article_parse(a, "leaflets/a.md", text, len, &d);
	fclose(f);
	r->nerr = d.nerr;
	r->nwarn = d.nwarn;
}

static void
parse(struct article *a, struct run *r, const char *text)
{
	parse_n(a, r, text, strlen(text));
}

/* The first node of a type in document order, or NULL. */
static cmark_node *
find(cmark_node *doc, cmark_node_type type)
{
	cmark_iter		*it;
	cmark_event_type	 ev;
	cmark_node		*n, *found = NULL;

	it = cmark_iter_new(doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == type) {
			found = n;
			break;
		}
	}
	cmark_iter_free(it);
	return found;
}

/* How deep the deepest node of a type is (the document is 1), or 0. */
static int
depth_of(cmark_node *doc, cmark_node_type type)
{
	cmark_iter		*it;
	cmark_event_type	 ev;
	cmark_node		*n, *p;
	int			 depth, max = 0;

	it = cmark_iter_new(doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(n) != type)
			continue;
		for (depth = 0, p = n; p != NULL; p = cmark_node_parent(p))
			depth++;
		if (depth > max)
			max = depth;
	}
	cmark_iter_free(it);
	return max;
}

/* frontmatter_split on a string: returns its result, sets off/len. */
static long
split(const char *s, size_t *off, size_t *len)
{
	*off = *len = 999;
	return frontmatter_split(s, strlen(s), off, len);
}

static void
test_split(void)
{
	const char	*s;
	size_t		 off, len;
	long		 n;

	n = split("# Title\n\nText\n", &off, &len);
	T_EQ_INT(n, 0, "no front matter: 0");
	T_OK(off == 0 && len == 0, "no front matter: no YAML");
	T_EQ_INT(split("", &off, &len), 0, "empty text: no front matter");
	T_EQ_INT(split("--- \ntitle: A\n---\n", &off, &len), 0,
	    "'--- ' with a blank is not a delimiter");
	T_EQ_INT(split("----\ntitle: A\n----\n", &off, &len), 0,
	    "'----' is not a delimiter");
	T_EQ_INT(split("\n---\ntitle: A\n---\n", &off, &len), 0,
	    "front matter only on the first line");
	T_EQ_INT(split("...\ntitle: A\n...\n", &off, &len), 0,
	    "'...' does not open front matter");

	s = "---\ntitle: A\n---\nBody\n";
	n = split(s, &off, &len);
	T_EQ_INT(n, 17, "front matter: length with both delimiters");
	T_EQ_INT(off, 4, "front matter: YAML starts after '---'");
	T_EQ_INT(len, 9, "front matter: YAML length");
	T_EQ_STR(s + n, "Body\n", "front matter: body follows");

	n = split("---\ntitle: A\n...\nBody\n", &off, &len);
	T_EQ_INT(n, 17, "front matter closed by '...'");
	T_EQ_INT(len, 9, "front matter closed by '...': YAML length");

	n = split("---\n---\nBody", &off, &len);
	T_EQ_INT(n, 8, "empty front matter: length");
	T_OK(off == 4 && len == 0, "empty front matter: no YAML");

	n = split("---\ntitle: A\n---", &off, &len);
	T_EQ_INT(n, 16, "closing delimiter at the end without newline");

	n = split("---\ntitle: A\n--- x\n---\n", &off, &len);
	T_EQ_INT(n, 23, "'--- x' does not close front matter");
	T_EQ_INT(len, 15, "'--- x' stays in the YAML");

	T_EQ_INT(split("---\ntitle: A\n", &off, &len), -1,
	    "unclosed front matter: -1");
	T_EQ_INT(split("---", &off, &len), -1, "lone '---': -1");
	T_EQ_INT(split("---\n", &off, &len), -1, "lone '---' line: -1");

	s = "\xEF\xBB\xBF---\ntitle: A\n---\nBody\n";
	n = split(s, &off, &len);
	T_EQ_INT(n, 20, "BOM: the length includes it");
	T_EQ_INT(off, 7, "BOM: YAML offset");
	T_EQ_INT(len, 9, "BOM: YAML length");
	T_EQ_INT(split("\xEF\xBB\xBF# Title\n", &off, &len), 0,
	    "BOM without front matter: 0");

	s = "---\r\ntitle: A\r\n---\r\nBody\r\n";
	n = split(s, &off, &len);
	T_EQ_INT(n, 20, "CRLF: length");
	T_EQ_INT(off, 5, "CRLF: YAML offset");
	T_EQ_INT(len, 10, "CRLF: YAML length");
	T_EQ_STR(s + n, "Body\r\n", "CRLF: body follows");
}

static const char full[] =
    "---\n"
    "title: Botulinum toxin injections\n"
    "subtitle: Information for patients\n"
    "leaflet_id: NEU-014\n"
    "version: 1.0\n"
    "published: 2026-11-01\n"
    "review: 2028-02-29\n"
    "author: Movement Disorders Team\n"
    "lang: cy\n"
    "keywords: [botox, dystonia]\n"
    "---\n"
    "\n"
    "# What is it?\n"
    "\n"
    "Some *text*.\n";

static void
test_frontmatter(void)
{
	struct article	 a;
	struct run	 r = { 0 };
	cmark_node	*h;

	parse(&a, &r, full);
	T_EQ_INT(r.rc, 0, "front matter: parses");
	T_EQ_STR(r.msgs, "", "front matter: no messages");
	T_EQ_STR(a.file, "leaflets/a.md", "article: file");
	T_EQ_STR(a.dir, "leaflets", "article: dir");
	T_EQ_STR(a.slug, "a", "article: slug");
	T_EQ_INT(a.len, sizeof(full) - 1, "article: length");
	T_OK(a.buf != NULL && a.buf != full && strcmp(a.buf, full) == 0,
	    "article: a copy of the text");
	T_EQ_STR(a.title, "Botulinum toxin injections", "front matter: title");
	T_EQ_STR(a.subtitle, "Information for patients",
	    "front matter: subtitle");
	T_EQ_STR(a.leaflet_id, "NEU-014", "front matter: leaflet_id");
	T_EQ_STR(a.version, "1.0", "front matter: a number keeps its text");
	T_EQ_STR(a.published, "2026-11-01", "front matter: published");
	T_EQ_STR(a.review, "2028-02-29", "front matter: leap day");
	T_EQ_STR(a.author, "Movement Disorders Team", "front matter: author");
	T_EQ_STR(a.lang, "cy", "front matter: lang");
	T_EQ_INT(a.body_line, 12, "front matter: body_line");
	h = find(a.doc, CMARK_NODE_HEADING);
	T_OK(h != NULL, "front matter: the body has a heading");
	T_EQ_INT(article_line(&a, h), 13, "heading: its line in the file");
	T_EQ_INT(article_line(&a, find(a.doc, CMARK_NODE_EMPH)), 15,
	    "inline node: its line in the file");
	article_free(&a);

	parse(&a, &r, "---\ntitle: \"Quoted: yes\"\n---\nText\n");
	T_EQ_STR(a.title, "Quoted: yes", "quoted title");
	T_EQ_STR(a.lang, "en", "lang defaults to en");
	T_EQ_INT(a.body_line, 4, "short front matter: body_line");
	article_free(&a);

	parse(&a, &r, "---\r\ntitle: A\r\n---\r\n# H\r\n");
	T_EQ_INT(r.rc, 0, "CRLF front matter: parses");
	T_EQ_STR(a.title, "A", "CRLF front matter: no CR in values");
	T_EQ_INT(article_line(&a, find(a.doc, CMARK_NODE_HEADING)), 4,
	    "CRLF front matter: heading line");
	article_free(&a);

	parse(&a, &r, "\xEF\xBB\xBF---\ntitle: A\n---\n# H\n");
	T_EQ_STR(a.title, "A", "BOM front matter: title");
	T_EQ_INT(a.body_line, 4, "BOM front matter: body_line");
	article_free(&a);

	parse(&a, &r, "---\n---\n# H\n");
	T_EQ_INT(r.rc, 0, "empty front matter: parses");
	T_OK(a.title == NULL, "empty front matter: no title");
	T_EQ_INT(a.body_line, 3, "empty front matter: body_line");
	article_free(&a);

	parse(&a, &r, "---\ntitle:\nauthor: \"\"\n---\n");
	T_OK(a.title == NULL && a.author == NULL, "empty values: absent");
	T_EQ_STR(r.msgs, "", "empty values: no messages");
	article_free(&a);
	free(r.msgs);
}

static void
test_frontmatter_errors(void)
{
	struct article	 a;
	struct run	 r = { 0 };

	parse(&a, &r, "---\ntitle: A\npublished: 2026-13-01\n---\nText\n");
	T_EQ_INT(r.rc, -1, "bad month: fails");
	T_EQ_STR(r.msgs, "leaflets/a.md:3:12: error: malformed date "
	    "'2026-13-01': expected YYYY-MM-DD\n", "bad month: message");
	T_OK(a.published == NULL, "bad date: not kept");
	T_EQ_STR(a.title, "A", "bad date: the rest is read");
	T_OK(find(a.doc, CMARK_NODE_PARAGRAPH) != NULL,
	    "bad date: the body is parsed");
	article_free(&a);

	parse(&a, &r, "---\nreview: 2026-02-29\n---\n");
	T_EQ_STR(r.msgs, "leaflets/a.md:2:9: error: malformed date "
	    "'2026-02-29': expected YYYY-MM-DD\n", "not a leap year");
	article_free(&a);
	parse(&a, &r, "---\nreview: 2000-02-29\n---\n");
	T_EQ_STR(r.msgs, "", "2000 is a leap year");
	article_free(&a);
	parse(&a, &r, "---\nreview: 1900-02-29\n---\n");
	T_EQ_INT(r.nerr, 1, "1900 is not a leap year");
	article_free(&a);
	parse(&a, &r, "---\nreview: 2026-04-31\n---\n");
	T_EQ_INT(r.nerr, 1, "April has 30 days");
	article_free(&a);
	parse(&a, &r, "---\nreview: 2026-1-01\n---\n");
	T_EQ_INT(r.nerr, 1, "one-digit month");
	article_free(&a);
	parse(&a, &r, "---\nreview: 2026-01-00\n---\n");
	T_EQ_INT(r.nerr, 1, "day 0");
	article_free(&a);
	parse(&a, &r, "---\nreview: 2026-01-01T10:00\n---\n");
	T_EQ_INT(r.nerr, 1, "a time after the date");
	article_free(&a);
	parse(&a, &r, "---\nreview: 01/02/2026\n---\n");
	T_EQ_INT(r.nerr, 1, "a date in another form");
	article_free(&a);

	parse(&a, &r, "---\ntitel: A\nkeywords: [a, b]\n---\n");
	T_EQ_INT(r.rc, -1, "a typo of a key: an error");
	T_EQ_STR(r.msgs, "leaflets/a.md:2:1: error: unknown key 'titel': "
	    "did you mean 'title'?\n", "a typo of a key: the key meant");
	T_EQ_STR(a.keywords, "a, b", "keywords: a list, joined");
	article_free(&a);

	parse(&a, &r, "---\nkeywords: dystonia, botox\ncaptions: true\n---\n");
	T_EQ_STR(a.keywords, "dystonia, botox", "keywords: a string");
	T_EQ_INT(a.captions, 1, "captions: true");
	article_free(&a);

	parse(&a, &r, "---\nkeywords: { a: b }\n---\n");
	T_EQ_STR(r.msgs, "leaflets/a.md:2:11: error: expected a list for "
	    "'keywords', found a mapping\n", "keywords: a mapping is an error");
	article_free(&a);

	parse(&a, &r, "---\ntitle: [a, b]\n---\n");
	T_EQ_STR(r.msgs, "leaflets/a.md:2:8: error: expected a string for "
	    "'title', found a list\n", "title as a list: message");
	article_free(&a);

	parse(&a, &r, "---\ntitle: A\ntitle: B\n---\n");
	T_EQ_STR(r.msgs, "leaflets/a.md:3:1: error: duplicate key 'title'\n",
	    "duplicate key: message");
	article_free(&a);

	parse(&a, &r, "---\n- a\n---\n");
	T_EQ_STR(r.msgs, "leaflets/a.md:1:1: warning: '---' opens no front "
	    "matter (its block is a list, not keys and values): read as "
	    "Markdown\n", "front matter not a mapping: a warning");
	T_OK(find(a.doc, CMARK_NODE_LIST) != NULL,
	    "front matter not a mapping: read as Markdown");
	article_free(&a);

	/* CommonMark spec example 96: a break and two setext headings */
	parse(&a, &r, "---\nFoo\n---\nBar\n---\nBaz\n");
	T_EQ_INT(r.rc, 0, "spec example 96: not an error");
	T_OK(find(a.doc, CMARK_NODE_THEMATIC_BREAK) != NULL &&
	    find(a.doc, CMARK_NODE_HEADING) != NULL &&
	    article_line(&a, find(a.doc, CMARK_NODE_HEADING)) == 2,
	    "spec example 96: a break, then a heading on line 2");
	article_free(&a);

	parse(&a, &r, "---\ntitle: A\nauthor: [x\n---\n# H\n");
	T_EQ_INT(r.rc, -1, "malformed YAML: fails");
	T_EQ_STR(r.msgs, "leaflets/a.md:4:1: error: did not find expected "
	    "',' or ']' (while parsing a flow sequence at line 3)\n",
	    "malformed YAML: lines counted in the article");
	T_EQ_INT(article_line(&a, find(a.doc, CMARK_NODE_HEADING)), 5,
	    "malformed YAML: the body is still parsed");
	article_free(&a);

	parse(&a, &r, "---\ntitle: A\n");
	T_EQ_INT(r.rc, 0, "unclosed front matter: not an error");
	T_EQ_STR(r.msgs, "leaflets/a.md:1:1: warning: '---' opens no front "
	    "matter (no '---' line closes it): read as Markdown\n",
	    "unclosed front matter: message");
	T_OK(a.title == NULL &&
	    find(a.doc, CMARK_NODE_THEMATIC_BREAK) != NULL &&
	    find(a.doc, CMARK_NODE_PARAGRAPH) != NULL,
	    "unclosed front matter: a break and a paragraph");
	article_free(&a);
	free(r.msgs);
}

/* Each row type of the front matter's table, read and refused. */
static void
test_rows(void)
{
	struct article	 a;
	struct run	 r = { 0 };

	parse(&a, &r, "---\ncaptions: maybe\n---\n");
	T_EQ_INT(r.rc, -1, "bool row: a bad value fails");
	T_EQ_STR(r.msgs, "leaflets/a.md:2:11: error: 'maybe' for 'captions': "
	    "expected true or false\n", "bool row: message at the value");
	T_EQ_INT(a.captions, 0, "bool row: a bad value is not kept");
	article_free(&a);

	parse(&a, &r, "---\ncaptions: true\ncaptions: false\n---\n");
	T_EQ_STR(r.msgs, "leaflets/a.md:3:1: error: duplicate key "
	    "'captions'\n", "bool row: duplicate key");
	T_EQ_INT(a.captions, 1, "bool row: the first value stands");
	article_free(&a);

	parse(&a, &r, "---\ntitle: A\nsubtitle: {a: b}\n---\n");
	T_EQ_STR(r.msgs, "leaflets/a.md:3:11: error: expected a string for "
	    "'subtitle', found a mapping\n", "string row: a mapping");
	T_OK(a.subtitle == NULL, "string row: a bad value is not kept");
	article_free(&a);

	parse(&a, &r, "---\nlang: de\n  \npublished: 2026-11-1\n---\n");
	T_EQ_STR(r.msgs, "leaflets/a.md:4:12: error: malformed date "
	    "'2026-11-1': expected YYYY-MM-DD\n", "date row: message");
	T_EQ_STR(a.lang, "de", "string row: lang");
	article_free(&a);

	parse(&a, &r, "---\nkeywords: [a, [b], \"\", c]\n---\n");
	T_EQ_STR(r.msgs, "leaflets/a.md:2:15: error: expected a string for "
	    "'keywords', found a list\n", "joined row: a list in the list");
	T_EQ_STR(a.keywords, "a, c", "joined row: bad and empty items left out");
	article_free(&a);

	parse(&a, &r, "---\nkeywords: \"\"\n---\n");
	T_EQ_STR(a.keywords, "", "joined row: an empty string is kept");
	article_free(&a);

	parse(&a, &r, "---\nsummary: A\n---\n");
	T_EQ_INT(r.nwarn, 1, "unknown key: one warning");
	T_EQ_STR(r.msgs, "leaflets/a.md:2:1: warning: unknown key 'summary' "
	    "ignored\n", "unknown key: far from any, a warning");
	article_free(&a);
	parse(&a, &r, "---\nTitle: A\n---\n");
	T_EQ_STR(r.msgs, "leaflets/a.md:2:1: error: unknown key 'Title': "
	    "did you mean 'title'?\n", "keys are case-sensitive; the "
	    "suggestion is not");
	T_OK(a.title == NULL, "unknown key: nothing kept");
	article_free(&a);

	parse(&a, &r, "---\n[a]: 1\n---\n");
	T_EQ_STR(r.msgs, "leaflets/a.md:2:1: error: expected a string as "
	    "key, found a list\n", "a list as key: message");
	article_free(&a);
	free(r.msgs);
}

static void
test_body(void)
{
	struct article	 a;
	struct run	 r = { 0 };
	cmark_node	*n;

	parse(&a, &r, "# Title\n\nText with \"quotes\" -- and more.\n");
	T_EQ_INT(r.rc, 0, "no front matter: parses");
	T_EQ_INT(a.body_line, 1, "no front matter: body_line 1");
	T_OK(a.title == NULL && a.published == NULL,
	    "no front matter: no values");
	T_EQ_STR(a.lang, "en", "no front matter: lang en");
	n = find(a.doc, CMARK_NODE_HEADING);
	T_EQ_INT(article_line(&a, n), 1, "no front matter: heading line 1");
	n = find(a.doc, CMARK_NODE_PARAGRAPH);
	T_EQ_INT(article_line(&a, n), 3, "no front matter: paragraph line 3");
	T_EQ_STR(cmark_node_get_literal(cmark_node_first_child(n)),
	    "Text with \xE2\x80\x9Cquotes\xE2\x80\x9D \xE2\x80\x93 and more.",
	    "smart punctuation");
	article_free(&a);

	parse(&a, &r, "\xEF\xBB\xBF# Title\n");
	n = find(a.doc, CMARK_NODE_HEADING);
	T_OK(n != NULL, "BOM without front matter: heading");
	T_EQ_STR(cmark_node_get_literal(cmark_node_first_child(n)), "Title",
	    "BOM without front matter: not in the text");
	article_free(&a);

	parse(&a, &r, "");
	T_EQ_INT(r.rc, 0, "empty article: parses");
	T_OK(a.doc != NULL, "empty article: a document");
	article_free(&a);

	T_EQ_INT(article_line(&a, NULL), 0, "article_line of NULL");
	free(r.msgs);
}

static void
test_text(void)
{
	struct article	 a;
	struct run	 r = { 0 };
	static const char nul[] = "# Title\n\nab\0c\n";

	parse(&a, &r, "---\ntitle: A\n---\n\n\xC3\xA9\xC3\xA9 \xC3\x28\n");
	T_EQ_INT(r.rc, -1, "invalid UTF-8: fails");
	T_EQ_STR(r.msgs, "leaflets/a.md:5:4: error: invalid UTF-8\n",
	    "invalid UTF-8: position");
	T_OK(a.title == NULL, "invalid UTF-8: front matter not read");
	T_OK(a.doc != NULL, "invalid UTF-8: still a document");
	article_free(&a);

	parse_n(&a, &r, nul, sizeof(nul) - 1);
	T_EQ_INT(r.rc, 0, "NUL byte: not an error");
	T_EQ_STR(r.msgs, "leaflets/a.md:3:3: warning: NUL byte read as "
	    "U+FFFD\n", "NUL byte: position");
	T_EQ_STR(cmark_node_get_literal(cmark_node_first_child(
	    cmark_node_last_child(a.doc))),
	    "ab\xEF\xBF\xBD" "c", "NUL byte: U+FFFD in its place");
	article_free(&a);
	free(r.msgs);
}

/* A string of n copies of s, then tail. */
static char *
rep(const char *s, size_t n, const char *tail)
{
	size_t	 k = strlen(s), i;
	char	*b;

	if ((b = malloc(k * n + strlen(tail) + 1)) == NULL)
		exit(1);
	for (i = 0; i < n; i++)
		memcpy(b + i * k, s, k);
	strcpy(b + k * n, tail);
	return b;
}

static void
test_limits(void)
{
	struct article	 a;
	struct run	 r = { 0 };
	char		*s, *big;

	s = rep("> ", 40, "x\n");
	parse(&a, &r, s);
	/* Each '>' counts 1 and each blank half: 22 and 11 at column 44. */
	T_EQ_STR(r.msgs, "leaflets/a.md:1:44: warning: nested too deeply: "
	    "more than 32 levels; deeper ones are flattened\n",
	    "40 quotes on a line: a warning");
	/* "> " counts one and a half: 22 quotes kept */
	T_EQ_INT(depth_of(a.doc, CMARK_NODE_PARAGRAPH), 24,
	    "40 quotes on a line: 22 quotes kept");
	article_free(&a);
	free(s);

	s = rep("> ", 20, "x\n");
	parse(&a, &r, s);
	T_EQ_INT(r.rc, 0, "20 quotes: accepted");
	article_free(&a);
	free(s);

	/* The case that takes cmark-gfm, as cmark, minutes at 100 times this. */
	s = rep("- ", 300, "x\n");
	big = rep("\n", 3000, "");
	s = realloc(s, strlen(s) + strlen(big) + 1);
	strcat(s, big);
	parse(&a, &r, s);
	T_OK(r.nerr == 0 && r.nwarn == 1,
	    "deep list and blank lines: one warning");
	/* "- " counts one and a half: 21 lists, each a list and an item */
	T_EQ_INT(depth_of(a.doc, CMARK_NODE_PARAGRAPH), 44,
	    "deep list and blank lines: 21 lists kept");
	article_free(&a);
	free(s);
	free(big);

	s = rep("![[]()", 6000, "");
	parse(&a, &r, s);
	T_EQ_INT(r.nerr, 0, "'![[]()' repeated: not an error");
	T_OK(strstr(r.msgs, "leaflets/a.md:1:30002: warning: more than 10000 "
	    "'[': the rest are read as plain text\n") == r.msgs,
	    "'![[]()' repeated: a warning at the first '[' past the limit");
	article_free(&a);
	free(s);

	s = rep("[a](b) ", 10000, "\n");
	parse(&a, &r, s);
	T_EQ_INT(r.rc, 0, "10000 links: accepted");
	article_free(&a);
	free(s);

	s = rep("*a **a ", 20, "b");
	big = rep(" a** a*", 20, "\n");
	s = realloc(s, strlen(s) + strlen(big) + 1);
	strcat(s, big);
	parse(&a, &r, s);
	T_EQ_INT(r.rc, 0, "40 nested emphases: accepted");
	T_OK(find(a.doc, CMARK_NODE_STRONG) != NULL, "40 nested emphases: "
	    "parsed as such");
	article_free(&a);
	free(s);
	free(big);
	s = rep("*a **a ", 100, "b");
	big = rep(" a** a*", 100, "\n");
	s = realloc(s, strlen(s) + strlen(big) + 1);
	strcat(s, big);
	parse(&a, &r, s);
	T_EQ_STR(r.msgs, "leaflets/a.md:1: warning: nested too deeply: more "
	    "than 80 levels; the deeper emphasis and links are dropped\n",
	    "200 nested emphases: a warning");
	T_EQ_INT(depth_of(a.doc, CMARK_NODE_TEXT), 80,
	    "200 nested emphases: the text kept, 80 deep");
	article_free(&a);
	free(s);
	free(big);

	big = rep("x", ARTICLE_MAXLEN + 1, "");
	parse(&a, &r, big);
	T_EQ_STR(r.msgs, "leaflets/a.md: error: article too large: more than "
	    "1048576 bytes\n", "too large: refused");
	article_free(&a);
	free(big);
	free(r.msgs);
}

/*
 * The limits that keep cmark-gfm's extensions linear (article.h): past
 * them the text is read less richly, with a warning, never refused.
 */
static void
test_gfm_limits(void)
{
	struct article	 a;
	struct run	 r = { 0 };
	char		*s, *big;

	s = rep("|-", 65, "|\n");
	parse(&a, &r, s);
	T_EQ_STR(r.msgs, "leaflets/a.md:1:1: warning: a table of more than 64 "
	    "columns: the article's tables are read as text\n",
	    "a 65-column table: a warning");
	T_OK(r.rc == 0 && find(a.doc, CMARK_NODE_TABLE) == NULL,
	    "a 65-column table: read as text");
	article_free(&a);
	free(s);

	/* A wide header over short rows: each row filled out to it. */
	s = rep("|a", 32, "|\n");
	big = rep("|-", 32, "|\n");
	s = realloc(s, strlen(s) + strlen(big) + 1);
	strcat(s, big);
	free(big);
	big = rep("a|\n", 2000, "");
	s = realloc(s, strlen(s) + strlen(big) + 1);
	strcat(s, big);
	parse(&a, &r, s);
	/* 32 columns: too many at its 1563rd row */
	T_EQ_STR(r.msgs, "leaflets/a.md:1565:1: warning: a table of more than "
	    "50000 cells: the article's tables are read as text\n",
	    "32 columns over 2000 rows: a warning");
	T_OK(r.rc == 0 && find(a.doc, CMARK_NODE_TABLE) == NULL,
	    "32 columns over 2000 rows: read as text");
	article_free(&a);
	free(s);
	free(big);

	s = rep("|a", 32, "|\n");
	big = rep("|-", 32, "|\n");
	s = realloc(s, strlen(s) + strlen(big) + 1);
	strcat(s, big);
	free(big);
	big = rep("a|\n", 1000, "\n");
	s = realloc(s, 2 * strlen(s) + 2 * strlen(big) + 1);
	strcat(s, big);
	strcat(s, big);		/* 2000 rows, but a blank line ends the table */
	parse(&a, &r, s);
	T_EQ_INT(r.rc, 0, "a blank line ends a table's count");
	T_OK(find(a.doc, CMARK_NODE_TABLE) != NULL, "a table is parsed");
	article_free(&a);
	free(s);
	free(big);

	s = rep("a|", 300, "\n");
	parse(&a, &r, s);
	T_EQ_STR(r.msgs, "leaflets/a.md:1:514: warning: more than 256 '|' on a "
	    "line: the rest are read as plain text\n",
	    "300 pipes on a line: a warning");
	T_EQ_INT(r.rc, 0, "300 pipes on a line: read");
	article_free(&a);
	free(s);

	s = rep("x@a.", 600, "\n");
	parse(&a, &r, s);
	T_EQ_STR(r.msgs, "leaflets/a.md:1:2002: warning: more than 500 '@': "
	    "web and mail addresses are not made links\n",
	    "600 '@': a warning");
	T_OK(r.rc == 0 && find(a.doc, CMARK_NODE_LINK) == NULL,
	    "600 '@': no address made a link");
	article_free(&a);
	free(s);

	s = rep("x@a.org ", 100, "\n");
	parse(&a, &r, s);
	T_EQ_INT(r.rc, 0, "100 email addresses: accepted");
	T_OK(find(a.doc, CMARK_NODE_LINK) != NULL, "an email address is "
	    "a link");
	article_free(&a);
	free(s);
	free(r.msgs);
}

static void
test_load(void)
{
	struct article	 a;
	struct diag	 d = { 0 };
	char		*msgs = NULL, path[] = "/tmp/leafpress-test-XXXXXX";
	size_t		 len = 0;
	FILE		*f;
	int		 fd, rc;

	if ((fd = mkstemp(path)) == -1 ||
	    write(fd, full, sizeof(full) - 1) != (ssize_t)sizeof(full) - 1) {
		perror("test file");
		exit(1);
	}
	close(fd);
	f = open_memstream(&msgs, &len);
	d.out = f;
	rc = article_load(&a, path, &d);
	fclose(f);
	T_EQ_INT(rc, 0, "article from a file: parses");
	T_EQ_STR(msgs, "", "article from a file: no messages");
	T_EQ_STR(a.title, "Botulinum toxin injections",
	    "article from a file: title");
	article_free(&a);
	unlink(path);
	free(msgs);

	msgs = NULL;
	f = open_memstream(&msgs, &len);
	d.out = f;
	rc = article_load(&a, path, &d);
	fclose(f);
	T_EQ_INT(rc, -1, "missing article: fails");
	T_OK(msgs != NULL && strstr(msgs, ": error: cannot read: No such file "
	    "or directory\n") != NULL, "missing article: message");
	T_OK(a.doc == NULL && a.file == NULL, "missing article: zeroed");
	article_free(&a);
	free(msgs);
}

int
main(void)
{
	T_PLAN(159);
	test_split();
	test_frontmatter();
	test_frontmatter_errors();
	test_rows();
	test_body();
	test_text();
	test_limits();
	test_gfm_limits();
	test_load();
	T_DONE();
}
