/*
 * check: a batch without PDFs.  Profiles and articles are read as batch
 * reads them, every pair is laid out (leaflet_render with layout_only),
 * and the articles are held to the governance rules.  A leaflet repeats
 * what is wrong with its article or its clinic (a missing image, a
 * logo, no title) for every pair; here each message is said once.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "article.h"
#include "check.h"
#include "date.h"
#include "diag.h"
#include "fileio.h"
#include "leaflet.h"
#include "manifest.h"
#include "profile.h"
#include "xalloc.h"

struct check {
	struct build	*b;
	struct diag	*d;		/* the real one, while b->d is held */
	long long	 today;		/* seconds at midnight UTC */
	char		 todays[11];	/* YYYY-MM-DD */
	struct strlist	 said;		/* messages said, to say them once */
	struct strlist	 ids;		/* "ID\nFILE:LINE" of each leaflet_id */
	struct manifest	 mf;		/* what the last batch built */
};

/* Today: as asked, else SOURCE_DATE_EPOCH's day, else the clock's. */
static void
set_today(struct check *c, const char *today)
{
	struct tm tm;
	time_t t;

	if (today != NULL && date_valid(today)) {
		c->today = date_seconds(today);
		snprintf(c->todays, sizeof(c->todays), "%s", today);
		return;
	}
	t = c->b->source_date >= 0 ? (time_t)c->b->source_date : time(NULL);
	gmtime_r(&t, &tm);
	strftime(c->todays, sizeof(c->todays), "%Y-%m-%d", &tm);
	c->today = date_seconds(c->todays);
}

static void
check_review(struct check *c, const struct article *a)
{
	struct srcpos pos;
	long long r;

	if (a->review == NULL || (r = date_seconds(a->review)) < 0)
		return;
	article_key_pos(a, "review", &pos);
	if (r < c->today)
		diag_at(c->d, DIAG_ERROR, &pos, "review date %s has passed "
		    "(today is %s): review the article", a->review, c->todays);
	else if (r - c->today <= CHECK_REVIEW_DAYS * 86400LL)
		diag_at(c->d, DIAG_WARNING, &pos, "review date %s is within "
		    "%d days (today is %s)", a->review, CHECK_REVIEW_DAYS,
		    c->todays);
}

/* A leaflet_id must name one article only: the second names the first. */
static void
check_id(struct check *c, const struct article *a)
{
	struct srcpos pos;
	size_t i, k;

	if (a->leaflet_id == NULL)
		return;
	article_key_pos(a, "leaflet_id", &pos);
	k = strlen(a->leaflet_id);
	for (i = 0; i < c->ids.n; i++)
		if (strncmp(c->ids.v[i], a->leaflet_id, k) == 0 &&
		    c->ids.v[i][k] == '\n') {
			diag_at(c->d, DIAG_ERROR, &pos, "leaflet_id '%s' is "
			    "used by %s too", a->leaflet_id, c->ids.v[i] + k + 1);
			return;
		}
	strlist_add(&c->ids, xasprintf("%s\n%s:%d", a->leaflet_id, a->file,
	    pos.line));
}

/*
 * The version last built of the article, when its text has changed
 * since (the manifest records the hash of every input); NULL when it
 * was never built or has not changed, so a version kept is right.
 */
static const char *
built_version(const struct check *c, const struct article *a)
{
	const struct mf_entry *e;
	char hex[SHA256_HEX], *buf;
	size_t i, k, len;
	struct diag quiet = { NULL, 0, 0 };

	for (i = 0; i < c->mf.n; i++) {
		e = &c->mf.v[i];
		if (e->version == NULL || strcmp(e->article, a->slug) != 0)
			continue;
		for (k = 0; k < e->ninputs; k++)
			if (strcmp(e->inputs[k].path, a->file) == 0)
				break;
		if (k == e->ninputs || file_read(a->file, &buf, &len,
		    &quiet) == -1)
			return NULL;
		sha256_hex(buf, len, hex);
		free(buf);
		return strcmp(hex, e->inputs[k].sha256) == 0 ? NULL :
		    e->version;
	}
	return NULL;
}

static void
check_article(struct check *c, const struct article *a)
{
	struct srcpos pos;
	const char *built;

	check_review(c, a);
	check_id(c, a);
	if (hyph_get(&c->b->hyphs, a->lang) == NULL) {
		article_key_pos(a, "lang", &pos);
		diag_at(c->d, DIAG_WARNING, &pos, "no hyphenation dictionary "
		    "for lang '%s': words are not hyphenated", a->lang);
	}
	if (a->version != NULL && (built = built_version(c, a)) != NULL &&
	    !check_newer(a->version, built)) {
		article_key_pos(a, "version", &pos);
		diag_at(c->d, DIAG_ERROR, &pos, "the article has changed since "
		    "version %s was built, but its version %s is not newer",
		    built, a->version);
	}
}

/* Say the lines of text that were not said before, and count them. */
static void
say_once(struct check *c, char *text)
{
	char *line, *nl;
	size_t i;

	for (line = text; line != NULL && *line != '\0'; line = nl) {
		if ((nl = strchr(line, '\n')) != NULL)
			*nl++ = '\0';
		for (i = 0; i < c->said.n; i++)
			if (strcmp(c->said.v[i], line) == 0)
				break;
		if (i < c->said.n)
			continue;
		strlist_add(&c->said, xstrdup(line));
		if (strstr(line, ": error: ") != NULL)
			c->d->nerr++;
		else
			c->d->nwarn++;
		if (c->d->out != NULL)
			fprintf(c->d->out, "%s\n", line);
	}
}

