"""Checks on mail's output, for tests/pdf/mail.sh (one per call).

  window BBOX.html PAPER NWORDS  page 1's address words all inside the
                                 window, nothing else in it, NWORDS of them
  printable BBOX.html PAPER      no word within 15 mm of the sides or 5 mm
                                 of the top and bottom, on any page
  eml EML PDF NAME               the message parses, To holds NAME, the
                                 attachment is the PDF byte for byte
  attachment EML OUT             write the message's attachment to OUT
  received DIR MAIL              each message an SMTP server wrote into DIR
                                 (N.eml, N.rcpt) parses, goes to its To,
                                 and its attachment is MAIL/<ref>.pdf
"""
import email
import email.policy
import os
import re
import sys

MM = 72 / 25.4
WINDOW = {"a4": (24.6, 120.0, 39.5, 66.3), "letter": (22.2, 101.6, 50.8, 69.8)}
SIZE = {"a4": (595.276, 841.89), "letter": (612.0, 792.0)}


def pages(path):
    """The words of each page: (xmin, ymin, xmax, ymax, text), from the top."""
    out = []
    for page in re.findall(r"<page[^>]*>(.*?)</page>", open(path, encoding="utf-8").read(), re.S):
        out.append([(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page)])
    return out


def window(path, paper, n):
    e = 0.05  # points: pdftotext rounds
    x0, x1, y0, y1 = (v * MM for v in WINDOW[paper])
    x0, x1, y0, y1 = x0 - e, x1 + e, y0 - e, y1 + e
    inside = 0
    for a, b, c, d, w in pages(path)[0]:
        meets = a < x1 and c > x0 and b < y1 and d > y0
        if meets and not (a >= x0 and c <= x1 and b >= y0 and d <= y1):
            sys.exit("%r crosses the window's edge" % w)
        inside += meets
    if inside != int(n):
        sys.exit("%d words in the window, want %s" % (inside, n))


def printable(path, paper):
    w, h = SIZE[paper]
    for i, page in enumerate(pages(path)):
        for a, b, c, d, word in page:
            if a < 15 * MM or c > w - 15 * MM or b < 5 * MM or d > h - 5 * MM:
                sys.exit("page %d: %r outside the printable area" % (i + 1, word))


def eml(path, pdf, name):
    msg = email.message_from_binary_file(open(path, "rb"), policy=email.policy.default)
    if name not in str(msg["To"]):
        sys.exit("To is %r" % str(msg["To"]))
    for h in ("From", "Reply-To", "Subject", "Date", "Message-ID"):
        if msg[h] is None:
            sys.exit("no " + h)
    att = [p for p in msg.iter_attachments()]
    if len(att) != 1 or att[0].get_filename() is None:
        sys.exit("want one attachment with a filename")
    if att[0].get_content() != open(pdf, "rb").read():
        sys.exit("the attachment is not the PDF")
    if "Dear" not in msg.get_body(("plain",)).get_content():
        sys.exit("no letter in the text")


def received(d, mail):
    names = [f for f in os.listdir(d) if f.endswith(".eml")]
    if not names:
        sys.exit("nothing received")
    for f in names:
        msg = email.message_from_binary_file(open(os.path.join(d, f), "rb"),
                                             policy=email.policy.default)
        rcpt = open(os.path.join(d, f[:-4] + ".rcpt")).read().split()
        if rcpt != [msg["To"].addresses[0].addr_spec]:
            sys.exit("%s: sent to %r, To is %r" % (f, rcpt, str(msg["To"])))
        att = list(msg.iter_attachments())
        name = att[0].get_filename() if len(att) == 1 else None
        if name is None or att[0].get_content() != open(os.path.join(mail, name), "rb").read():
            sys.exit("%s: the attachment is not %s" % (f, name))


def attachment(path, out):
    msg = email.message_from_binary_file(open(path, "rb"), policy=email.policy.default)
    open(out, "wb").write(list(msg.iter_attachments())[0].get_content())


{"attachment": attachment, "window": window, "printable": printable, "eml": eml, "received": received}[sys.argv[1]](*sys.argv[2:])
