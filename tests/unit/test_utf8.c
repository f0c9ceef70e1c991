/* Unit tests for utf8.c: decoding, validation, positions. */
#include <stdint.h>
#include <string.h>

#include "t.h"
#include "utf8.h"

/* Decode s (with its length given, as it may hold NULs); cp -> *cp. */
static size_t
dec(const char *s, size_t n, uint32_t *cp)
{
	*cp = 0xFFFFFFFF;
	return utf8_decode(s, n, cp);
}

static void
test_decode_valid(void)
{
	uint32_t	 cp;

	T_EQ_INT(dec("A", 1, &cp), 1, "decode ASCII: length");
	T_EQ_INT(cp, 0x41, "decode ASCII: code point");
	T_EQ_INT(dec("\x7F", 1, &cp), 1, "decode U+007F: length");
	T_EQ_INT(cp, 0x7F, "decode U+007F: code point");
	T_EQ_INT(dec("\xC2\x80", 2, &cp), 2, "decode U+0080: length");
	T_EQ_INT(cp, 0x80, "decode U+0080: code point");
	T_EQ_INT(dec("\xC3\xA9z", 3, &cp), 2, "decode e-acute: length");
	T_EQ_INT(cp, 0xE9, "decode e-acute: code point");
	T_EQ_INT(dec("\xDF\xBF", 2, &cp), 2, "decode U+07FF: length");
	T_EQ_INT(cp, 0x7FF, "decode U+07FF: code point");
	T_EQ_INT(dec("\xE0\xA0\x80", 3, &cp), 3, "decode U+0800: length");
	T_EQ_INT(cp, 0x800, "decode U+0800: code point");
	T_EQ_INT(dec("\xE2\x82\xAC", 3, &cp), 3, "decode euro sign: length");
	T_EQ_INT(cp, 0x20AC, "decode euro sign: code point");
	T_EQ_INT(dec("\xED\x9F\xBF", 3, &cp), 3, "decode U+D7FF: length");
	T_EQ_INT(cp, 0xD7FF, "decode U+D7FF: code point");
	T_EQ_INT(dec("\xEE\x80\x80", 3, &cp), 3, "decode U+E000: length");
	T_EQ_INT(cp, 0xE000, "decode U+E000: code point");
	T_EQ_INT(dec("\xEF\xBB\xBF", 3, &cp), 3, "decode BOM: length");
	T_EQ_INT(cp, 0xFEFF, "decode BOM: code point");
	T_EQ_INT(dec("\xF0\x9F\x98\x80", 4, &cp), 4, "decode emoji: length");
	T_EQ_INT(cp, 0x1F600, "decode emoji: code point");
	T_EQ_INT(dec("\xF4\x8F\xBF\xBF", 4, &cp), 4, "decode U+10FFFF: length");
	T_EQ_INT(cp, 0x10FFFF, "decode U+10FFFF: code point");
	T_EQ_INT(dec("\0", 1, &cp), 1, "decode NUL: length");
	T_EQ_INT(cp, 0, "decode NUL: code point");
}

