"""Usage: python3 glyphsets.py gen FONTDIR OUTDIR N SEED
          python3 glyphsets.py check LABEL ARTICLE.md TEXT.txt...

gen: write N articles OUTDIR/gNN.md, each setting a random subset
(seeded, the same on every machine) of the characters every bundled
face covers in that face: regular, bold, italic and bold italic prose
and a mono code block; article 0 holds every character of every face.
The coverage is read from the fonts' own cmaps, so it follows
fonts/subset.sh.

check: for each triple, "ok - LABEL: ..." when the article's characters
come back from pdftotext in order (whitespace aside; line breaks may add
or take hyphens, and header and footer may come in between), else
"not ok", with the first one missing.  One process for every leaflet,
since starting Python is most of the cost of a check.
"""
import random
import struct
import sys
import unicodedata

FACES = [("NotoSans-Regular", "", ""), ("NotoSans-Bold", "**", "**"),
         ("NotoSans-Italic", "*", "*"), ("NotoSans-BoldItalic", "***", "***")]
MONO = "NotoSansMono-Regular"


def coverage(path):
    """Code points of the font's (3,1) format 4 cmap with a glyph."""
    data = open(path, "rb").read()
    ntab = struct.unpack(">H", data[4:6])[0]
    tabs = {data[12 + 16 * i:16 + 16 * i]:
            struct.unpack(">II", data[20 + 16 * i:28 + 16 * i])
            for i in range(ntab)}
    off, _ = tabs[b"cmap"]
    n = struct.unpack(">H", data[off + 2:off + 4])[0]
    for i in range(n):
        pid, eid, sub = struct.unpack(">HHI", data[off + 4 + 8 * i:off + 12 + 8 * i])
        if (pid, eid) == (3, 1):
            p = off + sub
            break
    assert struct.unpack(">H", data[p:p + 2])[0] == 4
    seg = struct.unpack(">H", data[p + 6:p + 8])[0] // 2
    ends = struct.unpack(">%dH" % seg, data[p + 14:p + 14 + 2 * seg])
    base = p + 16 + 2 * seg
    starts = struct.unpack(">%dH" % seg, data[base:base + 2 * seg])
    deltas = struct.unpack(">%dH" % seg, data[base + 2 * seg:base + 4 * seg])
    ros = struct.unpack(">%dH" % seg, data[base + 4 * seg:base + 6 * seg])
    out = []
    for i in range(seg):
        for c in range(starts[i], ends[i] + 1):
            if c == 0xFFFF:
                continue
            if ros[i] == 0:
                g = (c + deltas[i]) & 0xFFFF
            else:
                at = base + 4 * seg + 2 * i + ros[i] + 2 * (c - starts[i])
                g = struct.unpack(">H", data[at:at + 2])[0]
                g = (g + deltas[i]) & 0xFFFF if g else 0
            if g:
                out.append(chr(c))
    return out


def printable(c):
    # spaces, controls and the soft hyphen do not come back as themselves
    return unicodedata.category(c)[0] not in "ZC" and c != "\u00ad"


def escape(c):
    return "\\" + c if c.isascii() and not c.isalnum() else c


def words(rng, chars):
    """The characters in runs of 2 to 9, so lines can be broken."""
    out, i = [], 0
    while i < len(chars):
        k = rng.randint(2, 9)
        out.append(chars[i:i + k])
        i += k
    return out


def article(rng, cover, everything):
    parts = []
    for name, op, cl in FACES:
        cs = list(cover[name])
        k = len(cs) if everything else rng.randint(1, len(cs))
        cs = rng.sample(cs, k)
        parts.append(" ".join(op + "".join(map(escape, w)) + cl
                              for w in words(rng, cs)))
    cs = list(cover[MONO])
    k = len(cs) if everything else rng.randint(1, len(cs))
    cs = rng.sample(cs, k)
    code = ["".join(cs[i:i + 40]) for i in range(0, len(cs), 40)]
    return "\n\n".join(parts) + "\n\n~~~~~~~~\n" + "\n".join(code) + "\n~~~~~~~~\n"


def gen(fontdir, outdir, n, seed):
    cover = {name: [c for c in coverage(f"{fontdir}/{name}.ttf") if printable(c)]
             for name in [f[0] for f in FACES] + [MONO]}
    for i in range(n):
        rng = random.Random(seed * 1000 + i)
        with open(f"{outdir}/g{i:02d}.md", "w", encoding="utf-8") as f:
            f.write(f"---\ntitle: Glyph set {i}\n---\n\n")
            f.write(article(rng, cover, i == 0))


def visible(s):
    # pdftotext joins a word broken after "-" at a line's end, dropping
    # the hyphen: hyphen-minus is checked for being there, not in order
    return [c for c in unicodedata.normalize("NFC", s)
            if not c.isspace() and c != "-"]


def check(md, txt):
    src = open(md, encoding="utf-8").read().split("\n---\n", 1)[1]
    prose, code, _ = src.split("~~~~~~~~\n")
    want = unescape(prose) + code
    got = open(txt, encoding="utf-8").read()
    if "-" in want and "-" not in got:
        print("# no hyphen-minus comes back")
        return False
    want, got = visible(want), visible(got)
    j = 0
    for i, c in enumerate(want):
        while j < len(got) and got[j] != c:
            j += 1
        if j == len(got):
            print(f"# character {i} of {len(want)}, U+{ord(c):04X}, "
                  f"does not come back; before it: {''.join(want[max(0, i - 20):i])}")
            return False
        j += 1
    return True


def unescape(s):
    """The text the Markdown shows: emphasis marks and escapes gone."""
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s):
            out.append(s[i + 1])
            i += 2
        elif s[i] == "*":
            i += 1
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


if __name__ == "__main__":
    if sys.argv[1] == "gen":
        gen(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
    else:
        for k in range(2, len(sys.argv) - 2, 3):
            label, md, txt = sys.argv[k:k + 3]
            try:
                good = check(md, txt)
            except (OSError, ValueError) as e:
                print(f"# {e}")
                good = False
            print(("ok" if good else "not ok") +
                  f" - {label}: pdftotext gives back every character")
