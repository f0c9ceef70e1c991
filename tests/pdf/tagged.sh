# Tagged PDF (PDF/UA-1): the structure tree read back with poppler
# (pdfinfo -struct-text) against the article, and its structure checked
# with tests/pdf/tagcheck.py over qpdf's JSON.  No PDF/UA validator is in
# Debian: these are the rules that can be read off the file.
. tests/pdf/lib.inc
A=content/articles/botox-cervical-dystonia.md
CLINICS="riverside lakeside"
# every layout leafpress builds (extend as formats are added)
LAYOUTS="handout large-print trifold booklet"
# the golden cases that build (those with a dump)
CASES=$(ls tests/e2e/*.dump | sed 's,.*/,,; s,\.dump$,,')
set -- $CLINICS
nc=$#
set -- $LAYOUTS
nl=$#
set -- $CASES
ne=$#
plan $((nc * nl * 10 + ne * 2 + 33))

# struct PDF: poppler's structure tree of PDF, with its text, in $W/st.
struct() { pdfinfo -struct-text "$1" >"$W/st" 2>"$W/st.err"; }
# tagcheck PDF: tagcheck.py's checks; failures shown as comments.
tagcheck() {
	rm -f "$W/tc.json"
	qpdf --json=2 --json-key=qpdf --json-stream-data=inline \
	    --decode-level=generalized "$1" "$W/tc.json" 2>/dev/null
	[ -s "$W/tc.json" ] || { echo "# no JSON of $1"; return 1; }
	python3 tests/pdf/tagcheck.py "$W/tc.json" >"$W/tc.out" 2>&1
	_rc=$?
	sed -n 's/^not ok - /# /p' "$W/tc.out"
	[ $_rc -eq 0 ] && [ "$(grep -c '^ok' "$W/tc.out")" -eq 14 ]
}
# sametext PDF UNTAGGED [OPTION]: pdftotext gives the same text of both.
sametext() {
	pdftotext ${3:-} "$1" "$W/t1.txt" && pdftotext ${3:-} "$2" "$W/t2.txt" &&
	    [ -s "$W/t1.txt" ] && cmp -s "$W/t1.txt" "$W/t2.txt"
}
# The article's headings, at their levels, in order: the title as H1.
{
	sed -n 's/^title: *//p' $A | sed 's/^"\(.*\)"$/\1/; s/^/H1 /'
	sed -n '/^---$/,/^---$/!s/^\(##*\) \(.*\)/\1 \2/p' $A |
	    awk '{ n = length($1); $1 = ""; print "H" n $0 }'
} >"$W/want-h"
# headings: the structure's headings are the article's.
headings() {
	awk '/^ *H[1-6] / { h = $1; getline; sub(/^ *"/, ""); sub(/"$/, "");
	    print h " " $0 }' "$W/st" >"$W/have-h"
	cmp -s "$W/want-h" "$W/have-h"
}
# items: each of the article's list items an LI with a Lbl and an LBody.
nli=$(grep -cE '^ *([-*+]|[0-9]+\.) ' $A)
items() {
	for _i in LI Lbl LBody; do
		[ "$(grep -c "^ *$_i " "$W/st")" -eq "$nli" ] || return 1
	done
}
# qcheck PDF: qpdf --check finds nothing wrong.
qcheck() { qpdf --check "$1" >"$W/qc" 2>&1 && ! grep -qi 'warning\|error:' "$W/qc"; }

# Every clinic in every layout: tagged, structure sound, every word of
# the article in order in the structure tree, qpdf clean.
for c in $CLINICS; do
	for l in $LAYOUTS; do
		pdf=$W/$c-$l.pdf
		"$LEAFPRESS" build -p content/clinics/$c.yaml -l $l -o "$pdf" $A \
		    2>"$W/err"
		t "$c $l: builds" test $? -eq 0 -a -s "$pdf"
		t "$c $l: pdfinfo says Tagged: yes" \
		    sh -c "pdfinfo '$pdf' | grep -q '^Tagged: *yes'"
		t "$c $l: structure checks (tagcheck.py)" tagcheck "$pdf"
		struct "$pdf"
		t "$c $l: every word of the article, in order, in the structure" \
		    python3 tests/pdf/words.py $A "$W/st"
		t "$c $l: headings at their levels, in order" headings
		t "$c $l: list items are LI, each with its Lbl and LBody" items
		t "$c $l: callouts: a BlockQuote and a Note" sh -c "
		    grep -q '^ *BlockQuote' '$W/st' && grep -q '^ *Note' '$W/st'"
		t "$c $l: qpdf --check clean" qcheck "$pdf"
		"$LEAFPRESS" build --no-tags -p content/clinics/$c.yaml -l $l \
		    -o "$W/u-$c-$l.pdf" $A 2>/dev/null
		t "$c $l: pdftotext reads it as it reads the untagged one" \
		    sametext "$pdf" "$W/u-$c-$l.pdf"
		t "$c $l: and so does pdftotext -layout" \
		    sametext "$pdf" "$W/u-$c-$l.pdf" -layout
	done
