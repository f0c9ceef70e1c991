# GitHub's extensions in a real PDF: the text extracts as a reader would
# say it, footnotes link both ways, and notes stay out of the outline;
# the GFM spec's examples of the extensions (table, strikethrough,
# autolink) build as leaflets whose text pdftotext gives back.
. tests/pdf/lib.inc
plan 10

P=content/clinics/riverside.yaml
for f in gfm-inline gfm-tasks gfm-notes; do
	"$LEAFPRESS" build -p "$P" -o "$W/$f.pdf" "tests/e2e/$f.md" \
	    2>"$W/$f.err" && pdftotext "$W/$f.pdf" "$W/$f.txt"
done
t "struck text extracts" has "$W/gfm-inline.txt" "Take two tablets one tablet"
t "an autolink extracts once" has "$W/gfm-inline.txt" \
    "are at www.nhs.uk/conditions and"
t "a ticked box reads as [x]" has "$W/gfm-tasks.txt" "[x] Book transport"
t "an open box reads as [ ]" has "$W/gfm-tasks.txt" "[ ] Stop eating"
t "notes follow the body under their heading" \
    sh -c "tr '\n' ' ' <'$W/gfm-notes.txt' | grep -q 'Notes 1. Your doctor'"
qpdf --qdf --object-streams=disable "$W/gfm-notes.pdf" "$W/notes.qdf"
# four references, three links back, the link to "#dose", three bookmarks
grep -ac '/Dest ' "$W/notes.qdf" >"$W/ndest"
t "every reference and link back is an internal link" \
    test "$(cat "$W/ndest")" -eq 11
mutool show "$W/gfm-notes.pdf" outline >"$W/outline" 2>/dev/null
t "the outline has the headings" has "$W/outline" "Notes"
t "and no footnote" lacks "$W/outline" "fn:"

# Each extension example (Markdown, then "." then HTML) to ex-N.md and
# ex-N.html; a blank first line, so no example is read as front matter.
awk -v dir="$W" '
/^````````````````````````````````[ ]example (table|strikethrough|autolink)$/ {
	n++; md = dir "/ex-" n ".md"; html = dir "/ex-" n ".html"
	printf "\n" > md; out = md; next
}
out != "" && /^\.$/ && out == md { out = html; printf "" > html; next }
out != "" && /^````````````````````````````````$/ { close(md); close(html); out = ""; next }
out != "" { gsub(/\xe2\x86\x92/, "\t"); print >> out }
' tests/gfm-spec.txt
built=0 total=0
for md in "$W"/ex-*.md; do
	total=$((total + 1))
	pdf=${md%.md}.pdf
	"$LEAFPRESS" build -p tests/e2e/default.yaml -o "$pdf" "$md" \
	    2>/dev/null || { echo "# $md does not build"; continue; }
	built=$((built + 1))
	pdftotext "$pdf" "${md%.md}.txt"
done
# the HTML's letters and digits, in order, among the PDF's
texts=$(python3 - "$W"/ex-*.html <<'PY'
import re, sys
n = 0
for html in sys.argv[1:]:
    try:
        got = open(html[:-5] + '.txt').read()
    except OSError:
        continue
    want = re.sub(r'<[^>]*>|&[#a-z0-9]+;', '', open(html).read())
    want = ''.join(c for c in want.lower() if c.isascii() and c.isalnum())
    it = iter(''.join(c for c in got.lower() if c.isascii() and c.isalnum()))
    if all(c in it for c in want):
        n += 1
    else:
        print('# %s: its text does not come back' % html, file=sys.stderr)
print(n)
PY
)
t "the spec's $total extension examples build" test "$built" -eq 21
t "and pdftotext gives back their text" test "$texts" -eq 21
