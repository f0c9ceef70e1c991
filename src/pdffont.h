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
 * The embedded program is a subset made by HarfBuzz, not by libharu.
 */
#ifndef LP_PDFFONT_H
#define LP_PDFFONT_H

#include <stddef.h>
#include <stdint.h>

#include <hpdf.h>

#include "diag.h"

struct font;
struct pdffont;

/*
 * Embed face (its bytes stay the caller's) as the index-th font.  Every
 * failure is reported to d against doc (the leaflet's name), naming the
 * face and what was being written; NULL or -1 then needs no message.
 */
struct pdffont	*pdffont_new(HPDF_Doc, const struct font *, int index,
		    const char *doc, struct diag *d);
HPDF_Font	 pdffont_font(struct pdffont *);
/*
 * After the last text is drawn and before saving: widths, maps, subset,
 * and with cidset the list of ids PDF/A-1 asks of subset fonts.
 */
int		 pdffont_finish(HPDF_Doc, struct pdffont *, int cidset);

/* A font program holding only some glyphs, renumbered. */
struct pdffont_subset {
	unsigned char	*data;		/* a TrueType file */
	size_t		 len;
	uint16_t	*gid;		/* new id of each glyph asked for */
};

/*
 * Subset face to the n glyphs gid[] (which may repeat; glyph 0 and the
 * components of composites come too), with a cmap for the code points
 * uni[] (NULL: none; 0 entries are skipped).  -1 if HarfBuzz fails.
 */
int		 pdffont_subset(const struct font *, const uint16_t *gid,
		    const uint16_t *uni, size_t n, struct pdffont_subset *);
void		 pdffont_subset_free(struct pdffont_subset *);
/* After HPDF_Free (libharu keeps pointers into it until then). */
void		 pdffont_free(struct pdffont *);

#endif
