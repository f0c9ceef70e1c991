# Font embedding for any set of glyphs.  libharu 2.3's subsetter failed
# on about one leaflet in a hundred, by the characters it used alone
# ("PDF library error 0x0000"); HarfBuzz's subsetter now makes the font
# programs.  The leaflets that failed, and seeded random subsets of
# every character the bundled faces cover (tests/pdf/glyphsets.py),
# each embedded and checked: qpdf, pdffonts, pdftotext, and the font
# programs taken out with mutool and read by test_pdffont.
. tests/pdf/lib.inc
BUILD=${BUILD:-build}
N=24
# Reproducers: 3 articles for 2 clinics; random articles: N for one
# clinic each; 5 checks a leaflet; 1 for PDF/A and 3 for composites.
plan $(((3 * 2 + N) * 5 + 1 + 3))

# joined FILE STRING: FILE, its lines joined, contains STRING (a code
# line too long for the measure comes back as two lines).
joined() { tr -d '\n' <"$1" | grep -qF -- "$2"; }

# check LABEL ARTICLE PROFILE [TEXT]: TEXT must come back from
# pdftotext; without it, the text is kept in $W/text.N for glyphsets.py
# to compare with the article's characters, all in one run at the end.
check() {
	l=$1 md=$2 yaml=$3 pdf=$W/leaflet.pdf
	rm -f "$pdf"
	"$LEAFPRESS" build -p "$yaml" -o "$pdf" "$md" 2>"$W/err0"
	rc=$?
	# the reproducers are titled by their file names on purpose
	grep -v ': warning: no title: ' "$W/err0" >"$W/err"
	sed 's/^/# /' "$W/err"
	t "$l: builds without a diagnostic" test "$rc" -eq 0 -a ! -s "$W/err"
	t "$l: qpdf --check passes" quiet qpdf --check "$pdf"
	t "$l: every font embedded as a subset" sh -c "pdffonts '$pdf' \
	    2>/dev/null | awk 'NR > 2 { n++; if (\$(NF - 4) != \"yes\" ||
	    \$(NF - 3) != \"yes\" || \$1 !~ /^[A-Z][A-Z][A-Z][A-Z][A-Z][A-Z]\\+/)
	    bad++ } END { exit !(n > 0 && !bad) }'"
	pdftotext "$pdf" "$W/text" 2>/dev/null
	if [ $# -gt 3 ]; then
		t "$l: pdftotext gives back '$4'" joined "$W/text" "$4"
	else
		n=$((n + 1))
		mv "$W/text" "$W/text.$n"
		set -- "$l" "$md" "$W/text.$n"
		texts="$texts '$1' '$2' '$3'"
	fi
	rm -rf "$W/x" && mkdir "$W/x" &&
	    (cd "$W/x" && mutool extract "$pdf" >/dev/null 2>&1)
	t "$l: its font programs are sound TrueType" \
	    quiet "$BUILD/test_pdffont" "$W"/x/font-*.ttf
}

# The title is the file's name: these two failed (ex506 with riverside)
# for the glyphs of their titles and the clinic's text alone.
mkdir -p "$W/a"
printf '`foo`\n' >"$W/a/ex330.md"
printf '`foo`\n' >"$W/a/ex506.md"
# The code block that failed with both clinics (Noto Sans Mono's glyphs).
cat >"$W/a/code84.md" <<'MD'
```
b}u$;WvtI+G4~Dn.2hHqNy)^k6(UQ/9,p1TAxVjCm-KiP>wScFe7?=LX%<8:5#@0Ood"&J[!EzBrsf]g'{\l
```
MD
line=$(sed -n 2p "$W/a/code84.md")
for c in riverside lakeside; do
	check "ex330, $c" "$W/a/ex330.md" "content/clinics/$c.yaml" ex330
	check "ex506, $c" "$W/a/ex506.md" "content/clinics/$c.yaml" ex506
	check "84 characters of code, $c" "$W/a/code84.md" \
	    "content/clinics/$c.yaml" "$line"
done

# Article 0 has every character of every face; the rest random subsets.
python3 tests/pdf/glyphsets.py gen fonts "$W/a" "$N" 1
n=0 texts=
i=0
while [ "$i" -lt "$N" ]; do
	k=$(printf %02d "$i")
	if [ $((i % 2)) -eq 0 ]; then c=riverside; else c=lakeside; fi
	check "glyph set $k, $c" "$W/a/g$k.md" "content/clinics/$c.yaml"
	i=$((i + 1))
done

# PDF/A-1b with every character: the CIDSet lists what the programs hold.
"$LEAFPRESS" build --pdfa -p content/clinics/riverside.yaml -o "$W/pdfa.pdf" \
    "$W/a/g00.md" 2>/dev/null
t "glyph set 00 --pdfa: pdfa-check passes" \
    quiet sh tests/pdf/pdfa-check "$W/pdfa.pdf"

# A profile's own face with a composite of a composite (Ǻ = Å + acute,
# Å = A + ring; tests/unit/composite.py): it holds nothing else, so
# every other character warns.
{ sed '/^logo:/d' content/clinics/riverside.yaml
  printf 'fonts:\n  regular: %s/tests/unit/composite.ttf\n' "$PWD"
} >"$W/composite.yaml"
printf -- '---\ntitle: A\n---\n\n\307\272 \303\205 A\n' >"$W/composite.md"
"$LEAFPRESS" build -p "$W/composite.yaml" -o "$W/composite.pdf" \
    "$W/composite.md" 2>/dev/null
t "composite glyphs: built" test -s "$W/composite.pdf"
pdftotext "$W/composite.pdf" "$W/text" 2>/dev/null
t "composite glyphs: pdftotext gives them back" has "$W/text" \
    "$(printf '\307\272 \303\205 A')"
rm -rf "$W/x" && mkdir "$W/x" &&
    (cd "$W/x" && mutool extract "$W/composite.pdf" >/dev/null 2>&1)
t "composite glyphs: font programs are sound TrueType" \
    quiet "$BUILD/test_pdffont" "$W"/x/font-*.ttf

eval "set -- $texts"
python3 tests/pdf/glyphsets.py check "$@"
