/*
 * load_text.c - the raw-text loader: rebuilds the articles of newspaper
 * pages from the text pdftotext (default mode) gives for a Chinese page.
 *
 * That text has lost everything but reading order: every typeset line of
 * every column is one line, blank lines stand at column breaks (even in the
 * middle of a word) as well as between paragraphs, the first-line indent of
 * a paragraph is gone, justification left spaces between characters, and
 * headlines may stand far from their article.  The loader rebuilds the
 * structure in a pipeline of linear passes over one page at a time (pages
 * are separated by form feeds; each becomes a section):
 *
 *  1. Lines.  Each line is cleaned and normalised (control characters,
 *     ignorables and justification spaces dropped) only to measure it: its
 *     width in quarter cells (a Han character is 4, CJK punctuation 3,
 *     Latin letters and digits 2, plus the quarter-em gap typesetters put
 *     between Han and Latin), how it ends (sentence end, colon, other
 *     punctuation, nothing), whether it holds a stop inside, whether it
 *     starts like a dateline or is a page header.  Blank lines are not kept;
 *     the next line remembers that one stood before it.  A line is kept as
 *     an offset into the caller's text, so memory stays near the file size.
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
 *     dateline_patterns below) or at a byline line (本报记者 王译博,
 *     □ 张明远 over a commentary, 文/图 本报记者 张华); text
 *     before the first dateline is an article of its own, and a page
 *     without dateline is one article.  A headline inside an article
 *     starts an article without dateline (an essay, a notice) when the
 *     text after it shares almost nothing with the text before it, or
 *     when its own tokens are found after it and not before it while the
 *     two sides share little (split_articles); a numbered subhead
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
 *     (headline_roles: couplet, kicker + main, main + sub).
 *
 *  6. Output.  Paragraph lines are joined (no space next to CJK, one space
 *     between Latin words, hyphenated words rejoined), the dateline is
 *     matched and its byline parsed into roles and names: in brackets
 *     after it, or bare up to 报道 (本报讯 记者 王静 报道).  A closing
 *     bracketed line gives the byline (or, a source, the dateline) when
 *     the article has none.
 *
 * All thresholds live in the table `tune` below.
 */
#include "config.h"

#include "load_text.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "edition.h"
#include "seg_match.h"
#include "seg_tune.h"
#include "text.h"
#include "xalloc.h"

/* Widths are stored in 16 bits; longer lines are simply "very long". */
#define WIDTH_MAX	0xffff

/* Flags of a line. */
#define L_BLANK_BEFORE	0x0001	/* a blank line stood before it */
#define L_END_STOP	0x0002	/* ends a sentence (maybe + closing marks) */
#define L_END_COLON	0x0004	/* ends with a colon */
#define L_END_CONT	0x0008	/* ends with other punctuation (，、；—) */
#define L_INNER_STOP	0x0010	/* holds a 。； before its end */
#define L_PAREN		0x0020	/* wholly in brackets: （完）, （记者 王）*/
#define L_HEADER	0x0040	/* a page header (第05版：要闻) */
#define L_DATELINE	0x0080	/* an article starts here */
#define L_BYLINE	0x0100	/* a byline on a line of its own */
#define L_DISPLAY	0x0200	/* a headline or subhead line */
#define L_DROP		0x0400	/* noise (a bare page number) */
#define L_HEADER_CAND	0x0800	/* looks like a header; position decides */
#define L_PAGENO_CAND	0x1000	/* looks like a page number */
#define L_INNER_COMMA	0x2000	/* holds a ， before its end */
#define L_CHAIN		0x4000	/* display-like lines lead from it to an
				   article start */
#define L_SIMPLE	0x8000	/* normalising changes nothing: the raw
				   bytes are the text */

/* One non-blank line of a page. */
struct line {
	size_t		 off;		/* byte offset into the text */
	uint32_t	 len;		/* bytes, without the line break */
	uint32_t	 lineno;	/* 1-based line number in the file */
	uint16_t	 width;		/* normalised width, quarter cells */
	uint16_t	 colw;		/* local column width estimate */
	uint16_t	 flags;
	uint8_t		 dl;		/* dateline pattern + 1, 0 if none */
	uint8_t		 xf;		/* X_* flags (fits the padding) */
};

/* More flags of a line, in struct line's xf. */
#define X_END		0x01	/* a continuation marker (下转第三版) cut
				   the text here: the paragraph ends */
#define X_CAPTION	0x02	/* starts like a photo caption: 图为, ▲ */
#define X_CREDIT	0x04	/* ends like one: 摄, （资料图片） */
#define X_LIST		0x08	/* starts with a list number: ① ⑴ */
#define X_SEMI		0x10	/* ends with a semicolon */
#define X_TITLE_END	0x20	/* ends with —— or a colon, no inner
				   punctuation: a 简讯 title before a
				   dateline */
#define X_TAIL		0x40	/* a bracketed line closing an article:
				   （记者 张三）, （来源：人民网）*/
#define X_ENUM		0x80	/* starts with a section number: （一）,
				   一、, 1. */

/* Kinds of block. */
enum blk_kind {
	BLK_PARA,			/* a paragraph: lines first..last */
	BLK_DISPLAY,			/* a display unit: lines first..last */
	BLK_BYLINE,			/* a byline line */
	BLK_CAPTION,			/* a photo caption: lines first..last */
	BLK_TAIL			/* a bracketed line after an article */
};

/* What became of a display unit. */
enum unit_fate {
	FATE_NONE,
	FATE_HEADLINE,			/* the headline of some article */
	FATE_SUBHEAD,			/* a subhead of its article */
	FATE_PARAGRAPH			/* kept as text of a nearby article */
};

/* A block: a paragraph, a display unit or a byline line. */
struct blk {
	uint32_t	 first, last;	/* line indexes, inclusive */
	uint8_t		 kind;
	uint8_t		 fate;		/* display units: enum unit_fate */
	bool		 interrupt;	/* display unit inside a paragraph */
	int32_t		 group;		/* display units: headline group */
};

/* An article: a range of blocks. */
struct art {
	uint32_t	 first, end;	/* blocks [first, end) */
	int32_t		 group;		/* assigned headline group or -1 */
	bool		 phantom;	/* text before the first dateline with
					   no paragraph: not a real article */
	bool		 emit;		/* phantom that must be written */
};

/* A headline group: consecutive display units of one run. */
struct group {
	uint32_t	 first, last;	/* blocks, inclusive */
	int32_t		 prev, next;	/* articles around it; -1 if none */
	int32_t		 host;		/* inner units: the article */
	bool		 interrupt;
	bool		 candidate;	/* may become a headline */
};

/* A scored (group, article) pair for the greedy assignment. */
struct pair {
	double		 score;
	uint32_t	 group, art;
};

/* One token of an article profile: a Han bigram or a Latin word. */
struct tok {
	uint64_t	 key;
	uint16_t	 tf;
	uint8_t		 lead;
};

/*
 * A set of tokens with counts: the distinct tokens in order of first use
 * and a hash table over them.  Hashing (not sorting) keeps building a
 * profile linear in the text.
 */
