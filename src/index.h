/*
 * index.h - a full-text index of every edition of a library.
 *
 * Searching a library by loading each edition costs seconds per hundred
 * megabytes.  The index keeps, per article, the search keys (search.h) of
 * its fields in SQLite FTS5 tables and the article's text in a plain
 * table, so a query reads only the articles that can match.  It is a
 * CACHE: it lives in $XDG_CACHE_HOME/kanbao/index.sqlite, and a missing,
 * old-version or corrupt file is rebuilt, never reported as an error.
 *
 * Results are those of the linear search (search_article() on the same
 * articles), by construction: the FTS5 tables only choose candidates (a
 * superset of the matches), and each candidate is then matched by
 * search.c itself on its stored text.  See index.c for why the candidate
 * set never misses a match.
 *
 * Life cycle:
 *
 *   struct index *ix = index_open(NULL, &cause);     default path
 *   index_update(ix, root, sources, n, &opts, &st, &cause);
 *   index_search(ix, q, &filter, fn, ctx, &cause);   or index_print()
 *   index_close(ix);
 *
 * Several processes may open the same file at once (WAL mode, waits on a
 * busy lock); each edition is indexed in its own transaction, so a killed
 * process leaves every edition either indexed or not.  Not thread-safe:
 * one struct index per thread.
 */
#ifndef KANBAO_INDEX_H
#define KANBAO_INDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct article;
struct index;
struct load_options;
struct search_hit;
struct search_query;

/* Bumped whenever the tables or their meaning change: an index of another
   version is emptied and rebuilt. */
#define INDEX_SCHEMA	4

/* Return values of index_search() and index_update() besides counts. */
#define INDEX_ERROR	(-1)	/* *cause set */
#define INDEX_CORRUPT	(-2)	/* the file is damaged: index_reset() it */

/* One edition to index: its path and what the library folder says. */
struct index_source {
	const char	*path;	/* a file or folder that load_paths() opens */
	const char	*paper;	/* NULL: what the page headers say, if any */
	const char	*date;	/* "YYYY-MM-DD"; NULL: from the headers */
};

/* Called after each edition of an update: done of total looked at. */
typedef void (*index_progress_fn)(void *ctx, size_t done, size_t total);

/* What an update did. */
struct index_stats {
	size_t	unchanged;	/* signature as stored: not read */
	size_t	indexed;	/* (re)loaded and (re)indexed */
	size_t	failed;		/* could not be loaded (recorded, skipped) */
	size_t	removed;	/* gone from the library: left the index */
};

/* Options for index_update(). */
struct index_update_options {
	const struct load_options *load;	/* how to load editions */
	index_progress_fn	 progress;	/* may be NULL */
	void			*progress_ctx;
};

/* Which editions a search looks at; NULL members do not filter. */
struct index_filter {
	const char	*root;	/* only editions under this folder */
	const char	*paper;	/* exactly this paper */
	const char	*since;	/* date >= since ("YYYY-MM-DD") */
	const char	*until;	/* date <= until */
	bool		 newest;	/* newest editions first (else
					   oldest, as --search prints) */
};

/* One matching article, valid only during the callback. */
struct index_match {
	const char		*path;	/* the edition's path */
	const char		*paper;	/* NULL = unknown */
	const char		*date;	/* NULL = unknown */
	unsigned		 page;	/* printed page; 0 = unknown */
	size_t			 section;	/* 0-based, as in the edition */
	size_t			 article;	/* 0-based within the section */
	const struct article	*a;	/* its text (headlines, blocks...) */
	const struct search_hit	*hits;	/* as search_article() gives */
	size_t			 nhits;
};

/* Called for each match in order (date, newest first when f->newest;
   paper, path, section, article); return false to stop. */
typedef bool (*index_match_fn)(void *ctx, const struct index_match *m);

/*
 * The default index file, $XDG_CACHE_HOME/kanbao/index.sqlite (else
 * ~/.cache/kanbao/...).  Returns NULL with *cause set when no absolute
 * folder is known.  Caller frees.
 */
char		*index_default_path(char **cause);

/*
 * Open (creating it and its folder as needed) the index at path, or at
 * the default path when path is NULL.  A damaged or other-version file
 * is replaced by an empty index.  Returns NULL with *cause set ("PATH:
 * reason", caller frees) only when no index can be created there.  Free
 * with index_close().
 */
struct index	*index_open(const char *path, char **cause);

/* Close an index.  NULL is allowed. */
void		 index_close(struct index *ix);

/*
 * Throw the file away and start an empty index (after INDEX_CORRUPT).
 * Returns 0, or -1 with *cause set.
 */
int		 index_reset(struct index *ix, char **cause);

/*
 * Bring the index up to date with the editions src[0..n): an edition is
 * read again only when its files changed (total size and a signature of
 * names, sizes and mtimes; when only the signature differs, a hash of the
 * contents decides).  When root is not NULL, indexed editions under root
 * that are not in src leave the index.  Editions that cannot be loaded
 * are counted in st->failed and reported through opts->load->warn.
 * Returns 0, INDEX_CORRUPT, or INDEX_ERROR with *cause set.
 */
int		 index_update(struct index *ix, const char *root,
		     const struct index_source *src, size_t n,
		     const struct index_update_options *opts,
		     struct index_stats *st, char **cause);

/*
 * index_update() over the editions already in the index (with the paper
 * and date stored for them): the changed ones are indexed again, the
 * ones whose path is gone leave it.  Returns as index_update().
 */
int		 index_refresh(struct index *ix,
		     const struct index_update_options *opts,
		     struct index_stats *st, char **cause);

/*
 * Whether the index holds an edition under the folder root (what
 * --search --cached asks instead of reading the folder): 1 or 0, else
 * INDEX_CORRUPT, or INDEX_ERROR with *cause set.
 */
int		 index_holds(struct index *ix, const char *root,
		     char **cause);

/*
 * Search the index: call fn for every article that q matches, with its
 * hits.  Returns the number of matches (capped at INT_MAX),
 * INDEX_CORRUPT, or INDEX_ERROR with *cause set.
 */
int		 index_search(struct index *ix, const struct search_query *q,
		     const struct index_filter *f, index_match_fn fn,
		     void *ctx, char **cause);

/*
 * --search over a library: print each match like search_print(), its
 * first line "PAPER DATE pPAGE SECTION/ARTICLE: headline" ("-" for what
 * is unknown), to out.  Returns what index_search() returns.
 */
int		 index_print(struct index *ix, const struct search_query *q,
		     const struct index_filter *f, size_t cols, FILE *out,
		     char **cause);

#endif
