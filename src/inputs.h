/*
 * inputs: the files a leaflet is made from, each with its SHA-256, and
 * the key that sums them up: when the key is the one the manifest
 * recorded, the leaflet would come out the same and is not rebuilt.
 */
#ifndef LP_INPUTS_H
#define LP_INPUTS_H
#include <stddef.h>

#include "manifest.h"

struct article;
struct diag;
struct font;
struct profile;

struct inputs {
	struct mf_input	*v;
	size_t		 n;
};

/* Add path with the hash of its bytes buf. */
void	inputs_add(struct inputs *, const char *path, const void *buf,
	    size_t len);
/* Add path with its hash, known already. */
void	inputs_add_hash(struct inputs *, const char *path,
	    const char sha256[SHA256_HEX]);
/* The article's source and the images it shows. */
void	inputs_article(struct inputs *, const struct article *);
/* The profile's source (read again), its logo and its own fonts. */
int	inputs_profile(struct inputs *, const struct profile *,
	    struct diag *);
/* The bundled fonts, n of them. */
void	inputs_fonts(struct inputs *, const struct font *, size_t n);
/*
 * The key of a leaflet made as how says (layout, options) from these
 * lists of inputs by this version of leafpress.
 */
void	inputs_key(const struct inputs *const *, size_t n, const char *how,
	    char key[SHA256_HEX]);
/* Copy in's entries into e's inputs. */
void	inputs_copy(struct mf_entry *e, const struct inputs *const *, size_t n);
void	inputs_free(struct inputs *);

#endif
