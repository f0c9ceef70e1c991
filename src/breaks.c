/*
 * breaks: UAX #14 line-break opportunities and dictionary hyphenation.
 *
 * Hyphenation dictionaries are UTF-8 or a legacy 8-bit charset (Polish
 * ISO-8859-2, German ISO-8859-1); words are lowercased and converted
 * with iconv for the latter, one byte per letter, so a point found in
 * the 8-bit word maps straight back to a letter of the UTF-8 word.
 */
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <hyphen.h>
#include <linebreak.h>

#include "breaks.h"
#include "utf8.h"
#include "xalloc.h"

#define HYPH_DIR	"/usr/share/hyphen"
#define WORD_MAX	64	/* letters: longer words are not looked up */

struct hyph {
	char		 lang[16];
	HyphenDict	*dict;		/* NULL: no dictionary for lang */
	iconv_t		 cd;		/* UTF-8 to the dictionary's charset */
	int		 utf8;
};

#define IS_RI(c)	((c) >= 0x1F1E6 && (c) <= 0x1F1FF)
#define AS_LETTER	'x'	/* class AL */
#define AS_IDEOGRAPH	0x4E00	/* class ID */
#define AS_MARK		0x0300	/* class CM */

/*
 * The code point libunibreak classifies in cp's place; prev is what the
 * character before stood as if it was a regional indicator, else 0.
 * Two kinds of code point abort libunibreak 1.1 (Debian 12):
 *
 * - U+FFFF is its end-of-text marker (EOS), in every decoder, so a
 *   U+FFFF inside a paragraph ended its loop early and failed an
 *   assertion; its UTF-8 decoder also returns EOS for a sequence cut
 *   short.  We decode ourselves and hand it UTF-32 in which every
 *   noncharacter, private-use or unassigned code point (utf8_reserved)
 *   and every invalid byte is a plain letter: what UAX #14 makes of
 *   them anyway (class XX resolves to AL).
 * - Regional indicators (flags: U+1F1E6..U+1F1FF) have a class its data
 *   knows but its pair table does not.  A flag is two of them: the first
 *   stands as an ideograph and the second as a mark joined to it, so a
 *   line may break between two flags but never inside one (LB30a).
 *
 * This is classification only, done here at the one door to the
 * library, not to the text: such code points arrive after the input's
 * UTF-8 check too (cmark's "&#xFFFF;", YAML's "\uFFFF"), and a private-use
 * character may be meant (a clinic's own font), so the fonts and the
 * PDF get what the author wrote.
 */
static utf32_t
classify_as(uint32_t cp, utf32_t prev)
{
	if (utf8_reserved(cp))
		return AS_LETTER;
	if (IS_RI(cp))
		return prev == AS_IDEOGRAPH ? AS_MARK : AS_IDEOGRAPH;
	return cp;
}

static enum brk
brk_of(char lb, int last)
{
	switch (lb) {
	case LINEBREAK_MUSTBREAK:
		return last ? BRK_NONE : BRK_MUST;
	case LINEBREAK_ALLOWBREAK:
		return BRK_ALLOW;
	default:
		return BRK_NONE;
	}
}

void
breaks_find(const char *s, size_t n, const char *lang, unsigned char *brk)
{
	utf32_t *u;
	char *lb;
	size_t i, j, k, nu = 0;
	uint32_t cp, prev = 0;

	if (n == 0)
		return;
	u = xreallocarray(NULL, n, sizeof(*u));
	lb = xmalloc(n);
	/* brk[i] holds the length of the character at i until the end */
	for (i = 0; i < n; i += k) {
		if ((k = utf8_decode(s + i, n - i, &cp)) == 0)
			k = 1, cp = 0xFFFD;
		u[nu] = classify_as(cp, nu > 0 && IS_RI(prev) ? u[nu - 1] : 0);
		nu++;
		prev = cp;
		brk[i] = (unsigned char)k;
	}
	set_linebreaks_utf32(u, nu, lang, lb);
	for (i = j = 0; i < n; i += k, j++) {
		k = brk[i];
		memset(brk + i, BRK_NONE, k - 1);
		brk[i + k - 1] = brk_of(lb[j], j + 1 == nu);
	}
	free(u);
	free(lb);
}

/* Lowercase for the Latin letters hyphenation dictionaries cover. */
static uint32_t
lower(uint32_t c)
{
	if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7))
		return c + 0x20;
	if (c >= 0x100 && c <= 0x137 && c != 0x130)
		return c | 1;
	if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
		return (c & 1) ? c + 1 : c;
	if (c >= 0x14A && c <= 0x177)
		return c | 1;
	if (c == 0x178)
		return 0xFF;
	return c;
}

