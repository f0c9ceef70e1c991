/*
 * pdfcrypt: a PDF encrypted for email with AES-256 (PDF 2.0's
 * security handler, revision 6) through libqpdf's C API: opened with
 * the patient's password; the owner password random, thrown away.
 * Never RC4 nor the older AES-128.  The password is never written to a
 * message or kept after the call.
 */
#ifndef LP_PDFCRYPT_H
#define LP_PDFCRYPT_H
#include <stddef.h>

struct diag;

/*
 * Encrypt pdf[0..len) with password into a new buffer *out (*outlen
 * bytes; the caller frees it): 0, or -1 reported under name (a file
 * name, never the password).
 */
int	pdf_encrypt(const unsigned char *pdf, size_t len, const char *password,
	    const char *name, unsigned char **out, size_t *outlen,
	    struct diag *);

#endif
