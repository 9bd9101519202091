/*
 * edition.h - the edition model: edition -> sections -> articles -> blocks.
 *
 * Every loader (raw text, edition XML, NITF, HTML) produces one of these and
 * everything downstream (layout, search, bookmarks, export, the TUI) reads
 * it.  All memory of an edition, strings included, lives in one arena owned
 * by the edition: edition_free() releases everything at once.
 *
 * Life cycle:
 *
 *   struct edition *ed = edition_new(title, source);     building starts
 *   edition_set_paper(ed, ...); edition_set_date(ed, ...);
 *   struct section *s  = edition_add_section(ed, ...);   loaders fill it
 *   section_set_page(ed, s, page, name);
 *   struct article *a  = section_add_article(ed, s);
 *   article_add_headline(ed, a, ...); article_add_block(ed, a, ...); ...
 *   edition_finish(ed);                                  ids, frozen
 *   ... read through const pointers only ...
 *   edition_free(ed);
 *
 * The paper, date, page number and page name are set only when the pages
 * print them; unknown is NULL, or 0 for the page.  A known date is always
 * a real calendar date in ISO 8601 form, "YYYY-MM-DD".
 *
 * After edition_finish() the model is immutable: downstream modules receive
 * `const struct edition *` and never change it.  There is no global state;
 * two editions can be loaded side by side.
 *
 * All strings are valid UTF-8 (loaders guarantee it), NUL-terminated, and
 * owned by the edition's arena: copied into it, or (the text loader's
 * paragraphs, built in the buffer the file was read into) in a buffer the
 * edition was given to free with it (edition_adopt).
 */
#ifndef KANBAO_EDITION_H
#define KANBAO_EDITION_H

#include <stdbool.h>
#include <stddef.h>

struct arena;

/* The role a headline line plays in a printed headline group. */
enum headline_role {
	HEADLINE_UNKNOWN = 0,
	HEADLINE_KICKER,	/* 引题: the line above the main headline */
	HEADLINE_MAIN,		/* 主题: the headline proper */
	HEADLINE_SUB		/* 副题: the subheadline below it */
};

/* One printed headline line. */
struct headline {
	const char		*text;
	enum headline_role	 role;
	bool			 inferred;	/* made from the lead, not printed */
};

/* The kind of a body block. */
enum block_kind {
	BLOCK_PARAGRAPH = 0,
	BLOCK_SUBHEAD,		/* 小标题 inside an article */
	BLOCK_CAPTION		/* a picture caption (NITF media-caption) */
};

/* One body block: a paragraph, subhead or caption. */
struct block {
	enum block_kind	 kind;
	const char	*text;		/* normalised text, one line */
};

/* One credited person of a byline: 记者 王译博. */
struct credit {
	const char	*role;		/* 记者, 通讯员, ...; NULL when none printed */
	const char	*name;
};

/* An article. */
struct article {
	char		 id[17];	/* stable id: 16 lowercase hex digits */
	struct headline	*headlines;	/* in printed order */
	size_t		 nheadlines;
	const char	*title;		/* its main lines joined by a space
					   (edition_finish); article_title() */
	const char	*dateline;	/* 本报讯, 新华社北京12月23日电; NULL if none */
	const char	*byline;	/* "记者 王译博 通讯员 高岩"; NULL if none */
	struct credit	*credits;	/* the byline split into roles and names */
	size_t		 ncredits;
	struct block	*blocks;
	size_t		 nblocks;
	const char	*source_file;	/* where it was read from */
	unsigned	 source_line;	/* 1-based line of its first body line */
	size_t		 length;	/* characters (code points) of body text */
	unsigned	 cont_from;	/* 上接第N版 opened it: N; 0 = none */
	unsigned	 cont_to;	/* 下转第N版 ended it: N; 0 = none */
	bool		 cont_mid;	/* its first paragraph runs on from
					   page cont_from's last one */
};

/* A section: one printed page (版面). */
struct section {
	const char	*title;		/* 第05版：经开区新闻, or the file name */
	const char	*source;	/* file the section came from */
	unsigned	 page;		/* printed page number; 0 = unknown */
	const char	*name;		/* page name (要闻, 评论); NULL = unknown */
	struct article	**articles;
	size_t		 narticles;
};

/* An edition: the sections of one issue of a paper. */
struct edition {
	struct arena	 *arena;
	const char	 *title;
	const char	 *source;	/* the path given by the user */
	const char	 *encoding;	/* encoding the input was decoded from */
	const char	 *paper;	/* 人民日报; NULL = unknown */
	const char	 *date;		/* "YYYY-MM-DD" (ISO 8601); NULL = unknown */
	struct section	**sections;
	size_t		  nsections;
	bool		  finished;
};

/*
 * Create an empty edition.  title and source are copied; either may be
 * NULL.  Never returns NULL (allocation failure aborts).  Free with
 * edition_free().
 */
struct edition	*edition_new(const char *title, const char *source);

/* Free an edition and everything in it.  NULL is allowed. */
void		 edition_free(struct edition *ed);

/* Copy a string of len bytes into the edition's arena.  Returns the copy. */
const char	*edition_strndup(struct edition *ed, const char *s, size_t len);

