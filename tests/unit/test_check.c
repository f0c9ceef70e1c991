/*
 * Unit tests for check.c: the version rule's comparison, the seam that
 * the manifest's "version" of the last build will feed.
 */
#include "check.h"
#include "t.h"

int
main(void)
{
	T_PLAN(9);
	T_EQ_INT(check_newer("1.0", NULL), 1, "nothing built: any version is newer");
	T_EQ_INT(check_newer("1.1", "1.0"), 1, "1.1 after 1.0");
	T_EQ_INT(check_newer("1.0", "1.0"), 0, "1.0 not after itself");
	T_EQ_INT(check_newer("1.9", "1.10"), 0, "1.9 before 1.10");
	T_EQ_INT(check_newer("1.10", "1.9"), 1, "1.10 after 1.9: numbers, not text");
	T_EQ_INT(check_newer("2", "1.5"), 1, "2 after 1.5");
	T_EQ_INT(check_newer("1.0.1", "1.0"), 1, "1.0.1 after 1.0");
	T_EQ_INT(check_newer("1.0", "1.0.1"), 0, "1.0 before 1.0.1");
	T_EQ_INT(check_newer("b", "a"), 1, "other text compares as text");
	T_DONE();
}
