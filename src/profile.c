/*
 * A clinic profile: the YAML file that brands a leaflet.
 *
 *	name: Riverside Family Practice		required
 *	tagline: Caring for Riverside since 1987
 *	logo: logos/riverside.png		relative to the profile
 *	colors: { primary: "#0B6E4F", accent: "#F2A541" }
 *	contact:
 *	  phone: 01632 960 123
 *	  email: info@riverside.example
 *	  website: riverside.example
 *	  booking: https://riverside.example/book	for the QR code
 *	  address: [1 Mill Lane, Riverside, RV1 2AB]	or one string
 *	  mail_from: Riverside <info@riverside.example>	mail's From
 *	paper: a4				or letter, a5
 *	fonts: { regular: f/R.ttf, bold: ..., italic: ..., bold_italic: ...,
 *	         mono: ... }
 *	justify: false				true: justified text
 *	pdfa: false				true: PDF/A-1b by default
 *	layouts: [handout, large-print]		what batch builds; or one
 *	qr: false				true: a QR code in the contact box
 *	large_print: "This leaflet is available in large print: ..."
 *
 * A key with an empty value (nothing, ~, null) counts as absent.
 * Unknown keys are warned about and ignored; everything else that is
 * wrong is an error at the offending value, and parsing goes on so
 * that one run reports every error.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "diag.h"
#include "fileio.h"
#include "format.h"
#include "profile.h"
#include "qr.h"
#include "xalloc.h"
#include "yamlx.h"

#define DEFAULT_PRIMARY	"#1F4E79"
#define DEFAULT_ACCENT	"#C0504D"

/*
 * A limit against hostile input: a profile is a few hundred bytes, and
 * every line of YAML may cost a node and a string.
 */
#define PROFILE_MAXLEN	(1024 * 1024)

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int
color_parse(const char *s, struct rgb *rgb)
{
	int	 v[6], i;

	if (s == NULL || s[0] != '#' || strlen(s) != 7)
		return -1;
	for (i = 0; i < 6; i++)
		if ((v[i] = hexval((unsigned char)s[i + 1])) == -1)
			return -1;
	rgb->r = (float)(v[0] * 16 + v[1]) / 255.0f;
	rgb->g = (float)(v[2] * 16 + v[3]) / 255.0f;
	rgb->b = (float)(v[4] * 16 + v[5]) / 255.0f;
	return 0;
}

/*
 * A colour: an empty value is malformed too, for "primary: #1F4E79"
 * is a key, nothing and a comment to YAML.
 */
static void
read_colour(struct yamlx *y, const yaml_node_t *val, const char *key,
    void *dst)
{
	struct srcpos	 pos;
	const char	*s, *word;
	char		 show[YAMLX_SHOWMAX];
	size_t		 wlen;

	if (yamlx_isnull(val)) {
		if (yamlx_comment_after(y, val, &pos, &word, &wlen))
			diag_at(y->d, DIAG_ERROR, &pos,
			    "colour #%s must be quoted: "
			    "an unquoted '#' starts a YAML comment",
			    yamlx_show(word, wlen, show));
		else
			yamlx_msg(y, DIAG_ERROR, val,
			    "malformed colour '': expected #RRGGBB");
		return;
	}
	if ((s = yamlx_str(y, val, key)) == NULL)
		return;
	if (color_parse(s, dst) == -1)
		yamlx_msg(y, DIAG_ERROR, val,
		    "malformed colour '%s': expected #RRGGBB",
		    yamlx_show(s, val->data.scalar.length, show));
}

/* One layout name of the list, into the set *dst. */
static void
read_layout(struct yamlx *y, const yaml_node_t *n, unsigned *dst)
{
	enum layout l;
	char show[YAMLX_SHOWMAX], want[128];
	const char *s;
	size_t i, len = 0;

	if ((s = yamlx_str(y, n, "layouts")) == NULL)
		return;
	if (layout_parse(s, &l) == 0) {
		*dst |= 1u << l;
		return;
	}
	for (i = 0; layout_names[i] != NULL; i++)
		len += (size_t)snprintf(want + len, sizeof(want) - len, "%s%s",
		    i == 0 ? "" : layout_names[i + 1] ? ", " : " or ",
		    layout_names[i]);
	yamlx_msg(y, DIAG_ERROR, n, "unknown layout '%s': expected %s",
	    yamlx_show(s, n->data.scalar.length, show), want);
}

/*
 * The layouts batch builds for this clinic: a name or a list of them,
 * not empty.
 */
