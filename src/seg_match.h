/*
 * seg_match.h - line classes and matchers of the segmenter (seg_match.c):
 * character classes, line normalisation and the patterns that recognise
 * datelines, bylines, page headers and page furniture.  Everything here
 * works on the code points of one line.
 *
 * The small character classes are inline: the measuring and tokenizing
 * loops call them for every character.
 */
#ifndef KANBAO_SEG_MATCH_H
#define KANBAO_SEG_MATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "seg_tune.h"
#include "text.h"

/* A growable array of code points. */
struct cpvec {
	uint32_t	*v;
	size_t		 n, cap;
};

/* Normalisation modes of segm_norm_line(). */
#define NORM_TEXT	0	/* spaces next to CJK dropped */
#define NORM_RAW	1	/* spaces kept, runs collapsed */

/*
 * Dateline patterns (the table dateline_patterns in seg_match.c).  An
 * article starts at a line that begins with one of these (matched on
 * the normalised line, so 本报北京 12 月 23 日电 matches).
 * In a pattern, %P is a place (2-6 Han characters: one would let
 * 本报%P讯 take 本报通讯员 for 本报[通]讯), %D a date (12月23日 or
 * 23日, digits or Chinese numerals), %R a bracketed byline holding a role
 * (记者, 通讯员 ...), %N a line of names only, %B a line of roles and
 * names (本报记者陈默, 张明远: see byline_names).  Kinds: DL_TEXT, the matched
 * text is the dateline; DL_PAREN, no dateline, only a byline; DL_LINE, the
 * line is a byline standing alone.
 */
enum dl_kind {
	DL_TEXT,
	DL_PAREN,
	DL_LINE
};

/* ------------------------------------------------------------------ */
/* Character classes. */

/* text_is_alnum() with ASCII and Han answered inline. */
static inline bool
segm_is_alnum_fast(uint32_t c)
{
	if (c < 0x80)
		return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' &&
		    (c | 0x20) <= 'z');
	if (c >= 0x4E00 && c <= 0x9FFF)
		return false;
	return text_is_alnum(c);
}

/* CJK for spacing purposes: Han, kana and CJK punctuation, not Hangul. */
static inline bool
segm_is_cjk(uint32_t c)
{
	if (c >= 0x4E00 && c <= 0x9FFF)		/* fast path: Han */
		return true;
	return text_is_cjk(c) && !text_is_hangul(c);
}

