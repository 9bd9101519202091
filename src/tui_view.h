/*
 * tui_view.h - what the screens of the reader share: the one context
 * struct, the styles, and the functions each screen (tui_list.c,
 * tui_reader.c, tui_help.c) offers the event loop in tui.c.  The bookmark
 * and reading-position store (bookmarks.h) is reached only from
 * tui_marks.c and tui_position.c; screens read the list kept in the
 * context.
 *
 * Private to the tui_*.c files.  Screens never read keys themselves: the
 * loop maps a key to an action (tui_keys.h), hands it to the current
 * screen, and acts on what the screen returns (enum tui_next).
 *
 * The subsystems the loop calls each have a file named after their
 * prefix: tui_prompt.c (the / prompt), tui_search.c (the active search
 * and the result list's store side), tui_marks.c (bookmarks),
 * tui_position.c (the reading position).
 */
#ifndef KANBAO_TUI_VIEW_H
#define KANBAO_TUI_VIEW_H

#include <sys/types.h>

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <wchar.h>

#include "bookmarks.h"
#include "library.h"
#include "tui_keys.h"

struct article;
struct convert;
struct edition;
struct section;
struct search_index;
struct search_match;
struct search_query;
struct search_results;
struct tui_options;

/* The screens. */
enum tui_screen {
	TUI_SCREEN_EDITION = 0,	/* sections and articles lists */
	TUI_SCREEN_READER,	/* one article */
	TUI_SCREEN_HELP,	/* the key table */
	TUI_SCREEN_BOOKMARKS,	/* the bookmarks of all editions */
	TUI_SCREEN_RESULTS,	/* the articles an edition search found */
	TUI_SCREEN_LIBRARY	/* the edition picker */
};

/* Which list of the edition screen has the selection. */
enum tui_focus {
	TUI_FOCUS_SECTIONS = 0,
	TUI_FOCUS_ARTICLES
};

/* What the loop must do after a screen handled an action. */
enum tui_next {
	TUI_NEXT_NONE = 0,	/* nothing changed */
	TUI_NEXT_DRAW,		/* redraw the current screen */
	TUI_NEXT_OPEN,		/* open the selected article in the reader */
	TUI_NEXT_CLOSE,		/* leave the current screen for the lists */
	TUI_NEXT_QUIT,		/* leave the reader */
	TUI_NEXT_BOOKMARK_OPEN,	/* open the selected bookmark */
	TUI_NEXT_RESULT_OPEN,	/* open the selected search result */
	TUI_NEXT_EDITION_OPEN	/* open the edition selected in the picker */
};

/* How a piece of text is drawn: mapped to colours and attributes in tui.c. */
enum tui_style {
	TUI_STYLE_TEXT = 0,	/* paragraphs, list items */
	TUI_STYLE_KICKER,	/* 引题 */
	TUI_STYLE_HEADLINE,	/* 主题 */
	TUI_STYLE_SUBTITLE,	/* 副题 */
	TUI_STYLE_BYLINE,
	TUI_STYLE_SUBHEAD,	/* 小标题 inside an article */
	TUI_STYLE_CAPTION,
	TUI_STYLE_INFERRED,	/* a headline made from the lead */
	TUI_STYLE_TITLE,	/* the title bar of a screen */
	TUI_STYLE_STATUS,	/* the status line */
	TUI_STYLE_SELECTED,	/* the selected list row */
	TUI_STYLE_DIM,		/* counts, lengths, hints */
	TUI_STYLE_MATCH,	/* a search match */
	TUI_STYLE_MATCH_CUR,	/* the match n/N went to */
	TUI_STYLE_COUNT
};

/* One prepared block of an article: display text and how to draw it. */
struct tui_block {
	char		*text;		/* sanitised, substituted; owned */
	enum tui_style	 style;
	size_t		 indent;	/* first-line indent in columns */
	const char	*source;	/* the model's text it was made from
					   (search hits point into it); NULL
					   for blank lines and inferred
					   headlines, which are not searched */
	size_t		*map;		/* with a source: its offset map into
					   text (layout_prepare()); owned */
};

