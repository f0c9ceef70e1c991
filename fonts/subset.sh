#!/bin/sh
# Regenerate the bundled fonts in fonts/ from Debian's Noto fonts.
#
#   sh fonts/subset.sh            (run from anywhere; writes next to this script)
#
# Needs: fonts-noto-core, fonts-noto-mono and fonttools (Debian 12).
# The generated .ttf files are committed, so a normal build never runs this.
#
# Steps for each face:
#   1. pyftsubset (fontTools.subset) to the character list below, without
#      hinting and without OpenType layout tables;
#   2. fix-up: add the few symbols Noto Sans lacks (arrows, minus, <= >= ...)
#      from sibling Noto fonts, and decompose every composite glyph into a
#      plain outline (libharu 2.3 loses components of nested composites);
#   3. pyftsubset again, which drops component-only glyphs that are now unused;
#   4. check: only the tables libharu needs, a (3,1) format 4 cmap, every
#      listed character present, no composite glyph, few glyphs.
set -eu

PYTHON=${PYTHON:-/usr/bin/python3}   # Debian's python3 with fontTools
NOTO=${NOTO:-/usr/share/fonts/truetype/noto}
OUT=$(cd "$(dirname "$0")" && pwd)

if ! "$PYTHON" -c 'import fontTools' 2>/dev/null; then
	echo "subset.sh: $PYTHON has no fontTools (apt-get install fonttools)" >&2
	exit 1
fi

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
trap 'exit 1' HUP INT TERM

# ---------------------------------------------------------------------------
# The supported characters: the one and only list.  (pyftsubset syntax;
# code points a font lacks are skipped, the check step catches that.)
cat > "$TMP/unicodes.txt" <<'EOF'
U+0020-007E   # Basic Latin (ASCII)
U+00A0-00FF   # Latin-1 Supplement (NBSP, soft hyphen, ° × ± « » ¿ ¡ ß ...)
U+0100-017F   # Latin Extended-A (Polish, Czech, Hungarian, Turkish, Baltic ...)
U+0218-021B   # Romanian S/T with comma below
U+02BC        # modifier letter apostrophe (Ukrainian apostrophe)
U+02C6-02C7   # spacing circumflex, caron
U+02D8-02DD   # spacing breve, dot, ring, ogonek, tilde, double acute
U+037E        # Greek question mark
U+0384-038A   # Greek tonos, dialytika tonos, ano teleia, accented capitals
U+038C        # Greek Omicron with tonos
U+038E-03A1   # Greek
U+03A3-03CE   # Greek (monotonic), incl. final sigma
U+0400-045F   # Cyrillic (Russian, Ukrainian, Belarusian, Bulgarian, Serbian, Macedonian)
U+0490-0491   # Ukrainian Ghe with upturn
U+2000-200B   # spaces: en/em quad ... thin, hair, zero width
U+2010-2027   # hyphens, dashes, quotes, daggers, bullet, ellipsis
U+202F        # narrow no-break space
U+2030        # per mille
U+2032-2033   # prime, double prime
U+2039-203A   # single guillemets
U+2044        # fraction slash
U+20AC        # euro
U+20B4        # hryvnia
U+20BD        # ruble
U+2116        # numero
U+2122        # trade mark
U+2190-2195   # arrows
U+2212        # minus
U+2248        # almost equal
U+2260        # not equal
U+2264-2265   # less/greater-than or equal
U+FFFD        # replacement character
EOF

subset() {   # subset IN OUT
	"$PYTHON" -m fontTools.subset "$1" --output-file="$2" \
		--unicodes-file="$TMP/unicodes.txt" \
		--no-hinting --layout-features='' \
		--drop-tables+=GSUB,GPOS,GDEF,gasp,kern \
		--name-IDs='*' --notdef-outline --recalc-bounds
}

# ---------------------------------------------------------------------------
# Fix-up and check, in fontTools.  Usage:
#   fixup.py IN.ttf OUT.ttf [DONOR_SPEC...]
#   fixup.py check UNICODES.txt FONT.ttf
# DONOR_SPEC = FILE:CP,CP,...  copy those code points (outlines decomposed)
#              from FILE when the face lacks them.
cat > "$TMP/fixup.py" <<'EOF'
import sys
from fontTools.ttLib import TTFont
from fontTools.misc.transform import Transform
from fontTools.pens.recordingPen import RecordingPen
from fontTools.pens.transformPen import TransformPen
from fontTools.pens.reverseContourPen import ReverseContourPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.pens.boundsPen import ControlBoundsPen

