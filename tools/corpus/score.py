#!/usr/bin/env python3
"""Score kanbao's article rebuilding against the corpus truth.

usage: score.py [--kanbao PATH] [--per-page] [--show N]
                [--via pdf|pdftotext|readorder|both] DIR|FILE.txt|FILE.pdf ...

Text pages: for every FILE.txt with a FILE.json beside it (the truth
typeset.py writes), runs `kanbao --export=xml FILE.txt`.

PDF pages: for every FILE.pdf with a FILE.json beside it, runs
`kanbao --export=xml FILE.pdf` (--via pdf, the PDF loader) or `pdftotext
FILE.pdf` and kanbao on that text (--via pdftotext, the text loader), or
both (the default), reported side by side.  --via readorder gives the text
loader the page's lines in reading order instead of pdftotext's: the
lines the PDF loader's geometry reads, a blank line where a block or
column starts (what a text extracted in reading order looks like).

Articles are matched one to one by the overlap of their
body text (character 4-grams, whitespace removed), best pair first; a truth
article is *found* when it shares at least half its text with its match,
and no more than half of the match is other text.

Reported, over all truth articles and per page kind:
  found      matched as above
  exact      matched, and the sequence of body blocks (paragraphs,
             subheads and captions, whitespace removed) has exactly the
             truth's texts (a subhead given as a paragraph is counted
             apart, as "kinds differ")
  headline   matched, and the printed headline lines joined (whitespace
             removed) equal the truth's (kicker + main + subtitle); an
             article printed without headline must get none
  byline     matched, and the byline (whitespace removed) equals the
             truth's, over the articles that have one
  para F1    paragraphs (whitespace removed) found verbatim anywhere on
             the page, micro-averaged precision/recall over all pages
"""
import collections
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

WS = re.compile(r"\s+")


def nows(s):
    return WS.sub("", s or "")


def grams(s, n=4):
    return {s[i:i + n] for i in range(max(0, len(s) - n + 1))} or {s}


def reading_order_text(kanbao, path):
    """The page text in reading order, as the PDF loader's geometry reads
    it (KANBAO_PDFDEBUG lines): one line per printed line, a blank line
    where a block or column starts, a form feed between pages."""
    env = dict(os.environ, KANBAO_PDFDEBUG="1")
    p = subprocess.run([kanbao, "--list", path], capture_output=True,
                       env=env)
    out = []
    for raw in p.stderr.decode("utf-8", "replace").splitlines():
        m = re.match(r"\s*(\d+) ([0-9a-f]{4}) .*?\|(.*)$", raw)
        if not m:
            continue
        idx, flags, text = int(m.group(1)), int(m.group(2), 16), m.group(3)
        if idx == 0 and out:
            out.append("\f")
        if flags & (0x0080 | 0x0800 | 0x0008) and out and out[-1] != "":
            out.append("")
        out.append(text)
    return "\n".join(out).replace("\n\f\n", "\f") + "\n"


def run_kanbao(kanbao, path, via="text"):
    if via == "readorder":
        with tempfile.TemporaryDirectory() as d:
            txt = os.path.join(d, os.path.basename(path)[:-4] + ".txt")
            with open(txt, "w", encoding="utf-8") as f:
                f.write(reading_order_text(kanbao, path))
            return run_kanbao(kanbao, txt, "text")
    if via == "pdftotext":
        with tempfile.TemporaryDirectory() as d:
            txt = os.path.join(d, os.path.basename(path)[:-4] + ".txt")
            subprocess.run(["pdftotext", "-enc", "UTF-8", path, txt],
                           check=True)
            return run_kanbao(kanbao, txt, "text")
    p = subprocess.run([kanbao, "--export=xml", path], capture_output=True)
    if p.returncode != 0:
        return None, p.stderr.decode("utf-8", "replace")
    root = ET.fromstring(p.stdout)
    arts = []
    for sec in root.iter("section"):
        for a in sec.iter("article"):
            heads = [h.text or "" for h in a.findall("headline")
                     if h.get("inferred") != "true"]
            byl = a.find("byline")
            blocks = []
            for b in a:
                if b.tag in ("p", "subhead", "caption"):
                    blocks.append((b.tag, nows(b.text)))
            arts.append({"headline": heads,
                         "byline": byl.text if byl is not None else None,
                         "blocks": blocks,
                         "section": sec.get("title")})
    return arts, None


def truth_articles(js):
    out = []
    for sec in js["sections"]:
        for a in sec["articles"]:
            blocks = []
            for b in a["body"]:
                (k, v), = b.items()
                blocks.append((k, nows(v)))
            out.append({"headline": a.get("headline") or [],
                        "byline": a.get("byline"),
                        "blocks": blocks, "id": a.get("id")})
    return out


