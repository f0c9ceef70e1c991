/*
 * batch: every article x every clinic x every layout, the job list, built
 * by workers.c; then out/manifest.json, written last.
 *
 * Profiles are read once, in the parent; articles are checked there and
 * parsed again by whoever builds them, one at a time, so that memory
 * does not grow with the size of the batch.  The job list goes article
 * by article; a job whose article or clinic failed stays in the list,
 * failed, so that it is counted and reported like any other.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "batch.h"
#include "batchint.h"
#include "fileio.h"
#include "leaflet.h"
#include "manifest.h"
#include "profile.h"
#include "xalloc.h"

/* Page shapes a leaflet is made in; a third axis of the job list. */

/* Whether clinic j loads and its folder can be written; its inputs. */
static int
load_clinic(struct batch *r, size_t j, const char *outdir)
{
	struct diag *d = r->b->d;
	char *dir;
	int ok;

	if (profile_load(&r->clinics[j], r->cfiles[j], d) == -1)
		return 0;
	/* a clinic's folder that cannot be written: said once */
	dir = path_join(outdir, r->clinics[j].slug);
	ok = dir_ready(dir, d) == 0 &&
	    inputs_profile(&r->ci[j].in, &r->clinics[j], d) == 0;
	free(dir);
	return ok;
}

/* Is the file at path, hashed once a batch, still as recorded in in? */
static int
same_image(struct batch *r, const struct mf_input *in)
{
	struct diag quiet = { NULL, 0, 0 };
	char *buf;
	size_t i, len;

	for (i = 0; i < r->images.n; i++)
		if (strcmp(r->images.v[i].path, in->path) == 0)
			break;
	if (i == r->images.n) {
		if (file_read(in->path, &buf, &len, &quiet) == -1)
			return 0;
		inputs_add(&r->images, in->path, buf, len);
		free(buf);
	}
	return strcmp(r->images.v[i].sha256, in->sha256) == 0;
}

/*
 * Article i as the last manifest has it, if its bytes and its images'
 * are the ones a leaflet was made from: what parsing it would give, for
 * the price of hashing it.  Not with --force, which trusts nothing.
 */
static int
reuse_article(struct batch *r, size_t i)
{
	struct diag quiet = { NULL, 0, 0 };
	struct ainfo *ai = &r->ai[i];
	const struct mf_entry *e;
	char *buf, hex[SHA256_HEX];
	size_t len, k, m;

	if (r->force || file_read(r->arts[i], &buf, &len, &quiet) == -1)
		return 0;
	sha256_hex(buf, len, hex);
	free(buf);
	if ((e = outdir_article(r, i, hex, &k)) == NULL)
		return 0;
	for (m = 1; m < k; m++)
		if (!same_image(r, &e->inputs[m]))
			return 0;
	for (m = 0; m < k; m++)
		inputs_add_hash(&ai->in, e->inputs[m].path,
		    e->inputs[m].sha256);
	ai->id = e->leaflet_id ? xstrdup(e->leaflet_id) : NULL;
	ai->version = e->version ? xstrdup(e->version) : NULL;
	ai->review = e->review ? xstrdup(e->review) : NULL;
	return 1;
}

/* Whether article i parses; its front matter and inputs. */
static int
check_article(struct batch *r, size_t i)
{
	struct ainfo *ai = &r->ai[i];
	int ok;

	if (reuse_article(r, i))
		return 1;
	if ((ok = article_load(&r->art, r->arts[i], r->b->d) == 0)) {
		ai->id = r->art.leaflet_id ? xstrdup(r->art.leaflet_id) : NULL;
		ai->version = r->art.version ? xstrdup(r->art.version) : NULL;
		ai->review = r->art.review ? xstrdup(r->art.review) : NULL;
		inputs_article(&ai->in, &r->art);
	}
	article_free(&r->art);
	return ok;
}

/*
 * Check clinic (art -1) or article, its messages held and then said;
 * the first error kept for the manifest.
 */
static void
check_input(struct batch *r, size_t clinic, size_t art, const char *outdir)
{
	struct diag *to = r->b->d, held;
	struct diag_held h;
	char **err;
	int ok;

	diag_hold(&held, &h);
	r->b->d = &held;
	if (art == (size_t)-1) {
		ok = r->ci[clinic].ok = load_clinic(r, clinic, outdir);
		err = &r->ci[clinic].error;
	} else {
		ok = r->ai[art].ok = check_article(r, art);
		err = &r->ai[art].error;
	}
	r->b->d = to;
	diag_hold_end(&held, &h);
	if (!ok)
		*err = work_first_error(&h);
	work_say(r, to, &h);
	diag_held_free(&h);
}

