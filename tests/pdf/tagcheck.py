"""Usage: python3 tagcheck.py DECODED.json

Structural checks of a tagged PDF, read from qpdf --json=2
--json-stream-data=inline --decode-level=generalized.  There is no
PDF/UA validator in Debian: these are the rules of PDF/UA-1 that can be
read off the file.  Prints one "ok - ..." or "not ok - ..." line for each
of its CHECKS checks and exits 1 when any fails.
"""
import base64
import json
import re
import sys

CHECKS = 14
REF = re.compile(r"^(\d+) (\d+) R$")

db = json.load(open(sys.argv[1]))["qpdf"][1]
failed = 0


def report(good, what, why=""):
    global failed
    failed += not good
    print(("ok - " if good else "not ok - ") + what +
          ("" if good or not why else "  # " + why))


def obj(ref):
    e = db.get("obj:" + ref) if isinstance(ref, str) else None
    if e is None:
        return None
    return e["stream"]["dict"] if "stream" in e else e.get("value")


def deref(v):
    while isinstance(v, str) and REF.match(v):
        v = obj(v)
    return v


def data(ref):
    e = db.get("obj:" + ref)
    return base64.b64decode(e["stream"].get("data") or "") if e else b""


def text(v):
    v = deref(v)
    if not isinstance(v, str):
        return None
    if v.startswith("u:"):
        return v[2:]
    if v.startswith("b:"):
        return bytes.fromhex(v[2:]).decode("latin-1")
    return None


trailer = db["trailer"]["value"]
cat = deref(trailer["/Root"])

# --- pages and their content ---------------------------------------------


def page_refs(node):
    node = node if isinstance(node, str) else None
    d = obj(node)
    if d.get("/Type") == "/Pages":
        for k in d["/Kids"]:
            yield from page_refs(k)
    else:
        yield node


pages = list(page_refs(cat["/Pages"]))
TOKEN = re.compile(rb"""\s*(?:(%[^\r\n]*)|(\((?:\\.|[^\\()])*\))|(<<|>>|\[|\])
    |(<[0-9A-Fa-f\s]*>)|(/[^\s/\[\]()<>{}%]*)|([^\s/\[\]()<>{}%]+))""",
                   re.X | re.S)
PAINT = {b"Tj", b"TJ", b"'", b'"', b"Do", b"S", b"s", b"f", b"F", b"f*",
         b"B", b"B*", b"b", b"b*", b"sh"}


def scan(content):
    """(mcids, painted outside marked content, bad nesting) of a stream."""
    mcids, outside, bad = [], 0, 0
    stack, bt, operands, depth_at_bt = [], False, [], 0
    pos, n = 0, len(content)
    while pos < n:
        # literal strings may hold balanced parentheses: take them whole
        m = re.compile(rb"\s*").match(content, pos)
        pos = m.end()
        if pos >= n:
            break
        if content[pos:pos + 1] == b"(":
            level, i = 0, pos
            while i < n:
                c = content[i:i + 1]
                if c == b"\\":
                    i += 2
                    continue
                level += c == b"("
                level -= c == b")"
                i += 1
                if level == 0:
                    break
            operands.append(content[pos:i])
            pos = i
            continue
        m = TOKEN.match(content, pos)
        if not m or m.end() == pos:
            pos += 1
            continue
        pos = m.end()
        tok = m.group(0).strip()
        if m.group(6) is None:
            operands.append(tok)
            continue
        if tok in (b"true", b"false", b"null") or re.match(rb"^[-+.\d]+$", tok):
            operands.append(tok)
            continue
        op = tok
        if op == b"BT":
            bt, depth_at_bt = True, len(stack)
        elif op == b"ET":
            bad += len(stack) != depth_at_bt
            bt = False
        elif op in (b"BMC", b"BDC"):
            props = b" ".join(operands[1:])
            mm = re.search(rb"/MCID\s+(\d+)", props)
            stack.append(operands[0] if operands else b"?")
            if mm:
                mcids.append(int(mm.group(1)))
        elif op == b"EMC":
            if stack:
                stack.pop()
            else:
                bad += 1
        elif op in PAINT and not stack:
            outside += 1
        operands = []
    bad += len(stack) != 0
    return mcids, outside, bad


content_mcids = {}
outside = bad = 0
for i, p in enumerate(pages):
    d = obj(p)
    cs = d.get("/Contents")
    refs = cs if isinstance(cs, list) else [cs]
    mc, o, b = scan(b"\n".join(data(r) for r in refs if r))
    content_mcids[p] = mc
    outside += o
    bad += b

dup = sum(len(v) - len(set(v)) for v in content_mcids.values())
report(outside == 0, "nothing painted outside marked content",
       "%d painting operators" % outside)
report(bad == 0 and dup == 0, "marked content nested within text objects, "
       "each MCID once on its page", "%d bad nestings, %d MCIDs repeated" %
       (bad, dup))

# --- the structure tree ----------------------------------------------------
mark = deref(cat.get("/MarkInfo")) or {}
report(mark.get("/Marked") is True and "/StructTreeRoot" in cat,
       "catalog has /MarkInfo << /Marked true >> and /StructTreeRoot")
root_ref = cat.get("/StructTreeRoot")
root = deref(root_ref) or {}
claimed = {}          # (page, mcid) -> element
objr = {}             # annotation -> element
elems = []            # (ref, type) in tree order
nopage = []