static int
open_dict(struct hyph *h, const char *dir, const char *lang)
{
	char name[64], path[512], region[8];
	const char *dash = strpbrk(lang, "-_");
	size_t ll = dash ? (size_t)(dash - lang) : strlen(lang), i;

	if (ll == 0 || ll > 3)
		return -1;
	/* hyph_pl_PL.dic, hyph_pl.dic, then the language's usual region */
	for (i = 0; i < 3 && h->dict == NULL; i++) {
		if (i == 0 && dash != NULL && strlen(dash + 1) < sizeof(region)) {
			size_t k;

			for (k = 0; dash[1 + k] != '\0'; k++)
				region[k] = (char)(dash[1 + k] >= 'a' &&
				    dash[1 + k] <= 'z' ? dash[1 + k] - 32 :
				    dash[1 + k]);
			region[k] = '\0';
			snprintf(name, sizeof(name), "hyph_%.*s_%s.dic",
			    (int)ll, lang, region);
		} else if (i == 1)
			snprintf(name, sizeof(name), "hyph_%.*s.dic", (int)ll,
			    lang);
		else if (i == 2) {
			snprintf(name, sizeof(name), "hyph_%.*s_%c%c.dic",
			    (int)ll, lang, lang[0] - 32, lang[1] - 32);
		} else
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, name);
		h->dict = hnj_hyphen_load(path);
	}
	if (h->dict == NULL)
		return -1;
	h->utf8 = h->dict->utf8;
	if (!h->utf8 && (h->cd = iconv_open(h->dict->cset, "UTF-8")) ==
	    (iconv_t)-1) {
		hnj_hyphen_free(h->dict);
		h->dict = NULL;
		return -1;
	}
	return 0;
}

int
hyph_tried(const struct hyphs *hs, const char *lang)
{
	size_t i;

	for (i = 0; i < hs->n; i++)
		if (strcmp(hs->v[i].lang, lang) == 0)
			return 1;
	return 0;
}

struct hyph *
hyph_get(struct hyphs *hs, const char *lang)
{
	struct hyph *h;
	size_t i;

	if (lang == NULL || strlen(lang) >= sizeof(h->lang))
		return NULL;
	for (i = 0; i < hs->n; i++)
		if (strcmp(hs->v[i].lang, lang) == 0)
			return hs->v[i].dict ? &hs->v[i] : NULL;
	hs->v = xgrow(hs->v, hs->n, sizeof(*hs->v));
	h = &hs->v[hs->n++];
	memset(h, 0, sizeof(*h));
	h->cd = (iconv_t)-1;
	strcpy(h->lang, lang);
	if (open_dict(h, hs->dir ? hs->dir : HYPH_DIR, lang) == -1)
		return NULL;
	return h;
}

size_t
hyph_word(struct hyph *h, const char *s, size_t n, size_t *pos, size_t max)
{
	char low[WORD_MAX * 4 + 1], conv[WORD_MAX + 1], hy[WORD_MAX * 4 + 5];
	size_t off[WORD_MAX + 1];	/* UTF-8 offset after each letter */
	char **rep = NULL;
	int *rpos = NULL, *cut = NULL;
	size_t i = 0, k, nl = 0, lowlen = 0, np = 0, wlen, j;
	uint32_t cp;
	const char *word;

	while (i < n) {
		if ((k = utf8_decode(s + i, n - i, &cp)) == 0 ||
		    nl == WORD_MAX || utf8_reserved(cp))
			return 0;	/* nothing a dictionary could spell */
		lowlen += utf8_encode(lower(cp), low + lowlen);
		i += k;
		off[nl++] = i;
	}
	if (nl < HYPH_MIN_WORD)
		return 0;
	low[lowlen] = '\0';
	word = low;
	wlen = lowlen;
	if (!h->utf8) {
		char *in = low, *out = conv;
		size_t inleft = lowlen, outleft = WORD_MAX;

		iconv(h->cd, NULL, NULL, NULL, NULL);
		if (iconv(h->cd, &in, &inleft, &out, &outleft) == (size_t)-1 ||
		    (size_t)(out - conv) != nl)
			return 0;	/* a letter the dictionary cannot spell */
		*out = '\0';
		word = conv;
		wlen = nl;
	}
	if (hnj_hyphen_hyphenate2(h->dict, word, (int)wlen, hy, NULL, &rep,
	    &rpos, &cut) != 0)
		return 0;
	/*
	 * hy[] has one entry per letter (libhyphen counts characters, not
	 * bytes, in a UTF-8 word); odd means a hyphen may follow it.
	 */
	for (j = 0; j < nl && np < max; j++)
		if ((hy[j] & 1) && j + 1 >= HYPH_MIN_LEFT &&
		    nl - (j + 1) >= HYPH_MIN_RIGHT)
			pos[np++] = off[j];
	if (rep != NULL) {
		for (i = 0; i < wlen; i++)
			free(rep[i]);
		free(rep);
		free(rpos);
		free(cut);
	}
	return np;
}

void
hyphs_free(struct hyphs *hs)
{
	size_t i;

	for (i = 0; i < hs->n; i++) {
		if (hs->v[i].dict != NULL)
			hnj_hyphen_free(hs->v[i].dict);
		if (hs->v[i].cd != (iconv_t)-1)
			iconv_close(hs->v[i].cd);
	}
	free(hs->v);
	hs->v = NULL;
	hs->n = 0;
}
