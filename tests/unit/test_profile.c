/* Unit tests for profile.c (and the yamlx.c beneath it). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "format.h"
#include "profile.h"
#include "t.h"

/* The diagnostics of the last parse, and its counts. */
struct run {
	char	*msgs;
	size_t	 len;
	int	 rc, nerr, nwarn;
};

static void
parse_n(struct profile *p, struct run *r, const char *file, const char *text,
    size_t len)
{
	struct diag	 d = { 0 };
	FILE		*f;

	free(r->msgs);
	memset(r, 0, sizeof(*r));
	if ((f = open_memstream(&r->msgs, &r->len)) == NULL) {
		perror("open_memstream");
		exit(1);
	}
	d.out = f;
	r->rc = profile_parse(p, file, text, len, &d);
	fclose(f);
	r->nerr = d.nerr;
	r->nwarn = d.nwarn;
}

static void
parse_f(struct profile *p, struct run *r, const char *file, const char *text)
{
	parse_n(p, r, file, text, strlen(text));
}

static void
parse(struct profile *p, struct run *r, const char *text)
{
	parse_n(p, r, "clinics/p.yaml", text, strlen(text));
}

/* Colour components compare as whole 0..255 steps. */
static int
rgb_is(const struct rgb *c, int r, int g, int b)
{
	return (int)(c->r * 255 + 0.5f) == r && (int)(c->g * 255 + 0.5f) == g &&
	    (int)(c->b * 255 + 0.5f) == b;
}

static const char full[] =
    "# Riverside\n"
    "name: Riverside Neurology Clinic\n"
    "tagline: Movement Disorders Service\n"
    "logo: ../images/riverside.png\n"
    "colors: { primary: \"#0B6E4F\", accent: \"#F2A541\" }\n"
    "contact:\n"
    "  phone: \"01234 567890\"\n"
    "  email: neurology@riverside.example\n"
    "  website: https://riverside.example\n"
    "  address: [\"12 River Road\", \"Exampletown EX1 2AB\"]\n"
    "paper: letter\n"
    "fonts:\n"
    "  regular: fonts/R.ttf\n"
    "  bold: fonts/B.ttf\n"
    "  italic: fonts/I.ttf\n"
    "  bold_italic: fonts/BI.ttf\n"
    "  mono: /usr/share/fonts/M.ttf\n";

static void
test_full(void)
{
	struct profile	 p;
	struct run	 r = { 0 };

	parse(&p, &r, full);
	T_EQ_INT(r.rc, 0, "full profile: parses");
	T_EQ_STR(r.msgs, "", "full profile: no messages");
	T_EQ_STR(p.file, "clinics/p.yaml", "full profile: file");
	T_EQ_STR(p.dir, "clinics", "full profile: dir");
	T_EQ_STR(p.slug, "p", "full profile: slug");
	T_EQ_STR(p.name, "Riverside Neurology Clinic", "full profile: name");
	T_EQ_STR(p.tagline, "Movement Disorders Service",
	    "full profile: tagline");
	T_EQ_STR(p.logo, "clinics/../images/riverside.png",
	    "full profile: logo relative to the profile");
	T_EQ_STR(p.logo_pos.file, "clinics/p.yaml", "full profile: logo file");
	T_EQ_INT(p.logo_pos.line, 4, "full profile: logo line");
	T_EQ_INT(p.logo_pos.col, 7, "full profile: logo column");
	T_OK(rgb_is(&p.primary, 0x0B, 0x6E, 0x4F), "full profile: primary");
	T_OK(rgb_is(&p.accent, 0xF2, 0xA5, 0x41), "full profile: accent");
	T_EQ_STR(p.phone, "01234 567890", "full profile: phone");
	T_EQ_STR(p.email, "neurology@riverside.example", "full profile: email");
	T_EQ_STR(p.website, "https://riverside.example",
	    "full profile: website");
	T_EQ_INT(p.naddress, 2, "full profile: two address lines");
	if (p.naddress == 2) {
		T_EQ_STR(p.address[0], "12 River Road", "full profile: line 1");
		T_EQ_STR(p.address[1], "Exampletown EX1 2AB",
		    "full profile: line 2");
	}
	T_EQ_INT(p.paper, PAPER_LETTER, "full profile: paper");
	T_EQ_STR(p.font[FACE_REGULAR], "clinics/fonts/R.ttf",
	    "full profile: regular font");
	T_EQ_STR(p.font[FACE_BOLD], "clinics/fonts/B.ttf",
	    "full profile: bold font");
	T_EQ_STR(p.font[FACE_ITALIC], "clinics/fonts/I.ttf",
	    "full profile: italic font");
	T_EQ_STR(p.font[FACE_BOLDITALIC], "clinics/fonts/BI.ttf",
	    "full profile: bold italic font");
	T_EQ_STR(p.font[FACE_MONO], "/usr/share/fonts/M.ttf",
	    "full profile: absolute font path kept");
	T_EQ_INT(p.font_pos[FACE_BOLDITALIC].line, 16,
	    "full profile: bold italic font line");
	T_EQ_INT(p.font_pos[FACE_BOLDITALIC].col, 16,
	    "full profile: bold italic font column");
	profile_free(&p);
	free(r.msgs);
}

