/*
 * tui_help.c - the help screen: the key table, as the loop uses it.
 *
 * Drawn straight from tui_keys_table(), so help can never list a key the
 * reader does not have.  It scrolls like the other screens; q, Esc or ?
 * closes it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tui_curses.h"

#include "buf.h"
#include "tui.h"
#include "tui_keys.h"
#include "tui_view.h"
#include "width.h"
#include "xalloc.h"

/* Columns of the key names field. */
#define HELP_KEYS_COLS	22

/* Lines after the key table: what the marks on screen mean. */
static const char *const help_legend[] = {
	"",
	"~ before a headline: kanbao made it from the lead (none printed)",
	"* before an article: it has a bookmark",
	"字: length of an article in characters",
	"",
	"Bookmarks and the place you stopped reading are kept across runs",
	"(see kanbao(1), FILES); --restart opens at the start."
};

/* Number of help lines: title, blank, bindings, legend. */
static size_t
help_nlines(void)
{
	size_t n;

	tui_keys_table(&n);
	return n + sizeof help_legend / sizeof help_legend[0];
}

/* Rows the help text may use (the title and status are fixed). */
static size_t
help_rows(void)
{
	return LINES > 3 ? (size_t)LINES - 3 : 1;
}

/* Draw the help screen. */
void
tui_help_draw(struct tui *t)
{
	static const char title[] = " kanbao keys";
	size_t n, rows = help_rows(), nl = help_nlines(), y, i;
	const struct tui_binding *b = tui_keys_table(&n);
	char *right;

	if (t->help_top + rows > nl)
		t->help_top = nl > rows ? nl - rows : 0;
	tui_put(t, 0, 0, title, strlen(title), tui_text_cols(), 0,
	    TUI_STYLE_TITLE);
	for (y = 0; y < rows; y++) {
		struct buf line = BUF_INIT;
		char *keys;

		i = t->help_top + y;
		if (i >= nl)
			break;
		if (i < n) {
			keys = width_pad(b[i].names, strlen(b[i].names),
			    HELP_KEYS_COLS);
			buf_printf(&line, "  %s %s", keys, b[i].help);
			free(keys);
		} else
			buf_printf(&line, "  %s", help_legend[i - n]);
		tui_put(t, (int)y + 2, 0, buf_str(&line), line.len,
		    tui_text_cols(), 0, TUI_STYLE_TEXT);
		buf_free(&line);
	}
	right = xasprintf("%zu-%zu/%zu", t->help_top + 1,
	    t->help_top + rows < nl ? t->help_top + rows : nl, nl);
	tui_status(t, "Help: q, Esc or ? closes", right);
	free(right);
}

/* Act on a key in the help screen: scroll, or close. */
enum tui_next
tui_help_action(struct tui *t, enum tui_action act)
{
	size_t rows = help_rows(), nl = help_nlines();
	size_t max = nl > rows ? nl - rows : 0, top = t->help_top;

	switch (act) {
	case TUI_ACT_BACK:
	case TUI_ACT_OPEN:
		return TUI_NEXT_CLOSE;
	default:
		if (!tui_move_scroll(act, &top, max, rows))
			return TUI_NEXT_NONE;
	}
	if (top == t->help_top)
		return TUI_NEXT_NONE;
	t->help_top = top;
	return TUI_NEXT_DRAW;
}
