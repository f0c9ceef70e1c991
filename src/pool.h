/*
 * pool: n tasks done by a few worker processes, their results handed
 * back in task order, so that what a run says and makes is the same
 * whatever the number of workers.  Task i is worker i mod jobs's
 * (forked after the caller has set up everything the tasks share);
 * each result is one record of at most POOL_MAXRES bytes, written to
 * a pipe in one write(2), which POSIX keeps whole.  The parent keeps
 * only the results that came before their turn.
 */
#ifndef LP_POOL_H
#define LP_POOL_H
#include <limits.h>
#include <stddef.h>

#include "xalloc.h"

#define POOL_MAXRES	(PIPE_BUF - 8)

/* Do task i, in a worker; its result appended to res (cut to fit). */
typedef void	(*pool_work)(void *arg, size_t i, struct sbuf *res);
/* Take task i's result, in the parent; res NULL: its worker died. */
typedef void	(*pool_take)(void *arg, size_t i, const char *res,
		    size_t len);

/*
 * Run tasks 0..n-1 in jobs workers (1 or less: here, no fork).
 * 0, or -1 when no worker could be started (fork, pipe: errno).
 */
int	pool_run(size_t n, int jobs, pool_work, pool_take, void *arg);

#endif
