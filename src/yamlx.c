/*
 * A thin layer over libyaml's document loader: see yamlx.h.
 *
 * The text is parsed twice.  A first pass over the event stream
 * refuses what the document loader would accept but a reader should
 * not have to fear: aliases (the loader shares the anchored node, so a
 * "billion laughs" is a small graph that a naive walk expands, and
 * "&a [*a]" is a cycle), nesting deeper than YAMLX_MAXDEPTH, and a
 * second document.  Both passes are linear, and the first stops at the
 * first problem, before the loader allocates anything.
 */
#include <limits.h>
#include <stdlib.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <yaml.h>

#include "diag.h"
#include "utf8.h"
#include "yamlx.h"

static void
mark_pos(const struct yamlx *y, const yaml_mark_t *m, struct srcpos *pos)
{
	pos->file = y->file;
	pos->line = m->line >= (size_t)(INT_MAX - y->line_off) ?
	    0 : (int)m->line + 1 + y->line_off;
	pos->col = m->column >= (size_t)INT_MAX ? 0 : (int)m->column + 1;
}

/*
 * In the lines before lines (0-based) of a flow mapping or list, the
 * last ':' followed by blanks and an unquoted '#': "{ primary: #6A1B9A }"
 * is a comment to YAML, so the mapping is never closed and libyaml's
 * message ("did not find expected ',' or '}'") names no cause.  Sets
 * *off to the '#'.
 */
static int
flow_comment(const struct yamlx *y, size_t lines, size_t *off)
{
	size_t	 i, line = 0;
	int	 flow = 0, found = 0;
	char	 q = 0;

	for (i = 0; i < y->len && line <= lines; i++) {
		if (y->buf[i] == '\n') {
			line++;
			q = 0;
		} else if (q != 0) {
			if (y->buf[i] == q)
				q = 0;
		} else if (y->buf[i] == '"' || y->buf[i] == '\'')
			q = y->buf[i];
		else if (y->buf[i] == '{' || y->buf[i] == '[')
			flow++;
		else if ((y->buf[i] == '}' || y->buf[i] == ']') && flow > 0)
			flow--;
		else if (y->buf[i] == ':' && flow > 0) {
			while (i + 1 < y->len && (y->buf[i + 1] == ' ' ||
			    y->buf[i + 1] == '\t'))
				i++;
			if (i + 1 < y->len && y->buf[i + 1] == '#' &&
			    y->buf[i] != ':') {
				*off = i + 1;
				found = 1;
			}
		} else if (y->buf[i] == '#' && i > 0 && (y->buf[i - 1] == ' ' ||
		    y->buf[i - 1] == '\t'))
			while (i + 1 < y->len && y->buf[i + 1] != '\n')
				i++;	/* a comment */
	}
	return found;
}

/* "colour #6A1B9A must be quoted", at the '#' flow_comment() found. */
static void
flow_comment_msg(struct yamlx *y, size_t off)
{
	struct srcpos	 pos;
	char		 show[YAMLX_SHOWMAX];
	size_t		 end, hex;

	for (end = off + 1, hex = 0; end < y->len &&
	    strchr(" \t\r\n,}]", y->buf[end]) == NULL; end++)
		hex += strchr("0123456789abcdefABCDEF", y->buf[end]) != NULL;
	pos.file = y->file;
	utf8_linecol(y->buf, off, &pos.line, &pos.col);
	pos.line += y->line_off;
	diag_at(y->d, DIAG_ERROR, &pos, "%s #%s must be quoted: an unquoted "
	    "'#' starts a YAML comment", hex == 6 && end - off == 7 ?
	    "colour" : "value", yamlx_show(y->buf + off + 1, end - off - 1,
	    show));
}