static void
test_decode_invalid(void)
{
	uint32_t	 cp;

	T_EQ_INT(dec("", 0, &cp), 0, "nothing to decode");
	T_EQ_INT(dec("\x80", 1, &cp), 0, "lone continuation byte");
	T_EQ_INT(dec("\xBF", 1, &cp), 0, "lone continuation byte BF");
	T_EQ_INT(dec("\xC0\x80", 2, &cp), 0, "overlong NUL (C0 80)");
	T_EQ_INT(dec("\xC1\xBF", 2, &cp), 0, "overlong U+007F (C1 BF)");
	T_EQ_INT(dec("\xE0\x80\x80", 3, &cp), 0, "overlong 3-byte NUL");
	T_EQ_INT(dec("\xE0\x9F\xBF", 3, &cp), 0, "overlong 3-byte U+07FF");
	T_EQ_INT(dec("\xF0\x80\x80\x80", 4, &cp), 0, "overlong 4-byte NUL");
	T_EQ_INT(dec("\xF0\x8F\xBF\xBF", 4, &cp), 0, "overlong 4-byte U+FFFF");
	T_EQ_INT(dec("\xED\xA0\x80", 3, &cp), 0, "surrogate U+D800");
	T_EQ_INT(dec("\xED\xBF\xBF", 3, &cp), 0, "surrogate U+DFFF");
	T_EQ_INT(dec("\xED\xA0\xBD\xED\xB8\x80", 6, &cp), 0,
	    "CESU-8 surrogate pair");
	T_EQ_INT(dec("\xF4\x90\x80\x80", 4, &cp), 0, "above U+10FFFF");
	T_EQ_INT(dec("\xF7\xBF\xBF\xBF", 4, &cp), 0, "F7 lead byte");
	T_EQ_INT(dec("\xF8\x88\x80\x80\x80", 5, &cp), 0, "5-byte form");
	T_EQ_INT(dec("\xFC\x84\x80\x80\x80\x80", 6, &cp), 0, "6-byte form");
	T_EQ_INT(dec("\xFE", 1, &cp), 0, "FE byte");
	T_EQ_INT(dec("\xFF", 1, &cp), 0, "FF byte");
	T_EQ_INT(dec("\xC3", 1, &cp), 0, "truncated 2-byte sequence");
	T_EQ_INT(dec("\xE2\x82", 2, &cp), 0, "truncated 3-byte sequence");
	T_EQ_INT(dec("\xF0\x9F\x98", 3, &cp), 0, "truncated 4-byte sequence");
	T_EQ_INT(dec("\xE2\x82\xAC", 2, &cp), 0,
	    "sequence cut short by the length given");
	T_EQ_INT(dec("\xC3\x41", 2, &cp), 0, "ASCII where continuation due");
	T_EQ_INT(dec("\xE2\xC3\xA9", 3, &cp), 0, "lead byte where continuation due");
	T_EQ_INT(cp, 0xFFFFFFFF, "a failed decode leaves the code point alone");
}

static void
test_encode(void)
{
	static const uint32_t	 cps[] = { 0, 0x41, 0x7F, 0x80, 0xE9, 0x7FF,
	    0x800, 0x20AC, 0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF };
	char			 buf[4], what[64];
	uint32_t		 cp;
	size_t			 i, n;

	for (i = 0; i < sizeof(cps) / sizeof(cps[0]); i++) {
		n = utf8_encode(cps[i], buf);
		snprintf(what, sizeof(what), "U+%04X round-trips",
		    (unsigned)cps[i]);
		T_OK(utf8_decode(buf, n, &cp) == n && cp == cps[i], what);
	}
	T_EQ_INT(utf8_encode(0x7F, buf), 1, "encode U+007F: 1 byte");
	T_EQ_INT(utf8_encode(0x80, buf), 2, "encode U+0080: 2 bytes");
	T_EQ_INT(utf8_encode(0x20AC, buf), 3, "encode euro sign: 3 bytes");
	T_OK(memcmp(buf, "\xE2\x82\xAC", 3) == 0, "encode euro sign: bytes");
	T_EQ_INT(utf8_encode(0x10000, buf), 4, "encode U+10000: 4 bytes");
}

