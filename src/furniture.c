/*
 * furniture: what the clinic adds around the article: the brand band and
 * the title atop page 1, and at the end how to reach the clinic (with a
 * QR code when the profile asks), the line saying large print is
 * available, and the leaflet's governance line (its id, version and
 * dates).
 */
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "date.h"
#include "docbuild.h"
#include "profile.h"
#include "qr.h"
#include "xalloc.h"

/* Page 1 opens with the brand, then the title and the subtitle. */
int
brand(struct ctx *c, const char *title)
{
	const struct profile *p = c->prof;
	const struct article *a = c->art;
	struct document *doc = c->doc;
	struct block *b;

	if ((b = add_block(c, BLK_BRAND, ROLE_BRAND, 0)) == NULL)
		return -1;
	b->image = p->logo ? 1 : 0;
	b->space_before = 0;
	b->keep_next = 1;
	add_run(b, p->name, strlen(p->name), FACE_BOLD, c->doc->ty.brand, p->primary,
	    NULL);
	check_run(c, &b->runs[0], 1);
	if (p->tagline != NULL) {
		add_run(b, "", 0, FACE_REGULAR, c->doc->ty.tagline, COLOR_GREY,
		    NULL)->hardbreak = 1;
		add_run(b, p->tagline, strlen(p->tagline), FACE_REGULAR,
		    c->doc->ty.tagline, COLOR_GREY, NULL);
		check_run(c, &b->runs[2], 1);
	}
	text_block(c, ROLE_TITLE, title, FACE_BOLD, c->doc->ty.title, COLOR_TEXT,
	    26.0f);
	doc->blocks[doc->nblocks - 1].keep_next = 1;
	if (a->subtitle != NULL) {
		text_block(c, ROLE_SUBTITLE, a->subtitle, FACE_REGULAR,
		    c->doc->ty.subtitle, p->primary, 4.0f);
		doc->blocks[doc->nblocks - 1].keep_next = 1;
	}
	return 0;
}

/*
 * One "Label: value" of the contact box; items after the first on a line
 * follow a middle dot, and the value is a link when uri is set.
 */
static void
contact_item(struct ctx *c, struct block *b, int first, const char *label,
    const char *value, const char *uri)
{
	static const char sep[] = "\xc2\xa0\xc2\xb7 ";	/* nbsp, middle dot */

	if (value == NULL)
		return;
	if (!first)
		add_run(b, sep, strlen(sep), FACE_REGULAR, c->doc->ty.body,
		    COLOR_GREY, NULL);
	add_run(b, label, strlen(label), FACE_BOLD, c->doc->ty.body, COLOR_TEXT,
	    NULL);
	add_run(b, value, strlen(value), FACE_REGULAR, c->doc->ty.body,
	    uri ? c->doc->primary : COLOR_TEXT, uri);
	check_run(c, &b->runs[b->nruns - 1], 1);
}

static void
hard_break(struct block *b)
{
	add_run(b, "", 0, FACE_REGULAR, b->ascent, COLOR_TEXT,
	    NULL)->hardbreak = 1;
}

/* Is c a digit, or one of more (what may stand beside digits)? */
static int
digit(char c, const char *more)
{
	return (c >= '0' && c <= '9') || (c != '\0' &&
	    strchr(more, c) != NULL);
}

/*
 * s with its spaces made no-break spaces, or with phone set only those
 * within a phone number ("01234 567890", "(555) 014-2290"); caller
 * frees.
 */
static char *
nobreak(const char *s, int phone)
{
	char *out = xmalloc(2 * strlen(s) + 1), *o = out;
	const char *p;

	for (p = s; *p != '\0'; p++)
		if (*p == ' ' && (!phone || (p > s && digit(p[-1], ")") &&
		    digit(p[1], "(+")))) {
			*o++ = '\xc2';
			*o++ = '\xa0';
		} else
			*o++ = *p;
	*o = '\0';
	return out;
}

/* tel: URIs carry only digits and a leading plus. */
static char *
tel_uri(const char *phone)
{
	char *uri = xmalloc(strlen(phone) + 5), *t = uri + 4;
	const char *s;

	memcpy(uri, "tel:", 4);
	for (s = phone; *s != '\0'; s++)
		if ((*s >= '0' && *s <= '9') || (*s == '+' && t == uri + 4))
			*t++ = *s;
	*t = '\0';
	return uri;
}

/*
 * The QR code of the contact box, pointing at the booking address or
 * the website, with the address printed under it as the profile gives
 * it, but for "https://", which a reader need not type.  Layout puts it
 * beside the box's text, or under it when the measure is narrow.
 */
static int
qr_block(struct ctx *c)
{
	const struct profile *p = c->prof;
	const char *shown = p->booking != NULL ? p->booking : p->website;
	struct qrcode q;
	struct block *b;
	char *url;

	/* profile_parse() refused a profile that asks for a code it cannot have */
	if ((url = profile_qr_url(p)) == NULL || qr_encode(&q, url) == -1) {
		free(url);
		return 0;
	}
	if ((b = add_block(c, BLK_QR, ROLE_CONTACT, 0)) == NULL) {
		qr_free(&q);
		free(url);
		return -1;
	}
	b->qr = xmalloc(sizeof(*b->qr));
	*b->qr = q;
	b->space_before = 0;
	b->nosplit = 1;
	if (strncmp(shown, "https://", 8) == 0)
		shown += 8;
	add_run(b, shown, strlen(shown), FACE_REGULAR, c->doc->ty.govern,
	    COLOR_GREY, url);
	check_run(c, &b->runs[0], 1);
	free(url);
	return 0;
}

