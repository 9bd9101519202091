/*
 * seg.c - the segmentation pipeline: rebuilds the articles of newspaper
 * pages from their lines in reading order, such as the text pdftotext
 * (default mode) gives for a Chinese page.  A front end (load_text.c)
 * cuts its text into pages and lines and feeds them in (seg.h).
 *
 * That text has lost everything but reading order: every typeset line of
 * every column is one line, blank lines stand at column breaks (even in the
 * middle of a word) as well as between paragraphs, the first-line indent of
 * a paragraph is gone, justification left spaces between characters, and
 * headlines may stand far from their article.  The loader rebuilds the
 * structure in a pipeline of linear passes over one page at a time (the
 * front end finds the pages, at form feeds in load_text.c; each becomes
 * a section):
 *
 *  1. Lines.  Each line is cleaned and normalised (control characters,
 *     ignorables and justification spaces dropped) only to measure it: its
 *     width in quarter cells (a Han character is 4, CJK punctuation 3,
 *     Latin letters and digits 2, plus the quarter-em gap typesetters put
 *     between Han and Latin), how it ends (sentence end, colon, other
 *     punctuation, nothing), whether it holds a stop inside, whether it
 *     starts like a dateline or is a page header.  Blank lines are not kept;
 *     the next line remembers that one stood before it.  A line is kept as
 *     an offset into the front end's text (seg_page_line), so memory
 *     stays near the file size.
 *     Continuation markers (（下转第三版）, （上接第一版）) are dropped
 *     here, for every later reader of the line: they send a reader of
 *     paper to another page and mean nothing on a screen; one that sends
 *     the text on ends the paragraph it cuts.
 *
 *  2. Column widths.  Columns differ in width even inside one article, so
 *     each line gets its own estimate: the upper median of the widths of
 *     the nearest lines before it and, separately, after it that do not end
 *     a sentence (those are mostly full), and the smaller of the two
 *     unless the line is too wide for it.  The smaller one is safe at a
 *     change of column width: a line is only called short when it is
 *     short on both sides.
 *
 *     Page furniture is dropped near the top and bottom of a page: the
 *     masthead strip (2021年12月24日 星期五, 郑州日报 第05版, ZHENGZHOU
 *     DAILY, A05 and the page name next to them, which with the page
 *     number names the section) and the editors' credits (责任编辑：…).
 *     A bracketed line right after a finished sentence closes the
 *     article before it (（记者 张三）, （王明）, （来源：人民网）) and is
 *     no dateline; an editor's (（编辑 王五）) is dropped.
 *
 *  3. Classified lines and blocks.  One scan decides for every line whether
 *     it is a page header, a dateline (an article starts), a display line
 *     (headline or subhead: no final punctuation, standing where a
 *     paragraph cannot continue) or a paragraph line, and where paragraphs
 *     end: a line that ends a sentence (or a colon) and is clearly shorter
 *     than its column, or that ends a sentence right before a blank line
 *     or a line about an indent shorter than its column (a paragraph
 *     ending exactly at the column edge), or that stands before a
 *     dateline.  A blank line after an unfinished sentence is a column
 *     break and joins.  A line right above the text cannot be that
 *     text's first line when it is much narrower or wider than the full
 *     line under it, or shorter than an indented first line under it:
 *     it is a title or subhead.  Consecutive display lines form units
 *     (split at blank lines); a unit interrupting a paragraph (a headline
 *     dropped into a column break) lets the paragraph continue after it.
 *     Between paragraphs, a photo caption (图为…, ▲…, up to its credit
 *     …摄 or （资料图片）, or a credit line alone) is a caption block.
 *     A list item (①) is a paragraph of its own; a short title ending in
 *     —— or a colon right over a dateline is a 简讯 item's headline.
 *
 *  4. Articles.  An article starts at each dateline (a table of patterns,
 *     dateline_patterns in seg_match.c) or at a byline line (本报记者 王译博,
 *     □ 张明远 over a commentary, 文/图 本报记者 张华); text
 *     before the first dateline is an article of its own, and a page
 *     without dateline is one article.  A headline inside an article
 *     starts an article without dateline (an essay, a notice) when the
 *     text after it shares almost nothing with the text before it, or
 *     when its own tokens are found after it and not before it while the
 *     two sides share little (segs_split_articles); a numbered subhead
 *     (（一）) never starts one.
 *
 *  5. Headline assignment.  Display units between articles are headline
 *     candidates; units inside an article's body are its subheads unless
 *     their content belongs clearly to another article.  Each unit is
 *     scored against the articles near it by idf-weighted overlap of Han
 *     bigrams (and Latin words) with the article's body, weighted towards
 *     the lead, plus a small bonus for the article right after it and a
 *     penalty that grows with distance.  Adjacent units with the same best
 *     article are merged into one headline group (a kicker and its main
 *     line, or a couplet); then groups and articles are matched greedily,
 *     best score first, each article getting at most one group.  A group
 *     that fits no article by content goes to the article right after it
 *     if that one is still without a headline; otherwise its text is kept
 *     as a paragraph of the article before it.  Scoring only looks a few
 *     articles either way, so the work per page stays linear.
 *
 *     The lines of a headline get roles from their lengths
 *     (segs_headline_roles: couplet, kicker + main, main + sub).
 *
 *  6. Output.  Paragraph lines are joined (no space next to CJK, one space
 *     between Latin words, hyphenated words rejoined), the dateline is
 *     matched and its byline parsed into roles and names: in brackets
 *     after it, or bare up to 报道 (本报讯 记者 王静 报道).  A closing
 *     bracketed line gives the byline (or, a source, the dateline) when
 *     the article has none.
 *
 * Steps 4 and 5 live in seg_score.c; the matchers that classify a line
 * on its own (normalisation, datelines, headers, furniture) in
 * seg_match.c.  All thresholds live in the table `tune` in seg_tune.h.
 */
#include "config.h"

#include "seg.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "edition.h"
#include "seg_match.h"
#include "seg_score.h"
#include "seg_tune.h"
#include "text.h"
#include "xalloc.h"

/*
 * Append code points to a buffer as UTF-8, encoded through a small
 * block on the stack: far cheaper than one buffer call per character on
 * the hundreds of megabytes a large file brings.
 */
static void
put_cps(struct buf *b, const uint32_t *v, size_t n)
{
	char out[1024];
	size_t i, k = 0;
	uint32_t c;

	for (i = 0; i < n; i++) {
		if (k > sizeof out - 4) {
			buf_append(b, out, k);
			k = 0;
		}
		c = v[i];
		if (c < 0x80)
			out[k++] = (char)c;
		else if (c < 0x800) {
			out[k++] = (char)(0xC0 | (c >> 6));
			out[k++] = (char)(0x80 | (c & 0x3F));
		} else if (c < 0x10000 && (c < 0xD800 || c > 0xDFFF)) {
			out[k++] = (char)(0xE0 | (c >> 12));
			out[k++] = (char)(0x80 | ((c >> 6) & 0x3F));
			out[k++] = (char)(0x80 | (c & 0x3F));
		} else {
			buf_append(b, out, k);
			k = 0;
			buf_put_cp(b, c);	/* astral or invalid */
		}
	}
	if (k > 0)
		buf_append(b, out, k);
}

/*
 * Append the next line's code points to a paragraph being joined, by the
 * joining rule (segm_join_rule).
 */
static void
join_cps(struct cpvec *acc, const uint32_t *v, size_t n)
{
	uint32_t l, l2, r;

	if (n == 0)
		return;
	if (acc->n > 0) {
		l = acc->v[acc->n - 1];
		l2 = acc->n > 1 ? acc->v[acc->n - 2] : 0;
		r = v[0];
		switch (segm_join_rule(l2, l, r)) {
		case SEGM_JOIN_UNHYPHEN:
			acc->n--;
			break;
		case SEGM_JOIN_SPACE:
			segm_cpvec_push(acc, ' ');
			break;
		case SEGM_JOIN_NONE:
			break;
		}
	}
	segm_cpvec_reserve(acc, n);
	memcpy(acc->v + acc->n, v, n * sizeof *v);
	acc->n += n;
}

/* ------------------------------------------------------------------ */
/* Pass 1: lines. */

/* Is c a quotation mark or title bracket (“ ” ‘ ’ 「 」 『 』 《 》)? */
static bool
is_quote_mark(uint32_t c)
{
	return c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 ||
	    (c >= 0x300A && c <= 0x300F);
}

/* Measure one normalised line and set its flags. */
static void
measure_line(struct line *ln, const uint32_t *v, size_t n, int dl)
{
	size_t i, k;
	unsigned w = 0;
	uint32_t c, last, core;
	uint16_t inner = 0;
	bool alnum, cjk, prev_alnum = false, prev_cjk = false;

	/* Where the line ends before its closing marks (k). */
	k = n;
	while (k > 0 && text_is_closing(v[k - 1]))
		k--;
	/*
	 * Each character is classified once, Han and ASCII inline; the
	 * stops and commas before v[k - 1] are noted on the way.
	 */
	for (i = 0; i < n; i++) {
		c = v[i];
		if (c >= 0x4E00 && c <= 0x9FFF) {
			w += CELL;
			alnum = false;
			cjk = true;
		} else if (c < 0x80) {
			/* ASCII is half a cell, never CJK (segm_cp_units). */
			w += CELL / 2;
			alnum = segm_is_alnum_fast(c);
			cjk = false;
		} else {
			w += (unsigned)segm_cp_units(c);
			alnum = text_is_alnum(c);
			cjk = segm_is_cjk(c);
			if (i + 1 < k) {
				if (segm_is_inner_stop(c))
					inner |= L_INNER_STOP;
				else if (c == 0xFF0C)
					inner |= L_INNER_COMMA;
			}
		}
		/* The quarter-em gap typesetters put between Han and Latin. */
		if ((prev_cjk && alnum) || (prev_alnum && cjk))
			w += CELL / 4;
		prev_alnum = alnum;
		prev_cjk = cjk;
	}
	ln->width = w > WIDTH_MAX ? WIDTH_MAX : (uint16_t)w;
	if (n == 0)
		return;
	last = v[n - 1];
	core = k > 0 ? v[k - 1] : 0;
	if (k > 0 && text_is_sentence_end(core) && core != '.')
		ln->flags |= L_END_STOP;
	else if (k > 0 && core == '.' && k > 1 && !segm_is_digit(v[k - 2]))
		ln->flags |= L_END_STOP;
	else if (k > 0 && segm_is_colon(core))
		ln->flags |= L_END_COLON;
	else if (segm_is_cont_punct(last))
		ln->flags |= L_END_CONT;
	ln->flags |= inner;
	/*
	 * Brackets, not quotes: “秦岭是一本读不完的书” may be a title, and
	 * so may （一）力量对比：“东升西降”, closed by a quote.
	 */
	if (n >= 2 && text_is_opening(v[0]) && text_is_closing(last) &&
	    !is_quote_mark(v[0]) && !is_quote_mark(last))
		ln->flags |= L_PAREN;
	ln->dl = (uint8_t)dl;
}

/*
 * Does the 摄 at v[k] close a photographer's credit: names (and a role)
 * since a sentence end, a bracket or a space (…观看。 潘国强摄,
 * （新华社记者 邵明哲摄）), or since the start of a short line (张三摄)?
 * Not a 摄 of running text (…纷纷拍摄 at a line's end), which has
 * a comma or a long run of text before it.
 */
static bool
credit_names(const uint32_t *v, size_t k)
{
	size_t i;
	uint32_t c;

	for (i = k; i-- > 0 && k - i <= (size_t)tune.credit_names;) {
		c = v[i];
		if (c == ' ' || c == 0xFF08 || c == '(' || c == 0x3002 ||
		    c == 0xFF01 || c == 0xFF1F || c == 0xFF09 || c == ')' ||
		    c == 0x201D)
			return true;
		if (!segm_is_cjk(c) && c != 0x3001 && c != 0x00B7)
			return false;
	}
	return k <= (size_t)tune.credit_names;
}

/*
 * Set the X_* flags that depend on how a normalised line starts and ends:
 * photo captions (图为…, ▲…, …摄, （资料图片）), list items (①), a final
 * semicolon, a title ending in —— or a colon.
 */
static uint8_t
shape_flags(const struct line *ln, const uint32_t *v, size_t n)
{
	/* UTF-32 literals: the compiler decodes them (see seg_match.c). */
	static const uint32_t tuwei[] = U"图为";
	static const uint32_t ziliao[] = U"资料图片";
	static const uint32_t gongtu[] = U"供图";
	static const uint32_t shefa[] = U"社发";
	static const uint32_t dash2[] = U"——";
	uint8_t xf = 0;
	size_t k;
	uint32_t c;

	if (n == 0)
		return 0;
	c = v[0];
	if (segm_cps_at(v, n, 0, tuwei, 2) || c == 0x25B2 || c == 0x25B3 ||
	    (n > 2 && v[1] == 0x56FE && (c == 0x4E0A || c == 0x4E0B ||
	    c == 0x5DE6 || c == 0x53F3) && (segm_is_colon(v[2]) ||
	    v[2] == 0x4E3A)))				/* 上下左右图：为 */
		xf |= X_CAPTION;
	if ((c >= 0x2460 && c <= 0x2487) || (c >= 0x2776 && c <= 0x277F))
		xf |= X_LIST;
	/* （一） 一、 1、 1. */
	k = c == 0xFF08 || c == '(' ? 1 : 0;
	while (k < n && k < 4 && (segm_is_cn_numeral(v[k]) ||
	    segm_is_digit(v[k])))
		k++;
	if (k > (c == 0xFF08 || c == '(' ? 1u : 0u) && k + 1 < n &&
	    ((c == 0xFF08 || c == '(') ? (v[k] == 0xFF09 || v[k] == ')') :
	    (v[k] == 0x3001 || v[k] == '.' || v[k] == 0xFF0E)))
		xf |= X_ENUM;
	k = n;
	while (k > 0 && text_is_closing(v[k - 1]))
		k--;
	if (k > 0 && ((v[k - 1] == 0x6444 && credit_names(v, k - 1)) ||
	    (k >= 4 && segm_cps_at(v, n, k - 4, ziliao, 4)) ||
	    (k >= 2 && segm_cps_at(v, n, k - 2, gongtu, 2)) ||
	    (k >= 2 && segm_cps_at(v, n, k - 2, shefa, 2))))
		xf |= X_CREDIT;
	c = v[n - 1];
	if (c == 0xFF1B || c == ';')
		xf |= X_SEMI;
	if ((segm_is_colon(c) ||
	    (n > 2 && segm_cps_at(v, n, n - 2, dash2, 2))) &&
	    n <= (size_t)tune.byline_line &&
	    (ln->flags & (L_INNER_STOP | L_INNER_COMMA)) == 0)
		xf |= X_TITLE_END;
	return xf;
}

