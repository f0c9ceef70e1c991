/*
 * yamlkeys: a YAML mapping read into a struct by a table of keys (see
 * struct yamlx_key in yamlx.h): the one reader of the profile's keys and
 * the article's front matter, so a new key is a row of a table and its
 * use.  Every problem is reported at its node and reading goes on.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <yaml.h>

#include "date.h"
#include "diag.h"
#include "fileio.h"
#include "xalloc.h"
#include "yamlx.h"

#define KEY_MAXLEN	32	/* longer keys are no typo of ours */

static char
lower(char ch)
{
	return ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
}

/*
 * Edits from a[0..la) to b, ignoring case: insertions, deletions,
 * substitutions and swaps of neighbours (optimal string alignment).
 */
static size_t
distance(const char *a, size_t la, const char *b)
{
	size_t	 d[3][KEY_MAXLEN + 1], lb = strlen(b), i, j, v;

	if (la > KEY_MAXLEN || lb > KEY_MAXLEN)
		return (size_t)-1;
	for (j = 0; j <= lb; j++)
		d[0][j] = j;
	for (i = 1; i <= la; i++) {
		d[i % 3][0] = i;
		for (j = 1; j <= lb; j++) {
			v = d[(i - 1) % 3][j - 1] +
			    (lower(a[i - 1]) != lower(b[j - 1]));
			if (d[(i - 1) % 3][j] + 1 < v)
				v = d[(i - 1) % 3][j] + 1;
			if (d[i % 3][j - 1] + 1 < v)
				v = d[i % 3][j - 1] + 1;
			if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
			    lower(a[i - 2]) == lower(b[j - 1]) &&
			    d[(i - 2) % 3][j - 2] + 1 < v)
				v = d[(i - 2) % 3][j - 2] + 1;
			d[i % 3][j] = v;
		}
	}
	return d[la % 3][lb];
}

/*
 * The known key that s[0..len) is a typo of, or NULL: one edit away
 * from a short key, two from a key of five letters or more, and closer
 * than any other.
 */
static const char *
typo_of(const char *s, size_t len, const struct yamlx_key *rows, size_t n)
{
	const char	*best = NULL;
	size_t		 i, dist, bestd = (size_t)-1;

	for (i = 0; i < n; i++) {
		dist = distance(s, len, rows[i].name);
		if (dist <= (strlen(rows[i].name) < 5 ? 1u : 2u) &&
		    dist < bestd) {
			best = rows[i].name;
			bestd = dist;
		}
	}
	return best;
}

/*
 * The row of a mapping key, marking seen[row]; or NULL after a warning
 * or an error: see yamlx_read_keys().
 */
static const struct yamlx_key *
find_row(struct yamlx *y, const yaml_node_t *key,
    const struct yamlx_key *rows, size_t n, unsigned char *seen)
{
	const char	*s, *near;
	char		 show[YAMLX_SHOWMAX];
	size_t		 i, len;

	if (key->type != YAML_SCALAR_NODE) {
		yamlx_msg(y, DIAG_ERROR, key, "expected a string as key, "
		    "found %s", yamlx_kind(key));
		return NULL;
	}
	s = (const char *)key->data.scalar.value;
	len = key->data.scalar.length;
	if (strlen(s) == len)
		for (i = 0; i < n; i++) {
			if (strcmp(s, rows[i].name) != 0)
				continue;
			if (seen[i]) {
				yamlx_msg(y, DIAG_ERROR, key,
				    "duplicate key '%s'", rows[i].name);
				return NULL;
			}
			seen[i] = 1;
			return &rows[i];
		}
	/* a typo would lose the value without a word: say which was meant */
	if ((near = typo_of(s, len, rows, n)) != NULL)
		yamlx_msg(y, DIAG_ERROR, key, "unknown key '%s': did you mean "
		    "'%s'?", yamlx_show(s, len, show), near);
	else
		yamlx_msg(y, DIAG_WARNING, key, "unknown key '%s' ignored",
		    yamlx_show(s, len, show));
	return NULL;
}

/* A string that is there and not empty, or NULL (after reporting). */
static const char *
nonempty(struct yamlx *y, const yaml_node_t *val, const char *key)
{
	const char	*s;

	if (yamlx_isnull(val))
		return NULL;
	if ((s = yamlx_str(y, val, key)) == NULL || *s == '\0')
		return NULL;
	return s;
}

/* Append the lines of s, but for empty ones, to (*lines)[0..*n). */
static void
add_lines(char ***lines, size_t *n, const char *s)
{
	const char	*nl;
	size_t		 len;

	for (; *s != '\0'; s = nl + (*nl != '\0')) {
		if ((nl = strchr(s, '\n')) == NULL)
			nl = s + strlen(s);
		if ((len = (size_t)(nl - s)) == 0)
			continue;
		*lines = xgrow(*lines, *n, sizeof(**lines));
		(*lines)[(*n)++] = xstrndup(s, len);
	}
}

static void
read_lines(struct yamlx *y, const yaml_node_t *val, const char *key,
    char ***lines, size_t *n)
{
	yaml_node_t	*item;
	const char	*s;
	size_t		 i = 0;

	if (val->type == YAML_SCALAR_NODE) {
		if ((s = nonempty(y, val, key)) != NULL)
			add_lines(lines, n, s);
		return;
	}
	if (val->type != YAML_SEQUENCE_NODE) {
		yamlx_msg(y, DIAG_ERROR, val, "expected a string or a list "
		    "for '%s', found %s", key, yamlx_kind(val));
		return;
	}
	while (yamlx_item(y, val, &i, &item))
		if ((s = nonempty(y, item, key)) != NULL)
			add_lines(lines, n, s);
}