/* A search match in the reader: a byte range of one prepared block. */
struct tui_match {
	size_t		 block;
	size_t		 start;
	size_t		 end;
	size_t		 hit;		/* index of the search_article() hit */
};

/* One wrapped line of an article: a byte range of one prepared block. */
struct tui_line {
	size_t		 block;		/* index into tui_reader.blocks */
	size_t		 start;		/* byte range in that block's text */
	size_t		 end;
	size_t		 indent;	/* columns left blank before it */
	size_t		 cols;		/* display width of the text */
};

/*
 * An article laid out for the window: its blocks prepared for display
 * (sanitised, ambiguous characters substituted) and an index of wrapped
 * lines, of which only the visible ones are drawn.
 */
struct tui_reader {
	struct tui_block *blocks;
	size_t		  nblocks;
	struct tui_line	 *lines;
	size_t		  nlines;
	size_t		  width;	/* the text width the lines fit */
	size_t		  top;		/* first visible line */
	bool		  loaded;	/* blocks belong to the selected article */
	struct tui_match *matches;	/* of the search, in reading order */
	size_t		  nmatches;
	size_t		  cur;		/* the current match (< nmatches) */
	bool		  end_said;	/* Space at the end said what is next */
	long		  end_size;	/* at this tui_term_size() */
	long long	  end_ms;	/* and at this time */
	size_t		  end_sec;	/* the article Space left from */
	size_t		  end_art;
	size_t		  shown_top;	/* top of what the terminal shows */
	bool		  shown;	/* shown_top is valid: these lines,
					   this width, nothing drawn over */
};

/*
 * Searching.  The prompt edits the query by character (code points, as
 * get_wch() delivers them); where it came from decides what is searched.
 * One query is active at a time: its matches are highlighted in every
 * article the reader opens until the reader is left for the lists.
 */
enum tui_prompt_kind {
	TUI_PROMPT_SEARCH = 0,		/* /: a query */
	TUI_PROMPT_SAVE,		/* s: a file to save the article to */
	TUI_PROMPT_PIPE			/* |: a command to pipe it to */
};

struct tui_prompt {
	bool		  active;
	enum tui_prompt_kind kind;
	enum tui_screen	  from;		/* the screen it was opened on */
	uint32_t	 *text;		/* code points, no terminator */
	size_t		  len;
	size_t		  cap;
	size_t		  cursor;	/* in code points */
	size_t		  scroll;	/* first code point shown */
	size_t		  cursor_col;	/* where the cursor was drawn */
	struct history	  hist;		/* read when the prompt opens */
	size_t		  hpos;		/* hist.n: the line being typed */
	uint32_t	 *typed;	/* that line, while recalling */
	size_t		  ntyped;
};

/*
 * The result list of an edition search, and where the user was before it
 * (q in the list goes back there).  open_hit tells the reader which hit
 * of the article to scroll to when it opens one (SIZE_MAX: none).
 */
struct tui_results {
	struct search_results	*res;	/* NULL: no list */
	char			*query;
	size_t			 sel;
	size_t			 top;
	bool			 opened;	/* the reader came from it */
	size_t			 open_hit;
	enum tui_screen		 from;
	enum tui_focus		 focus;
	size_t			 sec;
	size_t			 art;
	size_t			 sec_top;
	size_t			 art_top;
};

/* The active search: its index over the shown edition and the query. */
struct tui_search {
	struct search_index	*idx;	/* made on the first search */
	struct search_query	*q;	/* NULL: none */
	char			*text;
};

/*
 * The bookmarks as last read from the store, with what the list screen
 * shows about each.  The list screen shows them newest first: its row r is
 * items[n - 1 - r].
 */
struct tui_marks {
	struct bookmarks bms;
	bool		*missing;	/* per item: edition file gone */
	bool		*doomed;	/* per item: d marked it for deletion */
	char		*error;		/* why the file could not be read;
					   NULL when it could */
	bool		 readonly;	/* never written this session */
	size_t		 sel;		/* selected row */
	size_t		 top;		/* first visible row */
	enum tui_screen	 from;		/* screen under the list */
	enum tui_action	 asking;	/* leaving the list waits for y
					   (set confirm-delete); NONE: no */
};

