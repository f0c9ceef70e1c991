/* leaflet: the pipeline for one leaflet, stage after stage. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "document.h"
#include "fileio.h"
#include "format.h"
#include "imgscale.h"
#include "impose.h"
#include "layout.h"
#include "leaflet.h"
#include "marks.h"
#include "pages.h"
#include "render.h"
#include "shape.h"
#include "xalloc.h"

const char *const leaflet_font_files[FACE__MAX] = {
	"NotoSans-Regular.ttf",
	"NotoSans-Bold.ttf",
	"NotoSans-Italic.ttf",
	"NotoSans-BoldItalic.ttf",
	"NotoSansMono-Regular.ttf"
};

int
build_init(struct build *b, const char *fontdir, struct diag *d)
{
	char *path;
	int i, rc;

	memset(b, 0, sizeof(*b));
	b->d = d;
	b->source_date = -1;
	for (i = 0; i < FACE__MAX; i++) {
		path = path_join(fontdir, leaflet_font_files[i]);
		rc = font_load(&b->fonts[i], path, d);
		free(path);
		if (rc == -1) {
			build_free(b);
			return -1;
		}
	}
	return 0;
}

void
build_free(struct build *b)
{
	int i;

	for (i = 0; i < FACE__MAX; i++)
		font_free(&b->fonts[i]);
	hyphs_free(&b->hyphs);
	imgcache_free(&b->images);
	memset(b, 0, sizeof(*b));
}

char *
leaflet_path(const char *dir, const char *clinic, const char *article,
    enum layout l)
{
	if (l == LAYOUT_HANDOUT)
		return xasprintf("%s/%s/%s.pdf", dir, clinic, article);
	return xasprintf("%s/%s/%s-%s.pdf", dir, clinic, article,
	    layout_names[l]);
}

/*
 * A face the profile names: its problem is reported where the profile
 * names it, with the reason font_load gives.
 */
static int
own_font(struct build *b, const struct profile *p, enum face i,
    struct font *f)
{
	struct diag quiet = { NULL, 0, 0 };
	char *why = NULL, *t;
	const char *s;
	size_t len = 0;
	int rc;

	quiet.out = open_memstream(&why, &len);
	rc = font_load(f, p->font[i], &quiet);
	if (quiet.out != NULL)
		fclose(quiet.out);
	if (rc == -1) {
		if (why != NULL && (t = strstr(why, ": error: ")) != NULL) {
			t += 9;
			t[strcspn(t, "\n")] = '\0';
			s = t;
		} else
			s = "unreadable";
		diag_at(b->d, DIAG_ERROR, &p->font_pos[i], "cannot use font %s: %s",
		    p->font[i], s);
	}
	free(why);
	return rc;
}

struct hyphload {
	struct hyphs	*hyphs;
	const char	*lang;
};

static void *
load_hyph(void *arg)
{
	struct hyphload *hs = arg;

	hyph_get(hs->hyphs, hs->lang);
	return NULL;
}

/*
 * The widest an image need be, in pixels: IMAGE_PPI at the widest frame
 * of the shape, since layout places an image at its natural size (96
 * pixels an inch, less than IMAGE_PPI) or a frame's width at most.  The
 * first frames show every width a shape has (a handout's are all one).
 */
static unsigned
image_maxw(const struct shape *sh)
{
	struct frame fr;
	float w = 0;
	size_t n;

	for (n = 0; n < 16 && sh->frame(sh, n, &fr) == 0; n++)
		if (fr.w > w)
			w = fr.w;
	return w > 0 ? (unsigned)(w / 72.0f * IMAGE_PPI + 0.5f) : 0;
}

/*
 * The document, with its images decoded.  Loading hyphenation patterns
 * is the slowest step of a worker's first leaflet, so it runs in a
 * thread meanwhile; later leaflets find them loaded.
 */