static void
read_layouts(struct yamlx *y, const yaml_node_t *val, const char *key,
    void *dst)
{
	unsigned *set = dst;
	yaml_node_t *item;
	size_t i = 0;

	*set = 0;
	if (val->type != YAML_SEQUENCE_NODE) {
		read_layout(y, val, set);
		return;
	}
	while (yamlx_item(y, val, &i, &item))
		read_layout(y, item, set);
	if (i == 0)
		yamlx_msg(y, DIAG_ERROR, val, "'%s' lists no layout", key);
}

/* A boolean, and where it is (struct flagpos). */
static void
read_flag(struct yamlx *y, const yaml_node_t *val, const char *key,
    void *dst)
{
	struct flagpos	*f = dst;

	if (yamlx_isnull(val))
		return;
	yamlx_bool(y, val, key, &f->on);
	yamlx_pos(y, val, &f->pos);
}

/*
 * A web address: "https://..." or "http://...", or without a scheme
 * (https is meant); anything else would be a link a phone cannot open.
 */
static void
read_url(struct yamlx *y, const yaml_node_t *val, const char *key,
    void *dst)
{
	const char	*s;
	char		 show[YAMLX_SHOWMAX];

	if (yamlx_isnull(val) || (s = yamlx_str(y, val, key)) == NULL ||
	    *s == '\0')
		return;
	if (strstr(s, "://") != NULL && strncmp(s, "https://", 8) != 0 &&
	    strncmp(s, "http://", 7) != 0) {
		yamlx_msg(y, DIAG_ERROR, val, "malformed web address '%s' for "
		    "'%s': expected https://...",
		    yamlx_show(s, val->data.scalar.length, show), key);
		return;
	}
	*(char **)dst = xstrdup(s);
}

/*
 * The profile's keys, a table for each mapping: a new key is a row here
 * and its use.
 */
#define AT(field)	offsetof(struct profile, field)
#define KEY(k, t, field) \
	{ .name = (k), .type = (t), .off = AT(field) }
#define FONT(k, face) \
	{ .name = (k), .type = YAMLX_PATH, .off = AT(font[face]), \
	  .aux = AT(font_pos[face]) }
#define COLOUR(k, field) \
	{ .name = (k), .type = YAMLX_FUNC, .off = AT(field), \
	  .read = read_colour }
#define MAP(k, rows) \
	{ .name = (k), .type = YAMLX_MAP, .sub = (rows), \
	  .nsub = sizeof(rows) / sizeof(rows[0]) }

static const struct yamlx_key colour_keys[] = {
	COLOUR("primary", primary),
	COLOUR("accent", accent)
};

static const struct yamlx_key contact_keys[] = {
	KEY("phone", YAMLX_STRING, phone),
	KEY("email", YAMLX_STRING, email),
	KEY("website", YAMLX_STRING, website),
	KEY("mail_from", YAMLX_STRING, mail_from),
	{ .name = "booking", .type = YAMLX_FUNC, .off = AT(booking),
	  .read = read_url },
	{ .name = "address", .type = YAMLX_LINES, .off = AT(address),
	  .aux = AT(naddress) }
};

static const struct yamlx_key font_keys[] = {
	FONT("regular", FACE_REGULAR),
	FONT("bold", FACE_BOLD),
	FONT("italic", FACE_ITALIC),
	FONT("bold_italic", FACE_BOLDITALIC),
	FONT("mono", FACE_MONO)
};

/* In the order of enum paper, which YAMLX_ENUM stores as an int. */
static const char *const papers[] = { "a4", "letter", "a5", NULL };
_Static_assert(sizeof(enum paper) == sizeof(int), "paper is read as an int");

static const struct yamlx_key keys[] = {
	{ .name = "name", .type = YAMLX_STRING, .required = 1,
	  .off = AT(name) },
	KEY("tagline", YAMLX_STRING, tagline),
	{ .name = "logo", .type = YAMLX_PATH, .off = AT(logo),
	  .aux = AT(logo_pos) },
	MAP("colors", colour_keys),
	MAP("contact", contact_keys),
	{ .name = "paper", .type = YAMLX_ENUM, .off = AT(paper),
	  .choices = papers, .what = "paper size" },
	MAP("fonts", font_keys),
	KEY("justify", YAMLX_BOOL, justify),
	KEY("pdfa", YAMLX_BOOL, pdfa),
	{ .name = "layouts", .type = YAMLX_FUNC, .off = AT(layouts),
	  .read = read_layouts },
	{ .name = "qr", .type = YAMLX_FUNC, .off = AT(qr), .read = read_flag },
	KEY("large_print", YAMLX_STRING, large_print)
};

