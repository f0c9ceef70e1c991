/*
 * qr: text -> QR code modules, by libqrencode.
 */
#include <stdlib.h>
#include <string.h>

#include <qrencode.h>

#include "qr.h"
#include "xalloc.h"

int
qr_encode(struct qrcode *q, const char *text)
{
	QRcode *code;
	size_t len = strlen(text), i;

	memset(q, 0, sizeof(*q));
	if (len == 0 || len > QR_MAXBYTES)
		return -1;
	/* version 0: the smallest that holds the text */
	if ((code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M)) == NULL)
		return -1;
	if (code->version > QR_MAXVERSION) {
		QRcode_free(code);
		return -1;
	}
	q->n = code->width;
	q->dark = xmalloc((size_t)q->n * (size_t)q->n);
	/* bit 0 of each byte is the module's colour; the rest say its role */
	for (i = 0; i < (size_t)q->n * (size_t)q->n; i++)
		q->dark[i] = code->data[i] & 1;
	QRcode_free(code);
	return 0;
}

int
qr_dark(const struct qrcode *q, int r, int c)
{
	if (r < 0 || c < 0 || r >= q->n || c >= q->n)
		return 0;
	return q->dark[(size_t)r * (size_t)q->n + (size_t)c];
}

void
qr_free(struct qrcode *q)
{
	free(q->dark);
	memset(q, 0, sizeof(*q));
}
