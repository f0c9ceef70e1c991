/*
 * pdftags: a tagged PDF from the display list, beside render as pdfmeta
 * is: marked content around every item in each page's content stream,
 * and a structure tree in the logical order of the document (its
 * blocks, then the order lines were set in), whatever page or sheet
 * they were placed on.  libharu 2.3 has no marked-content API: the
 * operators go into the page's content stream, the tree is built with
 * its object API.
 *
 * render calls, for each page, pdftags_page, then for each piece of each
 * item pdftags_mark just before drawing it, pdftags_close before BT and
 * ET, pdftags_annot for each link annotation; and pdftags_finish once
 * every page is drawn.  A NULL struct pdftags (--no-tags) does nothing,
 * and every item is drawn whole.
 */
#ifndef LP_PDFTAGS_H
#define LP_PDFTAGS_H
#include <stddef.h>

#include <hpdf.h>

struct pages;
struct pdftags;

/* Pieces of a text item, each marked on its own: see pdftags_cut. */
enum piece {
	PIECE_HEAD,	/* a word's end, begun on the line before */
	PIECE_BODY,
	PIECE_TAIL	/* a word's start, ended on the next line */
};

struct pdftags	*pdftags_new(HPDF_Doc, const struct pages *);
/* Page p, its items planned (which element each piece belongs to). */
HPDF_STATUS	 pdftags_page(struct pdftags *, size_t p, HPDF_Page);
/*
 * Whether item i of the page is drawn: alt text drawn invisibly is not,
 * it is the figure's /Alt.
 */
int		 pdftags_drawn(const struct pdftags *, size_t i);
/*
 * Where item i's text is cut: [0, cut[0]) is its head, [cut[0],
 * cut[1]) its body, [cut[1], end) its tail; each may be empty.  A word
 * broken at a line end is a Span of its own whose /ActualText is the
 * word, so that a screen reader reads it whole; its marked content has
 * none, so text extraction reads the page as drawn.
 */
void		 pdftags_cut(const struct pdftags *, size_t i, size_t cut[2]);
/* Before piece `piece` of item i is drawn: its marked content. */
HPDF_STATUS	 pdftags_mark(struct pdftags *, size_t i, enum piece);
/* End the open marked content: before BT and ET, and the page's end. */
HPDF_STATUS	 pdftags_close(struct pdftags *);
/* The annotation drawn for item i (an IT_LINK), for its Link element. */
HPDF_STATUS	 pdftags_annot(struct pdftags *, size_t i, HPDF_Annotation);
/*
 * The structure tree, parent tree and catalog entries.  *why is NULL
 * when the rules of PDF/UA-1 that can be checked here hold (every figure
 * has alt text, no heading level is skipped), else says which does not.
 */
HPDF_STATUS	 pdftags_finish(struct pdftags *, const char **why);
void		 pdftags_free(struct pdftags *);

#endif
