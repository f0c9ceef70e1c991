/*
 * style: what a piece of text or a shape looks like, shared by every
 * stage from the profile to render: a colour and a face.
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

#endif