/* Note a continuation marker naming page at line (see struct segcont). */
static void
add_cont(struct page *pg, size_t line, unsigned page, bool from)
{
	if (page == 0 || page > UINT16_MAX || pg->nconts == SEG_CONTS_MAX)
		return;
	if (pg->conts == NULL)
		pg->conts = xreallocarray(NULL, SEG_CONTS_MAX,
		    sizeof *pg->conts);
	pg->conts[pg->nconts].line = (uint32_t)line;
	pg->conts[pg->nconts].page = (uint16_t)page;
	pg->conts[pg->nconts].from = from;
	pg->nconts++;
}

/* The page a marker of kind from names at line, or 0. */
static unsigned
cont_at(const struct page *pg, size_t line, bool from)
{
	size_t k;

	for (k = 0; k < pg->nconts; k++)
		if (pg->conts[k].line == line && pg->conts[k].from == from)
			return pg->conts[k].page;
	return 0;
}

/* Make room for n more line records (see seg.h). */
void
seg_page_reserve(struct page *pg, size_t n)
{
	if (n <= pg->caplines - pg->nlines || n > SIZE_MAX / 2)
		return;
	pg->caplines = pg->nlines + n;
	pg->lines = xgrowarray(pg->lines, pg->nlines, pg->caplines,
	    sizeof *pg->lines);
}

/* Append a line record to the page. */
static struct line *
page_add_line(struct page *pg)
{
	if (pg->nlines == pg->caplines) {
		pg->caplines = pg->caplines == 0 ? 256 : pg->caplines * 2;
		pg->lines = xgrowarray(pg->lines, pg->nlines, pg->caplines,
		    sizeof *pg->lines);
	}
	memset(&pg->lines[pg->nlines], 0, sizeof pg->lines[0]);
	return &pg->lines[pg->nlines++];
}

/*
 * Line i, right before a line starting with 电, may be a dateline the
 * line break cut before its 电 (新华社哈尔滨3月5日): when it is one with
 * 电 added, it starts an article, and the next line runs on from it.
 * Rare, so the line is normalised again here, into vectors of its own.
 */
static void
mend_dateline(struct page *pg, size_t i)
{
	struct line *ln = &pg->lines[i];
	struct cpvec v = { NULL, 0, 0 }, tmp = { NULL, 0, 0 };
	int dl;

	if (ln->dl != 0 || ln->len > 64 || (ln->flags & (L_END_STOP |
	    L_END_COLON | L_END_CONT | L_INNER_STOP | L_INNER_COMMA)))
		return;
	segm_norm_line(pg->text + ln->off, ln->len, NORM_TEXT, &v, &tmp,
	    NULL);
	if (v.n > 0 && v.v[v.n - 1] == 0x65E5 /* 日 */) {
		segm_cpvec_reserve(&v, v.n + 1);
		v.v[v.n++] = 0x7535;
		if ((dl = segm_dateline_match(v.v, v.n, NULL)) != 0)
			ln->dl = (uint8_t)dl;
	}
	segm_cpvec_free(&v);
	segm_cpvec_free(&tmp);
}

/*
 * A continuation marker cut at the end of the line before (…前列，（下转
 * 第十 / 八版）): when t[0..len) starts with the rest of one, the marker
 * leaves the line before, which is measured again (its width kept: the
 * marker took room on the printed line).  Returns the marker (as
 * segm_norm_line_info() gives it; 0: none) and in *skip the bytes of t
 * it took.
 */
static int
mend_marker(struct page *pg, const char *t, size_t len, size_t *skip)
{
	struct line *pv;
	struct cpvec v = { NULL, 0, 0 }, tmp = { NULL, 0, 0 };
	const char *p;
	char buf[96];
	size_t close, clen, open, n;
	uint16_t width;
	uint32_t keep;
	unsigned spaces;
	bool simple;
	int m = 0;

	if (pg->nlines == 0 || pg->blank)
		return 0;
	/* The rest: …版） within a few characters. */
	for (close = 0; close < len && close < 24; close++)
		if (t[close] == ')' || (close + 3 <= len &&
		    memcmp(t + close, "）", 3) == 0))
			break;
	if (close >= len || close >= 24 || close < 3 ||
	    memcmp(t + close - 3, "版", 3) != 0)
		return 0;
	clen = t[close] == ')' ? 1 : 3;
	/* The start: the line's last opening bracket, near its end. */
	pv = &pg->lines[pg->nlines - 1];
	p = pg->text + pv->off;
	n = pv->len;
	while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	for (open = n; open > 0 && n - open < 30; open--)
		if (p[open - 1] == '(' || (open >= 3 &&
		    memcmp(p + open - 3, "（", 3) == 0))
			break;
	if (open == 0 || n - open >= 30)
		return 0;
	open -= p[open - 1] == '(' ? 1 : 3;
	if (open == 0 || n - open + close + clen > sizeof buf)
		return 0;
	memcpy(buf, p + open, n - open);
	memcpy(buf + n - open, t, close + clen);
	segm_norm_line_info(buf, n - open + close + clen, NORM_TEXT, &v, &tmp,
	    NULL, NULL, &m);
	if (v.n != 0)
		m = 0;
	segm_cpvec_free(&v);
	segm_cpvec_free(&tmp);
	if (m == 0)
		return 0;
	while (open > 0 && (p[open - 1] == ' ' || p[open - 1] == '\t'))
		open--;
	segm_norm_line_info(p, open, NORM_TEXT, &pg->cv, &pg->tmp, &simple,
	    &spaces, NULL);
	if (pg->cv.n == 0)
		return 0;
	pv->len = (uint32_t)open;
	width = pv->width;
	keep = pv->flags & L_BLANK_BEFORE;
	pv->flags = keep | (simple ? L_SIMPLE : 0);
	measure_line(pv, pg->cv.v, pg->cv.n,
	    segm_dateline_match(pg->cv.v, pg->cv.n, NULL));
	pv->xf = shape_flags(pv, pg->cv.v, pg->cv.n);
	pv->spread = (spaces & SEGM_SPACES_SPREAD) != 0;
	pv->width = width;
	*skip = close + clen;
	return m;
}

/*
 * Add the line text[off..off + len) to the page (see seg.h): normalise
 * it, measure it and note what its shape and its start say.  A blank
 * line is not kept: the next line remembers it.  A continuation marker
 * alone on a line keeps no line either, but a text sent on to another
 * page ends its paragraph there.
 */
void
seg_page_line(struct page *pg, size_t off, size_t len, uint32_t lineno)
{
	const char *t = pg->text + off;
	bool digits, simple;
	unsigned spaces;
	struct line *ln;
	size_t k;
	int marker, kind;
	unsigned mpage;
	size_t skip = 0;

	/* The rest of a marker the line before left open: as alone. */
	if ((marker = mend_marker(pg, t, len, &skip)) != 0) {
		kind = marker & SEGM_MARK_KIND;
		mpage = (unsigned)marker >> SEGM_MARK_SHIFT;
		pg->lines[pg->nlines - 1].xf |= X_END;
		if (kind == SEGM_MARK_ON)
			add_cont(pg, pg->nlines - 1, mpage, false);
		else if (kind == SEGM_MARK_FROM)
			pg->cont_next = mpage;
		t += skip;
		off += skip;
		len -= skip;
		for (k = 0; k < len && (t[k] == ' ' || t[k] == '\t'); k++)
			continue;
		if (k == len)
			return;
	}
	segm_norm_line_info(t, len, NORM_TEXT, &pg->cv, &pg->tmp, &simple,
	    &spaces, &marker);
	kind = marker & SEGM_MARK_KIND;
	mpage = (unsigned)marker >> SEGM_MARK_SHIFT;
	if (pg->cv.n == 0 && marker != 0) {
		/*
		 * A marker on a line of its own: no blank line (the layout
		 * goes on around it), but a text sent on to another page
		 * ends its paragraph here, and a text brought from one
		 * starts with the next line.
		 */
		if (pg->nlines > 0)
			pg->lines[pg->nlines - 1].xf |= X_END;
		if (kind == SEGM_MARK_ON && pg->nlines > 0)
			add_cont(pg, pg->nlines - 1, mpage, false);
		else if (kind == SEGM_MARK_FROM)
			pg->cont_next = mpage;
		return;
	}
	if (pg->cv.n == 0) {
		pg->blank = true;
		return;
	}
	ln = page_add_line(pg);
	ln->off = off;
	ln->len = len > UINT32_MAX ? UINT32_MAX : (uint32_t)len;
	ln->lineno = lineno;
	measure_line(ln, pg->cv.v, pg->cv.n,
	    segm_dateline_match(pg->cv.v, pg->cv.n, NULL));
	ln->xf = shape_flags(ln, pg->cv.v, pg->cv.n);
	/* 新华社哈尔滨3月5日 / 电（记者 曲洪波）…: a dateline cut at 电. */
	if (pg->cv.n > 0 && pg->cv.v[0] == 0x7535 /* 电 */ &&
	    pg->nlines >= 2 && !pg->blank)
		mend_dateline(pg, pg->nlines - 2);
	/*
	 * The marker took room on the printed line ((接第15版)从组庭到…
	 * is a full line): count its characters as three quarters each.
	 */
	if (marker != 0) {
		size_t ncp = 0;

		for (k = 0; k < len; k++)
			ncp += (t[k] & 0xC0) != 0x80 && t[k] != ' ' &&
			    t[k] != '\t';
		if (ncp > pg->cv.n &&
		    ln->width + (ncp - pg->cv.n) * 3 < WIDTH_MAX)
			ln->width += (uint16_t)((ncp - pg->cv.n) * 3);
	}
	/* 林知远：… opens an answer: a clause ends at its colon. */
	if (segm_speaker(pg->cv.v, pg->cv.n)) {
		ln->flags |= L_INNER_STOP;
		ln->speaker = 1;
	}
	if (kind == SEGM_MARK_ON) {
		ln->xf |= X_END;
		add_cont(pg, pg->nlines - 1, mpage, false);
	} else if (kind == SEGM_MARK_FROM)
		pg->cont_next = mpage;
	if (pg->cont_next != 0) {
		/* The text brought from another page starts here. */
		add_cont(pg, pg->nlines - 1, pg->cont_next, true);
		pg->cont_next = 0;
		pg->blank = true;
		if (pg->nlines > 1)
			pg->lines[pg->nlines - 2].xf |= X_END;
	}
	if (pg->blank)
		ln->flags |= L_BLANK_BEFORE;
	if (simple)
		ln->flags |= L_SIMPLE;
	ln->spread = (spaces & SEGM_SPACES_SPREAD) != 0;
	pg->blank = false;
	/* Headers (maybe after a date) are short lines. */
	if (pg->cv.n > (size_t)(tune.header_max + tune.date_max))
		return;
	/* Without inner spaces the modes agree: no redo. */
	if (spaces & SEGM_SPACES_IN)
		segm_norm_line(t, len, NORM_RAW, &pg->cv, &pg->tmp, NULL);
	if (segm_header_match(pg->cv.v, pg->cv.n))
		ln->flags |= L_HEADER_CAND;
	digits = pg->cv.n <= (size_t)tune.pageno_max;
	for (k = 0; k < pg->cv.n && digits; k++)
		digits = segm_is_digit(pg->cv.v[k]);
	if (digits)
		ln->flags |= L_PAGENO_CAND;
}

/* ------------------------------------------------------------------ */
/* Pass 2: column widths, headers, datelines. */

/* Normalised code points of line i of the page, into pg->cv. */
static void
line_cps(struct page *pg, size_t i, int mode)
{
	segm_norm_line(pg->text + pg->lines[i].off, pg->lines[i].len, mode,
	    &pg->cv, &pg->tmp, NULL);
}

/*
 * Lines first..last normalised (NORM_RAW) one after the other into
 * pg->cv, as one text: a note set over two lines.
 */
static void
lines_cps(struct page *pg, size_t first, size_t last)
{
	struct cpvec all = { NULL, 0, 0 };
	size_t i, k;

	for (i = first; i <= last; i++) {
		line_cps(pg, i, NORM_RAW);
		for (k = 0; k < pg->cv.n; k++)
			segm_cpvec_push(&all, pg->cv.v[k]);
	}
	pg->cv.n = 0;
	for (k = 0; k < all.n; k++)
		segm_cpvec_push(&pg->cv, all.v[k]);
	segm_cpvec_free(&all);
}


/* Is line i one Han character alone (a glyph of vertical text)? */
static bool
single_han(struct page *pg, size_t i)
{
	if (pg->lines[i].width != CELL)
		return false;
	line_cps(pg, i, NORM_TEXT);
	return pg->cv.n == 1 && pg->cv.v[0] >= 0x4E00 &&
	    pg->cv.v[0] <= 0x9FFF;
}

/*
 * A headline set vertically reaches pdftotext as one character per line:
 * a run of at least tune.vertical_min such lines with no blank between
 * becomes one line (its text runs over the line breaks, which the
 * normaliser drops).  Front-end hints follow their lines.
 */
