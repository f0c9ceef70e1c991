# PDF/A-1b: --pdfa and the profile's pdfa: true, checked structurally by
# tests/pdf/pdfa-check (which must also fail a plain PDF).
. tests/pdf/lib.inc
# Three runs of check (pdfa-check's 32 checks and its status), and 6.
plan $((3 * 33 + 6))

A=content/articles/botox-cervical-dystonia.md
# check LABEL PDF: pdfa-check's own ok/not ok lines, with a label, and
# a check of its status: on a missing PDF or a tool error it prints no
# check at all (and sed would hide its status), which must not pass.
check() {
	sh tests/pdf/pdfa-check "$2" >"$W/check.out" 2>&1
	rc=$?
	sed "s/^\(not ok\|ok\) - /\1 - $1: /" "$W/check.out"
	t "$1: pdfa-check exits 0" test "$rc" -eq 0
}

"$LEAFPRESS" build --pdfa -p content/clinics/riverside.yaml -o "$W/r.pdf" "$A"
check "riverside --pdfa" "$W/r.pdf"
"$LEAFPRESS" build --pdfa -p content/clinics/lakeside.yaml -o "$W/l.pdf" "$A"
check "lakeside (JPEG logo) --pdfa" "$W/l.pdf"
"$LEAFPRESS" build --pdfa -p tests/e2e/default.yaml -o "$W/c.pdf" \
    tests/e2e/commonmark.md 2>/dev/null
check "commonmark --pdfa" "$W/c.pdf"

# The profile option makes it the default.
sed -e '/^logo:/d' content/clinics/riverside.yaml >"$W/p.yaml"
echo "pdfa: true" >>"$W/p.yaml"
"$LEAFPRESS" build -p "$W/p.yaml" -o "$W/p.pdf" "$A"
t "profile pdfa: true gives PDF/A" \
    sh -c "sh tests/pdf/pdfa-check '$W/p.pdf' >/dev/null"

# Metadata with XML's special characters stays well-formed and agrees.
sed 's/^title: .*/title: "Botox \& you: <questions> and answers"/' "$A" \
    >"$W/amp.md"
"$LEAFPRESS" build --pdfa -p "$W/p.yaml" -o "$W/amp.pdf" "$W/amp.md"
t "title with & and < : PDF/A checks pass" \
    sh -c "sh tests/pdf/pdfa-check '$W/amp.pdf' >/dev/null"
t "title with & and < : shown as written" \
    sh -c "pdfinfo '$W/amp.pdf' | grep -q '^Title: *Botox & you: <questions> and answers\$'"

# Reproducible, identifier included.
"$LEAFPRESS" build --pdfa -p content/clinics/riverside.yaml -o "$W/r2.pdf" "$A"
t "--pdfa builds are byte-identical" cmp -s "$W/r.pdf" "$W/r2.pdf"
t "--pdfa has a file identifier" grep -aq '/ID \[' "$W/r.pdf"

# The checker is not a rubber stamp: a plain leaflet fails it.
"$LEAFPRESS" build -p content/clinics/riverside.yaml -o "$W/plain.pdf" "$A"
n=$(sh tests/pdf/pdfa-check "$W/plain.pdf" | grep -c '^not ok')
t "a plain leaflet fails the PDF/A checks ($n failures)" test "$n" -ge 5
