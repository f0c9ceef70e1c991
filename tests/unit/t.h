/*
 * The smallest test harness: each check prints "ok - WHAT" or
 * "not ok - WHAT (file:line)"; tests/run counts the lines.
 * A unit test program is main() calling T_OK / T_EQ_STR / T_EQ_INT.
 */
#ifndef LP_T_H
#define LP_T_H
#include <stdio.h>
#include <string.h>

static int t_failed;

#define T_OK(cond, what) do {						\
	if (cond)							\
		printf("ok - %s\n", (what));				\
	else {								\
		printf("not ok - %s (%s:%d)\n", (what), __FILE__, __LINE__); \
		t_failed = 1;						\
	}								\
} while (0)

#define T_EQ_INT(got, want, what) do {					\
	long t_g = (long)(got), t_w = (long)(want);			\
	if (t_g == t_w)							\
		printf("ok - %s\n", (what));				\
	else {								\
		printf("not ok - %s: got %ld, want %ld (%s:%d)\n",	\
		    (what), t_g, t_w, __FILE__, __LINE__);		\
		t_failed = 1;						\
	}								\
} while (0)

#define T_EQ_STR(got, want, what) do {					\
	const char *t_g = (got), *t_w = (want);				\
	if (t_g != NULL && t_w != NULL && strcmp(t_g, t_w) == 0)	\
		printf("ok - %s\n", (what));				\
	else {								\
		printf("not ok - %s: got \"%s\", want \"%s\" (%s:%d)\n", \
		    (what), t_g ? t_g : "(null)", t_w ? t_w : "(null)",	\
		    __FILE__, __LINE__);				\
		t_failed = 1;						\
	}								\
} while (0)

/* The number of checks the program runs, before the first. */
#define T_PLAN(n) printf("1..%d\n", (int)(n))

#define T_DONE()	return t_failed

#endif
