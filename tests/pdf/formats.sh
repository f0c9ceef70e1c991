# Leaflet formats (layouts): -l, --body, A5 paper, and what each layout
# promises, read back from the dump and the PDF.
. tests/pdf/lib.inc
plan 30
P=content/clinics/riverside.yaml
A=content/articles/botox-cervical-dystonia.md

# sizes DUMP: the type sizes of its text items, one a line, smallest first.
sizes() { awk '$1 == "text" { print $8 }' "$1" | sort -n | uniq; }
# allwords MD PDF: every word of the article comes back in order.
allwords() { pdftotext "$2" "$W/words.txt" &&
    python3 tests/pdf/words.py "$1" "$W/words.txt"; }

# Usage errors say so, exit 2, and make nothing.
lp build -p $P -l poster -o "$W/x.pdf" $A
t "-l poster: usage error" test "$rc" -eq 2 -a ! -e "$W/x.pdf"
t "-l poster: names the layouts" has "$W/err" "handout, large-print, trifold or booklet"
lp build -p $P -l large-print --body 12 -o "$W/x.pdf" $A
t "--body 12: too small for large print" test "$rc" -eq 2 -a ! -e "$W/x.pdf"
lp build -p $P --body 18 -o "$W/x.pdf" $A
t "--body without -l large-print: usage error" test "$rc" -eq 2

# Large print: nothing under 16 pt, no italics, every word.
lp build -p $P -l large-print --dump $A
cp "$W/out" "$W/lp.dump"
t "large print: no text under 16 pt" test "$(sizes "$W/lp.dump" | head -1)" = 16.0
t "large print: body at 16 pt" sh -c "grep -c ' regular 16.0 ' '$W/lp.dump' | grep -qv '^[0-9]\$'"
t "large print: no italics" lacks "$W/lp.dump" "italic"
lp build -p $P -l large-print -o "$W/lp.pdf" $A
t "large print: builds" test "$rc" -eq 0 -a ! -s "$W/err"
t "large print: every word, in order" allwords $A "$W/lp.pdf"
lp build -p $P -l large-print --body 18 --dump $A
t "--body 18: body at 18 pt" test "$(sizes "$W/out" | head -1)" = 18.0

# Its default path names the layout; a handout's does not.
mkdir -p "$W/cwd" && (cd "$W/cwd" && "$LEAFPRESS" build -p "$ROOT/$P" \
    -l large-print "$ROOT/$A" 2>/dev/null)
t "large print: out/<clinic>/<article>-large-print.pdf" \
    test -s "$W/cwd/out/riverside/botox-cervical-dystonia-large-print.pdf"

# A5 from the profile's paper: the page size, the measure, every word.
content "$W/c" && sed 's/^paper: .*/paper: a5/' $P >"$W/c/clinics/a5.yaml"
lp build -p "$W/c/clinics/a5.yaml" -o "$W/a5.pdf" $A
t "paper: a5 builds" test "$rc" -eq 0 -a ! -s "$W/err"
t "paper: a5 is 148 x 210 mm" sh -c "pdfinfo '$W/a5.pdf' |
    grep -q 'Page size: *419.528 x 595.276 pts'"
t "paper: a5, every word in order" allwords $A "$W/a5.pdf"
lp build -p "$W/c/clinics/a5.yaml" --dump $A
t "paper: a5, text within the page" awk '$1 == "text" && $3 + $5 > 419.53 - 30 { bad = 1 } END { exit bad }' "$W/out"
t "paper: a5, margins the same on both sides" awk '$1 == "text" && $2 == "b=3" { x = $3 } END { exit !(x > 35 && x < 45) }' "$W/out"
t "paper: a5, the title is not hyphenated" awk '$1 == "text" && $2 == "b=1" && /-"$/ { bad = 1 } END { exit bad }' "$W/out"

