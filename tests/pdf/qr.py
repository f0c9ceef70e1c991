"""Usage: python3 qr.py CHECK DUMP [ARGS...]

Checks on the QR code of a leaflet, found in its --dump: the one white
rectangle of a document block (the code with its quiet zone) and that
block's black rectangles (the dark modules, a row's run each).  Exit 0
when the check holds; else say why on standard error and exit 1.

  size                 the symbol is square and at least 20 mm wide
  runs                 each row's dark modules are merged into runs
  quiet PGM DPI        nothing but the code's own squares and light
                       pixels within 4 modules of the symbol, read from
                       the dump and from PGM, the page rasterised at DPI
                       (pdftoppm -gray)
  under BBOX ADDRESS   the address, in pdftotext -bbox output, is under
                       the symbol, each of its lines centred on it
  beside               the contact box's text stops left of the code,
                       which starts above its last line
  below                the contact box's text ends above the code
"""
import html
import re
import sys

MM = 72 / 25.4
QUIET = 4


def fail(msg):
    sys.stderr.write("qr.py: %s\n" % msg)
    sys.exit(1)


def items(dump):
    """The dump's items as (page, kind, block, x, y, w, h, rest)."""
    page = 0
    out = []
    for line in open(dump, encoding="utf-8"):
        f = line.split()
        if f and f[0] == "page":
            page = int(f[1])
        elif len(f) >= 6 and line.startswith("  "):
            out.append((page, f[0], int(f[1][2:]), float(f[2]),
                        float(f[3]), float(f[4]), float(f[5]),
                        " ".join(f[6:])))
    return out


class Code:
    """The QR block's items on its page, and its symbol's geometry."""

    def __init__(self, dump):
        self.all = items(dump)
        tile = [i for i in self.all if i[1] == "rect" and i[2] >= 0 and
                i[7] == "#FFFFFF"]
        if len(tile) != 1:
            fail("%d white squares in %s, not one" % (len(tile), dump))
        self.page, self.block = tile[0][0], tile[0][2]
        mine = [i for i in self.all if i[0] == self.page and
                i[2] == self.block]
        self.tile = [i for i in mine if i[1] == "rect" and
                     i[7] == "#FFFFFF"]
        self.dark = [i for i in mine if i[1] == "rect" and
                     i[7] == "#000000"]
        self.caption = [i for i in mine if i[1] == "text"]
        if len(self.tile) != 1 or not self.dark:
            fail("block %d: no white square with black runs on it" %
                 self.block)
        self.tile = self.tile[0]
        self.x0 = min(i[3] for i in self.dark)
        self.y0 = min(i[4] for i in self.dark)
        self.x1 = max(i[3] + i[5] for i in self.dark)
        self.y1 = max(i[4] + i[6] for i in self.dark)
        self.m = min(i[6] for i in self.dark)


def size(c):
    w, h = c.x1 - c.x0, c.y1 - c.y0
    if abs(w - h) > 0.01:
        fail("the symbol is %.2f x %.2f pt, not square" % (w, h))
    if w < 20 * MM:
        fail("the symbol is %.1f mm wide, under 20 mm" % (w / MM))
    n = round(w / c.m)
    if n < 21 or (n - 17) % 4 != 0 or abs(w / n - c.m) > 0.01:
        fail("%.2f pt in modules of %.3f pt is no QR code's size" %
             (w, c.m))


def runs(c):
    ends = {(round(i[4], 2), round(i[3] + i[5], 2)) for i in c.dark}
    for i in c.dark:
        if (round(i[4], 2), round(i[3], 2)) in ends:
            fail("two dark rectangles meet at x=%.2f y=%.2f" % (i[3], i[4]))
        if abs(i[6] - c.m) > 0.001:
            fail("a run of height %.3f, not a module's" % i[6])


def overlaps(i, x0, y0, x1, y1):
    return i[3] < x1 and i[3] + i[5] > x0 and i[4] < y1 and i[4] + i[6] > y0


