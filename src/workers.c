/*
 * workers: build the jobs a batch planned, each through leaflet_render(),
 * the one door.  With more than one job, worker processes are forked:
 * the parent writes job numbers into a pipe that all workers read
 * (4-byte reads of a pipe are atomic), and each worker writes one
 * fixed-size result record per leaflet into another.  A worker that
 * dies leaves its leaflet without a result, which counts as a failure;
 * the rest go on.  The parent alone prints progress, as results come
 * in; a leaflet's own messages are written by whoever built it, in one
 * write, so that lines from workers never interleave.
 */
#include <sys/resource.h>
#include <sys/wait.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "batchint.h"
#include "fileio.h"
#include "leaflet.h"
#include "xalloc.h"

#define MAX_JOBS	256	/* workers */

uint64_t
work_now(clockid_t clk)
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
	o.format.layout = jb->layout;
	rc = leaflet_render(r->b, &r->clinics[jb->clinic], &r->art, &o, &lf);
	if (rc == 0)
		rc = file_write_atomic(jb->out, lf.pdf, lf.len, r->b->d);
	if (rc == 0) {
		res->pages = (uint32_t)lf.pages.n;
		res->bytes = lf.len;
		sha256_hex(lf.pdf, lf.len, res->sha256);
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

/* The first error line held, without its newline, or NULL. */
char *
work_first_error(const struct diag_held *h)
{
	const char *p = h->text, *end = h->text + h->len, *nl;

	for (; p != NULL && p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		if (is_error(p, (size_t)(nl - p)))
			return xstrndup(p, (size_t)(nl - p));
	}
	return NULL;
}

/*
 * Messages held while a leaflet was built, or an input read, go out in
 * one write, so that workers' lines never interleave; on a terminal
 * they first clear the progress line they would land on.  --quiet
 * keeps the errors only.
 */
void
work_say(struct batch *r, struct diag *to, struct diag_held *h)
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
	uint64_t w0 = work_now(CLOCK_MONOTONIC), c0 = work_now(CLOCK_PROCESS_CPUTIME_ID);
	struct diag *to = r->b->d, held;
	struct diag_held h;
	char *err;

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
	if (res->status != 0 && (err = work_first_error(&h)) != NULL) {
		snprintf(res->error, sizeof(res->error), "%s", err);
		free(err);
	}
	work_say(r, to, &h);
	diag_held_free(&h);
	res->wall_ns = work_now(CLOCK_MONOTONIC) - w0;
	res->cpu_ns = work_now(CLOCK_PROCESS_CPUTIME_ID) - c0;
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

/* Run the planned jobs, in worker processes when asked. */
void
work_run(struct batch *r, int nworkers)
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

void
work_report(const struct batch *r, FILE *f)
{
	struct rusage ru;
	size_t j;

	for (j = 0; j < r->njobs; j++)
		if (r->done[j] && r->res[j].status == 0 &&
		    !r->jobs[j].fresh && !r->jobs[j].other)
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