static void
test_invalid(void)
{
	T_EQ_INT(utf8_invalid("", 0), 0, "empty text is valid");
	T_EQ_INT(utf8_invalid("abc", 3), 3, "ASCII is valid");
	T_EQ_INT(utf8_invalid("caf\xC3\xA9 \xE2\x82\xAC", 9), 9,
	    "mixed text is valid");
	T_EQ_INT(utf8_invalid("a\0b", 3), 3, "NUL is valid UTF-8");
	T_EQ_INT(utf8_invalid("ab\xFF", 3), 2, "offset of FF");
	T_EQ_INT(utf8_invalid("\xC3\xA9\x80", 3), 2,
	    "offset of a stray continuation byte");
	T_EQ_INT(utf8_invalid("ab\xC3", 3), 2, "truncated sequence at the end");
	T_EQ_INT(utf8_invalid("x\xC0\x80y", 4), 1, "offset of an overlong form");
	T_EQ_INT(utf8_invalid("x\xED\xA0\x80", 4), 1, "offset of a surrogate");
	T_EQ_INT(utf8_invalid("ok\xE2\x82\xAC!\xF4\x90\x80\x80", 10), 6,
	    "offset of a code point above U+10FFFF");
	T_EQ_INT(utf8_invalid("\xE2\x82\xAC", 2), 0,
	    "a sequence cut by the length is invalid");
}

static void
test_linecol(void)
{
	const char	*s = "ab\nc\xC3\xA9\xE2\x82\xACx\n\ny";
	int		 line, col;

	utf8_linecol(s, 0, &line, &col);
	T_OK(line == 1 && col == 1, "offset 0 is 1:1");
	utf8_linecol(s, 2, &line, &col);
	T_OK(line == 1 && col == 3, "the newline itself is on its line");
	utf8_linecol(s, 3, &line, &col);
	T_OK(line == 2 && col == 1, "after a newline: next line, column 1");
	utf8_linecol(s, 6, &line, &col);
	T_EQ_INT(col, 3, "a 2-byte character is one column");
	utf8_linecol(s, 9, &line, &col);
	T_EQ_INT(col, 4, "a 3-byte character is one column");
	T_EQ_INT(line, 2, "still on line 2");
	utf8_linecol(s, 11, &line, &col);
	T_OK(line == 3 && col == 1, "an empty line counts");
	utf8_linecol(s, 12, &line, &col);
	T_OK(line == 4 && col == 1, "the last line");
	utf8_linecol("a\xFF" "b", 2, &line, &col);
	T_EQ_INT(col, 3, "an invalid lead byte counts as a column");
	utf8_linecol("a\tb", 2, &line, &col);
	T_EQ_INT(col, 3, "a tab is one column");
}

/*
 * Every code point in every plane: each surrogate, alone, is refused in
 * its 3-byte form and in an overlong 4-byte one (CESU-8 and the like),
 * and every other code point decodes back to itself from its encoding.
 */
static void
test_every_code_point(void)
{
	uint32_t c, cp;
	int sur = 1, over = 1, round = 1;
	char buf[4];
	size_t n;

	for (c = 0; c <= 0x10FFFF; c++) {
		if (c >= 0xD800 && c <= 0xDFFF) {
			buf[0] = (char)0xED;
			buf[1] = (char)(0x80 | ((c >> 6) & 0x3F));
			buf[2] = (char)(0x80 | (c & 0x3F));
			sur &= utf8_decode(buf, 3, &cp) == 0;
			buf[0] = (char)0xF0;
			buf[1] = (char)(0x80 | ((c >> 12) & 0x3F));
			buf[2] = (char)(0x80 | ((c >> 6) & 0x3F));
			buf[3] = (char)(0x80 | (c & 0x3F));
			over &= utf8_decode(buf, 4, &cp) == 0;
			continue;
		}
		n = utf8_encode(c, buf);
		round &= utf8_decode(buf, n, &cp) == n && cp == c;
	}
	T_OK(sur, "every lone surrogate is refused (ED A0 80 to ED BF BF)");
	T_OK(over, "no surrogate gets in as an overlong 4-byte form");
	T_OK(round, "every other code point, in every plane, decodes back");
}

int
main(void)
{
	T_PLAN(93);
	test_decode_valid();
	test_decode_invalid();
	test_encode();
	test_invalid();
	test_linecol();
	test_every_code_point();
	T_DONE();
}
