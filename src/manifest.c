/*
 * manifest: out/manifest.json through cJSON, never by hand, so that any
 * path or message is quoted correctly.  Written last, after every PDF it
 * names is on disk; read leniently, since a manifest that cannot be
 * trusted only costs a full build.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "diag.h"
#include "fileio.h"
#include "manifest.h"
#include "xalloc.h"

static const char *const statuses[] = {
	"built", "up to date", "failed", "pending"
};

const char *
manifest_status(enum mf_status s)
{
	return statuses[s];
}

/* A string member, or none when s is NULL. */
static void
add_str(cJSON *o, const char *name, const char *s)
{
	if (s != NULL)
		cJSON_AddStringToObject(o, name, s);
}

/* [{ "path": ..., "sha256": ... }, ...] */
static cJSON *
files_json(const struct mf_input *v, size_t n)
{
	cJSON *files = cJSON_CreateArray(), *f;
	size_t i;

	for (i = 0; i < n; i++) {
		f = cJSON_CreateObject();
		add_str(f, "path", v[i].path);
		add_str(f, "sha256", v[i].sha256);
		cJSON_AddItemToArray(files, f);
	}
	return files;
}

static cJSON *
inputs_json(const struct mf_entry *e)
{
	cJSON *in = cJSON_CreateObject();

	add_str(in, "key", e->key);
	cJSON_AddItemToObject(in, "files", files_json(e->inputs, e->ninputs));
	return in;
}

static cJSON *
entry_json(const struct mf_entry *e)
{
	cJSON *o = cJSON_CreateObject();

	add_str(o, "clinic", e->clinic);
	add_str(o, "article", e->article);
	add_str(o, "layout", e->layout);
	add_str(o, "path", e->path);
	add_str(o, "status", manifest_status(e->status));
	if (e->status == MF_FAILED)
		add_str(o, "error", e->error ? e->error : "failed");
	else {
		cJSON_AddNumberToObject(o, "pages", e->pages);
		cJSON_AddNumberToObject(o, "bytes", (double)e->bytes);
		add_str(o, "sha256", e->sha256);
	}
	add_str(o, "leaflet_id", e->leaflet_id);
	add_str(o, "version", e->version);
	add_str(o, "review", e->review);
	cJSON_AddItemToObject(o, "inputs", inputs_json(e));
	return o;
}

static cJSON *
pending_json(const struct mf_entry *e)
{
	cJSON *o = cJSON_CreateObject();

	add_str(o, "path", e->path);
	/* none for a PDF being made where the last batch made none */
	if (e->sha256[0] != '\0')
		add_str(o, "sha256", e->sha256);
	return o;
}

int
manifest_write(const struct manifest *m, const char *path, struct diag *d)
{
	cJSON *root = cJSON_CreateObject(), *list, *pend;
	char *text, *t;
	size_t i;
	int rc;

	cJSON_AddNumberToObject(root, "format", MANIFEST_FORMAT);
	add_str(root, "leafpress", VERSION);
	add_str(root, "shard", m->shard);
	cJSON_AddItemToObject(root, "fonts", files_json(m->fonts, m->nfonts));
	list = cJSON_AddArrayToObject(root, "leaflets");
	for (i = 0; i < m->n; i++)
		if (m->v[i].status != MF_PENDING)
			cJSON_AddItemToArray(list, entry_json(&m->v[i]));
	pend = cJSON_AddArrayToObject(root, "pending");
	for (i = 0; i < m->n; i++)
		if (m->v[i].status == MF_PENDING)
			cJSON_AddItemToArray(pend, pending_json(&m->v[i]));
	if ((text = cJSON_Print(root)) == NULL) {
		cJSON_Delete(root);
		diag_msg(d, DIAG_ERROR, path, 0, 0, "out of memory");
		return -1;
	}
	t = xasprintf("%s\n", text);
	rc = file_write_atomic(path, t, strlen(t), d);
	free(t);
	cJSON_free(text);
	cJSON_Delete(root);
	return rc;
}

/* A string member's copy, or NULL. */
static char *
get_str(const cJSON *o, const char *name)
{
	const char *s = cJSON_GetStringValue(cJSON_GetObjectItem(o, name));

	return s != NULL ? xstrdup(s) : NULL;
}

/* A hash member into h, or "" when it is not 64 hex digits. */
static void
get_hash(const cJSON *o, const char *name, char h[SHA256_HEX])
{
	const char *s = cJSON_GetStringValue(cJSON_GetObjectItem(o, name));

	h[0] = '\0';
	if (s != NULL && strlen(s) == SHA256_HEX - 1 &&
	    strspn(s, "0123456789abcdef") == SHA256_HEX - 1)
		memcpy(h, s, SHA256_HEX);
}

