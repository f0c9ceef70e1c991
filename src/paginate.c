/*
 * paginate: blocks -> units -> frames.
 *
 * Every block becomes a run of units, each with the space above it and
 * whether a frame may end before it.  Units fill a frame until one does
 * not fit; then the frame ends at the last unit before which a break is
 * allowed, and what is left of it stays empty.
 *
 * A block is set at the width of its frame.  Frames may differ in size
 * (a tri-fold's folded-in panel is narrower), so after each pass a block
 * that reached a narrower frame than it was set for is set again at
 * that width, and pagination runs again; so does a frame that ends in a
 * hyphenated word.  Frames of one size, as in a handout, need one pass
 * unless a hyphen falls at a page end.
 */
#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "fonts.h"
#include "paginate.h"
#include "qr.h"
#include "shape.h"
#include "table.h"
#include "typeset.h"
#include "xalloc.h"

#define BOX_PAD		10.0f	/* above and below text in a callout */
#define BOX_PAD_RIGHT	14.0f
#define LOGO_HEIGHT	56.0f
#define PRE_NOSPLIT	10	/* code blocks up to this many lines stay whole */
#define IMAGE_MAX_FRAC	0.6f	/* of the frame's height */
#define MAX_PASSES	8	/* of pagination, mending what the last found */
#define MAX_FRAMES	100000	/* asked of a shape, against endless search */
#define MM		(72.0f / 25.4f)
#define QR_SIDE		(22.0f * MM)	/* a QR code's symbol at the least, */
#define QR_MODULE	(0.5f * MM)	/* and a module of it */
#define QR_GAP		14.0f	/* between a QR code and the text beside */
#define QR_BELOW	6.0f	/* or above it */
#define QR_TEXT_EMS	18.0f	/* the text beside a QR code keeps this many
				   ems of the body, or the code goes under it */

struct pag {
	const struct document	*doc;
	const struct shape	*shape;
	const struct typesetter	*ts;
	struct diag		*d;
	int			 fit;	/* frames running out is no error */
	struct flow		*f;
	struct frame		*fr;	/* frames asked of the shape so far */
	size_t			 nfr;
	size_t			*set;	/* the frame each block is set for */
};

/* The n-th frame, asked of the shape once; NULL when it has none. */
static const struct frame *
frame_at(struct pag *p, size_t n)
{
	struct frame fr;

	while (p->nfr <= n) {
		memset(&fr, 0, sizeof(fr));	/* a shape of one story says none */
		if (p->nfr == MAX_FRAMES ||
		    p->shape->frame(p->shape, p->nfr, &fr) == -1)
			return NULL;
		p->fr = xgrow(p->fr, p->nfr, sizeof(*p->fr));
		p->fr[p->nfr++] = fr;
	}
	return &p->fr[n];
}

static const struct frame *
block_frame(const struct pag *p, size_t bi)
{
	return &p->fr[p->set[bi]];
}

/* A QR code's side, its quiet zone included. */
static float
qr_tile(const struct qrcode *q)
{
	float m = QR_SIDE / (float)q->n;

	return (m > QR_MODULE ? m : QR_MODULE) * (float)(q->n + 2 * QR_QUIET);
}

/*
 * The column a QR block takes: its code, or the address printed under
 * it, up to twice as wide (a longer one wraps).
 */
static float
qr_column(const struct pag *p, const struct block *b)
{
	float tile = qr_tile(b->qr), w = 0;
	size_t i;

	for (i = 0; i < b->nruns; i++)
		w += font_width(p->ts->fonts[b->runs[i].face], b->runs[i].text,
		    b->runs[i].len, b->runs[i].size);
	if (w > 2 * tile)
		w = 2 * tile;
	return w > tile ? w : tile;
}

/* What a block keeps clear at its frame's right: a box's padding. */
static float
pad_right(const struct block *b)
{
	return b->callout ? BOX_PAD_RIGHT : 0;
}

/* Is QR block qi set beside the contact text, at the right? */
static int
qr_beside(const struct pag *p, size_t qi)
{
	const struct block *q = &p->doc->blocks[qi];
	float col = qr_column(p, q);

	return block_frame(p, qi)->w - q->indent - pad_right(q) - col -
	    QR_GAP >= QR_TEXT_EMS * p->doc->ty.body;
}

