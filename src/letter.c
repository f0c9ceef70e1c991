/*
 * letter: the window-envelope letter, a page shape of fixed frames.
 * Every position is a row of the table below, in millimetres.
 */
#include <stdlib.h>
#include <string.h>

#include "fonts.h"
#include "letter.h"
#include "pages.h"
#include "xalloc.h"

#define MM		(72.0f / 25.4f)	/* points a millimetre */
#define ADDR_SIZE	10.0f		/* the address, at most ... */
#define ADDR_MIN	8.5f		/* ... and at least, in points */
#define ADDR_LEAD	1.2f		/* leading, in ems */
#define ADDR_ASC	1.07f		/* Noto Sans's ascent and ... */
#define ADDR_DESC	0.3f		/* ... descent, in ems */
#define CLINIC_SIZE	8.5f
#define BODY_LEFT_MIN	24.6f		/* the text lines up with the
					   address, in mm */
#define BODY_BOTTOM	20.0f		/* the text ends this far up, mm */
#define LATER_TOP	18.0f		/* later pages' text starts, mm */
#define FOOT_BASE	10.0f		/* page numbers' baseline, mm up */
#define MEASURE_EMS	35.0f		/* about 75 characters a line */

/*
 * The geometry, one row a paper.  A4: GOV.UK Notify's precompiled
 * letters (alphagov/notifications-template-preview, app/precompiled.py):
 * the address 24.6-120 mm across and 39.5-66.3 mm down with nothing
 * else in it, the clinic's details within 125-195 x 5-95 mm, the logo
 * within 15-125 x 5-30 mm, the body from 95 mm down, nothing within
 * 15 mm of the sides or 5 mm of the top and bottom, 10 pages at most.
 * US Letter: a #10 window envelope (window 4.5 x 1.125 in, 7/8 in from
 * the left, 1/2 in from the bottom) with a letter folded in three: the
 * part of the window the address stays in however the letter slides,
 * 7/8-4 in across, 2-2.75 in down.
 */
static const struct letter_geom geoms[] = {
	{ PAPER_A4, { 24.6f, 120.0f, 39.5f, 66.3f },
	    { 125.0f, 195.0f, 5.0f, 95.0f }, { 15.0f, 125.0f, 5.0f, 30.0f },
	    95.0f, 15.0f, 5.0f, 1, 10 },
	{ PAPER_LETTER, { 22.2f, 101.6f, 50.8f, 69.8f },
	    { 125.0f, 200.9f, 8.0f, 48.0f }, { 15.0f, 110.0f, 8.0f, 33.0f },
	    82.0f, 15.0f, 5.0f, 0, 10 }
};

const struct letter_geom *
letter_geom(enum paper paper)
{
	return paper == PAPER_LETTER ? &geoms[1] : &geoms[0];
}

void
letter_typescale(struct typescale *ty)
{
	typescale_init(ty, 11.0f, 0);
	ty->title = ty->heading[2];
	ty->subtitle = ty->body;
}

/* The text's left edge and width, in points, on every page. */
static void
measure(const struct shape *s, const struct letter_geom *g, float *x,
    float *w)
{
	*x = BODY_LEFT_MIN * MM;
	*w = s->width - *x - g->side * MM - 10.0f * MM;
	if (*w > MEASURE_EMS * s->ty->body)
		*w = MEASURE_EMS * s->ty->body;
}

static int
letter_frame(const struct shape *s, size_t n, struct frame *fr)
{
	const struct letterhead *lh = s->arg;
	float top = n == 0 ? lh->g->body_top : LATER_TOP;

	memset(fr, 0, sizeof(*fr));
	fr->story = STORY_BODY;
	fr->page = n;
	measure(s, lh->g, &fr->x, &fr->w);
	fr->top = top * MM;
	fr->h = s->height - (top + BODY_BOTTOM) * MM;
	return 0;
}

/* The size the address is set at: as large as its lines fit. */
static float
addr_size(const struct letter_geom *g, size_t n)
{
	float h = (g->address.y1 - g->address.y0) * MM, size;

	/* from the first line's ascent to the last's descent */
	size = n > 0 ? h / ((float)(n - 1) * ADDR_LEAD + ADDR_ASC +
	    ADDR_DESC) : ADDR_SIZE;
	return size > ADDR_SIZE ? ADDR_SIZE : size;
}

