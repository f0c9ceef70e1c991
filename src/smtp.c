/* smtp: messages to an SMTP server through libcurl (smtp.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "diag.h"
#include "smtp.h"
#include "xalloc.h"

/* One message as curl reads it. */
struct upload {
	const char	*p;
	size_t		 left;
	smtp_handed	 handed;
	void		*arg;
	int		 done;		/* handed() was called */
};

/*
 * curl's read callback: the next bytes, and handed() at the end, when
 * curl asks for more (it does: no size is set) and before it sends the
 * end of the data.
 */
static size_t
read_cb(char *buf, size_t size, size_t nmemb, void *arg)
{
	struct upload *u = arg;
	size_t n = size * nmemb;

	if (u->left == 0) {
		if (!u->done) {
			u->done = 1;
			if (u->handed(u->arg) == -1)
				return CURL_READFUNC_ABORT;
		}
		return 0;
	}
	if (n > u->left)
		n = u->left;
	memcpy(buf, u->p, n);
	u->p += n;
	u->left -= n;
	return n;
}

/* The host of url, which starts with "smtp://" or "smtps://"; or NULL. */
static char *
url_host(const char *url)
{
	const char *h = strstr(url, "://") + 3;
	size_t n;

	if (*h == '[')
		n = strcspn(h, "]") + 1;
	else
		n = strcspn(h, ":/?#@");
	if (n == 0 || h[n] == '@' || (h[0] == '[' && h[n - 1] != ']'))
		return NULL;
	return xstrndup(h, n);
}

/* Is host this machine, where a message may go in the clear? */
static int
is_local(const char *host)
{
	return strcmp(host, "localhost") == 0 ||
	    strcmp(host, "127.0.0.1") == 0 || strcmp(host, "[::1]") == 0;
}

int
smtp_open(struct smtp *s, const char *url, const char *user,
    const char *pass, struct diag *d)
{
	CURL *c;
	char *host;
	int local;

	memset(s, 0, sizeof(*s));
	s->url = url;
	if ((strncmp(url, "smtp://", 7) != 0 && strncmp(url, "smtps://",
	    8) != 0) || (host = url_host(url)) == NULL) {
		diag_msg(d, DIAG_ERROR, url, 0, 0, "not smtp://HOST[:PORT] "
		    "nor smtps://HOST[:PORT]");
		return -1;
	}
	local = is_local(host);
	free(host);
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != 0 ||
	    (c = curl_easy_init()) == NULL) {
		diag_msg(d, DIAG_ERROR, url, 0, 0, "libcurl cannot start");
		return -1;
	}
	s->curl = c;
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	curl_easy_setopt(c, CURLOPT_USE_SSL, (long)(local ? CURLUSESSL_TRY :
	    CURLUSESSL_ALL));
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 30L);
	curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(c, CURLOPT_READFUNCTION, read_cb);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, s->err);
	if (user != NULL) {
		s->user = xstrdup(user);
		s->pass = xstrdup(pass ? pass : "");
		curl_easy_setopt(c, CURLOPT_USERNAME, s->user);
		curl_easy_setopt(c, CURLOPT_PASSWORD, s->pass);
	}
	return 0;
}

enum smtp_rc
smtp_send(struct smtp *s, const char *from, const char *to,
    const char *msg, size_t len, smtp_handed handed, void *arg)
{
	struct curl_slist *rcpt;
	struct upload u;
	CURLcode rc;
	char *f = xasprintf("<%s>", from), *t = xasprintf("<%s>", to);

	memset(&u, 0, sizeof(u));
	u.p = msg;
	u.left = len;
	u.handed = handed;
	u.arg = arg;
	rcpt = curl_slist_append(NULL, t);
	s->err[0] = '\0';
	s->code = 0;
	curl_easy_setopt(s->curl, CURLOPT_MAIL_FROM, f);
	curl_easy_setopt(s->curl, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(s->curl, CURLOPT_READDATA, &u);
	rc = curl_easy_perform(s->curl);
	curl_easy_getinfo(s->curl, CURLINFO_RESPONSE_CODE, &s->code);
	curl_easy_setopt(s->curl, CURLOPT_MAIL_RCPT, NULL);
	curl_slist_free_all(rcpt);
	free(f);
	free(t);
	if (rc == CURLE_OK)
		return SMTP_SENT;
	/* curl's own words, unless they might hold an address */
	if (s->err[0] == '\0' || strchr(s->err, '@') != NULL)
		snprintf(s->err, sizeof(s->err), "%s", curl_easy_strerror(rc));
	if (rc != CURLE_ABORTED_BY_CALLBACK && s->code >= 400 &&
	    s->code < 600)
		return u.done ? SMTP_REFUSED_LATE : SMTP_REFUSED;
	return SMTP_BROKEN;
}

void
smtp_close(struct smtp *s)
{
	if (s->curl != NULL) {
		curl_easy_cleanup(s->curl);
		curl_global_cleanup();
	}
	free(s->user);
	if (s->pass != NULL) {
		explicit_bzero(s->pass, strlen(s->pass));
		free(s->pass);
	}
	memset(s, 0, sizeof(*s));
}
