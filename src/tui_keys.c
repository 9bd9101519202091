/*
 * tui_keys.c - the key table of the reader.
 *
 * Every binding lives in the one table below: the event loop looks keys up
 * in it, the help screen lists it and `kanbao --help-keys` prints it for
 * the man page check.  Keys follow what readers of less, Newsboat and tin
 * expect (research: anchors-features.md (c)): vi/less movement, q back and
 * Q quit, Space/b paging, J/K next/previous item, ? help, ^L redraw.  The
 * bookmark keys are the marks of vi and less (m sets a mark, ' goes to
 * one, here through the list of them); d deletes, as in mutt.  Search is
 * less's and vi's: / types a search, n and N step through the matches.
 * Read state takes U (next unread) and M (mark read/unread) rather than
 * Newsboat's n and N, which search already has.  { and } step between
 * issues of a paper as vi's { and } step between paragraphs.
 */
#include "config.h"

#include <stdio.h>

#include "tui_curses.h"
#include "tui.h"
#include "tui_keys.h"

/* Control-key code of a letter, as the terminal sends it in cbreak mode. */
#define CTRL(c)		((c) & 0x1f)

/* Escape: closes help and number entry, else goes back one level. */
#define KEY_ESCAPE	0x1b

/*
 * Function keys are stored as their curses code plus this flag so they
 * never collide with a character of the same value (KEY_DOWN is 0402 but
 * so is the character U+0102).
 */
#define KEY_CODE_FLAG	0x1000000

/* The bindings, in the order help shows them. */
static const struct tui_binding tui_bindings[] = {
	{ { 'j', KEY_CODE_FLAG | KEY_DOWN, 0 }, "j, Down",
	  TUI_ACT_DOWN, "move down one line or item" },
	{ { 'k', KEY_CODE_FLAG | KEY_UP, 0 }, "k, Up",
	  TUI_ACT_UP, "move up one line or item" },
	{ { ' ', KEY_CODE_FLAG | KEY_NPAGE, CTRL('f'), 0 }, "Space, PgDn, ^F",
	  TUI_ACT_PAGE_DOWN, "page down" },
	{ { 'b', KEY_CODE_FLAG | KEY_PPAGE, CTRL('b'), 0 }, "b, PgUp, ^B",
	  TUI_ACT_PAGE_UP, "page up" },
	{ { 'g', KEY_CODE_FLAG | KEY_HOME, '<', 0 }, "g, Home, <",
	  TUI_ACT_TOP, "go to the top" },
	{ { 'G', KEY_CODE_FLAG | KEY_END, '>', 0 }, "G, End, >",
	  TUI_ACT_BOTTOM, "go to the bottom" },
	{ { '\n', '\r', KEY_CODE_FLAG | KEY_ENTER, 0 }, "Enter",
	  TUI_ACT_OPEN, "open the selected section or article" },
	{ { 'q', KEY_ESCAPE, 0 }, "q, Esc",
	  TUI_ACT_BACK, "back one level (quit from the top list)" },
	{ { 'Q', 0 }, "Q",
	  TUI_ACT_QUIT, "quit" },
	{ { 'J', 0 }, "J",
	  TUI_ACT_NEXT_ARTICLE, "next article" },
	{ { 'K', 0 }, "K",
	  TUI_ACT_PREV_ARTICLE, "previous article" },
	{ { ']', '\t', 0 }, "], Tab",
	  TUI_ACT_NEXT_SECTION, "next section" },
	{ { '[', KEY_CODE_FLAG | KEY_BTAB, 0 }, "[, Shift-Tab",
	  TUI_ACT_PREV_SECTION, "previous section" },
	{ { '1', '2', '3', 0 }, "1-9, NUMBER Enter",
	  TUI_ACT_DIGIT, "go to printed page (第N版) or section N" },
	{ { 'm', 0 }, "m",
	  TUI_ACT_BOOKMARK, "bookmark the article here, or remove its mark" },
	{ { '\'', 'B', 0 }, "', B",
	  TUI_ACT_BOOKMARKS, "show the bookmarks of all editions" },
	{ { 'd', CTRL('d'), 0 }, "d, ^D",
	  TUI_ACT_HALF_DOWN, "half a page down (bookmarks: mark to delete)" },
	{ { 'u', CTRL('u'), 0 }, "u, ^U",
	  TUI_ACT_HALF_UP, "half a page up (bookmarks: undo the mark)" },
	{ { 'R', 0 }, "R",
	  TUI_ACT_RESTART, "return to the start of the edition" },
	{ { '?', KEY_CODE_FLAG | KEY_F(1), 'h', 0 }, "?, F1, h",
	  TUI_ACT_HELP, "show or close this help" },
	{ { CTRL('l'), 0 }, "^L",
	  TUI_ACT_REDRAW, "redraw the screen" },
	/* Last, so the keys above still fit a 24-line help screen. */
	{ { '/', 0 }, "/",
	  TUI_ACT_SEARCH, "search the edition (the article in the reader, "
	  "the library in the picker)" },
	{ { 'n', 0 }, "n",
	  TUI_ACT_SEARCH_NEXT, "next match (or result)" },
	{ { 'N', 0 }, "N",
	  TUI_ACT_SEARCH_PREV, "previous match (or result)" },
	{ { 'U', 0 }, "U",
	  TUI_ACT_NEXT_UNREAD, "next unread article, in any section" },
	{ { 'M', 0 }, "M",
	  TUI_ACT_TOGGLE_READ, "mark the article read, or unread again" },
	{ { '{', 0 }, "{",
	  TUI_ACT_PREV_ISSUE, "previous issue of the paper (上一期)" },
	{ { '}', 0 }, "}",
	  TUI_ACT_NEXT_ISSUE, "next issue of the paper (下一期)" },
	{ { 'L', 0 }, "L",
	  TUI_ACT_LIBRARY, "the library: all editions, newest first" },
	{ { 's', 0 }, "s",
	  TUI_ACT_SAVE, "save the article to a file (.md: Markdown)" },
	{ { '|', 0 }, "|",
	  TUI_ACT_PIPE, "pipe the article to a command" },
	{ { 'y', 0 }, "y",
	  TUI_ACT_COPY, "copy the article or match paragraph (OSC 52)" }
};

/* Return the table and its length. */
const struct tui_binding *
tui_keys_table(size_t *n)
{
	*n = sizeof tui_bindings / sizeof tui_bindings[0];
	return tui_bindings;
}

/* Look a key up in the table; digits are one row with a range. */
enum tui_action
tui_keys_action(int key, int code)
{
	size_t i, j, n;
	int want;

	if (!code && key >= '0' && key <= '9')
		return TUI_ACT_DIGIT;
	want = code ? (key | KEY_CODE_FLAG) : key;
	n = sizeof tui_bindings / sizeof tui_bindings[0];
	for (i = 0; i < n; i++) {
		/* The digit row lists only samples of its keys: handled above. */
		if (tui_bindings[i].action == TUI_ACT_DIGIT)
			continue;
		for (j = 0; j < TUI_KEYS_MAX && tui_bindings[i].keys[j] != 0;
		    j++) {
			if (tui_bindings[i].keys[j] == want)
				return tui_bindings[i].action;
		}
	}
	return TUI_ACT_NONE;
}

/* Print one "KEYS<TAB>HELP" line per binding, for --help-keys. */
void
tui_print_keys(FILE *out)
{
	size_t i, n;
	const struct tui_binding *b = tui_keys_table(&n);

	for (i = 0; i < n; i++)
		fprintf(out, "%s\t%s\n", b[i].names, b[i].help);
}