def match(truth, got):
    tg = [grams("".join(t for _, t in a["blocks"])) for a in truth]
    gg = [grams("".join(t for _, t in a["blocks"])) for a in got]
    pairs = []
    for i, a in enumerate(tg):
        for j, b in enumerate(gg):
            inter = len(a & b)
            if inter:
                pairs.append((inter / len(a | b), inter / len(a),
                              inter / len(b), i, j))
    pairs.sort(reverse=True)
    ti, gi, m = set(), set(), {}
    for jac, rec, prec, i, j in pairs:
        if i in ti or j in gi:
            continue
        ti.add(i)
        gi.add(j)
        if rec >= 0.5 and prec >= 0.5:
            m[i] = j
    return m


def score_page(kanbao, txt, via):
    js = json.load(open(txt[:-4] + ".json", encoding="utf-8"))
    truth = truth_articles(js)
    got, err = run_kanbao(kanbao, txt, via)
    res = collections.Counter()
    res["articles"] = len(truth)
    res["got"] = 0 if got is None else len(got)
    if got is None:
        return js, res, [("error", err)]
    m = match(truth, got)
    notes = []
    for i, t in enumerate(truth):
        if t["byline"]:
            res["bylines"] += 1
        if i not in m:
            notes.append(("missing", nows("".join(t["headline"])) or
                          t["blocks"][0][1][:20]))
            continue
        g = got[m[i]]
        res["found"] += 1
        if [b[1] for b in t["blocks"]] == [b[1] for b in g["blocks"]]:
            res["exact"] += 1
            if [b for b in t["blocks"]] != [b for b in g["blocks"]]:
                res["kinds_differ"] += 1
        else:
            notes.append(("body", t["id"], nows("".join(t["headline"]))))
        th = nows("".join(t["headline"]))
        gh = nows("".join(g["headline"]))
        if th == gh:
            res["headline"] += 1
        else:
            notes.append(("headline", th, gh))
        if t["byline"]:
            if nows(t["byline"]) == nows(g["byline"]):
                res["byline"] += 1
            else:
                notes.append(("byline", t["byline"], g["byline"]))
    tp = collections.Counter(b[1] for a in truth for b in a["blocks"])
    gp = collections.Counter(b[1] for a in got for b in a["blocks"])
    res["para_tp"] = sum((tp & gp).values())
    res["para_truth"] = sum(tp.values())
    res["para_got"] = sum(gp.values())
    return js, res, notes


def pct(a, b):
    return "%5.1f%%" % (100.0 * a / b) if b else "   - "


def report(name, r):
    p = r["para_tp"] / r["para_got"] if r["para_got"] else 0
    rc = r["para_tp"] / r["para_truth"] if r["para_truth"] else 0
    f1 = 2 * p * rc / (p + rc) if p + rc else 0
    print("%-22s %4d art  found %s  exact %s  headline %s  byline %s  "
          "paraF1 %.3f  (got %d)" % (
              name, r["articles"], pct(r["found"], r["articles"]),
              pct(r["exact"], r["articles"]),
              pct(r["headline"], r["articles"]),
              pct(r["byline"], r["bylines"]), f1, r["got"]))


def main(argv):
    kanbao = os.environ.get("KANBAO", "src/kanbao")
    show = 0
    per_page = False
    vias = None
    paths = []
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--kanbao":
            kanbao = argv[i + 1]
            i += 1
        elif a == "--show":
            show = int(argv[i + 1])
            i += 1
        elif a == "--via":
            vias = ["pdftotext", "pdf"] if argv[i + 1] == "both" else [argv[i + 1]]
            i += 1
        elif a == "--per-page":
            per_page = True
        else:
            paths.append(a)
        i += 1
    files = []
    for p in paths:
        if os.path.isdir(p):
            for root, _, names in os.walk(p):
                files += [os.path.join(root, n) for n in names
                          if n.endswith((".txt", ".pdf")) and
                          os.path.exists(os.path.join(root, n[:-4] + ".json"))]
        else:
            files.append(p)
    files.sort()
    pdfs = [f for f in files if f.endswith(".pdf")]
    texts = [f for f in files if not f.endswith(".pdf")]
    if texts:
        score_all(kanbao, texts, "text", "", per_page, show)
    for via in vias or ["pdftotext", "pdf"]:
        if pdfs:
            score_all(kanbao, pdfs, via, via + " ", per_page, show)


def score_all(kanbao, files, via, label, per_page, show):
    total = collections.Counter()
    kinds = collections.defaultdict(collections.Counter)
    for f in files:
        js, r, notes = score_page(kanbao, f, via)
        total.update(r)
        kinds[js.get("kind", "?")].update(r)
        if per_page:
            report(label + os.path.basename(f)[:14], r)
        if show:
            for n in notes[:show]:
                print("   ", f, *n)
    for k in sorted(kinds):
        report(label + k, kinds[k])
    report(label + "ALL", total)


if __name__ == "__main__":
    main(sys.argv[1:])
