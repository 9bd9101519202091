/*
 * tui_keys.h - the reader's key bindings: one table maps keys to actions.
 *
 * The same table (tui_keys.c) feeds the key lookup, the help screen (`?`)
 * and `kanbao --help-keys`, which the man page's key list is checked
 * against, so the three never disagree.
 */
#ifndef KANBAO_TUI_KEYS_H
#define KANBAO_TUI_KEYS_H

#include <stddef.h>

/* What a key asks for; each view decides what that means for it. */
enum tui_action {
	TUI_ACT_NONE = 0,
	TUI_ACT_DOWN,		/* one line or item down */
	TUI_ACT_UP,		/* one line or item up */
	TUI_ACT_PAGE_DOWN,
	TUI_ACT_PAGE_UP,
	TUI_ACT_TOP,
	TUI_ACT_BOTTOM,
	TUI_ACT_OPEN,		/* open the selected section or article */
	TUI_ACT_BACK,		/* back one level; quits from the top */
	TUI_ACT_QUIT,		/* quit at once */
	TUI_ACT_NEXT_ARTICLE,
	TUI_ACT_PREV_ARTICLE,
	TUI_ACT_NEXT_SECTION,
	TUI_ACT_PREV_SECTION,
	TUI_ACT_DIGIT,		/* part of a section number */
	TUI_ACT_BOOKMARK,	/* bookmark the article, or unbookmark it */
	TUI_ACT_BOOKMARKS,	/* show or close the bookmark list */
	TUI_ACT_HALF_DOWN,	/* half a page down; in the bookmark list,
				   mark for deletion */
	TUI_ACT_HALF_UP,	/* half a page up; in the bookmark list,
				   undo the mark */
	TUI_ACT_RESTART,	/* back to the start of the edition */
	TUI_ACT_SEARCH,		/* type a search: the edition, or the article */
	TUI_ACT_SEARCH_NEXT,	/* next match of the search */
	TUI_ACT_SEARCH_PREV,	/* previous match of the search */
	TUI_ACT_HELP,
	TUI_ACT_REDRAW,		/* repaint the whole screen */
	TUI_ACT_NEXT_UNREAD,	/* the next unread article, any section */
	TUI_ACT_TOGGLE_READ,	/* mark the article read, or unread */
	TUI_ACT_PREV_ISSUE,	/* the previous (older) edition of the paper */
	TUI_ACT_NEXT_ISSUE,	/* the next (newer) edition of the paper */
	TUI_ACT_LIBRARY,	/* the edition picker */
	TUI_ACT_SAVE,		/* save the article to a file */
	TUI_ACT_PIPE,		/* pipe the article to a command */
	TUI_ACT_COPY,		/* copy it to the clipboard (OSC 52) */
	TUI_ACT_NARROWER,	/* narrower text (the measure) */
	TUI_ACT_WIDER,		/* wider text */
	TUI_ACT_MEASURE_RESET,	/* the measure of the settings again */
	TUI_ACT_SCRIPT		/* as printed, Simplified, Traditional */
};

/*
 * Room for keys of one action, the ending 0 included: the defaults use
 * at most 3, "bind" lines (keymap.c) may add the others.
 */
#define TUI_KEYS_MAX	8

/* One row of the key table: the keys, their printed names, the action. */
struct tui_binding {
	int		 keys[TUI_KEYS_MAX];	/* curses key codes or characters;
						   0 ends the list */
	const char	*names;		/* the keys as users type them */
	enum tui_action	 action;
	const char	*help;		/* one line for help and the man page */
};

struct settings;

/*
 * The effective key table: the defaults of tui_keys_table() with the
 * user's "bind" lines applied (keymap.c).  Rows a binding changed get
 * their names made from their keys.
 */
struct tui_keymap {
	struct tui_binding	*rows;
	size_t			 n;
	char			**names;	/* per row: owned names of a
						   changed row, else NULL */
	char			*error;		/* the first binding that could
						   not be applied; NULL */
};

/* The key table and its number of rows (read-only, static storage). */
const struct tui_binding *tui_keys_table(size_t *n);

/*
 * Make the effective key table of settings s (NULL: the defaults).  Free
 * with tui_keymap_free().
 */
void		 tui_keymap_init(struct tui_keymap *m,
		     const struct settings *s);

/* Free what m holds. */
void		 tui_keymap_free(struct tui_keymap *m);

/*
 * The action bound to a key in m.  code is true when the key is a curses
 * function-key code (KEY_DOWN, ...) rather than a character, as
 * wget_wch() tells them apart.
 */
enum tui_action	 tui_keymap_action(const struct tui_keymap *m, int key,
		     int code);

#endif
