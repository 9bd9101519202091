/*
 * search.h - find words in an edition, the way a reader sees them.
 *
 * Matching is plain substring search on a SEARCH KEY: a folded copy of a
 * piece of text (a headline, the dateline, the byline or one body block)
 * that is built beside the text and never shown.  Every byte of the key
 * remembers the bytes of the original text it came from, so a hit is
 * reported as a byte range of the ORIGINAL text, ready for highlighting.
 *
 * What the key folds (query and text are folded by the same function):
 *
 *   - NFKC with Unicode case folding (utf8proc): ＡＩ = AI = ai,
 *     ２０２５ = 2025, ＋ = +, ｶﾞ = ガ, É = é, Σ = σ = ς, ß = ss,
 *     Kangxi radicals (⽅ U+2F45 = 方), circled and squared forms.
 *   - CJK Radicals Supplement characters (⺟ U+2E9F, ⻆ U+2EC6 ...) to the
 *     ideographs they stand for, as PDF extraction leaves them.
 *   - Traditional to Simplified Chinese, character by character, when
 *     kanbao is built with OpenCC and its data is installed: 數字化 =
 *     数字化.  Without OpenCC's data at run time search works unfolded.
 *   - Punctuation is ignored (新冠肺炎“疫情” = 新冠肺炎疫情, U.S. = US),
 *     except % # & @, which carry meaning (50%, C#, AT&T).
 *   - Whitespace is ignored, except that a run of spaces (and punctuation
 *     around them) between two letters or digits of a script that spaces
 *     its words (Latin, Greek, Cyrillic, Hangul, ...) counts as one space:
 *     "健康 管理" = 健康管理, "12 月" = 12月, but "new york" matches
 *     "New  York" and "New, York" and not "newyork".
 *
 * Query syntax: words separated by spaces must all occur in the article
 * (AND), each anywhere in it.  "double quoted text" (ASCII quotes or “”)
 * is a phrase: its words must occur together, spaces inside following the
 * rule above.  An unclosed quote runs to the end of the query (so a query
 * typed key by key is always valid).  A query whose words are all
 * punctuation or empty is an error.
 *
 * Searched: headlines that were printed (not the ones inferred from the
 * lead, which repeat it), the dateline, the byline and every block.
 *
 * Usage:
 *
 *   struct search_index *idx = search_index_new(ed);
 *   struct search_query *q = search_compile("健康 \"AI act\"", &cause);
 *   struct search_results *r = search_edition(idx, q);
 *   ... r->matches[i].hits[j] ...
 *   search_results_free(r); search_query_free(q); search_index_free(idx);
 *
 * An index holds folding tables and scratch space, not a copy of the
 * text: keys are built on the fly, only for the pieces of text that may
 * match (a prefilter looks for the raw forms of a rare character of each
 * word first).  An index is not thread-safe: use one per thread.
 */
#ifndef KANBAO_SEARCH_H
#define KANBAO_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct edition;
struct article;
struct search_index;
struct search_query;

/* Where in an article a hit is. */
enum search_field {
	SEARCH_HEADLINE = 0,	/* article->headlines[index].text */
	SEARCH_DATELINE,	/* article->dateline */
	SEARCH_BYLINE,		/* article->byline */
	SEARCH_BLOCK		/* article->blocks[index].text */
};

/*
 * One hit: bytes [start, end) of one field's original text, on character
 * boundaries (whole segments: a base character and its combining marks).
 */
struct search_hit {
	enum search_field	 field;
	size_t			 index;	/* headline or block index; 0 else */
	size_t			 start;
	size_t			 end;
};

/* An article that matches, and all its hits in reading order. */
struct search_match {
	size_t			 section;	/* index into ed->sections */
	size_t			 article;	/* index into section->articles */
	struct search_hit	*hits;
	size_t			 nhits;
};

/* The result of searching an edition: matching articles in order. */
struct search_results {
	struct search_match	*matches;
	size_t			 nmatches;
	size_t			 nhits;		/* sum of all matches' nhits */
};

/* Limits on a query, so a pasted page cannot make search quadratic. */
#define SEARCH_QUERY_MAX	4096	/* bytes */
#define SEARCH_TERMS_MAX	32	/* words and phrases */

/*
 * Parse a query (UTF-8).  Returns NULL on error with *cause set to a
 * message (caller frees): empty query, nothing searchable in a word,
 * invalid UTF-8, too long, too many words.  Free with search_query_free().
 */
struct search_query	*search_compile(const char *query, char **cause);

/* Free a query.  NULL is allowed. */
void			 search_query_free(struct search_query *q);

/* Number of words and phrases in a compiled query. */
size_t			 search_query_nterms(const struct search_query *q);