static void
read_files(const cJSON *files, struct mf_input **v, size_t *n)
{
	const cJSON *f;

	*n = 0;
	*v = xcalloc((size_t)cJSON_GetArraySize(files) + 1, sizeof(**v));
	cJSON_ArrayForEach(f, files) {
		if (((*v)[*n].path = get_str(f, "path")) == NULL)
			continue;
		get_hash(f, "sha256", (*v)[(*n)++].sha256);
	}
}

/* An entry, unless it lacks what every entry has. */
static void
read_entry(struct manifest *m, const cJSON *o)
{
	struct mf_entry *e;
	const char *st = cJSON_GetStringValue(cJSON_GetObjectItem(o, "status"));
	double n;
	int i;

	if (cJSON_GetStringValue(cJSON_GetObjectItem(o, "path")) == NULL ||
	    st == NULL)
		return;
	e = manifest_add(m);
	e->path = get_str(o, "path");
	e->clinic = get_str(o, "clinic");
	e->article = get_str(o, "article");
	e->layout = get_str(o, "layout");
	e->status = MF_FAILED;
	for (i = 0; i < 3; i++)		/* "pending" only where below */
		if (strcmp(st, statuses[i]) == 0)
			e->status = (enum mf_status)i;
	e->error = get_str(o, "error");
	n = cJSON_GetNumberValue(cJSON_GetObjectItem(o, "pages"));
	e->pages = n >= 0 && n < 1e9 ? (unsigned)n : 0;
	n = cJSON_GetNumberValue(cJSON_GetObjectItem(o, "bytes"));
	e->bytes = n >= 0 && n < 1e18 ? (unsigned long long)n : 0;
	get_hash(o, "sha256", e->sha256);
	e->leaflet_id = get_str(o, "leaflet_id");
	e->version = get_str(o, "version");
	e->review = get_str(o, "review");
	get_hash(cJSON_GetObjectItem(o, "inputs"), "key", e->key);
	read_files(cJSON_GetObjectItem(cJSON_GetObjectItem(o, "inputs"),
	    "files"), &e->inputs, &e->ninputs);
}

static void
read_pending(struct manifest *m, const cJSON *o)
{
	struct mf_entry *e;

	if (cJSON_GetStringValue(cJSON_GetObjectItem(o, "path")) == NULL)
		return;
	e = manifest_add(m);
	e->path = get_str(o, "path");
	e->status = MF_PENDING;
	get_hash(o, "sha256", e->sha256);
}

int
manifest_read(struct manifest *m, const char *path, struct diag *d)
{
	struct diag quiet = { NULL, 0, 0 };
	const cJSON *o;
	cJSON *root;
	char *buf;
	size_t len;
	double f;

	memset(m, 0, sizeof(*m));
	if (file_read(path, &buf, &len, &quiet) == -1)
		return 0;	/* none yet: everything is new */
	root = cJSON_ParseWithLength(buf, len);
	free(buf);
	f = cJSON_GetNumberValue(cJSON_GetObjectItem(root, "format"));
	if (root == NULL ||
	    (f != MANIFEST_FORMAT && f != MANIFEST_FORMAT_OLD)) {
		diag_msg(d, DIAG_WARNING, path, 0, 0, "not a manifest this "
		    "leafpress reads: building everything, removing nothing");
		cJSON_Delete(root);
		return 0;
	}
	m->format = (int)f;
	m->leafpress = get_str(root, "leafpress");
	m->shard = get_str(root, "shard");
	read_files(cJSON_GetObjectItem(root, "fonts"), &m->fonts, &m->nfonts);
	cJSON_ArrayForEach(o, cJSON_GetObjectItem(root, "leaflets"))
		read_entry(m, o);
	cJSON_ArrayForEach(o, cJSON_GetObjectItem(root, "pending"))
		read_pending(m, o);
	cJSON_Delete(root);
	return 0;
}

static int
same_str(const char *a, const char *b)
{
	return a == NULL || b == NULL ? a == b : strcmp(a, b) == 0;
}

static int
same_files(const struct mf_input *a, size_t na, const struct mf_input *b,
    size_t nb)
{
	size_t i;

	if (na != nb)
		return 0;
	for (i = 0; i < na; i++)
		if (!same_str(a[i].path, b[i].path) ||
		    strcmp(a[i].sha256, b[i].sha256) != 0)
			return 0;
	return 1;
}

/* Would entries a and b be written the same?  Only what is written counts. */
static int
same_entry(const struct mf_entry *a, const struct mf_entry *b)
{
	if (a->status != b->status || !same_str(a->path, b->path) ||
	    !same_str(a->clinic, b->clinic) ||
	    !same_str(a->article, b->article) ||
	    !same_str(a->layout, b->layout) ||
	    !same_str(a->leaflet_id, b->leaflet_id) ||
	    !same_str(a->version, b->version) ||
	    !same_str(a->review, b->review) ||
	    strcmp(a->sha256, b->sha256) != 0 || strcmp(a->key, b->key) != 0 ||
	    !same_files(a->inputs, a->ninputs, b->inputs, b->ninputs))
		return 0;
	if (a->status == MF_FAILED)
		return same_str(a->error, b->error);
	return a->pages == b->pages && a->bytes == b->bytes;
}