KEEP = {"glyf", "loca", "hmtx", "hhea", "head", "maxp", "cmap", "name", "post", "OS/2"}
MATH = {0x2212, 0x2248, 0x2260, 0x2264, 0x2265}   # set on the font's '+' width

def draw_flat(gs, glyf, name, t, pen):
    """Draw glyph `name` through transform t with all components resolved."""
    if glyf[name].isComposite():
        rec = RecordingPen()
        gs[name].draw(rec)
        for op, args in rec.value:
            assert op == "addComponent", (name, op)
            cname, ct = args
            draw_flat(gs, glyf, cname, t.transform(ct), pen)
    else:
        p = TransformPen(pen, t)
        if t[0] * t[3] - t[1] * t[2] < 0:   # mirrored: keep contours clockwise
            p = ReverseContourPen(p)
        gs[name].draw(p)

def flat_glyph(font, name, t=Transform()):
    pen = TTGlyphPen(None)
    draw_flat(font.getGlyphSet(), font["glyf"], name, t, pen)
    return pen.glyph()

def bounds(font, name):
    bp = ControlBoundsPen(None)
    draw_flat(font.getGlyphSet(), font["glyf"], name, Transform(), bp)
    return bp.bounds

def add_glyph(font, cp, glyph, adv):
    name = "uni%04X" % cp
    font.setGlyphOrder(font.getGlyphOrder() + [name])
    font["glyf"][name] = glyph
    glyph.recalcBounds(font["glyf"])
    font["hmtx"][name] = (adv, getattr(glyph, "xMin", 0))
    for t in font["cmap"].tables:
        if t.isUnicode():
            t.cmap[cp] = name

def fixup(src, dst, donors):
    font = TTFont(src, recalcTimestamp=False)
    cmap = font.getBestCmap()
    plus = cmap[0x2B]
    padv = font["hmtx"][plus][0]
    pb = font["glyf"][plus]
    # how far the font's own upright symbols are shifted (italics: ~+10..20)
    shift = (pb.xMin + pb.xMax) / 2 - padv / 2
    sb = pb.xMin - shift
    for spec in donors:
        path, cps = spec.rsplit(":", 1)
        donor = None
        for cp in [int(c, 16) for c in cps.split(",")]:
            if cp in cmap:
                continue
            if cp == 0x2212:
                # minus = the horizontal bar of the font's own plus sign
                pts = pb.getCoordinates(font["glyf"])[0]
                ys = sorted(y for x, y in pts if x == pb.xMin)
                assert len(ys) == 2, "unexpected shape of '+'"
                pen = TTGlyphPen(None)
                pen.moveTo((pb.xMin, ys[0])); pen.lineTo((pb.xMin, ys[-1]))
                pen.lineTo((pb.xMax, ys[-1])); pen.lineTo((pb.xMax, ys[0]))
                pen.closePath()
                add_glyph(font, cp, pen.glyph(), padv)
                continue
            if donor is None:
                donor = TTFont(path)
                assert donor["head"].unitsPerEm == font["head"].unitsPerEm
            dname = donor.getBestCmap()[cp]
            x0, y0, x1, y1 = bounds(donor, dname)
            adv = padv if cp in MATH else round(x1 - x0 + 2 * sb)
            dx = round(adv / 2 + shift - (x0 + x1) / 2)
            add_glyph(font, cp, flat_glyph(donor, dname, Transform().translate(dx, 0)), adv)
        if donor is not None:
            donor.close()
    # decompose every composite glyph into a simple one
    glyf = font["glyf"]
    comp = [n for n in font.getGlyphOrder() if glyf[n].isComposite()]
    nested = [n for n in comp
              if any(glyf[c.glyphName].isComposite() for c in glyf[n].components)]
    flat = {n: flat_glyph(font, n) for n in comp}
    for n, g in flat.items():
        glyf[n] = g
        g.recalcBounds(glyf)
        font["hmtx"][n] = (font["hmtx"][n][0], getattr(g, "xMin", 0))
    for tag in list(font.keys()):
        if tag != "GlyphOrder" and tag not in KEEP:
            del font[tag]
    font.save(dst)
    print("  %d composite glyphs decomposed (%d nested)" % (len(comp), len(nested)))

