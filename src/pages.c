/* pages: the display list, and its text dump for golden tests. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pages.h"
#include "xalloc.h"

struct item *
pages_add(struct page *p, enum item_kind kind, int block)
{
	struct item *it;

	p->items = xgrow(p->items, p->nitems, sizeof(*p->items));
	it = &p->items[p->nitems++];
	memset(it, 0, sizeof(*it));
	it->kind = kind;
	it->block = block;
	return it;
}

struct item *
pages_rect(struct page *p, int block, float x, float y, float w, float h,
    struct rgb color)
{
	struct item *it = pages_add(p, IT_RECT, block);

	it->x = x;
	it->y = y;
	it->w = w;
	it->h = h;
	it->color = color;
	return it;
}

struct item *
pages_text(struct page *p, int block, float x, float y, enum face face,
    float size, struct rgb color, const char *s, size_t n, float w)
{
	struct item *it = pages_add(p, IT_TEXT, block);

	it->x = x;
	it->y = y;
	it->w = w;
	it->h = size;
	it->face = face;
	it->size = size;
	it->color = color;
	it->text = xstrndup(s, n);
	return it;
}

struct item *
pages_rule(struct page *p, int block, float x, float y, float w, float h,
    float lw, struct rgb color)
{
	/* the same geometry as a rectangle's, stroked */
	struct item *it = pages_rect(p, block, x, y, w, h, color);

	it->kind = IT_RULE;
	it->tag = TAG_ARTIFACT;
	it->lw = lw;
	return it;
}

static const char *const face_names[FACE__MAX] = {
	"regular", "bold", "italic", "bolditalic", "mono"
};

static void
dump_color(struct rgb c, FILE *f)
{
	fprintf(f, " #%02X%02X%02X", (unsigned)(c.r * 255 + 0.5f),
	    (unsigned)(c.g * 255 + 0.5f), (unsigned)(c.b * 255 + 0.5f));
}

