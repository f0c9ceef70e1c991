# Build real leaflets (content/ by batch, and the good tests/e2e articles)
# and inspect the PDFs with qpdf and poppler-utils.
. tests/pdf/lib.inc

# val FILE KEY: a key's value in a profile or an article's front matter.
val() {
	awk 'NR == 1 && /^---$/ { fm = 1; next } fm && /^(---|\.\.\.)$/ { exit }
	    { print }' "$1" | sed -n "s/^ *$2: *//p" | sed '1!d; s/^"\(.*\)"$/\1/'
}
# day YYYY-MM-DD: the date as the leaflet shows it, "1 Nov 2026".
day() { LC_ALL=C date -d "$1" '+%-d %b %Y'; }
# meta FIELD: a field of the last pdfinfo.
meta() { sed -n "s/^$1: *//p" "$W/info"; }
creator=$("$LEAFPRESS" --version)
E2E="tests/e2e/charset.md tests/e2e/commonmark.md"

# The plan, from the files looped over below: per leaflet 18 checks, and
# a 19th (the governance line) when its article has a leaflet_id; each
# clinic gets every article; an e2e article has one check more; and 5.
per() { if [ -n "$(val "$1" leaflet_id)" ]; then echo 19; else echo 18; fi; }
n=5
for md in content/articles/*.md; do
	for yaml in content/clinics/*.yaml; do n=$((n + $(per "$md"))); done
done
for md in $E2E; do n=$((n + 1 + $(per "$md"))); done
plan $n

# check LABEL PDF PROFILE ARTICLE
check() {
	l=$1 pdf=$2 yaml=$3 md=$4
	# Nothing else can be checked without it: the plan counts the rest.
	t "$l: built" test -s "$pdf" || return
	t "$l: qpdf --check passes" quiet qpdf --check "$pdf"

	pdfinfo "$pdf" >"$W/info" 2>/dev/null
	pages=$(sed -n 's/^Pages: *//p' "$W/info")
	case $(val "$yaml" paper) in
	[Ll][Ee][Tt][Tt][Ee][Rr]) size="612 x 792" ;;
	*) size="595.276 x 841.89" ;;
	esac
	k=$(pdfinfo -f 1 -l "$pages" "$pdf" 2>/dev/null |
	    grep -c "^Page  *[0-9]* size: *$size pts")
	t "$l: all $pages pages are $size pt" test "$k" -eq "$pages" -a "$k" -gt 0
	t "$l: every font embedded" sh -c "pdffonts '$pdf' 2>/dev/null |
	    awk 'NR > 2 { n++; if (\$(NF - 4) != \"yes\") bad++ }
	    END { exit !(n > 0 && !bad) }'"

	# The logo, and every image of the article.
	k=$(($(grep -c '^logo: *[^ ]' "$yaml") + $(grep -o '!\[' "$md" | wc -l)))
	# pdfimages' status counts: its empty list of a PDF it cannot read
	# would pass as "0 images".
	if pdfimages -list "$pdf" >"$W/images" 2>/dev/null; then
		got=$(awk 'NR > 2 && $3 == "image"' "$W/images" | wc -l)
	else
		got=-1
	fi
	t "$l: $k images" test "$got" -eq "$k"

	name=$(val "$yaml" name)
	t "$l: Title is the article's title" test "$(meta Title)" = "$(val "$md" title)"
	author=$(val "$md" author)
	t "$l: Author is the article's, else the clinic" \
	    test "$(meta Author)" = "${author:-$name}"
	t "$l: Subject is the subtitle" test "$(meta Subject)" = "$(val "$md" subtitle)"
	t "$l: Creator is '$creator'" test "$(meta Creator)" = "$creator"

	bad= i=1
	while [ "$i" -le "$pages" ]; do
		pdftotext -f "$i" -l "$i" "$pdf" "$W/page" 2>/dev/null
		has "$W/page" "$name" &&
		    grep -qE "Page $i of $pages([^0-9]|\$)" "$W/page" ||
		    bad="$bad $i"
		i=$((i + 1))
	done
	# no page count (pdfinfo failed) would make the loop above check nothing
	t "$l: every page has the clinic and 'Page N of $pages'" \
	    test -z "$bad" -a "${pages:-0}" -gt 0

	pdftotext "$pdf" "$W/text" 2>"$W/warn"
	t "$l: every word of the article, in order" \
	    python3 tests/pdf/words.py "$md" "$W/text"
	t "$l: pdftotext reads it without a warning" test ! -s "$W/warn"
	mutool draw -q -F txt -o "$W/mutext" "$pdf" 2>"$W/muwarn"
	grep -v "ICC support is not available" "$W/muwarn" >"$W/muwarn2"
	t "$l: mutool reads it without a warning" test ! -s "$W/muwarn2"
	t "$l: mutool gives back every word too" \
	    python3 tests/pdf/words.py "$md" "$W/mutext"

	# The contact block and the governance line end the last page.
	pdftotext -f "$pages" -l "$pages" "$pdf" - 2>/dev/null |
	    tr -s ' \n' '  ' >"$W/last"
	{
		val "$yaml" phone; val "$yaml" email; val "$yaml" website
		val "$yaml" address | grep -o '"[^"]*"' | tr -d '"'
	} >"$W/contact"
	bad=$(while read -r s; do has "$W/last" "$s" || echo "$s"; done \
	    <"$W/contact")
	t "$l: contact block on the last page${bad:+ (missing: $bad)}" \
	    test -z "$bad" -a "$(wc -l <"$W/contact")" -ge 4
	id=$(val "$md" leaflet_id)
	if [ -n "$id" ]; then
		gov="Leaflet $id · Version $(val "$md" version) ·"
		gov="$gov Published $(day "$(val "$md" published)") ·"
		gov="$gov Review by $(day "$(val "$md" review)")"
		t "$l: governance line '$gov'" has "$W/last" "$gov"
	fi

	# Links: the article's, and the contact block's email, phone, website.
	qpdf --qdf --object-streams=disable "$pdf" "$W/qdf.pdf" 2>/dev/null
	{
		grep -o '](\(https\?\|mailto\|tel\):[^)]*)' "$md" |
		    sed 's/^](//; s/)$//'
		grep -o '<\(https\?\|mailto\|tel\):[^>]*>' "$md" | tr -d '<>'
		echo "mailto:$(val "$yaml" email)"
		echo "tel:$(val "$yaml" phone | tr -cd '+0-9')"
		val "$yaml" website
	} >"$W/uris"
	bad=$(while read -r u; do
		grep -aqF "/URI ($u)" "$W/qdf.pdf" || echo "$u"
	done <"$W/uris")
	t "$l: link annotations for $(wc -l <"$W/uris") addresses${bad:+ (missing: $bad)}" \
	    test -z "$bad"
	t "$l: as many /Link annotations" test \
	    "$(grep -ac '/Subtype /Link' "$W/qdf.pdf")" -ge "$(wc -l <"$W/uris")"

	# Nothing leaves the text column (the footer rule spans it exactly).
	# A failed dump is an empty one, which the check below fails.
	"$LEAFPRESS" build --dump -p "$yaml" "$md" 2>/dev/null >"$W/dump" ||
	    : >"$W/dump"
	t "$l: nothing outside the text column" awk '
	    $1 == "page" { p = $2 }
	    $1 == "rule" && $2 == "b=-1" { left[p] = $3; right[p] = $3 + $5 }
	    $1 ~ /^(text|rect|rule|image|link)$/ { n++; pg[n] = p; x[n] = $3; w[n] = $5; s[n] = $0 }
	    END {
		for (i = 1; i <= n; i++)
			if (x[i] < left[pg[i]] - 0.01 ||
			    x[i] + w[i] > right[pg[i]] + 0.01) {
				if (bad++ < 3)
					print "page " pg[i] ":" s[i]
			}
		exit bad || n == 0
	    }' "$W/dump"
}

