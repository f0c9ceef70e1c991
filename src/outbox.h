/*
 * outbox: send the emails mail made (out/mail/<ref>.eml), in list order,
 * through one SMTP server (smtp.h), each recorded in the journal
 * (journal.h) so that it goes once however often the run is started.
 */
#ifndef LP_OUTBOX_H
#define LP_OUTBOX_H
#include <stddef.h>

struct diag;
struct journal;
struct patient;

struct outbox {
	const char	*url;		/* smtp://HOST[:PORT] */
	const char	*user;		/* or NULL */
	const char	*pass;
	const char	*from;		/* "Name <a@b>" or "a@b" */
	const char	*dir;		/* out/mail */
	int		 dry_run;	/* count, send nothing */
	struct journal	*jr;
	struct diag	*d;
	/* the tally, for the summary */
	size_t		 sent;		/* now */
	size_t		 before;	/* by an earlier run */
	size_t		 doubt;		/* may have gone: not sent */
	size_t		 failed;
	size_t		 todo;		/* not sent: a dry run, or stopped */
};

/*
 * Send the emails of the patients v[0..n): 0 when each went now or
 * before, or would go (a dry run); -1 when any did not, each reported
 * by its ref.
 */
int	outbox_send(struct outbox *, const struct patient *const *v,
	    size_t n);

#endif
