/*
 * libFuzzer harness: profile bytes in memory -> profile_parse() -> one
 * leaflet through leaflet_render(), the door build and batch use, with a
 * fixed article that shows every part of the profile (brand, contact
 * box, footer, links).  The profile is named as if it sat beside the
 * bundled ones, so that a relative logo path can find a real image.
 * Not part of `make check`:
 *	make fuzz		(builds and runs both harnesses)
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "leaflet.h"
#include "profile.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char md[] =
    "---\ntitle: Fuzzing the profile\nsubtitle: A leaflet\nlang: en\n---\n\n"
    "# What it is\n\nA paragraph with a [link](https://example.org), "
    "`code` and **bold** text, long enough to be broken into lines and "
    "hyphenated where the dictionary allows.\n\n- one\n- two\n\n"
    "> **Note**\n> A callout.\n\n    code block\n";

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static struct build b;
	static struct diag d = { NULL, 0, 0 };
	static int ready;
	static struct article a;
	struct leaflet_opts o = { .shape = NULL };
	struct leaflet lf;
	struct profile p;

	if (!ready) {
		if (build_init(&b, "fonts", &d) == -1 ||
		    article_parse(&a, "f.md", md, strlen(md), &d) == -1)
			abort();
		ready = 1;
	}
	if (profile_parse(&p, "content/clinics/f.yaml", (const char *)data,
	    len, &d) == 0) {
		leaflet_render(&b, &p, &a, &o, &lf);
		leaflet_free(&lf);
	}
	profile_free(&p);
	return 0;
}
