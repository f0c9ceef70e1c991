/*
 * batch: build every leaflet; the driver only ever calls leaflet_make().
 *
 * Profiles are read once, in the parent; articles are checked there and
 * parsed again by whoever builds them, one at a time, so that memory
 * does not grow with the size of the batch.  With more than one job,
 * worker processes are forked: the parent writes job numbers into a pipe
 * that all
 * workers read (4-byte reads of a pipe are atomic), and each worker
 * writes one fixed-size result record per leaflet into another.  A
 * worker that dies leaves its leaflet without a result, which counts
 * as a failure; the rest go on.
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

struct list {
	char	**v;
	size_t	  n;
};

struct job {
	size_t	 art;
	size_t	 clinic;
	char	*out;
};

struct result {			/* written whole to a pipe: keep it small */
	uint32_t job;
	int32_t	 status;	/* 0 built, -1 failed */
	uint64_t wall_ns;
	uint64_t cpu_ns;
	uint64_t bytes;
};

struct batch {			/* one batch: its inputs, jobs and results */
	struct build	*b;
	char		**arts;		/* article paths */
	struct article	 art;		/* the one being built, parsed */
	size_t		 cur;		/* its index, or (size_t)-1 */
	struct profile	*clinics;
	struct job	*jobs;
	size_t		 njobs;
	struct result	*res;
	int		*done;
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

static void
make_one(struct batch *r, uint32_t j, struct result *res)
{
	const struct job *jb = &r->jobs[j];
	uint64_t w0 = now(CLOCK_MONOTONIC), c0 = now(CLOCK_PROCESS_CPUTIME_ID);
	struct stat st;

	memset(res, 0, sizeof(*res));
	res->job = j;
	/* jobs go article by article: parse each once, keep only one */
	if (r->cur != jb->art) {
		article_free(&r->art);
		r->cur = (size_t)-1;
		if (article_load(&r->art, r->arts[jb->art], r->b->d) == -1) {
			res->status = -1;
			return;
		}
		r->cur = jb->art;
	}
	res->status = leaflet_make(r->b, &r->clinics[jb->clinic], &r->art,
	    jb->out, NULL);
	res->wall_ns = now(CLOCK_MONOTONIC) - w0;
	res->cpu_ns = now(CLOCK_PROCESS_CPUTIME_ID) - c0;
	if (res->status == 0 && stat(jb->out, &st) == 0)
		res->bytes = (uint64_t)st.st_size;
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
	for (j = 0; j < r->njobs && nworkers > 0; j++)
		if (write(jp[1], &j, sizeof(j)) != (ssize_t)sizeof(j))
			break;
	close(jp[1]);
	while (read(rp[0], &res, sizeof(res)) == (ssize_t)sizeof(res))
		if (res.job < r->njobs) {
			r->res[res.job] = res;
			r->done[res.job] = 1;
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

/*
 * A job for every article that parses and every clinic whose profile
 * loads and whose folder can be written; a bad article or folder is
 * reported here, once, not once a clinic or once a leaflet.
 * Returns whether any input failed.
 */
static int
make_jobs(struct batch *r, const struct list *arts, const struct list *clinics,
    const char *outdir)
{
	struct diag *d = r->b->d;
	size_t i, j;
	int failed = 0, *pok;
	char *dir;

	r->clinics = xcalloc(clinics->n ? clinics->n : 1, sizeof(*r->clinics));
	pok = xcalloc(clinics->n ? clinics->n : 1, sizeof(*pok));
	for (j = 0; j < clinics->n; j++) {
		pok[j] = profile_load(&r->clinics[j], clinics->v[j], d) == 0;
		/* a clinic's folder that cannot be written: said once */
		if (pok[j]) {
			dir = path_join(outdir, r->clinics[j].slug);
			pok[j] = dir_ready(dir, d) == 0;
			free(dir);
		}
		if (!pok[j])
			failed = 1;
	}
	r->jobs = xcalloc(arts->n * clinics->n + 1, sizeof(*r->jobs));
	for (i = 0; i < arts->n; i++) {
		if (article_load(&r->art, arts->v[i], d) == -1)
			failed = 1;
		else
			for (j = 0; j < clinics->n; j++) {
				if (!pok[j])
					continue;
				r->jobs[r->njobs].art = i;
				r->jobs[r->njobs].clinic = j;
				r->jobs[r->njobs++].out = leaflet_path(outdir,
				    &r->clinics[j], &r->art);
			}
		article_free(&r->art);
	}
	free(pok);
	return failed;
}

/* Run every job, in worker processes when asked; whether any failed. */
static int
run_jobs(struct batch *r, int nworkers)
{
	size_t j;
	int failed = 0;

	r->res = xcalloc(r->njobs + 1, sizeof(*r->res));
	r->done = xcalloc(r->njobs + 1, sizeof(*r->done));
	if (nworkers <= 0)
		nworkers = (int)sysconf(_SC_NPROCESSORS_ONLN);
	if (nworkers > MAX_JOBS)
		nworkers = MAX_JOBS;
	if ((size_t)nworkers > r->njobs)
		nworkers = (int)r->njobs;
	if (nworkers <= 1) {
		for (j = 0; j < r->njobs; j++) {
			make_one(r, (uint32_t)j, &r->res[j]);
			r->done[j] = 1;
		}
	} else if (run_parallel(r, nworkers) == -1)
		failed = 1;
	for (j = 0; j < r->njobs; j++) {
		if (!r->done[j]) {
			diag_msg(r->b->d, DIAG_ERROR, r->jobs[j].out, 0, 0,
			    "not built: its worker stopped");
			unlink(r->jobs[j].out);
		}
		if (!r->done[j] || r->res[j].status != 0)
			failed = 1;
	}
	return failed;
}

int
batch_run(struct build *b, const struct batch_opts *o)
{
	struct list arts, clinics;
	struct batch r;
	char *dir;
	size_t j;
	int failed, rc;

	memset(&r, 0, sizeof(r));
	r.b = b;
	dir = path_join(o->content, "articles");
	rc = list_dir(dir, ".md", &arts, b->d);
	free(dir);
	if (rc != 0)
		return -1;
	dir = path_join(o->content, "clinics");
	rc = list_dir(dir, ".yaml", &clinics, b->d);
	free(dir);
	if (rc != 0) {
		list_free(&arts);
		return -1;
	}
	r.arts = arts.v;
	r.cur = (size_t)-1;
	failed = make_jobs(&r, &arts, &clinics, o->outdir);
	failed |= run_jobs(&r, o->jobs);
	if (o->times != NULL)
		report(&r, o->times);

	for (j = 0; j < r.njobs; j++)
		free(r.jobs[j].out);
	article_free(&r.art);
	for (j = 0; j < clinics.n; j++)
		profile_free(&r.clinics[j]);
	free(r.clinics);
	free(r.jobs);
	free(r.res);
	free(r.done);
	list_free(&arts);
	list_free(&clinics);
	return failed ? -1 : 0;
}
