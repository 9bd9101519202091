#!/usr/bin/env python3
"""typeset.py -- build kanbao's realistic page corpus.

Reads the original articles in tools/corpus/articles/*.jsonl (FORMAT.md),
composes newspaper pages of one kind each (news, commentary, theory,
feature, photo, brief) as HTML, prints them with headless Chromium, extracts
them with `pdftotext` (default mode) and writes, per page:

    tests/data/pages/<half>/<kind>-<NN>.txt       pdftotext output, verbatim
    tests/data/pages/<half>/<kind>-<NN>.json      the true structure
    tests/data/pages/<half>/<kind>-<NN>.expected  kanbao's golden format

The PDFs and HTML go to tools/corpus/out/ (git-ignored).  Python 3 standard
library only.  See README.md next to this file.
"""

import argparse
import concurrent.futures
import datetime
import glob
import hashlib
import html
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
KINDS = ["news", "commentary", "theory", "feature", "photo", "brief"]
HALVES = ["tune", "held"]
MIN_PAGES = 6
PT = 0.3528  # mm per point

# Only TrueType CJK fonts: Chromium embeds Noto CJK (OpenType/CFF) as Type 3
# and pdftotext then runs columns together.
F_MING = '"AR PL UMing CN"'
F_KAI = '"AR PL UKai CN"'
F_HEI = '"WenQuanYi Zen Hei"'

PAPERS = [
    ("河洛日报", "HELUO DAILY", "41"), ("江城日报", "JIANGCHENG DAILY", "42"),
    ("海川日报", "HAICHUAN DAILY", "35"), ("北原日报", "BEIYUAN DAILY", "23"),
    ("秦川日报", "QINCHUAN DAILY", "61"), ("湘水日报", "XIANGSHUI DAILY", "43"),
    ("东岳日报", "DONGYUE DAILY", "37"), ("南岭日报", "NANLING DAILY", "44"),
    ("西江晚报", "XIJIANG EVENING NEWS", "45"), ("蓝湾日报", "LANWAN DAILY", "46"),
    ("云岭日报", "YUNLING DAILY", "53"), ("燕山日报", "YANSHAN DAILY", "13"),
]

SECTION_NAMES = {
    "news": ["要闻", "综合新闻", "经济", "社会", "地方新闻", "国际", "民生", "区县新闻"],
    "commentary": ["评论", "观点", "评论·观点", "时评", "言论"],
    "theory": ["理论", "理论周刊", "学习与思考", "理论·实践"],
    "feature": ["文化", "副刊", "特别报道", "人物", "视点", "深度"],
    "photo": ["图片新闻", "视觉", "影像", "摄影", "图片"],
    "brief": ["综合", "资讯", "要闻速览", "简讯", "信息"],
}
PAGE_RANGE = {
    "news": (1, 8), "commentary": (4, 6), "theory": (9, 16),
    "feature": (5, 16), "photo": (6, 16), "brief": (2, 8),
}
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "建国志强秀英丽华明远文博晓燕海涛雪梅立新子涵思远雨桐俊杰嘉怡振华玉兰春生秋实慧敏一鸣晨阳佳琪宏伟小红静怡德明"
BRIEF_TITLES = ["简讯", "短讯", "本版简讯", "新闻简讯", "简 讯", "资讯速递"]
WEEKDAYS = "一二三四五六日"
CN_DIGITS = "零一二三四五六七八九"

# ---------------------------------------------------------------- helpers


def nows(s):
    """All whitespace removed (what the golden files compare)."""
    return re.sub(r"\s+", "", s or "")


def single(s):
    """Internal whitespace runs collapsed to one space."""
    return " ".join((s or "").split())


def esc(s):
    return html.escape(s, quote=False)


def cn_num(n):
    if n <= 10:
        return "十" if n == 10 else CN_DIGITS[n]
    if n < 20:
        return "十" + CN_DIGITS[n - 10]
    t, u = divmod(n, 10)
    return CN_DIGITS[t] + "十" + (CN_DIGITS[u] if u else "")


def lunar_day(d):
    names = ["初" + c for c in "一二三四五六七八九十"]
    names += ["十" + c for c in "一二三四五六七八九"] + ["二十"]
    names += ["廿" + c for c in "一二三四五六七八九"] + ["三十"]
    return names[d - 1]


def units(s):
    """Width of a string in em (CJK and full-width forms = 1)."""
    w = 0.0
    for c in s:
        o = ord(c)
        if c == " ":
            w += 0.3
        elif o < 0x2000:
            w += 0.55
        else:
            w += 1.0
    return w


def stable_hash(s):
    return int.from_bytes(hashlib.sha256(s.encode("utf-8")).digest()[:8], "big")


def half_of(aid):
    """Stable split: depends on the id only, never on the rest of the set."""
    return HALVES[stable_hash("kanbao-corpus-half:" + aid) & 1]


def person(rng):
    return rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.choice([1, 2])))


CAPTION_RE = re.compile(r"(摄|摄影|资料图片|供图|图片|照片)[）)]?\s*$|^\s*(图为|▲|△|上图|下图|左图|右图)")


def is_caption(text):
    return bool(CAPTION_RE.search(text))


# ---------------------------------------------------------------- articles


class Article:
    def __init__(self, d, src):
        self.d = d
        self.src = src
        self.id = d["id"]
        self.kind = d["kind"]
        self.kicker = (d.get("kicker") or "").strip() or None
        self.headline = [h.strip() for h in d["headline"] if h and h.strip()]
        self.subtitle = (d.get("subtitle") or "").strip() or None
        self.author = (d.get("author") or "").strip() or None
        self.dateline = (d.get("dateline") or "").strip() or None
        self.byline = (d.get("byline") or "").strip() or None
        self.credit = (d.get("credit") or "").strip() or None
        blocks = []
        for b in d["body"]:
            if "p" in b and (b["p"] or "").strip():
                blocks.append(("p", b["p"].strip()))
            elif "subhead" in b and (b["subhead"] or "").strip():
                blocks.append(("subhead", b["subhead"].strip()))
        self.blocks = blocks
        # A bracketed byline without a dateline has nowhere to go in print:
        # it becomes the author line if there is none.
        if self.byline and not self.dateline:
            if not self.author:
                self.author = self.byline
            self.byline = None
        self.half = half_of(self.id)
        self.nchars = sum(len(t) for _, t in blocks)

    # headline lines as printed, with their roles
    def head_lines(self):
        lines, roles = [], []
        if self.kicker:
            lines.append(self.kicker)
            roles.append("kicker")
        for h in self.headline:
            lines.append(h)
            roles.append("main")
        if self.subtitle:
            lines.append(self.subtitle)
            roles.append("sub")
        return lines, roles

    def true_byline(self):
        if self.author:
            return single(self.author.lstrip("□■◆◇●○ 　"))
        if self.byline:
            return single(self.byline)
        if self.credit:
            c = self.credit.strip()
            c = re.sub(r"^[（(]\s*", "", c)
            c = re.sub(r"\s*[）)]$", "", c)
            return single(c) or None
        return None

    def lead_prefix(self):
        """(plain text, html) printed before the first paragraph."""
        if not self.dateline:
            return "", ""
        if self.byline:
            t = self.dateline + "（" + self.byline + "）"
        else:
            t = self.dateline + " "
        return t, None

    def printed_blocks(self):
        """Body blocks as printed (first p carries dateline + byline)."""
        out = []
        done = False
        for typ, t in self.blocks:
            if typ == "p" and not done:
                pre, _ = self.lead_prefix()
                out.append(("p", t, pre))
                done = True
            else:
                out.append((typ, t, ""))
        return out

    def truth(self, continued=False, layout=""):
        lines, roles = self.head_lines()
        body = []
        for typ, t, pre in self.printed_blocks():
            body.append({typ: nows(pre + t)})
        return {
            "id": self.id,
            "headline": [single(x) for x in lines],
            "roles": roles,
            "byline": self.true_byline(),
            "dateline": self.dateline,
            "body": body,
            "continued": bool(continued),
            "layout": layout,
        }


def load_articles(paths):
    arts, seen, problems = [], set(), []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                line = line.strip()
                if not line:
                    continue
                try:
                    d = json.loads(line)
                    a = Article(d, os.path.basename(path))
                except Exception as e:  # a line being written, or broken
                    problems.append("%s:%d: %s" % (os.path.basename(path), n, e))
                    continue
                if a.kind not in KINDS or not a.headline or not a.blocks:
                    problems.append("%s:%d: %s: bad kind/headline/body" % (os.path.basename(path), n, a.id))
                    continue
                if a.id in seen:
                    problems.append("%s:%d: duplicate id %s" % (os.path.basename(path), n, a.id))
                    continue
                seen.add(a.id)
                arts.append(a)
    return arts, problems


# ---------------------------------------------------------------- styles


