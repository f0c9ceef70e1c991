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

/* The document's type sizes and spacing, in points; the rest is derived. */
#define BODY_SIZE	12.0f
#define BODY_LEADING	17.0f	/* about 1.4 */
#define PARA_SPACE	9.0f
#define TIGHT_SPACE	5.0f	/* between the items of a tight list */
#define LIST_INDENT	20.0f
#define QUOTE_PAD	14.0f
#define CODE_SIZE	10.5f
#define CODE_PAD	10.0f
#define CAPTION_SIZE	10.5f
/*
 * Tight leading for display type, yet no less than the face's ascent plus
 * descent (1.36 em for Noto Sans), so lines never overlap.
 */
#define TIGHT		1.38f

/* Headings by level 1-6: type size and space above. */
#define HEADING_SIZES	{ 22, 17, 14, 12.5f, 12, 12 }
#define HEADING_SPACES	{ 20, 18, 14, 12, 10, 10 }

/* The furniture: brand band, title, contact box, governance line. */
#define BRAND_SIZE	17.0f
#define TAGLINE_SIZE	11.5f
#define TITLE_SIZE	26.0f
#define SUBTITLE_SIZE	15.0f
#define CONTACT_HEAD	14.0f
#define GOVERN_SIZE	10.0f

/* Body text, and quieter text: captions, separators, the tagline. */
static const struct rgb COLOR_TEXT = { 0.10f, 0.10f, 0.10f };
static const struct rgb COLOR_GREY = { 0.33f, 0.33f, 0.33f };

#endif
