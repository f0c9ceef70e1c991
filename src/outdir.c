/*
 * outdir: what the output folder already holds, as the last manifest
 * says.  A leaflet whose inputs hash to the key recorded for it, and
 * whose PDF is still the one recorded, is up to date; a PDF the last
 * manifest names that this batch did not make (its article or clinic
 * withdrawn, or its leaflet failed) is removed.  Nothing the manifest
 * does not name is ever touched, and nothing it names is trusted
 * unless the file's hash is the one recorded: contents decide, never
 * timestamps.
 *
 * Hashing every PDF would be most of a batch with nothing to do (40 MB
 * for a thousand leaflets), so, as git's index does, .manifest.stat
 * beside the manifest keeps each PDF's size, inode and times as last
 * seen with the hash they stood for; while none of them has changed,
 * the hash is taken as read.  It is a cache, not part of the manifest,
 * so that where the PDFs sit on a disk (a copy of out/ moves them all)
 * never changes manifest.json.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "batchint.h"
#include "fileio.h"
#include "hash.h"
#include "leaflet.h"
#include "manifest.h"
#include "profile.h"
#include "xalloc.h"

static int
cmp_path(const void *a, const void *b)
{
	const struct mf_entry *const *x = a, *const *y = b;

	return strcmp((*x)->path, (*y)->path);
}

static int
cmp_article(const void *a, const void *b)
{
	const struct mf_entry *const *x = a, *const *y = b;

	return strcmp((*x)->article, (*y)->article);
}

char *
outdir_manifest(const struct batch *r, const char *outdir)
{
	char *name, *path;

	if (r->shard_n == 0)
		return path_join(outdir, "manifest.json");
	name = xasprintf("manifest.%u-of-%u.json", r->shard_k, r->shard_n);
	path = path_join(outdir, name);
	free(name);
	return path;
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

/*
 * May the last manifest's path name a file to remove?  Only a PDF one
 * folder down, as the batch names them: a manifest edited by hand must
 * not reach outside the output folder.
 */
static int
is_leaflet_path(const char *rel)
{
	const char *s = strchr(rel, '/');
	size_t n = strlen(rel);

	return s != NULL && s > rel && strchr(s + 1, '/') == NULL &&
	    rel[0] != '.' && s[1] != '.' && n > 4 &&
	    strcmp(rel + n - 4, ".pdf") == 0;
}

/* The stat cache of the manifest at path: .NAME.stat beside it. */
static char *
stat_path(const char *manifest)
{
	const char *base = strrchr(manifest, '/');
	size_t dlen = base != NULL ? (size_t)(base - manifest) + 1 : 0;
	size_t blen = strlen(manifest + dlen);

	if (blen > 5 && strcmp(manifest + dlen + blen - 5, ".json") == 0)
		blen -= 5;
	return xasprintf("%.*s.%.*s.stat", (int)dlen, manifest, (int)blen,
	    manifest + dlen);
}

static int
get_stat(const char *path, struct pdfstat *ps)
{
	struct stat st;

	memset(ps, 0, sizeof(*ps));
	if (stat(path, &st) == -1 || !S_ISREG(st.st_mode))
		return -1;
	ps->size = (unsigned long long)st.st_size;
	ps->ino = (unsigned long long)st.st_ino;
	ps->mtime = (long long)st.st_mtim.tv_sec * 1000000000 +
	    st.st_mtim.tv_nsec;
	ps->ctime = (long long)st.st_ctim.tv_sec * 1000000000 +
	    st.st_ctim.tv_nsec;
	return 0;
}

/*
 * The stat cache's lines, "SHA256 SIZE INODE MTIME_NS CTIME_NS PATH",
 * onto the last manifest's entries; a line that does not fit one is
 * ignored: the PDF is only hashed.  So is one whose PDF changed no
 * earlier than the cache was written: within the clock's tick, a
 * change in place may have left its times as they were (git's "racy"
 * files).  The cache is then written again, later, to settle them.
 */
