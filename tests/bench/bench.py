#!/usr/bin/env python3
"""make bench: how fast leafpress builds leaflets, how much memory and space.

Generates a corpus in a temporary directory (20 articles of 300-3,000
words from the bundled article and synthetic text, x 10 clinic profiles
with logos), builds it with `leafpress batch -j 1` and `-j 2`, and prints
a table: per-leaflet CPU time (median, 90th percentile) from the batch's
own timing, leaflets per second, peak resident memory of a worker, bytes
per leaflet; then the source-article leaflet alone (CPU in a batch, a
whole `leafpress build` process, bytes), and the time for one article at
1x, 10x and 100x its length; and batch runs for the bundled content/
and for 1,000 leaflets: a full build, a run with nothing to do and one
after an article changed.  Medians and ratios, never a pass/fail.
"""
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LP = os.path.join(ROOT, "leafpress")
ARTICLE = os.path.join(ROOT, "content/articles/botox-cervical-dystonia.md")
REPEAT = 5
NFULL = 3      # full batch builds a row
NOCHANGE = 21  # runs with nothing, or one article, to do


def body_of(md):
    text = open(md, encoding="utf-8").read()
    m = re.match(r"---\n.*?\n---\n", text, re.S)
    return text[m.end():] if m else text


def synthetic(rng, words, nwords):
    """Paragraphs, headings and lists of the article's own words."""
    out, n = [], 0
    while n < nwords:
        kind = rng.random()
        if kind < 0.1:
            out.append("## " + " ".join(rng.choice(words) for _ in range(4)).capitalize() + "\n")
            n += 4
        elif kind < 0.25:
            for _ in range(3):
                item = " ".join(rng.choice(words) for _ in range(rng.randint(5, 14)))
                out.append("- " + item)
                n += len(item.split())
            out.append("")
        else:
            k = rng.randint(30, 90)
            out.append(" ".join(rng.choice(words) for _ in range(k)).capitalize() + ".\n")
            n += k
    return "\n".join(out) + "\n"


def make_corpus(d):
    rng = random.Random(1)
    src = body_of(ARTICLE)
    words = re.findall(r"[A-Za-z][a-z']+", src)
    os.makedirs(f"{d}/articles")
    os.makedirs(f"{d}/clinics")
    os.makedirs(f"{d}/images")
    for img in os.listdir(os.path.join(ROOT, "content/images")):
        shutil.copy(os.path.join(ROOT, "content/images", img), f"{d}/images/{img}")
    for i in range(20):
        nwords = 300 + (2700 * i) // 19
        text = src if i == 0 else synthetic(rng, words, nwords)
        with open(f"{d}/articles/a{i:02d}.md", "w", encoding="utf-8") as f:
            f.write(f"---\ntitle: Bench article {i}\nsubtitle: {nwords} words\n"
                    f"leaflet_id: B-{i:03d}\nversion: \"1\"\npublished: 2026-01-01\n---\n\n{text}")
    for j in range(10):
        logo = "riverside.png" if j % 2 == 0 else "lakeside.jpg"
        paper = "a4" if j % 2 == 0 else "letter"
        with open(f"{d}/clinics/c{j:02d}.yaml", "w") as f:
            f.write(f"name: Bench Clinic {j}\ntagline: Department {j}\nlogo: ../images/{logo}\n"
                    f"colors: {{ primary: \"#{(j * 40) % 200:02X}4F6E\", accent: \"#F2A541\" }}\n"
                    f"contact: {{ phone: \"0100 00000{j}\", email: c{j}@bench.example, "
                    f"website: https://c{j}.bench.example, address: [\"{j} Bench Road\", \"Benchtown\"] }}\n"
                    f"paper: {paper}\n")


def one_content(d, text, copies):
    """A content dir holding copies of one article and the Riverside profile."""
    os.makedirs(f"{d}/articles")
    os.makedirs(f"{d}/clinics")
    for i in range(copies):
        with open(f"{d}/articles/x{i:02d}.md", "w", encoding="utf-8") as f:
            f.write(text)
    prof = open(os.path.join(ROOT, "content/clinics/riverside.yaml")).read()
    logo = os.path.join(ROOT, "content/images/riverside.png")
    with open(f"{d}/clinics/riverside.yaml", "w") as f:
        f.write(re.sub(r"(?m)^logo:.*$", f"logo: {logo}", prof))


def batch(content, out, jobs):
    times = out + ".times"
    t0 = time.monotonic()
    subprocess.run([LP, "batch", "-q", "-j", str(jobs), "--content", content, "--out", out,
                    "--times", times], check=True, stderr=subprocess.DEVNULL)
    wall = time.monotonic() - t0
    rows, rss = [], 0
    for line in open(times):
        f = line.split()
        if f[0] == "worker_maxrss_kb":
            rss = int(f[1])
        else:
            rows.append((f[0], int(f[1]), int(f[2]), int(f[3])))
    return wall, rows, rss