/*
 * The room a QR code beside block bi's text takes from it, or 0: the
 * contact blocks (in their box or, compact, without) share the code's
 * height.
 */
static float
qr_room(const struct pag *p, size_t bi)
{
	const struct document *doc = p->doc;
	size_t j;

	for (j = bi + 1; doc->blocks[bi].role == ROLE_CONTACT &&
	    j < doc->nblocks && doc->blocks[j].role == ROLE_CONTACT; j++)
		if (doc->blocks[j].kind == BLK_QR)
			return qr_beside(p, j) ?
			    qr_column(p, &doc->blocks[j]) + QR_GAP : 0;
	return 0;
}

static float
text_width(const struct pag *p, size_t bi)
{
	const struct block *b = &p->doc->blocks[bi];

	return block_frame(p, bi)->w - b->indent - pad_right(b) -
	    qr_room(p, bi);
}

static struct unit *
add_unit(struct flow *f, int block, int line, float h)
{
	struct unit *u;

	f->u = xgrow(f->u, f->nu, sizeof(*f->u));
	u = &f->u[f->nu++];
	memset(u, 0, sizeof(*u));
	u->block = block;
	u->line = line;
	u->h = h;
	return u;
}

/*
 * An image at 96 pixels to the inch, or with grow set as wide as it may
 * be up to twice that; shrunk to fit, aspect kept.
 */
static void
image_size(const struct image *img, float maxw, float maxh, int grow,
    float *w, float *h)
{
	*w = img->width * (grow ? 1.5f : 0.75f);
	if (*w > maxw)
		*w = maxw;
	*h = *w * img->height / img->width;
	if (*h > maxh) {
		*h = maxh;
		*w = *h * img->width / img->height;
	}
}

/* The brand band: the logo, and beside it the clinic's name and tagline. */
static void
brand_unit(struct pag *p, size_t bi)
{
	const struct block *b = &p->doc->blocks[bi];
	const struct frame *fr = block_frame(p, bi);
	struct tblock *t = &p->f->tb[bi];
	float lw = 0, lh = 0, th;
	struct unit *u;

	if (b->image)
		image_size(p->doc->images[b->image - 1], fr->w / 3,
		    LOGO_HEIGHT, 0, &lw, &lh);
	typeset_block(p->ts, b, t, fr->w - (b->image ? lw + BRAND_GAP : 0));
	th = typeset_height(t);
	u = add_unit(p->f, (int)bi, -1, (lh > th ? lh : th) + BRAND_GAP +
	    BRAND_RULE);
	u->iw = lw;
	u->ih = lh;
}

/* An image, with its alt text as a caption below or unseen but read. */
static void
image_unit(struct pag *p, size_t bi)
{
	const struct block *b = &p->doc->blocks[bi];
	struct tblock *t = &p->f->tb[bi];
	struct unit *u;
	size_t k;
	float w, h;

	image_size(p->doc->images[b->image - 1], text_width(p, bi),
	    block_frame(p, bi)->h * IMAGE_MAX_FRAC, p->doc->ty.wide_images,
	    &w, &h);
	typeset_block(p->ts, b, t, text_width(p, bi));
	u = add_unit(p->f, (int)bi, -1, h);
	u->iw = w;
	u->ih = h;
	if (p->doc->captions && t->nitems > 0) {
		u->h += CAPTION_GAP;
		for (k = 0; k < t->nlines; k++)
			u->h += t->lead[k];
	}
}

/*
 * A QR code and the address under it.  Beside the contact text it is
 * drawn from the top of that text's units and adds only the height
 * they lack; under it, it is a unit like an image.
 */
