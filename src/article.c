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
 * The whole text is checked first (UTF-8, no NUL), then the front
 * matter is read through yamlx, then the body is checked against the
 * limits in article.h and handed to cmark-gfm with GitHub's extensions.
 * Errors do not stop the
 * other parts from being read, so one run reports all of them.
 */
#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <yaml.h>

#include "article.h"
#include "diag.h"
#include "fileio.h"
#include "utf8.h"
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

static void
parse_frontmatter(struct article *a, size_t off, size_t len,
    struct diag *d)
{
	struct yamlx	 y;
	yaml_node_t	*root;

	if (yamlx_load(&y, a->file, count_lines(a->buf, off),
	    a->buf + off, len, d) == -1)
		goto out;
	if ((root = yamlx_root(&y)) == NULL)
		goto out;
	if (root->type != YAML_MAPPING_NODE) {
		yamlx_msg(&y, DIAG_ERROR, root, "expected front matter "
		    "keys and values, found %s", yamlx_kind(root));
		goto out;
	}
	yamlx_read_keys(&y, root, fm_keys,
	    sizeof(fm_keys) / sizeof(fm_keys[0]), a, a->dir);
out:
	yamlx_free(&y);
}

/*
 * Can a line open containers at [s, e): a '>', or a list marker and a
 * blank after it?  Returns the marker's length, or 0.
 */
static size_t
marker(const char *s, const char *e)
{
	const char	*p = s;

	if (*p == '>')
		return 1;
	if (*p == '-' || *p == '+' || *p == '*')
		p++;
	else {
		while (p < e && p - s < 10 && *p >= '0' && *p <= '9')
			p++;
		if (p == s || p - s > 9 || p == e || (*p != '.' && *p != ')'))
			return 0;
		p++;
	}
	if (p < e && *p != ' ' && *p != '\t' && *p != '\r')
		return 0;
	return (size_t)(p - s);
}

