/*
 * An article: optional YAML front matter, then a GitHub Flavored
 * Markdown body (CommonMark with tables, strikethrough, autolinks, task
 * lists and footnotes, parsed by cmark-gfm).  It
 * loads its own figures, so that the stages after it do no file I/O: a
 * figure that cannot be shown is reported by each leaflet that comes to
 * it, in its place among the leaflet's other messages (see diag_held).
 */
#ifndef LP_ARTICLE_H
#define LP_ARTICLE_H
#include <stddef.h>

#include <cmark-gfm.h>

#include "diag.h"
#include "image.h"

struct profile;

/* An image the body shows, in document order. */
struct figure {
	cmark_node	*node;		/* its CMARK_NODE_IMAGE */
	struct srcpos	 pos;		/* where it is named */
	int		 remote;	/* a web address or an SVG: never loaded,
					   its alt text stands in */
	int		 ok;		/* img is loaded */
	struct image	 img;
	struct diag_held held;		/* why it cannot be shown */
};

struct article {
	char		*file;		/* path as given */
	char		*dir;		/* its directory, for image paths */
	char		*slug;		/* file name without extension */
	char		*buf;		/* the whole source, NUL-terminated */
	size_t		 len;
	char		*title;		/* front matter; each may be NULL */
	char		*subtitle;
	char		*leaflet_id;
	char		*version;
	char		*published;	/* YYYY-MM-DD */
	char		*review;	/* YYYY-MM-DD */
	char		*author;
	char		*lang;		/* default "en" */
	char		*keywords;	/* "a, b, c" from a string or a list */
	int		 captions;	/* show images' alt text below them */
	int		 body_line;	/* source line where the body starts (1-based) */
	cmark_node	*doc;		/* the body, parsed with CMARK_OPT_SMART,
					   sourcepos, footnotes and GFM's
					   extensions */
	struct figure	*figures;
	size_t		 nfigures;
	char		*src;		/* the text as given, kept when its
					   title, subtitle or body names
					   clinic details that no profile
					   filled in (vars.h), so that each
					   leaflet may */
	size_t		 srclen;
};

/*
 * Limits against hostile input; a real leaflet comes nowhere near them.
 * cmark-gfm 0.29.0.gfm.6 (Debian 12) takes quadratic time on some input:
 * brackets left open before links ("![[]()" repeated, CVE-2023-22486),
 * and time in proportion to the nesting for every blank line or
 * emphasis inside deeply nested lists or quotes; its extensions add
 * their own.  A table row is split in time quadratic in its pipes, and
 * each row is filled out to the header's columns, so a wide header over
 * many short rows makes millions of nodes; the email autolinker scans
 * the rest of the text for every '@'.  Nothing is refused for it but
 * size (ARTICLE_MAXLEN bytes): before parsing (mdprep.c), past
 * ARTICLE_MAXBRACKETS '[' in the body the rest are escaped, read as
 * plain text; past ARTICLE_MAXPIPES '|' on a line the rest are escaped;
 * past ARTICLE_MAXAT '@' addresses are not made links; a table whose
 * delimiter row ("|---|:-:|") has more than ARTICLE_MAXCOLS columns, or
 * whose columns times the lines up to the next blank line (never fewer
 * than its rows) pass ARTICLE_MAXCELLS, makes the article's tables
 * plain text; and a line that reaches more than ARTICLE_MAXNEST
 * containers deep (counted as its leading '>' and list markers plus half
 * its leading blank columns, which is never less) loses the markers
 * past that depth.  A list costs the tree two levels (list and item), so
 * blocks then nest less than ARTICLE_MAXDEPTH deep; emphasis and links
 * nested deeper are unwrapped after parsing, so that the tree's readers
 * may keep a stack or recurse.  Each is one warning.
 */
#define ARTICLE_MAXLEN		(1024 * 1024)
#define ARTICLE_MAXBRACKETS	10000
#define ARTICLE_MAXAT		500
#define ARTICLE_MAXPIPES	256
#define ARTICLE_MAXCOLS		64
#define ARTICLE_MAXCELLS	50000
#define ARTICLE_MAXNEST		32
#define ARTICLE_MAXDEPTH	(2 * ARTICLE_MAXNEST + 16)
/* Figures loaded; a leaflet shows no more (with its logo) than this. */
#define ARTICLE_MAXIMAGES	256

/*
 * Split off front matter at body start: returns the length of the front
 * matter block including both "---" lines (0 when there is none) and sets
 * *yaml_off and *yaml_len to the YAML text between them.  -1 when an opening
 * "---" is never closed.  Front matter is there only if the first line is
 * exactly "---", after a UTF-8 byte order mark if any (which the length
 * then includes); it ends at the next line that is exactly "---" or
 * "...".  Any delimiter line may end in "\r\n".
 */
long	frontmatter_split(const char *buf, size_t len, size_t *yaml_off,
	    size_t *yaml_len);

/*
 * Parse an article held in memory; file names it in messages and
 * locates its images.  Any text is read as Markdown: only an article
 * longer than ARTICLE_MAXLEN, bad UTF-8 or bad front matter is an
 * error.  Every error is reported, and -1 returned if
 * there was one; either way the article is filled as far as the text
 * allowed, a->doc is a document (empty if the body could not be
 * parsed) and article_free() must follow.
 */
int	article_parse(struct article *, const char *file, const char *buf,
	    size_t len, struct diag *);
/*
 * The same, with the clinic details of p filled into the title, the
 * subtitle and the body (vars.h); article_parse is this with p NULL, which checks the
 * variables' names and keeps the text in a->src if there are any.
 */
int	article_parse_for(struct article *, const char *file,
	    const char *buf, size_t len, const struct profile *,
	    struct diag *);
/*
 * Read and parse an article file; the same contract, except that an
 * article whose file cannot be read is left zeroed.
 */
int	article_load(struct article *, const char *file, struct diag *);
/* Free everything; safe on a zeroed article. */
void	article_free(struct article *);

/*
 * cmark-gfm's source positions count lines from the start of the body
 * (and columns in bytes).  The line of a node in the article file, as
 * cmark_node_get_start_line(n) + a->body_line - 1; 0 when cmark gives
 * the node no position.
 */
int	article_line(const struct article *, cmark_node *);

/*
 * Warn of each field of p that the body names and p lacks (it is filled
 * in empty), at its variable.  Only for an article that keeps a->src.
 */
void	article_vars_missing(const struct article *, const struct profile *,
	    struct diag *);

/*
 * Where front matter key's value starts, for messages about it: its
 * line and column, or line 1 column 1 when the key is not there.
 */
void	article_key_pos(const struct article *, const char *key,
	    struct srcpos *);

/*
 * The node types of cmark-gfm's table and strikethrough extensions:
 * the library exports them, set once the extensions are registered
 * (article_parse does that), but installs no header declaring them.
 */
extern cmark_node_type CMARK_NODE_TABLE, CMARK_NODE_TABLE_ROW,
	CMARK_NODE_TABLE_CELL, CMARK_NODE_STRIKETHROUGH;

#endif