static void
read_stats(struct batch *r, const char *manifest)
{
	struct diag quiet = { NULL, 0, 0 };
	struct pdfstat ps, cache;
	struct mf_entry *e;
	char *path = stat_path(manifest), *p, *nl, rel[1024];

	r->ost = xcalloc(r->old.n + 1, sizeof(*r->ost));
	if (get_stat(path, &cache) == -1 ||
	    file_read(path, &r->statbuf, &r->statlen, &quiet) == -1) {
		free(path);
		return;
	}
	free(path);
	for (p = r->statbuf; (nl = strchr(p, '\n')) != NULL; p = nl + 1) {
		*nl = '\0';
		if (sscanf(p, "%64s %llu %llu %lld %lld %1023[^\n]", ps.sha256,
		    &ps.size, &ps.ino, &ps.mtime, &ps.ctime, rel) == 6 &&
		    (e = old_entry(r, rel)) != NULL &&
		    strcmp(e->sha256, ps.sha256) == 0) {
			ps.ok = ps.mtime < cache.mtime &&
			    ps.ctime < cache.mtime;
			r->racy |= !ps.ok;
			r->ost[e - r->old.v] = ps;
		}
		*nl = '\n';
	}
}

/*
 * The PDFs a killed batch was making are listed as pending, with the
 * hash of the PDF they replace, or none.  One written after that
 * manifest, by its time, is the killed batch's own: its hash now is
 * the one to know it by, so that it is replaced or removed like any
 * other PDF leafpress made.
 */
static void
adopt_pending(struct batch *r, const char *outdir, const char *manifest)
{
	struct diag quiet = { NULL, 0, 0 };
	struct pdfstat m, ps;
	struct mf_entry *e;
	char *path, *buf;
	size_t i, len;

	if (get_stat(manifest, &m) == -1)
		return;
	for (i = 0; i < r->old.n; i++) {
		e = &r->old.v[i];
		if (e->status != MF_PENDING || !is_leaflet_path(e->path))
			continue;
		path = path_join(outdir, e->path);
		if (get_stat(path, &ps) == 0 && ps.mtime >= m.mtime &&
		    file_read(path, &buf, &len, &quiet) == 0) {
			if (len > 5 && memcmp(buf, "%PDF-", 5) == 0) {
				sha256_hex(buf, len, e->sha256);
				e->bytes = len;
			}
			free(buf);
		}
		free(path);
	}
}

void
outdir_read(struct batch *r, const char *outdir)
{
	char *path = outdir_manifest(r, outdir);
	size_t i;

	/* a shard's own last run, else the last merged manifest */
	if (r->shard_n > 0 && access(path, F_OK) == -1) {
		free(path);
		path = path_join(outdir, "manifest.json");
	}
	manifest_read(&r->old, path, r->b->d);
	r->oldby = xcalloc(r->old.n + 1, sizeof(*r->oldby));
	for (i = 0; i < r->old.n; i++)
		r->oldby[i] = &r->old.v[i];
	if (r->old.n > 1)
		qsort(r->oldby, r->old.n, sizeof(*r->oldby), cmp_path);
	/* those an article's inputs may be taken from, by article */
	r->byart = xcalloc(r->old.n + 1, sizeof(*r->byart));
	for (i = 0; i < r->old.n; i++)
		if ((r->old.v[i].status == MF_BUILT ||
		    r->old.v[i].status == MF_UPTODATE) &&
		    r->old.v[i].article != NULL && r->old.v[i].ninputs > 0)
			r->byart[r->nbyart++] = &r->old.v[i];
	if (r->nbyart > 1)
		qsort(r->byart, r->nbyart, sizeof(*r->byart), cmp_article);
	read_stats(r, path);
	adopt_pending(r, outdir, path);
	free(path);
}

static int
same_stat(const struct pdfstat *a, const struct pdfstat *b)
{
	return a->size == b->size && a->ino == b->ino &&
	    a->mtime == b->mtime && a->ctime == b->ctime;
}

/*
 * Is the file at path the PDF e recorded, by its SHA-256?  Its size,
 * inode and times as the stat cache last saw them stand in for its hash
 * while none of them has changed.  The change time cannot be set back
 * by hand (touch, cp -p, an editor all move it), so a changed file is
 * always hashed.  What it finds is left in now for the next stat cache.
 */
