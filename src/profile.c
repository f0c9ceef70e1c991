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
 *	  address: [1 Mill Lane, Riverside, RV1 2AB]	or one string
 *	paper: a4				or letter
 *	fonts: { regular: f/R.ttf, bold: ..., italic: ..., bold_italic: ...,
 *	         mono: ... }
 *	justify: false				true: justified text
 *	pdfa: false				true: PDF/A-1b by default
 *
 * A key with an empty value (nothing, ~, null) counts as absent.
 * Unknown keys are warned about and ignored; everything else that is
 * wrong is an error at the offending value, and parsing goes on so
 * that one run reports every error.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <yaml.h>

#include "diag.h"
#include "fileio.h"
#include "profile.h"
#include "xalloc.h"
#include "yamlx.h"

#define DEFAULT_PRIMARY	"#1F4E79"
#define DEFAULT_ACCENT	"#C0504D"

/*
 * A limit against hostile input: a profile is a few hundred bytes, and
 * every line of YAML may cost a node and a string.
 */
#define PROFILE_MAXLEN	(1024 * 1024)

enum key {
	KEY_NAME,
	KEY_TAGLINE,
	KEY_LOGO,
	KEY_COLORS,
	KEY_CONTACT,
	KEY_PAPER,
	KEY_FONTS,
	KEY_JUSTIFY,
	KEY_PDFA,
	KEY__MAX
};

static const char *const keys[KEY__MAX] = {
	"name", "tagline", "logo", "colors", "contact", "paper", "fonts",
	"justify", "pdfa"
};

enum color_key {
	COLOR_PRIMARY,
	COLOR_ACCENT,
	COLOR__MAX
};

static const char *const color_keys[COLOR__MAX] = {
	"primary", "accent"
};

enum contact_key {
	CONTACT_PHONE,
	CONTACT_EMAIL,
	CONTACT_WEBSITE,
	CONTACT_ADDRESS,
	CONTACT__MAX
};

static const char *const contact_keys[CONTACT__MAX] = {
	"phone", "email", "website", "address"
};

/* In the order of enum face. */
static const char *const font_keys[FACE__MAX] = {
	"regular", "bold", "italic", "bold_italic", "mono"
};

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
 * An optional string: NULL when absent, empty or wrong (the last
 * reported).
 */
static const char *
opt_str(struct yamlx *y, const yaml_node_t *val, const char *key)
{
	const char	*s;

	if (yamlx_isnull(val))
		return NULL;
	if ((s = yamlx_str(y, val, key)) == NULL || *s == '\0')
		return NULL;
	return s;
}

static void
set_str(char **dst, struct yamlx *y, const yaml_node_t *val,
    const char *key)
{
	const char	*s;

	if ((s = opt_str(y, val, key)) != NULL)
		*dst = xstrdup(s);
}

static void
parse_colors(struct profile *p, struct yamlx *y, const yaml_node_t *map)
{
	unsigned char	 seen[COLOR__MAX] = { 0 };
	yaml_node_t	*key, *val;
	struct srcpos	 pos;
	struct rgb	*dst;
	const char	*s, *word;
	char		 show[YAMLX_SHOWMAX];
	size_t		 i = 0, wlen;
	int		 k;

	if (yamlx_expect(y, map, YAML_MAPPING_NODE, "colors") == -1)
		return;
	while (yamlx_pair(y, map, &i, &key, &val)) {
		if ((k = yamlx_key(y, key, color_keys, COLOR__MAX, seen)) < 0)
			continue;
		dst = k == COLOR_PRIMARY ? &p->primary : &p->accent;
		if (yamlx_isnull(val)) {
			/* primary: #1F4E79 is a key and a comment. */
			if (yamlx_comment_after(y, val, &pos, &word, &wlen))
				diag_at(y->d, DIAG_ERROR, &pos,
				    "colour #%s must be quoted: "
				    "an unquoted '#' starts a YAML comment",
				    yamlx_show(word, wlen, show));
			else
				yamlx_msg(y, DIAG_ERROR, val,
				    "malformed colour '': expected #RRGGBB");
			continue;
		}
		if ((s = yamlx_str(y, val, color_keys[k])) == NULL)
			continue;
		if (color_parse(s, dst) == -1)
			yamlx_msg(y, DIAG_ERROR, val,
			    "malformed colour '%s': expected #RRGGBB",
			    yamlx_show(s, val->data.scalar.length, show));
	}
}

/* Address lines from one string: one line per line of text. */
static void
add_lines(struct profile *p, const char *s)
{
	const char	*nl;
	size_t		 n;

	for (; *s != '\0'; s = nl + (*nl != '\0')) {
		if ((nl = strchr(s, '\n')) == NULL)
			nl = s + strlen(s);
		if ((n = (size_t)(nl - s)) == 0)
			continue;
		p->address = xgrow(p->address, p->naddress,
		    sizeof(*p->address));
		p->address[p->naddress++] = xstrndup(s, n);
	}
}

