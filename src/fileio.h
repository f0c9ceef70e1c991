/* Reading inputs whole and writing outputs atomically. */
#ifndef LP_FILEIO_H
#define LP_FILEIO_H
#include <sys/types.h>

#include <stddef.h>

struct diag;

/* Largest input file read, in bytes: a limit against hostile input. */
#define FILEIO_MAX	(64u * 1024 * 1024)

/*
 * Read path into a NUL-terminated buffer; on error report and return -1
 * with errno saying why (0 when the file was too large).
 */
int	file_read(const char *path, char **buf, size_t *len, struct diag *);

/*
 * Write buf to path through a temporary file in the same directory,
 * renamed into place only when everything was written.  Creates missing
 * parent directories.  Refuses what file_check_output() refuses.  On
 * error nothing is left behind.
 */
int	file_write_atomic(const char *path, const void *buf, size_t len,
	    struct diag *);

/*
 * The same, but not synced to disk: for files that a run killed with
 * the machine makes again (a rename still never shows half a file to
 * another process).
 */
int	file_write_nosync(const char *path, const void *buf, size_t len,
	    struct diag *);
/* Sync a file written without, when it is about to matter: 0, or -1. */
int	file_sync(const char *path);
/*
 * Make dir and its parents, and check that files can be created in it:
 * 0, or -1 after one error naming dir.
 */
int	dir_ready(const char *dir, struct diag *);
/* Could dir_ready() make dir and write into it?  It makes nothing. */
int	dir_writable(const char *dir, struct diag *);

/*
 * Is path a regular file (or a link to one) or a new name, which
 * file_write_atomic() may replace?  Otherwise (a directory, a FIFO, a
 * socket, a device) report and return -1.
 */
int	file_check_output(const char *path, struct diag *);
/* The mode a new file gets: 0666 less the umask. */
mode_t	file_mode(void);
/* Write all of buf to fd, again after a signal: 0, or -1 and errno. */
int	fd_write_all(int fd, const void *buf, size_t len);
/* Make a new name or a rename in dir durable (fsync): 0, or -1. */
int	dir_sync(const char *dir);
/* Write buf to standard output ("-o -"). */
int	file_write_stdout(const void *buf, size_t len, struct diag *);

/* Strings owned by the list: paths, or messages. */
struct strlist {
	char	**v;
	size_t	  n;
};

void	strlist_add(struct strlist *, char *s);	/* takes s */
void	strlist_free(struct strlist *);

/*
 * The files in dir whose names end in ext (not hidden ones), as paths,
 * sorted by name, into l; -1 (reported) when dir cannot be read.
 */
int	dir_list(const char *dir, const char *ext, struct strlist *l,
	    struct diag *);

/* Directory part of path ("." when there is none); caller frees. */
char	*path_dir(const char *path);
/* File name of path without directory and without extension; caller frees. */
char	*path_stem(const char *path);
/* rel joined to dir, unless rel is absolute; caller frees. */
char	*path_join(const char *dir, const char *rel);

#endif
