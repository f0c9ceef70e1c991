/*
 * document: article + profile -> a flat list of styled blocks.
 * The cmark tree is walked with cmark's iterator (no recursion, so no
 * nesting depth can exhaust the stack); containers that change how
 * their children look (lists, items, block quotes) keep their state on
 * a small explicit stack.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "article.h"
#include "document.h"
#include "fileio.h"
#include "fonts.h"
#include "profile.h"
#include "utf8.h"
#include "xalloc.h"

/* Limits against hostile input. */
#define MAX_INDENT_DEPTH	8	/* deeper lists and quotes stop indenting */
#define MAX_BLOCKS		100000
#define MAX_IMAGES		256

/* Type sizes and spacing, in points; everything else is derived. */
#define BODY_SIZE	12.0f
#define BODY_LEADING	17.0f	/* about 1.4 */
#define PARA_SPACE	9.0f
#define LIST_INDENT	20.0f
#define QUOTE_PAD	14.0f
#define CODE_SIZE	10.5f
#define CODE_PAD	10.0f
#define CAPTION_SIZE	10.5f
/*
 * Tight leading for display type, yet no less than the face's ascent plus
 * descent (1.36 em for Noto Sans), so lines never overlap.
 */
#define TIGHT	1.38f

struct style {
	int		 strong;
	int		 emph;
	const char	*link;
};

struct frame {			/* one open container */
	cmark_node_type	 type;
	int		 ordered;
	int		 tight;
	int		 number;	/* next list number */
	char		 delim;
	int		 callout;	/* block quote: its callout */
};

struct slugset {		/* open addressing, a power of two */
	const char	**v;
	size_t		  n;
	size_t		  cap;
};

struct ctx {
	struct document		*doc;
	const struct article	*art;
	const struct profile	*prof;
	const struct font *const *fonts;
	struct diag		*d;
	struct frame		*stack;
	size_t			 depth;
	size_t			 maxdepth;
	struct block		*cur;		/* open text block, or NULL */
	struct style		 st;
	char			*marker;	/* list marker for the next block */
	int			 callout;	/* current callout index + 1 */
	float			 indent;
	int			 item_first;	/* next block is an item's first */
	int			 tight;		/* inside a tight list */
	struct ref {				/* a "#slug" link, to check */
		const char	*slug;
		int		 line;
		int		 col;
	}			*refs;
	size_t			 nrefs;
	struct slugset		 slugs;		/* heading names so far */
	cmark_node		*alert_node;	/* text opening "[!WARNING]" */
	size_t			 alert_skip;	/* bytes of its tag */
	const char		*alert_label;	/* shown instead */
	uint32_t		*warned;	/* code points already warned of */
	size_t			 nwarned;
	int			 err;
};

static const struct rgb TEXT = { 0.10f, 0.10f, 0.10f };
static const struct rgb GREY = { 0.33f, 0.33f, 0.33f };

static struct rgb
tint(struct rgb c, float amount)
{
	struct rgb t;

	t.r = 1.0f - (1.0f - c.r) * amount;
	t.g = 1.0f - (1.0f - c.g) * amount;
	t.b = 1.0f - (1.0f - c.b) * amount;
	return t;
}

static struct block *
add_block(struct ctx *c, enum block_kind kind, enum role role, int line)
{
	struct document *doc = c->doc;
	struct block *b;

	if (doc->nblocks >= MAX_BLOCKS) {
		if (!c->err)
			diag_msg(c->d, DIAG_ERROR, c->art->file, line, 0,
			    "too many blocks (limit %d)", MAX_BLOCKS);
		c->err = 1;
		return NULL;
	}
	doc->blocks = xgrow(doc->blocks, doc->nblocks, sizeof(*doc->blocks));
	b = &doc->blocks[doc->nblocks++];
	memset(b, 0, sizeof(*b));
	b->kind = kind;
	b->role = role;
	b->indent = c->indent;
	b->callout = c->callout;
	b->pos.file = c->art->file;
	b->pos.line = line;
	b->leading = BODY_LEADING;
	b->ascent = BODY_SIZE;
	b->space_before = PARA_SPACE;
	if (c->marker != NULL) {
		b->marker = c->marker;
		b->marker_face = FACE_BOLD;
		b->marker_color = doc->primary;
		b->marker_size = BODY_SIZE;
		c->marker = NULL;
	}
	if (c->item_first) {
		b->role = role == ROLE_P ? ROLE_LI : role;
		if (c->tight)
			b->space_before = 5.0f;
		c->item_first = 0;
	} else if (c->tight && role == ROLE_P)
		b->space_before = 5.0f;
	return b;
}

static struct run *
add_run(struct block *b, const char *s, size_t len, enum face face,
    float size, struct rgb color, const char *link)
{
	struct run *r;

	b->runs = xgrow(b->runs, b->nruns, sizeof(*b->runs));
	r = &b->runs[b->nruns++];
	memset(r, 0, sizeof(*r));
	r->text = xstrndup(s, len);
	r->len = len;
	r->face = face;
	r->size = size;
	r->color = color;
	r->link = link ? xstrdup(link) : NULL;
	return r;
}

