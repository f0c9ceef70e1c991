/*
 * pdftags: marked content and the structure tree of a tagged PDF.
 *
 * Elements are kept here while the pages are drawn, each with its kids
 * (marked content on a page, another element, an annotation) and a place
 * in logical order: the lowest (block, seq) of what it holds.  Only when
 * every page is drawn are they sorted and written as libharu objects:
 * StructTreeRoot, one Document, the elements; the ParentTree from each
 * page's marked content and each annotation back to its element.
 *
 * The nesting: a list [L] holds items [LI], each a label [Lbl] and a
 * body [LBody] that holds the item's paragraphs [P] and nested lists; a
 * block quote [BlockQuote] or urgent callout [Note] holds paragraphs; a
 * table [Table] rows [TR] of cells [TH] (scope: column) and [TD], an
 * empty cell an empty [TD] so that every row has as many; a
 * figure [Figure] has its alt text as /Alt and its caption [Caption]
 * inside it; a link's text is a [Link] with its annotation [OBJR].
 * A footnote is a [Note], its number [Lbl] and paragraphs in it, its ID
 * the name its references link to; each reference in the text is a
 * [Reference] holding the [Link] to it (the Tagged PDF Best Practice
 * Guide's way for PDF 1.7, which has no /Ref).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>

#include "pages.h"
#include "pdftags.h"
#include "xalloc.h"

#define NONE		(-1)	/* no element: an artifact */
#define NOT_OPEN	(-2)	/* no marked content open */

enum kidtype { KID_MCID, KID_ELEM, KID_OBJR };

struct kid {
	enum kidtype	 type;
	size_t		 page;
	int		 mcid;		/* KID_MCID */
	int		 elem;		/* KID_ELEM */
	HPDF_Annotation	 annot;		/* KID_OBJR */
	int		 block;		/* its place in logical order */
	size_t		 seq;
	size_t		 n;		/* the order it came in, for ties */
};

/* What an element stands for, to find it again. */
enum ekind { E_DOC, E_NEST, E_LBODY, E_BLOCK, E_LBL, E_CAPTION, E_TABLE,
    E_TR, E_CELL, E_LINK, E_SPAN, E_REF };

struct elem {
	enum ekind	 kind;
	const char	*s;		/* structure type */
	int		 parent;
	int		 block, a, b;	/* what it stands for */
	int		 level;		/* a heading's */
	struct kid	*kids;
	size_t		 nkids;
	char		*alt;		/* Figure */
	char		*actual;	/* Span: the word it shows broken */
	const char	*uri;		/* Link: where it goes */
	int		 block0;	/* its first place in logical order */
	size_t		 seq0;
	int		 has;		/* holds something */
	HPDF_Dict	 dict;
};

/* The plan for one item of the page being drawn. */
struct plan {
	int		 drawn;
	int		 el[3];		/* by piece */
	size_t		 cut[2];
	int		 link;		/* IT_LINK: its Link element */
	size_t		 text;		/* IT_LINK: the text it covers */
};

struct annot {
	HPDF_Annotation	 an;
	int		 elem;
	size_t		 page;
};

struct pdftags {
	HPDF_Doc		 pdf;
	const struct pages	*ps;
	struct elem		*e;
	size_t			 ne;
	int			*blockel;	/* by block */
	int			*nestel;	/* by container */
	char			**alt;		/* by block */
	HPDF_Page		*pages;
	int			**mc;		/* by page: element by MCID */
	size_t			*nmc;
	struct annot		*annots;
	size_t			 nannots;
	size_t			 page;		/* being drawn */
	const struct page	*pg;
	struct plan		*plan;
	int			 link;		/* the last Link, */
	const struct item	*linkend;	/* its last text, if at a line's end */
	int			 open;		/* element marked, or NOT_OPEN */
	enum piece		 openpiece;
	char			 why[80];	/* why it is not PDF/UA */
};

/* The first status that is not OK, else the document's error if any. */
#define TRY(call) do {							\
	HPDF_STATUS try_st = (call);					\
	if (try_st != HPDF_OK)						\
		return try_st;						\
} while (0)

#define NEW(var, call) do {						\
	if (((var) = (call)) == NULL)					\
		return HPDF_GetError(t->pdf);				\
} while (0)

/*
 * A text string: as it is when it is printable ASCII (the same in
 * PDFDocEncoding), else in UTF-16, as libharu writes with its UTF-8
 * encoder.
 */
