/*
 * vars: clinic details filled into an article's text before it is
 * parsed.  Only "{{", blanks, a name of letters, digits, '_' and '.',
 * blanks and "}}" make a variable; any other "{{" is text, so braces in
 * prose need no escape unless they would read as a variable.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "profile.h"
#include "vars.h"
#include "xalloc.h"

#define PREFIX	"clinic."
/*
 * A limit against hostile input: an article of many variables and a
 * profile of long values would otherwise multiply.  Past it, variables
 * are left as written, with one error.
 */
#define VARS_MAXOUT	(2 * 1024 * 1024)

/* The fields, by name: a new text field of a profile is a row here. */
static const struct field {
	const char	*name;
	size_t		 off;		/* char * in struct profile */
	int		 lines;		/* char ** with naddress lines */
} fields[] = {
	{ "name", offsetof(struct profile, name), 0 },
	{ "tagline", offsetof(struct profile, tagline), 0 },
	{ "phone", offsetof(struct profile, phone), 0 },
	{ "email", offsetof(struct profile, email), 0 },
	{ "website", offsetof(struct profile, website), 0 },
	{ "address", offsetof(struct profile, address), 1 }
};
#define NFIELDS	(sizeof(fields) / sizeof(fields[0]))

/* A value: control characters (line breaks) become spaces. */
static void
put_value(struct sbuf *o, const char *v)
{
	size_t	 i = o->n;

	sbuf_put(o, v, strlen(v));
	for (; i < o->n; i++)
		if ((unsigned char)o->s[i] < 0x20 || o->s[i] == 0x7f)
			o->s[i] = ' ';
}

/* A value read as plain text: its ASCII punctuation escaped. */
static void
put_plain(struct sbuf *o, const char *v)
{
	char	 c[2] = { '\\', 0 };

	for (; *v != '\0'; v++) {
		c[1] = (unsigned char)*v < 0x20 || *v == 0x7f ? ' ' : *v;
		/* what inline Markdown reads; the rest is left alone */
		if (c[1] != '\0' && strchr("\\`*_[]<>!&#~|{}$", c[1]) != NULL)
			sbuf_put(o, c, 2);
		else
			sbuf_put(o, c + 1, 1);
	}
}

/* The index of a variable of p->more named name[0..n), or -1. */
static long
lookup_more(const struct profile *p, const char *name, size_t n)
{
	size_t	 i;

	for (i = 0; p != NULL && p->more != NULL && i < p->more->n; i++)
		if (strlen(p->more->name[i]) == n &&
		    memcmp(p->more->name[i], name, n) == 0)
			return (long)i;
	return -1;
}

static int
is_name(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '.';
}

/*
 * A variable at s (which starts "{{"): its length up to the closing
 * "}}", with *name and *nlen its name; 0 when s is no variable.
 */
static size_t
variable(const char *s, const char *e, const char **name, size_t *nlen)
{
	const char	*p = s + 2;

	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	*name = p;
	while (p < e && is_name(*p))
		p++;
	*nlen = (size_t)(p - *name);
	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	if (*nlen == 0 || e - p < 2 || p[0] != '}' || p[1] != '}')
		return 0;
	return (size_t)(p + 2 - s);
}

/* The column of q on the line that starts at bol, col0 columns in. */
static int
column(const char *q, const char *bol, int col0)
{
	return (int)(q - bol) + 1 + col0;
}

static const struct field *
lookup(const char *name, size_t n)
{
	size_t	 i, k = strlen(PREFIX);

	if (n <= k || memcmp(name, PREFIX, k) != 0)
		return NULL;
	for (i = 0; i < NFIELDS; i++)
		if (strlen(fields[i].name) == n - k &&
		    memcmp(fields[i].name, name + k, n - k) == 0)
			return &fields[i];
	return NULL;
}

/* The field's value in p; *missing when p has none. */
static void
put_field(struct sbuf *o, const struct field *f, const struct profile *p,
    int *missing)
{
	const char	*v = *(char *const *)((const char *)p + f->off);
	size_t		 i;

	*missing = 0;
	if (!f->lines) {
		if (v == NULL || *v == '\0')
			*missing = 1;
		else
			put_value(o, v);
		return;
	}
	*missing = p->naddress == 0;
	for (i = 0; i < p->naddress; i++) {
		if (i > 0)
			sbuf_put(o, ", ", 2);
		put_value(o, p->address[i]);
	}
}

int
vars_fill(const struct srcpos *at, const char *s, size_t n,
    const struct profile *p, int warn_missing, struct diag *d,
    char **out, size_t *outlen)
{
	struct sbuf		 o = { NULL, 0, 0 };
	const struct field	*f;
	const char		*e = s + n, *bol = s, *q, *name;
	const char		*file = at->file;
	size_t			 len, nlen;
	int			 line = at->line, count = 0, bad = 0, missing;
	int			 col0 = at->col > 0 ? at->col - 1 : 0;
	long			 m;

	sbuf_put(&o, "", 0);
	for (q = s; q < e; q++) {
		if (*q == '\n') {
			line++;
			bol = q + 1;
			col0 = 0;
			continue;
		}
		if (*q != '{' || e - q < 2 || q[1] != '{')
			continue;
		if (q > s && q[-1] == '\\') {
			/* "\{{": the braces, without the backslash */
			sbuf_put(&o, s, (size_t)(q - 1 - s));
			sbuf_put(&o, "{{", 2);
			s = ++q + 1;
			continue;
		}
		if ((len = variable(q, e, &name, &nlen)) == 0)
			continue;
		count++;
		if ((m = lookup_more(p, name, nlen)) >= 0) {
			sbuf_put(&o, s, (size_t)(q - s));
			put_plain(&o, p->more->value[m]);
			q += len - 1;
			s = q + 1;
			continue;
		}
		if ((f = lookup(name, nlen)) == NULL) {
			diag_msg(d, DIAG_ERROR, file, line, column(q, bol, col0),
			    "unknown variable '%.*s': expected clinic.name, "
			    "tagline, phone, email, website or address",
			    (int)(nlen > 60 ? 60 : nlen), name);
			bad = 1;
			q += len - 1;
			continue;
		}
		if (p == NULL || o.n > VARS_MAXOUT) {
			if (p != NULL && !bad++)
				diag_msg(d, DIAG_ERROR, file, line,
				    column(q, bol, col0), "clinic details "
				    "make the article longer than %d bytes",
				    VARS_MAXOUT);
			q += len - 1;
			continue;
		}
		sbuf_put(&o, s, (size_t)(q - s));
		put_field(&o, f, p, &missing);
		if (missing && warn_missing)
			diag_msg(d, DIAG_WARNING, file, line,
			    column(q, bol, col0), "%s has no %s: '{{%.*s}}' "
			    "is left empty", p->file, f->name, (int)nlen, name);
		q += len - 1;
		s = q + 1;
	}
	sbuf_put(&o, s, (size_t)(e - s));
	*out = o.s;
	*outlen = o.n;
	return bad ? -1 : count;
}