/* Report what libyaml found wrong, where it found it. */
static void
parse_error(struct yamlx *y, const yaml_parser_t *p)
{
	struct srcpos	 pos, ctx;
	const char	*problem;
	size_t		 off;

	problem = p->problem != NULL ? p->problem : "malformed YAML";
	switch (p->error) {
	case YAML_MEMORY_ERROR:
		diag_msg(y->d, DIAG_ERROR, y->file, 0, 0,
		    "out of memory while reading YAML");
		break;
	case YAML_READER_ERROR:
		pos.file = y->file;
		if (p->problem_offset <= y->len) {
			utf8_linecol(y->buf, p->problem_offset,
			    &pos.line, &pos.col);
			pos.line += y->line_off;
		} else
			pos.line = pos.col = 0;
		diag_at(y->d, DIAG_ERROR, &pos, "%s", problem);
		break;
	default:
		if (flow_comment(y, p->problem_mark.line, &off)) {
			flow_comment_msg(y, off);
			break;
		}
		mark_pos(y, &p->problem_mark, &pos);
		if (p->problem_mark.index < y->len &&
		    y->buf[p->problem_mark.index] == '\t') {
			/* libyaml: "found character that cannot start..." */
			diag_at(y->d, DIAG_ERROR, &pos, "a tab cannot indent "
			    "YAML: use spaces");
			break;
		}
		if (p->context != NULL) {
			mark_pos(y, &p->context_mark, &ctx);
			diag_at(y->d, DIAG_ERROR, &pos, "%s (%s at line %d)",
			    problem, p->context, ctx.line);
		} else
			diag_at(y->d, DIAG_ERROR, &pos, "%s", problem);
		break;
	}
}

static int
parser_init(struct yamlx *y, yaml_parser_t *p)
{
	if (!yaml_parser_initialize(p)) {
		diag_msg(y->d, DIAG_ERROR, y->file, 0, 0,
		    "out of memory while reading YAML");
		return -1;
	}
	yaml_parser_set_input_string(p, (const unsigned char *)y->buf,
	    y->len);
	/* Never guess UTF-16 from a byte order mark: the text is UTF-8. */
	yaml_parser_set_encoding(p, YAML_UTF8_ENCODING);
	return 0;
}

/* The first pass: see the comment at the top. */
static int
prescan(struct yamlx *y)
{
	yaml_parser_t	 p;
	yaml_event_t	 ev;
	struct srcpos	 pos;
	const char	*bad;
	int		 depth = 0, ndoc = 0, rc = -1, done = 0;

	if (parser_init(y, &p) == -1)
		return -1;
	while (!done) {
		if (!yaml_parser_parse(&p, &ev)) {
			parse_error(y, &p);
			goto out;
		}
		bad = NULL;
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++ndoc > 1)
				bad = "only one YAML document is allowed";
			break;
		case YAML_ALIAS_EVENT:
			bad = "YAML aliases are not supported";
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (++depth > YAMLX_MAXDEPTH)
				bad = "mappings and lists nested too deeply";
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			depth--;
			break;
		default:
			break;
		}
		mark_pos(y, &ev.start_mark, &pos);
		yaml_event_delete(&ev);
		if (bad != NULL) {
			diag_at(y->d, DIAG_ERROR, &pos, "%s", bad);
			goto out;
		}
	}
	rc = 0;
out:
	yaml_parser_delete(&p);
	return rc;
}

int
yamlx_check_text(const char *file, const char *buf, size_t len,
    struct diag *d)
{
	const char	*nul;
	size_t		 bad;
	int		 line, col;

	bad = utf8_invalid(buf, len);
	if ((nul = memchr(buf, '\0', bad)) != NULL) {
		utf8_linecol(buf, (size_t)(nul - buf), &line, &col);
		diag_msg(d, DIAG_ERROR, file, line, col, "NUL byte in text");
		return -1;
	}
	if (bad < len) {
		utf8_linecol(buf, bad, &line, &col);
		diag_msg(d, DIAG_ERROR, file, line, col, "invalid UTF-8");
		return -1;
	}
	return 0;
}

