/*
 * patients: the CSV patient list, read with libcsv.  libcsv says where a
 * field ends but not where it began, so the text is fed to it one byte
 * at a time, and the line and column where each field starts are kept
 * for the messages.  A message names the row's ref and the column, and
 * never echoes a field: the list holds patients' names, addresses and
 * email addresses, which go nowhere but the patient's own letter.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <csv.h>

#include "diag.h"
#include "fileio.h"
#include "format.h"
#include "hash.h"
#include "patients.h"
#include "utf8.h"
#include "xalloc.h"

/* The columns' headers, by enum pcol (the secret's is the caller's). */
static const char *const pcol_names[PCOL__MAX] = {
	"ref", "name", "address", "email", "articles", "format", "lang",
	"channel", NULL
};

/* The refs seen so far, for duplicates: open addressing, by FNV-1a. */
struct refset {
	char	**ref;		/* borrowed from the rows or owned (bad rows) */
	int	 *line;
	size_t	  cap;		/* a power of two */
	size_t	  n;
};

struct reader {
	struct patients	*ps;
	struct diag	*d;
	const char	*secret;	/* header of the secret column */
	int		*map;		/* CSV column -> enum pcol, or -1 */
	size_t		 ncols;		/* columns in the header */
	int		 header;	/* the header row is being read */
	int		 fatal;		/* the list cannot be read */
	int		 bad;		/* rows left out */
	int		 line, col;	/* of the byte being fed */
	int		 want;		/* the next field's start is unseen */
	int		 fline, fcol;	/* where the current field began */
	size_t		 nfield;	/* fields of the row so far */
	int		 rowline;	/* the row's first line */
	int		 extra;		/* the row has more fields than the
					   header; its column */
	int		 badfield;	/* a field is bad UTF-8 or too long:
					   its enum pcol + 1 */
	char		*field[PCOL__MAX];
	struct srcpos	 pos[PCOL__MAX];
	struct refset	 refs;
	char		**owned;	/* refs of bad rows, for the set */
	size_t		 nowned;
};

static int
refset_find(const struct refset *s, const char *ref, size_t *slot)
{
	size_t i;

	if (s->cap == 0)
		return 0;
	i = (size_t)fnv1a(ref, strlen(ref)) & (s->cap - 1);
	while (s->ref[i] != NULL) {
		if (strcmp(s->ref[i], ref) == 0) {
			*slot = i;
			return 1;
		}
		i = (i + 1) & (s->cap - 1);
	}
	*slot = i;
	return 0;
}

/* Add ref (borrowed) at line; kept at most half full. */
static void
refset_add(struct refset *s, char *ref, int line)
{
	struct refset big;
	size_t i, slot;

	if (2 * (s->n + 1) > s->cap) {
		big.cap = s->cap ? 2 * s->cap : 64;
		big.n = 0;
		big.ref = xcalloc(big.cap, sizeof(*big.ref));
		big.line = xcalloc(big.cap, sizeof(*big.line));
		for (i = 0; i < s->cap; i++)
			if (s->ref[i] != NULL)
				refset_add(&big, s->ref[i], s->line[i]);
		free(s->ref);
		free(s->line);
		*s = big;
	}
	if (refset_find(s, ref, &slot))
		return;
	s->ref[slot] = ref;
	s->line[slot] = line;
	s->n++;
}

int
patients_safe_ref(const char *s)
{
	size_t n = strlen(s), i;

	if (n == 0 || n > PATIENTS_MAXREF || s[0] == '.' || s[0] == '-')
		return 0;
	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '0' && s[i] <= '9') ||
		    s[i] == '.' || s[i] == '-' || s[i] == '_'))
			return 0;
	return 1;
}

static int
is_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9');
}

/* One label of a domain: letters, digits, inner hyphens, 1-63. */
static int
label_ok(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || n > 63 || s[0] == '-' || s[n - 1] == '-')
		return 0;
	for (i = 0; i < n; i++)
		if (!is_alnum(s[i]) && s[i] != '-')
			return 0;
	return 1;
}