static int
is_blank(const char *s, const char *e)
{
	for (; s < e; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r')
			return 0;
	return 1;
}

/* A line of nothing but three or more of one of "-*_" and blanks. */
static int
is_break(const char *s, const char *e)
{
	char	 c = 0;
	int	 n = 0;

	for (; s < e; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\r')
			continue;
		if (c == 0 && (*s == '-' || *s == '*' || *s == '_'))
			c = *s;
		if (*s != c)
			return 0;
		n++;
	}
	return n >= 3;
}

/*
 * Where the containers that line [s, e) may open or continue pass
 * ARTICLE_MAXNEST, or NULL.  A list item is continued by at least two
 * columns of indent, a quote by its '>', and a container is opened by
 * its marker, so a line's depth is at most its markers plus half its
 * leading blank columns.
 */
static const char *
too_deep(const char *s, const char *e)
{
	const char	*p;
	size_t		 k, cols = 0, markers = 0;

	if (is_blank(s, e) || is_break(s, e))
		return NULL;
	for (p = s; p < e; p += k) {
		if (*p == ' ')
			cols++, k = 1;
		else if (*p == '\t')
			cols += 4, k = 1;
		else if ((k = marker(p, e)) > 0)
			markers++;
		else
			break;
		if (markers + cols / 2 > ARTICLE_MAXNEST)
			return p;
	}
	return NULL;
}

/* What check_limits() has counted so far. */
struct limits {
	size_t		 brackets;	/* '[' */
	size_t		 at;		/* '@' */
	size_t		 cols;		/* of the table open, or 0 */
	size_t		 rows;		/* lines since its delimiter row */
	int		 pipes;		/* the line before had a '|' */
};

/*
 * A table's delimiter row: '-', ':', '|' and blanks only, with a '-',
 * and a '|' in it or in the header line above.  Returns its columns
 * (the cells between its pipes), or 0.
 */
static size_t
delim_row(const char *s, const char *e, int pipe_above)
{
	size_t	 pipes = 0, dash = 0;
	char	 first = 0, last = 0;

	for (; s < e; s++) {
		if (*s == '|')
			pipes++;
		else if (*s == '-')
			dash++;
		else if (*s != ':' && *s != ' ' && *s != '\t' && *s != '\r')
			return 0;
		if (*s != ' ' && *s != '\t' && *s != '\r') {
			if (first == 0)
				first = *s;
			last = *s;
		}
	}
	if (dash == 0 || (pipes == 0 && !pipe_above))
		return 0;
	return pipes + 1 - (first == '|') - (last == '|');
}

enum limit {
	LIM_NONE = -1,
	LIM_NEST,
	LIM_BRACKETS,
	LIM_AT,
	LIM_PIPES,
	LIM_COLS,
	LIM_CELLS
};

static const struct {
	const char	*msg;
	int		 max;
} limits[] = {
	{ "nested too deeply: more than %d levels", ARTICLE_MAXNEST },
	{ "too many '[': more than %d", ARTICLE_MAXBRACKETS },
	{ "too many '@': more than %d", ARTICLE_MAXAT },
	{ "too many '|' on one line: more than %d", ARTICLE_MAXPIPES },
	{ "table too wide: more than %d columns", ARTICLE_MAXCOLS },
	{ "table too large: more than %d cells", ARTICLE_MAXCELLS }
};

/* Count what line [s, e) adds towards the limits; *at: where one is passed. */
static enum limit
count_line(struct limits *l, const char *s, const char *e, const char **at)
{
	const char	*p;
	size_t		 pipes = 0, cols;

	if ((*at = too_deep(s, e)) != NULL)
		return LIM_NEST;
	for (p = s; p < e; p++) {
		*at = p;
		if (*p == '[' && ++l->brackets > ARTICLE_MAXBRACKETS)
			return LIM_BRACKETS;
		if (*p == '@' && ++l->at > ARTICLE_MAXAT)
			return LIM_AT;
		if (*p == '|' && ++pipes > ARTICLE_MAXPIPES)
			return LIM_PIPES;
	}
	*at = s;
	if (is_blank(s, e))
		l->cols = l->rows = 0;
	else if ((cols = delim_row(s, e, l->pipes)) > 0) {
		if (cols > ARTICLE_MAXCOLS)
			return LIM_COLS;
		if (cols > l->cols)
			l->cols = cols;
	} else if (l->cols > 0 && ++l->rows * l->cols > ARTICLE_MAXCELLS)
		return LIM_CELLS;
	l->pipes = pipes > 0;
	return LIM_NONE;
}

/*
 * Keep cmark-gfm out of its quadratic corners: see the limits in
 * article.h.  Linear in the body.
 */
static int
check_limits(struct article *a, size_t off, struct diag *d)
{
	const char	*s, *e, *at, *end = a->buf + a->len;
	struct limits	 l;
	enum limit	 k;
	int		 line, col;

	memset(&l, 0, sizeof(l));
	for (s = a->buf + off; s < end; s = e + 1) {
		if ((e = memchr(s, '\n', (size_t)(end - s))) == NULL)
			e = end;
		if ((k = count_line(&l, s, e, &at)) != LIM_NONE) {
			utf8_linecol(a->buf, (size_t)(at - a->buf), &line,
			    &col);
			diag_msg(d, DIAG_ERROR, a->file, line, col,
			    limits[k].msg, limits[k].max);
			return -1;
		}
		if (e == end)
			break;
	}
	return 0;
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

/* The tree's depth, without recursion: see ARTICLE_MAXDEPTH. */
static int
check_depth(struct article *a, struct diag *d)
{
	cmark_iter		*it;
	cmark_event_type	 ev;
	cmark_node		*n;
	int			 depth = 0, rc = 0, line;

	it = cmark_iter_new(a->doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_EXIT) {
			depth--;
			continue;
		}
		if (++depth > ARTICLE_MAXDEPTH) {
			for (line = 0; n != NULL && line == 0;
			    n = cmark_node_parent(n))
				line = article_line(a, n);
			diag_msg(d, DIAG_ERROR, a->file, line, 0,
			    "nested too deeply: more than %d levels",
			    ARTICLE_MAXDEPTH);
			rc = -1;
			break;
		}
		if (is_leaf(n))
			depth--;
	}
	cmark_iter_free(it);
	return rc;
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
		if (url == NULL || *url == '\0' || strstr(url, "://") != NULL) {
			f->remote = 1;
			diag_at(&held, DIAG_ERROR, &f->pos, "image '%s': only "
			    "local PNG and JPEG files can be shown",
			    url ? url : "");
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

/* The body parsed as GitHub Flavored Markdown. */
static cmark_node *
gfm_parse(const char *s, size_t len)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	static const char *const ext[] = {
		"table", "strikethrough", "autolink", "tasklist"
	};
	cmark_parser *p;
	cmark_node *doc;
	size_t i;

	pthread_once(&once, register_extensions);
	p = cmark_parser_new(CMARK_OPTS);
	for (i = 0; i < sizeof(ext) / sizeof(ext[0]); i++)
		cmark_parser_attach_syntax_extension(p,
		    cmark_find_syntax_extension(ext[i]));
	cmark_parser_feed(p, s, len);
	doc = cmark_parser_finish(p);
	cmark_parser_free(p);
	return doc;
}

int
article_parse(struct article *a, const char *file, const char *buf,
    size_t len, struct diag *d)
{
	size_t	 yoff, ylen, boff = 0;
	long	 fm;
	int	 nerr = d->nerr;

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
	if (yamlx_check_text(a->file, a->buf, len, d) == -1)
		goto out;
	if ((fm = frontmatter_split(a->buf, len, &yoff, &ylen)) == -1) {
		diag_msg(d, DIAG_ERROR, a->file, 1, 1,
		    "front matter is not closed by '---'");
		goto out;
	}
	if (fm > 0) {
		parse_frontmatter(a, yoff, ylen, d);
		boff = (size_t)fm;
		a->body_line = 1 + count_lines(a->buf, boff);
	} else if (len >= 3 && memcmp(a->buf, BOM, 3) == 0)
		boff = 3;
	if (check_limits(a, boff, d) == -1)
		goto out;
	a->doc = gfm_parse(a->buf + boff, len - boff);
	if (check_depth(a, d) == -1) {
		cmark_node_free(a->doc);
		a->doc = NULL;
	} else
		load_figures(a);
out:
	if (a->doc == NULL)
		a->doc = gfm_parse("", 0);
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