static void
merge_vertical(struct page *pg)
{
	size_t i = 0, j, k, out = 0;
	struct line *ln;

	while (i < pg->nlines) {
		j = i;
		if (single_han(pg, i))
			for (j = i + 1; j < pg->nlines &&
			    (pg->lines[j].flags & L_BLANK_BEFORE) == 0 &&
			    single_han(pg, j); j++)
				continue;
		/* Markers move with their lines. */
		for (k = 0; k < pg->nconts; k++)
			if (pg->conts[k].line >= i && pg->conts[k].line <
			    (j - i >= (size_t)tune.vertical_min ? j : i + 1))
				pg->conts[k].line = (uint32_t)out;
		if (j - i < (size_t)tune.vertical_min) {
			if (out != i) {
				pg->lines[out] = pg->lines[i];
				if (pg->hints != NULL && i < pg->nhinted)
					pg->hints[out] = pg->hints[i];
			}
			out++;
			i++;
			continue;
		}
		ln = &pg->lines[out];
		*ln = pg->lines[i];
		if (pg->hints != NULL && i < pg->nhinted)
			pg->hints[out] = pg->hints[i];
		k = j - 1;
		ln->len = (uint32_t)(pg->lines[k].off + pg->lines[k].len -
		    ln->off);
		ln->flags &= L_BLANK_BEFORE;
		ln->xf = 0;
		line_cps(pg, out, NORM_TEXT);
		measure_line(ln, pg->cv.v, pg->cv.n, 0);
		ln->xf = shape_flags(ln, pg->cv.v, pg->cv.n);
		out++;
		i = j;
	}
	if (pg->nhinted > out)
		pg->nhinted = out;
	pg->nlines = out;
}

/* Is a line a width sample: not a paragraph end, header or noise? */
static bool
is_sample(const struct line *ln)
{
	return (ln->flags & (L_END_STOP | L_END_COLON | L_HEADER | L_DROP |
	    L_BYLINE)) == 0;
}

/* Upper median of up to tune.samples widths (sorted in place). */
static unsigned
upper_median(unsigned *w, int n)
{
	int i, j;
	unsigned x;

	for (i = 1; i < n; i++) {
		x = w[i];
		for (j = i; j > 0 && w[j - 1] < x; j--)
			w[j] = w[j - 1];
		w[j] = x;
	}
	return w[(n - 1) / 2];
}

/* Marks a side estimate made from too few samples to trust. */
#define WEAK_SIDE	0x10000u

/*
 * Combine the estimates before and after a line: the smaller of two
 * trusted ones (the larger if the line does not fit the smaller), else
 * the trusted one, else the larger of what there is, else the line's own
 * width.
 */
static unsigned
column_of(unsigned prev, unsigned next, unsigned own)
{
	unsigned p = prev & ~WEAK_SIDE, n = next & ~WEAK_SIDE;
	bool pw = (prev & WEAK_SIDE) != 0, nw = (next & WEAK_SIDE) != 0;

	if (p == 0 && n == 0)
		return own;
	/*
	 * Two trusted sides that disagree: the narrower column, unless the
	 * line is too wide for it (then it belongs to the wider one).
	 */
	if (!pw && !nw) {
		if (own > (p < n ? p : n) + (unsigned)tune.full_tol)
			return p > n ? p : n;
		return p < n ? p : n;
	}
	if (!pw)
		return p;
	if (!nw)
		return n;
	return p > n ? p : n;
}

/*
 * Does line i, an author's line under a headline (本报记者 于慧敏, or a
 * name alone), open an article?  Not a closing one after a finished
 * sentence or in brackets.
 */
static bool
opens_article(const struct page *pg, size_t i)
{
	const struct line *ln = &pg->lines[i];

	if ((ln->flags & L_BYLINE) == 0 && (ln->dl == 0 ||
	    segm_dateline_kind(ln->dl) != DL_LINE))
		return false;
	return (ln->flags & L_PAREN) == 0 && (i == 0 ||
	    (pg->lines[i - 1].flags & (L_END_STOP | L_END_COLON)) == 0);
}

/*
 * Estimate the column width of every line from the nearest width samples
 * before and after it (see the top of the file).  Two linear sweeps with a
 * small ring of the last samples.
 */
static void
estimate_columns(struct page *pg)
{
	unsigned ring[16], tmp[16], *prev;
	int nring = 0, pos = 0, k = tune.samples;
	size_t i;

	prev = xcalloc(pg->nlines + 1, sizeof *prev);
	for (i = 0; i < pg->nlines; i++) {
		memcpy(tmp, ring, sizeof ring);
		prev[i] = nring == 0 ? 0 : upper_median(tmp, nring);
		if (nring < tune.min_samples)
			prev[i] |= WEAK_SIDE;
		/*
		 * An author's line opens an article: the lines before it
		 * are another's, set to another measure maybe.
		 */
		if (opens_article(pg, i)) {
			nring = pos = 0;
			continue;
		}
		if (is_sample(&pg->lines[i])) {
			ring[pos] = pg->lines[i].width;
			pos = (pos + 1) % k;
			if (nring < k)
				nring++;
		}
	}
	nring = pos = 0;
	for (i = pg->nlines; i-- > 0;) {
		unsigned next, c;

		memcpy(tmp, ring, sizeof ring);
		next = nring == 0 ? 0 : upper_median(tmp, nring);
		if (nring < tune.min_samples)
			next |= WEAK_SIDE;
		c = column_of(prev[i], next, pg->lines[i].width);
		pg->lines[i].colw = (uint16_t)c;
		if (is_sample(&pg->lines[i])) {
			ring[pos] = pg->lines[i].width;
			pos = (pos + 1) % k;
			if (nring < k)
				nring++;
		}
	}
	free(prev);
}

/* How much shorter than its column a line is (negative: longer). */
static int
shortfall(const struct line *ln)
{
	return (int)ln->colw - (int)ln->width;
}

/*
 * Drop line i, near the top or bottom of the page, when it is masthead
 * or editor furniture (see editor_titles); remember the first masthead
 * line that carries the page number, for the section title.
 */
static void
mark_furniture(struct page *pg, size_t i)
{
	struct line *ln = &pg->lines[i];
	size_t mark = 0;

	/*
	 * A quick test before the line is normalised again: a line
	 * segm_masthead_match() can take has at most header_max + date_max
	 * code points, none wider than a cell and a quarter.
	 */
	if (ln->width > (tune.header_max + tune.date_max) * 2 * CELL)
		return;
	line_cps(pg, i, NORM_RAW);
	/* A strip may open with its editor (本版责编：… 第05版：…). */
	if (segm_masthead_match(pg->cv.v, pg->cv.n, &mark, NULL)) {
		ln->flags |= L_DROP;
		if (mark != 0 && pg->mast < 0)
			pg->mast = (long)i;
	} else if (segm_editor_match(pg->cv.v, pg->cv.n))
		ln->flags |= L_DROP;
}

/*
 * The page name printed alone by the masthead (郑州日报 第05版 /
 * 经开区新闻): a line of one short name, right next to a dropped
 * masthead line (no blank line between), on a page whose masthead gave
 * a page number but no name and that has no page header.  Names that
 * long are also headlines, hence all the conditions.
 */
static void
mark_page_name(struct page *pg)
{
	size_t i, mark = 0, name = 0, edge = (size_t)tune.header_lines;
	struct line *ln;
	bool near;

	if (pg->mast < 0 || pg->header >= 0)
		return;
	line_cps(pg, (size_t)pg->mast, NORM_RAW);
	segm_masthead_match(pg->cv.v, pg->cv.n, &mark, &name);
	if (name != 0)
		return;
	for (i = 0; i < edge && i < pg->nlines; i++) {
		ln = &pg->lines[i];
		if (ln->flags & (L_DROP | L_HEADER))
			continue;
		near = (i > 0 && (pg->lines[i - 1].flags & L_DROP) &&
		    (ln->flags & L_BLANK_BEFORE) == 0) ||
		    (i + 1 < pg->nlines && (pg->lines[i + 1].flags & L_DROP) &&
		    (pg->lines[i + 1].flags & L_BLANK_BEFORE) == 0);
		if (!near)
			continue;
		line_cps(pg, i, NORM_RAW);
		if (pg->cv.n > 0 && segm_page_name(pg->cv.v, pg->cv.n)) {
			ln->flags |= L_DROP;
			pg->mast_name = (long)i;
		}
		return;
	}
}

/*
 * Does a bracket opened on line i close at the end of line i + 1, with
 * no blank line between: a closing note set over two lines
 * (（作者为陕西省社会科 / 学院研究员）, （本报记者 甲乙、丙丁、戊 /
 * 己））?
 */
static bool
split_bracket(const struct page *pg, size_t i)
{
	const struct line *ln = &pg->lines[i], *nx = &pg->lines[i + 1];
	const char *t = pg->text + ln->off, *u = pg->text + nx->off;
	size_t n = ln->len, m = nx->len, k;

	if ((nx->flags & (L_BLANK_BEFORE | L_HEADER | L_DROP)) ||
	    (ln->flags & (L_END_STOP | L_INNER_STOP | L_PAREN)) ||
	    ln->dl != 0 || (ln->xf & X_CREDIT) ||
	    nx->width > ln->width)
		return false;
	while (n > 0 && (*t == ' ' || *t == '\t')) {
		t++;
		n--;
	}
	while (m > 0 && (u[m - 1] == ' ' || u[m - 1] == '\t'))
		m--;
	if (n < 3 || m < 3 || !(*t == '(' || memcmp(t, "（", 3) == 0) ||
	    !(u[m - 1] == ')' || memcmp(u + m - 3, "）", 3) == 0))
		return false;
	/* No bracket closes on the first line. */
	for (k = 0; k + 3 <= n; k++)
		if (t[k] == ')' || memcmp(t + k, "）", 3) == 0)
			return false;
	return true;
}

/*
 * Lines i and i + 1 hold one bracketed closing note: a byline or source
 * (segm_tail_match) becomes a two-line tail; an editor's line is
 * dropped; another note (作者为…) is a paragraph of its own.
 */
static void
mark_split_tail(struct page *pg, size_t i)
{
	size_t start, len;
	int kind;

	lines_cps(pg, i, i + 1);
	if (segm_tail_match(pg->cv.v, pg->cv.n, &kind, &start, &len)) {
		if (kind == 'e') {
			pg->lines[i].flags |= L_DROP;
			pg->lines[i + 1].flags |= L_DROP;
		} else {
			pg->lines[i].xf |= X_TAIL;
			pg->lines[i + 1].xf |= X_TAIL;
		}
	} else {
		pg->lines[i].flags |= L_PAREN;
		pg->lines[i + 1].flags |= L_PAREN;
		pg->lines[i + 1].xf |= X_END;
	}
	pg->lines[i].dl = pg->lines[i + 1].dl = 0;
}

/*
 * Find the bracketed lines that close an article (segm_tail_match): right
 * after a finished sentence, not a caption's credit.  An editor's line
 * is dropped; the others are X_TAIL and no dateline.
 */
static void
mark_tails(struct page *pg)
{
	size_t i, start, len;
	struct line *ln, *pv = NULL;
	int kind;

	for (i = 0; i < pg->nlines; i++) {
		ln = &pg->lines[i];
		if (ln->flags & (L_HEADER | L_DROP))
			continue;
		if ((ln->flags & L_PAREN) && (ln->xf & X_CREDIT) == 0 &&
		    pv != NULL && (pv->flags & L_END_STOP)) {
			line_cps(pg, i, NORM_RAW);
			if (segm_tail_match(pg->cv.v, pg->cv.n, &kind, &start,
			    &len)) {
				ln->dl = 0;
				if (kind == 'e')
					ln->flags |= L_DROP;
				else
					ln->xf |= X_TAIL;
			}
		} else if (pv != NULL && (pv->flags & L_END_STOP) &&
		    i + 1 < pg->nlines && split_bracket(pg, i)) {
			mark_split_tail(pg, i);
			i++;
			ln = &pg->lines[i];
		}
		pv = ln;
	}
}

static bool ends_in_function_word(const struct page *, size_t);

/*
 * An author's name printed alone right under a headline (唐立新 under
 * its title, over the text) is a byline line and starts the article,
 * like □ 张明远.  Only there: the line before it has no punctuation at
 * its end (a headline), no blank line stands between them, and the line
 * after it is wider (text, not a further headline line).
 */
static void
mark_names(struct page *pg)
{
	size_t i, k;
	struct line *ln, *pv, *nx;

	for (i = 1; i + 1 < pg->nlines; i++) {
		ln = &pg->lines[i];
		/* Over furniture (本版责编：…) to the headline. */
		for (k = i - 1; k > 0 &&
		    (pg->lines[k].flags & (L_HEADER | L_DROP)); k--)
			continue;
		pv = &pg->lines[k];
		nx = &pg->lines[i + 1];
		/* 沈立言 / 核心阅读 / text: the text decides. */
		if (nx->width <= (unsigned)(5 * CELL) && i + 2 < pg->nlines) {
			line_cps(pg, i + 1, NORM_TEXT);
			if (segm_box_label(pg->cv.v, pg->cv.n))
				nx = &pg->lines[i + 2];
		}
		/*
		 * The page's first text, alone between blanks over a
		 * vertical headline (孙红梅 / 积 / 极 / …): its author.
		 */
		if (k == 0 && (pv->flags & (L_HEADER | L_DROP)) &&
		    pg->nhinted == 0 && ln->dl == 0 &&
		    (ln->flags & L_BLANK_BEFORE) &&
		    (nx->flags & L_BLANK_BEFORE) &&
		    memchr(pg->text + nx->off, '\n', nx->len) != NULL &&
		    ln->width <= (unsigned)(tune.name_cells *
		    tune.names_max) * CELL) {
			line_cps(pg, i, NORM_RAW);
			if (segm_bare_names(pg->cv.v, pg->cv.n))
				ln->flags |= L_BYLINE;
			continue;
		}
		/* After a blank, only under a headline that left the
		   furniture between, or a vertical one (merge_vertical:
		   its text runs over line breaks), or alone between
		   blanks under a line without a clause (text extracted
		   in reading order sets blocks apart so). */
		if (ln->dl != 0 || ln->width > (unsigned)(tune.name_cells *
		    tune.names_max) * CELL ||
		    (ln->flags & (L_HEADER | L_DROP | L_END_STOP |
		    L_END_COLON | L_END_CONT | L_PAREN)) ||
		    ((ln->flags & L_BLANK_BEFORE) && k + 1 == i &&
		    memchr(pg->text + pv->off, '\n', pv->len) == NULL &&
		    !(pg->nhinted == 0 && (nx->flags & L_BLANK_BEFORE) &&
		    (pv->flags & (L_INNER_COMMA | L_INNER_STOP)) == 0)) ||
		    (pv->flags & (L_HEADER | L_DROP | L_END_STOP |
		    L_END_COLON | L_END_CONT | L_INNER_STOP)) ||
		    (nx->flags & (L_HEADER | L_DROP)) ||
		    nx->width <= ln->width + CELL)
			continue;
		/* 一、深刻认识…的 / 时代价值: the title goes on. */
		if ((pv->xf & X_ENUM) || ends_in_function_word(pg, k))
			continue;
		line_cps(pg, i, NORM_RAW);
		if (segm_bare_names(pg->cv.v, pg->cv.n))
			ln->flags |= L_BYLINE;
	}
}