static int
is_recorded(const struct batch *r, const struct mf_entry *e,
    const char *path, struct pdfstat *now)
{
	const struct pdfstat *was = &r->ost[e - r->old.v];
	struct diag quiet = { NULL, 0, 0 };
	char *buf, hex[SHA256_HEX];
	size_t len;

	if (e->status == MF_FAILED || e->sha256[0] == '\0' ||
	    get_stat(path, now) == -1 ||
	    /* a pending PDF's size is not recorded: its hash decides */
	    (e->status != MF_PENDING && now->size != e->bytes))
		return 0;
	if (!was->ok || !same_stat(was, now)) {
		if (file_read(path, &buf, &len, &quiet) == -1)
			return 0;
		sha256_hex(buf, len, hex);
		free(buf);
		if (len != now->size || strcmp(hex, e->sha256) != 0)
			return 0;
	}
	memcpy(now->sha256, e->sha256, SHA256_HEX);
	now->ok = 1;
	return 1;
}

int
outdir_uptodate(struct batch *r, size_t j)
{
	const struct job *jb = &r->jobs[j];
	struct result *res = &r->res[j];
	struct mf_entry *e = old_entry(r, jb->rel);

	if (e == NULL || e->status == MF_PENDING ||
	    strcmp(e->key, jb->key) != 0 ||
	    !is_recorded(r, e, jb->out, &r->nst[j]))
		return 0;
	e->mark = 1;
	res->status = 0;
	res->pages = e->pages;
	res->bytes = e->bytes;
	memcpy(res->sha256, e->sha256, SHA256_HEX);
	return 1;
}

/* The profile of the clinic named so (its file name, no extension). */
static const struct profile *
clinic_named(const struct batch *r, const char *name)
{
	size_t j;

	for (j = 0; name != NULL && j < r->nclinics; j++)
		if (r->clinics[j].slug != NULL && r->clinics[j].file != NULL &&
		    strcmp(r->clinics[j].slug, name) == 0)
			return &r->clinics[j];
	return NULL;
}

/*
 * The last manifest's entry for a leaflet of article i that was made
 * from these very bytes (sha), if any, and in *k how many of its inputs
 * are the article's: those before its clinic's profile.
 */
const struct mf_entry *
outdir_article(const struct batch *r, size_t i, const char *sha, size_t *k)
{
	const struct profile *p;
	struct mf_entry key, *kp = &key, **e, **end, *found = NULL;

	key.article = path_stem(r->arts[i]);
	e = bsearch(&kp, r->byart, r->nbyart, sizeof(*e), cmp_article);
	for (; e != NULL && e > r->byart && cmp_article(e - 1, &kp) == 0; e--)
		;	/* the first of them */
	end = r->byart + r->nbyart;
	for (; e != NULL && e < end && cmp_article(e, &kp) == 0; e++) {
		if (strcmp((*e)->inputs[0].path, r->arts[i]) != 0 ||
		    strcmp((*e)->inputs[0].sha256, sha) != 0 ||
		    (p = clinic_named(r, (*e)->clinic)) == NULL)
			continue;
		for (*k = 1; *k < (*e)->ninputs; (*k)++)
			if (strcmp((*e)->inputs[*k].path, p->file) == 0)
				break;
		if (*k < (*e)->ninputs) {
			found = *e;
			break;
		}
	}
	free(key.article);
	return found;
}

void
outdir_skip(struct batch *r, size_t j)
{
	struct mf_entry *e = old_entry(r, r->jobs[j].rel);

	if (e != NULL)
		e->mark = 1;
}

/* Remove e's PDF if it is still the one e recorded. */
static void
remove_old(struct batch *r, const struct mf_entry *e, const char *outdir)
{
	struct pdfstat now;
	char *path, *dir;

	if (!is_leaflet_path(e->path))
		return;
	path = path_join(outdir, e->path);
	if (is_recorded(r, e, path, &now) && unlink(path) == 0) {
		r->removed++;
		if (!r->quiet && r->b->d->out != NULL)
			fprintf(r->b->d->out, "%sremoved %s\n",
			    r->tty ? "\r\033[K" : "", path);
		/* a withdrawn clinic's folder goes with its last leaflet */
		dir = path_dir(path);
		rmdir(dir);
		free(dir);
	}
	free(path);
}

void
outdir_sweep(struct batch *r, const char *outdir)
{
	struct mf_entry *e;
	char *seen = xcalloc(r->old.n + 1, 1);
	size_t i, j;

	/* failed this time: last time's PDF must not pass for this one's */
	for (j = 0; j < r->njobs; j++) {
		if ((e = old_entry(r, r->jobs[j].rel)) == NULL)
			continue;
		seen[e - r->old.v] = 1;
		if (!r->jobs[j].other && r->res[j].status != 0)
			remove_old(r, e, outdir);
	}
	/*
	 * Not made at all: its article or clinic is gone.  Among shards,
	 * the one its path hashes to removes it.
	 */
	for (i = 0; i < r->old.n; i++)
		if (!seen[i] && (r->shard_n == 0 || fnv1a(r->old.v[i].path,
		    strlen(r->old.v[i].path)) % r->shard_n == r->shard_k - 1))
			remove_old(r, &r->old.v[i], outdir);
	free(seen);
}

