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

/*
 * Messages held back, to be reported later where they belong: an input
 * loads its images once, and each leaflet that shows one reports what
 * went wrong at the point where it comes to it, as often as it does.
 */
struct diag_held {
	char	*text;		/* the messages' lines, or NULL */
	size_t	 len;
	int	 nwarn;
	int	 nerr;
};

/* Point tmp at h: what tmp reports is held until diag_hold_end(). */
void	diag_hold(struct diag *tmp, struct diag_held *h);
void	diag_hold_end(struct diag *tmp, struct diag_held *h);
/* Report what h holds, as if it were reported now; h is kept. */
void	diag_replay(struct diag *, const struct diag_held *);
void	diag_held_free(struct diag_held *);

#endif