def thousand(d):
    """100 articles (the bundled one, retitled) x 10 clinics: 1,000 leaflets."""
    src = open(ARTICLE, encoding="utf-8").read()
    for sub in ("articles", "clinics", "images"):
        os.makedirs(f"{d}/{sub}")
    for img in os.listdir(os.path.join(ROOT, "content/images")):
        shutil.copy(os.path.join(ROOT, "content/images", img), f"{d}/images/{img}")
    for i in range(100):
        with open(f"{d}/articles/a{i:03d}.md", "w", encoding="utf-8") as f:
            f.write(re.sub(r"(?m)^title: .*$", f"title: Leaflet {i}", src, count=1))
    for j in range(10):
        logo = "riverside.png" if j % 2 == 0 else "lakeside.jpg"
        with open(f"{d}/clinics/c{j:02d}.yaml", "w") as f:
            f.write(f"name: Clinic {j}\nlogo: ../images/{logo}\n")


def rebuild_times(content, out, runs):
    """Wall seconds of batch runs into out, one after the other."""
    walls = []
    for _ in range(runs):
        t0 = time.monotonic()
        subprocess.run([LP, "batch", "-q", "--content", content, "--out", out],
                       check=True, stderr=subprocess.DEVNULL)
        walls.append(time.monotonic() - t0)
    return walls


def mail_bench(tmp):
    """leafpress mail: patients a second at -j 1 and -j 2, each with a
    letter and the two-page bundled leaflet, by post and email; the
    largest process's memory at 250 and 1,000 patients; the post's size."""
    prof = os.path.join(ROOT, "content/clinics/riverside.yaml")
    print("\nmail: a letter + the 2-page leaflet per patient, post and email:")
    print(f"  {'run':<6} {'patients':>8} {'patients/s':>10} {'per CPU-s':>9} "
          f"{'max RSS MiB':>11} {'post MB':>7}")
    for n in (250, 1000):
        csv = f"{tmp}/patients{n}.csv"
        with open(csv, "w", encoding="utf-8") as f:
            f.write("ref,name,address,email,articles,channel\n")
            for i in range(n):
                f.write(f"P{i:05d},Patient {i},\"{i} Bench Road|Benchtown|EX1 1AA\","
                        f"p{i}@bench.example,botox-cervical-dystonia,both\n")
        for jobs in (1, 2):
            out = f"{tmp}/mail{n}-{jobs}"
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.monotonic()
            subprocess.run([LP, "mail", "-j", str(jobs), "-p", prof, "--patients", csv,
                            "--out", out], check=True, stderr=subprocess.DEVNULL)
            wall = time.monotonic() - t0
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
            post = [f for f in os.listdir(f"{out}/mail") if f.startswith("post-")][0]
            size = os.path.getsize(f"{out}/mail/{post}")
            print(f"  -j {jobs:<3} {n:>8} {n / wall:>10.0f} {n / cpu:>9.0f} "
                  f"{after.ru_maxrss / 1024:>11.1f} {size / 1e6:>7.1f}")
    print("  (max RSS: the largest process so far in this benchmark, not only mail's)")


def batch_row(name, content, tmp, nfull, touch):
    """Full builds into fresh folders, then runs with nothing to do and
    runs after touch() changed one article: median wall ms of each."""
    full = []
    for r in range(nfull):
        full += rebuild_times(content, f"{tmp}/{name}-out{r}", 1)
    out = f"{tmp}/{name}-out0"
    none = rebuild_times(content, out, NOCHANGE)
    one = []
    for r in range(NOCHANGE):
        touch(r)
        one += rebuild_times(content, out, 1)
    f, n, o = (statistics.median(x) * 1000 for x in (full, none, one))
    print(f"{name:<28} {f:>9.1f} {n:>10.1f} {o:>10.1f} {f / n:>8.0f}x")
    return n


