/* outbox: each email to the server once, through the journal (outbox.h). */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "fileio.h"
#include "journal.h"
#include "outbox.h"
#include "patients.h"
#include "sha256.h"
#include "smtp.h"
#include "xalloc.h"

/* The message of one patient, on its way. */
struct going {
	struct outbox	*ob;
	const char	*ref;
	char		 hash[SHA256_HEX];
};

/* smtp_handed: the server has every byte; say so before it answers. */
static int
handed(void *arg)
{
	struct going *g = arg;

	return journal_record(g->ob->jr, J_DOUBT, g->ref, g->hash, g->ob->d);
}

/* The address alone of "Name <a@b>", or s itself. */
static char *
bare_address(const char *s)
{
	const char *lt = strrchr(s, '<');

	if (lt == NULL)
		return xstrdup(s);
	return xstrndup(lt + 1, strcspn(lt + 1, ">"));
}

/*
 * For tests: LEAFPRESS_TEST_KILL_AFTER=N kills the run with SIGKILL
 * once N messages went, the N-th recorded, as a crash would.
 */
static void
test_kill(size_t sent)
{
	const char *s = getenv("LEAFPRESS_TEST_KILL_AFTER");

	if (s != NULL && strtoul(s, NULL, 10) == sent)
		raise(SIGKILL);
}

/* Was the ref's message sent before, or may it have been?  Then say so. */
static int
seen_before(struct outbox *ob, const struct patient *pt)
{
	switch (journal_state(ob->jr, pt->ref, NULL)) {
	case J_SENT:
		ob->before++;
		return 1;
	case J_DOUBT:
		diag_msg(ob->d, DIAG_ERROR, ob->jr->path, 0, 0, "patient %s: "
		    "the server had the whole message when a run stopped and "
		    "it may have gone: not sent again; look for its "
		    "Message-ID in the server's log, and if it is not "
		    "there, delete its 'send' line here", pt->ref);
		ob->doubt++;
		return 1;
	default:
		return 0;
	}
}

/* Send one patient's email: its SMTP result, or -1 for a local failure. */
static int
send_one(struct outbox *ob, struct smtp *s, const char *from,
    const struct patient *pt)
{
	struct going g;
	char *path = xasprintf("%s/%s.eml", ob->dir, pt->ref), *msg;
	size_t len;
	int rc;

	/* the message that goes is on disk first: mail wrote it unsynced */
	rc = file_read(path, &msg, &len, ob->d);
	if (rc == 0 && file_sync(path) == -1) {
		diag_msg(ob->d, DIAG_ERROR, path, 0, 0, "cannot sync: %s",
		    strerror(errno));
		free(msg);
		rc = -1;
	}
	free(path);
	if (rc == -1)
		return -1;
	g.ob = ob;
	g.ref = pt->ref;
	sha256_hex(msg, len, g.hash);
	rc = smtp_send(s, from, pt->email, msg, len, handed, &g);
	if (rc == SMTP_SENT && journal_record(ob->jr, J_SENT, pt->ref,
	    g.hash, ob->d) == -1)
		rc = SMTP_BROKEN;	/* it went: "send" says it may have */
	if (rc == SMTP_REFUSED_LATE && journal_record(ob->jr, J_FAIL,
	    pt->ref, g.hash, ob->d) == -1)
		rc = SMTP_BROKEN;
	free(msg);
	return rc;
}

/* Report what became of a message that did not go. */
static void
not_sent(struct outbox *ob, struct smtp *s, const struct patient *pt,
    int rc)
{
	ob->failed++;
	if (rc == SMTP_REFUSED || rc == SMTP_REFUSED_LATE)
		diag_msg(ob->d, DIAG_ERROR, ob->url, 0, 0, "patient %s: "
		    "refused by the server (%ld): %s", pt->ref, s->code,
		    s->err);
	else if (rc == SMTP_BROKEN)
		diag_msg(ob->d, DIAG_ERROR, ob->url, 0, 0, "patient %s: not "
		    "sent, and sending stops: %s", pt->ref, s->err);
}

int
outbox_send(struct outbox *ob, const struct patient *const *v, size_t n)
{
	struct smtp s;
	char *from = bare_address(ob->from);
	size_t i;
	int rc;

	if (!ob->dry_run && smtp_open(&s, ob->url, ob->user, ob->pass,
	    ob->d) == -1) {
		ob->todo = n;
		free(from);
		return -1;
	}
	for (i = 0; i < n; i++) {
		if (seen_before(ob, v[i]))
			continue;
		if (ob->dry_run) {
			ob->todo++;
			continue;
		}
		if ((rc = send_one(ob, &s, from, v[i])) == SMTP_SENT) {
			ob->sent++;
			test_kill(ob->sent);
			continue;
		}
		not_sent(ob, &s, v[i], rc);
		if (rc == SMTP_BROKEN) {
			ob->todo = n - i - 1;
			break;
		}
	}
	if (!ob->dry_run)
		smtp_close(&s);
	free(from);
	return ob->doubt + ob->failed + (ob->dry_run ? 0 : ob->todo) > 0 ?
	    -1 : 0;
}
