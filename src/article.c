/*
 * An article: optional YAML front matter, then a GitHub Flavored Markdown
 * body.
 *
 *	---
 *	title: Botulinum toxin injections for cervical dystonia
 *	published: 2026-11-01
 *	---
 *	# Botulinum toxin ...
 *
 * The whole text is checked first (UTF-8; a NUL becomes U+FFFD), then
 * the front matter is read through yamlx, then the body is fitted to
 * the limits in article.h (mdprep.c) and handed to cmark-gfm with
 * GitHub's extensions.  Errors do not stop the other parts from being
 * read, so one run reports all of them.
 */
#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <yaml.h>

#include "article.h"
#include "diag.h"
#include "fileio.h"
#include "mdprep.h"
#include "utf8.h"
#include "vars.h"
#include "xalloc.h"
#include "yamlx.h"

#define CMARK_OPTS	(CMARK_OPT_SMART | CMARK_OPT_SOURCEPOS | \
			 CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_FOOTNOTES)

#define BOM		"\xEF\xBB\xBF"

#define FM_KEY(k, t, field) \
	{ .name = (k), .type = (t), .off = offsetof(struct article, field) }

/* The front matter's keys: a new key is a row here and its use. */
static const struct yamlx_key fm_keys[] = {
	FM_KEY("title", YAMLX_STRING, title),
	FM_KEY("subtitle", YAMLX_STRING, subtitle),
	FM_KEY("leaflet_id", YAMLX_STRING, leaflet_id),
	FM_KEY("version", YAMLX_STRING, version),
	FM_KEY("published", YAMLX_DATE, published),
	FM_KEY("review", YAMLX_DATE, review),
	FM_KEY("author", YAMLX_STRING, author),
	FM_KEY("lang", YAMLX_STRING, lang),
	FM_KEY("keywords", YAMLX_JOINED, keywords),
	FM_KEY("captions", YAMLX_BOOL, captions)
};

/* Is line s[0..n), without its '\n', exactly d (three bytes)? */
static int
line_is(const char *s, size_t n, const char *d)
{
	if (n > 0 && s[n - 1] == '\r')
		n--;
	return n == 3 && memcmp(s, d, 3) == 0;
}

/* Offset of the '\n' ending the line that starts at off, or len. */
static size_t
line_end(const char *buf, size_t len, size_t off)
{
	const char	*nl;

	nl = memchr(buf + off, '\n', len - off);
	return nl == NULL ? len : (size_t)(nl - buf);
}

long
frontmatter_split(const char *buf, size_t len, size_t *yaml_off,
    size_t *yaml_len)
{
	size_t	 off = 0, ls, le;

	*yaml_off = *yaml_len = 0;
	if (len >= 3 && memcmp(buf, BOM, 3) == 0)
		off = 3;
	le = line_end(buf, len, off);
	if (!line_is(buf + off, le - off, "---"))
		return 0;
	for (ls = le + 1; ls < len; ls = le + 1) {
		le = line_end(buf, len, ls);
		if (line_is(buf + ls, le - ls, "---") ||
		    line_is(buf + ls, le - ls, "...")) {
			*yaml_off = line_end(buf, len, off) + 1;
			*yaml_len = ls - *yaml_off;
			return (long)(le < len ? le + 1 : len);
		}
	}
	return -1;
}

static int
count_lines(const char *s, size_t n)
{
	const char	*nl, *e = s + n;
	int		 lines = 0;

	while ((nl = memchr(s, '\n', (size_t)(e - s))) != NULL) {
		lines++;
		s = nl + 1;
	}
	return lines;
}

/*
 * Read the front matter; 0 when it is no mapping of keys, but text
 * that CommonMark reads as a thematic break or a setext heading
 * ("---\nFoo\n---", spec example 96), to be read as Markdown.
 */
static int
parse_frontmatter(struct article *a, size_t off, size_t len,
    struct diag *d)
{
	struct yamlx	 y;
	yaml_node_t	*root;
	int		 rc = 1;

	if (yamlx_load(&y, a->file, count_lines(a->buf, off),
	    a->buf + off, len, d) == -1)
		goto out;
	if ((root = yamlx_root(&y)) == NULL)
		goto out;
	if (root->type != YAML_MAPPING_NODE) {
		diag_msg(d, DIAG_WARNING, a->file, 1, 1, "'---' opens no front "
		    "matter (its block is %s, not keys and values): read as "
		    "Markdown", yamlx_kind(root));
		rc = 0;
		goto out;
	}
	yamlx_read_keys(&y, root, fm_keys,
	    sizeof(fm_keys) / sizeof(fm_keys[0]), a, a->dir);
out:
	yamlx_free(&y);
	return rc;
}

