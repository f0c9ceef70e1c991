/*
 * Unit tests for breaks.c: code points no text should hold, in every
 * Unicode plane, reach neither libunibreak nor libhyphen as they are.
 * libunibreak 1.1 took U+FFFF for the end of its text and aborted on an
 * assertion (the article "a", U+FFFF, "b").
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "breaks.h"
#include "t.h"
#include "utf8.h"
#include "xalloc.h"

/* Each kind of reserved code point, in each plane it occurs in. */
static const uint32_t reserved[] = {
	0xFDD0, 0xFDEF,				/* noncharacters, BMP */
	0xE000, 0xF8FF,				/* private use, BMP */
	0xF0000, 0xFFFFD, 0x100000, 0x10FFFD,	/* private use, 15 and 16 */
	0x40000, 0x8ABCD, 0xDFFFD,		/* unassigned planes 4-13 */
	0xE1000, 0xEFFFD,			/* plane 14 past its tags */
};

/* Assigned or otherwise ordinary: left to libunibreak as they are. */
static const uint32_t ordinary[] = {
	'a', 0xFFFD, 0xFFFC, 0xFDCF, 0xFDF0, 0xD7FF, 0xF900, 0x10000,
	0x1F600, 0x20000, 0x2FFFD, 0x3134A, 0xE0001, 0xE0100, 0xE01EF,
};

/*
 * "a<cp>b c": the code point joins its neighbours into one word, so the
 * only break is after the space, and no byte is left unclassified.
 */
static int
breaks_as_letter(uint32_t cp)
{
	unsigned char brk[16];
	char s[16];
	size_t n = 0, i;

	s[n++] = 'a';
	n += utf8_encode(cp, s + n);
	s[n++] = 'b';
	s[n++] = ' ';
	s[n++] = 'c';
	memset(brk, 0xAA, sizeof(brk));
	breaks_find(s, n, "en", brk);
	for (i = 0; i < n; i++)
		if (brk[i] != (i == n - 2 ? BRK_ALLOW : BRK_NONE))
			return 0;
	return 1;
}

static void
test_reserved(void)
{
	char what[80];
	uint32_t p;
	size_t i;

	for (p = 0; p <= 0x10; p++) {
		snprintf(what, sizeof(what), "U+%X and U+%X are reserved and "
		    "break as a letter", p << 16 | 0xFFFE, p << 16 | 0xFFFF);
		T_OK(utf8_reserved(p << 16 | 0xFFFE) &&
		    utf8_reserved(p << 16 | 0xFFFF) &&
		    breaks_as_letter(p << 16 | 0xFFFE) &&
		    breaks_as_letter(p << 16 | 0xFFFF), what);
	}
	for (i = 0; i < sizeof(reserved) / sizeof(reserved[0]); i++) {
		snprintf(what, sizeof(what), "U+%04X is reserved and breaks "
		    "as a letter", reserved[i]);
		T_OK(utf8_reserved(reserved[i]) &&
		    breaks_as_letter(reserved[i]), what);
	}
	for (i = 0; i < sizeof(ordinary) / sizeof(ordinary[0]); i++) {
		snprintf(what, sizeof(what), "U+%04X is not reserved",
		    ordinary[i]);
		T_OK(!utf8_reserved(ordinary[i]), what);
	}
}

/*
 * Every code point there is, each twice between letters ("a" cp cp "b "),
 * in one text: libunibreak must classify each, first and second in a
 * pair, without failing an assertion.
 */
static void
test_every_code_point(void)
{
	size_t n = 0, cap = 0x110000 * 11;
	unsigned char *brk;
	uint32_t cp;
	char *s;

	s = xmalloc(cap);
	brk = xmalloc(cap);
	for (cp = 0; cp <= 0x10FFFF; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		s[n++] = 'a';
		n += utf8_encode(cp, s + n);
		n += utf8_encode(cp, s + n);
		s[n++] = 'b';
		s[n++] = ' ';
	}
	breaks_find(s, n, NULL, brk);
	T_OK(1, "every code point, twice over, between letters");
	breaks_find(s, n, "ja", brk);
	T_OK(1, "the same in Japanese");
	free(s);
	free(brk);
}

/* Flags are pairs of regional indicators: break between, not inside. */
static void
test_flags(void)
{
	/* U+1F1EC U+1F1E7 U+1F1EB U+1F1F7 U+1F1EC */
	const char *s = "\xF0\x9F\x87\xAC\xF0\x9F\x87\xA7"
	    "\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7\xF0\x9F\x87\xAC";
	unsigned char brk[20];
	size_t i;
	int inside = 0;

	breaks_find(s, 20, "en", brk);
	for (i = 0; i < 20; i++)
		if (i != 7 && i != 15)
			inside |= brk[i] != BRK_NONE;
	T_OK(!inside, "no break inside a flag, nor after the text");
	T_EQ_INT(brk[7], BRK_ALLOW, "a break after the first flag");
	T_EQ_INT(brk[15], BRK_ALLOW, "a break after the second flag");
}

/* Bytes that are not UTF-8 at all: every byte still gets an answer. */
static void
test_bad_bytes(void)
{
	static const struct {
		const char	*s;
		const char	*what;
	} v[] = {
		{ "a\xED\xA0\x80" "b", "a lone high surrogate (ED A0 80)" },
		{ "a\xED\xBF\xBF" "b", "a lone low surrogate (ED BF BF)" },
		{ "a\xEF\xBF", "a sequence cut short at the end" },
		{ "\xEF\xFF\xFF" "b", "EF FF FF (U+FFFF to a lax decoder)" },
		{ "\xFF\xFE\x80", "bytes that never start a character" },
	};
	unsigned char brk[16];
	size_t i, j, n;
	int ok;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		n = strlen(v[i].s);
		memset(brk, 0xAA, sizeof(brk));
		breaks_find(v[i].s, n, NULL, brk);
		for (j = 0, ok = 1; j < n; j++)
			ok &= brk[j] <= BRK_MUST;
		T_OK(ok && brk[n - 1] == BRK_NONE, v[i].what);
	}
}

static void
test_hyphen(void)
{
	struct hyphs hs = { NULL, 0, NULL };
	struct hyph *h = hyph_get(&hs, "en");
	size_t pos[HYPH_MAX_POINTS];

	T_OK(h != NULL, "the English patterns load");
	T_OK(h != NULL && hyph_word(h, "information", 11, pos,
	    HYPH_MAX_POINTS) > 0, "\"information\" takes a hyphen");
	T_EQ_INT(h ? hyph_word(h, "infor\xEF\xBF\xBFmation", 14, pos,
	    HYPH_MAX_POINTS) : 1, 0, "a word with U+FFFF is not hyphenated");
	T_EQ_INT(h ? hyph_word(h, "infor\xF3\xB0\x80\x80mation", 15, pos,
	    HYPH_MAX_POINTS) : 1, 0,
	    "a word with private use U+F0000 is not hyphenated");
	hyphs_free(&hs);
}

int
main(void)
{
	T_PLAN(17 + 13 + 15 + 2 + 3 + 5 + 4);
	test_reserved();
	test_every_code_point();
	test_flags();
	test_bad_bytes();
	test_hyphen();
	T_DONE();
}
