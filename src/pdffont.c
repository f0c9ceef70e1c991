/*
 * pdffont: Type 0 / CIDFontType2 fonts made through libharu's object
 * API (the internal headers libharu installs), with no patched libharu.
 *
 * Per face and document:
 *	Type0 /Identity-H + ToUnicode -> CIDFontType2 (W, CIDToGIDMap)
 *	-> FontDescriptor -> FontFile2, the glyph subset libharu writes
 *	(HPDF_TTFontDef_SaveFontData keeps only glyphs marked used).
 * Text reaches us as UTF-8 through the font's encoder, which hands out
 * character ids 1..n in order of first use and writes them as 2-byte
 * codes.  Every code point has its own id, so ToUnicode is exact.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_encoder.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include "fonts.h"
#include "pdffont.h"
#include "utf8.h"
#include "xalloc.h"

#define MAX_CIDS	65535

struct pdffont {
	HPDF_FontAttr_Rec	 attr;	/* the font dict's attr points here */
	HPDF_Encoder_Rec	 enc;
	const struct font	*face;
	size_t			 pos;	/* libharu's read position in face */
	HPDF_FontDef		 def;
	HPDF_Font		 font;	/* the Type 0 dict */
	HPDF_Dict		 cidfont;
	HPDF_Dict		 descriptor;
	HPDF_Dict		 tounicode;
	HPDF_Dict		 cidtogid;
	uint16_t		*cid[256];	/* code point -> id, by 256-page */
	uint16_t		*uni;		/* id -> code point */
	uint16_t		*gid;		/* id -> glyph */
	int16_t			*w;		/* id -> advance, 1/1000 em */
	unsigned		 n;		/* ids 1..n in use */
};

/* Next code point of UTF-8 text; invalid or beyond the BMP: U+FFFD. */
static unsigned
next_cp(const char **p, const char *end)
{
	uint32_t cp;
	size_t k = utf8_decode(*p, (size_t)(end - *p), &cp);

	if (k == 0) {
		(*p)++;
		return 0xFFFD;
	}
	*p += k;
	return cp > 0xFFFF ? 0xFFFD : cp;
}

/* The id of a code point; its first use marks the glyph for the subset. */
static unsigned
cid_of(struct pdffont *f, unsigned cp)
{
	uint16_t *pg = f->cid[cp >> 8];
	unsigned c;

	if (pg != NULL && pg[cp & 0xFF] != 0)
		return pg[cp & 0xFF];
	if (f->n == MAX_CIDS)
		return 0;
	if (pg == NULL)
		pg = f->cid[cp >> 8] = xcalloc(256, sizeof(*pg));
	/* ids count from 1: room for element n + 1 of each array */
	f->uni = xgrow(f->uni, f->n + 1, sizeof(*f->uni));
	f->gid = xgrow(f->gid, f->n + 1, sizeof(*f->gid));
	f->w = xgrow(f->w, f->n + 1, sizeof(*f->w));
	c = ++f->n;
	f->uni[c] = (uint16_t)cp;
	/* GetCharWidth marks the glyph (and its parts) as used */
	f->w[c] = HPDF_TTFontDef_GetCharWidth(f->def, (HPDF_UINT16)cp);
	f->gid[c] = HPDF_TTFontDef_GetGlyphid(f->def, (HPDF_UINT16)cp);
	return pg[cp & 0xFF] = (uint16_t)c;
}

/* libharu asks for widths when it shows text. */
static HPDF_TextWidth
text_width(HPDF_Font font, const HPDF_BYTE *text, HPDF_UINT len)
{
	struct pdffont *f = (struct pdffont *)font->attr;
	const char *p = (const char *)text, *end = p + len;
	HPDF_TextWidth tw = { 0, 0, 0, 0 };
	unsigned c;

	while (p < end) {
		c = cid_of(f, next_cp(&p, end));
		tw.width += c ? (HPDF_UINT)f->w[c] : 0;
		tw.numchars++;
	}
	tw.numwords = 1;	/* word spacing does not apply to 2-byte codes */
	return tw;
}

