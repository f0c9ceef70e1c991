/*
 * pdffont: Type 0 / CIDFontType2 fonts made through libharu's object
 * API (the internal headers libharu installs), with no patched libharu.
 *
 * Per face and document:
 *	Type0 /Identity-H + ToUnicode -> CIDFontType2 (W, CIDToGIDMap)
 *	-> FontDescriptor -> FontFile2, a glyph subset made by HarfBuzz.
 * libharu still reads the face for the descriptor's metrics and the
 * widths, but its own subsetter (HPDF_TTFontDef_SaveFontData) is not
 * used: libharu 2.3 fails on some sets of glyphs (when its scratch
 * stream ends on a 4 KB boundary) and drops nested composite glyphs.
 * HarfBuzz renumbers the glyphs it keeps, so the CIDToGIDMap maps to
 * the new glyph ids.
 * Text reaches us as UTF-8 through the font's encoder, which hands out
 * character ids 1..n in order of first use and writes them as 2-byte
 * codes.  Every code point has its own id, so ToUnicode is exact.
 *
 * Every libharu status that is not OK is reported here, naming the face
 * and the object being written; the caller adds nothing.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hb.h>
#include <hb-subset.h>
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_encoder.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include "diag.h"
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
	struct diag		*d;
	const char		*doc;		/* the leaflet, for messages */
};

/*
 * A libharu call that failed, reported with the face and what was being
 * written.  Objects libharu could not make leave their status in the
 * document's error, so that is asked when the call gave none.
 */
static int
lib_fail(HPDF_Doc pdf, struct pdffont *f, HPDF_STATUS st, const char *what)
{
	if (st == HPDF_OK)
		st = HPDF_GetError(pdf);
	if (st == HPDF_OK)
		diag_msg(f->d, DIAG_ERROR, f->doc, 0, 0, "embedding font %s "
		    "(%s): PDF library failed %s", f->face->name,
		    f->face->path, what);
	else
		diag_msg(f->d, DIAG_ERROR, f->doc, 0, 0, "embedding font %s "
		    "(%s): PDF library error 0x%04X (detail %u) %s",
		    f->face->name, f->face->path, (unsigned)st,
		    (unsigned)HPDF_GetErrorDetail(pdf), what);
	return -1;
}

/* Stop at the first status that is not OK: they are never merged. */
#define TRY(call, what) do {						\
	HPDF_STATUS try_st = (call);					\
	if (try_st != HPDF_OK)						\
		return lib_fail(pdf, f, try_st, (what));		\
} while (0)

/* An object libharu could not make. */
#define NEW(var, call, what) do {					\
	if (((var) = (call)) == NULL)					\
		return lib_fail(pdf, f, HPDF_OK, (what));		\
} while (0)

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

/* The id of a code point, handed out on its first use. */
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
	/* libharu's widths: the ones its own fonts would have */
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

/*
 * HarfBuzz's subsetter: the glyphs asked for, the components of
 * composite ones (renumbered inside them, however deeply nested), and
 * .notdef with its outline, which viewers show for a missing character.
 * The code points go in too, so the program keeps a cmap of its own
 * and can be read as an ordinary font.  Glyphs are renumbered in their
 * old order; plan's map tells where each went.
 */
int
pdffont_subset(const struct font *face, const uint16_t *gid,
    const uint16_t *uni, size_t n, struct pdffont_subset *sub)
{
	hb_blob_t *blob, *out = NULL;
	hb_face_t *hf, *res = NULL;
	hb_subset_input_t *in;
	hb_subset_plan_t *plan = NULL;
	const hb_map_t *map;
	const char *p;
	unsigned len;
	hb_codepoint_t g;
	size_t i;
	int rc = -1;

	memset(sub, 0, sizeof(*sub));
	blob = hb_blob_create((const char *)face->data, (unsigned)face->len,
	    HB_MEMORY_MODE_READONLY, NULL, NULL);
	hf = hb_face_create(blob, 0);
	if ((in = hb_subset_input_create_or_fail()) == NULL)
		goto out;
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NOTDEF_OUTLINE);
	hb_set_add(hb_subset_input_glyph_set(in), 0);
	for (i = 0; i < n; i++) {
		hb_set_add(hb_subset_input_glyph_set(in), gid[i]);
		if (uni != NULL && uni[i] != 0 && gid[i] != 0)
			hb_set_add(hb_subset_input_unicode_set(in), uni[i]);
	}
	if ((plan = hb_subset_plan_create_or_fail(hf, in)) == NULL ||
	    (res = hb_subset_plan_execute_or_fail(plan)) == NULL)
		goto out;
	map = hb_subset_plan_old_to_new_glyph_mapping(plan);
	sub->gid = xreallocarray(NULL, n ? n : 1, sizeof(*sub->gid));
	for (i = 0; i < n; i++) {
		if ((g = hb_map_get(map, gid[i])) == HB_MAP_VALUE_INVALID ||
		    g > 0xFFFF)
			goto out;
		sub->gid[i] = (uint16_t)g;
	}
	out = hb_face_reference_blob(res);
	p = hb_blob_get_data(out, &len);
	if (len == 0)
		goto out;
	sub->data = xmalloc(len);
	memcpy(sub->data, p, len);
	sub->len = len;
	rc = 0;
