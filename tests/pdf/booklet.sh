# The A5 booklet: its reading copy (--no-impose) and its pages imposed
# two-up on sheets, read back from the PDFs: page counts and sizes, the
# cover, the notes pages and the back cover where they belong, every
# word, and each sheet side's halves against a folded booklet.
. tests/pdf/lib.inc
plan 38
R=content/clinics/riverside.yaml
L=content/clinics/lakeside.yaml
A=content/articles/botox-cervical-dystonia.md

npages() { pdfinfo "$1" | awk '$1 == "Pages:" { print $2 }'; }
# sizes PDF: every page's size, "W x H", one line for all if all agree.
sizes() { pdfinfo -f 1 -l "$(npages "$1")" "$1" |
    sed -n 's/^Page *[0-9]* size: *\([0-9.]* x [0-9.]*\) pts.*/\1/p' | uniq; }
# text PDF PAGE: the text of one page.
text() { pdftotext -f "$2" -l "$2" "$1" -; }
allwords() { pdftotext "$2" "$W/words.txt" &&
    python3 tests/pdf/words.py "$1" "$W/words.txt"; }
# sketch N: the sides of a folded booklet of N pages, "left right" a line:
# the outer sheet's front holds the back cover and the cover, its back
# pages 2 and N - 1, and each sheet inside two pages nearer the middle.
sketch() { awk -v n="$1" 'BEGIN { for (k = 0; k < n / 4; k++) {
    print n - 2 * k, 2 * k + 1; print 2 * k + 2, n - 2 * k - 1 } }'; }
# order READING IMPOSED: the pages each side of IMPOSED shows, as sketch.
order() { pdftotext -bbox "$1" "$W/r.html" && pdftotext -bbox "$2" "$W/i.html" &&
    python3 tests/pdf/imposed.py "$W/r.html" "$W/i.html"; }
# kinds PDF: a letter a page: c cover (the brand), t text, n notes, b back cover.
kinds() {
	_n=$(npages "$1")
	for _p in $(seq 1 "$_n"); do
		text "$1" "$_p" >"$W/page.txt"
		if [ "$_p" -eq 1 ]; then
			has "$W/page.txt" "Movement Disorders Service" && printf c || printf '?'
		elif [ "$_p" -eq "$_n" ]; then
			has "$W/page.txt" "Contact us" && printf b || printf '?'
		elif grep -qx "Notes" "$W/page.txt" &&
		    [ "$(grep -c '[[:alnum:]]' "$W/page.txt")" -eq 3 ]; then
			printf n	# "Notes", the footer and the number only
		else
			printf t
		fi
	done
}
# body ARGS...: the size of the body text on page 2 of a booklet's --dump.
body() { "$LEAFPRESS" build --dump -l booklet --no-impose "$@" |
    awk '/^page 2 /{ p = 1 } p && /^  text b=[0-9]/ && $7 == "regular" {
    print $8; exit }'; }
# marks READING IMPOSED: each bookmark of IMPOSED is on the side that
# holds its page of READING, at the same height.
marks() {
	_n=$(npages "$1")
	mutool show "$1" outline | sed 's/.*#page=\([0-9]*\)&view=FitH,\(.*\)/\1 \2/' |
	    awk -v n="$_n" '{ p = $1 <= n + 1 - $1 ? $1 : n + 1 - $1; print p, $2 }' \
	    >"$W/want" &&
	mutool show "$2" outline | sed 's/.*#page=\([0-9]*\)&view=FitH,\(.*\)/\1 \2/' \
	    >"$W/got" && [ -s "$W/want" ] && cmp -s "$W/want" "$W/got"
}

# The reading copy: A5 pages, as many as a multiple of 4, every word.
lp build -l booklet --no-impose -p $R -o "$W/read.pdf" $A
t "reading copy: builds" test "$rc" -eq 0 -a ! -s "$W/err"
n=$(npages "$W/read.pdf")
t "reading copy: $n pages, a multiple of 4" test "$n" -ge 8 -a $((n % 4)) -eq 0
t "reading copy: every page A5" test "$(sizes "$W/read.pdf")" = "419.528 x 595.276"
t "reading copy: every word, in order" allwords $A "$W/read.pdf"
k=$(kinds "$W/read.pdf")
t "reading copy: cover, text, notes pages, back cover ($k)" \
    quiet expr "$k" : 'ct\{1,\}n\{1,\}b$'
# At 12 pt the article takes 3 of the 6 inner pages; at 14 pt still only
# 4, so 13.5 pt, the smallest body with the fewest notes pages, fills
# all it can.
t "reading copy: body stepped up from 12 to 13.5 pt" \
    test "$(body -p $R $A)" = 13.5
t "reading copy: 2 notes pages, not the 3 it had at 12 pt ($k)" \
    test "$k" = cttttnnb
# line PAGE RE: a line of the reading copy's page PAGE matches RE.
line() { text "$W/read.pdf" "$1" | grep -qx "$2"; }
t "reading copy: no page number on the covers" eval "! line 1 1 && ! line $n $n"
t "reading copy: body pages numbered" line 2 2
t "reading copy: the governance line on the back cover" line $n "Leaflet NEU-014.*"
t "reading copy: qpdf --check" quiet qpdf --check "$W/read.pdf"

# Imposed: half as many A4 landscape sides, each two pages in the order
# of a folded booklet.
lp build -l booklet -p $R -o "$W/sheets.pdf" $A
t "imposed: builds" test "$rc" -eq 0 -a ! -s "$W/err"
t "imposed: $((n / 2)) sides" test "$(npages "$W/sheets.pdf")" -eq $((n / 2))
t "imposed: every side A4 landscape" test "$(sizes "$W/sheets.pdf")" = "841.89 x 595.276"
order "$W/read.pdf" "$W/sheets.pdf" >"$W/order"
sketch "$n" >"$W/sketch"
t "imposed: side 1 is the back cover left, the cover right" \
    test "$(head -1 "$W/order")" = "$n 1"