/*
 * Make a search index for an edition, which must outlive it.  Cheap: the
 * folding tables fill as characters are met.  OpenCC, when built in, is
 * opened on first use; if its data is missing, search works without
 * Traditional/Simplified folding.  Free with search_index_free().
 */
struct search_index	*search_index_new(const struct edition *ed);

/* Free an index.  NULL is allowed. */
void			 search_index_free(struct search_index *idx);

/* Whether the index folds Traditional to Simplified (OpenCC is working). */
bool			 search_index_folds_variants(struct search_index *idx);

/*
 * The Traditional to Simplified table the index folds with (loading
 * OpenCC's if it has none yet), as bytes to store: *len bytes, caller
 * frees.  Empty when there is no folding.
 */
char			*search_index_variants_save(struct search_index *idx,
			     size_t *len);

/*
 * Give a new index the table search_index_variants_save() returned
 * (read back from a cache), so that it never opens OpenCC.  Returns
 * false, leaving the index as it was, when the bytes are not such a
 * table or the index has folded something already.
 */
bool			 search_index_variants_load(struct search_index *idx,
			     const void *p, size_t len);

/*
 * A string that changes when OpenCC's Traditional to Simplified data
 * may have changed (the files it would read: names, sizes, modification
 * times), computed without opening OpenCC, to tell whether a saved table
 * is still good.  Caller frees.
 */
char			*search_variants_stamp(void);

/*
 * Bytes the index holds now (tables and scratch), for measuring: it never
 * holds the edition's text.
 */
size_t			 search_index_memory(const struct search_index *idx);

/*
 * Search the whole edition.  Returns the matching articles in edition
 * order (never NULL; nmatches is 0 when nothing matched).  Free with
 * search_results_free().
 */
struct search_results	*search_edition(struct search_index *idx,
			     const struct search_query *q);

/* Free results.  NULL is allowed. */
void			 search_results_free(struct search_results *r);

/*
 * All hits of q in one article of the index's edition (for a reader's
 * highlighting and n/N): *hits gets an array in reading order (headlines,
 * dateline, byline, blocks; by start inside a field), caller frees.
 * Returns the number of hits; 0 (and *hits NULL) when the article does
 * not contain every word of the query.  Hits of one word never overlap;
 * hits of different words that overlap are merged into one.
 */
size_t			 search_article(struct search_index *idx,
			     const struct search_query *q,
			     const struct article *a, struct search_hit **hits);

/*
 * The original text of the field a hit points into (the model's string,
 * not a copy); NULL if the article has no such field.
 */
const char		*search_field_text(const struct article *a,
			     const struct search_hit *hit);

/*
 * A snippet of text around bytes [start, end) (a hit) that is about cols
 * display columns wide: some context before, more after, "…" where the
 * text was cut.  A hit wider than cols is cut to fit.  Returns a new
 * string (caller frees); *hl_start and *hl_end get the hit's byte range
 * inside the snippet.  The text is the model's, not sanitised: sanitise
 * the pieces before, inside and after the hit separately when drawing.
 */
char			*search_snippet(const char *text, size_t start,
			     size_t end, size_t cols, size_t *hl_start,
			     size_t *hl_end);

/*
 * The search key of s[0..len): the folded text that words are matched
 * against, exactly as search_edition() builds it for one field (the full
 * index, index.c, stores these).  Returns the index's scratch buffer,
 * NUL-terminated, valid until the next call with idx; *keylen gets its
 * length.  Loads OpenCC's table on first use, like a search.
 */
const char		*search_key(struct search_index *idx, const char *s,
			     size_t len, size_t *keylen);

/*
 * Word or phrase i of a compiled query as typed (its key is search_key()
 * of it); NULL when i is out of range.  The query owns it.
 */
const char		*search_query_term(const struct search_query *q,
			     size_t i);

/*
 * Print one matching article the way --search does (see below), its
 * first line starting with label instead of SECTION/ARTICLE.  hits are
 * the article's hits from search_article().
 */
void			 search_print_match(const struct article *a,
			     const struct search_hit *hits, size_t nhits,
			     const char *label, size_t cols, FILE *out);

/*
 * --search: search ed for query and print every matching article like
 * grep does, to out:
 *
 *   SECTION/ARTICLE (section title): headline
 *     snippet of the first hit of each body field that has one
 *
 * SECTION and ARTICLE are 1-based; output is sanitised; snippets are cols
 * columns wide (0 gives 80).  With json, each match is instead one JSON
 * object on a line: edition, section, section_title, page, article (in
 * its section), number (across the edition, as --list and --dump count),
 * id, headline and snippets (an array).  Returns the number of matching
 * articles, or -1 with *cause set (caller frees) when the query is
 * invalid.
 */
int			 search_print(const struct edition *ed,
			     const char *query, size_t cols, bool json,
			     FILE *out, char **cause);

#endif