int
patients_email_ok(const char *s)
{
	const char *at = strrchr(s, '@'), *p, *dot;
	size_t n = strlen(s), local;

	if (at == NULL || n > 254)
		return 0;
	local = (size_t)(at - s);
	if (local == 0 || local > 64 || s[0] == '.' || at[-1] == '.')
		return 0;
	for (p = s; p < at; p++)
		if (!is_alnum(*p) && strchr(".!#$%&'*+-/=?^_`{|}~", *p) == NULL)
			return 0;
		else if (p[0] == '.' && p[1] == '.')
			return 0;
	/* a domain of two labels or more */
	if (strchr(at + 1, '.') == NULL)
		return 0;
	for (p = at + 1; ; p = dot + 1) {
		dot = strchr(p, '.');
		if (!label_ok(p, dot ? (size_t)(dot - p) : strlen(p)))
			return 0;
		if (dot == NULL)
			return 1;
	}
}

/* s without blanks at its ends, as a new string. */
static char *
trimmed(const char *s, size_t n)
{
	while (n > 0 && (*s == ' ' || *s == '\t' || *s == '\r'))
		s++, n--;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
	    s[n - 1] == '\r'))
		n--;
	return xstrndup(s, n);
}

/*
 * s split at any of seps into trimmed, non-empty pieces appended to
 * *v; -1 when there would be more than max.
 */
static int
split(const char *s, const char *seps, size_t max, char ***v, size_t *n)
{
	size_t len;
	char *piece;

	for (;;) {
		len = strcspn(s, seps);
		piece = trimmed(s, len);
		if (*piece == '\0')
			free(piece);
		else if (*n == max) {
			free(piece);
			return -1;
		} else {
			*v = xreallocarray(*v, *n + 1, sizeof(**v));
			(*v)[(*n)++] = piece;
		}
		if (s[len] == '\0')
			return 0;
		s += len + 1;
	}
}

static void
free_list(char **v, size_t n)
{
	while (n-- > 0)
		free(v[n]);
	free(v);
}

static void
patient_free(struct patient *p)
{
	free(p->ref);
	free(p->name);
	free_list(p->address, p->naddress);
	free(p->email);
	free_list(p->articles, p->narticles);
	free(p->lang);
	free(p->secret);
}

/* The channels s names; 0 when it names none or something else. */
static unsigned
channels(const char *s)
{
	char **v = NULL;
	size_t n = 0, i;
	unsigned set = 0;

	if (*s == '\0')
		return CHANNEL_POST;
	if (split(s, ";,+ ", 4, &v, &n) == -1) {
		free_list(v, n);
		return 0;
	}
	for (i = 0; i < n; i++) {
		if (strcasecmp(v[i], "post") == 0)
			set |= CHANNEL_POST;
		else if (strcasecmp(v[i], "email") == 0)
			set |= CHANNEL_EMAIL;
		else if (strcasecmp(v[i], "both") == 0)
			set |= CHANNEL_POST | CHANNEL_EMAIL;
		else {
			set = 0;
			break;
		}
	}
	free_list(v, n);
	return set;
}

static int
lang_ok(const char *s)
{
	size_t i, n = strlen(s);

	if (n == 0 || n > 35 || !is_alnum(s[0]))
		return 0;
	for (i = 0; i < n; i++)
		if (!is_alnum(s[i]) && s[i] != '-' && s[i] != '_')
			return 0;
	return 1;
}

/*
 * Report the row's one problem, at column c, naming its ref when it has
 * a usable one; it is then left out.
 */
static void
row_error(struct reader *r, enum pcol c, const char *msg)
{
	const char *ref = r->field[PCOL_REF];

	if (ref != NULL && patients_safe_ref(ref))
		diag_at(r->d, DIAG_ERROR, &r->pos[c], "patient %s: %s", ref,
		    msg);
	else
		diag_at(r->d, DIAG_ERROR, &r->pos[c], "patient on this row: "
		    "%s", msg);
	r->bad++;
}

