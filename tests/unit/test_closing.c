/*
 * The leaflet's closing furniture as laid out.  Where the contact box's
 * QR code goes: beside the box's text in a wide frame, under it in a
 * narrow one (a tri-fold's panel), and with the box in a shape's back
 * frame, and beside the contact details set compactly, without their
 * box; what it is to a reader.  The large-print line's phone numbers.
 */
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "leaflet.h"
#include "pages.h"
#include "profile.h"
#include "shape.h"
#include "t.h"

#define PAGE_W	842.0f
#define PAGE_H	595.0f
#define FRAME_X	60.0f

/*
 * Frames of one width, one a page; with backed set, the first takes the
 * back story (the contact box) and the body flows from page 2.
 */
struct strip {
	float	w;
	int	backed;
};

static int
strip_frame(const struct shape *s, size_t n, struct frame *fr)
{
	const struct strip *st = s->arg;

	fr->story = st->backed && n == 0 ? STORY_BACK : STORY_BODY;
	fr->page = n;
	fr->x = FRAME_X;
	fr->top = 40;
	fr->w = st->w;
	fr->h = PAGE_H - 80;
	return 0;
}

static void
no_furniture(const struct shape *s, struct page *pg, const struct furnish *fu)
{
	(void)s;
	(void)pg;
	(void)fu;
}

static const char profile_yaml[] = "name: Test Clinic\n"
    "contact: { phone: \"01234 567890\", email: a@test.example, "
    "website: test.example,\n"
    "  address: [Riverside Business Park, Building 7, 14 Long Mill Lane,\n"
    "  Riverside, RV1 2AB] }\n"
    "qr: true\n"
    "large_print: Call (555) 014-2290 or +44 1632 960 000 to ask.\n";

static const char article_md[] = "---\ntitle: Strip\n---\n\n"
    "A paragraph of the body, long enough to run over a line or two in "
    "the narrower of the frames here.\n";

/* What was laid out, found by what it is. */
struct found {
	const struct item *tile;	/* the code's white square */
	size_t		 tpage;
	size_t		 dark;		/* its black rectangles */
	int		 artifacts;	/* all of them artifacts */
	const struct item *caption;	/* the address under it */
	size_t		 cpage;		/* the page of the contact details */
	float		 text_right;	/* of the contact details */
	float		 text_low;	/* their lowest baseline */
};

/* The block of the contact details ("Phone: ..."), and its page. */
static int
contact_block(const struct pages *ps, size_t *page)
{
	size_t pg, i;

	for (pg = 0; pg < ps->n; pg++)
		for (i = 0; i < ps->v[pg].nitems; i++)
			if (ps->v[pg].items[i].kind == IT_TEXT &&
			    strcmp(ps->v[pg].items[i].text, "Phone:\xc2\xa0") ==
			    0) {
				*page = pg;
				return ps->v[pg].items[i].block;
			}
	return -2;
}

static void
find(const struct pages *ps, struct found *f)
{
	static const struct rgb white = { 1, 1, 1 };
	const struct item *it;
	size_t pg, i;
	int contact;

	memset(f, 0, sizeof(*f));
	f->artifacts = 1;
	f->text_low = PAGE_H;
	/* none found: the checks that the code is beside it fail */
	if ((contact = contact_block(ps, &f->cpage)) < 0)
		f->text_right = 1e9f;
	for (pg = 0; pg < ps->n; pg++)
		for (i = 0; i < ps->v[pg].nitems; i++) {
			it = &ps->v[pg].items[i];
			if (it->kind == IT_RECT && it->block >= 0 &&
			    memcmp(&it->color, &white, sizeof(white)) == 0) {
				f->tile = it;
				f->tpage = pg;
			} else if (f->tile != NULL && it->kind == IT_RECT &&
			    it->block == f->tile->block)
				f->dark++;
			else if (f->tile != NULL && it->kind == IT_TEXT &&
			    it->block == f->tile->block && f->caption == NULL)
				f->caption = it;
			else if (it->kind == IT_TEXT && (it->block == contact ||
			    strcmp(it->text, "Contact us") == 0)) {
				if (it->x + it->w > f->text_right)
					f->text_right = it->x + it->w;
				if (it->y < f->text_low)
					f->text_low = it->y;
			}
			if (f->tile != NULL && it->kind == IT_RECT &&
			    it->block == f->tile->block &&
			    it->tag != TAG_ARTIFACT)
				f->artifacts = 0;
		}
}

/* Is s in the text of an item of ps? */
static int
has_text(const struct pages *ps, const char *s)
{
	size_t pg, i;

	for (pg = 0; pg < ps->n; pg++)
		for (i = 0; i < ps->v[pg].nitems; i++)
			if (ps->v[pg].items[i].kind == IT_TEXT &&
			    strstr(ps->v[pg].items[i].text, s) != NULL)
				return 1;
	return 0;
}

