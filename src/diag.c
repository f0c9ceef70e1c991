#include <stdarg.h>
#include <stdio.h>

#include "diag.h"

static void
vmsg(struct diag *d, enum diag_level lvl, const char *file, int line,
    int col, const char *fmt, va_list ap)
{
	if (lvl == DIAG_ERROR)
		d->nerr++;
	else
		d->nwarn++;
	if (d->out == NULL)
		return;
	if (file == NULL)
		fputs("leafpress", d->out);
	else
		fputs(file, d->out);
	if (line > 0) {
		fprintf(d->out, ":%d", line);
		if (col > 0)
			fprintf(d->out, ":%d", col);
	}
	fputs(lvl == DIAG_ERROR ? ": error: " : ": warning: ", d->out);
	vfprintf(d->out, fmt, ap);
	fputc('\n', d->out);
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