static int
prepare(struct build *b, struct document *doc, const struct article *a,
    const struct profile *p, const struct font *const *fonts,
    const struct typescale *ty, const struct shape *sh, struct diag *d)
{
	struct hyphload hs;
	pthread_t th;
	size_t i;
	int started = 0, rc;

	hs.hyphs = &b->hyphs;
	hs.lang = a->lang ? a->lang : "en";
	if (!hyph_tried(&b->hyphs, hs.lang) &&
	    !(started = pthread_create(&th, NULL, load_hyph, &hs) == 0))
		load_hyph(&hs);
	rc = document_build(doc, a, p, fonts, ty, d);
	doc->pdfa |= b->pdfa;
	for (i = 0; rc == 0 && i < doc->nimages; i++)
		rc = imgcache_prepare(&b->images, doc->images[i], doc->pdfa,
		    image_maxw(sh), d);
	if (started)
		pthread_join(th, NULL);
	return rc;
}

/* What the PDF says about itself, and the images its pages show. */
static int
render(struct build *b, struct leaflet *lf, const struct font *const *fonts)
{
	const struct document *doc = &lf->doc;
	struct pdfinfo info;

	memset(&info, 0, sizeof(info));
	info.title = doc->title;
	info.subtitle = doc->subtitle;
	info.author = doc->author;
	info.keywords = doc->keywords;
	info.lang = doc->lang;
	/* reproducible builds ask for SOURCE_DATE_EPOCH */
	info.date = b->source_date >= 0 ? b->source_date : doc->date;
	info.pdfa = doc->pdfa;
	info.tags = !b->notags;
	info.images = doc->images;
	info.nimages = doc->nimages;
	return render_pdf(&lf->pages, &info, fonts, &b->images, &lf->pdf,
	    &lf->len, b->d);
}

/*
 * The article with p's details filled in, for an article that names
 * any: here rather than in batch, so that build, batch, check, the tests
 * and the fuzzer fill them in alike, and an article without them is
 * still parsed once for all clinics.  A field the clinic lacks is said
 * by each leaflet, as a logo it lacks is.
 */
static const struct article *
fill_in(struct build *b, const struct profile *p, const struct article *a,
    struct leaflet *lf)
{
	struct diag quiet = { NULL, 0, 0 };

	if (a->src == NULL)
		return a;
	article_vars_missing(a, p, b->d);
	lf->filled = xcalloc(1, sizeof(*lf->filled));
	if (article_parse_for(lf->filled, a->file, a->src, a->srclen, p,
	    &quiet) == -1) {
		diag_msg(b->d, DIAG_ERROR, a->file, 0, 0, "cannot be read with "
		    "the details of %s filled in", p->file);
		return NULL;
	}
	return lf->filled;
}

#define STRANDED_LINES	5	/* as few lines as make a wasted page */

/*
 * Does the last page hold only a few lines of the article, or nothing
 * but the contact details and governance line?
 */
static int
stranded(const struct pages *pg, const struct document *doc)
{
	const struct page *last = &pg->v[pg->n - 1];
	size_t i, lines = 0;
	float y = -1;

	for (i = 0; i < last->nitems; i++) {
		const struct item *it = &last->items[i];

		if (it->kind != IT_TEXT || it->block < 0 || it->y == y ||
		    doc->blocks[it->block].role == ROLE_CONTACT ||
		    doc->blocks[it->block].role == ROLE_GOVERNANCE)
			continue;
		y = it->y;
		lines++;
	}
	return lines <= STRANDED_LINES;
}

/*
 * The document built again at type scale ty and laid out in shape sh
 * (whose type it is), quietly: 0 with doc and pg when it fits, else -1.
 */
static int
relay(struct build *b, const struct profile *p, const struct article *a,
    const struct layout_opts *lo0, const struct typescale *ty,
    const struct shape *sh, struct document *doc, struct pages *pg)
{
	struct diag quiet = { NULL, 0, 0 };
	struct layout_opts lo = *lo0;
	size_t over;

	lo.shape = sh;
	memset(doc, 0, sizeof(*doc));
	if (prepare(b, doc, a, p, lo.fonts, ty, sh, &quiet) == 0 &&
	    layout_run(pg, doc, &lo, &over, &quiet) == 0)
		return 0;
	document_free(doc);
	return -1;
}

