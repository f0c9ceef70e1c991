/*
 * style: what a piece of text or a shape looks like, shared by every
 * stage from the profile to render: a colour and a face; and the
 * document's type sizes, leading, spacing and colours, shared by the
 * Markdown walk and the clinic furniture that the document is built of.
 */
#ifndef LP_STYLE_H
#define LP_STYLE_H

struct rgb {
	float	r, g, b;	/* 0..1 */
};

/* Faces a leaflet is set in; also the index into font tables. */
enum face {
	FACE_REGULAR,
	FACE_BOLD,
	FACE_ITALIC,
	FACE_BOLDITALIC,
	FACE_MONO,
	FACE__MAX
};

/*
 * Tight leading for display type, yet no less than the face's ascent plus
 * descent (1.36 em for Noto Sans), so lines never overlap.
 */
#define TIGHT		1.38f

/*
 * The document's type sizes and spacing, in points: a leaflet format
 * picks them (format.h), from the standard 12 pt scale, a smaller body
 * for a tri-fold that must fit its panels, or large print.
 */
struct typescale {
	float	body;		/* body text */
	float	leading;	/* baseline to baseline, body text */
	float	para;		/* space between paragraphs */
	float	tight;		/* between the items of a tight list */
	float	list_indent;
	float	quote_pad;
	float	code;		/* code blocks */
	float	code_pad;
	float	caption;
	float	heading[6];	/* headings by level */
	float	heading_space[6];	/* and the space above them */
	float	brand;		/* the furniture: brand band, title, */
	float	tagline;	/* contact box, governance line */
	float	title;
	float	subtitle;
	float	contact_head;
	float	govern;
	float	footer;		/* page furniture: footer, page numbers */
	int	upright;	/* emphasis in bold, no italics */
	int	compact;	/* the contact details without their box */
	int	wide_images;	/* images up to twice as large, as wide as
				   the text at most */
};

/*
 * The scale for body text of `body` points: the standard proportions
 * scaled, or with `large` set the large-print ones (leading 1.5, more
 * space, no text smaller than the body, no italics).
 */
void	typescale_init(struct typescale *, float body, int large);
/*
 * Tighter, to save a page: level 1 closes up the space between
 * paragraphs, above headings and between lines, within limits a reader
 * does not notice; level 2 also sets the contact details compactly.
 */
void	typescale_tighten(struct typescale *, int level);
/* The face emphasis is set in at this scale. */
enum face typescale_face(const struct typescale *, enum face);

/* Between the clinic's name and phone in a page's footer. */
#define FOOTER_SEP	"  \xc2\xb7  "

/* Body text, and quieter text: captions, separators, the tagline. */
static const struct rgb COLOR_TEXT = { 0.10f, 0.10f, 0.10f };
static const struct rgb COLOR_GREY = { 0.33f, 0.33f, 0.33f };

#endif