static void
qr_unit(struct pag *p, size_t bi)
{
	const struct block *b = &p->doc->blocks[bi];
	struct tblock *t = &p->f->tb[bi];
	struct flow *f = p->f;
	float col = qr_column(p, b), tile = qr_tile(b->qr), h, above = 0;
	struct unit *u;
	size_t k;

	typeset_block(p->ts, b, t, col);
	h = tile + CAPTION_GAP + typeset_height(t);
	if (!qr_beside(p, bi)) {
		u = add_unit(f, (int)bi, -1, QR_BELOW + h);
		u->dx = b->indent;
		u->lift = -QR_BELOW;
	} else {
		/* the contact text's units: the space above the first
		   is outside its box */
		for (k = f->nu; k > 0 &&
		    p->doc->blocks[f->u[k - 1].block].role == ROLE_CONTACT; k--)
			above += f->u[k - 1].h + f->u[k - 1].space;
		if (k < f->nu)
			above -= f->u[k].space;
		u = add_unit(f, (int)bi, -1, h > above ? h - above : 0);
		u->dx = block_frame(p, bi)->w - pad_right(b) - col;
		u->lift = above;
	}
	u->iw = u->ih = tile;
}

/* A text block's lines, at least two each side of a break. */
static void
text_units(struct pag *p, size_t bi)
{
	const struct block *b = &p->doc->blocks[bi];
	struct tblock *t = &p->f->tb[bi];
	struct unit *u;
	size_t k;

	typeset_block(p->ts, b, t, text_width(p, bi));
	for (k = 0; k < t->nlines; k++) {
		u = add_unit(p->f, (int)bi, (int)k, t->lead[k]);
		if (k == 1 || k + 1 == t->nlines || b->nosplit ||
		    (b->pre && t->nlines <= PRE_NOSPLIT))
			u->nobreak = k > 0;
	}
}

/*
 * A table's rows, each whole (or in slices if too tall), the header
 * kept with the first; or its fallback blocks' lines, each row's kept
 * together.
 */
static void
table_units(struct pag *p, size_t bi)
{
	const struct block *b = &p->doc->blocks[bi];
	struct tlayout *tl = &p->f->tl[bi];
	struct unit *u;
	size_t r, k;

	table_set(p->ts, b, tl, text_width(p, bi), block_frame(p, bi)->h);
	for (r = tl->fallback ? 1 : 0; r < tl->nrows; r++) {
		if (!tl->fallback && tl->slice[r] == NULL) {
			u = add_unit(p->f, (int)bi, -1, tl->rowh[r]);
			u->row = (int)r;
			u->head = r > 0 ? tl->rowh[0] : 0;
			u->nobreak = r == 1;
			continue;
		}
		for (k = 0; !tl->fallback && k < tl->nslice[r]; k++) {
			u = add_unit(p->f, (int)bi, (int)k, tl->slice[r][k]);
			u->row = (int)r;
			u->head = tl->rowh[0];
			u->nobreak = r == 1 && k == 0;
		}
		if (!tl->fallback)
			continue;
		for (k = 0; k < tl->rowtb[r].nlines; k++) {
			u = add_unit(p->f, (int)bi, (int)k,
			    tl->rowtb[r].lead[k]);
			u->row = (int)r;
			u->nobreak = k > 0;
			if (k == 0 && r > 1)
				u->space = p->doc->ty.para / 2;
		}
	}
}

/* Blocks to units, with the keeps that pagination honours. */
static void
make_units(struct pag *p)
{
	const struct document *doc = p->doc;
	const struct block *b, *prev = NULL;
	struct flow *f = p->f;
	struct unit *u;
	size_t bi, k, first;

	for (bi = 0; bi < doc->nblocks; bi++) {
		b = &doc->blocks[bi];
		first = f->nu;
		switch (b->kind) {
		case BLK_BRAND:
			brand_unit(p, bi);
			break;
		case BLK_RULE:
			add_unit(f, (int)bi, -1, b->leading);
			break;
		case BLK_IMAGE:
			image_unit(p, bi);
			break;
		case BLK_TEXT:
			text_units(p, bi);
			break;
		case BLK_TABLE:
			table_units(p, bi);
			break;
		case BLK_QR:
			qr_unit(p, bi);
			break;
		}
		if (f->nu == first)
			continue;
		u = &f->u[first];
		u->space = b->space_before;
		if (prev != NULL && prev->keep_next)
			u->nobreak = 1;
		if (b->callout) {
			if (prev == NULL || prev->callout != b->callout)
				u->pad_top = BOX_PAD;
			else	/* callouts stay whole */
				u->nobreak = 1;
			if (bi + 1 == doc->nblocks ||
			    doc->blocks[bi + 1].callout != b->callout)
				f->u[f->nu - 1].pad_bottom = BOX_PAD;
		}
		for (k = first + 1; k < f->nu && b->callout; k++)
			f->u[k].nobreak = 1;
		prev = b;
	}
}