/* UTF-8 to big-endian ids; libharu free()s the result. */
static char *
encode(HPDF_Encoder enc, const char *text, HPDF_UINT len, HPDF_UINT *outlen)
{
	struct pdffont *f = enc->attr;
	const char *p = text, *end = text + len;
	unsigned char *out = xmalloc(2 * (size_t)len + 2), *o = out;
	unsigned c;

	while (p < end) {
		c = cid_of(f, next_cp(&p, end));
		*o++ = (unsigned char)(c >> 8);
		*o++ = (unsigned char)(c & 0xFF);
	}
	*outlen = (HPDF_UINT)(o - out);
	return (char *)out;
}

/* libharu reads the face from our copy in memory, not from its file. */
static HPDF_STATUS
rd_read(HPDF_Stream st, HPDF_BYTE *buf, HPDF_UINT *n)
{
	struct pdffont *f = st->attr;
	size_t left = f->face->len - f->pos;
	HPDF_STATUS rc = HPDF_OK;

	if (*n > left) {
		*n = (HPDF_UINT)left;
		rc = HPDF_STREAM_EOF;
	}
	memcpy(buf, f->face->data + f->pos, *n);
	f->pos += *n;
	return rc;
}

static HPDF_STATUS
rd_seek(HPDF_Stream st, HPDF_INT off, HPDF_WhenceMode mode)
{
	struct pdffont *f = st->attr;
	long to = off;

	if (mode == HPDF_SEEK_CUR)
		to += (long)f->pos;
	else if (mode == HPDF_SEEK_END)
		to += (long)f->face->len;
	if (to < 0 || (size_t)to > f->face->len)
		return HPDF_SetError(st->error, HPDF_STREAM_EOF, 0);
	f->pos = (size_t)to;
	return HPDF_OK;
}

static HPDF_INT32
rd_tell(HPDF_Stream st)
{
	return (HPDF_INT32)((struct pdffont *)st->attr)->pos;
}

static HPDF_UINT32
rd_size(HPDF_Stream st)
{
	return (HPDF_UINT32)((struct pdffont *)st->attr)->face->len;
}

static int
load_def(HPDF_Doc pdf, struct pdffont *f, int index)
{
	/* a fixed subset tag per face keeps the output reproducible */
	char tag[7] = { 'L', 'P', 'A', 'A', 'A', (char)('A' + index), '\0' };
	HPDF_Stream rd;

	rd = HPDF_CallbackReader_New(pdf->mmgr, rd_read, rd_seek, rd_tell,
	    rd_size, f);
	if (rd == NULL || (f->def = HPDF_TTFontDef_Load(pdf->mmgr, rd,
	    HPDF_TRUE)) == NULL)
		return -1;
	if (HPDF_List_Add(pdf->fontdef_list, f->def) != HPDF_OK) {
		HPDF_FontDef_Free(f->def);
		return -1;
	}
	HPDF_TTFontDef_SetTagName(f->def, tag);
	return 0;
}