def walk(ref, parent):
    e = obj(ref)
    s = e.get("/S", "?")[1:]
    elems.append((ref, s, e))
    if e.get("/P") != parent:
        nopage.append("%s /P" % ref)
    kids = e.get("/K")
    kids = kids if isinstance(kids, list) else [kids] if kids is not None else []
    for k in kids:
        if isinstance(k, int):
            if "/Pg" not in e:
                nopage.append(ref)
            key = (e.get("/Pg"), k)
            claimed.setdefault(key, []).append(ref)
        elif isinstance(k, str) and REF.match(k) and \
                (obj(k) or {}).get("/Type", "/StructElem") == "/StructElem" \
                and "/S" in (obj(k) or {}):
            walk(k, ref)
        else:
            d = deref(k) or {}
            if d.get("/Type") == "/MCR":
                claimed.setdefault((d.get("/Pg") or e.get("/Pg"),
                                    d.get("/MCID")), []).append(ref)
            elif d.get("/Type") == "/OBJR":
                objr.setdefault(d.get("/Obj"), []).append(ref)


top = root.get("/K")
for k in (top if isinstance(top, list) else [top]):
    if k:
        walk(k, root_ref)
report(len(elems) > 1 and elems[0][1] == "Document",
       "the tree is a Document with %d elements" % (len(elems) - 1))

want = {(p, m) for p, ms in content_mcids.items() for m in ms}
once = all(len(v) == 1 for v in claimed.values())
report(set(claimed) == want and once, "every MCID on every page belongs to "
       "exactly one element (%d MCIDs)" % len(want),
       "unclaimed %d, claimed but absent %d, claimed twice %d" %
       (len(want - set(claimed)), len(set(claimed) - want),
        sum(len(v) > 1 for v in claimed.values())))
report(not nopage, "every element with content has a page and its parent",
       ", ".join(nopage[:5]))

# --- the parent tree -------------------------------------------------------
nums = []


def numtree(node):
    node = deref(node) or {}
    nums.extend(node.get("/Nums", []))
    for k in node.get("/Kids", []):
        numtree(k)


numtree(root.get("/ParentTree"))
ptree = dict(zip(nums[0::2], nums[1::2]))
wrong = []
for p in pages:
    sp = obj(p).get("/StructParents")
    arr = deref(ptree.get(sp)) if sp is not None else None
    if not isinstance(arr, list):
        wrong.append("page %s" % p)
        continue
    for m in content_mcids[p]:
        if m >= len(arr) or claimed.get((p, m), [None])[0] != arr[m]:
            wrong.append("%s MCID %d" % (p, m))
annots = [a for p in pages for a in (deref(obj(p).get("/Annots")) or [])]
for a in annots:
    sp = (obj(a) or {}).get("/StructParent")
    if sp is None or ptree.get(sp) not in objr.get(a, []) or \
            len(objr.get(a, [])) != 1:
        wrong.append("annotation %s" % a)
report(not wrong, "the ParentTree maps every page's MCIDs and every "
       "annotation (%d) back to its element" % len(annots),
       ", ".join(wrong[:5]))
links = [a for a in annots if (obj(a) or {}).get("/Subtype") == "/Link"]
badlink = [a for a in links if not any(
    dict((r, s) for r, s, _ in elems).get(e) == "Link"
    for e in objr.get(a, []))]
nocont = [a for a in links if not text((obj(a) or {}).get("/Contents"))]
report(not badlink and not nocont, "every link annotation is in a Link "
       "element and has /Contents", "not in Link: %s; no Contents: %s" %
       (badlink[:3], nocont[:3]))
tabs = [p for p in pages if obj(p).get("/Tabs") != "/S"]
report(not tabs, "every page has /Tabs /S", ", ".join(tabs[:3]))

# --- what a reader needs -----------------------------------------------------
figs = [(r, e) for r, s, e in elems if s == "Figure"]
noalt = [r for r, e in figs if not text(e.get("/Alt"))]
report(not noalt, "every Figure has /Alt (%d figures)" % len(figs),
       ", ".join(noalt))
notes = [e.get("/ID") for _, s, e in elems if s == "Note"]
report(all(notes) and len(set(notes)) == len(notes), "every Note has an "
       "/ID of its own (%d notes)" % len(notes))
levels = [int(s[1]) for _, s, _ in elems if re.match(r"^H[1-6]$", s)]
skips = [(a, b) for a, b in zip([0] + levels, levels) if b > a + 1]
report(levels and not skips, "headings skip no level (%s)" %
       " ".join("H%d" % x for x in levels), "skips %s" % skips)


def kids_of(e):
    k = e.get("/K")
    k = k if isinstance(k, list) else [k] if k is not None else []
    return [deref(x) for x in k if isinstance(x, str) and REF.match(x)]


def rows(e):
    """A table's rows, in it or in its THead, TBody, TFoot."""
    for k in kids_of(e):
        s = (k or {}).get("/S")
        if s == "/TR":
            yield k
        elif s in ("/THead", "/TBody", "/TFoot"):
            yield from rows(k)


ragged = []
tables = [e for _, s, e in elems if s == "Table"]
for e in tables:
    n = {sum((k or {}).get("/S") in ("/TH", "/TD") for k in kids_of(r))
         for r in rows(e)}
    if len(n) > 1:
        ragged.append(sorted(n))
report(not ragged, "every row of a table has as many cells (%d tables)" %
       len(tables), "cells by row: %s" % ragged[:3])
vp = deref(cat.get("/ViewerPreferences")) or {}
report(bool(text(cat.get("/Lang"))) and vp.get("/DisplayDocTitle") is True,
       "catalog has /Lang and DisplayDocTitle true")
sys.exit(1 if failed else 0)