done

# Every golden case that builds: structure sound, qpdf clean.
for n in $CASES; do
	y=tests/e2e/$n.yaml
	[ -f "$y" ] || y=tests/e2e/default.yaml
	"$LEAFPRESS" build -p "$y" -o "$W/$n.pdf" tests/e2e/$n.md 2>/dev/null
	t "$n: structure checks (tagcheck.py)" tagcheck "$W/$n.pdf"
	t "$n: qpdf --check clean" qcheck "$W/$n.pdf"
done

# The riverside handout's structure, for the checks that follow.
R=$W/riverside-handout.pdf
struct "$R"
t "page furniture is not in the structure" lacks "$W/st" "Page 1 of"
# Lines end in a space between words (pdftotext ignores it, see above),
# so the structure's text does not run the last and first words together.
t "the words at a line's end and the next line's start stay apart" sh -c "
    grep -q 'Clinic Movement Disorders' '$W/st' &&
    grep -q 'injections for cervical dystonia' '$W/st'"
# What the tags cost: the source-article leaflet stays within 60 KB.
t "the tagged source-article leaflet is at most 60 KB" \
    test "$(wc -c <"$R")" -le 61440

# A paragraph the tri-fold breaks from its flap to the inside is one P.
struct "$W/riverside-trifold.pdf"
t "a paragraph on two pages is one P" test "$(awk '
    /^  [A-Z]/ { if (p ~ /you may know/ && p ~ /Your doctor chooses/) n++
    p = "" } { p = p $0 } END { print n + 0 }' "$W/st")" -eq 1

# A word hyphenated at a line end: one Span, the word whole as its
# /ActualText (the page's text stays as drawn, for pdftotext above); a
# word broken at a real hyphen keeps it.
"$LEAFPRESS" build --no-tags -p content/clinics/riverside.yaml -o "$W/u.pdf" $A
pdftotext -raw "$W/u.pdf" "$W/u.txt"
t "untagged, a line ends in an added hyphen (mus-)" has "$W/u.txt" "make a mus-"
qpdf --json=2 "$R" "$W/r.json"
t "tagged, the Span's /ActualText is the word whole (muscle)" \
    has "$W/r.json" '"/ActualText": "u:muscle"'
qpdf --json=2 "$W/riverside-trifold.pdf" "$W/rt.json"
t "a real hyphen stays (follow-up)" has "$W/rt.json" '"/ActualText": "u:follow-up"'

# A figure: its alt text is its /Alt, no longer drawn over it.
cp tests/e2e/images/dot.png "$W/"
cat >"$W/fig.md" <<'MD'
# Figure

Before the picture.

![A small blue dot on white](dot.png)

After the picture.
MD
"$LEAFPRESS" build -p tests/e2e/default.yaml -o "$W/fig.pdf" "$W/fig.md" 2>/dev/null
qpdf --json=2 "$W/fig.pdf" "$W/fig.json"
t "figure: /Alt is its alt text" \
    has "$W/fig.json" '"/Alt": "u:A small blue dot on white"'
pdftotext "$W/fig.pdf" "$W/fig.txt"
t "figure: alt text not drawn on the page" lacks "$W/fig.txt" "blue dot"

# A table: rows of header and data cells, headers scoped to columns.
struct "$W/gfm-table.pdf"
t "table: Table, TR, TH with /Scope /Column, TD" sh -c "
    grep -q '^ *Table' '$W/st' && grep -q '^ *TR' '$W/st' &&
    grep -q '/Scope /Column' '$W/st' && grep -q '^ *TD' '$W/st'"
# One too wide, set as "Header: value" lines: a row for each record, a
# cell for each line, an empty one for the field the second leaves out.
t "table set as lines: a TR per record, a TD per field (2 rows of 6)" \
    test "$(sed -n '/too wide/,/Notes/p' "$W/st" | awk '/^ *TR/ { r++ }
    /^ *TD/ { d++ } prev ~ /^ *TD/ && !/^ *"/ { e++ } { prev = $0 }
    END { print r + 0, d + 0, e + 0 }')" = "2 12 1"