static HPDF_STATUS
build_dicts(HPDF_Doc pdf, struct pdffont *f)
{
	HPDF_MMgr mm = pdf->mmgr;
	HPDF_TTFontDefAttr da = f->def->attr;
	HPDF_Dict si;
	HPDF_Array arr;
	HPDF_STATUS e = 0;

	if ((f->font = HPDF_Dict_New(mm)) == NULL ||
	    (f->cidfont = HPDF_Dict_New(mm)) == NULL ||
	    (f->descriptor = HPDF_Dict_New(mm)) == NULL ||
	    (si = HPDF_Dict_New(mm)) == NULL ||
	    (arr = HPDF_Array_New(mm)) == NULL)
		return HPDF_FAILD_TO_ALLOC_MEM;
	/*
	 * libharu accepts a font by its object class; free_fn stays NULL
	 * since attr is ours and must outlive HPDF_Free().
	 */
	f->font->header.obj_class |= HPDF_OSUBCLASS_FONT;
	f->font->attr = &f->attr;
	e |= HPDF_Xref_Add(pdf->xref, f->font);
	e |= HPDF_Xref_Add(pdf->xref, f->cidfont);
	e |= HPDF_Xref_Add(pdf->xref, f->descriptor);
	if (e != HPDF_OK ||
	    (f->tounicode = HPDF_DictStream_New(mm, pdf->xref)) == NULL ||
	    (f->cidtogid = HPDF_DictStream_New(mm, pdf->xref)) == NULL)
		return HPDF_FAILD_TO_ALLOC_MEM;
	f->tounicode->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	f->cidtogid->filter = HPDF_STREAM_FILTER_FLATE_DECODE;

	e |= HPDF_Dict_AddName(f->font, "Type", "Font");
	e |= HPDF_Dict_AddName(f->font, "Subtype", "Type0");
	e |= HPDF_Dict_AddName(f->font, "BaseFont", da->base_font);
	e |= HPDF_Dict_AddName(f->font, "Encoding", "Identity-H");
	e |= HPDF_Dict_Add(f->font, "ToUnicode", f->tounicode);
	e |= HPDF_Dict_Add(f->font, "DescendantFonts", arr);
	e |= HPDF_Array_Add(arr, f->cidfont);

	e |= HPDF_Dict_AddName(f->cidfont, "Type", "Font");
	e |= HPDF_Dict_AddName(f->cidfont, "Subtype", "CIDFontType2");
	e |= HPDF_Dict_AddName(f->cidfont, "BaseFont", da->base_font);
	e |= HPDF_Dict_Add(f->cidfont, "CIDSystemInfo", si);
	e |= HPDF_Dict_Add(si, "Registry", HPDF_String_New(mm, "Adobe", NULL));
	e |= HPDF_Dict_Add(si, "Ordering", HPDF_String_New(mm, "Identity",
	    NULL));
	e |= HPDF_Dict_AddNumber(si, "Supplement", 0);
	e |= HPDF_Dict_AddNumber(f->cidfont, "DW", f->def->missing_width);
	e |= HPDF_Dict_Add(f->cidfont, "CIDToGIDMap", f->cidtogid);
	e |= HPDF_Dict_Add(f->cidfont, "FontDescriptor", f->descriptor);

	e |= HPDF_Dict_AddName(f->descriptor, "Type", "FontDescriptor");
	e |= HPDF_Dict_AddName(f->descriptor, "FontName", da->base_font);
	e |= HPDF_Dict_AddNumber(f->descriptor, "Flags", f->def->flags);
	e |= HPDF_Dict_Add(f->descriptor, "FontBBox",
	    HPDF_Box_Array_New(mm, f->def->font_bbox));
	e |= HPDF_Dict_AddNumber(f->descriptor, "ItalicAngle",
	    f->def->italic_angle);
	e |= HPDF_Dict_AddNumber(f->descriptor, "Ascent", f->def->ascent);
	e |= HPDF_Dict_AddNumber(f->descriptor, "Descent", f->def->descent);
	e |= HPDF_Dict_AddNumber(f->descriptor, "CapHeight",
	    f->def->cap_height);
	e |= HPDF_Dict_AddNumber(f->descriptor, "StemV", f->def->stemv);
	return e;
}

struct pdffont *
pdffont_new(HPDF_Doc pdf, const struct font *face, int index)
{
	struct pdffont *f = xcalloc(1, sizeof(*f));

	f->face = face;
	if (load_def(pdf, f, index) == -1)
		goto fail;
	f->enc.sig_bytes = HPDF_ENCODER_SIG_BYTES;
	snprintf(f->enc.name, sizeof(f->enc.name), "Identity-H");
	f->enc.mmgr = pdf->mmgr;
	f->enc.error = &pdf->error;
	f->enc.type = HPDF_ENCODER_TYPE_DOUBLE_BYTE;
	f->enc.encode_text_fn = encode;
	f->enc.attr = f;
	f->attr.type = HPDF_FONT_TYPE0_TT;	/* text is written as <hex> */
	f->attr.writing_mode = HPDF_WMODE_HORIZONTAL;
	f->attr.text_width_fn = text_width;
	f->attr.fontdef = f->def;
	f->attr.encoder = &f->enc;
	f->attr.xref = pdf->xref;
	if (build_dicts(pdf, f) != HPDF_OK)
		goto fail;
	return f;
fail:
	pdffont_free(f);
	return NULL;
}

HPDF_Font
pdffont_font(struct pdffont *f)
{
	return f->font;
}

