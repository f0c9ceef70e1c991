/*
 * batchint: what batch.c (the job list, the manifest) and workers.c
 * (building the jobs, in worker processes or not) share; no one else
 * includes it.
 */
#ifndef LP_BATCHINT_H
#define LP_BATCHINT_H
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include "article.h"
#include "diag.h"
#include "format.h"
#include "inputs.h"
#include "manifest.h"
#include "sha256.h"

struct job {
	size_t	 art;
	size_t	 clinic;
	enum layout layout;
	char	*out;
	const char *rel;	/* out, relative to the output folder */
	int	 fresh;		/* up to date: not rebuilt */
	int	 other;		/* another shard's */
	int	 bad;		/* its article or clinic failed: not built */
	char	 key[SHA256_HEX];	/* its inputs' */
};

struct ainfo {			/* an article, as checked in the parent */
	int		 ok;
	char		*error;		/* its first error, when not ok */
	char		*id;		/* front matter, for the manifest */
	char		*version;
	char		*review;
	struct inputs	 in;
};

struct cinfo {			/* a clinic */
	int		 ok;
	char		*error;
	struct inputs	 in;
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
	char	 sha256[SHA256_HEX];	/* the PDF's, in hex */
	char	 error[512];	/* the first error, when failed */
};

struct pdfstat {		/* a PDF as stat(2) saw it, and its hash */
	int		 ok;
	unsigned long long size;
	unsigned long long ino;
	long long	 mtime;		/* ns */
	long long	 ctime;
	char		 sha256[SHA256_HEX];
};

struct batch {			/* one batch: its inputs, jobs and results */
	struct build	*b;
	char		**arts;		/* article paths */
	char		**cfiles;	/* clinic profile paths */
	struct ainfo	*ai;		/* by article */
	struct cinfo	*ci;		/* by clinic */
	struct inputs	 fonts;		/* the bundled fonts */
	struct inputs	 images;	/* articles' images hashed so far */
	size_t		 nclinics;	/* loaded so far */
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
	size_t		 fresh;		/* up to date */
	size_t		 failed;
	size_t		 removed;
	struct manifest	 old;		/* the last manifest */
	struct mf_entry	**oldby;	/* its entries by path */
	struct mf_entry	**byart;	/* its leaflets with a PDF, by article */
	size_t		 nbyart;
	struct pdfstat	*ost;		/* by old entry: its PDF, as cached */
	struct pdfstat	*nst;		/* by job: its PDF, as seen now */
	char		*statbuf;	/* the stat cache as read */
	size_t		 statlen;
	int		 racy;		/* some of it too new to trust */
	int		 force;		/* rebuild what is up to date too */
	unsigned	 shard_k;	/* this is slice K of N, */
	unsigned	 shard_n;	/* or the whole batch when N is 0 */
	int		 tty;		/* stderr is a terminal */
	int		 quiet;
};

/* Build every job in r->todo with this many workers (0: one per CPU). */
void	 work_run(struct batch *, int nworkers);
/* The --times report. */
void	 work_report(const struct batch *, FILE *);
/* Say what h holds (on a terminal, over the progress line). */
void	 work_say(struct batch *, struct diag *to, struct diag_held *h);
/* The first error line h holds, or NULL; caller frees. */
char	*work_first_error(const struct diag_held *);
uint64_t work_now(clockid_t);

/* The manifest's name in outdir: manifest.json, or manifest.K-of-N.json. */
char	*outdir_manifest(const struct batch *, const char *outdir);
/* Read the last batch's manifest (this shard's, if any) into r->old. */
void	 outdir_read(struct batch *, const char *outdir);
/*
 * Is job j up to date: its key the one recorded, its PDF still the one
 * recorded?  Then its result is the recorded one.
 */
int	 outdir_uptodate(struct batch *, size_t j);
/*
 * Remove the PDFs the last manifest names that this batch did not make:
 * a failed leaflet's, a withdrawn article's or clinic's.
 */
void	 outdir_sweep(struct batch *, const char *outdir);
/*
 * The last manifest's entry for a leaflet made from article i's bytes as
 * they are now (their SHA-256, sha), or NULL; its first *k inputs are
 * the article's.
 */
const struct mf_entry *outdir_article(const struct batch *, size_t i,
	    const char *sha, size_t *k);
/* Job j is another shard's: its PDF is not this shard's to touch. */
void	 outdir_skip(struct batch *, size_t j);
/*
 * Add to m, as pending, the PDFs of the last manifest that this batch
 * may replace or remove, and the paths of those it will make, so that a
 * batch killed on the way still knows them for its own.
 */
void	 outdir_pending(const struct batch *, struct manifest *);
/* Write the stat cache of the PDFs made or found up to date, if changed. */
void	 outdir_stats(struct batch *, const char *outdir);
/* Remove the temporary files a killed batch left in outdir. */
void	 outdir_clean(const struct batch *, const char *outdir,
	    size_t nclinics);
void	 outdir_free(struct batch *);

#endif
