# mail: a letter and leaflets for each patient of the bundled example
# list; the window, the printable area, odd pages, the emails, bad rows,
# and no patient data anywhere but the patient's own files.
. tests/pdf/lib.inc
plan 28
export SOURCE_DATE_EPOCH=1795000000
L=content/patients/example.csv
M=$W/out/mail
lp() { "$LEAFPRESS" "$@" >"$W/stdout" 2>"$W/err"; rc=$?; }
bbox() { pdftotext -bbox "$1" "$2" >/dev/null 2>&1; }

lp mail -j 1 -p content/clinics/riverside.yaml --patients $L --out "$W/out"
t "bad rows: exit 1" test "$rc" -eq 1
t "bad rows: one error line each" test "$(grep -c ': error: ' "$W/err")" -eq 7
t "bad rows: FILE:LINE:COL and the ref" test "$(grep -c \
    "^$L:[0-9]*:[0-9]*: error: patient \(RN[0-9]*\|on this row\): " "$W/err")" -eq 7
t "bad rows: the unknown article" has "$W/err" "$L:10:64: error: patient RN1006: unknown article"
t "bad rows: the address too long" has "$W/err" "patient RN1008: the address has 9 lines"
t "bad rows: the postcode" has "$W/err" "patient RN1010: the address's last line is not a UK postcode"
t "the good rows are built" test -s "$M/RN1001.pdf" -a -s "$M/RN1002.pdf" \
    -a -s "$M/RN1003.pdf" -a -s "$M/RN1004.pdf" -a ! -e "$M/RN1006.pdf"
t "email only for the email channel" test -s "$M/RN1002.eml" -a \
    -s "$M/RN1003.eml" -a ! -e "$M/RN1001.eml"
t "the post in one PDF" test -s "$M/post-2026-11-18.pdf"
t "nothing else in out/mail, no temp files" test "$(ls -A "$M" | wc -l)" -eq 7

# The post: every posted copy in list order, each from a new sheet
# (a blank page after an odd one), one PDF that checks clean, the
# clinic's logo in it once however many letters show it.
P=$M/post-2026-11-18.pdf
npages() { pdfinfo "$1" | awk '/^Pages:/ { print $2 }'; }
t "the post checks clean" quiet qpdf --check "$P"
t "the post: every copy, each on new sheets" test "$(npages "$P")" -eq \
    $(( ($(npages "$M/RN1001.pdf") + 1) / 2 * 2 + ($(npages "$M/RN1002.pdf") + 1) / 2 * 2 + $(npages "$M/RN1004.pdf") ))
starts=""
i=1
while [ "$i" -le "$(npages "$P")" ]; do
	if pdftotext -f "$i" -l "$i" "$P" - | grep -q '^Dear '; then
		starts="$starts $i"
	fi
	i=$((i + 1))
done
t "the post: the letters in list order, each on an odd page" \
    test "$starts" = " 1 5 9"
t "the post: Mr Arthur's letter first" sh -c "pdftotext -f 1 -l 1 '$P' - |
    grep -q 'Dear Mr Arthur Example'"
t "the post: the logo once" test "$(pdfimages -list "$P" | awk 'NR > 2 { print $11 }' |
    sort -u | wc -l)" -eq 1
t "the post: its title names the clinic and the day" sh -c \
    "pdfinfo '$P' | grep -q '^Title: *Letters from Riverside Neurology Clinic, 2026-11-18'"

# The same run with workers: the same files, said in the same order.
"$LEAFPRESS" mail -j 3 -p content/clinics/riverside.yaml --patients $L \
    --out "$W/j3" >/dev/null 2>"$W/j3.err"
same=1
for f in "$M"/*; do
	cmp -s "$f" "$W/j3/mail/${f##*/}" || same=0
done
t "-j 3: the same files, the same messages in the same order" \
    test "$same" -eq 1 -a "$(ls "$W/j3/mail" | wc -l)" -eq 7 &&
    sed "s|$W/j3|$W/out|" "$W/j3.err" | cmp -s - "$W/err"

# The window and the printable area, on A4 (Notify) and US Letter.
bbox "$M/RN1002.pdf" "$W/a4.html"
t "A4: the name and address in the window, nothing else" \
    python3 tests/pdf/mail.py window "$W/a4.html" a4 12
t "A4: the postcode normalised" grep -q '>PO1</word>' "$W/a4.html"
t "A4: nothing outside the printable area" \
    python3 tests/pdf/mail.py printable "$W/a4.html" a4
lp mail -p content/clinics/lakeside.yaml --patients $L --out "$W/us"
bbox "$W/us/mail/RN1001.pdf" "$W/us.html"
t "Letter: the address in the #10 window" \
    python3 tests/pdf/mail.py window "$W/us.html" letter 9
t "Letter: nothing outside the printable area" \
    python3 tests/pdf/mail.py printable "$W/us.html" letter

# Each leaflet starts on an odd page: its "Page 1 of".
odd=1
n=$(pdfinfo "$M/RN1004.pdf" | awk '/^Pages:/ { print $2 }')
i=1; starts=0
while [ "$i" -le "$n" ]; do
	if pdftotext -f "$i" -l "$i" "$M/RN1004.pdf" - | grep -q 'Page 1 of'; then
		starts=$((starts + 1))
		[ $((i % 2)) -eq 1 ] || odd=0
	fi
	i=$((i + 1))
done
t "two leaflets, each from an odd page" test "$odd" -eq 1 -a "$starts" -eq 2

t "the email parses; its attachment is the PDF" \
    python3 tests/pdf/mail.py eml "$M/RN1002.eml" "$M/RN1002.pdf" "Zoë Ångström-Ødegård"
t "a non-ASCII name as encoded words" grep -q '^To: =?UTF-8?B?' "$M/RN1002.eml"
cp "$M/RN1002.eml" "$W/first.eml"
lp mail -j 2 -p content/clinics/riverside.yaml --patients $L --out "$W/out"
t "the same run, the same email" cmp -s "$W/first.eml" "$M/RN1002.eml"

# No patient's name or email outside their own files: messages, names
# of files, PDF metadata.
for f in "$M"/*.pdf; do pdfinfo -meta "$f"; pdfinfo "$f"; done >"$W/meta" 2>&1
ls -A "$M" >"$W/names"
leak=0
for s in Arthur Zo Priya Jean "No Reference" "Unknown Article" "Bad Email" \
    "Long Address" "Duplicate Ref" "Bad Postcode" "Equals Sign" Mill Quay \
    Rectory "@example"; do
	for f in "$W/err" "$W/stdout" "$W/meta" "$W/names"; do
		if grep -aq -- "$s" "$f"; then
			echo "# $s in $f"
			leak=1
		fi
	done
done
t "no patient data in messages, metadata or file names" test "$leak" -eq 0
t "the summary counts" has "$W/err" "11 patients: 4 built (3 to post, 2 emails), 7 failed"
