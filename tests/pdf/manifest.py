#!/usr/bin/env python3
"""tests/pdf/manifest.sh's reader of out/manifest.json.

    manifest.py OUT check            every built or up-to-date leaflet's PDF
                                     is there with the recorded bytes and
                                     SHA-256; every input's hash is the file's
    manifest.py OUT pdfs             the same for the PDFs alone (inputs may
                                     have changed since)
    manifest.py OUT status PATH      the status of the leaflet at PATH
    manifest.py OUT get PATH KEY     one member of that leaflet's entry
    manifest.py OUT paths            the leaflets' paths, one a line
Prints what is wrong and exits 1, or exits 0.
"""
import hashlib
import json
import os
import sys


def sha(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def check(out, m, inputs=True):
    bad = []
    if m.get("format") != 2 or not m.get("leafpress"):
        bad.append("no format 2 or no leafpress version")
    for e in m["leaflets"]:
        pdf = os.path.join(out, e["path"])
        if e["status"] == "failed":
            if not e.get("error"):
                bad.append(f"{e['path']}: failed without an error")
            continue
        if not os.path.isfile(pdf):
            bad.append(f"{e['path']}: {e['status']} but not there")
            continue
        if os.path.getsize(pdf) != e["bytes"] or sha(pdf) != e["sha256"]:
            bad.append(f"{e['path']}: bytes or sha256 differ")
        if not e["pages"] > 0:
            bad.append(f"{e['path']}: no pages")
        for f in e["inputs"]["files"] + m["fonts"] if inputs else []:
            if sha(f["path"]) != f["sha256"]:
                bad.append(f"{e['path']}: input {f['path']}: sha256 differs")
    return bad


def entry(m, path):
    for e in m["leaflets"]:
        if e["path"] == path:
            return e
    return {}


def main():
    out, what = sys.argv[1], sys.argv[2]
    with open(os.path.join(out, "manifest.json"), encoding="utf-8") as f:
        m = json.load(f)
    if what in ("check", "pdfs"):
        bad = check(out, m, what == "check")
        for b in bad:
            print("#", b)
        return 1 if bad else 0
    if what == "status":
        print(entry(m, sys.argv[3]).get("status", "absent"))
    elif what == "get":
        print(entry(m, sys.argv[3]).get(sys.argv[4], ""))
    elif what == "paths":
        for e in m["leaflets"]:
            print(e["path"])
    return 0


sys.exit(main())