static void
add_job(struct batch *r, size_t art, size_t clinic, enum layout layout,
    const char *outdir)
{
	struct job *jb = &r->jobs[r->njobs++];
	char *as = path_stem(r->arts[art]), *cs = path_stem(r->cfiles[clinic]);
	const struct inputs *in[3];
	char *how;

	jb->art = art;
	jb->clinic = clinic;
	jb->layout = layout;
	jb->bad = !r->ai[art].ok || !r->ci[clinic].ok;
	/* known even when the input is bad */
	jb->out = leaflet_path(outdir, cs, as, layout);
	jb->rel = jb->out + strlen(outdir) + 1;
	in[0] = &r->ai[art].in;
	in[1] = &r->ci[clinic].in;
	in[2] = &r->fonts;
	/* how it is made counts as much as what from */
	how = xasprintf("%s pdfa=%d tags=%d date=%lld", layout_names[layout],
	    r->b->pdfa, !r->b->notags, r->b->source_date);
	inputs_key(in, 3, how, jb->key);
	free(how);
	free(as);
	free(cs);
}

/*
 * The layouts a clinic's leaflets come in: its profile's list, or for a
 * profile that cannot be read the handout, whose job fails.
 */
static unsigned
clinic_layouts(const struct batch *r, size_t clinic)
{
	unsigned set = r->ci[clinic].ok ? r->clinics[clinic].layouts : 0;

	return set != 0 ? set : 1u << LAYOUT_HANDOUT;
}

/*
 * A job for every article x clinic x layout the clinic lists.  A bad
 * article or clinic folder is reported here, once, not once a leaflet;
 * its jobs are failed without being built.
 */
static void
make_jobs(struct batch *r, size_t narts, size_t nclinics, const char *outdir)
{
	size_t i, j;
	int k;

	r->clinics = xcalloc(nclinics, sizeof(*r->clinics));
	r->ci = xcalloc(nclinics, sizeof(*r->ci));
	r->ai = xcalloc(narts, sizeof(*r->ai));
	inputs_fonts(&r->fonts, r->b->fonts, FACE__MAX);
	for (j = 0; j < nclinics; j++)
		check_input(r, j, (size_t)-1, outdir);
	r->nclinics = nclinics;
	for (i = 0; i < narts; i++)
		check_input(r, 0, i, outdir);
	r->jobs = xcalloc(narts * nclinics * LAYOUT__MAX, sizeof(*r->jobs));
	for (i = 0; i < narts; i++)
		for (j = 0; j < nclinics; j++)
			for (k = 0; k < LAYOUT__MAX; k++)
				if (clinic_layouts(r, j) & 1u << k)
					add_job(r, i, j, (enum layout)k,
					    outdir);
}

/* The jobs to build: the good ones that are not up to date. */
static void
plan_jobs(struct batch *r)
{
	size_t j;

	r->res = xcalloc(r->njobs, sizeof(*r->res));
	r->done = xcalloc(r->njobs, sizeof(*r->done));
	r->todo = xcalloc(r->njobs, sizeof(*r->todo));
	r->nst = xcalloc(r->njobs, sizeof(*r->nst));
	for (j = 0; j < r->njobs; j++) {
		r->res[j].job = (uint32_t)j;
		/* round robin: each shard gets some of every article */
		if (r->shard_n > 0 && j % r->shard_n != r->shard_k - 1) {
			r->jobs[j].other = r->done[j] = 1;
			outdir_skip(r, j);
			continue;
		}
		if (r->jobs[j].bad) {
			r->res[j].status = -1;
			r->done[j] = 1;
			r->failed++;
		} else if (!r->force && outdir_uptodate(r, j)) {
			r->jobs[j].fresh = r->done[j] = 1;
			r->fresh++;
		} else
			r->todo[r->ntodo++] = (uint32_t)j;
	}
}

/* Files in dir ending in ext; none is an error that says where it looked. */
static int
find_inputs(const char *content, const char *sub, const char *ext,
    struct strlist *l, struct diag *d)
{
	char *dir = path_join(content, sub);
	int rc = dir_list(dir, ext, l, d);

	if (rc == 0 && l->n == 0) {
		diag_msg(d, DIAG_ERROR, dir, 0, 0, "no %s here: nothing to "
		    "build (looked for *%s)", sub, ext);
		rc = -1;
	}
	free(dir);
	return rc;
}

static void
summary(const struct batch *r, uint64_t t0)
{
	FILE *f = r->b->d->out;

	if (f == NULL)
		return;
	fprintf(f, "%s%zu built, %zu up to date, %zu failed, %zu removed "
	    "in %.1f s\n", r->tty && !r->quiet ? "\r\033[K" : "", r->built,
	    r->fresh, r->failed, r->removed,
	    (double)(work_now(CLOCK_MONOTONIC) - t0) / 1e9);
	fflush(f);
}

