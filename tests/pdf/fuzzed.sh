# Inputs the fuzzers (tests/fuzz, `make fuzz`) found crashing, kept so
# each bug stays fixed: tests/fuzz/regress/leaflet-*.md are articles,
# built with the test clinic; profile-*.yaml are profiles, built with the
# bundled article.  Each is built from where its fuzzer had it, in a
# tree of links, so that its relative paths find the same files: an
# article in tests/e2e/ (images/, ../../content/images/), a profile in
# content/clinics/ (../images/, ../../fonts/).  Each must build or fail
# with a diagnostic: exit 0 with a PDF, or 1 with an error and no PDF;
# never a signal or a sanitizer's report (status 1 there too, but no
# "error:" line of ours and the report on stderr).
. tests/pdf/lib.inc
set -- tests/fuzz/regress/leaflet-*.md tests/fuzz/regress/profile-*.yaml
n=0
for f; do [ -f "$f" ] && n=$((n + 2)); done
plan "$n"
mkdir -p "$W/content/clinics" "$W/tests/e2e"
ln -s "$ROOT/content/images" "$W/content/images"
ln -s "$ROOT/tests/e2e/images" "$W/tests/e2e/images"
ln -s "$ROOT/fonts" "$W/fonts"

for f; do
	[ -f "$f" ] || continue
	name=$(basename "$f")
	case $name in
	leaflet-*)
		cp "$f" "$W/tests/e2e/$name"
		p=$ROOT/tests/e2e/default.yaml a=$W/tests/e2e/$name ;;
	*)
		cp "$f" "$W/content/clinics/$name"
		p=$W/content/clinics/$name
		a=$ROOT/content/articles/botox-cervical-dystonia.md ;;
	esac
	out=$W/$name.pdf
	"$LEAFPRESS" build -p "$p" -o "$out" "$a" >/dev/null 2>"$W/err"
	rc=$?
	t "$name: exits 0 or 1, not on a signal" test "$rc" -le 1
	if [ "$rc" -eq 0 ]; then
		t "$name: builds a PDF" test -s "$out"
	elif [ "$rc" -eq 1 ] && grep -q ': error: ' "$W/err" &&
	    ! grep -q 'Sanitizer\|runtime error' "$W/err"; then
		t "$name: fails with a diagnostic, no PDF" test ! -e "$out"
	else
		notok "$name: builds, or fails with a diagnostic"
		sed 's/^/#   /' "$W/err" | head -20
	fi
done