static void
test_defaults(void)
{
	struct profile	 p;
	struct run	 r = { 0 };
	int		 i, none = 1;

	parse_f(&p, &r, "mini.yml", "name: Mini\n");
	T_EQ_INT(r.rc, 0, "defaults: parses");
	T_EQ_STR(r.msgs, "", "defaults: no messages");
	T_EQ_STR(p.dir, ".", "defaults: dir of a bare file name");
	T_EQ_STR(p.slug, "mini", "defaults: slug");
	T_OK(rgb_is(&p.primary, 0x1F, 0x4E, 0x79), "defaults: primary #1F4E79");
	T_OK(rgb_is(&p.accent, 0xC0, 0x50, 0x4D), "defaults: accent #C0504D");
	T_EQ_INT(p.paper, PAPER_A4, "defaults: paper a4");
	T_OK(p.tagline == NULL && p.logo == NULL && p.phone == NULL &&
	    p.email == NULL && p.website == NULL, "defaults: no strings");
	T_EQ_INT(p.naddress, 0, "defaults: no address");
	for (i = 0; i < FACE__MAX; i++)
		if (p.font[i] != NULL)
			none = 0;
	T_OK(none, "defaults: no own fonts");
	profile_free(&p);

	parse(&p, &r, "name: X\ntagline:\nlogo: ~\ncolors:\npaper: null\n");
	T_EQ_INT(r.rc, 0, "empty values: parse");
	T_EQ_STR(r.msgs, "", "empty values: no messages");
	T_OK(p.tagline == NULL && p.logo == NULL, "empty values: absent");
	T_EQ_INT(p.paper, PAPER_A4, "empty paper: default");
	profile_free(&p);
	free(r.msgs);
}

