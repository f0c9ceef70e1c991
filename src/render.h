/*
 * render: the display list drawn through libharu into PDF bytes.  It
 * sees no Markdown and no document: only the pages, and a small record
 * of what the PDF says about itself and which images items name.
 */
#ifndef LP_RENDER_H
#define LP_RENDER_H
#include <stddef.h>

#include "diag.h"

struct font;
struct image;
struct imgcache;
struct pages;

struct pdfinfo {
	const char	*title;		/* also names the leaflet in messages */
	const char	*subtitle;
	const char	*author;
	const char	*keywords;	/* or NULL */
	const char	*lang;
	long long	 date;		/* seconds since 1970; -1: none */
	int		 pdfa;		/* PDF/A-1b */
	int		 tags;		/* a tagged PDF (pdftags.h) */
	const struct image *const *images;	/* IT_IMAGE's image indexes these */
	size_t		 nimages;
};

/*
 * Draw pages into a PDF held in memory (*buf, *len; caller frees).
 * Only the faces some item uses are embedded.  cache keeps decoded
 * images between leaflets (the caller's, freed with imgcache_free).
 */
int	render_pdf(const struct pages *, const struct pdfinfo *,
	    const struct font *const *fonts, struct imgcache *,
	    unsigned char **buf, size_t *len, struct diag *);

#endif
