/*
 * A thin layer over libyaml's document loader for the YAML that
 * leafpress reads (clinic profiles, article front matter): loading with
 * errors reported at their line:col, limits against hostile input, the
 * few accessors that every reader of a mapping needs, and one reader of
 * a mapping by a table of its keys.
 *
 * Aliases are refused, so the loaded document is a tree, and mappings
 * and lists nest YAMLX_MAXDEPTH deep at most: a reader may recurse.
 */
#ifndef LP_YAMLX_H
#define LP_YAMLX_H
#include <stddef.h>

#include <yaml.h>

#include "diag.h"

/* Deepest nesting of mappings and lists accepted. */
#define YAMLX_MAXDEPTH	32

/* Room for a value quoted in a message by yamlx_show(). */
#define YAMLX_SHOWMAX	80

struct yamlx {
	yaml_document_t	 doc;
	int		 loaded;	/* doc must be deleted */
	const char	*file;		/* named in messages; not copied */
	const char	*buf;		/* the YAML text; not copied */
	size_t		 len;
	int		 line_off;	/* lines of the file before buf */
	struct diag	*d;
};

/*
 * Check that buf[0..len) is text a parser may be given: valid UTF-8
 * without NUL bytes.  Reports the first offence at its line:col.
 */
int		 yamlx_check_text(const char *file, const char *buf,
		    size_t len, struct diag *);

/*
 * Load the single YAML document in buf[0..len), which starts after
 * line_off lines of file (0 for a whole file, 1 for front matter after
 * its "---").  file and buf must outlive y.  Returns 0, or -1 after
 * reporting; either way yamlx_free(y) must follow.
 */
int		 yamlx_load(struct yamlx *y, const char *file, int line_off,
		    const char *buf, size_t len, struct diag *);
void		 yamlx_free(struct yamlx *);

/* The document's top node, or NULL if the document is empty. */
yaml_node_t	*yamlx_root(struct yamlx *);

/* Where a node starts in the file (1-based line and column). */
void		 yamlx_pos(const struct yamlx *, const yaml_node_t *,
		    struct srcpos *);

/* Report at a node's position. */
void		 yamlx_msg(struct yamlx *, enum diag_level, const yaml_node_t *,
		    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/*
 * Walk a mapping: start with *i = 0; while it returns 1, *key and *val
 * are the next pair.
 */
int		 yamlx_pair(struct yamlx *, const yaml_node_t *map, size_t *i,
		    yaml_node_t **key, yaml_node_t **val);
/* Walk a list the same way. */
int		 yamlx_item(struct yamlx *, const yaml_node_t *seq, size_t *i,
		    yaml_node_t **item);

/* "a string", "a mapping" or "a list", for messages. */
const char	*yamlx_kind(const yaml_node_t *);

/*
 * Check a node's type; otherwise report
 *	expected a mapping for 'KEY', found a list
 * (without "for 'KEY'" when key is NULL) and return -1.
 */
int		 yamlx_expect(struct yamlx *, const yaml_node_t *,
		    yaml_node_type_t, const char *key);

/*
 * A scalar's text, NUL-terminated, as written (numbers, dates and
 * booleans included); NULL after reporting if the node is not a
 * scalar or its text holds a NUL (as "\0" in double quotes can).
 */
const char	*yamlx_str(struct yamlx *, const yaml_node_t *, const char *key);
/*
 * A YAML 1.1 boolean as people write them (true/false, yes/no, on/off,
 * any case) into *out; otherwise report "expected true or false".
 */
void		 yamlx_bool(struct yamlx *, const yaml_node_t *, const char *key,
		    int *out);

/* Is the node an empty value: nothing, ~ or null, unquoted? */
int		 yamlx_isnull(const yaml_node_t *);

/*
 * What a key's value must be, and what it is stored as at the row's off
 * in the destination.  A value that is empty (nothing, ~ or null) or the
 * empty string counts as absent and leaves the destination alone, except
 * where said.
 */
enum yamlx_type {
	YAMLX_STRING,	/* char *, copied */
	YAMLX_DATE,	/* char *: YYYY-MM-DD, a real date */
	YAMLX_BOOL,	/* int: as yamlx_bool() reads it */
	YAMLX_JOINED,	/* char *: a string (even empty), or a list of them
			   joined with ", " */
	YAMLX_LINES,	/* char **, with a size_t count at aux: the lines of a
			   string, or of each string in a list */
	YAMLX_PATH,	/* char *: resolved against dir; its struct srcpos at
			   aux */
	YAMLX_ENUM,	/* int: the index of the value, in any case, in the
			   NULL-ended choices; unknown WHAT 'x' otherwise */
	YAMLX_MAP,	/* a mapping of the keys in sub[0..nsub), stored
			   in the same destination */
	YAMLX_FUNC	/* read by read(), empty values too */
};

struct yamlx_key {
	const char		*name;
	enum yamlx_type		 type;
	int			 required;	/* YAMLX_STRING: missing or
						   empty is an error */
	size_t			 off;
	size_t			 aux;
	const char *const	*choices;	/* YAMLX_ENUM */
	const char		*what;		/* YAMLX_ENUM, in messages */
	const struct yamlx_key	*sub;		/* YAMLX_MAP */
	size_t			 nsub;
	void			(*read)(struct yamlx *, const yaml_node_t *val,
				    const char *key, void *field);
};

/*
 * Read the mapping map by the table rows[0..n) into dst.  A key that is
 * not a string, or a duplicate, is an error; one not in the table is a
 * warning (unknown key 'x' ignored).  Each value is read by its row's
 * type, every problem reported at its node and reading going on after
 * it; then a required key that is missing is an error at map.  dir is
 * where YAMLX_PATH values are relative to.  In yamlkeys.c.
 */
void		 yamlx_read_keys(struct yamlx *, const yaml_node_t *map,
		    const struct yamlx_key *rows, size_t n, void *dst,
		    const char *dir);

/*
 * Is the first thing after the end of node on its line an unquoted
 * '#'?  For "primary: #1F4E79", where YAML reads an empty value and a
 * comment.  Sets *pos to the '#' and *word to the text after it up to
 * the next blank.
 */
int		 yamlx_comment_after(const struct yamlx *, const yaml_node_t *,
		    struct srcpos *pos, const char **word, size_t *wordlen);

/*
 * Copy s[0..n) into out for quoting in a one-line message: control
 * characters escaped, cut short with "..." to fit YAMLX_SHOWMAX.
 */
const char	*yamlx_show(const char *s, size_t n, char out[YAMLX_SHOWMAX]);

#endif
