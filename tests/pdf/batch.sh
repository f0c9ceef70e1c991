# batch: what goes wrong with a clinic's output folder is said once, not
# once a leaflet, and the other clinics are built all the same.
. tests/pdf/lib.inc
plan 6

C=$W/content
mkdir -p "$C/articles" "$C/clinics" "$C/images" "$W/out"
for n in one two three; do
	cp content/articles/botox-cervical-dystonia.md "$C/articles/$n.md"
done
cp content/clinics/*.yaml "$C/clinics/"
cp content/images/* "$C/images/"
# riverside's folder is taken by a file: it cannot be made
: >"$W/out/riverside"

"$LEAFPRESS" batch -j 1 --content "$C" --out "$W/out" >"$W/stdout" \
    2>"$W/stderr"
rc=$?
t "a folder that cannot be written fails the batch" test "$rc" -eq 1
t "it is said once, not once a leaflet" \
    test "$(grep -c riverside "$W/stderr")" -eq 1
t "as one line naming the folder" grep -q \
    "^$W/out/riverside: error: cannot write into this directory: Not a directory\$" \
    "$W/stderr"
t "nothing else goes wrong" test "$(wc -l <"$W/stderr")" -eq 1
t "the other clinic's leaflets are built" test -s "$W/out/lakeside/one.pdf" \
    -a -s "$W/out/lakeside/two.pdf" -a -s "$W/out/lakeside/three.pdf"
t "the file in the way is left alone" test -f "$W/out/riverside" -a \
    ! -s "$W/out/riverside"
