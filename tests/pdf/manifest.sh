# manifest: out/manifest.json says what the batch made, from what, and
# its hashes are the files'.
. tests/pdf/lib.inc
plan 8

C=$W/content
O=$W/out
content "$C" one two
printf '# Broken\n\nNot UTF-8: \377.\n' >"$C/articles/three.md"
m() { python3 tests/pdf/manifest.py "$O" "$@"; }

"$LEAFPRESS" batch -q -j 2 --content "$C" --out "$O" 2>"$W/err"
t "a bad article fails the batch" test $? -eq 1
t "the manifest is JSON, and its hashes and sizes are the files'" m check
t "every leaflet of articles x clinics is listed" test \
    "$(m paths | sort | tr '\n' ' ')" = "lakeside/one.pdf lakeside/three.pdf \
lakeside/two.pdf riverside/one.pdf riverside/three.pdf riverside/two.pdf "
t "a good one is built, with its pages" test \
    "$(m status riverside/one.pdf) $(m get riverside/one.pdf pages)" = \
    "built $(pdfinfo "$O/riverside/one.pdf" | sed -n 's/^Pages: *//p')"
t "the front matter's leaflet id, version and review date" test \
    "$(m get lakeside/two.pdf leaflet_id) $(m get lakeside/two.pdf version) \
$(m get lakeside/two.pdf review)" = "NEU-014 1.0 2028-11-01"
t "a bad one is failed with its first diagnostic" test \
    "$(m status lakeside/three.pdf)|$(m get lakeside/three.pdf error)" = \
    "failed|$C/articles/three.md:3:12: error: invalid UTF-8"
t "its layout is the handout" test "$(m get riverside/two.pdf layout)" = handout
t "no temporary file is left" test -z "$(find "$O" -name '.*' ! -name '.manifest*.stat')"
