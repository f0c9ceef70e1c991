# The QR code of the contact box (qr: true): decoded by zbarimg from a
# raster of the page, its size, quiet zone and printed address, where
# it stands; the profile errors it brings.  And the line that says
# large print is available (large_print), printed with it at the end.
. tests/pdf/lib.inc
plan 28
A=content/articles/botox-cervical-dystonia.md
Q=tests/pdf/qr.py

# lastpage PDF NAME [PAGE]: its last page (or PAGE) as $W/NAME.pgm (grey)
# and $W/NAME.png, at 150 dpi.
lastpage() {
	_n=${3:-$(pdfinfo "$1" | awk '/^Pages:/ { print $2 }')}
	pdftoppm -r 150 -gray -f "$_n" -l "$_n" -singlefile "$1" "$W/$2" &&
	    pdftoppm -r 150 -png -f "$_n" -l "$_n" -singlefile "$1" "$W/$2"
}
# decodes PNG URL: zbarimg reads one code from PNG, and it is URL.
decodes() { [ "$(zbarimg --raw -q "$1" 2>/dev/null)" = "$2" ]; }

# The bundled clinic with a QR code, pointing at its website.
content "$W/c"
C=$W/c/clinics
sed 's/^paper: .*/&\nqr: true/' $C/riverside.yaml >$C/web.yaml
lp build -p $C/web.yaml -o "$W/web.pdf" $A
t "qr: true builds" test "$rc" -eq 0 -a ! -s "$W/err"
lastpage "$W/web.pdf" web
t "zbarimg reads the website" decodes "$W/web.png" https://riverside.example
lp build --dump -p $C/web.yaml $A
cp "$W/out" "$W/web.dump"
t "the symbol is at least 20 mm wide" python3 $Q size "$W/web.dump"
t "a row's dark modules are one rectangle a run" python3 $Q runs \
    "$W/web.dump"
t "four light modules around it" python3 $Q quiet "$W/web.dump" \
    "$W/web.pgm" 150
pdftotext -bbox "$W/web.pdf" "$W/web.html"
t "its address printed under it, without https://" python3 $Q under \
    "$W/web.dump" "$W/web.html" riverside.example
t "beside the contact box's text, at the right" python3 $Q beside \
    "$W/web.dump"
t "the contact items each on a line of their own" sh -c "pdftotext \
    '$W/web.pdf' - | grep -qx 'Email: neurology@riverside.example'"

# The booking address comes first; without a scheme it is https.
sed 's|^  website: .*|&\n  booking: riverside.example/book?service=botox|' \
    $C/web.yaml >$C/book.yaml
lp build -p $C/book.yaml -o "$W/book.pdf" $A
lastpage "$W/book.pdf" book
t "zbarimg reads the booking address" decodes "$W/book.png" \
    "https://riverside.example/book?service=botox"
lp build --dump -p $C/book.yaml $A
cp "$W/out" "$W/book.dump"
pdftotext -bbox "$W/book.pdf" "$W/book.html"
t "the booking address printed under it" python3 $Q under "$W/book.dump" \
    "$W/book.html" "riverside.example/book?service=botox"
t "the address is a link" grep -q \
    '^  link .* "https://riverside.example/book?service=botox"$' "$W/book.dump"
t "the website is still in the box" has "$W/book.dump" \
    '"https://riverside.example"'

# Large print: the address at 16 pt, the code still beside the text
# (under it in a narrow frame: tests/unit/test_qrplace.c).
lp build -l large-print -p $C/web.yaml -o "$W/lp.pdf" $A
lastpage "$W/lp.pdf" lp
t "large print: zbarimg reads it" decodes "$W/lp.png" https://riverside.example
lp build -l large-print --dump -p $C/web.yaml $A
cp "$W/out" "$W/lp.dump"
t "large print: beside the contact text" python3 $Q beside "$W/lp.dump"
t "large print: four light modules around it" python3 $Q quiet \
    "$W/lp.dump" "$W/lp.pgm" 150

# A5 paper still has room beside it.
sed 's/^paper: .*/paper: a5/' $C/web.yaml >$C/a5.yaml
lp build -p $C/a5.yaml -o "$W/a5.pdf" $A
lastpage "$W/a5.pdf" a5
t "A5: zbarimg reads it" decodes "$W/a5.png" https://riverside.example
lp build --dump -p $C/a5.yaml $A
t "A5: beside the text" python3 $Q beside "$W/out"

# A tri-fold: the code goes with the contact box onto the back panel
# (page 1, the outside), under the text in the panel's narrow measure.
lp build -l trifold -p $C/web.yaml -o "$W/tri.pdf" $A
lastpage "$W/tri.pdf" tri 1
t "tri-fold: zbarimg reads it on the outside" decodes "$W/tri.png" \
    https://riverside.example
lp build -l trifold --dump -p $C/web.yaml $A
cp "$W/out" "$W/tri.dump"
t "tri-fold: under the contact text" python3 $Q below "$W/tri.dump"
t "tri-fold: four light modules around it" python3 $Q quiet \
    "$W/tri.dump" "$W/tri.pgm" 150

# No code without qr: true.
lp build --dump -p $C/riverside.yaml $A
t "no qr: no code" lacks "$W/out" "#FFFFFF"

# qr: true with nothing to point at is an error at qr, and no PDF.
grep -v '^  website:' $C/web.yaml >$C/none.yaml
lp build -p $C/none.yaml -o "$W/none.pdf" $A
t "qr without an address: an error at its line and column" has "$W/err" \
    "none.yaml:10:5: error: a QR code needs an address to point at"
t "qr without an address: exit 1, no PDF" test "$rc" -eq 1 -a ! -e "$W/none.pdf"

# A booking address that is no web address.
sed 's|^  website: .*|  booking: "mailto://x"|' $C/web.yaml >$C/bad.yaml
lp build -p $C/bad.yaml -o "$W/bad.pdf" $A
t "booking: not a web address, an error at its value" has "$W/err" \
    "bad.yaml:8:12: error: malformed web address 'mailto://x' for 'booking'"

# large_print: on the handout, not on the large-print leaflet itself.
# (wording that wraps at the measure right inside the phone number)
sed 's/^qr: .*/large_print: "This leaflet is available in large print: ask at reception or call 01234 567890."/' \
    $C/web.yaml >$C/lp.yaml
lp build -p $C/lp.yaml -o "$W/lpl.pdf" $A
pdftotext "$W/lpl.pdf" "$W/lpl.txt"
t "large_print: the line on the handout" has "$W/lpl.txt" \
    "available in large print: ask at reception"
t "large_print: its phone number is not broken" grep -q \
    "01234.*567890\\.$" "$W/lpl.txt"
lp build -l large-print -p $C/lp.yaml -o "$W/lpl-lp.pdf" $A
pdftotext "$W/lpl-lp.pdf" "$W/lpl-lp.txt"
t "large_print: not on the large-print leaflet" lacks "$W/lpl-lp.txt" \
    "available in large print"
pdftotext "$W/web.pdf" "$W/web.txt"
t "no large_print: no such line" lacks "$W/web.txt" "large print"