def quiet(c, pgm, dpi):
    q = QUIET * c.m
    zx0, zy0, zx1, zy1 = c.x0 - q, c.y0 - q, c.x1 + q, c.y1 + q
    t = c.tile
    if t[3] > zx0 + 0.01 or t[4] > zy0 + 0.01 or \
            t[3] + t[5] < zx1 - 0.01 or t[4] + t[6] < zy1 - 0.01:
        fail("the white square does not hold the quiet zone")
    after = False
    for i in c.all:
        if i[0] != c.page:
            continue
        if i is t:
            after = True
            continue
        if i[2] == c.block and i[1] == "rect":
            continue
        # the box behind the code may be under it, nothing over it
        if after and i[1] != "link" and overlaps(i, zx0, zy0, zx1, zy1):
            fail("%s of block %d at %.2f %.2f is within 4 modules" %
                 (i[1], i[2], i[3], i[4]))
    with open(pgm, "rb") as f:
        data = f.read()
    m = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    if not m:
        fail("%s: not a PGM file" % pgm)
    w, h = int(m.group(1)), int(m.group(2))
    px = data[m.end():]
    k = dpi / 72.0
    height = h / k

    def light(x, y):	# PDF points, y up
        col, row = int(x * k), int((height - y) * k)
        return px[row * w + col] >= 200

    # the band, a pixel in from its edges (anti-aliasing)
    e = 1.5 / k
    steps = 60
    for s in range(steps + 1):
        f = s / steps
        for x, y in ((zx0 + e + f * (zx1 - zx0 - 2 * e), zy0 + e),
                     (zx0 + e + f * (zx1 - zx0 - 2 * e), c.y1 + q / 2),
                     (zx0 + e + f * (zx1 - zx0 - 2 * e), zy1 - e),
                     (zx0 + e + f * (zx1 - zx0 - 2 * e), c.y0 - q / 2),
                     (zx0 + e, zy0 + e + f * (zy1 - zy0 - 2 * e)),
                     (c.x0 - q / 2, zy0 + e + f * (zy1 - zy0 - 2 * e)),
                     (zx1 - e, zy0 + e + f * (zy1 - zy0 - 2 * e)),
                     (c.x1 + q / 2, zy0 + e + f * (zy1 - zy0 - 2 * e))):
            if not light(x, y):
                fail("a dark pixel in the quiet zone at %.1f %.1f pt" %
                     (x, y))
    # and the finder pattern's corner is dark: the raster is the page
    if light(c.x0 + c.m / 2, c.y1 - c.m / 2):
        fail("the symbol's top left module is not dark in %s" % pgm)


def under(c, bbox, address):
    text = open(bbox, encoding="utf-8").read()
    pages = text.split("<page ")
    if c.page >= len(pages):
        fail("no page %d in %s" % (c.page, bbox))
    ph = float(re.search(r'height="([\d.]+)"', pages[c.page]).group(1))
    words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" '
                       r'xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
                       pages[c.page])
    bottom = ph - c.tile[4]	# the white square's, from the top
    mid = (c.x0 + c.x1) / 2
    below = sorted((float(w[1]), float(w[0]), float(w[2]), html.unescape(w[4]))
                   for w in words if 0 <= float(w[1]) - bottom < 40 and
                   c.tile[3] <= (float(w[0]) + float(w[2])) / 2 <=
                   c.tile[3] + c.tile[5])
    if "".join(w[3] for w in below) != address:
        fail("under the code: %r" % "".join(w[3] for w in below))
    if below[0][0] - bottom > 10:
        fail("the address is %.1f pt under the code" % (below[0][0] - bottom))
    for w in below:
        if abs((w[1] + w[2]) / 2 - mid) > 1:
            fail("%r is not centred under the code" % w[3])


def contact_text(c):
    """Text items of the contact box: from "Contact us" to the code."""
    head = [i[2] for i in c.all if i[1] == "text" and
            i[7].endswith('"Contact us"')]
    if not head:
        fail("no \"Contact us\"")
    return [i for i in c.all if i[1] == "text" and i[0] == c.page and
            head[-1] <= i[2] < c.block]


def beside(c):
    text = contact_text(c)
    right = max(i[3] + i[5] for i in text)
    if right > c.tile[3]:
        fail("contact text reaches %.2f, the code starts at %.2f" %
             (right, c.tile[3]))
    if c.tile[4] + c.tile[6] < min(i[4] for i in text):
        fail("the code is not beside the text but under it")


def below(c):
    text = contact_text(c)
    if c.tile[4] + c.tile[6] > min(i[4] for i in text):
        fail("the code's top %.2f is not under the text" %
             (c.tile[4] + c.tile[6]))


def main():
    if len(sys.argv) < 3:
        fail("usage: qr.py CHECK DUMP [ARGS...]")
    check, dump = sys.argv[1:3]
    c = Code(dump)
    if check == "size":
        size(c)
    elif check == "runs":
        runs(c)
    elif check == "quiet":
        quiet(c, sys.argv[3], float(sys.argv[4]))
    elif check == "under":
        under(c, sys.argv[3], sys.argv[4])
    elif check == "beside":
        beside(c)
    elif check == "below":
        below(c)
    else:
        fail("unknown check %r" % check)


main()