static void
test_errors(void)
{
	struct profile	 p;
	struct run	 r = { 0 };

	parse(&p, &r, "tagline: x\n");
	T_EQ_INT(r.rc, -1, "missing name: fails");
	T_EQ_STR(r.msgs,
	    "clinics/p.yaml:1:1: error: missing required key 'name'\n",
	    "missing name: message");
	profile_free(&p);

	parse(&p, &r, "# comment\n\ntagline: x\n");
	T_EQ_STR(r.msgs,
	    "clinics/p.yaml:3:1: error: missing required key 'name'\n",
	    "missing name: reported where the mapping starts");
	profile_free(&p);

	parse(&p, &r, "name:\n");
	T_EQ_STR(r.msgs,
	    "clinics/p.yaml:1:6: error: empty value for required key 'name'\n",
	    "empty name");
	profile_free(&p);

	parse(&p, &r, "name: X\ncolors:\n  primary: \"#12345\"\n");
	T_EQ_INT(r.rc, -1, "malformed colour: fails");
	T_EQ_STR(r.msgs, "clinics/p.yaml:3:12: error: malformed colour "
	    "'#12345': expected #RRGGBB\n", "malformed colour: message");
	T_OK(rgb_is(&p.primary, 0x1F, 0x4E, 0x79),
	    "malformed colour: default kept");
	profile_free(&p);

	parse(&p, &r, "name: X\ncolors:\n  accent: #C0504D\n");
	T_EQ_STR(r.msgs, "clinics/p.yaml:3:11: error: colour #C0504D must be "
	    "quoted: an unquoted '#' starts a YAML comment\n",
	    "unquoted colour: message at the '#'");
	profile_free(&p);

	parse(&p, &r, "name: X\ntagline: [a, b]\n");
	T_EQ_INT(r.rc, -1, "list for a string: fails");
	T_EQ_STR(r.msgs, "clinics/p.yaml:2:10: error: expected a string for "
	    "'tagline', found a list\n", "list for a string: message");
	profile_free(&p);

	parse(&p, &r, "name: X\ncontact: 0123\n");
	T_EQ_STR(r.msgs, "clinics/p.yaml:2:10: error: expected a mapping for "
	    "'contact', found a string\n", "string for a mapping: message");
	profile_free(&p);

	parse(&p, &r, "name: X\nname: Y\n");
	T_EQ_INT(r.rc, -1, "duplicate key: fails");
	T_EQ_STR(r.msgs, "clinics/p.yaml:2:1: error: duplicate key 'name'\n",
	    "duplicate key: message");
	T_EQ_STR(p.name, "X", "duplicate key: the first value stands");
	profile_free(&p);

	parse(&p, &r, "name: X\ncolors:\n  accent: \"#000000\"\n"
	    "  accent: \"#FFFFFF\"\n");
	T_EQ_STR(r.msgs, "clinics/p.yaml:4:3: error: duplicate key 'accent'\n",
	    "duplicate nested key: message");
	profile_free(&p);

	parse(&p, &r, "");
	T_EQ_INT(r.rc, -1, "empty file: fails");
	T_EQ_STR(r.msgs, "clinics/p.yaml: error: profile is empty\n",
	    "empty file: message");
	profile_free(&p);

	parse(&p, &r, "# nothing here\n---\n");
	T_EQ_STR(r.msgs, "clinics/p.yaml: error: profile is empty\n",
	    "comment-only file: message");
	profile_free(&p);

	parse(&p, &r, "- name: X\n");
	T_EQ_STR(r.msgs, "clinics/p.yaml:1:1: error: expected a mapping, "
	    "found a list\n", "list document: message");
	profile_free(&p);

	parse(&p, &r, "name: X\nname2: [a, b, c, d] e\n");
	T_EQ_INT(r.rc, -1, "malformed YAML: fails");
	T_EQ_INT(r.nerr, 1, "malformed YAML: one error");
	profile_free(&p);

	/* Errors do not stop the rest of the file being read. */
	parse(&p, &r, "name: X\npaper: a3\ncolors: { primary: red }\n"
	    "tagline: Still here\n");
	T_EQ_INT(r.nerr, 2, "two errors reported in one run");
	T_EQ_STR(p.tagline, "Still here", "parsing goes on after an error");
	profile_free(&p);
	free(r.msgs);
}