out:
	if (rc == -1)
		pdffont_subset_free(sub);
	hb_blob_destroy(out);
	hb_face_destroy(res);
	hb_subset_plan_destroy(plan);
	hb_subset_input_destroy(in);
	hb_face_destroy(hf);
	hb_blob_destroy(blob);
	return rc;
}

void
pdffont_subset_free(struct pdffont_subset *sub)
{
	free(sub->data);
	free(sub->gid);
	memset(sub, 0, sizeof(*sub));
}

static int
load_def(HPDF_Doc pdf, struct pdffont *f, int index)
{
	/* a fixed subset tag per face keeps the output reproducible */
	char tag[7] = { 'L', 'P', 'A', 'A', 'A', (char)('A' + index), '\0' };
	HPDF_Stream rd;

	NEW(rd, HPDF_CallbackReader_New(pdf->mmgr, rd_read, rd_seek, rd_tell,
	    rd_size, f), "making a reader for the font file");
	NEW(f->def, HPDF_TTFontDef_Load(pdf->mmgr, rd, HPDF_TRUE),
	    "reading it (a TrueType font that may be embedded?)");
	if (HPDF_List_Add(pdf->fontdef_list, f->def) != HPDF_OK) {
		HPDF_FontDef_Free(f->def);
		f->def = NULL;
		return lib_fail(pdf, f, HPDF_OK, "adding it to the document");
	}
	HPDF_TTFontDef_SetTagName(f->def, tag);
	return 0;
}

static int
build_type0(HPDF_Doc pdf, struct pdffont *f)
{
	const char *what = "writing the Type 0 font dictionary";
	HPDF_TTFontDefAttr da = f->def->attr;
	HPDF_Array arr;

	NEW(f->font, HPDF_Dict_New(pdf->mmgr), what);
	/*
	 * libharu accepts a font by its object class; free_fn stays NULL
	 * since attr is ours and must outlive HPDF_Free().
	 */
	f->font->header.obj_class |= HPDF_OSUBCLASS_FONT;
	f->font->attr = &f->attr;
	TRY(HPDF_Xref_Add(pdf->xref, f->font), what);
	NEW(f->tounicode, HPDF_DictStream_New(pdf->mmgr, pdf->xref),
	    "writing the ToUnicode map");
	f->tounicode->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	NEW(arr, HPDF_Array_New(pdf->mmgr), what);
	TRY(HPDF_Dict_Add(f->font, "DescendantFonts", arr), what);
	TRY(HPDF_Dict_AddName(f->font, "Type", "Font"), what);
	TRY(HPDF_Dict_AddName(f->font, "Subtype", "Type0"), what);
	TRY(HPDF_Dict_AddName(f->font, "BaseFont", da->base_font), what);
	TRY(HPDF_Dict_AddName(f->font, "Encoding", "Identity-H"), what);
	TRY(HPDF_Dict_Add(f->font, "ToUnicode", f->tounicode), what);
	NEW(f->cidfont, HPDF_Dict_New(pdf->mmgr),
	    "writing the CIDFont dictionary");
	TRY(HPDF_Xref_Add(pdf->xref, f->cidfont),
	    "writing the CIDFont dictionary");
	TRY(HPDF_Array_Add(arr, f->cidfont), what);
	return 0;
}

