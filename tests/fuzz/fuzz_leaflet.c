/*
 * libFuzzer harness: article bytes in memory -> document -> layout ->
 * PDF in memory, with a fixed profile.  Not part of `make check`:
 *	make fuzz		(builds build-fuzz/fuzz_leaflet, runs it)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "document.h"
#include "layout.h"
#include "leaflet.h"
#include "pages.h"
#include "profile.h"
#include "render.h"

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
	const struct font *fonts[FACE__MAX];
	struct article a;
	struct document doc;
	struct pages pages;
	unsigned char *pdf = NULL;
	size_t n;
	int i;

	if (!ready) {
		if (build_init(&b, "fonts", &d) == -1 ||
		    profile_parse(&p, "f.yaml", yaml, strlen(yaml), &d) == -1)
			abort();
		ready = 1;
	}
	for (i = 0; i < FACE__MAX; i++)
		fonts[i] = &b.fonts[i];
	memset(&doc, 0, sizeof(doc));
	memset(&pages, 0, sizeof(pages));
	if (article_parse(&a, "f.md", (const char *)data, len, &d) == 0 &&
	    document_build(&doc, &a, &p, fonts, &d) == 0 &&
	    layout_run(&pages, &doc, fonts, &b.hyphs, &d) == 0 &&
	    render_pdf(&pages, &doc, fonts, &b.images, &pdf, &n, &d) == 0)
		free(pdf);
	pages_free(&pages);
	document_free(&doc);
	article_free(&a);
	return 0;
}