/* Lines of text from the top left of a box, in points, each size s. */
static float
put_line(struct page *pg, const struct font *f, enum face face, float x,
    float y, float size, struct rgb c, const char *s)
{
	size_t n = strlen(s);

	pages_text(pg, -1, x, y, face, size, c, s, n,
	    font_width(f, s, n, size));
	return y - size * ADDR_LEAD;
}

/* The patient's name and address in the window. */
static void
window(const struct shape *s, const struct letterhead *lh, struct page *pg,
    const struct furnish *fu)
{
	const struct mmbox *b = &lh->g->address;
	float size = addr_size(lh->g, lh->naddr);
	float y = s->height - b->y0 * MM - size * ADDR_ASC;	/* baseline */
	size_t i;

	for (i = 0; i < lh->naddr; i++)
		y = put_line(pg, fu->fonts[FACE_REGULAR], FACE_REGULAR,
		    b->x0 * MM, y, size, COLOR_TEXT, lh->addr[i]);
}

/*
 * The clinic's details at the right: its name, address, phone, email,
 * website, then our reference.  A line too wide is set smaller.
 */
static void
clinic_block(const struct shape *s, const struct letterhead *lh,
    struct page *pg, const struct furnish *fu)
{
	const struct profile *p = lh->p;
	const struct mmbox *b = &lh->g->clinic;
	const char *v[16];
	char *ref = lh->ref ? xasprintf("Our ref: %s", lh->ref) : NULL;
	float y = s->height - b->y0 * MM - 5.0f * MM, size, w;
	size_t n = 0, i;
	enum face face;

	v[n++] = p->name;
	for (i = 0; i < p->naddress && n < 10; i++)
		v[n++] = p->address[i];
	if (p->phone)
		v[n++] = p->phone;
	if (p->email)
		v[n++] = p->email;
	if (p->website)
		v[n++] = p->website;
	if (ref)
		v[n++] = ref;
	for (i = 0; i < n; i++) {
		face = i == 0 ? FACE_BOLD : FACE_REGULAR;
		size = CLINIC_SIZE;
		w = font_width(fu->fonts[face], v[i], strlen(v[i]), size);
		if (w > (b->x1 - b->x0) * MM)
			size *= (b->x1 - b->x0) * MM / w;
		if (i == n - 1 && ref)
			y -= CLINIC_SIZE * 0.6f;
		y = put_line(pg, fu->fonts[face], face, b->x0 * MM, y, size,
		    i == 0 ? fu->primary : COLOR_GREY, v[i]);
	}
	free(ref);
}

/* The logo, as large as fits its box, at the box's top left. */
static void
logo(const struct shape *s, const struct letterhead *lh, struct page *pg)
{
	const struct mmbox *b = &lh->g->logo;
	const struct image *im = &lh->p->logo_image;
	float bw = (b->x1 - b->x0) * MM, bh = (b->y1 - b->y0 - 5.0f) * MM;
	float w, h;
	struct item *it;

	if (!lh->logo || im->width == 0 || im->height == 0)
		return;
	h = bh;
	w = h * (float)im->width / (float)im->height;
	if (w > bw) {
		w = bw;
		h = w * (float)im->height / (float)im->width;
	}
	it = pages_add(pg, IT_IMAGE, -1);
	it->x = BODY_LEFT_MIN * MM;
	if (it->x + w > b->x1 * MM)
		it->x = b->x0 * MM;
	it->y = s->height - (b->y0 + 5.0f) * MM - h;
	it->w = w;
	it->h = h;
	it->image = 0;
}

/*
 * Page 1: logo, clinic, window.  Every page: "Page X of Y" at the
 * right, and after page 1 our reference at the left.
 */