/* The row's ref, checked alone and against the refs before it. */
static const char *
check_ref(struct reader *r)
{
	static char msg[96];
	const char *ref = r->field[PCOL_REF];
	size_t slot;

	if (ref == NULL || *ref == '\0')
		return "no ref: every row needs the clinic's reference";
	if (!patients_safe_ref(ref))
		return "ref: expected up to 64 letters, digits, '.', '-' "
		    "or '_', not starting with '.' or '-'";
	if (refset_find(&r->refs, ref, &slot)) {
		snprintf(msg, sizeof(msg), "ref used already on line %d",
		    r->refs.line[slot]);
		return msg;
	}
	return NULL;
}

/* What is wrong with the row, and in which column; NULL if nothing. */
static const char *
check_row(struct reader *r, struct patient *p, enum pcol *c)
{
	const char *msg, *s;
	size_t i;

	*c = PCOL_REF;
	if ((msg = check_ref(r)) != NULL)
		return msg;
	if (r->badfield) {
		*c = (enum pcol)(r->badfield - 1);
		return "not UTF-8, or longer than 4096 bytes";
	}
	if (r->extra) {
		r->pos[*c].col = r->extra;
		return "more fields than the header row has columns";
	}
	*c = PCOL_ARTICLES;
	s = r->field[PCOL_ARTICLES] ? r->field[PCOL_ARTICLES] : "";
	if (split(s, ";", PATIENTS_MAXARTICLES, &p->articles,
	    &p->narticles) == -1)
		return "more than 16 articles";
	if (p->narticles == 0)
		return "no articles: name one or more, separated by ';'";
	for (i = 0; i < p->narticles; i++)
		if (!patients_safe_ref(p->articles[i]))
			return "an article name is letters, digits, '.', '-' "
			    "and '_'";
	*c = PCOL_FORMAT;
	s = r->field[PCOL_FORMAT];
	if (s != NULL && *s != '\0' && layout_parse(s, &p->format.layout) == -1)
		return "unknown format";
	*c = PCOL_LANG;
	s = r->field[PCOL_LANG];
	if (s != NULL && *s != '\0' && !lang_ok(s))
		return "lang: expected a language tag such as en or pt-BR";
	*c = PCOL_CHANNEL;
	s = r->field[PCOL_CHANNEL] ? r->field[PCOL_CHANNEL] : "";
	if ((p->channels = channels(s)) == 0)
		return "channel: expected post, email or both";
	*c = PCOL_EMAIL;
	s = r->field[PCOL_EMAIL];
	if (s != NULL && *s != '\0' && !patients_email_ok(s))
		return "bad email address";
	if ((p->channels & CHANNEL_EMAIL) && (s == NULL || *s == '\0'))
		return "channel email needs an email address";
	*c = PCOL_ADDRESS;
	s = r->field[PCOL_ADDRESS] ? r->field[PCOL_ADDRESS] : "";
	if (split(s, "\n|", PATIENTS_MAXLINES, &p->address,
	    &p->naddress) == -1)
		return "the address has more than 32 lines";
	if ((p->channels & CHANNEL_POST) && p->naddress == 0)
		return "channel post needs an address";
	*c = PCOL_NAME;
	if ((p->channels & CHANNEL_POST) && (r->field[PCOL_NAME] == NULL ||
	    *r->field[PCOL_NAME] == '\0'))
		return "channel post needs a name for the envelope";
	return NULL;
}

/* Take the row's field c, or NULL when it is empty. */
static char *
take(struct reader *r, enum pcol c)
{
	char *s = r->field[c];

	r->field[c] = NULL;
	if (s != NULL && *s == '\0') {
		free(s);
		return NULL;
	}
	return s;
}

