/*
 * Pages: the display list layout hands to render (and to the dump), the
 * last plain data structure of the pipeline.  It is self-contained:
 * render needs nothing else but a small record of metadata (render.h).
 * Coordinates are PDF points with the origin at the page's bottom left.
 * Every item says what it is to a reader (enum tag) and names the
 * document block it came from, or -1 for page furniture, so render can
 * write a tagged PDF.  Headings are marks, for the outline and links.
 */
#ifndef LP_PAGES_H
#define LP_PAGES_H
#include <stddef.h>
#include <stdio.h>

#include "style.h"

enum item_kind {
	IT_TEXT,	/* x, y: baseline start; w: advance width */
	IT_RULE,	/* from x, y to x + w, y + h, stroke width lw */
	IT_RECT,	/* filled: x, y bottom left, w, h */
	IT_IMAGE,	/* x, y bottom left, w, h; image: index into document images */
	IT_LINK		/* clickable area x, y, w, h to uri; it comes
			   after the IT_TEXT it covers, with only that
			   text's rules between them */
};

/* How a line's last text item ends (struct item's hyphen). */
enum hyphen {
	HY_NONE,	/* not at a line's end, or at the block's last */
	HY_SPACE,	/* between words */
	HY_ADDED,	/* in a hyphen leafpress added: not the word's */
	HY_SPLIT	/* inside a word that goes on, unbroken, on the next
			   line (after a real hyphen, a slash) */
};

/*
 * What an item is to a reader, so render can tag it for screen readers
 * (the PDF structure type in brackets).  Everything that is not read,
 * page furniture, rules, tinted boxes, underlines, is an artifact.
 */
enum tag {
	TAG_AUTO,	/* while composing: from the item's block */
	TAG_ARTIFACT,
	TAG_P,		/* a paragraph, the brand's and contact text [P] */
	TAG_H,		/* a heading, the title as level 1 [H1-H6] */
	TAG_LBL,	/* a list item's bullet or number [Lbl] */
	TAG_LBODY,	/* a list item's text [LBody] */
	TAG_QUOTE,	/* a callout's text [BlockQuote] */
	TAG_NOTE,	/* an urgent callout's text [Note] */
	TAG_CODE,	/* [Code] */
	TAG_FIGURE,	/* an image, and its alt text when unseen [Figure] */
	TAG_CAPTION,	/* alt text shown as a caption [Caption] */
	TAG_LINK,	/* a link area [Link] */
	TAG_TH,		/* a table's header cell; level: its row, from 1 [TH] */
	TAG_TD		/* a table's cell; level: its row, from 1 [TD] */
};

struct item {
	enum item_kind	 kind;
	enum tag	 tag;
	int		 level;		/* TAG_H: 1-6; TAG_TH, TAG_TD: row */
	int		 col;		/* TAG_TH, TAG_TD: column, from 0 */
	int		 block;		/* document block, or -1 for furniture */
	float		 x, y, w, h;
	float		 lw;
	float		 dash;		/* IT_RULE: dashes and gaps this
					   long; 0: a solid line */
	enum face	 face;
	float		 size;
	struct rgb	 color;
	char		*text;		/* IT_TEXT: owned UTF-8 */
	char		*uri;		/* IT_LINK: owned; "#name" for a heading */
	int		 image;
	int		 invisible;	/* IT_TEXT: read, not seen (alt text) */
	enum hyphen	 hyphen;	/* IT_TEXT: how its line ends there */
	size_t		 seq;		/* its place in reading order, kept
					   when the list is imposed */
};

struct page {
	struct item	*items;
	size_t		 nitems;
};

/* A heading: an entry of the document outline and a link target. */
struct mark {
	int		 block;
	int		 level;
	size_t		 page;
	float		 y;		/* top of its first line */
	char		*title;		/* owned */
	const char	*slug;		/* the document's */
};

/*
 * A container the document's blocks sat in, so that a tagged PDF can
 * nest what the flat list of items leaves flat: a list [L] of items
 * [LI], a block quote [BlockQuote] or urgent callout [Note], footnotes.
 */
enum nest_kind {
	NEST_LIST,
	NEST_ITEM,
	NEST_QUOTE,
	NEST_NOTE,
	NEST_TABLE,	/* a table [Table], its rows [TR] by the items' level */
	NEST_NOTES,	/* the footnotes: no element, each one's in its place */
	NEST_FOOTNOTE	/* a footnote [Note] (its ID its "#fn:N" name),
			   holding its number [Lbl] and paragraphs */
};

struct nest {
	enum nest_kind	 kind;
	int		 parent;	/* index into nest, or -1 at top level */
};

/* How well one paragraph was set, for the dump and the tests. */
struct parastat {
	int		 block;
	unsigned	 lines;
	unsigned	 hyphens;	/* lines ending in a hyphen */
	float		 mean;		/* relative slack of non-final lines */
	float		 worst;
	double		 slack;		/* sum of squared relative slack */
	double		 greedy;	/* the same, broken first-fit */
};

struct pages {
	float		 width;
	float		 height;
	float		 trim;		/* print marks (marks.h): the trim box
					   is this far inside every edge */
	float		 bleed;		/* and the bleed box this far outside it */
	struct page	*v;
	size_t		 n;
	struct mark	*marks;
	size_t		 nmarks;
	int		*parent;	/* by block: its innermost container
					   (index into nest), or -1 */
	size_t		 nblocks;
	struct nest	*nest;		/* in document order */
	size_t		 nnest;
	struct parastat	*stats;
	size_t		 nstats;
};

struct item	*pages_add(struct page *, enum item_kind, int block);
/*
 * A line from x, y to x + w, y + h, drawn for the eye only (a rule, an
 * underline, a strike, a task box, a code line's continuation hook),
 * so an artifact to a reader.
 */
struct item	*pages_rule(struct page *, int block, float x, float y,
		    float w, float h, float lw, struct rgb);
/* A filled rectangle, x, y its bottom left. */
struct item	*pages_rect(struct page *, int block, float x, float y,
		    float w, float h, struct rgb);
/* A text item of width w (the caller measures); s[0..n) is copied. */
struct item	*pages_text(struct page *, int block, float x, float y,
		    enum face, float size, struct rgb, const char *s, size_t n,
		    float w);
/*
 * Append a copy of src's pages to dst, as pages of one PDF: src's
 * blocks become dst's from block_off on, its images from image_off
 * on, its marks' slugs stay src's document's; how well paragraphs
 * were set is left behind.  pages_blank() adds an empty page.
 */
void		 pages_append(struct pages *dst, const struct pages *src,
		    int block_off, int image_off);
void		 pages_blank(struct pages *);
void		 pages_dump(const struct pages *, FILE *);
void		 pages_dump_stats(const struct pages *, FILE *);
void		 pages_free(struct pages *);

#endif
