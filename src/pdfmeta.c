/*
 * pdfmeta: document information, XMP, and PDF/A-1 on libharu 2.3.
 *
 * libharu's HPDF_PDFA_SetPDFAConformance pastes values into its XMP
 * packet without escaping them, names the key /SubType instead of
 * /Subtype, knows nothing of PDF/UA and sets a file identifier from the
 * clock.  So the packet is written here, from the same values as the
 * information dictionary; the identifier libharu's HPDF_PDFA_GenerateID
 * makes is zeroed and later replaced by a hash of the saved file, which
 * keeps builds byte-for-byte reproducible.
 *
 * Every libharu status that is not OK stops the work: pdfmeta_info
 * hands the first back, pdfmeta_pdfa reports it with what it was
 * writing.
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

#include "render.h"
#include "fileio.h"
#include "pdfmeta.h"
#include "xalloc.h"

#define ICC_MAX	65536

/* For the XMP packet. */
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

static HPDF_STATUS
set_texts(HPDF_Doc pdf, const struct pdfinfo *doc)
{
	static const HPDF_InfoType type[] = { HPDF_INFO_TITLE,
	    HPDF_INFO_AUTHOR, HPDF_INFO_SUBJECT, HPDF_INFO_KEYWORDS,
	    HPDF_INFO_CREATOR };
	const char *v[] = { doc->title, doc->author, doc->subtitle,
	    doc->keywords, "leafpress " VERSION };
	HPDF_STATUS st = HPDF_OK;
	size_t i;

	for (i = 0; i < 5 && st == HPDF_OK; i++)
		if (v[i] != NULL)
			st = HPDF_SetInfoAttr(pdf, type[i], v[i]);
	return st;
}

/* Creation and modification date, UTC as +00'00'. */
static HPDF_STATUS
set_dates(HPDF_Doc pdf, long long when)
{
	HPDF_Date date;
	HPDF_STATUS st;
	struct tm tm;
	time_t t = (time_t)when;

	gmtime_r(&t, &tm);
	memset(&date, 0, sizeof(date));
	date.year = tm.tm_year + 1900;
	date.month = tm.tm_mon + 1;
	date.day = tm.tm_mday;
	date.hour = tm.tm_hour;
	date.minutes = tm.tm_min;
	date.seconds = tm.tm_sec;
	date.ind = '+';
	if ((st = HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, date)) !=
	    HPDF_OK)
		return st;
	return HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, date);
}

HPDF_STATUS
pdfmeta_info(HPDF_Doc pdf, const struct pdfinfo *doc)
{
	HPDF_Dict vp;
	HPDF_STATUS st;

	/* strings go out as UTF-16 */
	if ((st = HPDF_UseUTFEncodings(pdf)) != HPDF_OK ||
	    (st = HPDF_SetCurrentEncoder(pdf, "UTF-8")) != HPDF_OK ||
	    (st = set_texts(pdf, doc)) != HPDF_OK ||
	    (doc->date >= 0 && (st = set_dates(pdf, doc->date)) != HPDF_OK) ||
	    (st = HPDF_Dict_Add(pdf->catalog, "Lang", HPDF_String_New(pdf->mmgr,
	    doc->lang, NULL))) != HPDF_OK)
		return st;
	if ((vp = HPDF_Dict_New(pdf->mmgr)) == NULL)
		return HPDF_GetError(pdf);
	if ((st = HPDF_Dict_Add(pdf->catalog, "ViewerPreferences", vp)) !=
	    HPDF_OK)
		return st;
	return HPDF_Dict_Add(vp, "DisplayDocTitle", HPDF_Boolean_New(pdf->mmgr,
	    HPDF_TRUE));
}

/*
 * A PDF/A part libharu failed to write, reported with what it was; an
 * object it could not make left its status in the document's error.
 */
static int
pdfa_fail(HPDF_Doc pdf, const struct pdfinfo *doc, struct diag *d,
    HPDF_STATUS st, const char *what)
{
	if (st == HPDF_OK)
		st = HPDF_GetError(pdf);
	if (st == HPDF_OK)
		diag_msg(d, DIAG_ERROR, doc->title, 0, 0, "PDF/A: PDF library "
		    "failed writing %s", what);
	else
		diag_msg(d, DIAG_ERROR, doc->title, 0, 0, "PDF/A: PDF library "
		    "error 0x%04X (detail %u) writing %s", (unsigned)st,
		    (unsigned)HPDF_GetErrorDetail(pdf), what);
	return -1;
}

/* Stop at the first status that is not OK: they are never merged. */
#define TRY(call, what) do {						\
	HPDF_STATUS try_st = (call);					\
	if (try_st != HPDF_OK)						\
		return pdfa_fail(pdf, doc, d, try_st, (what));		\
} while (0)