/*
 * Does line i stand alone between blank lines (or the page's ends)?
 * Extraction sets the running furniture of a page there when it reads
 * it out of order: the paper's name from the footer, 责任编辑：… from
 * the column's foot, in the middle of the text.
 */
static bool
isolated(const struct page *pg, size_t i)
{
	return (i == 0 || (pg->lines[i].flags & L_BLANK_BEFORE)) &&
	    (i + 1 == pg->nlines ||
	    (pg->lines[i + 1].flags & L_BLANK_BEFORE));
}

/*
 * Decide headers, page numbers and datelines.  A header or page number
 * counts only near the top or bottom of the page.  A dateline pattern
 * counts only where a paragraph may start: not after a line that ends in
 * a comma, and a bracketed byline not right after a line that fills its
 * column without ending a sentence.  (A full line without final
 * punctuation may well be a headline, so a strong dateline after it
 * counts.)
 */
static void
mark_lines(struct page *pg)
{
	size_t i, n = pg->nlines, edge = (size_t)tune.header_lines;
	struct line *ln, *pv;
	bool near_edge;

	pg->header = pg->mast = pg->mast_name = -1;
	for (i = 0; i < n; i++) {
		ln = &pg->lines[i];
		near_edge = i < edge || i + edge >= n;
		if ((ln->flags & L_HEADER_CAND) && near_edge && !ln->dl) {
			ln->flags |= L_HEADER;
			if (pg->header < 0)
				pg->header = (long)i;
		} else if ((ln->flags & L_PAGENO_CAND) && near_edge && n > 1)
			ln->flags |= L_DROP;
		else if (n > 1 && !ln->dl && (near_edge || isolated(pg, i)))
			mark_furniture(pg, i);
		/* 简讯 over a column of briefs heads none of them. */
		if (ln->width <= 4 * CELL && !ln->dl &&
		    (ln->flags & (L_HEADER | L_DROP)) == 0) {
			line_cps(pg, i, NORM_TEXT);
			if (segm_column_label(pg->cv.v, pg->cv.n))
				ln->flags |= L_DROP;
		}
	}
	/*
	 * A masthead box runs on past the edge band (第20661期 今日12版 /
	 * CN 61-0020 … under the date): furniture goes on as long as the
	 * lines right after dropped furniture are furniture too.
	 */
	for (i = 1; i < n; i++) {
		ln = &pg->lines[i];
		if ((pg->lines[i - 1].flags & L_DROP) && !ln->dl &&
		    (ln->flags & (L_DROP | L_HEADER | L_BLANK_BEFORE)) == 0)
			mark_furniture(pg, i);
	}
	mark_page_name(pg);
	mark_tails(pg);
	mark_names(pg);
	estimate_columns(pg);
	for (i = 0; i < n; i++) {
		ln = &pg->lines[i];
		if (ln->dl == 0 || (ln->flags & (L_HEADER | L_DROP)))
			continue;
		/* 本报记者 孙立新 摄 is a photo credit, not a byline. */
		if (ln->xf & X_CREDIT) {
			ln->dl = 0;
			continue;
		}
		pv = NULL;
		if (i > 0)
			pv = &pg->lines[i - 1];
		/* 冬季供暖热线开通—— / 本报讯: a 简讯 title and its item. */
		if (pv != NULL && (pv->xf & X_TITLE_END) &&
		    segm_dateline_kind(ln->dl) == DL_TEXT) {
			ln->flags |= L_DATELINE;
			continue;
		}
		if (pv != NULL && (pv->flags & (L_HEADER | L_DROP)) == 0 &&
		    (pv->flags & (L_END_STOP | L_END_COLON)) == 0 &&
		    ((pv->flags & L_END_CONT) ||
		    (segm_dateline_kind(ln->dl) == DL_PAREN &&
		    (ln->flags & L_BLANK_BEFORE) == 0 &&
		    shortfall(pv) <= tune.full_tol &&
		    shortfall(pv) >= -tune.full_tol))) {
			ln->dl = 0;
			continue;
		}
		/*
		 * A bracket alone on a line after a finished sentence
		 * closes that text (（作者系…）) rather than opening one.
		 */
		if (pv != NULL && (ln->flags & L_PAREN) &&
		    (pv->flags & L_END_STOP) &&
		    segm_dateline_kind(ln->dl) == DL_PAREN) {
			ln->dl = 0;
			continue;
		}
		/* 新华社郑州11月30日电 / （记者 韩冰）: one dateline. */
		if (pv != NULL && (pv->flags & L_DATELINE) &&
		    segm_dateline_kind(ln->dl) == DL_PAREN) {
			ln->dl = 0;
			continue;
		}
		if (segm_dateline_kind(ln->dl) == DL_LINE)
			ln->flags |= L_BYLINE;
		else
			ln->flags |= L_DATELINE;
	}
}

/* ------------------------------------------------------------------ */
/* Pass 3: blocks. */

/* Append a block. */
static struct blk *
page_add_blk(struct page *pg, enum blk_kind kind, uint32_t first)
{
	struct blk *b;

	if (pg->nblks == pg->capblks) {
		pg->capblks = pg->capblks == 0 ? 64 : pg->capblks * 2;
		pg->blks = xgrowarray(pg->blks, pg->nblks, pg->capblks,
		    sizeof *pg->blks);
	}
	b = &pg->blks[pg->nblks++];
	memset(b, 0, sizeof *b);
	b->kind = (uint8_t)kind;
	b->first = b->last = first;
	b->group = -1;
	return b;
}

/*
 * The front end's hints for line i (SEG_HINT_*), or -1 when the page
 * has none (seg_page_line_hint).
 */
static int
line_hint(const struct page *pg, size_t i)
{
	return i < pg->nhinted ? pg->hints[i] : -1;
}

/* Does a line start an article (dateline or byline line)? */
static bool
starts_article(const struct line *ln)
{
	return (ln->flags & (L_DATELINE | L_BYLINE)) != 0;
}

/* Lines that may never be display lines, whatever their position. */
static bool
never_display(const struct line *ln)
{
	/*
	 * A line justification spread (1800 多 个 县) is text set full (to
	 * its indent), however narrow its characters.
	 */
	return (ln->flags & (L_END_STOP | L_END_COLON | L_END_CONT |
	    L_INNER_STOP | L_PAREN | L_DATELINE | L_BYLINE)) != 0 ||
	    (ln->xf & (X_LIST | X_TAIL)) != 0 || ln->spread;
}

/* The next line that is not a header or noise, or NULL. */
static const struct line *
next_line(const struct page *pg, size_t i)
{
	for (i++; i < pg->nlines; i++)
		if ((pg->lines[i].flags & (L_HEADER | L_DROP)) == 0)
			return &pg->lines[i];
	return NULL;
}

/*
 * May a line be a display line at all?  Not when it ends with punctuation
 * or holds a stop; not with a comma inside unless it is clearly short.
 */
static bool
display_eligible(const struct line *ln)
{
	if (never_display(ln))
		return false;
	if (ln->flags & L_INNER_COMMA)
		return shortfall(ln) - tune.indent >= tune.display_short;
	return true;
}

/*
 * Mark the lines from which display-eligible lines alone lead to an
 * article start or the end of the page (a headline group waiting for its
 * article, or left at the bottom).  One backward pass.
 */
static void
mark_chains(struct page *pg)
{
	size_t i;
	bool chain = true;	/* the end of the page */
	struct line *ln;

	for (i = pg->nlines; i-- > 0;) {
		ln = &pg->lines[i];
		if (ln->flags & (L_HEADER | L_DROP))
			continue;
		if (starts_article(ln)) {
			chain = true;
			continue;
		}
		chain = chain && display_eligible(ln);
		if (chain)
			ln->flags |= L_CHAIN;
	}
}

/* The raw bytes of line i without the spaces around them, in *t, *n. */
static void
line_trimmed(const struct page *pg, size_t i, const char **t, size_t *n)
{
	*t = pg->text + pg->lines[i].off;
	*n = pg->lines[i].len;
	while (*n > 0 && (**t == ' ' || **t == '\t')) {
		(*t)++;
		(*n)--;
	}
	while (*n > 0 && ((*t)[*n - 1] == ' ' || (*t)[*n - 1] == '\t'))
		(*n)--;
}

/* The last code point of line i, spaces aside (0 if none). */
static uint32_t
line_last(const struct page *pg, size_t i)
{
	const char *t;
	size_t n;

	line_trimmed(pg, i, &t, &n);
	return utf8_last(t, n);
}

/*
 * Does line i end with a word that cannot end a title: a preposition,
 * conjunction or the particle 的 (…试验区以 / “Cross-border…”)?  Such a
 * line runs on into the next; the widths alone can mislead there, as
 * Latin words set in a proportional font are wider or narrower than
 * their count of half cells says.
 */
static bool
ends_in_function_word(const struct page *pg, size_t i)
{
	/* A UTF-32 literal, ended by its 0. */
	static const uint32_t words[] = U"的以和与及把将从被向对于而并或";
	const char *t;
	size_t n, k;
	uint32_t c;

	line_trimmed(pg, i, &t, &n);
	if (n < 3)
		return false;
	c = utf8_last(t, n);
	for (k = 0; words[k] != 0; k++)
		if (words[k] == c)
			return true;
	return false;
}

/* Does line i start with a dash (——, the mark of a subtitle)? */
static bool
starts_with_dash(const struct page *pg, size_t i)
{
	const char *t;
	size_t n;

	line_trimmed(pg, i, &t, &n);
	return n >= 6 && memcmp(t, "——", 6) == 0;
}

/* Does line i open more quotations (“) than it closes (”)? */
static bool
open_quote(const struct page *pg, size_t i)
{
	return segm_open_quote(pg->text + pg->lines[i].off,
	    pg->lines[i].len);
}

/*
 * Is the line after line i the indented first line of a paragraph that
 * goes on (so line i is no paragraph's first line)?
 */
static bool
indented_next(const struct page *pg, size_t i)
{
	const struct line *nx = next_line(pg, i);

	return nx != NULL && (nx->flags & (L_BLANK_BEFORE | L_END_STOP |
	    L_END_COLON | L_DATELINE | L_BYLINE | L_HEADER | L_DROP)) == 0 &&
	    !nx->spread && (nx->xf & X_END) == 0 &&
	    shortfall(nx) >= tune.indent_min;
}

/* Does line i open an editor's note (编者按：…), a paragraph? */
static bool
editor_note(const struct page *pg, size_t i)
{
	const char *t;
	size_t n;

	line_trimmed(pg, i, &t, &n);
	return n > 10 && memcmp(t, "编者按", 9) == 0 && (t[9] == ':' ||
	    (n > 12 && memcmp(t + 9, "：", 3) == 0));
}

static bool in_brackets(const struct page *, size_t);

/*
 * Does line i start a note in brackets: on its line, or over two
 * (（作者为国家海洋战略研究中 / 心研究员）, see mark_split_tail)?
 */
static bool
note_start(const struct page *pg, size_t i)
{
	const struct line *nx;

	if (in_brackets(pg, i))
		return true;
	if (i + 1 >= pg->nlines)
		return false;
	nx = &pg->lines[i + 1];
	return (pg->lines[i].flags & L_PAREN) && (nx->flags & L_PAREN) &&
	    (nx->xf & X_END);
}

/*
 * Does a line stand out of its column a little: measured too wide (the
 * digits and Latin of 门国际海洋周11月6日开幕。来自40余个国家和 are
 * narrower in print than their half cells and gaps)?  Far wider, it says
 * rather that the column is wider than estimated.
 */
static bool
overflows(const struct line *ln)
{
	int over = -shortfall(ln);

	return over > tune.full_tol && over <= tune.wide_title;
}

/*
 * Is line i two runs of Han characters, four or more each, set apart by
 * one space (厦门国际海洋周开幕 四十余国代表参会)?  A headline's two
 * clauses are printed so; text does not space Han characters but to
 * spread a line, and names are shorter.
 */
static bool
han_gap(const struct page *pg, size_t i)
{
	const char *t;
	size_t n, k, run = 0, runs[2] = { 0, 0 }, nruns = 0, len;
	uint32_t c;
	bool gap = false;

	line_trimmed(pg, i, &t, &n);
	for (k = 0; k < n; k += len) {
		len = utf8_decode(t + k, n - k, &c);
		if (c == ' ' || c == 0x3000) {
			if (gap || run == 0)
				return false;
			gap = true;
			continue;
		}
		if (c < 0x4E00 || c > 0x9FFF)
			return false;
		if (gap && nruns == 0) {
			runs[nruns++] = run;
			run = 0;
		}
		run++;
	}
	if (!gap || nruns != 1)
		return false;
	runs[1] = run;
	return runs[0] >= 4 && runs[1] >= 4 && runs[0] + runs[1] >= 9;
}

/*
 * Is line i a headline set across columns: without any punctuation, far
 * wider than the column it stands in, and with a blank line or an
 * indented first line under it (《建水古城保护条例》5月1日起施行)?
 */
static bool
wide_title(const struct page *pg, size_t i)
{
	const struct line *ln = &pg->lines[i], *nx;

	if (!display_eligible(ln) || (ln->flags & L_INNER_COMMA) ||
	    ln->spread || (int)ln->width < (int)ln->colw + tune.wide_title)
		return false;
	nx = next_line(pg, i);
	return nx == NULL || (nx->flags & L_BLANK_BEFORE) ||
	    (shortfall(nx) >= tune.indent_min &&
	    (nx->flags & (L_END_STOP | L_END_COLON)) == 0);
}

/*
 * Is line i, at the start of a block, a display line?  Yes when it leads
 * to an article start through display lines, or is clearly shorter than a
 * paragraph's first line, or is too wide for an indented first line while
 * the next line starts something new (an indented line or a headline).
 */
