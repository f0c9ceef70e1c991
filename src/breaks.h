/*
 * breaks: where a line may end inside text.  Break opportunities come
 * from the Unicode line-breaking algorithm (UAX #14, libunibreak);
 * hyphenation points from Liang's patterns (libhyphen with Debian's
 * hyphen-* dictionaries), chosen by the article's language.
 */
#ifndef LP_BREAKS_H
#define LP_BREAKS_H
#include <stddef.h>

enum brk {
	BRK_NONE,	/* no break after this byte */
	BRK_ALLOW,	/* a line may end after this byte */
	BRK_MUST	/* a line must end after this byte */
};

/*
 * For each byte of UTF-8 text s[0..n), whether a line may end after it;
 * brk must hold n entries.  lang is a BCP 47 tag or NULL.
 */
void	breaks_find(const char *s, size_t n, const char *lang,
	    unsigned char *brk);

/* Hyphenation dictionaries, loaded once per language and kept. */
struct hyph;
struct hyphs {
	struct hyph	*v;
	size_t		 n;
	const char	*dir;	/* where hyph_*.dic live; NULL: Debian's */
};

#define HYPH_MIN_WORD	6	/* letters: shorter words are not hyphenated */
#define HYPH_MIN_LEFT	2	/* letters before a hyphen */
#define HYPH_MIN_RIGHT	3	/* letters after it */
#define HYPH_MAX_POINTS	64

/* Has lang's dictionary been looked for already (found or not)? */
int		 hyph_tried(const struct hyphs *, const char *lang);
/* The dictionary for lang ("en", "pl-PL"...), or NULL when there is none. */
struct hyph	*hyph_get(struct hyphs *, const char *lang);

/*
 * Where the word s[0..n) (letters only) may take a hyphen: byte offsets
 * after which to break, at most max of them.  Returns how many.
 */
size_t	hyph_word(struct hyph *, const char *s, size_t n, size_t *pos,
	    size_t max);

void	hyphs_free(struct hyphs *);

#endif