/* File line and column of the first enc at or after line `from`. */
static void
find_char(const struct article *a, int from, const char *enc, int *line,
    int *col)
{
	const char *s = a->buf, *p;
	int l = 1;

	for (p = s; *p != '\0' && l < from; p++)
		if (*p == '\n')
			l++;
	if ((p = strstr(p, enc)) == NULL) {
		*line = from;
		*col = 0;
		return;
	}
	utf8_linecol(s, (size_t)(p - s), line, col);
}

/*
 * Warn, once per character, of text s[0..n) a face cannot draw: at its
 * place in the article from line on, or in the profile when line is 0.
 */
static void
check_glyphs(struct ctx *c, enum face face, const char *s, size_t n,
    int line)
{
	const struct font *f = c->fonts[face];
	size_t i = 0, k, j;
	uint32_t cp;
	char enc[5];
	int l, col;

	if (f == NULL)
		return;
	while (i < n) {
		if ((k = utf8_decode(s + i, n - i, &cp)) == 0)
			k = 1, cp = 0xFFFD;
		i += k;
		/* libharu 2.3 writes only BMP characters through UTF-8 */
		if (cp < 0x20 || (cp <= 0xFFFF && font_glyph(f, cp) != 0))
			continue;
		for (j = 0; j < c->nwarned; j++)
			if (c->warned[j] == cp)
				break;
		if (j < c->nwarned)
			continue;
		c->warned = xgrow(c->warned, c->nwarned, sizeof(*c->warned));
		c->warned[c->nwarned++] = cp;
		enc[utf8_encode(cp, enc)] = '\0';
		if (line > 0)
			find_char(c->art, line, enc, &l, &col);
		else
			l = col = 0;	/* from the profile: no place to point */
		diag_msg(c->d, DIAG_WARNING, line > 0 ? c->art->file :
		    c->prof->file, l, col, "character U+%04X '%s' is not in "
		    "font %s", (unsigned)cp, enc, f->name);
	}
}

/* The same for a run the leaflet adds: from the article or the profile. */
static void
check_run(struct ctx *c, const struct run *r, int from_profile)
{
	check_glyphs(c, r->face, r->text, r->len, from_profile ? 0 : 1);
}

static void
text_run(struct ctx *c, const char *s, size_t len, int code, int line)
{
	enum face face;
	struct rgb color = TEXT;
	float size = c->cur->ascent;
	struct run *r;

	if (c->cur->role == ROLE_H) {
		/* levels 1-5 bold, 6 italic; 1-2 in the brand's colour */
		if (c->cur->level == 6)
			face = c->st.strong ? FACE_BOLDITALIC : FACE_ITALIC;
		else
			face = c->st.emph ? FACE_BOLDITALIC : FACE_BOLD;
		color = c->cur->level <= 2 ? c->doc->primary :
		    c->cur->level <= 4 ? TEXT : GREY;
	} else if (c->st.strong && c->st.emph)
		face = FACE_BOLDITALIC;
	else if (c->st.strong)
		face = FACE_BOLD;
	else if (c->st.emph)
		face = FACE_ITALIC;
	else
		face = FACE_REGULAR;
	if (code) {
		face = FACE_MONO;
		size = size * 0.9f;
	}
	if (c->st.link != NULL)
		color = c->doc->primary;
	/* Text in the same style as the run before it joins that run. */
	r = c->cur->nruns ? &c->cur->runs[c->cur->nruns - 1] : NULL;
	if (r != NULL && !r->hardbreak && r->face == face && r->size == size &&
	    memcmp(&r->color, &color, sizeof(color)) == 0 &&
	    (r->link == NULL) == (c->st.link == NULL) &&
	    (r->link == NULL || strcmp(r->link, c->st.link) == 0)) {
		r->text = xrealloc(r->text, r->len + len + 1);
		memcpy(r->text + r->len, s, len);
		r->len += len;
		r->text[r->len] = '\0';
	} else
		add_run(c->cur, s, len, face, size, color, c->st.link);
	check_glyphs(c, face, s, len, line);
}

static int
node_line(const struct ctx *c, cmark_node *n)
{
	cmark_node *p;

	for (p = n; p != NULL; p = cmark_node_parent(p))
		if (cmark_node_get_start_line(p) > 0)
			return article_line(c->art, p);
	return c->art->body_line;
}

static void
set_heading_style(struct block *b, int level)
{
	static const float size[] = { 22, 17, 14, 12.5f, 12, 12 };
	static const float before[] = { 20, 18, 14, 12, 10, 10 };

	b->level = level;
	b->ascent = size[level - 1];
	b->leading = size[level - 1] * TIGHT;
	b->space_before = before[level - 1];
	b->keep_next = 1;
}

static int
new_callout(struct document *doc, enum callout_kind kind, struct rgb fill,
    float pad)
{
	struct callout *co;

	doc->callouts = xgrow(doc->callouts, doc->ncallouts,
	    sizeof(*doc->callouts));
	co = &doc->callouts[doc->ncallouts++];
	co->kind = kind;
	co->fill = fill;
	co->edge = fill;
	co->bar = 0;
	co->pad = pad;
	return (int)doc->ncallouts;
}