static bool
display_at_start(const struct page *pg, size_t i)
{
	const struct line *ln = &pg->lines[i], *nx, *pv;

	/*
	 * A numbered title wrapped after its comma ((二)规则体系：治理赤字
	 * 凸显， / 改革需求上升): the line under it is short and ends without
	 * punctuation, which no paragraph's second line does.
	 */
	if ((ln->xf & X_ENUM) && (ln->flags & L_END_CONT) &&
	    (ln->flags & (L_END_STOP | L_END_COLON | L_INNER_STOP | L_PAREN |
	    L_DATELINE | L_BYLINE)) == 0 && line_last(pg, i) == 0xFF0C &&
	    (nx = next_line(pg, i)) != NULL &&
	    (nx->flags & (L_BLANK_BEFORE | L_INNER_COMMA)) == 0 &&
	    display_eligible(nx) && (nx->xf & X_END) == 0 &&
	    shortfall(nx) >= tune.indent + tune.display_short)
		return true;
	/*
	 * The rest of a title whose line above ends where a title cannot:
	 * at a comma or a function word (四、坚持基金安全与 / 长远可持续
	 * 相促进).
	 */
	pv = i > 0 ? &pg->lines[i - 1] : NULL;
	if (pv != NULL && (pv->flags & L_DISPLAY) &&
	    (ln->flags & L_BLANK_BEFORE) == 0 && display_eligible(ln) &&
	    ((pv->xf & X_ENUM) && ((pv->flags & L_END_CONT) ||
	    ends_in_function_word(pg, i - 1))))
		return true;
	/*
	 * A numbered line over the indented first line of a paragraph is
	 * its section's title, commas and all (二、着眼系统调节，建设…).
	 */
	if (!display_eligible(ln))
		return (ln->xf & X_ENUM) && !never_display(ln) &&
		    indented_next(pg, i);
	if (ln->flags & L_CHAIN)
		return true;
	if (editor_note(pg, i))
		return false;
	/* A headline across columns, and the line right over it. */
	if (wide_title(pg, i) || han_gap(pg, i))
		return true;
	if ((nx = next_line(pg, i)) != NULL && (ln->flags &
	    L_INNER_COMMA) == 0 && wide_title(pg, (size_t)(nx - pg->lines)))
		return true;
	/*
	 * A numbered line without any punctuation ((二)构建…政策体系) is a
	 * subhead, however close it comes to the column's width: a numbered
	 * paragraph has a clause in its first line.
	 */
	if ((ln->xf & X_ENUM) && (ln->flags & L_INNER_COMMA) == 0)
		return true;
	/*
	 * A clause cut at the line's end (…，还体现在治理过程的 / “精”。
	 * …, 简单的“保基 / 本”，…: a quotation mark may not end a line,
	 * so the line before it stops short) is text, however short.
	 */
	if (((ln->flags & L_INNER_COMMA) && ends_in_function_word(pg, i)) ||
	    line_last(pg, i) == 0x7684 /* 的 */ ||
	    (open_quote(pg, i) && (nx = next_line(pg, i)) != NULL &&
	    !display_eligible(nx)))
		return false;
	if (shortfall(ln) - tune.indent >= tune.display_short)
		return true;
	/*
	 * A photo story ends at its photographer's credit (…增多。 符晓
	 *岚摄): a line standing alone after it is the next one's title.
	 */
	if (i > 0 && (pg->lines[i - 1].xf & X_CREDIT) &&
	    (nx = next_line(pg, i)) != NULL && (nx->flags & L_BLANK_BEFORE))
		return true;
	/* A subtitle (——…) under a headline line, however wide. */
	if (i > 0 && (pg->lines[i - 1].flags & L_DISPLAY) &&
	    (ln->flags & L_BLANK_BEFORE) == 0 && starts_with_dash(pg, i))
		return true;
	nx = next_line(pg, i);
	if (nx == NULL || ends_in_function_word(pg, i))
		return false;
	/*
	 * Over a subtitle (——“一单到底”打通…), however wide: a headline
	 * as wide as its column.
	 */
	if ((nx->flags & (L_BLANK_BEFORE | L_HEADER | L_DROP)) == 0 &&
	    (ln->flags & L_INNER_COMMA) == 0 && display_eligible(nx) &&
	    starts_with_dash(pg, (size_t)(nx - pg->lines)))
		return true;
	/*
	 * The first line of a paragraph that goes on is full but for the
	 * indent, and the next line, when it does not end the paragraph, is
	 * full too: in one column the two differ by the indent.  A line
	 * much shorter than that (a title over a wider text) or wider than
	 * the full line under it (a title over a narrower column) is not
	 * the first line of the text under it.
	 */
	if ((nx->flags & (L_BLANK_BEFORE | L_END_STOP | L_END_COLON |
	    L_DATELINE | L_BYLINE | L_HEADER | L_DROP)) == 0 &&
	    ((nx->width >= ln->width + tune.indent + tune.first_gap &&
	    !overflows(nx)) ||
	    (ln->width >= nx->width + tune.first_over &&
	    (nx->xf & X_END) == 0)))
		return true;
	/*
	 * A line followed by the indented first line of a paragraph is no
	 * paragraph's first line itself; when it is shorter still than that
	 * indented line, it is a subhead over it (手机就能“管”大田).
	 */
	if ((nx->flags & (L_BLANK_BEFORE | L_END_STOP | L_END_COLON |
	    L_DATELINE | L_BYLINE | L_HEADER | L_DROP)) == 0 &&
	    shortfall(nx) >= tune.indent_min &&
	    shortfall(ln) >= shortfall(nx) + tune.sub_gap)
		return true;
	/* A line the text leaves for another page is short: no sign. */
	if (nx->xf & X_END)
		return false;
	if (shortfall(ln) < tune.indent_min)
		return (nx->flags & (L_END_STOP | L_END_COLON)) == 0 &&
		    shortfall(nx) >= tune.indent_min;
	/*
	 * Short by an indent itself, without a comma, over the indented
	 * first line of a paragraph: no paragraph's first line (it would
	 * have a full line under it) but a title (基础设施“补短板” over
	 * 改造中，太原市优先).
	 */
	return (ln->flags & L_INNER_COMMA) == 0 && indented_next(pg, i);
}

/*
 * Is line i, met while a paragraph is open, a display line dropped into
 * it: blank lines (or an article start) around it, clearly short, and the
 * paragraph open mid-sentence.
 */
static bool
display_inside(const struct page *pg, size_t i)
{
	const struct line *ln = &pg->lines[i], *nx, *pv;

	if (never_display(ln) || i == 0)
		return false;
	pv = &pg->lines[i - 1];
	/* A subtitle (——访作家…) under a headline line dropped so. */
	if ((ln->flags & L_BLANK_BEFORE) == 0)
		return (pv->flags & L_DISPLAY) && starts_with_dash(pg, i);
	if (pv->flags & (L_END_STOP | L_END_COLON))
		return false;
	nx = next_line(pg, i);
	/* A title over its subtitle, however wide. */
	if (nx != NULL && (nx->flags & (L_BLANK_BEFORE | L_HEADER |
	    L_DROP)) == 0 && (ln->flags & L_INNER_COMMA) == 0 &&
	    !never_display(nx) && starts_with_dash(pg, (size_t)(nx -
	    pg->lines)))
		return true;
	if (shortfall(ln) - tune.indent < tune.isolated_short)
		return false;
	return nx == NULL || (nx->flags & L_BLANK_BEFORE) ||
	    starts_article(nx);
}

/* Is line i wholly in round brackets (not quotes)? */
static bool
in_brackets(const struct page *pg, size_t i)
{
	const char *t = pg->text + pg->lines[i].off;
	size_t n = pg->lines[i].len, k = 0;

	while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '\t'))
		n--;
	while (k < n && (t[k] == ' ' || t[k] == '\t'))
		k++;
	return n - k >= 4 && (t[k] == '(' || memcmp(t + k, "（", 3) == 0) &&
	    (t[n - 1] == ')' || memcmp(t + n - 3, "）", 3) == 0);
}

/*
 * Does line i (first: the first line of its paragraph; list: the
 * paragraph is a list item, ①) end it?
 */
/*
 * Does line i count off a point: 第二，…?  (Up to ten; 一、 and （二）
 * are section numbers, X_ENUM.)
 */
static bool
starts_ordinal(const struct page *pg, size_t i)
{
	const char *t;
	size_t n;

	line_trimmed(pg, i, &t, &n);
	/* 第 and ， around one numeral, each three bytes. */
	return n >= 9 && memcmp(t, "第", 3) == 0 &&
	    segm_is_cn_numeral(utf8_first(t + 3, 3)) &&
	    utf8_first(t + 3, 3) != 0x3007 && memcmp(t + 6, "，", 3) == 0;
}

/* Is ln a photographer's credit alone: short, no sentence in it? */
static bool
lone_credit(const struct line *ln)
{
	return (ln->xf & X_CREDIT) &&
	    ln->width <= (unsigned)tune.byline_line * CELL &&
	    shortfall(ln) >= tune.indent &&
	    (ln->flags & (L_INNER_STOP | L_INNER_COMMA)) == 0;
}

/* Does line i end with a closing bracket (spaces aside)? */
static bool
line_ends_bracket(const struct page *pg, size_t i)
{
	const char *t = pg->text + pg->lines[i].off;
	size_t n = pg->lines[i].len;

	while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '\t'))
		n--;
	return (n >= 1 && t[n - 1] == ')') ||
	    (n >= 3 && memcmp(t + n - 3, "）", 3) == 0);
}

static bool
ends_paragraph(const struct page *pg, size_t i, bool first, bool list)
{
	const struct line *ln = &pg->lines[i], *nx;
	int d;

	nx = next_line(pg, i);
	if (nx == NULL || starts_article(nx) || (ln->xf & X_END) ||
	    (nx->xf & X_TAIL))
		return true;
	/* A front end that sees the page knows where paragraphs start. */
	if (line_hint(pg, i) >= 0)
		return (line_hint(pg, (size_t)(nx - pg->lines)) &
		    (SEG_HINT_PARA_START | SEG_HINT_REGION_START |
		    SEG_HINT_DISPLAY)) != 0;
	/*
	 * A photographer's credit (…观看。 潘国强摄, …控制。（新华社记者
	 * 张宇航摄）) ends a caption: after a finished sentence or in
	 * brackets, or on a line without a clause running into it.
	 */
	if ((ln->xf & X_CREDIT) && ((ln->flags & (L_INNER_COMMA |
	    L_INNER_STOP)) != L_INNER_COMMA || (ln->flags & L_PAREN) ||
	    line_ends_bracket(pg, i)))
		return true;
	/*
	 * A photographer's credit on a line of its own (吴光亮摄) closes
	 * the caption it stands under; a caption (图为…) after a finished
	 * sentence starts a paragraph of its own.
	 */
	if ((ln->flags & L_END_STOP) && (nx->flags & L_BLANK_BEFORE) == 0 &&
	    lone_credit(nx))
		return false;
	if ((ln->flags & L_END_STOP) && (nx->xf & X_CAPTION))
		return true;
	/*
	 * In an interview, each turn (记者：…) is a paragraph; so is a
	 * note in brackets after the text (（作者为…研究员）), not a
	 * credit (（新华社记者 李冰洁摄）).
	 */
	if ((ln->flags & L_END_STOP) && (nx->speaker ||
	    ((nx->flags & L_PAREN) && (nx->xf & X_CREDIT) == 0 &&
	    note_start(pg, (size_t)(nx - pg->lines)))))
		return true;
	/*
	 * A point whose lead sentence stands alone on its line (第二，建设
	 * 城市运行“一网统管”。) starts a paragraph; points run on in one
	 * paragraph as often as not otherwise.
	 */
	if ((ln->flags & L_END_STOP) && (nx->flags & L_END_STOP) &&
	    shortfall(nx) >= tune.short_end &&
	    starts_ordinal(pg, (size_t)(nx - pg->lines)))
		return true;
	/*
	 * A list item (①) or a section number (四、, （二）) after a
	 * finished clause starts a paragraph or a subhead.
	 */
	if ((nx->xf & (X_LIST | X_ENUM)) &&
	    ((ln->flags & (L_END_STOP | L_END_COLON)) || (ln->xf & X_SEMI)))
		return true;
	/*
	 * A note in brackets on a line of its own: （作者系…）.  Brackets,
	 * not quotes: a line of quoted speech goes on.
	 */
	if (first && (ln->flags & L_PAREN) && in_brackets(pg, i))
		return true;
	/*
	 * A list item is one clause: it ends at its stop or semicolon,
	 * whatever the width (items are short, the indent rule fails).
	 */
	if (list && ((ln->flags & L_END_STOP) || (ln->xf & X_SEMI)))
		return true;
	if ((ln->flags & (L_END_STOP | L_END_COLON)) == 0)
		return false;
	/*
	 * A point's lead sentence, set bold on a line of its own, runs on
	 * into the full line under it (第二，建设城市运行“一网统管”。).
	 */
	if (first && starts_ordinal(pg, i) &&
	    (nx->flags & (L_BLANK_BEFORE | L_END_STOP | L_END_COLON)) == 0 &&
	    shortfall(nx) < tune.indent_min)
		return false;
	d = shortfall(ln) - (first ? tune.indent : 0);
	/* Justification spread it: set full, whatever its width says. */
	if (d >= tune.short_end && !ln->spread)
		return true;
	/*
	 * At the column edge.  A blank line after a finished sentence is
	 * far more often a paragraph break than a column break that happens
	 * to fall there (first lines can be as wide as full ones when their
	 * punctuation is squeezed, so the width cannot tell).  Without a
	 * blank line, the next line must be indented (or a headline).
	 */
	if (nx->flags & L_BLANK_BEFORE)
		return true;
	if (nx->flags & (L_END_STOP | L_END_COLON))
		return false;
	return shortfall(nx) >= tune.indent_min;
}

/*
 * The last line of a photo caption starting at line i, or -1 when it is
 * none.  A caption starts like one (图为, ▲: X_CAPTION) or is a credit
 * line alone (本报记者 张三 摄), and ends at its credit (…摄,
 * （资料图片）) or at a finished sentence, taking a credit line right
 * after it; within tune.caption_lines lines, without a blank line.
 */