/* Nodes that cmark_iter enters but never exits. */
static int
is_leaf(cmark_node *n)
{
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_HTML_BLOCK:
	case CMARK_NODE_THEMATIC_BREAK:
	case CMARK_NODE_CODE_BLOCK:
	case CMARK_NODE_TEXT:
	case CMARK_NODE_SOFTBREAK:
	case CMARK_NODE_LINEBREAK:
	case CMARK_NODE_CODE:
	case CMARK_NODE_HTML_INLINE:
		return 1;
	default:
		return 0;
	}
}

/* Move n's children to its place and free it. */
static void
unwrap(cmark_node *n)
{
	cmark_node	*k;

	while ((k = cmark_node_first_child(n)) != NULL)
		cmark_node_insert_before(n, k);
	cmark_node_free(n);
}

/*
 * The tree's depth, without recursion: see ARTICLE_MAXDEPTH.  Blocks
 * cannot nest that deep after mdprep_body(); emphasis and links that
 * do are unwrapped, their text kept, with one warning.  -1 if a block
 * is too deep after all (the tree is then not to be read).
 */
static int
check_depth(struct article *a, struct diag *d)
{
	cmark_iter		*it;
	cmark_event_type	 ev;
	cmark_node		*n, **deep = NULL;
	size_t			 ndeep = 0, i;
	int			 depth = 0, rc = 0;

	it = cmark_iter_new(a->doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_EXIT) {
			depth--;
			continue;
		}
		/* an inline container so deep could hold a leaf too deep */
		if (++depth >= ARTICLE_MAXDEPTH && !is_leaf(n)) {
			if ((cmark_node_get_type(n) & CMARK_NODE_TYPE_MASK) !=
			    CMARK_NODE_TYPE_INLINE) {
				rc = -1;
				break;
			}
			if (ndeep == 0)
				diag_msg(d, DIAG_WARNING, a->file,
				    article_line(a, cmark_node_parent(n)), 0,
				    "nested too deeply: more than %d levels; "
				    "the deeper emphasis and links are dropped",
				    ARTICLE_MAXDEPTH);
			deep = xgrow(deep, ndeep, sizeof(*deep));
			deep[ndeep++] = n;
		}
		if (is_leaf(n))
			depth--;
	}
	cmark_iter_free(it);
	if (rc == -1)
		diag_msg(d, DIAG_ERROR, a->file, article_line(a, n), 0,
		    "nested too deeply: more than %d levels", ARTICLE_MAXDEPTH);
	for (i = 0; rc == 0 && i < ndeep; i++)
		unwrap(deep[i]);
	free(deep);
	return rc;
}

/*
 * Is url a local file that may be a PNG or JPEG?  Not a web address
 * (nor any other "scheme://"), nor an SVG, which the PDF library cannot
 * place: those are valid Markdown, shown by their alt text.
 */
static int
can_load(const char *url)
{
	size_t	 n;

	if (url == NULL || *url == '\0' || strstr(url, "://") != NULL)
		return 0;
	n = strlen(url);
	return !(n >= 4 && strcasecmp(url + n - 4, ".svg") == 0);
}

/*
 * Load the images the body shows, relative to the article.  Only local
 * files are loaded, ARTICLE_MAXIMAGES at most: the document reports the
 * rest when it comes to them.
 */
static void
load_figures(struct article *a)
{
	cmark_iter		*it = cmark_iter_new(a->doc);
	cmark_event_type	 ev;
	cmark_node		*n;
	struct figure		*f;
	struct diag		 held;
	const char		*url;
	char			*path;
	size_t			 nlocal = 0;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER ||
		    cmark_node_get_type(n) != CMARK_NODE_IMAGE)
			continue;
		a->figures = xgrow(a->figures, a->nfigures,
		    sizeof(*a->figures));
		f = &a->figures[a->nfigures++];
		memset(f, 0, sizeof(*f));
		f->node = n;
		f->pos.file = a->file;
		for (; n != NULL && f->pos.line == 0; n = cmark_node_parent(n))
			f->pos.line = article_line(a, n);
		if (f->pos.line == 0)
			f->pos.line = a->body_line;
		f->pos.col = cmark_node_get_start_column(f->node);
		url = cmark_node_get_url(f->node);
		diag_hold(&held, &f->held);
		if (!can_load(url)) {
			f->remote = 1;
			diag_at(&held, DIAG_WARNING, &f->pos, "image '%s': only "
			    "local PNG and JPEG files can be shown; its alt "
			    "text stands in", url ? url : "");
		} else if (nlocal++ < ARTICLE_MAXIMAGES) {
			path = path_join(a->dir, url);
			f->ok = image_load(&f->img, path, &f->pos, &held) == 0;
			free(path);
		}
		diag_hold_end(&held, &f->held);
	}
	cmark_iter_free(it);
}

