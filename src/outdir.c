/*
 * outdir: what the output folder already holds, as the last manifest
 * says.  A leaflet whose inputs hash to the key recorded for it, and
 * whose PDF is still the one recorded, is up to date.  Nothing the
 * manifest names is trusted unless the file's hash is the one recorded:
 * contents decide, never timestamps.
 */
#include <stdlib.h>
#include <string.h>

#include "batchint.h"
#include "fileio.h"
#include "leaflet.h"
#include "manifest.h"
#include "xalloc.h"

static int
cmp_path(const void *a, const void *b)
{
	const struct mf_entry *const *x = a, *const *y = b;

	return strcmp((*x)->path, (*y)->path);
}

void
outdir_read(struct batch *r, const char *outdir)
{
	char *path = path_join(outdir, "manifest.json");
	size_t i;

	manifest_read(&r->old, path, r->b->d);
	free(path);
	r->oldby = xcalloc(r->old.n + 1, sizeof(*r->oldby));
	for (i = 0; i < r->old.n; i++)
		r->oldby[i] = &r->old.v[i];
	if (r->old.n > 1)
		qsort(r->oldby, r->old.n, sizeof(*r->oldby), cmp_path);
}

/* The last manifest's entry for rel, a path relative to outdir. */
static struct mf_entry *
old_entry(const struct batch *r, const char *rel)
{
	struct mf_entry key, *kp = &key, **e;

	key.path = (char *)rel;
	e = bsearch(&kp, r->oldby, r->old.n, sizeof(*r->oldby), cmp_path);
	return e != NULL ? *e : NULL;
}

/* Is the file at path the PDF e recorded, by its SHA-256? */
static int
is_recorded(const struct mf_entry *e, const char *path)
{
	char *buf, hex[SHA256_HEX];
	struct diag quiet = { NULL, 0, 0 };
	size_t len;
	int same;

	if (e->status == MF_FAILED || e->sha256[0] == '\0' ||
	    file_read(path, &buf, &len, &quiet) == -1)
		return 0;
	sha256_hex(buf, len, hex);
	free(buf);
	same = len == e->bytes && strcmp(hex, e->sha256) == 0;
	return same;
}

int
outdir_uptodate(struct batch *r, size_t j)
{
	const struct job *jb = &r->jobs[j];
	struct result *res = &r->res[j];
	const struct mf_entry *e = old_entry(r, jb->rel);

	if (e == NULL || strcmp(e->key, jb->key) != 0 ||
	    !is_recorded(e, jb->out))
		return 0;
	res->status = 0;
	res->pages = e->pages;
	res->bytes = e->bytes;
	memcpy(res->sha256, e->sha256, SHA256_HEX);
	return 1;
}

void
outdir_free(struct batch *r)
{
	manifest_free(&r->old);
	free(r->oldby);
	r->oldby = NULL;
}