/*
 * GitHub's alert syntax, "> [!WARNING]": the tag becomes a bold label,
 * as if the author had written "**Warning:**".  Returns 1 for the
 * urgent kinds.  The article itself is left as it is: it is shared by
 * every leaflet made from it.
 */
static int
alert(struct ctx *c, cmark_node *text, const char *lit)
{
	static const struct {
		const char	*tag;
		const char	*label;
		int		 urgent;
	} tags[] = {
		{ "[!NOTE]", "Note: ", 0 },
		{ "[!TIP]", "Tip: ", 0 },
		{ "[!IMPORTANT]", "Important: ", 0 },
		{ "[!WARNING]", "Warning: ", 1 },
		{ "[!CAUTION]", "Caution: ", 1 },
	};
	size_t i, n;

	for (i = 0; i < sizeof(tags) / sizeof(tags[0]); i++) {
		n = strlen(tags[i].tag);
		if (strncmp(lit, tags[i].tag, n) != 0)
			continue;
		while (lit[n] == ' ')
			n++;
		c->alert_node = text;
		c->alert_skip = n;
		c->alert_label = tags[i].label;
		return tags[i].urgent;
	}
	return 0;
}

/*
 * A block quote is a callout.  One that opens with "**Warning:**" or
 * "[!WARNING]" (also [!CAUTION]) is urgent.
 */
static int
open_callout(struct ctx *c, cmark_node *quote)
{
	struct document *doc = c->doc;
	cmark_node *para = cmark_node_first_child(quote), *first;
	const char *lit;
	int warn = 0, idx;

	if (para != NULL && cmark_node_get_type(para) == CMARK_NODE_PARAGRAPH &&
	    (first = cmark_node_first_child(para)) != NULL) {
		if (cmark_node_get_type(first) == CMARK_NODE_STRONG &&
		    cmark_node_first_child(first) != NULL &&
		    (lit = cmark_node_get_literal(cmark_node_first_child(first)))
		    != NULL && strncmp(lit, "Warning", 7) == 0)
			warn = 1;
		if (cmark_node_get_type(first) == CMARK_NODE_TEXT &&
		    (lit = cmark_node_get_literal(first)) != NULL)
			warn |= alert(c, first, lit);
	}
	if (warn) {
		idx = new_callout(doc, CALLOUT_WARNING,
		    (struct rgb){ 0.99f, 0.93f, 0.92f }, QUOTE_PAD);
		doc->callouts[idx - 1].edge = (struct rgb){ 0.75f, 0.11f, 0.10f };
	} else {
		idx = new_callout(doc, CALLOUT_NOTE, tint(doc->primary, 0.09f),
		    QUOTE_PAD);
		doc->callouts[idx - 1].edge = doc->primary;
	}
	doc->callouts[idx - 1].bar = 4.0f;
	return idx;
}


static void
push(struct ctx *c, cmark_node_type type)
{
	if (c->depth == c->maxdepth) {
		c->maxdepth = c->maxdepth ? c->maxdepth * 2 : 16;
		c->stack = xreallocarray(c->stack, c->maxdepth,
		    sizeof(*c->stack));
	}
	memset(&c->stack[c->depth], 0, sizeof(c->stack[0]));
	c->stack[c->depth].type = type;
	c->depth++;
}

/* Indentation follows nesting only so deep; past it, blocks line up. */
static float
indent_for(const struct ctx *c)
{
	size_t i, n = 0;
	float x = 0;

	for (i = 0; i < c->depth && n < MAX_INDENT_DEPTH; i++) {
		if (c->stack[i].type == CMARK_NODE_LIST) {
			x += LIST_INDENT;
			n++;
		} else if (c->stack[i].type == CMARK_NODE_BLOCK_QUOTE && i > 0 &&
		    c->stack[i].callout == 0) {
			x += QUOTE_PAD;
			n++;
		}
	}
	return x;
}

static struct frame *
innermost_list(struct ctx *c)
{
	size_t i;

	for (i = c->depth; i > 0; i--)
		if (c->stack[i - 1].type == CMARK_NODE_LIST)
			return &c->stack[i - 1];
	return NULL;
}

static void
enter_item(struct ctx *c)
{
	static const char *bullets[] = { "\xe2\x80\xa2", "\xe2\x80\x93" };
	struct frame *l = innermost_list(c);
	size_t level = 0, i;

	for (i = 0; i < c->depth; i++)
		if (c->stack[i].type == CMARK_NODE_LIST)
			level++;
	free(c->marker);
	if (l != NULL && l->ordered)
		c->marker = xasprintf("%d%c", l->number++, l->delim);
	else
		c->marker = xstrdup(bullets[(level + 1) % 2]);
	c->item_first = 1;
}

static void
recompute(struct ctx *c)
{
	size_t i;

	c->indent = indent_for(c);
	c->callout = 0;
	c->tight = 0;
	for (i = 0; i < c->depth; i++) {
		if (c->stack[i].callout)
			c->callout = c->stack[i].callout;
		if (c->stack[i].type == CMARK_NODE_LIST)
			c->tight = c->stack[i].tight;
	}
	if (c->callout)
		c->indent += QUOTE_PAD;
}