def append_line(path):
    """A touch(r) that changes one article: a line more each time."""
    def touch(r):
        with open(path, "a", encoding="utf-8") as f:
            f.write(f"\nOne more line, {r}.\n")
    return touch


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def main():
    tmp = tempfile.mkdtemp(prefix="leafpress-bench.")
    try:
        content = f"{tmp}/content"
        make_corpus(content)
        print(f"corpus: 20 articles x 10 clinics in {content}\n")
        print(f"{'run':<10} {'leaflets':>8} {'cpu med ms':>10} {'cpu p90 ms':>10} "
              f"{'leaflets/s':>10} {'worker RSS MiB':>14} {'KB/leaflet':>10}")
        for jobs in (1, 2):
            walls, cpus, rsss, sizes = [], [], [], []
            for r in range(3):
                out = f"{tmp}/out{jobs}-{r}"
                wall, rows, rss = batch(content, out, jobs)
                walls.append(len(rows) / wall)
                cpus += [c / 1000 for _, _, c, _ in rows]
                sizes += [b for _, _, _, b in rows]
                rsss.append(rss)
            print(f"-j {jobs:<7} {len(rows):>8} {statistics.median(cpus):>10.2f} {pct(cpus, 90):>10.2f} "
                  f"{statistics.median(walls):>10.0f} {max(rsss) / 1024:>14.1f} "
                  f"{statistics.mean(sizes) / 1024:>10.1f}")
        # the stat cache says where each PDF sits on the disk: not compared
        same = subprocess.run(["diff", "-r", "-x", ".manifest.stat", f"{tmp}/out1-0",
                               f"{tmp}/out2-0"], capture_output=True).returncode == 0
        print(f"\n-j 1 and -j 2 outputs byte-identical: {'yes' if same else 'NO'}")

        # Incremental: full builds, runs with nothing to do (which hash
        # the inputs and build nothing) and runs after one article changed.
        big = f"{tmp}/thousand"
        thousand(big)
        bundled = f"{tmp}/bundled"
        shutil.copytree(os.path.join(ROOT, "content"), bundled)
        art = os.listdir(f"{bundled}/articles")[0]
        print(f"\nbatch runs, one worker per CPU: median wall ms "
              f"(full of {NFULL}, the others of {NOCHANGE})")
        print(f"{'content':<28} {'full':>9} {'no change':>10} {'1 article':>10} "
              f"{'full/none':>9}")
        batch_row("content/ (bundled)", bundled, tmp, NFULL,
                  append_line(f"{bundled}/articles/{art}"))
        none = batch_row("1,000 (100 art. x 10 cl.)", big, tmp, NFULL,
                         append_line(f"{big}/articles/a050.md"))
        print(f"  no-change run for 1,000 leaflets: {none:.1f} ms (target < 50)")

        # The source-article leaflet: A4 with its PNG logo.
        # 20 copies in one batch: a warm worker, as in the monthly run
        # (the first leaflet also loads the hyphenation patterns).
        one = f"{tmp}/one"
        one_content(one, open(ARTICLE, encoding="utf-8").read(), 20)
        cpu1 = []
        for r in range(3):
            _, rows, _ = batch(one, f"{tmp}/one-out{r}", 1)
            cpu1 += [row[2] / 1000 for row in rows[1:]]
        size1 = rows[0][3]
        proc = []
        prof = os.path.join(ROOT, "content/clinics/riverside.yaml")
        for r in range(15):
            t0 = time.monotonic()
            subprocess.run([LP, "build", "-p", prof, "-o", f"{tmp}/p.pdf", ARTICLE], check=True)
            proc.append((time.monotonic() - t0) * 1000)
        pages = subprocess.run(["pdfinfo", f"{tmp}/p.pdf"], capture_output=True, text=True).stdout
        npages = re.search(r"Pages:\s+(\d+)", pages).group(1)
        print(f"\nsource-article leaflet ({npages} pages, A4, PNG logo):")
        print(f"  CPU per leaflet in a batch   median {statistics.median(cpu1):6.2f} ms  (target <= 5)")
        print(f"  leafpress build, whole process median {statistics.median(proc):6.2f} ms  (target <= 20)")
        print(f"  output size                  {size1 / 1024:6.1f} KB  (target <= 60)")
        subprocess.run([sys.executable, os.path.join(ROOT, "tests/bench/pdfbytes.py"),
                        f"{tmp}/p.pdf"], check=True)

        # Linear scaling: the same article at 1x, 10x and 100x its length.
        body = body_of(ARTICLE)
        base = None
        marginal = []
        print("\nscaling (same article repeated):")
        for k in (1, 10, 100):
            d = f"{tmp}/scale{k}"
            one_content(d, "---\ntitle: Scaling\n---\n\n" + body * k, 4)
            cpu = []
            for r in range(REPEAT):
                _, rows, _ = batch(d, f"{d}/out{r}", 1)
                cpu += [row[2] / 1000 for row in rows[1:]]
            m = statistics.median(cpu)
            base = base or m
            print(f"  {k:>3}x  median {m:8.2f} ms   ratio to 1x {m / base:6.1f}   per copy {m / k:6.2f} ms")
            marginal.append((k, m))
        (k1, m1), (k2, m2), (k3, m3) = marginal
        print(f"  cost of each further copy: {(m2 - m1) / (k2 - k1):.2f} ms from 1x to 10x, "
              f"{(m3 - m2) / (k3 - k2):.2f} ms from 10x to 100x (equal when linear)")
        mail_bench(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