static HPDF_STATUS
add_text(struct pdftags *t, HPDF_Dict d, const char *key, const char *s)
{
	HPDF_Encoder enc = NULL;
	HPDF_String str;
	const char *p;

	for (p = s; *p != '\0' && enc == NULL; p++)
		if (*p < 0x20 || *p > 0x7e)
			enc = HPDF_GetEncoder(t->pdf, "UTF-8");
	NEW(str, HPDF_String_New(t->pdf->mmgr, s, enc));
	return HPDF_Dict_Add(d, key, str);
}

/* A new element; its parent's kids are filled in at the end. */
static int
elem_new(struct pdftags *t, enum ekind kind, const char *s, int parent,
    int block)
{
	struct elem *e;

	t->e = xgrow(t->e, t->ne, sizeof(*t->e));
	e = &t->e[t->ne];
	memset(e, 0, sizeof(*e));
	e->kind = kind;
	e->s = s;
	e->parent = parent;
	e->block = block;
	e->block0 = INT32_MAX;
	e->seq0 = SIZE_MAX;
	return (int)t->ne++;
}

/* The element of that kind standing for block, a, b, if there is one. */
static int
elem_find(const struct pdftags *t, enum ekind kind, int block, int a, int b)
{
	size_t i;

	for (i = t->ne; i-- > 0; )
		if (t->e[i].kind == kind && t->e[i].block == block &&
		    t->e[i].a == a && t->e[i].b == b)
			return (int)i;
	return NONE;
}

static void
kid_add(struct elem *e, struct kid k)
{
	e->kids = xgrow(e->kids, e->nkids, sizeof(*e->kids));
	k.n = e->nkids;
	e->kids[e->nkids++] = k;
}

/* Container n's element, and the one its contents go in (an LBody). */
static int
nest_elem(struct pdftags *t, int n, int inner)
{
	static const char *const types[] = { "L", "LI", "BlockQuote", "Note",
	    "Table", NULL, "Note" };
	const struct nest *ns;
	int parent, el;

	if (n < 0)
		return 0;	/* the Document */
	ns = &t->ps->nest[n];
	if (ns->kind == NEST_NOTES)	/* no element of its own */
		return nest_elem(t, ns->parent, inner);
	if ((el = t->nestel[n]) == NONE) {
		parent = nest_elem(t, ns->parent, 1);
		el = elem_new(t, E_NEST, types[ns->kind], parent, NONE);
		t->e[el].a = n;
		if (ns->kind == NEST_ITEM)
			elem_new(t, E_LBODY, "LBody", el, NONE);
		t->nestel[n] = el;
	}
	return inner && ns->kind == NEST_ITEM ? el + 1 : el;
}

/* The kind of container block b sits in, or -1. */
static int
nest_kind(const struct pdftags *t, int b)
{
	int n = (size_t)b < t->ps->nblocks ? t->ps->parent[b] : -1;

	return n < 0 ? -1 : (int)t->ps->nest[n].kind;
}

/* The structure type of a block's element, from its items' tag. */
static const char *
block_type(const struct pdftags *t, const struct item *it, int *level)
{
	static const char *const h[] = { "H1", "H2", "H3", "H4", "H5", "H6" };
	int k = nest_kind(t, it->block);

	*level = 0;
	switch (it->tag) {
	case TAG_H:
		*level = it->level < 1 ? 1 : it->level > 6 ? 6 : it->level;
		return h[*level - 1];
	case TAG_QUOTE:
		return k == NEST_QUOTE || k == NEST_NOTE ? "P" : "BlockQuote";
	case TAG_NOTE:
		return k == NEST_QUOTE || k == NEST_NOTE ? "P" : "Note";
	case TAG_CODE:
		return "Code";
	case TAG_FIGURE:
	case TAG_CAPTION:
		return "Figure";
	default:
		return "P";
	}
}

/* Block b's own element, made by its first item it. */
static int
block_elem(struct pdftags *t, const struct item *it)
{
	int b = it->block, el, level;
	const char *s;

	if ((el = t->blockel[b]) != NONE)
		return el;
	s = block_type(t, it, &level);
	el = elem_new(t, E_BLOCK, s, nest_elem(t, t->ps->parent[b], 1), b);
	t->e[el].level = level;
	if (t->alt[b] != NULL && strcmp(s, "Figure") == 0)
		t->e[el].alt = xstrdup(t->alt[b]);
	return t->blockel[b] = el;
}

