/* batch: build every leaflet; the driver only ever calls leaflet_make(). */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "batch.h"
#include "fileio.h"
#include "leaflet.h"
#include "profile.h"
#include "xalloc.h"

struct list {
	char	**v;
	size_t	  n;
};

static int
cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Files in dir whose names end in ext, sorted, as paths. */
static int
list_dir(const char *dir, const char *ext, struct list *l, struct diag *d)
{
	DIR *dp;
	struct dirent *de;
	size_t n, e = strlen(ext);

	memset(l, 0, sizeof(*l));
	if ((dp = opendir(dir)) == NULL) {
		diag_msg(d, DIAG_ERROR, dir, 0, 0, "cannot open directory");
		return -1;
	}
	while ((de = readdir(dp)) != NULL) {
		n = strlen(de->d_name);
		if (de->d_name[0] == '.' || n <= e ||
		    strcmp(de->d_name + n - e, ext) != 0)
			continue;
		l->v = xreallocarray(l->v, l->n + 1, sizeof(*l->v));
		l->v[l->n++] = path_join(dir, de->d_name);
	}
	closedir(dp);
	qsort(l->v, l->n, sizeof(*l->v), cmp);
	return 0;
}

static void
list_free(struct list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
}

int
batch_run(struct build *b, const char *content, const char *outdir)
{
	struct list arts, clinics;
	struct profile *p = NULL;
	struct article a;
	char *dir, *out;
	size_t i, j;
	int failed = 0, *pok = NULL;

	dir = path_join(content, "articles");
	i = list_dir(dir, ".md", &arts, b->d);
	free(dir);
	if (i != 0)
		return -1;
	dir = path_join(content, "clinics");
	i = list_dir(dir, ".yaml", &clinics, b->d);
	free(dir);
	if (i != 0) {
		list_free(&arts);
		return -1;
	}
	p = xcalloc(clinics.n ? clinics.n : 1, sizeof(*p));
	pok = xcalloc(clinics.n ? clinics.n : 1, sizeof(*pok));
	for (j = 0; j < clinics.n; j++)
		if ((pok[j] = profile_load(&p[j], clinics.v[j], b->d) == 0) == 0)
			failed = 1;
	for (i = 0; i < arts.n; i++) {
		memset(&a, 0, sizeof(a));
		if (article_load(&a, arts.v[i], b->d) == -1) {
			failed = 1;
			article_free(&a);
			continue;
		}
		for (j = 0; j < clinics.n; j++) {
			if (!pok[j])
				continue;
			out = leaflet_path(outdir, &p[j], &a);
			if (leaflet_make(b, &p[j], &a, out, NULL) == -1)
				failed = 1;
			free(out);
		}
		article_free(&a);
	}
	for (j = 0; j < clinics.n; j++)
		profile_free(&p[j]);
	free(p);
	free(pok);
	list_free(&arts);
	list_free(&clinics);
	return failed ? -1 : 0;
}