/* The leaflet's document and pages become doc and pg. */
static void
replace(struct leaflet *lf, struct document *doc, struct pages *pg)
{
	document_free(&lf->doc);
	pages_free(&lf->pages);
	lf->doc = *doc;
	lf->pages = *pg;
}

/*
 * No wasted pages: a leaflet whose last page is stranded is set again
 * a page shorter, first with tighter spacing, then with the contact
 * details compact too (typescale_tighten); the first that fits
 * replaces it.  Never a smaller body size.
 */
static void
save_page(struct build *b, const struct profile *p, const struct article *a,
    const struct layout_opts *lo, const struct typescale *ty,
    struct leaflet *lf)
{
	struct shape tight, cut;
	struct shape_cut c;
	struct typescale t;
	struct document doc;
	struct pages pg;
	int level;

	if (lf->pages.n < 2 || !stranded(&lf->pages, &lf->doc))
		return;
	for (level = 1; level <= 2; level++) {
		t = *ty;
		typescale_tighten(&t, level);
		tight = *lo->shape;
		tight.ty = &t;
		shape_cut(&cut, &c, &tight, lf->pages.n - 1);
		if (relay(b, p, a, lo, &t, &cut, &doc, &pg) == 0) {
			replace(lf, &doc, &pg);
			return;
		}
	}
}

/* How many pages the article's text does not reach (a booklet's notes). */
static size_t
spare_pages(const struct pages *pg)
{
	size_t i, k, n = 0;

	for (i = 0; i < pg->n; i++) {
		for (k = 0; k < pg->v[i].nitems; k++)
			if (pg->v[i].items[k].block >= 0)
				break;
		n += k == pg->v[i].nitems;
	}
	return n;
}

/*
 * Fewer notes pages: a leaflet set in the format's attempt-th way that
 * leaves more than one page the text does not reach is set again in
 * the same shape at each larger body the format allows (format_fill),
 * until one no longer fits.  The best replaces it: the fewest spare
 * pages, then the smallest body.
 */
static void
fill_pages(struct build *b, const struct profile *p, const struct article *a,
    const struct layout_opts *lo, const struct format *f, unsigned attempt,
    struct leaflet *lf)
{
	struct shape sh;
	struct typescale ty;
	struct document doc;
	struct pages pg;
	size_t best = spare_pages(&lf->pages), n;
	unsigned step;

	if (best <= 1)
		return;
	for (step = 0; best > 0 && format_fill(f, p->paper, attempt, step,
	    &sh, &ty) == 0; step++) {
		if (relay(b, p, a, lo, &ty, &sh, &doc, &pg) == -1)
			break;
		if ((n = spare_pages(&pg)) < best) {
			best = n;
			replace(lf, &doc, &pg);
			continue;
		}
		document_free(&doc);
		pages_free(&pg);
	}
}

/*
 * The document laid out in the first of the format's ways that it fits
 * (format_try): each way builds the document again at its type scale,
 * saying its messages only the first time.  When none fits, an error
 * says by about how many words the last one failed.
 */
static int
lay_out(struct build *b, const struct profile *p, const struct article *a,
    const struct leaflet_opts *o, const struct font *const *fonts,
    struct leaflet *lf)
{
	struct diag quiet = { NULL, 0, 0 };
	struct layout_opts lo;
	struct shape shape, next;
	struct typescale ty, nextty, built;
	unsigned n;
	size_t over = 0;
	int rc = -1, last;

