/*
 * inputs: what a leaflet is made from, hashed.  Images and fonts are
 * hashed from the bytes already loaded, so that what is hashed is what
 * the leaflet is built from; only the profile's source is read again,
 * since the profile does not keep it.
 */
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "fileio.h"
#include "fonts.h"
#include "inputs.h"
#include "profile.h"
#include "xalloc.h"

void
inputs_add_hash(struct inputs *in, const char *path,
    const char sha256[SHA256_HEX])
{
	struct mf_input *i;

	in->v = xgrow(in->v, in->n, sizeof(*in->v));
	i = &in->v[in->n++];
	i->path = xstrdup(path);
	memcpy(i->sha256, sha256, SHA256_HEX);
}

void
inputs_add(struct inputs *in, const char *path, const void *buf, size_t len)
{
	char hex[SHA256_HEX];

	sha256_hex(buf, len, hex);
	inputs_add_hash(in, path, hex);
}

void
inputs_article(struct inputs *in, const struct article *a)
{
	const struct figure *f;
	size_t i;

	inputs_add(in, a->file, a->buf, a->len);
	for (i = 0; i < a->nfigures; i++) {
		f = &a->figures[i];
		if (f->ok && !f->remote)
			inputs_add(in, f->img.path, f->img.data, f->img.len);
	}
}

int
inputs_profile(struct inputs *in, const struct profile *p, struct diag *d)
{
	char *buf;
	size_t len;
	int i;

	if (file_read(p->file, &buf, &len, d) == -1)
		return -1;
	inputs_add(in, p->file, buf, len);
	free(buf);
	if (p->logo_ok)
		inputs_add(in, p->logo, p->logo_image.data, p->logo_image.len);
	for (i = 0; i < FACE__MAX; i++) {
		if (p->font[i] == NULL)
			continue;
		if (file_read(p->font[i], &buf, &len, d) == -1)
			return -1;
		inputs_add(in, p->font[i], buf, len);
		free(buf);
	}
	return 0;
}

void
inputs_fonts(struct inputs *in, const struct font *f, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		inputs_add(in, f[i].path, f[i].data, f[i].len);
}

void
inputs_key(const struct inputs *const *lists, size_t n, const char *how,
    char key[SHA256_HEX])
{
	struct sha256 s;
	unsigned char h[SHA256_LEN];
	size_t i, j;
	uint64_t m;

	/*
	 * Contents only, not paths: the same files reached by another
	 * path (another --content, fonts installed elsewhere) make the
	 * same leaflet.  Each list's length keeps lists apart.
	 */
	sha256_init(&s);
	sha256_add(&s, "leafpress " VERSION, sizeof("leafpress " VERSION));
	sha256_add(&s, how, strlen(how) + 1);
	for (i = 0; i < n; i++) {
		m = (uint64_t)lists[i]->n;
		sha256_add(&s, &m, sizeof(m));
		for (j = 0; j < lists[i]->n; j++)
			sha256_add(&s, lists[i]->v[j].sha256, SHA256_HEX);
	}
	sha256_end(&s, h);
	sha256_tohex(h, key);
}

void
inputs_copy(struct mf_entry *e, const struct inputs *const *lists, size_t n)
{
	size_t i, j, k = 0;

	for (i = 0; i < n; i++)
		k += lists[i]->n;
	e->inputs = xcalloc(k + 1, sizeof(*e->inputs));
	for (i = 0; i < n; i++)
		for (j = 0; j < lists[i]->n; j++) {
			e->inputs[e->ninputs].path = xstrdup(lists[i]->v[j].path);
			memcpy(e->inputs[e->ninputs++].sha256,
			    lists[i]->v[j].sha256, SHA256_HEX);
		}
}

void
inputs_free(struct inputs *in)
{
	size_t i;

	for (i = 0; i < in->n; i++)
		free(in->v[i].path);
	free(in->v);
	memset(in, 0, sizeof(*in));
}
