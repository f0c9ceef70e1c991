/*
 * batch: build every leaflet through leaflet_render(), the one door.
 *
 * Profiles are read once, in the parent; articles are checked there and
 * parsed again by whoever builds them, one at a time, so that memory
 * does not grow with the size of the batch.  With more than one job,
 * worker processes are forked: the parent writes job numbers into a pipe
 * that all
 * workers read (4-byte reads of a pipe are atomic), and each worker
 * writes one fixed-size result record per leaflet into another.  A
 * worker that dies leaves its leaflet without a result, which counts
 * as a failure; the rest go on.  The parent alone prints progress, as
 * results come in; a leaflet's own messages are written by whoever built
 * it, in one write, so that lines from workers never interleave.
 *
 * The job list is articles x clinics x layouts, article by article; a
 * job whose article or clinic failed stays in the list, failed, so that
 * it is counted and reported like any other.
 */
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "article.h"
#include "batch.h"
#include "fileio.h"
#include "leaflet.h"
#include "profile.h"
#include "xalloc.h"

#define MAX_JOBS	256	/* workers */

/* Page shapes a leaflet is made in; a third axis of the job list. */
static const char *const layouts[] = { "handout" };
#define NLAYOUTS	(sizeof(layouts) / sizeof(layouts[0]))

struct list {
	char	**v;
	size_t	  n;
};

struct job {
	size_t	 art;
	size_t	 clinic;
	size_t	 layout;	/* index into layouts[] */
	char	*out;
	int	 bad;		/* its article or clinic failed: not built */
};

/*
 * Written whole to a pipe by one write: keep it under PIPE_BUF (4096),
 * which POSIX makes atomic, so records from workers never interleave.
 */
struct result {
	uint32_t job;
	int32_t	 status;	/* 0 built, -1 failed */
	uint32_t pages;
	uint32_t unused;
	uint64_t wall_ns;
	uint64_t cpu_ns;
	uint64_t bytes;
};

struct batch {			/* one batch: its inputs, jobs and results */
	struct build	*b;
	char		**arts;		/* article paths */
	char		**cfiles;	/* clinic profile paths */
	struct article	 art;		/* the one being built, parsed */
	size_t		 cur;		/* its index, or (size_t)-1 */
	struct profile	*clinics;
	struct job	*jobs;
	size_t		 njobs;
	struct result	*res;
	int		*done;
	uint32_t	*todo;		/* the jobs to build, in order */
	size_t		 ntodo;
	size_t		 nseen;		/* results come in so far */
	size_t		 built;
	size_t		 failed;
	int		 tty;		/* stderr is a terminal */
	int		 quiet;
};

static int
cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Files in dir whose names end in ext, sorted, as paths. */
static int
list_dir(const char *dir, const char *ext, struct list *l, struct diag *d)
{
	DIR *dp;
	struct dirent *de;
	size_t n, e = strlen(ext);

	memset(l, 0, sizeof(*l));
	if ((dp = opendir(dir)) == NULL) {
		diag_msg(d, DIAG_ERROR, dir, 0, 0, "cannot open directory: %s",
		    strerror(errno));
		return -1;
	}
	while ((de = readdir(dp)) != NULL) {
		n = strlen(de->d_name);
		if (de->d_name[0] == '.' || n <= e ||
		    strcmp(de->d_name + n - e, ext) != 0)
			continue;
		l->v = xgrow(l->v, l->n, sizeof(*l->v));
		l->v[l->n++] = path_join(dir, de->d_name);
	}
	closedir(dp);
	if (l->n > 1)	/* qsort wants an array, even of none */
		qsort(l->v, l->n, sizeof(*l->v), cmp);
	return 0;
}

static void
list_free(struct list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
}

