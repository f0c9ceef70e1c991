# leafpress: Markdown article + YAML clinic profile -> branded PDF leaflet.
#
#   make            install missing Debian packages, build ./leafpress, build every leaflet into out/
#   make check      the same set-up, then every test (also under ASan+UBSan,
#                   and the unit tests and golden builds under valgrind)
#   make bench      speed, memory and size table
#   make fuzz       the whole pipeline under libFuzzer (FUZZTIME=60 per harness)
#   make install    PREFIX=/usr/local DESTDIR=
.SUFFIXES:

VERSION   = 0.1.0
PREFIX   ?= /usr/local
BINDIR    = $(PREFIX)/bin
MANDIR    = $(PREFIX)/share/man
DATADIR   = $(PREFIX)/share/leafpress

CC       ?= cc
CFLAGS   ?= -O2 -g
WARN      = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes
CPPFLAGS += -DVERSION='"$(VERSION)"' -DDATADIR='"$(DATADIR)"'
PKGS      = libcmark-gfm yaml-0.1 libunibreak libpng zlib harfbuzz-subset libcjson libqrencode libcurl libqpdf
LDLIBS    = $$(pkg-config --libs $(PKGS)) -lhpdf -lhyphen -ljpeg -lcsv -lpthread -lm

B         = build
SRCS      = $(filter-out src/main.c,$(wildcard src/*.c))
OBJS      = $(SRCS:src/%.c=$(B)/%.o)
UNITS     = $(patsubst tests/unit/%.c,$(B)/%,$(wildcard tests/unit/test_*.c))

all: deps leafpress leaflets

deps:
	@sh src/deps.sh

leafpress: $(B)/leafpress
	cp $(B)/leafpress $@

$(B)/leafpress: $(B)/main.o $(B)/libleafpress.a
	$(CC) $(LDFLAGS) -o $@ $(B)/main.o $(B)/libleafpress.a $(LDLIBS)

$(B)/libleafpress.a: $(OBJS)
	rm -f $@
	ar rcs $@ $(OBJS)

$(B)/%.o: src/%.c src/*.h
	@mkdir -p $(B)
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) $$(pkg-config --cflags $(PKGS)) -c -o $@ $<

$(B)/test_%: tests/unit/test_%.c tests/unit/t.h $(B)/libleafpress.a
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) -Isrc $$(pkg-config --cflags $(PKGS)) -o $@ $< $(B)/libleafpress.a $(LDLIBS)

# A leaflet is rebuilt when its inputs or leafpress's version change; a
# leafpress built since the last batch may set them differently without a
# new version, so then every leaflet is.
leaflets: leafpress
	./leafpress batch --content content --out out \
	    $$([ leafpress -nt out/manifest.json ] && echo --force)

units: $(UNITS)

check: deps leafpress units
	sh tests/run
	$(MAKE) check-asan
	$(MAKE) check-valgrind

# The whole suite again with AddressSanitizer and UndefinedBehaviorSanitizer,
# built in its own tree so the normal binary is left alone.
# libhyphen's own leaks while loading a dictionary (tests/*.supp say which).
LSAN      = suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0
VALGRIND  = valgrind -q --leak-check=full --error-exitcode=1 \
	    --suppressions=tests/valgrind.supp

check-asan: deps
	$(MAKE) B=build-asan build-asan/leafpress units \
	    CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	    LDFLAGS="-fsanitize=address,undefined"
	LEAFPRESS=build-asan/leafpress BUILD=build-asan LEAFPRESS_FONTS=$(CURDIR)/fonts \
	    ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=$(LSAN) sh tests/run

# The unit tests and the golden builds again under valgrind's memcheck:
# leaks, and reads of memory never written, which ASan does not see.
# About a minute and a half.
check-valgrind: deps leafpress units
	VALGRIND="$(VALGRIND)" sh tests/run

# Speed, memory and size on a generated corpus: prints a table, never fails
# on a threshold.
bench: deps leafpress
	python3 tests/bench/bench.py

# The whole pipeline under libFuzzer (clang), from bytes in memory to a
# PDF in memory: fuzz_leaflet mutates the article, fuzz_profile the
# clinic profile, FUZZTIME seconds each, one after the other.  Each
# starts from its seeds (tests/fuzz/seeds*, and every article we have)
# and its dictionary; what it learns stays in build-fuzz/corpus*.  UB is
# fatal here, as in check-asan, or the fuzzer would print it and go on.
# An input may take 30 seconds: the German hyphenation patterns alone
# take libhyphen about 4 s to load, over 10 s under ASan.
FUZZTIME  = 60
FUZZFLAGS = -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZOBJS  = $(SRCS:src/%.c=build-fuzz/%.o)
.PRECIOUS: build-fuzz/%.o

build-fuzz/%.o: src/%.c src/*.h
	@mkdir -p build-fuzz
	clang $(WARN) $(FUZZFLAGS) -fsanitize=fuzzer-no-link $(CPPFLAGS) \
	    $$(pkg-config --cflags $(PKGS)) -c -o $@ $<

build-fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZOBJS)
	clang $(WARN) $(FUZZFLAGS) -fsanitize=fuzzer $(CPPFLAGS) -Isrc \
	    $$(pkg-config --cflags $(PKGS)) -o $@ $< $(FUZZOBJS) $(LDLIBS)

fuzz: fuzz-replay
	@mkdir -p build-fuzz/corpus build-fuzz/corpus-profile
	cp content/articles/*.md tests/e2e/*.md tests/typeset/*.md build-fuzz/corpus/
	cp content/clinics/*.yaml tests/e2e/*.yaml build-fuzz/corpus-profile/
	LSAN_OPTIONS=$(LSAN) build-fuzz/fuzz_leaflet -max_total_time=$(FUZZTIME) \
	    -max_len=20000 -timeout=30 -dict=tests/fuzz/leaflet.dict \
	    build-fuzz/corpus tests/fuzz/seeds
	LSAN_OPTIONS=$(LSAN) build-fuzz/fuzz_profile -max_total_time=$(FUZZTIME) \
	    -max_len=8000 -timeout=30 -dict=tests/fuzz/profile.dict \
	    build-fuzz/corpus-profile tests/fuzz/seeds-profile

# Every golden case, seed and crash found so far through the fuzzers once,
# without fuzzing: clang's UBSan sees more than gcc's (a zero offset to a
# NULL pointer, such as &runs[0] of a block with no runs).
fuzz-replay: deps build-fuzz/fuzz_leaflet build-fuzz/fuzz_profile
	LSAN_OPTIONS=$(LSAN) build-fuzz/fuzz_leaflet tests/e2e/*.md \
	    tests/fuzz/seeds/* $$(ls tests/fuzz/regress/leaflet-* 2>/dev/null)
	LSAN_OPTIONS=$(LSAN) build-fuzz/fuzz_profile tests/e2e/*.yaml \
	    content/clinics/*.yaml tests/fuzz/seeds-profile/* \
	    $$(ls tests/fuzz/regress/profile-* 2>/dev/null)

# Regenerate the bundled font subsets from Debian's fonts (needs fonttools).
fonts:
	sh fonts/subset.sh

install: leafpress
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(DATADIR)/fonts
	cp leafpress $(DESTDIR)$(BINDIR)/
	cp src/leafpress.1 $(DESTDIR)$(MANDIR)/man1/
	cp src/leafpress.5 $(DESTDIR)$(MANDIR)/man5/
	cp fonts/*.ttf fonts/*.txt $(DESTDIR)$(DATADIR)/fonts/

clean:
	rm -rf build build-asan build-fuzz leafpress

.PHONY: all deps leaflets units check check-asan check-valgrind bench fuzz \
	fuzz-replay fonts install clean