# Every bundled article for every bundled clinic.
"$LEAFPRESS" batch -q --content content --out "$W/out" 2>"$W/batch.err"
t "batch content/: exit 0" test $? -eq 0
t "batch content/: no diagnostics, the summary alone" sh -c "
    [ \$(wc -l <'$W/batch.err') -eq 1 ] &&
    grep -qx '[0-9]* built, 0 up to date, 0 failed, 0 removed in [0-9.]* s' \
    '$W/batch.err'"
nleaf=0
# (the handouts checked here; the other layouts a clinic lists, counted)
nfile=0
for yaml in content/clinics/*.yaml; do
	c=$(basename "$yaml" .yaml)
	lays=$(sed -n 's/^layouts: *\[\(.*\)\]/\1/p' "$yaml" | tr ',' '\n' |
	    grep -c .)
	for md in content/articles/*.md; do
		a=$(basename "$md" .md)
		check "$c/$a" "$W/out/$c/$a.pdf" "$yaml" "$md"
		nleaf=$((nleaf + 1))
		nfile=$((nfile + (lays > 0 ? lays : 1)))
	done
done
t "batch content/: $nfile leaflets and the manifest, nothing else" \
    test "$(find "$W/out" -type f ! -name manifest.json \
    ! -name .manifest.stat | wc -l)" -eq "$nfile"

# The good golden articles, as real PDFs.
for md in $E2E; do
	a=$(basename "$md" .md)
	"$LEAFPRESS" build -p tests/e2e/default.yaml -o "$W/$a.pdf" "$md" \
	    2>"$W/$a.err"
	t "e2e/$a: no diagnostics but for raw HTML" sh -c "! grep -v \
	    '^$md:[0-9]*:[0-9]*: warning: raw HTML: its tags are dropped, its text kept\$' \
	    '$W/$a.err'"
	check "e2e/$a" "$W/$a.pdf" tests/e2e/default.yaml "$md"
done

# The same leaflet twice, by build and by batch: the same bytes.
set -- content/clinics/riverside.yaml content/articles/botox-cervical-dystonia.md
"$LEAFPRESS" build -p "$1" -o "$W/again1.pdf" "$2" 2>/dev/null
"$LEAFPRESS" build -p "$1" -o "$W/again2.pdf" "$2" 2>/dev/null
t "reproducible: two builds are byte-identical" \
    cmp -s "$W/again1.pdf" "$W/again2.pdf"
t "reproducible: build and batch are byte-identical" \
    cmp -s "$W/again1.pdf" "$W/out/riverside/botox-cervical-dystonia.pdf"
