/* batch: every article x every clinic profile -> out/<clinic>/<article>.pdf */
#ifndef LP_BATCH_H
#define LP_BATCH_H
#include <stdio.h>

struct build;

struct batch_opts {
	const char	*content;	/* holds articles/ and clinics/ */
	const char	*outdir;
	int		 jobs;		/* worker processes; 0: one per CPU */
	FILE		*times;		/* per-leaflet timings, or NULL */
	int		 quiet;		/* errors and the summary only */
	int		 force;		/* rebuild leaflets that are up to date */
	unsigned	 shard_k;	/* build only slice K of N (1..N), */
	unsigned	 shard_n;	/* or all when N is 0 */
};

/*
 * Build content/articles/\*.md x content/clinics/\*.yaml into outdir,
 * with jobs workers.  One failing leaflet (even a crashing one) does not
 * stop the others; returns -1 at the end if any failed.  Says on the
 * diagnostics' stream how each leaflet went and, at the end, how many
 * were built and failed; an empty articles/ or clinics/ is an error.
 * A leaflet whose inputs are those the last manifest recorded for it,
 * and whose PDF is the one it recorded, is not built again.  With times set,
 * writes a line per leaflet: "PATH WALL_US CPU_US BYTES", then a line
 * "worker_maxrss_kb N".
 */
int	batch_run(struct build *, const struct batch_opts *);

#endif
