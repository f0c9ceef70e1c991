# The layouts a clinic's profile lists are what batch builds for it and
# what check lays out: article x clinic x layout, a job each.
. tests/pdf/lib.inc
plan 12

C=$W/content
content "$C" one
printf 'layouts: [handout, large-print, trifold]\n' >>"$C/clinics/riverside.yaml"
"$LEAFPRESS" batch -q --content "$C" --out "$W/out" 2>"$W/err"
t "three layouts: builds" test $? -eq 0
t "three layouts: a PDF each, named after the layout" test \
    -s "$W/out/riverside/one.pdf" -a -s "$W/out/riverside/one-large-print.pdf" \
    -a -s "$W/out/riverside/one-trifold.pdf"
t "a clinic that lists none gets the handout only" sh -c \
    "ls '$W/out/lakeside' | grep -qx one.pdf && test \$(ls '$W/out/lakeside' | wc -l) -eq 1"
t "the summary counts four leaflets" grep -q '^4 built, 0 up to date' "$W/err"
t "the tri-fold is a landscape sheet" sh -c \
    "pdfinfo '$W/out/riverside/one-trifold.pdf' | grep -q 'Page size: *841.89 x 595.276'"
python3 - "$W/out/manifest.json" >"$W/layouts" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
for e in m["leaflets"]:
    print(e["clinic"], e["layout"], e["path"])
PY
t "the manifest names each leaflet's layout" grep -qx \
    "riverside large-print riverside/one-large-print.pdf" "$W/layouts"
"$LEAFPRESS" batch -q --content "$C" --out "$W/out" 2>"$W/err"
t "a second run: all four up to date" grep -q '^0 built, 4 up to date' "$W/err"
"$LEAFPRESS" batch -q --no-tags --content "$C" --out "$W/out" 2>"$W/err"
t "--no-tags: how they are made changed, so all four are built" \
    grep -q '^4 built, 0 up to date' "$W/err"

# A layout the clinic drops: its PDFs go, the others stay.
sed -i 's/^layouts: .*/layouts: [handout, trifold]/' "$C/clinics/riverside.yaml"
"$LEAFPRESS" batch -q --no-tags --content "$C" --out "$W/out" 2>"$W/err"
t "a layout dropped: its leaflet is removed" test ! -e "$W/out/riverside/one-large-print.pdf"
t "the others are kept" test -s "$W/out/riverside/one.pdf" -a \
    -s "$W/out/riverside/one-trifold.pdf"

# check lays out every layout: an article too long for a tri-fold is an error.
for i in 1 2 3 4 5 6 7 8; do sed -n '/^## /,$p' content/articles/botox-cervical-dystonia.md; done \
    >>"$C/articles/one.md"
"$LEAFPRESS" check --content "$C" --out "$W/out" >"$W/check" 2>&1
t "check: an article too long for a tri-fold fails" test $? -eq 1
t "check: says by how much, for the tri-fold" grep -q \
    "one.md: error: the article is about [0-9]* words too long for a tri-fold at 11 pt" "$W/check"