#define NEW(var, call, what) do {					\
	if (((var) = (call)) == NULL)					\
		return pdfa_fail(pdf, doc, d, HPDF_OK, (what));		\
} while (0)

/* The sRGB profile as a stream, read from Debian's copy. */
static int
icc_stream(HPDF_Doc pdf, const struct pdfinfo *doc, struct diag *d,
    HPDF_Dict *icc)
{
	const char *what = "the sRGB profile (ICC)";
	struct diag quiet = { NULL, 0, 0 };
	HPDF_STATUS st;
	char *buf;
	size_t n;

	if (file_read(PDFMETA_ICC, &buf, &n, &quiet) == -1 || n > ICC_MAX) {
		diag_msg(d, DIAG_ERROR, PDFMETA_ICC, 0, 0, "cannot read the "
		    "sRGB profile PDF/A needs (Debian package icc-profiles-free)");
		return -1;
	}
	if ((*icc = HPDF_DictStream_New(pdf->mmgr, pdf->xref)) == NULL) {
		free(buf);
		return pdfa_fail(pdf, doc, d, HPDF_OK, what);
	}
	(*icc)->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	st = HPDF_Stream_Write((*icc)->stream, (HPDF_BYTE *)buf, (HPDF_UINT)n);
	free(buf);
	TRY(st, what);
	TRY(HPDF_Dict_AddNumber(*icc, "N", 3), what);
	TRY(HPDF_Dict_AddName(*icc, "Alternate", "DeviceRGB"), what);
	return 0;
}

/* The sRGB output intent, built directly (libharu's misspells a key). */
static int
output_intent(HPDF_Doc pdf, const struct pdfinfo *doc, struct diag *d)
{
	const char *what = "the output intent";
	HPDF_Dict icc, oi;
	HPDF_Array arr;

	if (icc_stream(pdf, doc, d, &icc) == -1)
		return -1;
	NEW(oi, HPDF_Dict_New(pdf->mmgr), what);
	TRY(HPDF_Xref_Add(pdf->xref, oi), what);
	NEW(arr, HPDF_Array_New(pdf->mmgr), what);
	TRY(HPDF_Dict_Add(pdf->catalog, "OutputIntents", arr), what);
	TRY(HPDF_Array_Add(arr, oi), what);
	TRY(HPDF_Dict_AddName(oi, "Type", "OutputIntent"), what);
	TRY(HPDF_Dict_AddName(oi, "S", "GTS_PDFA1"), what);
	TRY(HPDF_Dict_Add(oi, "OutputConditionIdentifier",
	    HPDF_String_New(pdf->mmgr, "sRGB IEC61966-2.1", NULL)), what);
	TRY(HPDF_Dict_Add(oi, "RegistryName",
	    HPDF_String_New(pdf->mmgr, "http://www.color.org", NULL)), what);
	TRY(HPDF_Dict_Add(oi, "Info",
	    HPDF_String_New(pdf->mmgr, "sRGB IEC61966-2.1", NULL)), what);
	TRY(HPDF_Dict_Add(oi, "DestOutputProfile", icc), what);
	return 0;
}

/* The extension schema PDF/A-1 needs for a property it does not know. */
static const char pdfua_schema[] =
"<rdf:Description rdf:about=\"\""
" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\""
" xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\""
" xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
"<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
"<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
"<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
"<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
"<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
"<pdfaProperty:name>part</pdfaProperty:name>\n"
"<pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
"<pdfaProperty:category>internal</pdfaProperty:category>\n"
"<pdfaProperty:description>Indicates, which part of ISO 14289 standard is "
"followed</pdfaProperty:description>\n"
"</rdf:li></rdf:Seq></pdfaSchema:property>\n"
"</rdf:li></rdf:Bag></pdfaExtension:schemas>\n"
"</rdf:Description>\n";

/* One property, its value escaped into fmt's %s; v NULL: none. */
static void
xmp_prop(struct sbuf *x, const char *fmt, const char *v)
{
	char *e, *line;

	if (v == NULL)
		return;
	e = xml_escape(v);
	line = xasprintf(fmt, e);
	sbuf_put(x, line, strlen(line));
	free(line);
	free(e);
}

static void
xmp_put(struct sbuf *x, const char *s)
{
	sbuf_put(x, s, strlen(s));
}

/*
 * The XMP packet: what the information dictionary says (the dates as
 * set_dates wrote them), and the parts of PDF/A and PDF/UA it claims.
 */
