/*
 * pdfmeta: what a PDF says about itself: document information, language
 * and window title, the XMP packet (PDF/A-1 and PDF/UA-1 say so there),
 * and for PDF/A the sRGB output intent and a file identifier made from
 * the file's own bytes.
 */
#ifndef LP_PDFMETA_H
#define LP_PDFMETA_H
#include <stddef.h>

#include <hpdf.h>

#include "diag.h"

struct pdfinfo;

/* The sRGB profile PDF/A leaflets carry (Debian's icc-profiles-free). */
#define PDFMETA_ICC	"/usr/share/color/icc/sRGB.icc"

/*
 * Information, language, viewer preferences; dates never from the clock.
 * The first libharu status that is not OK, for the caller to report.
 */
HPDF_STATUS	pdfmeta_info(HPDF_Doc, const struct pdfinfo *);

/*
 * The XMP packet, once everything else is in the document and just
 * before it is saved: for PDF/A (doc->pdfa) with the sRGB output intent
 * and a blank identifier for pdfmeta_id() to fill, PDF/A-1a when ua (a
 * tagged PDF whose rules hold) else PDF/A-1b; and with ua, PDF/UA-1.
 * Every failure is reported to the diag against the leaflet's title.
 */
int	pdfmeta_xmp(HPDF_Doc, const struct pdfinfo *, int ua, struct diag *);

/* Fill the blank identifier with the MD5 of the saved file. */
int	pdfmeta_id(unsigned char *buf, size_t len);

#endif
