/*
 * render: pages -> libharu calls -> PDF bytes in memory.  Writing them
 * to a file (atomically) is the caller's business.
 */
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>

#include "document.h"
#include "fonts.h"
#include "pages.h"
#include "pdffont.h"
#include "pdfimage.h"
#include "render.h"
#include "xalloc.h"

struct rend {
	struct diag		*d;
	const char		*file;	/* for messages */
	int			 failed;	/* libharu reported an error */
	HPDF_STATUS		 err;		/* its first */
	HPDF_STATUS		 detail;
	int			 reported;	/* a better message was given */
	struct imgcache		*cache;
	HPDF_Doc		 pdf;
	struct pdffont		*font[FACE__MAX];
	HPDF_Image		*img;
	const struct font *const *fonts;
};

/* libharu's errors are kept; the caller says what went wrong. */
static void
on_error(HPDF_STATUS err, HPDF_STATUS detail, void *arg)
{
	struct rend *r = arg;

	if (!r->failed) {
		r->err = err;
		r->detail = detail;
	}
	r->failed = 1;
}

/* A face is embedded the first time some text uses it. */
static HPDF_Font
face(struct rend *r, enum face f)
{
	if (r->font[f] == NULL &&
	    (r->font[f] = pdffont_new(r->pdf, r->fonts[f], (int)f)) == NULL)
		return NULL;
	return pdffont_font(r->font[f]);
}

static HPDF_Image
image(struct rend *r, const struct document *doc, int i)
{
	const struct image *im = &doc->images[i];

	if (r->img[i] == NULL &&
	    (r->img[i] = pdfimage_get(r->pdf, r->cache, im, r->d)) == NULL) {
		if (im->type == IMAGE_JPEG)
			diag_at(r->d, DIAG_ERROR, &im->pos,
			    "%s: corrupt JPEG image", im->path);
		r->reported = 1;
	}
	return r->img[i];
}

static void
fill(HPDF_Page pg, struct rgb c)
{
	HPDF_Page_SetRGBFill(pg, c.r, c.g, c.b);
}

static int
draw_page(struct rend *r, const struct document *doc, const struct page *p,
    HPDF_Page pg)
{
	const struct item *it;
	HPDF_Annotation an;
	HPDF_Rect rect;
	HPDF_Image im;
	HPDF_Font f;
	size_t i;

	for (i = 0; i < p->nitems && !r->failed; i++) {
		it = &p->items[i];
		switch (it->kind) {
		case IT_TEXT:
			if ((f = face(r, it->face)) == NULL)
				return -1;
			HPDF_Page_BeginText(pg);
			HPDF_Page_SetFontAndSize(pg, f, it->size);
			fill(pg, it->color);
			HPDF_Page_TextOut(pg, it->x, it->y, it->text);
			HPDF_Page_EndText(pg);
			break;
		case IT_RULE:
			HPDF_Page_SetRGBStroke(pg, it->color.r, it->color.g,
			    it->color.b);
			HPDF_Page_SetLineWidth(pg, it->lw);
			HPDF_Page_MoveTo(pg, it->x, it->y);
			HPDF_Page_LineTo(pg, it->x + it->w, it->y + it->h);
			HPDF_Page_Stroke(pg);
			break;
		case IT_RECT:
			fill(pg, it->color);
			HPDF_Page_Rectangle(pg, it->x, it->y, it->w, it->h);
			HPDF_Page_Fill(pg);
			break;
		case IT_IMAGE:
			if ((im = image(r, doc, it->image)) == NULL)
				return -1;
			HPDF_Page_DrawImage(pg, im, it->x, it->y, it->w, it->h);
			break;
		case IT_LINK:
			rect.left = it->x;
			rect.bottom = it->y;
			rect.right = it->x + it->w;
			rect.top = it->y + it->h;
			an = HPDF_Page_CreateURILinkAnnot(pg, rect, it->text);
			if (an != NULL)
				HPDF_LinkAnnot_SetBorderStyle(an, 0, 0, 0);
			break;
		}
	}
	return r->failed ? -1 : 0;
}

static void
set_info(HPDF_Doc pdf, const struct document *doc)
{
	HPDF_Date date;
	int y, m, dd;

	HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, doc->title);
	HPDF_SetInfoAttr(pdf, HPDF_INFO_AUTHOR, doc->author);
	if (doc->subtitle != NULL)
		HPDF_SetInfoAttr(pdf, HPDF_INFO_SUBJECT, doc->subtitle);
	HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, "leafpress " VERSION);
	/* Dates come from the article, never the clock: builds repeat. */
	if (doc->published != NULL &&
	    sscanf(doc->published, "%4d-%2d-%2d", &y, &m, &dd) == 3) {
		memset(&date, 0, sizeof(date));
		date.year = y;
		date.month = m;
		date.day = dd;
		date.ind = 'Z';
		HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, date);
		HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, date);
	}
}

int
render_pdf(const struct pages *ps, const struct document *doc,
    const struct font *const *fonts, struct imgcache *cache,
    unsigned char **buf, size_t *len, struct diag *d)
{
	struct rend r;
	HPDF_Page pg;
	HPDF_UINT32 size;
	size_t i;
	int rc = -1;

	memset(&r, 0, sizeof(r));
	*buf = NULL;
	*len = 0;
	r.d = d;
	r.file = doc->title;
	r.fonts = fonts;
	r.cache = cache;
	r.img = xcalloc(doc->nimages ? doc->nimages : 1, sizeof(*r.img));
	if ((r.pdf = HPDF_New(on_error, &r)) == NULL) {
		diag_msg(d, DIAG_ERROR, NULL, 0, 0, "cannot start a PDF");
		goto out;
	}
	HPDF_SetCompressionMode(r.pdf, HPDF_COMP_ALL);
	set_info(r.pdf, doc);
	for (i = 0; i < ps->n && !r.failed; i++) {
		if ((pg = HPDF_AddPage(r.pdf)) == NULL)
			goto out;
		HPDF_Page_SetWidth(pg, ps->width);
		HPDF_Page_SetHeight(pg, ps->height);
		if (draw_page(&r, doc, &ps->v[i], pg) == -1)
			goto out;
	}
	for (i = 0; i < FACE__MAX && !r.failed; i++)
		if (r.font[i] != NULL && pdffont_finish(r.pdf, r.font[i]) == -1)
			goto out;
	if (r.failed || HPDF_SaveToStream(r.pdf) != HPDF_OK)
		goto out;
	size = HPDF_GetStreamSize(r.pdf);
	*buf = xmalloc(size ? size : 1);
	if (HPDF_ReadFromStream(r.pdf, *buf, &size) != HPDF_OK &&
	    size == 0)
		goto out;
	*len = size;
	rc = 0;
out:
	if (rc == -1) {
		if (!r.reported)
			diag_msg(d, DIAG_ERROR, doc->title, 0, 0,
			    "PDF library error 0x%04X (detail %u)",
			    (unsigned)r.err, (unsigned)r.detail);
		free(*buf);
		*buf = NULL;
	}
	if (r.pdf != NULL)
		HPDF_Free(r.pdf);
	for (i = 0; i < FACE__MAX; i++)
		pdffont_free(r.font[i]);
	free(r.img);
	return rc;
}