/* An item whose first child is not text still shows its marker. */
static void
flush_marker(struct ctx *c, int line)
{
	struct block *b;

	if (c->marker == NULL)
		return;
	if ((b = add_block(c, BLK_TEXT, ROLE_LI, line)) != NULL)
		b->keep_next = 1;
}

static char *
plain_text(cmark_node *n)
{
	cmark_iter *it = cmark_iter_new(n);
	cmark_event_type ev;
	size_t len = 0;
	char *s = xstrdup("");

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *k = cmark_iter_get_node(it);
		const char *lit;
		size_t l;

		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(k)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			lit = cmark_node_get_literal(k);
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			lit = " ";
			break;
		default:
			continue;
		}
		l = strlen(lit);
		s = xrealloc(s, len + l + 1);
		memcpy(s + len, lit, l + 1);
		len += l;
	}
	cmark_iter_free(it);
	return s;
}

static void
add_image(struct ctx *c, cmark_node *n)
{
	struct document *doc = c->doc;
	struct block *b;
	const char *url = cmark_node_get_url(n);
	struct srcpos pos;
	char *path, *alt;
	int line = node_line(c, n);

	pos.file = c->art->file;
	pos.line = line;
	pos.col = cmark_node_get_start_column(n);
	if (url == NULL || *url == '\0' || strstr(url, "://") != NULL) {
		diag_at(c->d, DIAG_ERROR, &pos,
		    "image '%s': only local PNG and JPEG files can be shown",
		    url ? url : "");
		c->err = 1;
		return;
	}
	if (doc->nimages >= MAX_IMAGES) {
		diag_at(c->d, DIAG_ERROR, &pos, "too many images (limit %d)",
		    MAX_IMAGES);
		c->err = 1;
		return;
	}
	doc->images = xgrow(doc->images, doc->nimages, sizeof(*doc->images));
	path = path_join(c->art->dir, url);
	if (image_load(&doc->images[doc->nimages], path, &pos, c->d) == -1) {
		free(path);
		c->err = 1;
		return;
	}
	free(path);
	doc->nimages++;
	flush_marker(c, line);
	if ((b = add_block(c, BLK_IMAGE, ROLE_FIGURE, line)) == NULL)
		return;
	b->image = (int)doc->nimages;
	b->nosplit = 1;
	b->ascent = CAPTION_SIZE;
	b->leading = CAPTION_SIZE * TIGHT;
	alt = plain_text(n);
	if (*alt != '\0')
		add_run(b, alt, strlen(alt), FACE_ITALIC, CAPTION_SIZE, GREY,
		    NULL);
	free(alt);
}

/*
 * A link whose text does not show where it goes gets the address after
 * it, since a printed page cannot be clicked.
 */
static void
link_suffix(struct ctx *c, cmark_node *link)
{
	const char *url = cmark_node_get_url(link), *shown;
	char *text;

	if (url == NULL || url[0] == '#' || url[0] == '\0')
		return;
	shown = url;
	if (strncmp(shown, "mailto:", 7) == 0)
		shown += 7;
	else if (strncmp(shown, "tel:", 4) == 0)
		shown += 4;
	else if (strncmp(shown, "https://", 8) == 0)
		shown += 8;
	else if (strncmp(shown, "http://", 7) == 0)
		shown += 7;
	text = plain_text(link);
	if (strncmp(url, "tel:", 4) == 0) {
		/* a number written out in the text is its own address */
		size_t digits = 0;
		const char *s;

		for (s = text; *s != '\0'; s++)
			digits += *s >= '0' && *s <= '9';
		if (digits >= 7)
			shown = text;
	}
	if (strstr(text, shown) == NULL) {
		text_run(c, " (", 2, 0, node_line(c, link));
		c->st.link = url;
		text_run(c, shown, strlen(shown), 0, node_line(c, link));
		c->st.link = NULL;
		text_run(c, ")", 1, 0, node_line(c, link));
	}
	free(text);
}

static void
leaf(struct ctx *c, cmark_node *n)
{
	const char *lit;
	struct block *b;
	int line = node_line(c, n);
	size_t len;

	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_CODE_BLOCK:
		flush_marker(c, line);
		if ((b = add_block(c, BLK_TEXT, ROLE_CODE, line)) == NULL)
			return;
		if (b->callout == 0) {
			b->callout = new_callout(c->doc, CALLOUT_CODE,
			    (struct rgb){ 0.95f, 0.95f, 0.94f }, CODE_PAD);
			b->indent += CODE_PAD;
		}
		b->pre = 1;
		b->ascent = CODE_SIZE;
		b->leading = CODE_SIZE * TIGHT;
		lit = cmark_node_get_literal(n);
		len = strlen(lit);
		while (len > 0 && lit[len - 1] == '\n')
			len--;
		c->cur = b;
		text_run(c, lit, len, 1, line);
		b->runs[0].size = CODE_SIZE;
		c->cur = NULL;
		break;
	case CMARK_NODE_THEMATIC_BREAK:
		flush_marker(c, line);
		if ((b = add_block(c, BLK_RULE, ROLE_RULE, line)) != NULL) {
			b->leading = 12.0f;
			b->space_before = 14.0f;
		}
		break;
	case CMARK_NODE_HTML_BLOCK:
		diag_msg(c->d, DIAG_WARNING, c->art->file, line,
		    cmark_node_get_start_column(n), "raw HTML dropped");
		break;
	default:
		break;
	}
}

