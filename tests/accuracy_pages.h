/*
 * accuracy_pages.h - synthetic pdftotext-like pages for measuring the
 * raw-text loader's accuracy: a deterministic generator built from known
 * articles, with the ground truth of what it made.
 *
 * The raw-text loader (src/load_text.c) must generalise to pages it has
 * never seen.  This generator sets the articles of a small corpus
 * (tests/data/corpus/ *.art) into newspaper columns the way a typesetter
 * and then pdftotext would: CJK line breaking with push-down, squeezed
 * punctuation, unprinted first-line indents, blank lines at column breaks
 * and paragraph ends, justification spaces, displaced or missing
 * headlines, split bylines, CRLF, BOM, page headers and form feeds.  The
 * same seed always gives the same page, so a failure can be replayed.
 */
#ifndef KANBAO_TESTS_ACCURACY_PAGES_H
#define KANBAO_TESTS_ACCURACY_PAGES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The kind of one body block of an article. */
enum lg_kind {
	LG_PARA = 0,
	LG_SUBHEAD
};

/* One body block: paragraph or subhead, text as written in the corpus. */
struct lg_block {
	enum lg_kind	 kind;
	char		*text;
};

/* One article of the corpus, as read from an .art file. */
struct lg_article {
	char		 *name;		/* file name, "03.art" */
	char		**headlines;	/* printed headline lines, in order */
	size_t		  nheadlines;
	char		 *dateline;	/* 本报讯; NULL if none */
	char		 *byline;	/* 记者 王译博; NULL if none */
	struct lg_block	 *blocks;
	size_t		  nblocks;
};

/* The corpus: every .art file of a directory, sorted by name. */
struct lg_corpus {
	struct lg_article *articles;
	size_t		   narticles;
};

/*
 * Read every *.art file of dir into c.  The format, one item a line:
 * "h TEXT" headline line, "dateline TEXT", "byline TEXT", "p TEXT"
 * paragraph, "s TEXT" subhead; lines starting with # and empty lines are
 * ignored.  Returns 0, or -1 with *cause set (caller frees).  Free with
 * lg_corpus_free().
 */
int	lg_corpus_load(struct lg_corpus *c, const char *dir, char **cause);

/* Free what lg_corpus_load() read.  c itself is not freed. */
void	lg_corpus_free(struct lg_corpus *c);

/* The seeded PRNG (xorshift64*): no rand(), no global state. */
struct lg_rng {
	uint64_t	s;
};

/* Seed a PRNG; every seed, 0 included, gives a usable state. */
void		lg_rng_seed(struct lg_rng *r, uint64_t seed);

/* Next 64 random bits. */
uint64_t	lg_rng_next(struct lg_rng *r);

/* A number in [lo, hi], both included. */
int		lg_rng_range(struct lg_rng *r, int lo, int hi);

/* True with probability percent / 100. */
bool		lg_rng_chance(struct lg_rng *r, int percent);

/*
 * Print width of s[0..len) in cells: ASCII is 1 cell, everything else 2
 * (the typesetter's model: CJK and its punctuation are full-width, even
 * quotes that a terminal would show narrow).
 */
int		lg_cells(const char *s, size_t len);

/* Layout features of a printed article (bits of lg_truth.features). */
#define LG_F_HEAD_AFTER		0x0001	/* headline printed after own body */
#define LG_F_HEAD_DISPLACED	0x0002	/* after next body, before previous */
#define LG_F_HEAD_MISSING	0x0004	/* no printed headline */
#define LG_F_EDGE_END		0x0008	/* a paragraph ends at the edge */
#define LG_F_NARROW		0x0010	/* a column of <= 14 characters */
#define LG_F_WIDE		0x0020	/* a column of >= 30 characters */
#define LG_F_JUSTIFY		0x0040	/* letter-spaced (justified) lines */
#define LG_F_SPLIT_BYLINE	0x0080	/* a line break cuts the byline */
#define LG_F_NO_DATELINE	0x0100	/* an essay or notice: no dateline */
#define LG_F_SUBHEAD		0x0200	/* has subheads */
#define LG_F_NOBLANK_PARA	0x0400	/* a paragraph end without blank */
#define LG_F_WIDTH_CHANGE	0x0800	/* the column width changes */
#define LG_F_HEAD_ONE_LINE	0x1000	/* two headline parts on one line */
#define LG_F_HEAD_GAP		0x2000	/* blank line inside a headline */
#define LG_F_COUNT		14

