/*
 * vars: a clinic's details written into an article's body, so that one
 * article serves every clinic:
 *
 *	Call {{clinic.name}} on {{ clinic.phone }}.
 *
 * The names are clinic.name, .tagline, .phone, .email, .website and
 * .address (its lines joined with ", "): every text field of a profile.
 * They are filled in before the body is parsed, so a value is read as
 * Markdown like the text around it, and in code too; in front matter,
 * only the title and the subtitle are filled in; "\{{" writes the
 * two braces.  A value's line breaks become spaces: a substitution never
 * adds a line, so line numbers stay true (columns after it may shift).
 */
#ifndef LP_VARS_H
#define LP_VARS_H
#include <stddef.h>

struct diag;
struct profile;
struct srcpos;

/*
 * Variables besides the clinic's, which a profile may carry for the
 * text filled in with it (profile.more): mail's letter has
 * patient.name, patient.ref, date and leaflets.  name[i] is filled in
 * with value[i], its Markdown punctuation escaped so that it reads as
 * the plain text it is.
 */
struct vars_more {
	const char *const	*name;
	const char *const	*value;
	size_t			 n;
};

/*
 * Fill in the variables of s[0..n), which starts at *at (its file, line
 * and column).  With p NULL nothing is filled in: the names are checked and
 * the escapes undone.  A field p lacks is filled in empty, and with
 * warn_missing set, warned of at the variable.  An unknown name is an
 * error at its "{{" and is left as written.  *out (NUL-terminated, the
 * caller frees) and *outlen are the text.  Returns how many variables
 * there were, or -1 if one was unknown.
 */
int	vars_fill(const struct srcpos *at, const char *s, size_t n,
	    const struct profile *p, int warn_missing, struct diag *,
	    char **out, size_t *outlen);

#endif