# Footnotes: each a Note, its ID the name its references link to, its
# number a Lbl in it; each reference a Reference holding its Link.
struct "$W/gfm-notes.pdf"
t "footnotes: a Note each, IDs fn:1 to fn:3, no list around them" sh -c "
    [ \"\$(grep -c '^ *Note <fn:[123]>' '$W/st')\" -eq 3 ] &&
    ! grep -q '^ *L \\|^ *LI ' '$W/st'"
t "footnotes: each Note holds its number as a Lbl" \
    test "$(awk '/^ *Note <fn:/ { getline; if ($1 == "Lbl") n++ }
    END { print n + 0 }' "$W/st")" -eq 3
t "footnotes: each of the 4 references a Reference holding its Link" \
    test "$(awk '/^ *Reference / { getline; if ($1 == "Link") n++ }
    END { print n + 0 }' "$W/st")" -eq 4

# A link broken over two lines: one Link holding both annotations (one
# of these lengths of text before it breaks it).
two=0
for n in 3 6 9 12 15 18; do
	{ printf '# Links\n\n'; yes word | head -$n | tr '\n' ' '
	  printf '[the Dystonia Society support pages for patients and carers]'
	  printf '(https://dystonia.example/support) after.\n'; } >"$W/lk.md"
	"$LEAFPRESS" build -p tests/e2e/default.yaml -o "$W/lk.pdf" "$W/lk.md" \
	    2>/dev/null
	struct "$W/lk.pdf"
	two=$((two + $(awk '/^ *Link/ { n = 0; in_link = 1; next }
	    /^ *[A-Z]/ && !/^ *Object/ { in_link = 0 }
	    in_link && /^ *Object/ && ++n == 2 { c++ } END { print c + 0 }' \
	    "$W/st")))
done
t "a link over two lines is one Link with both annotations ($two)" \
    test "$two" -gt 0

# --no-tags: no structure at all, and the checks see it.
t "--no-tags: Tagged: no" sh -c "pdfinfo '$W/u.pdf' | grep -q '^Tagged: *no'"
untagged() { ! tagcheck "$1" >/dev/null; }
t "--no-tags: tagcheck.py fails it" untagged "$W/u.pdf"

# Reproducible, tags and all.
"$LEAFPRESS" build -p content/clinics/riverside.yaml -o "$W/r2.pdf" $A
t "tagged builds are byte-identical" cmp -s "$R" "$W/r2.pdf"

# PDF/UA-1 said in the XMP when its rules hold; with --pdfa, PDF/A-1a.
meta() { pdfinfo -meta "$1" >"$W/meta" 2>&1; }
meta "$R"
t "PDF/UA-1 in the XMP (pdfuaid:part 1)" has "$W/meta" 'pdfuaid:part="1"'
t "PDF/UA-1: the XMP has the title" has "$W/meta" \
    '>Botulinum toxin injections for cervical dystonia</rdf:li>'
t "PDF 1.7, which PDF/UA-1 is based on" \
    sh -c "pdfinfo '$R' | grep -q '^PDF version: *1.7'"
t "--no-tags: no XMP, so no PDF/UA" \
    sh -c "pdfinfo '$W/u.pdf' | grep -q '^Metadata Stream: *no'"
"$LEAFPRESS" build --pdfa -p content/clinics/riverside.yaml -o "$W/a.pdf" $A
meta "$W/a.pdf"
t "--pdfa, tagged: PDF/A-1a" has "$W/meta" 'pdfaid:conformance="A"'
t "--pdfa, tagged: and PDF/UA-1" has "$W/meta" 'pdfuaid:part="1"'
t "--pdfa, tagged: pdfa-check passes" quiet sh tests/pdf/pdfa-check "$W/a.pdf"
t "--pdfa, tagged: tagcheck passes" tagcheck "$W/a.pdf"
"$LEAFPRESS" build --pdfa --no-tags -p content/clinics/riverside.yaml \
    -o "$W/b.pdf" $A
meta "$W/b.pdf"
t "--pdfa --no-tags: PDF/A-1b, no PDF/UA" sh -c "
    grep -q 'pdfaid:conformance=\"B\"' '$W/meta' && ! grep -q pdfuaid '$W/meta'"
t "--pdfa --no-tags: pdfa-check passes" quiet sh tests/pdf/pdfa-check "$W/b.pdf"

# Where the rules do not hold, tagged all the same, but no claim: a
# warning says why.
cat >"$W/skip.md" <<'MD'
# Skipping

## Two

#### Four

Text.
MD
"$LEAFPRESS" build --pdfa -p tests/e2e/default.yaml -o "$W/skip.pdf" \
    "$W/skip.md" 2>"$W/skip.err"
meta "$W/skip.pdf"
t "a heading level skipped: warned" \
    has "$W/skip.err" "not PDF/UA-1: a heading of level 4 follows one of level 2"
t "a heading level skipped: PDF/A-1b, no PDF/UA" sh -c "
    grep -q 'pdfaid:conformance=\"B\"' '$W/meta' && ! grep -q pdfuaid '$W/meta'"
t "a heading level skipped: still tagged" \
    sh -c "pdfinfo '$W/skip.pdf' | grep -q '^Tagged: *yes'"
sed 's/!\[A small blue dot on white\]/![]/' "$W/fig.md" >"$W/noalt.md"
"$LEAFPRESS" build -p tests/e2e/default.yaml -o "$W/noalt.pdf" \
    "$W/noalt.md" 2>"$W/noalt.err"
meta "$W/noalt.pdf"
t "an image without alt text: warned" \
    has "$W/noalt.err" "not PDF/UA-1: an image has no alt text"
t "an image without alt text: no PDF/UA" lacks "$W/noalt.pdf" "pdfuaid"