/* A table cell's element, in its row, in its table. */
static int
cell_elem(struct pdftags *t, const struct item *it)
{
	int b = it->block, tab, tr, el;

	if ((el = elem_find(t, E_CELL, b, it->level, it->col)) != NONE)
		return el;
	if ((tr = elem_find(t, E_TR, b, it->level, 0)) == NONE) {
		if (nest_kind(t, b) == NEST_TABLE)
			tab = nest_elem(t, t->ps->parent[b], 1);
		else if ((tab = elem_find(t, E_TABLE, b, 0, 0)) == NONE)
			tab = elem_new(t, E_TABLE, "Table",
			    nest_elem(t, t->ps->parent[b], 1), b);
		tr = elem_new(t, E_TR, "TR", tab, b);
		t->e[tr].a = it->level;
	}
	el = elem_new(t, E_CELL, it->tag == TAG_TH ? "TH" : "TD", tr, b);
	t->e[el].a = it->level;
	t->e[el].b = it->col;
	return el;
}

/* The element an item's content belongs to, or NONE for an artifact. */
static int
item_elem(struct pdftags *t, const struct item *it)
{
	int parent, el;

	if (it->tag == TAG_ARTIFACT || it->block < 0 ||
	    (size_t)it->block >= t->ps->nblocks)
		return NONE;
	switch (it->tag) {
	case TAG_LBL:
		if ((el = elem_find(t, E_LBL, it->block, 0, 0)) != NONE)
			return el;
		if (nest_kind(t, it->block) == NEST_ITEM ||
		    nest_kind(t, it->block) == NEST_FOOTNOTE)
			parent = nest_elem(t, t->ps->parent[it->block], 0);
		else
			parent = block_elem(t, it);
		return elem_new(t, E_LBL, "Lbl", parent, it->block);
	case TAG_CAPTION:
		if ((el = elem_find(t, E_CAPTION, it->block, 0, 0)) != NONE)
			return el;
		return elem_new(t, E_CAPTION, "Caption", block_elem(t, it),
		    it->block);
	case TAG_TH:
	case TAG_TD:
		if (it->level > 0)
			return cell_elem(t, it);
		return block_elem(t, it);
	default:
		return block_elem(t, it);
	}
}

/*
 * Alt text as the reader hears it: lines joined by a space, or by
 * nothing where a word went on (its added hyphen dropped).
 */
static void
alt_add(struct pdftags *t, const struct item *it, const struct item *prev)
{
	char **a = &t->alt[it->block];
	size_t n = *a ? strlen(*a) : 0, k = strlen(it->text);
	int space = 0;

	if (prev != NULL && prev->hyphen == HY_ADDED && n > 0)
		n--;
	else if (prev != NULL && prev->hyphen == HY_SPACE)
		space = 1;
	*a = xrealloc(*a, n + space + k + 1);
	if (space)
		(*a)[n++] = ' ';
	memcpy(*a + n, it->text, k + 1);
}

/* Every figure's alt text: what it shows invisibly, or its caption. */
static void
gather_alt(struct pdftags *t)
{
	const struct pages *ps = t->ps;
	const struct item *it, *prev;
	size_t i, j;

	for (i = 0; i < ps->n; i++) {
		prev = NULL;
		for (j = 0; j < ps->v[i].nitems; j++) {
			it = &ps->v[i].items[j];
			if (it->kind != IT_TEXT || it->block < 0 ||
			    (size_t)it->block >= ps->nblocks ||
			    !(it->tag == TAG_CAPTION || (it->tag ==
			    TAG_FIGURE && it->invisible)))
				continue;
			alt_add(t, it, prev != NULL && prev->block ==
			    it->block ? prev : NULL);
			prev = it;
		}
	}
}

struct pdftags *
pdftags_new(HPDF_Doc pdf, const struct pages *ps)
{
	struct pdftags *t = xcalloc(1, sizeof(*t));
	size_t i, nb = ps->nblocks ? ps->nblocks : 1;

	t->pdf = pdf;
	t->ps = ps;
	t->blockel = xreallocarray(NULL, nb, sizeof(*t->blockel));
	for (i = 0; i < nb; i++)
		t->blockel[i] = NONE;
	t->nestel = xreallocarray(NULL, ps->nnest + 1, sizeof(*t->nestel));
	for (i = 0; i <= ps->nnest; i++)
		t->nestel[i] = NONE;
	t->alt = xcalloc(nb, sizeof(*t->alt));
	t->pages = xcalloc(ps->n + 1, sizeof(*t->pages));
	t->mc = xcalloc(ps->n + 1, sizeof(*t->mc));
	t->nmc = xcalloc(ps->n + 1, sizeof(*t->nmc));
	t->open = NOT_OPEN;
	elem_new(t, E_DOC, "Document", NONE, NONE);
	gather_alt(t);
	return t;
}