/* What the picker learnt of one edition by loading it. */
struct tui_shelf {
	char		*path;		/* the edition folder */
	size_t		 narticles;
	size_t		 nunread;
	bool		 loaded;	/* the counts are known */
	bool		 failed;	/* it does not load */
};

/*
 * The library (tui_library.c): the editions of a folder of edition
 * folders, what is known of each, and the picker's selection.
 */
struct tui_library {
	bool		  have;		/* a library was given */
	struct library	  lib;
	struct tui_shelf *shelf;	/* by path, in no order */
	size_t		  nshelf;
	size_t		  sel;		/* selected row */
	bool		  moved;	/* the user moved sel since the
					   picker was shown */
	size_t		  top;		/* first visible row */
	size_t		  cur;		/* the edition shown; SIZE_MAX: none
					   (or not from the library) */
	enum tui_screen	  from;		/* screen under the picker */
	bool		  home;		/* the session began on the picker */
	bool		  root;		/* shown by q from an edition's top
					   list: it is the top level, and q
					   in it quits */
};

/* The background indexer (tui_index.c). */
struct tui_indexer {
	pid_t		 pid;		/* the child at work; 0: none */
	char		*next;		/* the edition to index after it */
};

/* One hit of a library search (tui_index.c). */
struct tui_found_hit {
	char		*path;		/* the edition */
	size_t		 section;	/* 0-based, as in the edition */
	size_t		 article;
	char		*label;		/* "DATE PAPER pPAGE S/A  headline" */
	char		*snippet;	/* around the first hit in the text */
};

/* The hits of / in the picker (tui_index.c); n 0: the editions show. */
struct tui_found {
	struct tui_found_hit *hits;
	size_t		 n;
	bool		 more;		/* more matched than are listed */
	char		*query;
	size_t		 cols;		/* width of the snippets */
	size_t		 sel;
	size_t		 top;
};

/*
 * A quote of "set quotes keep" to write over its wide placeholder after
 * each refresh (tui_overlay.c).
 */
struct tui_overlay {
	int		 y;
	int		 x;		/* the placeholder's left cell */
	uint32_t	 quote;		/* “ ” ‘ or ’ */
	wchar_t		 wide;		/* the placeholder curses holds */
};

/* The quotes on the screen now. */
struct tui_overlays {
	struct tui_overlay *v;
	size_t		 n;
	size_t		 cap;
};

/*
 * The reading position last written to the store, and when the next
 * write is due (the loop wakes up for it even without a key).
 */
struct tui_saved {
	struct position	 pos;		/* edition NULL: none yet */
	long long	 at_ms;		/* when it was written */
	long long	 due_ms;	/* pending write, 0 none */
	char		*error;		/* last failure; NULL after a success */
};

/*
 * The one context of the reader: everything the screens share.  There is
 * exactly one, in tui.c, because the signal handlers must reach sig.
 *
 * Editions: ed is the one shown.  ed_main is the caller's (tui_run's
 * argument, never freed here); ed_owned is one the reader loaded itself
 * to open a bookmark of another edition, and is freed by the reader when
 * it switches again or returns.
 */
struct tui {
	const struct edition		*ed;
	const struct edition		*ed_main;
	struct edition			*ed_owned;
	char				*ed_key;	/* its bookmarks key */
	const struct tui_options	*opts;
	struct tui_keymap		 keymap;	/* the keys in effect:
							   defaults and binds */
	bool				 ambiguous_wide;
	bool				 quotes_corner;	/* wide: 「」 for “”
							   (set quotes) */
	bool				 colours;
	unsigned long			 style_attr[TUI_STYLE_COUNT];
							/* curses attributes
							   of each style
							   (tui.c) */
	int				 script;	/* enum settings_script
							   shown now (T) */
	struct convert			*conv;		/* its converter; NULL:
							   as printed */
	size_t				 measure;	/* the reader's text
							   width now (- + =),
							   0: the window */
	volatile sig_atomic_t		 sig;	/* a signal asked us to stop */
	volatile sig_atomic_t		 winch;	/* SIGWINCH: tui_resize() due */
	FILE				*keys;	/* where keys come from: stdin,
						   or /dev/tty (kanbao -) */

