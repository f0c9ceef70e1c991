# The command line: options, exit statuses, default paths, diagnostics
# that are not golden cases in tests/e2e (they need files made here).
. tests/pdf/lib.inc
plan 42
P=$ROOT/content/clinics/riverside.yaml
A=$ROOT/content/articles/botox-cervical-dystonia.md

# lines FILE: how many lines FILE has.
lines() { wc -l <"$1" | tr -d ' '; }
# nofile WHAT FILE: neither FILE nor a temporary file for it is there.
nofile() {
	t "$1" test -z "$(find "${2%/*}" -maxdepth 1 \( -name "${2##*/}" \
	    -o -name ".${2##*/}.*" \) | head -1)"
}

# Help, version, usage errors.
lp --help
t "--help: exit 0" test "$rc" -eq 0
t "--help: mentions build, batch, check and --strict" \
    sh -c "grep -qw build '$W/out' && grep -qw batch '$W/out' &&
    grep -q '^check ' '$W/out' && grep -q -- '--strict' '$W/out'"
lp --version
t "--version: exit 0, prints 'leafpress X.Y.Z'" sh -c "[ $rc -eq 0 ] &&
    [ \$(wc -l <'$W/out') -eq 1 ] &&
    grep -qx 'leafpress [0-9][0-9]*\.[0-9][0-9]*\.[0-9][0-9]*' '$W/out'"
for args in "" "--bogus" "frobnicate" "build --bogus -p $P $A" \
    "build $A" "build -p $P" "build -p" "build -p $P $A $A" \
    "batch --bogus" "batch --out" "check --bogus" "check x.md"; do
	# shellcheck disable=SC2086
	lp $args
	t "usage error '$args': exit 2, usage on stderr" sh -c "[ $rc -eq 2 ] &&
	    grep -q '^usage: ' '$W/err' && [ ! -s '$W/out' ]"
done

# Default output paths: run where the content is.
D=$W/cwd
mkdir -p "$D" && cp -R content "$D/"
(cd "$D" && "$LEAFPRESS" build -p content/clinics/riverside.yaml \
    content/articles/botox-cervical-dystonia.md) >/dev/null 2>"$W/err"
t "build: writes out/riverside/botox-cervical-dystonia.pdf by default" \
    sh -c "[ \$(head -c 5 '$D/out/riverside/botox-cervical-dystonia.pdf') = %PDF- ]"
t "build: no other file in out/" test "$(find "$D/out" -type f | wc -l)" -eq 1
rm -rf "$D/out"
(cd "$D" && "$LEAFPRESS" build --dump -p content/clinics/riverside.yaml \
    content/articles/botox-cervical-dystonia.md) >"$W/out" 2>"$W/err"
t "build --dump: pages on stdout, no PDF" sh -c "grep -q '^page 1 ' '$W/out' &&
    [ -z \"\$(find '$D' -name '*.pdf*')\" ]"
(cd "$D" && "$LEAFPRESS" batch) >/dev/null 2>"$W/err"
t "batch: builds content/ into out/ by default" sh -c \
    "cd '$D' && test -s out/manifest.json -a \
    -s out/lakeside/botox-cervical-dystonia.pdf -a \
    -s out/riverside/botox-cervical-dystonia.pdf"

# Output that cannot be written: an error, and no file, temporary or not.
: >"$W/file"
lp build -p "$P" -o "$W/file/x.pdf" "$A"
diag "output under a regular file: one error" 1 "$W/file/x.pdf: error: .*"
mkdir -p "$W/dir/taken.pdf"
lp build -p "$P" -o "$W/dir/taken.pdf" "$A"
diag "output is a directory: one error" 1 "$W/dir/taken.pdf: error: .*"
t "output is a directory: no file left beside it" \
    test -z "$(find "$W/dir" -type f)"

# A failed build leaves an existing PDF alone.
mkdir -p "$W/keep" && echo old >"$W/keep/x.pdf"
printf 'caf\351\n' >"$W/keep/bad.md"
lp build -p "$P" -o "$W/keep/x.pdf" "$W/keep/bad.md"
diag "failed build over an existing PDF: one error" 1 \
    "$W/keep/bad.md:1:4: error: invalid UTF-8"
t "failed build over an existing PDF: the old file is untouched" \
    sh -c "[ \"\$(cat '$W/keep/x.pdf')\" = old ] &&
    [ \$(ls -A '$W/keep' | wc -l) -eq 2 ]"

# Inputs that cannot be read.
lp build -p "$P" -o "$W/m.pdf" "$W/missing.md"
diag "missing article: one error naming it" 1 \
    "$W/missing.md: error: .*No such file or directory.*"
lp build -p "$W/missing.yaml" -o "$W/m.pdf" "$A"
diag "missing profile: one error naming it" 1 \
    "$W/missing.yaml: error: .*No such file or directory.*"
lp build -p "$P" -o "$W/m.pdf" "$W"
diag "a directory as the article: one error" 1 "$W: error: .*"
nofile "unreadable inputs: no PDF left" "$W/m.pdf"

# Warnings: the build goes on (exit 0) and says where.
printf 'name: Test Clinic\nfax: "01632 960 000"\ncontact:\n  pager: "1234"\n' \
    >"$W/unknown.yaml"
lp build -p "$W/unknown.yaml" -o "$W/w.pdf" "$A"
t "unknown profile keys: exit 0 and a PDF" test "$rc" -eq 0 -a -s "$W/w.pdf"
t "unknown profile keys: a warning naming each, at file:line:col" sh -c "
    [ \$(wc -l <'$W/err') -eq 2 ] &&
    grep -qx '$W/unknown.yaml:2:1: warning: .*fax.*' '$W/err' &&
    grep -qx '$W/unknown.yaml:4:3: warning: .*pager.*' '$W/err'"
printf -- '---\ntitle: Typo\nsumary: a typo\n---\n\nText.\n' >"$W/typo.md"
lp build -p "$P" -o "$W/t.pdf" "$W/typo.md"
diag "unknown front matter key: a warning naming it at file:line:col" 0 \
    "$W/typo.md:3:1: warning: .*sumary.*"
printf -- '---\ntitle: Glyphs\n---\n\nThe sign for middle, 中, is not in the font.\n' \
    >"$W/cjk.md"
lp build -p "$P" -o "$W/g.pdf" "$W/cjk.md"
t "character not in the font: exit 0 and a PDF" test "$rc" -eq 0 -a -s "$W/g.pdf"
diag "character not in the font: a warning naming it and its position" 0 \
    "$W/cjk.md:5:22: warning: .*U+4E2D.*"
printf '# HTML\n\nSome <b>bold</b> words.\n\n<div>\nA block &amp; more.\n</div>\n' \
    >"$W/html.md"
lp build -p "$P" -o "$W/h.pdf" "$W/html.md"
diag "raw HTML: exit 0, one warning, at the first tag" 0 \
    "$W/html.md:3:6: warning: .*HTML.*"
pdftotext "$W/h.pdf" "$W/h.txt" 2>/dev/null
t "raw HTML: tags dropped, the words kept, entities decoded" sh -c "
    grep -q 'Some bold words' '$W/h.txt' && grep -q 'A block & more' '$W/h.txt' &&
    ! grep -q '<' '$W/h.txt'"

# Batch: one bad article does not stop the good ones.
B=$W/batch
mkdir -p "$B/content/articles" "$B/content/clinics"
sed '/^layouts:/d' "$P" >"$B/content/clinics/riverside.yaml"
mkdir -p "$B/content/images" && cp content/images/riverside.png "$B/content/images/"
for a in alpha omega; do
	printf '# Leaflet %s\n\nA good article.\n' "$a" >"$B/content/articles/$a.md"
done
printf '# Broken\n\nNot UTF-8: \377.\n' >"$B/content/articles/middle.md"
lp batch -q --content "$B/content" --out "$B/out"
t "batch with a bad article: the summary counts it" \
    grep -q '^2 built, 0 up to date, 1 failed, 0 removed in ' "$W/err"
sed -i '/ built, .* removed in /d' "$W/err"
t "batch with a bad article: exit 1" test "$rc" -eq 1
t "batch with a bad article: the good leaflets are built" test \
    -s "$B/out/riverside/alpha.pdf" -a -s "$B/out/riverside/omega.pdf"
t "batch with a bad article: nothing else in out/ but the manifest" \
    test "$(find "$B/out" -type f ! -name manifest.json \
    ! -name .manifest.stat | wc -l)" -eq 2
diag "batch with a bad article: one error at its position" 1 \
    "$B/content/articles/middle.md:3:12: error: invalid UTF-8"

# A clinic detail the profile lacks is warned of where the article names
# it: in the title (front matter) as in the body.
printf 'name: Bare Clinic\n' >"$W/bare.yaml"
printf -- '---\ntitle: "Call {{clinic.phone}}"\n---\n\nWrite to {{clinic.email}}.\n' >"$W/vars.md"
lp build -p "$W/bare.yaml" -o "$W/vars.pdf" "$W/vars.md"
t "a missing detail in the title: warned at its place" \
    grep -qx "$W/vars.md:2:14: warning: $W/bare.yaml has no phone: '{{clinic.phone}}' is left empty" "$W/err"
t "a missing detail in the body: warned at its place" \
    grep -qx "$W/vars.md:5:10: warning: $W/bare.yaml has no email: '{{clinic.email}}' is left empty" "$W/err"