static long
caption_end(const struct page *pg, size_t i)
{
	const struct line *ln = &pg->lines[i], *nx;
	size_t j;

	if ((ln->xf & X_CAPTION) == 0)
		return lone_credit(ln) ? (long)i : -1;
	for (j = i; j < pg->nlines && j < i + (size_t)tune.caption_lines;
	    j++) {
		ln = &pg->lines[j];
		if (j > i && (ln->flags & (L_BLANK_BEFORE | L_HEADER | L_DROP |
		    L_DATELINE | L_BYLINE)))
			return -1;
		if (ln->xf & X_CREDIT)
			return (long)j;
		if (ln->flags & L_END_STOP) {
			nx = j + 1 < pg->nlines ? &pg->lines[j + 1] : NULL;
			if (nx != NULL && (nx->xf & X_CREDIT) &&
			    (nx->flags & L_BLANK_BEFORE) == 0 &&
			    nx->width <= (unsigned)tune.byline_line * CELL)
				return (long)j + 1;
			return (long)j;
		}
	}
	return -1;
}

/*
 * Cut the page's lines into blocks: paragraphs, display units and byline
 * lines (see the top of the file).
 */
static void
make_blocks(struct page *pg)
{
	struct blk *para = NULL, *unit = NULL;
	bool first = true, para_first = false;
	const struct line *nx;
	struct line *ln;
	size_t i;
	long cap;
	int h;

	pg->nblks = 0;
	mark_chains(pg);
	for (i = 0; i < pg->nlines; i++) {
		ln = &pg->lines[i];
		if (ln->flags & (L_HEADER | L_DROP))
			continue;
		/* A new article region (PDF): nothing runs on into it. */
		if ((h = line_hint(pg, i)) >= 0 &&
		    (h & SEG_HINT_REGION_START)) {
			para = unit = NULL;
			first = true;
		}
		if (h >= 0 && (h & SEG_HINT_BYLINE) &&
		    (ln->flags & L_DATELINE) == 0)
			ln->flags |= L_BYLINE;
		if (ln->flags & L_BYLINE) {
			page_add_blk(pg, BLK_BYLINE, (uint32_t)i);
			para = unit = NULL;
			first = true;
			continue;
		}
		if (ln->xf & X_TAIL) {
			struct blk *tb = page_add_blk(pg, BLK_TAIL,
			    (uint32_t)i);

			/* A note over two lines (see mark_split_tail). */
			if (i + 1 < pg->nlines &&
			    (pg->lines[i + 1].xf & X_TAIL) &&
			    (ln->flags & L_PAREN) == 0)
				tb->last = (uint32_t)++i;
			para = unit = NULL;
			first = true;
			continue;
		}
		/* Captions stand between paragraphs (not inside one). */
		if (first && (ln->flags & L_DATELINE) == 0 &&
		    (cap = caption_end(pg, i)) >= 0) {
			if (pg->nblks > 0 &&
			    pg->blks[pg->nblks - 1].kind == BLK_CAPTION &&
			    (ln->xf & X_CAPTION) == 0 &&
			    (ln->flags & L_BLANK_BEFORE) == 0)
				pg->blks[pg->nblks - 1].last = (uint32_t)cap;
			else
				page_add_blk(pg, BLK_CAPTION,
				    (uint32_t)i)->last = (uint32_t)cap;
			i = (size_t)cap;
			para = unit = NULL;
			continue;
		}
		/* 冬季供暖热线开通—— over its 本报讯: a 简讯 title. */
		if (first && (ln->xf & X_TITLE_END) && (nx = next_line(pg, i))
		    != NULL && (nx->flags & L_DATELINE) &&
		    (ln->flags & L_DATELINE) == 0) {
			ln->flags |= L_DISPLAY;
			unit = page_add_blk(pg, BLK_DISPLAY, (uint32_t)i);
			continue;
		}
		if ((ln->flags & L_DATELINE) == 0 && (h >= 0 ?
		    (h & SEG_HINT_DISPLAY) != 0 :
		    ((first && display_at_start(pg, i)) ||
		    (!first && display_inside(pg, i))))) {
			ln->flags |= L_DISPLAY;
			if (unit != NULL && (ln->flags & L_BLANK_BEFORE) == 0 &&
			    unit->last + 1 == i)
				unit->last = (uint32_t)i;
			else {
				unit = page_add_blk(pg, BLK_DISPLAY,
				    (uint32_t)i);
				unit->interrupt = !first;
			}
			continue;
		}
		unit = NULL;
		if (first || para == NULL || (ln->flags & L_DATELINE)) {
			para = page_add_blk(pg, BLK_PARA, (uint32_t)i);
			para_first = true;
		} else {
			/* Reopen the paragraph a display unit interrupted. */
			if (&pg->blks[pg->nblks - 1] != para) {
				para = page_add_blk(pg, BLK_PARA, (uint32_t)i);
				para->interrupt = true;	/* continuation */
			}
			para->last = (uint32_t)i;
			para_first = false;
		}
		first = false;
		if (ends_paragraph(pg, i, para_first,
		    (pg->lines[para->first].xf & X_LIST) != 0)) {
			first = true;
			para = NULL;
		}
	}
}

/* ------------------------------------------------------------------ */
/* Pass 4: articles. */

/* Append an article starting at block first. */
static struct art *
page_add_art(struct page *pg, uint32_t first)
{
	struct art *a;

	if (pg->narts == pg->caparts) {
		pg->caparts = pg->caparts == 0 ? 16 : pg->caparts * 2;
		pg->arts = xreallocarray(pg->arts, pg->caparts,
		    sizeof *pg->arts);
	}
	a = &pg->arts[pg->narts++];
	memset(a, 0, sizeof *a);
	a->first = first;
	a->group = -1;
	return a;
}

/* Does block b start an article? */
static bool
blk_starts_article(const struct page *pg, const struct blk *b)
{
	const struct line *ln = &pg->lines[b->first];

	if (b->kind == BLK_BYLINE)
		return true;
	return b->kind == BLK_PARA && !b->interrupt &&
	    (ln->flags & L_DATELINE) != 0;
}

/*
 * Cut the blocks into articles.  A byline line directly followed by a
 * dateline paragraph is one article with it.  The blocks before the first
 * article start form an article of their own, a phantom one when they
 * hold no paragraph (only headlines waiting for their article).
 */
static void
make_articles(struct page *pg)
{
	struct art *a = NULL;
	size_t i, k;
	unsigned from;
	bool has_para;

	pg->narts = 0;
	for (i = 0; i < pg->nblks; i++) {
		struct blk *b = &pg->blks[i];

		from = cont_at(pg, b->first, true);
		if (i == 0 || from != 0 || blk_starts_article(pg, b)) {
			if (from == 0 && a != NULL && i > 0 &&
			    b->kind == BLK_PARA &&
			    pg->blks[i - 1].kind == BLK_BYLINE &&
			    a->first == i - 1)
				continue;
			if (a != NULL)
				a->end = (uint32_t)i;
			a = page_add_art(pg, (uint32_t)i);
			a->cont_from = (uint16_t)from;
			/* Flush left after 上接: the paragraph runs on. */
			a->cont_mid = from != 0 && b->kind == BLK_PARA &&
			    line_hint(pg, b->first) >= 0 &&
			    !(line_hint(pg, b->first) & SEG_HINT_INDENT);
		}
	}
	if (a != NULL)
		a->end = (uint32_t)pg->nblks;
	/* Is the first range a real article? */
	if (pg->narts > 0 && !blk_starts_article(pg, &pg->blks[0])) {
		has_para = false;
		for (k = pg->arts[0].first; k < pg->arts[0].end; k++)
			if (pg->blks[k].kind == BLK_PARA)
				has_para = true;
		pg->arts[0].phantom = !has_para;
	}
}

/* ------------------------------------------------------------------ */
/* Pass 6: output. */

/* One piece of a byline: a role or a name, as code points. */
struct byitem {
	bool		 role;
	size_t		 start, len;	/* into the token vector */
};

/* Append a byline item. */
static void
push_item(struct byitem *items, size_t *n, size_t max, bool role,
    size_t start, size_t len)
{
	if (*n < max && len > 0) {
		items[*n].role = role;
		items[*n].start = start;
		items[*n].len = len;
		(*n)++;
	}
}

/* Is c a separator between the names and roles of a byline? */
static bool
is_byline_sep(uint32_t c)
{
	return c == ' ' || c == 0x3001 || c == 0xFF0C || c == ',' ||
	    c == 0xFF1B || c == ';';
}

/*
 * Parse the inside of a dateline's brackets (spaces kept) into roles and
 * names, add them as credits and set the byline "记者 王译博 通讯员 高岩".
 * A token holding a role keyword is cut there (see byline_roles).
 */
static void
parse_byline(struct edition *ed, struct article *art, const uint32_t *v,
    size_t n)
{
	struct byitem items[32];
	size_t nitems = 0, i, j, p, rl, pos, max = 32, ntok = 0, nsingle = 0;
	struct buf byline = BUF_INIT, role = BUF_INIT, name = BUF_INIT;
	bool have_role = false;
	uint32_t *sq = NULL;

	/* Letter-spaced (记 者 侯 爱 敏): drop the spaces, keywords split. */
	for (i = 0; i < n; i = j) {
		while (i < n && is_byline_sep(v[i]))
			i++;
		for (j = i; j < n && !is_byline_sep(v[j]); j++)
			/* nothing */;
		if (j > i) {
			ntok++;
			nsingle += j - i == 1;
		}
	}
	if (ntok >= (size_t)tune.spaced_byline &&
	    nsingle * 100 >= ntok * (size_t)tune.spaced_share) {
		sq = xreallocarray(NULL, n + 1, sizeof *sq);
		for (i = j = 0; i < n; i++)
			if (v[i] != ' ')
				sq[j++] = v[i];
		v = sq;
		n = j;
	} else if (nsingle >= 2) {
		/* A name spaced out alone: 陈立群 许 晴 → 许晴. */
		sq = xreallocarray(NULL, n + 1, sizeof *sq);
		for (i = j = 0; i < n; i++) {
			if (v[i] == ' ' && j > 0 && i + 1 < n &&
			    (j == 1 || sq[j - 2] == ' ') && sq[j - 1] != ' ' &&
			    (i + 2 == n || v[i + 2] == ' ') && v[i + 1] != ' ')
				continue;
			sq[j++] = v[i];
		}
		v = sq;
		n = j;
	}

	for (i = 0; i < n; i = j) {
		while (i < n && is_byline_sep(v[i]))
			i++;
		for (j = i; j < n && !is_byline_sep(v[j]); j++)
			/* nothing */;
		for (pos = i; pos < j;) {
			rl = 0;
			for (p = pos; p < j; p++)
				if ((rl = segm_match_role(v, j, p)) != 0)
					break;
			if (rl == 0) {
				push_item(items, &nitems, max, false, pos,
				    j - pos);
				break;
			}
			if (p > pos && nitems > 0 && items[nitems - 1].role) {
				push_item(items, &nitems, max, false, pos,
				    p - pos);
				push_item(items, &nitems, max, true, p, rl);
			} else
				push_item(items, &nitems, max, true, pos,
				    p + rl - pos);
			pos = p + rl;
		}
	}
	for (i = 0; i < nitems; i++) {
		/* Names listed with 、 keep it: 本报记者 张立群、韩雪. */
		if (i > 0 && !items[i].role && !items[i - 1].role &&
		    v[items[i].start - 1] == 0x3001)
			buf_puts(&byline, "、");
		else if (i > 0)
			buf_putc(&byline, ' ');
		put_cps(&byline, v + items[i].start, items[i].len);
		if (items[i].role) {
			buf_clear(&role);
			put_cps(&role, v + items[i].start, items[i].len);
			have_role = true;
			continue;
		}
		buf_clear(&name);
		put_cps(&name, v + items[i].start, items[i].len);
		article_add_credit(ed, art, have_role ? buf_str(&role) : NULL,
		    buf_str(&name));
	}
	if (nitems > 0)
		article_set_byline(ed, art, buf_str(&byline));
	free(sq);
	buf_free(&byline);
	buf_free(&role);
	buf_free(&name);
}

/*
 * Read a byline printed without brackets after a dateline, from v[0..n)
 * (spaces kept): roles and names up to 报道 (本报讯 记者 王静 报道 近日).
 * It must start with a role, so that text is never taken for names.
 */
static void
byline_plain(struct edition *ed, struct article *art, const uint32_t *v,
    size_t n)
{
	size_t a = 0, b, end;

	while (a < n && v[a] == ' ')
		a++;
	for (b = a; b < n && b < a + (size_t)tune.byline_line; b++)
		if (segm_match_literal(v, n, b, "报道", strlen("报道"), &end))
			break;
	if (b == n || b == a + (size_t)tune.byline_line ||
	    segm_match_role(v, b, a) == 0 || !segm_byline_tokens(v, a, b))
		return;
	parse_byline(ed, art, v + a, b - a);
}

/*
 * Set the dateline and byline of an article whose first paragraph is
 * blk: the dateline is the matched text; the byline is read from the
 * brackets right after it, joining the paragraph's first lines with their
 * spaces kept (a line break may split 通讯 / 员 or the name).
 */