/*
 * Is text item i the text of a link: followed by its link area, with
 * only its own rules between?  The link's index, or 0.
 */
static size_t
covered(const struct page *pg, size_t i)
{
	const struct item *it = &pg->items[i];
	size_t j;

	for (j = i + 1; j < pg->nitems; j++) {
		if (pg->items[j].block != it->block)
			return 0;
		if (pg->items[j].kind == IT_LINK)
			return pg->items[j].x == it->x ? j : 0;
		if (pg->items[j].kind != IT_RULE)
			return 0;
	}
	return 0;
}

/* The next text item of block b after item i that is read, or 0. */
static size_t
next_text(const struct pdftags *t, size_t i, int b)
{
	const struct page *pg = t->pg;
	size_t j;

	for (j = i + 1; j < pg->nitems; j++)
		if (pg->items[j].kind == IT_TEXT && pg->items[j].block == b &&
		    pg->items[j].tag != TAG_ARTIFACT && t->plan[j].drawn)
			return j;
	return 0;
}

/*
 * A word broken at the end of item i's line and going on in the next
 * text item: its two pieces one Span, the word whole as its
 * /ActualText, so a reader reads it once.
 */
static void
plan_span(struct pdftags *t, size_t i)
{
	const struct item *it = &t->pg->items[i], *nx;
	struct plan *p = &t->plan[i], *q;
	const char *sp;
	size_t k, tail, head, n;
	int el;

	if ((it->hyphen != HY_ADDED && it->hyphen != HY_SPLIT) ||
	    p->el[PIECE_BODY] == NONE ||
	    (k = next_text(t, i, it->block)) == 0)
		return;
	nx = &t->pg->items[k];
	q = &t->plan[k];
	if (q->el[PIECE_BODY] != p->el[PIECE_BODY])
		return;		/* a link's text: its hyphen stays */
	sp = strrchr(it->text, ' ');
	tail = sp ? (size_t)(sp - it->text) + 1 : 0;
	if (tail < p->cut[0])
		tail = p->cut[0];
	n = strlen(it->text);
	head = strcspn(nx->text, " ");
	if (tail >= n || head == 0)
		return;
	el = elem_new(t, E_SPAN, "Span", p->el[PIECE_BODY], it->block);
	n -= it->hyphen == HY_ADDED && it->text[n - 1] == '-';
	t->e[el].actual = xmalloc(n - tail + head + 1);
	memcpy(t->e[el].actual, it->text + tail, n - tail);
	memcpy(t->e[el].actual + n - tail, nx->text, head);
	t->e[el].actual[n - tail + head] = '\0';
	p->cut[1] = tail;
	p->el[PIECE_TAIL] = el;
	q->cut[0] = head;
	if (q->cut[1] < head)
		q->cut[1] = head;
	q->el[PIECE_HEAD] = el;
}

/*
 * The Link for text it, in parent, covered by link area a: the last one
 * again when this goes on from the end of its line (a link broken over
 * two lines is one Link with two annotations).
 */
static int
link_elem(struct pdftags *t, int parent, const struct item *it,
    const struct item *a)
{
	if (strncmp(a->uri, "#fn:", 4) == 0)	/* a footnote's number */
		parent = elem_new(t, E_REF, "Reference", parent, it->block);
	if (t->linkend == NULL || t->e[t->link].parent != parent ||
	    strcmp(t->e[t->link].uri, a->uri) != 0)
		t->link = elem_new(t, E_LINK, "Link", parent, it->block);
	t->e[t->link].uri = a->uri;
	t->linkend = it->hyphen != HY_NONE ? it : NULL;
	return t->link;
}