/*
 * Temporary files a killed batch may have left: .NAME.pdf.XXXXXX in the
 * clinics' folders and .manifest.json.XXXXXX, names that only
 * file_write_atomic() makes.
 */
static void
clean_dir(const char *dir)
{
	struct dirent *de;
	const char *s;
	char *path;
	DIR *dp;

	if ((dp = opendir(dir)) == NULL)
		return;
	while ((de = readdir(dp)) != NULL) {
		if (de->d_name[0] != '.' ||
		    ((s = strstr(de->d_name, ".pdf.")) == NULL &&
		    (s = strstr(de->d_name, ".json.")) == NULL) ||
		    strlen(strchr(s + 1, '.') + 1) != 6)
			continue;
		path = path_join(dir, de->d_name);
		unlink(path);
		free(path);
	}
	closedir(dp);
}

void
outdir_clean(const struct batch *r, const char *outdir, size_t nclinics)
{
	char *dir;
	size_t j;

	clean_dir(outdir);
	for (j = 0; j < nclinics; j++) {
		dir = path_join(outdir, r->clinics[j].slug ?
		    r->clinics[j].slug : "");
		if (r->clinics[j].slug != NULL)
			clean_dir(dir);
		free(dir);
	}
}

void
outdir_pending(const struct batch *r, struct manifest *m)
{
	const struct mf_entry *e;
	struct mf_entry *p;
	size_t i;

	for (i = 0; i < r->old.n; i++) {
		e = &r->old.v[i];
		if (e->mark || e->status == MF_FAILED || e->sha256[0] == '\0')
			continue;
		p = manifest_add(m);
		p->path = xstrdup(e->path);
		p->status = MF_PENDING;
		memcpy(p->sha256, e->sha256, SHA256_HEX);
	}
	/* PDFs where there were none: known by their time if killed */
	for (i = 0; i < r->ntodo; i++) {
		e = old_entry(r, r->jobs[r->todo[i]].rel);
		if (e != NULL && e->status != MF_FAILED && e->sha256[0] != '\0')
			continue;	/* pending above */
		p = manifest_add(m);
		p->path = xstrdup(r->jobs[r->todo[i]].rel);
		p->status = MF_PENDING;
	}
}

/*
 * The stat cache for the PDFs this batch made or found up to date,
 * written only when it would change.
 */
void
outdir_stats(struct batch *r, const char *outdir)
{
	struct diag quiet = { NULL, 0, 0 };
	struct sbuf b = { NULL, 0, 0 };
	struct pdfstat *ps;
	char *path, *line;
	size_t j;

	for (j = 0; j < r->njobs; j++) {
		ps = &r->nst[j];
		if (r->jobs[j].other || r->res[j].status != 0)
			continue;
		if (!r->jobs[j].fresh && get_stat(r->jobs[j].out, ps) == 0) {
			memcpy(ps->sha256, r->res[j].sha256, SHA256_HEX);
			ps->ok = 1;
		}
		if (!ps->ok)
			continue;
		line = xasprintf("%s %llu %llu %lld %lld %s\n", ps->sha256,
		    ps->size, ps->ino, ps->mtime, ps->ctime, r->jobs[j].rel);
		sbuf_put(&b, line, strlen(line));
		free(line);
	}
	if (r->racy || b.n != r->statlen ||
	    (b.n > 0 && memcmp(b.s, r->statbuf, b.n))) {
		line = outdir_manifest(r, outdir);
		path = stat_path(line);
		/* only a cache: a failure costs hashing next time */
		file_write_atomic(path, b.s ? b.s : "", b.n, &quiet);
		free(path);
		free(line);
	}
	free(b.s);
}

void
outdir_free(struct batch *r)
{
	manifest_free(&r->old);
	free(r->oldby);
	free(r->byart);
	free(r->ost);
	free(r->nst);
	free(r->statbuf);
	r->oldby = r->byart = NULL;
	r->ost = r->nst = NULL;
	r->statbuf = NULL;
}
