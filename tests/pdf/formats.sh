# Leaflet formats (layouts): -l, --body, A5 paper, and what each layout
# promises, read back from the dump and the PDF.
. tests/pdf/lib.inc
plan 17
ROOT=$PWD
case $LEAFPRESS in
/*) ;;
*/*) LEAFPRESS=$ROOT/$LEAFPRESS ;;
esac
export LEAFPRESS_FONTS="${LEAFPRESS_FONTS:-$ROOT/fonts}"
P=content/clinics/riverside.yaml
A=content/articles/botox-cervical-dystonia.md

# lp ARGS...: run leafpress, stdout in $W/out, stderr in $W/err, status in $rc.
lp() { "$LEAFPRESS" "$@" >"$W/out" 2>"$W/err"; rc=$?; }
# sizes DUMP: the type sizes of its text items, one a line, smallest first.
sizes() { awk '$1 == "text" { print $8 }' "$1" | sort -n | uniq; }
# allwords MD PDF: every word of the article comes back in order.
allwords() { pdftotext "$2" "$W/words.txt" &&
    python3 tests/pdf/words.py "$1" "$W/words.txt"; }

# Usage errors say so, exit 2, and make nothing.
lp build -p $P -l poster -o "$W/x.pdf" $A
t "-l poster: usage error" test "$rc" -eq 2 -a ! -e "$W/x.pdf"
t "-l poster: names the layouts" has "$W/err" "handout, large-print or trifold"
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
