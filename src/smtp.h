/*
 * smtp: hand messages to an SMTP server with libcurl, one connection
 * kept open for them all.  smtp://HOST[:PORT] (port 25 by default) uses
 * STARTTLS when the server offers it, and demands it unless HOST is
 * this machine (localhost, 127.0.0.1, ::1); smtps:// is TLS from the
 * start.  Messages said on failure name the server and what went
 * wrong, never an address.
 */
#ifndef LP_SMTP_H
#define LP_SMTP_H
#include <stddef.h>

struct diag;

struct smtp {
	void		*curl;		/* CURL * */
	const char	*url;
	char		*user;
	char		*pass;
	char		 err[256];	/* the last failure, for messages */
	long		 code;		/* the server's last reply code */
};

/*
 * Set up the client for url; user (or NULL) logs in with pass.  0, or
 * -1 (reported) when url is not smtp:// or smtps:// with a host.
 */
int	smtp_open(struct smtp *, const char *url, const char *user,
	    const char *pass, struct diag *);

/* Called once the whole message is with the server, before its answer. */
typedef int (*smtp_handed)(void *arg);

/* The outcome of one message. */
enum smtp_rc {
	SMTP_SENT,		/* the server took it */
	SMTP_REFUSED,		/* the server said no, before handed() */
	SMTP_REFUSED_LATE,	/* the server said no to the whole message */
	SMTP_BROKEN		/* no answer: the connection or the
				   server failed; s->err says how */
};

/*
 * Send msg[0..len) (CRLF lines, headers and all) from the address
 * from to to.  handed(arg) is called when curl has given the server
 * every byte and before the server answers; when it returns -1 the
 * message is not finished and the result is SMTP_BROKEN.
 */
enum smtp_rc smtp_send(struct smtp *, const char *from, const char *to,
	    const char *msg, size_t len, smtp_handed handed, void *arg);

void	smtp_close(struct smtp *);

#endif
