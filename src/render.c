/*
 * render: pages -> libharu calls -> PDF bytes in memory.  Writing them
 * to a file (atomically) is the caller's business.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include "fonts.h"
#include "image.h"
#include "pages.h"
#include "pdffont.h"
#include "pdfimage.h"
#include "pdfmeta.h"
#include "pdftags.h"
#include "render.h"
#include "xalloc.h"

struct rend {
	struct diag		*d;
	const char		*file;	/* for messages */
	int			 failed;	/* libharu reported an error */
	HPDF_STATUS		 err;		/* its first */
	HPDF_STATUS		 detail;
	int			 reported;	/* a better message was given */
	char			 what[96];	/* what was being done */
	struct imgcache		*cache;
	HPDF_Doc		 pdf;
	struct pdffont		*font[FACE__MAX];
	HPDF_Image		*img;
	HPDF_Page		*pages;
	const struct pages	*ps;
	const struct font *const *fonts;
	struct pdftags		*tags;		/* NULL: untagged */
};

/*
 * libharu's errors are kept; render_pdf reports the first with what was
 * being done when it came (set by doing()).
 */
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

/*
 * A status from one of libharu's object functions, which do not call
 * on_error: kept the same way.  0 when it is OK, else -1.
 */
static int
lib(struct rend *r, HPDF_STATUS st)
{
	if (st == HPDF_OK)
		return 0;
	on_error(st, HPDF_GetErrorDetail(r->pdf), r);
	return -1;
}