	enum tui_screen			 screen;
	enum tui_screen			 help_from;	/* screen under help */
	enum tui_focus			 focus;
	size_t				 sec;		/* selected section */
	size_t				 art;		/* selected article */
	size_t				 sec_top;	/* first visible rows */
	size_t				 art_top;
	size_t				 help_top;

	char				 number[8];	/* typed section number */
	size_t				 numlen;
	long long			 number_ms;	/* it ends then; 0: none */

	struct tui_reader		 reader;
	struct tui_marks		 marks;
	struct tui_saved		 saved;
	struct readset			 read;	/* read articles of ed */
	char				*back_path;	/* q goes back to this
							   edition (a bookmark
							   of another opened) */
	bool				 back_main;	/* it is ed_main */
	bool				 read_failed;	/* a mark was not
							   stored */
	long long			 repaint_ms;	/* settle repaint due, 0: none */
	struct tui_prompt		 prompt;
	struct tui_results		 results;
	struct tui_library		 library;
	struct tui_indexer		 indexer;
	struct tui_found		 found;
	struct tui_search		 search;
	char				*msg;	/* status message until
						   the next key */
	struct tui_overlays		 overlay;	/* quotes drawn over
							   placeholders */
};

/* tui.c: drawing helpers every screen uses. */

/*
 * Draw text[0..len) at row y from column x, at most cols columns wide,
 * padded with spaces to pad columns (0: no padding).  The text goes through
 * sanitize_display() here, the one display chokepoint, and ambiguous
 * characters are substituted in wide mode.  Returns the columns used.
 */
size_t	 tui_put(struct tui *t, int y, int x, const char *text, size_t len,
	    size_t cols, size_t pad, enum tui_style style);

/*
 * tui_put() for display text: text[0..len) is what tui_prepare() or
 * layout_prepare() made of the model's text (sanitised, converted to the
 * script shown), or pieces of it joined with kanbao's own strings: it is
 * not sanitised again, which would drop the tags of "set quotes keep"
 * (width_substitute()); each character is still checked as it is drawn.
 */
size_t	 tui_put_shown(struct tui *t, int y, int x, const char *text,
	    size_t len, size_t cols, size_t pad, enum tui_style style);

/* Clear from column x to the end of row y. */
void	 tui_clear_eol(int y, int x);

/*
 * refresh(), then the quotes of "set quotes keep" written over their
 * placeholders (tui_overlay_draw()).  Every refresh goes through here.
 */
void	 tui_refresh(struct tui *t);

/*
 * Prepare a string for layout and display: sanitise, substitute ambiguous
 * characters in wide mode.  Caller frees.
 */
char	*tui_prepare(const struct tui *t, const char *s, size_t len);

/*
 * Draw the status line (last row): left text, right text, or the prompt.
 * A pending message (tui_message) takes the place of the left text.
 */
void	 tui_status(struct tui *t, const char *left, const char *right);

/*
 * tui_status() with the first of n (left, right) pairs whose texts both
 * fit the window whole, else the last: hints go from long to short, so a
 * narrow window keeps the keys instead of cutting them.
 */
void	 tui_status_fit(struct tui *t, const char *const *left,
	    const char *const *right, size_t n);

/*
 * The display text s (sanitised; taken over) in the script shown (T, set
 * script): converted with OpenCC, the same number of code points.
 * Returns s itself when the text is shown as printed.
 */
char	*tui_convert(const struct tui *t, char *s);

/*
 * Show the text in script (enum settings_script): open its converter,
 * or say why it cannot be (no OpenCC) and keep the one before.
 */
void	 tui_script_set(struct tui *t, int script);