HPDF_STATUS
pdftags_page(struct pdftags *t, size_t p, HPDF_Page page)
{
	const struct page *pg;
	const struct item *it;
	struct plan *pl;
	size_t i, j;

	if (t == NULL)
		return HPDF_OK;
	pg = t->pg = &t->ps->v[p];
	t->page = p;
	t->pages[p] = page;
	t->open = NOT_OPEN;
	t->plan = xreallocarray(t->plan, pg->nitems + 1, sizeof(*t->plan));
	for (i = 0; i < pg->nitems; i++) {
		it = &pg->items[i];
		pl = &t->plan[i];
		pl->drawn = !(it->kind == IT_TEXT && it->invisible &&
		    it->tag == TAG_FIGURE);
		pl->cut[0] = 0;
		pl->cut[1] = it->kind == IT_TEXT ? strlen(it->text) : 0;
		pl->link = NONE;
		pl->el[PIECE_HEAD] = pl->el[PIECE_TAIL] = NONE;
		pl->el[PIECE_BODY] = pl->drawn && it->kind != IT_LINK ?
		    item_elem(t, it) : NONE;
	}
	/* a link's text is a Link, its annotation's OBJR in it */
	for (i = 0; i < pg->nitems; i++) {
		pl = &t->plan[i];
		if (pg->items[i].kind != IT_TEXT || pl->el[PIECE_BODY] == NONE)
			continue;
		if ((j = covered(pg, i)) == 0) {
			t->linkend = NULL;	/* text between two links */
			continue;
		}
		pl->el[PIECE_BODY] = link_elem(t, pl->el[PIECE_BODY],
		    &pg->items[i], &pg->items[j]);
		t->plan[j].link = pl->el[PIECE_BODY];
		t->plan[j].text = i;
	}
	for (i = 0; i < pg->nitems; i++)
		if (pg->items[i].kind == IT_TEXT && t->plan[i].drawn)
			plan_span(t, i);
	return HPDF_OK;
}

int
pdftags_drawn(const struct pdftags *t, size_t i)
{
	return t == NULL || t->plan[i].drawn;
}

void
pdftags_cut(const struct pdftags *t, size_t i, size_t cut[2])
{
	if (t == NULL) {
		cut[0] = 0;
		cut[1] = SIZE_MAX;
		return;
	}
	cut[0] = t->plan[i].cut[0];
	cut[1] = t->plan[i].cut[1];
}

static HPDF_STATUS
put(struct pdftags *t, const char *s)
{
	HPDF_PageAttr attr = (HPDF_PageAttr)t->pages[t->page]->attr;

	return HPDF_Stream_WriteStr(attr->stream, s);
}

HPDF_STATUS
pdftags_close(struct pdftags *t)
{
	if (t == NULL || t->open == NOT_OPEN)
		return HPDF_OK;
	t->open = NOT_OPEN;
	return put(t, "EMC\n");
}

/* A new marked-content id on this page, for element el. */
static int
mcid_new(struct pdftags *t, int el, const struct item *it)
{
	struct kid k;
	size_t p = t->page;

	t->mc[p] = xgrow(t->mc[p], t->nmc[p], sizeof(*t->mc[p]));
	t->mc[p][t->nmc[p]] = el;
	memset(&k, 0, sizeof(k));
	k.type = KID_MCID;
	k.page = p;
	k.mcid = (int)t->nmc[p];
	k.block = it->block;
	k.seq = it->seq;
	kid_add(&t->e[el], k);
	return (int)t->nmc[p]++;
}

HPDF_STATUS
pdftags_mark(struct pdftags *t, size_t i, enum piece piece)
{
	const struct item *it;
	struct elem *e;
	HPDF_STATUS st;
	char buf[64];
	int el, mcid;

	if (t == NULL)
		return HPDF_OK;
	el = t->plan[i].el[piece];
	/* a Span's two pieces each have their own */
	if (el == t->open && (el == NONE || t->e[el].kind != E_SPAN ||
	    piece == t->openpiece))
		return HPDF_OK;
	if ((st = pdftags_close(t)) != HPDF_OK)
		return st;
	t->open = el;
	t->openpiece = piece;
	if (el == NONE)
		return put(t, "/Artifact BMC\n");
	it = &t->pg->items[i];
	e = &t->e[el];
	mcid = mcid_new(t, el, it);
	/*
	 * A Span's pieces are marked as drawn, with no /ActualText of
	 * their own: text extraction (pdftotext, -layout, -raw) reads
	 * the page as an untagged one, letter for letter and place for
	 * place; the Span element's /ActualText gives readers the word.
	 */
	snprintf(buf, sizeof(buf), "/%s <</MCID %d>> BDC\n", e->s, mcid);
	return put(t, buf);
}

/* A link's description (PDF/UA asks for one): its text. */
static HPDF_STATUS
link_contents(struct pdftags *t, HPDF_Annotation an, const char *text)
{
	size_t n = strlen(text);
	HPDF_STATUS st;
	char *s;

	while (n > 0 && text[n - 1] == ' ')
		n--;
	s = xstrndup(text, n);
	st = add_text(t, an, "Contents", s);
	free(s);
	return st;
}