/* The row read: checked, and kept or reported. */
static void
end_row(struct reader *r)
{
	struct patients *ps = r->ps;
	struct patient p;
	const char *msg;
	enum pcol c;
	int i;

	memset(&p, 0, sizeof(p));
	ps->rows++;
	if ((msg = check_row(r, &p, &c)) != NULL) {
		row_error(r, c, msg);
		patient_free(&p);
		/* a bad row's ref still counts: a second use is a mistake */
		if (r->field[PCOL_REF] != NULL &&
		    patients_safe_ref(r->field[PCOL_REF])) {
			r->owned = xreallocarray(r->owned, r->nowned + 1,
			    sizeof(*r->owned));
			r->owned[r->nowned] = take(r, PCOL_REF);
			refset_add(&r->refs, r->owned[r->nowned++],
			    r->rowline);
		}
	} else {
		p.ref = take(r, PCOL_REF);
		p.name = take(r, PCOL_NAME);
		p.email = take(r, PCOL_EMAIL);
		p.lang = take(r, PCOL_LANG);
		p.secret = take(r, PCOL_SECRET);
		memcpy(p.pos, r->pos, sizeof(p.pos));
		ps->v = xreallocarray(ps->v, ps->n + 1, sizeof(*ps->v));
		ps->v[ps->n++] = p;
		refset_add(&r->refs, p.ref, r->rowline);
	}
	for (i = 0; i < PCOL__MAX; i++) {
		free(r->field[i]);
		r->field[i] = NULL;
	}
}

/* A header cell: which column it is. */
static void
header_cell(struct reader *r, const char *s)
{
	char *name = trimmed(s, strlen(s));
	int c = -1, i;
	size_t k;

	for (i = 0; i < PCOL_SECRET; i++)
		if (strcasecmp(name, pcol_names[i]) == 0)
			c = i;
	if (c == -1 && r->secret != NULL && strcasecmp(name, r->secret) == 0)
		c = PCOL_SECRET;
	for (k = 0; c != -1 && k < r->ncols; k++)
		if (r->map[k] == c) {
			diag_msg(r->d, DIAG_ERROR, r->ps->file, r->fline,
			    r->fcol, "column '%s' is given twice", name);
			r->fatal = 1;
		}
	free(name);
	r->map = xreallocarray(r->map, r->ncols + 1, sizeof(*r->map));
	r->map[r->ncols++] = c;
}

/* libcsv: a field has ended. */
static void
on_field(void *s, size_t n, void *arg)
{
	struct reader *r = arg;
	int c;

	if (r->want) {		/* an empty field, at the end of a line */
		r->fline = r->line;
		r->fcol = r->col;
	}
	r->want = 1;
	if (r->nfield++ == 0) {
		/* a field the row lacks is reported where the row starts */
		r->rowline = r->fline;
		for (c = 0; c < PCOL__MAX; c++) {
			r->pos[c].line = r->fline;
			r->pos[c].col = 1;
		}
	}
	if (r->header) {
		header_cell(r, s != NULL ? s : "");
		return;
	}
	if (r->nfield > r->ncols) {
		if (!r->extra)
			r->extra = r->fcol;
		return;
	}
	if ((c = r->map[r->nfield - 1]) == -1)
		return;
	r->pos[c].line = r->fline;
	r->pos[c].col = r->fcol;
	if (n > PATIENTS_MAXFIELD || (s != NULL && utf8_invalid(s, n) != n)) {
		if (!r->badfield)
			r->badfield = c + 1;
		return;
	}
	r->field[c] = s != NULL ? trimmed(s, n) : xstrdup("");
}

/* What the header lacks: a list needs refs and articles. */
static void
header_end(struct reader *r)
{
	static const enum pcol need[] = { PCOL_REF, PCOL_ARTICLES };
	size_t i, k;

	for (i = 0; i < sizeof(need) / sizeof(need[0]); i++) {
		for (k = 0; k < r->ncols && r->map[k] != (int)need[i]; k++)
			;
		if (k == r->ncols) {
			diag_msg(r->d, DIAG_ERROR, r->ps->file, r->rowline, 1,
			    "the header row has no '%s' column",
			    pcol_names[need[i]]);
			r->fatal = 1;
		}
	}
	if (r->secret != NULL) {
		for (k = 0; k < r->ncols && r->map[k] != PCOL_SECRET; k++)
			;
		if (k == r->ncols) {
			diag_msg(r->d, DIAG_ERROR, r->ps->file, r->rowline, 1,
			    "the header row has no '%s' column for --encrypt",
			    r->secret);
			r->fatal = 1;
		}
	}
}

