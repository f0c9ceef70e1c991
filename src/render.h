/* render: the display list drawn through libharu into PDF bytes. */
#ifndef LP_RENDER_H
#define LP_RENDER_H
#include <stddef.h>

#include "diag.h"

struct document;
struct font;
struct imgcache;
struct pages;

/*
 * Draw pages into a PDF held in memory (*buf, *len; caller frees).
 * Only the faces some item uses are embedded.  cache keeps decoded
 * images between leaflets (the caller's, freed with imgcache_free).
 */
int	render_pdf(const struct pages *, const struct document *,
	    const struct font *const *fonts, struct imgcache *,
	    unsigned char **buf, size_t *len, struct diag *);

#endif
