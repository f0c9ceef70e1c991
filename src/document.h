/*
 * The document: an article and a profile turned into a flat list of
 * styled blocks.  Sizes, colours and spacing are decided here; where
 * things go on the page is decided by layout.  The containers the blocks
 * sat in (lists, items, block quotes) are kept beside them as groups, so
 * that a tagged PDF can rebuild the nesting the flat list leaves out.
 */
#ifndef LP_DOCUMENT_H
#define LP_DOCUMENT_H
#include <stddef.h>

#include "diag.h"
#include "image.h"
#include "style.h"

struct article;
struct profile;
struct font;
struct qrcode;

struct run {
	char		*text;		/* UTF-8, owned */
	size_t		 len;
	enum face	 face;
	float		 size;
	struct rgb	 color;
	char		*link;		/* URI, owned, or NULL */
	int		 hardbreak;	/* a forced line break; text is empty */
	int		 strike;	/* struck through (GFM's ~~text~~) */
	float		 rise;		/* baseline raised by: a superscript */
	char		*anchor;	/* a name "#name" links land on, at the
					   line this run starts on, or NULL */
};

enum block_kind {
	BLK_TEXT,	/* lines of runs: paragraphs, headings, list items, code */
	BLK_RULE,	/* a thematic break */
	BLK_IMAGE,	/* an image scaled to the column */
	BLK_BRAND,	/* the clinic's logo, name and tagline atop page 1 */
	BLK_TABLE,	/* a GitHub table: its cells in block.table */
	BLK_QR		/* a QR code (block.qr), its address as the runs,
			   printed under it */
};

/* What a block is, for tagging and for the dump. */
enum role {
	ROLE_P,
	ROLE_H,		/* level in block.level */
	ROLE_TITLE,
	ROLE_SUBTITLE,
	ROLE_LI,
	ROLE_CODE,
	ROLE_QUOTE,	/* a paragraph of a block quote that is no callout */
	ROLE_RULE,
	ROLE_FIGURE,
	ROLE_BRAND,
	ROLE_CONTACT,
	ROLE_GOVERNANCE,
	ROLE_TABLE	/* a table, and each of its cells */
};

enum callout_kind {
	CALLOUT_NOTE,
	CALLOUT_WARNING,
	CALLOUT_CONTACT,
	CALLOUT_CODE,
	CALLOUT_IMAGE	/* the alt text of an image that cannot be shown */
};

struct callout {
	enum callout_kind kind;
	struct rgb	 fill;
	struct rgb	 edge;		/* bar at the left edge */
	float		 bar;		/* its width; 0 for none */
	float		 pad;		/* inner padding its blocks are indented by */
};

enum group_kind {
	GROUP_LIST,
	GROUP_ITEM,
	GROUP_QUOTE,
	GROUP_TABLE	/* holds its one BLK_TABLE block */
};

/* A container in the article; groups[] lists them in document order. */
struct group {
	enum group_kind	 kind;
	int		 parent;	/* index into groups, or -1 at top level */
	int		 ordered;	/* list: numbered */
	int		 start;		/* ordered list: its first number */
	int		 tight;		/* list: items without space between */
	int		 callout;	/* quote: index + 1 into callouts when it
					   is drawn as one; 0 when it indents */
	int		 footnote;	/* list: the footnotes; item: one of them */
};

/*
 * A table: nrows rows of ncols cells, row 0 the header (GitHub's tables
 * always have one).  Each cell is a text block of role ROLE_TABLE, set
 * by layout like any other, never in the document's list of blocks.
 */
struct table {
	size_t		 ncols;
	size_t		 nrows;
	char		*align;		/* by column: 'l', 'c', 'r', or 0 */
	struct block	*cells;		/* row by row */
};

struct block {
	enum block_kind	 kind;
	enum role	 role;
	int		 level;		/* heading level; list depth */
	struct run	*runs;
	size_t		 nruns;
	float		 leading;	/* baseline to baseline */
	float		 ascent;	/* of the first line, above its baseline */
	float		 indent;	/* from the column's left edge */
	float		 space_before;
	char		*slug;		/* a heading's name for "#slug" links */
	char		*marker;	/* list bullet or number, hung left of indent */
	int		 tick;		/* a task list item: 1 a box drawn instead
					   of the marker, 2 a ticked box; the
					   marker ("[ ]", "[x]") is read, unseen */
	enum face	 marker_face;
	struct rgb	 marker_color;
	float		 marker_size;
	int		 callout;	/* index + 1 into callouts; 0 for none */
	int		 keep_next;	/* no page break between this and the next */
	int		 nosplit;	/* no page break inside */
	int		 pre;		/* preformatted: lines end only at newlines */
	int		 image;		/* BLK_IMAGE, BLK_BRAND: index + 1 into images, or 0 */
	int		 group;		/* innermost container, or -1 */
	struct table	*table;		/* BLK_TABLE: owned */
	struct qrcode	*qr;		/* BLK_QR: owned */
	struct srcpos	 pos;
};

struct document {
	struct block	*blocks;
	size_t		 nblocks;
	struct callout	*callouts;
	size_t		 ncallouts;
	struct group	*groups;
	size_t		 ngroups;
	const struct image **images;	/* the profile's logo first, if any,
					   then the article's figures shown */
	size_t		 nimages;
	struct typescale ty;		/* the sizes it is set at */
	int		 justify;	/* set prose justified */
	int		 pdfa;		/* PDF/A-1b */
	struct rgb	 primary;
	struct rgb	 accent;
	/* metadata and furniture */
	char		*title;
	char		*subtitle;
	char		*clinic;	/* its name */
	char		*author;	/* the PDF's: the article's, else the clinic */
	char		*lang;
	char		*keywords;	/* or NULL */
	long long	 date;		/* creation date, seconds since 1970; -1: none */
	int		 captions;	/* alt text shown under images */
	char		*footer;	/* clinic name and phone */
	char		*brand_name;
	char		*brand_tagline;
};

/*
 * Build the document.  fonts[] are the faces in use, for the check that
 * every character can be drawn (a missing one is a warning).
 */
int	document_build(struct document *, const struct article *,
	    const struct profile *, const struct font *const *fonts,
	    const struct typescale *, struct diag *);
/*
 * Without the clinic's furniture, the brand band, contact box and
 * governance line: for a page shape that draws its own letterhead.
 */
void	document_bare(struct document *);
void	document_free(struct document *);

#endif
