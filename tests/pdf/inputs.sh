# Inputs that are valid Markdown or odd profiles: built, not refused,
# with one clear warning each; and what the command refuses to write.
. tests/pdf/lib.inc
plan 19
P=$ROOT/tests/e2e/default.yaml
E=$ROOT/tests/e2e

# text PDF: its text, one line, in $W/txt.
text() { pdftotext "$1" - 2>/dev/null | tr '\n' ' ' >"$W/txt"; }

# Remote and SVG images: their alt text stands in; the first is told,
# the rest counted in one line (a README has dozens of badges).
lp build -p "$P" -o "$W/remote.pdf" "$E/image-remote.md"
t "remote and SVG images: exit 0, the first told, the rest counted" sh -c "
    [ $rc -eq 0 ] &&
    [ \$(grep -c ': warning: image .*alt text stands in' '$W/err') -eq 1 ] &&
    grep -q ':11:1: warning: and 2 more images on the web or in SVG' \
    '$W/err' && [ \$(wc -l <'$W/err') -eq 2 ]"
text "$W/remote.pdf"
t "remote and SVG images: their alt text is in the PDF" sh -c "
    grep -q 'A nurse showing where the injection goes' '$W/txt' &&
    grep -q 'Diagram of the neck muscles' '$W/txt'"
t "remote and SVG images: no image in the PDF" sh -c "
    ! pdfimages -list '$W/remote.pdf' 2>/dev/null | grep -q 'image'"

# Links: only http, https, mailto, tel and #heading become annotations.
lp build -p "$P" -o "$W/links.pdf" "$E/links-unsafe.md"
t "unsafe links: exit 0, the first told, the rest counted" sh -c "
    [ $rc -eq 0 ] && [ \$(grep -c ': warning: link ' '$W/err') -eq 1 ] &&
    grep -q ':11:1: warning: and 4 more links from here' '$W/err' &&
    [ \$(wc -l <'$W/err') -eq 2 ]"
qpdf --qdf --object-streams=disable "$W/links.pdf" "$W/links.qdf" 2>/dev/null
t "unsafe links: no annotation for them" sh -c "
    grep -aq '/URI (mailto:team@example.org)' '$W/links.qdf' &&
    ! grep -aq '/URI (\\(javascript\\|file\\|data\\|other\\)' '$W/links.qdf'"
text "$W/links.pdf"
t "unsafe links: their text and address are printed" \
    has "$W/txt" "a script (javascript:alert(1))"

# Percent-encoded anchors name their headings.
lp build -p "$P" -o "$W/anchors.pdf" "$E/links-encoded.md"
diag "encoded anchors: decoded; only the broken one warned of" 0 \
    "$E/links-encoded.md:7:41: warning: link to '#wst%C4': no heading has that name"

# Characters a font lacks: one warning per face, the first 20 named.
printf -- '---\ntitle: Glyphs\n---\n\nSee 一二三四五六七八九十百千万円日月火水木金土年時分秒上下左右中, twice: 一二三.\n' \
    >"$W/cjk.md"
lp build -p "$P" -o "$W/cjk.pdf" "$W/cjk.md"
diag "missing characters: one warning, at the first, 20 named" 0 \
    "$W/cjk.md:5:5: warning: 30 characters not in font NotoSans-Regular: '一' U+4E00, .*'金' U+91D1 and 10 more"
printf -- '---\ntitle: Glyphs\n---\n\n**中** first.\n\nThen 中.\n\nLast *中*.\n' \
    >"$W/faces.md"
lp build -p "$P" -o "$W/faces.pdf" "$W/faces.md"
t "missing characters: one warning per face, in reading order" sh -c "
    [ $rc -eq 0 ] && [ \$(wc -l <'$W/err') -eq 3 ] &&
    sed -n 1p '$W/err' | grep -q ':5:3: .*NotoSans-Bold' &&
    sed -n 2p '$W/err' | grep -q ':7:6: .*NotoSans-Regular' &&
    sed -n 3p '$W/err' | grep -q ':9:7: .*NotoSans-Italic'"