/* The story a block goes to: the body, unless the shape has its own. */
static enum story
block_story(const struct pag *p, int bi)
{
	enum story k;

	switch (p->doc->blocks[bi].role) {
	case ROLE_BRAND:
	case ROLE_TITLE:
	case ROLE_SUBTITLE:
		k = STORY_COVER;
		break;
	case ROLE_CONTACT:
	case ROLE_GOVERNANCE:
		k = STORY_BACK;
		break;
	default:
		k = STORY_BODY;
		break;
	}
	return p->shape->stories & (1u << k) ? k : STORY_BODY;
}

/* Index of the n-th frame of story k, or -1 when the shape has none. */
static long
story_frame(struct pag *p, enum story k, size_t n)
{
	size_t i, seen = 0;

	for (i = 0; frame_at(p, i) != NULL; i++)
		if (p->fr[i].story == k && seen++ == n)
			return (long)i;
	return -1;
}

/*
 * Assign each unit of story k (ix[0..m), in order) a frame of that
 * story and a place in it; 1 when its frames run out.
 */
static int
place_story(struct pag *p, enum story k, const size_t *ix, size_t m)
{
	struct flow *f = p->f;
	struct unit *u;
	size_t i, b, start = 0, n = 0;
	long fi = story_frame(p, k, 0);
	float y = 0, need, sp, head;

	for (i = 0; fi >= 0 && i < m; i++) {
		u = &f->u[ix[i]];
		sp = i == start ? 0 : u->space;
		/* a table's row that opens a frame has its header above */
		head = i == start ? u->head : 0;
		need = sp + u->pad_top + head + u->h + u->pad_bottom;
		if (y + need <= p->fr[fi].h || i == start) {
			u->frame = (size_t)fi;
			u->rehead = head > 0;
			u->top = y + sp + u->pad_top + head;
			y += need;
			if (p->fr[fi].page + 1 > f->npages)
				f->npages = p->fr[fi].page + 1;
			continue;
		}
		for (b = i; b > start && f->u[ix[b]].nobreak; b--)
			;
		if (b == start)		/* nowhere to break: a keep gives way */
			b = i;
		fi = story_frame(p, k, ++n);
		start = b;
		y = 0;
		i = b - 1;
	}
	if (fi < 0) {
		for (i = start; i < m; i++) {
			u = &f->u[ix[i]];
			if (u->line >= 0 && p->doc->blocks[u->block].kind ==
			    BLK_TEXT)
				f->over += typeset_words(&f->tb[u->block],
				    (size_t)u->line);
		}
		if (!p->fit)
			diag_msg(p->d, DIAG_ERROR, p->doc->title, 0, 0, "the "
			    "text does not fit in the %zu frames of this "
			    "layout", n);
		return 1;
	}
	return 0;
}

/*
 * The units of a frame that asks for it (frame.sink) move down by that
 * part of the room they leave in it.
 */
static void
sink(struct pag *p)
{
	struct flow *f = p->f;
	const struct unit *u;
	float *used = xcalloc(p->nfr, sizeof(*used)), room;
	size_t i;

	for (i = 0; i < f->nu; i++) {
		u = &f->u[i];
		if (u->top + u->h + u->pad_bottom > used[u->frame])
			used[u->frame] = u->top + u->h + u->pad_bottom;
	}
	for (i = 0; i < f->nu; i++) {
		room = p->fr[f->u[i].frame].h - used[f->u[i].frame];
		if (room > 0)
			f->u[i].top += p->fr[f->u[i].frame].sink * room;
	}
	free(used);
}