static void
letter_furniture(const struct shape *s, struct page *pg,
    const struct furnish *fu)
{
	static const struct rgb grey = { 0.35f, 0.35f, 0.35f };
	const struct letterhead *lh = s->arg;
	const struct font *f = fu->fonts[FACE_REGULAR];
	float size = s->ty->footer, x, w;
	char *num = xasprintf("Page %zu of %zu", fu->page + 1, fu->npages);
	char *ref = lh->ref ? xasprintf("Our ref: %s", lh->ref) : NULL;

	if (fu->page == 0) {
		logo(s, lh, pg);
		clinic_block(s, lh, pg, fu);
		window(s, lh, pg, fu);
	} else if (ref != NULL)
		pages_text(pg, -1, BODY_LEFT_MIN * MM, FOOT_BASE * MM,
		    FACE_REGULAR, size, grey, ref, strlen(ref),
		    font_width(f, ref, strlen(ref), size));
	measure(s, lh->g, &x, &w);
	if (fu->npages > 1)
		pages_text(pg, -1, x + w - font_width(f, num, strlen(num), size),
		    FOOT_BASE * MM, FACE_REGULAR, size, grey, num, strlen(num),
		    font_width(f, num, strlen(num), size));
	free(num);
	free(ref);
}

void
letter_shape(struct shape *s, const struct letterhead *lh,
    const struct typescale *ty)
{
	memset(s, 0, sizeof(*s));
	paper_size(lh->g->paper, &s->width, &s->height);
	s->ty = ty;
	s->frame = letter_frame;
	s->furniture = letter_furniture;
	s->arg = lh;
}

static int
is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

int
letter_postcode(const char *s, char out[9])
{
	char t[9];
	size_t n = 0, i;

	for (; *s != '\0'; s++) {
		if (*s == ' ')
			continue;
		if (n == 7)
			return 0;
		t[n++] = *s >= 'a' && *s <= 'z' ? (char)(*s - 'a' + 'A') : *s;
	}
	t[n] = '\0';
	if (strcmp(t, "GIR0AA") == 0) {
		memcpy(out, "GIR 0AA", 8);
		return 1;
	}
	/* outward A9, A99, AA9, AA99, A9A, AA9A; inward 9AA */
	if (n < 5 || !is_digit(t[n - 3]) || !is_upper(t[n - 2]) ||
	    !is_upper(t[n - 1]) || !is_upper(t[0]))
		return 0;
	i = is_upper(t[1]) ? 2 : 1;
	if (!is_digit(t[i]))
		return 0;
	i++;
	if (i < n - 3 && (is_digit(t[i]) || is_upper(t[i])))
		i++;
	if (i != n - 3)
		return 0;
	memcpy(out, t, n - 3);
	out[n - 3] = ' ';
	memcpy(out + n - 2, t + n - 3, 4);
	return 1;
}

/* Has s a letter or a digit (any letter beyond ASCII counts)? */
static int
has_alnum(const char *s)
{
	for (; *s != '\0'; s++)
		if (is_upper(*s) || is_digit(*s) || (*s >= 'a' && *s <= 'z') ||
		    (unsigned char)*s >= 0x80)
			return 1;
	return 0;
}

const char *
letter_address_check(const struct letter_geom *g, const struct font *f,
    char **lines, size_t n)
{
	static char msg[96];
	const struct mmbox *b = &g->address;
	size_t fit = 1 + (size_t)(((b->y1 - b->y0) * MM / ADDR_MIN -
	    ADDR_ASC - ADDR_DESC) / ADDR_LEAD);
	size_t max = fit < LETTER_MAXLINES ? fit : LETTER_MAXLINES, i;
	char pc[9];
	float size = addr_size(g, n);

	if (n < LETTER_MINLINES || n > max) {
		snprintf(msg, sizeof(msg), "the address has %zu lines with the "
		    "name; the window takes %d to %zu", n, LETTER_MINLINES, max);
		return msg;
	}
	for (i = 0; i < n; i++) {
		if (i < 2 && !has_alnum(lines[i])) {
			snprintf(msg, sizeof(msg), "address line %zu has no "
			    "letter or digit", i + 1);
			return msg;
		}
		if (strchr("@()=[]\"\\/,<>~", lines[i][0]) != NULL) {
			snprintf(msg, sizeof(msg), "address line %zu starts "
			    "with a character the post refuses", i + 1);
			return msg;
		}
		if (font_width(f, lines[i], strlen(lines[i]), size) >
		    (b->x1 - b->x0) * MM) {
			snprintf(msg, sizeof(msg), "address line %zu is too "
			    "wide for the window", i + 1);
			return msg;
		}
	}
	if (g->postcode) {
		if (!letter_postcode(lines[n - 1], pc))
			return "the address's last line is not a UK postcode";
		free(lines[n - 1]);
		lines[n - 1] = xstrdup(pc);
	}
	return NULL;
}
