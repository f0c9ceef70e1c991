"""Usage: python3 imposed.py READING.html IMPOSED.html

Both files are `pdftotext -bbox` output: READING of a booklet's pages
one by one, IMPOSED of the same booklet on sheets, two pages a side.
Print, for each side of IMPOSED, "L R": the pages of READING (from 1)
whose words are those on the left and on the right half of the side, or
"?" for a half that matches no page.  Words are compared as multisets,
so the order text extraction finds them in does not matter.
"""
import html
import re
import sys
from collections import Counter

PAGE = re.compile(r'<page width="([0-9.]+)" height="[0-9.]+">(.*?)</page>',
                  re.S)
WORD = re.compile(r'<word xMin="([0-9.]+)" yMin="[0-9.]+" '
                  r'xMax="([0-9.]+)" yMax="[0-9.]+">(.*?)</word>')


def pages(path):
    """Each page's width and its words as (xMin, xMax, text)."""
    with open(path, encoding="utf-8") as f:
        doc = f.read()
    return [(float(w), [(float(a), float(b), html.unescape(t))
                        for a, b, t in WORD.findall(body)])
            for w, body in PAGE.findall(doc)]


def main():
    reading = [Counter(t for _, _, t in ws)
               for _, ws in pages(sys.argv[1])]
    for width, ws in pages(sys.argv[2]):
        mid = width / 2
        halves = (Counter(t for a, b, t in ws if b <= mid),
                  Counter(t for a, b, t in ws if a >= mid))
        found = []
        for h in halves:
            match = [str(i + 1) for i, r in enumerate(reading) if r == h]
            found.append(match[0] if len(match) == 1 else "?")
        print(" ".join(found))
    return 0


if __name__ == "__main__":
    sys.exit(main())