static int
build_cidfont(HPDF_Doc pdf, struct pdffont *f)
{
	const char *what = "writing the CIDFont dictionary";
	HPDF_TTFontDefAttr da = f->def->attr;
	HPDF_Dict si;

	NEW(si, HPDF_Dict_New(pdf->mmgr), what);
	TRY(HPDF_Dict_Add(f->cidfont, "CIDSystemInfo", si), what);
	TRY(HPDF_Dict_AddName(f->cidfont, "Type", "Font"), what);
	TRY(HPDF_Dict_AddName(f->cidfont, "Subtype", "CIDFontType2"), what);
	TRY(HPDF_Dict_AddName(f->cidfont, "BaseFont", da->base_font), what);
	TRY(HPDF_Dict_Add(si, "Registry", HPDF_String_New(pdf->mmgr, "Adobe",
	    NULL)), what);
	TRY(HPDF_Dict_Add(si, "Ordering", HPDF_String_New(pdf->mmgr,
	    "Identity", NULL)), what);
	TRY(HPDF_Dict_AddNumber(si, "Supplement", 0), what);
	TRY(HPDF_Dict_AddNumber(f->cidfont, "DW", f->def->missing_width),
	    what);
	NEW(f->cidtogid, HPDF_DictStream_New(pdf->mmgr, pdf->xref),
	    "writing the CIDToGIDMap");
	f->cidtogid->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	TRY(HPDF_Dict_Add(f->cidfont, "CIDToGIDMap", f->cidtogid), what);
	return 0;
}

static int
build_descriptor(HPDF_Doc pdf, struct pdffont *f)
{
	const char *what = "writing the font descriptor";
	HPDF_TTFontDefAttr da = f->def->attr;
	HPDF_Dict fd;

	NEW(fd, HPDF_Dict_New(pdf->mmgr), what);
	TRY(HPDF_Xref_Add(pdf->xref, fd), what);
	TRY(HPDF_Dict_Add(f->cidfont, "FontDescriptor", fd),
	    "writing the CIDFont dictionary");
	f->descriptor = fd;
	TRY(HPDF_Dict_AddName(fd, "Type", "FontDescriptor"), what);
	TRY(HPDF_Dict_AddName(fd, "FontName", da->base_font), what);
	TRY(HPDF_Dict_AddNumber(fd, "Flags", f->def->flags), what);
	TRY(HPDF_Dict_Add(fd, "FontBBox", HPDF_Box_Array_New(pdf->mmgr,
	    f->def->font_bbox)), what);
	TRY(HPDF_Dict_AddNumber(fd, "ItalicAngle", f->def->italic_angle),
	    what);
	TRY(HPDF_Dict_AddNumber(fd, "Ascent", f->def->ascent), what);
	TRY(HPDF_Dict_AddNumber(fd, "Descent", f->def->descent), what);
	TRY(HPDF_Dict_AddNumber(fd, "CapHeight", f->def->cap_height), what);
	TRY(HPDF_Dict_AddNumber(fd, "StemV", f->def->stemv), what);
	return 0;
}

