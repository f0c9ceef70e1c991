/*
 * pdfmeta: document information, and PDF/A-1b on libharu 2.3.
 *
 * libharu's HPDF_PDFA_SetPDFAConformance builds the XMP packet from the
 * information dictionary at the moment it is called, pastes values into
 * the XML without escaping them, names the key /SubType instead of
 * /Subtype, rejects dates ending in 'Z' and sets a file identifier from
 * the clock.  So: dates are written as +00'00', escaped values go in for
 * the call and the real ones after, the key is renamed, and the
 * identifier is zeroed and later replaced by a hash of the saved file,
 * which keeps builds byte-for-byte reproducible.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_encrypt.h>
#include <hpdf_objects.h>
#include <hpdf_pdfa.h>

#include "document.h"
#include "fileio.h"
#include "pdfmeta.h"
#include "xalloc.h"

#define ICC_MAX	65536

/* For the XMP packet, which libharu fills in as it is given. */
static char *
xml_escape(const char *s)
{
	char *out = xmalloc(6 * strlen(s) + 1), *o = out;

	for (; *s != '\0'; s++) {
		if (*s == '&')
			o = stpcpy(o, "&amp;");
		else if (*s == '<')
			o = stpcpy(o, "&lt;");
		else if (*s == '>')
			o = stpcpy(o, "&gt;");
		else if ((unsigned char)*s >= 0x20 || *s == '\t')
			*o++ = *s;
	}
	*o = '\0';
	return out;
}

static void
set_text(HPDF_Doc pdf, HPDF_InfoType type, const char *v, int escape)
{
	char *e;

	if (v == NULL)
		return;
	e = escape ? xml_escape(v) : NULL;
	HPDF_SetInfoAttr(pdf, type, e ? e : v);
	free(e);
}

static void
set_texts(HPDF_Doc pdf, const struct document *doc, int escape)
{
	set_text(pdf, HPDF_INFO_TITLE, doc->title, escape);
	set_text(pdf, HPDF_INFO_AUTHOR, doc->author, escape);
	set_text(pdf, HPDF_INFO_SUBJECT, doc->subtitle, escape);
	set_text(pdf, HPDF_INFO_KEYWORDS, doc->keywords, escape);
	set_text(pdf, HPDF_INFO_CREATOR, "leafpress " VERSION, escape);
}

void
pdfmeta_info(HPDF_Doc pdf, const struct document *doc)
{
	HPDF_Dict vp;
	HPDF_Date date;
	struct tm tm;
	time_t t;

	/* strings go out as UTF-16 */
	HPDF_UseUTFEncodings(pdf);
	HPDF_SetCurrentEncoder(pdf, "UTF-8");
	set_texts(pdf, doc, 0);
	if (doc->date >= 0) {
		t = (time_t)doc->date;
		gmtime_r(&t, &tm);
		memset(&date, 0, sizeof(date));
		date.year = tm.tm_year + 1900;
		date.month = tm.tm_mon + 1;
		date.day = tm.tm_mday;
		date.hour = tm.tm_hour;
		date.minutes = tm.tm_min;
		date.seconds = tm.tm_sec;
		date.ind = '+';		/* UTC as +00'00' */
		HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, date);
		HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, date);
	}
	HPDF_Dict_Add(pdf->catalog, "Lang", HPDF_String_New(pdf->mmgr,
	    doc->lang, NULL));
	if ((vp = HPDF_Dict_New(pdf->mmgr)) != NULL &&
	    HPDF_Dict_Add(pdf->catalog, "ViewerPreferences", vp) == HPDF_OK)
		HPDF_Dict_Add(vp, "DisplayDocTitle", HPDF_Boolean_New(pdf->mmgr,
		    HPDF_TRUE));
}