char *
profile_url(const char *s)
{
	return strstr(s, "://") != NULL ? xstrdup(s) :
	    xasprintf("https://%s", s);
}

char *
profile_qr_url(const struct profile *p)
{
	const char *s = p->booking != NULL ? p->booking : p->website;

	return s != NULL ? profile_url(s) : NULL;
}

/*
 * A QR code needs an address to point at, short enough for a code
 * that a phone reads from a leaflet.
 */
static void
check_qr(const struct profile *p, struct diag *d)
{
	char	*url;

	if (!p->qr.on)
		return;
	if ((url = profile_qr_url(p)) == NULL)
		diag_at(d, DIAG_ERROR, &p->qr.pos, "a QR code needs an address "
		    "to point at: contact.booking or contact.website");
	else if (strlen(url) > QR_MAXBYTES)
		diag_at(d, DIAG_ERROR, &p->qr.pos, "the QR code's address is "
		    "%zu bytes long: too long for a code a phone can read "
		    "from a leaflet (at most %d)",
		    strlen(url), QR_MAXBYTES);
	free(url);
}

/* The logo, loaded once; its problems are held for the leaflets. */
static void
load_logo(struct profile *p)
{
	struct diag held;

	if (p->logo == NULL)
		return;
	diag_hold(&held, &p->logo_held);
	p->logo_ok = image_load(&p->logo_image, p->logo, &p->logo_pos,
	    &held) == 0;
	diag_hold_end(&held, &p->logo_held);
}

/*
 * The profile is filled as far as the text allows even when there are
 * errors; the caller frees it with profile_free() either way.
 */
int
profile_parse(struct profile *p, const char *file, const char *buf,
    size_t len, struct diag *d)
{
	struct yamlx	 y;
	yaml_node_t	*root;
	int		 nerr = d->nerr;

	memset(p, 0, sizeof(*p));
	memset(&y, 0, sizeof(y));
	p->file = xstrdup(file);
	p->dir = path_dir(file);
	p->slug = path_stem(file);
	color_parse(DEFAULT_PRIMARY, &p->primary);
	color_parse(DEFAULT_ACCENT, &p->accent);
	p->paper = PAPER_A4;
	p->layouts = 1u << LAYOUT_HANDOUT;

	if (len > PROFILE_MAXLEN) {
		diag_msg(d, DIAG_ERROR, p->file, 0, 0,
		    "profile too large: more than %d bytes", PROFILE_MAXLEN);
		goto out;
	}
	if (yamlx_check_text(p->file, buf, len, d) == -1)
		goto out;
	if (yamlx_load(&y, p->file, 0, buf, len, d) == -1)
		goto out;
	if ((root = yamlx_root(&y)) == NULL) {
		diag_msg(d, DIAG_ERROR, p->file, 0, 0, "profile is empty");
		goto out;
	}
	if (yamlx_expect(&y, root, YAML_MAPPING_NODE, NULL) == -1)
		goto out;
	yamlx_read_keys(&y, root, keys, sizeof(keys) / sizeof(keys[0]), p,
	    p->dir);
	check_qr(p, d);
	load_logo(p);
out:
	yamlx_free(&y);
	return d->nerr > nerr ? -1 : 0;
}

int
profile_load(struct profile *p, const char *file, struct diag *d)
{
	char	*buf;
	size_t	 len;
	int	 rc;

	if (file_read(file, &buf, &len, d) == -1) {
		/* Leave p as profile_parse() would: freeable. */
		memset(p, 0, sizeof(*p));
		return -1;
	}
	rc = profile_parse(p, file, buf, len, d);
	free(buf);
	return rc;
}

void
profile_free(struct profile *p)
{
	size_t	 i;

	free(p->file);
	free(p->dir);
	free(p->slug);
	free(p->name);
	free(p->tagline);
	free(p->logo);
	if (p->logo_ok)
		image_free(&p->logo_image);
	diag_held_free(&p->logo_held);
	free(p->phone);
	free(p->email);
	free(p->website);
	free(p->mail_from);
	free(p->booking);
	free(p->large_print);
	for (i = 0; i < p->naddress; i++)
		free(p->address[i]);
	free(p->address);
	for (i = 0; i < FACE__MAX; i++)
		free(p->font[i]);
	memset(p, 0, sizeof(*p));
}