struct tokvec {
	struct tok	*t;
	size_t		 n, cap;
	uint32_t	*slot;		/* index + 1 of a token, 0 if empty */
	size_t		 nslot;		/* a power of two, at least 2n */
};

/* Everything known about the page being read. */
struct page {
	const char	*text;
	struct line	*lines;
	size_t		 nlines, caplines;
	struct blk	*blks;
	size_t		 nblks, capblks;
	struct art	*arts;
	size_t		 narts, caparts;
	struct group	*groups;
	size_t		 ngroups, capgroups;
	struct cpvec	 cv, tmp;	/* scratch */
	struct buf	 scratch;
	long		 header;	/* line holding the page header or -1 */
	long		 mast;		/* masthead line with the page number */
	long		 mast_name;	/* bare page name line near it */
};

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
 * Append the next line's code points to a paragraph being joined: no space
 * when either side is CJK, the hyphen of a Latin word broken at the line
 * end dropped, else one space between Latin words.
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
		if (l == '-' && segm_is_latin_letter(l2) && r >= 'a' &&
		    r <= 'z')
			acc->n--;
		else if (segm_is_cjk(l) || segm_is_cjk(r) || l == ' ' ||
		    l == '-' || l == '/')
			;
		else if (strchr(",.;:!?%)]}", (int)r) != NULL && r < 0x80)
			;
		else if (r < 0x80 && strchr("([{", (int)l) != NULL &&
		    l < 0x80)
			;
		else
			segm_cpvec_push(acc, ' ');
	}
	segm_cpvec_reserve(acc, n);
	memcpy(acc->v + acc->n, v, n * sizeof *v);
	acc->n += n;
}

/* ------------------------------------------------------------------ */
/* Pass 1: lines. */

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
	if (n >= 2 && text_is_opening(v[0]) && text_is_closing(last))
		ln->flags |= L_PAREN;
	ln->dl = (uint8_t)dl;
}

/*
 * Set the X_* flags that depend on how a normalised line starts and ends:
 * photo captions (图为…, ▲…, …摄, （资料图片）), list items (①), a final
 * semicolon, a title ending in —— or a colon.
 */