/* Show a message in the status line until the next key (printf format). */
void	 tui_message(struct tui *t, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/* Whether an article of the shown edition has a bookmark. */
bool	 tui_marked(const struct tui *t, const struct article *a);

/*
 * "EDITION  SECTION" for the status line (the section alone when the two
 * are the same, as for a single file).  Caller frees.
 */
char	*tui_where(const struct tui *t);

/* The width text may use: never the last column (a wide character there
   wraps on some terminals, research cjk-layout.md R4). */
size_t	 tui_text_cols(void);

/* tui.c: the loop's helpers the subsystems share. */

/* Milliseconds on the monotonic clock. */
long long	 tui_now_ms(void);

/*
 * The terminal's size now, from the kernel (not curses' idea of it,
 * which lags a resize), as rows * 65536 + columns; 0 when unknown.
 */
long		 tui_term_size(void);

/* Open the selected article (t->sec, t->art) in the reader. */
void		 tui_open_article(struct tui *t);

/*
 * Find an article by stable id, in the hinted section first (by index, or
 * by title when title is not NULL): an edition may hold one article twice
 * (a page given twice, a reprint), and the copy the user was at is the
 * one to open.  Returns false when the id is nowhere in the edition.
 */
bool		 tui_find_article(const struct edition *ed, const char *id,
		     size_t hint, const char *title, size_t *sec, size_t *art);

/*
 * Show another edition: save the position in the one being left, free
 * the edition the reader loaded before (never the caller's), and keep
 * owned (NULL when ed is the caller's) to free later.
 */
void		 tui_edition_switch(struct tui *t, const struct edition *ed,
		     struct edition *owned);

/* tui_prompt.c: the / prompt on the status line (t->prompt). */

/*
 * Open the prompt, empty, for the screen it was typed on: / a search
 * (with the history), s a file name, | a command (tui_export.c).
 */
void		 tui_prompt_open(struct tui *t, enum tui_prompt_kind kind);

/* Close the prompt (Esc, Enter, leaving the reader). */
void		 tui_prompt_close(struct tui *t);

/* A key while the prompt is open: edit, Enter runs, Esc cancels. */
void		 tui_prompt_key(struct tui *t, wint_t key, bool code);

/* Draw the prompt on the status line; notes where the cursor goes. */
void		 tui_prompt_draw(struct tui *t);

/* tui_search.c: the active search (t->search) and the result list. */

/* Make query q (text) the active search, replacing the one before. */
void		 tui_search_set(struct tui *t, struct search_query *q,
		     const char *text);

/*
 * Forget all of the search: the result list, the active query and, when
 * the edition changes (drop_index), the index made over the old one.
 */
void		 tui_search_reset(struct tui *t, bool drop_index);

/*
 * Compile query text typed at the / prompt and note it in the search
 * history, saying on the status line what went wrong.  Returns the query,
 * or NULL with text freed when it cannot be searched.
 */
struct search_query *tui_search_compile(struct tui *t, char *text);

/*
 * Run query text (ownership passes) typed on screen from: over the open
 * article from the reader, else over the edition into the result list.
 */
void		 tui_search_run(struct tui *t, char *text, enum tui_screen from);

/* q in the result list: back where the user was when searching. */
void		 tui_results_close(struct tui *t);

/* Enter in the result list: open the article at the hit it shows. */
void		 tui_results_open(struct tui *t);

/* tui_marks.c: bookmarks (t->marks). */

/* Read the bookmarks again and note which editions are missing. */
void		 tui_marks_reload(struct tui *t);

/* m: bookmark the selected article, or remove its bookmark. */
void		 tui_marks_toggle(struct tui *t);

/* ' or B: show the bookmark list, or close it when it is shown. */
void		 tui_marks_show(struct tui *t);

/* d, u in the bookmark list: mark for deletion, or take it off. */
void		 tui_marks_doom(struct tui *t, bool doom);

/* Leaving the bookmark list: delete what d marked. */
void		 tui_marks_purge(struct tui *t);

/* The number of bookmarks d marked for deletion. */
size_t		 tui_marks_ndoomed(const struct tui *t);

/* Enter in the bookmark list: open the bookmarked article at its line. */
void		 tui_marks_open(struct tui *t);

/*
 * q in an article opened from a bookmark of another edition: back to the
 * one the user was reading, at their place.  False when it cannot be.
 */
bool		 tui_marks_back(struct tui *t);

/* Read the read marks of the shown edition (t->read) from the store. */
void		 tui_marks_read_load(struct tui *t);

/* Whether an article of the shown edition has been read. */
bool		 tui_marks_is_read(const struct tui *t,
		     const struct article *a);

/*
 * Mark an article of the shown edition read or unread, in memory and in
 * the store; a store error is a status message, once a session.
 */
void		 tui_marks_set_read(struct tui *t, const struct article *a,
		     bool read);

/* The unread articles of a section, or of the shown edition. */
size_t		 tui_marks_unread(const struct tui *t,
		     const struct section *s);
size_t		 tui_marks_unread_all(const struct tui *t);

/* M: mark the selected (or open) article read, or unread again. */
void		 tui_marks_toggle_read(struct tui *t);

/*
 * The next unread article after (sec, art) in reading order, wrapping
 * round, never (sec, art) itself.  Returns false when there is none.
 */
bool		 tui_marks_find_unread(const struct tui *t, size_t sec,
		     size_t art, size_t *osec, size_t *oart);

/* U: open the next unread article, in any section. */
void		 tui_marks_next_unread(struct tui *t);

/* tui_library.c: the edition picker and moving between issues. */

/* Read the library at dir (false, with a message, when it cannot be). */
bool		 tui_library_open_dir(struct tui *t, const char *dir);

/* Draw the picker; act on a key in it. */
void		 tui_library_draw(struct tui *t);
enum tui_next	 tui_library_action(struct tui *t, enum tui_action act);

/* L: show the picker, or close it when it is shown over an edition. */
void		 tui_library_show(struct tui *t);

/* Enter in the picker: load the selected edition and show it. */
void		 tui_library_open(struct tui *t);

/* { and }: open the previous (older) or next (newer) issue. */
void		 tui_library_step(struct tui *t, bool older);

/*
 * q at the top list of an edition: back to the picker when the session
 * began on it (as q leaves a feed for the feed list in Newsboat).
 * Returns false when it did not, and q quits.
 */
bool		 tui_library_back(struct tui *t);

/* Free the library state. */
void		 tui_library_free(struct tui *t);

/*
 * Show library edition path (as Enter in the picker does).  Returns false,
 * with a message, when it is not in the library or does not load.
 */
bool		 tui_library_open_path(struct tui *t, const char *path);

/* tui_index.c: the reader and the library's full-text index. */

/*
 * Ed is shown: when it is an edition of the library, bring it up to date
 * in the index in a child process (after the one at work, if any).
 */
void		 tui_index_note(struct tui *t, const struct edition *ed);

/*
 * Reap the indexer when it is done and start the next one.  Returns
 * whether one is at work (the loop then wakes up to call this again).
 */
bool		 tui_index_reap(struct tui *t);

/* Stop the indexer (leaving the reader) and free the hit list. */
void		 tui_index_free(struct tui *t);

/*
 * / Enter in the picker: search the library's index for text (owned by
 * the callee).  The hits (t->found) then take the picker's place; a
 * message says when there are none.
 */
void		 tui_index_search(struct tui *t, char *text);

/* Draw the hit list in the picker. */
void		 tui_index_draw(struct tui *t);

/* Act on a key in the hit list. */
enum tui_next	 tui_index_action(struct tui *t, enum tui_action act);

/* Enter in the hit list: open the edition at the article. */
void		 tui_index_open(struct tui *t);

/* tui_export.c: s, | and y. */

/* s, |: open the prompt for a file name or a command, on an article. */
void		 tui_export_ask(struct tui *t, enum tui_prompt_kind kind);

/* Save the article to file name (plain text, or Markdown for .md). */
void		 tui_export_save(struct tui *t, const char *name);

/* Pipe the article to shell command cmd, the terminal given to it. */
void		 tui_export_pipe(struct tui *t, const char *cmd);

/* y: copy the article (or the match's paragraph) with OSC 52. */
void		 tui_export_copy(struct tui *t);

/*
 * tui_overlay.c: the quotes of "set quotes keep" under wide ambiguous
 * width, written over their placeholders straight to the terminal.
 */

/* Forget every note (the screen was erased). */
void		 tui_overlay_reset(struct tui *t);

/* Forget the notes of row y in columns [x, x + cols): drawn over. */
void		 tui_overlay_forget(struct tui *t, int y, int x, int cols);

/* Note that placeholder wide was drawn at (y, x) for the quote. */
void		 tui_overlay_add(struct tui *t, int y, int x, uint32_t quote,
		     wchar_t wide);

/*
 * After a refresh: write each noted quote over its placeholder, where
 * curses has sent the placeholder, and put the cursor and attributes
 * back as curses left them.
 */
void		 tui_overlay_draw(struct tui *t);

/* Free the notes. */
void		 tui_overlay_free(struct tui *t);

/* tui_position.c: the reading position (t->saved). */

/*
 * Save the reading position if it changed since the last save; force:
 * now.  Returns -1 when a save failed (t->saved.error says why).
 */
int		 tui_position_save(struct tui *t, bool force);

/* Open the edition where the user left it, unless --restart. */
void		 tui_position_restore(struct tui *t);

/* tui_list.c: the edition screen. */
void		 tui_list_draw(struct tui *t);
enum tui_next	 tui_list_action(struct tui *t, enum tui_action act);

/* tui_list.c: the bookmark list (t->marks). */
void		 tui_marks_draw(struct tui *t);
enum tui_next	 tui_marks_action(struct tui *t, enum tui_action act);

/* tui_reader.c: the article screen. */
void		 tui_reader_layout(struct tui *t);
void		 tui_reader_draw(struct tui *t);
enum tui_next	 tui_reader_action(struct tui *t, enum tui_action act);
void		 tui_reader_free(struct tui_reader *r);

/*
 * The position of the first visible line as (prepared block index, byte
 * offset in that block), which stays right at any window width; (0, 0)
 * when nothing is laid out.
 */
void		 tui_reader_where(const struct tui *t, size_t *block,
		     size_t *offset);

/* Scroll so the line holding (block, offset) is the first visible one. */
void		 tui_reader_seek(struct tui *t, size_t block,
		     size_t offset);

/*
 * tui_reader.c: the matches of the active search (t->search) in the open
 * article, and moving among them.  tui_reader_find() computes them (no
 * query: none) and, when hit is not SIZE_MAX, makes the match of that
 * search_article() hit current and scrolls to it; otherwise the current
 * match is the first one from the top line on (the first of all when none
 * is below), scrolled into view when show is set.  Returns the number of
 * matches.
 */
size_t		 tui_reader_find(struct tui *t, size_t hit, bool show);

/* tui_list.c: the result list of an edition search (t->results). */
void		 tui_results_draw(struct tui *t);
enum tui_next	 tui_results_action(struct tui *t, enum tui_action act);

/*
 * The hit of a search match a result list shows and opens: the first one
 * in the body, or the first one when all are in headlines.
 */
size_t		 tui_results_hit(const struct search_match *m);

/* tui_help.c: the help screen. */
void		 tui_help_draw(struct tui *t);
enum tui_next	 tui_help_action(struct tui *t, enum tui_action act);

/*
 * Apply a cursor movement (down, up, page down/up, top, bottom) to the
 * selection *sel among n items, page being the visible rows.  Returns
 * false, leaving *sel alone, when act is not a movement (tui_list.c).
 */
bool	 tui_move_selection(enum tui_action act, size_t *sel, size_t n,
	     long page);

/*
 * Apply a scrolling movement to the top line *top (0..max) of a view that
 * shows page lines at a time.  Returns false when act is not a movement.
 */
bool	 tui_move_scroll(enum tui_action act, size_t *top, size_t max,
	     size_t page);

#endif
