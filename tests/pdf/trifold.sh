# The tri-fold (-l trifold): two landscape pages, the panels where the
# folded sheet wants them (read back with pdftotext -bbox and
# tests/pdf/panels.py), the body in reading order across them, the
# cover's coloured panel and the back's text centred, the type
# stepping down to fit, the too-long error, and fold guides.
. tests/pdf/lib.inc
plan 35
P=content/clinics/riverside.yaml
A=content/articles/botox-cervical-dystonia.md
S=tests/pdf/trifold-short.md

# panels PDF: its words as "PANEL WORD" in the folded sheet's reading
# order, in PDF.panels, and the words alone in PDF.txt.
panels() { pdftotext -bbox "$1" "$1.html" &&
    python3 tests/pdf/panels.py "$1.html" >"$1.panels" &&
    cut -d' ' -f2- "$1.panels" >"$1.txt"; }
# on PDF PANEL WORD: WORD is on PANEL.
on() { grep -qxF -- "$2 $3" "$1.panels"; }
# inorder MD PDF: every word of the article, in the panels' reading order.
inorder() { python3 tests/pdf/words.py "$1" "$2.txt"; }
# pagesize PDF: "W x H" in points, as pdfinfo says.
pagesize() { pdfinfo "$1" | sed -n 's/^Page size: *\([0-9.]* x [0-9.]*\) pts.*/\1/p'; }
# body DUMP: the size most of the body's regular text is set at.
body() { awk '$1 == "text" && $2 != "b=-1" && $7 == "regular" { print $8 }' \
    "$1" | sort | uniq -c | sort -rn | awk 'NR == 1 { print $2 }'; }