/* libcsv: a row has ended. */
static void
on_row(int c, void *arg)
{
	struct reader *r = arg;
	int i;

	(void)c;
	r->want = 1;
	if (r->header) {
		r->header = 0;
		header_end(r);
	} else if (!r->fatal) {
		if (r->ps->rows >= PATIENTS_MAXROWS) {
			diag_msg(r->d, DIAG_ERROR, r->ps->file, r->rowline, 1,
			    "more than %d patients", PATIENTS_MAXROWS);
			r->fatal = 1;
		} else
			end_row(r);
	}
	for (i = 0; i < PCOL__MAX; i++) {
		free(r->field[i]);
		r->field[i] = NULL;
	}
	r->nfield = 0;
	r->extra = r->badfield = 0;
}

static void
reader_free(struct reader *r)
{
	size_t i;

	for (i = 0; i < PCOL__MAX; i++)
		free(r->field[i]);
	free(r->map);
	free(r->refs.ref);
	free(r->refs.line);
	for (i = 0; i < r->nowned; i++)
		free(r->owned[i]);
	free(r->owned);
}

/* Feed buf to libcsv a byte at a time, following line and column. */
static int
feed(struct reader *r, struct csv_parser *cp, const char *buf, size_t len)
{
	size_t i;

	for (i = 0; i < len && !r->fatal; i++) {
		if (r->want && buf[i] != '\r' && buf[i] != '\n') {
			r->want = 0;
			r->fline = r->line;
			r->fcol = r->col;
		}
		if (csv_parse(cp, buf + i, 1, on_field, on_row, r) != 1) {
			diag_msg(r->d, DIAG_ERROR, r->ps->file, r->line, r->col,
			    "not CSV: %s", csv_strerror(csv_error(cp)));
			return -1;
		}
		if (buf[i] == '\n') {
			r->line++;
			r->col = 1;
		} else if (((unsigned char)buf[i] & 0xc0) != 0x80)
			r->col++;
	}
	if (!r->fatal && csv_fini(cp, on_field, on_row, r) != 0) {
		diag_msg(r->d, DIAG_ERROR, r->ps->file, r->fline, r->fcol,
		    "not CSV: a quoted field is never closed");
		return -1;
	}
	return r->fatal ? -1 : 0;
}

int
patients_parse(struct patients *ps, const char *file, const char *buf,
    size_t len, const char *secret, struct diag *d)
{
	struct csv_parser cp;
	struct reader r;
	int rc, i;

	memset(ps, 0, sizeof(*ps));
	ps->file = xstrdup(file);
	memset(&r, 0, sizeof(r));
	r.ps = ps;
	r.d = d;
	r.secret = secret;
	r.header = r.want = 1;
	r.line = r.col = 1;
	for (i = 0; i < PCOL__MAX; i++) {
		r.pos[i].file = ps->file;
		r.pos[i].line = 1;
		r.pos[i].col = 1;
	}
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0) {
		buf += 3;
		len -= 3;
	}
	if (csv_init(&cp, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		diag_msg(d, DIAG_ERROR, file, 0, 0, "out of memory");
		return -1;
	}
	rc = feed(&r, &cp, buf, len);
	csv_free(&cp);
	if (rc == 0 && r.header) {
		diag_msg(d, DIAG_ERROR, file, 1, 1, "no header row: the "
		    "first line names the columns, ref and articles at least");
		rc = -1;
	}
	if (rc == 0 && r.bad > 0)
		rc = 1;
	reader_free(&r);
	return rc;
}

int
patients_load(struct patients *ps, const char *file, const char *secret,
    struct diag *d)
{
	char *buf;
	size_t len;
	int rc;

	memset(ps, 0, sizeof(*ps));
	if (file_read(file, &buf, &len, d) == -1)
		return -1;
	rc = patients_parse(ps, file, buf, len, secret, d);
	free(buf);
	return rc;
}

void
patients_free(struct patients *ps)
{
	size_t i;

	for (i = 0; i < ps->n; i++)
		patient_free(&ps->v[i]);
	free(ps->v);
	free(ps->file);
	memset(ps, 0, sizeof(*ps));
}