int
main(void)
{
	struct diag d = { stderr, 0, 0 };
	struct leaflet_opts o = { .layout_only = 1 };
	struct strip st = { 480, 0 };
	struct shape sh;
	struct build ctx;
	struct profile p;
	struct article a;
	struct leaflet lf;
	struct found f;
	struct typescale ty;

	T_PLAN(22);
	memset(&sh, 0, sizeof(sh));
	sh.width = PAGE_W;
	sh.height = PAGE_H;
	sh.frame = strip_frame;
	sh.furniture = no_furniture;
	sh.arg = &st;
	o.shape = &sh;
	if (build_init(&ctx, "fonts", &d) == -1 ||
	    profile_parse(&p, "t.yaml", profile_yaml, strlen(profile_yaml),
	    &d) == -1 || article_parse(&a, "t.md", article_md,
	    strlen(article_md), &d) == -1)
		return 1;

	/* A wide frame: the code at the right, level with the box's top. */
	T_EQ_INT(leaflet_render(&ctx, &p, &a, &o, &lf), 0, "wide: builds");
	find(&lf.pages, &f);
	T_OK(f.tile != NULL && f.dark > 20, "wide: a code is drawn");
	T_OK(f.tile != NULL && f.tile->x > f.text_right,
	    "wide: beside the text, right of it");
	T_OK(f.tile != NULL && f.tile->y + f.tile->h > f.text_low,
	    "wide: level with it, not under it");
	T_OK(f.tile != NULL && f.tile->x + f.tile->w <= FRAME_X + st.w,
	    "wide: inside the frame");
	T_OK(f.artifacts, "its squares are artifacts to a reader");
	T_OK(f.caption != NULL && f.caption->tag == TAG_P &&
	    strcmp(f.caption->text, "test.example") == 0,
	    "the address under it is read as text");

	/* The large-print line: phone numbers do not break, words do. */
	T_OK(has_text(&lf.pages, "(555)\xc2\xa0" "014-2290"),
	    "large print line: (555) 014-2290 stays whole");
	T_OK(has_text(&lf.pages, "+44\xc2\xa0" "1632\xc2\xa0" "960\xc2\xa0" "000"),
	    "large print line: +44 1632 960 000 stays whole");
	T_OK(has_text(&lf.pages, "Call (555)"), "large print line: a space "
	    "between words is one");
	leaflet_free(&lf);

	/* A tri-fold's panel: the code under the text. */
	st.w = 250;
	T_EQ_INT(leaflet_render(&ctx, &p, &a, &o, &lf), 0, "narrow: builds");
	find(&lf.pages, &f);
	T_OK(f.tile != NULL && f.tile->y + f.tile->h < f.text_low,
	    "narrow: under the text");
	T_OK(f.tile != NULL && f.tile->x >= FRAME_X &&
	    f.tile->x + f.tile->w <= FRAME_X + st.w, "narrow: inside the frame");
	T_OK(f.caption != NULL && f.caption->y < f.tile->y,
	    "narrow: the address under the code");
	leaflet_free(&lf);

	/* The back story's own frame takes the code with the contact box. */
	st.backed = 1;
	sh.stories = 1u << STORY_BACK;
	T_EQ_INT(leaflet_render(&ctx, &p, &a, &o, &lf), 0, "back: builds");
	find(&lf.pages, &f);
	T_EQ_INT(f.cpage, 0, "back: the contact box in the back frame");
	T_OK(f.tile != NULL && f.tpage == 0, "back: and the code with it");
	T_OK(lf.pages.n == 2, "back: the body on the next page");
	leaflet_free(&lf);

	/* Compact, without the box: still beside the contact text. */
	typescale_init(&ty, 12.0f, 0);
	ty.compact = 1;
	sh.ty = &ty;
	sh.stories = 0;
	st.backed = 0;
	st.w = 480;
	T_EQ_INT(leaflet_render(&ctx, &p, &a, &o, &lf), 0, "compact: builds");
	find(&lf.pages, &f);
	T_OK(f.tile != NULL && f.tile->x > f.text_right &&
	    f.tile->y + f.tile->h > f.text_low, "compact: beside the text");
	T_OK(f.tile != NULL && f.tile->x + f.tile->w <= FRAME_X + st.w &&
	    f.tile->y + f.tile->h < PAGE_H - 40, "compact: inside the frame");
	leaflet_free(&lf);

	/* qr: false draws none */
	p.qr.on = 0;
	T_OK(leaflet_render(&ctx, &p, &a, &o, &lf) == 0 &&
	    (find(&lf.pages, &f), f.tile == NULL), "qr: false, no code");
	leaflet_free(&lf);

	article_free(&a);
	profile_free(&p);
	build_free(&ctx);
	T_DONE();
}