static void
test_unknown(void)
{
	struct profile	 p;
	struct run	 r = { 0 };

	parse_f(&p, &r, "riverside.yaml",
	    "name: X\nslogan: red\ncontact:\n  fax: 123\n");
	T_EQ_INT(r.rc, 0, "unknown keys: not an error");
	T_EQ_INT(r.nwarn, 2, "unknown keys: two warnings");
	T_EQ_STR(r.msgs,
	    "riverside.yaml:2:1: warning: unknown key 'slogan' ignored\n"
	    "riverside.yaml:4:3: warning: unknown key 'fax' ignored\n",
	    "unknown keys: messages");
	profile_free(&p);

	parse_f(&p, &r, "riverside.yaml", "name: X\ncolours: {}\n"
	    "colour: {}\ncontact:\n  phnoe: 1\n  e-mail: a@b\n");
	T_EQ_INT(r.nerr, 4, "typos of keys: errors");
	T_EQ_STR(r.msgs,
	    "riverside.yaml:2:1: error: unknown key 'colours': did you mean "
	    "'colors'?\n"
	    "riverside.yaml:3:1: error: unknown key 'colour': did you mean "
	    "'colors'?\n"
	    "riverside.yaml:5:3: error: unknown key 'phnoe': did you mean "
	    "'phone'?\n"
	    "riverside.yaml:6:3: error: unknown key 'e-mail': did you mean "
	    "'email'?\n", "typos of keys: the keys meant");
	profile_free(&p);

	parse(&p, &r, "name: X\n\"bad\\nkey\\u0085\": 1\n");
	T_EQ_STR(r.msgs, "clinics/p.yaml:2:1: warning: unknown key "
	    "'bad\\nkey\\u0085' ignored\n",
	    "unknown key: control characters shown escaped");
	profile_free(&p);

	parse(&p, &r, "name: X\n[a]: 1\n");
	T_EQ_INT(r.rc, -1, "list as key: fails");
	T_EQ_STR(r.msgs, "clinics/p.yaml:2:1: error: expected a string as "
	    "key, found a list\n", "list as key: message");
	profile_free(&p);
	free(r.msgs);
}

static void
test_address(void)
{
	struct profile	 p;
	struct run	 r = { 0 };

	parse(&p, &r, "name: X\ncontact:\n  address: 1 Mill Lane, Riverside\n");
	T_EQ_INT(r.rc, 0, "address string: parses");
	T_EQ_INT(p.naddress, 1, "address string: one line");
	if (p.naddress == 1)
		T_EQ_STR(p.address[0], "1 Mill Lane, Riverside",
		    "address string: text");
	profile_free(&p);

	parse(&p, &r, "name: X\ncontact:\n  address: |\n    1 Mill Lane\n"
	    "    Riverside\n");
	T_EQ_INT(p.naddress, 2, "address block: one line per line");
	if (p.naddress == 2)
		T_EQ_STR(p.address[1], "Riverside", "address block: line 2");
	profile_free(&p);

	parse(&p, &r, "name: X\ncontact:\n  address:\n    - 1 Mill Lane\n"
	    "    - Riverside\n    - RV1 2AB\n");
	T_EQ_INT(r.rc, 0, "address list: parses");
	T_EQ_INT(p.naddress, 3, "address list: three lines");
	if (p.naddress == 3) {
		T_EQ_STR(p.address[0], "1 Mill Lane", "address list: line 1");
		T_EQ_STR(p.address[2], "RV1 2AB", "address list: line 3");
	}
	profile_free(&p);

	parse(&p, &r, "name: X\ncontact:\n  address: [a, [b]]\n");
	T_EQ_STR(r.msgs, "clinics/p.yaml:3:16: error: expected a string for "
	    "'address', found a list\n", "address list of lists: message");
	profile_free(&p);

	parse(&p, &r, "name: X\ncontact:\n  address: {a: b}\n");
	T_EQ_STR(r.msgs, "clinics/p.yaml:3:12: error: expected a string or "
	    "a list for 'address', found a mapping\n",
	    "address mapping: message");
	profile_free(&p);
	free(r.msgs);
}

