/*
 * libFuzzer harness: article bytes in memory -> leaflet_render(), the
 * same door build and batch use -> PDF in memory, with a fixed profile.
 * The article is named as if it sat among the golden cases, so that an
 * image path can find a real image (images/dot.png, a JPEG and a PNG in
 * ../../content/images/) and the image decoders are fuzzed too.
 * Not part of `make check`:
 *	make fuzz		(builds and runs both harnesses)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "leaflet.h"
#include "profile.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char yaml[] =
    "name: Fuzz Clinic\ncontact: { phone: \"0100 000000\" }\n";

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static struct build b;
	static struct diag d = { NULL, 0, 0 };
	static int ready;
	static struct profile p;
	struct leaflet_opts o = { .shape = NULL };
	struct leaflet lf;
	struct article a;

	if (!ready) {
		if (build_init(&b, "fonts", &d) == -1 ||
		    profile_parse(&p, "f.yaml", yaml, strlen(yaml), &d) == -1)
			abort();
		ready = 1;
	}
	if (article_parse(&a, "tests/e2e/f.md", (const char *)data, len,
	    &d) == 0) {
		leaflet_render(&b, &p, &a, &o, &lf);
		leaflet_free(&lf);
	}
	article_free(&a);
	return 0;
}
