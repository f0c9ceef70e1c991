/* UTF-8 decoding and validation, with line:column positions for diagnostics. */
#ifndef LP_UTF8_H
#define LP_UTF8_H
#include <stddef.h>
#include <stdint.h>

/*
 * Decode one code point from s[0..n).  Returns the number of bytes used
 * (1-4), or 0 if the bytes there are not valid UTF-8 (overlong forms,
 * surrogates, values above U+10FFFF and truncated sequences included).
 */
size_t	utf8_decode(const char *s, size_t n, uint32_t *cp);

/* Encode cp into out; returns the number of bytes written (1-4). */
size_t	utf8_encode(uint32_t cp, char out[4]);

/*
 * Is cp a code point that text has no business holding: a noncharacter
 * (U+FDD0..U+FDEF, and the last two of every plane, U+xFFFE and
 * U+xFFFF), private use (U+E000..U+F8FF, planes 15 and 16), or in a
 * range with nothing assigned (planes 4 to 13, plane 14 past its tags
 * and variation selectors)?  Code that hands text to a library that
 * classifies characters gives it a stand-in for these.  (Surrogates
 * never decode at all: see utf8_decode.)
 */
int	utf8_reserved(uint32_t cp);

/* Offset of the first invalid byte in s[0..n), or n if all is valid. */
size_t	utf8_invalid(const char *s, size_t n);

/*
 * 1-based line and column of byte offset off in s; the column counts
 * characters, not bytes.
 */
void	utf8_linecol(const char *s, size_t off, int *line, int *col);

#endif