/* Place every story's units in its frames; 1 when frames run out. */
static int
place(struct pag *p)
{
	struct flow *f = p->f;
	size_t *ix = xcalloc(f->nu ? f->nu : 1, sizeof(*ix)), i, m;
	enum story k;
	int rc = 0;

	f->npages = p->fr[0].page + 1;
	for (k = STORY_BODY; rc == 0 && k < STORY__MAX; k++) {
		for (i = m = 0; i < f->nu; i++)
			if (block_story(p, f->u[i].block) == k)
				ix[m++] = i;
		if (m > 0)
			rc = place_story(p, k, ix, m);
	}
	free(ix);
	if (rc == 0)
		sink(p);
	return rc;
}

/*
 * No frame may end in a hyphenated word: the reader would turn the page
 * in the middle of it.  Such a hyphen is taken out of the running and
 * its paragraph broken again; returns whether any was.
 */
static int
unhyphen_frame_ends(struct pag *p)
{
	const struct flow *f = p->f;
	const struct unit *u;
	size_t i;
	int changed = 0;

	for (i = 0; i + 1 < f->nu; i++) {
		u = &f->u[i];
		if (u->frame == f->u[i + 1].frame || u->line < 0 ||
		    p->doc->blocks[u->block].kind == BLK_TABLE ||
		    !typeset_ends_hyphen(&f->tb[u->block], (size_t)u->line))
			continue;
		typeset_forbid_hyphen(&f->tb[u->block], (size_t)u->line);
		changed = 1;
	}
	return changed;
}

/*
 * A block that reached a narrower frame than it was set for is set for
 * that frame; returns whether any was.
 */
static int
narrow_blocks(struct pag *p)
{
	const struct flow *f = p->f;
	size_t i, b;
	int changed = 0;

	for (i = 0; i < f->nu; i++) {
		b = (size_t)f->u[i].block;
		if (p->fr[f->u[i].frame].w < p->fr[p->set[b]].w) {
			p->set[b] = f->u[i].frame;
			changed = 1;
		}
	}
	return changed;
}

/* Each block is first set for the first frame of its story. */
static void
first_frames(struct pag *p)
{
	long first[STORY__MAX];
	enum story k;
	size_t bi;

	/* only the stories the shape has: the others have no frames */
	for (k = STORY_BODY; k < STORY__MAX; k++)
		first[k] = k == STORY_BODY || p->shape->stories & (1u << k) ?
		    story_frame(p, k, 0) : -1;
	for (bi = 0; bi < p->doc->nblocks; bi++) {
		k = block_story(p, (int)bi);
		p->set[bi] = first[k] < 0 ? 0 : (size_t)first[k];
	}
}

int
paginate(struct flow *f, const struct document *doc,
    const struct shape *shape, const struct typesetter *ts, int fit,
    struct diag *d)
{
	struct pag p;
	size_t pass;
	int changed, rc = 0;

	memset(f, 0, sizeof(*f));
	memset(&p, 0, sizeof(p));
	p.doc = doc;
	p.shape = shape;
	p.ts = ts;
	p.d = d;
	p.fit = fit;
	p.f = f;
	f->nblocks = doc->nblocks;
	f->tb = xcalloc(doc->nblocks ? doc->nblocks : 1, sizeof(*f->tb));
	f->tl = xcalloc(doc->nblocks ? doc->nblocks : 1, sizeof(*f->tl));
	p.set = xcalloc(doc->nblocks ? doc->nblocks : 1, sizeof(*p.set));
	if (frame_at(&p, 0) == NULL) {
		diag_msg(d, DIAG_ERROR, doc->title, 0, 0, "the layout has no "
		    "frame to set text in");
		rc = -1;
	} else
		first_frames(&p);
	for (pass = 0; rc == 0 && pass < MAX_PASSES; pass++) {
		f->nu = 0;
		make_units(&p);
		if ((rc = place(&p)) != 0)
			break;
		changed = unhyphen_frame_ends(&p);
		changed |= narrow_blocks(&p);
		if (!changed)
			break;
	}
	f->frames = p.fr;
	f->nframes = p.nfr;
	free(p.set);
	return rc;
}

void
flow_free(struct flow *f)
{
	size_t i;

	for (i = 0; i < f->nblocks; i++) {
		tblock_free(&f->tb[i]);
		table_free(&f->tl[i]);
	}
	free(f->tb);
	free(f->tl);
	free(f->u);
	free(f->frames);
	memset(f, 0, sizeof(*f));
}
