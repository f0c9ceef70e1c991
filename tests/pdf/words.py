"""Usage: python3 words.py ARTICLE.md TEXT.txt

Exit 0 when every word of the article's body comes back, in order, in
TEXT.txt (pdftotext output); else print the first word that does not,
with the words before it, and exit 1.  Words are runs of letters and
digits, lowercased, after curly quotes become straight ones.  The text
may hold more than the article (header, footer, link addresses), so the
article's words need only be a subsequence.
"""
import html
import re
import sys
import unicodedata

CURLY = str.maketrans("\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f",
                      "''''\"\"\"\"")


TAG = r"</?[A-Za-z][A-Za-z0-9-]*(?=[\s/>])"


def words(s):
    s = unicodedata.normalize("NFC", s).translate(CURLY).lower()
    return re.findall(r"[^\W_]+", s)


def article_words(md):
    # Front matter: dropped (its title and subtitle are checked as metadata).
    md = re.sub(r"\A---\n.*?\n(---|\.\.\.)\n", "", md, flags=re.S)
    # HTML blocks (a line opening with a tag, up to a blank line): dropped.
    md = re.sub(r"(?m)^ {0,3}%s[^\n]*\n(?:[^\n]+\n)*" % TAG, "", md)
    md = re.sub(r"(?m)^ {0,3}(```|~~~).*$", "", md)     # fence info strings
    md = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", md)        # images
    md = re.sub(r"\]\([^)]*\)", "]", md)                  # link destinations
    md = re.sub(r"<([a-z]+:[^>\s]*)>", r" \1 ", md)      # autolinks: kept
    md = re.sub(TAG + r"[^>]*>", " ", md)                 # inline HTML
    md = md.replace("[!WARNING]", " ")
    return words(html.unescape(md))


def fits(want, i, have, k):
    """How many words of want (from i) and have (from k) match: one to
    one, or across a line-end hyphen that the layout added (have splits
    the word) or that pdftotext removed (have joins "follow-up")."""
    w = want[i]
    if have[k] == w:
        return 1, 1
    if i + 1 < len(want) and have[k] == w + want[i + 1]:
        return 2, 1
    if k + 1 < len(have) and have[k] + have[k + 1] == w:
        return 1, 2
    return None


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        want = article_words(f.read())
    with open(sys.argv[2], encoding="utf-8") as f:
        have = words(f.read())
    i = j = 0
    while i < len(want):
        while j < len(have) and not fits(want, i, have, j):
            j += 1
        if j == len(have):
            print("%s: word %d '%s' (after '%s') not found in order"
                  % (sys.argv[1], i + 1, want[i],
                     " ".join(want[max(0, i - 6):i])))
            return 1
        di, dj = fits(want, i, have, j)
        i += di
        j += dj
    return 0


sys.exit(main())
