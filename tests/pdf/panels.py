"""Usage: python3 panels.py BBOX.html

Read a tri-fold's words from `pdftotext -bbox` output and print them in
the order a reader meets the panels of the folded sheet, one word a
line as "PANEL WORD": the front cover C, the inside flap A, the inside
D, E, F left to right, the back B (the sketch in src/trifold.c).  Page 1
is the outside, its thirds A, B, C from the left; page 2 the inside, D,
E, F.  Within a panel, words go top to bottom, then left to right along
a line.  Exit 1 when a word lies across a third of the sheet, where a
fold is, or the PDF has other than two pages.
"""
import html
import re
import sys

ORDER = "CADEFB"
SIDES = ("ABC", "DEF")
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                  r'yMax="([\d.]+)">(.*?)</word>')


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        pages = re.split(r'<page width="([\d.]+)" height="[\d.]+">',
                         f.read())[1:]
    if len(pages) != 4:
        print("panels.py: %d pages, not 2" % (len(pages) // 2))
        return 1
    words = []
    for side in range(2):
        width = float(pages[2 * side])
        for m in WORD.finditer(pages[2 * side + 1]):
            x0, y0, x1, y1 = (float(v) for v in m.groups()[:4])
            third = int(3 * x0 // width)
            if third != int(3 * x1 // width):
                print("panels.py: %r lies across a fold" % m.group(5))
                return 1
            words.append((SIDES[side][third], y1, x0, html.unescape(m.group(5))))
    # a line: words whose baselines (yMax) are within 3 pt of its first
    words.sort(key=lambda w: (ORDER.index(w[0]), w[1]))
    out, line = [], []
    for w in words:
        if line and (w[0] != line[0][0] or w[1] - line[0][1] > 3):
            out += sorted(line, key=lambda v: v[2])
            line = []
        line.append(w)
    out += sorted(line, key=lambda v: v[2])
    for w in out:
        print(w[0], w[3])
    return 0


if __name__ == "__main__":
    sys.exit(main())
