/*
 * The smallest test harness: each check prints "ok - WHAT" or
 * "not ok - WHAT (file:line)"; tests/run counts the lines.
 * A unit test program is main() calling T_PLAN(n) first, then
 * T_OK / T_EQ_STR / T_EQ_INT, and ending with T_DONE().
 */
#ifndef LP_T_H
#define LP_T_H
#include <stdio.h>
#include <string.h>

static int t_failed, t_ran, t_plan = -1;

/*
 * T_PLAN(n): how many checks the program runs, stated before it runs
 * any, as a line "1..n".  A program that stops early or skips checks
 * then fails (in T_DONE and in tests/run) instead of passing on what it
 * left out.  Line-buffered so the lines before a crash are kept.
 */
#define T_PLAN(n) do {							\
	setvbuf(stdout, NULL, _IOLBF, 0);				\
	t_plan = (n);							\
	printf("1..%d\n", t_plan);					\
} while (0)

#define T_OK(cond, what) do {						\
	t_ran++;							\
	if (cond)							\
		printf("ok - %s\n", (what));				\
	else {								\
		printf("not ok - %s (%s:%d)\n", (what), __FILE__, __LINE__); \
		t_failed = 1;						\
	}								\
} while (0)

#define T_EQ_INT(got, want, what) do {					\
	long t_g = (long)(got), t_w = (long)(want);			\
	t_ran++;							\
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
	t_ran++;							\
	if (t_g != NULL && t_w != NULL && strcmp(t_g, t_w) == 0)	\
		printf("ok - %s\n", (what));				\
	else {								\
		printf("not ok - %s: got \"%s\", want \"%s\" (%s:%d)\n", \
		    (what), t_g ? t_g : "(null)", t_w ? t_w : "(null)",	\
		    __FILE__, __LINE__);				\
		t_failed = 1;						\
	}								\
} while (0)

/* The exit status of main(): non-zero on a failed check or a broken plan. */
#define T_DONE() do {							\
	if (t_plan < 0) {						\
		printf("not ok - no T_PLAN, ran %d\n", t_ran);		\
		t_failed = 1;						\
	} else if (t_ran != t_plan) {					\
		printf("not ok - planned %d checks, ran %d\n",		\
		    t_plan, t_ran);					\
		t_failed = 1;						\
	}								\
	return t_failed;						\
} while (0)

#endif
