/*
 * Diagnostics: every message is one line,
 *	FILE:LINE:COL: error: MESSAGE
 * with LINE and COL left out where they are not known (0).
 * Library code reports through here and returns -1; only main() exits.
 */
#ifndef LP_DIAG_H
#define LP_DIAG_H
#include <stdio.h>

enum diag_level {
	DIAG_WARNING,
	DIAG_ERROR
};

struct diag {
	FILE	*out;		/* where messages go; NULL discards them */
	int	 nwarn;
	int	 nerr;
};

/* A place in an input file; line and col are 1-based, 0 when unknown. */
struct srcpos {
	const char	*file;
	int		 line;
	int		 col;
};

void	diag_msg(struct diag *, enum diag_level, const char *file,
	    int line, int col, const char *fmt, ...)
	    __attribute__((format(printf, 6, 7)));
void	diag_at(struct diag *, enum diag_level, const struct srcpos *,
	    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

#endif