static void
parse_address(struct profile *p, struct yamlx *y, const yaml_node_t *val)
{
	yaml_node_t	*item;
	const char	*s;
	size_t		 i = 0;

	if (val->type == YAML_SCALAR_NODE) {
		if ((s = opt_str(y, val, "address")) != NULL)
			add_lines(p, s);
		return;
	}
	if (val->type != YAML_SEQUENCE_NODE) {
		yamlx_msg(y, DIAG_ERROR, val, "expected a string or a list "
		    "for 'address', found %s", yamlx_kind(val));
		return;
	}
	while (yamlx_item(y, val, &i, &item))
		if ((s = opt_str(y, item, "address")) != NULL)
			add_lines(p, s);
}

static void
parse_contact(struct profile *p, struct yamlx *y, const yaml_node_t *map)
{
	unsigned char	 seen[CONTACT__MAX] = { 0 };
	yaml_node_t	*key, *val;
	size_t		 i = 0;
	int		 k;

	if (yamlx_expect(y, map, YAML_MAPPING_NODE, "contact") == -1)
		return;
	while (yamlx_pair(y, map, &i, &key, &val)) {
		if ((k = yamlx_key(y, key, contact_keys, CONTACT__MAX,
		    seen)) < 0 || yamlx_isnull(val))
			continue;
		switch (k) {
		case CONTACT_PHONE:
			set_str(&p->phone, y, val, "phone");
			break;
		case CONTACT_EMAIL:
			set_str(&p->email, y, val, "email");
			break;
		case CONTACT_WEBSITE:
			set_str(&p->website, y, val, "website");
			break;
		case CONTACT_ADDRESS:
			parse_address(p, y, val);
			break;
		}
	}
}

static void
parse_fonts(struct profile *p, struct yamlx *y, const yaml_node_t *map)
{
	unsigned char	 seen[FACE__MAX] = { 0 };
	yaml_node_t	*key, *val;
	const char	*s;
	size_t		 i = 0;
	int		 k;

	if (yamlx_expect(y, map, YAML_MAPPING_NODE, "fonts") == -1)
		return;
	while (yamlx_pair(y, map, &i, &key, &val)) {
		if ((k = yamlx_key(y, key, font_keys, FACE__MAX, seen)) < 0)
			continue;
		if ((s = opt_str(y, val, font_keys[k])) == NULL)
			continue;
		p->font[k] = path_join(p->dir, s);
		yamlx_pos(y, val, &p->font_pos[k]);
	}
}

static void
parse_paper(struct profile *p, struct yamlx *y, const yaml_node_t *val)
{
	const char	*s;
	char		 show[YAMLX_SHOWMAX];

	if ((s = yamlx_str(y, val, "paper")) == NULL)
		return;
	if (strcasecmp(s, "a4") == 0)
		p->paper = PAPER_A4;
	else if (strcasecmp(s, "letter") == 0)
		p->paper = PAPER_LETTER;
	else
		yamlx_msg(y, DIAG_ERROR, val, "unknown paper size '%s': "
		    "expected a4 or letter",
		    yamlx_show(s, val->data.scalar.length, show));
}

static void
parse_root(struct profile *p, struct yamlx *y, const yaml_node_t *root)
{
	unsigned char	 seen[KEY__MAX] = { 0 };
	yaml_node_t	*key, *val;
	const char	*s;
	size_t		 i = 0;
	int		 k;

	while (yamlx_pair(y, root, &i, &key, &val)) {
		if ((k = yamlx_key(y, key, keys, KEY__MAX, seen)) < 0)
			continue;
		if (k == KEY_NAME) {
			if ((s = yamlx_isnull(val) ? "" :
			    yamlx_str(y, val, "name")) == NULL)
				continue;
			if (*s == '\0')
				yamlx_msg(y, DIAG_ERROR, val,
				    "empty value for required key 'name'");
			else
				p->name = xstrdup(s);
			continue;
		}
		if (yamlx_isnull(val))
			continue;
		switch (k) {
		case KEY_TAGLINE:
			set_str(&p->tagline, y, val, "tagline");
			break;
		case KEY_LOGO:
			if ((s = opt_str(y, val, "logo")) == NULL)
				break;
			p->logo = path_join(p->dir, s);
			yamlx_pos(y, val, &p->logo_pos);
			break;
		case KEY_COLORS:
			parse_colors(p, y, val);
			break;
		case KEY_CONTACT:
			parse_contact(p, y, val);
			break;
		case KEY_PAPER:
			parse_paper(p, y, val);
			break;
		case KEY_FONTS:
			parse_fonts(p, y, val);
			break;
		case KEY_JUSTIFY:
			yamlx_bool(y, val, "justify", &p->justify);
			break;
		case KEY_PDFA:
			yamlx_bool(y, val, "pdfa", &p->pdfa);
			break;
		}
	}
	if (!seen[KEY_NAME])
		yamlx_msg(y, DIAG_ERROR, root, "missing required key 'name'");
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
	parse_root(p, &y, root);
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
	for (i = 0; i < p->naddress; i++)
		free(p->address[i]);
	free(p->address);
	for (i = 0; i < FACE__MAX; i++)
		free(p->font[i]);
	memset(p, 0, sizeof(*p));
}