/*
 * How to reach the clinic: its name and address, phone, email, website;
 * beside a QR code, in a narrower column, each on a line of its own.
 */
static int
contact_box(struct ctx *c)
{
	const struct profile *p = c->prof;
	struct block *b;
	char *tel, *mail, *web, *nb;
	size_t i;

	/* the walk is over: no container is open */
	c->depth = 0;
	c->group = -1;
	c->tight = 0;
	/* compact: no box, no heading, just above the governance line */
	if (!c->doc->ty.compact) {
		c->callout = new_callout(c->doc, CALLOUT_CONTACT,
		    tint(c->doc->primary, 0.09f), c->doc->ty.quote_pad);
		c->indent = c->doc->ty.quote_pad;
		text_block(c, ROLE_CONTACT, "Contact us", FACE_BOLD,
		    c->doc->ty.contact_head, c->doc->primary, 22.0f);
		c->doc->blocks[c->doc->nblocks - 1].keep_next = 1;
	}
	if ((b = add_block(c, BLK_TEXT, ROLE_CONTACT, 0)) == NULL)
		return -1;
	b->space_before = c->doc->ty.compact ? c->doc->ty.para * 2 : 3.0f;
	b->nosplit = 1;
	b->keep_next = 1;
	add_run(b, p->name, strlen(p->name), FACE_BOLD, c->doc->ty.body, COLOR_TEXT,
	    NULL);
	/* an address line breaks only between its parts: no "Suite / 200" */
	for (i = 0; i < p->naddress; i++) {
		add_run(b, ", ", 2, FACE_REGULAR, c->doc->ty.body, COLOR_TEXT, NULL);
		nb = nobreak(p->address[i], 0);
		add_run(b, nb, strlen(nb), FACE_REGULAR, c->doc->ty.body, COLOR_TEXT,
		    NULL);
		check_run(c, &b->runs[b->nruns - 1], 1);
		free(nb);
	}
	hard_break(b);
	tel = p->phone ? tel_uri(p->phone) : NULL;
	mail = p->email ? xasprintf("mailto:%s", p->email) : NULL;
	web = p->website ? profile_url(p->website) : NULL;
	contact_item(c, b, 1, "Phone: ", p->phone, tel);
	if (p->qr.on && p->phone != NULL && p->email != NULL)
		hard_break(b);
	contact_item(c, b, p->phone == NULL || p->qr.on, "Email: ", p->email,
	    mail);
	if (p->website != NULL)
		hard_break(b);
	contact_item(c, b, 1, "Website: ", p->website, web);
	free(tel);
	free(mail);
	free(web);
	return p->qr.on ? qr_block(c) : 0;
}

/* A date as the reader sees it, never broken across lines; or NULL. */
static char *
date_shown(const char *date)
{
	char *s = date_format(date), *nb = s ? nobreak(s, 0) : NULL;

	free(s);
	return nb;
}

/* Which leaflet this is: its id, version and dates, on one line. */
static void
governance(struct ctx *c)
{
	const struct article *a = c->art;
	char *pub, *rev, *gov;

	pub = date_shown(a->published);
	rev = date_shown(a->review);
	gov = xasprintf("%s%s%s%s%s%s%s%s",
	    a->leaflet_id ? "Leaflet " : "", a->leaflet_id ? a->leaflet_id : "",
	    a->version ? "  \xc2\xb7  Version " : "", a->version ? a->version : "",
	    pub ? "  \xc2\xb7  Published " : "", pub ? pub : "",
	    rev ? "  \xc2\xb7  Review by " : "", rev ? rev : "");
	if (*gov != '\0')
		text_block(c, ROLE_GOVERNANCE, gov[0] == ' ' ? gov + 5 : gov,
		    FACE_REGULAR, c->doc->ty.govern, COLOR_GREY, 12.0f);
	free(gov);
	free(pub);
	free(rev);
}

/* "This leaflet is available in large print...", in the profile's words. */
static void
large_print(struct ctx *c)
{
	size_t n = c->doc->nblocks;
	char *s = nobreak(c->prof->large_print, 1);

	text_block(c, ROLE_GOVERNANCE, s, FACE_BOLD, c->doc->ty.body,
	    COLOR_TEXT, 12.0f);
	/* a sentence that may wrap: the body's leading */
	if (c->doc->nblocks > n)
		c->doc->blocks[n].leading = c->doc->ty.leading;
	free(s);
}

/*
 * The leaflet's end: how to reach the clinic, that large print is
 * available (on every leaflet but a large-print one, when the profile
 * says how to ask for it), and the governance line.
 */
void
closing(struct ctx *c)
{
	if (contact_box(c) == -1)
		return;
	c->callout = 0;
	c->indent = 0;
	if (c->prof->large_print != NULL && !c->doc->ty.upright)
		large_print(c);
	governance(c);
}