static void
inline_node(struct ctx *c, cmark_node *n, cmark_event_type ev,
    cmark_iter *it)
{
	const char *lit;
	struct run *r;

	if (c->cur == NULL)
		return;
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_TEXT:
		lit = cmark_node_get_literal(n);
		if (n == c->alert_node) {
			c->st.strong++;
			text_run(c, c->alert_label, strlen(c->alert_label), 0,
			    node_line(c, n));
			c->st.strong--;
			lit += c->alert_skip;
			c->alert_node = NULL;
		}
		text_run(c, lit, strlen(lit), 0, node_line(c, n));
		break;
	case CMARK_NODE_CODE:
		lit = cmark_node_get_literal(n);
		text_run(c, lit, strlen(lit), 1, node_line(c, n));
		break;
	case CMARK_NODE_SOFTBREAK:
		text_run(c, " ", 1, 0, 0);
		break;
	case CMARK_NODE_LINEBREAK:
		r = add_run(c->cur, "", 0, FACE_REGULAR, c->cur->ascent, TEXT,
		    NULL);
		r->hardbreak = 1;
		break;
	case CMARK_NODE_EMPH:
		c->st.emph += ev == CMARK_EVENT_ENTER ? 1 : -1;
		break;
	case CMARK_NODE_STRONG:
		c->st.strong += ev == CMARK_EVENT_ENTER ? 1 : -1;
		break;
	case CMARK_NODE_LINK:
		if (ev == CMARK_EVENT_ENTER) {
			c->st.link = cmark_node_get_url(n);
			if (c->st.link != NULL && c->st.link[0] == '#') {
				c->refs = xgrow(c->refs, c->nrefs,
				    sizeof(*c->refs));
				c->refs[c->nrefs].slug = c->st.link + 1;
				c->refs[c->nrefs].line = node_line(c, n);
				c->refs[c->nrefs++].col =
				    cmark_node_get_start_column(n);
			}
		} else {
			c->st.link = NULL;
			link_suffix(c, n);
		}
		break;
	case CMARK_NODE_IMAGE:
		/* An image ends the paragraph around it and stands alone. */
		{
			struct block *open = c->cur;
			enum role role = open->role;
			int line = node_line(c, n);

			c->cur = NULL;
			add_image(c, n);
			cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
			if ((c->cur = add_block(c, BLK_TEXT, role, line)) != NULL)
				c->cur->space_before = PARA_SPACE;
		}
		break;
	case CMARK_NODE_HTML_INLINE:
		diag_msg(c->d, DIAG_WARNING, c->art->file, node_line(c, n),
		    cmark_node_get_start_column(n), "raw HTML dropped");
		break;
	default:
		break;
	}
}

static uint64_t
str_hash(const char *s)
{
	uint64_t h = 0xcbf29ce484222325u;

	while (*s != '\0')
		h = (h ^ (unsigned char)*s++) * 0x100000001b3u;
	return h;
}

/* The set of heading names (pointers to the blocks' slugs). */
static const char *
slug_find(const struct slugset *set, const char *s)
{
	size_t i;

	if (set->cap == 0)
		return NULL;
	for (i = str_hash(s) & (set->cap - 1); set->v[i] != NULL;
	    i = (i + 1) & (set->cap - 1))
		if (strcmp(set->v[i], s) == 0)
			return set->v[i];
	return NULL;
}

static void
slug_add(struct slugset *set, const char *s)
{
	const char **old = set->v;
	size_t i, oldcap = set->cap;

	if (2 * (set->n + 1) > set->cap) {	/* keep it half empty */
		set->cap = set->cap ? set->cap * 2 : 64;
		set->v = xcalloc(set->cap, sizeof(*set->v));
		set->n = 0;
		for (i = 0; i < oldcap; i++)
			if (old[i] != NULL)
				slug_add(set, old[i]);
		free(old);
	}
	for (i = str_hash(s) & (set->cap - 1); set->v[i] != NULL;
	    i = (i + 1) & (set->cap - 1))
		;
	set->v[i] = s;
	set->n++;
}

/*
 * A heading's name, as GitHub makes them: lowercase, spaces to hyphens,
 * punctuation dropped; a second "side-effects" becomes "side-effects-1".
 */
static void
name_heading(struct ctx *c, struct block *b, cmark_node *n)
{
	char *text = plain_text(n), *slug, *s, *t, *u;
	size_t k, seq = 0;
	uint32_t cp;

	slug = xmalloc(strlen(text) + 24);
	for (s = text, t = slug; *s != '\0'; s += k) {
		if ((k = utf8_decode(s, strlen(s), &cp)) == 0)
			k = 1, cp = '?';
		if (cp == ' ' || cp == '-')
			*t++ = '-';
		else if (cp == '_' || (cp >= '0' && cp <= '9') ||
		    (cp >= 'a' && cp <= 'z'))
			*t++ = (char)cp;
		else if (cp >= 'A' && cp <= 'Z')
			*t++ = (char)(cp + 32);
		else if (cp >= 0x80 && cp != 0x2019 && cp != 0x2018 &&
		    cp != 0x201C && cp != 0x201D && cp != 0x2013 &&
		    cp != 0x2014) {
			memcpy(t, s, k);	/* letters of other scripts */
			t += k;
		}
	}
	*t = '\0';
	u = xstrdup(slug);
	while (slug_find(&c->slugs, u) != NULL) {
		free(u);
		u = xasprintf("%s-%zu", slug, ++seq);
	}
	b->slug = u;
	slug_add(&c->slugs, u);
	free(slug);
	free(text);
}

