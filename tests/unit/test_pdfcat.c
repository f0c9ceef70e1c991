/* Unit tests for pdfcat.c: one PDF of many, written as they come. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "pdfcat.h"
#include "t.h"
#include "xalloc.h"

/*
 * A PDF as render writes one, from its objects' bodies (object i+1 is
 * body[i]), with the cross-reference table worked out: 1 the catalogue,
 * 2 the page tree, 3 the information.
 */
static char *
pdf(const char *const *body, size_t n, size_t *len)
{
	struct sbuf s = { NULL, 0, 0 };
	size_t *off = xcalloc(n + 1, sizeof(*off)), i;
	char line[128];

	sbuf_put(&s, "%PDF-1.3\n", 9);
	for (i = 0; i < n; i++) {
		off[i] = s.n;
		snprintf(line, sizeof(line), "%zu 0 obj\n", i + 1);
		sbuf_put(&s, line, strlen(line));
		sbuf_put(&s, body[i], strlen(body[i]));
		sbuf_put(&s, "\nendobj\n", 8);
	}
	off[n] = s.n;
	snprintf(line, sizeof(line), "xref\n0 %zu\n0000000000 65535 f\r\n",
	    n + 1);
	sbuf_put(&s, line, strlen(line));
	for (i = 0; i < n; i++) {
		snprintf(line, sizeof(line), "%010zu 00000 n\r\n", off[i]);
		sbuf_put(&s, line, strlen(line));
	}
	snprintf(line, sizeof(line), "trailer\n<<\n/Root 1 0 R\n/Info 3 0 R\n"
	    "/Size %zu\n>>\nstartxref\n%zu\n%%%%EOF\n", n + 1, off[n]);
	sbuf_put(&s, line, strlen(line));
	free(off);
	*len = s.n;
	return s.s;
}

static const char *const one[] = {
	"<< /Type /Catalog /Pages 2 0 R >>",
	"<< /Type /Pages /Kids [ 4 0 R ] /Count 1 >>",
	"<< /Title (not 1 0 R, \\(nor 2 0 R\\)) >>",
	"<< /Type /Page /Parent 2 0 R /Resources << /XObject << /Im1 5 0 R "
	    ">> >> /Annots [ << /Dest [ 4 0 R /XYZ 0 0 0 ] /Contents "
	    "(see 4 0 R \\) 4 0 R) >> ] >>",
	"<< /Type /XObject /Subtype /Image /Length 6 0 R >>\nstream\n"
	    "4 0 R pixels\nendstream",
	"12",
};

/* Read the whole of path. */
static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *s = xmalloc(1 << 16);

	*len = fread(s, 1, (1 << 16) - 1, f);
	s[*len] = '\0';
	fclose(f);
	return s;
}

int
main(void)
{
	struct diag d = { NULL, 0, 0 };
	struct pdfcat_info info = { "Post \xc3\xa9", "Clinic", "en", 0 };
	struct pdfcat c;
	char path[] = "/tmp/lp-pdfcat-XXXXXX", *a, *out, *cmd;
	size_t alen, olen;
	int fd;

	T_PLAN(13);
	d.out = fopen("/dev/null", "w");
	fd = mkstemp(path);
	close(fd);
	a = pdf(one, sizeof(one) / sizeof(*one), &alen);
	T_EQ_INT(pdfcat_open(&c, path, &d), 0, "opens");
	T_EQ_INT(pdfcat_add(&c, (unsigned char *)a, alen, "a.pdf", &d), 0,
	    "adds a PDF");
	pdfcat_blank(&c, 100, 200);
	T_EQ_INT(pdfcat_add(&c, (unsigned char *)a, alen, "a.pdf", &d), 0,
	    "and again");
	T_EQ_INT(pdfcat_add(&c, (unsigned char *)"%PDF-1.3\nnothing", 16,
	    "b.pdf", &d), -1, "not a PDF: refused");
	T_EQ_INT(pdfcat_close(&c, &info, &d), 0, "closes");
	out = slurp(path, &olen);
	T_OK(strstr(out, "/Count 3") != NULL &&
	    strstr(out, "/Kids [\n5 0 R 10 0 R 12 0 R ]") != NULL,
	    "three pages: each input's tree, the blank between");
	T_OK(strstr(out, "5 0 obj\n<<\n/Parent 1 0 R /Type /Pages /Kids "
	    "[ 7 0 R ]") != NULL && strstr(out, "12 0 obj\n<<\n/Parent 1 0 R "
	    "/Type /Pages /Kids [ 14 0 R ]") != NULL,
	    "each tree hung under the output's, its kids moved on");
	T_OK(strstr(out, "/Im1 8 0 R") != NULL && strstr(out, "/Im1 15 0 R")
	    == NULL && strstr(out, "/Im1 8 0 R >> >> /Annots [ << /Dest "
	    "[ 14 0 R") != NULL && strstr(out, "15 0 obj\nnull") != NULL,
	    "the image shared; the second page its own");
	T_OK(strstr(out, "4 0 R pixels") != NULL, "a stream's bytes as they are");
	T_OK(strstr(out, "/Contents (see 4 0 R \\) 4 0 R)") != NULL,
	    "a string's text as it is");
	T_OK(strstr(out, "not 1 0 R") == NULL && strstr(out, "/Title <FEFF0050"
	    "006F0073007400200" "0E9>") != NULL, "the inputs' information "
	    "left out; the output's in UTF-16");
	T_OK(strstr(out, "/MediaBox [ 0 0 100.00 200.00 ]") != NULL,
	    "the blank page's size");
	cmd = xasprintf("qpdf --check %s >/dev/null 2>&1", path);
	T_OK(system(cmd) == 0, "qpdf checks it clean");
	free(cmd);
	free(out);
	free(a);
	if (getenv("KEEP") == NULL)
		unlink(path);
	fclose(d.out);
	T_DONE();
}
