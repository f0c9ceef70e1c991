"""Make tests/unit/composite.ttf, the font test_pdffont embeds to check
nested composite glyphs (needs fonttools: /usr/bin/python3 with Debian's
python3-fonttools).  From the bundled Noto Sans Regular (SIL OFL 1.1,
fonts/OFL.txt; the bundled faces have no composites left): A, ring and
acute as they are, "Aring.c" = A + ring and "Aringacute.c" = Aring.c +
acute, so U+01FA is a composite of a composite, which libharu 2.3 drew
without its innermost parts.

    /usr/bin/python3 tests/unit/composite.py
"""
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._g_l_y_f import Glyph, GlyphComponent
from fontTools.subset import Subsetter, Options

src = TTFont("fonts/NotoSans-Regular.ttf", recalcTimestamp=False)
opt = Options()
opt.notdef_outline = True
opt.name_IDs = [1, 2, 4, 6]
sub = Subsetter(opt)
sub.populate(unicodes=[0x41, 0x2DA, 0xB4])
sub.subset(src)
cmap = src.getBestCmap()
a, ring, acute = cmap[0x41], cmap[0x2DA], cmap[0xB4]


def composite(parts):
    g = Glyph()
    g.numberOfContours = -1
    g.components = []
    for name, dx, dy in parts:
        c = GlyphComponent()
        c.glyphName, c.x, c.y, c.flags = name, dx, dy, 0x4 | 0x2  # round, xy values
        g.components.append(c)
    return g


glyf, hmtx = src["glyf"], src["hmtx"]
order = src.getGlyphOrder() + ["Aring.c", "Aringacute.c"]
src.setGlyphOrder(order)
glyf.glyphOrder = order
glyf.glyphs["Aring.c"] = composite([(a, 0, 0), (ring, 95, 0)])
glyf.glyphs["Aringacute.c"] = composite([("Aring.c", 0, 0), (acute, 120, 330)])
for n in ("Aring.c", "Aringacute.c"):
    hmtx.metrics[n] = hmtx.metrics[a]
    glyf[n].recalcBounds(glyf)
for t in src["cmap"].tables:
    t.cmap[0xC5] = "Aring.c"
    t.cmap[0x1FA] = "Aringacute.c"
for rec in src["name"].names:
    if rec.nameID in (1, 4):
        rec.string = "Leafpress Composite Test"
    elif rec.nameID == 6:
        rec.string = "LeafpressCompositeTest"
src.save("tests/unit/composite.ttf", reorderTables=True)