/* Every "#slug" link must name a heading of the article. */
static void
check_refs(struct ctx *c)
{
	size_t i;

	for (i = 0; i < c->nrefs; i++)
		if (slug_find(&c->slugs, c->refs[i].slug) == NULL)
			diag_msg(c->d, DIAG_WARNING, c->art->file,
			    c->refs[i].line, c->refs[i].col,
			    "link to '#%s': no heading has that name",
			    c->refs[i].slug);
}

static void
walk(struct ctx *c, cmark_node *root, cmark_node *skip)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	cmark_node *n;
	struct block *b;

	while (!c->err && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (n == skip) {
			cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
			continue;
		}
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_DOCUMENT:
			break;
		case CMARK_NODE_BLOCK_QUOTE:
		case CMARK_NODE_LIST:
		case CMARK_NODE_ITEM:
			if (ev == CMARK_EVENT_EXIT) {
				c->depth--;
				recompute(c);
				break;
			}
			push(c, cmark_node_get_type(n));
			if (cmark_node_get_type(n) == CMARK_NODE_BLOCK_QUOTE) {
				/* Callouts do not nest: an inner quote indents. */
				if (c->callout == 0)
					c->stack[c->depth - 1].callout =
					    open_callout(c, n);
				flush_marker(c, node_line(c, n));
			} else if (cmark_node_get_type(n) == CMARK_NODE_LIST) {
				struct frame *f = &c->stack[c->depth - 1];

				f->ordered = cmark_node_get_list_type(n) ==
				    CMARK_ORDERED_LIST;
				f->number = cmark_node_get_list_start(n);
				f->delim = cmark_node_get_list_delim(n) ==
				    CMARK_PAREN_DELIM ? ')' : '.';
				f->tight = cmark_node_get_list_tight(n);
				if (c->marker != NULL)
					flush_marker(c, node_line(c, n));
			} else
				enter_item(c);
			recompute(c);
			if (cmark_node_get_type(n) == CMARK_NODE_LIST &&
			    c->doc->nblocks > 0 && !c->item_first) {
				b = &c->doc->blocks[c->doc->nblocks - 1];
				/* An introducing sentence stays with the list. */
				if (b->nruns > 0 && b->runs[b->nruns - 1].len > 0 &&
				    b->runs[b->nruns - 1].text[
				    b->runs[b->nruns - 1].len - 1] == ':')
					b->keep_next = 1;
			}
			break;
		case CMARK_NODE_PARAGRAPH:
		case CMARK_NODE_HEADING:
			if (ev == CMARK_EVENT_EXIT) {
				if (c->cur != NULL && c->cur->role == ROLE_H)
					name_heading(c, c->cur, n);
				c->cur = NULL;
				break;
			}
			if (cmark_node_get_type(n) == CMARK_NODE_HEADING) {
				flush_marker(c, node_line(c, n));
				b = add_block(c, BLK_TEXT, ROLE_H, node_line(c, n));
				if (b != NULL)
					set_heading_style(b,
					    cmark_node_get_heading_level(n));
			} else
				b = add_block(c, BLK_TEXT, ROLE_P, node_line(c, n));
			if (b != NULL && b->callout && c->depth > 0 &&
			    cmark_node_previous(n) == NULL &&
			    cmark_node_get_type(cmark_node_parent(n)) ==
			    CMARK_NODE_BLOCK_QUOTE)
				b->space_before = PARA_SPACE;
			c->cur = b;
			break;
		default:
			if (cmark_node_get_type(n) >= CMARK_NODE_FIRST_INLINE)
				inline_node(c, n, ev, it);
			else if (ev == CMARK_EVENT_ENTER)
				leaf(c, n);
			break;
		}
	}
	cmark_iter_free(it);
}

static void
text_block(struct ctx *c, enum role role, const char *s, enum face face,
    float size, struct rgb color, float space)
{
	struct block *b;

	if ((b = add_block(c, BLK_TEXT, role, 0)) == NULL)
		return;
	b->ascent = size;
	b->leading = size * TIGHT;
	b->space_before = space;
	c->cur = b;
	add_run(b, s, strlen(s), face, size, color, NULL);
	check_run(c, &b->runs[0], 0);
	c->cur = NULL;
}

/* "2026-11-01" -> "1 Nov 2026"; anything else is shown as given. */
static char *
format_date(const char *iso)
{
	static const char *months[] = { "January", "February", "March",
	    "April", "May", "June", "July", "August", "September",
	    "October", "November", "December" };
	int y, m, d;

	if (iso == NULL)
		return NULL;
	if (sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) == 3 && m >= 1 && m <= 12)
		return xasprintf("%d %.3s %d", d, months[m - 1], y);
	return xstrdup(iso);
}