/* Short names of the features above, in bit order, for tables. */
extern const char *const lg_feature_names[LG_F_COUNT];

/* Layout features of a whole page (bits of lg_page.features). */
#define LG_P_CRLF		0x01
#define LG_P_BOM		0x02
#define LG_P_HEADER		0x04	/* a page header line (第05版：...) */
#define LG_P_MULTI		0x08	/* pages separated by form feeds */

/* The ground truth of one printed article, in the order bodies are printed. */
struct lg_truth {
	size_t		  corpus;	/* index into the corpus */
	const char	 *name;		/* its file name, "03.art" */
	size_t		  page;		/* 0-based page (section) */
	const char	**headlines;	/* none when not printed */
	size_t		  nheadlines;
	const char	 *byline;	/* NULL when none */
	struct lg_block	 *blocks;	/* paragraph 1 starts with dateline */
	size_t		  nblocks;
	unsigned	  features;	/* LG_F_* */
	unsigned	  first_line;	/* 1-based, first body line */
};

/* What each generated line is (lg_line.kind). */
enum lg_line_kind {
	LG_L_HEADER = 0,	/* page header */
	LG_L_HEADLINE,
	LG_L_BODY,		/* a line of a paragraph */
	LG_L_SUBHEAD,
	LG_L_BLANK_PARA,	/* blank after a paragraph or subhead */
	LG_L_BLANK_COLUMN,	/* blank at a column break inside a paragraph */
	LG_L_BLANK_ITEM		/* blank between articles or headline groups */
};

/* Flags of one generated line (lg_line.flags). */
#define LG_LF_FIRST	0x01	/* first line of a paragraph: indented */
#define LG_LF_LAST	0x02	/* last line of a paragraph */
#define LG_LF_PUSHED	0x04	/* a character was pushed to the next line */
#define LG_LF_SQUEEZED	0x08	/* a punctuation mark was squeezed in */
#define LG_LF_JUSTIFY	0x10	/* letter-spaced */
#define LG_LF_SPACED	0x20	/* other inserted spaces */

/* One generated line, for the generator's own tests. */
struct lg_line {
	enum lg_line_kind kind;
	int		  article;	/* index into lg_page.articles; -1 */
	int		  width;	/* column width in cells, or 0 */
	int		  cap;		/* room: width less the indent */
	int		  cells;	/* width of the printed characters */
	unsigned	  flags;	/* LG_LF_* */
	size_t		  off;		/* byte offset in lf_text */
	size_t		  len;		/* bytes, without the line ending */
};

/* Options of lg_generate(); lg_options_default() fills them. */
struct lg_options {
	bool	plain;		/* no inserted spaces and no squeezing */
	int	crlf;		/* -1 random, 0 never, 1 always */
	int	bom;		/* -1 random, 0 never, 1 always */
	int	header;		/* -1 random, 0 never, 1 always */
	int	pages;		/* 0 random (mostly 1), else this many */
	int	min_articles;	/* articles per page */
	int	max_articles;
};

/* A generated page (or several, separated by form feeds) and its truth. */
struct lg_page {
	uint64_t	 seed;
	char		*text;		/* for load_text(): BOM, CRLF */
	size_t		 len;
	char		*lf_text;	/* the same without BOM and CR */
	size_t		 npages;
	char		**titles;	/* header line per page, or NULL */
	unsigned	 features;	/* LG_P_* */
	struct lg_truth	*articles;
	size_t		 narticles;
	struct lg_line	*lines;		/* every line of lf_text */
	size_t		 nlines;
};

/* Set the default options: artefacts on, everything else random. */
void	lg_options_default(struct lg_options *o);

/*
 * Generate a page from corpus c with seed.  o may be NULL for the defaults.
 * The truth points into c, which must outlive p.  Free with lg_page_free().
 */
void	lg_generate(const struct lg_corpus *c, uint64_t seed,
	    const struct lg_options *o, struct lg_page *p);

/* Free a generated page.  p itself is not freed. */
void	lg_page_free(struct lg_page *p);

/*
 * Write the truth of p as text: one "== article" header a line, then
 * "headline", "byline", "p" and "s" lines.  Caller frees.
 */
char	*lg_truth_text(const struct lg_page *p);

/*
 * Write dir/page-SEED.txt (the text exactly as generated) and
 * dir/page-SEED.truth.  Returns 0, or -1 with *cause set (caller frees).
 */
int	lg_page_dump(const struct lg_page *p, const char *dir, char **cause);

#endif
