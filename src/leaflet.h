/*
 * leaflet: one article + one profile -> one PDF (or a dump of its
 * pages).  The build context holds what leaflets share (the bundled
 * fonts, loaded once) and is passed down instead of globals, so that
 * several can run side by side.
 */
#ifndef LP_LEAFLET_H
#define LP_LEAFLET_H
#include <stdio.h>

#include "breaks.h"
#include "fonts.h"
#include "pdfimage.h"
#include "profile.h"

struct article;

struct build {
	struct diag	*d;
	char		*fontdir;
	struct font	 fonts[FACE__MAX];	/* the bundled faces */
	struct hyphs	 hyphs;			/* dictionaries, by language */
	struct imgcache	 images;		/* decoded images, by content */
	long long	 source_date;		/* SOURCE_DATE_EPOCH, or -1 */
	int		 pdfa;			/* --pdfa: PDF/A-1b for all */
};

/* The bundled faces' file names, by enum face. */
extern const char *const leaflet_font_files[FACE__MAX];

int	build_init(struct build *, const char *fontdir, struct diag *);
void	build_free(struct build *);

/*
 * Make one leaflet.  With dump set, write the laid-out pages there as
 * text instead of a PDF to out.  On failure nothing is written.
 */
int	leaflet_make(struct build *, const struct profile *,
	    const struct article *, const char *out, FILE *dump);

/* out/<clinic>/<article>.pdf under dir; caller frees. */
char	*leaflet_path(const char *dir, const struct profile *,
	    const struct article *);

#endif
