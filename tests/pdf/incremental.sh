# incremental: a leaflet whose inputs have not changed is not built again;
# contents decide, not timestamps.
. tests/pdf/lib.inc
plan 14

C=$W/content
O=$W/out
content "$C" one two
# two shows an image that can be swapped for another
cp tests/e2e/images/dot.png "$C/images/pic.png"
printf '\n![A dot](../images/pic.png)\n' >>"$C/articles/two.md"
# lakeside's logo is a PNG that can be swapped for another
cp content/images/riverside.png "$C/images/logo.png"
sed -i 's|^logo: .*|logo: ../images/logo.png|' "$C/clinics/lakeside.yaml"
run() {
	"$LEAFPRESS" batch -j 2 --content "$C" --out "$O" "$@" 2>"$W/err"
}
# built: the leaflets the last run built, sorted, on one line
built() {
	sed -n 's|^\[[0-9]*/[0-9]*\] '"$O"'/\([^ ]*\)  .*|\1|p' "$W/err" |
	    sort | tr '\n' ' '
}
summary() { tail -n 1 "$W/err" | sed 's/ in [0-9.]* s$//'; }

run
t "a first run builds all four" test "$(summary)" = \
    "4 built, 0 up to date, 0 failed, 0 removed"
run
t "a second run builds nothing" test "$(summary)" = \
    "0 built, 4 up to date, 0 failed, 0 removed"
t "and its manifest says so, with the hashes of the files" sh -c "
    python3 tests/pdf/manifest.py '$O' check &&
    [ \"\$(python3 tests/pdf/manifest.py '$O' status riverside/one.pdf)\" = 'up to date' ] &&
    [ \"\$(python3 tests/pdf/manifest.py '$O' get lakeside/two.pdf leaflet_id)\" = NEU-014 ] &&
    [ \"\$(python3 tests/pdf/manifest.py '$O' get lakeside/two.pdf version)\" = 1.0 ]"
# nothing changed: the manifest is left as it is, not even written again
cp "$O/manifest.json" "$W/m1"
ino=$(stat -c %i "$O/manifest.json")
run
t "a run with nothing to do leaves the manifest unwritten" sh -c "
    cmp -s '$W/m1' '$O/manifest.json' &&
    [ \$(stat -c %i '$O/manifest.json') = $ino ]"
# a copy of out/ puts every PDF at a new inode: hashed, still the same
cp -a "$O" "$W/copy"
"$LEAFPRESS" batch -j 2 --content "$C" --out "$W/copy" 2>"$W/err2"
t "so does a copy of out/, its PDFs elsewhere on the disk" sh -c "
    grep -q '^0 built, 4 up to date' '$W/err2' &&
    cmp -s '$W/m1' '$W/copy/manifest.json'"
touch "$C/articles/one.md" "$C/images/logo.png"
run
t "a new timestamp on the same bytes builds nothing" test "$(summary)" = \
    "0 built, 4 up to date, 0 failed, 0 removed"
echo "One more line." >>"$C/articles/one.md"
run
t "a changed article rebuilds only its leaflets" test "$(built)" = \
    "lakeside/one.pdf riverside/one.pdf "
cp tests/e2e/images/dot.png "$C/images/logo.png"
run
t "a changed logo rebuilds only its clinic's leaflets" test "$(built)" = \
    "lakeside/one.pdf lakeside/two.pdf "
cp content/images/riverside.png "$C/images/pic.png"
run
t "a changed image rebuilds only the leaflets that show it" test "$(built)" = \
    "lakeside/two.pdf riverside/two.pdf "
printf 'not the PDF we made' >"$O/riverside/two.pdf"
run
t "a PDF that is not the one recorded is rebuilt" test "$(built)" = \
    "riverside/two.pdf "
t "and is a PDF again" quiet qpdf --check "$O/riverside/two.pdf"
# the same size, one byte changed in place: its times move, so it is hashed
printf 'X' | dd of="$O/riverside/one.pdf" bs=1 seek=100 conv=notrunc 2>/dev/null
run
t "a PDF changed in place, same size, is rebuilt" test "$(built)" = \
    "riverside/one.pdf "
# the same, but in the clock tick the stat cache was written in: the
# cache, as if it had caught the changed file, must not be trusted
P=riverside/two.pdf
printf 'Y' | dd of="$O/$P" bs=1 seek=100 conv=notrunc 2>/dev/null
now=$(stat -c '%s %i %.9Y %.9Z' "$O/$P" | tr -d .)
sed -i "s|^\([0-9a-f]*\) .* $P\$|\1 $now $P|" "$O/.manifest.stat"
touch -r "$O/$P" "$O/.manifest.stat"
run
t "a PDF changed in the tick the stat cache was written is rebuilt" \
    test "$(built)" = "$P "
run --force
t "--force builds all four" test "$(summary)" = \
    "4 built, 0 up to date, 0 failed, 0 removed"
