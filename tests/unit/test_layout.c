/*
 * Layout and pagination rules, through the real pipeline in memory:
 * article text -> document -> pages.  For a sliding amount of filler
 * before each construct, every page break is checked against the rules:
 * no heading last on a page, at least two lines of a paragraph on each
 * side of a break, callouts and images whole, nothing outside the frame,
 * no two lines on top of each other.
 */
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "document.h"
#include "fonts.h"
#include "layout.h"
#include "leaflet.h"
#include "pages.h"
#include "profile.h"
#include "t.h"
#include "xalloc.h"

static const char profile_yaml[] =
    "name: Test Clinic\ncontact: { phone: \"0100 000000\" }\npaper: a4\n";

struct built {
	struct article	 a;
	struct profile	 p;
	struct leaflet	 lf;
};

/* Through leaflet_render, the pipeline's one door, up to the pages. */
static int
build(struct built *b, struct build *ctx, const char *md)
{
	struct leaflet_opts o = { .layout_only = 1 };

	memset(b, 0, sizeof(*b));
	if (profile_parse(&b->p, "t.yaml", profile_yaml, strlen(profile_yaml),
	    ctx->d) == -1 || article_parse(&b->a, "tests/e2e/t.md", md, strlen(md),
	    ctx->d) == -1)
		return -1;
	return leaflet_render(ctx, &b->p, &b->a, &o, &b->lf);
}

static void
unbuild(struct built *b)
{
	leaflet_free(&b->lf);
	article_free(&b->a);
	profile_free(&b->p);
}

/* The body blocks' text lines on a page, in order: block of each line. */
static size_t
lines_of(const struct page *pg, int *blk, float *base, size_t max)
{
	size_t i, n = 0;

	for (i = 0; i < pg->nitems && n < max; i++) {
		const struct item *it = &pg->items[i];

		if (it->kind != IT_TEXT || it->block < 0)
			continue;
		if (n > 0 && blk[n - 1] == it->block && base[n - 1] == it->y)
			continue;	/* more of the same line */
		blk[n] = it->block;
		base[n++] = it->y;
	}
	return n;
}

struct verdict {
	int	stranded;	/* a heading last on a page */
	int	widow;		/* a paragraph with one line on a side of a break */
	int	split_box;	/* a callout or image across a break */
	int	outside;	/* an item outside the margins */
	int	overlap;	/* two lines closer than their size */
	int	hyphen;		/* a page ending in a hyphenated word */
};

static void
judge(const struct built *b, struct verdict *v)
{
	int blk[2][512];
	float base[2][512];
	size_t n[2], p, i;
	const struct document *doc = &b->lf.doc;

	memset(v, 0, sizeof(*v));
	for (p = 0; p < b->lf.pages.n; p++) {
		const struct page *pg = &b->lf.pages.v[p];
		int cur = p % 2, prev = !cur;

		for (i = 0; i < pg->nitems; i++) {
			const struct item *it = &pg->items[i];

			if (it->x < 36 || it->x + it->w > b->lf.pages.width - 36 ||
			    it->y < 20 || it->y + it->h > b->lf.pages.height - 20)
				v->outside++;
		}
		n[cur] = lines_of(pg, blk[cur], base[cur], 512);
		for (i = 1; i < n[cur]; i++)
			if (base[cur][i - 1] - base[cur][i] < 12.0f)
				v->overlap++;
		if (n[cur] == 0 || p == 0)
			continue;
		/* the break between page p - 1 and page p */
		{
			int last = blk[prev][n[prev] - 1], first = blk[cur][0];
			size_t before = 0, after = 0;

			if (doc->blocks[last].role == ROLE_H ||
			    doc->blocks[last].keep_next)
				v->stranded++;
			if (last == first) {
				const struct page *pp = &b->lf.pages.v[p - 1];
				const char *tx = NULL;

				for (i = 0; i < pp->nitems; i++)
					if (pp->items[i].kind == IT_TEXT &&
					    pp->items[i].block == last)
						tx = pp->items[i].text;
				if (tx != NULL && tx[strlen(tx) - 1] == '-')
					v->hyphen++;
				for (i = n[prev]; i-- > 0 && blk[prev][i] == last;)
					before++;
				for (i = 0; i < n[cur] && blk[cur][i] == first; i++)
					after++;
				if (before < 2 || after < 2)
					v->widow++;
			}
			if (doc->blocks[last].callout != 0 &&
			    doc->blocks[last].callout == doc->blocks[first].callout &&
			    doc->blocks[last].callout <= (int)doc->ncallouts &&
			    doc->callouts[doc->blocks[last].callout - 1].kind !=
			    CALLOUT_CODE)
				v->split_box++;
		}
	}
}

