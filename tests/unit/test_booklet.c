/*
 * The booklet's shape: page counts it takes, its pages' size on each
 * paper, which story each page's frame takes, and the furniture: the
 * cover's panel, page numbers on body pages only, and "Notes" on a body
 * page the text did not reach.
 */
#include <stdlib.h>
#include <string.h>

#include "leaflet.h"
#include "pages.h"
#include "shape.h"
#include "style.h"
#include "t.h"

/* Whether pg has a text item reading s. */
static int
has_text(const struct page *pg, const char *s)
{
	size_t i;

	for (i = 0; i < pg->nitems; i++)
		if (pg->items[i].kind == IT_TEXT &&
		    strcmp(pg->items[i].text, s) == 0)
			return 1;
	return 0;
}

/* Page `page` of sh furnished, blank or not. */
static void
furnish(const struct shape *sh, const struct font *const *fonts,
    size_t page, int blank, struct page *pg)
{
	struct furnish fu;

	memset(pg, 0, sizeof(*pg));
	memset(&fu, 0, sizeof(fu));
	fu.fonts = fonts;
	fu.footer = "Clinic  \xc2\xb7  0123";
	fu.page = page;
	fu.npages = 8;
	fu.blank = blank;
	sh->furniture(sh, pg, &fu);
}

static void
page_free(struct page *pg)
{
	struct pages ps;

	memset(&ps, 0, sizeof(ps));
	ps.v = malloc(sizeof(*pg));
	*ps.v = *pg;
	ps.n = 1;
	pages_free(&ps);
}

int
main(void)
{
	struct diag d = { stderr, 0, 0 };
	const struct font *fonts[FACE__MAX];
	struct typescale ty;
	struct build ctx;
	struct shape sh;
	struct frame fr;
	struct page pg;
	float w, h;
	int i;

	T_PLAN(17);
	if (build_init(&ctx, "fonts", &d) == -1)
		return 1;
	for (i = 0; i < FACE__MAX; i++)
		fonts[i] = &ctx.fonts[i];
	typescale_init(&ty, 12.0f, 0);
	T_EQ_INT(shape_booklet(&sh, PAPER_A4, &ty, 6), -1, "6 pages: refused");
	T_EQ_INT(shape_booklet(&sh, PAPER_A4, &ty, BOOKLET_MAX + 4), -1,
	    "more than BOOKLET_MAX: refused");
	T_EQ_INT(shape_booklet(&sh, PAPER_LETTER, &ty, 8), 0, "8 on Letter");
	T_OK(sh.width == 396 && sh.height == 612, "half Letter, portrait");
	T_EQ_INT(shape_booklet(&sh, PAPER_A4, &ty, 8), 0, "8 on A4");
	T_OK(sh.width > 419.5f && sh.width < 419.6f && sh.height > 595.2f &&
	    sh.height < 595.3f, "A5");
	T_OK(sh.frame(&sh, 0, &fr) == 0 && fr.page == 0 &&
	    fr.story == STORY_COVER, "frame 0: the cover, page 1");
	T_OK(sh.frame(&sh, 3, &fr) == 0 && fr.page == 3 &&
	    fr.story == STORY_BODY, "frame 3: body, page 4");
	T_OK(sh.frame(&sh, 7, &fr) == 0 && fr.page == 7 &&
	    fr.story == STORY_BACK, "frame 7: the back cover, page 8");
	T_EQ_INT(sh.frame(&sh, 8, &fr), -1, "no frame 8");
	booklet_sheet(PAPER_A5, &w, &h);
	T_OK(w > 841.8f && w < 841.9f && h > 595.2f && h < 595.3f,
	    "A5 paper: imposed on A4, landscape");

	furnish(&sh, fonts, 0, 0, &pg);
	T_OK(pg.nitems > 0 && pg.items[0].kind == IT_RECT,
	    "the cover: a panel");
	T_OK(has_text(&pg, "Clinic") && has_text(&pg, "0123") &&
	    !has_text(&pg, "1"), "with the clinic and phone, no number");
	page_free(&pg);
	furnish(&sh, fonts, 1, 0, &pg);
	T_OK(has_text(&pg, "2") && !has_text(&pg, "Notes"),
	    "page 2, text: its number, no notes");
	page_free(&pg);
	furnish(&sh, fonts, 6, 1, &pg);
	T_OK(has_text(&pg, "7") && has_text(&pg, "Notes"),
	    "page 7, blank: its number and \"Notes\"");
	T_OK(pg.nitems > 10 && pg.items[pg.nitems - 3].kind == IT_RULE,
	    "and lines to write on");
	page_free(&pg);
	furnish(&sh, fonts, 7, 1, &pg);
	T_OK(!has_text(&pg, "8") && !has_text(&pg, "Notes"),
	    "the back cover: no number, no notes even when blank");
	page_free(&pg);
	build_free(&ctx);
	T_DONE();
}