/* The manifest entry for job j. */
static void
entry(const struct batch *r, size_t j, struct mf_entry *e)
{
	const struct job *jb = &r->jobs[j];
	const struct result *res = &r->res[j];
	const struct ainfo *ai = &r->ai[jb->art];
	const struct cinfo *ci = &r->ci[jb->clinic];
	const struct inputs *in[2] = { &ai->in, &ci->in };

	e->clinic = path_stem(r->cfiles[jb->clinic]);
	e->article = path_stem(r->arts[jb->art]);
	e->layout = xstrdup(layout_names[jb->layout]);
	e->path = xstrdup(jb->rel);	/* relative to the manifest */
	e->leaflet_id = ai->id ? xstrdup(ai->id) : NULL;
	e->version = ai->version ? xstrdup(ai->version) : NULL;
	e->review = ai->review ? xstrdup(ai->review) : NULL;
	memcpy(e->key, jb->key, SHA256_HEX);
	inputs_copy(e, in, 2);
	if (res->status == 0) {
		e->status = jb->fresh ? MF_UPTODATE : MF_BUILT;
		e->pages = res->pages;
		e->bytes = res->bytes;
		memcpy(e->sha256, res->sha256, SHA256_HEX);
		return;
	}
	e->status = MF_FAILED;
	if (!ai->ok || !ci->ok)
		e->error = xstrdup(!ai->ok ? (ai->error ? ai->error : "") :
		    (ci->error ? ci->error : ""));
	else
		e->error = xstrdup(res->error);
	if (e->error[0] == '\0') {
		free(e->error);
		e->error = xstrdup("failed");
	}
}

/*
 * The manifest: with all, every job, written last, once every PDF it
 * names is in place; without, only the leaflets that are up to date,
 * and as pending the rest of the last manifest's and the PDFs to be
 * made, written before any PDF is built or removed, so that a batch
 * killed on the way leaves a manifest whose leaflets are on disk as it
 * says, and the next batch still knows which PDFs were its own.  One
 * that would say what the last one says is not written again.
 */
static int
write_manifest(const struct batch *r, const char *outdir, int all)
{
	struct manifest m;
	char *path;
	size_t j, n;
	int rc = 0, idle;

	memset(&m, 0, sizeof(m));
	m.format = MANIFEST_FORMAT;
	m.leafpress = xstrdup(VERSION);
	m.fonts = r->fonts.v;
	m.nfonts = r->fonts.n;
	if (r->shard_n > 0)
		m.shard = xasprintf("%u/%u", r->shard_k, r->shard_n);
	for (j = 0; j < r->njobs; j++)
		if (!r->jobs[j].other && (all || r->jobs[j].fresh))
			entry(r, j, manifest_add(&m));
	n = m.n;
	if (!all)
		outdir_pending(r, &m);
	/* nothing to make or remove: the last one stays true meanwhile */
	idle = !all && r->ntodo == 0 && m.n == n;
	if (!idle && !manifest_same(&m, &r->old)) {
		path = outdir_manifest(r, outdir);
		rc = manifest_write(&m, path, r->b->d);
		free(path);
	}
	m.fonts = NULL;		/* r's */
	m.nfonts = 0;
	manifest_free(&m);
	return rc;
}

static void
batch_free(struct batch *r, size_t narts, size_t nclinics)
{
	size_t j;

	for (j = 0; j < r->njobs; j++)
		free(r->jobs[j].out);
	article_free(&r->art);
	for (j = 0; r->clinics != NULL && j < nclinics; j++) {
		profile_free(&r->clinics[j]);
		free(r->ci[j].error);
		inputs_free(&r->ci[j].in);
	}
	for (j = 0; r->ai != NULL && j < narts; j++) {
		free(r->ai[j].error);
		free(r->ai[j].id);
		free(r->ai[j].version);
		free(r->ai[j].review);
		inputs_free(&r->ai[j].in);
	}
	inputs_free(&r->fonts);
	inputs_free(&r->images);
	outdir_free(r);
	free(r->ai);
	free(r->ci);
	free(r->clinics);
	free(r->jobs);
	free(r->res);
	free(r->done);
	free(r->todo);
}

int
batch_run(struct build *b, const struct batch_opts *o)
{
	struct strlist arts, clinics;
	struct batch r;
	uint64_t t0 = work_now(CLOCK_MONOTONIC);
	int rc = -1;

	memset(&r, 0, sizeof(r));
	memset(&clinics, 0, sizeof(clinics));
	r.b = b;
	r.cur = (size_t)-1;
	r.quiet = o->quiet;
	r.force = o->force;
	r.shard_k = o->shard_k;
	r.shard_n = o->shard_n;
	r.tty = b->d->out != NULL && isatty(fileno(b->d->out));
	if (find_inputs(o->content, "articles", ".md", &arts, b->d) == -1 ||
	    find_inputs(o->content, "clinics", ".yaml", &clinics, b->d) == -1)
		goto out;
	r.arts = arts.v;
	r.cfiles = clinics.v;
	if (dir_ready(o->outdir, b->d) == -1)
		goto out;
	outdir_read(&r, o->outdir);
	make_jobs(&r, arts.n, clinics.n, o->outdir);
	plan_jobs(&r);
	outdir_clean(&r, o->outdir, clinics.n);
	/* first a manifest true while PDFs are made and removed */
	if (write_manifest(&r, o->outdir, 0) == -1)
		goto out;
	work_run(&r, o->jobs);
	if (o->times != NULL)
		work_report(&r, o->times);
	outdir_sweep(&r, o->outdir);
	rc = write_manifest(&r, o->outdir, 1);
	outdir_stats(&r, o->outdir);
	summary(&r, t0);
	if (r.failed > 0)
		rc = -1;
out:
	batch_free(&r, arts.n, clinics.n);
	strlist_free(&arts);
	strlist_free(&clinics);
	return rc;
}