int
yamlx_load(struct yamlx *y, const char *file, int line_off,
    const char *buf, size_t len, struct diag *d)
{
	yaml_parser_t	 p;
	int		 rc = -1;

	memset(y, 0, sizeof(*y));
	y->file = file;
	y->buf = buf;
	y->len = len;
	y->line_off = line_off < 0 ? 0 : line_off;
	y->d = d;

	if (prescan(y) == -1)
		return -1;
	if (parser_init(y, &p) == -1)
		return -1;
	if (!yaml_parser_load(&p, &y->doc)) {
		/* The loader has deleted the document already. */
		parse_error(y, &p);
		goto out;
	}
	y->loaded = 1;
	rc = 0;
out:
	yaml_parser_delete(&p);
	return rc;
}

void
yamlx_free(struct yamlx *y)
{
	if (y->loaded)
		yaml_document_delete(&y->doc);
	y->loaded = 0;
}

yaml_node_t *
yamlx_root(struct yamlx *y)
{
	yaml_node_t	*n;

	if (!y->loaded)
		return NULL;
	n = yaml_document_get_root_node(&y->doc);
	/* A document of nothing but "---" holds one empty scalar. */
	if (n != NULL && yamlx_isnull(n))
		return NULL;
	return n;
}

void
yamlx_pos(const struct yamlx *y, const yaml_node_t *n, struct srcpos *pos)
{
	mark_pos(y, &n->start_mark, pos);
}

void
yamlx_msg(struct yamlx *y, enum diag_level lvl, const yaml_node_t *n,
    const char *fmt, ...)
{
	struct srcpos	 pos;
	char		 msg[512];
	va_list		 ap;

	yamlx_pos(y, n, &pos);
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	diag_at(y->d, lvl, &pos, "%s", msg);
}

int
yamlx_pair(struct yamlx *y, const yaml_node_t *map, size_t *i,
    yaml_node_t **key, yaml_node_t **val)
{
	const yaml_node_pair_t	*pr;

	if (map->type != YAML_MAPPING_NODE)
		return 0;
	pr = map->data.mapping.pairs.start + *i;
	if (pr >= map->data.mapping.pairs.top)
		return 0;
	(*i)++;
	*key = yaml_document_get_node(&y->doc, pr->key);
	*val = yaml_document_get_node(&y->doc, pr->value);
	return *key != NULL && *val != NULL;
}

int
yamlx_item(struct yamlx *y, const yaml_node_t *seq, size_t *i,
    yaml_node_t **item)
{
	const yaml_node_item_t	*it;

	if (seq->type != YAML_SEQUENCE_NODE)
		return 0;
	it = seq->data.sequence.items.start + *i;
	if (it >= seq->data.sequence.items.top)
		return 0;
	(*i)++;
	*item = yaml_document_get_node(&y->doc, *it);
	return *item != NULL;
}

const char *
yamlx_kind(const yaml_node_t *n)
{
	switch (n->type) {
	case YAML_SCALAR_NODE:
		return yamlx_isnull(n) ? "nothing" : "a string";
	case YAML_SEQUENCE_NODE:
		return "a list";
	case YAML_MAPPING_NODE:
		return "a mapping";
	default:
		return "nothing";
	}
}

int
yamlx_expect(struct yamlx *y, const yaml_node_t *n, yaml_node_type_t type,
    const char *key)
{
	const char	*want;

	if (n->type == type)
		return 0;
	want = type == YAML_SCALAR_NODE ? "a string" :
	    type == YAML_SEQUENCE_NODE ? "a list" : "a mapping";
	if (key != NULL)
		yamlx_msg(y, DIAG_ERROR, n, "expected %s for '%s', found %s",
		    want, key, yamlx_kind(n));
	else
		yamlx_msg(y, DIAG_ERROR, n, "expected %s, found %s",
		    want, yamlx_kind(n));
	return -1;
}

const char *
yamlx_str(struct yamlx *y, const yaml_node_t *n, const char *key)
{
	const char	*s;

	if (yamlx_expect(y, n, YAML_SCALAR_NODE, key) == -1)
		return NULL;
	s = (const char *)n->data.scalar.value;
	if (strlen(s) != n->data.scalar.length) {
		if (key != NULL)
			yamlx_msg(y, DIAG_ERROR, n,
			    "NUL character in the value of '%s'", key);
		else
			yamlx_msg(y, DIAG_ERROR, n, "NUL character in string");
		return NULL;
	}
	return s;
}

