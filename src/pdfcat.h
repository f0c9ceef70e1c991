/*
 * pdfcat: one PDF made of many, written as they come, so that mail's
 * post (every patient's copy, in list order) never has to be held whole
 * in memory nor rendered twice.  It reads the PDFs render writes
 * (libharu: a classic cross-reference table, no object streams): each
 * input's objects are copied with their numbers moved past the last
 * input's, its page tree hung under the output's, its catalogue and
 * information dictionary left out.  An image the output already has
 * (a clinic's logo in every letter) is not copied again: the input's
 * references go to the first copy.  What it keeps is a file offset an
 * object, a number a page tree, and the hash of each distinct image
 * (up to PDFCAT_MAXIMAGES): a few bytes a page.
 */
#ifndef LP_PDFCAT_H
#define LP_PDFCAT_H
#include <stdint.h>
#include <stdio.h>

#include "sha256.h"

struct diag;

#define PDFCAT_MAXIMAGES	256	/* distinct images shared */

/* An image the output holds, by the hash of what it is. */
struct pdfcat_image {
	unsigned char	 hash[SHA256_LEN];
	uint32_t	 id;		/* its object in the output */
};

struct pdfcat {
	FILE		*f;
	char		*path;		/* where it goes at the end */
	char		*tmp;		/* where it is written meanwhile */
	uint64_t	 at;		/* bytes written */
	uint64_t	*off;		/* of object i (0: none yet) */
	size_t		 nobj;		/* objects 1..nobj-1 */
	uint32_t	*kids;		/* the page tree's children */
	size_t		 nkids;
	size_t		 pages;
	struct pdfcat_image *img;
	size_t		 nimg;
	struct sha256	*h;		/* while hashing: out() adds to it */
	int		 failed;	/* a write failed */
};

/* The output's information dictionary, ASCII or UTF-8. */
struct pdfcat_info {
	const char	*title;
	const char	*author;
	const char	*lang;		/* "en" */
	long long	 date;		/* seconds since 1970 */
};

/* Start writing path (through a temporary file beside it): 0, or -1. */
int	pdfcat_open(struct pdfcat *, const char *path, struct diag *);
/*
 * Add every page of pdf[0..len), which render wrote; name says which in
 * messages.  0, or -1 reported (the output is still whole so far).
 */
int	pdfcat_add(struct pdfcat *, const unsigned char *pdf, size_t len,
	    const char *name, struct diag *);
/* Add an empty page w by h points. */
void	pdfcat_blank(struct pdfcat *, float w, float h);
/*
 * Finish: the page tree, catalogue, information and cross-references,
 * synced and renamed into place: 0, or -1 reported and nothing left.
 */
int	pdfcat_close(struct pdfcat *, const struct pdfcat_info *,
	    struct diag *);
/* Give up: the temporary file removed. */
void	pdfcat_abort(struct pdfcat *);

#endif
