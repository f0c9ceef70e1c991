/*
 * A page shape written here, in the test, and nowhere in src/: two
 * columns side by side on a landscape page, the right one narrower.
 * An article flows through it by leaflet_render() without any change
 * to the paginator, which is the point: a new format is a new shape.
 */
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "fonts.h"
#include "leaflet.h"
#include "pages.h"
#include "profile.h"
#include "shape.h"
#include "t.h"
#include "xalloc.h"

#define PAGE_W	842.0f
#define PAGE_H	595.0f

struct columns {
	size_t	maxframes;	/* 0: as many as the text needs */
	int	furnished;	/* furniture calls */
	size_t	npages_seen;
};

/* Frame n: page n / 2; left column 340 pt wide, right 300 pt. */
static void
two_up(size_t n, struct frame *fr)
{
	fr->page = n / 2;
	fr->top = 50;
	fr->h = PAGE_H - 100;
	fr->x = n % 2 ? 450 : 60;
	fr->w = n % 2 ? 300 : 340;
}

static int
col_frame(const struct shape *s, size_t n, struct frame *fr)
{
	const struct columns *c = s->arg;

	if (c->maxframes && n >= c->maxframes)
		return -1;
	two_up(n, fr);
	return 0;
}

static void
col_furniture(const struct shape *s, struct page *pg, const struct furnish *fu)
{
	struct columns *c = (struct columns *)s->arg;
	char *t = xasprintf("%zu/%zu", fu->page + 1, fu->npages);

	c->furnished++;
	c->npages_seen = fu->npages;
	pages_text(pg, -1, 400, 20, FACE_REGULAR, 9, fu->primary, t, strlen(t),
	    20);
	free(t);
}

/*
 * A folder: page 1 has the body's first column and, right, a cover
 * panel; page 2 the body's second column and, right, a back panel.
 */
static int
folder_frame(const struct shape *s, size_t n, struct frame *fr)
{
	static const enum story story[] = { STORY_BODY, STORY_COVER,
	    STORY_BODY, STORY_BACK };

	(void)s;
	if (n >= 4)
		return -1;
	fr->story = story[n];
	two_up(n, fr);
	return 0;
}

static const char profile_yaml[] = "name: Test Clinic\npaper: a4\n";

/* Forty numbered paragraphs, "P1 ..." to "P40 ...". */
static char *
article_text(int n)
{
	char *s = xstrdup("---\ntitle: Columns\n---\n\n"), *t;
	int i;

	for (i = 1; i <= n; i++) {
		t = xasprintf("%sP%d is a paragraph of several words that runs "
		    "over two or three lines in a column of this width, no "
		    "more than that.\n\n", s, i);
		free(s);
		s = t;
	}
	return s;
}

/* The frame of a page whose x range holds [x, x + w], or -1. */
static int
frame_holding(const struct shape *sh, size_t page, float x, float w)
{
	struct frame fr;
	size_t n;

	for (n = 2 * page; n < 2 * page + 2; n++) {
		sh->frame(sh, n, &fr);
		if (x >= fr.x - 0.01f && x + w <= fr.x + fr.w + 0.01f)
			return (int)n;
	}
	return -1;
}

/* Where the first item starting with text is: frame, and item index. */
static int
frame_of_text(const struct shape *sh, const struct pages *ps,
    const char *text, size_t *item)
{
	size_t pg, i;

	for (pg = 0; pg < ps->n; pg++)
		for (i = 0; i < ps->v[pg].nitems; i++)
			if (ps->v[pg].items[i].text != NULL &&
			    strncmp(ps->v[pg].items[i].text, text,
			    strlen(text)) == 0) {
				*item = i;
				return frame_holding(sh, pg, ps->v[pg].items[i].x,
				    ps->v[pg].items[i].w);
			}
	return -2;
}