int
manifest_same(const struct manifest *a, const struct manifest *b)
{
	size_t i;

	if (a->n != b->n || a->format != b->format ||
	    !same_str(a->leafpress, b->leafpress) ||
	    !same_str(a->shard, b->shard) ||
	    !same_files(a->fonts, a->nfonts, b->fonts, b->nfonts))
		return 0;
	for (i = 0; i < a->n; i++)
		if (!same_entry(&a->v[i], &b->v[i]))
			return 0;
	return 1;
}

struct mf_entry *
manifest_add(struct manifest *m)
{
	m->v = xgrow(m->v, m->n, sizeof(*m->v));
	memset(&m->v[m->n], 0, sizeof(m->v[m->n]));
	return &m->v[m->n++];
}

void
manifest_free(struct manifest *m)
{
	struct mf_entry *e;
	size_t i, j;

	for (i = 0; i < m->n; i++) {
		e = &m->v[i];
		free(e->clinic);
		free(e->article);
		free(e->layout);
		free(e->path);
		free(e->leaflet_id);
		free(e->version);
		free(e->review);
		free(e->error);
		for (j = 0; j < e->ninputs; j++)
			free(e->inputs[j].path);
		free(e->inputs);
	}
	for (j = 0; j < m->nfonts; j++)
		free(m->fonts[j].path);
	free(m->fonts);
	free(m->v);
	free(m->leafpress);
	free(m->shard);
	memset(m, 0, sizeof(*m));
}

/* Shard "K/N" of a partial manifest, or -1. */
static int
shard_of(const struct manifest *m, unsigned *k, unsigned *n)
{
	return m->shard != NULL && sscanf(m->shard, "%u/%u", k, n) == 2 &&
	    *k >= 1 && *k <= *n ? 0 : -1;
}

/*
 * Shard K took jobs K-1, K-1+N, ...: its i-th leaflet is job i*N+K-1,
 * so taking the shards' lists in turn gives back the one list.
 */
static void
interleave(struct manifest *all, struct manifest *parts, unsigned n)
{
	struct mf_entry *e;
	size_t i, more = 1;
	unsigned k;

	for (i = 0; more; i++) {
		more = 0;
		for (k = 0; k < n; k++) {
			if (i >= parts[k].n)
				continue;
			more = 1;
			e = manifest_add(all);
			*e = parts[k].v[i];
			memset(&parts[k].v[i], 0, sizeof(parts[k].v[i]));
		}
	}
}

/* Partial manifest file into its place in parts, by its shard. */
static int
read_part(struct manifest *parts, size_t nf, const char *file,
    struct diag *d)
{
	struct manifest m;
	unsigned k, n;

	if (manifest_read(&m, file, d) == -1 || m.leafpress == NULL) {
		diag_msg(d, DIAG_ERROR, file, 0, 0, "cannot read it as a "
		    "manifest");
		manifest_free(&m);
		return -1;
	}
	if (shard_of(&m, &k, &n) == -1 || n != nf || parts[k - 1].leafpress) {
		diag_msg(d, DIAG_ERROR, file, 0, 0, "not the partial manifest "
		    "of a shard K/%zu not given before: merge takes one of "
		    "each of the %zu shards", nf, nf);
		manifest_free(&m);
		return -1;
	}
	if (m.n > 0 && m.v[m.n - 1].status == MF_PENDING) {
		diag_msg(d, DIAG_ERROR, file, 0, 0, "its shard did not "
		    "finish: run it again first");
		manifest_free(&m);
		return -1;
	}
	parts[k - 1] = m;
	return 0;
}

int
manifest_merge(const char *const *files, size_t nf, const char *out,
    struct diag *d)
{
	struct manifest *parts = xcalloc(nf, sizeof(*parts)), all;
	char *dir, *path;
	size_t i;
	int rc = -1;

	memset(&all, 0, sizeof(all));
	for (i = 0; i < nf; i++)
		if (read_part(parts, nf, files[i], d) == -1)
			goto out;
	all.fonts = parts[0].fonts;	/* every shard's are the same */
	all.nfonts = parts[0].nfonts;
	parts[0].fonts = NULL;
	parts[0].nfonts = 0;
	interleave(&all, parts, (unsigned)nf);
	if (out != NULL)
		path = xstrdup(out);
	else {
		dir = path_dir(files[0]);
		path = path_join(dir, "manifest.json");
		free(dir);
	}
	rc = manifest_write(&all, path, d);
	free(path);
out:
	for (i = 0; i < nf; i++)
		manifest_free(&parts[i]);
	manifest_free(&all);
	free(parts);
	return rc;
}
