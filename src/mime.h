/*
 * mime: one email, RFC 5322 with MIME (RFC 2045-2047): a plain-text
 * body and a PDF attached, both base64, names outside ASCII as encoded
 * words.  Written here in a few dozen lines rather than with GMime:
 * the one shape of message mail sends needs no parser, and the bytes
 * come out the same for the same input, which a reproducible run and
 * the sent-once journal count on.
 */
#ifndef LP_MIME_H
#define LP_MIME_H
#include <stddef.h>

#include "xalloc.h"

struct mime_msg {
	const char	*from;		/* "Name <a@b>" or "a@b", ASCII */
	const char	*to_name;	/* UTF-8, or NULL */
	const char	*to;		/* the address */
	const char	*subject;	/* UTF-8 */
	long long	 date;		/* seconds since 1970 */
	const char	*id;		/* Message-ID's left part */
	const char	*text;		/* the body, UTF-8 */
	const char	*filename;	/* the attachment's, ASCII */
	const unsigned char *pdf;
	size_t		 pdflen;
};

/* The message, with CRLF line ends, appended to out. */
void	mime_write(struct sbuf *out, const struct mime_msg *);

/* Append s[0..n) in base64 to out, lines of 76 with CRLF when wrap. */
void	mime_base64(struct sbuf *out, const void *s, size_t n, int wrap);

#endif