/*
 * One "Label: value" of the contact box; items after the first on a line
 * follow a middle dot, and the value is a link when uri is set.
 */
static void
contact_item(struct ctx *c, struct block *b, int first, const char *label,
    const char *value, const char *uri)
{
	static const char sep[] = "\xc2\xa0\xc2\xb7 ";	/* nbsp, middle dot */

	if (value == NULL)
		return;
	if (!first)
		add_run(b, sep, strlen(sep), FACE_REGULAR, BODY_SIZE, GREY, NULL);
	add_run(b, label, strlen(label), FACE_BOLD, BODY_SIZE, TEXT, NULL);
	add_run(b, value, strlen(value), FACE_REGULAR, BODY_SIZE,
	    uri ? c->doc->primary : TEXT, uri);
	check_run(c, &b->runs[b->nruns - 1], 1);
}

static void
hard_break(struct block *b)
{
	add_run(b, "", 0, FACE_REGULAR, BODY_SIZE, TEXT, NULL)->hardbreak = 1;
}

/* s with its spaces made no-break spaces; caller frees. */
static char *
nobreak(const char *s)
{
	char *out = xmalloc(2 * strlen(s) + 1), *o = out;

	for (; *s != '\0'; s++)
		if (*s == ' ') {
			*o++ = '\xc2';
			*o++ = '\xa0';
		} else
			*o++ = *s;
	*o = '\0';
	return out;
}

/* tel: URIs carry only digits and a leading plus. */
static char *
tel_uri(const char *phone)
{
	char *uri = xmalloc(strlen(phone) + 5), *t = uri + 4;
	const char *s;

	memcpy(uri, "tel:", 4);
	for (s = phone; *s != '\0'; s++)
		if ((*s >= '0' && *s <= '9') || (*s == '+' && t == uri + 4))
			*t++ = *s;
	*t = '\0';
	return uri;
}

/* The leaflet's end: how to reach the clinic, and its governance line. */
static void
closing(struct ctx *c, const struct profile *p)
{
	const struct article *a = c->art;
	struct block *b;
	char *pub, *rev, *gov, *tel, *mail, *web, *nb;
	size_t i;

	c->depth = 0;
	recompute(c);
	c->callout = new_callout(c->doc, CALLOUT_CONTACT,
	    tint(c->doc->primary, 0.09f), QUOTE_PAD);
	c->indent = QUOTE_PAD;
	text_block(c, ROLE_CONTACT, "Contact us", FACE_BOLD, 14.0f,
	    c->doc->primary, 22.0f);
	c->doc->blocks[c->doc->nblocks - 1].keep_next = 1;
	if ((b = add_block(c, BLK_TEXT, ROLE_CONTACT, 0)) == NULL)
		return;
	b->space_before = 3.0f;
	b->nosplit = 1;
	b->keep_next = 1;
	add_run(b, p->name, strlen(p->name), FACE_BOLD, BODY_SIZE, TEXT, NULL);
	/* an address line breaks only between its parts: no "Suite / 200" */
	for (i = 0; i < p->naddress; i++) {
		add_run(b, ", ", 2, FACE_REGULAR, BODY_SIZE, TEXT, NULL);
		nb = nobreak(p->address[i]);
		add_run(b, nb, strlen(nb), FACE_REGULAR, BODY_SIZE, TEXT, NULL);
		check_run(c, &b->runs[b->nruns - 1], 1);
		free(nb);
	}
	hard_break(b);
	tel = p->phone ? tel_uri(p->phone) : NULL;
	mail = p->email ? xasprintf("mailto:%s", p->email) : NULL;
	web = p->website == NULL ? NULL : strstr(p->website, "://") ?
	    xstrdup(p->website) : xasprintf("https://%s", p->website);
	contact_item(c, b, 1, "Phone: ", p->phone, tel);
	contact_item(c, b, p->phone == NULL, "Email: ", p->email, mail);
	if (p->website != NULL)
		hard_break(b);
	contact_item(c, b, 1, "Website: ", p->website, web);
	free(tel);
	free(mail);
	free(web);
	c->callout = 0;
	c->indent = 0;

	pub = format_date(a->published);
	rev = format_date(a->review);
	gov = xasprintf("%s%s%s%s%s%s%s%s",
	    a->leaflet_id ? "Leaflet " : "", a->leaflet_id ? a->leaflet_id : "",
	    a->version ? "  \xc2\xb7  Version " : "", a->version ? a->version : "",
	    pub ? "  \xc2\xb7  Published " : "", pub ? pub : "",
	    rev ? "  \xc2\xb7  Review by " : "", rev ? rev : "");
	if (*gov != '\0')
		text_block(c, ROLE_GOVERNANCE, gov[0] == ' ' ? gov + 5 : gov,
		    FACE_REGULAR, 10.0f, GREY, 12.0f);
	free(gov);
	free(pub);
	free(rev);
}

