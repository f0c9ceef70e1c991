/*
 * Reading inputs whole and writing outputs atomically.
 *
 * Inputs are read into memory in one go, refused beyond FILEIO_MAX.
 * Outputs are written to a temporary file beside the target and
 * renamed into place, so a reader never sees half a file and a failed
 * build leaves the old output, or nothing, behind.  The file is synced
 * before the rename and the directory after it, so that after a crash
 * the new name holds the whole new file, and a manifest written later
 * never names a file that is not on the disk.  Where the file system
 * can, the temporary file has no name until it is complete (O_TMPFILE),
 * so that a process killed while writing leaves nothing behind.
 */
#define _GNU_SOURCE	/* O_TMPFILE */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "fileio.h"
#include "xalloc.h"

int
file_read(const char *path, char **bufp, size_t *lenp, struct diag *d)
{
	struct stat	 st;
	char		*buf = NULL;
	size_t		 len = 0, cap;
	ssize_t		 n;
	int		 fd, rc = -1, err = 0;

	*bufp = NULL;
	*lenp = 0;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		err = errno;
		goto out;
	}
	if (fstat(fd, &st) == -1) {
		err = errno;
		goto out;
	}
	if (S_ISDIR(st.st_mode)) {
		err = EISDIR;
		goto out;
	}
	if (S_ISREG(st.st_mode) && st.st_size > (off_t)FILEIO_MAX) {
		diag_msg(d, DIAG_ERROR, path, 0, 0, "file too large: more "
		    "than %u bytes", FILEIO_MAX);
		goto out;
	}

	/*
	 * The size is only a hint: the file may change under us and
	 * pipes have none.  Read until end of file, one byte beyond
	 * the limit at most, so that too large is still noticed.
	 */
	cap = S_ISREG(st.st_mode) && st.st_size > 0 ?
	    (size_t)st.st_size + 1 : 8192;
	buf = xmalloc(cap + 1);
	for (;;) {
		if (len == cap) {
			if (cap > FILEIO_MAX)
				break;
			cap = cap > FILEIO_MAX / 2 ? FILEIO_MAX + 1 : cap * 2;
			buf = xrealloc(buf, cap + 1);
		}
		n = read(fd, buf + len, cap - len);
		if (n == -1) {
			if (errno == EINTR)
				continue;
			err = errno;
			goto out;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	if (len > FILEIO_MAX) {
		diag_msg(d, DIAG_ERROR, path, 0, 0, "file too large: more "
		    "than %u bytes", FILEIO_MAX);
		goto out;
	}
	buf[len] = '\0';
	*bufp = buf;
	*lenp = len;
	buf = NULL;
	rc = 0;
out:
	if (err != 0)
		diag_msg(d, DIAG_ERROR, path, 0, 0, "cannot read: %s",
		    strerror(err));
	if (fd != -1)
		close(fd);
	free(buf);
	errno = err;	/* for callers that word their own message */
	return rc;
}

/*
 * Create dir and any missing parents, like mkdir -p.
 * Returns 0, or an errno value.
 */
static int
mkdirs(const char *dir)
{
	struct stat	 st;
	char		*p, *s, c;
	int		 err = 0;

	if (stat(dir, &st) == 0)
		return S_ISDIR(st.st_mode) ? 0 : ENOTDIR;
	s = xstrdup(dir);
	for (p = s + 1; ; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		if (p[-1] != '/') {
			c = *p;
			*p = '\0';
			if (mkdir(s, 0777) == -1 && errno != EEXIST) {
				err = errno;
				break;
			}
			*p = c;
		}
		if (*p == '\0')
			break;
	}
	free(s);
	return err;
}

/*
 * The mode a newly created file would get: 0666 less the umask.
 * umask(2) cannot be read without being set, which would race with
 * other threads, so ask the kernel (Linux 4.7 and later) and fall back
 * to the usual 022.
 */
mode_t
file_mode(void)
{
	FILE		*f;
	char		 line[128];
	unsigned long	 mask = 022;

	if ((f = fopen("/proc/self/status", "re")) != NULL) {
		while (fgets(line, sizeof(line), f) != NULL)
			if (strncmp(line, "Umask:", 6) == 0) {
				mask = strtoul(line + 6, NULL, 8);
				break;
			}
		fclose(f);
	}
	return (mode_t)(0666 & ~mask);
}

/* What a file is, for a message; NULL for a regular file. */
static const char *
file_kind(mode_t m)
{
	if (S_ISREG(m))
		return NULL;
	if (S_ISDIR(m))
		return "a directory";
	if (S_ISFIFO(m))
		return "a FIFO";
	if (S_ISSOCK(m))
		return "a socket";
	if (S_ISCHR(m) || S_ISBLK(m))
		return "a device";
	return "not a regular file";
}

int
file_check_output(const char *path, struct diag *d)
{
	struct stat	 st;
	const char	*kind;

	/*
	 * rename() would put the PDF in place of a FIFO, a socket or a
	 * device node (/dev/null included) and fail on a directory only
	 * after the work: refuse them first.  A symbolic link is judged by
	 * what it points to, and replaced by the PDF like a file.
	 */
	if (lstat(path, &st) == -1)
		return 0;	/* a new name; mkdirs and rename will tell */
	if (S_ISLNK(st.st_mode) && stat(path, &st) == -1)
		return 0;
	if ((kind = file_kind(st.st_mode)) == NULL)
		return 0;
	diag_msg(d, DIAG_ERROR, path, 0, 0, "cannot write: %s, not a regular "
	    "file", kind);
	return -1;
}

int
file_write_stdout(const void *buf, size_t len, struct diag *d)
{
	if (fwrite(buf, 1, len, stdout) != len || fflush(stdout) != 0) {
		diag_msg(d, DIAG_ERROR, "-", 0, 0, "cannot write: %s",
		    strerror(errno));
		return -1;
	}
	return 0;
}

/*
 * A file to write in dir: unnamed (O_TMPFILE, *tmp NULL) where the file
 * system allows it, else named .NAME.XXXXXX in *tmp.
 */
static int
open_temp(const char *dir, const char *name, char **tmp)
{
	int fd;

	*tmp = NULL;
	if ((fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600)) != -1)
		return fd;
	*tmp = xasprintf("%s/.%s.XXXXXX", dir, name);
	if ((fd = mkstemp(*tmp)) == -1) {
		free(*tmp);
		*tmp = NULL;
	}
	return fd;
}

