/*
 * tui_help.c - the help screen: the key table, as the loop uses it.
 *
 * Drawn straight from the effective key table (t->keymap: the defaults
 * and the user's "bind" lines), so help can never list a key the reader
 * does not have.  On a narrow window the descriptions wrap under
 * their keys instead of being cut.  It scrolls like the other screens;
 * q, Esc or ? closes it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tui_curses.h"

#include "i18n.h"
#include "layout.h"
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
	/*
	 * TRANSLATORS: the legend under the keys on the help screen; each
	 * line wraps to the window.  The mark (~, *, N, 字) starts the line.
	 */
	N_("~ before a headline: kanbao made it from the lead (none printed)"),
	N_("* before an article: it has a bookmark"),
	N_("N before an article: you have not read it yet"),
	N_("字: length of an article in characters"),
	"",
	/* TRANSLATORS: one sentence on two lines of the help screen. */
	N_("Bookmarks and the place you stopped reading are kept across runs"),
	N_("(see kanbao(1), FILES); --restart opens at the start.")
};

/*
 * Below this width the key names get a line of their own and the
 * description wraps under them, indented: cutting "half a page down
 * (bookmarks: mark to delete)" at 40 columns would hide what d does.
 */
#define HELP_WIDE_COLS	(HELP_KEYS_COLS + 3 + 40)

/* Columns the descriptions are indented by in the narrow form. */
#define HELP_NARROW_INDENT	6

/*
 * The help text as lines that fit cols columns: one line a binding when
 * the window is wide, else the keys and then the description wrapped
 * (layout.c, so Chinese breaks by its rules).  Then the legend, wrapped
 * the same way.  Caller frees the lines and the array.
 */
static char **
help_lines(const struct tui *t, size_t cols, size_t *nlines)
{
	size_t n = t->keymap.n, i, j, nl = 0, cap = 0;
	const struct tui_binding *b = t->keymap.rows;
	size_t nlegend = sizeof help_legend / sizeof help_legend[0];
	char **lines = NULL;
	struct layout lay;

#define HELP_ADD(s)	do {						\
	if (nl == cap) {						\
		cap = cap == 0 ? 64 : cap * 2;				\
		lines = xreallocarray(lines, cap, sizeof *lines);	\
	}								\
	lines[nl++] = (s);						\
} while (0)

	for (i = 0; i < n + nlegend; i++) {
		const char *text = i < n ? b[i].help : help_legend[i - n];
		size_t indent = i < n ? HELP_NARROW_INDENT : 2;

		/* gettext("") is the catalog's header, not "". */
		if (*text != '\0')
			text = _(text);

		if (i < n && cols >= HELP_WIDE_COLS) {
			char *keys = width_pad(b[i].names, strlen(b[i].names),
			    HELP_KEYS_COLS);

			HELP_ADD(xasprintf("  %s %s", keys, text));
			free(keys);
			continue;
		}
		if (i < n)
			HELP_ADD(xasprintf("  %s", b[i].names));
		if (*text == '\0') {
			HELP_ADD(xstrdup(""));
			continue;
		}
		layout_wrap(text, strlen(text),
		    cols > indent + 10 ? cols - indent : 10, &lay);
		for (j = 0; j < lay.nlines; j++)
			HELP_ADD(xasprintf("%*s%.*s", (int)indent, "",
			    (int)(lay.lines[j].end - lay.lines[j].start),
			    text + lay.lines[j].start));
		layout_free(&lay);
	}
#undef HELP_ADD
	*nlines = nl;
	return lines;
}

/* Free what help_lines() made. */
static void
help_lines_free(char **lines, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

/* Number of help lines at the current width. */
static size_t
help_nlines(const struct tui *t)
{
	size_t n;
	char **lines = help_lines(t, tui_text_cols(), &n);

	help_lines_free(lines, n);
	return n;
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
	/* TRANSLATORS: title of the help screen; keep the leading space. */
	const char *title = _(" kanbao keys");
	size_t rows = help_rows(), nl, y, i;
	char **lines = help_lines(t, tui_text_cols(), &nl);
	char *right;

	if (t->help_top + rows > nl)
		t->help_top = nl > rows ? nl - rows : 0;
	tui_put(t, 0, 0, title, strlen(title), tui_text_cols(), 0,
	    TUI_STYLE_TITLE);
	for (y = 0; y < rows; y++) {
		i = t->help_top + y;
		if (i >= nl)
			break;
		tui_put(t, (int)y + 2, 0, lines[i], strlen(lines[i]),
		    tui_text_cols(), 0, TUI_STYLE_TEXT);
	}
	right = xasprintf("%zu-%zu/%zu", t->help_top + 1,
	    t->help_top + rows < nl ? t->help_top + rows : nl, nl);
	/* TRANSLATORS: status line of the help screen, short. */
	tui_status(t, _("Help: q, Esc or ? closes"), right);
	free(right);
	help_lines_free(lines, nl);
}

/* Act on a key in the help screen: scroll, or close. */
enum tui_next
tui_help_action(struct tui *t, enum tui_action act)
{
	size_t rows = help_rows(), nl = help_nlines(t);
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