class Style:
    """Typographic parameters of one edition."""

    def __init__(self, rng, kind):
        self.page_w, self.page_h = rng.choice([(350, 500), (350, 500), (345, 490), (330, 480), (297, 420)])
        self.margin = rng.choice([7, 8, 9, 10, 12])
        self.body_pt = rng.choice([9, 9.5, 10, 10, 10.5, 11])
        if kind == "theory":
            self.body_pt = rng.choice([9.5, 10, 10.5, 11])
        self.lh = round(rng.uniform(1.30, 1.38), 2)
        self.body_font = rng.choice([F_MING] * 6 + [F_KAI])
        if kind in ("commentary", "feature") and rng.random() < 0.25:
            self.body_font = F_KAI
        self.head_font = rng.choice([F_HEI, F_HEI, F_MING, F_KAI])
        self.head_weight = "bold" if self.head_font != F_HEI or rng.random() < 0.3 else "normal"
        self.sub_font = rng.choice([F_HEI, F_MING, F_KAI])
        self.gap_em = rng.choice([1.5, 1.8, 2.0, 2.5])
        self.col_rule = rng.random() < 0.35
        self.box_gap = rng.choice([3, 3.5, 4, 5])  # horizontal gap between boxes
        self.box_pad = rng.choice([2.5, 3, 3.5])
        # vertical gap between rows: pdftotext joins blocks less than 2.5
        # font sizes apart into one flow, so keep text of stacked boxes apart
        self.row_gap = round(max(self.box_gap, 3.0 * 11 * PT - 2 * self.box_pad + rng.uniform(1, 3)), 1)
        self.side_gap = round(max(8.0, rng.uniform(2.4, 3.2) * 11 * PT), 1)
        # subheads stay in their column's pdftotext block only if baselines
        # are less than 1.5 font sizes apart: tiny margins
        self.subhead_margin = rng.choice(["0.06em 0 0.02em 0", "0", "0.03em 0 0.03em 0"])
        self.border = rng.choice(["1px solid #000", "1px solid #333", "1px solid #000"])
        self.target_col = rng.uniform(48, 85)  # preferred text column width, mm
        self.dateline_bold = rng.random() < 0.5
        self.subhead_align = rng.choice(["center", "left", "indent"])
        self.subhead_font = rng.choice([F_HEI, F_MING])
        self.cap_font = rng.choice([F_KAI, F_MING, F_HEI])
        self.cap_pt = max(8.5, self.body_pt - rng.choice([0.5, 1, 1.5]))
        self.author_deco = rng.choice(["", "", "□ ", "■ ", "◆ "])
        # the header strip is one pdftotext block (items 1 em apart): spread
        # over the width, its items are separate blocks that pdftotext may
        # read in the middle of the page
        self.strip_justify = rng.choice(["flex-start", "flex-end", "center"])
        self.author_align = rng.choice(["left", "center", "right"])
        self.credit_align = "right"
        self.squeeze = 0

    @property
    def char_mm(self):
        return self.body_pt * PT

    @property
    def line_mm(self):
        return self.body_pt * PT * self.lh

    def squeezed(self, level):
        self.squeeze = level
        if level >= 1:
            self.body_pt = max(9, self.body_pt - 0.5)
            self.lh = max(1.30, self.lh - 0.03)
        if level >= 2:
            self.body_pt = 9
            self.lh = 1.30


# ---------------------------------------------------------------- boxes


class Piece:
    """One article (or part of one) as printed in a box."""

    def __init__(self, art, part="whole", blocks=None, marker=None, marker_inline=False,
                 cont_first_is_mid=False):
        self.art = art
        self.part = part  # whole | head | tail
        self.blocks = blocks if blocks is not None else art.printed_blocks()
        self.marker = marker  # （下转第二版） / （上接第一版）
        self.marker_inline = marker_inline
        self.cont_first_is_mid = cont_first_is_mid

    @property
    def show_head(self):
        return self.part in ("whole", "head")

    @property
    def show_credit(self):
        return self.part in ("whole", "tail")


class Box:
    def __init__(self, kind, pieces, ncols=1, hmode="top", halign="left", photo_h=0.0,
                 title=None, lead=False):
        self.kind = kind  # article | photo | brief
        self.pieces = pieces
        self.ncols = ncols
        self.hmode = hmode  # top | side | vert
        self.halign = halign
        self.photo_h = photo_h
        self.title = title
        self.lead = lead
        self.width = 0.0
        self.sizes = {}
        self.deco = ""
        self.head_below = False
        self.cell = 0.0
        self.top_photo_h = 0.0
        self.side_photo_w = 0.0
        self.extra_top = 0.0  # mm added above the content
        self.author_align = None

    def layout_name(self):
        return "%s/%dcol/%s" % (self.kind, self.ncols, self.hmode)


def figures(blocks):
    """Photo article blocks grouped per picture: a group ends with a p that
    carries the photographer's credit (……摄)."""
    groups, cur = [], []
    for b in blocks:
        cur.append(b)
        if b[0] == "p" and re.search(r"摄[）)]?\s*$|资料图片[）)]?\s*$", b[1]):
            groups.append(cur)
            cur = []
    if cur:
        if groups:
            groups[-1].extend(cur)
        else:
            groups.append(cur)
    return groups


def fit_pt(text, width_mm, want_pt, min_pt=9.0):
    u = max(units(text), 1.0)
    fit = width_mm / (u * PT) * 0.90
    return max(min_pt, min(want_pt, round(fit * 2) / 2))


def vert_ok(art):
    if art.kicker or art.subtitle or len(art.headline) != 1:
        return False
    h = art.headline[0]
    return 4 <= len(h) <= 16 and all(0x4E00 <= ord(c) <= 0x9FFF for c in h)


def side_ok(art):
    lines, _ = art.head_lines()
    return all(units(x) <= 16 for x in lines)


def lines_for(text_units, cpl, indent=2.0):
    if cpl < 4:
        cpl = 4
    n = 0
    rem = text_units + indent
    while rem > 0:
        n += 1
        rem -= cpl
    return n