/*
 * Give the complete unnamed file fd a temporary name, to be renamed
 * over the target (linkat cannot replace a name); NULL on error.
 */
static char *
link_temp(int fd, const char *dir, const char *name)
{
	char proc[64], *tmp;
	int i, e = 0;

	snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fd);
	for (i = 0; i < 100; i++) {
		tmp = xasprintf("%s/.%s.%06x", dir, name,
		    (unsigned)(getpid() * 7919 + i) & 0xffffff);
		if (linkat(AT_FDCWD, proc, AT_FDCWD, tmp, AT_SYMLINK_FOLLOW) == 0)
			return tmp;
		e = errno;
		free(tmp);
		if (e != EEXIST)
			break;
	}
	errno = e;
	return NULL;
}

int
dir_sync(const char *dir)
{
	int fd, rc;

	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

int
fd_write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;
	ssize_t n;

	while (len > 0) {
		if ((n = write(fd, p, len)) == -1 && errno == EINTR)
			continue;
		if (n == -1)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* file_write_atomic(), and file_write_nosync() when sync is 0. */
static int
write_atomic(const char *path, const void *buf, size_t len, int sync,
    struct diag *d)
{
	const char	*p = buf, *name;
	char		*dir, *tmp = NULL;
	int		 fd = -1, err = 0, rc = -1, cr;

	dir = path_dir(path);
	if ((name = strrchr(path, '/')) != NULL)
		name++;
	else
		name = path;
	if (*name == '\0') {
		err = EISDIR;
		goto out;
	}
	if (file_check_output(path, d) == -1) {
		free(dir);
		return -1;
	}
	if ((err = mkdirs(dir)) != 0)
		goto out;

	if ((fd = open_temp(dir, name, &tmp)) == -1) {
		err = errno;
		goto out;
	}
	if (fd_write_all(fd, p, len) == -1) {
		err = errno;
		goto out;
	}
	if (fchmod(fd, file_mode()) == -1 || (sync && fsync(fd) == -1) ||
	    (tmp == NULL && (tmp = link_temp(fd, dir, name)) == NULL)) {
		err = errno;
		goto out;
	}
	cr = close(fd);
	fd = -1;
	if (cr == -1) {
		err = errno;
		goto out;
	}
	if (rename(tmp, path) == -1 || (sync && dir_sync(dir) == -1)) {
		err = errno;
		goto out;
	}
	rc = 0;
out:
	if (fd != -1)
		close(fd);
	if (rc == -1 && tmp != NULL)
		unlink(tmp);
	if (err != 0)
		diag_msg(d, DIAG_ERROR, path, 0, 0, "cannot write: %s",
		    strerror(err));
	free(tmp);
	free(dir);
	return rc;
}

int
file_write_atomic(const char *path, const void *buf, size_t len,
    struct diag *d)
{
	return write_atomic(path, buf, len, 1, d);
}

int
file_write_nosync(const char *path, const void *buf, size_t len,
    struct diag *d)
{
	return write_atomic(path, buf, len, 0, d);
}

int
file_sync(const char *path)
{
	int fd, rc;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

char *
path_dir(const char *path)
{
	size_t	 n = strlen(path);

	/* Like dirname(3): trailing slashes belong to no component. */
	while (n > 1 && path[n - 1] == '/')
		n--;
	while (n > 0 && path[n - 1] != '/')
		n--;
	if (n == 0)
		return xstrdup(".");
	while (n > 1 && path[n - 1] == '/')
		n--;
	return xstrndup(path, n);
}

char *
path_stem(const char *path)
{
	const char	*s, *e, *dot;
	size_t		 n = strlen(path);

	while (n > 1 && path[n - 1] == '/')
		n--;
	e = path + n;
	for (s = e; s > path && s[-1] != '/'; s--)
		continue;
	/* A leading dot names a hidden file; it starts no extension. */
	for (dot = e; dot > s + 1 && dot[-1] != '.'; dot--)
		continue;
	if (dot > s + 1)
		e = dot - 1;
	return xstrndup(s, (size_t)(e - s));
}

char *
path_join(const char *dir, const char *rel)
{
	size_t	 n;

	if (rel[0] == '/' || dir[0] == '\0' || strcmp(dir, ".") == 0)
		return xstrdup(rel);
	n = strlen(dir);
	if (dir[n - 1] == '/')
		return xasprintf("%s%s", dir, rel);
	return xasprintf("%s/%s", dir, rel);
}

/* 0 for err 0, else -1 after the one error a folder gets. */
static int
dir_error(const char *dir, int err, struct diag *d)
{
	if (err == 0)
		return 0;
	diag_msg(d, DIAG_ERROR, dir, 0, 0, "cannot write into this "
	    "directory: %s", strerror(err));
	return -1;
}

int
dir_ready(const char *dir, struct diag *d)
{
	int err = mkdirs(dir);

	if (err == 0 && access(dir, W_OK | X_OK) == -1)
		err = errno;
	return dir_error(dir, err, d);
}

int
dir_writable(const char *dir, struct diag *d)
{
	struct stat	 st;
	char		*p = xstrdup(dir), *up;
	int		 err = 0;

	/* what mkdirs would make goes into the nearest that is there */
	while (stat(p, &st) == -1) {
		if ((err = errno) != ENOENT)
			break;
		up = path_dir(p);
		if (strcmp(up, p) == 0) {
			free(up);
			break;
		}
		free(p);
		p = up;
		err = 0;
	}
	if (err == 0 && !S_ISDIR(st.st_mode))
		err = ENOTDIR;
	if (err == 0 && access(p, W_OK | X_OK) == -1)
		err = errno;
	free(p);
	return dir_error(dir, err, d);
}

void
strlist_add(struct strlist *l, char *s)
{
	l->v = xgrow(l->v, l->n, sizeof(*l->v));
	l->v[l->n++] = s;
}

void
strlist_free(struct strlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
dir_list(const char *dir, const char *ext, struct strlist *l,
    struct diag *d)
{
	DIR *dp;
	struct dirent *de;
	size_t n, e = strlen(ext);

	memset(l, 0, sizeof(*l));
	if ((dp = opendir(dir)) == NULL) {
		diag_msg(d, DIAG_ERROR, dir, 0, 0, "cannot open directory: %s",
		    strerror(errno));
		return -1;
	}
	while ((de = readdir(dp)) != NULL) {
		n = strlen(de->d_name);
		if (de->d_name[0] != '.' && n > e &&
		    strcmp(de->d_name + n - e, ext) == 0)
			strlist_add(l, path_join(dir, de->d_name));
	}
	closedir(dp);
	if (l->n > 1)	/* qsort wants an array, even of none */
		qsort(l->v, l->n, sizeof(*l->v), cmp_str);
	return 0;
}