static void
dump_string(const char *s, FILE *f)
{
	fputc('"', f);
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

void
pages_dump_stats(const struct pages *ps, FILE *f)
{
	const struct parastat *st;
	double slack = 0, greedy = 0;
	unsigned lines = 0, hyphens = 0;
	size_t i;

	for (i = 0; i < ps->nstats; i++) {
		st = &ps->stats[i];
		fprintf(f, "para b=%d lines=%u hyphens=%u mean=%.3f worst=%.3f "
		    "slack=%.4f greedy=%.4f\n", st->block, st->lines,
		    st->hyphens, st->mean, st->worst, st->slack, st->greedy);
		lines += st->lines;
		hyphens += st->hyphens;
		slack += st->slack;
		greedy += st->greedy;
	}
	fprintf(f, "total paragraphs=%zu lines=%u hyphens=%u slack=%.4f "
	    "greedy=%.4f\n", ps->nstats, lines, hyphens, slack, greedy);
}

void
pages_dump(const struct pages *ps, FILE *f)
{
	static const char *const kinds[] = { "text", "rule", "rect", "image",
	    "link" };
	const struct item *it;
	size_t i, j;

	for (i = 0; i < ps->n; i++) {
		fprintf(f, "page %zu %.2f %.2f\n", i + 1, ps->width, ps->height);
		for (j = 0; j < ps->v[i].nitems; j++) {
			it = &ps->v[i].items[j];
			fprintf(f, "  %s b=%d %.2f %.2f %.2f %.2f", kinds[it->kind],
			    it->block, it->x, it->y, it->w, it->h);
			switch (it->kind) {
			case IT_TEXT:
				fprintf(f, " %s %.1f", face_names[it->face],
				    it->size);
				dump_color(it->color, f);
				fputs(it->invisible ? " invisible " : " ", f);
				dump_string(it->text, f);
				break;
			case IT_RULE:
				fprintf(f, " lw=%.2f", it->lw);
				if (it->dash > 0)
					fprintf(f, " dash=%.2f", it->dash);
				dump_color(it->color, f);
				break;
			case IT_RECT:
				dump_color(it->color, f);
				break;
			case IT_IMAGE:
				fprintf(f, " image=%d", it->image);
				break;
			case IT_LINK:
				fputc(' ', f);
				dump_string(it->uri, f);
				break;
			}
			fputc('\n', f);
		}
	}
	for (i = 0; i < ps->nmarks; i++) {
		fprintf(f, "mark b=%d level=%d page=%zu y=%.2f #%s ",
		    ps->marks[i].block, ps->marks[i].level, ps->marks[i].page + 1,
		    ps->marks[i].y, ps->marks[i].slug);
		dump_string(ps->marks[i].title, f);
		fputc('\n', f);
	}
	pages_dump_stats(ps, f);
}

/* A copy of it, its text and link owned, moved on by the offsets. */
static void
copy_item(struct item *to, const struct item *it, int block_off,
    int image_off)
{
	*to = *it;
	if (it->block >= 0)
		to->block += block_off;
	if (it->kind == IT_IMAGE)
		to->image += image_off;
	to->text = it->text ? xstrdup(it->text) : NULL;
	to->uri = it->uri ? xstrdup(it->uri) : NULL;
}

void
pages_blank(struct pages *dst)
{
	dst->v = xreallocarray(dst->v, dst->n + 1, sizeof(*dst->v));
	memset(&dst->v[dst->n++], 0, sizeof(*dst->v));
}

void
pages_append(struct pages *dst, const struct pages *src, int block_off,
    int image_off)
{
	size_t i, j, p0 = dst->n, n0 = dst->nnest;
	struct page *pg;
	struct mark *m;

	if (dst->n == 0) {
		dst->width = src->width;
		dst->height = src->height;
	}
	dst->v = xreallocarray(dst->v, dst->n + src->n, sizeof(*dst->v));
	for (i = 0; i < src->n; i++) {
		pg = &dst->v[dst->n++];
		pg->nitems = src->v[i].nitems;
		pg->items = xreallocarray(NULL, pg->nitems ? pg->nitems : 1,
		    sizeof(*pg->items));
		for (j = 0; j < pg->nitems; j++)
			copy_item(&pg->items[j], &src->v[i].items[j],
			    block_off, image_off);
	}
	dst->marks = xreallocarray(dst->marks, dst->nmarks + src->nmarks + 1,
	    sizeof(*dst->marks));
	for (i = 0; i < src->nmarks; i++) {
		m = &dst->marks[dst->nmarks++];
		*m = src->marks[i];
		m->block += block_off;
		m->page += p0;
		m->title = xstrdup(src->marks[i].title);
	}
	dst->nest = xreallocarray(dst->nest, dst->nnest + src->nnest + 1,
	    sizeof(*dst->nest));
	for (i = 0; i < src->nnest; i++) {
		dst->nest[dst->nnest] = src->nest[i];
		if (src->nest[i].parent >= 0)
			dst->nest[dst->nnest].parent += (int)n0;
		dst->nnest++;
	}
	/* the blocks between dst's and block_off have no container */
	dst->parent = xreallocarray(dst->parent, (size_t)block_off +
	    src->nblocks + 1, sizeof(*dst->parent));
	for (i = dst->nblocks; i < (size_t)block_off; i++)
		dst->parent[i] = -1;
	for (i = 0; i < src->nblocks; i++)
		dst->parent[block_off + i] = src->parent[i] >= 0 ?
		    src->parent[i] + (int)n0 : -1;
	dst->nblocks = (size_t)block_off + src->nblocks;
}

void
pages_free(struct pages *ps)
{
	size_t i, j;

	for (i = 0; i < ps->n; i++) {
		for (j = 0; j < ps->v[i].nitems; j++) {
			free(ps->v[i].items[j].text);
			free(ps->v[i].items[j].uri);
		}
		free(ps->v[i].items);
	}
	free(ps->v);
	for (i = 0; i < ps->nmarks; i++)
		free(ps->marks[i].title);
	free(ps->marks);
	free(ps->parent);
	free(ps->nest);
	free(ps->stats);
	memset(ps, 0, sizeof(*ps));
}
