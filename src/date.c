/* date: ISO dates, checked, shown and counted in one place. */
#include <stddef.h>

#include "date.h"
#include "xalloc.h"

static int
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Split a real YYYY-MM-DD date; 0, or -1 for anything else. */
static int
date_parse(const char *s, int *y, int *m, int *d)
{
	static const int mdays[12] =
	    { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int	 i;

	if (s == NULL)
		return -1;
	for (i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' :
		    s[i] < '0' || s[i] > '9')
			return -1;
	if (s[10] != '\0')
		return -1;
	*y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 +
	    (s[2] - '0') * 10 + (s[3] - '0');
	*m = (s[5] - '0') * 10 + (s[6] - '0');
	*d = (s[8] - '0') * 10 + (s[9] - '0');
	if (*m < 1 || *m > 12 || *d < 1 ||
	    *d > mdays[*m - 1] + (*m == 2 && is_leap(*y)))
		return -1;
	return 0;
}

int
date_valid(const char *s)
{
	int	 y, m, d;

	return date_parse(s, &y, &m, &d) == 0;
}

char *
date_format(const char *iso)
{
	static const char *months[] = { "January", "February", "March",
	    "April", "May", "June", "July", "August", "September",
	    "October", "November", "December" };
	int	 y, m, d;

	if (iso == NULL)
		return NULL;
	if (date_parse(iso, &y, &m, &d) == 0)
		return xasprintf("%d %.3s %d", d, months[m - 1], y);
	return xstrdup(iso);
}

long long
date_seconds(const char *iso)
{
	static const int before[] = { 0, 31, 59, 90, 120, 151, 181, 212, 243,
	    273, 304, 334 };
	int		 y, m, d;
	long long	 days;

	if (date_parse(iso, &y, &m, &d) == -1 || y < 1970)
		return -1;
	days = (long long)(y - 1970) * 365 + (y - 1969) / 4 - (y - 1901) / 100 +
	    (y - 1601) / 400 + before[m - 1] + d - 1;
	if (m > 2 && is_leap(y))
		days++;
	return days * 86400;
}
