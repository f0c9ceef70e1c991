# leafpress check and batch --strict: governance rules over a content
# folder, each problem said once, exit 1 on errors and 0 on warnings only.
. tests/pdf/lib.inc
plan 28
unset SOURCE_DATE_EPOCH

# same WHAT FILE TEXT: FILE is exactly TEXT (a line each).
same() {
	if [ "$(cat "$2")" = "$3" ]; then ok "$1"; else
		notok "$1"; sed 's/^/#   /' "$2"; fi
}
# art DIR NAME ID REVIEW [LANG]: an article with that front matter.
art() {
	printf -- '---\ntitle: Leaflet %s\nleaflet_id: %s\nreview: %s\nlang: %s\n---\n\nText.\n' \
	    "$2" "$3" "$4" "${5:-en}" >"$1/articles/$2.md"
}

lp check --content content --today 2026-11-30
t "bundled content: exit 0" test "$rc" -eq 0
same "bundled content: no message, the summary on stdout" "$W/out" \
    "1 article, 2 clinics: 0 errors, 0 warnings"

C=$W/c
content "$C"
art "$C" fresh A-1 2028-01-01
art "$C" soon A-2 2026-12-20
lp check --content "$C" --today 2026-11-30
t "a review date within 30 days: exit 0" test "$rc" -eq 0
same "a review date within 30 days: a warning at the date" "$W/err" \
    "$C/articles/soon.md:4:9: warning: review date 2026-12-20 is within 30 days (today is 2026-11-30)"
lp check --content "$C" --today 2026-10-01
same "a review date further off: nothing said" "$W/err" ""
SOURCE_DATE_EPOCH=$(( $(date -u -d 2026-12-21 +%s) + 3600 )) \
    "$LEAFPRESS" check --content "$C" >"$W/out" 2>"$W/err"
rc=$?
t "SOURCE_DATE_EPOCH is today: a review date passed is exit 1" test "$rc" -eq 1
same "a review date passed: an error at the date" "$W/err" \
    "$C/articles/soon.md:4:9: error: review date 2026-12-20 has passed (today is 2026-12-21): review the article"

art "$C" twin A-1 2028-01-01 xx-YY
printf 'No title.\n' >"$C/articles/untitled.md"
lp check --content "$C" --today 2026-10-01
t "a duplicate leaflet_id: exit 1" test "$rc" -eq 1
t "a duplicate leaflet_id: an error naming both" grep -qx \
    "$C/articles/twin.md:3:13: error: leaflet_id 'A-1' is used by $C/articles/fresh.md:3 too" \
    "$W/err"
t "a lang without a dictionary: a warning at it" grep -qx \
    "$C/articles/twin.md:5:7: warning: no hyphenation dictionary for lang 'xx-YY': words are not hyphenated" \
    "$W/err"
t "no title: one warning for the two clinics" \
    test "$(grep -c "untitled.md:1:1: warning: no title" "$W/err")" -eq 1
same "the summary counts what was said" "$W/out" \
    "4 articles, 2 clinics: 1 error, 2 warnings"
t "check writes no file" test -z "$(find "$W" -name '*.pdf*')"

export SOURCE_DATE_EPOCH=1790000000	# 2026-09-21
lp batch --strict --content "$C" --out "$W/out1"
t "batch --strict with an error: exit 1, nothing built" \
    test "$rc" -eq 1 -a ! -e "$W/out1"
t "batch --strict: says why" grep -qx \
    "leafpress: error: --strict: the checks found errors; nothing is built" "$W/err"
rm "$C/articles/twin.md"
lp batch --strict --content "$C" --out "$W/out2"
t "batch --strict with warnings only: builds" test "$rc" -eq 0 -a \
    "$(find "$W/out2" -name '*.pdf' | wc -l)" -eq 6

unset SOURCE_DATE_EPOCH

# Clinic details: a field a clinic lacks, a name that is no field.
V=$W/v
content "$V"
printf 'name: Bare Clinic\n' >"$V/clinics/bare.yaml"
printf '# Vars\n\nCall {{clinic.phone}}.\n' >"$V/articles/call.md"
lp check --content "$V"
t "a field a clinic lacks: a warning at the variable, exit 0" sh -c "[ $rc -eq 0 ] &&
    [ \$(wc -l <'$W/err') -eq 1 ] && grep -qx \
    '$V/articles/call.md:3:6: warning: $V/clinics/bare.yaml has no phone: .*' '$W/err'"
lp build -p "$V/clinics/bare.yaml" -o "$W/bare.pdf" "$V/articles/call.md"
t "build: a field the clinic lacks is a warning, the leaflet made" sh -c "
    [ $rc -eq 0 ] && [ -s '$W/bare.pdf' ] && [ \$(wc -l <'$W/err') -eq 1 ] &&
    grep -q '^$V/articles/call.md:3:6: warning: .*has no phone' '$W/err'"
printf '# Vars\n\nCall {{clinic.pager}}.\n' >"$V/articles/call.md"
lp check --content "$V"
t "an unknown variable: an error at it, exit 1" sh -c "[ $rc -eq 1 ] &&
    grep -qx '$V/articles/call.md:3:6: error: unknown variable .clinic.pager.: .*' '$W/err'"

lp check --today 2026-13-01
t "check --today not a date: usage error" test "$rc" -eq 2

# An article changed since the last batch built it needs a newer version.
M=$W/versions
content "$M/c" botox-cervical-dystonia
A=$M/c/articles/botox-cervical-dystonia.md
"$LEAFPRESS" batch -q --content "$M/c" --out "$M/out" 2>/dev/null
lp check --content "$M/c" --out "$M/out"
t "version: an article as built needs no newer one" test "$rc" -eq 0
sed 's/^Your doctor has suggested/Your doctor may suggest/' "$A" >"$M/a.md"
mv "$M/a.md" "$A"
lp check --content "$M/c" --out "$M/out"
t "version: changed but not newer, an error at its key, exit 1" sh -c "
    [ $rc -eq 1 ] && grep -qx '$A:5:10: error: the article has changed since \
version 1.0 was built, but its version 1.0 is not newer' '$W/err'"
sed 's/^version: "1.0"/version: "1.1"/' "$A" >"$M/a.md"
mv "$M/a.md" "$A"
lp check --content "$M/c" --out "$M/out"
t "version: changed and newer, no error" test "$rc" -eq 0
lp check --content "$M/c" --out "$M/nowhere"
t "version: no manifest, nothing built, no error" test "$rc" -eq 0

# The output folder: what a batch could not write into is an error, and
# check makes nothing there.
K=$W/outdir
content "$K/c" botox-cervical-dystonia
mkdir -p "$K/o"
echo "not a folder" >"$K/file"
lp check --content "$K/c" --out "$K/file/out"
same "out/ under a file: one error at it" "$W/err" \
    "$K/file/out: error: cannot write into this directory: Not a directory"
echo "not a folder" >"$K/o/riverside"
mkdir -p "$K/o/lakeside/botox-cervical-dystonia.pdf"
lp check --content "$K/c" --out "$K/o"
t "a file in a clinic's folder's way, a folder in a PDF's: exit 1" \
    test "$rc" -eq 1
same "each said once, where batch would say it" "$W/err" \
    "$K/o/lakeside/botox-cervical-dystonia.pdf: error: cannot write: a directory, not a regular file
$K/o/riverside: error: cannot write into this directory: Not a directory"
lp check --content "$K/c" --out "$K/new/out"
t "an out/ not there yet: no error, and nothing made" sh -c "
    [ $rc -eq 0 ] && [ ! -e '$K/new' ]"