static char *
filler(int lines, const char *tail)
{
	char *s = xstrdup("---\ntitle: Pagination\n---\n\n"), *t;
	int i;

	for (i = 0; i < lines; i++) {
		t = xasprintf("%sLine %d of filler that is short.\n\n", s, i);
		free(s);
		s = t;
	}
	t = xasprintf("%s%s", s, tail);
	free(s);
	return t;
}

static const char para[] =
    "A paragraph long enough to need several lines on the page, written "
    "so that it runs over five or six lines at twelve point on A4, which "
    "is what the widow and orphan rules are about: a break inside it must "
    "leave at least two lines at the foot of one page and two at the head "
    "of the next, never one alone. More words follow here to make it long "
    "enough, and then a few more, so that it really is a long paragraph.\n\n";

static const char long_words[] =
    "Physiotherapists recommend individualised rehabilitation programmes "
    "alongside pharmacological interventions; electrophysiological "
    "investigations, neuroradiological examinations and multidisciplinary "
    "consultations characterise comprehensive neurological assessments, "
    "whereas anticholinergic medications occasionally precipitate "
    "uncomfortable gastrointestinal disturbances.\n\n";

/* Lines of body text that end in a hyphen, over all pages. */
static int
count_hyphens(const struct built *b)
{
	size_t p, i;
	int n = 0;

	for (p = 0; p < b->lf.pages.n; p++)
		for (i = 0; i < b->lf.pages.v[p].nitems; i++) {
			const struct item *it = &b->lf.pages.v[p].items[i];

			if (it->kind == IT_TEXT && it->block >= 0 &&
			    it->text[0] != '\0' &&
			    it->text[strlen(it->text) - 1] == '-')
				n++;
		}
	return n;
}

/*
 * The tag of the first item of a kind (with that text, if given); kind
 * -1 finds the first item still untagged.  -1 when there is none.
 */
static int
tag_of(const struct built *b, int kind, const char *text)
{
	const struct item *it;
	size_t p, i;

	for (p = 0; p < b->lf.pages.n; p++)
		for (i = 0; i < b->lf.pages.v[p].nitems; i++) {
			it = &b->lf.pages.v[p].items[i];
			if (kind == -1 && it->tag == TAG_AUTO)
				return (int)it->tag;
			if ((int)it->kind == kind && (text == NULL ||
			    (it->text != NULL && strcmp(it->text, text) == 0)))
				return (int)it->tag;
		}
	return -1;
}

static int
level_of(const struct built *b, const char *text)
{
	size_t p, i;

	for (p = 0; p < b->lf.pages.n; p++)
		for (i = 0; i < b->lf.pages.v[p].nitems; i++)
			if (b->lf.pages.v[p].items[i].text != NULL &&
			    strcmp(b->lf.pages.v[p].items[i].text, text) == 0)
				return b->lf.pages.v[p].items[i].level;
	return -1;
}

/* The containers around the block of the item with that text. */
static const char *
nesting(const struct built *b, const char *text)
{
	static const char *const names[] = {
		"list", "item", "quote", "note", "table"
	};
	static char out[256];
	const struct pages *ps = &b->lf.pages;
	size_t p, i;
	int g = -2;

	for (p = 0; p < ps->n && g == -2; p++)
		for (i = 0; i < ps->v[p].nitems && g == -2; i++)
			if (ps->v[p].items[i].text != NULL &&
			    strcmp(ps->v[p].items[i].text, text) == 0 &&
			    ps->v[p].items[i].block >= 0)
				g = ps->parent[ps->v[p].items[i].block];
	if (g == -2)
		return "(no such text)";
	out[0] = '\0';
	for (; g >= 0 && strlen(out) < 200; g = ps->nest[g].parent) {
		if (out[0] != '\0')
			strcat(out, " ");
		strcat(out, names[ps->nest[g].kind]);
	}
	return out;
}