static void
emit_dateline(struct page *pg, struct edition *ed, struct article *art,
    const struct blk *blk)
{
	struct cpvec raw = { NULL, 0, 0 };
	struct buf b = BUF_INIT;
	size_t end = 0, i, k, nonspace, open;
	int dl;

	line_cps(pg, blk->first, NORM_TEXT);
	dl = segm_dateline_match(pg->cv.v, pg->cv.n, &end);
	if (dl == 0 && blk->last > blk->first) {
		/* Cut at 电 by the line break (mend_dateline). */
		join_cps(&raw, pg->cv.v, pg->cv.n);
		line_cps(pg, blk->first + 1, NORM_TEXT);
		join_cps(&raw, pg->cv.v, pg->cv.n);
		dl = segm_dateline_match(raw.v, raw.n, &end);
		if (dl != 0 && segm_dateline_kind(dl) == DL_TEXT)
			put_cps(&b, raw.v, end);
		raw.n = 0;
	} else if (dl != 0 && segm_dateline_kind(dl) == DL_TEXT)
		put_cps(&b, pg->cv.v, end);
	if (dl == 0) {
		segm_cpvec_free(&raw);
		return;
	}
	if (segm_dateline_kind(dl) == DL_TEXT) {
		article_set_dateline(ed, art, buf_str(&b));
		buf_free(&b);
	} else
		end = 0;
	for (i = blk->first, k = 0; i <= blk->last &&
	    k < (size_t)tune.byline_lines; i++, k++) {
		if (pg->lines[i].flags & L_DISPLAY)
			continue;
		line_cps(pg, i, NORM_RAW);
		join_cps(&raw, pg->cv.v, pg->cv.n);
	}
	/* The bracket must follow the dateline directly. */
	nonspace = 0;
	for (open = 0; open < raw.n; open++) {
		if (raw.v[open] == 0xFF08 || raw.v[open] == '(')
			break;
		if (raw.v[open] != ' ')
			nonspace++;
	}
	if (!(open < raw.n && nonspace == end)) {
		/* 本报讯 记者 王静 报道: a byline without brackets. */
		for (k = 0, i = 0; i < raw.n && k < end; i++)
			k += raw.v[i] != ' ';
		byline_plain(ed, art, raw.v + i, raw.n - i);
	} else {
		for (i = open + 1; i < raw.n &&
		    i < open + 1 + (size_t)tune.byline_max; i++)
			if (raw.v[i] == 0xFF09 || raw.v[i] == ')')
				break;
		if (i < raw.n && (raw.v[i] == 0xFF09 || raw.v[i] == ')'))
			parse_byline(ed, art, raw.v + open + 1, i - open - 1);
	}
	segm_cpvec_free(&raw);
}

/*
 * join_cps() on UTF-8: append the normalised line s[0..n) to the
 * paragraph being joined in acc, by the same rule.
 */
static void
join_bytes(struct buf *acc, const char *s, size_t n)
{
	uint32_t l, l2 = 0, r;
	size_t off;

	if (n == 0)
		return;
	if (acc->len > 0) {
		off = utf8_prev(acc->data, acc->len);
		utf8_decode(acc->data + off, acc->len - off, &l);
		if (off > 0) {
			off = utf8_prev(acc->data, off);
			utf8_decode(acc->data + off, acc->len - off, &l2);
		}
		utf8_decode_fast(s, n, &r);
		switch (segm_join_rule(l2, l, r)) {
		case SEGM_JOIN_UNHYPHEN:
			acc->data[--acc->len] = '\0';
			break;
		case SEGM_JOIN_SPACE:
			buf_putc(acc, ' ');
			break;
		case SEGM_JOIN_NONE:
			break;
		}
	}
	buf_append(acc, s, n);
}

/*
 * Join the lines of a block (its display lines only if it is a display
 * unit) into acc as UTF-8.  A simple line is copied as it stands, the
 * others normalised first.
 */
static void
join_block(struct page *pg, const struct blk *bl, struct buf *acc)
{
	const struct line *ln;
	size_t i;
	bool display = bl->kind == BLK_DISPLAY;

	buf_clear(acc);
	for (i = bl->first; i <= bl->last; i++) {
		ln = &pg->lines[i];
		if (ln->flags & (L_HEADER | L_DROP))
			continue;
		if (((ln->flags & L_DISPLAY) != 0) != display)
			continue;
		if (ln->flags & L_SIMPLE) {
			join_bytes(acc, pg->text + ln->off, ln->len);
			continue;
		}
		line_cps(pg, i, NORM_TEXT);
		buf_clear(&pg->scratch);
		put_cps(&pg->scratch, pg->cv.v, pg->cv.n);
		join_bytes(acc, pg->scratch.data, pg->scratch.len);
	}
}

/*
 * Where the joined text acc of block bl can stay without a copy: over the
 * lines it was joined from, in the front end's buffer (seg_page_own).
 * Only a paragraph or caption all of whose lines went into acc (no
 * headline dropped into it, no furniture: another reader may still want
 * those), and only when acc and its NUL fit there: joining drops the line
 * breaks and never makes a line longer, but a long line cut into pieces
 * has no break between them.  The byte after the last line is free when
 * it is a line or page break or the final NUL.  Returns the text written
 * there, or NULL.
 */
static const char *
kept_text(struct page *pg, const struct blk *bl, const struct buf *acc)
{
	const struct line *first, *last;
	size_t i, start, end;
	char *at;

	if (pg->own == NULL || (bl->kind != BLK_PARA &&
	    bl->kind != BLK_CAPTION))
		return NULL;
	for (i = bl->first; i <= bl->last; i++)
		if (pg->lines[i].flags & (L_HEADER | L_DROP | L_DISPLAY))
			return NULL;
	first = &pg->lines[bl->first];
	last = &pg->lines[bl->last];
	start = first->off;
	end = last->off + last->len;
	if (pg->own[end] == '\n' || pg->own[end] == '\r' ||
	    pg->own[end] == '\f' || pg->own[end] == '\0')
		end++;
	if (acc->len + 1 > end - start)
		return NULL;
	at = pg->own + start;
	memcpy(at, acc->data, acc->len);
	at[acc->len] = '\0';
	pg->nkept++;
	return at;
}

/* Add the code points v[0..n) with the NORM_TEXT space rule applied. */
static void
put_squeezed(struct buf *b, const uint32_t *v, size_t n)
{
	size_t i;
	uint32_t l, r;

	for (i = 0; i < n; i++) {
		if (v[i] == ' ') {
			l = i > 0 ? v[i - 1] : 0;
			r = i + 1 < n ? v[i + 1] : 0;
			if (i == 0 || i + 1 == n || segm_is_cjk(l) ||
			    segm_is_cjk(r))
				continue;
		}
		buf_put_cp(b, v[i]);
	}
}

/* The lines of one headline group, as UTF-8, while roles are decided. */
#define HEAD_MAX	8
struct headlines {
	struct buf	 line[HEAD_MAX];
	size_t		 n;
};

/*
 * Split a display line into headline lines: a space between two parts of
 * at least three characters, with CJK next to it and no digit, separates
 * two headline lines printed side by side (医防养护一体 AI健康管理中心成立).
 * Lines beyond HEAD_MAX are joined to the last one.
 */
static void
headline_split(struct page *pg, size_t li, struct headlines *h)
{
	size_t i, start = 0, n;
	uint32_t l, r;
	const uint32_t *v;

	line_cps(pg, li, NORM_RAW);
	v = pg->cv.v;
	n = pg->cv.n;
	for (i = 1; i + 1 < n; i++) {
		if (v[i] != ' ')
			continue;
		l = v[i - 1];
		r = v[i + 1];
		if (segm_is_digit(l) || segm_is_digit(r) ||
		    i - start < (size_t)tune.head_part ||
		    n - i < (size_t)tune.head_part + 1)
			continue;
		if (!(text_is_han(l) || text_is_closing(l)) &&
		    !(text_is_han(r) || text_is_opening(r)))
			continue;
		if (h->n < HEAD_MAX)
			h->n++;
		put_squeezed(&h->line[h->n - 1], v + start, i - start);
		start = i + 1;
	}
	if (h->n < HEAD_MAX)
		h->n++;
	put_squeezed(&h->line[h->n - 1], v + start, n - start);
}

/*
 * Drop the —— or colon a 简讯 title ends with (冬季供暖热线开通——): it
 * leads into the item's text, which the reader shows apart.
 */
static void
headline_trim(struct buf *b)
{
	static const char *const tails[] = { "——", "：", ":" };
	size_t k, n;

	for (k = 0; k < sizeof tails / sizeof tails[0]; k++) {
		n = strlen(tails[k]);
		if (b->len > n && memcmp(b->data + b->len - n, tails[k], n) ==
		    0) {
			b->len -= n;
			b->data[b->len] = '\0';
			return;
		}
	}
}

/* Add the headline group g to an article, each line with its role. */
static void
emit_headlines(struct page *pg, struct edition *ed, struct article *art,
    const struct group *g)
{
	struct headlines h;
	enum headline_role role[HEAD_MAX];
	/*
	 * Zeroed though only w[0..h.n) is read: where the body of
	 * segs_headline_roles() is in view (the tests include both files),
	 * gcc cannot see that and warns.
	 */
	size_t w[HEAD_MAX] = { 0 }, bi, i;

	memset(&h, 0, sizeof h);
	for (bi = g->first; bi <= g->last; bi++)
		for (i = pg->blks[bi].first; i <= pg->blks[bi].last; i++)
			headline_split(pg, i, &h);
	for (i = 0; i < h.n; i++) {
		headline_trim(&h.line[i]);
		w[i] = utf8_count(buf_str(&h.line[i]), h.line[i].len);
	}
	segs_headline_roles(w, h.n, role);
	/*
	 * A line opened by —— is the subtitle whatever its length, and
	 * then a kicker over it was the main line (一条河的“新生” /
	 * ——辽宁浑河沿岸生态修复见闻).
	 */
	for (i = 1; i < h.n; i++)
		if (segm_starts_dash(buf_str(&h.line[i]), h.line[i].len)) {
			role[i] = HEADLINE_SUB;
			if (role[i - 1] == HEADLINE_KICKER && (i < 2 ||
			    role[i - 2] != HEADLINE_KICKER))
				role[i - 1] = HEADLINE_MAIN;
		}
	for (i = 0; i < h.n; i++) {
		article_add_headline(ed, art, buf_str(&h.line[i]), role[i],
		    false);
		buf_free(&h.line[i]);
	}
}

/*
 * Read a closing bracketed line (X_TAIL) into its article: a byline
 * when the article has none, a source as its dateline when it has none
 * (（据新华社电）, （来源：人民网）).  It is never text.
 */
static void
emit_tail(struct page *pg, struct edition *ed, struct article *art,
    const struct blk *bl)
{
	struct buf b = BUF_INIT;
	size_t start, len;
	int kind;

	lines_cps(pg, bl->first, bl->last);
	if (!segm_tail_match(pg->cv.v, pg->cv.n, &kind, &start, &len))
		return;
	if (kind == 'b' && art->byline == NULL)
		parse_byline(ed, art, pg->cv.v + start, len);
	else if (kind == 's' && art->dateline == NULL) {
		put_squeezed(&b, pg->cv.v + start, len);
		article_set_dateline(ed, art, buf_str(&b));
	}
	buf_free(&b);
}

/* qsort order of unsigned widths. */
static int
cmp_unsigned(const void *x, const void *y)
{
	unsigned a = *(const unsigned *)x, b = *(const unsigned *)y;

	return a < b ? -1 : a > b;
}

/*
 * Does line i of a verse go on from the line before: the front end saw
 * it start flush with its column while verse lines start indented, not
 * at the top of a column (where its own edge is not known), after a line
 * that fills the column?
 */
static bool
verse_runs_on(const struct page *pg, size_t i, unsigned top)
{
	int h = line_hint(pg, i), hp = i > 0 ? line_hint(pg, i - 1) : -1;
	const struct line *ln = &pg->lines[i];

	/*
	 * Without hints: a stub of a line (号) without a blank before it,
	 * under one as long as the longest (top), ends that line.
	 */
	if (h < 0)
		return i > 0 && (ln->flags & (L_BLANK_BEFORE |
		    L_END_CONT | L_INNER_COMMA | L_INNER_STOP)) == 0 &&
		    ln->width <= (unsigned)tune.verse_tail * CELL &&
		    pg->lines[i - 1].width + (unsigned)CELL >= top;
	return h >= 0 && hp >= 0 && !(h & (SEG_HINT_INDENT |
	    SEG_HINT_NEWCOL)) && (hp & SEG_HINT_INDENT) &&
	    (int)pg->lines[i - 1].colw - (int)pg->lines[i - 1].width <=
	    tune.full_tol;
}

/*
 * Is article a verse, to be written line by line?  Its headline says so
 * (组诗, 诗二首, 外一首), or its text is set in lines most of which stop
 * well short of the longest (tune.verse_lines of them at least) and few
 * end a sentence: prose stops short only at a paragraph's end.
 */
static bool
verse(const struct page *pg, const struct art *a, unsigned *ptop)
{
	const struct blk *bl;
	const struct line *ln;
	size_t b, l, n = 0, shortl = 0, stops = 0, m;
	unsigned w[64], top;
	bool dated = false, named = false;

	*ptop = WIDTH_MAX;

	if (a->group >= 0) {
		const struct group *g = &pg->groups[a->group];

		for (b = g->first; b <= g->last; b++)
			for (l = pg->blks[b].first; l <= pg->blks[b].last;
			    l++) {
				ln = &pg->lines[l];
				if (memmem(pg->text + ln->off, ln->len, "诗",
				    strlen("诗")) != NULL ||
				    memmem(pg->text + ln->off, ln->len,
				    "外一首", strlen("外一首")) != NULL)
					named = true;
			}
	}
	/* The longest lines: the upper decile of a sample. */
	for (b = a->first; b < a->end; b++) {
		bl = &pg->blks[b];
		if (bl->kind != BLK_PARA)
			continue;
		for (l = bl->first; l <= bl->last; l++) {
			if (pg->lines[l].flags & (L_HEADER | L_DROP))
				continue;
			if (n < sizeof w / sizeof w[0])
				w[n] = pg->lines[l].width;
			n++;
			stops += (pg->lines[l].flags & L_END_STOP) != 0;
			dated |= (pg->lines[l].flags & L_DATELINE) != 0;
		}
	}
	/* The longest line of the sample. */
	m = n < sizeof w / sizeof w[0] ? n : sizeof w / sizeof w[0];
	if (m > 0) {
		qsort(w, m, sizeof w[0], cmp_unsigned);
		*ptop = w[m - 1];
	}
	if (named)
		return true;
	if (n < (size_t)tune.verse_lines || stops * 10 > n || dated)
		return false;
	top = *ptop;
	for (b = a->first; b < a->end; b++) {
		bl = &pg->blks[b];
		if (bl->kind != BLK_PARA)
			continue;
		for (l = bl->first; l <= bl->last; l++)
			shortl += pg->lines[l].width + 2u * CELL <= top;
	}
	return shortl * 10 >= n * 6;
}

/*
 * Does line i leave a clause open: a comma inside or at its end, or a
 * quotation opened and not closed (“以前一到汛期就提)?
 */
static bool
open_clause(const struct page *pg, size_t i)
{
	if (pg->lines[i].flags & (L_INNER_COMMA | L_END_CONT))
		return (pg->lines[i].flags & (L_END_STOP | L_END_COLON)) == 0;
	return open_quote(pg, i);
}