HPDF_STATUS
pdftags_annot(struct pdftags *t, size_t i, HPDF_Annotation an)
{
	const struct item *it;
	struct kid k;
	int el;

	if (t == NULL)
		return HPDF_OK;
	it = &t->pg->items[i];
	if ((el = t->plan[i].link) == NONE) {
		/* no text of its own (it cannot be, but not untagged) */
		if (it->block < 0 || (size_t)it->block >= t->ps->nblocks)
			el = elem_new(t, E_LINK, "Link", 0, it->block);
		else
			el = elem_new(t, E_LINK, "Link", block_elem(t, it),
			    it->block);
	}
	if (t->plan[i].link != NONE)
		TRY(link_contents(t, an, t->pg->items[t->plan[i].text].text));
	memset(&k, 0, sizeof(k));
	k.type = KID_OBJR;
	k.page = t->page;
	k.annot = an;
	k.block = it->block;
	k.seq = it->seq;
	kid_add(&t->e[el], k);
	t->annots = xgrow(t->annots, t->nannots, sizeof(*t->annots));
	t->annots[t->nannots].an = an;
	t->annots[t->nannots].elem = el;
	t->annots[t->nannots++].page = t->page;
	return HPDF_Dict_AddNumber(an, "StructParent",
	    (HPDF_INT32)(t->ps->n + t->nannots - 1));
}

/* Logical order: by block, then by the order things were set in. */
static int
kid_cmp(const void *va, const void *vb)
{
	const struct kid *a = va, *b = vb;

	if (a->block != b->block)
		return a->block < b->block ? -1 : 1;
	if (a->seq != b->seq)
		return a->seq < b->seq ? -1 : 1;
	return a->n < b->n ? -1 : a->n > b->n;
}

/*
 * Each element's first place, from what it holds (children come after
 * their parents in t->e), then each hung on its parent and every
 * element's kids put in logical order (a row's cells in column order).
 */
static void
order(struct pdftags *t)
{
	struct elem *e, *p;
	struct kid k;
	size_t i, j;

	for (i = t->ne; i-- > 0; ) {
		e = &t->e[i];
		for (j = 0; j < e->nkids; j++) {
			if (e->kids[j].type == KID_ELEM)
				continue;
			e->has = 1;
			if (e->kids[j].block < e->block0 ||
			    (e->kids[j].block == e->block0 &&
			    e->kids[j].seq < e->seq0)) {
				e->block0 = e->kids[j].block;
				e->seq0 = e->kids[j].seq;
			}
		}
		if (!e->has || e->parent == NONE)
			continue;
		p = &t->e[e->parent];
		memset(&k, 0, sizeof(k));
		k.type = KID_ELEM;
		k.elem = (int)i;
		k.block = e->kind == E_CELL ? 0 : e->block0;
		k.seq = e->kind == E_CELL ? (size_t)e->b : e->seq0;
		kid_add(p, k);
		p->has = 1;
		if (e->block0 < p->block0 || (e->block0 == p->block0 &&
		    e->seq0 < p->seq0)) {
			p->block0 = e->block0;
			p->seq0 = e->seq0;
		}
	}
	for (i = 0; i < t->ne; i++)
		if (t->e[i].nkids > 1)
			qsort(t->e[i].kids, t->e[i].nkids,
			    sizeof(*t->e[i].kids), kid_cmp);
}

/*
 * Every row of a table as many cells as its widest: an empty cell (a
 * GitHub table's, or a field a table set as lines leaves out) is an
 * empty TD in its place, so readers count columns right.
 */
static void
fill_rows(struct pdftags *t)
{
	size_t i, n = t->ne;
	int *ncols = xcalloc(n, sizeof(*ncols)), tab, col, el;

	/* by table: its widest row */
	for (i = 0; i < n; i++)
		if (t->e[i].kind == E_CELL &&
		    t->e[i].b >= ncols[tab = t->e[t->e[i].parent].parent])
			ncols[tab] = t->e[i].b + 1;
	for (i = 0; i < n; i++) {
		if (t->e[i].kind != E_TR)
			continue;
		for (col = 0; col < ncols[t->e[i].parent]; col++) {
			if (elem_find(t, E_CELL, t->e[i].block, t->e[i].a,
			    col) != NONE)
				continue;
			el = elem_new(t, E_CELL, "TD", (int)i, t->e[i].block);
			t->e[el].a = t->e[i].a;
			t->e[el].b = col;
			t->e[el].has = 1;
		}
	}
	free(ncols);
}