# cover DUMP COLOUR: on side 1 a panel of COLOUR at the cover's foot
# (the right third), 100 pt or more high, and its top below the cover's
# text.
cover() { awk -v c="$2" '$1 == "page" { pg = $2; w = $3; next }
    pg != 1 || $3 < 2 * w / 3 { next }
    $1 == "rect" && $2 == "b=-1" && $7 == c && $4 < 40 && $6 >= 100 {
	top = $4 + $6 }
    $1 == "text" && $2 != "b=-1" && (low == "" || $4 - 0.3 * $6 < low) {
	low = $4 - 0.3 * $6 }
    END { exit !(top != "" && top < low) }' "$1"; }
# centred DUMP: the room above what the back (the middle third of side
# 1) holds and the room below it are alike.
centred() { awk '$1 == "page" { pg = $2; w = $3; h = $4; next }
    pg == 1 && ($1 == "text" || $1 == "rect") && $3 > w / 3 && $3 < 2 * w / 3 {
	t = $4 + $6; b = $1 == "rect" ? $4 : $4 - 0.3 * $6
	if (top == "" || t > top) top = t; if (bot == "" || b < bot) bot = b }
    END { d = h - top - bot; exit !(top != "" && d < 6 && d > -6) }' "$1"; }
# numbered N: an article of N paragraphs "P1 ..." to "PN ...".
numbered() { printf -- '---\ntitle: Numbered paragraphs\n---\n\n'
    i=1; while [ $i -le "$1" ]; do printf 'P%d is a paragraph of several words that runs over two or three lines in a panel of this width, no more than that.\n\n' $i; i=$((i + 1)); done; }

# The bundled article, A4: the sheet, the panels, every word in order.
lp build -p $P -l trifold -o "$W/a4.pdf" $A
t "bundled article: builds as a tri-fold" test "$rc" -eq 0 -a ! -s "$W/err"
t "two pages, the sheet's two sides" sh -c "pdfinfo '$W/a4.pdf' | grep -q '^Pages: *2\$'"
t "A4 landscape" test "$(pagesize "$W/a4.pdf")" = "841.89 x 595.276"
t "qpdf --check" quiet qpdf --check "$W/a4.pdf"
panels "$W/a4.pdf"
t "every word of the article, in the panels' reading order" inorder $A "$W/a4.pdf"
t "the brand on the front cover (right of the outside)" on "$W/a4.pdf" C Riverside
t "the title on the front cover" on "$W/a4.pdf" C Botulinum
t "the contact box on the back (middle of the outside)" on "$W/a4.pdf" B Contact
t "the governance line on the back" on "$W/a4.pdf" B NEU-014
t "the body opens on the inside flap (left of the outside)" \
    test "$(grep -m1 '^A ' "$W/a4.pdf.panels")" = "A Your"
t "and ends inside" test "$(grep -v '^B ' "$W/a4.pdf.panels" | tail -1 | cut -c1)" = F
t "no page numbers on panels" lacks "$W/a4.pdf.txt" "Page"
lp build -p $P -l trifold --dump $A
cp "$W/out" "$W/a4.dump"
t "the bundled article fits at 12 pt" test "$(body "$W/a4.dump")" = 12.0
# folds lie within 2 mm of the sheet's thirds; text keeps 9 mm off the
# folds, so 6 mm (17 pt) off the thirds, and off the sheet's edges
t "no text near a fold or the sheet's edges" awk '
    $1 == "page" { w = $3 } $1 == "text" && $2 != "b=-1" {
	for (k = 0; k <= 3; k++)
		if ($3 < k * w / 3 + 17 && $3 + $5 > k * w / 3 - 17)
			bad = 1 } END { exit bad }' "$W/a4.dump"
t "the front cover: a panel in the clinic's colour at its foot" \
    cover "$W/a4.dump" "#0B6E4F"
t "with the clinic's name and phone on it, white on the dark green" \
    sh -c "sed -n '/^page 1/,/^page 2/p' '$W/a4.dump' | grep -q \
    'b=-1 .* #FFFFFF \"01234 567890\"' && grep -q \
    'b=-1 .* #FFFFFF \"Riverside Neurology Clinic\"' '$W/a4.dump'"
t "the back's contact box and lines centred on their panel" centred "$W/a4.dump"
mkdir -p "$W/cwd" && (cd "$W/cwd" && "$LEAFPRESS" build -p "$ROOT/$P" \
    -l trifold "$ROOT/$A" 2>/dev/null)
t "out/<clinic>/<article>-trifold.pdf" \
    test -s "$W/cwd/out/riverside/botox-cervical-dystonia-trifold.pdf"

# US Letter, and A5 paper, which a tri-fold prints on A4.
lp build -p content/clinics/lakeside.yaml -l trifold -o "$W/letter.pdf" $A
t "US Letter landscape" test "$rc" -eq 0 -a "$(pagesize "$W/letter.pdf")" = "792 x 612"
content "$W/c" && sed 's/^paper: .*/paper: a5/' $P >"$W/c/clinics/a5.yaml"
lp build -p "$W/c/clinics/a5.yaml" -l trifold -o "$W/a5.pdf" $A
t "paper: a5 gives an A4 tri-fold" test "$rc" -eq 0 -a "$(pagesize "$W/a5.pdf")" = "841.89 x 595.276"

lp build -p content/clinics/lakeside.yaml -l trifold --dump $A
t "US Letter: the back centred too, short as it is" centred "$W/out"

# A pale colour: dark text on the panel.  A long subtitle: the panel
# keeps clear of it, and the body stays at 12 pt.
sed 's/primary: "#0B6E4F"/primary: "#F2E8A0"/' $P >"$W/c/clinics/pale.yaml"
lp build -p "$W/c/clinics/pale.yaml" -l trifold --dump $A
t "a pale colour: the clinic's phone dark on the panel" grep -q \
    'b=-1 .* #1A1A1A "01234 567890"' "$W/out"
sed 's/^subtitle: .*/subtitle: Information for patients, their families and carers, and for the staff who look after them at home/' \
    $A >"$W/longsub.md"
lp build -p content/clinics/lakeside.yaml -l trifold --dump "$W/longsub.md"
t "a long subtitle: the panel under it, the body still at 12 pt" \
    test "$rc" -eq 0 -a "$(body "$W/out")" = 12.0 -a -n "$(cover "$W/out" "#1B4F8A" && echo y)"

# A short article (about 320 words) at 12 pt.
lp build -p $P -l trifold -o "$W/short.pdf" $S
panels "$W/short.pdf"
sed 's/{{clinic.phone}}/01234 567890/' $S >"$W/short.md"
t "a short article: every word in reading order" inorder "$W/short.md" "$W/short.pdf"
lp build -p $P -l trifold --dump $S
t "a short article: at 12 pt" test "$(body "$W/out")" = 12.0

# Too long for 12 pt: the body steps down, and flows A, D, E, F.
numbered 34 >"$W/n34.md"
lp build -p $P -l trifold --dump "$W/n34.md"
b=$(body "$W/out")
t "a longer article steps down to 11.5 or 11 pt" test "$b" = 11.5 -o "$b" = 11.0
lp build -p $P -l trifold -o "$W/n34.pdf" "$W/n34.md"
panels "$W/n34.pdf"
t "a longer article: every word in reading order" inorder "$W/n34.md" "$W/n34.pdf"
t "paragraphs run flap, inside left, middle, right, in order" awk '
    $2 ~ /^P[0-9]+$/ { n = substr($2, 2) + 0; if (n != last + 1) bad = 1
	last = n; seen = seen $1 } END {
	gsub(/A+/, "A", seen); gsub(/D+/, "D", seen); gsub(/E+/, "E", seen)
	gsub(/F+/, "F", seen); exit bad || seen != "ADEF" || last != 34 }' \
    "$W/n34.pdf.panels"

# Too long even at 11 pt: one line that says by how much, exit 1, no file.
{ cat $A; sed '1,/^---$/d' $A; } >"$W/long.md"
mkdir -p "$W/long" && lp build -p $P -l trifold -o "$W/long/x.pdf" "$W/long.md"
t "too long: exit 1" test "$rc" -eq 1
t "too long: one line" test "$(wc -l <"$W/err")" -eq 1
t "too long: says by how much, at 11 pt" grep -qE \
    "^$W/long.md: error: the article is about [0-9]+ words too long for a tri-fold at 11 pt\$" "$W/err"
t "too long: no file left" test -z "$(ls -A "$W/long")"

# Fold guides: dashed, on the two folds of the inside only, when asked.
lp build -p $P -l trifold --fold-guides --dump $A
t "--fold-guides: two dashed lines, on the inside" awk '
    $1 == "page" { pg = $2 } $1 == "rule" && / dash=/ { n[pg]++ }
    END { exit !(n[2] == 2 && n[1] == 0) }' "$W/out"
t "without it, none" lacks "$W/a4.dump" "dash="
lp build -p $P --fold-guides -o "$W/x.pdf" $A
t "--fold-guides without -l trifold: usage error" test "$rc" -eq 2 -a ! -e "$W/x.pdf"