# Output paths: only a regular file or a new name; "-" is standard output.
A=$E/charset.md
mkdir -p "$W/o/dir" && mkfifo "$W/o/fifo" && ln -s fifo "$W/o/link"
lp build -p "$P" -o "$W/o/dir" "$A"
diag "-o a directory: refused" 1 "$W/o/dir: error: cannot write: a directory, not a regular file"
lp build -p "$P" -o "$W/o/fifo" "$A"
diag "-o a FIFO: refused before anything is written" 1 \
    "$W/o/fifo: error: cannot write: a FIFO, not a regular file"
lp build -p "$P" -o "$W/o/link" "$A"
diag "-o a link to a FIFO: refused" 1 \
    "$W/o/link: error: cannot write: a FIFO, not a regular file"
t "refused outputs: left as they were, nothing beside them" sh -c "
    [ -p '$W/o/fifo' ] && [ -L '$W/o/link' ] && [ -z \"\$(ls -A '$W/o/dir')\" ] &&
    [ \$(ls -A '$W/o' | wc -l) -eq 3 ]"
lp build -p "$P" -o - "$A"
"$LEAFPRESS" build -p "$P" -o "$W/o/file.pdf" "$A" 2>/dev/null
t "-o -: the PDF on standard output, as it is in a file" sh -c "
    [ $rc -eq 0 ] && [ ! -s '$W/err' ] && cmp -s '$W/out' '$W/o/file.pdf'"

# Images sized for print: at most 300 pixels an inch at the widest they
# can be placed (the 420-point measure: 1750 pixels).
python3 -c '
import struct, sys, zlib
w, h = 4000, 60
row = b"\0" + bytes(v for x in range(w) for v in (x % 256, 128, 255 - x % 256))
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
sys.stdout.buffer.write(b"\x89PNG\r\n\x1a\n" +
    chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) +
    chunk(b"IDAT", zlib.compress(row * h)) + chunk(b"IEND", b""))
' >"$W/wide.png"
printf -- '---\ntitle: Wide\n---\n\n![A wide picture](wide.png)\n' >"$W/wide.md"
lp build -p "$P" -o "$W/wide.pdf" "$W/wide.md"
t "a wide PNG: built without a word" test "$rc" -eq 0 -a ! -s "$W/err"
t "a wide PNG: 4000 pixels scaled to 1750 (300 ppi at the measure)" sh -c "
    pdfimages -list '$W/wide.pdf' | awk 'NR == 3 { exit !(\$4 == 1750 && \$5 == 26 && \$13 == 300) }'"

# More images than a leaflet shows: the rest stand in, not refused.
cp "$E/images/dot.png" "$W/dot.png"
{ printf -- '---\ntitle: Many\n---\n\n'
  i=0; while [ $i -lt 260 ]; do printf '![dot %d](dot.png)\n\n' $i; i=$((i + 1)); done
} >"$W/many.md"
lp build -p "$P" -o "$W/many.pdf" "$W/many.md"
diag "260 images: a warning at the 257th" 0 \
    "$W/many.md:517:1: warning: more than 256 images: the alt text of this one and the rest stands in"
text "$W/many.pdf"
t "260 images: 256 shown, the last one's alt text printed" sh -c "
    [ \$(pdfimages -list '$W/many.pdf' | tail -n +3 | wc -l) -eq 256 ] &&
    grep -q 'dot 259' '$W/txt'"

# Only sizes refuse, each saying its limit (a sparse file: no disk used).
truncate -s 65M "$W/huge.md"
lp build -p "$P" -o "$W/huge.pdf" "$W/huge.md"
diag "a file over 64 MiB: refused, with the limit" 1 \
    "$W/huge.md: error: file too large: more than 67108864 bytes"
rm -f "$W/huge.md"