/* An indirect dictionary of type `type`. */
static HPDF_STATUS
dict_new(struct pdftags *t, const char *type, HPDF_Dict *d)
{
	NEW(*d, HPDF_Dict_New(t->pdf->mmgr));
	TRY(HPDF_Xref_Add(t->pdf->xref, *d));
	return type ? HPDF_Dict_AddName(*d, "Type", type) : HPDF_OK;
}

/* A kid of an element: an MCID, a marked-content or object reference. */
static HPDF_STATUS
kid_write(struct pdftags *t, HPDF_Array arr, HPDF_Page pg,
    const struct kid *k)
{
	HPDF_Dict d;

	if (k->type == KID_ELEM)
		return HPDF_Array_Add(arr, t->e[k->elem].dict);
	if (k->type == KID_MCID && t->pages[k->page] == pg)
		return HPDF_Array_AddNumber(arr, k->mcid);
	NEW(d, HPDF_Dict_New(t->pdf->mmgr));
	TRY(HPDF_Array_Add(arr, d));
	TRY(HPDF_Dict_AddName(d, "Type", k->type == KID_MCID ? "MCR" : "OBJR"));
	TRY(HPDF_Dict_Add(d, "Pg", t->pages[k->page]));
	if (k->type == KID_MCID)
		return HPDF_Dict_AddNumber(d, "MCID", k->mcid);
	return HPDF_Dict_Add(d, "Obj", k->annot);
}

/*
 * A Note's ID: a footnote's is the name its references link to
 * ("fn:N", N its number), a callout's "noteI".
 */
static void
note_id(const struct pdftags *t, size_t i, char *id, size_t size)
{
	const struct elem *e = &t->e[i];
	int k, n = 0;

	if (e->kind != E_NEST || t->ps->nest[e->a].kind != NEST_FOOTNOTE) {
		snprintf(id, size, "note%zu", i);
		return;
	}
	for (k = 0; k <= e->a; k++)
		n += t->ps->nest[k].kind == NEST_FOOTNOTE;
	snprintf(id, size, "fn:%d", n);
}

/* Element i's dictionary filled in: type, parent, page, kids, texts. */
static HPDF_STATUS
elem_write(struct pdftags *t, size_t i, HPDF_Dict root)
{
	struct elem *e = &t->e[i];
	HPDF_Page pg = NULL;
	HPDF_Array kids;
	HPDF_Dict a;
	char id[32];
	size_t j;

	TRY(HPDF_Dict_AddName(e->dict, "S", e->s));
	TRY(HPDF_Dict_Add(e->dict, "P", e->parent == NONE ? root :
	    t->e[e->parent].dict));
	for (j = 0; j < e->nkids && pg == NULL; j++)
		if (e->kids[j].type != KID_ELEM)
			pg = t->pages[e->kids[j].page];
	if (pg != NULL)
		TRY(HPDF_Dict_Add(e->dict, "Pg", pg));
	NEW(kids, HPDF_Array_New(t->pdf->mmgr));
	TRY(HPDF_Dict_Add(e->dict, "K", kids));
	for (j = 0; j < e->nkids; j++)
		if (e->kids[j].type != KID_ELEM || t->e[e->kids[j].elem].has)
			TRY(kid_write(t, kids, pg, &e->kids[j]));
	if (e->alt != NULL)
		TRY(add_text(t, e->dict, "Alt", e->alt));
	if (e->actual != NULL)
		TRY(add_text(t, e->dict, "ActualText", e->actual));
	if (strcmp(e->s, "Note") == 0) {	/* PDF/UA: a note has an ID */
		note_id(t, i, id, sizeof(id));
		TRY(add_text(t, e->dict, "ID", id));
	}
	if (strcmp(e->s, "TH") == 0) {
		NEW(a, HPDF_Dict_New(t->pdf->mmgr));
		TRY(HPDF_Dict_Add(e->dict, "A", a));
		TRY(HPDF_Dict_AddName(a, "O", "Table"));
		TRY(HPDF_Dict_AddName(a, "Scope", "Column"));
	}
	return HPDF_OK;
}