/*
 * The leaflets of one article for one clinic laid out, in every layout
 * the clinic lists, their messages said once.
 */
static void
check_pair(struct check *c, const struct article *a, const struct profile *p)
{
	struct leaflet_opts o;
	struct leaflet lf;
	struct diag held = { NULL, 0, 0 };
	char *text = NULL;
	size_t len = 0;
	int l;

	memset(&o, 0, sizeof(o));
	o.layout_only = 1;
	held.out = open_memstream(&text, &len);
	c->b->d = &held;
	for (l = 0; l < LAYOUT__MAX; l++) {
		if (!(p->layouts & 1u << l))
			continue;
		o.format.layout = (enum layout)l;
		leaflet_render(c->b, p, a, &o, &lf);
		leaflet_free(&lf);
	}
	c->b->d = c->d;
	if (held.out != NULL)
		fclose(held.out);
	say_once(c, text);
	free(text);
}

/* Each number a dotted part of a version: "1.10" is after "1.9". */
int
check_newer(const char *v, const char *built)
{
	char *e1, *e2;
	unsigned long a, b;

	if (built == NULL)
		return 1;
	for (;;) {
		if (*v < '0' || *v > '9' || *built < '0' || *built > '9')
			return strcmp(v, built) > 0;
		a = strtoul(v, &e1, 10);
		b = strtoul(built, &e2, 10);
		if (a != b)
			return a > b;
		v = e1;
		built = e2;
		if (*v == '\0' || *built == '\0')
			return *v != '\0';	/* 1.0.1 after 1.0 */
		if (*v != '.' || *built != '.')
			return strcmp(v, built) > 0;
		v++;
		built++;
	}
}

static void
summary(FILE *f, size_t narts, size_t nclinics, int nerr, int nwarn)
{
	if (f == NULL)
		return;
	fprintf(f, "%zu article%s, %zu clinic%s: %d error%s, %d warning%s\n",
	    narts, narts == 1 ? "" : "s", nclinics, nclinics == 1 ? "" : "s",
	    nerr, nerr == 1 ? "" : "s", nwarn, nwarn == 1 ? "" : "s");
}

/*
 * Could a batch write each leaflet into outdir?  Nothing is made: a
 * folder that is not there yet only needs one it can be made in.
 */
static void
check_outdir(struct check *c, const char *outdir, const struct strlist *arts,
    const struct profile *clinics, const int *pok, size_t nclinics)
{
	char *dir, *stem, *pdf;
	size_t i, j;

	if (dir_writable(outdir, c->d) == -1)
		return;
	for (j = 0; j < nclinics; j++) {
		if (!pok[j])
			continue;
		dir = path_join(outdir, clinics[j].slug);
		for (i = 0; i < arts->n; i++) {
			if (i == 0 && dir_writable(dir, c->d) == -1)
				break;
			stem = path_stem(arts->v[i]);
			pdf = xasprintf("%s/%s.pdf", dir, stem);
			file_check_output(pdf, c->d);
			free(pdf);
			free(stem);
		}
		free(dir);
	}
}

/* Every article, each with every clinic that loaded. */
static void
check_all(struct check *c, const struct strlist *arts, struct profile *clinics,
    const int *pok, size_t nclinics)
{
	struct article a;
	size_t i, j;

	for (i = 0; i < arts->n; i++) {
		if (article_load(&a, arts->v[i], c->d) == 0) {
			check_article(c, &a);
			for (j = 0; j < nclinics; j++)
				if (pok[j])
					check_pair(c, &a, &clinics[j]);
		}
		article_free(&a);
	}
}

int
check_content(struct build *b, const struct check_opts *o)
{
	struct diag quiet = { NULL, 0, 0 };
	struct check c;
	struct strlist arts, cl;
	struct profile *clinics;
	const char *out;
	char *dir;
	size_t j;
	int *pok, nerr = b->d->nerr, nwarn = b->d->nwarn, rc;

	memset(&c, 0, sizeof(c));
	c.b = b;
	c.d = b->d;
	set_today(&c, o->today);
	out = o->outdir != NULL ? o->outdir : "out";
	dir = path_join(out, "manifest.json");
	manifest_read(&c.mf, dir, &quiet);	/* none: nothing built yet */
	free(dir);
	dir = path_join(o->content, "articles");
	rc = dir_list(dir, ".md", &arts, c.d);
	free(dir);
	dir = path_join(o->content, "clinics");
	if (dir_list(dir, ".yaml", &cl, c.d) == -1)
		rc = -1;
	free(dir);
	clinics = xcalloc(cl.n + 1, sizeof(*clinics));
	pok = xcalloc(cl.n + 1, sizeof(*pok));
	for (j = 0; j < cl.n; j++)
		pok[j] = profile_load(&clinics[j], cl.v[j], c.d) == 0;
	check_outdir(&c, out, &arts, clinics, pok, cl.n);
	check_all(&c, &arts, clinics, pok, cl.n);
	summary(o->summary, arts.n, cl.n, b->d->nerr - nerr,
	    b->d->nwarn - nwarn);
	for (j = 0; j < cl.n; j++)
		profile_free(&clinics[j]);
	free(clinics);
	free(pok);
	strlist_free(&arts);
	strlist_free(&cl);
	strlist_free(&c.said);
	strlist_free(&c.ids);
	manifest_free(&c.mf);
	return rc == -1 || b->d->nerr > nerr ? -1 : 0;
}
