/* pool: tasks in worker processes, results in task order (pool.h). */
#include <sys/wait.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fileio.h"
#include "pool.h"
#include "xalloc.h"

/* A result that came before its turn. */
struct early {
	char	*res;
	size_t	 len;
	int	 got;
};

/* Do every jobs-th task from first, writing each result to fd. */
static void
worker(size_t n, int jobs, size_t first, pool_work work, void *arg, int fd)
{
	struct sbuf res;
	uint32_t head[2];
	size_t i, len;

	for (i = first; i < n; i += (size_t)jobs) {
		memset(&res, 0, sizeof(res));
		sbuf_put(&res, "", 0);
		memset(head, 0, sizeof(head));	/* room for the header */
		sbuf_put(&res, (const char *)head, sizeof(head));
		work(arg, i, &res);
		len = res.n < PIPE_BUF ? res.n : PIPE_BUF;
		head[0] = (uint32_t)i;
		head[1] = (uint32_t)(len - sizeof(head));
		memcpy(res.s, head, sizeof(head));
		if (fd_write_all(fd, res.s, len) == -1)
			_exit(1);
		free(res.s);
	}
}

/* Read n bytes, unless the pipe ends first: 0, or -1. */
static int
read_full(int fd, void *p, size_t n)
{
	ssize_t r;

	while (n > 0) {
		if ((r = read(fd, p, n)) == -1 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		p = (char *)p + r;
		n -= (size_t)r;
	}
	return 0;
}

/* Take the results from fd as they come, each in its turn. */
static void
gather(size_t n, int fd, pool_take take, void *arg)
{
	struct early *e = xcalloc(n + 1, sizeof(*e));
	uint32_t head[2];
	size_t next = 0;
	char *res;

	while (next < n && read_full(fd, head, sizeof(head)) == 0) {
		res = xmalloc(head[1] + 1);
		if (head[0] >= n || e[head[0]].got ||
		    read_full(fd, res, head[1]) == -1) {
			free(res);
			break;
		}
		e[head[0]].res = res;
		e[head[0]].len = head[1];
		e[head[0]].got = 1;
		for (; next < n && e[next].got; next++) {
			take(arg, next, e[next].res, e[next].len);
			free(e[next].res);
			e[next].res = NULL;
		}
	}
	for (; next < n; next++) {	/* what a dead worker left */
		take(arg, next, e[next].res, e[next].len);
		free(e[next].res);
	}
	free(e);
}

int
pool_run(size_t n, int jobs, pool_work work, pool_take take, void *arg)
{
	struct sbuf res;
	pid_t *pid;
	size_t i;
	int fd[2], k, started = 0, status;

	if (jobs > (int)n)
		jobs = (int)n;
	if (jobs <= 1) {
		for (i = 0; i < n; i++) {
			memset(&res, 0, sizeof(res));
			sbuf_put(&res, "", 0);
			work(arg, i, &res);
			take(arg, i, res.s, res.n);
			free(res.s);
		}
		return 0;
	}
	if (pipe(fd) == -1)
		return -1;
	pid = xcalloc((size_t)jobs, sizeof(*pid));
	fflush(NULL);
	for (k = 0; k < jobs; k++) {
		if ((pid[k] = fork()) == -1)
			break;
		if (pid[k] == 0) {
			close(fd[0]);
			worker(n, jobs, (size_t)k, work, arg, fd[1]);
			_exit(0);	/* the worker's share is done */
		}
		started++;
	}
	close(fd[1]);
	if (started < jobs)	/* the tasks of workers never started */
		for (; k < jobs; k++)
			pid[k] = -1;
	gather(n, fd[0], take, arg);
	close(fd[0]);
	for (k = 0; k < jobs; k++)
		if (pid[k] > 0)
			while (waitpid(pid[k], &status, 0) == -1 &&
			    errno == EINTR)
				;
	free(pid);
	return started > 0 ? 0 : -1;
}