/* The sRGB output intent, built directly (libharu's misspells a key). */
static int
output_intent(HPDF_Doc pdf, struct diag *d)
{
	struct diag quiet = { NULL, 0, 0 };
	HPDF_Dict icc, oi;
	HPDF_Array arr;
	HPDF_STATUS e = 0;
	char *buf;
	size_t n;

	if (file_read(PDFMETA_ICC, &buf, &n, &quiet) == -1 || n > ICC_MAX) {
		diag_msg(d, DIAG_ERROR, PDFMETA_ICC, 0, 0, "cannot read the "
		    "sRGB profile PDF/A needs (Debian package icc-profiles-free)");
		return -1;
	}
	if ((icc = HPDF_DictStream_New(pdf->mmgr, pdf->xref)) == NULL ||
	    (oi = HPDF_Dict_New(pdf->mmgr)) == NULL ||
	    (arr = HPDF_Array_New(pdf->mmgr)) == NULL) {
		free(buf);
		return -1;
	}
	icc->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	e |= HPDF_Dict_AddNumber(icc, "N", 3);
	e |= HPDF_Dict_AddName(icc, "Alternate", "DeviceRGB");
	e |= HPDF_Stream_Write(icc->stream, (HPDF_BYTE *)buf, (HPDF_UINT)n);
	free(buf);
	e |= HPDF_Xref_Add(pdf->xref, oi);
	e |= HPDF_Dict_AddName(oi, "Type", "OutputIntent");
	e |= HPDF_Dict_AddName(oi, "S", "GTS_PDFA1");
	e |= HPDF_Dict_Add(oi, "OutputConditionIdentifier",
	    HPDF_String_New(pdf->mmgr, "sRGB IEC61966-2.1", NULL));
	e |= HPDF_Dict_Add(oi, "RegistryName",
	    HPDF_String_New(pdf->mmgr, "http://www.color.org", NULL));
	e |= HPDF_Dict_Add(oi, "Info",
	    HPDF_String_New(pdf->mmgr, "sRGB IEC61966-2.1", NULL));
	e |= HPDF_Dict_Add(oi, "DestOutputProfile", icc);
	e |= HPDF_Dict_Add(pdf->catalog, "OutputIntents", arr);
	e |= HPDF_Array_Add(arr, oi);
	return e == HPDF_OK ? 0 : -1;
}

int
pdfmeta_pdfa(HPDF_Doc pdf, const struct document *doc, struct diag *d)
{
	static const HPDF_BYTE zero[16];
	HPDF_Dict xmp;
	HPDF_Array id;
	HPDF_Binary b;
	HPDF_STATUS rc;
	HPDF_UINT i;

	if (output_intent(pdf, d) == -1)
		return -1;
	set_texts(pdf, doc, 1);
	rc = HPDF_PDFA_SetPDFAConformance(pdf, HPDF_PDFA_1B);
	set_texts(pdf, doc, 0);
	if (rc != HPDF_OK || (xmp = HPDF_Dict_GetItem(pdf->catalog, "Metadata",
	    HPDF_OCLASS_DICT)) == NULL)
		return -1;
	HPDF_Dict_RemoveElement(xmp, "SubType");
	HPDF_Dict_AddName(xmp, "Subtype", "XML");
	if ((id = HPDF_Dict_GetItem(pdf->trailer, "ID",
	    HPDF_OCLASS_ARRAY)) == NULL)
		return -1;
	for (i = 0; i < 2; i++)
		if ((b = HPDF_Array_GetItem(id, i, HPDF_OCLASS_BINARY)) == NULL ||
		    HPDF_Binary_SetValue(b, (HPDF_BYTE *)zero, 16) != HPDF_OK)
			return -1;
	return 0;
}

int
pdfmeta_id(unsigned char *buf, size_t len)
{
	static const char hex[] = "0123456789ABCDEF";
	HPDF_MD5_CTX ctx;
	HPDF_BYTE md[16];
	unsigned char *p = NULL, *q, *h[2], *end = buf + len;
	size_t i, k;

	for (q = buf; q + 5 <= end; q++)	/* the last "/ID [" */
		if (memcmp(q, "/ID [", 5) == 0)
			p = q;
	if (p == NULL)
		return -1;
	p += 5;
	for (k = 0; k < 2; k++) {
		while (p < end && *p == ' ')
			p++;
		if (end - p < 34 || p[0] != '<' || p[33] != '>')
			return -1;
		for (i = 1; i <= 32; i++)
			if (p[i] != '0')
				return -1;
		h[k] = p + 1;
		p += 34;
	}
	HPDF_MD5Init(&ctx);
	HPDF_MD5Update(&ctx, buf, (HPDF_UINT32)len);
	HPDF_MD5Final(md, &ctx);
	for (k = 0; k < 2; k++)
		for (i = 0; i < 16; i++) {
			h[k][2 * i] = (unsigned char)hex[md[i] >> 4];
			h[k][2 * i + 1] = (unsigned char)hex[md[i] & 15];
		}
	return 0;
}