/*
 * A table's rows on the pages: a row whose cells fall on two pages, a
 * page of body rows without the header atop it.
 */
static void
judge_table(const struct built *b, int *split, int *headless, int *pages)
{
	int page_of[64], row, th, td;
	size_t p, i;

	memset(page_of, -1, sizeof(page_of));
	*split = *headless = *pages = 0;
	for (p = 0; p < b->lf.pages.n; p++) {
		th = td = 0;
		for (i = 0; i < b->lf.pages.v[p].nitems; i++) {
			const struct item *it = &b->lf.pages.v[p].items[i];

			/* the header drawn again is not read again */
			if (it->kind == IT_TEXT && it->tag == TAG_ARTIFACT &&
			    it->level == 1)
				th++;
			if (it->tag != TAG_TD && it->tag != TAG_TH)
				continue;
			th += it->tag == TAG_TH;
			td += it->tag == TAG_TD;
			row = it->level;
			if (it->tag == TAG_TH || row < 0 || row >= 64)
				continue;
			if (page_of[row] >= 0 && page_of[row] != (int)p)
				(*split)++;
			page_of[row] = (int)p;
		}
		*headless += td > 0 && th == 0;
		*pages += td > 0;
	}
}

static void
test_tables(struct build *ctx)
{
	struct built b;
	struct verdict v;
	char *md, *rows = xstrdup(""), *t;
	int n, split = 0, headless = 0, outside = 0, pages, across = 0, ok = 1;
	int s, h;

	for (n = 1; n <= 30; n++) {
		t = xasprintf("%s| %d | Visit %d: a check-up and a review of "
		    "side effects | none |\n", rows, n, n);
		free(rows);
		rows = t;
	}
	for (n = 0; n < 40; n += 3) {
		t = xasprintf("| Week | What happens | Notes |\n|--:|---|:-:|"
		    "\n%s", rows);
		md = filler(n, t);
		free(t);
		if (build(&b, ctx, md) == -1)
			ok = 0;
		else {
			judge(&b, &v);
			judge_table(&b, &s, &h, &pages);
			split += s;
			headless += h;
			outside += v.outside;
			across += pages > 1;
		}
		unbuild(&b);
		free(md);
	}
	free(rows);
	T_OK(ok, "tables: 14 sliding layouts build");
	T_OK(across > 10, "tables: most cross a page");
	T_EQ_INT(split, 0, "tables: no row split across pages");
	T_EQ_INT(headless, 0, "tables: the header atop every page of rows");
	T_EQ_INT(outside, 0, "tables: nothing outside the margins");

	md = xstrdup("| Name | Dose |\n|---|---|\n| Paracetamol | 500 mg |\n");
	if (build(&b, ctx, md) == 0) {
		T_EQ_INT(tag_of(&b, IT_TEXT, "Name"), TAG_TH, "tables: header "
		    "cell");
		T_EQ_INT(tag_of(&b, IT_TEXT, "500 mg"), TAG_TD, "tables: cell");
		T_EQ_INT(level_of(&b, "500 mg"), 2, "tables: the cell's row");
		T_EQ_STR(nesting(&b, "500 mg"), "table", "tables: in a table");
	} else
		T_OK(0, "a small table builds");
	unbuild(&b);
	free(md);

	md = xstrdup("| Medicine | When |\n|---|---|\n| Botulinum toxin | every "
	    "4 to 6 hours, no more than four doses in 24 hours, with food or "
	    "after it, and never on an empty stomach |\n");
	T_OK(build(&b, ctx, md) == 0 && tag_of(&b, IT_TEXT,
	    "Botulinum toxin") == TAG_TD, "tables: a short column is not "
	    "broken while a long one can give way");
	unbuild(&b);
	free(md);

	/* a row taller than a page goes in slices, under the header */
	rows = xstrdup("| Item | Description |\n|---|---|\n| tall | ");
	for (n = 0; n < 700; n++) {
		t = xasprintf("%sword%d ", rows, n);
		free(rows);
		rows = t;
	}
	md = xasprintf("%s|\n| after | short |\n", rows);
	free(rows);
	if (build(&b, ctx, md) == 0) {
		judge(&b, &v);
		judge_table(&b, &s, &h, &pages);
		T_OK(pages >= 3 && s > 0 && h == 0 && v.outside == 0,
		    "tables: a row taller than a page is cut, the header "
		    "atop each page");
	} else
		T_OK(0, "a table with a tall row builds");
	unbuild(&b);
	free(md);

	md = xstrdup("| a | b | c | d | e | f |\n|---|---|---|---|---|---|\n"
	    "| Supercalifragilistic | Antidisestablishmentarianism | "
	    "Pneumonoultramicroscopic | Floccinaucinihilipilification | "
	    "Hippopotomonstrosesquippedaliophobia | Otorhinolaryngological |"
	    "\n");
	if (build(&b, ctx, md) == 0) {
		judge(&b, &v);
		T_EQ_INT(v.outside, 0, "too wide a table: inside the margins");
		T_EQ_INT(tag_of(&b, IT_TEXT, ": "), TAG_TD, "too wide a table: "
		    "rows as \"Header: value\" lines");
	} else
		T_OK(0, "a wide table builds");
	unbuild(&b);
	free(md);
}