/* Copy a NUL-terminated string into the edition's arena (NULL gives NULL). */
const char	*edition_strdup(struct edition *ed, const char *s);

/* Set the edition's title, source or encoding; the string is copied. */
void		 edition_set_title(struct edition *ed, const char *title);
void		 edition_set_encoding(struct edition *ed, const char *encoding);

/*
 * Set the name of the paper (人民日报), copied.  NULL or "" makes it
 * unknown (NULL).
 */
void		 edition_set_paper(struct edition *ed, const char *paper);

/*
 * Set the date of the issue from an ISO 8601 calendar date, exactly
 * "YYYY-MM-DD" (copied); NULL makes it unknown.  Returns false, leaving
 * the date as it was, when date is not of that form or not a real date
 * (2026-02-29, 2026-13-01, year 0000).  Other printed forms go through
 * edition_parse_date() first.
 */
bool		 edition_set_date(struct edition *ed, const char *date);

/*
 * Parse the printed date in s[0..len) (UTF-8, the whole of it, spaces
 * around it allowed): 2026年3月2日 (or 2日 written 2号), 2026-03-02,
 * 2026.3.2, 2026/03/02, full-width digits, and Chinese numerals such as
 * 二〇二六年三月二日 or 十二月二十四日.  The year has four digits.
 * On success writes the ISO 8601 form "YYYY-MM-DD" and a NUL into
 * out[11] and returns true; returns false (out untouched) for anything
 * else, including dates that do not exist.  Pure: no locale, no state.
 */
bool		 edition_parse_date(const char *s, size_t len, char out[11]);

/*
 * Append a section.  title and source are copied.  Returns the new section,
 * which stays valid for the life of the edition.
 */
struct section	*edition_add_section(struct edition *ed, const char *title,
		     const char *source);

/*
 * Set a section's printed page number (0: unknown) and page name (要闻,
 * 评论; copied; NULL or "": unknown).  Both are replaced.
 */
void		 section_set_page(struct edition *ed, struct section *s,
		     unsigned page, const char *name);

/* Append an empty article to a section.  Returns it; valid as above. */
struct article	*section_add_article(struct edition *ed, struct section *s);

/* Append a headline line (text copied) to an article. */
void		 article_add_headline(struct edition *ed, struct article *a,
		     const char *text, enum headline_role role, bool inferred);

/* Append a body block (text copied) to an article. */
void		 article_add_block(struct edition *ed, struct article *a,
		     enum block_kind kind, const char *text);

/*
 * Append a body block whose text is not copied: it must be NUL-terminated
 * and lie in memory the edition frees, a block given to edition_adopt()
 * (before or after this call) or its arena.
 */
void		 article_add_block_kept(struct edition *ed, struct article *a,
		     enum block_kind kind, const char *text);

/*
 * Give the edition a block from malloc() to free with it: a loader's
 * buffer that strings of the edition point into (article_add_block_kept).
 * NULL is allowed.
 */
void		 edition_adopt(struct edition *ed, void *block);

/* Set the dateline and byline (copied); either may be NULL. */
void		 article_set_dateline(struct edition *ed, struct article *a,
		     const char *dateline);
void		 article_set_byline(struct edition *ed, struct article *a,
		     const char *byline);

/* Append one credit (role may be NULL) to an article's byline. */
void		 article_add_credit(struct edition *ed, struct article *a,
		     const char *role, const char *name);

/*
 * Record the pages an article's text comes from (上接第N版) or goes on to
 * (下转第N版); 0 = none.  mid: the brought text's first paragraph is the
 * rest of the last one before the turn (the page shows it unindented).
 * edition_finish() joins them.
 */
void		 article_set_continued(struct article *a, unsigned from,
		     unsigned to, bool mid);

/* Record where an article came from (file copied). */
void		 article_set_source(struct edition *ed, struct article *a,
		     const char *file, unsigned line);

/*
 * Finish loading: join continued articles (the text an article opened by
 * 上接第M版 on page P carries is appended to the article of page M that
 * goes on to page P, and leaves its own section), compute lengths and
 * stable ids, give every article without a printed headline an inferred
 * one from its lead, and freeze the model.
 * Call once, after the last add.
 */
void		 edition_finish(struct edition *ed);

/*
 * Compute the stable id of an article from its main headline and the start
 * of its lead, both normalised (NFKC, case folded, whitespace and
 * punctuation removed), so the id survives reloading, re-layout and
 * re-extraction of the same article.  Writes 16 hex digits and a NUL into
 * out[17].
 */
void		 article_stable_id(const struct article *a, char out[17]);

/*
 * The main headline text of an article: its MAIN lines joined by a space
 * (article->title, made by edition_finish), else its first line.
 */
const char	*article_title(const struct article *a);
/*
 * When a's headline has two MAIN lines or more, put them into b, joined
 * by a space, and return true (for readers that build articles without
 * edition_finish, such as index.c); else leave b and return false.
 */
struct buf;
bool		 article_join_title(const struct article *a, struct buf *b);

/* Total number of articles in the edition. */
size_t		 edition_count_articles(const struct edition *ed);

/* Find an article by stable id; NULL if absent.  sec and art get the indexes. */
const struct article *edition_find_article(const struct edition *ed,
		     const char *id, size_t *sec, size_t *art);

#endif