int
yamlx_isnull(const yaml_node_t *n)
{
	const char	*s;

	if (n->type != YAML_SCALAR_NODE ||
	    n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return 0;
	s = (const char *)n->data.scalar.value;
	return *s == '\0' || strcmp(s, "~") == 0 || strcmp(s, "null") == 0 ||
	    strcmp(s, "Null") == 0 || strcmp(s, "NULL") == 0;
}

int
yamlx_comment_after(const struct yamlx *y, const yaml_node_t *n,
    struct srcpos *pos, const char **word, size_t *wordlen)
{
	size_t	 off, chars, skip, end;

	/* libyaml's index counts characters; find the byte. */
	for (off = chars = 0; off < y->len && chars < n->end_mark.index;
	    off++)
		if (((unsigned char)y->buf[off] & 0xC0) != 0x80)
			chars++;
	while (off < y->len && ((unsigned char)y->buf[off] & 0xC0) == 0x80)
		off++;
	for (skip = 0; off < y->len &&
	    (y->buf[off] == ' ' || y->buf[off] == '\t'); off++)
		skip++;
	if (off >= y->len || y->buf[off] != '#')
		return 0;
	for (end = ++off; end < y->len; end++)
		if (strchr(" \t\r\n", y->buf[end]) != NULL)
			break;
	mark_pos(y, &n->end_mark, pos);
	if (pos->col > 0)
		pos->col += (int)skip;
	*word = y->buf + off;
	*wordlen = end - off;
	return 1;
}

const char *
yamlx_show(const char *s, size_t n, char out[YAMLX_SHOWMAX])
{
	const unsigned char	*u = (const unsigned char *)s;
	char			 esc[8];
	size_t			 i = 0, o = 0, k, w;

	while (i < n) {
		/* k bytes of input become w bytes of output, in esc or s. */
		if (u[i] < 0x20 || u[i] == 0x7F) {
			k = 1;
			w = (size_t)snprintf(esc, sizeof(esc),
			    u[i] == '\n' ? "\\n" : u[i] == '\t' ? "\\t" :
			    u[i] == '\r' ? "\\r" : "\\x%02X", u[i]);
		} else if (u[i] == 0xC2 && i + 1 < n &&
		    u[i + 1] >= 0x80 && u[i + 1] < 0xA0) {
			/* C1 controls, U+0080 to U+009F. */
			k = 2;
			w = (size_t)snprintf(esc, sizeof(esc), "\\u%04X",
			    (unsigned)u[i + 1]);
		} else {
			k = u[i] >= 0xF0 ? 4 : u[i] >= 0xE0 ? 3 :
			    u[i] >= 0xC0 ? 2 : 1;
			if (k > n - i)
				k = n - i;
			w = 0;
		}
		if (o + (w ? w : k) > YAMLX_SHOWMAX - 4) {
			memcpy(out + o, "...", 3);
			o += 3;
			break;
		}
		if (w) {
			memcpy(out + o, esc, w);
			o += w;
		} else {
			memcpy(out + o, s + i, k);
			o += k;
		}
		i += k;
	}
	out[o] = '\0';
	return out;
}

/* YAML 1.1 booleans, as people write them. */
void
yamlx_bool(struct yamlx *y, const yaml_node_t *val, const char *key,
    int *out)
{
	static const char *const yes[] = { "true", "yes", "on" };
	static const char *const no[] = { "false", "no", "off" };
	const char	*s;
	char		 show[YAMLX_SHOWMAX];
	size_t		 i;

	if ((s = yamlx_str(y, val, key)) == NULL)
		return;
	for (i = 0; i < 3; i++) {
		if (strcasecmp(s, yes[i]) == 0) {
			*out = 1;
			return;
		}
		if (strcasecmp(s, no[i]) == 0) {
			*out = 0;
			return;
		}
	}
	yamlx_msg(y, DIAG_ERROR, val, "'%s' for '%s': expected true or false",
	    yamlx_show(s, val->data.scalar.length, show), key);
}