int
main(void)
{
	struct diag d = { stderr, 0, 0 };
	struct build ctx;
	struct built b;
	struct verdict v, sum;
	char *md, *tail;
	int n, ok = 1, pages2 = 0;

	T_PLAN(55);
	if (build_init(&ctx, "fonts", &d) == -1) {
		T_OK(0, "bundled fonts load");
		T_DONE();
	}
	tail = xasprintf("## A heading that must keep with its text\n\n%s"
	    "> A callout that should never be split across two pages: it "
	    "has a few lines of text so that it is tall enough to matter "
	    "when it falls near the foot of a page.\n\n%s%s"
	    "- an item\n- another item\n\n```\ncode\nblock\n```\n", para,
	    para, para);
	memset(&sum, 0, sizeof(sum));
	for (n = 0; n < 60; n++) {
		md = filler(n, tail);
		if (build(&b, &ctx, md) == -1)
			ok = 0;
		else {
			judge(&b, &v);
			sum.stranded += v.stranded;
			sum.widow += v.widow;
			sum.split_box += v.split_box;
			sum.outside += v.outside;
			sum.overlap += v.overlap;
			sum.hyphen += v.hyphen;
			pages2 += b.lf.pages.n >= 2;
		}
		unbuild(&b);
		free(md);
	}
	T_OK(ok, "60 sliding layouts build");
	T_OK(pages2 > 30, "most of them break across pages");
	T_EQ_INT(sum.stranded, 0, "no heading or kept block last on a page");
	T_EQ_INT(sum.widow, 0, "no paragraph leaves one line on a page");
	T_EQ_INT(sum.split_box, 0, "no callout split across pages");
	T_EQ_INT(sum.outside, 0, "nothing drawn outside the margins");
	T_EQ_INT(sum.overlap, 0, "no lines on top of each other");
	T_EQ_INT(sum.hyphen, 0, "no page ends in a hyphenated word");

	/* Long words hyphenate often: page ends must still never do. */
	{
		int hyphenated = 0, built = 0;

		free(tail);
		tail = xstrdup("");
		for (n = 0; n < 6; n++) {
			char *t = xasprintf("%s%s", tail, long_words);

			free(tail);
			tail = t;
		}
		memset(&sum, 0, sizeof(sum));
		for (n = 0; n < 40; n++) {
			md = filler(n, tail);
			if (build(&b, &ctx, md) == 0) {
				judge(&b, &v);
				sum.hyphen += v.hyphen;
				sum.widow += v.widow;
				hyphenated += count_hyphens(&b);
				built++;
			}
			unbuild(&b);
			free(md);
		}
		/* a layout that fails to build must not pass by being skipped */
		T_EQ_INT(built, 40, "long words: 40 sliding layouts build");
		T_OK(hyphenated > 100, "long words: many lines hyphenated");
		T_EQ_INT(sum.hyphen, 0, "long words: no page ends in a hyphen");
		T_EQ_INT(sum.widow, 0, "long words: no widows or orphans");
		free(tail);
		tail = NULL;
	}

	/* page furniture: every page says which of how many it is */
	md = filler(80, "");
	if (build(&b, &ctx, md) == 0) {
		size_t p, i;
		int found = 0;

		for (p = 0; p < b.lf.pages.n; p++) {
			char *want = xasprintf("Page %zu of %zu", p + 1, b.lf.pages.n);

			for (i = 0; i < b.lf.pages.v[p].nitems; i++)
				if (b.lf.pages.v[p].items[i].kind == IT_TEXT &&
				    strcmp(b.lf.pages.v[p].items[i].text, want) == 0)
					found++;
			free(want);
		}
		T_OK(b.lf.pages.n >= 3, "80 filler lines need three pages");
		T_EQ_INT(found, (long)b.lf.pages.n, "every page has Page X of Y");
	} else
		T_OK(0, "filler builds");
	unbuild(&b);
	free(md);

	/* a word wider than the measure is broken, never overflows */
	md = xstrdup("Supercalifragilisticexpialidocious" "averyveryveryverylongword"
	    "thatkeepsgoingandgoingandgoingwithoutanyspaceatallforeverandever"
	    "https://example.example/a/very/long/path/that/goes/on/and/on\n");
	if (build(&b, &ctx, md) == 0) {
		judge(&b, &v);
		T_EQ_INT(v.outside, 0, "a huge word stays inside the margins");
	} else
		T_OK(0, "huge word builds");
	unbuild(&b);
	free(md);

	/* headings are named as GitHub names them, repeats numbered */
	md = xstrdup("## Side effects\n\n## Side effects\n\n"
	    "## What's next? 3\u2013 4\n\n## Side effects\n");
	if (build(&b, &ctx, md) == 0 && b.lf.pages.nmarks == 4) {
		T_EQ_STR(b.lf.pages.marks[0].slug, "side-effects", "slug");
		T_EQ_STR(b.lf.pages.marks[1].slug, "side-effects-1", "second slug");
		T_EQ_STR(b.lf.pages.marks[2].slug, "whats-next-3-4",
		    "punctuation dropped");
		T_EQ_STR(b.lf.pages.marks[3].slug, "side-effects-2", "third slug");
		T_EQ_INT(b.lf.pages.marks[0].level, 2, "mark level");
	} else
		T_OK(0, "four headings make four marks");
	unbuild(&b);
	free(md);

	/* every item says what it is to a reader */
	md = xstrdup("---\ntitle: Tags\n---\n\n## Heading\n\nSee [the site]"
	    "(https://example.org/x).\n\n- item one\n\n> **Warning:** urgent"
	    "\n\n```\ncode\n```\n\n![a dot](images/dot.png)\n");
	if (build(&b, &ctx, md) == 0) {
		T_EQ_INT(tag_of(&b, IT_TEXT, "Tags"), TAG_H, "title: a heading");
		T_EQ_INT(level_of(&b, "Tags"), 1, "title: level 1");
		T_EQ_INT(tag_of(&b, IT_TEXT, "Heading"), TAG_H, "heading");
		T_EQ_INT(level_of(&b, "Heading"), 2, "heading: its level");
		T_EQ_INT(tag_of(&b, IT_TEXT, "\xe2\x80\xa2"), TAG_LBL,
		    "bullet: a label");
		T_EQ_INT(tag_of(&b, IT_TEXT, "item one"), TAG_LBODY,
		    "item text: a list body");
		T_EQ_INT(tag_of(&b, IT_TEXT, "urgent"), TAG_NOTE,
		    "urgent callout: a note");
		T_EQ_INT(tag_of(&b, IT_TEXT, "code"), TAG_CODE, "code");
		T_EQ_INT(tag_of(&b, IT_TEXT, "a dot"), TAG_FIGURE,
		    "unseen alt text: the figure's");
		T_EQ_INT(tag_of(&b, IT_IMAGE, NULL), TAG_FIGURE, "image");
		T_EQ_INT(tag_of(&b, IT_LINK, NULL), TAG_LINK, "link area");
		T_EQ_INT(tag_of(&b, IT_TEXT, "Page 1 of 1"), TAG_ARTIFACT,
		    "footer: an artifact");
		T_EQ_INT(tag_of(&b, IT_RULE, NULL), TAG_ARTIFACT,
		    "rules: artifacts");
		T_EQ_INT(tag_of(&b, -1, NULL), -1, "no item left untagged");
	} else
		T_OK(0, "tagged article builds");
	unbuild(&b);
	free(md);

	/* a code line too long wraps: no hyphen, its indent, a hook */
	md = xstrdup("```\n    if (x) { call_a_function_with_a_long_name("
	    "argument_one, argument_two, argument_three); }\n"
	    "aVeryLongIdentifierWithoutAnySpacesThatGoesOnAndOnAndOnAndOn"
	    "AndOnAndOnAndOnAndOnAndOnAndOnForeverAndEver\n```\n");
	if (build(&b, &ctx, md) == 0) {
		const struct page *pg = &b.lf.pages.v[0];
		char text[512] = "";
		size_t i, nhooks = 0, ntext = 0;
		float x0 = -1, x1 = -1;
		int code = -1;

		for (i = 0; i < pg->nitems; i++)
			if (pg->items[i].kind == IT_TEXT &&
			    pg->items[i].face == FACE_MONO)
				code = pg->items[i].block;
		for (i = 0; i < pg->nitems; i++) {
			const struct item *it = &pg->items[i];

			if (it->block != code)
				continue;
			if (it->kind == IT_RULE && it->tag == TAG_ARTIFACT)
				nhooks++;
			if (it->kind != IT_TEXT ||
			    strlen(text) + strlen(it->text) >= sizeof(text))
				continue;
			strcat(text, it->text);
			if (ntext == 0)
				x0 = it->x;
			if (ntext++ == 1)
				x1 = it->x;
		}
		T_EQ_STR(text, "    if (x) { call_a_function_with_a_long_name("
		    "argument_one, argument_two, argument_three); }"
		    "aVeryLongIdentifierWithoutAnySpacesThatGoesOnAndOnAndOnAndOn"
		    "AndOnAndOnAndOnAndOnAndOnAndOnForeverAndEver",
		    "wrapped code: every character, none added");
		T_EQ_INT(nhooks, 4, "wrapped code: a hook (two rules) a "
		    "continuation");
		T_OK(x1 - x0 > font_width(&ctx.fonts[FACE_MONO], "    ", 4,
		    10.5f) - 0.01f && x1 - x0 < font_width(&ctx.fonts[FACE_MONO],
		    "    ", 4, 10.5f) + 0.01f,
		    "wrapped code: the continuation keeps the line's indent");
	} else
		T_OK(0, "code builds");
	unbuild(&b);
	free(md);

	/* the nesting the flat list of items leaves out */
	md = xstrdup("- outer\n  - inner\n\n> quoted\n>\n> > deeper\n\n"
	    "> **Warning:** urgent\n\nplain\n");
	if (build(&b, &ctx, md) == 0) {
		T_EQ_STR(nesting(&b, "inner"), "item list item list",
		    "list in list: item, list, item, list");
		T_EQ_STR(nesting(&b, "outer"), "item list", "outer item");
		T_EQ_STR(nesting(&b, "deeper"), "quote quote",
		    "quote in quote");
		T_EQ_STR(nesting(&b, "urgent"), "note", "urgent callout: a note");
		T_EQ_STR(nesting(&b, "plain"), "", "top level: no container");
	} else
		T_OK(0, "nested article builds");
	unbuild(&b);
	free(md);

	test_tables(&ctx);
	build_free(&ctx);
	T_DONE();
}