/* ASCII letter. */
static inline bool
segm_is_latin_letter(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* ASCII or full-width digit. */
static inline bool
segm_is_digit(uint32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

/* Width of a code point in quarter cells (see the top of seg.c). */
static inline int
segm_cp_units(uint32_t c)
{
	if (text_is_han(c) || text_is_kana(c) || text_is_hangul(c))
		return CELL;
	/* Dashes and ellipses are never compressed: —— …… */
	if (c == 0x2014 || c == 0x2026 || c == 0x2015 || c == 0x22EF)
		return CELL;
	if (c >= 0xFF01 && c <= 0xFF5E)
		return text_is_alnum(c) ? CELL : CELL * 3 / 4;
	if (text_is_cjk_punct(c))
		return CELL * 3 / 4;
	return CELL / 2;
}

/*
 * Punctuation after which a sentence goes on: ，、；— and the like, and
 * opening brackets.  Not symbols such as ％ or ℃ that may end a headline.
 */
static inline bool
segm_is_cont_punct(uint32_t c)
{
	switch (c) {
	case 0xFF0C: case 0x3001: case 0xFF1B: case 0x2014: case 0x2013:
	case 0x2015: case 0x00B7: case 0x30FB: case 0xFF5E: case 0x301C:
	case ',': case ';': case '-': case '/': case '~': case '&':
		return true;
	}
	return text_is_opening(c);
}

/* Colon, full-width or ASCII. */
static inline bool
segm_is_colon(uint32_t c)
{
	return c == 0xFF1A || c == ':';
}

/* A stop inside a line that a headline never holds: 。； */
static inline bool
segm_is_inner_stop(uint32_t c)
{
	return c == 0x3002 || c == 0xFF1B || c == 0xFF61;
}

/* Chinese numeral (for dates written 十二月二十三日). */
static inline bool
segm_is_cn_numeral(uint32_t c)
{
	switch (c) {
	case 0x3007: case 0x4E00: case 0x4E8C: case 0x4E09: case 0x56DB:
	case 0x4E94: case 0x516D: case 0x4E03: case 0x516B: case 0x4E5D:
	case 0x5341:		/* 〇一二三四五六七八九十 */
		return true;
	}
	return false;
}

/* Does v[i..) start with the code points of lit (k of them)? */
static inline bool
segm_cps_at(const uint32_t *v, size_t n, size_t i, const uint32_t *lit,
    size_t k)
{
	return i + k <= n && memcmp(v + i, lit, k * sizeof *lit) == 0;
}

/* ------------------------------------------------------------------ */
/* Functions of seg_match.c. */

/* Append a code point to cv, growing it. */
void	 segm_cpvec_push(struct cpvec *cv, uint32_t cp);
/* Make room for n more code points in cv. */
void	 segm_cpvec_reserve(struct cpvec *cv, size_t n);
/* Free cv's array and empty it. */
void	 segm_cpvec_free(struct cpvec *cv);

/*
 * Normalise the line s[0..len) into out (tmp is scratch), per mode
 * (NORM_TEXT or NORM_RAW), and drop a continuation marker.  Returns the
 * number of leading spaces trimmed.  *simple (if not NULL): out is the
 * line's code points unchanged; *spaces (if not NULL): SEGM_SPACES_IN, a
 * space stood inside the line, and SEGM_SPACES_SPREAD, the line was
 * letter-spaced by justification (so set full); *marker (if not NULL): 0 no marker, else SEGM_MARK_ON (下转:
 * the text goes on on another page) or SEGM_MARK_FROM (上接: it comes
 * from one), or'd with the page it names << SEGM_MARK_SHIFT (0: none).
 */
#define SEGM_SPACES_IN		1
#define SEGM_SPACES_SPREAD	2
#define SEGM_MARK_ON	1
#define SEGM_MARK_FROM	2
#define SEGM_MARK_KIND	3
#define SEGM_MARK_SHIFT	2
unsigned segm_norm_line_info(const char *s, size_t len, int mode,
	    struct cpvec *out, struct cpvec *tmp, bool *simple,
	    unsigned *spaces, int *marker);
/* segm_norm_line_info() without the spaces and marker answers. */
unsigned segm_norm_line(const char *s, size_t len, int mode,
	    struct cpvec *out, struct cpvec *tmp, bool *simple);

/* What joining two lines puts between them (segm_join_rule). */
enum segm_join {
	SEGM_JOIN_NONE,			/* nothing: 中文 / 中文 */
	SEGM_JOIN_SPACE,		/* one space: Latin / words */
	SEGM_JOIN_UNHYPHEN		/* drop the first's hyphen: hy- / phen */
};
/*
 * The joining rule of lines into a paragraph, for a line ending in l (l2
 * before it, 0 if none) and the next starting with r.
 */
enum segm_join segm_join_rule(uint32_t l2, uint32_t l, uint32_t r);

/* Does v[i..n) start with the UTF-8 lit[0..litlen)?  *end gets the end. */
bool	 segm_match_literal(const uint32_t *v, size_t n, size_t i,
	    const char *lit, size_t litlen, size_t *end);
/* The length of the byline role keyword at v[i] (记者), or 0. */
size_t	 segm_match_role(const uint32_t *v, size_t n, size_t i);
/* Is v[a..b) a byline of space-separated roles and names? */
bool	 segm_byline_tokens(const uint32_t *v, size_t a, size_t b);
/* The length of a byline line's lead (□, 文/图) before the byline. */
size_t	 segm_byline_lead(const uint32_t *v, size_t n);

/*
 * The dateline pattern the normalised line v[0..n) starts with, index + 1,
 * or 0; *end (if not NULL) gets the end of the match.
 */
int	 segm_dateline_match(const uint32_t *v, size_t n, size_t *end);
/* The kind of a dateline pattern (dl as segm_dateline_match returns). */
enum dl_kind segm_dateline_kind(int dl);

/* Is the line a page header (第05版：要闻)? */
bool	 segm_header_match(const uint32_t *v, size_t n);
/*
 * Is the raw-normalised line a masthead line?  *mark and *name (if not
 * NULL) get its page number and page name tokens as start * 256 + length,
 * or 0.
 */
/* The parts of a masthead line, each as start * 256 + length, or 0. */
struct segm_mast {
	size_t	mark;		/* 第05版, A05 */
	size_t	name;		/* 经开区新闻 */
	size_t	paper;		/* 郑州日报 */
	size_t	date;		/* 2021年12月24日 */
	bool	issue;		/* 第12345期, 今日16版: a front page's box */
};
bool	 segm_masthead_parts(const uint32_t *v, size_t n,
	    struct segm_mast *mp);
unsigned segm_page_number(const uint32_t *v, size_t a, size_t b);
bool	 segm_masthead_match(const uint32_t *v, size_t n, size_t *mark,
	    size_t *name);
/* Is v[0..n) a page name standing alone by the masthead (经开区新闻)? */
bool	 segm_page_name(const uint32_t *v, size_t n);
/* Is the line an editors' credit line (责任编辑：李四)? */
bool	 segm_editor_match(const uint32_t *v, size_t n);
/*
 * Is the raw-normalised bracketed line a closing line of an article?
 * *kind gets 'b' (byline), 's' (source) or 'e' (editor); *start and *len
 * its inside.
 */
bool	 segm_tail_match(const uint32_t *v, size_t n, int *kind,
	    size_t *start, size_t *len);

/* Does the raw line s[0..len) start with —— (a subtitle)? */
bool	 segm_starts_dash(const char *s, size_t len);

/* Does the raw line s[0..len) open more “ than it closes? */
bool	 segm_open_quote(const char *s, size_t len);

/* Is v[0..n) an author's name alone (张晓燕, 本报评论员)? */
bool	 segm_bare_name(const uint32_t *v, size_t n);
bool	 segm_bare_names(const uint32_t *v, size_t n);
bool	 segm_box_label(const uint32_t *v, size_t n);
bool	 segm_column_label(const uint32_t *v, size_t n);
bool	 segm_speaker(const uint32_t *v, size_t n);

/*
 * Is c a mark papers set before an author's name (□ 张明远, ◆ 本报记者
 * 李华): squares, diamonds, circles and stars?
 */
static inline bool
segm_is_author_mark(uint32_t c)
{
	return c == 0x25A1 || c == 0x25A0 || c == 0x25C6 || c == 0x25C7 ||
	    c == 0x25CF || c == 0x25CB || c == 0x2605 || c == 0x2606;
}

#endif
