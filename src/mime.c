/* mime: an email with one PDF attached, written by hand. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "mime.h"
#include "xalloc.h"

void
mime_base64(struct sbuf *out, const void *s, size_t n, int wrap)
{
	static const char b64[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char *p = s;
	char q[4];
	size_t i, col = 0;
	unsigned v;

	for (i = 0; i < n; i += 3) {
		v = (unsigned)p[i] << 16;
		if (i + 1 < n)
			v |= (unsigned)p[i + 1] << 8;
		if (i + 2 < n)
			v |= p[i + 2];
		q[0] = b64[v >> 18 & 63];
		q[1] = b64[v >> 12 & 63];
		q[2] = i + 1 < n ? b64[v >> 6 & 63] : '=';
		q[3] = i + 2 < n ? b64[v & 63] : '=';
		sbuf_put(out, q, 4);
		if (wrap && (col += 4) == 76) {
			sbuf_put(out, "\r\n", 2);
			col = 0;
		}
	}
	if (wrap && col > 0)
		sbuf_put(out, "\r\n", 2);
}

static void
put(struct sbuf *out, const char *s)
{
	sbuf_put(out, s, strlen(s));
}

/* Only letters, digits, blanks and a few marks: needs no quoting. */
static int
is_plain(const char *s)
{
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || strchr(" -'!", *s) != NULL))
			return 0;
	return 1;
}

/*
 * A header's text, plain when it can be, else as encoded words
 * (RFC 2047) of at most 45 bytes of UTF-8 each, never splitting a
 * character, folded onto lines of their own.
 */
static void
put_words(struct sbuf *out, const char *s)
{
	size_t n = strlen(s), k;

	if (is_plain(s) && n < 60) {
		put(out, s);
		return;
	}
	while (n > 0) {
		k = n < 45 ? n : 45;
		while (k < n && ((unsigned char)s[k] & 0xc0) == 0x80)
			k--;
		put(out, "=?UTF-8?B?");
		mime_base64(out, s, k, 0);
		put(out, "?=");
		s += k;
		n -= k;
		if (n > 0)
			put(out, "\r\n ");
	}
}

void
mime_write(struct sbuf *out, const struct mime_msg *m)
{
	static const char *const wd[] =
	    { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	static const char *const mo[] = { "Jan", "Feb", "Mar", "Apr", "May",
	    "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	time_t t = (time_t)m->date;
	const char *dom = strrchr(m->from, '@');
	char line[160];
	struct tm tm;

	gmtime_r(&t, &tm);
	snprintf(line, sizeof(line), "Date: %s, %d %s %d %02d:%02d:%02d "
	    "+0000\r\n", wd[tm.tm_wday], tm.tm_mday, mo[tm.tm_mon],
	    tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
	put(out, line);
	put(out, "From: ");
	put(out, m->from);
	put(out, "\r\nReply-To: ");
	put(out, m->from);
	put(out, "\r\nTo: ");
	if (m->to_name != NULL) {
		put_words(out, m->to_name);
		put(out, " ");
	}
	put(out, "<");
	put(out, m->to);
	put(out, ">\r\nSubject: ");
	put_words(out, m->subject);
	put(out, "\r\nMessage-ID: <");
	put(out, m->id);
	put(out, "@");
	sbuf_put(out, dom ? dom + 1 : "leafpress.invalid",
	    dom ? strcspn(dom + 1, ">") : strlen("leafpress.invalid"));
	put(out, ">\r\nMIME-Version: 1.0\r\n"
	    "Content-Type: multipart/mixed; boundary=\"=_lp_");
	put(out, m->id);
	put(out, "\"\r\n\r\nThis is a MIME message.\r\n\r\n--=_lp_");
	put(out, m->id);
	put(out, "\r\nContent-Type: text/plain; charset=UTF-8\r\n"
	    "Content-Transfer-Encoding: base64\r\n\r\n");
	mime_base64(out, m->text, strlen(m->text), 1);
	put(out, "\r\n--=_lp_");
	put(out, m->id);
	snprintf(line, sizeof(line), "\r\nContent-Type: application/pdf; "
	    "name=\"%s\"\r\nContent-Disposition: attachment; "
	    "filename=\"%s\"\r\n", m->filename, m->filename);
	put(out, line);
	put(out, "Content-Transfer-Encoding: base64\r\n\r\n");
	mime_base64(out, m->pdf, m->pdflen, 1);
	put(out, "\r\n--=_lp_");
	put(out, m->id);
	put(out, "--\r\n");
}
