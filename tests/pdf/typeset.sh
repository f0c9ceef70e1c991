# Typesetting quality on the bundled articles and the corpus in
# tests/typeset/ (English, Spanish, Polish, long words, URLs, codes):
# optimal breaking against greedy, overflow, short lines, hyphen runs,
# and justified setting filling its lines.
. tests/pdf/lib.inc

MEASURE=420
set -- content/articles/*.md tests/typeset/*.md
# One check per article, typeset.py's 4 and its status, and 2.
plan $(($# + 4 + 1 + 2))
content "$W/c"	# a plain clinic: only prose is measured here
n=0
for md in "$@"; do
	n=$((n + 1))
	t "$md: lays out" quiet sh -c \
	    '"$1" build --dump -p "$4" "$2" >"$3"' \
	    sh "$LEAFPRESS" "$md" "$W/$n.dump" "$W/c/clinics/riverside.yaml"
done
# A crash in typeset.py loses its checks: its status is a check too.
t "typeset.py runs to its end" python3 tests/pdf/typeset.py "$MEASURE" "$W"/*.dump

# Justified: every non-final line of a paragraph ends at the measure.
sed -e '/^logo:/d' -e 's/^paper:.*/paper: a4\njustify: true/' content/clinics/riverside.yaml \
    >"$W/justify.yaml"
"$LEAFPRESS" build --dump -p "$W/justify.yaml" tests/typeset/en.md \
    >"$W/justify.dump" 2>"$W/justify.err"
t "justify: builds without diagnostics" test $? -eq 0 -a ! -s "$W/justify.err"
python3 - "$W/justify.dump" "$MEASURE" <<'PY' && ok "justify: lines fill the measure" || notok "justify: lines fill the measure"
import re, sys
lines = {}  # (block, baseline) -> [right end, words]
contact = 1 << 30  # the contact box and what follows are not prose
for l in open(sys.argv[1], encoding="utf-8"):
    if '"Contact us"' in l:
        contact = min(contact, int(re.search(r"b=(\d+)", l).group(1)))
    m = re.match(r'\s+text b=(\d+) ([\d.]+) ([\d.]+) ([\d.]+) ', l)
    if m:
        k = (int(m.group(1)), float(m.group(3)))
        v = lines.setdefault(k, [0, 0])
        v[0] = max(v[0], float(m.group(2)) + float(m.group(4)))
        v[1] += 1
right = (595.28 + float(sys.argv[2])) / 2
blocks = {}
for (b, y), v in sorted(lines.items(), key=lambda kv: (kv[0][0], -kv[0][1])):
    blocks.setdefault(b, []).append(v)
# a line of one word has no space to stretch: it may fall short
full = [v for b, vs in blocks.items() if len(vs) > 2 and b < contact
        for v in vs[:-1] if v[1] > 1]
bad = [v for v in full if abs(v[0] - right) > 0.6]
print(f"# {len(full)} justified lines, {len(bad)} not flush")
sys.exit(1 if bad or len(full) < 10 else 0)
PY
