/*
 * qr: a text as the modules of a QR code, through libqrencode, so that
 * no other file sees that library.  Error correction level M (a code
 * on a printed leaflet survives a crease or a smudge), the whole text
 * in 8-bit mode, UTF-8 as it is.
 */
#ifndef LP_QR_H
#define LP_QR_H
#include <stddef.h>

/*
 * The largest code made: version 10, 57 modules a side, still about
 * 0.4 mm a module at 22 mm; what it holds at level M in 8-bit mode.
 */
#define QR_MAXVERSION	10
#define QR_MAXBYTES	213
#define QR_QUIET	4	/* light modules around the symbol, each side */

struct qrcode {
	int		 n;		/* modules a side; 0: no code */
	unsigned char	*dark;		/* n * n, row by row from the top,
					   1 for a dark module */
};

/*
 * Encode text (1 to QR_MAXBYTES bytes) in the smallest version that
 * holds it; -1 when it is empty or too long for QR_MAXVERSION.
 */
int	qr_encode(struct qrcode *, const char *text);
/* Is the module at row r, column c dark?  Outside the symbol: no. */
int	qr_dark(const struct qrcode *, int r, int c);
void	qr_free(struct qrcode *);

#endif