def text_height(st, pieces, colw, ncols, box_kind, photo_h):
    """Estimated height (mm) of the column area."""
    cpl = int(colw / st.char_mm)
    lines = 0.0
    extra = 0.0
    for pc in pieces:
        if box_kind == "brief":
            hl, _ = pc.art.head_lines()
            for x in hl:
                lines += lines_for(units(x), int(colw / (st.body_pt * 1.1 * PT)), 0) * 1.15
            lines += 0.6
        if box_kind == "photo":
            figs = figures(pc.blocks)
            rows = -(-len(figs) // ncols)
            capl = int(colw / (st.cap_pt * PT))
            caph = max(sum(lines_for(units(pre + t), capl, 0) for typ, t, pre in f) for f in figs)
            return rows * (photo_h + 4 + (caph + 1) * st.cap_pt * PT * st.lh) + (2 * st.line_mm if pc.art.credit else 0)
        for typ, t, pre in pc.blocks:
            u = units(pre + t)
            if typ == "subhead":
                lines += lines_for(u, cpl, 0) + 0.8
            elif is_caption(t) and box_kind != "brief":
                capl = int(colw / (st.cap_pt * PT))
                lines += lines_for(u, capl, 0) * st.cap_pt / st.body_pt + 0.4
                extra += photo_h if photo_h else colw * 0.62
            else:
                lines += lines_for(u, cpl)
        if pc.marker:
            lines += 1
        if pc.show_credit and pc.art.credit:
            lines += 1
        if pc.part == "tail" and not pc.show_head:
            lines += 0.5
    h = (lines / ncols + 1.5 + (ncols > 1) * 1.0) * st.line_mm
    return h + extra / max(1, ncols if box_kind != "photo" else 1)


def head_height(st, box, width):
    """Estimated height of the headline group and fills box.sizes."""
    pc = box.pieces[0]
    art = pc.art
    h = 0.0
    if box.kind == "brief":
        return 0.0
    if not pc.show_head:
        return 0.0
    lines, roles = art.head_lines()
    want_main = st.body_pt * (2.6 if box.lead else 2.0)
    if box.kind == "photo":
        want_main = st.body_pt * 1.8
    sizes = []
    for x, r in zip(lines, roles):
        if r == "main":
            s = fit_pt(x, width, want_main, 12)
        else:
            s = fit_pt(x, width, st.body_pt * 1.25, 9)
        sizes.append(s)
        h += s * PT * 1.3
    if art.author:
        h += st.body_pt * PT * 1.6
    box.sizes = dict(zip(range(len(lines)), sizes))
    return h + 3.0


def box_height(st, box, width):
    """Estimated outer height of a box of outer width `width`."""
    return _box_height(st, box, width) + box.extra_top


def lead_height(st, box):
    """Height from the top of a box to where its running text starts."""
    inner = box.width - 2 * st.box_pad - 0.6
    if box.kind == "ad":
        return 0.0
    if box.kind == "brief":
        return 10.0
    if box.kind == "photo":
        return head_height(st, box, inner) + box.photo_h + 2.0
    if box.hmode in ("side", "vert"):
        return st.line_mm
    return head_height(st, box, inner) + (box.top_photo_h + 2.5 if box.top_photo_h else 0.0)


def stagger(st, boxes, rng, first=0.0):
    """Side-by-side boxes: each starts its content where the text of the box
    before it starts.  poppler orders blocks by Breuel's rules on extended
    x-ranges; with headline groups side by side it reads them line by line
    across the boxes (kicker, kicker, main, main, ...), also because it takes
    2x2 aligned blocks for a table.  Staggered, every headline block of a
    box has text of the box beside it at the same height, which bounds it."""
    off = first
    text = [b for b in boxes if b.kind != "ad"]
    for b in text:
        b.extra_top = round(off, 1)
        off += lead_height(st, b) + st.line_mm * 1.2
        if len(text) > 1 or first:
            b.halign = "left"
            b.author_align = "left"
            b.head_below = False


def _box_height(st, box, width):
    box.width = width
    inner = width - 2 * st.box_pad - 0.6
    gap = st.body_pt * PT * st.gap_em
    if box.kind == "ad":
        return 0.0
    if box.kind == "brief":
        colw = (inner - gap * (box.ncols - 1)) / box.ncols
        th = 12 + text_height(st, box.pieces, colw, box.ncols, "brief", 0)
        return th + 2 * st.box_pad
    if box.hmode == "vert":
        art = box.pieces[0].art
        size = min(st.body_pt * 2.6, 30)
        box.sizes = {0: size}
        cell = size * PT * 1.6
        colsw = inner - cell - st.side_gap
        colw = (colsw - gap * (box.ncols - 1)) / box.ncols
        th = text_height(st, box.pieces, colw, box.ncols, box.kind, box.photo_h)
        if art.author:
            th += st.line_mm * 1.5
        vh = len(art.headline[0]) * size * PT * 1.05 + 4
        return max(th, vh) + 2 * st.box_pad
    if box.hmode == "side":
        cell = max(32, inner * 0.27)
        colsw = inner - cell - st.side_gap
        hh = head_height(st, box, cell)
        colw = (colsw - gap * (box.ncols - 1)) / box.ncols
        th = text_height(st, box.pieces, colw, box.ncols, box.kind, box.photo_h)
        box.cell = cell
        return max(hh, th) + 2 * st.box_pad
    hh = head_height(st, box, inner)
    tw = inner - (box.side_photo_w + st.side_gap if box.side_photo_w else 0)
    colw = (tw - gap * (box.ncols - 1)) / box.ncols
    th = text_height(st, box.pieces, colw, box.ncols, box.kind, box.photo_h)
    if box.side_photo_w:
        th = max(th, 35.0)
    return hh + th + 2 * st.box_pad + (box.top_photo_h + 2.5 if box.top_photo_h else 0)


def choose_ncols(st, inner, rng, kind):
    n = int(round(inner / st.target_col))
    if kind == "commentary":
        n = int(round(inner / max(st.target_col, 60)))
    return max(1, min(4, n + rng.choice([0, 0, 0, -1, 1])))


# ---------------------------------------------------------------- HTML


def css(st):
    rule = "column-rule: 0.5px solid #888;" if st.col_rule else ""
    return f"""
@page {{ size: {st.page_w}mm {st.page_h}mm; margin: {st.margin}mm; }}
* {{ box-sizing: border-box; }}
html, body {{ margin: 0; padding: 0; }}
body {{ font-family: {st.body_font}; font-size: {st.body_pt}pt; line-height: {st.lh}; color: #000; }}
.page {{ width: {st.page_w - 2 * st.margin}mm; min-height: {st.page_h - 2 * st.margin - 3}mm;
        display: flex; flex-direction: column; break-after: page; }}
.page:last-child {{ break-after: auto; }}
.strip {{ display: flex; justify-content: {st.strip_justify}; align-items: baseline;
         border-bottom: 2px solid #000; padding: 0 0 1.2mm 0; margin-bottom: 3mm;
         font-family: {F_HEI}; font-size: 10pt; line-height: 1.3; }}
.strip span + span {{ margin-left: 1em; }}
.strip .pn {{ font-weight: bold; }}
.foot {{ margin-top: auto; border-top: 1px solid #000; padding-top: 1mm; font-size: 8.5pt;
        line-height: 1.3; font-family: {F_HEI}; display: flex; justify-content: {st.strip_justify}; }}
.foot span + span {{ margin-left: 1em; }}
.mast {{ display: flex; align-items: flex-end; justify-content: space-between;
        border-bottom: 3px double #000; padding-bottom: 2mm; margin-bottom: 3mm; line-height: 1.25; }}
.mast .name {{ font-family: {F_HEI}; font-size: 58pt; line-height: 1.05; letter-spacing: 2mm; }}
.mast .en {{ font-family: {F_MING}; font-size: 11pt; letter-spacing: 1mm; }}
.mast .info {{ font-size: 9pt; font-family: {F_HEI}; text-align: right; }}
.mast .info div {{ margin: 0.6mm 0; }}
.row {{ display: flex; align-items: stretch; margin-bottom: {st.row_gap}mm; }}
.row > .box {{ margin-right: {st.box_gap}mm; }}
.row > .box:last-child, .row > .stack:last-child {{ margin-right: 0; }}
.stack {{ display: flex; flex-direction: column; margin-right: {st.box_gap}mm; }}
.stack > .box {{ margin-bottom: {st.row_gap}mm; }}
.stack > .box:last-child {{ margin-bottom: 0; flex-grow: 1; }}
.row > div > .row:last-child {{ margin-bottom: 0; }}
.fill {{ flex: 1 1 auto; display: flex; min-height: 0; margin-bottom: {st.row_gap}mm; }}
.fill div {{ flex: 1; background: #d0d0d0; border: 1px solid #000; }}
.fill div + div {{ margin-left: {st.box_gap}mm; }}
.box.ad {{ background: #d0d0d0; }}
.tph {{ background: #b8b8b8; margin: 0 0 2.5mm 0; }}
.sph {{ flex: none; background: #b8b8b8; min-height: 35mm; }}
.spacer {{ flex: none; height: 9mm; }}
.box {{ border: {st.border}; padding: {st.box_pad}mm; break-inside: avoid; }}
.hg {{ margin-bottom: 2.5mm; line-height: 1.25; }}
.hg div {{ white-space: nowrap; }}
.hg .main {{ font-family: {st.head_font}; font-weight: {st.head_weight}; margin: 0.8mm 0; }}
.hg .kick, .hg .sub {{ font-family: {st.sub_font}; }}
.hg .au {{ font-size: {st.body_pt}pt; margin-top: 1.5mm; font-family: {F_KAI}; }}
.cols {{ column-gap: {st.gap_em}em; {rule} text-align: justify; }}
.cols p {{ margin: 0; text-indent: 2em; }}
.cols p.mid {{ text-indent: 0; }}
.cols p.credit {{ text-align: right; text-indent: 0; }}
.cols p.zhuan {{ text-align: right; text-indent: 0; }}
.cols p.jie {{ text-indent: 0; }}
.cols .sh {{ font-weight: bold; font-family: {st.subhead_font}; margin: {st.subhead_margin}; break-after: avoid; }}
.cols .sh.center {{ text-align: center; text-indent: 0; }}
.cols .sh.left {{ text-align: left; text-indent: 0; }}
.cols .sh.indent {{ text-align: left; text-indent: 2em; }}
.dl {{ font-family: {F_HEI}; }}
.ph {{ background: #b8b8b8; margin: 1mm 0 1.2mm 0; break-inside: avoid; }}
.cap {{ font-family: {st.cap_font}; font-size: {st.cap_pt}pt; text-indent: 0 !important; margin-bottom: 2mm !important; }}
.side {{ display: flex; }}
.side .cell {{ flex: none; margin-right: {st.side_gap}mm; }}
.side .cols {{ flex: 1; }}
.vcell {{ flex: none; writing-mode: vertical-rl; font-family: {st.head_font}; font-weight: {st.head_weight};
         line-height: 1.2; margin-right: {st.side_gap}mm; }}
.btitle {{ font-family: {F_HEI}; font-size: 13pt; font-weight: bold; background: #222; color: #fff;
          display: inline-block; padding: 0.5mm 3mm; margin-bottom: 2mm; line-height: 1.3; }}
.item {{ break-inside: avoid-column; margin-bottom: 2mm; }}
.item .ih {{ font-weight: bold; font-family: {F_HEI}; text-indent: 0; margin: 0; }}
.fig {{ break-inside: avoid; }}
.figs {{ display: grid; column-gap: 5mm; row-gap: 2mm; }}
"""


def render_blocks(st, pc, box_kind):
    out = []
    blocks = pc.blocks
    n = len(blocks)
    for i, (typ, t, pre) in enumerate(blocks):
        cls = ""
        if i == 0 and pc.part == "tail" and pc.cont_first_is_mid:
            cls = ' class="mid"'
        inner = esc(t)
        if pre:
            if st.dateline_bold and pc.art.dateline and pre.startswith(pc.art.dateline):
                rest = pre[len(pc.art.dateline):]
                inner = '<span class="dl">%s</span>%s%s' % (esc(pc.art.dateline), esc(rest), inner)
            else:
                inner = esc(pre) + inner
        if i == 0 and pc.part == "tail" and pc.marker and pc.marker_inline:
            inner = esc(pc.marker) + inner
        if i == n - 1 and pc.part == "head" and pc.marker and pc.marker_inline:
            inner = inner + esc(pc.marker)
        if typ == "subhead":
            out.append('<p class="sh %s">%s</p>' % (st.subhead_align, inner))
        elif box_kind == "photo":
            out.append('<p class="cap">%s</p>' % inner)
        elif box_kind == "article" and is_caption(t):
            out.append('<div class="fig"><div class="ph" style="height:%.1fmm"></div><p class="cap">%s</p></div>'
                       % (pc.photo_h or 40, inner))
        else:
            out.append("<p%s>%s</p>" % (cls, inner))
    if pc.part == "tail" and pc.marker and not pc.marker_inline:
        out.insert(0, '<p class="jie">%s</p>' % esc(pc.marker))
    if pc.part == "head" and pc.marker and not pc.marker_inline:
        out.append('<p class="zhuan">%s</p>' % esc(pc.marker))
    if pc.show_credit and pc.art.credit:
        out.append('<p class="credit">%s</p>' % esc(pc.art.credit))
    return "\n".join(out)


def render_headgroup(st, box, pc):
    art = pc.art
    lines, roles = art.head_lines()
    al = box.halign
    out = ['<div class="hg" style="text-align:%s">' % al]
    for i, (x, r) in enumerate(zip(lines, roles)):
        s = box.sizes.get(i, st.body_pt * 1.5)
        cls = {"kicker": "kick", "main": "main", "sub": "sub"}[r]
        out.append('<div class="%s" style="font-size:%.1fpt">%s</div>' % (cls, s, esc(x)))
    if art.author:
        out.append('<div class="au" style="text-align:%s">%s%s</div>'
                   % (box.author_align or (st.author_align if al == "left" else al), esc(box.deco), esc(art.author)))
    out.append("</div>")
    return "\n".join(out)


def render_box(st, box):
    w = box.width
    style = "width:%.2fmm;" % w
    pic = ""
    if box.extra_top >= 12 and box.kind == "article" and box.hmode == "top" and box.pieces[0].show_head:
        # the space above a staggered box holds a picture
        pic = '<div class="tph" style="height:%.1fmm"></div>' % (box.extra_top - 2.5)
    elif box.extra_top:
        style += "padding-top:%.1fmm;" % (st.box_pad + box.extra_top)
    inner = w - 2 * st.box_pad - 0.6
    gap = st.body_pt * PT * st.gap_em
    if box.kind == "ad":
        return '<div class="box ad" style="%s"></div>' % style
    if box.kind == "brief":
        items = []
        for pc in box.pieces:
            lines, _ = pc.art.head_lines()
            ih = "".join('<p class="ih">%s</p>' % esc(x) for x in lines)
            au = ""
            if pc.art.author:
                au = '<p class="ih" style="font-weight:normal;font-family:%s">%s</p>' % (F_KAI, esc(pc.art.author))
            items.append('<div class="item">%s%s%s</div>' % (ih, au, render_blocks(st, pc, "brief")))
        return ('<div class="box" style="%s"><div class="btitle">%s</div>'
                '<div class="cols" style="column-count:%d">%s</div></div>'
                % (style, esc(box.title), box.ncols, "\n".join(items)))
    pc = box.pieces[0]
    for p in box.pieces:
        p.photo_h = box.photo_h
    bkind = "photo" if box.kind == "photo" else "article"
    body = render_blocks(st, pc, bkind)
    if box.hmode == "vert":
        art = pc.art
        size = box.sizes[0]
        au = ""
        if art.author:
            au = '<p class="credit" style="text-align:left;margin-bottom:1mm">%s%s</p>' % (esc(box.deco), esc(art.author))
        return ('<div class="box side" style="%s"><div class="vcell" style="font-size:%.1fpt">%s</div>'
                '<div class="cols" style="column-count:%d">%s%s</div></div>'
                % (style, size, esc(art.headline[0]), box.ncols, au, body))
    if box.hmode == "side":
        return ('<div class="box side" style="%s"><div class="cell" style="width:%.1fmm">%s</div>'
                '<div class="cols" style="column-count:%d">%s</div></div>'
                % (style, box.cell, render_headgroup(st, box, pc), box.ncols, body))
    hg = pic + render_headgroup(st, box, pc) if pc.show_head else ""
    if box.kind == "photo":
        figs = []
        for fig in figures(pc.blocks):
            fp = Piece(pc.art, "whole", fig)
            fp.photo_h = box.photo_h
            inner_html = render_blocks(st, fp, "photo").replace('<p class="credit">%s</p>' % esc(pc.art.credit or ""), "")
            figs.append('<div class="fig"><div class="ph" style="height:%.1fmm"></div>%s</div>' % (box.photo_h, inner_html))
        credit = '<p class="credit">%s</p>' % esc(pc.art.credit) if pc.art.credit else ""
        top = hg if not box.head_below else ""
        below = hg if box.head_below else ""
        if box.head_below:
            # picture first, then the headline group, then the captions
            first = figs[0].split("</div>", 1)
            figs[0] = first[0] + "</div>" + below + first[1]
        return ('<div class="box" style="%s">%s<div class="cols figs" style="grid-template-columns:repeat(%d,1fr)">%s</div>'
                '<div class="cols">%s</div></div>'
                % (style, top, box.ncols, "".join(figs), credit))
    tph = '<div class="tph" style="height:%.1fmm"></div>' % box.top_photo_h if box.top_photo_h else ""
    if box.side_photo_w:
        return ('<div class="box" style="%s">%s%s<div class="side"><div class="sph" style="width:%.1fmm;margin-right:%.1fmm"></div>'
                '<div class="cols" style="column-count:%d">%s</div></div></div>'
                % (style, hg, tph, box.side_photo_w, st.side_gap, box.ncols, body))
    return ('<div class="box" style="%s">%s%s<div class="cols" style="column-count:%d">%s</div></div>'
            % (style, hg, tph, box.ncols, body))


# ---------------------------------------------------------------- pages


class PageSpec:
    def __init__(self):
        self.number = 1
        self.name = None
        self.label = ""
        self.name_printed = True
        self.masthead = False
        self.rail = None  # (side, width, [boxes])
        self.rows = []  # list of (list of boxes, widths)
        self.editor_top = None
        self.editor_bottom = None
        self.filler = 0
        self.est_used = 0.0

    def boxes_in_order(self):
        """Reading order: XY-cut -- a left rail first, a right rail last,
        rows top to bottom, boxes left to right."""
        main = [b for row in self.rows for b in row]
        if self.rail is None:
            return main
        side, _, rb = self.rail
        return rb + main if side == "left" else main + rb


def page_label(rng, n, name):
    forms = [
        ("第%02d版：%s" % (n, name), True),
        ("第%02d版 %s" % (n, name), True),
        ("第%s版" % cn_num(n), False),
        ("%02d %s" % (n, name), True),
        ("A%02d" % n, False),
        ("A%02d %s" % (n, name), True),
        ("%s  第%d版" % (name, n), True),
        ("第%d版：%s" % (n, name), True),
    ]
    return rng.choice(forms)


def zhuan_marker(rng, to_page):
    return rng.choice([
        "（下转第%s版）" % cn_num(to_page), "（下转第%d版）" % to_page,
        "（转第%d版）" % to_page, "（下转第%02d版）" % to_page, "（转第%s版）" % cn_num(to_page)])


def jie_marker(rng, from_page):
    return rng.choice([
        "（上接第%s版）" % cn_num(from_page), "（上接第%d版）" % from_page,
        "（接第%d版）" % from_page, "（上接第%02d版）" % from_page, "（接第%s版）" % cn_num(from_page)])


class Edition:
    def __init__(self, kind, half, index, rng):
        self.kind = kind
        self.half = half
        self.index = index
        self.rng = rng
        self.st = Style(rng, kind)
        self.paper = rng.choice(PAPERS)
        start = datetime.date(2026, 2, 17)  # 正月初一, 丙午年
        self.date = start + datetime.timedelta(days=rng.randrange(30))
        self.pages = []
        self.continued = None  # Article
        self.date_form = rng.randrange(3)
        self.strip_form = rng.randrange(4)

    @property
    def content_w(self):
        return self.st.page_w - 2 * self.st.margin

    def date_text(self):
        d = self.date
        wd = "星期" + WEEKDAYS[d.weekday()]
        if self.date_form == 0:
            return "%d年%d月%d日 %s" % (d.year, d.month, d.day, wd)
        if self.date_form == 1:
            return "%d年%02d月%02d日 %s" % (d.year, d.month, d.day, wd)
        return "%d年%d月%d日  %s" % (d.year, d.month, d.day, wd)

    def avail_h(self, pg):
        st = self.st
        h = st.page_h - 2 * st.margin - 3 - 10
        if pg.masthead:
            h -= 34
        if pg.editor_bottom:
            h -= 16
        return h

    # -- html
    def render(self):
        st = self.st
        out = ['<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>%s</title><style>%s</style></head><body>'
               % (esc(self.paper[0]), css(st))]
        for pg in self.pages:
            out.append('<div class="page">')
            if pg.masthead:
                out.append(self.render_masthead(pg))
            else:
                out.append(self.render_strip(pg))
            out.append(self.render_body(pg))
            if pg.filler:
                out.append('<div class="fill">%s</div>' % ("<div></div>" * pg.filler))
            if pg.editor_bottom:
                out.append('<div class="spacer"></div>')
                out.append('<div class="foot"><span>%s</span><span>%s</span></div>'
                           % (esc(pg.editor_bottom), esc(self.paper[0] if self.rng.random() < 0.5 else "")))
            out.append("</div>")
        out.append("</body></html>")
        return "\n".join(out)

    def render_strip(self, pg):
        name = '<span>%s</span>' % esc(self.paper[0])
        date = '<span>%s</span>' % esc(self.date_text())
        lab = '<span class="pn">%s</span>' % esc(pg.label)
        ed = '<span>%s</span>' % esc(pg.editor_top) if pg.editor_top else ""
        f = self.strip_form
        if pg.number % 2 == 0:
            order = [lab, name, date, ed] if f % 2 == 0 else [lab, date, ed, name]
        else:
            order = [name, date, ed, lab] if f < 2 else [ed, date, name, lab]
        order = [x for x in order if x]
        return '<div class="strip">%s</div>' % "".join(order)

    def render_masthead(self, pg):
        d = self.date
        r = self.rng
        lunar = "农历丙午年正月%s" % lunar_day((d - datetime.date(2026, 2, 17)).days + 1)
        info = [
            self.date_text(), lunar,
            "第%d期  今日%d版" % (r.randrange(10000, 29999), r.choice([8, 12, 16, 20, 24])),
            "CN %s-%04d  国内统一连续出版物号" % (self.paper[2], r.randrange(1, 60)),
            "邮发代号%d-%d" % (r.randrange(1, 80), r.randrange(1, 99)),
        ]
        if r.random() < 0.5:
            info.insert(0, pg.label)
        return ('<div class="mast"><div><div class="name">%s</div><div class="en">%s</div></div>'
                '<div class="info">%s</div></div>'
                % (esc(self.paper[0]), esc(self.paper[1]), "".join("<div>%s</div>" % esc(x) for x in info)))

    def render_body(self, pg):
        st = self.st
        rows_html = []
        for row in pg.rows:
            rows_html.append('<div class="row">%s</div>' % "".join(render_box(st, b) for b in row))
        main = "\n".join(rows_html)
        if pg.rail is None:
            return main
        side, rw, rb = pg.rail
        mainw = self.content_w - rw - st.box_gap
        boxes = "".join(render_box(st, b) for b in rb)
        if side == "left":
            rail = '<div class="stack" style="width:%.2fmm;margin-right:%.1fmm">%s</div>' % (rw, st.box_gap, boxes)
            maind = '<div style="width:%.2fmm">%s</div>' % (mainw, main)
            return '<div class="row">%s%s</div>' % (rail, maind)
        rail = '<div class="stack" style="width:%.2fmm;margin-right:0">%s</div>' % (rw, boxes)
        maind = '<div style="width:%.2fmm;margin-right:%.1fmm">%s</div>' % (mainw, st.box_gap, main)
        return '<div class="row">%s%s</div>' % (maind, rail)

    # -- truth
    def truth(self):
        sections = []
        for pg in self.pages:
            arts = []
            for b in pg.boxes_in_order():
                for pc in b.pieces:
                    if pc.part == "tail":
                        continue
                    arts.append(pc.art.truth(continued=(pc.part == "head"), layout=b.layout_name()))
            sections.append({"page": pg.number, "name": pg.name if pg.name_printed else None,
                             "label": pg.label, "articles": arts})
        return {
            "source": "tools/corpus/typeset.py",
            "kind": self.kind,
            "half": self.half,
            "paper": self.paper[0],
            "date": self.date.isoformat(),
            "sections": sections,
        }


def expected_text(truth):
    out = []
    for sec in truth["sections"]:
        for a in sec["articles"]:
            out.append("article")
            for h in a["headline"]:
                out.append("headline " + nows(h))
            if a["byline"]:
                out.append("byline " + single(a["byline"]))
            for b in a["body"]:
                (typ, t), = b.items()
                out.append("%s %s" % (typ, nows(t)))
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- composition


PER_PAGE = {  # (min, max) articles per page
    "news": (4, 9), "commentary": (3, 6), "theory": (2, 3),
    "feature": (2, 4), "photo": (3, 8), "brief": (6, 14),
}
MIN_COL_LINES = 8
MIN_COL_CHARS = 11
MAX_COL_MM = 100  # wider text columns are not newspaper-like  # a text column gets at least this many lines


class Pool:
    """The articles of one kind in one half, with use counts."""

    def __init__(self, arts, rng):
        self.arts = sorted(arts, key=lambda a: stable_hash(a.id))
        rng.shuffle(self.arts)
        self.uses = {a.id: 0 for a in self.arts}
        self.layouts = {a.id: set() for a in self.arts}
        self.fresh = list(self.arts)
        self.quota = 0  # fresh articles still wanted on the current page
        self.second_ok = False  # articles run short: a second use is allowed

    def snapshot(self):
        return (dict(self.uses), {k: set(v) for k, v in self.layouts.items()}, list(self.fresh))

    def restore(self, snap):
        self.uses = dict(snap[0])
        self.layouts = {k: set(v) for k, v in snap[1].items()}
        self.fresh = list(snap[2])

    def apply(self, placed):
        """Record an edition's placements [(article, layout)]."""
        for a, lay in placed:
            self.uses[a.id] += 1
            self.layouts[a.id].add(lay)
            if a in self.fresh:
                self.fresh.remove(a)

    def take(self, on_page, pred=None):
        if self.quota > 0:
            for a in self.fresh:
                if a.id not in on_page and (pred is None or pred(a)):
                    self.fresh.remove(a)
                    self.quota -= 1
                    return a
        if self.second_ok:
            cands = [a for a in self.arts if self.uses[a.id] == 1 and a not in self.fresh
                     and a.id not in on_page and (pred is None or pred(a))]
            if cands:
                cands.sort(key=lambda a: stable_hash("2:" + a.id + str(len(on_page))))
                return cands[0]
        return None

    def commit(self, a, layout):
        self.uses[a.id] += 1
        self.layouts[a.id].add(layout)

    def give_back(self, a):
        if self.uses[a.id] == 0 and a not in self.fresh:
            self.fresh.insert(0, a)
            self.quota += 1


def body_units(art):
    return sum(units(pre + t) + 2 for _, t, pre in art.printed_blocks())


def make_box(ed, art, width, rng, pool, lead=False):
    st = ed.st
    kind = ed.kind
    inner = width - 2 * st.box_pad
    bkind = "photo" if kind == "photo" else "article"
    prev = pool.layouts.get(art.id, set())
    for attempt in range(6):
        hmode = "top"
        r = rng.random()
        if bkind == "article" and vert_ok(art) and r < 0.4 and inner > 90:
            hmode = "vert"
        elif bkind == "article" and side_ok(art) and r < 0.30 and inner > 130:
            hmode = "side"
        avail = inner - (max(32, inner * 0.27) + st.side_gap if hmode == "side" else 0) \
            - (st.body_pt * 2.6 * PT * 1.6 + st.side_gap if hmode == "vert" else 0)
        if avail < MIN_COL_CHARS * st.char_mm * 1.5:
            hmode = "top"
            avail = inner
        ncols = choose_ncols(st, avail, rng, kind)
        gap = st.body_pt * PT * st.gap_em
        # no column narrower than MIN_COL_CHARS characters
        while ncols > 1 and (avail - gap * (ncols - 1)) / ncols < MIN_COL_CHARS * st.char_mm:
            ncols -= 1
        # every column should get a fair number of lines
        while ncols > 1:
            colw = (avail - gap * (ncols - 1)) / ncols
            if body_units(art) / max(4, int(colw / st.char_mm)) / ncols >= MIN_COL_LINES:
                break
            ncols -= 1
        if bkind == "photo":
            nfig = len(figures(art.printed_blocks()))
            ncols = max(1, min(3, nfig if inner > 150 else 1))
        halign = rng.choice(["left", "left", "center"]) if hmode == "top" else "left"
        box = Box(bkind, [Piece(art)], ncols=ncols, hmode=hmode, halign=halign, lead=lead)
        if bkind == "article" and hmode == "top":
            colw = (avail - gap * (ncols - 1)) / ncols
            maxw = MAX_COL_MM * rng.uniform(0.75, 1.0)
            if colw > maxw:
                # a picture beside the text takes the spare width
                box.side_photo_w = round(avail - ncols * maxw - gap * (ncols - 1) - st.side_gap, 1)
        if box.layout_name() not in prev or attempt == 5:
            break
    box.width = width
    box.deco = st.author_deco if kind == "commentary" or rng.random() < 0.2 else ""
    box.head_below = box.kind == "photo" and box.ncols == 1 and rng.random() < 0.3
    if box.kind == "photo":
        box.photo_h = round(min(inner / box.ncols * rng.uniform(0.45, 0.68), 120), 1)
    else:
        if any(is_caption(t) for _, t in art.blocks):
            colw = (inner - (box.ncols - 1) * st.body_pt * PT * st.gap_em) / box.ncols
            box.photo_h = round(colw * rng.uniform(0.55, 0.7), 1)
        if hmode == "top" and kind in ("news", "feature", "theory") and inner > 100 \
                and rng.random() < {"news": 0.25, "feature": 0.4, "theory": 0.1}[kind]:
            box.top_photo_h = round(min(inner * rng.uniform(0.3, 0.5), 90), 1)
    return box


ROW_PATTERNS = {
    "news": [[1], [0.5, 0.5], [0.62, 0.38], [0.38, 0.62], [1 / 3] * 3, [0.25, 0.75], [0.7, 0.3], [0.25, 0.5, 0.25]],
    "commentary": [[1], [0.5, 0.5], [0.62, 0.38], [1 / 3] * 3, [0.4, 0.6]],
    "theory": [[1], [1], [0.6, 0.4], [0.5, 0.5], [0.65, 0.35]],
    "feature": [[1], [1], [0.6, 0.4], [0.5, 0.5], [0.7, 0.3]],
    "photo": [[1], [0.5, 0.5], [0.6, 0.4], [1 / 3] * 3, [0.4, 0.6]],
    "brief": [[1], [0.5, 0.5], [0.6, 0.4]],
}


def fill_area(ed, pg, pool, width, height, rng, want, on_page, first_box=None, narrow=False, first_offset=0.0):
    """Fill an area of `width` x `height` with rows of boxes.
    Returns (rows, count, used height)."""
    st = ed.st
    rows = []
    used = 0.0
    count = 0
    if first_box is not None:
        h = box_height(st, first_box, width)
        rows.append([first_box])
        used += h + st.row_gap
        count += 1
    guard = 0
    while count < want and guard < 40:
        guard += 1
        pats = [[1]] if narrow else ROW_PATTERNS[ed.kind]
        pat = rng.choice(pats)
        if want - count < len(pat):
            pat = [1.0 / (want - count)] * (want - count)
        n = len(pat)
        arts = []
        for _ in pat:
            a = pool.take(on_page | {x.id for x in arts})
            if a is None:
                break
            arts.append(a)
        if not arts:
            break
        if len(arts) < n:
            pat = [1.0 / len(arts)] * len(arts)
            n = len(arts)
        sub_w = width - st.box_gap * (n - 1)
        boxes = []
        hs = []
        for a, f in zip(arts, pat):
            b = make_box(ed, a, sub_w * f, rng, pool,
                         lead=(not rows and not narrow and f > 0.6 and pg.number == 1))
            boxes.append(b)
        stagger(st, boxes, rng, first=first_offset if not rows else 0.0)
        for b, f in zip(boxes, pat):
            hs.append(box_height(st, b, sub_w * f))
        rh = max(hs)
        if used + rh > height:
            for a in reversed(arts):
                pool.give_back(a)
            if n > 1 or not rows:
                a = pool.take(on_page)
                if a is not None:
                    b = make_box(ed, a, width, rng, pool)
                    h = box_height(st, b, width)
                    if used + h <= height or not rows:
                        rows.append([b])
                        used += h + st.row_gap
                        count += 1
                        pool.commit(a, b.layout_name())
                        on_page.add(a.id)
                        continue
                    pool.give_back(a)
            break
        for a, b in zip(arts, boxes):
            pool.commit(a, b.layout_name())
            on_page.add(a.id)
        rows.append(boxes)
        used += rh + st.row_gap
        count += n
    return rows, count, used


def brief_page(ed, pg, pool, rng, want, on_page):
    """A page of brief items: one to three 简讯 boxes."""
    st = ed.st
    W = ed.content_w
    H = ed.avail_h(pg)
    items = []
    for _ in range(want):
        a = pool.take(on_page)
        if a is None:
            break
        items.append(a)
        on_page.add(a.id)
    if not items:
        return 0, 0.0
    nboxes = min(rng.choice([1, 1, 2, 2, 3]), len(items))
    arrangement = rng.choice(["rows", "side", "rail"]) if nboxes >= 2 else rng.choice(["rows", "rail"])
    if arrangement == "rail":
        nboxes = 1
    ncs = [max(2, min(4, int(round(W / rng.uniform(75, 95))))) for _ in range(3)]
    rail_w = round(W * rng.uniform(0.3, 0.4), 1)
    rail_left = rng.random() < 0.5
    titles = rng.sample(BRIEF_TITLES, 3)
    while True:
        per = -(-len(items) // nboxes)
        groups = [items[i:i + per] for i in range(0, len(items), per)]
        rows = []
        if arrangement == "rail":
            # one 简讯 column beside a picture / advertisement block
            b = Box("brief", [Piece(a) for a in items], ncols=1 if rail_w < 130 else 2, title=titles[0])
            b.width = rail_w
            ad = Box("ad", [])
            ad.width = W - rail_w - st.box_gap
            rows.append([b, ad] if rail_left else [ad, b])
        elif arrangement == "side":
            n = len(groups)
            wsub = (W - st.box_gap * (n - 1)) / n
            row = []
            for g, t in zip(groups, titles):
                b = Box("brief", [Piece(a) for a in g], ncols=max(1, min(3, int(round(wsub / 85)))), title=t)
                b.width = wsub
                row.append(b)
            rows.append(row)
        else:
            for g, t, nc in zip(groups, titles, ncs):
                b = Box("brief", [Piece(a) for a in g], ncols=nc, title=t)
                b.width = W
                rows.append([b])
        used = 0.0
        for row in rows:
            stagger(st, [b for b in row if b.kind != "ad"], rng)
            used += max(box_height(st, b, b.width) for b in row) + st.row_gap
        if used <= H or len(items) <= 1:
            break
        a = items.pop()
        on_page.discard(a.id)
        pool.give_back(a)
        nboxes = min(nboxes, len(items))
    for row in rows:
        for b in row:
            for pc in b.pieces:
                pool.commit(pc.art, "brief/%d" % b.ncols)
    pg.rows = rows
    return len(items), used


def split_article(art, rng):
    """Split printed blocks into (head, tail, mid) for a continuation."""
    blocks = art.printed_blocks()
    pidx = [i for i, (t, x, _) in enumerate(blocks) if t == "p"]
    if len(blocks) < 3 or art.nchars < 300:
        return None
    if rng.random() < 0.5:
        # mid-paragraph, after a comma or full stop
        cands = [i for i in pidx if 0 < i < len(blocks) - 1 or (i == 0 and len(blocks[i][1]) > 120)]
        rng.shuffle(cands)
        for i in cands:
            t, x, pre = blocks[i]
            before = sum(len(b[1]) for b in blocks[:i])
            pos = [m.end() for m in re.finditer("[，。；、]", x) if 0.3 * len(x) < m.end() < 0.75 * len(x)
                   and 0.35 * art.nchars < before + m.end() < 0.7 * art.nchars]
            if pos:
                c = rng.choice(pos)
                head = blocks[:i] + [(t, x[:c], pre)]
                tail = [(t, x[c:], "")] + blocks[i + 1:]
                return head, tail, True
    ks = [k for k in range(1, len(blocks))
          if 0.35 * art.nchars <= sum(len(b[1]) for b in blocks[:k]) <= 0.7 * art.nchars]
    k = rng.choice(ks) if ks else len(blocks) // 2
    if blocks[k - 1][0] == "subhead":
        k -= 1
    k = max(1, min(k, len(blocks) - 1))
    return blocks[:k], blocks[k:], False


def compose_edition(ed, pool, rng, two_page, page_no, quota):
    """Fill the pages of one edition.  Returns the number of placements."""
    kind = ed.kind
    lo, hi = PER_PAGE[kind]
    numbers = [page_no]
    cont = None
    if two_page:
        numbers.append(page_no + rng.choice([1, 1, 2, 3, 4]))
        cands = [a for a in pool.fresh if len(a.blocks) >= 3 and a.nchars >= 300]
        if not cands and pool.second_ok:
            cands = [a for a in pool.arts if pool.uses[a.id] == 1 and len(a.blocks) >= 3]
        if cands:
            cands.sort(key=lambda a: (-a.nchars, a.id))
            cont = cands[0] if rng.random() < 0.6 else rng.choice(cands[:5])
            if cont in pool.fresh:
                pool.fresh.remove(cont)
                quota -= 1
        if cont is None:
            numbers = numbers[:1]
    names = SECTION_NAMES[kind]
    for n in numbers:
        pg = PageSpec()
        pg.number = n
        pg.name = rng.choice(names)
        pg.label, pg.name_printed = page_label(rng, pg.number, pg.name)
        pg.masthead = pg.number == 1 and rng.random() < 0.75
        r = rng.random()
        ed_name = person(rng)
        if r < 0.3:
            pg.editor_top = rng.choice(["责编：", "责任编辑：", "本版责编："]) + ed_name
        elif r < 0.6:
            pg.editor_bottom = rng.choice(["责任编辑：%s  美术编辑：%s" % (ed_name, person(rng)),
                                           "本版编辑：%s  校对：%s" % (ed_name, person(rng)),
                                           "责编：%s" % ed_name])
        ed.pages.append(pg)
    ed.continued = cont
    if cont is not None:
        head, tail, mid = split_article(cont, rng)
        ed.cont_parts = (head, tail, mid)
    total = 0
    for i, pg in enumerate(ed.pages):
        pages_left = len(ed.pages) - i
        pool.quota = max(0, -(-quota // pages_left))
        want = max(pool.quota, rng.randint(lo, min(hi, lo + 2)))
        if not pool.second_ok:
            want = max(1, min(want, pool.quota + (1 if cont is not None else 0)))
        on_page = set()
        W = ed.content_w
        H = ed.avail_h(pg)
        first_box = None
        if cont is not None:
            head, tail, mid = ed.cont_parts
            if i == 0:
                pc = Piece(cont, "head", head, zhuan_marker(rng, ed.pages[1].number), rng.random() < 0.5)
            else:
                pc = Piece(cont, "tail", tail, jie_marker(rng, ed.pages[0].number), rng.random() < 0.4, mid)
            st = ed.st
            inner = W - 2 * st.box_pad
            ncols = max(2, min(4, int(round(inner / st.target_col))))
            part_units = sum(units(pre + t) + 2 for _, t, pre in (head if i == 0 else tail))
            while ncols > 1 and part_units / max(4, int(((inner - (ncols - 1) * 6) / ncols) / st.char_mm)) / ncols < MIN_COL_LINES:
                ncols -= 1
            first_box = Box("article", [pc], ncols=ncols, hmode="top",
                            halign=rng.choice(["left", "center"]), lead=(i == 0))
            gap = st.body_pt * PT * st.gap_em
            colw = (inner - gap * (ncols - 1)) / ncols
            if colw > MAX_COL_MM:
                first_box.side_photo_w = round(inner - ncols * MAX_COL_MM * 0.9 - gap * (ncols - 1) - st.side_gap, 1)
            on_page.add(cont.id)
            want = max(1, want)
        before = pool.quota
        if kind == "brief":
            c, used = brief_page(ed, pg, pool, rng, want, on_page)
        else:
            use_rail = kind in ("news", "commentary", "photo", "feature") and rng.random() < 0.35 \
                and first_box is None and want >= 3
            if use_rail:
                rw = round(W * rng.uniform(0.22, 0.3), 1)
                side = rng.choice(["left", "right"])
                nrail = rng.randint(1, 3 if kind != "feature" else 2)
                rail_rows, c1, u1 = fill_area(ed, pg, pool, rw, H, rng, min(nrail, want - 1), on_page, narrow=True)
                rail_boxes = [b for row in rail_rows for b in row]
                mw = W - rw - ed.st.box_gap
                off = lead_height(ed.st, rail_boxes[0]) + ed.st.line_mm * 1.2 if rail_boxes and side == "left" else 0.0
                rows, c2, u2 = fill_area(ed, pg, pool, mw, H, rng, max(1, want - c1), on_page, first_offset=off)
                if rail_boxes and rows and side == "right":
                    stagger(ed.st, rows[0] + [rail_boxes[0]], rng)
                    for b in rows[0]:
                        box_height(ed.st, b, b.width)
                    u1 += rail_boxes[0].extra_top
                if rail_boxes and rows:
                    pg.rail = (side, rw, rail_boxes)
                    pg.rows = rows
                    used = max(u1, u2)
                else:
                    pg.rows = rail_rows + rows  # (narrow rows only if main is empty)
                    for row in pg.rows:
                        for b in row:
                            box_height(ed.st, b, W)
                    used = u1 + u2
                c = c1 + c2
            else:
                rows, c, used = fill_area(ed, pg, pool, W, H, rng, want, on_page, first_box=first_box)
                pg.rows = rows
        quota -= max(0, before - pool.quota)
        pg.est_used = used
        if H - used > 45 and rng.random() < 0.85:
            pg.filler = rng.choice([1, 1, 2])
        total += c
    return total


# ---------------------------------------------------------------- printing


CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-pdf-header-footer"]


def print_pdf(html_path, pdf_path, chromium):
    udd = tempfile.mkdtemp(prefix="kanbao-chrome-")
    try:
        if os.path.exists(pdf_path):
            os.unlink(pdf_path)
        cmd = [chromium] + CHROME_FLAGS + ["--user-data-dir=" + udd, "--print-to-pdf=" + pdf_path,
                                           "file://" + os.path.abspath(html_path)]
        for _ in range(2):
            try:
                subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
            except subprocess.TimeoutExpired:
                pass
            if os.path.exists(pdf_path) and os.path.getsize(pdf_path) > 0:
                break
    finally:
        shutil.rmtree(udd, ignore_errors=True)
    if not os.path.exists(pdf_path):
        raise RuntimeError("chromium produced no PDF for " + html_path)
    txt_path = pdf_path[:-4] + ".txt"
    subprocess.run(["pdftotext", "-enc", "UTF-8", pdf_path, txt_path], check=True)
    with open(txt_path, encoding="utf-8") as f:
        return f.read()


def pdf_pages(txt):
    return txt.count("\f")


def render_and_extract(ed, out_dir, chromium, tag):
    html_path = os.path.join(out_dir, tag + ".html")
    pdf_path = os.path.join(out_dir, tag + ".pdf")
    txt = ""
    for level in range(4):
        if level:
            ed.st.squeezed(level)
            if level == 3:
                for pg in ed.pages:  # last resort: drop the last row
                    if len(pg.rows) > 1:
                        pg.rows.pop()
            for pg in ed.pages:
                for row in pg.rows:
                    for b in row:
                        box_height(ed.st, b, b.width)
                if pg.rail:
                    for b in pg.rail[2]:
                        box_height(ed.st, b, b.width)
                pg.filler = 0
        with open(html_path, "w", encoding="utf-8") as f:
            f.write(ed.render())
        txt = print_pdf(html_path, pdf_path, chromium)
        if pdf_pages(txt) == len(ed.pages):
            return txt, level
    return txt, -1


# ---------------------------------------------------------------- checks


def printed_sequences(ed):
    """Per placed piece, in truth order: (article id, the text printed for
    it from headline to end of body, whitespace-free)."""
    out = []
    for pg in ed.pages:
        for b in pg.boxes_in_order():
            for pc in b.pieces:
                seq = ""
                if pc.show_head and b.hmode == "vert":
                    # pdftotext prints a vertical headline one character a
                    # line, in a scrambled order: only the body is checked
                    if pc.art.author:
                        out.append((pc.art.id, "author", nows(b.deco + pc.art.author)))
                elif pc.show_head:
                    lines, _ = pc.art.head_lines()
                    seq += "".join(nows(x) for x in lines)
                    if pc.art.author:
                        seq += nows((b.deco if b.kind != "brief" else "") + pc.art.author)
                seq += "".join(nows(pre + t) for _, t, pre in pc.blocks)
                out.append((pc.art.id, pc.part, seq))
    return out


def defects(truth, txt, ed):
    """Hard defects: an article whose printed text (headline lines, author
    line, body; each part of a continued article) does not come out of
    pdftotext contiguous and in order (whitespace ignored).  Also counts
    article order inversions against the truth's reading order."""
    flat = nows(txt)
    hard = []
    starts = []
    for aid, part, seq in printed_sequences(ed):
        if seq not in flat:
            n = 0
            step = 64
            while step:  # longest printed prefix that survives, for the report
                while n + step <= len(seq) and seq[:n + step] in flat:
                    n += step
                step //= 2
            hard.append((aid, part, "ok up to %d of %d: ...%s|%s..." % (n, len(seq), seq[max(0, n - 8):n], seq[n:n + 12])))
        if part not in ("tail", "author"):
            starts.append(flat.find(seq[:40]))
    inv = sum(1 for x, y in zip(starts, starts[1:]) if x >= 0 and y >= 0 and y < x)
    return hard, inv


def edition_placements(ed):
    out = []
    for pg in ed.pages:
        for b in pg.boxes_in_order():
            for pc in b.pieces:
                if pc.part == "tail":
                    continue
                out.append((pc.art, "continued" if pc.part == "head" else
                            ("brief/%d" % b.ncols if b.kind == "brief" else b.layout_name())))
    return out


# ---------------------------------------------------------------- main


TWO_PAGE = {"news": 3, "feature": 1, "theory": 1, "commentary": 1}
ATTEMPTS = 6
MAX_ATTEMPTS = 12


def build_group(half, kind, arts, seed, work, chromium, log):
    """Plan, print and check all editions of one kind in one half."""
    mine = [a for a in arts if a.half == half and a.kind == kind]
    results = []
    if not mine:
        return results
    rng = random.Random("%s:%s:%s" % (seed, half, kind))
    pool = Pool(mine, rng)
    lo, hi = PER_PAGE[kind]
    typ = (lo + hi) // 2
    n_target = max(MIN_PAGES, -(-len(mine) // typ))
    two_at = set(rng.sample(range(n_target), min(TWO_PAGE.get(kind, 0), n_target)))
    pool.second_ok = len(mine) < n_target * lo + 2 * len(two_at)
    idx = 0
    while idx < 4 * n_target:
        if idx >= n_target and not pool.fresh:
            break
        if idx >= n_target:
            pool.second_ok = True  # leftovers: top the page up with second uses
        snap = pool.snapshot()
        pages_left = max(1, n_target - idx)
        quota = -(-len(pool.fresh) // pages_left)
        best = None
        for attempt in range(MAX_ATTEMPTS):
            if attempt >= ATTEMPTS and best is not None and best[0][:2] == (False, 0):
                break  # extra attempts only for hard defects
            pool.restore(snap)
            erng = random.Random("%s:%s:%s:%d:%d" % (seed, half, kind, idx, attempt))
            ed = Edition(kind, half, idx + 1, erng)
            lo_p, hi_p = PAGE_RANGE[kind]
            page_no = 1 if (kind == "news" and erng.random() < 0.3) else erng.randint(lo_p, hi_p)
            n = compose_edition(ed, pool, erng, idx in two_at, page_no, quota)
            if n == 0:
                break
            tag = "%s-%s-%02d" % (half, kind, idx + 1)
            txt, level = render_and_extract(ed, work, chromium, tag + ".try%d" % attempt)
            tr = ed.truth()
            hard, inv = defects(tr, txt, ed)
            score = (level < 0, len(hard), inv)
            if best is None or score < best[0]:
                best = (score, ed, txt, level, hard, inv, attempt)
            if score == (False, 0, 0):
                break
        if best is None:
            break
        score, ed, txt, level, hard, inv, attempt = best
        pool.restore(snap)
        pool.apply(edition_placements(ed))
        tag = "%s-%s-%02d" % (half, kind, idx + 1)
        for ext in ("html", "pdf", "txt"):
            src = os.path.join(work, "%s.try%d.%s" % (tag, attempt, ext))
            if os.path.exists(src):
                os.replace(src, os.path.join(work, "%s.%s" % (tag, ext)))
        for f in glob.glob(os.path.join(work, tag + ".try*")):
            os.unlink(f)
        results.append((ed, txt, level, hard, inv, attempt))
        log("%s: %d page(s), %d articles, attempt %d, squeeze %d, defects %d, inversions %d"
            % (tag, len(ed.pages), len(edition_placements(ed)), attempt, level, len(hard), inv))
        idx += 1
    uses = dict(pool.uses)
    for r in results:
        r[0].uses = uses
    return results


def verify(out):
    """Check the written corpus without printing anything again."""
    files = sorted(glob.glob(os.path.join(out, "*", "*.json")))
    bad = 0
    nblocks = found = nvert = 0
    for jf in files:
        base = jf[:-5]
        with open(jf, encoding="utf-8") as f:
            tr = json.load(f)
        with open(base + ".txt", encoding="utf-8") as f:
            txt = f.read()
        with open(base + ".expected", encoding="utf-8") as f:
            exp = f.read()
        if exp != expected_text(tr):
            print("%s.expected does not match %s" % (base, jf))
            bad += 1
        if txt.count("\f") != tr.get("pages", 1):
            print("%s.txt: %d pages, expected %d" % (base, txt.count("\f"), tr.get("pages", 1)))
            bad += 1
        flat = nows(txt)
        for sec in tr["sections"]:
            for a in sec["articles"]:
                blocks = [list(b.values())[0] for b in a["body"]]
                heads = [nows(h) for h in a["headline"]]
                if a.get("layout", "").endswith("/vert"):
                    nvert += 1  # printed vertically: pdftotext scrambles it
                    heads = []
                for t in blocks + heads:
                    if re.search(r"\s", t):
                        print("%s: %s: whitespace in truth" % (base, a["id"]))
                        bad += 1
                    nblocks += 1
                    if t in flat:
                        found += 1
                    elif not a["continued"]:
                        print("%s: %s: not in the text: %s" % (base, a["id"], t[:30]))
                        bad += 1
    print("%d files; %d of %d headline lines and body blocks found verbatim (whitespace-free) "
          "in the pdftotext output (a continued article's split paragraph is not; %d vertical "
          "headlines not checked); %d problems" % (len(files), found, nblocks, nvert, bad))
    return 1 if bad else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", default=os.path.join(HERE, "articles"))
    ap.add_argument("--out", default=os.path.join(TOP, "tests", "data", "pages"))
    ap.add_argument("--work", default=os.path.join(HERE, "out"))
    ap.add_argument("--seed", default="1")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--chromium", default=os.environ.get("CHROMIUM", "chromium"))
    ap.add_argument("--only", help="only KIND or HALF/KIND (development; output is not replaced)")
    ap.add_argument("-q", "--quiet", action="store_true")
    ap.add_argument("--verify", action="store_true",
                    help="only check the files in --out (truth vs .txt vs .expected)")
    args = ap.parse_args()
    if args.verify:
        return verify(args.out)

    paths = sorted(glob.glob(os.path.join(args.articles, "*.jsonl")))
    arts, problems = load_articles(paths)
    for p in problems:
        print("skipped:", p, file=sys.stderr)
    print("articles: %d from %d files" % (len(arts), len(paths)))
    for half in HALVES:
        print("  %s: %s" % (half, " ".join("%s=%d" % (k, sum(1 for a in arts if a.half == half and a.kind == k))
                                          for k in KINDS)))
    groups = [(h, k) for h in HALVES for k in KINDS]
    if args.only:
        sel = args.only.split("/")
        groups = [(h, k) for h, k in groups if (len(sel) == 1 and k == sel[0]) or (len(sel) == 2 and (h, k) == tuple(sel))]
    os.makedirs(args.work, exist_ok=True)

    def log(msg):
        if not args.quiet:
            print(msg, flush=True)

    results = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as ex:
        futs = [ex.submit(build_group, h, k, arts, args.seed, args.work, args.chromium, log) for h, k in groups]
        for f in futs:
            results.extend(f.result())

    for half in HALVES:
        d = os.path.join(args.out, half)
        os.makedirs(d, exist_ok=True)
        if not args.only:
            for f in glob.glob(os.path.join(d, "*")):
                if re.search(r"/(%s)-\d+\.(txt|json|expected)$" % "|".join(KINDS), f):
                    os.unlink(f)
    summary = {}
    overflow = nhard = ninv = 0
    for ed, txt, level, hard, inv, attempt in results:
        base = os.path.join(args.out, ed.half, "%s-%02d" % (ed.kind, ed.index))
        tr = ed.truth()
        tr["source"] = "tools/corpus/typeset.py seed=%s edition=%s-%s-%02d" % (args.seed, ed.half, ed.kind, ed.index)
        tr["pages"] = len(ed.pages)
        with open(base + ".txt", "w", encoding="utf-8") as f:
            f.write(txt)
        with open(base + ".json", "w", encoding="utf-8") as f:
            json.dump(tr, f, ensure_ascii=False, indent=1)
            f.write("\n")
        with open(base + ".expected", "w", encoding="utf-8") as f:
            f.write(expected_text(tr))
        if level < 0:
            overflow += 1
            print("OVERFLOW: %s still has %d PDF pages" % (base, pdf_pages(txt)))
        for h in hard:
            print("defect in %s: %s" % (base, h))
        nhard += len(hard)
        ninv += inv
        s = summary.setdefault((ed.half, ed.kind), [0, 0, 0, set(), 0])
        s[0] += 1
        s[1] += len(ed.pages) == 2
        for sec in tr["sections"]:
            s[2] += len(sec["articles"])
            s[3].update(a["id"] for a in sec["articles"])
        s[4] = sum(1 for v in ed.uses.values() if v == 2)
    print("half   kind        files 2-page placements articles used-twice")
    for (half, kind), (n, two, pl, ids, twice) in sorted(summary.items()):
        print("%-6s %-11s %5d %6d %10d %8d %10d" % (half, kind, n, two, pl, len(ids), twice))
    print("total: %d files; %d defects (strings not contiguous in pdftotext output); "
          "%d article order inversions; %d overflows" % (len(results), nhard, ninv, overflow))
    return 1 if overflow else 0


if __name__ == "__main__":
    sys.exit(main())
