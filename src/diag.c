#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

/*
 * The line is put together first and written at once, so that messages
 * from leaflets built side by side never interleave.
 */
static void
vmsg(struct diag *d, enum diag_level lvl, const char *file, int line,
    int col, const char *fmt, va_list ap)
{
	char buf[1024];
	int n = 0;

	if (file == NULL)
		file = "leafpress";
	if (lvl == DIAG_ERROR)
		d->nerr++;
	else
		d->nwarn++;
	if (d->out == NULL)
		return;
	if (line > 0 && col > 0)
		n = snprintf(buf, sizeof(buf), "%s:%d:%d", file, line, col);
	else if (line > 0)
		n = snprintf(buf, sizeof(buf), "%s:%d", file, line);
	else
		n = snprintf(buf, sizeof(buf), "%s", file);
	if (n < 0 || (size_t)n >= sizeof(buf))
		n = 0;
	n += snprintf(buf + n, sizeof(buf) - n, "%s",
	    lvl == DIAG_ERROR ? ": error: " : ": warning: ");
	if ((size_t)n < sizeof(buf))
		vsnprintf(buf + n, sizeof(buf) - n, fmt, ap);
	buf[sizeof(buf) - 2] = '\0';
	fprintf(d->out, "%s\n", buf);
	fflush(d->out);
}

void
diag_msg(struct diag *d, enum diag_level lvl, const char *file, int line,
    int col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(d, lvl, file, line, col, fmt, ap);
	va_end(ap);
}

void
diag_at(struct diag *d, enum diag_level lvl, const struct srcpos *pos,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(d, lvl, pos->file, pos->line, pos->col, fmt, ap);
	va_end(ap);
}

void
diag_hold(struct diag *tmp, struct diag_held *h)
{
	memset(h, 0, sizeof(*h));
	memset(tmp, 0, sizeof(*tmp));
	tmp->out = open_memstream(&h->text, &h->len);
}

void
diag_hold_end(struct diag *tmp, struct diag_held *h)
{
	if (tmp->out != NULL)
		fclose(tmp->out);
	tmp->out = NULL;
	h->nwarn = tmp->nwarn;
	h->nerr = tmp->nerr;
}

void
diag_replay(struct diag *d, const struct diag_held *h)
{
	d->nwarn += h->nwarn;
	d->nerr += h->nerr;
	if (d->out != NULL && h->text != NULL && h->len > 0) {
		fwrite(h->text, 1, h->len, d->out);
		fflush(d->out);
	}
}

void
diag_held_free(struct diag_held *h)
{
	free(h->text);
	memset(h, 0, sizeof(*h));
}