	memset(&lo, 0, sizeof(lo));
	lo.fonts = fonts;
	lo.hyphs = &b->hyphs;
	lo.stats = o->stats;
	lo.fit = 1;
	for (n = 0; format_try(&o->format, p->paper, n, &shape, &ty) == 0;
	    n++) {
		last = format_try(&o->format, p->paper, n + 1, &next,
		    &nextty) == -1;
		lo.shape = o->shape ? o->shape : &shape;
		if (o->shape != NULL && o->shape->ty != NULL)
			ty = *o->shape->ty;	/* a shape given, its type */
		/*
		 * A way at the same type (a booklet's page counts, as wide)
		 * keeps the document built, its images prepared.
		 */
		if (n == 0 || memcmp(&ty, &built, sizeof(ty)) != 0) {
			document_free(&lf->doc);
			if (prepare(b, &lf->doc, a, p, fonts, &ty, lo.shape,
			    n == 0 ? b->d : &quiet) == -1)
				return -1;
			if (o->bare)
				document_bare(&lf->doc);
			built = ty;
		}
		if ((rc = layout_run(&lf->pages, &lf->doc, &lo, &over,
		    b->d)) == 0 && o->shape == NULL) {
			if (format_saves_pages(&o->format))
				save_page(b, p, a, &lo, &ty, lf);
			fill_pages(b, p, a, &lo, &o->format, n, lf);
		}
		if (rc != 1)
			return rc;
		if (last)
			break;
	}
	if (over > 0)
		diag_msg(b->d, DIAG_ERROR, a->file, 0, 0, "the article is "
		    "about %zu word%s too long for a %s at %g pt", over,
		    over == 1 ? "" : "s", layout_nouns[o->format.layout],
		    (double)ty.body);
	else
		diag_msg(b->d, DIAG_ERROR, a->file, 0, 0, "the article does "
		    "not fit a %s, even at %g pt", layout_nouns[o->format.layout],
		    (double)ty.body);
	return -1;
}

int
leaflet_render(struct build *b, const struct profile *p,
    const struct article *a, const struct leaflet_opts *o, struct leaflet *lf)
{
	const struct font *fonts[FACE__MAX];
	float w, h;
	int i;

	memset(lf, 0, sizeof(*lf));
	/* A profile may set its own faces; the bundled ones fill the rest. */
	for (i = 0; i < FACE__MAX; i++) {
		fonts[i] = &b->fonts[i];
		if (p->font[i] == NULL)
			continue;
		if (own_font(b, p, (enum face)i, &lf->own[i]) == -1)
			return -1;
		fonts[i] = &lf->own[i];
	}
	if ((a = fill_in(b, p, a, lf)) == NULL)
		return -1;
	if (lay_out(b, p, a, o, fonts, lf) == -1)
		return -1;
	if (o->shape == NULL && format_sheet(&o->format, p->paper, &w, &h) &&
	    impose(&lf->pages, w, h) == -1) {
		diag_msg(b->d, DIAG_ERROR, a->file, 0, 0, "cannot impose %zu "
		    "pages on sheets", lf->pages.n);
		return -1;
	}
	if (o->bleed > 0)
		marks_add(&lf->pages, o->bleed);
	if (o->layout_only)
		return 0;
	return render(b, lf, fonts);
}

void
leaflet_free(struct leaflet *lf)
{
	int i;

	free(lf->pdf);
	pages_free(&lf->pages);
	document_free(&lf->doc);
	for (i = 0; i < FACE__MAX; i++)
		font_free(&lf->own[i]);
	if (lf->filled != NULL) {
		article_free(lf->filled);
		free(lf->filled);
	}
	memset(lf, 0, sizeof(*lf));
}

int
leaflet_make(struct build *b, const struct profile *p,
    const struct article *a, const struct leaflet_opts *opts,
    const char *out, FILE *dump)
{
	struct leaflet_opts o = *opts;
	struct leaflet lf;
	int rc;

	o.layout_only = o.stats = dump != NULL;
	if ((rc = leaflet_render(b, p, a, &o, &lf)) == 0) {
		if (dump != NULL)
			pages_dump(&lf.pages, dump);
		else if (strcmp(out, "-") == 0)
			rc = file_write_stdout(lf.pdf, lf.len, b->d);
		else
			rc = file_write_atomic(out, lf.pdf, lf.len, b->d);
	}
	leaflet_free(&lf);
	return rc;
}
