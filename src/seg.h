/*
 * seg.h - the segmentation pipeline (seg.c): rebuilds the articles of a
 * newspaper page from its lines, in reading order.
 *
 * A front end (load_text.c for pdftotext output) holds the text of the
 * pages and, for each page, gives the pipeline its lines as offsets into
 * that text (seg_page_line), then runs it (seg_load_page).  The records
 * below are the line records, with the features measured from the text
 * and those the passes add, and what the passes build on them.
 */
#ifndef KANBAO_SEG_H
#define KANBAO_SEG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "seg_match.h"

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
	uint8_t		 dl:6;		/* dateline pattern + 1, 0 if none */
	uint8_t		 spread:1;	/* letter-spaced by justification:
					   set full (SEGM_SPACES_SPREAD) */
	uint8_t		 speaker:1;	/* opens with a speaker: 记者：… */
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
	uint16_t	 cont_from;	/* 上接第N版 opens it: N, else 0 */
	bool		 cont_mid;	/* ... and its first line is not
					   indented (hints): it runs on */
	bool		 phantom;	/* text before the first dateline with
					   no paragraph: not a real article */
	bool		 emit;		/* phantom that must be written */
};

/*
 * A continuation marker with the page it names: 下转第N版 ends line
 * `line` (the text goes on on page N), or 上接第N版 stands before it (the
 * text comes from page N).  A page keeps at most SEG_CONTS_MAX.
 */
struct segcont {
	uint32_t	 line;
	uint16_t	 page;
	bool		 from;
};
#define SEG_CONTS_MAX	64

/* A headline group: consecutive display units of one run. */
struct group {
	uint32_t	 first, last;	/* blocks, inclusive */
	int32_t		 prev, next;	/* articles around it; -1 if none */
	int32_t		 host;		/* inner units: the article */
	bool		 interrupt;
	bool		 candidate;	/* may become a headline */
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
	bool		 blank;		/* a blank line since the last line
					   kept (seg_page_line) */
	uint8_t		*hints;		/* SEG_HINT_* of lines [0, nhinted) */
	size_t		 nhinted, caphints; /* nhinted 0: a page without
					   hints (the text loader's) */
	unsigned	 pending;	/* start hints of a line not kept */
	struct segcont	*conts;		/* continuation markers, by line */
	size_t		 nconts;
	unsigned	 cont_next;	/* 上接 page for the next line kept */
	char		*own;		/* text, writable: paragraphs are built
					   in it (seg_page_own), or NULL */
	size_t		 nkept;		/* blocks built there so far */
};

struct edition;

/*
 * Prepare pg to read the lines of text, which must stay as it is while
 * pg is in use: lines are kept as offsets into it.
 */
void	 seg_page_init(struct page *pg, const char *text);
/*
 * Let the pipeline write into text, the one given to seg_page_init() (the
 * front end's own buffer): a paragraph whose joined text fits over the
 * lines it was joined from is written there and added to the edition
 * without a copy (article_add_block_kept), which saves memory as large as
 * the file.  Nothing reads those lines again.  When pg->nkept is not 0
 * after seg_load_page(), the edition holds pointers into text: the front
 * end must give it to the edition (edition_adopt) instead of freeing it.
 */
void	 seg_page_own(struct page *pg, char *text);
/* Start a new page: forget the lines, blocks and articles of the last. */
void	 seg_page_begin(struct page *pg);
/*
 * Make room for about n more lines of the current page (the front end's
 * count of its line breaks): a large page's line records are then
 * allocated once, not grown and copied.  Only a hint; never required.
 */
void	 seg_page_reserve(struct page *pg, size_t n);
/*
 * Add the line text[off..off + len), without its line break, to the
 * page; lineno is its line number in the file (the source of the
 * articles).  The line is normalised and measured; a blank line is not
 * kept but marks the next line (L_BLANK_BEFORE), and a line that is only
 * a continuation marker is dropped.  Long lines may be given in pieces
 * with the same number.
 */
void	 seg_page_line(struct page *pg, size_t off, size_t len,
	    uint32_t lineno);
/*
 * Hints a front end that sees the page (load_pdf.c) gives about the line
 * it just added, through seg_page_line_hint.  A page with hints trusts
 * them over the guesses from widths: display lines are exactly those with
 * SEG_HINT_DISPLAY, and a paragraph ends exactly before a line that
 * starts one.
 */
#define SEG_HINT_DISPLAY	0x01	/* set large: a headline line */
#define SEG_HINT_SMALL		0x02	/* set small: caption, credit */
#define SEG_HINT_PARA_START	0x04	/* starts a paragraph */
#define SEG_HINT_REGION_START	0x08	/* a new article region begins */
#define SEG_HINT_BYLINE		0x10	/* the author line under a headline */
#define SEG_HINT_INDENT		0x20	/* starts indented in its column */
#define SEG_HINT_LARGE		0x40	/* set above body size: a headline,
					   not a bold subhead */
#define SEG_HINT_NEWCOL		0x80	/* the first line of a column */
/*
 * Give hints (SEG_HINT_*) about the line just given to seg_page_line.
 * When that line was not kept (blank, a marker), its start hints pass to
 * the next line kept.
 */
void	 seg_page_line_hint(struct page *pg, unsigned flags);
/*
 * Run the pipeline over the page's lines and add what it finds to ed as
 * one section.  path is the articles' source, name the section title when
 * the page has no header or masthead.  Returns the number of articles
 * added: 0 and no section when the page holds only a header or page
 * number, unless header_text asks to read such lines as text.
 */
int	 seg_load_page(struct page *pg, struct edition *ed, const char *path,
	    const char *name, bool header_text);
/* Free the memory of pg (not its text). */
void	 seg_page_free(struct page *pg);

#endif