struct pdffont *
pdffont_new(HPDF_Doc pdf, const struct font *face, int index,
    const char *doc, struct diag *d)
{
	struct pdffont *f = xcalloc(1, sizeof(*f));

	f->face = face;
	f->doc = doc;
	f->d = d;
	/* id 0: .notdef */
	f->uni = xgrow(NULL, 0, sizeof(*f->uni));
	f->gid = xgrow(NULL, 0, sizeof(*f->gid));
	f->w = xgrow(NULL, 0, sizeof(*f->w));
	f->uni[0] = f->gid[0] = 0;
	f->w[0] = 0;
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
	if (build_type0(pdf, f) == -1 || build_cidfont(pdf, f) == -1 ||
	    build_descriptor(pdf, f) == -1)
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
static int
write_tounicode(HPDF_Doc pdf, struct pdffont *f)
{
	const char *what = "writing the ToUnicode map";
	HPDF_Stream s = f->tounicode->stream;
	unsigned c, left;
	char b[32];

	TRY(HPDF_Stream_WriteStr(s, "/CIDInit /ProcSet findresource begin\n"
	    "12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) "
	    "/Ordering (UCS) /Supplement 0 >> def\n"
	    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
	    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"),
	    what);
	for (c = 1; c <= f->n; c++) {
		if ((c - 1) % 100 == 0) {
			left = f->n - c + 1;
			snprintf(b, sizeof(b), "%u beginbfchar\n",
			    left < 100 ? left : 100);
			TRY(HPDF_Stream_WriteStr(s, b), what);
		}
		snprintf(b, sizeof(b), "<%04X> <%04X>\n", c, f->uni[c]);
		TRY(HPDF_Stream_WriteStr(s, b), what);
		if (c % 100 == 0 || c == f->n)
			TRY(HPDF_Stream_WriteStr(s, "endbfchar\n"), what);
	}
	TRY(HPDF_Stream_WriteStr(s, "endcmap\nCMapName currentdict /CMap "
	    "defineresource pop\nend\nend\n"), what);
	return 0;
}

/*
 * PDF/A-1 (6.3.5): a subset CIDFont's descriptor lists the ids its
 * program has, one bit each, high bit first; ours are 0..n.
 */
static int
write_cidset(HPDF_Doc pdf, struct pdffont *f)
{
	const char *what = "writing the CIDSet (PDF/A)";
	size_t nbytes = (f->n + 1 + 7) / 8, c;
	unsigned char *bits;
	HPDF_Dict s;
	HPDF_STATUS st;

	NEW(s, HPDF_DictStream_New(pdf->mmgr, pdf->xref), what);
	TRY(HPDF_Dict_Add(f->descriptor, "CIDSet", s), what);
	bits = xcalloc(nbytes, 1);
	for (c = 0; c <= f->n; c++)
		bits[c / 8] |= (unsigned char)(0x80 >> (c % 8));
	st = HPDF_Stream_Write(s->stream, bits, (HPDF_UINT)nbytes);
	free(bits);
	TRY(st, what);
	return 0;
}

/* W: the ids are 1..n, so one run of widths. */
static int
write_widths(HPDF_Doc pdf, struct pdffont *f)
{
	const char *what = "writing the widths (W)";
	HPDF_Array w, run;
	unsigned c;

	NEW(w, HPDF_Array_New(pdf->mmgr), what);
	TRY(HPDF_Dict_Add(f->cidfont, "W", w), what);
	if (f->n == 0)
		return 0;
	NEW(run, HPDF_Array_New(pdf->mmgr), what);
	TRY(HPDF_Array_AddNumber(w, 1), what);
	TRY(HPDF_Array_Add(w, run), what);
	for (c = 1; c <= f->n; c++)
		TRY(HPDF_Array_AddNumber(run, f->w[c]), what);
	return 0;
}

/*
 * The font program, and the CIDToGIDMap into it: a big-endian glyph id
 * of the subset for ids 0..n.
 */
static int
write_program(HPDF_Doc pdf, struct pdffont *f)
{
	const char *what = "writing the font program (FontFile2)";
	struct pdffont_subset sub;
	HPDF_Dict ff;
	HPDF_BYTE be[2];
	HPDF_STATUS st;
	unsigned c;

	if (pdffont_subset(f->face, f->gid, f->uni, f->n + 1, &sub) == -1) {
		diag_msg(f->d, DIAG_ERROR, f->doc, 0, 0, "embedding font %s "
		    "(%s): HarfBuzz could not subset it to %u glyphs",
		    f->face->name, f->face->path, f->n + 1);
		return -1;
	}
	for (c = 0; c <= f->n; c++) {
		be[0] = (HPDF_BYTE)(sub.gid[c] >> 8);
		be[1] = (HPDF_BYTE)(sub.gid[c] & 0xFF);
		if ((st = HPDF_Stream_Write(f->cidtogid->stream, be, 2)) !=
		    HPDF_OK)
			break;
	}
	if (c <= f->n) {
		pdffont_subset_free(&sub);
		return lib_fail(pdf, f, st, "writing the CIDToGIDMap");
	}
	if ((ff = HPDF_DictStream_New(pdf->mmgr, pdf->xref)) == NULL)
		st = HPDF_GetError(pdf);
	else {
		ff->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
		st = HPDF_Stream_Write(ff->stream, sub.data,
		    (HPDF_UINT)sub.len);
		if (st == HPDF_OK)
			st = HPDF_Dict_AddNumber(ff, "Length1",
			    (HPDF_INT32)sub.len);
		if (st == HPDF_OK)
			st = HPDF_Dict_Add(f->descriptor, "FontFile2", ff);
	}
	pdffont_subset_free(&sub);
	if (ff == NULL || st != HPDF_OK)
		return lib_fail(pdf, f, st, what);
	return 0;
}

int
pdffont_finish(HPDF_Doc pdf, struct pdffont *f, int cidset)
{
	if (write_widths(pdf, f) == -1 || write_tounicode(pdf, f) == -1 ||
	    write_program(pdf, f) == -1 ||
	    (cidset && write_cidset(pdf, f) == -1))
		return -1;
	return 0;
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