/* "2026-11-01" as seconds since 1970 at midnight UTC; -1 for none. */
static long long
iso_seconds(const char *iso)
{
	static const int before[] = { 0, 31, 59, 90, 120, 151, 181, 212, 243,
	    273, 304, 334 };
	int y, m, d;
	long long days;

	if (iso == NULL || sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
	    m < 1 || m > 12 || y < 1970)
		return -1;
	days = (long long)(y - 1970) * 365 + (y - 1969) / 4 - (y - 1901) / 100 +
	    (y - 1601) / 400 + before[m - 1] + d - 1;
	if (m > 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		days++;
	return days * 86400;
}

int
document_build(struct document *doc, const struct article *a,
    const struct profile *p, const struct font *const *fonts,
    struct diag *d)
{
	struct ctx c;
	struct block *b;
	cmark_node *first, *skip = NULL;
	char *title = NULL;

	memset(doc, 0, sizeof(*doc));
	memset(&c, 0, sizeof(c));
	c.doc = doc;
	c.art = a;
	c.prof = p;
	c.fonts = fonts;
	c.d = d;
	doc->body_size = BODY_SIZE;
	doc->justify = p->justify;
	doc->pdfa = p->pdfa;
	doc->primary = p->primary;
	doc->accent = p->accent;
	doc->text = TEXT;
	if (p->paper == PAPER_LETTER) {
		doc->page_width = 612.0f;
		doc->page_height = 792.0f;
	} else {
		doc->page_width = 595.276f;
		doc->page_height = 841.89f;
	}

	/* Without a title in front matter, a leading level-1 heading is it. */
	first = cmark_node_first_child(a->doc);
	if (a->title != NULL)
		title = xstrdup(a->title);
	else if (first != NULL &&
	    cmark_node_get_type(first) == CMARK_NODE_HEADING &&
	    cmark_node_get_heading_level(first) == 1) {
		title = plain_text(first);
		skip = first;
	} else
		title = xstrdup(a->slug);
	doc->title = title;
	doc->subtitle = a->subtitle ? xstrdup(a->subtitle) : NULL;
	doc->author = xstrdup(p->name);
	doc->lang = xstrdup(a->lang ? a->lang : "en");
	doc->published = a->published ? xstrdup(a->published) : NULL;
	doc->keywords = a->keywords ? xstrdup(a->keywords) : NULL;
	doc->captions = a->captions;
	doc->date = iso_seconds(a->published);
	doc->brand_name = xstrdup(p->name);
	doc->brand_tagline = p->tagline ? xstrdup(p->tagline) : NULL;
	doc->footer = p->phone ? xasprintf("%s  \xc2\xb7  %s", p->name, p->phone) :
	    xstrdup(p->name);

	/* Page 1 opens with the brand, then the title. */
	if (p->logo != NULL) {
		doc->images = xcalloc(1, sizeof(*doc->images));
		if (image_load(&doc->images[0], p->logo, &p->logo_pos, d) == -1)
			return -1;
		doc->nimages = 1;
	}
	if ((b = add_block(&c, BLK_BRAND, ROLE_BRAND, 0)) == NULL)
		return -1;
	b->image = p->logo ? 1 : 0;
	b->space_before = 0;
	b->keep_next = 1;
	add_run(b, p->name, strlen(p->name), FACE_BOLD, 17.0f, p->primary, NULL);
	check_run(&c, &b->runs[0], 1);
	if (p->tagline != NULL) {
		add_run(b, "", 0, FACE_REGULAR, 11.5f, GREY, NULL)->hardbreak = 1;
		add_run(b, p->tagline, strlen(p->tagline), FACE_REGULAR, 11.5f,
		    GREY, NULL);
		check_run(&c, &b->runs[2], 1);
	}
	text_block(&c, ROLE_TITLE, title, FACE_BOLD, 26.0f, TEXT, 26.0f);
	doc->blocks[doc->nblocks - 1].keep_next = 1;
	if (a->subtitle != NULL) {
		text_block(&c, ROLE_SUBTITLE, a->subtitle, FACE_REGULAR, 15.0f,
		    p->primary, 4.0f);
		doc->blocks[doc->nblocks - 1].keep_next = 1;
	}

	walk(&c, a->doc, skip);
	check_refs(&c);
	if (!c.err)
		closing(&c, p);
	free(c.refs);
	free(c.slugs.v);
	free(c.stack);
	free(c.marker);
	free(c.warned);
	return c.err ? -1 : 0;
}

void
document_free(struct document *doc)
{
	size_t i, j;

	for (i = 0; i < doc->nblocks; i++) {
		for (j = 0; j < doc->blocks[i].nruns; j++) {
			free(doc->blocks[i].runs[j].text);
			free(doc->blocks[i].runs[j].link);
		}
		free(doc->blocks[i].runs);
		free(doc->blocks[i].marker);
		free(doc->blocks[i].slug);
	}
	free(doc->blocks);
	free(doc->callouts);
	for (i = 0; i < doc->nimages; i++)
		image_free(&doc->images[i]);
	free(doc->images);
	free(doc->title);
	free(doc->subtitle);
	free(doc->author);
	free(doc->lang);
	free(doc->published);
	free(doc->keywords);
	free(doc->footer);
	free(doc->brand_name);
	free(doc->brand_tagline);
	memset(doc, 0, sizeof(*doc));
}