def check(path, unicodes):
    font = TTFont(path)
    ok = True
    def fail(msg):
        nonlocal ok
        ok = False
        print("  ERROR %s: %s" % (path, msg))
    tags = set(font.keys()) - {"GlyphOrder"}
    if tags != KEEP:
        fail("tables %s" % sorted(tags ^ KEEP))
    t = font["cmap"].getcmap(3, 1)
    if t is None or t.format != 4:
        fail("no (3,1) format 4 cmap subtable")
    cmap = t.cmap if t else {}
    miss = [c for c in unicodes if c not in cmap]
    if miss:
        fail("missing " + " ".join("U+%04X" % c for c in miss))
    glyf = font["glyf"]
    comp = [n for n in font.getGlyphOrder() if glyf[n].isComposite()]
    if comp:
        fail("composite glyphs " + " ".join(comp))
    n = font["maxp"].numGlyphs
    if n > 32767:
        fail("too many glyphs")
    if not ok:
        sys.exit(1)
    print("  %d glyphs, %d characters: ok" % (n, len(cmap)))

def read_unicodes(path):
    out = []
    for line in open(path):
        r = line.split("#")[0].strip().replace("U+", "")
        if r:
            a, _, b = r.partition("-")
            out += range(int(a, 16), int(b or a, 16) + 1)
    return out

if sys.argv[1] == "check":
    check(sys.argv[3], read_unicodes(sys.argv[2]))
else:
    fixup(sys.argv[1], sys.argv[2], sys.argv[3:])
EOF

# ---------------------------------------------------------------------------
# Missing from Noto Sans 2.004 (Debian 12): arrows U+2190-2195 and
# U+2212 U+2248 U+2260 U+2264 U+2265.  Arrows come from Noto Sans Symbols
# (same weight), the operators from Noto Sans Math (regular weights) or
# Noto Sans Mono Bold (bold weights); minus is built from the font's own '+'.
ARROWS=2190,2191,2192,2193,2194,2195
OPS=2212,2248,2260,2264,2265

build() {   # build SOURCE.ttf OUTPUT.ttf [DONOR_SPEC...]
	src=$1 dst=$2
	shift 2
	echo "$dst"
	subset "$src" "$TMP/a.ttf"
	"$PYTHON" "$TMP/fixup.py" "$TMP/a.ttf" "$TMP/b.ttf" "$@"
	subset "$TMP/b.ttf" "$TMP/c.ttf"
	"$PYTHON" "$TMP/fixup.py" check "$TMP/unicodes.txt" "$TMP/c.ttf"
	cp "$TMP/c.ttf" "$OUT/$dst.new"
	mv "$OUT/$dst.new" "$OUT/$dst"
}

build "$NOTO/NotoSans-Regular.ttf" NotoSans-Regular.ttf \
	"$NOTO/NotoSansSymbols-Regular.ttf:$ARROWS" "$NOTO/NotoSansMath-Regular.ttf:$OPS"
build "$NOTO/NotoSans-Italic.ttf" NotoSans-Italic.ttf \
	"$NOTO/NotoSansSymbols-Regular.ttf:$ARROWS" "$NOTO/NotoSansMath-Regular.ttf:$OPS"
build "$NOTO/NotoSans-Bold.ttf" NotoSans-Bold.ttf \
	"$NOTO/NotoSansSymbols-Bold.ttf:$ARROWS" "$NOTO/NotoSansMono-Bold.ttf:$OPS"
build "$NOTO/NotoSans-BoldItalic.ttf" NotoSans-BoldItalic.ttf \
	"$NOTO/NotoSansSymbols-Bold.ttf:$ARROWS" "$NOTO/NotoSansMono-Bold.ttf:$OPS"
build "$NOTO/NotoSansMono-Regular.ttf" NotoSansMono-Regular.ttf

ls -l "$OUT"/*.ttf
