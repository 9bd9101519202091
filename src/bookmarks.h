/*
 * bookmarks.h - bookmarks and reading positions that are never lost.
 *
 * Bookmarks live in $XDG_DATA_HOME/kanbao/bookmarks (default
 * ~/.local/share/kanbao/bookmarks) and reading positions in
 * $XDG_STATE_HOME/kanbao/positions (default ~/.local/state/kanbao/), both
 * statefile.h text files: mode 0600, written atomically, merged under a
 * lock so two kanbao processes (two SSH sessions) lose nothing.
 *
 * Identity: a bookmark names the edition by the canonical path of its
 * source (bookmarks_edition_key) and the article by its stable id
 * (edition.h), so it survives reloading and small changes to the file.  A
 * position inside an article is a block index and a byte offset in that
 * block, which stays right at any window width.
 *
 * The search history of the reader is a third file of the same kind,
 * $XDG_STATE_HOME/kanbao/history (history_*).
 *
 * Every function that changes a file re-reads it under the lock and applies
 * only its own change (add, remove, set), so concurrent changes merge.
 */
#ifndef KANBAO_BOOKMARKS_H
#define KANBAO_BOOKMARKS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>

struct edition;

/* One bookmark. */
struct bookmark {
	char	*edition;	/* edition key (canonical path) */
	char	*edition_title;
	char	*article;	/* stable article id */
	char	*headline;	/* kept so a missing edition still shows it */
	char	*section;	/* section title */
	size_t	 block;		/* position: block index in the article */
	size_t	 offset;	/*           byte offset in that block */
	time_t	 added;
	/*
	 * The article's S/A (section and article, from 1, as --list numbers
	 * them) when it was bookmarked; 0 and 0 when not known (a bookmark
	 * of an older kanbao).  The id above is what finds the article; this
	 * is only shown.
	 */
	size_t	 sa_section;
	size_t	 sa_article;
};

/* All bookmarks, newest last. */
struct bookmarks {
	struct bookmark	*items;
	size_t		 n;
};

/* A reading position in an edition. */
struct position {
	char	*edition;	/* edition key */
	size_t	 section;	/* section index */
	char	*article;	/* stable article id, NULL for the edition view */
	size_t	 block;
	size_t	 offset;
	time_t	 when;
	bool	 reading;	/* the article was open in the reader, not
				   only selected in a list */
};

/*
 * The identity of an edition for bookmarks: the canonical absolute path of
 * its source (the first path it was opened from).  Caller frees.
 */
char	*bookmarks_edition_key(const struct edition *ed);

/*
 * Paths of the two files (caller frees); NULL with *cause set when no
 * absolute XDG folder or HOME is known.
 */
char	*bookmarks_path(char **cause);
char	*positions_path(char **cause);

/*
 * Read all bookmarks into *out (free with bookmarks_free).  A missing file
 * is an empty list.  Returns -1 with *cause set when the file cannot be
 * read or parsed; it is then left untouched, never overwritten.
 */
int	 bookmarks_load(struct bookmarks *out, char **cause);

/* Free a bookmark list. */
void	 bookmarks_free(struct bookmarks *bms);

/* Whether the list holds a bookmark for this edition and article. */
const struct bookmark *bookmarks_find(const struct bookmarks *bms,
	     const char *edition, const char *article);

/*
 * Add bm (copied; added time set to now when 0), replacing an existing
 * bookmark of the same edition and article.  Returns 0 or -1 (*cause).
 */
int	 bookmarks_add(const struct bookmark *bm, char **cause);

/* Remove the bookmark of an edition's article (absent: no error). */
int	 bookmarks_remove(const char *edition, const char *article,
	     char **cause);

/* How `kanbao --bookmarks` prints. */
enum bookmarks_format {
	/*
	 * For a person at a terminal: added time, edition title, section,
	 * S/A ("-" when not known), headline and "(edition missing)", each
	 * line cut to a width.
	 */
	BOOKMARKS_TABLE,
	/*
	 * For scripts, every field in full, tab-separated: added time
	 * ("YYYY-MM-DD HH:MM"), edition path, article id, edition title,
	 * section, headline, block, offset, "ok" or "missing" (the
	 * edition's file is gone), and S/A ("" when not known).  Fields are
	 * sanitised, so none holds a tab or a newline.
	 */
	BOOKMARKS_TSV,
	/*
	 * One JSON object per line: added, added_unix, edition, article,
	 * edition_title, section, headline, block, offset, missing, and when
	 * known section_number and article_number (S/A).
	 */
	BOOKMARKS_JSON
};

/*
 * Print the bookmarks, oldest first, in format fmt; width is the line
 * width of BOOKMARKS_TABLE (0: 80).  Returns the number printed or -1
 * (*cause).
 */
int	 bookmarks_print(FILE *out, enum bookmarks_format fmt, size_t width,
	     char **cause);

/* Read the saved position of an edition: 1 found, 0 none, -1 (*cause). */
int	 position_load(const char *edition, struct position *out,
	     char **cause);

/* Save (replace) the position of p->edition.  Returns 0 or -1 (*cause). */
int	 position_save(const struct position *p, char **cause);

/* Free the strings of a position. */
void	 position_free(struct position *p);

/*
 * The last edition a reading position was saved for (the one read last):
 * 1 with *edition set (caller frees), 0 when none, -1 (*cause).
 */
int	 position_last(char **edition, char **cause);

/*
 * Read state: the articles of an edition that were opened in the reader
 * (or marked read by hand), by stable id.  Kept in the positions file as
 * one "read" record per edition, so it is merged under the same lock and
 * survives the same crashes.  The editions read longest ago are forgotten
 * beyond the same limit as positions.
 */
struct readset {
	char	**ids;		/* sorted (strcmp), no duplicates */
	size_t	  n;
};

/*
 * Read the read articles of an edition into *out (free with
 * readset_free).  None read is an empty set.  Returns 0, or -1 with
 * *cause set when the file cannot be read or parsed.
 */
int	 readset_load(const char *edition, struct readset *out, char **cause);

/*
 * Mark an article of an edition read (read true) or unread.  Marking
 * what already is so writes nothing.  Returns 0 or -1 (*cause).
 */
int	 readset_mark(const char *edition, const char *article, bool read,
	     char **cause);

/* Whether the set holds article. */
bool	 readset_has(const struct readset *rs, const char *article);

/* Add or remove article in memory only (keeps the set sorted). */
void	 readset_set(struct readset *rs, const char *article, bool read);

/* Free the ids of a set; it is left empty. */
void	 readset_free(struct readset *rs);

/*
 * Search history: the queries typed at the reader's / prompt, oldest
 * first, in $XDG_STATE_HOME/kanbao/history (a statefile.h file like the
 * others, so two sessions merge their queries).  At most HISTORY_MAX are
 * kept; typing a query again moves it to the end.
 */
#define HISTORY_MAX	100

/* The search history, oldest first. */
struct history {
	char	**items;
	size_t	  n;
};

/* Path of the history file (caller frees); NULL with *cause set. */
char	*history_path(char **cause);

/*
 * Read the history into *out (free with history_free).  A missing file
 * is an empty history.  Returns -1 with *cause set when the file cannot
 * be read or parsed (it is then never overwritten).
 */
int	 history_load(struct history *out, char **cause);

/* Append query (moving an equal older entry).  Returns 0 or -1 (*cause). */
int	 history_add(const char *query, char **cause);

/* Free the strings of a history. */
void	 history_free(struct history *h);

#endif