/* Say what is being done, for the message should libharu fail. */
static void
doing(struct rend *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
doing(struct rend *r, const char *fmt, ...)
{
	va_list ap;

	if (r->failed)
		return;
	va_start(ap, fmt);
	vsnprintf(r->what, sizeof(r->what), fmt, ap);
	va_end(ap);
}

/* The one message for a leaflet libharu failed on, never "0x0000". */
static void
report(struct rend *r)
{
	if (r->reported)
		return;
	if (r->err != HPDF_OK)
		diag_msg(r->d, DIAG_ERROR, r->file, 0, 0, "PDF library error "
		    "0x%04X (detail %u) while %s", (unsigned)r->err,
		    (unsigned)r->detail, r->what);
	else
		diag_msg(r->d, DIAG_ERROR, r->file, 0, 0, "PDF library failed "
		    "while %s", r->what);
	r->reported = 1;
}

/* A face is embedded the first time some text uses it. */
static HPDF_Font
face(struct rend *r, enum face f)
{
	if (r->font[f] == NULL &&
	    (r->font[f] = pdffont_new(r->pdf, r->fonts[f], (int)f, r->file,
	    r->d)) == NULL) {
		r->reported = 1;	/* pdffont said what */
		return NULL;
	}
	return pdffont_font(r->font[f]);
}

static HPDF_Image
image(struct rend *r, const struct pdfinfo *doc, int i)
{
	const struct image *im = doc->images[i];
	int nerr = r->d->nerr;

	if (r->img[i] != NULL)
		return r->img[i];
	doing(r, "writing the image %s", im->path);
	if ((r->img[i] = pdfimage_get(r->pdf, r->cache, im, doc->pdfa,
	    r->d)) != NULL)
		return r->img[i];
	/*
	 * A PNG was decoded when it was prepared: its failure here is the
	 * library's, which render_pdf reports.  libharu reads a JPEG
	 * itself, so its failure is the file's: said where it was named.
	 */
	if (r->d->nerr != nerr)
		r->reported = 1;
	else if (im->type == IMAGE_JPEG) {
		diag_at(r->d, DIAG_ERROR, &im->pos, "%s: corrupt JPEG image",
		    im->path);
		r->reported = 1;
	}
	return NULL;
}

/* A place to jump to: the top of a heading's first line. */
static HPDF_Destination
mark_dest(struct rend *r, const struct mark *m)
{
	HPDF_Destination dst;

	/*
	 * A direct array, one per use: PDF/A validators (PDFBox Preflight)
	 * refuse the indirect one HPDF_Page_CreateDestination makes.
	 */
	if ((dst = HPDF_Array_New(r->pdf->mmgr)) == NULL) {
		on_error(HPDF_GetError(r->pdf), 0, r);
		return NULL;
	}
	dst->header.obj_class |= HPDF_OSUBCLASS_DESTINATION;
	if (lib(r, HPDF_Array_Add(dst, r->pages[m->page])) == -1 ||
	    lib(r, HPDF_Array_AddName(dst, "Fit")) == -1 ||
	    HPDF_Destination_SetFitH(dst, m->y + 4) != HPDF_OK)
		return NULL;
	return dst;
}

/* A "#slug" link: to its heading, or nothing if there is none. */
static HPDF_Annotation
heading_link(struct rend *r, HPDF_Page pg, HPDF_Rect rect, const char *slug)
{
	const struct pages *ps = r->ps;
	HPDF_Destination dst;
	size_t i;

	for (i = 0; i < ps->nmarks; i++)
		if (strcmp(ps->marks[i].slug, slug) == 0)
			break;
	if (i == ps->nmarks || (dst = mark_dest(r, &ps->marks[i])) == NULL)
		return NULL;
	return HPDF_Page_CreateLinkAnnot(pg, rect, dst);
}

/*
 * Bookmarks from the headings, nested by level: each hangs under the
 * nearest heading before it of a higher level.
 */
static void
outline(struct rend *r)
{
	const struct pages *ps = r->ps;
	HPDF_Outline stack[7], o;
	HPDF_Encoder utf8 = HPDF_GetEncoder(r->pdf, "UTF-8");
	int level[7], depth = 0;
	size_t i;

	doing(r, "writing the bookmarks");
	for (i = 0; i < ps->nmarks && !r->failed; i++) {
		if (ps->marks[i].level == 0)
			continue;	/* a footnote's: a link target only */
		while (depth > 0 && level[depth - 1] >= ps->marks[i].level)
			depth--;
		o = HPDF_CreateOutline(r->pdf, depth ? stack[depth - 1] : NULL,
		    ps->marks[i].title, utf8);
		if (o == NULL)
			return;
		HPDF_Outline_SetOpened(o, HPDF_TRUE);
		HPDF_Outline_SetDestination(o, mark_dest(r, &ps->marks[i]));
		if (depth < 7) {
			stack[depth] = o;
			level[depth++] = ps->marks[i].level;
		}
	}
	/* a leaflet longer than two pages opens with its bookmarks shown */
	if (ps->n > 2 && ps->nmarks > 0)
		HPDF_SetPageMode(r->pdf, HPDF_PAGE_MODE_USE_OUTLINE);
}

static void
fill(HPDF_Page pg, struct rgb c)
{
	HPDF_Page_SetRGBFill(pg, c.r, c.g, c.b);
}

/* What the open text object has set, so runs of text repeat nothing. */
struct textstate {
	int		open;
	HPDF_Font	font;
	float		size;
	struct rgb	color;
	int		invisible;
};

/*
 * Item i's text, in the pieces tagging cuts it into (pdftags_cut), each
 * in its marked content: the first placed, the others following on.
 */
static int
text_pieces(struct rend *r, HPDF_Page pg, const struct item *it, size_t i)
{
	size_t cut[2], at[4], k, n = strlen(it->text);
	HPDF_STATUS st = HPDF_OK;
	char *s;
	int first = 1;

	pdftags_cut(r->tags, i, cut);
	at[0] = 0;
	at[1] = cut[0] < n ? cut[0] : n;
	at[2] = cut[1] < at[1] ? at[1] : cut[1] < n ? cut[1] : n;
	at[3] = n;
	for (k = 0; k < 3 && st == HPDF_OK; k++) {
		if (at[k] == at[k + 1])
			continue;
		if (lib(r, pdftags_mark(r->tags, i, (enum piece)k)) == -1)
			return -1;
		/*
		 * Tagged, a line's end between words is a space, so that
		 * text read from the structure does not run words together.
		 */
		if (r->tags != NULL && k == PIECE_BODY && at[k + 1] == n &&
		    it->hyphen == HY_SPACE)
			s = xasprintf("%.*s ", (int)(n - at[k]), it->text + at[k]);
		else
			s = xstrndup(it->text + at[k], at[k + 1] - at[k]);
		st = first ? HPDF_Page_TextOut(pg, it->x, it->y, s) :
		    HPDF_Page_ShowText(pg, s);
		free(s);
		first = 0;
	}
	return st == HPDF_OK ? 0 : -1;
}

static int
text(struct rend *r, HPDF_Page pg, struct textstate *ts,
    const struct item *it, size_t i)
{
	HPDF_Font f;
	int inv;

	if ((f = face(r, it->face)) == NULL)
		return -1;
	if (!ts->open) {
		/*
		 * The rendering mode is graphics state: it outlives the
		 * text object it was set in, so it is not forgotten here.
		 */
		inv = ts->invisible;
		if (lib(r, pdftags_close(r->tags)) == -1)
			return -1;
		HPDF_Page_BeginText(pg);
		memset(ts, 0, sizeof(*ts));
		ts->open = 1;
		ts->color.r = -1;	/* nothing set yet */
		ts->invisible = inv;
	}
	if (f != ts->font || it->size != ts->size) {
		HPDF_Page_SetFontAndSize(pg, f, it->size);
		ts->font = f;
		ts->size = it->size;
	}
	if (memcmp(&it->color, &ts->color, sizeof(it->color)) != 0) {
		fill(pg, it->color);
		ts->color = it->color;
	}
	if (it->invisible != ts->invisible) {
		HPDF_Page_SetTextRenderingMode(pg, it->invisible ?
		    HPDF_INVISIBLE : HPDF_FILL);
		ts->invisible = it->invisible;
	}
	return text_pieces(r, pg, it, i);
}

/* The text object ended, and the marked content open in it first. */
static void
end_text(struct rend *r, HPDF_Page pg, struct textstate *ts)
{
	if (lib(r, pdftags_close(r->tags)) == 0 && ts->open)
		HPDF_Page_EndText(pg);
	ts->open = 0;
}

/* A line, solid or dashed. */
static void
rule(HPDF_Page pg, const struct item *it)
{
	HPDF_UINT16 dash = it->dash < 1 ? 1 : (HPDF_UINT16)(it->dash + 0.5f);

	HPDF_Page_SetRGBStroke(pg, it->color.r, it->color.g, it->color.b);
	HPDF_Page_SetLineWidth(pg, it->lw);
	if (it->dash > 0)
		HPDF_Page_SetDash(pg, &dash, 1, 0);
	HPDF_Page_MoveTo(pg, it->x, it->y);
	HPDF_Page_LineTo(pg, it->x + it->w, it->y + it->h);
	HPDF_Page_Stroke(pg);
	if (it->dash > 0)
		HPDF_Page_SetDash(pg, NULL, 0, 0);
}

static int
draw_page(struct rend *r, const struct pdfinfo *doc, size_t pi,
    HPDF_Page pg)
{
	const struct page *p = &r->ps->v[pi];
	const struct item *it;
	struct textstate ts;
	HPDF_Annotation an;
	HPDF_Rect rect;
	HPDF_Image im;
	size_t i;

	memset(&ts, 0, sizeof(ts));
	if (lib(r, pdftags_page(r->tags, pi, pg)) == -1)
		return -1;
	for (i = 0; i < p->nitems && !r->failed; i++) {
		it = &p->items[i];
		if (!pdftags_drawn(r->tags, i))
			continue;
		if (it->kind != IT_TEXT && ts.open)
			end_text(r, pg, &ts);
		if (it->kind != IT_TEXT && it->kind != IT_LINK &&
		    lib(r, pdftags_mark(r->tags, i, PIECE_BODY)) == -1)
			return -1;
		switch (it->kind) {
		case IT_TEXT:
			if (text(r, pg, &ts, it, i) == -1)
				return -1;
			break;
		case IT_RULE:
			rule(pg, it);
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
			if (it->uri[0] == '#')
				an = heading_link(r, pg, rect, it->uri + 1);
			else if (it->uri[0] != '\0')	/* libharu refuses "" */
				an = HPDF_Page_CreateURILinkAnnot(pg, rect, it->uri);
			else
				an = NULL;	/* "[text]()" goes nowhere */
			if (an != NULL) {
				HPDF_LinkAnnot_SetBorderStyle(an, 0, 0, 0);
				/* print */
				lib(r, HPDF_Dict_AddNumber(an, "F", 4));
				lib(r, pdftags_annot(r->tags, i, an));
			}
			break;
		}
	}
	end_text(r, pg, &ts);
	return r->failed ? -1 : 0;
}

/* Every page, the bookmarks and the fonts: the document before saving. */
/* A page box inset by `in` from each edge of the page. */
static int
page_box(struct rend *r, HPDF_Page page, const char *name, float in)
{
	HPDF_Box box;
	HPDF_Array a;

	box.left = box.bottom = in;
	box.right = r->ps->width - in;
	box.top = r->ps->height - in;
	if ((a = HPDF_Box_Array_New(r->pdf->mmgr, box)) == NULL)
		return lib(r, HPDF_GetError(r->pdf));
	return lib(r, HPDF_Dict_Add(page, name, a));
}

static int
build(struct rend *r, const struct pdfinfo *doc)
{
	const struct pages *ps = r->ps;
	const char *why;
	size_t i;
	int ua;

	doing(r, "writing the document information");
	if (lib(r, pdfmeta_info(r->pdf, doc)) == -1 || r->failed)
		return -1;
	/* every page first: links may point forwards */
	for (i = 0; i < ps->n && !r->failed; i++) {
		doing(r, "adding page %zu of %zu", i + 1, ps->n);
		if ((r->pages[i] = HPDF_AddPage(r->pdf)) == NULL)
			return -1;
		HPDF_Page_SetWidth(r->pages[i], ps->width);
		HPDF_Page_SetHeight(r->pages[i], ps->height);
		/* print marks: where to cut, and how far colour runs on */
		if (ps->trim > 0 && (page_box(r, r->pages[i], "TrimBox",
		    ps->trim) == -1 || page_box(r, r->pages[i], "BleedBox",
		    ps->trim - ps->bleed) == -1))
			return -1;
	}
	for (i = 0; i < ps->n && !r->failed; i++) {
		doing(r, "drawing page %zu of %zu", i + 1, ps->n);
		if (draw_page(r, doc, i, r->pages[i]) == -1)
			return -1;
	}
	outline(r);
	doing(r, "writing the structure tree");
	if (lib(r, pdftags_finish(r->tags, &why)) == -1)
		return -1;
	if (r->tags != NULL && why != NULL)
		diag_msg(r->d, DIAG_WARNING, r->file, 0, 0, "tagged, but not "
		    "PDF/UA-1: %s", why);
	ua = why == NULL;
	for (i = 0; i < FACE__MAX && !r->failed; i++)
		if (r->font[i] != NULL &&
		    pdffont_finish(r->pdf, r->font[i], doc->pdfa) == -1) {
			r->reported = 1;	/* pdffont said what */
			return -1;
		}
	if ((doc->pdfa || ua) && !r->failed &&
	    pdfmeta_xmp(r->pdf, doc, ua, r->d) == -1) {
		r->reported = 1;	/* so did pdfmeta */
		return -1;
	}
	return r->failed ? -1 : 0;
}

/* The saved document, read back into memory. */
static int
save(struct rend *r, const struct pdfinfo *doc, unsigned char **buf,
    size_t *len)
{
	HPDF_UINT32 size;

	doing(r, "saving the PDF");
	if (HPDF_SaveToStream(r->pdf) != HPDF_OK)
		return -1;
	size = HPDF_GetStreamSize(r->pdf);
	*buf = xmalloc(size ? size : 1);
	doing(r, "reading back the saved PDF");
	/* it says EOF having read it all */
	if (HPDF_ReadFromStream(r->pdf, *buf, &size) != HPDF_OK && size == 0)
		return -1;
	*len = size;
	if (doc->pdfa && pdfmeta_id(*buf, *len) == -1) {
		diag_msg(r->d, DIAG_ERROR, r->file, 0, 0, "cannot find the "
		    "file identifier PDF/A needs in the saved PDF");
		r->reported = 1;
		return -1;
	}
	return 0;
}

int
render_pdf(const struct pages *ps, const struct pdfinfo *doc,
    const struct font *const *fonts, struct imgcache *cache,
    unsigned char **buf, size_t *len, struct diag *d)
{
	struct rend r;
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
	r.pages = xcalloc(ps->n ? ps->n : 1, sizeof(*r.pages));
	r.ps = ps;
	snprintf(r.what, sizeof(r.what), "starting the PDF");
	if ((r.pdf = HPDF_New(on_error, &r)) == NULL) {
		diag_msg(d, DIAG_ERROR, doc->title, 0, 0, "cannot start a PDF");
		r.reported = 1;
		goto out;
	}
	if (doc->tags)
		r.tags = pdftags_new(r.pdf, ps);
	if (lib(&r, HPDF_SetCompressionMode(r.pdf, HPDF_COMP_ALL)) == -1 ||
	    build(&r, doc) == -1 || save(&r, doc, buf, len) == -1)
		goto out;
	rc = 0;
out:
	if (rc == -1) {
		report(&r);
		free(*buf);
		*buf = NULL;
		*len = 0;
	}
	pdftags_free(r.tags);
	if (r.pdf != NULL)
		HPDF_Free(r.pdf);
	for (i = 0; i < FACE__MAX; i++)
		pdffont_free(r.font[i]);
	free(r.img);
	free(r.pages);
	return rc;
}
