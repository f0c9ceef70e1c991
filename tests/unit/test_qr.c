/*
 * qr: the size of the codes made, their finder patterns and timing
 * rows, and the limits.
 */
#include <stdlib.h>
#include <string.h>

#include "qr.h"
#include "t.h"

/*
 * Is there a finder pattern with its top left at r, c: a dark ring of
 * 7 x 7, a light ring inside it, a dark 3 x 3 core, and a light
 * separator around it (outside the symbol counts as light)?
 */
static int
finder_at(const struct qrcode *q, int r, int c)
{
	int i, j, d, want;

	for (i = -1; i <= 7; i++)
		for (j = -1; j <= 7; j++) {
			/* rings by their distance from the centre */
			d = abs(i - 3) > abs(j - 3) ? abs(i - 3) : abs(j - 3);
			want = d == 3 || d <= 1;
			if (qr_dark(q, r + i, c + j) != want)
				return 0;
		}
	return 1;
}

/* Row 6 between the finders alternates, dark on even columns. */
static int
timing_ok(const struct qrcode *q)
{
	int c;

	for (c = 8; c < q->n - 8; c++)
		if (qr_dark(q, 6, c) != (c % 2 == 0) ||
		    qr_dark(q, c, 6) != (c % 2 == 0))
			return 0;
	return 1;
}

int
main(void)
{
	struct qrcode q;
	char big[QR_MAXBYTES + 2];

	T_PLAN(14);
	T_EQ_INT(qr_encode(&q, "https://riverside.example"), 0,
	    "a web address is encoded");
	/* 25 bytes at level M need version 2: 17 + 4 * 2 modules */
	T_EQ_INT(q.n, 25, "in version 2, 25 modules a side");
	T_OK(finder_at(&q, 0, 0), "finder pattern top left");
	T_OK(finder_at(&q, 0, q.n - 7), "finder pattern top right");
	T_OK(finder_at(&q, q.n - 7, 0), "finder pattern bottom left");
	T_OK(!finder_at(&q, q.n - 7, q.n - 7), "none bottom right");
	T_OK(timing_ok(&q), "timing patterns in row and column 6");
	T_OK(qr_dark(&q, q.n - 8, 8), "the dark module above the bottom "
	    "left finder");
	qr_free(&q);

	/* the most the largest version holds, and a byte more */
	memset(big, 'a', sizeof(big));
	big[QR_MAXBYTES] = '\0';
	T_EQ_INT(qr_encode(&q, big), 0, "QR_MAXBYTES bytes are encoded");
	T_EQ_INT(q.n, 17 + 4 * QR_MAXVERSION, "in the largest version");
	qr_free(&q);
	big[QR_MAXBYTES] = 'a';
	big[QR_MAXBYTES + 1] = '\0';
	T_EQ_INT(qr_encode(&q, big), -1, "a byte more is refused");
	T_EQ_INT(q.n, 0, "and leaves no code");
	T_EQ_INT(qr_encode(&q, ""), -1, "nothing is refused");

	/* UTF-8 goes in as bytes: 12 of them fit version 1 (14 would) */
	T_EQ_INT(qr_encode(&q, "caf\xc3\xa9 \xe2\x82\xac" "123") == 0 &&
	    q.n == 21, 1, "UTF-8 text in 8-bit mode, version 1");
	qr_free(&q);
	T_DONE();
}