int
main(void)
{
	struct diag d = { stderr, 0, 0 }, quiet = { NULL, 0, 0 };
	struct leaflet_opts o = { .layout_only = 1 };
	struct columns cols = { 0, 0, 0 };
	struct shape sh;
	struct build ctx;
	struct profile p;
	struct article a;
	struct leaflet lf;
	char *md = article_text(40);
	size_t pg, i;
	int outside = 0, order = 1, last = 0, k, lastframe = -1;
	int frames_in_order = 1, right_used = 0;

	T_PLAN(18);
	memset(&sh, 0, sizeof(sh));
	sh.width = PAGE_W;
	sh.height = PAGE_H;
	sh.frame = col_frame;
	sh.furniture = col_furniture;
	sh.arg = &cols;
	o.shape = &sh;
	if (build_init(&ctx, "fonts", &d) == -1 ||
	    profile_parse(&p, "t.yaml", profile_yaml, strlen(profile_yaml),
	    &d) == -1 || article_parse(&a, "t.md", md, strlen(md), &d) == -1)
		return 1;

	T_EQ_INT(leaflet_render(&ctx, &p, &a, &o, &lf), 0,
	    "an article flows through a shape the paginator never saw");
	T_OK(lf.pages.n >= 2, "forty paragraphs take more than one page");
	T_OK(lf.pages.width == PAGE_W && lf.pages.height == PAGE_H,
	    "pages take the shape's size");
	T_EQ_INT(cols.furnished, (long)lf.pages.n, "furniture once a page");
	T_EQ_INT(cols.npages_seen, (long)lf.pages.n,
	    "furniture knows the page count");
	for (pg = 0; pg < lf.pages.n; pg++)
		for (i = 0; i < lf.pages.v[pg].nitems; i++) {
			const struct item *it = &lf.pages.v[pg].items[i];

			if (it->kind != IT_TEXT || it->block < 0)
				continue;
			k = frame_holding(&sh, pg, it->x, it->w);
			if (k < 0) {
				outside++;
				continue;
			}
			right_used |= k % 2;
			if (k < lastframe)
				frames_in_order = 0;
			lastframe = k;
			if (it->text[0] == 'P' && it->text[1] >= '1' &&
			    it->text[1] <= '9') {
				if (atoi(it->text + 1) != last + 1)
					order = 0;
				last = atoi(it->text + 1);
			}
		}
	T_EQ_INT(outside, 0, "every line inside a column, the narrower too");
	T_OK(right_used, "text reaches the right column");
	T_OK(frames_in_order, "frames are filled in reading order");
	T_OK(order && last == 40, "paragraphs come in order, none lost");
	leaflet_free(&lf);

	/* A shape with a fixed number of frames: too much text is an error. */
	cols.maxframes = 2;
	ctx.d = &quiet;
	T_EQ_INT(leaflet_render(&ctx, &p, &a, &o, &lf), -1,
	    "more text than two frames hold fails");
	T_EQ_INT(quiet.nerr, 1, "and says so once");
	leaflet_free(&lf);

	/* Stories: the cover and the back in panels of their own. */
	article_free(&a);
	free(md);
	md = article_text(12);
	memset(&sh, 0, sizeof(sh));
	sh.width = PAGE_W;
	sh.height = PAGE_H;
	sh.frame = folder_frame;
	sh.furniture = col_furniture;
	sh.arg = &cols;
	sh.stories = 1u << STORY_COVER | 1u << STORY_BACK;
	ctx.d = &d;
	if (article_parse(&a, "t.md", md, strlen(md), &d) == 0 &&
	    leaflet_render(&ctx, &p, &a, &o, &lf) == 0) {
		size_t title, body;

		T_EQ_INT(frame_of_text(&sh, &lf.pages, "Columns", &title), 1,
		    "stories: the title is on the cover panel");
		T_EQ_INT(frame_of_text(&sh, &lf.pages, "Test Clinic", &body), 1,
		    "stories: so is the brand");
		T_EQ_INT(frame_of_text(&sh, &lf.pages, "Contact us", &body), 3,
		    "stories: the contact box is on the back panel");
		T_EQ_INT(frame_of_text(&sh, &lf.pages, "P1 ", &body), 0,
		    "stories: the body starts in the first column");
		T_OK(body < title, "stories: items come in frame order");
		T_EQ_INT(frame_of_text(&sh, &lf.pages, "P12 ", &body), 2,
		    "stories: and goes on in the second");
		T_EQ_INT(lf.pages.n, 2, "stories: two pages");
	} else
		T_OK(0, "a folder of three stories builds");
	leaflet_free(&lf);

	article_free(&a);
	profile_free(&p);
	build_free(&ctx);
	free(md);
	T_DONE();
}