/*
 * cmark-gfm keeps its extensions in a process-wide registry that is
 * filled once, and not safely from two threads at a time: batch parses
 * articles side by side.
 */
static void
register_extensions(void)
{
	cmark_gfm_core_extensions_ensure_registered();
}

/*
 * The body parsed as GitHub Flavored Markdown, less the extensions that
 * mdprep_body() found too costly for this text (MDPREP_NO_*).
 */
static cmark_node *
gfm_parse(const char *s, size_t len, int without)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	static const struct {
		const char	*name;
		int		 flag;
	} ext[] = {
		{ "table", MDPREP_NO_TABLES },
		{ "strikethrough", 0 },
		{ "autolink", MDPREP_NO_AUTOLINK },
		{ "tasklist", 0 }
	};
	cmark_parser *p;
	cmark_node *doc;
	size_t i;

	pthread_once(&once, register_extensions);
	p = cmark_parser_new(CMARK_OPTS);
	for (i = 0; i < sizeof(ext) / sizeof(ext[0]); i++)
		if ((without & ext[i].flag) == 0)
			cmark_parser_attach_syntax_extension(p,
			    cmark_find_syntax_extension(ext[i].name));
	cmark_parser_feed(p, s, len);
	doc = cmark_parser_finish(p);
	cmark_parser_free(p);
	return doc;
}

/*
 * A title or subtitle with the clinic's details in; whether it names
 * any.  A quoted value's columns count from its quote.
 */
static int
fill_field(struct article *a, char **field, const char *key,
    const struct profile *p, struct diag *d)
{
	struct srcpos	 at;
	char		*out;
	size_t		 n;
	int		 k;

	if (*field == NULL || strstr(*field, "{{") == NULL)
		return 0;
	article_key_pos(a, key, &at);
	k = vars_fill(&at, *field, strlen(*field), p, 0, d, &out, &n);
	free(*field);
	*field = out;
	return k != 0;
}

/*
 * Fill the clinic's details into the title, the subtitle and the body
 * from boff on (vars.h); with no profile, keep the text for each
 * leaflet to fill in.  Here, not in mdprep, so that the values are held
 * to the same limits as the rest of the text.
 */
static void
fill_vars(struct article *a, size_t boff, const char *buf, size_t len,
    const struct profile *p, struct diag *d)
{
	struct srcpos	 at = { a->file, a->body_line, 1 };
	char		*body, *all;
	size_t		 blen;
	int		 n;

	n = fill_field(a, &a->title, "title", p, d);
	n |= fill_field(a, &a->subtitle, "subtitle", p, d);
	n |= vars_fill(&at, a->buf + boff, a->len - boff, p, 0, d, &body,
	    &blen) != 0;
	if (n && p == NULL) {
		a->src = xmalloc(len + 1);
		memcpy(a->src, buf, len);
		a->src[len] = '\0';
		a->srclen = len;
	}
	all = xmalloc(boff + blen + 1);
	memcpy(all, a->buf, boff);
	memcpy(all + boff, body, blen + 1);
	free(body);
	free(a->buf);
	a->buf = all;
	a->len = boff + blen;
}

int
article_parse(struct article *a, const char *file, const char *buf,
    size_t len, struct diag *d)
{
	return article_parse_for(a, file, buf, len, NULL, d);
}

