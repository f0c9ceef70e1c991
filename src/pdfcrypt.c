/* pdfcrypt: AES-256 (R6) encryption by libqpdf (pdfcrypt.h). */
#include <sys/random.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <qpdf/qpdf-c.h>

#include "diag.h"
#include "pdfcrypt.h"
#include "xalloc.h"

/* A random owner password, 32 hex digits; nobody needs it again. */
static int
owner_password(char out[33])
{
	unsigned char r[16];
	size_t i;

	if (getrandom(r, sizeof(r), 0) != (ssize_t)sizeof(r))
		return -1;
	for (i = 0; i < sizeof(r); i++)
		snprintf(out + 2 * i, 3, "%02x", r[i]);
	explicit_bzero(r, sizeof(r));
	return 0;
}

int
pdf_encrypt(const unsigned char *pdf, size_t len, const char *password,
    const char *name, unsigned char **out, size_t *outlen, struct diag *d)
{
	qpdf_data q;
	char owner[33];
	int rc = -1;

	if (owner_password(owner) == -1) {
		diag_msg(d, DIAG_ERROR, name, 0, 0, "cannot encrypt: no "
		    "random numbers");
		return -1;
	}
	q = qpdf_init();
	qpdf_silence_errors(q);
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	if (qpdf_read_memory(q, name, (const char *)pdf, len, NULL) &
	    QPDF_ERRORS || qpdf_init_write_memory(q) & QPDF_ERRORS)
		goto out;
	/* printing and reading aloud allowed; changing it not */
	qpdf_set_r6_encryption_parameters2(q, password, owner, QPDF_TRUE,
	    QPDF_TRUE, QPDF_FALSE, QPDF_FALSE, QPDF_FALSE, QPDF_FALSE,
	    qpdf_r3p_full, QPDF_TRUE);
	if (qpdf_write(q) & QPDF_ERRORS)
		goto out;
	*outlen = qpdf_get_buffer_length(q);
	*out = xmalloc(*outlen);
	memcpy(*out, qpdf_get_buffer(q), *outlen);
	rc = 0;
out:
	if (rc == -1)
		diag_msg(d, DIAG_ERROR, name, 0, 0, "cannot encrypt: %s",
		    qpdf_has_error(q) ? qpdf_get_error_full_text(q,
		    qpdf_get_error(q)) : "libqpdf failed");
	explicit_bzero(owner, sizeof(owner));
	qpdf_cleanup(&q);
	return rc;
}