/* Write article k of the page into section s. */
static void
emit_article(struct page *pg, struct edition *ed, struct section *s,
    size_t k, const char *path)
{
	const struct art *a = &pg->arts[k];
	struct article *art;
	struct blk both;
	struct buf b = BUF_INIT;
	enum block_kind kind;
	const char *kept;
	size_t bi, skip;
	unsigned source = 0, to = 0;
	unsigned top;
	bool dated = false, poem = verse(pg, a, &top);

	art = section_add_article(ed, s);
	if (a->group >= 0)
		emit_headlines(pg, ed, art, &pg->groups[a->group]);
	for (bi = a->first; bi < a->end; bi++) {
		const struct blk *bl = &pg->blks[bi];

		if (bl->kind == BLK_BYLINE) {
			line_cps(pg, bl->first, NORM_RAW);
			skip = segm_byline_lead(pg->cv.v, pg->cv.n);
			if (art->byline == NULL)
				parse_byline(ed, art, pg->cv.v + skip,
				    pg->cv.n - skip);
			if (source == 0)
				source = pg->lines[bl->first].lineno;
			continue;
		}
		if (bl->kind == BLK_TAIL) {
			emit_tail(pg, ed, art, bl);
			continue;
		}
		if (bl->kind == BLK_DISPLAY && bl->fate == FATE_HEADLINE)
			continue;
		if (source == 0 && (bl->kind == BLK_PARA || a->phantom))
			source = pg->lines[bl->first].lineno;
		if (bl->kind == BLK_PARA && !dated &&
		    (pg->lines[bl->first].flags & L_DATELINE) &&
		    !bl->interrupt) {
			dated = true;
			emit_dateline(pg, ed, art, bl);
		}
		/*
		 * A verse keeps its lines.  Where the front end saw the page,
		 * a verse line starts indented, and a line that does not is
		 * the rest of one too long for the column.
		 */
		if (poem && (bl->kind == BLK_PARA ||
		    (bl->kind == BLK_DISPLAY && bl->fate == FATE_PARAGRAPH))) {
			struct blk one = *bl;

			for (one.first = bl->first; one.first <= bl->last;
			    one.first = one.last + 1) {
				for (one.last = one.first; one.last <
				    bl->last && verse_runs_on(pg, one.last + 1,
				    top);
				    one.last++)
					/* nothing */;
				join_block(pg, &one, &b);
				if (b.len > 0)
					article_add_block(ed, art,
					    BLOCK_PARAGRAPH, buf_str(&b));
			}
			continue;
		}
		/*
		 * A line taken for a title but kept as text, in the middle
		 * of a clause (提起印染，不少人…气味刺 / 鼻”。…), runs on
		 * into the paragraph under it (text only: on a page with
		 * hints, the title was set as one).
		 */
		if (bl->kind == BLK_DISPLAY && bl->fate == FATE_PARAGRAPH &&
		    pg->nhinted == 0 && bl->first == bl->last &&
		    bi + 1 < a->end &&
		    pg->blks[bi + 1].kind == BLK_PARA &&
		    open_clause(pg, bl->last)) {
			both = pg->blks[bi + 1];
			both.first = bl->first;
			/* Text now, not a headline dropped into it. */
			pg->lines[bl->first].flags &= ~L_DISPLAY;
			bl = &both;
			bi++;
		}
		join_block(pg, bl, &b);
		if (b.len == 0)
			continue;
		kind = bl->kind == BLK_CAPTION ? BLOCK_CAPTION :
		    bl->kind == BLK_DISPLAY && bl->fate == FATE_SUBHEAD ?
		    BLOCK_SUBHEAD : BLOCK_PARAGRAPH;
		if ((kept = kept_text(pg, bl, &b)) != NULL)
			article_add_block_kept(ed, art, kind, kept);
		else
			article_add_block(ed, art, kind, buf_str(&b));
	}
	if (source == 0)
		source = pg->lines[pg->blks[a->first].first].lineno;
	article_set_source(ed, art, path, source);
	/* 下转第N版 in its text: it goes on there (edition_finish). */
	for (bi = 0; bi < pg->nconts; bi++)
		if (!pg->conts[bi].from && a->end > a->first &&
		    pg->conts[bi].line >= pg->blks[a->first].first &&
		    pg->conts[bi].line <= pg->blks[a->end - 1].last)
			to = pg->conts[bi].page;
	article_set_continued(art, a->cont_from, to, a->cont_mid);
	buf_free(&b);
}

/*
 * The section title from the masthead: its page number and the page
 * name beside it or on the line by it (第05版 经开区新闻, A06 民生·社会).
 */
static void
masthead_title(struct page *pg, struct buf *title)
{
	size_t mark = 0, name = 0;

	line_cps(pg, (size_t)pg->mast, NORM_RAW);
	segm_masthead_match(pg->cv.v, pg->cv.n, &mark, &name);
	put_cps(title, pg->cv.v + mark / 256, mark % 256);
	if (name != 0) {
		buf_putc(title, ' ');
		put_cps(title, pg->cv.v + name / 256, name % 256);
	} else if (pg->mast_name >= 0) {
		line_cps(pg, (size_t)pg->mast_name, NORM_RAW);
		buf_putc(title, ' ');
		put_cps(title, pg->cv.v, pg->cv.n);
	}
}

#include <stdio.h>
/* Debugging aid: KANBAO_SEGDEBUG=1 prints lines, blocks and articles. */
static void
seg_debug(const struct page *pg)
{
	size_t i, k;

	if (getenv("KANBAO_SEGDEBUG") == NULL)
		return;
	for (k = 0; k < pg->narts; k++) {
		fprintf(stderr, "== art %zu%s group %d\n", k,
		    pg->arts[k].phantom ? " phantom" : "", pg->arts[k].group);
		for (i = pg->arts[k].first; i < pg->arts[k].end; i++) {
			const struct blk *b = &pg->blks[i];
			size_t l;

			fprintf(stderr, "  blk %zu kind %d fate %d int %d grp %d\n",
			    i, b->kind, b->fate, b->interrupt, b->group);
			for (l = b->first; l <= b->last; l++)
				fprintf(stderr, "    %4u w%3u c%3u f%04x x%02x dl%u |%.*s\n",
				    pg->lines[l].lineno, pg->lines[l].width,
				    pg->lines[l].colw, pg->lines[l].flags,
				    pg->lines[l].xf, pg->lines[l].dl,
				    (int)pg->lines[l].len,
				    pg->text + pg->lines[l].off);
		}
	}
	for (i = 0; i < pg->nlines; i++)
		if (pg->lines[i].flags & 0x0440)
			fprintf(stderr, "  dropped %u |%.*s\n", pg->lines[i].lineno,
			    (int)pg->lines[i].len, pg->text + pg->lines[i].off);
}

/* Copy the code points v[a..a+len) as UTF-8 into b (cleared first). */
static void
cps_to_buf(struct buf *b, const uint32_t *v, size_t pos)
{
	b->len = 0;
	put_cps(b, v + pos / 256, pos % 256);
}

/*
 * What the page's furniture says: its printed page number and name for
 * the section; the paper's name and the date for the edition, when the
 * edition has none yet.  Read from the header and the masthead lines
 * that were dropped as furniture.
 */
static void
page_facts(struct page *pg, struct edition *ed, struct section *s)
{
	struct segm_mast mp;
	struct buf b = BUF_INIT, name = BUF_INIT;
	unsigned page = 0;
	char iso[11];
	size_t i;
	long at[2];
	int k;

	at[0] = pg->header;
	at[1] = pg->mast;
	for (k = 0; k < 2 && page == 0; k++) {
		if (at[k] < 0)
			continue;
		line_cps(pg, (size_t)at[k], NORM_RAW);
		if (!segm_masthead_parts(pg->cv.v, pg->cv.n, &mp) ||
		    mp.mark == 0)
			continue;
		page = segm_page_number(pg->cv.v, mp.mark / 256,
		    mp.mark / 256 + mp.mark % 256);
		if (mp.name != 0)
			cps_to_buf(&name, pg->cv.v, mp.name);
		else if (k == 1 && pg->mast_name >= 0) {
			line_cps(pg, (size_t)pg->mast_name, NORM_RAW);
			name.len = 0;
			put_cps(&name, pg->cv.v, pg->cv.n);
		}
	}
	/*
	 * No page mark, but the masthead box of a front page (第13690期 今
	 * 日16版): page 1, which 上接第01版 names.
	 */
	for (i = 0; page == 0 && i < pg->nlines && i < (size_t)tune.header_lines
	    * 4; i++) {
		if (!(pg->lines[i].flags & L_DROP))
			continue;
		line_cps(pg, i, NORM_RAW);
		if (segm_masthead_parts(pg->cv.v, pg->cv.n, &mp) && mp.issue)
			page = 1;
	}
	if (page != 0)
		section_set_page(ed, s, page, name.len > 0 ? buf_str(&name) :
		    NULL);
	for (i = 0; i < pg->nlines && (ed->paper == NULL ||
	    ed->date == NULL); i++) {
		if ((pg->lines[i].flags & (L_DROP | L_HEADER)) == 0)
			continue;
		line_cps(pg, i, NORM_RAW);
		if (!segm_masthead_parts(pg->cv.v, pg->cv.n, &mp))
			continue;
		if (mp.paper != 0 && ed->paper == NULL) {
			cps_to_buf(&b, pg->cv.v, mp.paper);
			edition_set_paper(ed, buf_str(&b));
		}
		if (mp.date != 0 && ed->date == NULL) {
			cps_to_buf(&b, pg->cv.v, mp.date);
			if (edition_parse_date(b.data, b.len, iso))
				edition_set_date(ed, iso);
		}
	}
	buf_free(&b);
	buf_free(&name);
}

/*
 * Read the lines of one page into a new section (see seg.h).  Returns
 * the number of articles added; a page holding nothing but a header or
 * page number adds no section, unless header_text asks to read such
 * lines as text (for a file that holds nothing else).
 */
int
seg_load_page(struct page *pg, struct edition *ed, const char *path,
    const char *name, bool header_text)
{
	struct section *s;
	struct buf title = BUF_INIT;
	size_t k, bi;
	int count = 0;
	bool any;

	if (pg->nlines == 0)
		return 0;
	merge_vertical(pg);
	mark_lines(pg);
	make_blocks(pg);
	if (pg->nblks == 0) {
		if (!header_text)
			return 0;
		/* Only header-like lines: read them as text after all. */
		for (k = 0; k < pg->nlines; k++)
			pg->lines[k].flags &= ~(L_HEADER | L_DROP);
		pg->header = -1;
		make_blocks(pg);
	}
	make_articles(pg);
	segs_split_articles(pg);
	segs_assign_headlines(pg);
	seg_debug(pg);

	/* A phantom article is written only when it keeps some text. */
	for (k = 0; k < pg->narts; k++) {
		if (!pg->arts[k].phantom)
			continue;
		any = false;
		for (bi = pg->arts[k].first; bi < pg->arts[k].end; bi++)
			if (pg->blks[bi].kind != BLK_DISPLAY ||
			    pg->blks[bi].fate != FATE_HEADLINE)
				any = true;
		pg->arts[k].emit = any;
	}

	if (pg->header >= 0) {
		struct segm_mast mp;
		size_t from = 0, to;

		line_cps(pg, (size_t)pg->header, NORM_RAW);
		to = pg->cv.n;
		/* 2026年3月2日 第05版：要闻 责编：张三 → 第05版：要闻 */
		if (segm_masthead_parts(pg->cv.v, pg->cv.n, &mp) &&
		    mp.mark != 0) {
			from = mp.mark / 256;
			to = mp.name != 0 && mp.name / 256 > from ?
			    mp.name / 256 + mp.name % 256 :
			    from + mp.mark % 256;
		}
		put_cps(&title, pg->cv.v + from, to - from);
	} else if (pg->mast >= 0)
		masthead_title(pg, &title);
	else
		buf_puts(&title, name != NULL ? name :
		    path != NULL ? path : "text");
	s = edition_add_section(ed, buf_str(&title), path);
	buf_free(&title);
	page_facts(pg, ed, s);
	for (k = 0; k < pg->narts; k++) {
		if (pg->arts[k].phantom && !pg->arts[k].emit)
			continue;
		emit_article(pg, ed, s, k, path);
		count++;
	}
	return count;
}

/* Prepare a page record for lines of text (see seg.h). */
void
seg_page_init(struct page *pg, const char *text)
{
	memset(pg, 0, sizeof *pg);
	pg->text = text;
}

/* Let paragraphs be built in the text (see seg.h). */
void
seg_page_own(struct page *pg, char *text)
{
	if (text != pg->text)
		fatalx("seg_page_own: not the page's text");
	pg->own = text;
}

/* Start a new page: no lines, blocks, articles or groups yet. */
void
seg_page_begin(struct page *pg)
{
	pg->nlines = pg->nhinted = 0;
	pg->nconts = 0;
	pg->cont_next = 0;
	pg->pending = 0;
	pg->blank = false;
	pg->ngroups = pg->narts = pg->nblks = 0;
}

/*
 * Record hints about the line just given (see seg.h).  Lines the front
 * end gave no hint get none; a line that was not kept (fewer lines than
 * hinted plus one) passes its start hints on.
 */
void
seg_page_line_hint(struct page *pg, unsigned flags)
{
	if (pg->nlines <= pg->nhinted) {
		pg->pending |= flags & (SEG_HINT_PARA_START |
		    SEG_HINT_REGION_START);
		return;
	}
	if (pg->caphints < pg->nlines) {
		pg->caphints = pg->caplines;
		pg->hints = xreallocarray(pg->hints, pg->caphints,
		    sizeof *pg->hints);
	}
	memset(pg->hints + pg->nhinted, 0, pg->nlines - pg->nhinted);
	pg->hints[pg->nlines - 1] = (uint8_t)(flags | pg->pending);
	pg->pending = 0;
	pg->nhinted = pg->nlines;
}

/* Free the memory of a page record. */
void
seg_page_free(struct page *pg)
{
	free(pg->lines);
	free(pg->blks);
	free(pg->arts);
	free(pg->groups);
	free(pg->hints);
	free(pg->conts);
	segm_cpvec_free(&pg->cv);
	segm_cpvec_free(&pg->tmp);
	buf_free(&pg->scratch);
}