/* The number tree from each page and annotation back to elements. */
static HPDF_STATUS
parent_tree(struct pdftags *t, HPDF_Dict root)
{
	HPDF_Dict tree;
	HPDF_Array nums, arr;
	size_t i, j;

	TRY(dict_new(t, NULL, &tree));
	TRY(HPDF_Dict_Add(root, "ParentTree", tree));
	NEW(nums, HPDF_Array_New(t->pdf->mmgr));
	TRY(HPDF_Dict_Add(tree, "Nums", nums));
	for (i = 0; i < t->ps->n; i++) {
		if (t->pages[i] == NULL)
			continue;
		TRY(HPDF_Dict_AddNumber(t->pages[i], "StructParents",
		    (HPDF_INT32)i));
		TRY(HPDF_Dict_AddName(t->pages[i], "Tabs", "S"));
		TRY(HPDF_Array_AddNumber(nums, (HPDF_INT32)i));
		NEW(arr, HPDF_Array_New(t->pdf->mmgr));
		TRY(HPDF_Array_Add(nums, arr));
		for (j = 0; j < t->nmc[i]; j++)
			TRY(HPDF_Array_Add(arr, t->e[t->mc[i][j]].dict));
	}
	for (i = 0; i < t->nannots; i++) {
		TRY(HPDF_Array_AddNumber(nums, (HPDF_INT32)(t->ps->n + i)));
		TRY(HPDF_Array_Add(nums, t->e[t->annots[i].elem].dict));
	}
	return HPDF_Dict_AddNumber(root, "ParentTreeNextKey",
	    (HPDF_INT32)(t->ps->n + t->nannots));
}

/*
 * The rules of PDF/UA-1 this can see: every figure has alt text, and
 * headings go down one level at a time.  NULL when they hold, else why.
 */
static const char *
ua_holds(struct pdftags *t)
{
	size_t i;
	int last = 0, level;

	for (i = 0; i < t->ne; i++)
		if (t->e[i].has && strcmp(t->e[i].s, "Figure") == 0 &&
		    (t->e[i].alt == NULL || t->e[i].alt[0] == '\0'))
			return "an image has no alt text";
	/* headings in logical order: the blocks' */
	for (i = 0; i < t->ps->nblocks; i++) {
		if (t->blockel[i] == NONE ||
		    (level = t->e[t->blockel[i]].level) == 0)
			continue;
		if (level > last + 1) {
			snprintf(t->why, sizeof(t->why), "a heading of level %d "
			    "follows one of level %d", level, last);
			return t->why;
		}
		last = level;
	}
	return NULL;
}

HPDF_STATUS
pdftags_finish(struct pdftags *t, const char **why)
{
	HPDF_Dict root, mark;
	HPDF_Array k;
	size_t i;

	*why = "untagged";
	if (t == NULL)
		return HPDF_OK;
	fill_rows(t);
	order(t);
	t->e[0].has = 1;
	for (i = 0; i < t->ne; i++)
		if (t->e[i].has)	/* /Type /StructElem is optional */
			TRY(dict_new(t, NULL, &t->e[i].dict));
	TRY(dict_new(t, "StructTreeRoot", &root));
	NEW(k, HPDF_Array_New(t->pdf->mmgr));
	TRY(HPDF_Dict_Add(root, "K", k));
	TRY(HPDF_Array_Add(k, t->e[0].dict));
	for (i = 0; i < t->ne; i++)
		if (t->e[i].has)
			TRY(elem_write(t, i, root));
	TRY(parent_tree(t, root));
	TRY(HPDF_Dict_Add(t->pdf->catalog, "StructTreeRoot", root));
	NEW(mark, HPDF_Dict_New(t->pdf->mmgr));
	TRY(HPDF_Dict_Add(t->pdf->catalog, "MarkInfo", mark));
	TRY(HPDF_Dict_Add(mark, "Marked", HPDF_Boolean_New(t->pdf->mmgr,
	    HPDF_TRUE)));
	*why = ua_holds(t);
	return HPDF_OK;
}

void
pdftags_free(struct pdftags *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->ne; i++) {
		free(t->e[i].kids);
		free(t->e[i].alt);
		free(t->e[i].actual);
	}
	for (i = 0; i < t->ps->nblocks; i++)
		free(t->alt[i]);
	for (i = 0; i < t->ps->n; i++)
		free(t->mc[i]);
	free(t->e);
	free(t->blockel);
	free(t->nestel);
	free(t->alt);
	free(t->pages);
	free(t->mc);
	free(t->nmc);
	free(t->annots);
	free(t->plan);
	free(t);
}
