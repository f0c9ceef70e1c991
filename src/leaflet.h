/*
 * leaflet: one article + one profile -> one PDF (or a dump of its
 * pages), the whole pipeline behind one door: document_build (document.h)
 * -> layout_run over a page shape (layout.h, shape.h) -> render_pdf
 * (render.h).  The build context holds what leaflets share (the bundled
 * fonts, hyphenation patterns and decoded images, loaded once) and is
 * passed down instead of globals, so that several can run side by side.
 */
#ifndef LP_LEAFLET_H
#define LP_LEAFLET_H
#include <stdio.h>

#include "breaks.h"
#include "document.h"
#include "fonts.h"
#include "format.h"
#include "imgcache.h"
#include "pages.h"
#include "profile.h"

struct article;
struct shape;

struct build {
	struct diag	*d;
	struct font	 fonts[FACE__MAX];	/* the bundled faces */
	struct hyphs	 hyphs;			/* dictionaries, by language */
	struct imgcache	 images;		/* decoded images, by content */
	long long	 source_date;		/* SOURCE_DATE_EPOCH, or -1 */
	int		 pdfa;			/* --pdfa: PDF/A-1b for all */
	int		 notags;		/* --no-tags: an untagged PDF */
};

/* The bundled faces' file names, by enum face. */
extern const char *const leaflet_font_files[FACE__MAX];

int	build_init(struct build *, const char *fontdir, struct diag *);
void	build_free(struct build *);

/* One leaflet on its way through the pipeline. */
struct leaflet {
	struct document	 doc;
	struct pages	 pages;
	unsigned char	*pdf;		/* the PDF, unless layout_only */
	size_t		 len;
	struct font	 own[FACE__MAX];	/* faces the profile names */
	struct article	*filled;	/* the article with the clinic's
					   details in, when it names any */
};

struct leaflet_opts {
	int		 layout_only;	/* stop once the pages are laid out */
	int		 stats;		/* with how well each paragraph was set */
	const struct shape *shape;	/* NULL: the format's on the profile's
					   paper */
	struct format	 format;	/* zero: a handout */
	float		 bleed;		/* print marks with this bleed, in
					   points (marks.h); 0: none */
	int		 bare;		/* no brand, contact box nor governance
					   line: the shape draws a letterhead
					   (document_bare) */
};

/*
 * The one door to the whole pipeline, used by build, batch, the tests
 * and the fuzzer alike: article + profile -> document -> pages -> PDF
 * bytes, all in memory.  An article that names clinic details
 * (a->src, vars.h) is parsed again with the profile's filled in: its
 * messages were all said by the first parse, so this one is quiet.
 * On failure (reported) lf holds what was made
 * so far; leaflet_free() it either way.
 */
int	leaflet_render(struct build *, const struct profile *,
	    const struct article *, const struct leaflet_opts *,
	    struct leaflet *lf);
void	leaflet_free(struct leaflet *);

/*
 * Make one leaflet.  With dump set, write the laid-out pages there as
 * text instead of a PDF to out ("-": standard output).  On failure nothing is written.
 */
int	leaflet_make(struct build *, const struct profile *,
	    const struct article *, const struct leaflet_opts *,
	    const char *out, FILE *dump);

/*
 * <clinic>/<article>.pdf under dir for a handout, the default layout,
 * else <clinic>/<article>-<layout>.pdf; caller frees.
 */
char	*leaflet_path(const char *dir, const char *clinic,
	    const char *article, enum layout);

#endif
