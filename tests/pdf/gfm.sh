# GitHub's extensions in a real PDF: the text extracts as a reader would
# say it, footnotes link both ways, and notes stay out of the outline.
. tests/pdf/lib.inc
plan 8

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
