/* journal: mail's record of what went to the SMTP server (journal.h). */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "fileio.h"
#include "journal.h"
#include "patients.h"
#include "xalloc.h"

#define JOURNAL_HEAD	"leafpress mail journal 1\n"

static const char *const jwords[] = { NULL, "fail", "send", "sent" };

static int
jentry_cmp(const void *a, const void *b)
{
	return strcmp(((const struct jentry *)a)->ref,
	    ((const struct jentry *)b)->ref);
}

/* The entry of ref, or NULL; the entries are sorted. */
static struct jentry *
find(const struct journal *j, const char *ref)
{
	struct jentry key;

	key.ref = (char *)ref;
	return j->n == 0 ? NULL : bsearch(&key, j->v, j->n, sizeof(*j->v),
	    jentry_cmp);
}

/* Is s 64 lowercase hex digits? */
static int
is_hash(const char *s)
{
	size_t i;

	for (i = 0; i < SHA256_HEX - 1; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' &&
		    s[i] <= 'f')))
			return 0;
	return s[i] == '\0';
}

/* Read one line, "WORD REF HASH", into e: 0, or -1 when it is not one. */
static int
parse_line(char *s, struct jentry *e)
{
	char *w = strtok(s, " "), *ref = strtok(NULL, " "),
	    *h = strtok(NULL, " ");
	int k;

	if (w == NULL || ref == NULL || h == NULL || strtok(NULL, " ") ||
	    !patients_safe_ref(ref) || !is_hash(h))
		return -1;
	for (k = J_FAIL; k <= J_SENT; k++)
		if (strcmp(w, jwords[k]) == 0)
			break;
	if (k > J_SENT)
		return -1;
	e->ref = ref;
	e->state = (enum jstate)k;
	memcpy(e->hash, h, SHA256_HEX);
	return 0;
}

/* Add e, for ref, at its place in the sorted entries, or over ref's own. */
static void
put_entry(struct journal *j, const char *ref, enum jstate st,
    const char *hash)
{
	size_t lo = 0, hi = j->n, mid;
	int c = 1;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if ((c = strcmp(j->v[mid].ref, ref)) == 0) {
			lo = mid;
			break;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (c != 0) {
		j->v = xgrow(j->v, j->n, sizeof(*j->v));
		memmove(&j->v[lo + 1], &j->v[lo], (j->n - lo) * sizeof(*j->v));
		j->n++;
		j->v[lo].ref = xstrdup(ref);
	}
	j->v[lo].state = st;
	memcpy(j->v[lo].hash, hash, SHA256_HEX);
}

/* The lines of buf[0..len), the header first; len ends at a newline. */
static int
parse(struct journal *j, char *buf, size_t len, struct diag *d)
{
	struct jentry e;
	char *s = buf, *nl;
	int line = 1;

	if (len < strlen(JOURNAL_HEAD) ||
	    memcmp(buf, JOURNAL_HEAD, strlen(JOURNAL_HEAD)) != 0) {
		diag_msg(d, DIAG_ERROR, j->path, 1, 1, "not a leafpress mail "
		    "journal");
		return -1;
	}
	s += strlen(JOURNAL_HEAD);
	for (; s < buf + len; s = nl + 1) {
		nl = memchr(s, '\n', (size_t)(buf + len - s));
		*nl = '\0';
		line++;
		if (parse_line(s, &e) == -1) {
			diag_msg(d, DIAG_ERROR, j->path, line, 1, "not a "
			    "journal line: want send, sent or fail, a ref and "
			    "a SHA-256");
			return -1;
		}
		put_entry(j, e.ref, e.state, e.hash);
	}
	return 0;
}

int
journal_load(struct journal *j, const char *path, struct diag *d)
{
	struct stat st;
	char *buf;
	size_t len;
	int rc;

	memset(j, 0, sizeof(*j));
	j->fd = -1;
	j->path = xstrdup(path);
	if (stat(path, &st) == -1 && errno == ENOENT)
		return 0;
	if (file_read(path, &buf, &len, d) == -1)
		return -1;
	while (len > 0 && buf[len - 1] != '\n')
		len--;		/* a line cut short: never acted on */
	rc = len == 0 ? 0 : parse(j, buf, len, d);
	if (rc == 0 && (off_t)len < st.st_size && truncate(path,
	    (off_t)len) == -1) {
		diag_msg(d, DIAG_ERROR, path, 0, 0, "cannot cut its last, "
		    "unfinished line: %s", strerror(errno));
		rc = -1;
	}
	free(buf);
	return rc;
}

enum jstate
journal_state(const struct journal *j, const char *ref, const char **hash)
{
	const struct jentry *e = find(j, ref);

	if (hash != NULL)
		*hash = e ? e->hash : NULL;
	return e ? e->state : J_NONE;
}

/* Write all of s, and sync it: 0, or -1. */
static int
put_synced(int fd, const char *s, size_t n)
{
	return fd_write_all(fd, s, n) == -1 ? -1 : fsync(fd);
}

/* Open the journal for appending; a new one gets its header. */
static int
open_append(struct journal *j)
{
	struct stat st;
	char *dir;
	int rc;

	if ((j->fd = open(j->path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC,
	    0600)) == -1 || fstat(j->fd, &st) == -1)
		return -1;
	if (st.st_size > 0)
		return 0;
	if (put_synced(j->fd, JOURNAL_HEAD, strlen(JOURNAL_HEAD)) == -1)
		return -1;
	/* the new name, synced too: else a crash may lose the file */
	dir = path_dir(j->path);
	rc = dir_sync(dir);
	free(dir);
	return rc;
}

int
journal_record(struct journal *j, enum jstate st, const char *ref,
    const char *hash, struct diag *d)
{
	char *line;
	int rc;

	if (j->fd == -1 && open_append(j) == -1) {
		diag_msg(d, DIAG_ERROR, j->path, 0, 0, "cannot write: %s",
		    strerror(errno));
		return -1;
	}
	line = xasprintf("%s %s %s\n", jwords[st], ref, hash);
	rc = put_synced(j->fd, line, strlen(line));
	free(line);
	if (rc == -1) {
		diag_msg(d, DIAG_ERROR, j->path, 0, 0, "cannot write: %s",
		    strerror(errno));
		return -1;
	}
	put_entry(j, ref, st, hash);
	return 0;
}

void
journal_free(struct journal *j)
{
	size_t i;

	for (i = 0; i < j->n; i++)
		free(j->v[i].ref);
	free(j->v);
	free(j->path);
	if (j->fd != -1)
		close(j->fd);
	memset(j, 0, sizeof(*j));
	j->fd = -1;
}
