/* Unit tests for journal.c: mail's record of what went to the server. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "journal.h"
#include "t.h"

#define H0 "0000000000000000000000000000000000000000000000000000000000000000"
#define H1 "1111111111111111111111111111111111111111111111111111111111111111"

/* Write s to path. */
static void
put(const char *path, const char *s)
{
	FILE *f = fopen(path, "w");

	fputs(s, f);
	fclose(f);
}

/* Load path into j; the number of errors said. */
static int
load(struct journal *j, const char *path)
{
	struct diag d = { NULL, 0, 0 };

	d.out = fopen("/dev/null", "w");
	journal_load(j, path, &d);
	fclose(d.out);
	return d.nerr;
}

/* A ref's last line decides; a line cut short is dropped, and cut off. */
static void
test_read(const char *path)
{
	struct journal j;
	const char *h;
	char buf[2048];
	FILE *f;
	size_t n;

	put(path, "leafpress mail journal 1\nsend A " H0 "\nsent A " H0
	    "\nsend B " H1 "\nfail C " H0 "\nsend C " H1 "\nsent D " H0
	    "\nsend D");
	T_EQ_INT(load(&j, path), 0, "a journal with a torn last line reads");
	T_EQ_INT(journal_state(&j, "A", &h), J_SENT, "send, then sent: sent");
	T_EQ_STR(h, H0, "and its hash");
	T_EQ_INT(journal_state(&j, "B", NULL), J_DOUBT, "send alone: in doubt");
	T_EQ_INT(journal_state(&j, "C", NULL), J_DOUBT, "the last line decides");
	T_EQ_INT(journal_state(&j, "D", NULL), J_SENT, "the torn line is dropped");
	T_EQ_INT(journal_state(&j, "E", &h), J_NONE, "an unknown ref: none");
	T_OK(h == NULL, "and no hash");
	T_EQ_INT(journal_record(&j, J_DOUBT, "0", H1, NULL), 0, "a record");
	T_EQ_INT(journal_state(&j, "0", NULL), J_DOUBT, "and it counts at once");
	journal_free(&j);
	f = fopen(path, "r");
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	fclose(f);
	T_OK(strstr(buf, "send D\n") == NULL && strstr(buf, "sent D " H0
	    "\nsend 0 " H1 "\n") != NULL, "the torn line cut before the next");
	T_EQ_INT(load(&j, path), 0, "it reads again");
	T_EQ_INT(journal_state(&j, "0", NULL), J_DOUBT, "with the new line");
	journal_free(&j);
}

/* What is not a journal is an error, and sends nothing. */
static void
test_bad(const char *path)
{
	struct journal j;

	put(path, "ref,name\n");
	T_EQ_INT(load(&j, path), 1, "not a journal: an error");
	journal_free(&j);
	put(path, "leafpress mail journal 1\nsent A " H0 "\nsend ../x " H0 "\n");
	T_EQ_INT(load(&j, path), 1, "a ref that is no file name: an error");
	journal_free(&j);
	put(path, "leafpress mail journal 1\nsent A 00\n");
	T_EQ_INT(load(&j, path), 1, "a short hash: an error");
	journal_free(&j);
	unlink(path);
	T_EQ_INT(load(&j, path), 0, "no journal: nothing sent yet");
	T_EQ_INT(journal_record(&j, J_SENT, "A", H0, NULL), 0, "a new one");
	journal_free(&j);
	T_EQ_INT(load(&j, path), 0, "starts with its header");
	T_EQ_INT(journal_state(&j, "A", NULL), J_SENT, "and holds the line");
	journal_free(&j);
}

int
main(void)
{
	char path[] = "/tmp/lp-journal-XXXXXX";
	int fd;

	T_PLAN(20);
	if ((fd = mkstemp(path)) == -1)
		return 1;
	close(fd);
	test_read(path);
	test_bad(path);
	unlink(path);
	T_DONE();
}
