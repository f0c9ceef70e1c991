#!/usr/bin/env python3
"""Typesetting checks on `leafpress build --dump` output.

typeset.py MEASURE DUMP...  prints ok/not ok lines:
  - no text line runs past the frame's right edge (overflow);
  - no non-final line of a ragged paragraph is under 65% of the measure,
    except a line followed by a word too wide for any line;
  - no run of three hyphenated lines;
  - over all dumps, the total squared slack is at least 30% lower than
    the greedy (first-fit) reference on the same text (the ratio is shown).
"""
import re
import sys

measure = float(sys.argv[1])
TEXT = re.compile(r'\s+text b=(-?\d+) ([\d.]+) ([\d.]+) ([\d.]+) [\d.]+ \S+ [\d.]+ #\w+ "(.*)"$')
slack = greedy = 0.0
overflow = short = hyruns = 0
for path in sys.argv[2:]:
    page_w = None
    lines = {}  # (page, block, baseline) -> [x0, x1, text]
    page = 0
    for l in open(path, encoding="utf-8"):
        if l.startswith("page "):
            page += 1
            page_w = float(l.split()[2])
            continue
        m = TEXT.match(l)
        if m and int(m.group(1)) >= 0:
            b, x, y, w, s = int(m.group(1)), float(m.group(2)), float(m.group(3)), float(m.group(4)), m.group(5)
            k = (page, b, y)
            if k not in lines:
                lines[k] = [x, x + w, s]
            else:
                lines[k][0] = min(lines[k][0], x)
                lines[k][1] = max(lines[k][1], x + w)
                lines[k][2] += s
        m = re.match(r"total .* slack=([\d.]+) greedy=([\d.]+)", l)
        if m:
            slack += float(m.group(1))
            greedy += float(m.group(2))
    right = (page_w + measure) / 2
    for (page, b, y), (x0, x1, s) in lines.items():
        if x1 > right + 0.01 and not s.rstrip().endswith(" "):
            overflow += 1
            print(f"# overflow in {path}: block {b}: {s!r} ends at {x1:.2f} > {right:.2f}")
    # lines of each block in reading order
    blocks = {}
    for (page, b, y), v in sorted(lines.items(), key=lambda kv: (kv[0][0], kv[0][1], -kv[0][2])):
        blocks.setdefault(b, []).append(v)
    for b, ls in blocks.items():
        width = max(v[1] for v in ls) - min(v[0] for v in ls)
        run = 0
        for i, (x0, x1, s) in enumerate(ls):
            run = run + 1 if s.endswith("-") else 0
            if run >= 3:
                hyruns += 1
            if i + 1 < len(ls) and len(ls) >= 3 and x1 - x0 < 0.65 * measure \
                    and not ls[i + 1][2].rstrip().endswith("-"):
                short += 1
                print(f"# short line in {path}: block {b}: {s!r}")
ok = lambda c, what: print(("ok - " if c else "not ok - ") + what)
ok(overflow == 0, f"no line overflows the measure ({overflow} do)")
ok(short == 0, f"no non-final line under 65% of the measure ({short} are)")
ok(hyruns == 0, f"no three hyphenated lines in a row ({hyruns} runs)")
ratio = slack / greedy if greedy else 1
ok(greedy > 0 and ratio <= 0.7,
   f"total squared slack {slack:.4f} vs greedy {greedy:.4f}: {100 * (1 - ratio):.0f}% lower (need 30%)")