static char *
xmp_packet(HPDF_Doc pdf, const struct pdfinfo *doc, int ua)
{
	struct sbuf x = { NULL, 0, 0 };
	char date[32];
	struct tm tm;
	time_t t = (time_t)doc->date;

	xmp_put(&x, "<?xpacket begin=\"\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
	    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf="
	    "\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
	    "<rdf:Description rdf:about=\"\" "
	    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n");
	xmp_prop(&x, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s"
	    "</rdf:li></rdf:Alt></dc:title>\n", doc->title);
	xmp_prop(&x, "<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq>"
	    "</dc:creator>\n", doc->author);
	xmp_prop(&x, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">"
	    "%s</rdf:li></rdf:Alt></dc:description>\n", doc->subtitle);
	xmp_put(&x, "</rdf:Description>\n<rdf:Description rdf:about=\"\" "
	    "xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n");
	xmp_prop(&x, "<xmp:CreatorTool>%s</xmp:CreatorTool>\n",
	    "leafpress " VERSION);
	if (doc->date >= 0) {
		gmtime_r(&t, &tm);
		strftime(date, sizeof(date), "%Y-%m-%dT%H:%M:%S+00:00", &tm);
		xmp_prop(&x, "<xmp:CreateDate>%s</xmp:CreateDate>\n", date);
		xmp_prop(&x, "<xmp:ModifyDate>%s</xmp:ModifyDate>\n", date);
	}
	xmp_put(&x, "</rdf:Description>\n<rdf:Description rdf:about=\"\" "
	    "xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n");
	xmp_prop(&x, "<pdf:Keywords>%s</pdf:Keywords>\n", doc->keywords);
	xmp_prop(&x, "<pdf:Producer>%s</pdf:Producer>\n",
	    HPDF_GetInfoAttr(pdf, HPDF_INFO_PRODUCER));
	xmp_put(&x, "</rdf:Description>\n");
	if (doc->pdfa)
		xmp_prop(&x, "<rdf:Description rdf:about=\"\" xmlns:pdfaid="
		    "\"http://www.aiim.org/pdfa/ns/id/\" pdfaid:part=\"1\" "
		    "pdfaid:conformance=\"%s\"/>\n", ua ? "A" : "B");
	if (ua)
		xmp_put(&x, "<rdf:Description rdf:about=\"\" xmlns:pdfuaid="
		    "\"http://www.aiim.org/pdfua/ns/id/\" pdfuaid:part=\"1\"/>\n");
	if (ua && doc->pdfa)
		xmp_put(&x, pdfua_schema);
	xmp_put(&x, "</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
	return x.s;
}

/* The XMP packet as the catalog's /Metadata stream, not compressed. */
static int
xmp_stream(HPDF_Doc pdf, const struct pdfinfo *doc, int ua, struct diag *d)
{
	const char *what = "the XMP metadata";
	HPDF_Dict xmp;
	HPDF_STATUS st;
	char *packet;

	NEW(xmp, HPDF_DictStream_New(pdf->mmgr, pdf->xref), what);
	packet = xmp_packet(pdf, doc, ua);
	st = HPDF_Stream_WriteStr(xmp->stream, packet);
	free(packet);
	TRY(st, what);
	TRY(HPDF_Dict_AddName(xmp, "Type", "Metadata"), what);
	TRY(HPDF_Dict_AddName(xmp, "Subtype", "XML"), what);
	TRY(HPDF_Dict_Add(pdf->catalog, "Metadata", xmp), what);
	return 0;
}

int
pdfmeta_xmp(HPDF_Doc pdf, const struct pdfinfo *doc, int ua, struct diag *d)
{
	static const HPDF_BYTE zero[16];
	HPDF_Array id;
	HPDF_Binary b;
	HPDF_UINT i;

	if (doc->pdfa && output_intent(pdf, doc, d) == -1)
		return -1;
	if (xmp_stream(pdf, doc, ua, d) == -1)
		return -1;
	if (!doc->pdfa) {
		pdf->pdf_version = HPDF_VER_17;	/* PDF/UA-1's */
		return 0;
	}
	pdf->pdf_version = HPDF_VER_14;		/* PDF/A-1's */
	TRY(HPDF_PDFA_GenerateID(pdf), "the file identifier");
	NEW(id, HPDF_Dict_GetItem(pdf->trailer, "ID", HPDF_OCLASS_ARRAY),
	    "the file identifier");
	for (i = 0; i < 2; i++) {
		NEW(b, HPDF_Array_GetItem(id, i, HPDF_OCLASS_BINARY),
		    "the file identifier");
		TRY(HPDF_Binary_SetValue(b, (HPDF_BYTE *)zero, 16),
		    "the file identifier");
	}
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