# No wasted pages: no handout of a bundled clinic ends on a page that
# holds only a few lines of the article, or only the contact box.
# article_lines DUMP: lines of the article (blocks before "Contact us")
# on the last page.
article_lines() {
	awk '$1 == "page" { n++ } $1 == "text" && /"Contact us"/ { split($2, b, "="); c = b[2] }
	    { page[NR] = n; line[NR] = $0 } END {
	    for (i = 1; i <= NR; i++) { split(line[i], f, " "); if (page[i] != n || f[1] != "text") continue;
	    split(f[2], b, "="); if (b[2] + 0 >= 0 && b[2] + 0 < c + 0 && !(f[4] in seen)) { seen[f[4]] = 1; k++ } }
	    print k + 0 }' "$1"
}
for c in riverside lakeside; do
	lp build -p content/clinics/$c.yaml --dump $A
	cp "$W/out" "$W/$c.dump"
	t "$c handout: the last page holds more than 5 lines of the article" \
	    test "$(article_lines "$W/$c.dump")" -gt 5
	t "$c handout: body text never below 12 pt" awk '$1 == "text" &&
	    $2 == "b=3" && $8 != "12.0" { bad = 1 } END { exit bad }' "$W/$c.dump"
done
t "lakeside handout: saved from a third page" test "$(grep -c '^page' "$W/lakeside.dump")" -eq 2
# the tighter setting is not the first choice: a short article keeps it
printf -- '---\ntitle: Short\n---\n\nOne paragraph.\n\nAnother one.\n' >"$W/short.md"
lp build -p $P --dump "$W/short.md"
t "a one-page leaflet keeps its spacing" sh -c "grep -q 'Contact us' '$W/out' && test \"\$(grep -c '^page' '$W/out')\" -eq 1"
# large print, which cannot be saved a page, still builds
lp build -p content/clinics/lakeside.yaml -l large-print -o "$W/ll.pdf" $A
t "lakeside large print: builds though its last page is short" test "$rc" -eq 0 -a -s "$W/ll.pdf"
lp build -p content/clinics/lakeside.yaml -l large-print --dump $A
t "large print: an em at least between the footer and the page number" awk '$1 == "page" { py = -1 }
    $1 == "text" && $2 == "b=-1" { if ($4 == py && px + pw + $8 > $3) bad = 1; px = $3; pw = $5; py = $4 }
    END { exit bad }' "$W/out"

# Print marks: the page grows by the slug, the trim box is the page that
# was, the bleed box 3 mm beyond it.
lp build -p $P --bleed 3mm -o "$W/bleed.pdf" $A
t "--bleed 3mm: builds" test "$rc" -eq 0 -a -s "$W/bleed.pdf"
pdfinfo -box "$W/bleed.pdf" >"$W/boxes"
t "--bleed 3mm: the trim box is the A4 page" awk '/^TrimBox/ { w = $4 - $2; h = $5 - $3 }
    END { exit !(w > 595.2 && w < 595.4 && h > 841.8 && h < 842) }' "$W/boxes"
t "--bleed 3mm: the bleed box is 3 mm beyond it" awk '/^TrimBox/ { t = $2 } /^BleedBox/ { b = $2 }
    END { d = t - b; exit !(d > 8.4 && d < 8.6) }' "$W/boxes"
lp build -p $P --bleed 9mm -o "$W/bleed9.pdf" $A
t "--bleed 9mm: a usage error" test "$rc" -eq 2 -a ! -e "$W/bleed9.pdf"

# Large print shows a figure larger (up to twice its size, as the page allows).
mkdir -p "$W/fig" && cp content/images/riverside.png "$W/fig/" &&
    printf -- '---\ntitle: Figure\n---\n\n![The logo](riverside.png)\n' >"$W/fig/fig.md"
imgw() { "$LEAFPRESS" build -p $P "$@" --dump "$W/fig/fig.md" | awk '$1 == "image" && $2 != "b=0" { print $5; exit }'; }
t "large print: a figure half as wide again at least" awk -v a="$(imgw)" -v b="$(imgw -l large-print)" \
    'BEGIN { exit !(a > 0 && b >= 1.5 * a) }'