/*
 * Unlike YAMLX_LINES, an empty string is kept, and so is an item
 * written ~ or null: as its text.
 */
static void
read_joined(struct yamlx *y, const yaml_node_t *val, const char *key,
    char **out)
{
	yaml_node_t	*item;
	const char	*s;
	char		*t;
	size_t		 i = 0;

	if (val->type == YAML_SCALAR_NODE) {
		if ((s = yamlx_str(y, val, key)) != NULL)
			*out = xstrdup(s);
		return;
	}
	if (yamlx_expect(y, val, YAML_SEQUENCE_NODE, key) == -1)
		return;
	while (yamlx_item(y, val, &i, &item)) {
		if ((s = yamlx_str(y, item, key)) == NULL || *s == '\0')
			continue;
		if (*out == NULL)
			*out = xstrdup(s);
		else {
			t = xasprintf("%s, %s", *out, s);
			free(*out);
			*out = t;
		}
	}
}

static void
read_enum(struct yamlx *y, const yaml_node_t *val,
    const struct yamlx_key *r, int *out)
{
	const char	*s;
	char		 show[YAMLX_SHOWMAX], want[YAMLX_SHOWMAX] = "";
	size_t		 i;

	if ((s = yamlx_str(y, val, r->name)) == NULL)
		return;
	for (i = 0; r->choices[i] != NULL; i++)
		if (strcasecmp(s, r->choices[i]) == 0) {
			*out = (int)i;
			return;
		}
	/* "a, b or c" */
	for (i = 0; r->choices[i] != NULL; i++)
		snprintf(want + strlen(want), sizeof(want) - strlen(want),
		    "%s%s", i == 0 ? "" : r->choices[i + 1] == NULL ?
		    " or " : ", ", r->choices[i]);
	yamlx_msg(y, DIAG_ERROR, val, "unknown %s '%s': expected %s",
	    r->what, yamlx_show(s, val->data.scalar.length, show), want);
}

static void
read_string(struct yamlx *y, const yaml_node_t *val,
    const struct yamlx_key *r, char **out)
{
	const char	*s;
	char		 show[YAMLX_SHOWMAX];

	/* Of empty values, only a required key's get here: as "". */
	if ((s = yamlx_isnull(val) ? "" : yamlx_str(y, val, r->name)) == NULL)
		return;
	if (*s == '\0') {
		if (r->required)
			yamlx_msg(y, DIAG_ERROR, val,
			    "empty value for required key '%s'", r->name);
		return;
	}
	if (r->type == YAMLX_DATE && !date_valid(s)) {
		yamlx_msg(y, DIAG_ERROR, val,
		    "malformed date '%s': expected YYYY-MM-DD",
		    yamlx_show(s, val->data.scalar.length, show));
		return;
	}
	*out = xstrdup(s);
}

/* One value, not empty unless its row reads empty ones, into dst. */
static void
read_value(struct yamlx *y, const yaml_node_t *val,
    const struct yamlx_key *r, void *dst, const char *dir)
{
	char		*field = (char *)dst + r->off;
	const char	*s;

	switch (r->type) {
	case YAMLX_STRING:
	case YAMLX_DATE:
		read_string(y, val, r, (char **)field);
		break;
	case YAMLX_BOOL:
		yamlx_bool(y, val, r->name, (int *)field);
		break;
	case YAMLX_JOINED:
		read_joined(y, val, r->name, (char **)field);
		break;
	case YAMLX_LINES:
		read_lines(y, val, r->name, (char ***)field,
		    (size_t *)((char *)dst + r->aux));
		break;
	case YAMLX_PATH:
		if ((s = nonempty(y, val, r->name)) == NULL)
			break;
		*(char **)field = path_join(dir, s);
		yamlx_pos(y, val, (struct srcpos *)((char *)dst + r->aux));
		break;
	case YAMLX_ENUM:
		/* An enum of small non-negative values: stored as an int. */
		read_enum(y, val, r, (int *)field);
		break;
	case YAMLX_MAP:
		if (yamlx_expect(y, val, YAML_MAPPING_NODE, r->name) == 0)
			yamlx_read_keys(y, val, r->sub, r->nsub, dst, dir);
		break;
	case YAMLX_FUNC:
		r->read(y, val, r->name, field);
		break;
	}
}

void
yamlx_read_keys(struct yamlx *y, const yaml_node_t *map,
    const struct yamlx_key *rows, size_t n, void *dst, const char *dir)
{
	const struct yamlx_key	*r;
	unsigned char		*seen;
	yaml_node_t		*key, *val;
	size_t			 i = 0;

	seen = xcalloc(n, 1);
	while (yamlx_pair(y, map, &i, &key, &val)) {
		if ((r = find_row(y, key, rows, n, seen)) == NULL)
			continue;
		if (yamlx_isnull(val) && !r->required &&
		    r->type != YAMLX_FUNC)
			continue;
		read_value(y, val, r, dst, dir);
	}
	for (i = 0; i < n; i++)
		if (rows[i].required && !seen[i])
			yamlx_msg(y, DIAG_ERROR, map,
			    "missing required key '%s'", rows[i].name);
	free(seen);
}
