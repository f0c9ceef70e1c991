# PDFs fit to mail and archive: bookmarks, internal links, metadata,
# language, window title, reproducible dates, alt text, size.
. tests/pdf/lib.inc
plan 21

A=content/articles/botox-cervical-dystonia.md
P=content/clinics/riverside.yaml
cat >"$W/links.md" <<MD
---
title: Internal links
keywords: [dystonia, botulinum toxin]
lang: en-GB
published: 2026-03-04
---

## Side effects

Read [what to do](#when-to-get-help) first.

![A green disc with three white waves]($PWD/content/images/riverside.png)

## When to get help

Call us.

### Out of hours

Call 111.
MD
"$LEAFPRESS" build -p "$P" -o "$W/links.pdf" "$W/links.md" 2>"$W/err"
t "links: builds quietly" test $? -eq 0 -a ! -s "$W/err"
qpdf --qdf --object-streams=disable "$W/links.pdf" "$W/links.qdf"

# Bookmarks: nested by level, each jumping to its page.
mutool show "$W/links.pdf" outline >"$W/outline" 2>/dev/null
t "bookmarks: one per heading" test "$(wc -l <"$W/outline")" -eq 3
t "bookmarks: level 3 nested under level 2" \
    grep -q '^[|+-]		"Out of hours"' "$W/outline"
t "bookmarks: they jump to a page" grep -q 'page=1' "$W/outline"

# An internal link is a link to a destination, not to a URI.
t "internal link: annotation with /Dest" grep -aq '/Dest ' "$W/links.qdf"
t "internal link: no URI for '#'" lacks "$W/links.qdf" '/URI (#'

# Metadata, language, window title.
pdfinfo "$W/links.pdf" >"$W/info"
t "metadata: keywords from front matter" \
    grep -q '^Keywords: *dystonia, botulinum toxin$' "$W/info"
t "metadata: creation date from published" \
    grep -q '^CreationDate: .*Mar  4 00:00:00 2026' "$W/info"
t "catalog: /Lang from the article" grep -aq '/Lang (en-GB)' "$W/links.qdf"
t "viewer shows the title" grep -aq '/DisplayDocTitle true' "$W/links.qdf"

# Alt text: the figure's /Alt, not text on the page; untagged, read in
# order (invisible over the image) though not shown.
pdftotext "$W/links.pdf" - | tr -s ' \n' '  ' >"$W/text"
qpdf --json=2 "$W/links.pdf" "$W/links.json"
t "alt text is the figure's /Alt" \
    has "$W/links.json" '"/Alt": "u:A green disc with three white waves"'
t "alt text is not drawn over the image" lacks "$W/text" "three white waves"
"$LEAFPRESS" build --no-tags -p "$P" -o "$W/untagged.pdf" "$W/links.md"
pdftotext "$W/untagged.pdf" - | tr -s ' \n' '  ' >"$W/text"
t "--no-tags: alt text is in the extracted text, in order" \
    grep -q 'first\. A green disc with three white waves When to get help' \
    "$W/text"

# A leaflet over two pages opens with its bookmarks.
awk 'NR > 1 && /^## / { for (i = 0; i < 24; i++) print "Filler line " i " of text that goes on.\n" } { print }' \
    "$W/links.md" >"$W/long.md"
"$LEAFPRESS" build -p "$P" -o "$W/long.pdf" "$W/long.md" 2>"$W/long.err"
t "long: builds" test $? -eq 0 -a -s "$W/long.pdf"
n=$(pdfinfo "$W/long.pdf" | sed -n 's/^Pages: *//p')
qpdf --qdf --object-streams=disable "$W/long.pdf" - | grep -ac '/PageMode /UseOutlines' >"$W/pm"
t "more than two pages ($n): opens showing bookmarks" \
    test "$n" -gt 2 -a "$(cat "$W/pm")" -ge 1
t "two pages or fewer: no page mode" lacks "$W/links.qdf" /PageMode

# Reproducible: SOURCE_DATE_EPOCH wins over the article, bytes repeat.
SOURCE_DATE_EPOCH=1700000000 "$LEAFPRESS" build -p "$P" -o "$W/e1.pdf" "$A"
SOURCE_DATE_EPOCH=1700000000 "$LEAFPRESS" build -p "$P" -o "$W/e2.pdf" "$A"
t "SOURCE_DATE_EPOCH sets the dates" \
    sh -c "pdfinfo '$W/e1.pdf' | grep -q '^ModDate: .*Nov 14 22:13:20 2023'"
t "SOURCE_DATE_EPOCH: byte-identical builds" cmp -s "$W/e1.pdf" "$W/e2.pdf"

# Small: the two-page source leaflet with its logo.
"$LEAFPRESS" build -p "$P" -o "$W/src.pdf" "$A"
size=$(wc -c <"$W/src.pdf")
t "source leaflet is at most 60 KB ($size bytes)" test "$size" -le 61440
pdffonts "$W/src.pdf" | awk 'NR > 2 { print $1 }' >"$W/fonts"
t "fonts are subsets" sh -c "[ -s '$W/fonts' ] &&
    ! grep -qv '^[A-Z][A-Z][A-Z][A-Z][A-Z][A-Z]+' '$W/fonts'"

# Serial and parallel batches make the same bytes (two failed batches
# would make the same nothing: their statuses count too).
"$LEAFPRESS" batch -j 1 --out "$W/j1" 2>/dev/null
r1=$?
"$LEAFPRESS" batch -j 2 --out "$W/j2" 2>/dev/null
r2=$?
# The manifests too; not the stat cache, which says where each PDF sits
# on the disk.
t "batch -j 1 and -j 2: byte-identical" \
    sh -c "[ $r1 -eq 0 ] && [ $r2 -eq 0 ] &&
    diff -r -x .manifest.stat '$W/j1' '$W/j2'"