/* ToUnicode: one bfchar line per id, at most 100 to a block. */
static HPDF_STATUS
write_tounicode(struct pdffont *f)
{
	HPDF_Stream s = f->tounicode->stream;
	HPDF_STATUS e = 0;
	unsigned c, left;
	char b[32];

	e |= HPDF_Stream_WriteStr(s, "/CIDInit /ProcSet findresource begin\n"
	    "12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) "
	    "/Ordering (UCS) /Supplement 0 >> def\n"
	    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
	    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	for (c = 1; c <= f->n; c++) {
		if ((c - 1) % 100 == 0) {
			left = f->n - c + 1;
			snprintf(b, sizeof(b), "%u beginbfchar\n",
			    left < 100 ? left : 100);
			e |= HPDF_Stream_WriteStr(s, b);
		}
		snprintf(b, sizeof(b), "<%04X> <%04X>\n", c, f->uni[c]);
		e |= HPDF_Stream_WriteStr(s, b);
		if (c % 100 == 0 || c == f->n)
			e |= HPDF_Stream_WriteStr(s, "endbfchar\n");
	}
	e |= HPDF_Stream_WriteStr(s, "endcmap\nCMapName currentdict /CMap "
	    "defineresource pop\nend\nend\n");
	return e;
}

/*
 * PDF/A-1 (6.3.5): a subset CIDFont's descriptor lists the ids its
 * program has, one bit each, high bit first; ours are 0..n.
 */
static HPDF_STATUS
write_cidset(HPDF_Doc pdf, struct pdffont *f)
{
	size_t nbytes = (f->n + 1 + 7) / 8, c;
	unsigned char *bits = xcalloc(nbytes, 1);
	HPDF_Dict s;
	HPDF_STATUS e = 0;

	for (c = 0; c <= f->n; c++)
		bits[c / 8] |= (unsigned char)(0x80 >> (c % 8));
	if ((s = HPDF_DictStream_New(pdf->mmgr, pdf->xref)) == NULL)
		e = HPDF_FAILD_TO_ALLOC_MEM;
	else {
		e |= HPDF_Stream_Write(s->stream, bits, (HPDF_UINT)nbytes);
		e |= HPDF_Dict_Add(f->descriptor, "CIDSet", s);
	}
	free(bits);
	return e;
}

int
pdffont_finish(HPDF_Doc pdf, struct pdffont *f, int cidset)
{
	HPDF_TTFontDefAttr da = f->def->attr;
	HPDF_Array w, run;
	HPDF_Dict ff;
	HPDF_BYTE be[2];
	HPDF_STATUS e = 0;
	unsigned c;

	/* W: the ids are 1..n, so one run of widths */
	if ((w = HPDF_Array_New(pdf->mmgr)) == NULL ||
	    (run = HPDF_Array_New(pdf->mmgr)) == NULL)
		return -1;
	e |= HPDF_Dict_Add(f->cidfont, "W", w);
	if (f->n > 0) {
		e |= HPDF_Array_AddNumber(w, 1);
		e |= HPDF_Array_Add(w, run);
		for (c = 1; c <= f->n; c++)
			e |= HPDF_Array_AddNumber(run, f->w[c]);
	} else
		HPDF_Array_Free(run);
	/* CIDToGIDMap: a big-endian glyph id for ids 0..n */
	for (c = 0; c <= f->n; c++) {
		be[0] = (HPDF_BYTE)(c ? f->gid[c] >> 8 : 0);
		be[1] = (HPDF_BYTE)(c ? f->gid[c] & 0xFF : 0);
		e |= HPDF_Stream_Write(f->cidtogid->stream, be, 2);
	}
	e |= write_tounicode(f);
	if ((ff = HPDF_DictStream_New(pdf->mmgr, pdf->xref)) == NULL)
		return -1;
	ff->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	e |= HPDF_TTFontDef_SaveFontData(f->def, ff->stream);
	e |= HPDF_Dict_AddNumber(ff, "Length1", da->length1);
	e |= HPDF_Dict_Add(f->descriptor, "FontFile2", ff);
	if (cidset)
		e |= write_cidset(pdf, f);
	return e == HPDF_OK ? 0 : -1;
}

void
pdffont_free(struct pdffont *f)
{
	size_t i;

	if (f == NULL)
		return;
	for (i = 0; i < 256; i++)
		free(f->cid[i]);
	free(f->uni);
	free(f->gid);
	free(f->w);
	free(f);
}
