/*
 * manifest: out/manifest.json, what a batch made and from what (its
 * shape is in leafpress(5)).  The next batch reads it to learn which
 * leaflets are up to date and which files in out/ are its own.
 */
#ifndef LP_MANIFEST_H
#define LP_MANIFEST_H
#include <stddef.h>

#include "sha256.h"

struct diag;

#define MANIFEST_FORMAT	2	/* raised when the shape changes */
#define MANIFEST_FORMAT_OLD 1	/* 2 and a "stat" a leaflet: still read */

enum mf_status {
	MF_BUILT,
	MF_UPTODATE,
	MF_FAILED,
	MF_PENDING		/* made by an earlier batch, and being replaced
				   or removed by one that has not finished */
};

struct mf_input {		/* a file a leaflet was made from */
	char	*path;
	char	 sha256[SHA256_HEX];
};

struct mf_entry {
	char		*clinic;	/* the profile's file name, no extension */
	char		*article;	/* the article's, likewise */
	char		*layout;	/* "handout" */
	char		*path;		/* the PDF, relative to the manifest */
	unsigned	 pages;		/* 0, with bytes and sha256, if no PDF */
	unsigned long long bytes;
	char		 sha256[SHA256_HEX];	/* the PDF's, or "" */
	char		*leaflet_id;	/* from the front matter, or NULL */
	char		*version;
	char		*review;
	enum mf_status	 status;
	char		*error;		/* the first diagnostic, when failed */
	char		 key[SHA256_HEX];	/* all inputs, for incremental builds */
	struct mf_input	*inputs;
	size_t		 ninputs;
	int		 mark;		/* the batch's own use */
};

struct manifest {
	int		 format;	/* as read */
	char		*leafpress;	/* the version that wrote it */
	char		*shard;		/* "K/N" for a partial one, or NULL */
	struct mf_input	*fonts;		/* the bundled fonts, every leaflet's */
	size_t		 nfonts;
	struct mf_entry	*v;
	size_t		 n;
};

/* Write m to path atomically, by file_write_atomic(). */
int	manifest_write(const struct manifest *, const char *path,
	    struct diag *);
/*
 * Read path into m.  A missing file is an empty manifest; one that
 * cannot be understood is reported as a warning and read as empty, so
 * that the batch builds everything and removes nothing.
 */
int	manifest_read(struct manifest *, const char *path, struct diag *);
/*
 * Would a and b be written the same?  Then a batch with nothing to do
 * need not write the manifest again.
 */
int	manifest_same(const struct manifest *a, const struct manifest *b);
/* A new entry at the end of m, zeroed; m owns what it points to. */
struct mf_entry *manifest_add(struct manifest *);
void	manifest_free(struct manifest *);
/*
 * Join the partial manifests of shards 1/N to N/N, each given once, into
 * out (NULL: manifest.json beside the first), the leaflets in the order
 * one batch would list them.
 */
int	manifest_merge(const char *const *files, size_t n, const char *out,
	    struct diag *);
const char *manifest_status(enum mf_status);

#endif