static void
test_paper(void)
{
	struct profile	 p;
	struct run	 r = { 0 };

	parse(&p, &r, "name: X\npaper: letter\n");
	T_EQ_INT(p.paper, PAPER_LETTER, "paper letter");
	profile_free(&p);
	parse(&p, &r, "name: X\npaper: LETTER\n");
	T_EQ_INT(p.paper, PAPER_LETTER, "paper LETTER");
	profile_free(&p);
	parse(&p, &r, "name: X\npaper: A4\n");
	T_EQ_INT(r.rc, 0, "paper A4: parses");
	T_EQ_INT(p.paper, PAPER_A4, "paper A4");
	profile_free(&p);
	parse(&p, &r, "name: X\npaper: A5\n");
	T_EQ_INT(p.paper, PAPER_A5, "paper A5");
	profile_free(&p);
	/* The layouts batch builds: handout unless the profile lists others. */
	parse(&p, &r, "name: X\n");
	T_EQ_INT(p.layouts, 1u << LAYOUT_HANDOUT, "layouts: handout by default");
	profile_free(&p);
	parse(&p, &r, "name: X\nlayouts: [handout, Large-Print]\n");
	T_EQ_INT(p.layouts, 1u << LAYOUT_HANDOUT | 1u << LAYOUT_LARGE,
	    "layouts: a list, in any case");
	profile_free(&p);
	parse(&p, &r, "name: X\nlayouts: large-print\n");
	T_EQ_INT(p.layouts, 1u << LAYOUT_LARGE, "layouts: one name");
	profile_free(&p);
	parse(&p, &r, "name: X\nlayouts: [handout, poster]\n");
	T_EQ_INT(r.rc, -1, "layouts: an unknown one fails");
	T_OK(strstr(r.msgs, "clinics/p.yaml:2:20: error: unknown layout "
	    "'poster': expected handout") != NULL, "layouts: an unknown one is "
	    "an error at its place");
	profile_free(&p);
	parse(&p, &r, "name: X\nlayouts: []\n");
	T_EQ_INT(r.rc, -1, "layouts: an empty list fails");
	profile_free(&p);
	parse(&p, &r, "name: X\npaper: a3\n");
	T_EQ_INT(r.rc, -1, "paper a3: fails");
	T_EQ_STR(r.msgs, "clinics/p.yaml:2:8: error: unknown paper size 'a3': "
	    "expected a4, letter or a5\n", "paper a3: message");
	profile_free(&p);

	parse(&p, &r, "name: X\njustify: Yes\npdfa: on\n");
	T_EQ_INT(r.rc, 0, "booleans: parse");
	T_EQ_INT(p.justify, 1, "justify: Yes");
	T_EQ_INT(p.pdfa, 1, "pdfa: on");
	profile_free(&p);
	parse(&p, &r, "name: X\npdfa: maybe\n");
	T_EQ_INT(r.rc, -1, "pdfa: maybe fails");
	T_EQ_STR(r.msgs, "clinics/p.yaml:2:7: error: 'maybe' for 'pdfa': "
	    "expected true or false\n", "pdfa: maybe message");
	profile_free(&p);
	free(r.msgs);
}

static void
test_text(void)
{
	struct profile	 p;
	struct run	 r = { 0 };
	static const char nul[] = "name: X\ntagline: a\0b\n";

	parse(&p, &r, "name: Caf\xC3\xA9\ntagline: \xC3\xA9t\xC3\xA9 \xFF\n");
	T_EQ_INT(r.rc, -1, "invalid UTF-8: fails");
	T_EQ_STR(r.msgs, "clinics/p.yaml:2:14: error: invalid UTF-8\n",
	    "invalid UTF-8: position in characters");
	T_OK(p.name == NULL, "invalid UTF-8: nothing parsed");
	profile_free(&p);

	parse(&p, &r, "name: X\n\xED\xA0\x80: 1\n");
	T_EQ_STR(r.msgs, "clinics/p.yaml:2:1: error: invalid UTF-8\n",
	    "surrogate: invalid UTF-8");
	profile_free(&p);

	parse_n(&p, &r, "clinics/p.yaml", nul, sizeof(nul) - 1);
	T_EQ_STR(r.msgs, "clinics/p.yaml:2:11: error: NUL byte in text\n",
	    "NUL byte: position");
	profile_free(&p);

	parse(&p, &r, "name: \"a\\0b\"\n");
	T_EQ_STR(r.msgs, "clinics/p.yaml:1:7: error: NUL character in the "
	    "value of 'name'\n", "escaped NUL in a string");
	profile_free(&p);

	parse(&p, &r, "name: X\x01\n");
	T_EQ_STR(r.msgs, "clinics/p.yaml:1:8: error: control characters are "
	    "not allowed\n", "control character: libyaml's reader error");
	profile_free(&p);

	parse(&p, &r, "\xEF\xBB\xBFname: BOM\n");
	T_EQ_INT(r.rc, 0, "byte order mark: accepted");
	T_EQ_STR(p.name, "BOM", "byte order mark: skipped");
	profile_free(&p);
	free(r.msgs);
}