static uint64_t
now(clockid_t clk)
{
	struct timespec ts;

	clock_gettime(clk, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* Render one leaflet and write it; its page count and size into res. */
static int
render_one(struct batch *r, const struct job *jb, struct result *res)
{
	struct leaflet_opts o;
	struct leaflet lf;
	int rc;

	memset(&o, 0, sizeof(o));
	rc = leaflet_render(r->b, &r->clinics[jb->clinic], &r->art, &o, &lf);
	if (rc == 0)
		rc = file_write_atomic(jb->out, lf.pdf, lf.len, r->b->d);
	if (rc == 0) {
		res->pages = (uint32_t)lf.pages.n;
		res->bytes = lf.len;
	}
	leaflet_free(&lf);
	return rc;
}

/* One write(2) when it can, so that a line is not split by another's. */
static void
write_all(int fd, const char *p, size_t n)
{
	ssize_t w;

	while (n > 0) {
		if ((w = write(fd, p, n)) == -1 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		p += w;
		n -= (size_t)w;
	}
}

/* Does the line p[0..n) say ": error: "? */
static int
is_error(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i + 9 <= n; i++)
		if (memcmp(p + i, ": error: ", 9) == 0)
			return 1;
	return 0;
}

/*
 * Messages held while a leaflet was built, or an input read, go out in
 * one write, so that workers' lines never interleave; on a terminal
 * they first clear the progress line they would land on.  --quiet
 * keeps the errors only.
 */
static void
say_held(struct batch *r, struct diag *to, struct diag_held *h)
{
	char *p, *end = h->text + h->len, *nl, *w;

	if (h->text != NULL && r->quiet) {
		for (p = w = h->text; p < end; p = nl + 1) {
			if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
				nl = end - 1;
			if (is_error(p, (size_t)(nl - p))) {
				memmove(w, p, (size_t)(nl - p) + 1);
				w += nl - p + 1;
			}
		}
		h->len = (size_t)(w - h->text);
	}
	to->nwarn += h->nwarn;
	to->nerr += h->nerr;
	if (h->len == 0 || to->out == NULL)
		return;
	if (r->tty) {
		w = xasprintf("\r\033[K%.*s", (int)h->len, h->text);
		write_all(fileno(to->out), w, strlen(w));
		free(w);
	} else
		write_all(fileno(to->out), h->text, h->len);
}

static void
make_one(struct batch *r, uint32_t j, struct result *res)
{
	const struct job *jb = &r->jobs[j];
	uint64_t w0 = now(CLOCK_MONOTONIC), c0 = now(CLOCK_PROCESS_CPUTIME_ID);
	struct diag *to = r->b->d, held;
	struct diag_held h;

	memset(res, 0, sizeof(*res));
	res->job = j;
	diag_hold(&held, &h);
	r->b->d = &held;
	/* jobs go article by article: parse each once, keep only one */
	res->status = 0;
	if (r->cur != jb->art) {
		article_free(&r->art);
		r->cur = (size_t)-1;
		if (article_load(&r->art, r->arts[jb->art], &held) == -1)
			res->status = -1;
		else
			r->cur = jb->art;
	}
	if (res->status == 0)
		res->status = render_one(r, jb, res);
	r->b->d = to;
	diag_hold_end(&held, &h);
	say_held(r, to, &h);
	diag_held_free(&h);
	res->wall_ns = now(CLOCK_MONOTONIC) - w0;
	res->cpu_ns = now(CLOCK_PROCESS_CPUTIME_ID) - c0;
}

/*
 * One line a leaflet as its result comes in; on a terminal, one line
 * that rewrites itself.
 */
static void
progress(struct batch *r, uint32_t j)
{
	const struct result *res = &r->res[j];
	FILE *f = r->b->d->out;

	r->nseen++;
	if (res->status == 0)
		r->built++;
	else
		r->failed++;
	if (r->quiet || f == NULL)
		return;
	fprintf(f, "%s[%zu/%zu] %s", r->tty ? "\r\033[K" : "", r->nseen,
	    r->ntodo, r->jobs[j].out);
	if (res->status == 0)
		fprintf(f, "  %u page%s  %llu KB", res->pages,
		    res->pages == 1 ? "" : "s",
		    (unsigned long long)(res->bytes + 1023) / 1024);
	else
		fputs("  failed", f);
	fputs(r->tty ? "" : "\n", f);
	fflush(f);
}

/* A worker: take job numbers until the pipe is empty. */
static void
worker(struct batch *r, int jobs, int results)
{
	struct result res;
	uint32_t j;

	while (read(jobs, &j, sizeof(j)) == (ssize_t)sizeof(j)) {
		if (j >= r->njobs)
			break;
		make_one(r, j, &res);
		if (write(results, &res, sizeof(res)) != (ssize_t)sizeof(res))
			break;
	}
}

static int
run_parallel(struct batch *r, int nworkers)
{
	int jp[2], rp[2], i, status, rc = 0;
	pid_t pid[MAX_JOBS];
	struct result res;
	uint32_t j;

	if (pipe(jp) == -1 || pipe(rp) == -1) {
		diag_msg(r->b->d, DIAG_ERROR, NULL, 0, 0, "pipe: %s",
		    strerror(errno));
		return -1;
	}
	fflush(NULL);
	for (i = 0; i < nworkers; i++) {
		if ((pid[i] = fork()) == -1) {
			diag_msg(r->b->d, DIAG_ERROR, NULL, 0, 0, "fork: %s",
			    strerror(errno));
			nworkers = i;
			rc = -1;
			break;
		}
		if (pid[i] == 0) {
			close(jp[1]);
			close(rp[0]);
			worker(r, jp[0], rp[1]);
			_exit(0);	/* the child's share is done */
		}
	}
	close(jp[0]);
	close(rp[1]);
	/* Jobs go in while results come out, so neither pipe fills up. */
	for (j = 0; j < r->ntodo && nworkers > 0; j++)
		if (write(jp[1], &r->todo[j], sizeof(r->todo[j])) !=
		    (ssize_t)sizeof(r->todo[j]))
			break;
	close(jp[1]);
	while (read(rp[0], &res, sizeof(res)) == (ssize_t)sizeof(res))
		if (res.job < r->njobs && !r->done[res.job]) {
			r->res[res.job] = res;
			r->done[res.job] = 1;
			progress(r, res.job);
		}
	close(rp[0]);
	for (i = 0; i < nworkers; i++)
		while (waitpid(pid[i], &status, 0) == -1 && errno == EINTR)
			;
	return rc;
}

static long
self_hwm_kb(void)
{
	struct rusage ru;
	char line[128];
	long kb = -1;
	FILE *fp;

	if ((fp = fopen("/proc/self/status", "r")) != NULL) {
		while (fgets(line, sizeof(line), fp) != NULL)
			if (sscanf(line, "VmHWM: %ld kB", &kb) == 1)
				break;
		fclose(fp);
	}
	if (kb < 0 && getrusage(RUSAGE_SELF, &ru) == 0)
		kb = ru.ru_maxrss;
	return kb;
}

static void
report(const struct batch *r, FILE *f)
{
	struct rusage ru;
	size_t j;

	for (j = 0; j < r->njobs; j++)
		if (r->done[j] && r->res[j].status == 0)
			fprintf(f, "%s %llu %llu %llu\n", r->jobs[j].out,
			    (unsigned long long)(r->res[j].wall_ns / 1000),
			    (unsigned long long)(r->res[j].cpu_ns / 1000),
			    (unsigned long long)r->res[j].bytes);
	/*
	 * The largest worker's peak; without workers, this process's own,
	 * from VmHWM: getrusage's figure would include whatever this
	 * process was before it was exec'd (Linux keeps it across exec).
	 */
	if (getrusage(RUSAGE_CHILDREN, &ru) == -1 || ru.ru_maxrss == 0)
		ru.ru_maxrss = self_hwm_kb();
	fprintf(f, "worker_maxrss_kb %ld\n", ru.ru_maxrss);
}

/* Whether clinic j loads and its folder can be written. */
static int
load_clinic(struct batch *r, size_t j, const char *file, const char *outdir)
{
	struct diag *d = r->b->d;
	char *dir;

	if (profile_load(&r->clinics[j], file, d) == -1)
		return 0;
	/* a clinic's folder that cannot be written: said once */
	dir = path_join(outdir, r->clinics[j].slug);
	if (dir_ready(dir, d) == -1) {
		free(dir);
		return 0;
	}
	free(dir);
	return 1;
}

static void
add_job(struct batch *r, size_t art, size_t clinic, size_t layout,
    const char *outdir, int bad)
{
	struct job *jb = &r->jobs[r->njobs++];
	char *as = path_stem(r->arts[art]), *cs = path_stem(r->cfiles[clinic]);

	jb->art = art;
	jb->clinic = clinic;
	jb->layout = layout;
	jb->bad = bad;
	/* as leaflet_path() names it; known even when the input is bad */
	jb->out = xasprintf("%s/%s/%s.pdf", outdir, cs, as);
	free(as);
	free(cs);
}

/*
 * A job for every article x clinic x layout.  A bad article or clinic
 * folder is reported here, once, not once a leaflet; its jobs are
 * failed without being built.
 */
static void
make_jobs(struct batch *r, size_t narts, size_t nclinics, const char *outdir)
{
	struct diag *to = r->b->d, held;
	struct diag_held h;
	size_t i, j, k;
	int *pok, aok;

	diag_hold(&held, &h);
	r->b->d = &held;
	r->clinics = xcalloc(nclinics, sizeof(*r->clinics));
	pok = xcalloc(nclinics, sizeof(*pok));
	for (j = 0; j < nclinics; j++)
		pok[j] = load_clinic(r, j, r->cfiles[j], outdir);
	r->jobs = xcalloc(narts * nclinics * NLAYOUTS, sizeof(*r->jobs));
	for (i = 0; i < narts; i++) {
		aok = article_load(&r->art, r->arts[i], r->b->d) == 0;
		article_free(&r->art);
		for (j = 0; j < nclinics; j++)
			for (k = 0; k < NLAYOUTS; k++)
				add_job(r, i, j, k, outdir, !aok || !pok[j]);
	}
	free(pok);
	r->b->d = to;
	diag_hold_end(&held, &h);
	say_held(r, to, &h);
	diag_held_free(&h);
}

/* The jobs to build: the good ones. */
static void
plan_jobs(struct batch *r)
{
	size_t j;

	r->res = xcalloc(r->njobs, sizeof(*r->res));
	r->done = xcalloc(r->njobs, sizeof(*r->done));
	r->todo = xcalloc(r->njobs, sizeof(*r->todo));
	for (j = 0; j < r->njobs; j++) {
		r->res[j].job = (uint32_t)j;
		if (r->jobs[j].bad) {
			r->res[j].status = -1;
			r->done[j] = 1;
			r->failed++;
		} else
			r->todo[r->ntodo++] = (uint32_t)j;
	}
}

/* Run the planned jobs, in worker processes when asked. */
static void
run_jobs(struct batch *r, int nworkers)
{
	size_t j;
	uint32_t t;

	if (nworkers <= 0)
		nworkers = (int)sysconf(_SC_NPROCESSORS_ONLN);
	if (nworkers > MAX_JOBS)
		nworkers = MAX_JOBS;
	if ((size_t)nworkers > r->ntodo)
		nworkers = (int)r->ntodo;
	if (nworkers <= 1) {
		for (j = 0; j < r->ntodo; j++) {
			t = r->todo[j];
			make_one(r, t, &r->res[t]);
			r->done[t] = 1;
			progress(r, t);
		}
	} else
		run_parallel(r, nworkers);	/* what it missed fails below */
	for (j = 0; j < r->ntodo; j++) {
		t = r->todo[j];
		if (r->done[t])
			continue;
		diag_msg(r->b->d, DIAG_ERROR, r->jobs[t].out, 0, 0,
		    "not built: its worker stopped");
		unlink(r->jobs[t].out);
		r->res[t].status = -1;
		r->done[t] = 1;
		r->failed++;
	}
}

/* Files in dir ending in ext; none is an error that says where it looked. */
static int
inputs(const char *content, const char *sub, const char *ext, struct list *l,
    struct diag *d)
{
	char *dir = path_join(content, sub);
	int rc = list_dir(dir, ext, l, d);

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
	    (size_t)0, r->failed, (size_t)0,
	    (double)(now(CLOCK_MONOTONIC) - t0) / 1e9);
	fflush(f);
}

static void
batch_free(struct batch *r, size_t nclinics)
{
	size_t j;

	for (j = 0; j < r->njobs; j++)
		free(r->jobs[j].out);
	article_free(&r->art);
	for (j = 0; r->clinics != NULL && j < nclinics; j++)
		profile_free(&r->clinics[j]);
	free(r->clinics);
	free(r->jobs);
	free(r->res);
	free(r->done);
	free(r->todo);
}

int
batch_run(struct build *b, const struct batch_opts *o)
{
	struct list arts, clinics;
	struct batch r;
	uint64_t t0 = now(CLOCK_MONOTONIC);
	int rc = -1;

	memset(&r, 0, sizeof(r));
	memset(&clinics, 0, sizeof(clinics));
	r.b = b;
	r.cur = (size_t)-1;
	r.quiet = o->quiet;
	r.tty = b->d->out != NULL && isatty(fileno(b->d->out));
	if (inputs(o->content, "articles", ".md", &arts, b->d) == -1 ||
	    inputs(o->content, "clinics", ".yaml", &clinics, b->d) == -1)
		goto out;
	r.arts = arts.v;
	r.cfiles = clinics.v;
	make_jobs(&r, arts.n, clinics.n, o->outdir);
	plan_jobs(&r);
	run_jobs(&r, o->jobs);
	if (o->times != NULL)
		report(&r, o->times);
	summary(&r, t0);
	rc = r.failed > 0 ? -1 : 0;
out:
	batch_free(&r, clinics.n);
	list_free(&arts);
	list_free(&clinics);
	return rc;
}
