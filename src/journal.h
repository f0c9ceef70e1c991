/*
 * journal: what mail has handed to an SMTP server, so that a run killed
 * at any moment and started again sends each message once and never
 * sends again one that went.  out/mail/journal holds one line a step,
 * each appended and synced (fsync) before the next step is taken:
 *
 *	leafpress mail journal 1
 *	send REF SHA256		the whole message is with the server; only
 *				its answer is still to come
 *	sent REF SHA256		the server took it
 *	fail REF SHA256		the server refused it: try again next run
 *
 * SHA256 is the hash of the message's bytes (out/mail/REF.eml), so the
 * journal says what went.  A ref's last line decides: "sent", it is not
 * sent again; "send" alone, the run stopped while the server had it,
 * and nobody can tell whether it went: it is not sent again either,
 * but reported, until someone who has looked in the server's log for
 * its Message-ID deletes that line.  Only refs are written here, never
 * a patient's name or address.
 */
#ifndef LP_JOURNAL_H
#define LP_JOURNAL_H
#include <stddef.h>

#include "sha256.h"

struct diag;

enum jstate {
	J_NONE,			/* never handed to a server */
	J_FAIL,			/* refused: to be sent */
	J_DOUBT,		/* "send" without an answer */
	J_SENT
};

struct jentry {
	char		*ref;
	enum jstate	 state;
	char		 hash[SHA256_HEX];
};

struct journal {
	char		*path;
	int		 fd;		/* open for appending, or -1 */
	struct jentry	*v;		/* sorted by ref, one a ref */
	size_t		 n;
};

/*
 * Read the journal at path, if there is one: 0, or -1 (reported, the
 * file named at the bad line) when it is not a journal.  A last line
 * cut short by a crash is dropped: it was never acted on.
 */
int	journal_load(struct journal *, const char *path, struct diag *);
/* What the journal says of ref, and the hash it recorded (or NULL). */
enum jstate journal_state(const struct journal *, const char *ref,
	    const char **hash);
/*
 * Append "send", "sent" or "fail" (by state) for ref and hash, and sync
 * it to disk before returning: 0, or -1 reported.
 */
int	journal_record(struct journal *, enum jstate, const char *ref,
	    const char *hash, struct diag *);
void	journal_free(struct journal *);

#endif
