# mail --encrypt COLUMN: each emailed PDF encrypted with AES-256 (R6),
# the password from the list's column: qpdf opens it with the password
# and not without; the password is said nowhere; a row with no password
# is an error for that row.
. tests/pdf/lib.inc
plan 10
export SOURCE_DATE_EPOCH=1795000000
M=$W/out/mail

"$LEAFPRESS" mail -p content/clinics/riverside.yaml --out "$W/out" \
    --patients content/patients/example.csv --encrypt dob >"$W/stdout" 2>"$W/err"
python3 tests/pdf/mail.py attachment "$M/RN1002.eml" "$W/a.pdf"
t "with the password (the date of birth) it opens and checks" \
    quiet qpdf --password=1990-11-02 --check "$W/a.pdf"
t "without it, it does not open" test "$(qpdf --check "$W/a.pdf" >/dev/null \
    2>&1; echo $?)" -eq 2
t "nor with another" test "$(qpdf --password=1990-11-03 --check "$W/a.pdf" \
    >/dev/null 2>&1; echo $?)" -eq 2
qpdf --password=1990-11-02 --show-encryption "$W/a.pdf" >"$W/enc" 2>&1
t "AES-256, revision 6" has "$W/enc" "R = 6"
t "every stream and string AESv3, no RC4" test "$(grep -c 'method: AESv3' \
    "$W/enc")" -eq 3 && ! grep -q RC4 "$W/enc"
t "the pages are the patient's copy" test "$(qpdf --password=1990-11-02 \
    --show-npages "$W/a.pdf")" -eq "$(qpdf --show-npages "$M/RN1002.pdf")"
python3 tests/pdf/mail.py attachment "$M/RN1003.eml" "$W/b.pdf"
t "each patient's own password" quiet qpdf --password=1975-07-21 --check "$W/b.pdf"
leak=0
for s in 1990-11-02 1975-07-21 1948-03-14 1939-01-30; do
	if grep -raq -- "$s" "$W/err" "$W/stdout" "$M"; then
		echo "# $s said"; leak=1
	fi
done
t "no password in any output or file" test "$leak" -eq 0
t "the same summary as without --encrypt" \
    has "$W/err" "11 patients: 4 built (3 to post, 2 emails), 7 failed"

printf 'ref,email,articles,channel,DOB\nX1,x1@example.org,botox-cervical-dystonia,email,\n' >"$W/none.csv"
"$LEAFPRESS" mail -p content/clinics/riverside.yaml --out "$W/none" \
    --patients "$W/none.csv" --encrypt DOB >/dev/null 2>"$W/err2"
t "no password: that row's error, at its column" has "$W/err2" \
    "$W/none.csv:2:49: error: patient X1: no password in the --encrypt column"
