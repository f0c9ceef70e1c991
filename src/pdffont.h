/*
 * pdffont: a TrueType face embedded in one PDF document as a Type 0
 * font (Identity-H) built through libharu's object API, with a glyph
 * subset, exact widths and a correct ToUnicode map.  It replaces
 * libharu 2.3's UTF-8 font path, which looks up all 65,536 code points
 * of a face in every document, writes a 128 KB code-to-glyph map per
 * face and a malformed ToUnicode map.
 *
 * The result is a real HPDF_Font: HPDF_Page_SetFontAndSize and
 * HPDF_Page_TextOut take UTF-8 as before.  Character ids are handed out
 * in order of first use, so the maps hold only what the document shows.
 */
#ifndef LP_PDFFONT_H
#define LP_PDFFONT_H

#include <hpdf.h>

struct font;
struct pdffont;

/* Embed face (its bytes stay the caller's) as the index-th font. */
struct pdffont	*pdffont_new(HPDF_Doc, const struct font *, int index);
HPDF_Font	 pdffont_font(struct pdffont *);
/*
 * After the last text is drawn and before saving: widths, maps, subset,
 * and with cidset the list of ids PDF/A-1 asks of subset fonts.
 */
int		 pdffont_finish(HPDF_Doc, struct pdffont *, int cidset);
/* After HPDF_Free (libharu keeps pointers into it until then). */
void		 pdffont_free(struct pdffont *);

#endif
