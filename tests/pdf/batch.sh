# batch: what goes wrong with a clinic's output folder is said once, not
# once a leaflet, and the other clinics are built all the same; a line a
# leaflet and a summary; an empty content folder is an error.
. tests/pdf/lib.inc
plan 12

C=$W/content
content "$C" one two three
mkdir -p "$W/out"
# riverside's folder is taken by a file: it cannot be made
: >"$W/out/riverside"

"$LEAFPRESS" batch -q -j 1 --content "$C" --out "$W/out" >"$W/stdout" \
    2>"$W/stderr"
rc=$?
t "a folder that cannot be written fails the batch" test "$rc" -eq 1
t "it is said once, not once a leaflet" \
    test "$(grep -c riverside "$W/stderr")" -eq 1
t "as one line naming the folder" grep -q \
    "^$W/out/riverside: error: cannot write into this directory: Not a directory\$" \
    "$W/stderr"
t "nothing else goes wrong, and --quiet says only the summary besides" \
    test "$(wc -l <"$W/stderr")" -eq 2
t "the summary counts riverside's leaflets as failed" grep -qx \
    "3 built, 0 up to date, 3 failed, 0 removed in [0-9.]* s" "$W/stderr"
t "the other clinic's leaflets are built" test -s "$W/out/lakeside/one.pdf" \
    -a -s "$W/out/lakeside/two.pdf" -a -s "$W/out/lakeside/three.pdf"
t "the file in the way is left alone" test -f "$W/out/riverside" -a \
    ! -s "$W/out/riverside"

# A line a leaflet, whoever builds it, and nothing on standard output.
rm -f "$W/out/riverside"
"$LEAFPRESS" batch -j 3 --content "$C" --out "$W/out2" >"$W/stdout" \
    2>"$W/stderr"
t "progress: a line a leaflet, with its pages and size" test "$(grep -c \
    "^\[[1-6]/6\] $W/out2/[a-z]*side/[a-z]*\.pdf  [0-9]* pages\{0,1\}  [0-9]* KB\$" \
    "$W/stderr")" -eq 6
t "progress: then the summary" sh -c "tail -n 1 '$W/stderr' |
    grep -qx '6 built, 0 up to date, 0 failed, 0 removed in [0-9.]* s'"
t "progress: nothing on standard output" test ! -s "$W/stdout"

# Nothing to build is an error that says where it looked.
E=$W/empty
mkdir -p "$E/articles" "$E/clinics"
cp content/clinics/riverside.yaml "$E/clinics/"
"$LEAFPRESS" batch --content "$E" --out "$W/out3" 2>"$W/stderr"
t "no articles: exit 1, one line saying what it looked for" sh -c "
    [ $? -eq 1 ] && [ \$(wc -l <'$W/stderr') -eq 1 ] && grep -qx \
    '$E/articles: error: no articles here: nothing to build (looked for \*\.md)' \
    '$W/stderr'"
rm "$E/clinics/riverside.yaml"
cp content/articles/botox-cervical-dystonia.md "$E/articles/"
"$LEAFPRESS" batch --content "$E" --out "$W/out3" 2>"$W/stderr"
t "no clinics: exit 1, one line saying what it looked for" sh -c "
    [ $? -eq 1 ] && [ \$(wc -l <'$W/stderr') -eq 1 ] && grep -qx \
    '$E/clinics: error: no clinics here: nothing to build (looked for \*\.yaml)' \
    '$W/stderr'"