int
article_parse_for(struct article *a, const char *file, const char *buf,
    size_t len, const struct profile *p, struct diag *d)
{
	size_t	 yoff, ylen, boff = 0;
	long	 fm;
	int	 nerr = d->nerr, without;

	memset(a, 0, sizeof(*a));
	a->file = xstrdup(file);
	a->dir = path_dir(file);
	a->slug = path_stem(file);
	a->buf = xmalloc(len + 1);
	memcpy(a->buf, buf, len);
	a->buf[len] = '\0';
	a->len = len;
	a->body_line = 1;

	if (len > ARTICLE_MAXLEN) {
		diag_msg(d, DIAG_ERROR, a->file, 0, 0,
		    "article too large: more than %d bytes", ARTICLE_MAXLEN);
		goto out;
	}
	mdprep_nul(a, d);
	if (yamlx_check_text(a->file, a->buf, a->len, d) == -1)
		goto out;
	if ((fm = frontmatter_split(a->buf, a->len, &yoff, &ylen)) == -1)
		diag_msg(d, DIAG_WARNING, a->file, 1, 1, "'---' opens no front "
		    "matter (no '---' line closes it): read as Markdown");
	if (fm > 0 && parse_frontmatter(a, yoff, ylen, d)) {
		boff = (size_t)fm;
		a->body_line = 1 + count_lines(a->buf, boff);
	} else if (a->len >= 3 && memcmp(a->buf, BOM, 3) == 0)
		boff = 3;
	fill_vars(a, boff, buf, len, p, d);
	without = mdprep_body(a, boff, d);
	a->doc = gfm_parse(a->buf + boff, a->len - boff, without);
	if (check_depth(a, d) == -1) {
		cmark_node_free(a->doc);
		a->doc = NULL;
	} else
		load_figures(a);
out:
	if (a->doc == NULL)
		a->doc = gfm_parse("", 0, 0);
	if (a->lang == NULL)
		a->lang = xstrdup("en");
	return d->nerr > nerr ? -1 : 0;
}

int
article_load(struct article *a, const char *file, struct diag *d)
{
	char	*buf;
	size_t	 len;
	int	 rc;

	if (file_read(file, &buf, &len, d) == -1) {
		memset(a, 0, sizeof(*a));
		return -1;
	}
	rc = article_parse(a, file, buf, len, d);
	free(buf);
	return rc;
}

void
article_free(struct article *a)
{
	size_t	 i;

	free(a->file);
	free(a->dir);
	free(a->slug);
	free(a->buf);
	free(a->title);
	free(a->subtitle);
	free(a->leaflet_id);
	free(a->version);
	free(a->published);
	free(a->review);
	free(a->author);
	free(a->lang);
	free(a->keywords);
	free(a->src);
	if (a->doc != NULL)
		cmark_node_free(a->doc);
	for (i = 0; i < a->nfigures; i++) {
		image_free(&a->figures[i].img);
		diag_held_free(&a->figures[i].held);
	}
	free(a->figures);
	memset(a, 0, sizeof(*a));
}

int
article_line(const struct article *a, cmark_node *n)
{
	int	 line;

	if (n == NULL || (line = cmark_node_get_start_line(n)) <= 0)
		return 0;
	return line + a->body_line - 1;
}

void
article_key_pos(const struct article *a, const char *key,
    struct srcpos *pos)
{
	const char	*s = a->buf, *e = a->buf + a->len, *v;
	size_t		 k = strlen(key);
	int		 line;

	pos->file = a->file;
	pos->line = pos->col = 1;
	for (line = 1; line < a->body_line && s < e; line++) {
		if (strncmp(s, key, k) == 0 && s[k] == ':') {
			for (v = s + k + 1; *v == ' ' || *v == '\t'; v++)
				;
			pos->line = line;
			pos->col = (int)(v - s) + 1;
			return;
		}
		if ((s = memchr(s, '\n', (size_t)(e - s))) == NULL)
			break;
		s++;
	}
}

void
article_vars_missing(const struct article *a, const struct profile *p,
    struct diag *d)
{
	struct srcpos	 at = { a->file, a->body_line, 1 };
	struct srcpos	 fmat = { a->file, 2, 1 };
	size_t		 yoff, ylen, boff = 0, n;
	long		 fm;
	char		*out;

	if (a->src == NULL)
		return;
	/* the body starts where the first parse found it */
	fm = frontmatter_split(a->src, a->srclen, &yoff, &ylen);
	if (fm > 0 && a->body_line > 1) {
		boff = (size_t)fm;
		/* the title and subtitle, in front matter from line 2 */
		vars_fill(&fmat, a->src + yoff, ylen, p, 1, d, &out, &n);
		free(out);
	}
	vars_fill(&at, a->src + boff, a->srclen - boff, p, 1, d, &out, &n);
	free(out);
}
