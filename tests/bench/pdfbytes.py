#!/usr/bin/env python3
"""Where a PDF's bytes go: pdfbytes.py FILE.pdf prints the compressed size
of its font programs, font maps (ToUnicode, CIDToGIDMap, widths live in
dicts), page content, images, and the rest (dictionaries, xref, info)."""
import json
import os
import subprocess
import sys


def main(path):
    j = json.loads(subprocess.run(["qpdf", "--json=2", "--json-key=qpdf", path],
                                  capture_output=True, text=True, check=True).stdout)
    objs = j["qpdf"][1]
    length = {}
    kind = {}

    def val(ref):
        o = objs.get("obj:" + ref) if isinstance(ref, str) else None
        return o.get("value") if o and "value" in o else ref

    for key, o in objs.items():
        if "stream" in o:
            d = o["stream"]["dict"]
            length[key[4:]] = val(d.get("/Length"))
            if d.get("/Subtype") == "/Image":
                kind[key[4:]] = "images"
    for key, o in objs.items():
        d = o.get("value") if "value" in o else o.get("stream", {}).get("dict")
        if not isinstance(d, dict):
            continue
        for k, ref, what in (("/FontFile2", None, "font programs"), ("/ToUnicode", None, "font maps"),
                             ("/CIDToGIDMap", None, "font maps"), ("/Contents", None, "page content"),
                             ("/SMask", None, "images")):
            r = d.get(k)
            for one in (r if isinstance(r, list) else [r]):
                if isinstance(one, str) and one.endswith(" R"):
                    kind[one] = what
    total = os.path.getsize(path)
    sums = {}
    for ref, n in length.items():
        sums[kind.get(ref, "other streams")] = sums.get(kind.get(ref, "other streams"), 0) + int(n)
    rest = total - sum(sums.values())
    print(f"  {'part':<16} {'bytes':>8}")
    for what in ("font programs", "font maps", "page content", "images", "other streams"):
        print(f"  {what:<16} {sums.get(what, 0):>8}")
    print(f"  {'objects, xref':<16} {rest:>8}")
    print(f"  {'total':<16} {total:>8}")


if __name__ == "__main__":
    main(sys.argv[1])