static void
test_yaml(void)
{
	struct profile	 p;
	struct run	 r = { 0 };
	char		 deep[200];

	parse(&p, &r, "name: [unclosed\n");
	T_EQ_INT(r.rc, -1, "malformed YAML: fails");
	T_EQ_STR(r.msgs, "clinics/p.yaml:2:1: error: did not find expected "
	    "',' or ']' (while parsing a flow sequence at line 1)\n",
	    "malformed YAML: libyaml's message at line:col");
	profile_free(&p);

	parse(&p, &r, "name: X\n  tagline: y\n");
	T_EQ_STR(r.msgs, "clinics/p.yaml:2:10: error: mapping values are not "
	    "allowed in this context\n", "bad indentation: line:col");
	profile_free(&p);

	parse(&p, &r, "name: &n X\ntagline: *n\n");
	T_EQ_INT(r.rc, -1, "alias: fails");
	T_EQ_STR(r.msgs, "clinics/p.yaml:2:10: error: YAML aliases are not "
	    "supported\n", "alias: message at the alias");
	profile_free(&p);

	parse(&p, &r, "a: &a [x, x, x, x, x, x, x, x, x]\n"
	    "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
	    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nname: X\n");
	T_EQ_STR(r.msgs, "clinics/p.yaml:2:8: error: YAML aliases are not "
	    "supported\n", "billion laughs: refused at the first alias");
	profile_free(&p);

	parse(&p, &r, "name: &a [*a]\n");
	T_EQ_INT(r.rc, -1, "self-referencing alias: fails");
	profile_free(&p);

	/* The root mapping is level 1; the 32nd '[' is level 33. */
	snprintf(deep, sizeof(deep), "name: X\nx: %0*d", 40, 0);
	memset(deep + 11, '[', 40);
	parse(&p, &r, deep);
	T_EQ_STR(r.msgs, "clinics/p.yaml:2:35: error: mappings and lists "
	    "nested too deeply\n", "deep nesting: refused at level 33");
	profile_free(&p);

	memset(deep + 11, '[', 31);
	memset(deep + 42, ']', 31);
	deep[73] = '\0';
	parse(&p, &r, deep);
	T_EQ_INT(r.nerr, 0, "nesting 32 deep: accepted");
	profile_free(&p);

	parse(&p, &r, "name: X\n---\nname: Y\n");
	T_EQ_STR(r.msgs, "clinics/p.yaml:2:1: error: only one YAML document "
	    "is allowed\n", "second document: refused");
	profile_free(&p);

	parse(&p, &r, "name: !!str 12\nversion: 1.0\n");
	T_EQ_STR(p.name, "12", "tagged scalar: text kept");
	profile_free(&p);
	free(r.msgs);
}

static int
load(struct profile *p, struct run *r, const char *file)
{
	struct diag	 d = { 0 };
	FILE		*f;

	free(r->msgs);
	memset(r, 0, sizeof(*r));
	if ((f = open_memstream(&r->msgs, &r->len)) == NULL) {
		perror("open_memstream");
		exit(1);
	}
	d.out = f;
	r->rc = profile_load(p, file, &d);
	fclose(f);
	return r->rc;
}

static void
test_load(void)
{
	struct profile	 p;
	struct run	 r = { 0 };
	char		 path[] = "/tmp/leafpress-test-XXXXXX";
	int		 fd;

	T_EQ_INT(load(&p, &r, "no/such/clinic.yaml"), -1,
	    "missing file: fails");
	T_EQ_STR(r.msgs, "no/such/clinic.yaml: error: cannot read: No such "
	    "file or directory\n", "missing file: message");
	T_OK(p.name == NULL && p.file == NULL, "missing file: profile zeroed");
	profile_free(&p);

	T_EQ_INT(load(&p, &r, "/tmp"), -1, "directory: fails");
	T_EQ_STR(r.msgs, "/tmp: error: cannot read: Is a directory\n",
	    "directory: message");
	profile_free(&p);

	if ((fd = mkstemp(path)) == -1 ||
	    write(fd, full, sizeof(full) - 1) != (ssize_t)sizeof(full) - 1) {
		perror("test file");
		exit(1);
	}
	close(fd);
	T_EQ_INT(load(&p, &r, path), 0, "profile from a file: parses");
	T_EQ_STR(r.msgs, "", "profile from a file: no messages");
	T_EQ_STR(p.name, "Riverside Neurology Clinic",
	    "profile from a file: name");
	T_EQ_STR(p.dir, "/tmp", "profile from a file: dir");
	profile_free(&p);
	unlink(path);
	free(r.msgs);
}

static void
test_color_parse(void)
{
	struct rgb	 c = { -1, -1, -1 };

	T_EQ_INT(color_parse("#0B6E4F", &c), 0, "color_parse #0B6E4F");
	T_OK(rgb_is(&c, 0x0B, 0x6E, 0x4F), "color_parse #0B6E4F: value");
	T_EQ_INT(color_parse("#ffffff", &c), 0, "color_parse lower case");
	T_OK(c.r == 1.0f && c.g == 1.0f && c.b == 1.0f,
	    "color_parse #ffffff: 1, 1, 1");
	T_EQ_INT(color_parse("#000000", &c), 0, "color_parse #000000");
	T_OK(c.r == 0.0f && c.g == 0.0f && c.b == 0.0f,
	    "color_parse #000000: 0, 0, 0");
	T_EQ_INT(color_parse("0B6E4F", &c), -1, "color_parse: missing #");
	T_EQ_INT(color_parse("#12345", &c), -1, "color_parse: too short");
	T_EQ_INT(color_parse("#1234567", &c), -1, "color_parse: too long");
	T_EQ_INT(color_parse("#12G456", &c), -1, "color_parse: not hex");
	T_EQ_INT(color_parse("#12 456", &c), -1, "color_parse: blank inside");
	T_EQ_INT(color_parse("#", &c), -1, "color_parse: only #");
	T_EQ_INT(color_parse("", &c), -1, "color_parse: empty");
	T_EQ_INT(color_parse("red", &c), -1, "color_parse: a name");
	T_EQ_INT(color_parse("#fff", &c), -1, "color_parse: short form");
	T_OK(c.r == 0.0f, "color_parse: failure leaves the colour alone");
}

/* Each row type of the profile's tables, read and refused. */
static void
test_rows(void)
{
	struct profile	 p;
	struct run	 r = { 0 };

	parse(&p, &r, "tagline: [a]\n");
	T_EQ_INT(r.nerr, 2, "required row: two errors");
	T_EQ_STR(r.msgs, "clinics/p.yaml:1:10: error: expected a string for "
	    "'tagline', found a list\n"
	    "clinics/p.yaml:1:1: error: missing required key 'name'\n",
	    "required row: missing after the other errors");
	profile_free(&p);

	parse(&p, &r, "name: ~\n");
	T_EQ_STR(r.msgs, "clinics/p.yaml:1:7: error: empty value for required "
	    "key 'name'\n", "required row: ~ is empty");
	profile_free(&p);

	parse(&p, &r, "name: X\npaper: Legal\n");
	T_EQ_STR(r.msgs, "clinics/p.yaml:2:8: error: unknown paper size "
	    "'Legal': expected a4, letter or a5\n", "enum row: message");
	T_EQ_INT(p.paper, PAPER_A4, "enum row: default kept");
	profile_free(&p);

	parse(&p, &r, "name: X\nlogo: [a]\njustify: 2\n");
	T_EQ_STR(r.msgs, "clinics/p.yaml:2:7: error: expected a string for "
	    "'logo', found a list\nclinics/p.yaml:3:10: error: '2' for "
	    "'justify': expected true or false\n", "path and bool rows");
	T_OK(p.logo == NULL && p.justify == 0,
	    "path and bool rows: bad values not kept");
	profile_free(&p);

	parse(&p, &r, "name: X\nfonts:\n  bold: a.ttf\n  light: l.ttf\n"
	    "  bold: b.ttf\n  mono: \"\"\n");
	T_EQ_STR(r.msgs, "clinics/p.yaml:4:3: warning: unknown key 'light' "
	    "ignored\nclinics/p.yaml:5:3: error: duplicate key 'bold'\n",
	    "nested rows: unknown and duplicate keys");
	T_EQ_STR(p.font[FACE_BOLD], "clinics/a.ttf",
	    "nested path row: the first value stands");
	T_OK(p.font[FACE_MONO] == NULL, "nested path row: empty is absent");
	T_EQ_INT(p.font_pos[FACE_BOLD].line, 3, "nested path row: its line");
	profile_free(&p);

	parse(&p, &r, "name: X\ncolors: { primary: \"\" }\n");
	T_EQ_STR(r.msgs, "clinics/p.yaml:2:20: error: malformed colour '': "
	    "expected #RRGGBB\n", "colour row: an empty string");
	profile_free(&p);

	parse(&p, &r, "name: X\ncolors:\n  accent: ~\n");
	T_EQ_STR(r.msgs, "clinics/p.yaml:3:11: error: malformed colour '': "
	    "expected #RRGGBB\n", "colour row: an empty value");
	profile_free(&p);

	parse(&p, &r, "name: X\ncontact:\n  phone: [1]\n"
	    "  address: [a, ~, b]\n");
	T_EQ_STR(r.msgs, "clinics/p.yaml:3:10: error: expected a string for "
	    "'phone', found a list\n", "nested string row: message");
	T_EQ_INT(p.naddress, 2, "lines row: an empty item left out");
	profile_free(&p);
	free(r.msgs);
}

/* contact.booking, qr and the addresses a QR code points at. */
static void
test_qr(void)
{
	struct profile	 p;
	struct run	 r = { 0 };
	char		*url, big[400];

	parse(&p, &r, "name: X\ncontact:\n  website: x.example\n"
	    "  booking: https://x.example/book\nqr: yes\n");
	T_OK(r.rc == 0 && p.qr.on, "qr: yes");
	T_EQ_INT(p.qr.pos.line * 100 + p.qr.pos.col, 505, "qr: its position");
	url = profile_qr_url(&p);
	T_EQ_STR(url, "https://x.example/book", "qr: the booking address first");
	free(url);
	profile_free(&p);

	parse(&p, &r, "name: X\ncontact: { website: x.example }\nqr: on\n");
	url = profile_qr_url(&p);
	T_EQ_STR(url, "https://x.example", "qr: else the website, with https");
	free(url);
	profile_free(&p);

	parse(&p, &r, "name: X\ncontact:\n  phone: \"1\"\nqr: true\n");
	T_EQ_STR(r.msgs, "clinics/p.yaml:4:5: error: a QR code needs an "
	    "address to point at: contact.booking or contact.website\n",
	    "qr without an address: an error at qr");
	T_EQ_INT(r.rc, -1, "qr without an address: fails");
	profile_free(&p);

	parse(&p, &r, "name: X\nqr: false\nlarge_print: Ask us.\n");
	T_OK(r.rc == 0 && !p.qr.on && p.booking == NULL, "qr: false, no address: "
	    "fine");
	T_EQ_STR(p.large_print, "Ask us.", "large_print: its words");
	profile_free(&p);

	parse(&p, &r, "name: X\ncontact:\n  booking: javascript://x\n");
	T_EQ_STR(r.msgs, "clinics/p.yaml:3:12: error: malformed web address "
	    "'javascript://x' for 'booking': expected https://...\n",
	    "booking: a web address only");
	profile_free(&p);

	snprintf(big, sizeof(big), "name: X\ncontact:\n  booking: x.example/"
	    "%0200d\nqr: true\n", 0);
	parse(&p, &r, big);
	T_EQ_STR(r.msgs, "clinics/p.yaml:4:5: error: the QR code's address "
	    "is 218 bytes long: too long for a code a phone can read from a "
	    "leaflet (at most 213)\n", "qr: an address too long for a code");
	profile_free(&p);
	free(r.msgs);
}

int
main(void)
{
	T_PLAN(171);
	test_full();
	test_defaults();
	test_errors();
	test_unknown();
	test_address();
	test_paper();
	test_rows();
	test_text();
	test_yaml();
	test_load();
	test_color_parse();
	test_qr();
	T_DONE();
}