t "imposed: every side as a folded booklet has it" cmp -s "$W/order" "$W/sketch"
t "imposed: bookmarks go to the side of their page" marks "$W/read.pdf" "$W/sheets.pdf"
t "imposed: qpdf --check" quiet qpdf --check "$W/sheets.pdf"
lp build -l booklet --bleed 3mm -p $R -o "$W/bleed.pdf" $A
t "imposed: --bleed adds crop marks to the sheets" test "$rc" -eq 0 -a \
    "$(npages "$W/bleed.pdf")" -eq $((n / 2))

# US Letter: half-Letter pages on Letter sheets.
lp build -l booklet --no-impose -p $L -o "$W/lread.pdf" $A
t "letter: pages 5.5 x 8.5 in" test "$rc" -eq 0 -a "$(sizes "$W/lread.pdf")" = "396 x 612"
lp build -l booklet -p $L -o "$W/lsheets.pdf" $A
t "letter: sides Letter landscape" test "$rc" -eq 0 -a "$(sizes "$W/lsheets.pdf")" = "792 x 612"
sketch "$(npages "$W/lread.pdf")" >"$W/sketch"
order "$W/lread.pdf" "$W/lsheets.pdf" >"$W/order"
t "letter: every side as a folded booklet has it" cmp -s "$W/order" "$W/sketch"

# A few words: four pages, the third for notes.
printf -- '---\ntitle: Short\n---\n\nA few words only.\n' >"$W/short.md"
lp build -l booklet --no-impose -p $R -o "$W/short.pdf" "$W/short.md"
t "short: four pages, cover, text, notes, back cover" \
    test "$rc" -eq 0 -a "$(kinds "$W/short.pdf")" = ctnb

awk 'f >= 2; /^---$/ { f++ }' $A >"$W/body.md"
# A little longer, 2 notes pages at 12 pt: at 13.5 pt, one.
{ cat $A; head -15 "$W/body.md"; } >"$W/more.md"
lp build -l booklet --no-impose -p $R -o "$W/more.pdf" "$W/more.md"
t "fuller: one notes page before the back cover ($(kinds "$W/more.pdf"))" \
    test "$rc" -eq 0 -a "$(kinds "$W/more.pdf")" = ctttttnb
t "fuller: body at 13.5 pt" test "$(body -p $R "$W/more.md")" = 13.5
t "fuller: every word, in order" allwords "$W/more.md" "$W/more.pdf"
# One notes page is left as it is, though 14 pt would fill it.
{ cat $A; head -30 "$W/body.md"; } >"$W/full.md"
t "one notes page: body stays at 12 pt" test "$(body -p $R "$W/full.md")" = 12.0

# Eight times the article: many sheets, bookmarks beyond the middle.
{ cat $A; for i in 1 2 3 4 5 6 7; do cat "$W/body.md"; done; } >"$W/long.md"
lp build -l booklet --no-impose -p $R -o "$W/long.pdf" "$W/long.md"
n=$(npages "$W/long.pdf")
t "long: $n pages, a multiple of 4" test "$rc" -eq 0 -a "$n" -ge 24 -a $((n % 4)) -eq 0
t "long: every word, in order" allwords "$W/long.md" "$W/long.pdf"
lp build -l booklet -p $R -o "$W/lsheets.pdf" "$W/long.md"
sketch "$n" >"$W/sketch"
order "$W/long.pdf" "$W/lsheets.pdf" >"$W/order"
t "long: every side as a folded booklet has it" cmp -s "$W/order" "$W/sketch"
t "long: bookmarks go to the side of their page" marks "$W/long.pdf" "$W/lsheets.pdf"

# Too long for 64 pages: an error that says by how much, and no file.
{ cat $A; for i in $(seq 40); do cat "$W/body.md"; done; } >"$W/huge.md"
lp build -l booklet -p $R -o "$W/huge.pdf" "$W/huge.md"
t "too long: fails, no file" test "$rc" -eq 1 -a ! -e "$W/huge.pdf"
t "too long: says by how much" grep -q \
    "huge.md: error: the article is about [0-9]* words too long for a booklet at 12 pt" "$W/err"

# The command line: --no-impose is for booklets; default file names.
lp build -l handout --no-impose -p $R -o "$W/x.pdf" $A
t "--no-impose without -l booklet: usage error" test "$rc" -eq 2 -a ! -e "$W/x.pdf"
lp build -l bookle -p $R -o "$W/x.pdf" $A
t "-l bookle: names booklet among the layouts" has "$W/err" "booklet"
mkdir -p "$W/cwd" && (cd "$W/cwd" &&
    "$LEAFPRESS" build -p "$ROOT/$R" -l booklet "$ROOT/$A" 2>/dev/null &&
    "$LEAFPRESS" build -p "$ROOT/$R" -l booklet --no-impose "$ROOT/$A" 2>/dev/null)
t "default: out/<clinic>/<article>-booklet.pdf" \
    test -s "$W/cwd/out/riverside/botox-cervical-dystonia-booklet.pdf"
t "default: --no-impose, out/<clinic>/<article>-booklet-reading.pdf" \
    test -s "$W/cwd/out/riverside/botox-cervical-dystonia-booklet-reading.pdf"
t "default: the two differ" test "$(npages \
    "$W/cwd/out/riverside/botox-cervical-dystonia-booklet.pdf")" -eq 4
