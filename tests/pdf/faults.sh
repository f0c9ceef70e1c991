# Faults of the machine rather than the input: a disk that fills up
# while the PDF is written (a file size limit makes write(2) fail with
# EFBIG, as a full disk fails with ENOSPC).  One line, exit 1, and
# neither the PDF nor its temporary file left behind.
. tests/pdf/lib.inc
plan 8

P=content/clinics/riverside.yaml
A=content/articles/botox-cervical-dystonia.md

# full WHAT CMD...: run CMD with writes limited to 4 KB, SIGXFSZ ignored.
full() {
	sh -c 'trap "" XFSZ; ulimit -f 8; exec "$@"' sh "$@" \
	    >"$W/out" 2>"$W/err"
}

mkdir -p "$W/d"
full "$LEAFPRESS" build -p "$P" -o "$W/d/x.pdf" "$A"
t "full disk: build fails with status 1" test $? -eq 1
t "full disk: one line naming the file" grep -qx \
    "$W/d/x.pdf: error: cannot write: File too large" "$W/err"
t "full disk: only that line" test "$(wc -l <"$W/err")" -eq 1
t "full disk: no PDF and no temporary file left" \
    test -z "$(ls -A "$W/d")"

content "$W/c" botox-cervical-dystonia
full "$LEAFPRESS" batch -j 1 --content "$W/c" --out "$W/o"
t "full disk: batch fails with status 1" test $? -eq 1
t "full disk: batch says so once a leaflet" \
    test "$(grep -c 'cannot write: File too large' "$W/err")" -eq 2
t "full disk: batch leaves no PDF" \
    test -z "$(find "$W/o" -name '*.pdf' 2>/dev/null)"
t "full disk: batch leaves no temporary file" \
    test -z "$(find "$W/o" -name '.*' -type f 2>/dev/null)"