static uint8_t
shape_flags(const struct line *ln, const uint32_t *v, size_t n)
{
	static const uint32_t tuwei[] = { 0x56FE, 0x4E3A };	/* 图为 */
	static const uint32_t ziliao[] = { 0x8D44, 0x6599, 0x56FE, 0x7247 };
	static const uint32_t gongtu[] = { 0x4F9B, 0x56FE };	/* 供图 */
	static const uint32_t shefa[] = { 0x793E, 0x53D1 };	/* 社发 */
	static const uint32_t dash2[] = { 0x2014, 0x2014 };	/* —— */
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
	if (k > 0 && (v[k - 1] == 0x6444 ||			/* 摄 */
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

/* Append a line record to the page. */
static struct line *
page_add_line(struct page *pg)
{
	if (pg->nlines == pg->caplines) {
		pg->caplines = pg->caplines == 0 ? 256 : pg->caplines * 2;
		pg->lines = xreallocarray(pg->lines, pg->caplines,
		    sizeof *pg->lines);
	}
	memset(&pg->lines[pg->nlines], 0, sizeof pg->lines[0]);
	return &pg->lines[pg->nlines++];
}

/*
 * A line longer than this is cut into pieces of about this size.  A column
 * line of a printed page is a few hundred bytes; a single line of many
 * megabytes (text that never had line breaks) would otherwise make every
 * per-line code-point array as large as the file (7x the file in memory
 * for a 100 MB line).  The pieces rejoin like the lines of a paragraph.
 */
#define LINE_PIECE_BYTES	(16 * 1024)

/*
 * Where to cut a long line near limit: at the start of a character, and
 * preferably after a space or before a non-ASCII character, so that a
 * Latin word is not cut in two (the pieces are joined with the rules for
 * line breaks, which would put a space inside it).
 */
static size_t
piece_end(const char *t, size_t start, size_t limit)
{
	size_t p = limit, q;

	while (p > start && ((unsigned char)t[p] & 0xC0) == 0x80)
		p--;
	for (q = p; q > start && p - q < 256; q--)
		if (t[q - 1] == ' ' || (unsigned char)t[q] >= 0xC0)
			return q;
	return p > start ? p : limit;
}

/*
 * Split text[start..end) (one page) into lines and measure them.  *lineno
 * is the number of the page's first line and is advanced past it.
 */
static void
scan_page(struct page *pg, size_t start, size_t end, uint32_t *lineno)
{
	const char *t = pg->text;
	size_t i = start, e, next, eol = start;
	bool blank = false, digits, simple, spaced;
	const char *nl, *cr;
	struct line *ln;
	size_t k;
	int marker;

	pg->nlines = 0;
	while (i < end) {
		/*
		 * memchr: a byte loop here costs as much as the rest.  The
		 * end of a long line cut into pieces is found once, not once
		 * per piece (which would be quadratic).
		 */
		if (i >= eol) {
			nl = memchr(t + i, '\n', end - i);
			eol = nl != NULL ? (size_t)(nl - t) : end;
			cr = memchr(t + i, '\r', eol - i);
			if (cr != NULL)
				eol = (size_t)(cr - t);
		}
		e = eol;
		next = e;
		if (next < end && t[next] == '\r' && next + 1 < end &&
		    t[next + 1] == '\n')
			next += 2;
		else if (next < end)
			next++;
		if (e - i > LINE_PIECE_BYTES) {
			/* Same line number: the rest is a piece of this line. */
			e = piece_end(t, i, i + LINE_PIECE_BYTES);
			next = e;
		}
		segm_norm_line_info(t + i, e - i, NORM_TEXT, &pg->cv, &pg->tmp,
		    &simple, &spaced, &marker);
		if (pg->cv.n == 0 && marker != 0) {
			/*
			 * A marker on a line of its own: no blank line (the
			 * layout goes on around it), but a text sent on to
			 * another page ends its paragraph here.
			 */
			if (marker == 1 && pg->nlines > 0)
				pg->lines[pg->nlines - 1].xf |= X_END;
		} else if (pg->cv.n == 0)
			blank = true;
		else {
			ln = page_add_line(pg);
			ln->off = i;
			ln->len = e - i > UINT32_MAX ? UINT32_MAX :
			    (uint32_t)(e - i);
			ln->lineno = *lineno;
			measure_line(ln, pg->cv.v, pg->cv.n,
			    segm_dateline_match(pg->cv.v, pg->cv.n, NULL));
			ln->xf = shape_flags(ln, pg->cv.v, pg->cv.n);
			if (marker == 1)
				ln->xf |= X_END;
			if (blank)
				ln->flags |= L_BLANK_BEFORE;
			if (simple)
				ln->flags |= L_SIMPLE;
			blank = false;
			/* Headers (maybe after a date) are short lines. */
			if (pg->cv.n > HEADER_MAX + 16)
				goto next;
			/* Without inner spaces the modes agree: no redo. */
			if (spaced)
				segm_norm_line(t + i, e - i, NORM_RAW, &pg->cv,
				    &pg->tmp, NULL);
			if (segm_header_match(pg->cv.v, pg->cv.n))
				ln->flags |= L_HEADER_CAND;
			digits = pg->cv.n <= 4;
			for (k = 0; k < pg->cv.n && digits; k++)
				digits = segm_is_digit(pg->cv.v[k]);
			if (digits)
				ln->flags |= L_PAGENO_CAND;
		}
next:
		if (next > e)
			(*lineno)++;
		i = next;
	}
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

	if (ln->width > (HEADER_MAX + 16) * 2 * CELL)
		return;
	line_cps(pg, i, NORM_RAW);
	if (segm_editor_match(pg->cv.v, pg->cv.n))
		ln->flags |= L_DROP;
	else if (segm_masthead_match(pg->cv.v, pg->cv.n, &mark, NULL)) {
		ln->flags |= L_DROP;
		if (mark != 0 && pg->mast < 0)
			pg->mast = (long)i;
	}
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
		}
		pv = ln;
	}
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
		else if (near_edge && n > 1 && !ln->dl)
			mark_furniture(pg, i);
	}
	mark_page_name(pg);
	mark_tails(pg);
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
		pg->blks = xreallocarray(pg->blks, pg->capblks,
		    sizeof *pg->blks);
	}
	b = &pg->blks[pg->nblks++];
	memset(b, 0, sizeof *b);
	b->kind = (uint8_t)kind;
	b->first = b->last = first;
	b->group = -1;
	return b;
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
	return (ln->flags & (L_END_STOP | L_END_COLON | L_END_CONT |
	    L_INNER_STOP | L_PAREN | L_DATELINE | L_BYLINE)) != 0 ||
	    (ln->xf & (X_LIST | X_TAIL)) != 0;
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
	/* 的以和与及把将从被向对于而并或 */
	static const uint32_t words[] = {
		0x7684, 0x4EE5, 0x548C, 0x4E0E, 0x53CA, 0x628A, 0x5C06, 0x4ECE,
		0x88AB, 0x5411, 0x5BF9, 0x4E8E, 0x800C, 0x5E76, 0x6216
	};
	const char *t = pg->text + pg->lines[i].off;
	size_t n = pg->lines[i].len, off, k;
	uint32_t c;

	while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '\t'))
		n--;
	if (n < 3)
		return false;
	off = utf8_prev(t, n);
	utf8_decode(t + off, n - off, &c);
	for (k = 0; k < sizeof words / sizeof words[0]; k++)
		if (words[k] == c)
			return true;
	return false;
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
	const struct line *ln = &pg->lines[i], *nx;

	if (!display_eligible(ln))
		return false;
	if (ln->flags & L_CHAIN)
		return true;
	if (shortfall(ln) - tune.indent >= tune.display_short)
		return true;
	nx = next_line(pg, i);
	if (nx == NULL || ends_in_function_word(pg, i))
		return false;
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
	    (nx->width >= ln->width + tune.indent + tune.first_gap ||
	    ln->width >= nx->width + tune.first_over))
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
	return shortfall(ln) < tune.indent_min &&
	    (nx->flags & (L_END_STOP | L_END_COLON)) == 0 &&
	    shortfall(nx) >= tune.indent_min;
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

	if (never_display(ln) || (ln->flags & L_BLANK_BEFORE) == 0 || i == 0)
		return false;
	pv = &pg->lines[i - 1];
	if (pv->flags & (L_END_STOP | L_END_COLON))
		return false;
	if (shortfall(ln) - tune.indent < tune.isolated_short)
		return false;
	nx = next_line(pg, i);
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
static bool
ends_paragraph(const struct page *pg, size_t i, bool first, bool list)
{
	const struct line *ln = &pg->lines[i], *nx;
	int d;

	nx = next_line(pg, i);
	if (nx == NULL || starts_article(nx) || (ln->xf & X_END) ||
	    (nx->xf & X_TAIL))
		return true;
	/* A list item (①) after a finished clause starts a paragraph. */
	if ((nx->xf & X_LIST) && ((ln->flags & (L_END_STOP | L_END_COLON)) ||
	    (ln->xf & X_SEMI)))
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
	d = shortfall(ln) - (first ? tune.indent : 0);
	if (d >= tune.short_end)
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

	if ((ln->xf & X_CAPTION) == 0) {
		/* A credit alone: short, no sentence in it. */
		if ((ln->xf & X_CREDIT) == 0 ||
		    ln->width > (unsigned)tune.byline_line * CELL ||
		    shortfall(ln) < tune.indent ||
		    (ln->flags & (L_INNER_STOP | L_INNER_COMMA)))
			return -1;
		return (long)i;
	}
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

	pg->nblks = 0;
	mark_chains(pg);
	for (i = 0; i < pg->nlines; i++) {
		ln = &pg->lines[i];
		if (ln->flags & (L_HEADER | L_DROP))
			continue;
		if (ln->flags & L_BYLINE) {
			page_add_blk(pg, BLK_BYLINE, (uint32_t)i);
			para = unit = NULL;
			first = true;
			continue;
		}
		if (ln->xf & X_TAIL) {
			page_add_blk(pg, BLK_TAIL, (uint32_t)i);
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
		if ((ln->flags & L_DATELINE) == 0 &&
		    ((first && display_at_start(pg, i)) ||
		    (!first && display_inside(pg, i)))) {
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
	bool has_para;

	pg->narts = 0;
	for (i = 0; i < pg->nblks; i++) {
		struct blk *b = &pg->blks[i];

		if (i == 0 || blk_starts_article(pg, b)) {
			if (a != NULL && i > 0 && b->kind == BLK_PARA &&
			    pg->blks[i - 1].kind == BLK_BYLINE &&
			    a->first == i - 1)
				continue;
			if (a != NULL)
				a->end = (uint32_t)i;
			a = page_add_art(pg, (uint32_t)i);
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
/* Pass 5: headline assignment. */

/* Append a group. */
static struct group *
page_add_group(struct page *pg)
{
	struct group *g;

	if (pg->ngroups == pg->capgroups) {
		pg->capgroups = pg->capgroups == 0 ? 16 : pg->capgroups * 2;
		pg->groups = xreallocarray(pg->groups, pg->capgroups,
		    sizeof *pg->groups);
	}
	g = &pg->groups[pg->ngroups++];
	memset(g, 0, sizeof *g);
	g->prev = g->next = g->host = -1;
	return g;
}

/* Token key of a Han bigram. */
static uint64_t
bigram_key(uint32_t a, uint32_t b)
{
	return ((uint64_t)a << 21) | b;
}

/*
 * Spread a token key over the hash table: one multiplication (Fibonacci
 * hashing), the high half of the product mixing every bit of the key.
 */
static inline size_t
tok_hash(uint64_t key)
{
	return (size_t)((key * 0x9e3779b97f4a7c15ULL) >> 32);
}

/* Double the hash table of a token set and insert every token again. */
static void
tokvec_rehash(struct tokvec *tv)
{
	size_t i, h;

	free(tv->slot);
	tv->nslot = tv->nslot == 0 ? 64 : tv->nslot * 2;
	tv->slot = xcalloc(tv->nslot, sizeof *tv->slot);
	for (i = 0; i < tv->n; i++) {
		h = tok_hash(tv->t[i].key) & (tv->nslot - 1);
		while (tv->slot[h] != 0)
			h = (h + 1) & (tv->nslot - 1);
		tv->slot[h] = (uint32_t)(i + 1);
	}
}

/* Find a token in a set, or NULL. */
static inline const struct tok *
tokvec_find(const struct tokvec *tv, uint64_t key)
{
	size_t h;

	if (tv->nslot == 0)
		return NULL;
	h = tok_hash(key) & (tv->nslot - 1);
	while (tv->slot[h] != 0) {
		if (tv->t[tv->slot[h] - 1].key == key)
			return &tv->t[tv->slot[h] - 1];
		h = (h + 1) & (tv->nslot - 1);
	}
	return NULL;
}

/* Add one occurrence of a token (in the lead or not) to a set. */
static inline void
tokvec_push(struct tokvec *tv, uint64_t key, bool lead)
{
	struct tok *t;
	size_t h;

	if ((tv->n + 1) * 2 > tv->nslot)
		tokvec_rehash(tv);
	h = tok_hash(key) & (tv->nslot - 1);
	while (tv->slot[h] != 0) {
		t = &tv->t[tv->slot[h] - 1];
		if (t->key == key) {
			if (t->tf < UINT16_MAX)
				t->tf++;
			t->lead |= lead;
			return;
		}
		h = (h + 1) & (tv->nslot - 1);
	}
	if (tv->n == tv->cap) {
		tv->cap = tv->cap == 0 ? 64 : tv->cap * 2;
		tv->t = xreallocarray(tv->t, tv->cap, sizeof *tv->t);
	}
	tv->t[tv->n].key = key;
	tv->t[tv->n].tf = 1;
	tv->t[tv->n].lead = lead;
	tv->slot[h] = (uint32_t)(++tv->n);
}

/* Empty a token set, keeping its memory. */
static void
tokvec_clear(struct tokvec *tv)
{
	if (tv->nslot != 0)
		memset(tv->slot, 0, tv->nslot * sizeof *tv->slot);
	tv->n = 0;
}

/* Free a token set's memory. */
static void
tokvec_free(struct tokvec *tv)
{
	free(tv->t);
	free(tv->slot);
	memset(tv, 0, sizeof *tv);
}

/*
 * Is a code point part of a token: Han or kana for bigrams.  Nothing
 * below U+2E80 (the radicals, where text_is_han() starts) is either, so
 * ASCII and common punctuation are answered without a call.
 */
static inline bool
is_token_han(uint32_t c)
{
	if (c < 0x2E80)
		return false;
	if (c >= 0x4E00 && c <= 0x9FFF)
		return true;
	return text_is_han(c) || text_is_kana(c);
}

/* The state of the tokenizer between code points and lines. */
struct tokstate {
	uint32_t	 carry;		/* the Han character before, or 0 */
	size_t		 han;		/* Han characters so far (the lead) */
	uint64_t	 word;		/* hash of the Latin word being read */
	size_t		 wordlen;	/* its length, 0 outside a word */
};

/* FNV-1a basis of word_key. */
#define WORD_SEED	14695981039346656037ULL

/* End the Latin word being read: a token when 2 or more characters. */
static void
tok_word_end(struct tokvec *tv, struct tokstate *ts)
{
	if (ts->wordlen >= 2)
		tokvec_push(tv, ts->word | (1ULL << 63),
		    ts->han < (size_t)tune.lead_chars);
	ts->wordlen = 0;
}

/*
 * Feed one code point to the tokenizer: Han bigrams and Latin/digit
 * words of 2 or more characters (word_key, computed as it goes).
 */
static inline void
tok_feed(struct tokvec *tv, struct tokstate *ts, uint32_t c)
{
	if (is_token_han(c)) {
		if (ts->wordlen > 0)
			tok_word_end(tv, ts);
		if (ts->carry != 0)
			tokvec_push(tv, bigram_key(ts->carry, c),
			    ts->han < (size_t)tune.lead_chars);
		ts->carry = c;
		ts->han++;
		return;
	}
	ts->carry = 0;
	if (segm_is_alnum_fast(c)) {
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (ts->wordlen++ == 0)
			ts->word = WORD_SEED;
		ts->word = (ts->word ^ c) * 1099511628211ULL;
	} else if (ts->wordlen > 0)
		tok_word_end(tv, ts);
}

/*
 * Tokens of line i (normalised as NORM_TEXT) into tv.  A word never runs
 * on to the next line; the Han carry does.  A simple line is decoded
 * straight from the text, without a copy.
 */
static void
tokenize_line(struct page *pg, size_t i, struct tokvec *tv,
    struct tokstate *ts)
{
	const struct line *ln = &pg->lines[i];
	const char *t = pg->text + ln->off;
	size_t k, len = ln->len;
	uint32_t c;

	if (ln->flags & L_SIMPLE) {
		for (k = 0; k < len;) {
			k += utf8_decode_fast(t + k, len - k, &c);
			if (c >= 0x4E00 && c <= 0x9FFF && ts->wordlen == 0) {
				/* fast path: a Han character */
				if (ts->carry != 0)
					tokvec_push(tv, bigram_key(ts->carry,
					    c), ts->han <
					    (size_t)tune.lead_chars);
				ts->carry = c;
				ts->han++;
			} else
				tok_feed(tv, ts, c);
		}
	} else {
		segm_norm_line(t, len, NORM_TEXT, &pg->cv, &pg->tmp, NULL);
		for (k = 0; k < pg->cv.n; k++)
			tok_feed(tv, ts, pg->cv.v[k]);
	}
	if (ts->wordlen > 0)
		tok_word_end(tv, ts);
}

/*
 * Tokens of the paragraphs among blocks [first, end), folded: at most
 * about cap Han characters, taken from the start, or from the end when
 * backward (whole paragraphs).  Bounding the text keeps the work per
 * article and per decision small whatever the size of the file.
 */
static void
blocks_tokens(struct page *pg, size_t first, size_t end, size_t cap,
    bool backward, struct tokvec *tv)
{
	size_t n, b, i;
	struct tokstate ts;

	memset(&ts, 0, sizeof ts);
	tokvec_clear(tv);
	for (n = 0; n < end - first && ts.han < cap; n++) {
		const struct blk *bl;

		b = backward ? end - 1 - n : first + n;
		bl = &pg->blks[b];
		if (bl->kind != BLK_PARA)
			continue;
		ts.carry = 0;
		for (i = bl->first; i <= bl->last && ts.han < cap; i++) {
			if (pg->lines[i].flags & (L_DISPLAY | L_HEADER |
			    L_DROP | L_BYLINE))
				continue;
			tokenize_line(pg, i, tv, &ts);
		}
	}
}

/* Free a profile. */
static void
free_profile(struct tokvec *p)
{
	if (p != NULL) {
		tokvec_free(p);
		free(p);
	}
}

/* Tokens of the display lines of blocks first..last (distinct). */
static void
group_tokens(struct page *pg, uint32_t first, uint32_t last,
    struct tokvec *tv)
{
	size_t b, i;
	struct tokstate ts;

	memset(&ts, 0, sizeof ts);
	tokvec_clear(tv);
	for (b = first; b <= last; b++) {
		for (i = pg->blks[b].first; i <= pg->blks[b].last; i++) {
			ts.carry = 0;
			tokenize_line(pg, i, tv, &ts);
		}
	}
}

/* The scoring context: profiles of the articles near the current unit. */
struct scorer {
	struct page	 *pg;
	struct tokvec	**prof;		/* per article, built on demand */
	size_t		  lo;		/* profiles below this are freed */
	size_t		  cap;		/* Han characters a profile reads */
	struct tokvec	  tv;
	struct tokvec	**pool;		/* freed profiles, memory kept */
	size_t		  npool, cappool;
	const struct tokvec **win;	/* content_scores: the window's
					   profiles (NULL: phantom) ... */
	const struct tok **hit;		/* ... and one token's hits in them */
};

/* The profile of article k (built when first needed). */
static const struct tokvec *
scorer_profile(struct scorer *sc, size_t k)
{
	struct tokvec *p;

	if (sc->prof[k] == NULL) {
		/* Reuse a freed profile: its tables are sized already. */
		p = sc->npool > 0 ? sc->pool[--sc->npool] :
		    xcalloc(1, sizeof *p);
		blocks_tokens(sc->pg, sc->pg->arts[k].first,
		    sc->pg->arts[k].end, sc->cap, false, p);
		sc->prof[k] = p;
	}
	return sc->prof[k];
}

/* Free the profiles of articles before lo: no later unit looks at them. */
static void
scorer_advance(struct scorer *sc, size_t lo)
{
	struct tokvec *p;

	while (sc->lo < lo && sc->lo < sc->pg->narts) {
		if ((p = sc->prof[sc->lo]) != NULL) {
			if (sc->npool == sc->cappool) {
				sc->cappool = sc->cappool == 0 ? 16 :
				    sc->cappool * 2;
				sc->pool = xreallocarray(sc->pool, sc->cappool,
				    sizeof *sc->pool);
			}
			sc->pool[sc->npool++] = p;
		}
		sc->prof[sc->lo] = NULL;
		sc->lo++;
	}
}

/* Free every profile and the scorer's memory. */
static void
scorer_free(struct scorer *sc)
{
	size_t k;

	for (k = 0; k < sc->pg->narts; k++)
		free_profile(sc->prof[k]);
	for (k = 0; k < sc->npool; k++)
		free_profile(sc->pool[k]);
	free(sc->pool);
	free(sc->prof);
	free(sc->win);
	free(sc->hit);
	tokvec_free(&sc->tv);
}

/*
 * The candidate articles of a unit standing between articles prev and
 * next: up to tune.window each side, phantoms excluded.
 */
static void
candidate_range(const struct page *pg, int32_t prev, int32_t next,
    size_t *lo, size_t *hi)
{
	long ref = next >= 0 ? next : prev + 1;
	long l = ref - tune.window, h = ref + tune.window;

	if (l < 0)
		l = 0;
	if (h > (long)pg->narts)
		h = (long)pg->narts;
	*lo = (size_t)l;
	*hi = (size_t)h;
}

/* Position bonus of article k for a unit between prev and next. */
static double
position_bonus(int32_t prev, int32_t next, size_t k)
{
	long dist;

	if (next >= 0 && (long)k == next)
		return tune.pos_next;
	if (prev >= 0 && (long)k == prev)
		return tune.pos_prev;
	if (next >= 0 && (long)k > next)
		dist = (long)k - next;
	else if (prev >= 0 && (long)k < prev)
		dist = prev - (long)k;
	else
		dist = 1;
	return -tune.pos_far * (double)dist;
}

/*
 * Content scores of the tokens in sc->tv against articles lo..hi-1 into
 * out[]: the idf-weighted share of the unit's tokens found in each
 * article, a token counting more when frequent or in the lead.  idf is
 * 1/df over the candidate articles (no logarithm needed at this size).
 * Each token is looked up once per article: the hits found for df are
 * kept for the weights.
 */
static void
content_scores(struct scorer *sc, size_t lo, size_t hi, double *out)
{
	const struct tokvec *tv = &sc->tv;
	const struct tok *hit;
	size_t t, k, df;
	double idf, total = 0, w;

	if (sc->win == NULL) {
		sc->win = xcalloc((size_t)tune.window * 2 + 2,
		    sizeof *sc->win);
		sc->hit = xcalloc((size_t)tune.window * 2 + 2,
		    sizeof *sc->hit);
	}
	for (k = lo; k < hi; k++)
		out[k - lo] = 0;
	/* Profiles are built only when there is a token to look up. */
	for (k = lo; k < hi && tv->n > 0; k++)
		sc->win[k - lo] = sc->pg->arts[k].phantom ? NULL :
		    scorer_profile(sc, k);
	for (t = 0; t < tv->n; t++) {
		df = 0;
		for (k = lo; k < hi; k++) {
			hit = sc->win[k - lo] == NULL ? NULL :
			    tokvec_find(sc->win[k - lo], tv->t[t].key);
			sc->hit[k - lo] = hit;
			df += hit != NULL;
		}
		idf = 1.0 / (double)(df == 0 ? 1 : df);
		total += idf;
		for (k = lo; k < hi; k++) {
			hit = sc->hit[k - lo];
			if (hit == NULL)
				continue;
			w = tune.w_base + tune.w_tf * (hit->tf - 1) +
			    (hit->lead ? tune.w_lead : 0);
			out[k - lo] += idf * (w > 1 ? 1 : w);
		}
	}
	for (k = lo; k < hi; k++)
		out[k - lo] = total > 0 ? out[k - lo] / total : 0;
}

/*
 * Weighted share of the tokens of b found in a: sum of idf over the
 * tokens in both, over the sum over b.  idf[] is per token of b.
 */
static double
share_of(const struct tokvec *a, const struct tokvec *b, const double *idf)
{
	size_t j;
	double both = 0, all = 0;

	for (j = 0; j < b->n; j++) {
		all += idf[j];
		if (tokvec_find(a, b->t[j].key) != NULL)
			both += idf[j];
	}
	return all > 0 ? both / all : 0;
}

/*
 * share_of() with the lookups done already: hit[j * stride] tells
 * whether token j of b is in the other set.  Sums in the same order.
 */
static double
share_of_hits(const struct tokvec *b, const double *idf, const uint8_t *hit,
    size_t stride)
{
	size_t j;
	double both = 0, all = 0;

	for (j = 0; j < b->n; j++) {
		all += idf[j];
		if (hit[j * stride])
			both += idf[j];
	}
	return all > 0 ? both / all : 0;
}

/*
 * Find the articles printed without dateline (an essay, a notice) that
 * extraction ran into the article before them.  A display run inside an
 * article, between paragraphs, is a subhead when the text after it goes
 * on with the topic of the text before it, and the headline of a new
 * article when the text after it shares no more with the text before it
 * than with the other articles nearby (see tune.cohesion_ratio), or
 * little while the column width changes there too.  The comparison reads
 * bounded segments, so a page stays linear.
 */
static void
split_articles(struct page *pg)
{
	struct tokvec before, after;
	struct scorer sc;
	uint8_t *cut, *hits;
	double *idf, own, other, sh;
	size_t a, b, e, k, t, u, lo, hi, start, n, df, nparas, ua, ub, w;
	int jump;
	struct art *arts;

	if (pg->narts == 0 || pg->nblks == 0)
		return;
	memset(&sc, 0, sizeof sc);
	memset(&before, 0, sizeof before);
	memset(&after, 0, sizeof after);
	sc.pg = pg;
	sc.cap = (size_t)tune.segment_chars;
	sc.prof = xcalloc(pg->narts + 1, sizeof *sc.prof);
	cut = xcalloc(pg->nblks, 1);
	n = 0;
	for (a = 0; a < pg->narts; a++) {
		start = pg->arts[a].first;
		candidate_range(pg, (int32_t)a, (int32_t)a + 1 <
		    (int32_t)pg->narts ? (int32_t)a + 1 : -1, &lo, &hi);
		if (lo > 0)
			scorer_advance(&sc, lo - 1);
		for (b = pg->arts[a].first; b < pg->arts[a].end; b = e) {
			if (pg->blks[b].kind != BLK_DISPLAY ||
			    pg->blks[b].interrupt) {
				e = b + 1;
				continue;
			}
			for (e = b; e < pg->arts[a].end &&
			    pg->blks[e].kind == BLK_DISPLAY; e++)
				/* nothing */;
			/* Paragraphs on both sides within the article? */
			nparas = 0;
			for (k = start; k < b; k++)
				nparas += pg->blks[k].kind == BLK_PARA;
			if (nparas == 0 || e >= pg->arts[a].end ||
			    pg->blks[e].kind != BLK_PARA)
				continue;
			blocks_tokens(pg, start, b,
			    (size_t)tune.segment_chars, true, &before);
			blocks_tokens(pg, e, pg->arts[a].end,
			    (size_t)tune.segment_chars, false, &after);
			if (after.n == 0)
				continue;
			/*
			 * hits[t * w + k - lo]: token t of the text after is
			 * in article k; found once for df, used again for
			 * the shares.
			 */
			w = hi - lo;
			idf = xcalloc(after.n, sizeof *idf);
			hits = xcalloc(after.n * w + 1, 1);
			for (t = 0; t < after.n; t++) {
				df = 0;
				for (k = lo; k < hi; k++)
					if (k != a && !pg->arts[k].phantom &&
					    tokvec_find(scorer_profile(&sc, k),
					    after.t[t].key) != NULL) {
						hits[t * w + k - lo] = 1;
						df++;
					}
				idf[t] = 1.0 / (double)(1 + df);
			}
			own = share_of(&before, &after, idf);
			other = 0;
			for (k = lo; k < hi; k++) {
				if (k == a || pg->arts[k].phantom)
					continue;
				sh = share_of_hits(&after, idf, hits + k - lo,
				    w);
				if (sh > other)
					other = sh;
			}
			free(hits);
			free(idf);
			jump = (int)pg->lines[pg->blks[e].first].colw -
			    (int)pg->lines[pg->blks[b - 1].last].colw;
			/*
			 * A numbered subhead （一） is a section of the
			 * article, whatever the text after it is about.
			 */
			if (pg->lines[pg->blks[b].first].xf & X_ENUM)
				continue;
			if (own < tune.cohesion_min ||
			    own < tune.cohesion_ratio * other ||
			    ((jump >= tune.layout_jump ||
			    jump <= -tune.layout_jump) &&
			    own < tune.cohesion_layout)) {
				cut[b] = 1;
				n++;
				continue;
			}
			/*
			 * A title names what follows it, not what came
			 * before: most of its tokens are in the text after,
			 * few in the text before.  Subheads can look alike,
			 * so the text on both sides must also hang together
			 * little.  Each unit of the run is tried: a headline
			 * printed after its body may stand before the title.
			 */
			for (u = b; u < e && own < tune.cohesion_title; u++) {
				group_tokens(pg, (uint32_t)u, (uint32_t)u,
				    &sc.tv);
				ua = ub = 0;
				for (t = 0; t < sc.tv.n; t++) {
					ub += tokvec_find(&before,
					    sc.tv.t[t].key) != NULL;
					ua += tokvec_find(&after,
					    sc.tv.t[t].key) != NULL;
				}
				if (sc.tv.n > 0 && (double)ua >=
				    tune.title_after * (double)sc.tv.n &&
				    (double)ub <=
				    tune.title_before * (double)sc.tv.n) {
					cut[u] = 1;
					n++;
					break;
				}
			}
		}
	}
	scorer_free(&sc);
	tokvec_free(&before);
	tokvec_free(&after);
	if (n > 0) {
		/* Rebuild the article list with the new starts. */
		arts = xcalloc(pg->narts + n, sizeof *arts);
		for (a = 0, k = 0; a < pg->narts; a++) {
			arts[k] = pg->arts[a];
			for (b = pg->arts[a].first; b < pg->arts[a].end; b++) {
				if (!cut[b])
					continue;
				arts[k].end = (uint32_t)b;
				k++;
				memset(&arts[k], 0, sizeof arts[k]);
				arts[k].first = (uint32_t)b;
				arts[k].end = pg->arts[a].end;
				arts[k].group = -1;
			}
			k++;
		}
		free(pg->arts);
		pg->arts = arts;
		pg->caparts = pg->narts + n;
		pg->narts = k;
	}
	free(cut);
}

/* Order pairs by score, best first (ties: page order). */
static int
cmp_pair(const void *x, const void *y)
{
	const struct pair *a = x, *b = y;

	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	if (a->group != b->group)
		return a->group < b->group ? -1 : 1;
	return a->art < b->art ? -1 : a->art > b->art;
}

/* Append a pair. */
static void
push_pair(struct pair **v, size_t *n, size_t *cap, double score,
    size_t g, size_t k)
{
	if (*n == *cap) {
		*cap = *cap == 0 ? 64 : *cap * 2;
		*v = xreallocarray(*v, *cap, sizeof **v);
	}
	(*v)[*n].score = score;
	(*v)[*n].group = (uint32_t)g;
	(*v)[*n].art = (uint32_t)k;
	(*n)++;
}

/* The (group, article) pairs collected for the greedy matching. */
struct pairs {
	struct pair	*v;
	size_t		 n, cap;
};

/*
 * Score group gi against the articles around it and collect its pairs:
 * a subhead only when another article clearly wants it more.  sco has
 * room for a window of scores.
 */
static void
score_group(struct page *pg, struct scorer *sc, size_t gi, double *sco,
    struct pairs *pp)
{
	struct group *g = &pg->groups[gi];
	size_t k, lo, hi;
	double other, own;

	candidate_range(pg, g->prev, g->next, &lo, &hi);
	scorer_advance(sc, lo);
	group_tokens(pg, g->first, g->last, &sc->tv);
	content_scores(sc, lo, hi, sco);
	if (g->host >= 0 && !g->interrupt) {
		/* A subhead leaves only for a clearly better home. */
		own = sco[(size_t)g->host - lo];
		other = 0;
		for (k = lo; k < hi; k++)
			if ((int32_t)k != g->host && sco[k - lo] > other)
				other = sco[k - lo];
		g->candidate = other >= tune.min_content &&
		    other >= tune.steal_ratio * own + tune.steal_margin;
	}
	if (!g->candidate)
		return;
	for (k = lo; k < hi; k++) {
		if (pg->arts[k].phantom || sco[k - lo] < tune.min_content)
			continue;
		if (g->host >= 0 && !g->interrupt && (int32_t)k == g->host)
			continue;
		push_pair(&pp->v, &pp->n, &pp->cap, sco[k - lo] +
		    position_bonus(g->prev, g->next, k), gi, k);
	}
}

/*
 * Find the display runs of the page, with the articles around each, and
 * cut them into groups: units of a run whose best article is the same are
 * merged; a unit that matches nothing joins the unit after it.  Each
 * group is scored (score_group) as soon as its run is cut, while the
 * profiles of the run's articles are still at hand: the groups of a run
 * look at the same articles as its units.
 */
static void
make_groups(struct page *pg, struct scorer *sc, struct pairs *pp)
{
	size_t a, b, e, u, lo, hi, k, best_k;
	int32_t prev, next, host, *best;
	double *sco, bs, s;
	bool inner;
	struct group *g;
	size_t gfirst, gi;

	pg->ngroups = 0;
	sco = xcalloc((size_t)tune.window * 2 + 2, sizeof *sco);
	for (a = 0; a < pg->narts; a++) {
		for (b = pg->arts[a].first; b < pg->arts[a].end; b = e) {
			if (pg->blks[b].kind != BLK_DISPLAY) {
				e = b + 1;
				continue;
			}
			for (e = b; e < pg->arts[a].end &&
			    pg->blks[e].kind == BLK_DISPLAY; e++)
				/* nothing */;
			/* The run is blocks b..e-1 of article a. */
			inner = false;
			for (k = pg->arts[a].first; k < b; k++)
				if (pg->blks[k].kind == BLK_PARA)
					inner = true;
			if (e == pg->arts[a].end)
				inner = false;
			prev = -1;
			next = -1;
			host = -1;
			if (inner)
				host = (int32_t)a;
			else if (e < pg->arts[a].end) {
				/* Before article a's first paragraph. */
				next = (int32_t)a;
				prev = a > 0 && !pg->arts[a - 1].phantom ?
				    (int32_t)a - 1 : -1;
			} else {
				prev = pg->arts[a].phantom ? -1 : (int32_t)a;
				next = a + 1 < pg->narts ? (int32_t)a + 1 : -1;
			}
			if (inner) {
				prev = (int32_t)a;
				next = a + 1 < pg->narts ? (int32_t)a + 1 : -1;
			}
			candidate_range(pg, prev, next, &lo, &hi);
			scorer_advance(sc, lo);
			best = xcalloc(e - b, sizeof *best);
			for (u = b; u < e; u++) {
				group_tokens(pg, (uint32_t)u, (uint32_t)u,
				    &sc->tv);
				content_scores(sc, lo, hi, sco);
				bs = -1;
				best_k = (size_t)-1;
				for (k = lo; k < hi; k++) {
					if (pg->arts[k].phantom ||
					    sco[k - lo] < tune.min_content)
						continue;
					s = sco[k - lo] +
					    position_bonus(prev, next, k);
					if (s > bs) {
						bs = s;
						best_k = k;
					}
				}
				best[u - b] = best_k == (size_t)-1 ? -1 :
				    (int32_t)best_k;
			}
			/* Weak units take the best of the unit after them. */
			for (u = e - b; u-- > 1;)
				if (best[u - 1] < 0)
					best[u - 1] = best[u];
			/*
			 * The last unit joins the unit before it when that one
			 * belongs to the article right after the run: nothing
			 * else stands between the lines of one headline split
			 * by a blank line (a main line and its subtitle).
			 */
			if (e - b > 1 && next >= 0 && !inner &&
			    best[e - b - 2] == next)
				best[e - b - 1] = next;
			g = NULL;
			gfirst = pg->ngroups;
			for (u = b; u < e; u++) {
				bool interrupt = pg->blks[u].interrupt;

				if (g == NULL || best[u - b] < 0 ||
				    best[u - b] != best[u - b - 1] || inner ||
				    interrupt != g->interrupt) {
					g = page_add_group(pg);
					g->first = (uint32_t)u;
					g->prev = prev;
					g->next = next;
					g->host = host;
					g->interrupt = interrupt;
					g->candidate = !inner || interrupt;
				}
				g->last = (uint32_t)u;
				pg->blks[u].group = (int32_t)(g - pg->groups);
			}
			free(best);
			for (gi = gfirst; gi < pg->ngroups; gi++)
				score_group(pg, sc, gi, sco, pp);
		}
	}
	free(sco);
}

/*
 * Assign headline groups to articles (see the top of the file).  Fills
 * arts[].group and the fate of every display unit.
 */
static void
assign_headlines(struct page *pg)
{
	struct scorer sc;
	struct pairs pp = { NULL, 0, 0 };
	struct pair *pairs;
	size_t npairs, gi, k, b;
	struct group *g;
	int32_t *owner;

	memset(&sc, 0, sizeof sc);
	sc.pg = pg;
	sc.cap = (size_t)tune.profile_chars;
	sc.prof = xcalloc(pg->narts + 1, sizeof *sc.prof);
	make_groups(pg, &sc, &pp);
	scorer_free(&sc);
	pairs = pp.v;
	npairs = pp.n;

	owner = xcalloc(pg->ngroups + 1, sizeof *owner);
	for (gi = 0; gi < pg->ngroups; gi++)
		owner[gi] = -1;

	/* Greedy matching, best pair first. */
	if (npairs > 0)
		qsort(pairs, npairs, sizeof *pairs, cmp_pair);
	for (k = 0; k < npairs; k++) {
		if (owner[pairs[k].group] >= 0 ||
		    pg->arts[pairs[k].art].group >= 0)
			continue;
		owner[pairs[k].group] = (int32_t)pairs[k].art;
		pg->arts[pairs[k].art].group = (int32_t)pairs[k].group;
	}
	free(pairs);

	/*
	 * What content did not place: the group right before an article
	 * still without headline becomes its headline; subheads stay;
	 * the rest is kept as text.
	 */
	for (gi = 0; gi < pg->ngroups; gi++) {
		g = &pg->groups[gi];
		if (owner[gi] < 0 && g->host < 0 && g->next >= 0 &&
		    pg->arts[g->next].group < 0 &&
		    !pg->arts[g->next].phantom && g->last + 1 < pg->nblks &&
		    pg->blks[g->last + 1].kind != BLK_DISPLAY) {
			owner[gi] = g->next;
			pg->arts[g->next].group = (int32_t)gi;
		}
		for (b = g->first; b <= g->last; b++) {
			if (owner[gi] >= 0)
				pg->blks[b].fate = FATE_HEADLINE;
			else if (g->host >= 0)
				pg->blks[b].fate = FATE_SUBHEAD;
			else
				pg->blks[b].fate = FATE_PARAGRAPH;
		}
	}
	free(owner);
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
	if (ntok >= 3 && nsingle * 5 >= ntok * 4) {
		sq = xreallocarray(NULL, n + 1, sizeof *sq);
		for (i = j = 0; i < n; i++)
			if (v[i] != ' ')
				sq[j++] = v[i];
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
		if (i > 0)
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
	if (dl == 0)
		return;
	if (segm_dateline_kind(dl) == DL_TEXT) {
		put_cps(&b, pg->cv.v, end);
		article_set_dateline(ed, art, buf_str(&b));
		buf_free(&b);
	} else
		end = 0;
	for (i = blk->first, k = 0; i <= blk->last && k < 4; i++, k++) {
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
 * paragraph being joined in acc, by the same rules.
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
		if (l == '-' && segm_is_latin_letter(l2) && r >= 'a' &&
		    r <= 'z')
			acc->data[--acc->len] = '\0';
		else if (segm_is_cjk(l) || segm_is_cjk(r) || l == ' ' ||
		    l == '-' || l == '/')
			;
		else if (strchr(",.;:!?%)]}", (int)r) != NULL && r < 0x80)
			;
		else if (r < 0x80 && strchr("([{", (int)l) != NULL &&
		    l < 0x80)
			;
		else
			buf_putc(acc, ' ');
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
		if (segm_is_digit(l) || segm_is_digit(r) || i - start < 3 ||
		    n - i < 4)
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
 * The roles of the n lines of a headline, from their lengths w[] in
 * characters (a text loader has no type sizes to go by):
 *  - one line is the main headline;
 *  - two lines of about the same length (one character apart at most)
 *    are a couplet, both main: papers print parallel lines that way;
 *  - a first line clearly shorter than the second (tune.kicker_ratio) is
 *    a kicker over the main line: 冬季供暖 / 热力公司开通24小时服务热线;
 *  - otherwise the first is the main headline and the second, as long or
 *    longer and explaining it, its subheadline;
 *  - three or more: a kicker, main lines, and a subheadline last.
 */
static void
headline_roles(const size_t *w, size_t n, enum headline_role *role)
{
	size_t i;

	if (n == 0)
		return;
	if (n == 1) {
		role[0] = HEADLINE_MAIN;
		return;
	}
	if (n == 2) {
		if (w[0] + 1 >= w[1] && w[1] + 1 >= w[0])
			role[0] = role[1] = HEADLINE_MAIN;
		else if ((double)w[0] < tune.kicker_ratio * (double)w[1]) {
			role[0] = HEADLINE_KICKER;
			role[1] = HEADLINE_MAIN;
		} else {
			role[0] = HEADLINE_MAIN;
			role[1] = HEADLINE_SUB;
		}
		return;
	}
	role[0] = HEADLINE_KICKER;
	for (i = 1; i + 1 < n; i++)
		role[i] = HEADLINE_MAIN;
	role[n - 1] = HEADLINE_SUB;
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
	size_t w[HEAD_MAX], bi, i;

	memset(&h, 0, sizeof h);
	for (bi = g->first; bi <= g->last; bi++)
		for (i = pg->blks[bi].first; i <= pg->blks[bi].last; i++)
			headline_split(pg, i, &h);
	for (i = 0; i < h.n; i++) {
		headline_trim(&h.line[i]);
		w[i] = utf8_count(buf_str(&h.line[i]), h.line[i].len);
	}
	headline_roles(w, h.n, role);
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

	line_cps(pg, bl->first, NORM_RAW);
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

/* Write article k of the page into section s. */
static void
emit_article(struct page *pg, struct edition *ed, struct section *s,
    size_t k, const char *path)
{
	const struct art *a = &pg->arts[k];
	struct article *art;
	struct buf b = BUF_INIT;
	size_t bi, skip;
	unsigned source = 0;
	bool dated = false;

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
		join_block(pg, bl, &b);
		if (b.len == 0)
			continue;
		article_add_block(ed, art, bl->kind == BLK_CAPTION ?
		    BLOCK_CAPTION : bl->kind == BLK_DISPLAY &&
		    bl->fate == FATE_SUBHEAD ? BLOCK_SUBHEAD : BLOCK_PARAGRAPH,
		    buf_str(&b));
	}
	if (source == 0)
		source = pg->lines[pg->blks[a->first].first].lineno;
	article_set_source(ed, art, path, source);
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

/*
 * Read one page (text[start..end)) into a new section.  Returns the
 * number of articles added; a page holding nothing but a header or page
 * number adds no section, unless header_text asks to read such lines as
 * text (for a file that holds nothing else).
 */
static int
load_page(struct page *pg, struct edition *ed, size_t start, size_t end,
    uint32_t *lineno, const char *path, const char *name, bool header_text)
{
	struct section *s;
	struct buf title = BUF_INIT;
	size_t k, bi;
	int count = 0;
	bool any;

	scan_page(pg, start, end, lineno);
	if (pg->nlines == 0)
		return 0;
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
	split_articles(pg);
	assign_headlines(pg);

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
		line_cps(pg, (size_t)pg->header, NORM_RAW);
		put_cps(&title, pg->cv.v, pg->cv.n);
	} else if (pg->mast >= 0)
		masthead_title(pg, &title);
	else
		buf_puts(&title, name != NULL ? name :
		    path != NULL ? path : "text");
	s = edition_add_section(ed, buf_str(&title), path);
	buf_free(&title);
	for (k = 0; k < pg->narts; k++) {
		if (pg->arts[k].phantom && !pg->arts[k].emit)
			continue;
		emit_article(pg, ed, s, k, path);
		count++;
	}
	return count;
}

/* Does text[0..len) hold anything but spaces and invisible characters? */
static bool
has_text(const char *text, size_t len)
{
	size_t i;
	uint32_t c;

	for (i = 0; i < len;) {
		i += utf8_decode(text + i, len - i, &c);
		if (!text_is_space(c) && !text_is_control(c) &&
		    !text_is_ignorable(c))
			return true;
	}
	return false;
}

/* Read the pages of text into sections of ed (see load_text.h). */
int
load_text(struct edition *ed, const char *text, size_t len, const char *path,
    const char *name, char **cause)
{
	struct page pg;
	size_t start, end;
	const char *ff;
	uint32_t lineno = 1;
	int count = 0, round;

	if (text == NULL || !has_text(text, len)) {
		if (cause != NULL)
			*cause = xstrdup("no text to read");
		return -1;
	}
	memset(&pg, 0, sizeof pg);
	pg.text = text;
	/* A second round only when the first found nothing but headers. */
	for (round = 0; round < 2 && count == 0; round++) {
		lineno = 1;
		for (start = 0; start <= len; start = end + 1) {
			ff = memchr(text + start, '\f', len - start);
			end = ff != NULL ? (size_t)(ff - text) : len;
			pg.ngroups = pg.narts = pg.nblks = 0;
			count += load_page(&pg, ed, start, end, &lineno, path,
			    name, round == 1);
			if (end >= len)
				break;
		}
	}
	free(pg.lines);
	free(pg.blks);
	free(pg.arts);
	free(pg.groups);
	segm_cpvec_free(&pg.cv);
	segm_cpvec_free(&pg.tmp);
	buf_free(&pg.scratch);
	return count;
}
