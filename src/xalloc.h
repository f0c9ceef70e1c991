/* Allocation that never returns NULL: running out of memory is the one fatal error. */
#ifndef LP_XALLOC_H
#define LP_XALLOC_H
#include <stddef.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
char	*xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));

/*
 * Room for element n of an array grown one element at a time: the
 * array is reallocated, to twice its size, only when n is a power of two
 * (or 0), so appending stays linear without storing a capacity.
 */
void	*xgrow(void *, size_t n, size_t);

/* Text built up a piece at a time, kept NUL-terminated. */
struct sbuf {
	char	*s;
	size_t	 n;
	size_t	 cap;
};

/* Append s[0..n) to b. */
void	sbuf_put(struct sbuf *, const char *s, size_t n);

#endif
