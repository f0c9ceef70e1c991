/* Unit tests for patients.c: the CSV patient list, read with libcsv. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "patients.h"
#include "t.h"

struct run {
	struct patients	 ps;
	char		*msgs;		/* what was said */
	size_t		 mlen;
	int		 rc;
	int		 nerr;
};

static void
parse(struct run *r, const char *csv, const char *secret)
{
	struct diag d = { NULL, 0, 0 };

	patients_free(&r->ps);
	free(r->msgs);
	memset(r, 0, sizeof(*r));
	d.out = open_memstream(&r->msgs, &r->mlen);
	r->rc = patients_parse(&r->ps, "l.csv", csv, strlen(csv), secret, &d);
	fclose(d.out);
	r->nerr = d.nerr;
}

/* RFC 4180: quotes, commas and line breaks in them, CRLF, a BOM. */
static void
test_rfc4180(struct run *r)
{
	const struct patient *p;

	parse(r, "\xef\xbb\xbfRef,Name,Address,Email,Articles,Channel,Extra\r\n"
	    "A1,\"Smith, Jo\",\"1 High St\n"
	    "Town|AB1 2CD\",jo@example.org,x;y,both,\"a \"\"q\"\"\"\r\n"
	    "\r\n"
	    "A2,Kim,\"2 Low Rd\",,x,post,\r\n", NULL);
	T_EQ_INT(r->rc, 0, "a good list reads");
	T_EQ_INT(r->ps.n, 2, "two rows; the blank line is none");
	p = &r->ps.v[0];
	T_EQ_STR(p->name, "Smith, Jo", "a comma inside quotes");
	T_EQ_INT(p->naddress, 3, "address lines at line breaks and '|'");
	T_EQ_STR(p->address[2], "AB1 2CD", "the last address line");
	T_EQ_INT(p->narticles, 2, "articles split at ';'");
	T_EQ_INT(p->channels, CHANNEL_POST | CHANNEL_EMAIL, "both");
	T_EQ_INT(p->pos[PCOL_EMAIL].line, 3, "a field's line after a quoted "
	    "line break");
	T_EQ_INT(p->pos[PCOL_EMAIL].col, 15, "and its column");
	T_EQ_INT(r->ps.v[1].pos[PCOL_REF].line, 5, "CRLF and blank lines "
	    "counted");
	T_OK(r->ps.v[1].email == NULL, "an empty field is none");
}

/* Each bad row: one error at its line and column, the rest kept. */
static void
test_bad_rows(struct run *r)
{
	parse(r, "ref,name,address,email,articles,format,channel\n"
	    ",Ann Secret,1 A St|B,,x,,post\n"
	    "B2,Bob Secret,1 A St|B,bob@@x,x,,email\n"
	    "B3,Cy Secret,1 A St|B,,x,tiny,post\n"
	    "B4,Di Secret,,,x,,post\n"
	    "B5,Ed Secret,1 A St|B,,,,post\n"
	    "B6,Flo Secret,1 A St|B,,x,,post\n"
	    "B6,Gus Secret,1 A St|B,,x,,post\n"
	    "../x,Hal Secret,1 A St|B,,x,,post\n"
	    "B9,Ida Secret,1 A St|B,,x,,fax\n"
	    "B10,Jo Secret,1 A St|B,jo@example.org,x,large-print,email,more\n",
	    NULL);
	T_EQ_INT(r->rc, 1, "some rows left out: 1");
	T_EQ_INT(r->ps.n, 1, "only the good row kept");
	T_EQ_STR(r->ps.n ? r->ps.v[0].ref : "", "B6", "the good one");
	T_EQ_INT(r->nerr, 9, "one error a bad row");
	T_OK(r->msgs && strstr(r->msgs, "l.csv:2:1: error: patient on this "
	    "row: no ref") != NULL, "a missing ref, at its column");
	T_OK(r->msgs && strstr(r->msgs, "l.csv:3:24: error: patient B2: bad "
	    "email address") != NULL, "a bad email, naming the ref");
	T_OK(r->msgs && strstr(r->msgs, "l.csv:4:26: error: patient B3: "
	    "unknown format") != NULL, "an unknown format");
	T_OK(r->msgs && strstr(r->msgs, "l.csv:5:14: error: patient B4: "
	    "channel post needs an address") != NULL, "post needs an address");
	T_OK(r->msgs && strstr(r->msgs, "patient B5: no articles") != NULL,
	    "no articles");
	T_OK(r->msgs && strstr(r->msgs, "l.csv:8:1: error: patient B6: ref "
	    "used already on line 7") != NULL, "a duplicate ref");
	T_OK(r->msgs && strstr(r->msgs, "l.csv:9:1: error: patient on this "
	    "row: ref: expected") != NULL, "a ref that is no safe file name");
	T_OK(r->msgs && strstr(r->msgs, "patient B9: channel") != NULL,
	    "an unknown channel");
	T_OK(r->msgs && strstr(r->msgs, "patient B10: more fields") != NULL,
	    "more fields than columns");
	T_OK(r->msgs && strstr(r->msgs, "Secret") == NULL &&
	    strstr(r->msgs, "bob@") == NULL, "no patient data in messages");
}

/* The list as a whole: CSV, a header, the columns it needs. */
static void
test_whole(struct run *r)
{
	parse(r, "ref,name\nA1,Ann\n", NULL);
	T_EQ_INT(r->rc, -1, "no articles column");
	T_OK(r->msgs && strstr(r->msgs, "l.csv:1:1: error: the header row "
	    "has no 'articles' column") != NULL, "said at the header");
	parse(r, "ref,articles\nA1,\"x\n", NULL);
	T_EQ_INT(r->rc, -1, "an unclosed quote");
	T_OK(r->msgs && strstr(r->msgs, "l.csv:2:4: error: not CSV") != NULL,
	    "said where the field starts");
	parse(r, "ref,articles,ref\n", NULL);
	T_EQ_INT(r->rc, -1, "a column twice");
	parse(r, "", NULL);
	T_EQ_INT(r->rc, -1, "an empty file");
	parse(r, "ref,articles,DOB,channel,email\nA1,x,1970-01-02,email,a@b.org\n", "dob");
	T_EQ_STR(r->ps.n ? r->ps.v[0].secret : "", "1970-01-02",
	    "the --encrypt column, by its header");
	parse(r, "ref,articles\nA1,x\n", "dob");
	T_EQ_INT(r->rc, -1, "the --encrypt column missing");
	parse(r, "ref,articles,name\nA1,x,\"B\xff\"\n", NULL);
	T_EQ_INT(r->ps.n, 0, "bad UTF-8 leaves the row out");
}

static void
test_checks(void)
{
	T_OK(patients_email_ok("a.b+c@mail.example.org"), "an email");
	T_OK(!patients_email_ok("a@example"), "one label is no domain");
	T_OK(!patients_email_ok("a..b@example.org"), "two dots");
	T_OK(!patients_email_ok("a b@example.org"), "a space");
	T_OK(!patients_email_ok("a@-x.org"), "a label's leading hyphen");
	T_OK(patients_safe_ref("NHS-123_4.5"), "a safe ref");
	T_OK(!patients_safe_ref(".hidden"), "a hidden name");
	T_OK(!patients_safe_ref("a/b"), "a slash");
}

int
main(void)
{
	struct run r;

	T_PLAN(11 + 14 + 9 + 8);
	memset(&r, 0, sizeof(r));
	test_rfc4180(&r);
	test_bad_rows(&r);
	test_whole(&r);
	test_checks();
	patients_free(&r.ps);
	free(r.msgs);
	T_DONE();
}
